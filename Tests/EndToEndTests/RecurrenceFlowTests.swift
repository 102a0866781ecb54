import Foundation
import Testing
@testable import SociaalHusCore

/// An editor enters a repeating activity in the form as a person would (keys only), is told
/// clearly what does not fit and keeps what was typed; and cancels one occurrence in plain mode.
@Suite(.serialized) struct RecurrenceFlowTests {
    @Test("an editor enters 'the last Friday of the month, four times' in the form; a wrong week or both an end and a number are refused, the form keeps what was typed")
    func enterInForm() throws {
        let t = Tmux()
        try t.cli(["init", "--demo"])
        // A Friday some weeks ahead that is not the last of its month, and the next last Friday.
        let cal = LocalTime.calendar
        let days = (10..<80).map { cal.date(byAdding: .day, value: $0, to: cal.startOfDay(for: Date()))! }.filter { cal.component(.weekday, from: $0) == 6 }
        let notLast = try #require(days.first { !RecurrenceExpansion.weekOfMonth(of: $0, calendar: cal).isLast })
        let last = try #require(days.first { $0 > notLast && RecurrenceExpansion.weekOfMonth(of: $0, calendar: cal).isLast })
        try t.startLoggedIn("yvonne.hulshof@demo.sociaalhus.example", "demo-Pompoen-Kaars-23", expecting: "Demo Yvonne", rows: 40)
        try t.keys("1")
        try t.waitFor("Alle wijken")
        try t.keys("n")
        try t.waitFor("Nieuwe activiteit")
        try t.type("Ruilmarkt op de laatste vrijdag")
        try t.tabUntil("Datum")
        try t.keys("C-u")
        try t.type(LocalTime.isoDay(notLast))
        try t.tabUntil("Locatie")
        try t.type("Voedselbank Borne, Spoorstraat")
        try t.tabUntil("Herhaling")
        for _ in 0..<4 { try t.keys("Right") }
        try t.waitFor("‹ per maand, zelfde weekdag ›")
        try t.tabUntil("Welke in de maand")
        for _ in 0..<4 { try t.keys("Right") }
        try t.tabUntil("Tot (")
        try t.type(LocalTime.isoDay(last.addingTimeInterval(200 * 86_400)))
        try t.tabUntil("Aantal keer")
        try t.type("4")
        try t.keys("C-s")
        try t.waitFor("Niet allebei.")
        // The end day goes; the date is not a last Friday: the core says which it is.
        try t.tabUntil("Tot (")
        try t.keys("C-u")
        try t.keys("C-s")
        let refused = try t.waitFor("De datum past niet bij de keuze")
        #expect(refused.contains("Ruilmarkt op de laatste vrijdag") && refused.contains("Aantal keer          4"), "what was typed is kept")
        try t.tabUntil("Datum")
        try t.keys("C-u")
        try t.type(LocalTime.isoDay(last))
        try t.keys("C-s")
        try t.waitFor("staat in de agenda")
        let store = try Store.open(at: t.store)
        let item = try #require(store.state.agenda.all.first { $0.title == "Ruilmarkt op de laatste vrijdag" })
        #expect(item.recurrence == Recurrence(unit: .month, weekOfMonth: .last, count: 4))
        let starts = RecurrenceExpansion.occurrences(of: item, from: item.start, to: item.start.addingTimeInterval(200 * 86_400), calendar: cal).map(\.start)
        #expect(starts.count == 4 && starts.allSatisfy { RecurrenceExpansion.weekOfMonth(of: $0, calendar: cal).isLast && LocalTime.time($0) == "19:30" })
    }

    @Test("in plain mode, in English, an editor cancels the next first Thursday from its detail: the rule and the choice are read out, the cancellation kept")
    func cancelInPlainMode() throws {
        let (dir, store) = try DemoStore.make("plain")
        defer { DemoStore.remove(dir) }
        let lines = [
            "profile", "bram.kuipers@demo.sociaalhus.example", "demo-Sleutel-Meeuw-90", "",
            "!agenda", "/Buurtmaaltijd", "1",            // the activity, opened from the list
            "u", "", "", "", "", "", "",                  // this time: the date and 'cancelled' kept, Save
            "q", "y",
        ]
        let (status, out) = try PlainModeTests.run(store: store, lines: lines, cwd: dir, lang: "en")
        #expect(status == 0)
        #expect(out.contains("Repeats         every month, on the first Thursday, 6 times"))
        #expect(out.contains("What happens. Options: 1 cancelled (chosen), 2 moved, 3 as planned."), "the choice is read out with its options")
        #expect(out.contains("The activity is cancelled on Thursday"), "\(out.suffix(800))")
        let item = try #require(Store.open(at: store).state.agenda.all.first { $0.recurrence.weekOfMonth == .first })
        #expect(item.recurrence.changes.filter(\.cancelled).map(\.original).contains(item.start), "the first time is cancelled now too")
    }
}
