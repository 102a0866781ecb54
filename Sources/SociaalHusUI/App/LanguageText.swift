import SociaalHusCore

/// The interface language with a short picker for inline texts.
public struct LanguageText: Sendable {
    /// The language.
    public var language: Language

    /// Creates a picker.
    public init(_ language: Language) { self.language = language }

    /// The text of `word`.
    public func t(_ word: Word) -> String { language.t(word) }
}
