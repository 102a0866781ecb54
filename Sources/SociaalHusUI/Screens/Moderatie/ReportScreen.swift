import Foundation
import SociaalHusCore
import TerminalKit

/// The report form (melden), or for administrators a takedown notice: reason, explanation, and
/// the reporter's name and mandatory e-mail address.
final class ReportScreen: FormScreen {
    private let targets: [ReportTarget]
    private let takedown: Bool

    /// Reports `target`; `also` offers other things to report instead (a post's author's profile).
    /// What is reported, as shown (for the confirmation of a takedown).
    private let what: String

    init(_ target: ReportTarget, what: String, also: [(ReportTarget, String)] = [], takedown: Bool = false, _ ctx: UIContext) {
        self.what = what
        targets = [target] + also.map(\.0)
        self.takedown = takedown
        super.init(Self.makeForm(what: what, also: also.map(\.1), takedown: takedown, ctx))
    }

    // A static function, not inline in init: closures in a form literal inside an initialiser
    // crash the release-mode optimiser (see AgendaEditScreen).
    private static func makeForm(what: String, also: [String], takedown: Bool, _ ctx: UIContext) -> Form {
        let me = ctx.viewer.activeAccount
        var rows = [FormField("what", (takedown ? ctx.t(.takedownNoticeAbout) : ctx.t(.report4)) + safe(what), .note(.title))]
        if !also.isEmpty {
            rows.append(FormField("target", ctx.t(.about), .cycle(options: [safe(what)] + also.map(safe), selected: 0)))
        }
        if takedown {
            rows.append(FormField("about", ctx.t(.whoSentTheNoticeTo), .note(.muted)))
        } else {
            rows.append(FormField("reason", ctx.t(.reason2), .cycle(options: ReportReason.allCases.map { $0.label(ctx.language) }, selected: 0)))
        }
        rows += [
            FormField("explanation", ctx.t(.explanation), .area(TextArea("", limit: Field.text.limit, rows: 3))),
            FormField("name", ctx.t(.name), .text(TextField(takedown ? "" : me?.profile.displayName ?? "", limit: Field.senderName.limit))),
            FormField("email", ctx.t(.eMail), .text(TextField(takedown ? "" : me?.email ?? "", limit: Field.senderEmail.limit))),
            FormField("send", takedown ? ctx.t(.recordAndRemove) : ctx.t(.report), .button),
        ]
        return Form(rows, labelWidth: 14)
    }

    /// The chosen thing to report.
    private var target: ReportTarget { targets[min(form.choice("target"), targets.count - 1)] }

    override func title(_ ctx: UIContext) -> String { takedown ? ctx.t(.takedown) : ctx.t(.report) }

    override func pressed(_ id: String, _ ctx: UIContext) {
        guard id == "send" else { return }
        let explanation = form.text("explanation"), name = form.text("name"), email = form.text("email")
        guard check([
            ("explanation", Field.text.label(ctx.language), { _ = try validated(explanation, .text) }),
            ("name", Field.senderName.label(ctx.language), { _ = try validated(name, .senderName) }),
            ("email", Field.senderEmail.label(ctx.language), { _ = try EmailAddress.normalise(email) }),
        ], ctx) else { return }
        do {
            if takedown {
                // A takedown removes the content for good: ask first, naming it.
                let target = self.target
                ctx.confirm(ctx.t(.recordTheTakedownAndRemove(safe(what)))) {
                    do {
                        try ctx.store.perform(.recordTakedown(target, from: name, email: email, notice: explanation), as: ctx.viewer)
                        ctx.pop()
                        ctx.pop()
                        ctx.inform(ctx.t(.takedownNoticeRecordedAndThe))
                    } catch { ctx.fail(error) }
                }
            } else {
                let reasons = ReportReason.allCases
                try ctx.store.perform(.report(target, reason: reasons[min(form.choice("reason"), reasons.count - 1)], explanation: form.text("explanation"),
                                     name: form.text("name"), email: form.text("email")), as: ctx.viewer)
                ctx.pop()
                ctx.inform(ctx.t(.thankYouYourReportWent))
            }
        } catch { ctx.fail(error) }
    }
}
