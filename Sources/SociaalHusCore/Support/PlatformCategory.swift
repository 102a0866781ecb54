import Foundation

/// One of the platform's categories: the one list that organisations give their activities
/// and residents pick their interests from, so a notification can match.
///
/// The list is the desk's subjects (`IntakeCategory`) and a few of the activities' own. A
/// category is kept by its Dutch name (`key`) and shown in the reader's language (`word`).
public struct PlatformCategory: Hashable, Sendable, Comparable {
    /// The Dutch name, as activities and interests store it.
    public let key: String
    /// The name in the reader's language.
    public let word: Word

    /// Every category, in the order a list shows them.
    public static let all: [PlatformCategory] = IntakeCategory.allCases.map { PlatformCategory(key: $0.rawValue, word: $0.word) } + [
        PlatformCategory(key: "cultuur", word: .categoryCultuur), PlatformCategory(key: "sport en bewegen", word: .categorySportEnBewegen),
        PlatformCategory(key: "sport", word: .categorySport), PlatformCategory(key: "ontmoeting", word: .categoryOntmoeting),
        PlatformCategory(key: "taal", word: .categoryTaal), PlatformCategory(key: "gezondheid", word: .categoryGezondheid),
        PlatformCategory(key: "jeugd", word: .categoryJeugd), PlatformCategory(key: "ouderen", word: .categoryOuderen),
        PlatformCategory(key: "mantelzorg", word: .categoryMantelzorg),
    ]

    /// Every category's key, as one line for a message that lists what may be chosen.
    public static var keysListed: String { all.map(\.key).joined(separator: ", ") }

    private static let byFold: [String: PlatformCategory] = Dictionary(all.map { (fold($0.key), $0) }, uniquingKeysWith: { a, _ in a })

    /// The category `text` names, compared without case, accents or extra spaces ("Sport en
    /// Bewegen", "cultúur"); nil when it names none.
    public init?(matching text: String) {
        guard let found = Self.byFold[Self.fold(text)] else { return nil }
        self = found
    }

    private init(key: String, word: Word) {
        self.key = key
        self.word = word
    }

    /// The categories `texts` name, each once, in the list's order.
    public static func matching(_ texts: [String]) -> [PlatformCategory] {
        let found = Set(texts.compactMap { PlatformCategory(matching: $0) })
        return all.filter { found.contains($0) }
    }

    /// The categories named in a free text as whole words ("sport op dinsdag" names "sport"):
    /// how a post, which has no category, is matched to interests.
    public static func named(in text: String) -> [PlatformCategory] {
        let words = " " + fold(text).split { !($0.isLetter || $0.isNumber) }.joined(separator: " ") + " "
        return all.filter { words.contains(" " + fold($0.key) + " ") }
    }

    /// The comparison form: lower case, without accents, single spaces.
    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The same category: the same key.
    public static func == (a: PlatformCategory, b: PlatformCategory) -> Bool { a.key == b.key }

    /// By its key.
    public func hash(into h: inout Hasher) { h.combine(key) }

    /// In the list's order.
    public static func < (a: PlatformCategory, b: PlatformCategory) -> Bool {
        (all.firstIndex(of: a) ?? 0) < (all.firstIndex(of: b) ?? 0)
    }
}
