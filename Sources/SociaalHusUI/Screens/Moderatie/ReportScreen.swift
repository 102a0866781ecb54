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
        var rows = [FormField("what", (takedown ? ctx.t("Takedown-melding over: ", "Takedown notice about: ") : ctx.t("Melden: ", "Report: ")) + safe(what), .note(.title))]
        if !also.isEmpty {
            rows.append(FormField("target", ctx.t("Over", "About"), .cycle(options: [safe(what)] + also.map(safe), selected: 0)))
        }
        if takedown {
            rows.append(FormField("about", ctx.t("Van wie de melding op het privacyadres kwam; de inhoud wordt verwijderd, de melding bewaard.",
                                                 "Who sent the notice to the privacy address; the content is removed, the notice kept."), .note(.muted)))
        } else {
            rows.append(FormField("reason", ctx.t("Reden", "Reason"), .cycle(options: ReportReason.allCases.map { $0.label(ctx.language) }, selected: 0)))
        }
        rows += [
            FormField("explanation", ctx.t("Toelichting *", "Explanation *"), .area(TextArea("", limit: Field.text.limit, rows: 3))),
            FormField("name", ctx.t("Naam *", "Name *"), .text(TextField(takedown ? "" : me?.profile.displayName ?? "", limit: Field.senderName.limit))),
            FormField("email", ctx.t("E-mail *", "E-mail *"), .text(TextField(takedown ? "" : me?.email ?? "", limit: Field.senderEmail.limit))),
            FormField("send", takedown ? ctx.t("Vastleggen en verwijderen", "Record and remove") : ctx.t("Melden", "Report"), .button),
        ]
        return Form(rows, labelWidth: 14)
    }

    /// The chosen thing to report.
    private var target: ReportTarget { targets[min(form.choice("target"), targets.count - 1)] }

    override func title(_ ctx: UIContext) -> String { takedown ? ctx.t("Takedown", "Takedown") : ctx.t("Melden", "Report") }

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
                ctx.confirm(ctx.t("Takedown vastleggen en '\(safe(what))' voorgoed verwijderen?", "Record the takedown and remove '\(safe(what))' for good?")) {
                    do {
                        try ctx.store.perform(.recordTakedown(target, from: name, email: email, notice: explanation), as: ctx.viewer)
                        ctx.pop()
                        ctx.pop()
                        ctx.inform(ctx.t("Takedown-melding vastgelegd en de inhoud verwijderd.", "Takedown notice recorded and the content removed."))
                    } catch { ctx.fail(error) }
                }
            } else {
                let reasons = ReportReason.allCases
                try ctx.store.perform(.report(target, reason: reasons[min(form.choice("reason"), reasons.count - 1)], explanation: form.text("explanation"),
                                     name: form.text("name"), email: form.text("email")), as: ctx.viewer)
                ctx.pop()
                ctx.inform(ctx.t("Bedankt, je melding is doorgegeven aan de moderatoren.", "Thank you, your report went to the moderators."))
            }
        } catch { ctx.fail(error) }
    }
}
