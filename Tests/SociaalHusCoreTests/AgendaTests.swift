import Foundation
import Testing
@_spi(Operator) @testable import SociaalHusCore
import SociaalHusBench

/// Recurrence expansion and the agenda query.
@Suite struct AgendaTests {
    static let cal = amsterdamCalendar()

    static func at(_ y: Int, _ m: Int, _ d: Int, _ h: Int = 19, _ min: Int = 30) -> Date {
        cal.date(from: DateComponents(year: y, month: m, day: d, hour: h, minute: min))!
    }

    static func item(_ start: Date, _ rec: Recurrence, end: Date? = nil) -> AgendaItem {
        AgendaItem(id: AgendaItemID(1), title: "x", start: start, end: end, organisation: OrganisationID(1), recurrence: rec)
    }

    @Test("weekly keeps the wall-clock time across the change to winter time") func weeklyDST() {
        let it = Self.item(Self.at(2026, 10, 14), Recurrence(.weekly, until: Self.at(2026, 11, 4, 0, 0)))
        let occ = RecurrenceExpansion.occurrences(of: it, from: Self.at(2026, 10, 1, 0, 0), to: Self.at(2026, 12, 1, 0, 0), calendar: Self.cal)
        #expect(occ.map { Self.cal.component(.day, from: $0.start) } == [14, 21, 28, 4])
        #expect(occ.allSatisfy { Self.cal.component(.hour, from: $0.start) == 19 && Self.cal.component(.minute, from: $0.start) == 30 })
    }

    static let rows: [(String, Date, Recurrence, Date, Int, [Int])] = [
        ("once, in range", at(2026, 12, 2), .none, at(2026, 12, 1, 0, 0), 7, [2]),
        ("once, out of range", at(2026, 12, 20), .none, at(2026, 12, 1, 0, 0), 7, []),
        ("biweekly", at(2026, 12, 1), Recurrence(.biweekly), at(2026, 12, 1, 0, 0), 31, [1, 15, 29]),
        ("weekly, started long ago", at(2025, 1, 6), Recurrence(.weekly), at(2026, 12, 1, 0, 0), 14, [7, 14]),
        ("weekly until (inclusive day)", at(2026, 12, 1), Recurrence(.weekly, until: at(2026, 12, 15, 0, 0)), at(2026, 12, 1, 0, 0), 60, [1, 8, 15]),
        ("monthly on the 31st skips short months", at(2026, 10, 31), Recurrence(.monthly), at(2026, 10, 1, 0, 0), 95, [31, 31]),
        ("monthly", at(2026, 11, 5), Recurrence(.monthly), at(2026, 11, 1, 0, 0), 70, [5, 5, 5]),
    ]

    @Test(arguments: rows)
    func expansion(_ name: String, start: Date, rec: Recurrence, from: Date, days: Int, expectedDays: [Int]) {
        let to = Self.cal.date(byAdding: .day, value: days, to: from)!
        let occ = RecurrenceExpansion.occurrences(of: Self.item(start, rec), from: from, to: to, calendar: Self.cal)
        #expect(occ.map { Self.cal.component(.day, from: $0.start) } == expectedDays, "\(name)")
        #expect(occ.map(\.start) == occ.map(\.start).sorted())
    }

    @Test("the query filters by wijk (whole-municipality items included), expands, and sorts") func query() throws {
        let dir = TempDir()
        let store = try makeStore(dir)
        let org = try store.createOrganisation(Organisation(id: OrganisationID(0), name: "De Kern"), by: .commandLine)
        func add(_ title: String, _ start: Date, wijk: String?, _ rec: Recurrence = .none) throws {
            try store.createAgendaItem(AgendaItem(id: AgendaItemID(0), title: title, start: start, end: start.addingTimeInterval(3600), location: "Kern",
                                                  wijk: wijk.map { wijkID(store, $0) }, organisation: org.id, recurrence: rec), by: .commandLine)
        }
        try add("Zenderen koffie", Self.at(2026, 11, 26, 10, 0), wijk: "Zenderen", Recurrence(.weekly))
        try add("Centrum yoga", Self.at(2026, 11, 25), wijk: "Centrum")
        try add("Borne markt", Self.at(2026, 11, 27, 9, 0), wijk: nil)
        let list = try store.state.agenda(AgendaQuery(wijk: wijkID(store, "Zenderen"), from: testNow, days: 14), viewer: .visitor)
        #expect(list.map(\.item.title) == ["Zenderen koffie", "Borne markt", "Zenderen koffie"])
        try store.update { tx in
            var s = tx.state.settings
            s.isPrivate = true
            tx.setSettings(s)
        }
        #expect(throws: CoreError.platformPrivate) { try store.state.agenda(AgendaQuery(from: testNow), viewer: .visitor) }
    }

