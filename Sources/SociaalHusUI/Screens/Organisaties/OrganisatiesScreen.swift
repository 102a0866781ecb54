import Foundation
import SociaalHusCore
import TerminalKit

/// The directory of organisations: search, filters by category and wijk, details.
public final class OrganisatiesScreen: Screen {
    private var list = ListState()
    private var search = SearchBox()
    private var category = CycleFilter<String>([])
    private var wijk = CycleFilter<Wijk>([])
    private var shown: [Organisation] = []
    private var blocked: String?

    /// Creates the directory screen.
    public init(_ ctx: UIContext) { willAppear(ctx) }

    public func title(_ ctx: UIContext) -> String { ctx.t(.organisations2) }

    public var capturesText: Bool { search.active }

    public func bindings(_ ctx: UIContext) -> [Binding<Action>] {
        if search.active { return SearchBox.bindings(ctx) }
        // Nothing to list, filter or open where the directory is refused (a private platform's visitor).
        if blocked != nil { return [] }
        let g = ctx.t(.organisations2)
        return KeyTable.list(ctx.lang, empty: shown.isEmpty) + [
            Binding.table(.search, label: ctx.t(.search), group: g),
            Binding.table(.filterCategory, label: ctx.t(.category), help: ctx.t(.filterByCategoryNext), group: g),
            Binding.table(.filterWijk, label: ctx.t(.neighbourhood), help: ctx.t(.filterByNeighbourhoodNext), group: g),
            Binding.table(.clearFilters, label: ctx.t(.clearFilters), group: g, inStatusBar: false),
        ]
    }

    public func willAppear(_ ctx: UIContext) {
        category.values = Array(Set(ctx.store.organisations(for: ctx.viewer).flatMap(\.categories))).sorted()
        wijk.values = ctx.store.wijken
        reload(ctx)
    }

    private func reload(_ ctx: UIContext) {
        guard PlatformAccess.mayOpen(.organisations, viewer: ctx.viewer, settings: ctx.store.settings) else {
            blocked = CoreError.platformPrivate.message(ctx.language)
            shown = []
            return
        }
        blocked = nil
        let q = search.query.lowercased()
        shown = ctx.store.organisations(for: ctx.viewer).filter { o in
            if let c = category.value, !o.categories.contains(c) { return false }
            if let w = wijk.value, !o.wijken.contains(w.id) { return false }
            if !q.isEmpty, !(o.name.lowercased().contains(q) || o.description.lowercased().contains(q)
                             || o.categories.contains { $0.lowercased().contains(q) || ctx.t(Glossary.category($0)).lowercased().contains(q) }) { return false }
            return true
        }
        list.clamp(count: shown.count, height: 1000)
    }

    public func handle(_ action: Action, _ ctx: UIContext) {
        if let changed = search.finish(action) {
            if changed { list = ListState(); reload(ctx) }
            return
        }
        switch action {
        case .up, .down, .pageUp, .pageDown, .first, .last: _ = list.apply(action, count: shown.count)
        case .open:
            if shown.indices.contains(list.selected) { ctx.push(OrganisationDetailScreen(id: shown[list.selected].id)) }
        case .search: search.active = true
        case .filterCategory: category.next(); list = ListState(); reload(ctx)
        case .filterWijk: wijk.next(); list = ListState(); reload(ctx)
        case .clearFilters where category.index == nil && wijk.index == nil && search.field.text.isEmpty:
            ctx.inform(ctx.t(.noFiltersToClear))
        case .clearFilters:
            category.index = nil; wijk.index = nil; search.field.text = ""; list = ListState(); reload(ctx)
        default: break
        }
    }

    public func handleKey(_ key: Key, _ ctx: UIContext) -> Bool {
        guard search.handle(key) else { return false }
        list = ListState()
        reload(ctx)
        return true
    }

    public func render(into g: inout Grid, area: Rect, _ ctx: UIContext) {
        if let blocked { return drawRefusal(blocked, into: &g, area: area) }
        search.render(into: &g, x: area.x + 1, y: area.y, width: area.width - 2, label: ctx.t(.search2))
        let filters = [category.value.map { ctx.t(.category2) + safe(ctx.t(Glossary.category($0))) },
                       wijk.value.map { ctx.t(.neighbourhood2) + safe($0.name) }].compactMap { $0 }
        let filterLine = filters.isEmpty ? ctx.t(.allOrganisations) : ctx.t(.filter) + filters.joined(separator: ", ")
        g.putSummary(filterLine + " (\(shown.count))", x: area.x + 1, y: area.y + 1, maxWidth: area.width - 2)
        let rows = shown.map { o -> ListRow in
            let wijken = o.wijken.compactMap { ctx.store.wijk($0)?.name }.joined(separator: ", ")
            let nameCol = TextWidth.pad(safe(o.name), to: min(34, area.width / 2))
            return ListRow(nameCol + " " + safe(o.categories.map { ctx.t(Glossary.category($0)) }.joined(separator: ", ")) + (wijken.isEmpty ? "" : " · " + safe(wijken)))
        }
        let listArea = Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 2)
        let keepCursor = g.cursor
        ListView.draw(rows, selectedRow: shown.isEmpty ? nil : list.selected, state: &list, into: &g, area: listArea,
                      emptyText: ctx.t(.noOrganisationsFound))
        if search.active { g.cursor = keepCursor }
    }
}
