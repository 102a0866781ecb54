import SociaalHusCore
import TerminalKit

/// Helpen namens (desk), step 1: the desk member types the address of the
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

    override func title(_ ctx: UIContext) -> String { ctx.t(.helpOnBehalf) }

    // An address and a reason are not worth a question on leaving.
    override var hasUnsavedInput: Bool { false }

    override func pressed(_ id: String, _ ctx: UIContext) {
        guard id == "next" else { return }
        let email = form.text("email")
        guard check([("email", Field.email.label(ctx.language), { _ = try EmailAddress.normalise(email) })], ctx) else { return }
        guard form.bool("checked") else {
            form.focus(on: "checked")
            return ctx.fail(ctx.t(.firstTickThatYouChecked))
        }
        let reason = OnBehalf.Reason.allCases[form.choice("reason")]
        do {
            let candidate = try ctx.store.perform(.onBehalfCandidate(email: email), as: ctx.viewer)
            ctx.push(OnBehalfAgreeScreen(candidate, reason: reason, ctx))
        } catch {
            ctx.fail(error)
        }
    }

    override func setLabels(_ ctx: UIContext) {
        form.setLabel("intro", ctx.t(.forResidentInFrontOf))
        form.setLabel("email", ctx.t(.eMailAddress))
        form.setLabel("reason", ctx.t(.why2))
        form.setLabel("checked", ctx.t(.iHaveCheckedWhoThis))
        form.setLabel("next", ctx.t(.nextTheResidentAgrees))
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

    override func title(_ ctx: UIContext) -> String { ctx.t(.theResidentAgrees) }

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
            return ctx.fail(ctx.t(.theResidentFirstTypesTheir))
        }
        do {
            let o = try ctx.store.perform(.startOnBehalf(email: candidate.email, secret: secret, reason: reason), as: ctx.viewer)
            ctx.startOnBehalf(o)
            ctx.inform(ctx.t(.youAreNowHelpingOn(safe(o.resident.profile.displayName), ctx.key(.endOnBehalf))))
        } catch {
            form.focus(on: "secret")
            ctx.fail(error)
        }
    }

    override func setLabels(_ ctx: UIContext) {
        let helper = safe(ctx.account?.profile.displayName ?? "")
        let name = safe(candidate.name), wijk = safe(candidate.wijk)
        form.setLabel("intro", ctx.t(.turnTheScreenToThe(name, wijk, helper, reason.label(ctx.language))))
        form.setLabel("secret", ctx.t(.passwordOrCode))
        form.setLabel("agree", ctx.t(.agree))
    }
}
