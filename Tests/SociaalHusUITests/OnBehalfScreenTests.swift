import Foundation
import Testing
@testable import SociaalHusCore
@testable import SociaalHusUI
import TerminalKit

/// Helping at the desk ("namens"), as the desk types it: Intake › h, the
/// resident's address and a reason, then the resident types their password into a field of dots;
/// the top bar says "namens" on every screen, Ctrl-N, logging out and 30 minutes end it.
@Suite(.serialized) struct OnBehalfScreenTests {
    /// Lotte at the desk, helping Anna after Anna typed her password; returns what the screen
    /// showed while Anna typed.
    @discardableResult
    static func startHelping(_ d: Driver) -> String {
        d.logIn("lotte")
        d.press(.char("5"), .char("h"))
        d.type(UIFixture.account("anna").email)
        d.press(.tab, .tab, .char(" "), .tab, .enter)
        let password = UIFixture.account("anna").password
        d.type(password)
        let typing = d.screen
        d.press(.enter)
        return typing
    }

    @Test("regression: the desk acts for the resident after the resident's own password, never shown; namens on every screen")
    func flow() throws {
        let d = Driver()
        let typing = Self.startHelping(d)
        let password = UIFixture.account("anna").password
        #expect(!typing.contains(password), "the password is shown as dots")
        #expect(typing.contains("Demo Anna de Vries"), "the resident sees whom it is about: \(typing)")
        #expect(d.app.ctx.onBehalf != nil, "\(d.screen)")
        #expect(d.app.ctx.account?.profile.displayName == "Demo Anna de Vries")
        for tab in ["1", "2", "3", "4", "6"] {
            d.press(.char(Character(tab)))
            #expect(d.grid.lines[0].contains("namens Demo Anna de Vries"), "tab \(tab): \(d.grid.lines[0])")
        }
        #expect(!d.screen.contains(password))
        // The desk's own records are not there while helping.
        d.press(.char("5"))
        #expect(!d.grid.lines[0].contains("5 Intake"), "\(d.grid.lines[0])")
        // The password cannot be changed on the resident's behalf.
        d.press(.char("4"), .escape, .char("p"))
        #expect(d.screen.contains("Dit kan niet namens iemand anders"), "\(d.screen)")
        #expect(!(d.app.current is ChangePasswordScreen))
        // Ctrl-N ends it: Lotte is herself again, on the Intake tab.
        d.press(.ctrl("n"))
        #expect(d.app.ctx.onBehalf == nil)
        #expect(d.app.ctx.account?.profile.displayName == "Demo Lotte Meijer")
        #expect(!d.grid.lines[0].contains("namens"))
        // Anna's log names Lotte for what was done and says it began and ended.
        let anna = try d.store.account(email: UIFixture.account("anna").email)
        let export = try d.store.export(anna.id, by: .account(anna), recordAudit: false)
        #expect(export.auditEvents.contains { $0.action == "on-behalf-started" && $0.byName == "Demo Lotte Meijer" })
        #expect(export.auditEvents.contains { $0.action == "on-behalf-ended" && $0.target == "ended" })
    }

    @Test("a wrong password is refused and the field emptied; the desk stays itself")
    func wrongPassword() throws {
        let d = Driver()
        d.logIn("lotte")
        d.press(.char("5"), .char("h"))
        d.type(UIFixture.account("anna").email)
        d.press(.tab, .tab, .char(" "), .tab, .enter)
        d.type("geraden-wachtwoord")
        d.press(.enter)
        #expect(d.app.ctx.onBehalf == nil)
        #expect(d.screen.contains("Dat wachtwoord of die code klopt niet"), "\(d.screen)")
        #expect(!d.screen.contains("•••"), "the field is emptied")
    }

    @Test("regression: after 30 minutes it ends by itself, with a dialog; logging out ends it too")
    func ends() throws {
        let clock = FixedClock(fixedNow)
        let d = Driver(store: UIFixture.freshStore(clock: clock), idleTimeout: 3600)
        Self.startHelping(d)
        #expect(d.app.ctx.onBehalf != nil)
        clock.advance(29 * 60)
        d.app.tick()
        #expect(d.app.ctx.onBehalf != nil)
        clock.advance(60)
        d.app.tick()
        #expect(d.app.ctx.onBehalf == nil)
        #expect(d.screen.contains("de 30 minuten zijn om"), "\(d.screen)")
        #expect(d.app.ctx.account?.profile.displayName == "Demo Lotte Meijer")
        d.press(.char("x"))
        // Again, and then Profiel › Uitloggen: both sessions end, and the log says so.
        d.press(.char("h"))
        d.type(UIFixture.account("anna").email)
        d.press(.tab, .tab, .char(" "), .tab, .enter)
        d.type(UIFixture.account("anna").password)
        d.press(.enter)
        #expect(d.app.ctx.onBehalf != nil, "\(d.screen)")
        d.press(.char("4"), .escape, .char("l"))
        #expect(d.app.ctx.onBehalf == nil && d.app.ctx.session == nil)
        let ends = d.store.state.audit.all.filter { $0.action == .onBehalfEnded }.compactMap(\.target)
        #expect(ends.sorted() == ["logout", "time"])
    }

    @Test("plain mode says namens at every screen")
    func plain() throws {
        let d = Driver()
        Self.startHelping(d)
        var lines: [String] = []
        let plain = PlainSession(app: d.app) { lines.append($0) }
        plain.start()
        plain.handle(line: "1")
        #expect(lines.contains { $0.contains("namens Demo Anna de Vries") }, "\(lines)")
    }
}
