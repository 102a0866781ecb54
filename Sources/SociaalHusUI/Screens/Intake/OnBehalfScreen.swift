import SociaalHusCore
import TerminalKit

/// Helpen namens (desk, issue 24 part 5), step 1: the desk member types the address of the
/// resident in front of them, picks why they help (a fixed list: no free text about anyone's
/// situation) and ticks that they checked who it is. The account's name and wijk are then looked
/// up (logged in that person's log) and step 2 asks the resident to agree.
final class OnBehalfScreen: FormScreen {
    init(_ ctx: UIContext) {
        super.init(Form([
            FormField("intro", "", .note(.normal)),
            FormField("email", "", .text(TextField(limit: Field.email.limit))),
            FormField("reason", "", .choice(options: OnBehalf.Reason.allCases.map { $0.label(ctx.language) }, selected: 0)),
            FormField("checked", "", .toggle(false)),
            FormField("next", "", .button),
        ], labelWidth: 18))
    }

    override func title(_ ctx: UIContext) -> String { ctx.t("Helpen namens", "Help on behalf") }

    // An address and a reason are not worth a question on leaving.
    override var hasUnsavedInput: Bool { false }

    override func pressed(_ id: String, _ ctx: UIContext) {
        guard id == "next" else { return }
        let email = form.text("email")
        guard check([("email", Field.email.label(ctx.language), { _ = try EmailAddress.normalise(email) })], ctx) else { return }
        guard form.bool("checked") else {
            form.focus(on: "checked")
            return ctx.fail(ctx.t("Vink eerst aan dat je hebt gecontroleerd wie er voor je staat.", "First tick that you checked who is in front of you."))
        }
        let reason = OnBehalf.Reason.allCases[form.choice("reason")]
        do {
            let candidate = try ctx.store.perform(.onBehalfCandidate(email: email), as: ctx.viewer)
            ctx.push(OnBehalfAgreeScreen(candidate, reason: reason, ctx))
        } catch {
            ctx.fail(error)
        }
    }

    override func render(into g: inout Grid, area: Rect, _ ctx: UIContext) {
        form.setLabel("intro", ctx.t("Voor een bewoner die voor je staat en het niet alleen kan. De bewoner geeft zelf akkoord op dit scherm met het eigen wachtwoord of een code; jij ziet dat niet. Het duurt hooguit 30 minuten, en alles wat je doet staat in het logboek van de bewoner, met jouw naam.",
                                     "For a resident in front of you who cannot manage alone. The resident agrees on this screen with their own password or a code; you do not see it. It lasts at most 30 minutes, and everything you do is in the resident's log, with your name."))
        form.setLabel("email", ctx.t("E-mailadres", "E-mail address"))
        form.setLabel("reason", ctx.t("Waarom", "Why"))
        form.setLabel("checked", ctx.t("Ik heb gecontroleerd wie dit is", "I have checked who this is"))
        form.setLabel("next", ctx.t("Verder: de bewoner geeft akkoord", "Next: the resident agrees"))
        super.render(into: &g, area: area, ctx)
    }
}

/// Helpen namens, step 2, for the resident's eyes: whom it is about, who will act, for how long,
/// and what cannot be done; the resident types their own password or code into a field that
/// shows only dots. The secret is given to the core once and never kept: a wrong one clears the
/// field (and counts as a failed login), leaving the screen clears it too.
final class OnBehalfAgreeScreen: FormScreen {
    private let candidate: OnBehalfCandidate
    private let reason: OnBehalf.Reason

    init(_ candidate: OnBehalfCandidate, reason: OnBehalf.Reason, _ ctx: UIContext) {
        self.candidate = candidate
        self.reason = reason
        super.init(Form([
            FormField("intro", "", .note(.normal)),
            FormField("secret", "", .text(TextField(secret: true, limit: PasswordPolicy.maximumLength))),
            FormField("agree", "", .button),
        ], labelWidth: 22))
        form.focus(on: "secret")
    }

    override func title(_ ctx: UIContext) -> String { ctx.t("Akkoord van de bewoner", "The resident agrees") }

    override var hasUnsavedInput: Bool { false }

    override func willDisappear(_ ctx: UIContext) { form.setText("secret", "") }

    /// Enter in the secret field agrees at once, as in the login form.
    override func handle(_ action: Action, _ ctx: UIContext) {
        if action == .activate, form.focusedID == "secret" { return agree(ctx) }
        super.handle(action, ctx)
    }

    override func pressed(_ id: String, _ ctx: UIContext) {
        if id == "agree" { agree(ctx) }
    }

    private func agree(_ ctx: UIContext) {
        let secret = form.text("secret")
        form.setText("secret", "")
        guard !secret.isEmpty else {
            form.focus(on: "secret")
            return ctx.fail(ctx.t("De bewoner typt eerst het eigen wachtwoord of de code.", "The resident first types their own password or the code."))
        }
        do {
            let o = try ctx.store.perform(.startOnBehalf(email: candidate.email, secret: secret, reason: reason), as: ctx.viewer)
            ctx.startOnBehalf(o)
            ctx.inform(ctx.t("Je helpt nu namens \(safe(o.resident.profile.displayName)), hooguit 30 minuten; Ctrl-N stopt het.",
                             "You are now helping on behalf of \(safe(o.resident.profile.displayName)), for at most 30 minutes; Ctrl-N ends it."))
        } catch {
            form.focus(on: "secret")
            ctx.fail(error)
        }
    }

    override func render(into g: inout Grid, area: Rect, _ ctx: UIContext) {
        let helper = safe(ctx.account?.profile.displayName ?? "")
        let name = safe(candidate.name), wijk = safe(candidate.wijk)
        form.setLabel("intro", ctx.t("Draai het scherm naar de bewoner. \(name) (\(wijk)): wil je dat \(helper) (baliemedewerker) de komende 30 minuten namens jou SociaalHus gebruikt? Reden: \(reason.label(ctx.language)). Alles wat er gebeurt staat in jouw logboek. Je wachtwoord wijzigen, je account wissen en je gegevens in een bestand zetten kan dan niet. Typ zelf je wachtwoord, of de code die je per e-mail kreeg, en druk op Enter; dan is het akkoord.",
                                     "Turn the screen to the resident. \(name) (\(wijk)): do you want \(helper) (desk staff) to use SociaalHus on your behalf for the next 30 minutes? Reason: \(reason.label(ctx.language)). Everything done is in your log. Changing your password, erasing your account and putting your data in a file cannot be done then. Type your password yourself, or the code you got by e-mail, and press Enter to agree."))
        form.setLabel("secret", ctx.t("Wachtwoord of code", "Password or code"))
        form.setLabel("agree", ctx.t("Akkoord", "Agree"))
        super.render(into: &g, area: area, ctx)
    }
}
