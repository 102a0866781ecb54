import Foundation
import Testing
@testable import SociaalHusCore
@testable import SociaalHusUI
import TerminalKit

/// The frame around every screen: bars, help, quit, size, login and idle logout.
@Suite(.serialized) struct AppTests {
    @Test("a visitor sees 'bezoeker' and the keys of the screen") func visitor() {
        let d = Driver()
        let lines = d.grid.lines
        #expect(lines[0].contains("bezoeker"))
        #expect(lines[0].contains("[1 Agenda]"))
        #expect(lines[23].contains("? Help"))
        #expect(lines[23].contains("q Stoppen"))
    }

    @Test("q asks before quitting; n keeps running, j quits") func quit() {
        let d = Driver()
        d.press(.char("q"))
        #expect(d.screen.contains("Wil je SociaalHus afsluiten?"))
        d.press(.char("n"))
        #expect(d.app.running)
        d.press(.char("q"), .char("j"))
        #expect(!d.app.running)
    }

    @Test("below the minimum size a plain message, at any size no crash", arguments: [(59, 20), (60, 19), (1, 1), (0, 0), (10, 3)])
    func tooSmall(cols: Int, rows: Int) {
        let d = Driver(size: Size(cols: cols, rows: rows))
        let g = d.grid
        if cols > 0 && rows > 0 { #expect(g.lines[0].hasPrefix("Venster te klein".prefix(cols))) }
    }

    /// A client announcing a huge window (one ioctl from any ssh client) grew a session
    /// by gigabytes; the frame is drawn at most at the largest size served, with what is wrong.
    @Test("beyond the largest size a plain message in a frame of at most 80×24; keys do nothing",
          arguments: [(401, 24), (80, 151), (10000, 10000), (65535, 65535), (65535, 1), (1, 65535)])
    func tooLarge(cols: Int, rows: Int) {
        let d = Driver(size: Size(cols: cols, rows: rows))
        let g = d.grid
        #expect(g.size.cols <= 80 && g.size.rows <= 24)
        #expect(g.size == Size(cols: min(cols, 80), rows: min(rows, 24)))
        #expect(g.lines[0].hasPrefix("Venster te groot".prefix(cols)))
        if g.size.rows > 1 && cols >= 80 { #expect(g.lines[1].contains("maximaal 400×150, nu \(cols)×\(rows)")) }
        #expect(d.app.isWindowUnusable)
        let tab = d.app.tab
        d.press(.char("2"))
        #expect(d.app.tab == tab, "a key acted on a window too large to show it")
        d.size = Size(cols: 80, rows: 24)
        #expect(d.grid.lines[0].contains("[1 Agenda]"))
        #expect(!d.app.isWindowUnusable)
    }

    @Test("no more than 16 screens open on one tab; the next is refused with what to do")
    func stackBounded() {
        let d = Driver()
        for _ in 0..<40 { d.app.ctx.push(RootScreens.make(.organisaties, d.app.ctx)) }
        d.press(.function(12))
        #expect(d.screen.contains("Te veel schermen open (16): ga eerst terug met Esc."))
        // Esc goes back one screen at a time until the tab's first: count them.
        var depth = 1
        while depth < 100 {
            let before = ObjectIdentifier(d.app.current)
            d.press(.escape)
            if ObjectIdentifier(d.app.current) == before { break }
            depth += 1
        }
        #expect(depth == App.maximumStackDepth)
    }

    /// Found in review: Ctrl-P pushed the privacy statement past the limit (20 presses, 20 screens).
    @Test("Ctrl-P pressed again and again opens the privacy statement once; one Esc goes back")
    func privacyOnce() {
        let d = Driver()
        for _ in 0..<20 { d.press(.ctrl("p")) }
        #expect(d.app.current is PrivacyScreen)
        d.press(.escape)
        #expect(!(d.app.current is PrivacyScreen))
    }

    @Test("the window too large, in English") func tooLargeEnglish() {
        let d = Driver(lang: .english, size: Size(cols: 10000, rows: 10000))
        #expect(d.grid.lines[0].hasPrefix("Window too large"))
        #expect(d.grid.lines[1].contains("at most 400×150, now 10000×10000"))
    }

    @Test("the help is generated from the key table and lists every binding") func help() {
        let d = Driver(size: Size(cols: 80, rows: 80))
        d.press(.char("?"))
        let text = d.screen
        for b in d.app.activeBindings() { #expect(text.contains(b.help), "\(b.help)") }
        d.press(.escape)
        #expect(!d.app.hasModal)
    }

    @Test("login with a wrong password keeps the e-mail and clears the password") func wrongPassword() {
        let d = Driver()
        d.press(.char("4"))
        d.type("anna.devries@demo.sociaalhus.example")
        d.press(.tab)
        d.type("not the password")
        d.press(.enter, .enter)
        #expect(d.screen.contains("FOUT: E-mailadres of wachtwoord klopt niet."))
        #expect(d.screen.contains("anna.devries@demo.sociaalhus.example"))
        #expect(d.app.ctx.session == nil)
    }

    @Test("after the idle time a warning, a key keeps the session, silence logs out and clears") func idleLogout() {
        let clock = FixedClock(fixedNow)
        let d = Driver(store: UIFixture.freshStore(clock: clock), idleTimeout: 600)
        d.logIn("anna")
        #expect(d.app.ctx.session != nil)
        #expect(d.screen.contains("ingelogd"))
        clock.advance(601)
        d.app.tick()
        #expect(d.screen.contains("Ben je er nog?"))
        #expect(d.screen.contains("binnen 30 seconden"))
        d.press(.char("x"))
        #expect(d.app.ctx.session != nil, "one key keeps the session")
        clock.advance(601)
        d.app.tick()
        clock.advance(31)
        d.app.tick()
        #expect(d.app.ctx.session == nil)
        #expect(!d.screen.contains("Anna"))
        #expect(d.screen.contains("automatisch uitgelogd"))
    }

    @Test("no key conflicts on the screens a visitor reaches") func noConflicts() {
        let d = Driver()
        for tab in ["1", "2", "3", "4"] {
            d.press(.char(Character(tab)))
            #expect(KeyTable.conflicts(d.app.current.bindings(d.app.ctx)).isEmpty)
        }
    }
}

/// No keyboard traps: Esc leaves a text field on a first screen, so the screen keys work again.
@Suite struct KeyboardTrapTests {
    @Test func escapeLeavesTheLoginField() {
        let d = Driver()
        d.press(.char("4"))
        d.type("12")
        #expect(d.app.tab == .profiel, "digits are typed into the e-mail field")
        d.press(.escape)
        #expect(!d.app.current.capturesText)
        d.press(.char("1"))
        #expect(d.app.tab == .agenda)
    }

    @Test func logoutReturnsToTheAgenda() {
        let d = Driver()
        d.logIn("anna")
        d.press(.char("l"))
        #expect(d.app.ctx.session == nil)
        #expect(d.app.tab == .agenda)
    }
}

/// Two terminals on one store see each other's changes when a screen is opened again.
@Suite struct TwoTerminalTests {
    @Test func changesAppearOnReopen() throws {
        let one = Driver(size: Size(cols: 100, rows: 40))
        let two = Driver(size: Size(cols: 100, rows: 40), store: try Store.open(at: one.store.path, clock: FixedClock(fixedNow)))
        two.press(.char("2"))
        #expect(!two.screen.contains("Fietspomp te leen"))
        one.logIn("anna")
        one.press(.char("2"), .char("n"), .tab)
        one.type("Fietspomp te leen")
        one.press(.tab)
        one.type("Bij mij in de schuur")
        one.tabUntil("▌ [ Plaatsen ]")
        one.press(.enter)
        #expect(one.screen.contains("Je bericht staat op het prikbord."))
        two.press(.char("1"), .char("2"))
        #expect(two.screen.contains("Fietspomp te leen"))
    }
}

/// Golden screens of the frame: help, quit dialog, too small, privacy statement, organisation edit.
@Suite struct FrameGoldenTests {
    @Test(arguments: screenVariants)
    func frame(lang: Language, cols: Int, rows: Int, tag: String) {
        let d = Driver(lang: lang, size: Size(cols: cols, rows: rows))
        d.press(.char("?"))
        Golden.check(d.grid, "help-\(tag)")
        d.press(.escape, .char("q"))
        Golden.check(d.grid, "quit-\(tag)")
        d.press(.char("n"), .char("4"))
        d.tabUntil("rivacy")
        d.press(.enter)
        Golden.check(d.grid, "privacy-\(tag)")
        let e = Driver(lang: lang, size: Size(cols: cols, rows: rows))
        e.logIn("yvonne")
        e.press(.char("3"), .char("/"))
        e.type("voedselbank")
        e.press(.enter, .enter, .char("e"))
        Golden.check(e.grid, "organisaties-edit-\(tag)")
    }

    @Test func tooSmall() {
        let d = Driver(size: Size(cols: 59, rows: 19))
        Golden.check(d.grid, "too-small-59x19")
    }
}
