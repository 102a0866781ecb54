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

    func title(_ ctx: UIContext) -> String { ctx.t(.report2) }

    private func report(_ ctx: UIContext) -> Report? {
        ctx.store.report(id, by: ctx.viewer)
    }

    func bindings(_ ctx: UIContext) -> [Binding<Action>] {
        guard let r = report(ctx) else { return [] }
        let g = ctx.t(.report2)
        // Only what the core would do for this report as it stands.
        let fits = ctx.store.moderationActions(id, by: ctx.viewer)
        var b = KeyTable.list(ctx.lang).filter { $0.action != .open }
        if fits.contains(.hide) {
            b.append(Binding.table(.hide, label: ctx.t(.hide), help: ctx.t(.hideWithReasonAndAn), group: g))
        }
        if fits.contains(.restore) {
            b.append(Binding.table(.restore, label: ctx.t(.restore), help: ctx.t(.makeHiddenContentVisibleAgain), group: g))
        }
        if fits.contains(.remove) {
            b.append(Binding.table(.remove, label: ctx.t(.remove), help: ctx.t(.removeForGoodAsksFirst), group: g))
        }
        if fits.contains(.dismiss) {
            b.append(r.status == .objected
                     ? Binding.table(.dismiss, label: ctx.t(.rejectObjection), help: ctx.t(.rejectTheObjectionTheContent), group: g)
                     : Binding.table(.dismiss, label: ctx.t(.dismiss), help: ctx.t(.closeTheReportWithoutChanging), group: g))
        }
        b.append(Binding.table(.reply, label: ctx.t(.answerAuthor), help: ctx.t(.tellTheAuthorWhy), group: g))
        if Permissions.denial(.administerPlatform, by: ctx.viewer) == nil {
            b.append(Binding.table(.block, label: ctx.t(.block), help: ctx.t(.blockTheAuthorSAccount), group: g))
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
            guard let who = ctx.store.reportedResident(r, by: ctx.viewer) else {
                return ctx.fail(ctx.t(.thisContentDoesNotBelong))
            }
            let name = safe(ctx.t(who.word))
            // A block can be lifted (`account unblock`): the dialog says so instead of the
            // default "cannot be undone".
            ctx.confirm(ctx.t(.blockTheAccountOfIt(name)),
                        undo: ctx.t(.anAdministratorCanLiftThe)) {
                do {
                    try ctx.store.perform(.blockAuthor(ofReport: r.id), as: ctx.viewer)
                    ctx.inform(ctx.t(.accountBlockedTheReasonIs))
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
                    ctx.inform(ctx.t(.done2) + (ctx.store.report(id, by: ctx.viewer)?.status.label(ctx.language) ?? "")
                               + ctx.t(.theAuthorAndTheReporter))
                } catch { ctx.fail(error) }
            }
            // Removing is for good: ask first, naming what goes.
            if m == .remove {
                let what = ctx.store.reportedContent(r, by: ctx.viewer).map { safe(ctx.t($0)) } ?? ctx.t(.theContent)
                ctx.confirm(ctx.t(.removeForGood(what)), perform: run)
            } else { run() }
        }
    }

    func render(into g: inout Grid, area: Rect, _ ctx: UIContext) {
        guard let r = report(ctx) else {
            return drawRefusal(ctx.t(.thisReportDoesNotExist), into: &g, area: area)
        }
        let width = area.width - 4
        var out: [(String, StyleRole)] = []
        out.append(((ctx.store.reportedContent(r, by: ctx.viewer).map { safe(ctx.t($0)) } ?? ctx.t(.contentRemoved)), .title))
        out.append((ctx.t(.status) + r.status.label(ctx.language) + " · " + ctx.t(.reason) + r.reason.label(ctx.language)
                    + " · " + ModeratieScreen.age(r.created, ctx) + (r.kind == .takedown ? ctx.t(.takedownNotice) : ""), .normal))
        out.append((ctx.t(.reportedBy) + safe(r.reporterName) + (r.reporterEmail.isEmpty ? "" : " <" + safe(r.reporterEmail) + ">"), .muted))
        out.append(("", .normal))
        for l in TextWidth.wrap(TextSanitizer.sanitize(r.explanation, keepNewlines: true), to: width) { out.append((l, .normal)) }
        // The whole reported text, as it is now (hidden too): judged on what it says, not its title.
        out.append(("", .normal))
        out.append((ctx.t(.reportedText), .title))
        if let text = ctx.store.reportedText(r, by: ctx.viewer) {
            for l in TextWidth.wrap(TextSanitizer.sanitize(text, keepNewlines: true), to: width - 2) { out.append(("  " + l, .normal)) }
        } else {
            out.append(("  " + ctx.t(.contentRemoved), .muted))
        }
        let steps = ctx.store.moderationSteps(id, by: ctx.viewer)
        if !steps.isEmpty {
            out.append(("", .normal))
            out.append((ctx.t(.history), .title))
            for s in steps {
                let who = s.kind == .object ? ctx.t(.theAuthor) : s.actorName.map(safe) ?? ctx.t(.erasedAccount)
                let why = s.reason.map { " · " + ctx.t(.reason) + $0.label(ctx.language) } ?? ""
                out.append(((DateText.short(s.at, ctx) + " " + s.kind.label(ctx.language) + " · " + ctx.t(.by3) + who + why), s.kind == .object ? .warning : .normal))
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
        let shown = ctx.store.reportedContent(r, by: ctx.viewer).map { safe(ctx.t($0)) } ?? ctx.t(.theContent)
        let language = ctx.language
        let reasons = ReportReason.allCases
        var labels: [String] = []
        for reason in reasons { labels.append(reason.label(language)) }
        let selected = reasons.firstIndex(of: r.reason) ?? 0
        let fields = [
            FormField("what", ctx.t(.hide2) + shown, .note(.title)),
            FormField("about", ctx.t(.theAuthorGetsTheReason), .note(.muted)),
            FormField("reason", ctx.t(.reason2), .cycle(options: labels, selected: selected)),
            FormField("note", ctx.t(.explanation), .area(TextArea("", limit: Field.text.limit, rows: 3))),
            FormField("hide", ctx.t(.hide), .button),
        ]
        report = r.id
        what = shown
        super.init(Form(fields, labelWidth: 14))
    }

    override func title(_ ctx: UIContext) -> String { ctx.t(.hide) }

    override func pressed(_ id: String, _ ctx: UIContext) {
        guard id == "hide" else { return }
        let note = form.text("note")
        guard form.check([("note", ctx.t(.explanation2), { _ = try validated(note, .text) })], ctx) else { return }
        let reasons = ReportReason.allCases
        let reason = reasons[min(form.choice("reason"), reasons.count - 1)]
        let report = self.report
        ctx.confirm(ctx.t(.hideWithReasonTheAuthor(what, reason.label(ctx.language)))) {
            do {
                try ctx.store.perform(.moderate(report, .hide, reason: reason, note: note), as: ctx.viewer)
                ctx.pop()
                ctx.inform(ctx.t(.hiddenTheAuthorAndThe))
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
            FormField("what", ctx.t(.objectionToHiding) + safe(what), .note(.title)),
            FormField("about", ctx.t(.moderatorTakesAnotherLookAnd), .note(.muted)),
            FormField("text", ctx.t(.why), .area(TextArea("", limit: Field.text.limit, rows: 4))),
            FormField("send", ctx.t(.object), .button),
        ], labelWidth: 12))
    }

    override func title(_ ctx: UIContext) -> String { ctx.t(.object) }

    override func pressed(_ id: String, _ ctx: UIContext) {
        guard id == "send" else { return }
        let text = form.text("text")
        guard form.check([("text", ctx.t(.why2), { _ = try validated(text, .text) })], ctx) else { return }
        do {
            try ctx.store.perform(.object(to: target, text: text), as: ctx.viewer)
            ctx.pop()
            ctx.inform(ctx.t(.yourObjectionWentToThe))
        } catch { ctx.fail(error) }
    }
}

