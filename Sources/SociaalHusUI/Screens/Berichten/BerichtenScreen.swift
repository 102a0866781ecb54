import Foundation
import SociaalHusCore
import TerminalKit

/// Berichten (tab 6): the messages a logged-in person received and sent, newest first, unread
/// ones marked "nieuw"; partners write the wijk newsletter here and administrators announcements.
public final class BerichtenScreen: Screen {
    private var list = ListState()
    private var shown: [ContactMessage] = []

    /// Creates the inbox.
    public init(_ ctx: UIContext) { reload(ctx) }

    public func title(_ ctx: UIContext) -> String { ctx.t("Berichten", "Messages") }

    public func bindings(_ ctx: UIContext) -> [Binding<Action>] {
        guard ctx.viewer.activeAccount != nil else { return [] }
        let g = ctx.t("Berichten", "Messages")
        var b = KeyTable.list(ctx.lang)
        if ctx.store.wijken.contains(where: { Permissions.denial(.sendNewsletter(wijk: $0.id), by: ctx.viewer) == nil }) {
            b.append(Binding(.newsletter, [.char("n")], label: ctx.t("Nieuwsbrief", "Newsletter"), help: ctx.t("Nieuwsbrief voor je wijk schrijven (lokale partner)", "Write your neighbourhood's newsletter (local partner)"), group: g))
        }
        if Permissions.denial(.administerPlatform, by: ctx.viewer) == nil {
            b.append(Binding(.announcement, [.char("m")], label: ctx.t("Mededeling", "Announcement"), help: ctx.t("Mededeling van het platform schrijven (beheerder)", "Write a platform announcement (administrator)"), group: g))
        }
        return b
    }

    public func willAppear(_ ctx: UIContext) { reload(ctx) }

    private func reload(_ ctx: UIContext) {
        shown = ctx.store.messages(for: ctx.viewer)
        list.clamp(count: shown.count, height: 1000)
    }

    public func handle(_ action: Action, _ ctx: UIContext) {
        switch action {
        case .up, .down, .pageUp, .pageDown, .first, .last: _ = list.apply(action, count: shown.count)
        case .open:
            if shown.indices.contains(list.selected) { ctx.push(MessageDetailScreen(id: shown[list.selected].id)) }
        case .newsletter: ctx.push(BroadcastScreen(.newsletter, ctx))
        case .announcement: ctx.push(BroadcastScreen(.announcement, ctx))
        default: break
        }
    }

    public func render(into g: inout Grid, area: Rect, _ ctx: UIContext) {
        guard ctx.viewer.activeAccount != nil else {
            return drawRefusal(ctx.t("Log in (4 Profiel) om je berichten te zien.", "Log in (4 Profile) to see your messages."), into: &g, area: area)
        }
        let unread = shown.filter { !$0.read && Store.isRecipient($0, ctx.viewer) }.count
        g.putSummary(ctx.t("Ontvangen en verstuurd", "Received and sent") + " (\(shown.count), " + ctx.t("\(unread) nieuw", "\(unread) new") + ")",
              x: area.x + 1, y: area.y, maxWidth: area.width - 2)
        let rows = shown.map { m -> ListRow in
            let received = Store.isRecipient(m, ctx.viewer)
            let mark = received ? (m.read ? "      " : ctx.t("nieuw ", "new   ")) : "      "
            let who = received ? ctx.t("van ", "from ") + safe(ctx.store.senderName(of: m, for: ctx.viewer, lang: ctx.language)) : ctx.t("aan ", "to ") + Self.recipientName(m, ctx)
            let text = safe(m.shownText(ctx.language).replacingOccurrences(of: "\n", with: " "))
            return ListRow(mark + DateText.short(m.sent, ctx) + "  " + TextWidth.pad(TextWidth.truncate(who, to: 22), to: 22) + " " + text)
        }
        ListView.draw(rows, selectedRow: shown.isEmpty ? nil : list.selected, state: &list, into: &g,
                      area: Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1),
                      emptyText: ctx.t("Nog geen berichten.", "No messages yet."))
    }

    /// Who a sent message went to, as far as the sender may know: never an e-mail address of an account.
    static func recipientName(_ m: ContactMessage, _ ctx: UIContext) -> String {
        safe(ctx.store.recipientName(of: m, for: ctx.viewer, lang: ctx.language))
    }
}
