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

    override func title(_ ctx: UIContext) -> String { ctx.t("Wijk bevestigen", "Verify neighbourhood") }

    // An address typed to look up is not the resident's own writing.
    override var hasUnsavedInput: Bool { false }

    override func pressed(_ id: String, _ ctx: UIContext) {
        guard id == "verify" else { return }
        let email = form.text("email")
        guard check([("email", Field.email.label(ctx.language), { _ = try EmailAddress.normalise(email) })], ctx) else { return }
        guard form.bool("seen") else {
            form.focus(on: "seen")
            return ctx.fail(ctx.t("Vink eerst aan dat je een bewijs van het adres hebt gezien.", "First tick that you have seen proof of the address."))
        }
        do {
            let a = try ctx.store.perform(.verifyWijk(email: email), as: ctx.viewer)
            let wijk = ctx.store.wijken.first { $0.id == a.profile.wijk }.map { safe($0.name) } ?? ""
            form.setText("email", "")
            form.setBool("seen", false)
            form.focus(on: "email")
            ctx.inform(ctx.t("Wijk bevestigd: \(wijk), voor \(safe(a.email)). Het staat in het logboek van de bewoner, met jouw naam.",
                             "Neighbourhood verified: \(wijk), for \(safe(a.email)). It is in the resident's log, with your name."))
        } catch {
            ctx.fail(error)
        }
    }

    override func render(into g: inout Grid, area: Rect, _ ctx: UIContext) {
        form.setLabel("intro", ctx.t("Bevestig de wijk in het profiel van een bewoner die voor je staat, nadat je een bewijs van het adres hebt gezien (identiteitsbewijs met adres, of post op naam).",
                                     "Verify the neighbourhood in the profile of a resident in front of you, after seeing proof of the address (identity document with address, or mail addressed to them)."))
        form.setLabel("email", ctx.t("E-mailadres", "E-mail address"))
        form.setLabel("seen", ctx.t("Ik heb een bewijs van het adres gezien", "I have seen proof of the address"))
        form.setLabel("verify", ctx.t("Wijk bevestigen", "Verify neighbourhood"))
        form.render(into: &g, area: Rect(x: area.x + 1, y: area.y + 1, width: area.width - 2, height: area.height - 1))
    }
}
