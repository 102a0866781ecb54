import Foundation
import Testing
@testable import SociaalHusCore
@testable import SociaalHusUI
import TerminalKit

/// The administrator's accounts and roles as a person at the keyboard uses them.
@Suite(.serialized) struct AccountsScreenTests {
    /// Bram (administrator) opens Henk's roles: Moderatie › a, search "henk", Enter.
    static func openHenk(_ d: Driver) {
        d.logIn("bram")
        d.press(.char("7"), .char("a"), .char("/"))
        d.type("henk")
        d.press(.enter, .enter)
    }

    @Test("the administrator gives Henk the partner role of Centrum after a confirmation; Henk is told and approves the feed")
    func giveInInterface() throws {
        let d = Driver(size: Size(cols: 100, rows: 30))
        Self.openHenk(d)
        #expect(d.screen.contains("Demo Henk Jansen · henk.jansen@demo.sociaalhus.example"), "\(d.screen)")
        #expect(d.screen.contains("▌ bewoner"))
        d.press(.char("n"), .char("/"))
        d.type("partner van centrum")
        d.press(.enter)
        #expect(d.screen.contains("▌ lokale partner van Centrum"), "\(d.screen)")
        d.press(.enter)
        #expect(d.screen.contains("Demo Henk Jansen de rol lokale partner van Centrum geven?"))
        #expect(d.screen.contains("krijgt hierover een bericht"))
        let henkID = try d.store.account(email: UIFixture.account("henk").email).id
        #expect(d.store.state.accounts[henkID.rawValue]!.roles.partnerOf.isEmpty, "nothing given before the confirmation")
        d.press(.enter)
        #expect(d.screen.contains("heeft nu de rol lokale partner van Centrum"), "\(d.screen)")
        #expect(d.screen.contains("  lokale partner van Centrum") || d.screen.contains("▌ lokale partner van Centrum"))
        let centrum = d.store.state.wijk(named: "Centrum")!.id
        #expect(d.store.state.accounts[henkID.rawValue]!.roles.partnerOf == [centrum])
        #expect(d.store.state.audit.all.contains { $0.action == .roleGiven && $0.subject == henkID && $0.target == "role:partner:\(centrum)" })
        // Henk, at the same terminal: told in Berichten, and tab 7 lets him approve.
        d.press(.char("4"), .char("l"))
        d.logIn("henk")
        d.press(.char("6"))
        #expect(d.screen.contains("Beheer SociaalHus"), "\(d.screen)")
        d.press(.char("7"), .char("d"), .char("n"))
        d.focus("Voor wie")
        d.type("Vrijwilligerscentrale Borne")
        d.focus("Goedkeuren")
        d.press(.enter)
        #expect(d.screen.contains("Centrum → Vrijwilligerscentrale Borne"), "\(d.screen)")
    }

    @Test("taking a role asks first; Cancel changes nothing; the last administrator's own role stays")
    func takeInInterface() throws {
        let d = Driver(size: Size(cols: 100, rows: 30))
        d.logIn("bram")
        d.press(.char("7"), .char("a"))
        // Without a search: the accounts with a role besides resident.
        #expect(d.screen.contains("Accounts met een rol naast bewoner (5)"), "\(d.screen)")
        #expect(!d.screen.contains("Demo Henk Jansen"))
        #expect(d.screen.contains("▌ Demo Bram Kuipers"))
        d.press(.enter, .char("x"))
        #expect(d.screen.contains("Demo Bram Kuipers de rol beheerder afnemen?"))
        d.focus("Annuleren")
        d.press(.enter)
        #expect(d.screen.contains("Niets veranderd."))
        d.press(.char("x"), .enter)
        #expect(d.screen.contains("laatste beheerder die kan inloggen"), "\(d.screen)")
        let bram = try d.store.account(email: UIFixture.account("bram").email)
        #expect(bram.roles.administrator)
        #expect(!d.store.state.audit.all.contains { $0.action == .roleTaken })
    }

    @Test("only administrators have the accounts: a partner's Moderatie offers no a, and the screen refuses otherwise")
    func administratorsOnly() throws {
        let d = Driver(size: Size(cols: 100, rows: 30))
        d.logIn("sanne")
        d.press(.char("7"))
        #expect(!d.app.activeBindings().contains { $0.action == .accounts })
        d.press(.char("a"))
        #expect(!d.screen.contains("Accounts met een rol"))
        let ctx = UIContext(store: d.store, language: .dutch, exportDirectory: NSTemporaryDirectory())
        ctx.session = try d.store.account(email: UIFixture.account("sanne").email).id
        var g = Grid(size: Size(cols: 80, rows: 10))
        AccountsScreen(ctx).render(into: &g, area: Rect(x: 0, y: 0, width: 80, height: 10), ctx)
        #expect(g.text.contains("Alleen een beheerder mag dit doen."))
    }

    @Test("English is complete, keys are conflict-free and in the help, and typed names are drawn safely")
    func englishKeysAndSafety() throws {
        let d = Driver(lang: .english, size: Size(cols: 100, rows: 40))
        // A name with an escape sequence, planted as a store from before could hold it.
        let henkID = try d.store.account(email: UIFixture.account("henk").email).id
        try d.store.update { tx in
            var a = tx.state.accounts[henkID.rawValue]!
            a.name = "Henk\u{1B}[2J Jansen"
            tx.put(a)
        }
        d.logIn("bram")
        d.press(.char("7"))
        let keys: [Key] = [.char("a"), .enter, .char("n"), .enter]
        for step in 0..<keys.count {
            d.press(keys[step])
            let bindings = d.app.activeBindings()
            #expect(KeyTable.conflicts(bindings).isEmpty, "\(KeyTable.conflicts(bindings))")
            for b in bindings { #expect(KeyMap.defaultKeys[b.action] != nil, "\(b.action) is not in KeyMap.defaults") }
            d.press(.function(1))
            let help = d.screen
            for b in bindings { #expect(help.contains(b.help), "help lacks \(b.help)") }
            d.press(.escape)
            if step == 0 {
                #expect(d.screen.contains("Accounts with a role besides resident"), "\(d.screen)")
                d.press(.char("/"))
                d.type("henk")
                d.press(.enter)
                #expect(d.screen.contains("Henk␛[2J Jansen"), "\(d.screen)")
            }
        }
        let text = d.screen
        #expect(text.contains("Give Henk␛[2J Jansen the role desk staff?"), "\(text)")
        #expect(text.contains("Yes, give the role") && text.contains("is told in Messages"), "\(text)")
        for nl in ["Rol geven", "Zoeken", "Annuleren", "bewoner", "beheerder"] { #expect(!text.contains(nl), "Dutch '\(nl)' on an English screen:\n\(text)") }
        let g = d.grid
        for y in 0..<g.size.rows { for x in 0..<g.size.cols { #expect(!g[x, y].text.unicodeScalars.contains { $0.value == 0x1B }) } }
    }
}
