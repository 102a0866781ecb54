import Foundation
import Testing
@_spi(Operator) @testable import SociaalHusCore
@testable import SociaalHusUI
import TerminalKit

/// A block takes effect everywhere at once. Two connections on one store
/// folder, as two terminals (or a terminal and `sociaalhus account block`) are: the session of
/// the account blocked or erased at the other ends at the next idle tick (within a second),
/// with a dialog saying why and whom to ask.
@Suite(.serialized) struct BlockedSessionTests {
    /// A second connection to the driver's store: the administrator's terminal or the command line.
    static func elsewhere(_ d: Driver) throws -> Store {
        try Store.open(at: d.store.path, clock: FixedClock(fixedNow))
    }

    @Test("regression: an account blocked elsewhere is logged out at the next tick, told why and whom to ask, in Dutch and English",
          arguments: [Language.dutch, .english])
    func blockedElsewhere(lang: Language) throws {
        let d = Driver(lang: lang)
        d.logIn("anna")
        let anna = try #require(d.app.ctx.account)
        try Self.elsewhere(d).setBlocked(anna.id, blocked: true, reason: "Spam op het prikbord", by: .commandLine)
        d.app.tick()
        #expect(d.app.ctx.session == nil, "logged out")
        let screen = d.screen
        let top = d.grid.lines[0]
        #expect(top.contains(lang == .dutch ? "bezoeker" : "visitor"), "\(top)")
        if lang == .dutch {
            #expect(screen.contains("Uitgelogd"), "\(screen)")
            #expect(screen.contains("Je account is geblokkeerd door de beheerder"), "\(screen)")
            #expect(screen.contains("balie van het Sociaal Hus"), "\(screen)")
            #expect(screen.contains("opheffen"), "\(screen)")
        } else {
            #expect(screen.contains("Your account was blocked"), "\(screen)")
            #expect(screen.contains("Sociaal Hus desk"), "\(screen)")
            #expect(screen.contains("lift"), "\(screen)")
        }
        // The dialog stays on a shared terminal: neither the reason nor the person's name.
        #expect(!screen.contains("Spam"), "\(screen)")
        #expect(!screen.contains("Anna"), "\(screen)")
        // Any key closes it; the message line still says it until the next key.
        d.press(.char("x"))
        #expect(!d.app.hasModal)
        #expect(d.screen.contains(lang == .dutch ? "je account is geblokkeerd" : "your account is blocked"), "\(d.screen)")
        // Logging in again is refused, as before.
        d.logIn("anna")
        #expect(d.app.ctx.session == nil)
    }

    @Test("regression: the session ends even while the idle warning or a question is shown")
    func overAModal() throws {
        let clock = FixedClock(fixedNow)
        let d = Driver(store: UIFixture.freshStore(clock: clock), idleTimeout: 60)
        d.logIn("anna")
        let anna = try #require(d.app.ctx.account)
        clock.advance(61)
        d.app.tick()
        #expect(d.app.isCountingDown)
        try Self.elsewhere(d).setBlocked(anna.id, blocked: true, by: .commandLine)
        d.app.tick()
        #expect(d.app.ctx.session == nil)
        #expect(d.app.isShowingSessionEnd && !d.app.isCountingDown)
        #expect(d.screen.contains("geblokkeerd"))
    }

    @Test("what was being typed is named as not kept; the intake draft of a blocked desk account is not written")
    func typedInput() throws {
        let d = Driver(size: Size(cols: 120, rows: 40))
        d.logIn("lotte")
        let lotte = try #require(d.app.ctx.account)
        d.press(.char("5"), .char("n"))
        d.type("Vraag van een bewoner")
        try Self.elsewhere(d).setBlocked(lotte.id, blocked: true, by: .commandLine)
        d.app.tick()
        #expect(d.app.ctx.session == nil)
        #expect(d.screen.contains("Niet bewaard: Intake › Nieuw gesprek"), "\(d.screen)")
        // The core refuses a blocked account's draft: nothing of the resident's question stays.
        try Self.elsewhere(d).setBlocked(lotte.id, blocked: false, by: .commandLine)
        d.press(.escape)
        d.logIn("lotte")
        d.press(.char("5"), .char("n"))
        #expect(!d.screen.contains("Vraag van een bewoner"), "no draft was kept for the blocked account")
    }

