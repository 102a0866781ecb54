import Foundation
import Testing
@testable import SociaalHusCore
import SociaalHusBench
@testable import SociaalHusUI
import TerminalKit

/// While plain mode asks a question, what is typed is an answer. A choice takes
/// its number or its words, a yes/no its words; anything else asks again and changes nothing.
@Suite(.serialized) struct PlainPromptTests {
    // MARK: The answer parser against a simple model

    /// The model: a number in range, else the one option whose words (lower case, no accents,
    /// single spaces) equal the line or are the only ones to start with it.
    static func modelChoice(_ line: String, _ options: [String]) -> Int? {
        func norm(_ s: String) -> String {
            var t = s.lowercased().folding(options: .diacriticInsensitive, locale: nil).split(separator: " ").joined(separator: " ")
            while t.hasSuffix(".") || t.hasSuffix("!") { t.removeLast() }
            return t
        }
        let l = norm(line)
        if !l.isEmpty, l.allSatisfy({ ("0"..."9").contains($0) }) {
            guard let n = Int(l), n >= 1, n <= options.count else { return nil }
            return n - 1
        }
        if l.isEmpty { return nil }
        let names = options.map(norm)
        if names.filter({ $0 == l }).count == 1 { return names.firstIndex(of: l) }
        let starting = names.indices.filter { names[$0].hasPrefix(l) }
        return starting.count == 1 ? starting[0] : nil
    }

    @Test("a choice by its number or its words, as the model says, for random lines and options (seeded)")
    func choiceAgainstModel() {
        var rng = SplitMix64(seed: 25)
        let words = ["Alleen", "buren", "Anoniem", "Openbaar", "alleen", "mijn", "graag", "Centrum", "Bornsche", "Maten", "é", "1", "2", "0", "?", "ja", "nee", ""]
        for _ in 0..<3_000 {
            let options = (0..<Int.random(in: 1...5, using: &rng)).map { _ in
                (0..<Int.random(in: 1...3, using: &rng)).map { _ in words.randomElement(using: &rng)! }.joined(separator: " ")
            }
            var line = (0..<Int.random(in: 0...3, using: &rng)).map { _ in words.randomElement(using: &rng)! }.joined(separator: " ")
            if Bool.random(using: &rng) { line = options.randomElement(using: &rng)!.uppercased() }
            if Int.random(in: 0..<6, using: &rng) == 0 { line += "." }
            #expect(PlainAnswer.choice(line, options: options) == Self.modelChoice(line, options), "\(line) in \(options)")
        }
    }

    @Test("the cases in the issue", arguments: [
        ("alleen buren", 1), ("Alleen buren", 1), ("ALLEEN  BUREN.", 1), ("2", 1), ("alleen", 1), ("open", 2),
        ("Alleen mijn buren graag", nil), ("a", nil), ("4", nil), ("0", nil), ("Wat is dit?", nil), ("", nil),
    ] as [(String, Int?)])
    func issueCases(line: String, expected: Int?) {
        #expect(PlainAnswer.choice(line, options: ["Anoniem", "Alleen buren", "Openbaar"]) == expected)
    }

    @Test("yes and no by their words; nothing else is either", arguments: [
        ("j", PlainAnswer.YesNo.yes), ("Ja", .yes), ("ja.", .yes), ("yes", .yes), ("n", .no), ("NEE", .no), ("no", .no),
        ("jawel", nil), ("ja graag", nil), ("q", nil), ("l", nil), ("?", nil), ("1", nil),
    ] as [(String, PlainAnswer.YesNo?)])
    func yesNo(line: String, expected: PlainAnswer.YesNo?) {
        #expect(PlainAnswer.yesNo(line) == expected)
    }

    // MARK: Every prompt of every form

    /// Where forms are, per role: the lines that reach them from the first screen.
    static let forms: [(role: String?, path: [String])] = [
        (nil, ["!profiel"]),                                     // Inloggen
        (nil, ["!profiel", "", "", "n", "n", ""]),               // Registreren
        (nil, ["!profiel", "", "", "n", ""]),                    // Wachtwoord vergeten
        (nil, ["!agenda", "1", "m"]),                            // Melden
        ("anna", ["!profiel"]),                                  // Profiel
        ("anna", ["!prikbord", "n"]),                            // Nieuw bericht
        ("anna", ["!profiel", "!p"]),                            // Wachtwoord wijzigen
        ("kees", ["!agenda", "n"]),                              // Nieuwe activiteit
        ("lotte", ["!intake", "n"]),                             // Nieuw gesprek
    ]

