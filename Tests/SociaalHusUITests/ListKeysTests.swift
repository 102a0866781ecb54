import Foundation
import Testing
@testable import SociaalHusCore
@testable import SociaalHusUI
import TerminalKit

/// Home/End and PgUp/PgDn in every list, `t` for today, the week view on the
/// chosen activity's week, and one count in the agenda's header and its scroll marker.
@Suite(.serialized) struct ListKeysTests {
    /// The selected row's text (after the "▌ ").
    static func selected(_ d: Driver) -> String? {
        d.screen.split(separator: "\n").first { $0.hasPrefix("▌ ") }.map { String($0.dropFirst(2)) }
    }

    /// The agenda header's count "(N)" and the marker's "i / N".
    static func counts(_ d: Driver) -> (header: Int?, number: Int?, of: Int?) {
        let s = d.screen
        let header = s.firstMatch(of: /wijken \((\d+)\)/).flatMap { Int($0.1) }
        let marker = s.firstMatch(of: /(\d+) \/ (\d+)/)
        return (header, marker.flatMap { Int($0.1) }, marker.flatMap { Int($0.2) })
    }

    @Test("agenda: the marker counts what the header counts; End goes to the last activity (no ↓ left), Home to the first (no ↑)")
    func agendaHomeEnd() throws {
        let d = Driver()
        let total = try d.store.agendaListing(AgendaQuery(from: fixedNow, days: 56), viewer: .visitor).count
        #expect(Self.counts(d) == (total, 1, total))
        #expect(d.screen.contains(" ↓") && !d.screen.contains("↑ "))
        d.press(.end)
        #expect(Self.counts(d) == (total, total, total))
        #expect(!d.screen.contains(" ↓") && d.screen.contains("↑ "))
        let last = try #require(try d.store.agendaListing(AgendaQuery(from: fixedNow, days: 56), viewer: .visitor).occurrence(at: total - 1))
        #expect(Self.selected(d)?.contains(last.item.title) == true)
        d.press(.pageUp)
        #expect(Self.counts(d).number == total - 10)
        d.press(.home)
        #expect(Self.counts(d) == (total, 1, total))
        d.press(.pageDown, .pageDown)
        #expect(Self.counts(d).number == 21)
        // t: back to today's first activity.
        d.press(.char("t"))
        #expect(Self.counts(d).number == 1)
    }

    @Test("agenda: the week view opens on the week of the chosen activity, with it chosen; back in the list it stays chosen")
    func weekOfChosen() throws {
        let d = Driver()
        let listing = try d.store.agendaListing(AgendaQuery(from: fixedNow, days: 56), viewer: .visitor)
        // An activity three weeks or more ahead.
        let far = try #require((0..<listing.count).first { listing.occurrence(at: $0)!.start > fixedNow.addingTimeInterval(21 * 86_400) })
        let o = try #require(listing.occurrence(at: far))
        for _ in 0..<far { d.press(.down) }
        #expect(Self.selected(d)?.contains(o.item.title) == true)
        d.press(.char("w"))
        let week = amsterdamCalendar().component(.weekOfYear, from: o.start)
        #expect(d.screen.contains("Week \(week)"), "\(d.screen)")
        #expect(Self.selected(d)?.contains(o.item.title) == true, "\(d.screen)")
        d.press(.char("w"))
        #expect(Self.counts(d).number == far + 1)
        // t in the week view: this week again.
        d.press(.char("w"), .char("t"))
        #expect(d.screen.contains("Week \(amsterdamCalendar().component(.weekOfYear, from: fixedNow))"))
    }

    @Test("Home and End in the other lists and in a page of text", arguments: ["2", "3"])
    func otherLists(tab: String) throws {
        let d = Driver()
        d.press(.char(Character(tab)))
        let first = Self.selected(d)
        d.press(.end)
        let last = Self.selected(d)
        #expect(last != nil && last != first)
        #expect(!d.screen.contains(" ↓"))
        d.press(.home)
        #expect(Self.selected(d) == first)
        // A detail page: End shows its end, Home its start.
        d.press(.enter)
        let top = d.screen
        d.press(.end)
        d.press(.home)
        #expect(d.screen == top)
    }

    @Test("the help scrolls with End and then ↑ at once (it no longer counts past its end)")
    func helpEnd() {
        let d = Driver()
        d.press(.char("?"))
        let top = d.screen
        d.press(.end)
        let bottom = d.screen
        #expect(bottom != top)
        d.press(.up)
        #expect(d.screen != bottom)
        d.press(.home)
        #expect(d.screen == top)
    }

