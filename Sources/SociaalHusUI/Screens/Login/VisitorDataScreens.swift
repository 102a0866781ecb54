import Foundation
import SociaalHusCore
import TerminalKit

/// Mijn gegevens als bezoeker (issue 23, part 6): someone without an account types the address
/// they wrote from; if the store holds something of it, a code goes there (the core decides, and
/// the screen says the same either way). Reached from the login screen and, for visitors, the
/// privacy statement (`g`).
final class VisitorAddressScreen: FormScreen {
    init(_ ctx: UIContext) {
        super.init(Form([
            FormField("intro", ctx.t("Schreef je ons zonder account, bijvoorbeeld via het contactformulier? Dan kun je zien wat SociaalHus daarvan bewaart, het opslaan en het wissen. Vul het e-mailadres in dat je toen gaf. Als we gegevens van dit adres hebben, krijg je een code per e-mail: daarmee laat je zien dat het jouw adres is.",
                                     "Did you write to us without an account, for example through the contact form? Then you can see what SociaalHus keeps of it, save it and erase it. Fill in the e-mail address you gave then. If we hold data of this address, you get a code by e-mail: it shows the address is yours."), .note(.normal)),
            FormField("gap", "", .note(.normal)),
            FormField("email", ctx.t("E-mailadres", "E-mail address"), .text(TextField(limit: Field.email.limit))),
            FormField("send", ctx.t("Code sturen", "Send code"), .button),
            FormField("gap2", "", .note(.normal)),
            FormField("other", ctx.t("Heb je een account? Log dan in en kies Mijn gegevens. Kun je deze e-mail niet meer lezen? Kom met een identiteitsbewijs langs bij de balie van het Sociaal Hus.",
                                     "Do you have an account? Then log in and choose My data. Can you no longer read this e-mail? Come to the Sociaal Hus desk with proof of identity."), .note(.muted)),
        ], labelWidth: 14))
    }

