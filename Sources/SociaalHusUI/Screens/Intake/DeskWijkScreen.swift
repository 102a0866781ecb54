import SociaalHusCore
import TerminalKit

/// Wijk bevestigen (desk): the desk verifies the wijk of a resident standing in front of it,
/// after seeing proof of the address (identity card with address, a letter addressed to them).
/// Verified, the resident sees the names of "Alleen buren" profiles of their wijk.
final class DeskWijkScreen: FormScreen {
    init(_ ctx: UIContext) {
        super.init(Form([
            FormField("intro", "", .note(.normal)),
            FormField("email", "", .text(TextField(limit: Field.email.limit))),
            FormField("seen", "", .toggle(false)),
            FormField("verify", "", .button),
        ], labelWidth: 16))
    }

    override func title(_ ctx: UIContext) -> String { ctx.t(.verifyNeighbourhood) }

    // An address typed to look up is not the resident's own writing.
    override var hasUnsavedInput: Bool { false }

    override func pressed(_ id: String, _ ctx: UIContext) {
        guard id == "verify" else { return }
        let email = form.text("email")
        guard check([("email", Field.email.label(ctx.language), { _ = try EmailAddress.normalise(email) })], ctx) else { return }
        guard form.bool("seen") else {
            form.focus(on: "seen")
            return ctx.fail(ctx.t(.firstTickThatYouHave))
        }
        do {
            let a = try ctx.store.perform(.verifyWijk(email: email), as: ctx.viewer)
            let wijk = ctx.store.wijken.first { $0.id == a.profile.wijk }.map { safe($0.name) } ?? ""
            form.setText("email", "")
            form.setBool("seen", false)
            form.focus(on: "email")
            ctx.inform(ctx.t(.neighbourhoodVerifiedForItIs(wijk, safe(a.email))))
        } catch {
            ctx.fail(error)
        }
    }

    override func setLabels(_ ctx: UIContext) {
        form.setLabel("intro", ctx.t(.verifyTheNeighbourhoodInThe))
        form.setLabel("email", ctx.t(.eMailAddress))
        form.setLabel("seen", ctx.t(.iHaveSeenProofOf))
        form.setLabel("verify", ctx.t(.verifyNeighbourhood))
    }
}
