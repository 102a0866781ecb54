import SociaalHusCore
import TerminalKit

/// Registreren: name, e-mail, password (rules shown before typing), wijk, visibility (Anoniem by
/// default, with what each level means) and the four e-mail toggles, all off and asked explicitly.
final class RegisterScreen: FormScreen {
    private let wijken: [Wijk]

    init(_ ctx: UIContext) {
        wijken = ctx.store.wijken
        super.init(Form(Self.fields(ctx, wijken: wijken), labelWidth: 16))
    }

    private static func fields(_ ctx: UIContext, wijken: [Wijk]) -> [FormField] {
        [
            FormField("rules", ctx.t(PasswordPolicy.explanation), .note(.muted)),
            FormField("name", ctx.t(.name2), .text(TextField(limit: Field.name.limit))),
            FormField("email", ctx.t(.eMailAddress), .text(TextField(limit: Field.email.limit))),
            FormField("password", ctx.t(.password), .text(TextField(secret: true, limit: PasswordPolicy.maximumLength))),
            FormField("wijk", ctx.t(.neighbourhood), .choice(options: wijken.map { safe($0.name) }, selected: 0)),
            FormField("visibility", ctx.t(.profile), .choice(options: ProfileVisibility.allCases.map { $0.label(ctx.language) }, selected: 0)),
            FormField("visibilityHelp", ProfileVisibility.anonymous.explanation(ctx.language), .note(.muted)),
            FormField("mailHeader", ctx.t(.whichEMailsDoYou), .note(.header)),
        ] + EmailKind.allCases.map { FormField("mail-" + $0.rawValue, $0.label(ctx.language), .toggle(false)) } + [
            FormField("submit", ctx.t(.register), .button),
            FormField("privacy", ctx.t(.readThePrivacyStatement), .button),
        ]
    }

    override func title(_ ctx: UIContext) -> String { ctx.t(.register) }

    override func pressed(_ id: String, _ ctx: UIContext) {
        switch id {
        case "submit": submit(ctx)
        case "privacy": ctx.push(PrivacyScreen())
        default: break
        }
    }

    private func submit(_ ctx: UIContext) {
        guard !wijken.isEmpty else { return }
        let name = form.text("name"), email = form.text("email"), password = form.text("password")
        guard check([
            ("name", Field.name.label(ctx.language), { _ = try validated(name, .name) }),
            ("email", Field.email.label(ctx.language), { _ = try EmailAddress.normalise(email) }),
            ("password", Field.password.label(ctx.language), { try PasswordPolicy.check(password, name: name, email: email) }),
        ], ctx) else { return }
        var prefs = EmailPreferences()
        for k in EmailKind.allCases { prefs[k] = form.bool("mail-" + k.rawValue) }
        let r = Registration(email: form.text("email"), name: form.text("name"), password: form.text("password"),
                             wijk: String(wijken[form.choice("wijk")].id.rawValue),
                             visibility: ProfileVisibility.allCases[form.choice("visibility")], emailPreferences: prefs)
        do {
            let account = try ctx.store.perform(.register(r), as: ctx.viewer)
            ctx.inform(ctx.t(.yourAccountWasCreatedWelcome(safe(account.profile.displayName))))
            ctx.logIn(account.id)
        } catch {
            // Everything typed stays in the form; focus goes to the field the message is about.
            ctx.fail(error)
            switch error as? CoreError {
            case .passwordRejected?: form.focus(on: "password")
            case .invalidEmail?, .emailInUse?: form.focus(on: "email")
            case .fieldRequired(.name)?, .fieldTooLong(.name, _)?: form.focus(on: "name")
            default: break
            }
        }
    }

    override func setLabels(_ ctx: UIContext) {
        if let i = form.fields.firstIndex(where: { $0.id == "visibilityHelp" }) {
            form.fields[i].label = ProfileVisibility.allCases[form.choice("visibility")].explanation(ctx.language)
        }
        // The heading over the e-mail boxes says how many are ticked, never a fixed "all off".
        let ticked = EmailKind.allCases.filter { form.bool("mail-" + $0.rawValue) }.count
        form.setLabel("mailHeader", ctx.t(.whichEMailsDoYouOn(ticked, EmailKind.allCases.count)))
    }
}
