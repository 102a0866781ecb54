import Foundation

/// How plain mode reads a typed line as the answer to the question it asked:
/// a choice by its number or its words, a yes/no by its words. Anything else is no answer, so the
/// question is asked again and nothing changes: a sentence is never run as keys.
enum PlainAnswer {
    /// A yes/no answer.
    enum YesNo: Equatable { case yes, no }

    /// Words that say yes, in Dutch and English (for a tick box also "aan"/"on" and 1).
    static let yesWords: Set<String> = ["j", "ja", "y", "yes"]
    /// Words that say no.
    static let noWords: Set<String> = ["n", "nee", "no"]
    /// A tick box also takes on/off and 1/0.
    static let onWords: Set<String> = yesWords.union(["aan", "on", "1"])
    static let offWords: Set<String> = noWords.union(["uit", "off", "0"])

    /// The line in the form answers are compared in: lower case, without accents, single
    /// spaces, and without a full stop or exclamation mark at the end ("Ja." is "ja").
    static func normalised(_ s: String) -> String {
        var t = s.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        while let last = t.last, ".!".contains(last) { t.removeLast() }
        return t
    }

    /// The yes/no a line says, with `yes` and `no` the words taken (nil: neither).
    static func yesNo(_ text: String, yes: Set<String> = yesWords, no: Set<String> = noWords) -> YesNo? {
        let t = normalised(text)
        if yes.contains(t) { return .yes }
        if no.contains(t) { return .no }
        return nil
    }

    /// The option a line chooses (its index): its number (1 is the first), its words ("alleen
    /// buren" for "Alleen buren"), or the start of its words when only one option starts so.
    /// Nil when the line names no option or more than one.
    static func choice(_ text: String, options: [String]) -> Int? {
        let t = normalised(text)
        guard !t.isEmpty else { return nil }
        if t.allSatisfy({ $0.isASCII && $0.isNumber }) {
            guard let n = Int(t), n >= 1, n <= options.count else { return nil }
            return n - 1
        }
        let names = options.map(normalised)
        if let exact = names.firstIndex(of: t), names.filter({ $0 == t }).count == 1 { return exact }
        let starting = names.indices.filter { names[$0].hasPrefix(t) }
        return starting.count == 1 ? starting[0] : nil
    }
}
