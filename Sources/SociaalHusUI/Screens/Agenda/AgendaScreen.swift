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
    private var weekView = false
    private var weekOffset = 0
    private var occurrences: [Occurrence] = []
    private var rows: [ListRow] = []
    private var rowToOccurrence: [Int: Int] = [:]
    private var blocked: String?

    /// Creates the agenda.
    public init(_ ctx: UIContext) { willAppear(ctx) }

    public func title(_ ctx: UIContext) -> String { weekView ? ctx.t("Weekoverzicht", "Week view") : "Agenda" }

    public var capturesText: Bool { search.active }

    public func bindings(_ ctx: UIContext) -> [Binding<Action>] {
        if search.active { return SearchBox.bindings(ctx) }
        let g = "Agenda"
        var b = KeyTable.list(ctx.lang) + [
            Binding(.search, [.char("/")], label: ctx.t("Zoeken", "Search"), group: g),
            Binding(.weekView, [.char("w")], label: ctx.t("Week", "Week"), help: ctx.t("Weekoverzicht aan/uit", "Week view on/off"), group: g),
            Binding(.filterWijk, [.char("f")], label: "Wijk", help: ctx.t("Filter op wijk (volgende)", "Filter by wijk (next)"), group: g),
            Binding(.filterOrganisation, [.char("o")], label: ctx.t("Organisatie", "Organisation"), help: ctx.t("Filter op organisatie (volgende)", "Filter by organisation (next)"), group: g, inStatusBar: false),
            Binding(.filterCategory, [.char("c")], label: ctx.t("Categorie", "Category"), help: ctx.t("Filter op categorie (volgende)", "Filter by category (next)"), group: g, inStatusBar: false),
            Binding(.clearFilters, [.char("x")], label: ctx.t("Filters wissen", "Clear filters"), group: g, inStatusBar: false),
            Binding(.create, [.char("n")], label: ctx.t("Nieuw", "New"), help: ctx.t("Nieuwe activiteit (redacteuren van een organisatie)", "New activity (organisation editors)"), group: g, inStatusBar: false),
        ]
        if weekView {
            b.append(Binding(.previousField, [.char("["), .left], label: ctx.t("Vorige week", "Previous week"), group: g, inStatusBar: false))
            b.append(Binding(.nextField, [.char("]"), .right], label: ctx.t("Volgende week", "Next week"), group: g, inStatusBar: false))
        }
        return b
    }

    public func willAppear(_ ctx: UIContext) {
        wijk.values = ctx.store.wijken
        organisation.values = ctx.store.organisations(for: ctx.viewer)
        category.values = ctx.store.agendaCategories(for: ctx.viewer)
        reload(ctx)
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
            occurrences = try ctx.store.agenda(q, viewer: ctx.viewer)
            blocked = nil
        } catch {
            occurrences = []
            blocked = (error as? CoreError)?.message(ctx.language) ?? "\(error)"
        }
        // Rows: a heading per day, then its activities (in the week view every day has a heading).
        rows = []
        rowToOccurrence = [:]
        let dayStarts: [Date] = weekView ? (0..<7).compactMap { cal.date(byAdding: .day, value: $0, to: cal.startOfDay(for: from)) } : []
        var pending = occurrences.enumerated().makeIterator()
        var next = pending.next()
        func heading(_ d: Date) -> String {
            let t = DateText.day(d, ctx)
            return t.prefix(1).uppercased() + t.dropFirst()
        }
        if weekView {
            for day in dayStarts {
                rows.append(ListRow(heading(day), heading: true))
                var any = false
                while let (i, o) = next, cal.isDate(o.start, inSameDayAs: day) {
                    rowToOccurrence[rows.count] = i
                    rows.append(ListRow(lazy: { [unowned self] in self.line(o, ctx) }))
                    any = true
                    next = pending.next()
                }
                if !any { rows.append(ListRow("  " + ctx.t("(niets)", "(nothing)"), heading: true)) }
            }
        } else {
            var lastStart: Date?
            for (i, o) in occurrences.enumerated() {
                if lastStart.map({ !cal.isDate(o.start, inSameDayAs: $0) }) ?? true {
                    rows.append(ListRow(heading(o.start), heading: true))
                    lastStart = o.start
                }
                rowToOccurrence[rows.count] = i
                rows.append(ListRow(lazy: { [unowned self] in self.line(o, ctx) }))
            }
        }
        list.clamp(count: occurrences.count, height: 1000)
    }

    private func line(_ o: Occurrence, _ ctx: UIContext) -> String {
        let org = ctx.store.organisation(o.item.organisation, for: ctx.viewer)?.name ?? ""
        return TextWidth.pad(DateText.timeRange(o, ctx), to: 12) + safe(o.item.title) + " — " + safe(o.item.location) + " (" + safe(org) + ")"
    }

    public func handle(_ action: Action, _ ctx: UIContext) {
        if let changed = search.finish(action) {
            if changed { list = ListState(); reload(ctx) }
            return
        }
        switch action {
        case .up, .down, .pageUp, .pageDown: _ = list.apply(action, count: occurrences.count)
        case .open:
            if occurrences.indices.contains(list.selected) { ctx.push(AgendaDetailScreen(occurrences[list.selected])) }
        case .search: search.active = true
        case .weekView: weekView.toggle(); weekOffset = 0; list = ListState(); reload(ctx)
        case .previousField: weekOffset -= 1; list = ListState(); reload(ctx)
        case .nextField: weekOffset += 1; list = ListState(); reload(ctx)
        case .filterWijk: wijk.next(); list = ListState(); reload(ctx)
        case .filterOrganisation: organisation.next(); list = ListState(); reload(ctx)
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
        search.render(into: &g, x: area.x + 1, y: area.y, width: area.width - 2, label: ctx.t("Zoeken (/):", "Search (/):"))
        let filters = [wijk.value.map { "wijk: " + safe($0.name) }, organisation.value.map { safe($0.name) },
                       category.value.map { safe($0) }].compactMap { $0 }
        var line = filters.isEmpty ? ctx.t("Alle wijken", "All wijken") : ctx.t("Filter: ", "Filter: ") + filters.joined(separator: ", ")
        if weekView {
            let week = amsterdamCalendar().component(.weekOfYear, from: ctx.now.addingTimeInterval(Double(weekOffset) * 7 * 86_400))
            line += " · week \(week)" + ctx.t(" ([ en ] bladeren)", " ([ and ] to browse)")
        }
        g.put(line + " (\(occurrences.count))", x: area.x + 1, y: area.y + 1, role: .muted, maxWidth: area.width - 2)
        let selectedRow = rowToOccurrence.first { $0.value == list.selected }?.key
        let keep = g.cursor
        ListView.draw(rows, selectedRow: occurrences.isEmpty ? nil : selectedRow, state: &list, into: &g,
                      area: Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 2),
                      emptyText: ctx.t("Geen activiteiten gevonden.", "No activities found."))
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
