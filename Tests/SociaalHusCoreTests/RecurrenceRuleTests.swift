import Foundation
import Testing
@_spi(Operator) @testable import SociaalHusCore
import SociaalHusBench

/// Random rules and changes for the property tests: the weekday of a monthly rule is the
/// start's own (the form and the core refuse any other), an end day or a number of times.
enum RandomRule {
    static func make(_ rng: inout SplitMix64, start: Date, until: Date?) -> Recurrence {
        let unit = Recurrence.Unit.allCases[Int(rng.next() % 3)]
        let interval = [1, 1, 2, 3, 5, 13][Int(rng.next() % 6)]
        var week: Recurrence.WeekOfMonth?
        if unit == .month, rng.next() % 2 == 0 {
            let (n, isLast) = RecurrenceExpansion.weekOfMonth(of: start, calendar: LocalTime.calendar)
            week = isLast && (n == 5 || rng.next() % 2 == 0) ? .last : Recurrence.WeekOfMonth(rawValue: n)
        }
        let count: Int? = until == nil && rng.next() % 2 == 0 ? 1 + Int(rng.next() % 20) : nil
        return Recurrence(unit: unit, interval: interval, weekOfMonth: week, until: until, count: count)
    }

    /// Cancels or moves a few of the rule's first occurrences (moved by whole days and an odd
    /// number of minutes, so never onto another occurrence's start).
    static func change(_ rule: inout Recurrence, _ rng: inout SplitMix64, start: Date, end: Date?) {
        let item = AgendaItem(id: AgendaItemID(0), title: "x", start: start, end: end, organisation: OrganisationID(1), recurrence: rule)
        let starts = RecurrenceExpansion.occurrences(of: item, from: start, to: start.addingTimeInterval(200 * 86_400), calendar: LocalTime.calendar)
            .map(\.start).prefix(12)
        var taken = Set<Date>()
        for s in starts where rng.next() % 4 == 0 {
            if rng.next() % 2 == 0 {
                rule.changes.append(OccurrenceChange(original: s))
            } else {
                // (Two moved onto one start would be one occurrence: the intent refuses a day taken.)
                let to = s.addingTimeInterval(Double(Int(rng.next() % 5) - 2) * 86_400 + 37 * 60)
                guard taken.insert(to).inserted else { continue }
                rule.changes.append(OccurrenceChange(original: s, moved: .init(start: to, end: end.map { to.addingTimeInterval($0.timeIntervalSince(start)) })))
            }
        }
    }
}

/// Expansion against a reference model that walks day by day and asks of each day whether the
/// rule falls on it, at the start's wall-clock time in Amsterdam (daylight saving included).
@Suite struct RecurrenceRuleTests {
    static let cal = LocalTime.calendar

    /// The starts of `item`'s rule in `[from, to)`, walked a day at a time from its first day.
    static func reference(_ item: AgendaItem, from: Date, to: Date) -> [Date] {
        let r = item.recurrence
        guard let unit = r.unit else { return item.start >= from && item.start < to ? [item.start] : [] }
        let first = cal.startOfDay(for: item.start)
        let time = cal.dateComponents([.hour, .minute, .second], from: item.start)
        let f = cal.dateComponents([.year, .month, .day, .weekday], from: item.start)
        var out: [Date] = []
        var seen = 0
        var day = first
        var k = 0
        while day < to {
            let c = cal.dateComponents([.year, .month, .day, .weekday], from: day)
            let months = (c.year! - f.year!) * 12 + c.month! - f.month!
            let days = k
            let falls: Bool
            switch unit {
            case .day: falls = days % r.interval == 0
            case .week: falls = days % (7 * r.interval) == 0
            case .month:
                guard months % r.interval == 0 else { falls = false; break }
                if let week = r.weekOfMonth {
                    let inMonth = cal.range(of: .day, in: .month, for: day)!.count
                    falls = c.weekday == f.weekday && (week == .last ? c.day! + 7 > inMonth : (c.day! - 1) / 7 + 1 == week.rawValue)
                } else {
                    falls = c.day == f.day
                }
            }
            if let until = r.until, day > cal.startOfDay(for: until) { break }
            if falls {
                let start = cal.date(bySettingHour: time.hour!, minute: time.minute!, second: time.second!, of: day)!
                if let count = r.count, seen >= count { break }
                seen += 1
                if start >= from && start < to { out.append(start) }
            }
            day = cal.date(byAdding: .day, value: 1, to: day)!
            k += 1
        }
        return out
    }

