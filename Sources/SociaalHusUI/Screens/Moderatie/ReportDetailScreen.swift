import Foundation
import SociaalHusCore
import TerminalKit

/// One report: the whole reported text, why, by whom, and what was done so far with who and
/// why; single keys for the actions that fit it now (hide only what is visible, restore only
/// what is hidden), answering the author, and (administrators) blocking the author's account.
final class ReportDetailScreen: Screen {
    private let id: ReportID
    private var scroll = ScrollText()

    init(id: ReportID) { self.id = id }

    func title(_ ctx: UIContext) -> String { ctx.t("Melding", "Report") }

    private func report(_ ctx: UIContext) -> Report? {
        ctx.store.report(id, by: ctx.viewer)
    }

    func bindings(_ ctx: UIContext) -> [Binding<Action>] {
        guard let r = report(ctx) else { return [] }
        let g = ctx.t("Melding", "Report")
        // Only what the core would do for this report as it stands.
        let fits = ctx.store.moderationActions(id, by: ctx.viewer)
        var b = KeyTable.list(ctx.lang).filter { $0.action != .open }
        if fits.contains(.hide) {
            b.append(Binding(.hide, [.char("v")], label: ctx.t("Verbergen", "Hide"), help: ctx.t("Verbergen met een reden en een toelichting voor de schrijver (vraagt eerst)", "Hide with a reason and an explanation for the author (asks first)"), group: g))
        }
        if fits.contains(.restore) {
            b.append(Binding(.restore, [.char("t")], label: ctx.t("Terugzetten", "Restore"), help: ctx.t("Verborgen inhoud weer zichtbaar maken", "Make hidden content visible again"), group: g))
        }
        if fits.contains(.remove) {
            b.append(Binding(.remove, [.char("x")], label: ctx.t("Verwijderen", "Remove"), help: ctx.t("Voorgoed verwijderen (vraagt eerst)", "Remove for good (asks first)"), group: g))
        }
        if fits.contains(.dismiss) {
            b.append(r.status == .objected
                     ? Binding(.dismiss, [.char("a")], label: ctx.t("Bezwaar afwijzen", "Reject objection"), help: ctx.t("Het bezwaar afwijzen: de inhoud blijft verborgen", "Reject the objection: the content stays hidden"), group: g)
                     : Binding(.dismiss, [.char("a")], label: ctx.t("Afwijzen", "Dismiss"), help: ctx.t("Melding sluiten zonder iets te veranderen", "Close the report without changing anything"), group: g))
        }
        b.append(Binding(.reply, [.char("r")], label: ctx.t("Schrijver antwoorden", "Answer author"), help: ctx.t("De schrijver laten weten waarom", "Tell the author why"), group: g))
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
                    try ctx.store.perform(.blockAuthor(ofReport: r.id), as: ctx.viewer)
                    ctx.inform(ctx.t("Account geblokkeerd; de reden is vastgelegd. Deblokkeren kan met 'sociaalhus account unblock'.",
                                     "Account blocked; the reason is recorded. Unblock with 'sociaalhus account unblock'."))
                } catch { ctx.fail(error) }
            }
        default:
            guard let m = moderation[action], ctx.store.moderationActions(id, by: ctx.viewer).contains(m) else { return }
            // Hiding asks why (a form, then a confirmation).
            if m == .hide { return ctx.push(HideScreen(report: r, ctx)) }
            let id = self.id
            let run = {
                do {
                    try ctx.store.perform(.moderate(id, m), as: ctx.viewer)
                    ctx.inform(ctx.t("Gedaan: ", "Done: ") + (ctx.store.report(id, by: ctx.viewer)?.status.label(ctx.language) ?? "")
                               + ctx.t(". De schrijver en wie meldde zijn ingelicht.", ". The author and the reporter were told."))
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
        let width = area.width - 4
        var out: [(String, StyleRole)] = []
        out.append(((ctx.store.reportedContent(r, by: ctx.viewer).map(safe) ?? ctx.t("(inhoud verwijderd)", "(content removed)")), .title))
        out.append((ctx.t("Status: ", "Status: ") + r.status.label(ctx.language) + " · " + ctx.t("reden: ", "reason: ") + r.reason.label(ctx.language)
                    + " · " + ModeratieScreen.age(r.created, ctx) + (r.kind == .takedown ? ctx.t(" · takedown-melding", " · takedown notice") : ""), .normal))
        out.append((ctx.t("Gemeld door ", "Reported by ") + safe(r.reporterName) + (r.reporterEmail.isEmpty ? "" : " <" + safe(r.reporterEmail) + ">"), .muted))
        out.append(("", .normal))
        for l in TextWidth.wrap(TextSanitizer.sanitize(r.explanation, keepNewlines: true), to: width) { out.append((l, .normal)) }
        // The whole reported text, as it is now (hidden too): judged on what it says, not its title.
        out.append(("", .normal))
        out.append((ctx.t("Gemelde tekst:", "Reported text:"), .title))
        if let text = ctx.store.reportedText(r, by: ctx.viewer) {
            for l in TextWidth.wrap(TextSanitizer.sanitize(text, keepNewlines: true), to: width - 2) { out.append(("  " + l, .normal)) }
        } else {
            out.append(("  " + ctx.t("(inhoud verwijderd)", "(content removed)"), .muted))
        }
        let steps = ctx.store.moderationSteps(id, by: ctx.viewer)
        if !steps.isEmpty {
            out.append(("", .normal))
            out.append((ctx.t("Verloop:", "History:"), .title))
            for s in steps {
                let who = s.kind == .object ? ctx.t("de schrijver", "the author") : s.actorName.map(safe) ?? ctx.t("(gewist account)", "(erased account)")
                let why = s.reason.map { " · " + ctx.t("reden: ", "reason: ") + $0.label(ctx.language) } ?? ""
                out.append(((DateText.short(s.at, ctx) + " " + s.kind.label(ctx.language) + " · " + ctx.t("door ", "by ") + who + why), s.kind == .object ? .warning : .normal))
                for l in TextWidth.wrap(TextSanitizer.sanitize(s.note, keepNewlines: true), to: width - 4) where !s.note.isEmpty { out.append(("    " + l, .muted)) }
            }
        }
        scroll.draw(out, into: &g, area: area)
    }
}

