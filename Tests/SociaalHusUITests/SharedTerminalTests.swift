import Foundation
import Testing
@_spi(Operator) @testable import SociaalHusCore
@testable import SociaalHusUI
import TerminalKit

/// A shared terminal forgets. Every way a session ends asks the terminal,
/// through the run loop, to clear its screen and scrollback before the next frame; nothing else
/// does (a clear while someone works would be a flash for nothing).
@Suite struct SharedTerminalTests {
    /// Anna logged in on the Agenda tab, driven by the real run loop on a terminal in memory.
    static func loggedIn(clock: FixedClock = FixedClock(fixedNow), idleTimeout: TimeInterval = 600) -> (Driver, AppRunner, HeadlessTerminal) {
        let d = Driver(store: UIFixture.freshStore(clock: clock), idleTimeout: idleTimeout)
        let terminal = HeadlessTerminal()
        let runner = AppRunner(app: d.app, terminal: terminal)
        d.logIn("anna")
        d.press(.char("1"))
        runner.step(timeoutMilliseconds: 0)
        return (d, runner, terminal)
    }

    @Test("logging out by key (Profiel, Esc out of the field, l) clears once, and the frame after is drawn whole")
    func keyLogout() {
        let (d, runner, terminal) = Self.loggedIn()
        #expect(terminal.forgetCount == 0, "logging in and working clears nothing")
        terminal.keys = [.char("4"), .escape, .char("l")]
        for _ in 0..<3 { runner.step(timeoutMilliseconds: 0) }
        #expect(d.app.ctx.session == nil)
        #expect(terminal.forgetCount == 1)
        runner.step(timeoutMilliseconds: 0)
        #expect(terminal.last?.text.contains("Anna") == false)
        #expect(terminal.last?.text.contains("bezoeker") == true, "drawn again after the clear")
    }

    @Test("the automatic logout after the idle time clears")
    func idleLogout() {
        let clock = FixedClock(fixedNow)
        let (d, runner, terminal) = Self.loggedIn(clock: clock)
        clock.advance(601)
        runner.step(timeoutMilliseconds: 0)  // the warning
        #expect(terminal.forgetCount == 0)
        clock.advance(31)
        runner.step(timeoutMilliseconds: 0)
        #expect(d.app.ctx.session == nil)
        #expect(terminal.forgetCount == 1)
    }

    @Test("a session ended elsewhere (the account blocked at another terminal) clears")
    func blockedElsewhere() throws {
        let (d, runner, terminal) = Self.loggedIn()
        let anna = try #require(d.app.ctx.account)
        try BlockedSessionTests.elsewhere(d).setBlocked(anna.id, blocked: true, by: .commandLine)
        runner.step(timeoutMilliseconds: 0)
        #expect(d.app.ctx.session == nil)
        #expect(terminal.forgetCount == 1)
    }

    @Test("keys that do not end a session never clear")
    func workingDoesNotClear() {
        let (_, runner, terminal) = Self.loggedIn()
        terminal.keys = [.down, .down, .enter, .escape, .char("2"), .char("3"), .char("?"), .escape]
        for _ in 0..<10 { runner.step(timeoutMilliseconds: 0) }
        #expect(terminal.forgetCount == 0)
    }
}
