import Foundation

extension Store {
    /// Cancels, moves or restores one occurrence (see `Intent.changeOccurrence`).
    func changeOccurrence(_ id: AgendaItemID, on day: Date, _ edit: OccurrenceEdit, by viewer: Viewer) throws {
        try update(actor: viewer) { tx in
            guard var item = tx.state.agenda[id.rawValue] else { throw CoreError.notFound(what: "agenda \(id)") }
            try Permissions.require(.changeAgendaItem(item), by: viewer)
            guard item.recurrence.repeats else { throw CoreError.recurrence(.notRepeating) }
            guard let original = Self.ruleStart(of: item, onDayOf: day) else { throw CoreError.recurrence(.noOccurrence(on: day)) }
            let before = item
            item.recurrence.changes.removeAll { $0.original == original }
            switch edit {
            case .asPlanned: break
            case .cancel: item.recurrence.changes.append(OccurrenceChange(original: original))
            case .move(let start, let end):
                if let end, end < start || (end == start && !item.allDay) { throw CoreError.endBeforeStart }
                // One occurrence a day: the day is how people (and this intent) name one.
                let target = RecurrenceExpansion.dayNumber(start)
                let others = RecurrenceExpansion.occurrences(of: item, from: start.addingTimeInterval(-2 * 86_400), to: start.addingTimeInterval(2 * 86_400),
                                                             calendar: LocalTime.calendar)
                if others.contains(where: { $0.original != original && RecurrenceExpansion.dayNumber($0.start) == target }) {
                    throw CoreError.recurrence(.occurrenceAlready(on: start))
                }
                item.recurrence.changes.append(OccurrenceChange(original: original, moved: .init(start: start, end: end)))
            }
            item.recurrence.changes.sort { $0.original < $1.original }
            tx.put(item)
            // Who signed up for it or asked a reminder hears: it does not take place, or its new time.
            try followOccurrence(from: Self.start(of: original, in: before), to: Self.start(of: original, in: item), of: item, in: &tx)
            tx.audit(.agendaItemChanged, actor: viewer.account?.id, subject: nil, target: "agenda:\(id)")
        }
    }

    /// Where the occurrence the rule starts at `original` takes place in `item`: moved, as
    /// planned, or nowhere (cancelled).
    static func start(of original: Date, in item: AgendaItem) -> Date? {
        guard let change = item.recurrence.changes.first(where: { $0.original == original }) else { return original }
        return change.moved?.start
    }

    /// The start the rule of `item` gives on the local day of `day`, if any (changes aside).
    static func ruleStart(of item: AgendaItem, onDayOf day: Date) -> Date? {
        let cal = LocalTime.calendar
        let from = cal.startOfDay(for: day)
        guard let to = cal.date(byAdding: .day, value: 1, to: from) else { return nil }
        var found: Date?
        RecurrenceExpansion.ruleStarts(item, from: from, to: to, calendar: cal) { if found == nil { found = $0 } }
        return found
    }

    /// The rule of `item` checked: whole numbers from 1 to 999, an end day or a number of times
    /// (not both), a monthly weekday rule whose start is that weekday of its month. Changes of
    /// occurrences the rule no longer has (after the rule or start was edited) are dropped.
    static func validRecurrence(_ item: AgendaItem) throws -> Recurrence {
        var r = item.recurrence
        guard r.repeats else {
            r.changes = []
            return r
        }
        guard (1...999).contains(r.interval), (r.count.map { (1...999).contains($0) } ?? true) else { throw CoreError.recurrence(.numberOutOfRange) }
        if r.count != nil, r.until != nil { throw CoreError.recurrence(.untilAndCount) }
        if let week = r.weekOfMonth {
            let (n, isLast) = RecurrenceExpansion.weekOfMonth(of: item.start, calendar: LocalTime.calendar)
            guard week == .last ? isLast : week.rawValue == n else {
                // Says which it is, so the editor sees what to choose instead.
                throw CoreError.recurrence(.startNotOnWeekOfMonth(start: item.start, week: n > 4 ? -1 : n,
                                                                  weekday: LocalTime.calendar.component(.weekday, from: item.start)))
            }
        }
        var seen = Set<Date>()
        r.changes = r.changes.filter { seen.insert($0.original).inserted && RecurrenceExpansion.isRuleStart($0.original, of: item, calendar: LocalTime.calendar) }
        return r
    }
}
