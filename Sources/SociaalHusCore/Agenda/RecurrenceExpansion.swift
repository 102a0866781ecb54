import Foundation

/// One occurrence of an agenda item in time.
public struct Occurrence: Sendable, Hashable {
    /// The item.
    public var item: AgendaItem
    /// Start of this occurrence.
    public var start: Date
    /// End of this occurrence, if the item has one.
    public var end: Date?
    /// The start the item's rule gives it: `start`, unless this occurrence was moved.
    public var original: Date

    /// Creates an occurrence.
    public init(item: AgendaItem, start: Date, end: Date?, original: Date? = nil) {
        self.item = item
        self.start = start
        self.end = end
        self.original = original ?? start
    }

    /// True when it was moved away from the time its rule gives it.
    public var moved: Bool { original != start }
}

/// Expands recurring items into occurrences, keeping the wall-clock time across daylight saving
/// changes (an activity at 19:30 stays at 19:30 in Amsterdam). Cancelled occurrences are left
/// out; a moved one is listed at its new time.
public enum RecurrenceExpansion {
    /// The occurrences of `item` that start in `[from, to)` or are still running at `from`.
    public static func occurrences(of item: AgendaItem, from: Date, to: Date, calendar: Calendar) -> [Occurrence] {
        let duration = item.end.map { $0.timeIntervalSince(item.start) }
        func make(_ start: Date, end: Date?, original: Date) -> Occurrence? {
            let runningUntil = end ?? (item.allDay ? start.addingTimeInterval(86_400) : start)
            guard start < to, start >= from || runningUntil > from else { return nil }
            return Occurrence(item: item, start: start, end: end, original: original)
        }
        let rec = item.recurrence
        guard rec.repeats else { return make(item.start, end: item.end, original: item.start).map { [$0] } ?? [] }
        var out: [Occurrence] = []
        let changed = !rec.changes.isEmpty
        ruleStarts(item, from: from.addingTimeInterval(-(duration ?? 0) - (item.allDay ? 86_400 : 0)), to: to, calendar: calendar) { start in
            if changed, rec.change(at: start) != nil { return }
            if let o = make(start, end: duration.map { start.addingTimeInterval($0) }, original: start) { out.append(o) }
        }
        guard changed else { return out }
        for c in rec.changes {
            guard let m = c.moved, isRuleStart(c.original, of: item, calendar: calendar),
                  let o = make(m.start, end: m.end, original: c.original) else { continue }
            out.append(o)
        }
        return out.sorted { $0.start < $1.start }
    }

    /// The occurrence of `item` whose (possibly moved) start is `start`, as an occurrence row gives it.
    public static func occurrence(of item: AgendaItem, startingAt start: Date) -> Occurrence {
        if let c = item.recurrence.changes.first(where: { $0.moved?.start == start }), let m = c.moved {
            return Occurrence(item: item, start: start, end: m.end, original: c.original)
        }
        return Occurrence(item: item, start: start, end: item.end.map { start.addingTimeInterval($0.timeIntervalSince(item.start)) })
    }

    /// True when `item`'s rule (changes aside) has an occurrence starting at `date`.
    public static func isRuleStart(_ date: Date, of item: AgendaItem, calendar: Calendar) -> Bool {
        guard item.recurrence.repeats else { return date == item.start }
        var found = false
        ruleStarts(item, from: date, to: date.addingTimeInterval(1), calendar: calendar) { if $0 == date { found = true } }
        return found
    }

