import Foundation
import SociaalHusCore
import TerminalKit

/// The wijk agenda: upcoming activities per day or one week at a time, with filters and search.
public final class AgendaScreen: Screen {
    private var list = ListState()
    private var search = SearchBox()
    private var wijk = CycleFilter<Wijk>([])
    private var organisation = CycleFilter<Organisation>([])
    private var category = CycleFilter<String>([])
    private var organisationsRead = false
    private var weekView = false
    private var weekOffset = 0
    private var listing = AgendaListing.empty
    /// The list's days: a heading row, then that day's occurrences (in the week view, "(niets)"
    /// for a day without). Rows are made when drawn, from these.
    private var dayRows: [DayRows] = []
    private var rowCount = 0
    private var blocked: String?

    /// One day of the list: its heading's row, and the occurrences that follow it.
    private struct DayRows {
        var date: Date
        var firstRow: Int
        var firstOccurrence: Int
        var count: Int
    }

    /// Creates the agenda.
    public init(_ ctx: UIContext) { willAppear(ctx) }

    public func title(_ ctx: UIContext) -> String { weekView ? ctx.t(.weekView) : "Agenda" }

    public var capturesText: Bool { search.active }

    /// What the agenda shows: activities, their organisations, whether a creator is blocked, the wijken.
    public var livesOn: Set<CollectionName>? { [.agenda, .organisations, .accounts, .settings] }

    public func bindings(_ ctx: UIContext) -> [Binding<Action>] {
        if search.active { return SearchBox.bindings(ctx) }
        let g = "Agenda"
        var b = KeyTable.list(ctx.lang) + [
            Binding.table(.search, label: ctx.t(.search), group: g),
            Binding.table(.weekView, label: ctx.t(.week), help: ctx.t(.weekViewOfTheChosen), group: g),
            Binding.table(.today, label: ctx.t(.today), help: ctx.t(.goToToday), group: g, inStatusBar: false),
            Binding.table(.monthView, label: ctx.t(.month), help: ctx.t(.monthViewDaysWithHow), group: g, inStatusBar: false),
            Binding.table(.filterWijk, label: ctx.t(.neighbourhood), help: ctx.t(.filterByNeighbourhoodNext), group: g),
            Binding.table(.filterOrganisation, label: ctx.t(.organisation2), help: ctx.t(.filterByOrganisationNext), group: g, inStatusBar: false),
            Binding.table(.filterCategory, label: ctx.t(.category), help: ctx.t(.filterByCategoryNext), group: g, inStatusBar: false),
            Binding.table(.clearFilters, label: ctx.t(.clearFilters), group: g, inStatusBar: false),
            Binding.table(.create, label: ctx.t(.new), help: ctx.t(.newActivityOrganisationEditors), group: g, inStatusBar: false),
        ]
        // The desk prints the agenda for the notice board; over a shared connection nothing is
        // written on the server.
        if ctx.handlesIntakes && !ctx.shared {
            b.append(Binding.table(.printAgenda, label: ctx.t(.printAgenda), help: ctx.t(.printAgendaHelp), group: g, inStatusBar: false))
        }
        if weekView {
            b.append(Binding.table(.previousWeek, label: ctx.t(.previousWeek), group: g, inStatusBar: false))
            b.append(Binding.table(.nextWeek, label: ctx.t(.nextWeek), group: g, inStatusBar: false))
        }
        return b
    }

    public func willAppear(_ ctx: UIContext) {
        // The chosen activity stays chosen when the list is read again (another terminal's change).
        let chosen = listing.count > 0 ? listing.occurrence(at: list.selected) : nil
        defer { if let chosen { select(chosen) } }
        wijk.replaceValues(ctx.store.wijken) { $0.id == $1.id }
        // The organisations are read when the filter is first used, not for the first frame
        // (all 4,000 at ten times Borne were a third of it).
        organisationsRead = false
        if organisation.index != nil { readOrganisations(ctx) }
        category.replaceValues(ctx.store.agendaCategories(for: ctx.viewer)) { $0 == $1 }
        reload(ctx)
    }

    private func readOrganisations(_ ctx: UIContext) {
        organisation.replaceValues(ctx.store.organisations(for: ctx.viewer)) { $0.id == $1.id }
        organisationsRead = true
    }