    @Test("new items may not start in the past, and must end after they start") func validation() throws {
        let dir = TempDir()
        let store = try makeStore(dir)
        let org = try store.createOrganisation(Organisation(id: OrganisationID(0), name: "De Kern"), by: .commandLine)
        let base = AgendaItem(id: AgendaItemID(0), title: "Koffie", start: testNow.addingTimeInterval(3600), location: "Kern", organisation: org.id)
        var past = base; past.start = testNow.addingTimeInterval(-60)
        #expect(throws: CoreError.startInPast) { try store.createAgendaItem(past, by: .commandLine) }
        var backwards = base; backwards.end = base.start.addingTimeInterval(-60)
        #expect(throws: CoreError.endBeforeStart) { try store.createAgendaItem(backwards, by: .commandLine) }
        var untitled = base; untitled.title = " "
        #expect(throws: CoreError.fieldRequired(.title)) { try store.createAgendaItem(untitled, by: .commandLine) }
        var nowhere = base; nowhere.location = ""
        #expect(throws: CoreError.fieldRequired(.location)) { try store.createAgendaItem(nowhere, by: .commandLine) }
        #expect(store.state.agenda.count == 0)
    }
}

/// The fast day arithmetic agrees with Foundation's calendar, across both clock changes.
@Suite struct DayArithmeticTests {
    @Test(arguments: [0, 1, 6, 7, 14, 30, 150, 200, 365, -7])
    func agreesWithCalendar(days: Int) {
        let cal = amsterdamCalendar()
        for month in [3, 10] {
            for hour in [0, 2, 3, 12, 23] {
                let start = cal.date(from: DateComponents(year: 2026, month: month, day: 20, hour: hour, minute: 30))!
                #expect(RecurrenceExpansion.addingDays(days, to: start, in: cal.timeZone) == cal.date(byAdding: .day, value: days, to: start)!,
                        "\(month)/\(hour) + \(days)")
            }
        }
    }
}

/// The database's span columns only narrow the search: the agenda found through them equals the
/// agenda of every activity, for random activities and windows.
@Suite struct AgendaIndexTests {
    @Test("the agenda through the span index equals the agenda over every activity", arguments: [1, 2, 3] as [UInt64])
    func sameAsFullScan(seed: UInt64) throws {
        let dir = TempDir()
        // Made while "now" is long before the activities (one cannot add an activity in the past).
        let store = try makeStore(dir, clock: FixedClock(testNow.addingTimeInterval(-260 * 86_400)))
        let org = try store.createOrganisation(Organisation(id: OrganisationID(0), name: "Buurthuis"), by: .commandLine)
        var rng = SplitMix64(seed: seed)
        func r(_ n: Int) -> Int { Int(rng.next() % UInt64(n)) }
        let freqs: [Recurrence.Frequency] = [.none, .none, .weekly, .biweekly, .monthly]
        for i in 0..<120 {
            let start = testNow.addingTimeInterval(Double(r(400) - 200) * 86_400 + Double(r(24 * 4)) * 900)
            let freq = freqs[r(freqs.count)]
            let until: Date? = freq == .none || r(2) == 0 ? nil : start.addingTimeInterval(Double(r(300)) * 86_400)
            let allDay = r(4) == 0
            try store.createAgendaItem(AgendaItem(id: AgendaItemID(0), title: "A\(i)", start: start,
                                                  end: allDay || r(3) == 0 ? nil : start.addingTimeInterval(Double(1 + r(8)) * 1800),
                                                  allDay: allDay, location: "Kern", wijk: nil, organisation: org.id, category: ["sport", "cultuur", ""][r(3)],
                                                  recurrence: Recurrence(freq, until: until)), by: .commandLine)
        }
        var narrowed = 0
        for _ in 0..<30 {
            let q = AgendaQuery(from: testNow.addingTimeInterval(Double(r(500) - 250) * 86_400), days: 1 + r(90))
            let fresh = try reopen(dir)  // tables not yet read: the index is used
            #expect(fresh.state.agenda.isPartial)
            // (A window holding most activities reads them all instead; count those that did not.)
            if let (from, to) = StoreState.window(q) {
                let c = try fresh.db.prepare("SELECT count(*) FROM agenda WHERE starts < ?1 AND (ends IS NULL OR ends >= ?2)")
                    .bind(Int(to.timeIntervalSince1970.rounded(.up)), Int(from.timeIntervalSince1970.rounded(.down)))
                if try c.step(), c.int(0) * 2 <= fresh.state.agenda.count { narrowed += 1 }
            }
            let viaIndex = try fresh.agenda(q, viewer: .visitor).map { "\($0.item.id) \($0.start)" }
            let full = try fresh.state.agenda(q, viewer: .visitor).map { "\($0.item.id) \($0.start)" }
            #expect(viaIndex == full, "window \(q.from) + \(q.days) days")
        }
        #expect(narrowed >= 10, "the index path was taken in \(narrowed) of 30 windows")
    }
}
