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

    override func title(_ ctx: UIContext) -> String { ctx.t(.verifyNeighbourhood) }

    override var hasUnsavedInput: Bool { false }

    override func pressed(_ id: String, _ ctx: UIContext) {
        guard let me = ctx.session else { return }
        do {
            switch id {
            case "ask":
                try ctx.store.perform(.requestWijkLetter(for: me), as: ctx.viewer)
                ctx.inform(ctx.t(.letterAskedForTheAdministrator))
            case "enter":
                try ctx.store.perform(.confirmWijkCode(form.text("code"), for: me), as: ctx.viewer)
                form.setText("code", "")
                ctx.inform(ctx.t(.yourNeighbourhoodIsVerified))
            default: break
            }
        } catch {
            ctx.fail(error)
            if id == "enter" { form.focus(on: "code") }
        }
    }

    override func setLabels(_ ctx: UIContext) {
        let a = ctx.account
        let wijk = a.flatMap { acc in ctx.store.wijken.first { $0.id == acc.profile.wijk } }.map { safe($0.name) } ?? ""
        form.setLabel("state", ProfileScreen.wijkState(a, ctx) + " " + ctx.t(.neighbourhoodInYourProfile(wijk)))
        form.setLabel("what", ctx.t(.anyoneCanNameAnyNeighbourhood))
        form.setLabel("desk", ctx.t(.atTheSociaalHusDesk))
        form.setLabel("ask", ctx.t(.askForLetterWithCode))
        form.setLabel("code", ctx.t(.codeFromTheLetter))
        form.setLabel("enter", ctx.t(.enterCode))
    }
}
