import Foundation

/// One occurrence of an agenda item in time.
public struct Occurrence: Sendable, Hashable {
    /// The item.
    public var item: AgendaItem
    /// Start of this occurrence.
    public var start: Date
    /// End of this occurrence, if the item has one.
    public var end: Date?

    /// Creates an occurrence.
    public init(item: AgendaItem, start: Date, end: Date?) {
        self.item = item
        self.start = start
        self.end = end
    }
}

/// Expands recurring items into occurrences, keeping the wall-clock time across daylight saving
/// changes (an activity at 19:30 stays at 19:30 in Amsterdam).
public enum RecurrenceExpansion {
    /// The occurrences of `item` that start in `[from, to)` or are still running at `from`.
    public static func occurrences(of item: AgendaItem, from: Date, to: Date, calendar: Calendar) -> [Occurrence] {
        let duration = item.end.map { $0.timeIntervalSince(item.start) }
        func make(_ start: Date) -> Occurrence? {
            let end = duration.map { start.addingTimeInterval($0) }
            let runningUntil = end ?? (item.allDay ? start.addingTimeInterval(86_400) : start)
            guard start < to, start >= from || runningUntil > from else { return nil }
            return Occurrence(item: item, start: start, end: end)
        }
        let rec = item.recurrence
        if rec.frequency == .none { return make(item.start).map { [$0] } ?? [] }
        // `until` is a day: occurrences may start up to the end of that day in Amsterdam.
        let lastDay = rec.until.map { localDay($0, calendar.timeZone) }
        let lastStart = to
        var out: [Occurrence] = []
        switch rec.frequency {
        case .none: break
        case .weekly, .biweekly:
            let step = rec.frequency == .weekly ? 7 : 14
            // Skip straight to just before the window instead of walking from the first start.
            let gap = from.timeIntervalSince(item.start) - (duration ?? 0)
            var k = gap > 0 ? max(Int(gap / Double(step * 86_400)) - 1, 0) : 0
            let zone = calendar.timeZone
            while true {
                let start = addingDays(k * step, to: item.start, in: zone)
                if start >= lastStart { break }
                if let lastDay, localDay(start, zone) > lastDay { break }
                if let o = make(start) { out.append(o) }
                k += 1
            }
        case .monthly:
            let day = calendar.component(.day, from: item.start)
            let time = calendar.dateComponents([.hour, .minute, .second], from: item.start)
            let first = calendar.dateComponents([.year, .month], from: item.start)
            var k = 0
            // Counted back from the window's start by the activity's length: an occurrence that
            // began before the window and still runs into it is listed too (regression: a
            // monthly activity of 75 days).
            let gapMonths = calendar.dateComponents([.month], from: item.start, to: from.addingTimeInterval(-(duration ?? 0) - 86_400)).month ?? 0
            if gapMonths > 1 { k = gapMonths - 1 }
            while k < 12 * 200 {
                var c = DateComponents(year: first.year, month: (first.month ?? 1) + k, day: 1)
                guard let monthStart = calendar.date(from: c) else { break }
                if monthStart >= lastStart { break }
                if let lastDay, localDay(monthStart, calendar.timeZone) > lastDay { break }
                c = calendar.dateComponents([.year, .month], from: monthStart)
                c.day = day
                c.hour = time.hour
                c.minute = time.minute
                c.second = time.second
                if let start = calendar.date(from: c), calendar.component(.day, from: start) == day, start < lastStart, start >= item.start,
                   lastDay.map({ localDay(start, calendar.timeZone) <= $0 }) ?? true,
                   let o = make(start) {
                    out.append(o)
                }
                k += 1
            }
        }
        return out
    }

    /// The number of the day (since 1970) on which `date` falls in Amsterdam.
    public static func dayNumber(_ date: Date) -> Int { localDay(date, LocalTime.calendar.timeZone) }

    /// The number of the day (since 1970) on which `date` falls in `zone`.
    static func localDay(_ date: Date, _ zone: TimeZone) -> Int {
        Int(((date.timeIntervalSince1970 + Double(zone.secondsFromGMT(for: date))) / 86_400).rounded(.down))
    }

    /// Adds whole days keeping the wall-clock time in `zone`, through the zone's offsets rather
    /// than `Calendar.date(byAdding:)`, which is about ten times slower and this is the agenda's hot path.
    static func addingDays(_ days: Int, to date: Date, in zone: TimeZone) -> Date {
        if days == 0 { return date }
        let offset = zone.secondsFromGMT(for: date)
        let wall = date.timeIntervalSince1970 + Double(offset) + Double(days) * 86_400
        var result = wall - Double(offset)
        let after = zone.secondsFromGMT(for: Date(timeIntervalSince1970: result))
        if after != offset { result = wall - Double(after) }
        return Date(timeIntervalSince1970: result)
    }
}
