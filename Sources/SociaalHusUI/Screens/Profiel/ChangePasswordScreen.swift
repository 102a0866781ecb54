import SociaalHusCore
import TerminalKit

/// Wachtwoord wijzigen: the current password, the new one (rules explained before typing) and
/// the new one again.
final class ChangePasswordScreen: Screen {
    private var form: Form

    /// Creates an empty form.
    init() {
        form = Form([
            FormField("old", "", .text(TextField(secret: true, limit: PasswordPolicy.maximumLength))),
            FormField("new", "", .text(TextField(secret: true, limit: PasswordPolicy.maximumLength))),
            FormField("repeat", "", .text(TextField(secret: true, limit: PasswordPolicy.maximumLength))),
            FormField("gap", "", .note(.normal)),
            FormField("submit", "", .button),
        ], labelWidth: 26)
    }

    func title(_ ctx: UIContext) -> String { ctx.t(.changePassword) }
    func bindings(_ ctx: UIContext) -> [Binding<Action>] { KeyTable.form(ctx.lang, form: form) }
    var capturesText: Bool { form.isEditingText }
    var hasUnsavedInput: Bool { form.edited }

    func handle(_ action: Action, _ ctx: UIContext) {
        switch action {
        case .nextField: _ = form.handle(.tab)
        case .previousField: _ = form.handle(.backTab)
        case .activate:
            // Enter in the last field saves at once, as people expect after typing a password twice.
            if form.focusedID == "repeat" { submit(ctx) } else { press(form.handle(.enter), ctx) }
        case .toggle: press(form.handle(.char(" ")), ctx)
        case .submit: if let id = form.submitButton?.id { press(.pressed(id), ctx) }
        default: break
        }
    }

    func handleKey(_ key: Key, _ ctx: UIContext) -> Bool {
        let e = form.handle(key)
        press(e, ctx)
        return e != .ignored
    }

    /// Reacts to the button.
    private func press(_ e: Form.Event, _ ctx: UIContext) {
        if case .pressed("submit") = e { submit(ctx) }
    }

    /// Checks the repeat, then asks the core to change the password; every refusal is explained.
    private func submit(_ ctx: UIContext) {
        guard let id = ctx.session else { return }
        let new = form.text("new")
        guard new == form.text("repeat") else {
            ctx.fail(ctx.t(.thePasswordsDifferTypeThe))
            form.setText("repeat", "")
            form.focus(on: "repeat")
            return
        }
        do {
            try ctx.store.perform(.changePassword(for: id, old: form.text("old"), new: new), as: ctx.viewer)
        } catch CoreError.loginFailed {
            // The core answers "e-mail or password incorrect"; here only the current password can be wrong.
            ctx.fail(ctx.t(.yourCurrentPasswordIsIncorrect))
            form.setText("old", "")
            form.focus(on: "old")
            return
        } catch {
            ctx.fail(error)
            if case .passwordRejected? = error as? CoreError { form.focus(on: "new") }
            return
        }
        ctx.pop()
        ctx.inform(ctx.t(.yourPasswordHasBeenChanged))
    }

    /// The form's words in the interface language, set when the screen comes into view: the keys
    /// offered (Ctrl-S names the button) read them before anything is drawn.
    func willAppear(_ ctx: UIContext) {
        let labels = ["old": ctx.t(.currentPassword),
                      "new": ctx.t(.newPassword),
                      "repeat": ctx.t(.repeatNewPassword),
                      "submit": ctx.t(.changePassword)]
        for i in form.fields.indices { if let l = labels[form.fields[i].id] { form.fields[i].label = l } }
    }

    func render(into g: inout Grid, area fullArea: Rect, _ ctx: UIContext) {
        let area = ProfileLongMessage.draw(ctx, into: &g, area: fullArea)
        // The rules come before the fields, so they are read before typing.
        let rules = TextWidth.wrap(ctx.t(PasswordPolicy.explanation), to: max(area.width - 4, 1))
        var y = area.y + 1
        for line in rules.prefix(max(area.height - 6, 1)) {
            g.put(line, x: area.x + 2, y: y, role: .muted, maxWidth: area.width - 4)
            y += 1
        }
        y += 1
        form.render(into: &g, area: Rect(x: area.x, y: y, width: area.width, height: max(area.maxY - y, 0)))
    }
}
