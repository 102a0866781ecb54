import Foundation
import Testing
@testable import SociaalHusCore
@testable import SociaalHusUI
import TerminalKit

/// Plain mode as a unit: every screen of every role reachable and read out,
/// the idle warning said once and again at 10 s, and lines never redrawn.
@Suite(.serialized) struct PlainSessionTests {
    final class Lines: @unchecked Sendable { var all: [String] = [] }

    static func session(_ d: Driver) -> (PlainSession, Lines) {
        let lines = Lines()
        let s = PlainSession(app: d.app) { lines.all.append($0) }
        return (s, lines)
    }

    @Test("every tab and its first item, for every role, starts with the screen's name and says something",
          arguments: [nil, "anna", "sanne", "kees", "lotte", "yvonne"] as [String?])
    func everyScreen(as prefix: String?) {
        let d = Driver()
        if let prefix { d.logIn(prefix) }
        let (s, lines) = Self.session(d)
        s.start()
        for tab in ["agenda", "prikbord", "organisaties", "profiel", "intake", "berichten", "moderatie"] {
            // (With "!": on a form a typed word is the answer to its question.)
            s.handle(line: "!esc")
            let before = lines.all.count
            s.handle(line: "!" + tab)
            let said = Array(lines.all[before...])
            let title = d.app.current.title(d.app.ctx)
            #expect(said.contains { $0.hasPrefix(title) } || said.contains { $0.contains("doet hier niets") }, "\(prefix ?? "visitor") \(tab): \(said.prefix(3))")
            if let position = PlainSession.position(d.app.render(size: PlainSession.size).outline), position.of > 0 {
                let opened = lines.all.count
                s.handle(line: "1")
                #expect(lines.all.count > opened, "\(prefix ?? "visitor") \(tab): item 1 said nothing")
                s.handle(line: "!esc")
            }
        }
        #expect(!lines.all.contains { $0.contains("\u{1B}") })
    }

    @Test("the idle warning is said once, and again at 10 s; then the logout")
    func idleWarning() {
        let clock = FixedClock(fixedNow)
        let d = Driver(store: UIFixture.freshStore(clock: clock), idleTimeout: 60)
        d.logIn("anna")
        let (s, lines) = Self.session(d)
        s.start()
        func warnings() -> Int { lines.all.filter { $0.contains("Ben je er nog?") }.count }
        clock.set(fixedNow.addingTimeInterval(61))
        s.tick()
        #expect(warnings() == 1)
        for k in 1...15 {
            clock.set(fixedNow.addingTimeInterval(61 + Double(k)))
            s.tick()
        }
        #expect(warnings() == 1, "not every second")
        clock.set(fixedNow.addingTimeInterval(61 + 21))
        s.tick()
        #expect(warnings() == 2, "again at 10 s")
        clock.set(fixedNow.addingTimeInterval(61 + 31))
        s.tick()
        #expect(lines.all.contains { $0.contains("automatisch uitgelogd") })
    }

    @Test("a key typed while warned keeps the session, and a later warning is said again")
    func stayLoggedIn() {
        let clock = FixedClock(fixedNow)
        let d = Driver(store: UIFixture.freshStore(clock: clock), idleTimeout: 60)
        d.logIn("anna")
        let (s, lines) = Self.session(d)
        s.start()
        clock.set(fixedNow.addingTimeInterval(61))
        s.tick()
        s.handle(line: "")
        #expect(d.app.ctx.session != nil && !d.app.isCountingDown)
        clock.set(fixedNow.addingTimeInterval(200))
        s.tick()
        #expect(lines.all.filter { $0.contains("Ben je er nog?") }.count == 2)
    }