/// The lines that tell the author (and editors, administrators) why content is hidden, and
/// whether they can still object.
enum HiddenLines {
    static func lines(_ n: HiddenNotice, width: Int, _ ctx: UIContext) -> [(String, StyleRole)] {
        let reason = n.reason?.label(ctx.language) ?? n.reasonCode
        var out: [(String, StyleRole)] = [(ctx.t(.hiddenByModeratorReason) + safe(reason), .warning)]
        if let note = n.note, !note.isEmpty {
            for l in TextWidth.wrap(TextSanitizer.sanitize(ctx.t(.explanation3) + note, keepNewlines: true), to: width) { out.append((l, .warning)) }
        }
        if n.objectionOpen {
            out.append((ctx.t(.theObjectionIsWithThe), .muted))
        } else if n.objected {
            out.append((ctx.t(.moderatorLookedAtTheObjection), .muted))
        } else if n.mayObject {
            // The key as this person's keys file has it.
            let key = ctx.keyMap.keys[.object]?.first.map(KeyMap.name(of:)) ?? "b"
            out.append((ctx.t(.disagreePressToObjectOnce(key)), .muted))
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
            FormField("about", ctx.t(.goesToTheAuthorS), .note(.muted)),
            FormField("text", ctx.t(.message2), .area(TextArea("", limit: Field.text.limit, rows: 4))),
            FormField("send", ctx.t(.send), .button),
        ], labelWidth: 12))
    }

    override func title(_ ctx: UIContext) -> String { ctx.t(.answerAuthor) }

    override func pressed(_ id: String, _ ctx: UIContext) {
        guard id == "send" else { return }
        do {
            try ctx.store.perform(.replyToAuthor(report, text: form.text("text")), as: ctx.viewer)
            ctx.pop()
            ctx.inform(ctx.t(.messageToTheAuthorSent))
        } catch { ctx.fail(error) }
    }
}
