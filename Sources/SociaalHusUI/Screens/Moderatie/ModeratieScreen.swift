import Foundation
import SociaalHusCore
import TerminalKit

/// Moderatie (tab 7, local partners for their wijken and administrators): the report queue,
/// open reports oldest first with their age; `d` opens agenda sharing for partners, `p` the
/// platform settings and `a` the accounts and their roles for administrators.
public final class ModeratieScreen: Screen {
    /// Read out as what the list holds, not the tab's word.
    public func itemNoun(one: Bool, _ ctx: UIContext) -> String? { one ? ctx.t(.report3) : ctx.t(.reports) }

    private var list = ListState()
    private var shown: [Report] = []
    private var refusal: String?

    /// Creates the queue.
    public init(_ ctx: UIContext) { reload(ctx) }

    public func title(_ ctx: UIContext) -> String { ctx.t(.reports2) }

    public func bindings(_ ctx: UIContext) -> [Binding<Action>] {
        guard refusal == nil, ctx.viewer.activeAccount != nil else { return [] }
        let g = ctx.t(.moderation)
        var b = KeyTable.list(ctx.lang, empty: shown.isEmpty)
        if ctx.store.wijken.contains(where: { Permissions.denial(.approveFeed(wijk: $0.id), by: ctx.viewer) == nil }) {
            b.append(Binding.table(.feeds, label: ctx.t(.shareAgenda), help: ctx.t(.approvalsToShareYourNeighbourhood), group: g))
        }
        if Permissions.denial(.administerPlatform, by: ctx.viewer) == nil {
            b.append(Binding.table(.platform, label: "Platform", help: ctx.t(.makeThePlatformPrivateRegistration), group: g))
            b.append(Binding.table(.accounts, label: "Accounts", help: ctx.t(.findAccountsAndGiveOr), group: g))
        }
        return b
    }

    public func willAppear(_ ctx: UIContext) { reload(ctx) }

    private func reload(_ ctx: UIContext) {
        do {
            shown = try ctx.store.reportQueue(by: ctx.viewer)
            refusal = nil
        } catch {
            refusal = (error as? CoreError)?.message(ctx.language) ?? "\(error)"
            shown = []
        }
        list.clamp(count: shown.count, height: 1000)
    }

    public func handle(_ action: Action, _ ctx: UIContext) {
        switch action {
        case .up, .down, .pageUp, .pageDown, .first, .last: _ = list.apply(action, count: shown.count)
        case .open: if shown.indices.contains(list.selected) { ctx.push(ReportDetailScreen(id: shown[list.selected].id)) }
        case .feeds: ctx.push(FeedsScreen(ctx))
        case .platform: ctx.push(PlatformScreen(ctx))
        case .accounts: ctx.push(AccountsScreen(ctx))
        default: break
        }
    }

    /// "3 dagen" / "5 uur" since a moment.
    static func age(_ from: Date, _ ctx: UIContext) -> String {
        let hours = max(Int(ctx.now.timeIntervalSince(from) / 3_600), 0)
        if hours < 24 { return ctx.t(.h(hours)) }
        return ctx.t(.dayS(hours / 24))
    }

    public func render(into g: inout Grid, area: Rect, _ ctx: UIContext) {
        if let refusal { return drawRefusal(refusal, into: &g, area: area) }
        let open = shown.filter { $0.status == .open }.count
        g.putSummary(ctx.t(.reportsOpenOldestFirst(open)), x: area.x + 1, y: area.y, maxWidth: area.width - 2)
        let rows = shown.map { r -> ListRow in
            let what = ctx.store.reportedContent(r, by: ctx.viewer).map { safe(ctx.t($0)) } ?? ctx.t(.removed)
            let state = TextWidth.pad(r.status.label(ctx.language), to: 11)
            let age = TextWidth.pad(Self.age(r.created, ctx), to: 10) + " "
            return ListRow(state + age + TextWidth.pad(TextWidth.truncate(r.reason.label(ctx.language), to: 14), to: 14) + " " + what)
        }
        ListView.draw(rows, selectedRow: shown.isEmpty ? nil : list.selected, state: &list, into: &g,
                      area: Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1),
                      emptyText: ctx.t(.noReports))
    }
}
