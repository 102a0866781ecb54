import Foundation
import SociaalHusCore
import TerminalKit

/// Buren: the residents whose profile level lets the viewer see them (the core decides), with
/// wijk, a photo marker, interests and how many posts they have up; search and an interest filter.
final class BurenScreen: Screen {
    /// Read out as what the list holds, not the tab's word.
    func itemNoun(one: Bool, _ ctx: UIContext) -> String? { one ? ctx.t(.neighbour) : ctx.t(.neighbours2) }

    private var list = ListState()
    private var search = SearchBox()
    private var interest = CycleFilter<String>([])
    private var shown: [NeighbourView] = []
    private var blocked: String?

    init(_ ctx: UIContext) { willAppear(ctx) }

    func title(_ ctx: UIContext) -> String { ctx.t(.neighbours) }

    var capturesText: Bool { search.active }

    func bindings(_ ctx: UIContext) -> [Binding<Action>] {
        if search.active { return SearchBox.bindings(ctx) }
        // Nothing to list, filter or open where profiles are refused (a private platform's visitor).
        if blocked != nil { return [] }
        let g = ctx.t(.neighbours)
        return KeyTable.list(ctx.lang, empty: shown.isEmpty) + [
            Binding.table(.search, label: ctx.t(.search), help: ctx.t(.searchByNameOrInterest), group: g),
            Binding.table(.filterInterest, label: ctx.t(.interest), help: ctx.t(.filterByAreaOfInterest), group: g),
        ] + (shown.isEmpty ? [] : [
            Binding.table(.contact, label: ctx.t(.contact2), help: ctx.t(.sendMessageThroughTheContact), group: g),
        ]) + [
            Binding.table(.clearFilters, label: ctx.t(.clearFilters), group: g, inStatusBar: false),
        ]
    }

    func willAppear(_ ctx: UIContext) {
        let all = ctx.store.neighbours(for: ctx.viewer, now: ctx.now)
        // The platform's list of categories, those some neighbour shown here has, in its order.
        interest.values = PlatformCategory.matching(all.flatMap(\.interests)).map(\.key)
        reload(ctx)
    }

    private func reload(_ ctx: UIContext) {
        guard PlatformAccess.mayOpen(.profiles, viewer: ctx.viewer, settings: ctx.store.settings) else {
            blocked = CoreError.platformPrivate.message(ctx.language)
            shown = []
            return
        }
        blocked = nil
        shown = ctx.store.neighbours(for: ctx.viewer, search: search.query, interest: interest.value, now: ctx.now)
        list.clamp(count: shown.count, height: 1000)
    }

    func handle(_ action: Action, _ ctx: UIContext) {
        if let changed = search.finish(action) {
            if changed { list = ListState(); reload(ctx) }
            return
        }
        switch action {
        case .up, .down, .pageUp, .pageDown, .first, .last: _ = list.apply(action, count: shown.count)
        case .open: if shown.indices.contains(list.selected) { ctx.push(BuurProfileScreen(id: shown[list.selected].id)) }
        case .contact:
            if shown.indices.contains(list.selected) {
                let n = shown[list.selected]
                ctx.push(ContactFormScreen(.recipient(.resident(n.id), name: .named(n.name), about: nil), ctx))
            }
        case .search: search.active = true
        case .filterInterest: interest.next(); list = ListState(); reload(ctx)
        case .clearFilters where interest.index == nil && search.field.text.isEmpty: ctx.inform(ctx.t(.noFiltersToClear))
        case .clearFilters: interest.index = nil; search.field.text = ""; list = ListState(); reload(ctx)
        default: break
        }
    }

    func handleKey(_ key: Key, _ ctx: UIContext) -> Bool {
        guard search.handle(key) else { return false }
        list = ListState()
        reload(ctx)
        return true
    }

    func render(into g: inout Grid, area: Rect, _ ctx: UIContext) {
        if let blocked { return drawRefusal(blocked, into: &g, area: area) }
        search.render(into: &g, x: area.x + 1, y: area.y, width: area.width - 2, label: ctx.t(.search2))
        let who = ctx.viewer.activeAccount == nil
            ? ctx.t(.asVisitorYouSeeOnly)
            : ctx.account?.wijkVerified == true
            ? ctx.t(.youSeeResidentsWithPublic)
            // Said as it is: an unverified wijk opens no "Alleen buren" profile.
            : ctx.t(.youSeePublicProfilesNeighbours)
        let filter = interest.value.map { ctx.t(.interest2) + ctx.t(Glossary.category($0)) + " · " } ?? ""
        g.putSummary(filter + who + " (\(shown.count))", x: area.x + 1, y: area.y + 1, maxWidth: area.width - 2)
        let rows = shown.map { n -> ListRow in
            let photo = n.hasPhoto ? ctx.t(.photo) : ""
            let posts = n.openPosts.isEmpty ? "" : ctx.t(.postS(n.openPosts.count))
            let name = TextWidth.pad(safe(n.name) + photo, to: min(30, area.width / 2))
            return ListRow(name + " " + safe(ctx.store.wijkName(n.wijk)) + posts + (n.interests.isEmpty ? "" : " · " + safe(n.interests.map { ctx.t(Glossary.category($0)) }.joined(separator: ", "))))
        }
        let keepCursor = g.cursor
        ListView.draw(rows, selectedRow: shown.isEmpty ? nil : list.selected, state: &list, into: &g,
                      area: Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 2),
                      emptyText: ctx.t(.nobodyFoundWhomYouMay))
        if search.active { g.cursor = keepCursor }
    }
}