    @Test("regression: an account erased elsewhere is logged out too, saying so")
    func erasedElsewhere() throws {
        let d = Driver()
        d.logIn("anna")
        let anna = try #require(d.app.ctx.account)
        _ = try Self.elsewhere(d).erase(anna.id, by: .commandLine)
        d.app.tick()
        #expect(d.app.ctx.session == nil)
        #expect(d.screen.contains("Je account bestaat niet meer"), "\(d.screen)")
    }

    @Test("an account changed elsewhere but not blocked keeps its session; unblocking is not a logout")
    func unrelatedChange() throws {
        let d = Driver()
        d.logIn("anna")
        let anna = try #require(d.app.ctx.account)
        let other = try Self.elsewhere(d)
        try other.setEmailPreference(.newsletter, to: true, for: anna.id, by: .account(anna))
        d.app.tick()
        #expect(d.app.ctx.session == anna.id)
        #expect(!d.app.hasModal)
    }

    /// Keys that keep coming, one every 100 ms of real time, as someone typing without a pause.
    final class TypingTerminal: Terminal {
        var size = Size.standard
        var typed = 0
        func present(_ grid: Grid) {}
        func readKey(timeoutMilliseconds: Int) -> Key? {
            usleep(100_000)
            typed += 1
            return .char("a")
        }
    }

    @Test("regression: someone typing without a pause (no idle tick) is still logged out within two seconds")
    func whileTyping() throws {
        let d = Driver()
        d.logIn("anna")
        let anna = try #require(d.app.ctx.account)
        d.press(.char("2"), .char("n"), .tab)
        #expect(d.app.current.capturesText)
        let runner = AppRunner(app: d.app, terminal: TypingTerminal())
        runner.step()
        try Self.elsewhere(d).setBlocked(anna.id, blocked: true, by: .commandLine)
        let blocked = Date()
        while d.app.ctx.session != nil, Date().timeIntervalSince(blocked) < 4 { runner.step() }
        let seconds = Date().timeIntervalSince(blocked)
        #expect(d.app.ctx.session == nil)
        #expect(seconds < 2, "logged out after \(seconds) s")
    }

    @Test("plain mode says it at once, without a typed line")
    func plainMode() throws {
        let d = Driver()
        d.logIn("anna")
        let anna = try #require(d.app.ctx.account)
        final class Lines: @unchecked Sendable { var all: [String] = [] }
        let lines = Lines()
        let s = PlainSession(app: d.app) { lines.all.append($0) }
        s.start()
        let before = lines.all.count
        try Self.elsewhere(d).setBlocked(anna.id, blocked: true, by: .commandLine)
        s.tick()
        let said = lines.all[before...].joined(separator: "\n")
        #expect(d.app.ctx.session == nil)
        #expect(said.contains("Uitgelogd") && said.contains("Je account is geblokkeerd") && said.contains("balie van het Sociaal Hus"), "\(said)")
    }

    @Test("regression: the block dialog says a block can be lifted, not that it cannot be undone")
    func blockDialog() throws {
        let d = Driver(size: Size(cols: 120, rows: 40))
        try d.reportCatPost()
        let fatima = d.account("fatima")
        d.logIn("bram")
        d.press(.char("7"), .enter, .char("b"))
        let screen = d.screen
        #expect(screen.contains("blokkeren?"), "\(screen)")
        #expect(!screen.contains("niet ongedaan"), "\(screen)")
        #expect(screen.contains("blokkade later opheffen") && screen.contains("account unblock"), "\(screen)")
        d.press(.escape)
        #expect(d.store.ownAccount(fatima.id)?.blocked == false, "Esc blocks nothing")
    }
}
