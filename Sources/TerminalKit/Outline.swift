/// What a screen shows, as items in reading order: the widgets that draw into
/// a grid also note what they draw here, so plain mode can write the same screen as lines for a
/// screen reader, with numbered items and fields asked one at a time.
public enum OutlineItem: Equatable, Sendable {
    /// A heading inside a list (a day).
    case heading(String)
    /// A list's row: its item number (nil for a row that is not an item) and whether it is chosen.
    case row(String, number: Int?, selected: Bool)
    /// Where the selection is in a list: item `number` of `of`.
    case position(number: Int, of: Int)
    /// A line of text (a detail page, a summary, an explanation).
    case text(String)
    /// A form field.
    case field(OutlineField)
    /// A dialog over the screen (a question, the help).
    case dialog(title: String, lines: [String])
    /// The message line.
    case message(String, isError: Bool)
}

/// One form field as plain mode reads it out.
public struct OutlineField: Equatable, Sendable {
    /// Its kind, with what is needed to fill it in.
    public enum Kind: Equatable, Sendable {
        case text(secret: Bool, limit: Int)
        case area(limit: Int)
        case toggle(Bool)
        case choice(options: [String], selected: Int)
        case button
    }

    /// The field's name on screen.
    public var label: String
    /// What it holds now (never a secret's text).
    public var value: String
    /// Its kind.
    public var kind: Kind
    /// True for the focused field.
    public var focused: Bool
    /// The error shown under it, if any.
    public var error: String?

    /// Creates a field description.
    public init(label: String, value: String, kind: Kind, focused: Bool, error: String?) {
        self.label = label
        self.value = value
        self.kind = kind
        self.focused = focused
        self.error = error
    }
}
