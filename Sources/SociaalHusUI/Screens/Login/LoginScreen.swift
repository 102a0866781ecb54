import SociaalHusCore
import TerminalKit

/// Inloggen: e-mail and password, with links to registration, the privacy statement and a
/// visitor's own data (someone without an account who wrote through the contact form).
final class LoginScreen: FormScreen {
    init(_ ctx: UIContext) {
        super.init(Form([
            FormField("email", "E-mailadres", .text(TextField(limit: 254))),
            FormField("password", "Wachtwoord", .text(TextField(secret: true, limit: 1024))),
            FormField("login", "Inloggen", .button),
            FormField("forgot", "Wachtwoord vergeten", .button),
            FormField("gap", "", .note(.normal)),
            FormField("register", "Nieuw hier? Registreren", .button),
            FormField("privacy", "Privacyverklaring lezen", .button),
            FormField("visitor", "Mijn gegevens als bezoeker", .button),
        ]))
        setLabels(ctx)
    }

    override func title(_ ctx: UIContext) -> String { ctx.t(.logIn) }

    // The login form is never "unsaved input": leaving it must not ask.
    override var hasUnsavedInput: Bool { false }

    override func pressed(_ id: String, _ ctx: UIContext) {
        switch id {
        case "login": logIn(ctx)
        case "forgot": ctx.push(ResetPasswordScreen(ctx, email: form.text("email")))
        case "register": ctx.push(RegisterScreen(ctx))
        case "privacy": ctx.push(PrivacyScreen())
        case "visitor": ctx.push(VisitorAddressScreen(ctx))
        default: break
        }
    }

    private func logIn(_ ctx: UIContext) {
        do {
            let account = try ctx.store.perform(.login(email: form.text("email"), password: form.text("password")), as: ctx.viewer)
            form.setText("password", "")
            ctx.inform(ctx.t(.welcome(safe(account.profile.displayName))))
            ctx.logIn(account.id)
        } catch {
            // The e-mail address stays; the password is cleared so it is not left on a shared terminal.
            form.setText("password", "")
            form.focus(on: "password")
            ctx.fail(error)
        }
    }

    override func render(into g: inout Grid, area: Rect, _ ctx: UIContext) {
        let intro = TextWidth.wrap(ctx.t(.logInToManageYour), to: area.width - 4)
        for (i, line) in intro.prefix(2).enumerated() {
            g.put(line, x: area.x + 2, y: area.y + 1 + i, role: .normal, maxWidth: area.width - 4)
        }
        let top = 2 + min(intro.count, 2)
        form.render(into: &g, area: Rect(x: area.x + 2, y: area.y + top, width: area.width - 4, height: area.height - top))
    }

    override func setLabels(_ ctx: UIContext) {
        form.setLabel("email", ctx.t(.eMailAddress))
        form.setLabel("password", ctx.t(.password))
        form.setLabel("login", ctx.t(.logIn))
        form.setLabel("forgot", ctx.t(.forgotPassword))
        form.setLabel("register", ctx.t(.newHereRegister))
        form.setLabel("privacy", ctx.t(.readThePrivacyStatement))
        form.setLabel("visitor", ctx.t(.myDataAsVisitor))
    }
}
