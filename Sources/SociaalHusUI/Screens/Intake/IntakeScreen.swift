import Foundation
import SociaalHusCore
import TerminalKit

/// The desk's list (tab 5): today's and open conversations, or every conversation matching a
/// search by name, postcode or e-mail address; `n` starts a new conversation.
///
/// Every row shown is logged for the person as seen in a list (issue 23), once per run of the
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

    public func title(_ ctx: UIContext) -> String { ctx.t("Gesprekken", "Conversations") }

    public var capturesText: Bool { search.active }

    public func bindings(_ ctx: UIContext) -> [Binding<Action>] {
        if search.active {
            return SearchBox.bindings(ctx).map { b in
                guard b.action == .open else { return b }
                var b = b
                b.label = ctx.t("Zoeken", "Search")
                b.help = ctx.t("Zoeken; elk gevonden gesprek komt in het logboek van die persoon", "Search; each conversation found goes into that person's log")
                return b
            }
        }
        guard refusal == nil else { return [] }
        let g = "Intake"
        var b = KeyTable.list(ctx.lang) + [
            Binding(.create, [.char("n")], label: hasDraft ? ctx.t("Verder met gesprek", "Resume conversation") : ctx.t("Nieuw gesprek", "New conversation"), help: ctx.t("Een informatie- en adviesgesprek vastleggen", "Record an intake conversation"), group: g),
            Binding(.search, [.char("/")], label: ctx.t("Zoeken", "Search"), help: ctx.t("Zoeken op naam, postcode of e-mailadres (ook afgesloten gesprekken)", "Search by name, postcode or e-mail address (closed conversations too)"), group: g),
            Binding(.resetCode, [.char("c")], label: ctx.t("Wachtwoordcode", "Password code"), help: ctx.t("Een eenmalige wachtwoordcode maken voor iemand aan de balie, na controle van identiteit", "A one-time password code for someone at the desk, after checking their identity"), group: g, inStatusBar: false),
            Binding(.verifyWijk, [.char("v")], label: ctx.t("Wijk bevestigen", "Verify neighbourhood"), help: ctx.t("De wijk van een bewoner bevestigen die voor je staat, na een bewijs van het adres", "Verify the neighbourhood of a resident in front of you, after proof of the address"), group: g, inStatusBar: false),
            Binding(.onBehalf, [.char("h")], label: ctx.t("Helpen namens", "Help on behalf"), help: ctx.t("Namens een bewoner aan de balie werken, na diens akkoord (wachtwoord of code; hooguit 30 min.)", "Act for a resident at the desk, after they agree (own password or a code; at most 30 minutes)"), group: g, inStatusBar: false),
            Binding(.myData, [.char("g")], label: ctx.t("Bezoeker", "Visitor"), help: ctx.t("Gegevens van een bezoeker zonder account inzien of wissen, na controle van identiteit", "See or erase the data of a visitor without an account, after checking identity"), group: g, inStatusBar: false),
        ]
        if Permissions.denial(.administerPlatform, by: ctx.viewer) == nil {
            b.append(Binding(.retention, [.char("t")], label: ctx.t("Bewaartermijn", "Retention"), help: ctx.t("Hoe lang afgesloten gesprekken bewaard blijven (beheerder)", "How long closed conversations are kept (administrator)"), group: g))
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
        search.render(into: &g, x: area.x + 1, y: area.y, width: area.width - 2, label: ctx.t("Zoeken (/):", "Search (/):"))
        let heading = !listing.isSearch
            ? ctx.t("Gesprekken van vandaag en open gesprekken", "Today's and open conversations")
            : ctx.t("Alle gesprekken die passen bij de zoektekst", "All conversations matching the search")
        g.putSummary(heading + " (\(shown.count))", x: area.x + 1, y: area.y + 1, maxWidth: area.width - 2)
        var top = area.y + 2
        if hasDraft {
            g.put(ctx.t("» Je hebt een niet-opgeslagen gesprek: druk op n om verder te gaan.", "» You have an unsaved conversation: press n to carry on."),
                  x: area.x + 1, y: top, role: .key, maxWidth: area.width - 2)
            top += 1
        }
        let nameWidth = max(min(24, area.width / 3), 10)
        let rows = shown.map { i -> ListRow in
            let who = i.person.name.isEmpty ? ctx.t("(geen naam)", "(no name)") : safe(i.person.name)
            return ListRow(DateText.short(i.created, ctx) + "  " + TextWidth.pad(TextWidth.truncate(who, to: nameWidth), to: nameWidth)
                           + " " + TextWidth.pad(i.status.label(ctx.language), to: 12) + " " + i.category.label(ctx.language))
        }
        let listArea = Rect(x: area.x, y: top, width: area.width, height: area.maxY - top)
        let keepCursor = g.cursor
        ListView.draw(rows, selectedRow: shown.isEmpty ? nil : list.selected, state: &list, into: &g, area: listArea,
                      emptyText: !listing.isSearch
                        ? ctx.t("Geen open gesprekken. Druk op n voor een nieuw gesprek.", "No open conversations. Press n for a new conversation.")
                        : ctx.t("Geen gesprekken gevonden.", "No conversations found."))
        if search.active { g.cursor = keepCursor }
    }
}
