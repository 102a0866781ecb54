import SociaalHusCore
import TerminalKit

/// Wachtwoordcode (desk): a one-time code for a new password for a resident standing at the
/// desk, made only after staff tick that they checked who it is. The code is shown once, here,
/// to be read out or written down for the resident; it is never stored readable, and leaving the
/// screen takes it off it. Accounts with the desk or administrator role get their code from an
/// administrator (the core refuses, saying so).
final class DeskResetScreen: FormScreen {
    private var code: (email: String, code: String)?

    init(_ ctx: UIContext) {
        super.init(Form([
            FormField("intro", "", .note(.normal)),
            FormField("email", "", .text(TextField(limit: Field.email.limit))),
            FormField("checked", "", .toggle(false)),
            FormField("make", "", .button),
        ], labelWidth: 16))
    }

    override func title(_ ctx: UIContext) -> String { ctx.t(.passwordCode) }

    // The address alone is not worth a question on leaving; a code shown is gone on purpose.
    override var hasUnsavedInput: Bool { false }

    override func pressed(_ id: String, _ ctx: UIContext) {
        guard id == "make" else { return }
        let email = form.text("email")
        guard check([("email", Field.email.label(ctx.language), { _ = try EmailAddress.normalise(email) })], ctx) else { return }
        guard form.bool("checked") else {
            form.focus(on: "checked")
            return ctx.fail(ctx.t(.firstTickThatYouChecked))
        }
        do {
            let made = try ctx.store.perform(.issueResetCode(email: email), as: ctx.viewer)
            code = (email, made)
            form.setText("email", "")
            form.setBool("checked", false)
            ctx.inform(ctx.t(.codeMadeItIsIn))
        } catch {
            ctx.fail(error)
        }
    }

    override func setLabels(_ ctx: UIContext) {
        form.setLabel("intro", ctx.t(.onlyForSomeoneInFront))
        form.setLabel("email", ctx.t(.eMailAddress))
        form.setLabel("checked", ctx.t(.iHaveCheckedWhoThis))
        form.setLabel("make", ctx.t(.makeCode))
    }

    override func render(into g: inout Grid, area: Rect, _ ctx: UIContext) {
        var formArea = Rect(x: area.x + 1, y: area.y + 1, width: area.width - 2, height: area.height - 1)
        if let code {
            // Above the form, so a screen reader and a glance find it first.
            let lines = [ctx.t(.codeFor(safe(code.email))), "    " + code.code,
                         ctx.t(.readItOutOrWrite)]
            var y = formArea.y
            for line in lines {
                for part in TextWidth.wrap(line, to: max(formArea.width, 1)) where y < area.maxY {
                    g.put(part, x: formArea.x, y: y, role: line == lines[1] ? .header : .normal, maxWidth: formArea.width)
                    y += 1
                }
            }
            formArea = Rect(x: formArea.x, y: y + 1, width: formArea.width, height: max(area.maxY - y - 1, 0))
        }
        form.render(into: &g, area: formArea)
    }
}
