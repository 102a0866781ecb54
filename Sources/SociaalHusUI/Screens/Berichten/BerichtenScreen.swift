import Foundation
import SociaalHusCore
import TerminalKit

/// Berichten (tab 6): the conversations of a logged-in person (a message with the answers that
/// thread under it, `Store.conversations`), the one with the newest message first, with what it
/// is about and how many messages it holds; unread ones marked "nieuw". Partners write the wijk
/// newsletter here and administrators announcements.
public final class BerichtenScreen: Screen {
    private var list = ListState()
    private var shown: [Conversation] = []

    /// Creates the inbox.
    public init(_ ctx: UIContext) { reload(ctx) }

    public func title(_ ctx: UIContext) -> String { ctx.t(.messages2) }

    public func bindings(_ ctx: UIContext) -> [Binding<Action>] {
        guard ctx.viewer.activeAccount != nil else { return [] }
        let g = ctx.t(.messages2)
        var b = KeyTable.list(ctx.lang, empty: shown.isEmpty)
        if ctx.store.wijken.contains(where: { Permissions.denial(.sendNewsletter(wijk: $0.id), by: ctx.viewer) == nil }) {
            b.append(Binding.table(.newsletter, label: ctx.t(.newsletter), help: ctx.t(.writeYourNeighbourhoodSNewsletter), group: g))
        }
        if Permissions.denial(.administerPlatform, by: ctx.viewer) == nil {
            b.append(Binding.table(.announcement, label: ctx.t(.announcement), help: ctx.t(.writePlatformAnnouncementAdministrator), group: g))
        }
        return b
    }

    public func willAppear(_ ctx: UIContext) { reload(ctx) }

    private func reload(_ ctx: UIContext) {
        shown = ctx.store.conversations(for: ctx.viewer, now: ctx.now)
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
            return drawRefusal(ctx.t(.logIn4ProfileTo), into: &g, area: area)
        }
        let unread = shown.reduce(0) { $0 + $1.unread }
        g.putSummary(ctx.t(.conversations2) + " (\(shown.count), " + ctx.t(.new2(unread)) + ")",
              x: area.x + 1, y: area.y, maxWidth: area.width - 2)
        let rows = shown.map { c -> ListRow in
            // Each row is the conversation's newest message: who wrote it (or to whom it went),
            // how many messages the conversation holds, what it is about, and how it starts.
            let m = c.latest
            let mark = c.unread > 0 ? ctx.t(.new3) : "      "
            let who = (m.received ? ctx.t(.fromText2) : ctx.t(.to2)) + safe(ctx.t(m.correspondent.word))
            let count = c.lines.count > 1 ? "(\(c.lines.count)) " : ""
            let about = c.about.map { safe(ctx.t($0.line)) + " · " } ?? ""
            let text = safe(ctx.t(m.message.shownText).replacingOccurrences(of: "\n", with: " "))
            return ListRow(mark + DateText.short(m.message.sent, ctx) + "  " + TextWidth.pad(TextWidth.truncate(who, to: 22), to: 22) + " " + count + about + text)
        }
        ListView.draw(rows, selectedRow: shown.isEmpty ? nil : list.selected, state: &list, into: &g,
                      area: Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1),
                      emptyText: ctx.t(.noMessagesYet))
    }
}