    /// Calls `body` with every start `item`'s rule gives (changes aside) in `[from, to)`, in
    /// order, honouring its end day and number of times.
    static func ruleStarts(_ item: AgendaItem, from: Date, to: Date, calendar: Calendar, _ body: (Date) -> Void) {
        let rec = item.recurrence
        guard let unit = rec.unit else {
            if item.start >= from, item.start < to { body(item.start) }
            return
        }
        let zone = calendar.timeZone
        // `until` is a day: occurrences may start up to the end of that day in Amsterdam.
        let lastDay = rec.until.map { localDay($0, zone) }
        let interval = max(rec.interval, 1)
        // A rule with a number of times is walked from its first occurrence (it counts them);
        // any other skips straight to just before the window.
        switch unit {
        case .day, .week:
            let step = interval * (unit == .day ? 1 : 7)
            let gap = from.timeIntervalSince(item.start)
            var k = rec.count == nil && gap > 0 ? max(Int(gap / Double(step * 86_400)) - 1, 0) : 0
            while rec.count.map({ k < $0 }) ?? true {
                let start = addingDays(k * step, to: item.start, in: zone)
                if start >= to { break }
                if let lastDay, localDay(start, zone) > lastDay { break }
                if start >= from { body(start) }
                k += 1
            }
        case .month:
            let time = calendar.dateComponents([.hour, .minute, .second], from: item.start)
            let first = calendar.dateComponents([.year, .month, .day, .weekday], from: item.start)
            var k = 0
            if rec.count == nil {
                let gapMonths = calendar.dateComponents([.month], from: item.start, to: from.addingTimeInterval(-86_400)).month ?? 0
                if gapMonths > interval { k = gapMonths / interval - 1 }
            }
            var seen = 0
            while k < 12 * 200, rec.count.map({ seen < $0 }) ?? true {
                var c = DateComponents(year: first.year, month: (first.month ?? 1) + k * interval, day: 1)
                k += 1
                guard let monthStart = calendar.date(from: c) else { break }
                if monthStart >= to { break }
                if let lastDay, localDay(monthStart, zone) > lastDay { break }
                c = calendar.dateComponents([.year, .month], from: monthStart)
                if let week = rec.weekOfMonth {
                    guard let day = weekdayOfMonth(week, weekday: first.weekday ?? 1, monthStart: monthStart, calendar: calendar) else { continue }
                    c.day = day
                } else {
                    c.day = first.day
                }
                c.hour = time.hour
                c.minute = time.minute
                c.second = time.second
                guard let start = calendar.date(from: c), calendar.component(.day, from: start) == c.day, start >= item.start else { continue }
                if let lastDay, localDay(start, zone) > lastDay { break }
                seen += 1
                if start >= to { break }
                if start >= from { body(start) }
            }
        }
    }

    /// The day of the month of the `week`th (or last) `weekday` (1 = Sunday) of the month that
    /// starts at `monthStart`.
    static func weekdayOfMonth(_ week: Recurrence.WeekOfMonth, weekday: Int, monthStart: Date, calendar: Calendar) -> Int? {
        let firstWeekday = calendar.component(.weekday, from: monthStart)
        let firstDay = 1 + (weekday - firstWeekday + 7) % 7
        guard let days = calendar.range(of: .day, in: .month, for: monthStart)?.count else { return nil }
        if week == .last { return firstDay + 7 * ((days - firstDay) / 7) }
        return firstDay + 7 * (week.rawValue - 1)
    }

    /// Which week of its month `date` falls in (first to fourth, or fifth: only "last").
    public static func weekOfMonth(of date: Date, calendar: Calendar) -> (week: Int, isLast: Bool) {
        let day = calendar.component(.day, from: date)
        let days = calendar.range(of: .day, in: .month, for: date)?.count ?? 31
        return ((day - 1) / 7 + 1, day + 7 > days)
    }

    /// The number of the day (since 1970) on which `date` falls in Amsterdam.
    public static func dayNumber(_ date: Date) -> Int { localDay(date, LocalTime.calendar.timeZone) }

    /// The number of the day (since 1970) on which `date` falls in `zone`.
    static func localDay(_ date: Date, _ zone: TimeZone) -> Int {
        Int(((date.timeIntervalSince1970 + Double(zone.secondsFromGMT(for: date))) / 86_400).rounded(.down))
    }

    /// Adds whole days keeping the wall-clock time in `zone`, through the zone's offsets rather
    /// than `Calendar.date(byAdding:)`, which is about ten times slower and this is the agenda's hot path.
    /// A time the clock passes twice (the autumn change) is its first; one it skips (spring) is
    /// as long after the change as it was meant after the hour before it: RFC 5545 §3.3.5, as
    /// the calendar programs that read the feed do.
    static func addingDays(_ days: Int, to date: Date, in zone: TimeZone) -> Date {
        if days == 0 { return date }
        let wall = date.timeIntervalSince1970 + Double(zone.secondsFromGMT(for: date)) + Double(days) * 86_400
        let before = zone.secondsFromGMT(for: Date(timeIntervalSince1970: wall - 86_400))
        let after = zone.secondsFromGMT(for: Date(timeIntervalSince1970: wall + 86_400))
        if before == after { return Date(timeIntervalSince1970: wall - Double(before)) }
        let first = wall - Double(before), second = wall - Double(after)
        let firstHolds = zone.secondsFromGMT(for: Date(timeIntervalSince1970: first)) == before
        let secondHolds = zone.secondsFromGMT(for: Date(timeIntervalSince1970: second)) == after
        switch (firstHolds, secondHolds) {
        case (true, true): return Date(timeIntervalSince1970: min(first, second))
        case (false, true): return Date(timeIntervalSince1970: second)
        default: return Date(timeIntervalSince1970: first)
        }
    }
}