    override func title(_ ctx: UIContext) -> String { ctx.t("Mijn gegevens als bezoeker", "My data as a visitor") }

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
            FormField("check", ctx.t("Bevestigen", "Confirm"), .button),
            FormField("again", ctx.t("Nieuwe code sturen", "Send a new code"), .button),
            FormField("gap2", "", .note(.normal)),
            FormField("rules", ctx.t("De code is \(VisitorProof.codeDigits) cijfers en werkt \(minutes) minuten, alleen in dit venster; na \(VisitorProof.maximumWrongTries) verkeerde pogingen vervalt hij. Geen e-mail? Het versturen kan enkele minuten duren; kijk ook bij ongewenste e-mail. Komt er niets, dan hebben we waarschijnlijk niets van dit adres.",
                                     "The code is \(VisitorProof.codeDigits) digits and works for \(minutes) minutes, only in this window; after \(VisitorProof.maximumWrongTries) wrong tries it no longer works. No e-mail? Sending can take a few minutes; look in your spam folder too. If nothing comes, we probably hold nothing of this address."), .note(.muted)),
        ], labelWidth: 14))
    }

    override func title(_ ctx: UIContext) -> String { ctx.t("Code invullen", "Enter the code") }

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
                ctx.inform(ctx.t("Als we gegevens van dit adres hebben, krijg je een nieuwe code. De vorige werkt niet meer.",
                                 "If we hold data of this address, you get a new code. The previous one no longer works."))
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
            ctx.inform(ctx.t("De code klopt.", "The code is right."))
            return
        case .wrong(let left):
            problem = ctx.t("Deze code klopt niet. Je kunt het nog \(left) keer proberen.", "This code is not right. You can try \(left) more times.")
        case .malformed:
            problem = ctx.t("Een code is \(VisitorProof.codeDigits) cijfers.", "A code is \(VisitorProof.codeDigits) digits.")
        case .expired:
            problem = ctx.t("Deze code is verlopen. Kies Nieuwe code sturen.", "This code has expired. Choose Send a new code.")
        case .voided:
            problem = ctx.t("Te veel verkeerde pogingen: deze code werkt niet meer. Kies Nieuwe code sturen.",
                            "Too many wrong tries: this code no longer works. Choose Send a new code.")
        case .noCode:
            problem = ctx.t("Er is in dit venster geen code gevraagd. Ga terug (Esc) en vul je e-mailadres in.",
                            "No code was asked in this window. Go back (Esc) and fill in your e-mail address.")
        }
        form.setText("code", "")
        _ = check([("code", "Code", { throw FormProblem(problem) })], ctx)
    }

    override func render(into g: inout Grid, area: Rect, _ ctx: UIContext) {
        let email = safe(ctx.visitorProof.pendingEmail ?? "")
        form.setLabel("sent", ctx.t("Als we gegevens van \(email) hebben, krijg je een code op dat adres. Vul hem hier in.",
                                    "If we hold data of \(email), you get a code at that address. Fill it in here."))
        form.render(into: &g, area: Rect(x: area.x + 1, y: area.y + 1, width: area.width - 2, height: area.height - 1))
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

    func title(_ ctx: UIContext) -> String { ctx.t("Gegevens van een bezoeker", "A visitor's data") }

    func bindings(_ ctx: UIContext) -> [Binding<Action>] {
        let group = ctx.t("Gegevens van een bezoeker", "A visitor's data")
        return KeyTable.list(ctx.lang).filter { $0.action != .open } + [
            Binding(.export, [.char("x")], label: ctx.t("Opslaan", "Save"),
                    help: ctx.shared ? ctx.t("Alles als JSON per e-mail naar dit adres sturen", "Send everything as JSON by e-mail to this address")
                                     : ctx.t("Alles opslaan als JSON-bestand", "Save everything as a JSON file"), group: group),
            Binding(.eraseAccount, [.char("d")], label: ctx.t("Alles wissen", "Erase all"),
                    help: ctx.t("Alles van dit e-mailadres wissen (vraagt eerst)", "Erase everything of this e-mail address (asks first)"), group: group),
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

    func handle(_ action: Action, _ ctx: UIContext) {
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
        let what = ctx.t("Alles wat SociaalHus over \(safe(e.email)) bewaart voorgoed wissen: \(e.messagesSent.count) bericht(en) die je stuurde, \(e.repliesReceived.count) antwoord(en) aan je en \(e.emailsWaiting.count) e-mail(s) aan dit adres (ook een export per e-mail die nog niet verstuurd is). Van \(e.reportsMade.count) melding(en) die je deed gaan je naam en adres weg; de melding blijft voor de moderatie.",
                         "Erase for good everything SociaalHus holds about \(safe(e.email)): \(e.messagesSent.count) message(s) you sent, \(e.repliesReceived.count) answer(s) to you and \(e.emailsWaiting.count) e-mail(s) to this address (also an export by e-mail not sent yet). From \(e.reportsMade.count) report(s) you made your name and address go; the report stays for moderation.")
        ctx.confirm(what) {
            do {
                try ctx.store.perform(.eraseVisitor(proof: ctx.visitorProof), as: ctx.viewer)
            } catch {
                ctx.fail(error)
                return
            }
            self.export = nil
            ctx.pop()
            ctx.inform(ctx.t("Alles van dit e-mailadres is gewist.", "Everything of this e-mail address has been erased."))
        }
    }

    func render(into g: inout Grid, area fullArea: Rect, _ ctx: UIContext) {
        let area = ProfileLongMessage.draw(ctx, into: &g, area: fullArea)
        let x = area.x + 2, width = area.width - 4
        var y = area.y
        // Nothing of the person once the proof ended (its time, the idle logout, another code asked).
        if ctx.visitorProof.grant == nil, export != nil {
            export = nil
            problem = CoreError.visitorProofNeeded.message(ctx.language)
        }
        let intro = TextWidth.wrap(ctx.t("Alles wat SociaalHus bewaart over dit e-mailadres. x = opslaan, d = alles wissen.",
                                         "Everything SociaalHus holds about this e-mail address. x = save, d = erase all."), to: max(width, 1))
        g.outline.append(.text(intro.joined(separator: " ")))
        for line in intro.prefix(2) {
            g.put(line, x: x, y: y, role: .muted, maxWidth: width)
            y += 1
        }
        y += 1
        g.cursor = (x, area.y)
        guard let export else {
            let text = problem ?? ctx.t("Geen gegevens.", "No data.")
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

/// The desk's way in (issue 23: "or the desk checks in person"): desk staff who saw a visitor's
/// proof of identity open what the store holds about the visitor's address, on the same screen
/// the visitor sees. The tick box is the staff member's statement; the erasure's audit line
/// names them.
final class VisitorDeskScreen: FormScreen {
    init(_ ctx: UIContext) {
        super.init(Form([
            FormField("intro", ctx.t("Iemand zonder account wil zien of wissen wat hij of zij via het contactformulier achterliet. Controleer eerst een identiteitsbewijs en of het e-mailadres van deze persoon is (laat bijvoorbeeld de mailbox zien).",
                                     "Someone without an account wants to see or erase what they left through the contact form. First check proof of identity and that the e-mail address is theirs (for example, ask to see the mailbox)."), .note(.normal)),
            FormField("gap", "", .note(.normal)),
            FormField("email", ctx.t("E-mailadres", "E-mail address"), .text(TextField(limit: Field.email.limit))),
            FormField("checked", ctx.t("Identiteit en adres gecontroleerd", "Identity and address checked"), .toggle(false)),
            FormField("open", ctx.t("Gegevens openen", "Open data"), .button),
        ], labelWidth: 14))
    }

    override func title(_ ctx: UIContext) -> String { ctx.t("Bezoeker aan de balie", "Visitor at the desk") }

    override var hasUnsavedInput: Bool { false }

    override func pressed(_ id: String, _ ctx: UIContext) {
        guard id == "open" else { return }
        let email = form.text("email"), checked = form.bool("checked")
        guard check([
            ("email", Field.email.label(ctx.language), { _ = try EmailAddress.normalise(email) }),
            ("checked", ctx.t("Identiteit en adres gecontroleerd", "Identity and address checked"), {
                if !checked { throw FormProblem(ctx.t("Zet het vinkje pas als je het identiteitsbewijs en het adres hebt gecontroleerd.",
                                                      "Tick this only once you checked the proof of identity and the address.")) }
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
