import Foundation
import Testing
@testable import SociaalHusCore
@testable import SociaalHusUI
import TerminalKit

/// English is complete. Every screen a visitor, a resident, a local partner,
/// an editor, the desk and an administrator reach in English is searched for words of the Dutch
/// interface (what residents typed stays as typed: the demo's titles and places are Dutch); dates
/// are written one way per language; and no text is the same in Dutch and English by mistake.
@Suite(.serialized) struct EnglishScreensTests {
    /// Words only the Dutch interface uses (whole words, as written).
    static let dutchOnly = ["Prikbord", "prikbord", "Wijk", "wijk", "wijken", "Wijken", "Spatie", "Zoeken", "Terug", "Opslaan", "Stoppen",
                            "Inloggen", "Uitloggen", "bezoeker", "Vandaag", "Berichten", "Organisaties", "Profiel", "Categorie", "Annuleren",
                            "Versturen", "Openen", "Kiezen", "Volgend", "Vorig", "niets", "hele dag", "FOUT", "Filter op", "Nieuw", "Melden",
                            "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag", "Maandag", "Dinsdag", "Woensdag",
                            "Donderdag", "Vrijdag", "Zaterdag", "Zondag", "januari", "februari", "maart", "mei", "juni", "juli", "augustus",
                            "oktober", "december", "Toetsen", "Lijst", "Formulier", "Algemeen", "Bewerken", "Verwijderen", "verplicht",
                            "Ja", "Nee", "ja", "nee", "geen", "Geen", "cultuur", "geldzaken", "wonen", "vrijwilligerswerk", "Categorieën"]

    /// The key presses of the walk, from the agenda.
    static let walks: [[Key]] = [
        [], [.char("w")], [.char("f")], [.char("c")], [.char("?")], [.enter], [.char("n")],
        [.char("2")], [.char("2"), .enter], [.char("2"), .char("n")], [.char("2"), .char("?")],
        [.char("3")], [.char("3"), .enter], [.char("3"), .char("c")], [.char("3"), .char("?")],
        [.char("4")], [.char("4"), .char("g")], [.char("4"), .char("p")], [.char("4"), .char("?")],
        [.char("5")], [.char("5"), .char("n")], [.char("5"), .enter], [.char("6")], [.char("6"), .enter], [.char("7")], [.char("7"), .enter],
        [.char("q")],
    ]

    static func screens(as prefix: String?) -> [(String, String)] {
        var out: [(String, String)] = []
        for walk in walks {
            let d = Driver(lang: .english, size: Size(cols: 120, rows: 50))
            if let prefix { d.logIn(prefix); d.press(.char("1")) }
            for k in walk { d.press(k) }
            out.append(("\(prefix ?? "visitor") \(walk.map { "\($0)" })", d.screen))
        }
        return out
    }

    /// The Dutch words on a screen, with the line each stands in.
    static func dutch(in screen: String) -> [String] {
        screen.split(separator: "\n").flatMap { line in
            dutchOnly.filter { w in
                let r = try! NSRegularExpression(pattern: "(?<![\\p{L}])" + NSRegularExpression.escapedPattern(for: w) + "(?![\\p{L}])")
                let text = String(line)
                return r.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
            }
                .map { "'\($0)' in: \(line.trimmingCharacters(in: .whitespaces))" }
        }
    }

    /// `screen` without what residents wrote: each piece of content taken out of its line, and a
    /// line that is wholly a wrapped piece of a longer text left out.
    static func withoutContent(_ screen: String) -> String {
        screen.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var l = String(line)
            for c in content where c.count >= 4 {
                l = l.replacingOccurrences(of: c, with: "").replacingOccurrences(of: String(c.prefix(24)), with: "")
            }
            let rest = l.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "│▌…"))
                .trimmingCharacters(in: .whitespaces)
            return rest.count >= 4 && content.contains { $0.contains(rest) } ? "" : l
        }.joined(separator: "\n")
    }

    /// The demo's own content (titles, places, descriptions, names), which stays as typed.
    static let content: [String] = {
        let s = UIFixture.freshStore()
        defer { try? FileManager.default.removeItem(atPath: s.path) }
        let st = s.state
        var out: [String] = []
        for a in st.agenda.all { out += [a.title, a.location, a.description] }
        for o in st.organisations.all { out += [o.name, o.description, o.address] }
        for p in st.posts.all { out += [p.title, p.body] }
        for m in st.messages.all { out += [m.text, m.senderEmail] }
        // A resident's interests are shown as they typed them on their own data page.
        for a in st.accounts.all { out.append(a.profile.interests.joined(separator: ", ")) }
        for w in s.wijken { out.append(w.name) }
        return out
    }()

    @Test("no word of the Dutch interface on any screen in English", arguments: [nil, "anna", "sanne", "kees", "lotte", "yvonne"] as [String?])
    func noDutch(as prefix: String?) {
        for (name, screen) in Self.screens(as: prefix) {
            // What residents wrote is theirs and stays as typed; the rest of its line is the
            // interface's and must be English ("Prikbord: <title>" was excused whole before).
            let found = Self.dutch(in: Self.withoutContent(screen))
            #expect(found.isEmpty, "\(name):\n\(found.joined(separator: "\n"))")
            #expect(screen.firstMatch(of: /\b\d\d-\d\d-\d{4}\b/) == nil && screen.firstMatch(of: /\b\d{4}-\d\d-\d\d\b/) == nil || screen.contains("YYYY-MM-DD"),
                    "\(name): a date in the Dutch or ISO style")
        }
    }

    @Test("one date style per language", arguments: [(Language.dutch, "24-11-2026"), (.english, "24 Nov 2026")])
    func dateStyle(lang: Language, text: String) {
        #expect(lang.t(LocalTime.shortDate(fixedNow)) == text)
    }

    @Test("categories in the reader's language where the platform knows them, else as typed",
          arguments: [("cultuur", "culture"), ("Geldzaken", "Money matters"), ("zorg en ondersteuning", "care and support"), ("Breien", "Breien")])
    func categories(dutch: String, english: String) {
        #expect(Language.english.t(Glossary.category(dutch)) == english)
        #expect(Language.dutch.t(Glossary.category(dutch)) == dutch)
    }
}
