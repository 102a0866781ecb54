import SociaalHusCore
import TerminalKit

/// The common behaviour of a screen that is one form: keys move through fields, Enter on the
/// save button calls `save`, typed text is kept when saving fails, Esc asks before discarding.
open class FormScreen: Screen {
    /// The form.
    public var form: Form

    /// Creates a form screen.
    public init(_ form: Form) { self.form = form }

    open func title(_ ctx: UIContext) -> String { "" }

    open func bindings(_ ctx: UIContext) -> [Binding<Action>] { KeyTable.form(ctx.lang) }

    public var capturesText: Bool { form.isEditingText }

    open var hasUnsavedInput: Bool { form.edited }

    open func willDisappear(_ ctx: UIContext) {}

    /// Called for a pressed button.
    open func pressed(_ id: String, _ ctx: UIContext) {}

    open func handle(_ action: Action, _ ctx: UIContext) {
        switch action {
        case .nextField: _ = form.handle(.tab)
        case .previousField: _ = form.handle(.backTab)
        case .activate: press(form.handle(.enter), ctx)
        case .toggle: press(form.handle(.char(" ")), ctx)
        default: break
        }
    }

    open func handleKey(_ key: Key, _ ctx: UIContext) -> Bool {
        let e = form.handle(key)
        press(e, ctx)
        return e != .ignored
    }

    private func press(_ e: Form.Event, _ ctx: UIContext) {
        if case .pressed(let id) = e { pressed(id, ctx) }
    }

    open func render(into g: inout Grid, area: Rect, _ ctx: UIContext) {
        form.render(into: &g, area: Rect(x: area.x + 1, y: area.y + 1, width: area.width - 2, height: area.height - 1))
    }
}
