/// A key press, independent of ncurses.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    case char(Character)
    case enter, escape, tab, backTab, backspace, delete
    case up, down, left, right, pageUp, pageDown, home, end
    case function(Int)
    case ctrl(Character)
    /// The window changed size.
    case resize

    /// How the key is written in help and in the status bar, in Dutch ("Spatie").
    public var description: String { name(english: false) }

    /// How the key is written in help and in the status bar ("Spatie" / "Space").
    public func name(english: Bool) -> String {
        switch self {
        case .char(" "): english ? "Space" : "Spatie"
        case .char(let c): String(c)
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .delete: "Del"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .function(let n): "F\(n)"
        case .ctrl(let c): "Ctrl-\(c.uppercased())"
        case .resize: "resize"
        }
    }
}

/// One entry of a key table: an action, the keys that trigger it, and its help text.
/// The status bar and the help screen are generated from these, so they cannot drift.
public struct Binding<Action: Hashable & Sendable>: Sendable {
    /// What happens.
    public var action: Action
    /// Keys that do it (the first is shown in the status bar).
    public var keys: [Key]
    /// Short label for the status bar.
    public var label: String
    /// Longer text for the help screen.
    public var help: String
    /// Group on the help screen.
    public var group: String
    /// Shown in the bottom bar (the most important few).
    public var inStatusBar: Bool

    /// Creates a binding.
    public init(_ action: Action, _ keys: [Key], label: String, help: String? = nil, group: String, inStatusBar: Bool = true) {
        self.action = action
        self.keys = keys
        self.label = label
        self.help = help ?? label
        self.group = group
        self.inStatusBar = inStatusBar
    }

    /// The keys as text, e.g. "↓/j".
    public var keyText: String { keyText(english: false) }

    /// The keys as text in a language ("PgDn/Spatie", "PgDn/Space").
    public func keyText(english: Bool) -> String { keys.map { $0.name(english: english) }.joined(separator: "/") }
}