    @Test("random rules expand to the same starts as the day-by-day walk, across daylight saving changes")
    func againstReference() {
        let seed = ProcessInfo.processInfo.environment["SOCIAALHUS_RULE_SEED"].flatMap(UInt64.init) ?? 27
        var rng = SplitMix64(seed: seed)
        for run in 0..<400 {
            // Starts in 2026 and 2027, at times that include the hour that is skipped or doubled.
            let start = testNow.addingTimeInterval(Double(Int(rng.next() % 500) - 250) * 86_400 + Double(rng.next() % 96) * 900)
            let until: Date? = rng.next() % 3 == 0 ? start.addingTimeInterval(Double(rng.next() % (400 * 86_400))) : nil
            let rule = RandomRule.make(&rng, start: start, until: until)
            let item = AgendaItem(id: AgendaItemID(1), title: "x", start: start, end: start.addingTimeInterval(5_400), organisation: OrganisationID(1), recurrence: rule)
            let from = start.addingTimeInterval(Double(Int(rng.next() % 400) - 20) * 86_400)
            let to = from.addingTimeInterval(Double(1 + rng.next() % 120) * 86_400)
            let expanded = RecurrenceExpansion.occurrences(of: item, from: from, to: to, calendar: Self.cal).map(\.start).filter { $0 >= from }
            #expect(expanded == Self.reference(item, from: from, to: to), "run \(run) (seed \(seed)): \(rule) from \(from) to \(to)")
        }
    }

    @Test("a weekly rule at 19:30 stays at 19:30 in Amsterdam through both changes of the clock")
    func keepsLocalTime() {
        // 19:30 on Thursday 19 March 2026; the clock moves on 29 March and 25 October.
        let start = Self.cal.date(from: DateComponents(year: 2026, month: 3, day: 19, hour: 19, minute: 30))!
        for rule in [Recurrence(unit: .week), Recurrence(unit: .day, interval: 3), Recurrence(unit: .month, weekOfMonth: .third)] {
            let item = AgendaItem(id: AgendaItemID(1), title: "x", start: start, organisation: OrganisationID(1), recurrence: rule)
            let all = RecurrenceExpansion.occurrences(of: item, from: start, to: start.addingTimeInterval(300 * 86_400), calendar: Self.cal)
            #expect(all.count > 9)
            #expect(all.allSatisfy { LocalTime.time($0.start) == "19:30" }, "\(rule)")
        }
    }

    @Test("cancelled occurrences are left out, moved ones listed at their new time and counted in the number of times")
    func changes() throws {
        // The first Thursday of December 2026, six times; January cancelled, February a day later.
        let start = Self.cal.date(from: DateComponents(year: 2026, month: 12, day: 3, hour: 19, minute: 30))!
        let jan = Self.cal.date(from: DateComponents(year: 2027, month: 1, day: 7, hour: 19, minute: 30))!
        let feb = Self.cal.date(from: DateComponents(year: 2027, month: 2, day: 4, hour: 19, minute: 30))!
        let fri = feb.addingTimeInterval(86_400 + 1_800)
        let rule = Recurrence(unit: .month, weekOfMonth: .first, count: 6,
                              changes: [OccurrenceChange(original: jan), OccurrenceChange(original: feb, moved: .init(start: fri, end: fri.addingTimeInterval(3_600)))])
        let item = AgendaItem(id: AgendaItemID(1), title: "x", start: start, end: start.addingTimeInterval(7_200), organisation: OrganisationID(1), recurrence: rule)
        let all = RecurrenceExpansion.occurrences(of: item, from: start, to: start.addingTimeInterval(400 * 86_400), calendar: Self.cal)
        #expect(all.map { LocalTime.isoDay($0.start) } == ["2026-12-03", "2027-02-05", "2027-03-04", "2027-04-01", "2027-05-06"])
        let moved = try #require(all.first { $0.moved })
        #expect(moved.original == feb && moved.end == fri.addingTimeInterval(3_600) && LocalTime.time(moved.start) == "20:00")
        #expect(RecurrenceExpansion.occurrence(of: item, startingAt: fri) == moved)
        #expect(ICalendar.rrule(item) == "FREQ=MONTHLY;BYDAY=1TH;UNTIL=20270506T215959Z")
    }

