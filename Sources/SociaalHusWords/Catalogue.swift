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

/// Two words are equal when every language words them alike: the values are any printable
/// type, so the compiler cannot derive it, and one language's wording alone (`description`)
/// would make "Mededeling" the notice equal to "Mededeling" the announcement.
extension Word: Equatable {
    /// True when `a` and `b` read the same in every language.
    public static func == (a: Word, b: Word) -> Bool { Language.allCases.allSatisfy { $0.t(a) == $0.t(b) } }
}

/// A word shown as a value inside another word takes the language of the word around it.
extension Word: CustomStringConvertible {
    /// The word in the language being worded now.
    public var description: String { Language.current.t(self) }
}

/// A value worded by its own function of the language, for parts that are not a `Word` (a
/// problem's own message): worded when the word around it is, in that word's language. This
/// lets the core hand out a code with its values, and the reader's layer choose the language.
public struct InLanguage: Value {
    /// Words the value in a language.
    public let text: @Sendable (Language) -> String

    /// A value worded by `text`.
    public init(_ text: @escaping @Sendable (Language) -> String) { self.text = text }

    /// The value in the language being worded now.
    public var description: String { text(Language.current) }
}

/// A key named in a text by the action it does, for texts made where the key table is not known
/// (the core's errors): worded as the key in force where the text is shown, else as `fallback`.
public struct KeyName: Value {
    /// The action's name in the key table ("refresh").
    public let action: String
    /// The key named where no key table is in force (the command line).
    public let fallback: String

    /// The key of `action`, or `fallback`.
    public init(_ action: String, fallback: String) {
        self.action = action
        self.fallback = fallback
    }

    /// Names an action's key in force, set by the interface while it words a text.
    @TaskLocal public static var namer: KeyNamer? = nil

    /// The key in force, else the fallback.
    public var description: String { KeyName.namer?.name(action) ?? fallback }
}

/// How the interface names an action's key while it words a text (`KeyName.namer`).
///
/// A class around the function rather than the bare optional function as the task-local's
/// value: with the latter, the release build's specialised `TaskLocal.withValue` crashed in
/// `swift_task_localValuePush` (Swift 6.x, Linux) the first time the interface drew a word.
public final class KeyNamer: Sendable {
    /// The key named for an action's name in the key table, if it has one.
    public let name: @Sendable (String) -> String?

    /// A namer that asks `name`.
    public init(_ name: @escaping @Sendable (String) -> String?) { self.name = name }
}

extension Word {
    /// "a, b en c" / "a, b and c": the catalogue words the joins, so a list reads right in each
    /// language (nil for no items).
    public static func list(_ items: [Word]) -> Word? {
        guard let first = items.first else { return nil }
        switch items.count {
        case 1: return first
        case 2: return .twoItems(first, items[1])
        default: return list(Array(items.dropFirst())).map { .itemThen(first, $0) }
        }
    }
}

extension Catalogue {
    /// "1 seconde", "2 seconden": a count with its noun in the form the count takes. The forms
    /// are the catalogue's (one is singular, zero and more are plural in Dutch and English
    /// alike), so no screen or command chooses a plural itself.
    public func plural(_ n: any Value, _ one: String, _ many: String) -> String {
        "\(n) " + (isOne(n) ? one : many)
    }

    /// True when the count reads as one: for a sentence whose other words follow the count
    /// ("elke dag" rather than "om de 1 dag").
    public func isOne(_ n: any Value) -> Bool {
        n.description == "1"
    }
}
