import Foundation
import Testing
@testable import SociaalHusCore
@testable import SociaalHusUI
import TerminalKit

/// The line the cursor is on: what a braille display shows, and what Fenrir reads on a move.
private func cursorLine(_ g: Grid) -> String {
    guard let c = g.cursor else { return "" }
    return g.lines[c.y]
}

/// A new status or error message reaches the cursor, so a braille display that
/// follows the cursor shows it; the next key gives the cursor back to the focused field.
@Suite struct MessageCursorTests {
    @Test("a wrong password: the frame with the error has the cursor on 'FOUT: …'; the next key types in the field and the cursor is back on it",
          arguments: [Language.dutch, .english])
    func errorTakesCursor(lang: Language) {
        let d = Driver(lang: lang)
        d.press(.char("4"))
        d.type("anna.devries@demo.sociaalhus.example")
        let field = d.grid.cursor!
        d.press(.tab)
        d.type("not the password")
        d.press(.enter, .enter)
        let g = d.grid
        #expect(cursorLine(g).hasPrefix(lang == .dutch ? "FOUT: E-mailadres of wachtwoord klopt niet." : "ERROR: "), "\(g.text)")
        #expect(g.cursor?.x == 0)
        // Nothing happens meanwhile: every frame keeps the cursor on the message (idle ticks redraw).
        d.app.tick()
        #expect(cursorLine(d.grid) == cursorLine(g))
        d.type("x")
        let after = d.grid
        #expect(!cursorLine(after).contains("FOUT") && !cursorLine(after).contains("ERROR"), "\(after.text)")
        #expect(after.cursor?.y == field.y + 1 || after.cursor?.y == field.y, "back on a field of the form: \(after.text)")
        #expect(d.app.ctx.message == nil)
    }

    @Test("a message that comes without a key (the automatic logout) takes the cursor too")
    func tickMessageTakesCursor() {
        let clock = FixedClock(fixedNow)
        let d = Driver(store: UIFixture.freshStore(clock: clock), idleTimeout: 600)
        d.logIn("anna")
        d.press(.char("1"))
        #expect(!cursorLine(d.grid).hasPrefix("»"))
        clock.advance(601)
        d.app.tick()
        clock.advance(31)
        d.app.tick()
        #expect(cursorLine(d.grid).hasPrefix("» Je bent automatisch uitgelogd"), "\(d.screen)")
        d.press(.down)
        #expect(!cursorLine(d.grid).hasPrefix("»"))
    }

    @Test("a key that leaves no new message keeps the cursor on the focused element (no message line, no jump)")
    func noMessageNoJump() {
        let d = Driver()
        d.press(.char("1"))
        let before = d.grid.cursor
        d.press(.down, .up)
        #expect(d.grid.cursor?.y == before?.y)
        #expect(d.app.cursorOnMessage == false)
    }
}

/// The bottom bar at 80×24, every tab, both languages, a visitor and accounts with more tabs:
/// whole entries only, ending with the help key when not all fit; Esc where it works.
@Suite struct StatusBarTests {
    static let accounts: [String?] = [nil, "anna", "lotte", "bram"]

    @Test("every tab at 80×24: the bar ends with the help key or holds every entry; never cut inside an entry",
          arguments: [Language.dutch, .english], accounts)
    func everyTab(lang: Language, who: String?) {
        let d = Driver(lang: lang, size: Size(cols: 80, rows: 24))
        if let who { d.logIn(who) }
        for tab in Tab.visible(to: d.app.ctx.viewer) {
            d.press(.char(Character(String(tab.rawValue + 1))))
            if d.app.current.capturesText { d.press(.escape) }
            let bar = d.grid.lines[23].trimmingCharacters(in: .whitespaces)
            let offered = d.app.statusBarBindings().filter(\.inStatusBar)
            let entries = offered.map { $0.keys[0].name(english: lang == .english) + " " + $0.label }
            let all = entries.joined(separator: "  ")
            #expect(bar == all || bar.hasSuffix("? Help"), "\(tab) \(lang): \(bar)")
            // Every entry shown is whole: the bar is made only of offered entries.
            for part in bar.components(separatedBy: "  ") { #expect(entries.contains(part), "\(tab): '\(part)' in \(bar)") }
            #expect(bar.contains("? Help"), "\(tab) \(lang): \(bar)")
        }
    }

    @Test("regression: the Prikbord bar for a visitor kept 'q Stoppen' and lost nothing else but had no room for help; now it ends with '? Help'")
    func prikbord() {
        let d = Driver(lang: .english, size: Size(cols: 80, rows: 24))
        d.press(.char("2"))
        let bar = d.grid.lines[23].trimmingCharacters(in: .whitespaces)
        #expect(bar.hasSuffix("? Help"), "\(bar)")
        #expect(bar.contains("n New (after logging in)"))
    }

    @Test("Esc is in the bar where it goes back (a screen under this one) or leaves a text field, and not on a first screen",
          arguments: [Language.dutch, .english])
    func escWhereItWorks(lang: Language) {
        let d = Driver(lang: lang, size: Size(cols: 80, rows: 24))
        let back = lang == .dutch ? "Esc Terug" : "Esc Back"
        d.press(.char("1"))
        #expect(!d.grid.lines[23].contains("Esc"))
        d.press(.enter)  // an activity
        #expect(d.app.current is AgendaDetailScreen)
        #expect(d.grid.lines[23].contains(back), "\(d.grid.lines[23])")
        d.press(.escape)
        d.press(.char("2"))
        d.press(.enter)
        #expect(d.grid.lines[23].contains(back), "\(d.grid.lines[23])")
        d.press(.char("4"))  // the login form: in a text field
        #expect(d.grid.lines[23].contains(lang == .dutch ? "Esc Veld verlaten" : "Esc Leave field"), "\(d.grid.lines[23])")
    }
}

/// The top bar at 80×24: every tab keeps a name (full or short), and who is logged in shows.
@Suite struct TopBarTests {
    @Test("every tab, both languages, visitor, resident, desk and administrator: each tab's number comes with a name",
          arguments: [Language.dutch, .english], StatusBarTests.accounts)
    func namesAt80(lang: Language, who: String?) {
        let d = Driver(lang: lang, size: Size(cols: 80, rows: 24))
        if let who { d.logIn(who) }
        let l = LanguageText(lang)
        let tabs = Tab.visible(to: d.app.ctx.viewer)
        for tab in tabs {
            d.press(.char(Character(String(tab.rawValue + 1))))
            if d.app.current.capturesText { d.press(.escape) }
            let top = d.grid.lines[0]
            for t in tabs {
                let n = t.rawValue + 1
                #expect(top.contains("\(n) \(t.name(l))") || top.contains("\(n) \(Chrome.shortName(t, l))"), "tab \(n) unnamed on \(tab): \(top)")
            }
            if let who {
                let name = UIFixture.account(who).email.prefix(4)
                #expect(top.lowercased().contains("demo " + name), "who is logged in: \(top)")
            } else {
                #expect(top.contains(lang == .dutch ? "bezoeker" : "visitor"))
            }
        }
    }