/// Hiding asks why: one of the reasons of the privacy statement and words for the author, then
/// a confirmation naming what is hidden and who is told.
final class HideScreen: FormScreen {
    private let report: ReportID
    private let what: String

    init(report r: Report, _ ctx: UIContext) {
        // Everything is worked out before `super.init`, in plain locals: a closure over `ctx` in
        // its arguments crashed the Swift 6 optimiser (release build, CopyPropagation).
        let shown = ctx.store.reportedContent(r, by: ctx.viewer).map(safe) ?? ctx.t("de inhoud", "the content")
        let language = ctx.language
        let reasons = ReportReason.allCases
        var labels: [String] = []
        for reason in reasons { labels.append(reason.label(language)) }
        let selected = reasons.firstIndex(of: r.reason) ?? 0
        let fields = [
            FormField("what", ctx.t("Verbergen: ", "Hide: ") + shown, .note(.title)),
            FormField("about", ctx.t("De schrijver krijgt de reden en je toelichting in Berichten en kan één keer bezwaar maken.",
                                     "The author gets the reason and your explanation in Messages and can object once."), .note(.muted)),
            FormField("reason", ctx.t("Reden", "Reason"), .cycle(options: labels, selected: selected)),
            FormField("note", ctx.t("Toelichting *", "Explanation *"), .area(TextArea("", limit: Field.text.limit, rows: 3))),
            FormField("hide", ctx.t("Verbergen", "Hide"), .button),
        ]
        report = r.id
        what = shown
        super.init(Form(fields, labelWidth: 14))
    }

    override func title(_ ctx: UIContext) -> String { ctx.t("Verbergen", "Hide") }

