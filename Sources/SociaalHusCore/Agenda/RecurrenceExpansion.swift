import Foundation

/// One occurrence of an agenda item in time.
public struct Occurrence: Sendable, Hashable {
    /// The item.
    public var item: AgendaItem
    /// Start of this occurrence.
    public var start: Date
    /// End of this occurrence, if the item has one.
    public var end: Date?
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
        let lastStart = min(to, rec.until.map { calendar.date(byAdding: .day, value: 1, to: calendar.startOfDay(for: $0)) ?? $0 } ?? to)
        var out: [Occurrence] = []
        switch rec.frequency {
        case .none: break
        case .weekly, .biweekly:
            let step = rec.frequency == .weekly ? 7 : 14
            // Skip straight to just before the window instead of walking from the first start.
            let gap = from.timeIntervalSince(item.start) - (duration ?? 0)
            var k = gap > 0 ? max(Int(gap / Double(step * 86_400)) - 1, 0) : 0
            while let start = calendar.date(byAdding: .day, value: k * step, to: item.start), start < lastStart {
                if let o = make(start) { out.append(o) }
                k += 1
            }
        case .monthly:
            let day = calendar.component(.day, from: item.start)
            let time = calendar.dateComponents([.hour, .minute, .second], from: item.start)
            let first = calendar.dateComponents([.year, .month], from: item.start)
            var k = 0
            let gapMonths = calendar.dateComponents([.month], from: item.start, to: from).month ?? 0
            if gapMonths > 1 { k = gapMonths - 1 }
            while k < 12 * 200 {
                var c = DateComponents(year: first.year, month: (first.month ?? 1) + k, day: 1)
                guard let monthStart = calendar.date(from: c) else { break }
                if monthStart >= lastStart { break }
                c = calendar.dateComponents([.year, .month], from: monthStart)
                c.day = day
                c.hour = time.hour
                c.minute = time.minute
                c.second = time.second
                if let start = calendar.date(from: c), calendar.component(.day, from: start) == day, start < lastStart, start >= item.start,
                   let o = make(start) {
                    out.append(o)
                }
                k += 1
            }
        }
        return out
    }
}
