import Foundation
import SociaalHusCore
import TerminalKit

/// The contact form (to a resident or an organisation) and the reply form. A visitor gives a
/// name and a mandatory e-mail address; a reply needs only the text. Both say what the message
/// is about: the post, activity or organisation the form was opened from.
final class ContactFormScreen: FormScreen {
    /// Where the message goes.
    enum Target {
        /// A new message; `about` is what the form was opened from (nil: a profile).
        case recipient(ContactMessage.Recipient, name: ShownName, about: ContactMessage.About?)
        case reply(MessageID)
    }

    private let target: Target

    init(_ target: Target, _ ctx: UIContext) {
        self.target = target
        var rows: [FormField] = []
        switch target {
        case .recipient(_, let name, let about):
            rows.append(FormField("to", ctx.t(.to) + safe(ctx.t(name.word)), .note(.title)))
            // (An organisation's own entry is the recipient already, named on the line above.)
            if let about, Self.organisation(of: target).map({ about != .organisation($0) }) ?? true { rows.append(FormField("over", safe(ctx.t(ctx.store.aboutTitle(about, for: ctx.viewer, now: ctx.now).line)), .note(.title))) }
            rows.append(FormField("about", ctx.t(.onlyTheRecipientSeesYour), .note(.muted)))
            let me = ctx.viewer.activeAccount
            rows.append(FormField("name", ctx.t(.yourName), .text(TextField(me?.profile.displayName ?? "", limit: Field.senderName.limit))))
            rows.append(FormField("email", ctx.t(.yourEMail), .text(TextField(me?.email ?? "", limit: Field.senderEmail.limit))))
        case .reply(let id):
            if let over = ctx.store.conversation(holding: id, for: ctx.viewer, now: ctx.now)?.about {
                rows.append(FormField("over", safe(ctx.t(over.line)), .note(.title)))
            }
            rows.append(FormField("about", ctx.t(.yourAnswerGoesToThe), .note(.muted)))
            // Before saving, say exactly which name the other side will see: the core's rule.
            if let name = ctx.store.replyName(to: id, by: ctx.viewer) {
                let shown = safe(ctx.t(name.word))
                rows.append(FormField("sees", ctx.t(.theRecipientSeesAsSender) + shown
                                      + ctx.t(.followsYourProfileLevelIn), .note(.muted)))
            }
        }
        rows.append(FormField("text", ctx.t(.message2), .area(TextArea("", limit: Field.text.limit, rows: 5))))
        rows.append(FormField("send", ctx.t(.send), .button))
        super.init(Form(rows, labelWidth: 14))
    }

    /// The organisation written to (nil: a resident, or a reply).
    private static func organisation(of target: Target) -> OrganisationID? {
        if case .recipient(.organisation(let o), _, _) = target { return o }
        return nil
    }

    override func title(_ ctx: UIContext) -> String {
        if case .reply = target { return ctx.t(.reply) }
        return ctx.t(.contact)
    }

    override func pressed(_ id: String, _ ctx: UIContext) {
        guard id == "send" else { return }
        // Every problem at once, under its field, focus on the first: nothing typed is lost.
        var checks: [(id: String, label: String, check: () throws -> Void)] = []
        if case .recipient = target {
            let name = form.text("name"), email = form.text("email")
            checks.append(("name", Field.senderName.label(ctx.language), { _ = try validated(name, .senderName) }))
            checks.append(("email", Field.senderEmail.label(ctx.language), { _ = try EmailAddress.normalise(email) }))
        }
        let text = form.text("text")
        checks.append(("text", Field.text.label(ctx.language), { _ = try validated(text, .text) }))
        guard check(checks, ctx) else { return }
        do {
            switch target {
            case .recipient(let r, _, let about):
                try ctx.store.perform(.sendMessage(senderName: form.text("name"), senderEmail: form.text("email"), to: r, about: about, text: form.text("text")), as: ctx.viewer)
            case .reply(let m):
                try ctx.store.perform(.reply(to: m, text: form.text("text")), as: ctx.viewer)
            }
            ctx.pop()
            ctx.inform(ctx.t(.yourMessageWasSent))
        } catch { ctx.fail(error) }
    }
}
