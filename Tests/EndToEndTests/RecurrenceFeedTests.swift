import Foundation
import Testing
@_spi(Operator) @testable import SociaalHusCore

/// Repeating activities in the ICS feed of the real binary, read by two calendar programs:
/// Python's icalendar with recurring_ical_events, and calcurse. Over a year, each finds the
/// occurrences the core's expansion finds: rules beyond the old patterns, cancelled
/// occurrences (EXDATE) and moved ones (RECURRENCE-ID).
@Suite(.serialized) struct RecurrenceFeedTests {
    @Test("a year of repeating activities: icalendar and calcurse read the same occurrences as the core")
    func sameOccurrences() throws {
        let t = Tmux()
        try t.cli(["init", "--demo"])
        let store = try Store.open(at: t.store)
        let cal = LocalTime.calendar
        let centrum = try #require(store.wijk(named: "Bornsche Maten")).id
        let org = try #require(store.state.organisations.all.first).id
        // Sanne is the wijk's local partner: she approves sharing its agenda.
        let sanne = try #require(store.state.accounts.all.first { $0.email == "sanne.bakker@demo.sociaalhus.example" })
        try store.perform(.approveFeed(wijk: centrum, thirdParty: "Buurtkrant"), as: .account(sanne))
        let today = cal.startOfDay(for: Date())
        func day(_ offset: Int, _ hour: Int, _ minute: Int) -> Date {
            cal.date(bySettingHour: hour, minute: minute, second: 0, of: cal.date(byAdding: .day, value: offset, to: today)!)!
        }
        // A start that is the `week`th weekday of its month, some weeks ahead.
        func weekday(_ weekday: Int, _ week: Recurrence.WeekOfMonth, after offset: Int) -> Int {
            (offset..<(offset + 80)).first { d in
                let date = day(d, 12, 0)
                let (n, isLast) = RecurrenceExpansion.weekOfMonth(of: date, calendar: cal)
                return cal.component(.weekday, from: date) == weekday && (week == .last ? isLast : n == week.rawValue)
            }!
        }
        let rules: [(String, Date, Recurrence)] = [
            ("R1 om de drie dagen", day(2, 9, 15), Recurrence(unit: .day, interval: 3, count: 40)),
            ("R2 om de twee weken", day(3, 19, 30), Recurrence(unit: .week, interval: 2, until: day(300, 0, 0))),
            ("R3 elke maand de 15e", day((1...31).first { cal.component(.day, from: day($0, 12, 0)) == 15 }!, 14, 0), Recurrence(unit: .month)),
            ("R4 laatste vrijdag", day(weekday(6, .last, after: 1), 20, 0), Recurrence(unit: .month, weekOfMonth: .last)),
            ("R5 tweede dinsdag, om de twee maanden", day(weekday(3, .second, after: 1), 10, 0), Recurrence(unit: .month, interval: 2, weekOfMonth: .second, count: 5)),
        ]
        var ids: [AgendaItemID] = []
        for (title, start, rule) in rules {
            let item = try store.perform(.createAgendaItem(AgendaItem(id: AgendaItemID(0), title: title, start: start, end: start.addingTimeInterval(5_400),
                                                                      location: "Buurthuis", wijk: centrum, organisation: org, recurrence: rule)), as: .commandLine)
            ids.append(item.id)
        }
        // Cancel the third and move the fifth occurrence of each (a day later, half an hour on).
        for id in ids {
            let item = try #require(store.state.agenda[id.rawValue])
            let starts = RecurrenceExpansion.occurrences(of: item, from: today, to: day(400, 0, 0), calendar: cal).map(\.start)
            try store.perform(.changeOccurrence(id, on: starts[2], .cancel), as: .commandLine)
            let to = starts[4].addingTimeInterval(86_400 + 1_800)
            try store.perform(.changeOccurrence(id, on: starts[4], .move(start: to, end: to.addingTimeInterval(3_600))), as: .commandLine)
        }
        let from = today, until = day(366, 0, 0)
        // The core: every timed occurrence of the wijk's activities over the year.
        let core = try store.agenda(AgendaQuery(wijk: centrum, from: from, days: 366), viewer: .visitor)
            .filter { !$0.item.allDay && $0.start >= from && $0.start < until }
            .map { "\(LocalTime.isoDay($0.start)) \(LocalTime.time($0.start)) \($0.item.title)" }.sorted()
        #expect(core.contains { $0.hasSuffix("Buurtmaaltijd op de eerste donderdag") }, "the demo's first Thursday")
        for (title, _, _) in rules { #expect(core.filter { $0.hasSuffix(title) }.count >= 4, "\(title)") }

        let ics = t.home + "/centrum.ics"
        let made = try t.cli(["agenda", "--wijk", "Bornsche Maten", "--format", "ics", "--out", ics])
        #expect(made.status == 0, "\(made.out)")
        let text = try String(contentsOfFile: ics, encoding: .utf8)
        #expect(text.contains("RRULE:FREQ=MONTHLY;BYDAY=-1FR") && text.contains("EXDATE;TZID=Europe/Amsterdam:") && text.contains("RECURRENCE-ID;TZID=Europe/Amsterdam:"))

        // icalendar with recurring_ical_events (Debian's python3-recurring-ical-events).
        let python = """
            import sys, datetime, icalendar, recurring_ical_events
            from zoneinfo import ZoneInfo
            c = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
            a = datetime.datetime.fromisoformat(sys.argv[2]).replace(tzinfo=ZoneInfo('Europe/Amsterdam'))
            b = datetime.datetime.fromisoformat(sys.argv[3]).replace(tzinfo=ZoneInfo('Europe/Amsterdam'))
            for e in recurring_ical_events.of(c).between(a, b):
                s = e['DTSTART'].dt
                if not isinstance(s, datetime.datetime) or s < a: continue
                print(s.astimezone(ZoneInfo('Europe/Amsterdam')).strftime('%Y-%m-%d %H:%M'), str(e['SUMMARY']))
            """
        let py = try Tmux.run(["/usr/bin/python3", "-c", python, ics, LocalTime.isoDay(from) + "T00:00:00", LocalTime.isoDay(until) + "T00:00:00"])
        #expect(py.status == 0, "\(py.out)")
        let fromPython = py.out.split(separator: "\n").map(String.init).sorted()
        #expect(fromPython == core, "icalendar: \(diff(fromPython, core))")

        // calcurse, in Amsterdam's time: imported into an empty folder, then asked for the year.
        let folder = t.home + "/calcurse"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let env = ["TZ": "Europe/Amsterdam", "HOME": t.home]
        let imported = try Tmux.run(["calcurse", "-D", folder, "-i", ics], env: env)
        #expect(imported.status == 0 && imported.out.contains("0 skipped"), "\(imported.out)")
        let us = DateFormatter()
        us.timeZone = cal.timeZone
        us.dateFormat = "MM/dd/yyyy"
        let query = try Tmux.run(["calcurse", "-D", folder, "-Q", "--filter-type", "cal", "--from", us.string(from: from), "--days", "366",
                                  "--format-apt", "%(start:%Y-%m-%d %H:%M) %m\\n", "--format-recur-apt", "%(start:%Y-%m-%d %H:%M) %m\\n",
                                  "--format-event", "", "--format-recur-event", ""], env: env)
        #expect(query.status == 0, "\(query.out)")
        let fromCalcurse = query.out.split(separator: "\n").map(String.init).filter { $0.count > 17 && $0.dropFirst(4).hasPrefix("-") }.sorted()
        #expect(fromCalcurse == core, "calcurse: \(diff(fromCalcurse, core))")
    }

    /// What one list has and the other lacks, for the message of a failing comparison.
    func diff(_ found: [String], _ expected: [String]) -> String {
        "extra \(Set(found).subtracting(expected).sorted()), missing \(Set(expected).subtracting(found).sorted())"
    }
}