    /// Lines a person might type at a question: words that are keys elsewhere, tab names,
    /// sentences, numbers, punctuation.
    static let vocabulary = ["q", "l", "m", "j", "k", "n", "?", "x", "d", "agenda", "profiel", "prikbord", "Alleen mijn buren graag",
                             "Wat is dit?", "ja graag", "12", "0", "3", "-1", "/koffie", "jjj", "é", "!!x", "alleen", "Openbaar", "1 2"]

    /// The values of the fields, by label.
    static func values(_ grid: Grid) -> [String: String] {
        var out: [String: String] = [:]
        for f in PlainSession.fields(grid.outline) {
            switch f.kind {
            case .toggle(let on): out[f.label] = on ? "on" : "off"
            default: out[f.label] = f.value
            }
        }
        return out
    }

    @Test("random lines at every prompt of every form never change the screen, the login or another field (seeded)",
          arguments: Array(forms.indices))
    func randomLinesAtPrompts(_ index: Int) throws {
        let form = Self.forms[index]
        let d = Driver()
        if let role = form.role { d.logIn(role) }
        let (s, lines) = PlainSessionTests.session(d)
        s.start()
        for line in form.path { s.handle(line: line) }
        let first = d.app.render(size: PlainSession.size)
        let fields = PlainSession.fields(first.outline)
        try #require(fields.count > 1 && !d.app.hasModal, "\(form.path) reaches a form: \(lines.all.suffix(3))")
        var rng = SplitMix64(seed: UInt64(index) + 2_500)
        var asked = Set<Int>()
        var steps = 0
        while asked.count < fields.count, steps < fields.count * 8 {
            steps += 1
            let grid = d.app.render(size: PlainSession.size)
            let now = PlainSession.fields(grid.outline)
            guard let at = now.firstIndex(where: \.focused) else { break }
            asked.insert(at)
            let field = now[at]
            var line = Self.vocabulary.randomElement(using: &rng)!
            if case .button = field.kind, PlainAnswer.yesNo(line) == .yes { line = "Alleen mijn buren graag" }
            let screen = ObjectIdentifier(d.app.current), tab = d.app.tab, account = d.app.ctx.account?.id
            let before = Self.values(grid)
            let said = lines.all.count
            s.handle(line: line)
            let after = d.app.render(size: PlainSession.size)
            #expect(ObjectIdentifier(d.app.current) == screen && d.app.tab == tab, "\(form.path) field \(at + 1) '\(field.label)': '\(line)' changed the screen: \(lines.all[said...])")
            #expect(d.app.ctx.account?.id == account, "\(form.path) field \(at + 1): '\(line)' changed the login")
            #expect(!d.app.hasModal, "\(form.path) field \(at + 1): '\(line)' opened a dialog")
            for (label, value) in Self.values(after) where label != field.label {
                if let old = before[label] { #expect(old == value, "\(form.path): '\(line)' at '\(field.label)' changed '\(label)'") }
            }
            if case .button = field.kind, PlainAnswer.yesNo(line) != .no {
                #expect(lines.all[said...].contains { $0.hasPrefix("FOUT: '") }, "an answer that is none is said so: \(lines.all[said...])")
            }
            guard ObjectIdentifier(d.app.current) == screen else { break }
            // A refused line leaves the question where it was; go on to the next with Enter or n.
            if PlainSession.fields(after.outline).firstIndex(where: \.focused) == at {
                if case .button = field.kind { s.handle(line: "n") } else { s.handle(line: "") }
            }
        }
        #expect(asked.count == fields.count, "\(form.path): every field was asked (\(asked.count) of \(fields.count))")
    }

    @Test("regression: at 'Wie ziet je' a sentence is no answer and logs nobody out; its words choose")
    func sentenceAtChoice() throws {
        let d = Driver()
        d.logIn("anna")
        let (s, lines) = PlainSessionTests.session(d)
        s.start()
        s.handle(line: "!profiel")
        for _ in 0..<3 { s.handle(line: "") }
        #expect(lines.all.last?.contains("Wie ziet je") == true, "\(lines.all.suffix(2))")
        s.handle(line: "Alleen mijn buren graag")
        #expect(d.app.ctx.account != nil && d.app.current is ProfileScreen && !(d.app.current is AgendaMonthScreen))
        #expect(lines.all.suffix(2).first?.hasPrefix("FOUT: 'Alleen mijn buren graag' is geen antwoord op deze vraag") == true, "\(lines.all.suffix(2))")
        #expect(lines.all.last?.contains("Veld 8 van 33: Wie ziet je") == true, "asked again")
        s.handle(line: "alleen buren")
        #expect(lines.all.last?.contains("Veld 9 van 33") == true, "\(lines.all.suffix(2))")
        #expect(PlainSession.fields(d.app.render(size: PlainSession.size).outline)[7].value == "Alleen buren")
    }

    @Test("regression: at the Prikbord's Soort a sentence ending in ? neither prints the help nor switches Soort")
    func questionMarkAtSoort() throws {
        let d = Driver()
        d.logIn("anna")
        let (s, lines) = PlainSessionTests.session(d)
        s.start()
        s.handle(line: "!prikbord")
        s.handle(line: "n")
        let before = PlainSession.fields(d.app.render(size: PlainSession.size).outline)
        let soort = try #require(before.first { $0.focused })
        s.handle(line: "Wie kan mij helpen?")
        let after = PlainSession.fields(d.app.render(size: PlainSession.size).outline)
        #expect(after.first { $0.focused }?.label == soort.label && after.first { $0.focused }?.value == soort.value)
        #expect(!lines.all.contains { $0.hasPrefix("Toetsen van") }, "no help")
        #expect(lines.all.last?.contains(soort.label) == true, "the question again: \(lines.all.suffix(2))")
    }

    @Test("a yes/no dialog takes yes or no by their words; a sentence does nothing and asks again")
    func dialogAnswers() {
        let d = Driver()
        let (s, lines) = PlainSessionTests.session(d)
        s.start()
        s.handle(line: "q")
        #expect(d.app.dialogAnswer == .yesNo)
        s.handle(line: "Jazeker, wat leuk")
        #expect(d.app.running && d.app.dialogAnswer == .yesNo, "still asking")
        #expect(lines.all.contains { $0.hasPrefix("FOUT: 'Jazeker, wat leuk' is geen antwoord") })
        #expect(lines.all.suffix(3).contains("Wil je SociaalHus afsluiten?"), "the question again: \(lines.all.suffix(2))")
        s.handle(line: "nee")
        #expect(d.app.running && !d.app.hasModal)
        s.handle(line: "q")
        s.handle(line: "Ja")
        #expect(!d.app.running)
    }

    @Test("commands need ! while a question waits: !agenda, !?, and a screen's letter from a text field")
    func commandsWithPrefix() {
        let d = Driver()
        d.logIn("anna")
        let (s, lines) = PlainSessionTests.session(d)
        s.start()
        s.handle(line: "!profiel")
        #expect(lines.all.last?.contains("Veld 5 van 33: Naam") == true)
        s.handle(line: "!?")
        #expect(lines.all.contains("Toetsen van Profiel:") && lines.all.contains { $0.hasPrefix("  !") })
        s.handle(line: "!g")
        #expect(lines.all.contains("Mijn gegevens."), "a letter key from a text field: \(lines.all.suffix(3))")
        s.handle(line: "!esc")
        #expect(PlainSession.fields(d.app.render(size: PlainSession.size).outline).first { $0.label == "Naam" }?.value == "Demo Anna de Vries", "the name was not typed into")
        s.handle(line: "!agenda")
        #expect(d.app.tab == .agenda && lines.all.contains("Agenda."))
    }

    @Test("on a list a sentence is not run as keys; a run of the screen's keys is")
    func sentenceOnList() {
        let d = Driver()
        let (s, lines) = PlainSessionTests.session(d)
        s.start()
        s.handle(line: "Alleen mijn buren")
        #expect(d.app.tab == .agenda && d.app.current is AgendaScreen)
        #expect(lines.all.last?.hasPrefix("FOUT: 'Alleen mijn buren' is hier geen opdracht") == true)
        s.handle(line: "jjj")
        #expect(lines.all.last?.hasPrefix("4 van ") == true, "\(lines.all.suffix(1))")
    }
}
