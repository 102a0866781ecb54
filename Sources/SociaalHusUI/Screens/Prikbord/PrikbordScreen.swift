import Foundation
import SociaalHusCore
import TerminalKit

/// The notice board: posts of the visible wijken, filters by kind and wijk, details, writing.
public final class PrikbordScreen: Screen {
    private var list = ListState()
    private var kind = CycleFilter<Post.Kind>(Post.Kind.allCases)
    private var wijk = CycleFilter<Wijk>([])
    /// The posts, read a page at a time as they come into view.
    private var shown = PostListing.empty
    private var blocked: String?

    /// Creates the notice board.
    public init(_ ctx: UIContext) { willAppear(ctx) }

    public func title(_ ctx: UIContext) -> String { ctx.t(.noticeBoard) }

    /// What the board shows: posts, their authors (names, blocked) and organisations, the wijken.
    public var livesOn: Set<CollectionName>? { [.posts, .accounts, .organisations, .settings] }

    public func bindings(_ ctx: UIContext) -> [Binding<Action>] {
        // Nothing to list, filter or open where the board is refused (a private platform's visitor).
        if blocked != nil { return [] }
        let g = ctx.t(.noticeBoard)
        // "Nieuw" only for who can post (residents, editors, administrators); a visitor's takes them to the login.
        let me = ctx.viewer.activeAccount
        let mayPost = me == nil || Permissions.denial(.postAnything, by: ctx.viewer) == nil
        return KeyTable.list(ctx.lang, empty: shown.count == 0) + (mayPost ? [
            Binding.table(.create, label: me == nil ? ctx.t(.newAfterLoggingIn) : ctx.t(.new),
                    help: ctx.t(.writePost), group: g),
        ] : []) + [
            Binding.table(.filterKind, label: ctx.t(.kind), help: ctx.t(.filterByRequestOfferNotice), group: g),
            Binding.table(.filterWijk, label: ctx.t(.neighbourhood), help: ctx.t(.filterByNeighbourhoodNext), group: g),
            Binding.table(.clearFilters, label: ctx.t(.clearFilters), group: g, inStatusBar: false),
            Binding.table(.neighbours, label: ctx.t(.neighbours), help: ctx.t(.residentsYouMaySeeWith), group: g),
        ]
    }

    public func willAppear(_ ctx: UIContext) {
        wijk.values = ctx.store.wijken
        reload(ctx)
    }

    private func reload(_ ctx: UIContext) {
        guard PlatformAccess.mayOpen(.prikbord, viewer: ctx.viewer, settings: ctx.store.settings) else {
            blocked = CoreError.platformPrivate.message(ctx.language)
            shown = .empty
            return
        }
        blocked = nil
        // The core applies the rule; the list shows only what it returns.
        // The chosen post stays chosen when the list changes under it (another terminal placed
        // one): Enter opens what the person was looking at.
        let chosen = shown.view(at: list.selected)?.post.id
        shown = ctx.store.postListing(for: ctx.viewer, kind: kind.value, wijk: wijk.value?.id, now: ctx.now)
        // (Looked for near where it was: a post placed elsewhere moves it a row or two.)
        if let chosen, let i = shown.index(of: chosen, near: list.selected) { list.selected = i }
        list.clamp(count: shown.count, height: 1000)
    }

    public func handle(_ action: Action, _ ctx: UIContext) {
        switch action {
        case .up, .down, .pageUp, .pageDown, .first, .last: _ = list.apply(action, count: shown.count)
        case .open:
            if let v = shown.view(at: list.selected) { ctx.push(PostDetailScreen(id: v.post.id)) }
        case .create:
            if ctx.viewer.activeAccount == nil {
                ctx.show(.profiel)
                return ctx.inform(ctx.t(.logInHereToPost))
            }
            if let d = Permissions.denial(.postAnything, by: ctx.viewer) { ctx.fail(d.message(ctx.language)); return }
            ctx.push(PostEditScreen(editing: nil, ctx))
        case .filterKind: kind.next(); list = ListState(); reload(ctx)
        case .neighbours: ctx.push(BurenScreen(ctx))
        case .filterWijk: wijk.next(); list = ListState(); reload(ctx)
        case .clearFilters where kind.index == nil && wijk.index == nil: ctx.inform(ctx.t(.noFiltersToClear))
        case .clearFilters: kind.index = nil; wijk.index = nil; list = ListState(); reload(ctx)
        default: break
        }
    }

    public func render(into g: inout Grid, area: Rect, _ ctx: UIContext) {
        if let blocked { return drawRefusal(blocked, into: &g, area: area) }
        let filters = [kind.value.map { $0.label(ctx.language) }, wijk.value.map { ctx.t(.neighbourhood2) + safe($0.name) }].compactMap { $0 }
        let line = filters.isEmpty ? ctx.t(.allPosts) : ctx.t(.filter) + filters.joined(separator: ", ")
        g.putSummary(line + " (\(shown.count))", x: area.x + 1, y: area.y, maxWidth: area.width - 2)
        // Only the rows in view are made (and their posts read).
        let shown = shown
        ListView.draw(count: shown.count, row: { i in
            guard let v = shown.view(at: i) else { return ListRow("  " + ctx.t(.removed)) }
            let expired = v.post.expires <= ctx.now ? ctx.t(.expired) : ""
            // Its author (and administrators) see their hidden post in the list, marked with why.
            let hidden = v.post.hiddenReason.map { code in
                ctx.t(.hidden) + safe(ReportReason(rawValue: code)?.label(ctx.language) ?? code) + ")"
            } ?? ""
            let kindText = TextWidth.pad(v.post.kind.label(ctx.language), to: 11)
            let wijkName = ctx.store.wijkName(v.post.wijk)
            return ListRow(kindText + safe(v.post.title) + hidden + expired + " — " + safe(ctx.t(v.authorName.word)) + ", " + safe(wijkName))
        }, selectedRow: shown.count == 0 ? nil : list.selected, state: &list, into: &g,
                      area: Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1),
                      emptyText: ctx.t(.noPosts))
    }
}
