import Foundation
import SociaalHusCore
import TerminalKit

/// A month at a glance, for people who think in months as calcurse users
/// do: a grid of days, Monday first, each with how many activities start or run that day (as
/// many as opening the day lists, under the agenda's filters); arrows move by day and week, PgUp/PgDn by month, Enter opens
/// the day. The chosen day is bracketed ("[8 (5)]") and today starred ("24*"), not only coloured.
final class AgendaMonthScreen: Screen {
    /// Read out as what the list holds, not the tab's word.
    func itemNoun(one: Bool, _ ctx: UIContext) -> String? { one ? ctx.t(.day) : ctx.t(.days) }

    private let filter: AgendaQuery
    private var chosen: Date
    private var counts: [Int: Int] = [:]
    /// The activities of the month (one that runs over several days counts once).
    private var total = 0
    private var month: (first: Date, days: Int, leading: Int) = (Date(), 0, 0)
    private var problem: String?

    /// Opens on the month holding `day`, with the agenda's filters (`filter`'s window is ignored).
    init(day: Date, filter: AgendaQuery, _ ctx: UIContext) {
        self.filter = filter
        chosen = amsterdamCalendar().startOfDay(for: day)
        _ = ctx
    }

    func title(_ ctx: UIContext) -> String { ctx.t(.monthView) }

    func bindings(_ ctx: UIContext) -> [Binding<Action>] {
        let g = ctx.t(.month)
        return [
            Binding.table(.previousDay, label: ctx.t(.previousDay), group: g, inStatusBar: false),
            Binding.table(.nextDay, label: ctx.t(.nextDay), group: g, inStatusBar: false),
            Binding.table(.up, label: ctx.t(.weekEarlier), group: g, inStatusBar: false),
            Binding.table(.down, label: ctx.t(.weekLater), group: g, inStatusBar: false),
            Binding.table(.previousMonth, label: ctx.t(.previousMonth), group: g),
            Binding.table(.nextMonth, label: ctx.t(.nextMonth), group: g),
            Binding.table(.today, label: ctx.t(.today), help: ctx.t(.goToToday), group: g, inStatusBar: false),
            Binding.table(.first, label: ctx.t(.firstDay), group: g, inStatusBar: false),
            Binding.table(.last, label: ctx.t(.lastDay), group: g, inStatusBar: false),
            Binding.table(.open, label: ctx.t(.openDay), group: g),
        ]
    }

    func willAppear(_ ctx: UIContext) { reload(ctx) }

    private func reload(_ ctx: UIContext) {
        let cal = amsterdamCalendar()
        let first = cal.dateInterval(of: .month, for: chosen)?.start ?? chosen
        let days = cal.range(of: .day, in: .month, for: first)?.count ?? 30
        // Monday is column 0.
        let leading = (cal.component(.weekday, from: first) + 5) % 7
        month = (first, days, leading)
        var q = filter
        q.from = first
        q.days = days
        q.search = nil
        do {
            // Per day what that day's own list holds: what starts that day and what runs into it
            // from before (one counted query per day; the rows are indexed by day).
            var c: [Int: Int] = [:]
            total = try ctx.store.agendaListing(q, viewer: ctx.viewer).count
            for d in 0..<days {
                guard let day = cal.date(byAdding: .day, value: d, to: first) else { continue }
                var one = q
                one.from = day
                one.days = 1
                c[RecurrenceExpansion.dayNumber(day)] = try ctx.store.agendaListing(one, viewer: ctx.viewer).count
            }
            counts = c
            problem = nil
        } catch {
            counts = [:]
            problem = (error as? CoreError)?.message(ctx.language) ?? "\(error)"
        }
    }

    private func move(days: Int, _ ctx: UIContext) {
        let before = month.first
        chosen = amsterdamCalendar().date(byAdding: .day, value: days, to: chosen) ?? chosen
        if amsterdamCalendar().dateInterval(of: .month, for: chosen)?.start != before { reload(ctx) }
    }

    func handle(_ action: Action, _ ctx: UIContext) {
        switch action {
        case .previousDay: move(days: -1, ctx)
        case .nextDay: move(days: 1, ctx)
        case .up: move(days: -7, ctx)
        case .down: move(days: 7, ctx)
        case .previousMonth, .nextMonth:
            chosen = amsterdamCalendar().date(byAdding: .month, value: action == .previousMonth ? -1 : 1, to: chosen) ?? chosen
            reload(ctx)
        case .today:
            chosen = amsterdamCalendar().startOfDay(for: ctx.now)
            reload(ctx)
        case .first, .last:
            let cal = amsterdamCalendar()
            chosen = cal.date(byAdding: .day, value: action == .first ? 0 : max(month.days - 1, 0), to: month.first) ?? chosen
        case .open: ctx.push(AgendaDayScreen(day: chosen, filter: filter))
        default: break
        }
    }