    @Test("the month view: a grid of days with their counts, arrows by day and week, PgDn by month, Enter opens the day with that many activities")
    func monthView() throws {
        let d = Driver(size: Size(cols: 100, rows: 30))
        d.press(.char("m"))
        #expect(d.screen.contains("Maandoverzicht") && d.screen.contains("Maand november 2026"))
        for name in ["ma", "di", "wo", "do", "vr", "za", "zo"] { #expect(d.screen.contains(" " + name + " ")) }
        // From the chosen activity's day (the first one listed) a week and a day on.
        let first = try #require(try d.store.agendaListing(AgendaQuery(from: fixedNow, days: 56), viewer: .visitor).occurrence(at: 0))
        d.press(.down, .right)
        let day = amsterdamCalendar().date(byAdding: .day, value: 8, to: amsterdamCalendar().startOfDay(for: first.start))!
        let expected = try d.store.agendaListing(AgendaQuery(from: day, days: 1), viewer: .visitor).count
        let n = amsterdamCalendar().component(.day, from: day)
        #expect(d.screen.contains("[\(n)" + (expected > 0 ? " (\(expected))]" : "]")), "\(d.screen)")
        d.press(.enter)
        #expect(d.screen.contains("Activiteiten op deze dag (\(expected))"))
        d.press(.escape, .pageDown)
        #expect(d.screen.contains("Maand januari 2027"), "PgDn from December")
        d.press(.char("t"))
        #expect(d.screen.contains("Maand november 2026") && d.screen.contains("[24"), "today is 24 November")
        d.press(.escape)
        #expect(d.screen.contains("Alle wijken"))
    }

    @Test("regression (review): a day's count in the month is what opening the day lists, an activity over several days included; plain mode says where the choice is")
    func monthCountsRunningActivities() throws {
        let d = Driver(size: Size(cols: 100, rows: 30))
        let org = try #require(d.store.organisations(for: .visitor).first)
        let start = amsterdamCalendar().date(from: DateComponents(year: 2026, month: 11, day: 30, hour: 20))!
        try d.store.update { tx in
            tx.put(AgendaItem(id: tx.nextID(.agenda), title: "Driedaagse", start: start, end: start.addingTimeInterval(40 * 3_600), location: "Kern", organisation: org.id))
        }
        d.press(.char("m"))
        let first = amsterdamCalendar().date(from: DateComponents(year: 2026, month: 12, day: 1))!
        let listed = try d.store.agendaListing(AgendaQuery(from: first, days: 1), viewer: .visitor).count
        #expect(listed > 0)
        d.press(.pageDown)  // December, on the 30th? the chosen day moves a month
        d.press(.home)
        #expect(d.screen.contains("[1 (\(listed))]"), "\(d.screen)")
        d.press(.enter)
        #expect(d.screen.contains("Activiteiten op deze dag (\(listed))"))
        d.press(.escape)
        let lines = PlainSessionTests.Lines()
        let session = PlainSession(app: d.app) { lines.all.append($0) }
        session.start()
        session.handle(line: "l")
        #expect(lines.all.last?.hasPrefix("2 van 31: ") == true, "\(lines.all.suffix(2))")
        session.handle(line: "5")
        #expect(lines.all.contains { $0.contains("5 december") && $0.contains(" activiteit") }, "\(lines.all.suffix(3))")
    }
}

/// Under Fenrir Esc is "stop speech", so Backspace goes back where it types nothing.
@Suite struct BackspaceBackTests {
    @Test("Backspace closes an opened activity as Esc does; in a text field it deletes")
    func backspace() {
        let d = Driver()
        d.press(.enter)
        #expect(d.app.current is AgendaDetailScreen)
        d.press(.backspace)
        #expect(d.app.current is AgendaScreen, "back to the list")
        d.press(.char("4"))
        d.type("ab")
        d.press(.backspace)
        #expect(d.screen.contains("a") && d.app.current is LoginScreen, "typed text loses a letter, the screen stays")
        #expect(PlainSession.fields(d.grid.outline).first?.value == "a")
        #expect(d.app.activeBindings().contains { $0.action == .back && $0.keys.contains(.backspace) }, "the help lists it")
        // The table `sociaalhus keys` prints and a keys file moves says the same.
        #expect(KeyMap.defaults.first { $0.0 == .back }?.1 == [.escape, .backspace])
        #expect(KeyTable.global(LanguageText(.dutch)).first { $0.action == .back }?.keys == [.escape, .backspace])
        // A keys file that gives "back" other keys takes Backspace's going back with it.
        let moved = Driver()
        moved.app.ctx.keyMap = KeyMap.parse("back  Esc B\n").0
        moved.press(.enter)
        moved.press(.backspace)
        #expect(moved.app.current is AgendaDetailScreen, "Backspace no longer goes back")
        moved.press(.char("B"))
        #expect(moved.app.current is AgendaScreen)
    }
}
