import Foundation
import SociaalHusCore
import TerminalKit

/// Mijn gegevens als bezoeker: someone without an account types the address
/// they wrote from; if the store holds something of it, a code goes there (the core decides, and
/// the screen says the same either way). Reached from the login screen and, for visitors, the
/// privacy statement (`g`).
final class VisitorAddressScreen: FormScreen {
    init(_ ctx: UIContext) {
        super.init(Form([
            FormField("intro", ctx.t(.didYouWriteToUs), .note(.normal)),
            FormField("gap", "", .note(.normal)),
            FormField("email", ctx.t(.eMailAddress), .text(TextField(limit: Field.email.limit))),
            FormField("send", ctx.t(.sendCode), .button),
            FormField("gap2", "", .note(.normal)),
            FormField("other", ctx.t(.doYouHaveAnAccount), .note(.muted)),
        ], labelWidth: 14))
    }

    override func title(_ ctx: UIContext) -> String { ctx.t(.myDataAsVisitor) }

    // An address only: leaving never asks.
    override var hasUnsavedInput: Bool { false }

    override func pressed(_ id: String, _ ctx: UIContext) {
        guard id == "send" else { return }
        let email = form.text("email")
        guard check([("email", Field.email.label(ctx.language), { _ = try EmailAddress.normalise(email) })], ctx) else { return }
        do {
            try ctx.store.perform(.requestVisitorCode(email: email, proof: ctx.visitorProof), as: ctx.viewer)
            ctx.push(VisitorCodeScreen(ctx))
        } catch {
            ctx.fail(error)
        }
    }

    override func render(into g: inout Grid, area: Rect, _ ctx: UIContext) {
        form.render(into: &g, area: Rect(x: area.x + 1, y: area.y + 1, width: area.width - 2, height: area.height - 1))
    }
}

/// The code from the e-mail: checked by the core (`VisitorProof`), which says how many tries are
/// left, when it expired, or that it no longer works. The same words whether or not a code was sent.
final class VisitorCodeScreen: FormScreen {
    init(_ ctx: UIContext) {
        let minutes = Int(VisitorProof.codeValidity / 60)
        super.init(Form([
            FormField("sent", "", .note(.normal)),
            FormField("gap", "", .note(.normal)),
            FormField("code", "Code", .text(TextField(limit: 16))),
            FormField("check", ctx.t(.confirm), .button),
            FormField("again", ctx.t(.sendNewCode), .button),
            FormField("gap2", "", .note(.normal)),
            FormField("rules", ctx.t(.theCodeIsDigitsAnd(VisitorProof.codeDigits, minutes, VisitorProof.maximumWrongTries)), .note(.muted)),
        ], labelWidth: 14))
    }

    override func title(_ ctx: UIContext) -> String { ctx.t(.enterTheCode) }

    // A code only: leaving never asks.
    override var hasUnsavedInput: Bool { false }

    override func pressed(_ id: String, _ ctx: UIContext) {
        switch id {
        case "check": confirmCode(ctx)
        case "again":
            guard let email = ctx.visitorProof.pendingEmail else { return ctx.pop() }
            do {
                try ctx.store.perform(.requestVisitorCode(email: email, proof: ctx.visitorProof), as: ctx.viewer)
                form.setText("code", "")
                form.clearErrors()
                form.focus(on: "code")
                ctx.inform(ctx.t(.ifWeHoldDataOf))
            } catch {
                ctx.fail(error)
            }
        default: break
        }
    }

    /// Checks the typed code; the right one opens the data, anything else is said under the field.
    private func confirmCode(_ ctx: UIContext) {
        let problem: String
        switch ctx.visitorProof.check(form.text("code")) {
        case .proved:
            form.setText("code", "")
            // The address and code screens go; Esc from the data leads back to where the visitor began.
            ctx.pop()
            ctx.pop()
            ctx.push(VisitorDataScreen())
            ctx.inform(ctx.t(.theCodeIsRight))
            return
        case .wrong(let left):
            problem = ctx.t(.thisCodeIsNotRight(left))
        case .malformed:
            problem = ctx.t(.codeIsDigits(VisitorProof.codeDigits))
        case .expired:
            problem = ctx.t(.thisCodeHasExpiredChoose)
        case .voided:
            problem = ctx.t(.tooManyWrongTriesThis)
        case .noCode:
            problem = ctx.t(.noCodeWasAskedIn(ctx.key(.back)))
        }
        form.setText("code", "")
        _ = check([("code", "Code", { throw FormProblem(problem) })], ctx)
    }

    override func setLabels(_ ctx: UIContext) {
        let email = safe(ctx.visitorProof.pendingEmail ?? "")
        form.setLabel("sent", ctx.t(.ifWeHoldDataOf2(email)))
    }
}

/// What the store holds about the proven address (the same content as the visitor export), with
/// saving it (`x`) and erasing it (`d`, after a confirmation naming what goes). Drawn only while
/// the proof is in force: once it ends (30 minutes, the idle logout, after erasing) nothing of it
/// is shown any more. The desk reaches it too, after checking someone's identity in person.
final class VisitorDataScreen: Screen {
    private var export: VisitorDataExport?
    private var problem: String?
    private var offset = 0
    private var pageHeight = 10

    func title(_ ctx: UIContext) -> String { ctx.t(.visitorSData) }

