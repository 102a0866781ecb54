import Foundation

/// The interface language: Dutch by default, English complete as well.
public enum Language: String, Sendable, CaseIterable, Codable {
    case dutch = "nl"
    case english = "en"

    /// The catalogue that words this language.
    public var catalogue: any Catalogue {
        switch self {
        case .dutch: Dutch()
        case .english: English()
        }
    }

    /// The text of `word` in this language.
    public func t(_ word: Word) -> String { catalogue.text(word) }

    /// Chooses the language from an explicit `--lang` value, else `LANG`/`LC_ALL`/`LC_MESSAGES`; Dutch unless English is asked for.
    public static func resolve(explicit: String?, environment: [String: String]) -> Language {
        if let explicit, let lang = Language(code: explicit) { return lang }
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[key], !value.isEmpty {
                return value.lowercased().hasPrefix("en") ? .english : .dutch
            }
        }
        return .dutch
    }

    /// Parses "nl", "en", "nl_NL.UTF-8", "english" and the like.
    public init?(code: String) {
        let c = code.lowercased()
        if c.hasPrefix("nl") || c == "dutch" || c == "nederlands" { self = .dutch }
        else if c.hasPrefix("en") { self = .english }
        else { return nil }
    }
}
