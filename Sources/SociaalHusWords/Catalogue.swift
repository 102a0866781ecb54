/// What every catalogue of values a word shows can hold: anything with a plain text form.
public typealias Value = CustomStringConvertible & Sendable

/// The wording of every `Word` in one language.
///
/// A catalogue is one file with one exhaustive `switch`, so the compiler refuses a word that a
/// language does not say; a third language is one new catalogue and one `Language` case.
public protocol Catalogue: Sendable {
    /// The text of `word` in this language.
    func text(_ word: Word) -> String
}

/// Two words are equal when they name the same text with the same values, compared by their
/// plain form: the values are any printable type, so the compiler cannot derive it.
extension Word: Equatable {
    /// True when `a` and `b` are the same word with the same values.
    public static func == (a: Word, b: Word) -> Bool { String(describing: a) == String(describing: b) }
}