    func render(into g: inout Grid, area: Rect, _ ctx: UIContext) {
        if let problem { return drawRefusal(problem, into: &g, area: area) }
        let cal = amsterdamCalendar()
        let monthName = ctx.t(LocalTime.monthName(month.first))
        g.putSummary(ctx.t(.month2) + monthName + " (\(total))" + ctx.t(.arrowsDayAndWeekAnd(ctx.keys(.previousMonth), ctx.keys(.nextMonth))),
                     x: area.x + 1, y: area.y, maxWidth: area.width - 2)
        let names = ctx.language == .dutch ? ["ma", "di", "wo", "do", "vr", "za", "zo"] : ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let cell = max(min((area.width - 2) / 7, 12), 6)
        for (k, n) in names.enumerated() { g.put(n, x: area.x + 1 + k * cell, y: area.y + 2, role: .header, maxWidth: cell) }
        let chosenDay = cal.component(.day, from: chosen)
        // Today in words on the line under the heading (when this month holds it), and a star in
        // its cell: a mark in the text, so it shows without colour and is read with the week.
        let today = cal.startOfDay(for: ctx.now)
        let todayInMonth = cal.isDate(today, equalTo: month.first, toGranularity: .month)
        if todayInMonth {
            g.put(ctx.t(.today2) + ctx.t(LocalTime.dayName(today)), x: area.x + 1, y: area.y + 1,
                  role: .muted, maxWidth: area.width - 2)
        }
        g.outline.append(.position(number: chosenDay, of: month.days))
        // A day's number (marked when chosen, starred when today) and its count in parentheses.
        func cellText(_ d: Int) -> (date: Date, n: Int, day: String, count: String)? {
            guard let date = cal.date(byAdding: .day, value: d - 1, to: month.first) else { return nil }
            let n = counts[RecurrenceExpansion.dayNumber(date)] ?? 0
            let day = String(d) + (todayInMonth && date == today ? "*" : "")
            return (date, n, d == chosenDay ? "[" + day : " " + day, n > 0 ? " (\(n))" : "")
        }
        let closing = { (d: Int) in d == chosenDay ? "]" : "" }
        // In a narrow window every count goes on the free row under its day, so none is cut and
        // the weeks still read alike.
        let narrow = (1...max(month.days, 1)).contains { d in
            cellText(d).map { TextWidth.width($0.day + $0.count + closing(d)) > cell - 1 } ?? false
        }
        for d in 1...max(month.days, 1) {
            let slot = month.leading + d - 1
            let x = area.x + 1 + (slot % 7) * cell, y = area.y + 3 + slot / 7 * 2
            guard y < area.maxY, case let (date, n, day, count)? = cellText(d) else { continue }
            let isChosen = d == chosenDay
            let isToday = todayInMonth && date == today
            let role: StyleRole = isChosen ? .selected : (n > 0 ? .normal : .muted)
            if narrow && y + 1 < area.maxY {
                g.put(day + closing(d), x: x, y: y, role: role, maxWidth: cell - 1)
                g.put(count, x: x, y: y + 1, role: role, maxWidth: cell - 1)
            } else {
                g.put(day + count + closing(d), x: x, y: y, role: role, maxWidth: cell - 1)
            }
            if isChosen { g.cursor = (x, y) }
            let spoken = ctx.t(LocalTime.dayName(date)) + (isToday ? ctx.t(.today3) : "") + ": "
                + ctx.t(.activities2(n))
            g.outline.append(.row(spoken, number: nil, selected: isChosen))
        }
    }
}

/// One day's activities, opened from the month view; Enter opens an activity.
final class AgendaDayScreen: Screen {
    private let day: Date
    private let filter: AgendaQuery
    private var list = ListState()
    private var listing = AgendaListing.empty

    init(day: Date, filter: AgendaQuery) {
        self.day = day
        self.filter = filter
    }

    func title(_ ctx: UIContext) -> String {
        let t = DateText.day(day, ctx)
        return t.prefix(1).uppercased() + t.dropFirst()
    }

    func bindings(_ ctx: UIContext) -> [Binding<Action>] { KeyTable.list(ctx.lang, empty: listing.count == 0) }

    func willAppear(_ ctx: UIContext) {
        var q = filter
        q.from = day
        q.days = 1
        q.search = nil
        listing = (try? ctx.store.agendaListing(q, viewer: ctx.viewer)) ?? .empty
        list.clamp(count: listing.count, height: 1000)
    }

    func handle(_ action: Action, _ ctx: UIContext) {
        switch action {
        case .up, .down, .pageUp, .pageDown, .first, .last: _ = list.apply(action, count: listing.count)
        case .open: if let o = listing.occurrence(at: list.selected) { ctx.push(AgendaDetailScreen(o)) }
        default: break
        }
    }

    func render(into g: inout Grid, area: Rect, _ ctx: UIContext) {
        g.putSummary(ctx.t(.activitiesOnThisDay) + " (\(listing.count))", x: area.x + 1, y: area.y, maxWidth: area.width - 2)
        ListView.draw(count: listing.count, row: { i in
            ListRow(lazy: { [listing] in listing.occurrence(at: i).map { AgendaScreen.line($0, ctx) } ?? "" })
        }, selectedRow: listing.count == 0 ? nil : list.selected, state: &list, into: &g,
           area: Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 2),
           emptyText: ctx.t(.noActivitiesOnThisDay))
    }
}
