import Foundation
import Testing
@testable import SociaalHusCore
@testable import SociaalHusUI
import TerminalKit

@Suite(.serialized) struct BerichtenGoldenTests {
    @Test(arguments: screenVariants)
    func screens(lang: Language, cols: Int, rows: Int, tag: String) throws {
        let d = Driver(lang: lang, size: Size(cols: cols, rows: rows))
        d.press(.char("6"))
        Golden.check(d.grid, "berichten-visitor-\(tag)")
        d.press(.char("3"), .enter, .char("c"))
        Golden.check(d.grid, "contact-form-\(tag)")
        d.press(.escape)
        d.logIn("anna")
        d.press(.char("6"))
        Golden.check(d.grid, "berichten-list-\(tag)")
        d.press(.enter)
        Golden.check(d.grid, "berichten-detail-\(tag)")
    }
}

@Suite(.serialized) struct BerichtenScreenTests {
    @Test("a visitor writes to an organisation; its editor finds it in Berichten, marked new until opened") func organisation() throws {
        let d = Driver()
        d.press(.char("3"), .char("/"))
        d.type("Welzijn Borne (demo)")
        d.press(.enter, .enter, .char("c"))
        #expect(d.screen.contains("Aan: Welzijn Borne (demo)"))
        d.type("Bezoeker Bas")
        d.press(.tab)
        d.type("bas@")
        d.focus("Versturen")
        d.press(.enter)
        // Both problems at once, each under its field; focus on the first.
        #expect(d.screen.contains("! 'bas@' is geen geldig e-mailadres"))
        #expect(d.screen.contains("FOUT: 2 velden kloppen nog niet: Je e-mail, Bericht"))
        #expect(d.screen.contains("Bezoeker Bas"), "what was typed stays")
        d.focus("Je e-mail")
        d.type("example.org")
        d.focus("Bericht")
        d.type("Hebben jullie plek voor vrijwilligers?")
        d.focus("Versturen")
        d.press(.enter)
        #expect(d.screen.contains("Je bericht is verstuurd."))
        let message = try #require(d.store.state.messages.all.first { $0.senderEmail == "bas@example.org" })
        guard case .organisation(let org) = message.recipient else { Issue.record("not to an organisation"); return }
        #expect(d.store.state.editors(of: org).contains { $0.email.hasPrefix("kees") })
        d.logIn("kees")
        d.press(.char("6"))
        #expect(d.screen.contains("nieuw"))
        #expect(d.screen.contains("van Bezoeker Bas"))
    }

    @Test("the help lists the Berichten keys, and there are no key conflicts") func keys() throws {
        let d = Driver()
        d.logIn("bram")
        d.press(.char("6"))
        #expect(KeyTable.conflicts(d.app.activeBindings()).isEmpty)
        #expect(d.app.activeBindings().contains { $0.action == .announcement })
        d.press(.char("m"))
        #expect(d.screen.contains("Mededeling"))
        #expect(KeyTable.conflicts(d.app.activeBindings()).isEmpty)
    }

    @Test("an administrator's announcement goes only to accounts with the toggle on") func announcement() throws {
        let d = Driver()
        let expected = d.store.state.accounts.all.filter { EmailPolicy.mayEmail(.announcement, to: $0) }.count
        d.logIn("bram")
        d.press(.char("6"), .char("m"))
        d.focus("Onderwerp")
        d.type("Onderhoud zondag")
        d.press(.tab)
        d.type("Het platform is zondag van 8 tot 9 uur niet bereikbaar.")
        d.focus("Versturen")
        d.press(.enter)
        #expect(d.screen.contains("Klaargezet voor \(expected) ontvanger" + (expected == 1 ? " " : "s ")))
        #expect(d.store.state.outbox.all.filter { $0.kind == .announcement }.count == expected)
    }
}