    @Test("the core refuses rules it cannot keep, each with its own message", arguments: [
        (Recurrence(unit: .week, interval: 0), RecurrenceProblem.numberOutOfRange),
        (Recurrence(unit: .day, interval: 1000), .numberOutOfRange),
        (Recurrence(unit: .week, count: 0), .numberOutOfRange),
        (Recurrence(unit: .week, until: testNow.addingTimeInterval(30 * 86_400), count: 3), .untilAndCount),
        // 10 December 2026 is the second Thursday.
        (Recurrence(unit: .month, weekOfMonth: .first), .startNotOnWeekOfMonth(start: Self.cal.date(from: DateComponents(year: 2026, month: 12, day: 10, hour: 19, minute: 30))!, week: 2, weekday: 5)),
        (Recurrence(unit: .month, weekOfMonth: .last), .startNotOnWeekOfMonth(start: Self.cal.date(from: DateComponents(year: 2026, month: 12, day: 10, hour: 19, minute: 30))!, week: 2, weekday: 5)),
    ])
    func refusals(rule: Recurrence, problem: RecurrenceProblem) throws {
        let dir = TempDir()
        let store = try makeStore(dir)
        let org = try store.createOrganisation(Organisation(id: OrganisationID(0), name: "Buurthuis"), by: .commandLine)
        let start = Self.cal.date(from: DateComponents(year: 2026, month: 12, day: 10, hour: 19, minute: 30))!
        #expect(throws: CoreError.recurrence(problem)) {
            try store.perform(.createAgendaItem(AgendaItem(id: AgendaItemID(0), title: "Soos", start: start, location: "Kern", organisation: org.id, recurrence: rule)),
                              as: .commandLine)
        }
        #expect(store.state.agenda.count == 0)
    }

    @Test("an editor cancels, moves and restores one occurrence by its date; the rows and the state agree; a wrong date is refused")
    func changeOccurrence() throws {
        let dir = TempDir()
        let store = try makeStore(dir)
        let org = try store.createOrganisation(Organisation(id: OrganisationID(0), name: "Buurthuis"), by: .commandLine)
        let start = Self.cal.date(from: DateComponents(year: 2026, month: 12, day: 3, hour: 19, minute: 30))!
        let item = try store.perform(.createAgendaItem(AgendaItem(id: AgendaItemID(0), title: "Soos", start: start, end: start.addingTimeInterval(7_200),
                                                                  location: "Kern", organisation: org.id, recurrence: Recurrence(unit: .month, weekOfMonth: .first))),
                                     as: .commandLine)
        let jan = Self.cal.date(from: DateComponents(year: 2027, month: 1, day: 7))!
        let feb = Self.cal.date(from: DateComponents(year: 2027, month: 2, day: 4))!
        func days() throws -> [String] {
            try store.agenda(AgendaQuery(from: start, days: 100), viewer: .visitor).map { LocalTime.isoDay($0.start) + " " + LocalTime.time($0.start) }
        }
        try store.perform(.changeOccurrence(item.id, on: jan, .cancel), as: .commandLine)
        try store.perform(.changeOccurrence(item.id, on: feb, .move(start: feb.addingTimeInterval(86_400 + 20 * 3_600), end: nil)), as: .commandLine)
        #expect(try days() == ["2026-12-03 19:30", "2027-02-05 20:00", "2027-03-04 19:30"])
        #expect(StoreCheck.run(at: dir.store).isSound)
        #expect(throws: CoreError.recurrence(.noOccurrence(on: feb.addingTimeInterval(86_400)))) {
            try store.perform(.changeOccurrence(item.id, on: feb.addingTimeInterval(86_400), .cancel), as: .commandLine)
        }
        #expect(throws: CoreError.recurrence(.occurrenceAlready(on: start.addingTimeInterval(3_600)))) {
            try store.perform(.changeOccurrence(item.id, on: jan, .move(start: start.addingTimeInterval(3_600), end: nil)), as: .commandLine)
        }
        try store.perform(.changeOccurrence(item.id, on: jan, .asPlanned), as: .commandLine)
        #expect(try days() == ["2026-12-03 19:30", "2027-01-07 19:30", "2027-02-05 20:00", "2027-03-04 19:30"])
        // A reopened store reads the rule and the changes back from their rows.
        let again = try Store.open(at: dir.store)
        #expect(again.state.agenda[item.id.rawValue]?.recurrence == store.state.agenda[item.id.rawValue]?.recurrence)
        #expect(again.state.agenda[item.id.rawValue]?.recurrence.changes.count == 1)
    }
}
