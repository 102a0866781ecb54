import SociaalHusCore
import TerminalKit

/// One screen of the app: its own keys, how it reacts, and how it draws itself into a grid.
public protocol Screen: AnyObject {
    /// Title in the top bar.
    func title(_ ctx: UIContext) -> String
    /// The screen's own key bindings (the global ones are added by the app).
    func bindings(_ ctx: UIContext) -> [Binding<Action>]
    /// True while a text field has focus: printable keys are typed, not used as shortcuts.
    var capturesText: Bool { get }
    /// True while a text area has focus: Enter and the arrows move within it too.
    var capturesLines: Bool { get }
    /// The kind of choice (a tick box, a row of options) that has focus, if any: the screen's
    /// letters are no shortcuts then (someone typing, thinking they are in a text field, sets
    /// off nothing).
    var focusedChoice: Form.Choice? { get }
    /// True when leaving would lose typed input (Esc then asks first).
    var hasUnsavedInput: Bool { get }
    /// True when something typed here is not saved, also where leaving keeps it as a draft
    /// (the intake form): what a session ended by a block or an erasure cannot keep.
    var hasTypedInput: Bool { get }
    /// Reacts to a bound action.
    func handle(_ action: Action, _ ctx: UIContext)
    /// Reacts to a key no binding claimed (typing); true when used.
    func handleKey(_ key: Key, _ ctx: UIContext) -> Bool
    /// Draws the content area, changing nothing but how far a list or form is scrolled (to keep
    /// the focused item in sight): words, keys and data are set before, when the screen comes
    /// into view and by its keys, so two frames in a row are the same and a key does the same
    /// whether or not a frame was drawn before it.
    func render(into g: inout Grid, area: Rect, _ ctx: UIContext)
    /// Called when the screen comes (back) into view: re-read data.
    func willAppear(_ ctx: UIContext)
    /// False for a screen whose reading is itself an act on record (opening an intake writes
    /// an audit line): another terminal's change does not make it read again by itself.
    var refreshesLive: Bool { get }
    /// The collections whose change another terminal made the screen reads again for (nil: any).
    var livesOn: Set<CollectionName>? { get }
    /// Ctrl-R: read again, throwing away what was typed (the choice offered when someone else
    /// saved first); by default as when the screen comes into view.
    func reloadDiscardingInput(_ ctx: UIContext)
    /// True when `reloadDiscardingInput` gives up what was typed (a form that reads its record
    /// anew): Ctrl-R then asks first while there is unsaved input. False for a form that keeps
    /// its input on Ctrl-R (a new message has no record to read again).
    var reloadDiscardsInput: Bool { get }
    /// True when another terminal's change to `changed` touched what the typed input stands on,
    /// so "changed by someone else" is true: for a form that edits a record, only a newer
    /// version of that record; a form for a new record has none yet.
    func inputOutdated(by changed: Set<CollectionName>, _ ctx: UIContext) -> Bool
    /// Called when the screen is closed, when another tab comes to the front, and before
    /// logging out or quitting (while the session is still there).
    func willDisappear(_ ctx: UIContext)
    /// What one or more items of the screen's list are called when read out ("organisaties",
    /// "dagen"); nil: the tab's own word (the agenda's "activiteiten").
    func itemNoun(one: Bool, _ ctx: UIContext) -> String?
}

extension Screen {
    public var capturesText: Bool { false }
    public var capturesLines: Bool { false }
    public var focusedChoice: Form.Choice? { nil }
    /// True while a tick box or a row of options has focus (see `focusedChoice`).
    public var focusIsOnChoice: Bool { focusedChoice != nil }
    public var hasUnsavedInput: Bool { false }
    public var hasTypedInput: Bool { hasUnsavedInput }
    public func handleKey(_ key: Key, _ ctx: UIContext) -> Bool { false }
    public func willAppear(_ ctx: UIContext) {}
    public var refreshesLive: Bool { true }
    public var livesOn: Set<CollectionName>? { nil }
    public func reloadDiscardingInput(_ ctx: UIContext) { willAppear(ctx) }
    public var reloadDiscardsInput: Bool { false }
    public func inputOutdated(by changed: Set<CollectionName>, _ ctx: UIContext) -> Bool { true }
    public func willDisappear(_ ctx: UIContext) {}
    public func itemNoun(one: Bool, _ ctx: UIContext) -> String? { nil }
}

/// A line shown above the status bar: information or an error (with a text marker, not only colour).
public struct StatusMessage: Equatable, Sendable {
    /// The text.
    public var text: String
    /// True for errors.
    public var isError: Bool

    /// Creates a message.
    public init(_ text: String, isError: Bool = false) {
        self.text = text
        self.isError = isError
    }
}
