import Foundation
import SociaalHusCore
import TerminalKit

/// The desk's list (tab 5): today's and open conversations, or every conversation matching a
/// search by name, postcode or e-mail address; `n` starts a new conversation.
///
/// Every row shown is logged for the person as seen in a list, once per run of the
/// list or of a search: the search runs when Enter is pressed, not at every key, and coming back
/// to the list or a live refresh logs only rows new to the run.
public final class IntakeScreen: Screen {
    private var list = ListState()
    private var search = SearchBox()
    private var listing = IntakeListing()
    private var shown: [Intake] = []
    private var refusal: String?
    private var hasDraft = false

    /// Creates the list; it is read (and what it shows logged) when the screen appears.
    public init(_ ctx: UIContext) {}

    public func title(_ ctx: UIContext) -> String { ctx.t(.conversations2) }

    public var capturesText: Bool { search.active }

    public func bindings(_ ctx: UIContext) -> [Binding<Action>] {
        if search.active {
            return SearchBox.bindings(ctx).map { b in
                guard b.action == .open else { return b }
                var b = b
                b.label = ctx.t(.search)
                b.help = ctx.t(.searchEachConversationFoundGoes)
                return b
            }
        }
        guard refusal == nil else { return [] }
        let g = "Intake"
        var b = KeyTable.list(ctx.lang, empty: shown.isEmpty) + [
            Binding.table(.create, label: hasDraft ? ctx.t(.resumeConversation) : ctx.t(.newConversation), help: ctx.t(.recordAnIntakeConversation), group: g),
            Binding.table(.search, label: ctx.t(.search), help: ctx.t(.searchByNamePostcodeOr), group: g),
            Binding.table(.resetCode, label: ctx.t(.passwordCode), help: ctx.t(.oneTimePasswordCodeFor), group: g, inStatusBar: false),
            Binding.table(.verifyWijk, label: ctx.t(.verifyNeighbourhood), help: ctx.t(.verifyTheNeighbourhoodOfResident), group: g, inStatusBar: false),
            Binding.table(.onBehalf, label: ctx.t(.helpOnBehalf), help: ctx.t(.actForResidentAtThe), group: g, inStatusBar: false),
            Binding.table(.myData, label: ctx.t(.visitor2), help: ctx.t(.seeOrEraseTheData), group: g, inStatusBar: false),
        ]
        if Permissions.denial(.administerPlatform, by: ctx.viewer) == nil {
            b.append(Binding.table(.retention, label: ctx.t(.retention), help: ctx.t(.howLongClosedConversationsAre), group: g))
        }
        return b
    }

    /// The list's read applies the retention rule itself (`IntakeRetention`), in its own change.
    public func willAppear(_ ctx: UIContext) {
        reload(ctx)
    }

    /// Reads the current run again: only rows new to it are logged.
    private func reload(_ ctx: UIContext) {
        do {
            let page = try ctx.store.perform(.listIntakes(listing), as: ctx.viewer)
            shown = page.rows
            listing = page.listing
            refusal = nil
        } catch {
            refusal = (error as? CoreError)?.message(ctx.language) ?? "\(error)"
            shown = []
            return
        }
        hasDraft = (try? ctx.store.intakeDraft(by: ctx.viewer)) != nil
        list.clamp(count: shown.count, height: 1000)
    }

    /// Runs the list anew for what the search line holds, when that is another run than the one shown.
    private func runSearch(_ ctx: UIContext) {
        guard search.query != listing.query else { return }
        listing = IntakeListing(query: search.query)
        list = ListState()
        reload(ctx)
    }

    public func handle(_ action: Action, _ ctx: UIContext) {
        if search.finish(action) != nil { return runSearch(ctx) }
        switch action {
        case .up, .down, .pageUp, .pageDown, .first, .last: _ = list.apply(action, count: shown.count)
        case .open:
            if shown.indices.contains(list.selected) { ctx.push(IntakeDetailScreen(id: shown[list.selected].id, ctx)) }
        case .create: ctx.push(IntakeFormScreen(editing: nil, ctx))
        case .search: search.active = true
        case .retention: ctx.push(RetentionScreen(ctx))
        case .myData: if ctx.handlesIntakes { ctx.push(VisitorDeskScreen(ctx)) }
        case .resetCode: if ctx.handlesIntakes { ctx.push(DeskResetScreen(ctx)) }
        case .onBehalf: if ctx.handlesIntakes { ctx.push(OnBehalfScreen(ctx)) }
        case .verifyWijk: if ctx.handlesIntakes { ctx.push(DeskWijkScreen(ctx)) }
        default: break
        }
    }

    /// Typing only edits the search line; Enter runs the search (Esc goes back to the day's list).
    public func handleKey(_ key: Key, _ ctx: UIContext) -> Bool {
        guard search.handle(key) else { return false }
        if !search.active { runSearch(ctx) }
        return true
    }

    public func render(into g: inout Grid, area: Rect, _ ctx: UIContext) {
        if let refusal { return drawRefusal(refusal, into: &g, area: area) }
        search.render(into: &g, x: area.x + 1, y: area.y, width: area.width - 2, label: ctx.t(.search2))
        let heading = !listing.isSearch
            ? ctx.t(.todaySAndOpenConversations)
            : ctx.t(.allConversationsMatchingTheSearch)
        g.putSummary(heading + " (\(shown.count))", x: area.x + 1, y: area.y + 1, maxWidth: area.width - 2)
        var top = area.y + 2
        if hasDraft {
            g.put(ctx.t(.youHaveAnUnsavedConversation(ctx.key(.create))),
                  x: area.x + 1, y: top, role: .key, maxWidth: area.width - 2)
            top += 1
        }
        let nameWidth = max(min(24, area.width / 3), 10)
        let rows = shown.map { i -> ListRow in
            let who = i.person.name.isEmpty ? ctx.t(.noName) : safe(i.person.name)
            return ListRow(DateText.short(i.created, ctx) + "  " + TextWidth.pad(TextWidth.truncate(who, to: nameWidth), to: nameWidth)
                           + " " + TextWidth.pad(i.status.label(ctx.language), to: 12) + " " + i.category.label(ctx.language))
        }
        let listArea = Rect(x: area.x, y: top, width: area.width, height: area.maxY - top)
        let keepCursor = g.cursor
        ListView.draw(rows, selectedRow: shown.isEmpty ? nil : list.selected, state: &list, into: &g, area: listArea,
                      emptyText: !listing.isSearch
                        ? ctx.t(.noOpenConversationsPressN(ctx.key(.create)))
                        : ctx.t(.noConversationsFound))
        if search.active { g.cursor = keepCursor }
    }
}
