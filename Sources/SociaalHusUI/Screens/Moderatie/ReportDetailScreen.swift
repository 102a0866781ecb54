import Foundation
import SociaalHusCore
import TerminalKit

/// One report: what was reported, why, by whom; single keys to hide, restore, remove, dismiss,
/// answer the author, and (administrators) block the author's account.
final class ReportDetailScreen: Screen {
    private let id: ReportID
    private var scroll = ScrollText()

    init(id: ReportID) { self.id = id }

    func title(_ ctx: UIContext) -> String { ctx.t("Melding", "Report") }

    private func report(_ ctx: UIContext) -> Report? {
        ctx.store.report(id, by: ctx.viewer)
    }

    func bindings(_ ctx: UIContext) -> [Binding<Action>] {
        guard report(ctx) != nil else { return [] }
        let g = ctx.t("Melding", "Report")
        var b = KeyTable.list(ctx.lang).filter { $0.action != .open } + [
            Binding(.hide, [.char("v")], label: ctx.t("Verbergen", "Hide"), help: ctx.t("Verbergen; de schrijver ziet waarom", "Hide; the author sees why"), group: g),
            Binding(.restore, [.char("t")], label: ctx.t("Terugzetten", "Restore"), group: g),
            Binding(.remove, [.char("x")], label: ctx.t("Verwijderen", "Remove"), help: ctx.t("Voorgoed verwijderen (vraagt eerst)", "Remove for good (asks first)"), group: g),
            Binding(.dismiss, [.char("a")], label: ctx.t("Afwijzen", "Dismiss"), help: ctx.t("Melding sluiten zonder iets te veranderen", "Close the report without changing anything"), group: g),
            Binding(.reply, [.char("r")], label: ctx.t("Schrijver antwoorden", "Answer author"), help: ctx.t("De schrijver laten weten waarom", "Tell the author why"), group: g),
        ]
        if Permissions.denial(.administerPlatform, by: ctx.viewer) == nil {
            b.append(Binding(.block, [.char("b")], label: ctx.t("Blokkeren", "Block"), help: ctx.t("Het account van de schrijver blokkeren (op verzoek, met reden; vraagt eerst)", "Block the author's account (on request, with the reason; asks first)"), group: g))
        }
        return b
    }

    func handle(_ action: Action, _ ctx: UIContext) {
        guard let r = report(ctx) else { return }
        let moderation: [Action: ModerationAction] = [.hide: .hide, .restore: .restore, .remove: .remove, .dismiss: .dismiss]
        switch action {
        case .up, .down, .pageUp, .pageDown, .first, .last: _ = scroll.apply(action)
        case .reply: ctx.push(ModerationReplyScreen(report: r.id, ctx))
        case .block:
            guard let who = ctx.store.reportedResident(r, by: ctx.viewer, lang: ctx.language) else {
                return ctx.fail(ctx.t("Deze inhoud hoort niet bij een account van een bewoner.", "This content does not belong to a resident's account."))
            }
            let name = safe(who)
            // A block can be lifted (`account unblock`): the dialog says so instead of the
            // default "cannot be undone" (issue 24).
            ctx.confirm(ctx.t("Het account van \(name) blokkeren? Inloggen kan dan niet meer, een open sessie wordt binnen twee seconden beëindigd en al de inhoud wordt verborgen.",
                              "Block the account of \(name)? It can no longer log in, an open session ends within two seconds and all its content is hidden."),
                        undo: ctx.t("Een beheerder kan de blokkade later opheffen: sociaalhus account unblock --email ADRES.",
                                    "An administrator can lift the block later: sociaalhus account unblock --email ADDRESS.")) {
                do {
                    try ctx.store.blockAuthor(ofReport: r.id, by: ctx.viewer)
                    ctx.inform(ctx.t("Account geblokkeerd; de reden is vastgelegd. Deblokkeren kan met 'sociaalhus account unblock'.",
                                     "Account blocked; the reason is recorded. Unblock with 'sociaalhus account unblock'."))
                } catch { ctx.fail(error) }
            }
        default:
            guard let m = moderation[action] else { return }
            let id = self.id
            let run = {
                do {
                    try ctx.store.moderate(id, m, by: ctx.viewer)
                    ctx.inform(ctx.t("Gedaan: ", "Done: ") + (ctx.store.report(id, by: ctx.viewer)?.status.label(ctx.language) ?? ""))
                } catch { ctx.fail(error) }
            }
            // Removing is for good: ask first, naming what goes.
            if m == .remove {
                let what = ctx.store.reportedContent(r, by: ctx.viewer).map(safe) ?? ctx.t("de inhoud", "the content")
                ctx.confirm(ctx.t("\(what) voorgoed verwijderen?", "Remove \(what) for good?"), perform: run)
            } else { run() }
        }
    }

    func render(into g: inout Grid, area: Rect, _ ctx: UIContext) {
        guard let r = report(ctx) else {
            return drawRefusal(ctx.t("Deze melding bestaat niet of is niet voor jou.", "This report does not exist or is not yours to handle."), into: &g, area: area)
        }
        var out: [(String, StyleRole)] = []
        out.append(((ctx.store.reportedContent(r, by: ctx.viewer).map(safe) ?? ctx.t("(inhoud verwijderd)", "(content removed)")), .title))
        out.append((ctx.t("Status: ", "Status: ") + r.status.label(ctx.language) + " · " + ctx.t("reden: ", "reason: ") + r.reason.label(ctx.language)
                    + " · " + ModeratieScreen.age(r.created, ctx) + (r.kind == .takedown ? ctx.t(" · takedown-melding", " · takedown notice") : ""), .normal))
        out.append((ctx.t("Gemeld door ", "Reported by ") + safe(r.reporterName) + (r.reporterEmail.isEmpty ? "" : " <" + safe(r.reporterEmail) + ">"), .muted))
        out.append(("", .normal))
        for l in TextWidth.wrap(TextSanitizer.sanitize(r.explanation, keepNewlines: true), to: area.width - 4) { out.append((l, .normal)) }
        scroll.draw(out, into: &g, area: area)
    }
}

/// The moderator's message to the author of reported content.
final class ModerationReplyScreen: FormScreen {
    private let report: ReportID

    init(report: ReportID, _ ctx: UIContext) {
        self.report = report
        super.init(Form([
            FormField("about", ctx.t("Komt in de Berichten van de schrijver (of van de organisatie).", "Goes to the author's (or the organisation's) Messages."), .note(.muted)),
            FormField("text", ctx.t("Bericht *", "Message *"), .area(TextArea("", limit: Field.text.limit, rows: 4))),
            FormField("send", ctx.t("Versturen", "Send"), .button),
        ], labelWidth: 12))
    }

    override func title(_ ctx: UIContext) -> String { ctx.t("Schrijver antwoorden", "Answer author") }

    override func pressed(_ id: String, _ ctx: UIContext) {
        guard id == "send" else { return }
        do {
            try ctx.store.replyToAuthor(report, text: form.text("text"), by: ctx.viewer)
            ctx.pop()
            ctx.inform(ctx.t("Bericht aan de schrijver verstuurd.", "Message to the author sent."))
        } catch { ctx.fail(error) }
    }
}