    @Test("odd lines are answered in words, never a crash: a bare !, a number too large, 0, a lone /, !!, a very long line, control characters")
    func oddLines() {
        let d = Driver()
        let (s, lines) = Self.session(d)
        s.start()
        for line in ["!", "99999999999999999999", "0", "/", "!esc", "!!x", String(repeating: "é", count: 20_000), "\u{1B}[2J", "!hyper-x", "144"] {
            let before = lines.all.count
            s.handle(line: line)
            #expect(d.app.running)
            if line == "99999999999999999999" || line == "144" {
                #expect(lines.all[before...].contains { $0.contains("er is geen nummer \(line)") }, "\(line)")
            }
            if line.hasPrefix("!h") || line == "!" { #expect(lines.all[before...].contains { $0.hasPrefix("FOUT: onbekende toets") }) }
        }
        #expect(!lines.all.contains { $0.contains("\u{1B}") }, "nothing typed reaches the output raw")
    }

    @Test("regression (review): a field can be emptied in plain mode (!leeg): the phone number taken off the profile")
    func emptyAField() throws {
        let d = Driver()
        d.logIn("anna")
        let (s, lines) = Self.session(d)
        s.start()
        s.handle(line: "!profiel")
        #expect(lines.all.last?.contains("Veld 5 van 33: Naam") == true, "a form is asked from its first field after the buttons to other screens: \(lines.all.suffix(2))")
        for _ in 0..<9 { s.handle(line: "") }
        #expect(lines.all.last?.contains("Telefoon") == true && lines.all.last?.contains("!leeg") == true, "\(lines.all.suffix(2))")
        s.handle(line: "!leeg")
        // The address, each interest of the list kept as it is, then Opslaan.
        for _ in 0..<(1 + PlatformCategory.all.count) { s.handle(line: "") }
        s.handle(line: "")
        #expect(lines.all.contains { $0.contains("Je profiel is opgeslagen.") }, "\(lines.all.suffix(4))")
        let anna = try #require(d.app.ctx.account)
        #expect(d.store.state.accounts[anna.id.rawValue]?.profile.phone == nil)
    }

    @Test("plain mode: a weekly digest chosen by its words, interests ticked one by one from the list, saved")
    func weeklyAndInterests() throws {
        let d = Driver()
        d.logIn("anna")
        let (s, lines) = Self.session(d)
        s.start()
        s.handle(line: "!profiel")
        // Name, wijk, photo, who sees you, then the four e-mail toggles: notifications from the wijk on.
        for answer in ["", "", "", "", "", "j", "", ""] { s.handle(line: answer) }
        #expect(lines.all.last?.contains("Notificaties") == true && lines.all.last?.contains("1× per week") == true, "\(lines.all.suffix(2))")
        s.handle(line: "1× per week")
        s.handle(line: "")
        s.handle(line: "")
        // Each category of the list is asked as a tick box, in the reader's language.
        for c in PlatformCategory.all {
            #expect(lines.all.last?.contains(Language.dutch.t(c.word)) == true, "\(lines.all.suffix(1))")
            s.handle(line: c.key == "mantelzorg" ? "j" : c.key == "cultuur" ? "n" : "")
        }
        s.handle(line: "")
        #expect(lines.all.contains { $0.contains("Je profiel is opgeslagen.") }, "\(lines.all.suffix(4))")
        let anna = try #require(d.app.ctx.account)
        let p = try #require(d.store.state.accounts[anna.id.rawValue]).profile
        #expect(p.digest == .weekly)
        #expect(p.interests == ["ontmoeting en eenzaamheid", "mantelzorg"], "\(p.interests)")
        #expect(p.email.wijkNotifications)
    }

    @Test("regression (review): every line gets an answer: a search without results, the same key twice, a filter's summary")
    func alwaysAnswered() {
        let d = Driver()
        let (s, lines) = Self.session(d)
        s.start()
        var before = lines.all.count
        s.handle(line: "/zzzzzz")
        #expect(lines.all[before...].contains { $0.contains("Geen activiteiten gevonden") }, "\(lines.all[before...])")
        s.handle(line: "!esc")
        before = lines.all.count
        s.handle(line: "f")
        #expect(lines.all[before...].contains { $0.contains("wijk: Centrum") }, "the filter says which wijk: \(lines.all[before...])")
        before = lines.all.count
        s.handle(line: "!end")
        s.handle(line: "!end")
        #expect(lines.all.count >= before + 2 && lines.all.last?.hasPrefix("Niets veranderd") == true, "\(lines.all[before...])")
        s.handle(line: "/koffie")
        s.handle(line: "/taal")
        #expect(lines.all.contains { $0.contains("Taalcaf") }, "a new search, not koffietaal")
    }
}
