import Foundation
import SociaalHusCore
import TerminalKit

/// One conversation, oldest message first: what it is about, then each message with who sent it
/// (the sender's details only for the recipient) and its text. `r` answers the newest message
/// received, `m` reports it, `x` removes the conversation from the reader's Berichten.
final class MessageDetailScreen: Screen {
    /// Any message of the conversation (the list gives its first).
    private let id: MessageID
    private var scroll = ScrollText()

    init(id: MessageID) { self.id = id }

    func title(_ ctx: UIContext) -> String { ctx.t(.conversation2) }

    private func conversation(_ ctx: UIContext) -> Conversation? {
        ctx.store.conversation(holding: id, for: ctx.viewer, now: ctx.now)
    }

    func bindings(_ ctx: UIContext) -> [Binding<Action>] {
        let g = ctx.t(.conversation2)
        guard let c = conversation(ctx) else { return [] }
        var b = KeyTable.list(ctx.lang).filter { $0.action != .open }
        if c.latestReceived != nil {
            b.append(Binding.table(.reply, label: ctx.t(.reply), help: ctx.t(.answerTheLastMessageReceived), group: g))
        }
        b.append(Binding.table(.delete, label: ctx.t(.delete), help: ctx.t(.deleteThisConversationFromYour), group: g))
        if c.latestReceived != nil {
            b.append(Binding.table(.report, label: ctx.t(.report), help: ctx.t(.reportTheLastMessageReceived), group: g, inStatusBar: false))
        }
        return b
    }

    func willAppear(_ ctx: UIContext) {
        guard let c = conversation(ctx) else { return }
        for line in c.lines where line.received && !line.message.read {
            do { try ctx.store.perform(.markRead(line.message.id), as: ctx.viewer) } catch { ctx.fail(error); return }
        }
    }

    func handle(_ action: Action, _ ctx: UIContext) {
        switch action {
        case .up, .down, .pageUp, .pageDown, .first, .last: _ = scroll.apply(action)
        case .reply:
            if let m = conversation(ctx)?.latestReceived { ctx.push(ContactFormScreen(.reply(m.message.id), ctx)) }
        case .report:
            if let m = conversation(ctx)?.latestReceived {
                ctx.push(ReportScreen(.message(m.message.id), what: ctx.t(.messageFrom) + ctx.t(m.correspondentInFull), ctx))
            }
        case .delete:
            guard let c = conversation(ctx) else { return }
            let n = c.lines.count
            let question = n == 1 ? ctx.t(.deleteThisConversationFromYour2)
                                  : ctx.t(.deleteThisConversationMessagesFrom(n))
            let id = self.id
            ctx.confirm(question) {
                do {
                    try ctx.store.perform(.deleteConversation(holding: id), as: ctx.viewer)
                    ctx.pop()
                    ctx.inform(ctx.t(.conversationDeleted))
                } catch { ctx.fail(error) }
            }
        default: break
        }
    }

    func render(into g: inout Grid, area: Rect, _ ctx: UIContext) {
        guard let c = conversation(ctx) else {
            return drawRefusal(ctx.t(.thisConversationDoesNotExist), into: &g, area: area)
        }
        var out: [(String, StyleRole)] = []
        let width = area.width - 4
        if let about = c.about {
            for l in TextWidth.wrap(safe(ctx.t(about.line)), to: width) { out.append((l, .title)) }
            if c.lines.count > 1 { out.append((ctx.t(.messagesOldestFirst(c.lines.count)), .muted)) }
            out.append(("", .normal))
        } else if c.lines.count > 1 {
            out.append((ctx.t(.messagesOldestFirst(c.lines.count)), .muted))
            out.append(("", .normal))
        }
        for (i, line) in c.lines.enumerated() {
            if i > 0 { out.append(("", .normal)) }
            let m = line.message
            // The sender line wraps like the text: an address is never cut off.
            let header = line.received
                ? ctx.t(.fromText) + safe(ctx.t(line.correspondentInFull)) + (m.senderEmail.isEmpty ? "" : " <" + safe(m.senderEmail) + ">")
                : ctx.t(.to) + safe(ctx.t(line.correspondentInFull))
            for l in TextWidth.wrap(header, to: width) { out.append((l, .title)) }
            out.append((ctx.t(.sent) + DateText.short(m.sent, ctx) + " " + DateText.time(m.sent), .muted))
            out.append(("", .normal))
            for paragraph in ctx.t(m.shownText).split(separator: "\n", omittingEmptySubsequences: false) {
                for l in TextWidth.wrap(safe(String(paragraph)), to: width) { out.append((l, .normal)) }
            }
        }
        scroll.draw(out, into: &g, area: area)
    }
}