    private func reload(_ ctx: UIContext) {
        let cal = amsterdamCalendar()
        var from = ctx.now
        var days = 56
        if weekView {
            let monday = cal.dateInterval(of: .weekOfYear, for: ctx.now)?.start ?? ctx.now
            from = cal.date(byAdding: .day, value: 7 * weekOffset, to: monday) ?? monday
            days = 7
        }
        let q = AgendaQuery(wijk: wijk.value?.id, from: from, days: days, organisation: organisation.value?.id,
                            category: category.value, search: search.query.isEmpty ? nil : search.query)
        do {
            listing = try ctx.store.agendaListing(q, viewer: ctx.viewer)
            blocked = nil
        } catch {
            listing = .empty
            blocked = (error as? CoreError)?.message(ctx.language) ?? "\(error)"
        }
        // A heading per day, then its activities (in the week view every day has a heading; an
        // activity still running from the day before the week counts with its first day).
        dayRows = []
        var row = 0, first = 0
        if weekView {
            let start = cal.startOfDay(for: from)
            for k in 0..<7 {
                guard let day = cal.date(byAdding: .day, value: k, to: start) else { continue }
                let number = RecurrenceExpansion.dayNumber(day)
                let count = listing.days.filter { $0.number == number || (k == 0 && $0.number < number) }.reduce(0) { $0 + $1.count }
                dayRows.append(DayRows(date: day, firstRow: row, firstOccurrence: first, count: count))
                row += 1 + max(count, 1)
                first += count
            }
        } else {
            for d in listing.days {
                dayRows.append(DayRows(date: d.date, firstRow: row, firstOccurrence: first, count: d.count))
                row += 1 + d.count
                first += d.count
            }
        }
        rowCount = row
        list.clamp(count: listing.count, height: 1000)
    }

    /// The row at `index`: a day's heading, "(niets)", or an activity written when drawn.
    private func row(_ index: Int, _ ctx: UIContext) -> ListRow {
        guard let day = dayRows.last(where: { $0.firstRow <= index }) else { return ListRow("") }
        if index == day.firstRow {
            let t = DateText.day(day.date, ctx)
            return ListRow(t.prefix(1).uppercased() + t.dropFirst(), heading: true)
        }
        if day.count == 0 { return ListRow("  " + ctx.t(.nothing2), heading: true) }
        let o = listing.occurrence(at: day.firstOccurrence + index - day.firstRow - 1)
        return ListRow(lazy: { o.map { Self.line($0, ctx) } ?? "" })
    }

    /// The row showing occurrence `i`.
    private func rowOf(occurrence i: Int) -> Int? {
        guard let day = dayRows.last(where: { $0.firstOccurrence <= i && $0.count > 0 }), i < day.firstOccurrence + day.count else { return nil }
        return day.firstRow + 1 + i - day.firstOccurrence
    }

    /// One activity's row in a list (the agenda and a day of the month view).
    static func line(_ o: Occurrence, _ ctx: UIContext) -> String {
        let org = ctx.store.organisation(o.item.organisation, for: ctx.viewer)?.name ?? ""
        // Places left before the place: the part people scan for, and the first cut at the edge.
        return TextWidth.pad(DateText.timeRange(o, ctx), to: 12) + safe(o.item.title) + signUpNote(o, ctx) + " — " + safe(o.item.location)
            + " (" + safe(org) + ")"
    }

    /// " · nog 3 van de 12 plaatsen vrij" (and the viewer's own place) for an activity that
    /// takes sign-ups, for an occurrence still to come.
    static func signUpNote(_ o: Occurrence, _ ctx: UIContext) -> String {
        guard o.start > ctx.now, let s = ctx.store.signUpSummary(o.item.id, at: o.start, for: ctx.viewer) else { return "" }
        var parts: [String] = []
        if let w = s.word { parts.append(ctx.t(w)) }
        if let mine = s.mine { parts.append(ctx.t(mine.state.word)) }
        return parts.isEmpty ? "" : " · " + parts.joined(separator: " · ")
    }

