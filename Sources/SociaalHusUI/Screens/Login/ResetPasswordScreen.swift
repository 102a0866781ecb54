import SociaalHusCore
import TerminalKit

/// Wachtwoord vergeten: the e-mail address, the one-time code (from the desk, or mailed to that
/// address where the platform sends e-mail), and a new password twice (rules shown before
/// typing). The right code logs the person in with the new password.
final class ResetPasswordScreen: FormScreen {
    /// Codes this screen may ask by e-mail (each costs a password hash; a mailbox is protected by
    /// the store's limit per account).
    static let mailRequestsPerScreen = 3
    private var mailRequests = 0
    private let canMail: Bool

    init(_ ctx: UIContext, email: String = "") {
        canMail = !ctx.store.settings.mailCommand.isEmpty
        var fields = [
            FormField("intro", "", .note(.normal)),
            FormField("email", "", .text(TextField(limit: Field.email.limit))),
            FormField("code", "", .text(TextField(limit: 40))),
            FormField("rules", ctx.t(PasswordPolicy.explanation), .note(.muted)),
            FormField("new", "", .text(TextField(secret: true, limit: PasswordPolicy.maximumLength))),
            FormField("repeat", "", .text(TextField(secret: true, limit: PasswordPolicy.maximumLength))),
            FormField("submit", "", .button),
        ]
        if canMail { fields.append(FormField("mail", "", .button)) }
        super.init(Form(fields, labelWidth: 26))
        form.setText("email", email)
        form.focus(on: email.isEmpty ? "email" : "code")
        setLabels(ctx)
    }

    override func title(_ ctx: UIContext) -> String { ctx.t(.forgotPassword) }

    override func pressed(_ id: String, _ ctx: UIContext) {
        switch id {
        case "submit": submit(ctx)
        case "mail": mailCode(ctx)
        default: break
        }
    }

    /// Enter in the last password field sets it at once, as in the other password forms.
    override func handle(_ action: Action, _ ctx: UIContext) {
        if action == .activate, form.focusedID == "repeat" { return submit(ctx) }
        super.handle(action, ctx)
    }

    /// Asks the core to mail a code; the answer is the same whether the address has an account.
    private func mailCode(_ ctx: UIContext) {
        let email = form.text("email")
        guard check([("email", Field.email.label(ctx.language), { _ = try EmailAddress.normalise(email) })], ctx) else { return }
        guard mailRequests < Self.mailRequestsPerScreen else {
            return ctx.fail(ctx.t(.youHaveAlreadyAskedFor(Self.mailRequestsPerScreen)))
        }
        mailRequests += 1
        do {
            try ctx.store.perform(.requestResetCodeByMail(email: email), as: ctx.viewer)
            ctx.inform(ctx.t(.ifThereIsAnAccount))
            form.focus(on: "code")
        } catch {
            ctx.fail(error)
        }
    }

    /// Checks the repeat, then asks the core; everything typed but the passwords stays on a refusal.
    private func submit(_ ctx: UIContext) {
        let new = form.text("new")
        guard new == form.text("repeat") else {
            ctx.fail(ctx.t(.thePasswordsDifferTypeThe))
            form.setText("repeat", "")
            form.focus(on: "repeat")
            return
        }
        do {
            let account = try ctx.store.perform(.resetPassword(email: form.text("email"), code: form.text("code"), newPassword: new), as: ctx.viewer)
            form.setText("new", "")
            form.setText("repeat", "")
            ctx.pop()
            ctx.inform(ctx.t(.yourNewPasswordIsSet(safe(account.profile.displayName))))
            ctx.logIn(account.id)
        } catch {
            ctx.fail(error)
            switch error as? CoreError {
            case .passwordRejected?:
                form.setText("new", ""); form.setText("repeat", ""); form.focus(on: "new")
            case .resetCodeMalformed?, .resetCodeWrong?, .resetCodeExpired?:
                form.focus(on: "code")
            default: break
            }
        }
    }

    override func setLabels(_ ctx: UIContext) {
        let labels = [
            "intro": canMail
                ? ctx.t(.askForCodeAtThe)
                : ctx.t(.askForCodeAtThe2),
            "email": ctx.t(.eMailAddress), "code": ctx.t(.oneTimeCode),
            "new": ctx.t(.newPassword), "repeat": ctx.t(.repeatNewPassword),
            "submit": ctx.t(.setNewPassword), "mail": ctx.t(.eMailMeCode),
        ]
        for (id, label) in labels { form.setLabel(id, label) }
    }
}