    @Test("regression: 80×24 in English showed '1 2 3 4 6' without names") func englishVisitor() {
        let d = Driver(lang: .english, size: Size(cols: 80, rows: 24))
        d.logIn("anna")
        #expect(d.grid.lines[0].contains("2 Board 3 Orgs"), "\(d.grid.lines[0])")
    }
}

/// Smaller findings in the frame, for screen readers and braille displays.
@Suite struct FrameFindingsTests {
    @Test("'Venster te klein' says the minimum size and that --plain works at any size", arguments: [Language.dutch, .english])
    func tooSmallSaysPlain(lang: Language) {
        let d = Driver(lang: lang, size: Size(cols: 59, rows: 20))
        let text = d.screen
        #expect(text.contains(lang == .dutch ? "minimaal 60×20" : "at least 60×20"))
        #expect(text.contains("sociaalhus --plain"))
        #expect(text.contains(lang == .dutch ? "elke grootte" : "any size"))
        // Narrow: wrapped, every word still there.
        let narrow = Driver(lang: lang, size: Size(cols: 30, rows: 10)).screen
        #expect(narrow.contains("--plain"), "\(narrow)")
    }

    @Test("the idle countdown changes only at its steps of 10 seconds: ticks within a step draw the same frame")
    func countdownSteps() {
        let clock = FixedClock(fixedNow)
        let d = Driver(store: UIFixture.freshStore(clock: clock), idleTimeout: 600)
        d.logIn("anna")
        clock.advance(601)
        d.app.tick()
        let first = d.grid
        #expect(first.text.contains("binnen 30 seconden"))
        var frames = [first]
        for _ in 0..<9 {
            clock.advance(1)
            d.app.tick()
            frames.append(d.grid)
        }
        #expect(frames.allSatisfy { $0 == first }, "a tick within the step changed the frame")
        clock.advance(1)
        d.app.tick()
        #expect(d.screen.contains("binnen 20 seconden"))
        clock.advance(10)
        d.app.tick()
        #expect(d.screen.contains("binnen 10 seconden"))
        clock.advance(10)
        d.app.tick()
        #expect(d.app.ctx.session == nil)
    }

    @Test("countdown steps", arguments: [(30, 30), (29, 30), (21, 30), (20, 20), (11, 20), (10, 10), (1, 10), (0, 0)])
    func steps(left: Int, shown: Int) { #expect(App.countdownStep(left) == shown) }
}

/// The month view marks today, in text (not only colour), by the store's clock.
@Suite struct MonthTodayTests {
    @Test("today is starred in its cell and named under the heading; another month has no star; the spoken row says 'vandaag'",
          arguments: [(24, 11, "dinsdag 24 november"), (3, 12, "donderdag 3 december")])
    func today(day: Int, month: Int, name: String) throws {
        let now = amsterdamCalendar().date(from: DateComponents(year: 2026, month: month, day: day, hour: 10))!
        let d = Driver(size: Size(cols: 80, rows: 24), store: UIFixture.freshStore(clock: FixedClock(now)))
        d.press(.char("m"), .char("t"))
        let s = d.screen
        #expect(s.contains("[\(day)*"), "\(s)")
        #expect(s.contains("* = vandaag, " + name), "\(s)")
        #expect(d.grid.outline.contains { if case .row(let text, _, true) = $0 { text.contains("(vandaag)") } else { false } })
        // Another day chosen: today keeps its star without the brackets.
        d.press(.right)
        #expect(d.screen.contains(" \(day)*"), "\(d.screen)")
        d.press(.pageDown)
        #expect(!d.screen.contains("*"), "\(d.screen)")
    }
}