    public func handle(_ action: Action, _ ctx: UIContext) {
        if let changed = search.finish(action) {
            if changed { list = ListState(); reload(ctx) }
            return
        }
        switch action {
        case .up, .down, .pageUp, .pageDown, .first, .last: _ = list.apply(action, count: listing.count)
        case .open:
            if let o = listing.occurrence(at: list.selected) { ctx.push(AgendaDetailScreen(o)) }
        case .search: search.active = true
        case .weekView:
            // The week view opens on the week of the chosen activity, and the list comes back to it.
            let chosen = listing.occurrence(at: list.selected)
            weekView.toggle()
            weekOffset = weekView ? chosen.map { weeks(from: ctx.now, to: $0.start) } ?? 0 : 0
            list = ListState()
            reload(ctx)
            if let chosen { select(chosen) }
        case .monthView:
            // On the month of the chosen activity (or today), with the filters in force.
            let day = listing.occurrence(at: list.selected)?.start ?? ctx.now
            ctx.push(AgendaMonthScreen(day: day, filter: AgendaQuery(wijk: wijk.value?.id, from: day, days: 1, organisation: organisation.value?.id,
                                                                     category: category.value), ctx))
        case .today:
            weekOffset = 0
            list = ListState()
            reload(ctx)
            let today = RecurrenceExpansion.dayNumber(ctx.now)
            var first = 0
            for d in listing.days {
                if d.number >= today { break }
                first += d.count
            }
            list.selected = min(first, max(listing.count - 1, 0))
        case .previousWeek: weekOffset -= 1; list = ListState(); reload(ctx)
        case .nextWeek: weekOffset += 1; list = ListState(); reload(ctx)
        case .filterWijk: wijk.next(); list = ListState(); reload(ctx)
        case .filterOrganisation:
            if !organisationsRead { readOrganisations(ctx) }
            organisation.next(); list = ListState(); reload(ctx)
        case .filterCategory: category.next(); list = ListState(); reload(ctx)
        case .clearFilters:
            wijk.index = nil; organisation.index = nil; category.index = nil; search.field.text = ""
            list = ListState(); reload(ctx)
        case .create:
            guard let me = ctx.activeEditor else {
                ctx.fail(Permissions.denial(.createAgendaItem(organisation: OrganisationID(0)), by: ctx.viewer)?.message(ctx.language)
                         ?? PermissionDenial.notEditor.message(ctx.language))
                return
            }
            ctx.push(AgendaEditScreen(editing: nil, organisations: me, ctx))
        case .printAgenda:
            if ctx.handlesIntakes && !ctx.shared { ctx.push(AgendaPrintScreen(wijk: wijk.value?.id, ctx)) }
        default: break
        }
    }

    /// Whole weeks (Monday to Sunday) from the week of `now` to the week of `date`.
    private func weeks(from now: Date, to date: Date) -> Int {
        let cal = amsterdamCalendar()
        guard let a = cal.dateInterval(of: .weekOfYear, for: now)?.start, let b = cal.dateInterval(of: .weekOfYear, for: date)?.start else { return 0 }
        return Int(((b.timeIntervalSince(a)) / (7 * 86_400)).rounded())
    }

    /// Selects `o` if the listing holds it (looked for in its own day only).
    private func select(_ o: Occurrence) {
        let number = RecurrenceExpansion.dayNumber(o.start)
        var first = 0
        for d in listing.days {
            // (The first day also holds what runs into it from before.)
            if d.number == number || first == 0 {
                for i in first..<(first + d.count) where listing.occurrence(at: i) == o {
                    list.selected = i
                    return
                }
            }
            if d.number > number { return }
            first += d.count
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
        let filters = [wijk.value.map { ctx.t(.neighbourhood2) + safe($0.name) }, organisation.value.map { safe($0.name) },
                       category.value.map { safe(ctx.t(Glossary.category($0))) }].compactMap { $0 }
        var line = filters.isEmpty ? ctx.t(.allNeighbourhoods) : ctx.t(.filter) + filters.joined(separator: ", ")
        if weekView {
            // The week the list shows (calendar weeks, not 7 × 24 hours: a change of the clock
            // lies in between).
            let cal = amsterdamCalendar()
            let monday = cal.dateInterval(of: .weekOfYear, for: ctx.now)?.start ?? ctx.now
            let week = cal.component(.weekOfYear, from: cal.date(byAdding: .day, value: 7 * weekOffset, to: monday) ?? monday)
            line += " · week \(week)" + ctx.t(.andToBrowse)
        }
        g.putSummary(line + " (\(listing.count))", x: area.x + 1, y: area.y + 1, maxWidth: area.width - 2)
        let keep = g.cursor
        ListView.draw(count: rowCount, row: { row($0, ctx) }, selectedRow: listing.count == 0 ? nil : rowOf(occurrence: list.selected), state: &list, into: &g,
                      area: Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 2),
                      emptyText: ctx.t(.noActivitiesFound), position: (list.selected + 1, listing.count),
                      itemNumber: { row in
                          guard let day = self.dayRows.last(where: { $0.firstRow <= row }), row > day.firstRow, day.count > 0 else { return nil }
                          return day.firstOccurrence + row - day.firstRow
                      })
        if search.active { g.cursor = keep }
    }
}

extension UIContext {
    /// The organisations the logged-in account may place agenda items for (all for administrators), or nil.
    var activeEditor: [Organisation]? {
        guard viewer.activeAccount != nil else { return nil }
        let orgs = store.organisationsWritable(by: viewer, agenda: true)
        return orgs.isEmpty ? nil : orgs.sorted { $0.name.lowercased() < $1.name.lowercased() }
    }
}
