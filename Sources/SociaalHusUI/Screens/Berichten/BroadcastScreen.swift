import Foundation
import SociaalHusCore
import TerminalKit

/// Writing a wijk newsletter (local partners) or a platform announcement (administrators). It
/// goes only to people whose toggle for it is on; the screen says how many that are.
final class BroadcastScreen: FormScreen {
    enum Kind { case newsletter, announcement }

    private let kind: Kind
    private let wijken: [Wijk]

    init(_ kind: Kind, _ ctx: UIContext) {
        self.kind = kind
        wijken = ctx.store.wijken.filter { Permissions.denial(.sendNewsletter(wijk: $0.id), by: ctx.viewer) == nil }
        var rows: [FormField] = []
        let toggle = kind == .newsletter ? EmailKind.newsletter : .announcement
        rows.append(FormField("about", ctx.t(.goesOnlyToPeopleWith(toggle.word)), .note(.muted)))
        if kind == .newsletter {
            rows.append(FormField("wijk", ctx.t(.neighbourhood), .cycle(options: wijken.map { safe($0.name) }, selected: 0)))
        }
        rows.append(FormField("subject", ctx.t(.subject), .text(TextField("", limit: Field.title.limit))))
        rows.append(FormField("text", ctx.t(.text2), .area(TextArea("", limit: Field.body.limit, rows: 6))))
        rows.append(FormField("send", ctx.t(.send), .button))
        super.init(Form(rows, labelWidth: 14))
    }

    override func title(_ ctx: UIContext) -> String {
        kind == .newsletter ? ctx.t(.newsletter) : ctx.t(.announcement)
    }

    override func pressed(_ id: String, _ ctx: UIContext) {
        guard id == "send" else { return }
        let subject = form.text("subject"), text = form.text("text")
        guard check([
            ("subject", Field.title.label(ctx.language), { _ = try validated(subject, .title) }),
            ("text", Field.body.label(ctx.language), { _ = try validated(text, .body) }),
        ], ctx) else { return }
        do {
            let n: Int
            switch kind {
            case .newsletter:
                guard wijken.indices.contains(form.choice("wijk")) else { return ctx.fail(PermissionDenial.partnersOnly.message(ctx.language)) }
                n = try ctx.store.perform(.sendNewsletter(wijk: wijken[form.choice("wijk")].id, subject: form.text("subject"), text: form.text("text")), as: ctx.viewer)
            case .announcement:
                n = try ctx.store.perform(.sendAnnouncement(subject: form.text("subject"), text: form.text("text")), as: ctx.viewer)
            }
            ctx.pop()
            ctx.inform(ctx.t(.queuedForRecipientSIn(n)))
        } catch { ctx.fail(error) }
    }
}
