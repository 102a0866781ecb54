import Foundation
import SociaalHusCore
import TerminalKit

/// One message: who sent it (the sender's details only for the recipient), the text; reply, delete.
final class MessageDetailScreen: Screen {
    private let id: MessageID
    private var scroll = ScrollText()

    init(id: MessageID) { self.id = id }

    func title(_ ctx: UIContext) -> String { ctx.t("Bericht", "Message") }

    private func message(_ ctx: UIContext) -> ContactMessage? {
        ctx.store.messages(for: ctx.viewer).first { $0.id == id }
    }

    func bindings(_ ctx: UIContext) -> [Binding<Action>] {
        let g = ctx.t("Bericht", "Message")
        guard let m = message(ctx) else { return [] }
        var b = KeyTable.list(ctx.lang).filter { $0.action != .open }
        if Store.isRecipient(m, ctx.viewer) {
            b.append(Binding(.reply, [.char("r")], label: ctx.t("Beantwoorden", "Reply"), help: ctx.t("Antwoord naar de afzender; je e-mailadres blijft verborgen", "Answer the sender; your e-mail address stays hidden"), group: g))
        }
        b.append(Binding(.delete, [.char("x")], label: ctx.t("Verwijderen", "Delete"), group: g))
        if Store.isRecipient(m, ctx.viewer) {
            b.append(Binding(.report, [.char("m")], label: ctx.t("Melden", "Report"), help: ctx.t("Dit bericht melden bij de beheerders", "Report this message to the administrators"), group: g, inStatusBar: false))
        }
        return b
    }

    func willAppear(_ ctx: UIContext) {
        if let m = message(ctx), Store.isRecipient(m, ctx.viewer), !m.read {
            do { try ctx.store.markRead(id, by: ctx.viewer) } catch { ctx.fail(error) }
        }
    }

    func handle(_ action: Action, _ ctx: UIContext) {
        switch action {
        case .up, .down, .pageUp, .pageDown, .first, .last: _ = scroll.apply(action)
        case .reply: ctx.push(ContactFormScreen(.reply(id), ctx))
        case .report:
            if let m = message(ctx) { ctx.push(ReportScreen(.message(id), what: ctx.t("bericht van ", "message from ") + ctx.store.senderName(of: m, for: ctx.viewer, lang: ctx.language), ctx)) }
        case .delete:
            let id = self.id
            ctx.confirm(ctx.t("Dit bericht uit je Berichten verwijderen?", "Delete this message from your Messages?")) {
                do {
                    try ctx.store.deleteMessage(id, by: ctx.viewer)
                    ctx.pop()
                    ctx.inform(ctx.t("Bericht verwijderd.", "Message deleted."))
                } catch { ctx.fail(error) }
            }
        default: break
        }
    }

    func render(into g: inout Grid, area: Rect, _ ctx: UIContext) {
        guard let m = message(ctx) else {
            return drawRefusal(ctx.t("Dit bericht bestaat niet (meer).", "This message does not exist (any more)."), into: &g, area: area)
        }
        var out: [(String, StyleRole)] = []
        // The sender line wraps like the text: an address is never cut off.
        let header = Store.isRecipient(m, ctx.viewer)
            ? ctx.t("Van: ", "From: ") + safe(ctx.store.senderName(of: m, for: ctx.viewer, lang: ctx.language)) + (m.senderEmail.isEmpty ? "" : " <" + safe(m.senderEmail) + ">")
            : ctx.t("Aan: ", "To: ") + BerichtenScreen.recipientName(m, ctx)
        for l in TextWidth.wrap(header, to: area.width - 4) { out.append((l, .title)) }
        out.append((ctx.t("Verstuurd ", "Sent ") + DateText.short(m.sent, ctx) + " " + DateText.time(m.sent), .muted))
        out.append(("", .normal))
        for paragraph in m.shownText(ctx.language).split(separator: "\n", omittingEmptySubsequences: false) {
            for l in TextWidth.wrap(safe(String(paragraph)), to: area.width - 4) { out.append((l, .normal)) }
        }
        scroll.draw(out, into: &g, area: area)
    }
}
