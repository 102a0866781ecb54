import SociaalHusCore
import TerminalKit

/// Wijk bevestigen (resident): where the verification of the wijk stands, what it changes, and
/// the two ways: at the desk, or a letter with a code to the address in the profile.
final class WijkCheckScreen: FormScreen {
    init() {
        super.init(Form([
            FormField("state", "", .note(.normal)),
            FormField("what", "", .note(.muted)),
            FormField("desk", "", .note(.normal)),
            FormField("ask", "", .button),
            FormField("code", "", .text(TextField(limit: 40))),
            FormField("enter", "", .button),
        ], labelWidth: 20))
    }

    override func title(_ ctx: UIContext) -> String { ctx.t("Wijk bevestigen", "Verify neighbourhood") }

    override var hasUnsavedInput: Bool { false }

    override func pressed(_ id: String, _ ctx: UIContext) {
        guard let me = ctx.session else { return }
        do {
            switch id {
            case "ask":
                try ctx.store.perform(.requestWijkLetter(for: me), as: ctx.viewer)
                ctx.inform(ctx.t("Brief aangevraagd. De beheerder print en post hem naar het adres in je profiel; typ daarna hier de code.",
                                 "Letter asked for. The administrator prints and posts it to the address in your profile; then type the code here."))
            case "enter":
                try ctx.store.perform(.confirmWijkCode(form.text("code"), for: me), as: ctx.viewer)
                form.setText("code", "")
                ctx.inform(ctx.t("Je wijk is bevestigd.", "Your neighbourhood is verified."))
            default: break
            }
        } catch {
            ctx.fail(error)
            if id == "enter" { form.focus(on: "code") }
        }
    }

    override func render(into g: inout Grid, area: Rect, _ ctx: UIContext) {
        let a = ctx.account
        let wijk = a.flatMap { acc in ctx.store.wijken.first { $0.id == acc.profile.wijk } }.map { safe($0.name) } ?? ""
        form.setLabel("state", ProfileScreen.wijkState(a, ctx) + " " + ctx.t("Wijk in je profiel: \(wijk).", "Neighbourhood in your profile: \(wijk)."))
        form.setLabel("what", ctx.t("Iedereen kan bij het registreren elke wijk noemen. Daarom zie je de namen op 'Alleen buren' van je wijk pas als je wijk is bevestigd; tot dan zie je die profielen zoals een bezoeker. Verhuis je naar een andere wijk, dan bevestig je die opnieuw.",
                                    "Anyone can name any neighbourhood when registering. So you see the names on 'Neighbours only' in your neighbourhood once it is verified; until then you see those profiles as a visitor does. If you move to another neighbourhood, you verify it again."))
        form.setLabel("desk", ctx.t("Aan de balie van het Sociaal Hus: neem iets mee waarop je naam en adres staan.",
                                    "At the Sociaal Hus desk: bring something with your name and address on it."))
        form.setLabel("ask", ctx.t("Brief met code aanvragen (naar het adres in je profiel)", "Ask for a letter with a code (to the address in your profile)"))
        form.setLabel("code", ctx.t("Code uit de brief", "Code from the letter"))
        form.setLabel("enter", ctx.t("Code invoeren", "Enter code"))
        form.render(into: &g, area: Rect(x: area.x + 1, y: area.y + 1, width: area.width - 2, height: area.height - 1))
    }
}
