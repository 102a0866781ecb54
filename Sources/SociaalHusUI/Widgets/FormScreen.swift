import SociaalHusCore
import TerminalKit

/// A problem a screen finds itself (a time written wrongly), in the interface language.
public struct FormProblem: Error {
    /// The sentence shown under the field.
    public let text: String
    /// Creates a problem.
    public init(_ text: String) { self.text = text }
}

/// One check of a form field: its id, its name in the message line, and the rule to run.
public typealias FormCheck = (id: String, label: String, check: () throws -> Void)

extension Form {
    /// Runs every check, shows all problems at once under their fields (naming each field in the
    /// message line) and moves focus to the first; true when there were none.
    public mutating func check(_ checks: [FormCheck], _ ctx: UIContext) -> Bool {
        var problems: [(id: String, message: String)] = []
        for c in checks {
            do { try c.check() } catch {
                var core = error as? CoreError
                // An address left empty is a field to fill in, not "'' is no valid address".
                if case .invalidEmail(let e)? = core, e.trimmingCharacters(in: .whitespaces).isEmpty { core = .fieldRequired(.email) }
                let message = core.map { ctx.t($0.word(naming: shownLabel(c.id) ?? c.label)) } ?? (error as? FormProblem)?.text ?? "\(error)"
                problems.append((c.id, message))
            }
        }
        setErrors(problems)
        guard !problems.isEmpty else { return true }
        let names = problems.compactMap { p in shownLabel(p.id) ?? checks.first { $0.id == p.id }?.label }.joined(separator: ", ")
        ctx.fail(problems.count == 1
                 ? problems[0].message
                 : ctx.t(.fieldsAreNotRightYet(problems.count, names)))
        return false
    }
}

/// The common behaviour of a screen that is one form: keys move through fields, Enter on the
/// save button calls `save`, typed text is kept when saving fails, Esc asks before discarding.
/// (In the app, not TerminalKit: it is a `Screen`, and its checks speak the core's errors.)
open class FormScreen: Screen {
    /// The form.
    public var form: Form

    /// Creates a form screen.
    public init(_ form: Form) { self.form = form }

    /// Sets the form's words that are not fixed when it is made: the interface language's, and
    /// those that follow the screen's data or another field. Called when the screen comes into
    /// view and after every key, so the keys offered (Ctrl-S names the first button) and plain
    /// mode read them before anything is drawn, and drawing only draws.
    open func setLabels(_ ctx: UIContext) {}

    /// The form's words are set anew: what they depend on may have changed while out of view.
    open func willAppear(_ ctx: UIContext) { setLabels(ctx) }

    /// Ctrl-R: read again (a form that edits a record closes instead, see `closeForNewerVersion`).
    open func reloadDiscardingInput(_ ctx: UIContext) { willAppear(ctx) }

    /// False: a form's own `willAppear` keeps what was typed; one that closes for a newer
    /// version says true.
    open var reloadDiscardsInput: Bool { false }

    /// True: any change another terminal made to what the screen shows (a form that edits one
    /// record narrows this to that record).
    open func inputOutdated(by changed: Set<CollectionName>, _ ctx: UIContext) -> Bool { true }

    /// For a form that edits a record: someone else's newer version is loaded by closing the
    /// form (the screen behind shows it); what was typed is given up, as asked with Ctrl-R.
    public func closeForNewerVersion(_ ctx: UIContext) {
        ctx.pop()
        ctx.inform(ctx.t(.theFormWasClosedWithout))
    }

    open func title(_ ctx: UIContext) -> String { "" }

    open func bindings(_ ctx: UIContext) -> [Binding<Action>] { KeyTable.form(ctx.lang, form: form) }

    public var capturesText: Bool { form.isEditingText }

    public var capturesLines: Bool { form.isEditingArea }

    public var focusedChoice: Form.Choice? { form.focusedChoice }

    open var hasUnsavedInput: Bool { form.edited }

    open var hasTypedInput: Bool { hasUnsavedInput }

    open func willDisappear(_ ctx: UIContext) {}

    /// Called for a pressed button.
    open func pressed(_ id: String, _ ctx: UIContext) {}

    open func handle(_ action: Action, _ ctx: UIContext) {
        defer { setLabels(ctx) }
        switch action {
        case .nextField: _ = form.handle(.tab)
        case .previousField: _ = form.handle(.backTab)
        case .activate: press(form.handle(.enter), ctx)
        case .submit: if let id = form.submitButton?.id { pressed(id, ctx) }
        case .toggle: press(form.handle(.char(" ")), ctx)
        default: break
        }
    }

    open func handleKey(_ key: Key, _ ctx: UIContext) -> Bool {
        defer { setLabels(ctx) }
        let e = form.handle(key)
        press(e, ctx)
        return e != .ignored
    }

    /// Runs every check, shows all problems at once under their fields (naming each field in the
    /// message line) and moves focus to the first; true when there were none.
    public func check(_ checks: [FormCheck], _ ctx: UIContext) -> Bool { form.check(checks, ctx) }

    private func press(_ e: Form.Event, _ ctx: UIContext) {
        if case .pressed(let id) = e { pressed(id, ctx) }
    }

    open func render(into g: inout Grid, area: Rect, _ ctx: UIContext) {
        form.render(into: &g, area: Rect(x: area.x + 1, y: area.y + 1, width: area.width - 2, height: area.height - 1))
    }
}
