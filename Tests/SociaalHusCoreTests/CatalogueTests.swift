import Foundation
@testable import SociaalHusCore
import Testing

/// The catalogues are complete and really translated: the compiler checks that each language
/// words every `Word`; these tests check what it cannot.
@Suite struct CatalogueTests {
    /// The catalogue source of `language`, as (word, text) per `case …: return "…"` line.
    static func texts(_ file: String) -> [String: String] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/SociaalHusWords/\(file).swift")
        var out: [String: String] = [:]
        for line in ((try? String(contentsOf: url, encoding: .utf8)) ?? "").split(separator: "\n") {
            let l = line.trimmingCharacters(in: .whitespaces)
            guard l.hasPrefix("case ."), let r = l.range(of: ": return ") else { continue }
            out[String(l.dropFirst(6).prefix { $0.isLetter || $0.isNumber })] = String(l[r.upperBound...])
        }
        return out
    }

    /// Words that are the same in both languages on purpose: loanwords and format names.
    static let sameInBoth: Set<String> = ["textIcsJsonPdf", "eMail2", "website", "openText2", "help", "contact2", "week", "eMail",
                                          "status", "takedown", "filter", "account", "reportedActivity", "postcodeField",
                                          "nameVia", "categorySport"]

    @Test func everyEnglishTextIsEnglish() {
        let nl = Self.texts("Dutch"), en = Self.texts("English")
        #expect(nl.count > 1_000 && nl.keys.sorted() == en.keys.sorted())
        let same = nl.filter { word, text in
            en[word] == text && text.replacing(/\\\(\w+\)/, with: "").contains(/[A-Za-z]{3}/)
        }.keys
        #expect(Set(same) == Self.sameInBoth, "same text in Dutch and English: \(Set(same).subtracting(Self.sameInBoth).sorted())")
    }

    @Test("a word with values shows them in each language", arguments: Language.allCases)
    func valuesAreShown(_ lang: Language) {
        let text = lang.t(.yourPasswordIsTooShort(7, 12))
        #expect(text.contains("7") && text.contains("12"))
        #expect(lang.t(.reportedPost("Fietsen")).hasSuffix("Fietsen"))
    }

    @Test func theMainCatalogueIsTheLanguageChosen() {
        #expect(Language.dutch.t(.reportedPost("x")) == "Prikbord: x")
        #expect(Language.english.t(.reportedPost("x")) == "Notice board: x")
    }

    @Test("the core names an error as a word; each language words it whole, field names included")
    func errorsAreWords() {
        let error = CoreError.changedElsewhere(what: "'Fietsen'", changed: [ChangedField(name: .title2, now: "Fietsen!")])
        let word = error.word
        #expect(Language.dutch.t(word).contains("titel nu: Fietsen!"), "\(Language.dutch.t(word))")
        #expect(Language.english.t(word).contains("title now: Fietsen!"), "\(Language.english.t(word))")
        #expect(!Language.english.t(word).contains("titel"))
        #expect(Language.english.t(CoreError.fieldRequired(.title).word) == CoreError.fieldRequired(.title).message(.english))
        #expect(!CoreError.fieldRequired(.title).message(.english).contains("Titel"))
    }

    /// Regression: equality compared the Dutch wording once `Word` had a `description`, so two
    /// words worded alike in Dutch ("Mededeling") were equal.
    @Test func wordsAreEqualOnlyWhenEveryLanguageWordsThemAlike() {
        #expect(Word.notice != Word.announcement)
        #expect(Word.notice == Word.notice)
        #expect(Word.reportedPost("a") == Word.reportedPost("a") && Word.reportedPost("a") != Word.reportedPost("b"))
    }
}

