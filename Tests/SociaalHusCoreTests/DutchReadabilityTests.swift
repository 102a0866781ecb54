import Foundation
import Testing

/// Dutch texts are written at language level B1 ("begrijpelijke taal"), measured on the Dutch
/// catalogue itself with the Flesch-Douma formula and a list of words that B1 guides replace.
///
/// The lines, and why:
/// - Flesch-Douma = 206.84 − 0.77 × syllables per 100 words − 0.93 × words per sentence. Douma's
///   scale calls 60–70 "fairly easy", the band B1 texts land in; the catalogue as a whole must
///   average at least 65.
/// - Short interface texts swing wildly (one long compound such as "prikbordberichten" drags a
///   six-word label down 30 points), so a single text is held to a floor, not to the mean: every
///   text for residents of eight words or more scores at least 30, the top of Douma's "very
///   difficult" band. Below that a sentence needs rewriting, not a shorter word.
/// - Texts for operators at the command line, and texts that mostly quote commands, paths or
///   addresses (a `--flag` or `/etc/…` is not prose), count in the mean but not for the floor.
/// - Words to avoid come from the government's B1 word lists ("Direct duidelijk"): each has a
///   plain everyday word, so none may appear in any Dutch text.
@Suite struct DutchReadabilityTests {
    /// One Dutch text from the catalogue, with its values shown as a plain word.
    struct Text {
        var word: String, group: String, text: String
    }

    static let avoid = ["indien", "teneinde", "middels", "derhalve", "alsmede", "thans", "reeds", "conform", "inzake", "omtrent",
                        "betreffende", "desgewenst", "woonachtig", "aanvang", "zorgdragen", "verstrekken", "retourneren", "dienen te",
                        "ten behoeve van", "geaccordeerd", "vigerend", "onverwijld", "terstond", "alvorens", "tevens", "echter", "ingevolge",
                        "doch", "wensen te", "gelieve", "bijgaand", "hierbij", "middels", "nochtans", "voorts", "aldus", "overeenkomstig"]

    /// The Dutch catalogue's texts, read from its source: every `case …: return "…"` line.
    static let texts: [Text] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/SociaalHusWords/Dutch.swift")
        let source = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        var group = "", out: [Text] = []
        for line in source.split(separator: "\n") {
            let l = line.trimmingCharacters(in: .whitespaces)
            if l.hasPrefix("// MARK: ") { group = String(l.dropFirst(9)) }
            guard l.hasPrefix("case ."), let r = l.range(of: ": return \""), l.hasSuffix("\"") else { continue }
            let name = l.dropFirst(6).prefix { $0.isLetter || $0.isNumber }
            var body = String(l[r.upperBound...].dropLast())
            // A value reads as one ordinary word ("iets"): its length is not the text's doing.
            while let open = body.range(of: "\\("), let close = body[open.upperBound...].firstIndex(of: ")") {
                body.replaceSubrange(open.lowerBound...close, with: "iets")
            }
            out.append(Text(word: String(name), group: group, text: body.replacingOccurrences(of: "\\n", with: " ")))
        }
        return out
    }()

    /// The words of `text`: letters, with inner hyphens and apostrophes.
    static func words(_ text: String) -> [String] {
        text.split { !($0.isLetter || $0 == "-" || $0 == "'") }.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "-'")) }.filter { !$0.isEmpty }
    }

    /// Dutch vowel sounds, longest first: each is one syllable ("aai" in "aaien", "ooi" in "mooie").
    static let vowelSounds = ["ieu", "aai", "ooi", "oei", "eeu", "aa", "ee", "oo", "uu", "ie", "oe", "eu", "ui", "ij", "ei", "ou", "au"]

    /// Syllables of a Dutch word: its vowel sounds, each taken longest first; a vowel with a
    /// diaeresis ("geïnteresseerd") is a sound of its own.
    static func syllables(_ word: String) -> Int {
        let single = Set("aeiouyéèêëïöüá")
        var rest = Substring(word.lowercased()), count = 0
        while let c = rest.first {
            if let sound = vowelSounds.first(where: { rest.hasPrefix($0) }) {
                count += 1
                rest = rest.dropFirst(sound.count)
            } else {
                if single.contains(c) { count += 1 }
                rest = rest.dropFirst()
            }
        }
        return max(count, 1)
    }

    /// Flesch-Douma of `text`; sentences end at . ! ? ; or : followed by a space or the end.
    static func fleschDouma(_ text: String) -> Double {
        let w = words(text)
        let chars = Array(text)
        var sentences = 0
        for (i, c) in chars.enumerated() where ".!?;:".contains(c) && (i + 1 == chars.count || chars[i + 1] == " ") { sentences += 1 }
        let perSentence = Double(w.count) / Double(max(sentences, 1))
        let syllablesPer100 = 100 * Double(w.map(syllables).reduce(0, +)) / Double(max(w.count, 1))
        return 206.84 - 0.77 * syllablesPer100 - 0.93 * perSentence
    }

    /// Prose for a resident: not a command-line text, and not mostly quoting commands or paths.
    static func isResidentProse(_ t: Text) -> Bool {
        t.group != "Command line" && !t.text.contains("--") && !t.text.contains("/") && !t.text.contains("@") && !t.text.contains("$")
    }

    @Test("the formula counts syllables as a Dutch reader would", arguments: [
        ("huis", 1), ("zitten", 2), ("prikbord", 2), ("geïnteresseerd", 5), ("aaien", 2), ("mooie", 2), ("bericht", 2), ("organisatie", 5),
    ])
    func syllableCounts(word: String, expected: Int) {
        #expect(Self.syllables(word) == expected, "\(word)")
    }

    @Test func aPlainSentenceScoresHigherThanOfficialese() {
        let plain = Self.fleschDouma("Je bericht staat nu op het prikbord. Je kunt het altijd weer weghalen.")
        let official = Self.fleschDouma("Uw prikbordbericht is gepubliceerd; verwijdering is te allen tijde mogelijk conform de gebruiksvoorwaarden.")
        #expect(plain > 65 && official < 30, "\(plain) \(official)")
    }

    @Test func theCatalogueIsRead() {
        #expect(Self.texts.count > 1_000)
        #expect(Self.texts.contains { $0.word == "loginFailed" || $0.text.contains("wachtwoord") })
    }

    @Test func theDutchCatalogueAveragesLevelB1() {
        let scored = Self.texts.filter { Self.words($0.text).count >= 8 }.map { Self.fleschDouma($0.text) }
        let mean = scored.reduce(0, +) / Double(max(scored.count, 1))
        #expect(mean >= 65, "Flesch-Douma mean \(mean) over \(scored.count) texts")
    }

    @Test func noTextForResidentsIsVeryDifficult() {
        let hard = Self.texts.filter { Self.isResidentProse($0) && Self.words($0.text).count >= 8 && Self.fleschDouma($0.text) < 30 }
        #expect(hard.isEmpty, "\(hard.map { "\($0.word) (\(Int(Self.fleschDouma($0.text)))): \($0.text)" }.joined(separator: "\n"))")
    }

    @Test func noDutchTextUsesAWordB1Avoids() {
        let found = Self.texts.flatMap { t in
            Self.avoid.filter { w in (" " + Self.words(t.text).joined(separator: " ").lowercased() + " ").contains(" \(w) ") }.map { "\(t.word): \($0)" }
        }
        #expect(found.isEmpty, "\(found)")
    }
}