    func bindings(_ ctx: UIContext) -> [Binding<Action>] {
        let group = ctx.t(.visitorSData)
        return KeyTable.list(ctx.lang).filter { $0.action != .open } + [
            Binding.table(.export, label: ctx.t(.save),
                    help: ctx.shared ? ctx.t(.sendEverythingAsJsonBy)
                                     : ctx.t(.saveEverythingAsJsonFile), group: group),
            Binding.table(.eraseAccount, label: ctx.t(.eraseAll),
                    help: ctx.t(.eraseEverythingOfThisE), group: group),
        ]
    }

    /// Reads the export anew each time the screen comes into view.
    func willAppear(_ ctx: UIContext) {
        do {
            export = try ctx.store.visitorExport(proof: ctx.visitorProof, by: ctx.viewer)
            problem = nil
        } catch {
            export = nil
            problem = (error as? CoreError)?.message(ctx.language) ?? "\(error)"
        }
    }

    /// What is drawn: nothing of the person once the proof ended (its time, the idle logout,
    /// another code asked), also before a key lets go of it.
    private func shown(_ ctx: UIContext) -> (export: VisitorDataExport?, problem: String?) {
        if ctx.visitorProof.grant == nil, export != nil { return (nil, CoreError.visitorProofNeeded.message(ctx.language)) }
        return (export, problem)
    }

    func handle(_ action: Action, _ ctx: UIContext) {
        // The first key after the proof ended lets go of what it showed.
        (export, problem) = shown(ctx)
        if let next = ScrollText.offset(offset, after: action, page: pageHeight) { offset = next; return }
        switch action {
        case .export: if export != nil, ctx.visitorProof.grant != nil { ctx.push(ExportDataScreen(.visitor)) }
        case .eraseAccount: erase(ctx)
        default: break
        }
    }

    /// Asks once, naming what goes and what stays, then erases and leaves.
    private func erase(_ ctx: UIContext) {
        guard let e = export, ctx.visitorProof.grant != nil else { return }
        let what = ctx.t(.eraseForGoodEverythingSociaalhus(safe(e.email), e.messagesSent.count, e.repliesReceived.count, e.emailsWaiting.count, e.reportsMade.count))
        ctx.confirm(what) {
            do {
                try ctx.store.perform(.eraseVisitor(proof: ctx.visitorProof), as: ctx.viewer)
            } catch {
                ctx.fail(error)
                return
            }
            self.export = nil
            ctx.pop()
            ctx.inform(ctx.t(.everythingOfThisEMail))
        }
    }

    func render(into g: inout Grid, area fullArea: Rect, _ ctx: UIContext) {
        let area = ProfileLongMessage.draw(ctx, into: &g, area: fullArea)
        let x = area.x + 2, width = area.width - 4
        var y = area.y
        let (export, problem) = shown(ctx)
        let intro = TextWidth.wrap(ctx.t(.everythingSociaalhusHoldsAboutThis(ctx.key(.export), ctx.key(.eraseAccount))), to: max(width, 1))
        g.outline.append(.text(intro.joined(separator: " ")))
        for line in intro.prefix(2) {
            g.put(line, x: x, y: y, role: .muted, maxWidth: width)
            y += 1
        }
        y += 1
        g.cursor = (x, area.y)
        guard let export else {
            let text = problem ?? ctx.t(.noData)
            g.outline.append(.text(text))
            for line in TextWidth.wrap(text, to: max(width, 1)) where y < area.maxY {
                g.put(line, x: x, y: y, role: .error, maxWidth: width)
                y += 1
            }
            return
        }
        MyDataLines.draw(MyDataLines.build(export, lang: ctx.language, width: width), into: &g, x: x, y: y, area: area, width: width,
                         offset: &offset, pageHeight: &pageHeight)
    }
}

/// The desk's way in ("or the desk checks in person"): desk staff who saw a visitor's
/// proof of identity open what the store holds about the visitor's address, on the same screen
/// the visitor sees. The tick box is the staff member's statement; the erasure's audit line
/// names them.
final class VisitorDeskScreen: FormScreen {
    init(_ ctx: UIContext) {
        super.init(Form([
            FormField("intro", ctx.t(.someoneWithoutAnAccountWants), .note(.normal)),
            FormField("gap", "", .note(.normal)),
            FormField("email", ctx.t(.eMailAddress), .text(TextField(limit: Field.email.limit))),
            FormField("checked", ctx.t(.identityAndAddressChecked), .toggle(false)),
            FormField("open", ctx.t(.openData), .button),
        ], labelWidth: 14))
    }

    override func title(_ ctx: UIContext) -> String { ctx.t(.visitorAtTheDesk) }

    override var hasUnsavedInput: Bool { false }

    override func pressed(_ id: String, _ ctx: UIContext) {
        guard id == "open" else { return }
        let email = form.text("email"), checked = form.bool("checked")
        guard check([
            ("email", Field.email.label(ctx.language), { _ = try EmailAddress.normalise(email) }),
            ("checked", ctx.t(.identityAndAddressChecked), {
                if !checked { throw FormProblem(ctx.t(.tickThisOnlyOnceYou)) }
            }),
        ], ctx) else { return }
        do {
            try ctx.visitorProof.checkedAtDesk(email: email, by: ctx.viewer)
            form.setText("email", "")
            form.setBool("checked", false)
            ctx.pop()
            ctx.push(VisitorDataScreen())
        } catch {
            ctx.fail(error)
        }
    }

    override func render(into g: inout Grid, area: Rect, _ ctx: UIContext) {
        form.render(into: &g, area: Rect(x: area.x + 1, y: area.y + 1, width: area.width - 2, height: area.height - 1))
    }
}