    override func pressed(_ id: String, _ ctx: UIContext) {
        guard id == "hide" else { return }
        let note = form.text("note")
        guard form.check([("note", ctx.t("Toelichting", "Explanation"), { _ = try validated(note, .text) })], ctx) else { return }
        let reasons = ReportReason.allCases
        let reason = reasons[min(form.choice("reason"), reasons.count - 1)]
        let report = self.report
        ctx.confirm(ctx.t("\(what) verbergen met reden \(reason.label(ctx.language))? De schrijver krijgt je toelichting.",
                          "Hide \(what) with reason \(reason.label(ctx.language))? The author gets your explanation.")) {
            do {
                try ctx.store.perform(.moderate(report, .hide, reason: reason, note: note), as: ctx.viewer)
                ctx.pop()
                ctx.inform(ctx.t("Verborgen. De schrijver en wie meldde zijn ingelicht.", "Hidden. The author and the reporter were told."))
            } catch { ctx.fail(error) }
        }
    }
}

/// The author's objection, once, to the hiding of their post or activity.
final class ObjectionScreen: FormScreen {
    private let target: ReportTarget

    init(_ target: ReportTarget, what: String, _ ctx: UIContext) {
        self.target = target
        super.init(Form([
            FormField("what", ctx.t("Bezwaar tegen verbergen: ", "Objection to hiding: ") + safe(what), .note(.title)),
            FormField("about", ctx.t("Een moderator kijkt opnieuw en laat je de uitkomst weten in Berichten. Je kunt één keer bezwaar maken.",
                                     "A moderator takes another look and tells you the outcome in Messages. You can object once."), .note(.muted)),
            FormField("text", ctx.t("Waarom *", "Why *"), .area(TextArea("", limit: Field.text.limit, rows: 4))),
            FormField("send", ctx.t("Bezwaar maken", "Object"), .button),
        ], labelWidth: 12))
    }

    override func title(_ ctx: UIContext) -> String { ctx.t("Bezwaar maken", "Object") }

    override func pressed(_ id: String, _ ctx: UIContext) {
        guard id == "send" else { return }
        let text = form.text("text")
        guard form.check([("text", ctx.t("Waarom", "Why"), { _ = try validated(text, .text) })], ctx) else { return }
        do {
            try ctx.store.perform(.object(to: target, text: text), as: ctx.viewer)
            ctx.pop()
            ctx.inform(ctx.t("Je bezwaar is doorgegeven aan de moderatoren.", "Your objection went to the moderators."))
        } catch { ctx.fail(error) }
    }
}

/// The lines that tell the author (and editors, administrators) why content is hidden, and
/// whether they can still object.
enum HiddenLines {
    static func lines(_ n: HiddenNotice, width: Int, _ ctx: UIContext) -> [(String, StyleRole)] {
        let reason = n.reason?.label(ctx.language) ?? n.reasonCode
        var out: [(String, StyleRole)] = [(ctx.t("Verborgen door een moderator, reden: ", "Hidden by a moderator, reason: ") + safe(reason), .warning)]
        if let note = n.note, !note.isEmpty {
            for l in TextWidth.wrap(TextSanitizer.sanitize(ctx.t("Toelichting: ", "Explanation: ") + note, keepNewlines: true), to: width) { out.append((l, .warning)) }
        }
        if n.objectionOpen {
            out.append((ctx.t("Het bezwaar ligt bij de moderatoren.", "The objection is with the moderators."), .muted))
        } else if n.objected {
            out.append((ctx.t("Een moderator heeft het bezwaar bekeken; het blijft verborgen.", "A moderator looked at the objection; it stays hidden."), .muted))
        } else if n.mayObject {
            // The key as this person's keys file has it.
            let key = ctx.keyMap.keys[.object]?.first.map(KeyMap.name(of:)) ?? "b"
            out.append((ctx.t("Niet mee eens? Druk op \(key) om één keer bezwaar te maken.", "Disagree? Press \(key) to object once."), .muted))
        }
        return out
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
            try ctx.store.perform(.replyToAuthor(report, text: form.text("text")), as: ctx.viewer)
            ctx.pop()
            ctx.inform(ctx.t("Bericht aan de schrijver verstuurd.", "Message to the author sent."))
        } catch { ctx.fail(error) }
    }
}
