import Foundation
import Testing
@testable import SociaalHusCore
@testable import SociaalHusUI
import TerminalKit

/// Helpers for the desk: a driver logged in as desk staff with one conversation on record.
extension Driver {
    /// The demo account with this e-mail prefix, as the store holds it.
    func account(_ prefix: String) -> Account {
        store.state.accounts.all.first { $0.email.hasPrefix(prefix) }!
    }

    /// Records a conversation through the core, as desk staff would have earlier today; a link
    /// set in `change` needs `agreed` (the resident agreed to it at the desk).
    @discardableResult
    func recordIntake(agreed: Bool = false, _ change: (inout IntakeInput) -> Void = { _ in }) throws -> Intake {
        var input = IntakeInput(category: .geldzaken, question: "Ik kom niet rond met de boodschappen", notes: "Schulden bij het energiebedrijf",
                                name: "Piet Pieters", phone: "06-12345678", address: "Marktstraat 1", postcode: "7622 AB", place: "Borne",
                                wijk: store.state.wijk(named: "Centrum")!.id)
        change(&input)
        return try store.createIntake(input, consent: agreed ? input.account.map(LinkConsent.init) : nil, by: .account(account("lotte")))
    }

    /// Moves focus with Tab until the focused row's label starts with `label`.
    func focus(_ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for _ in 0..<40 {
            if grid.lines.contains(where: { $0.contains("▌ " + label) || $0.contains("▌ [ " + label) }) { return }
            press(.tab)
        }
        Issue.record("focus never reached '\(label)':\n\(screen)", sourceLocation: sourceLocation)
    }
}

@Suite(.serialized) struct IntakeGoldenTests {
    @Test(arguments: screenVariants)
    func screens(lang: Language, cols: Int, rows: Int, tag: String) throws {
        let d = Driver(lang: lang, size: Size(cols: cols, rows: rows))
        try d.recordIntake()
        try d.recordIntake { $0.name = "Fenna Bos"; $0.category = .wonen; $0.question = "Zoek een huurwoning" }
        d.logIn("lotte")
        d.press(.char("5"))
        Golden.check(d.grid, "intake-list-\(tag)")
        d.press(.char("n"))
        Golden.check(d.grid, "intake-form-\(tag)")
        d.press(.escape)
        d.press(.down, .enter)
        Golden.check(d.grid, "intake-detail-\(tag)")
        d.press(.char("d"), .enter)
        Golden.check(d.grid, "intake-refer-fields-\(tag)")
        d.focus(lang == .dutch ? "[ Verder" : "[ Next")
        d.press(.enter)
        Golden.check(d.grid, "intake-refer-notice-\(tag)")
    }
}

@Suite(.serialized) struct IntakeScreenTests {
    @Test("only desk staff and administrators see tab 5; for others the key does nothing", arguments: [
        ("anna", false), ("kees", false), ("sanne", false), ("lotte", true), ("bram", true),
    ])
    func tabVisibility(prefix: String, visible: Bool) {
        let d = Driver()
        d.logIn(prefix)
        #expect(d.grid.lines[0].contains("5") == visible)
        d.press(.char("5"))
        #expect((d.app.tab == .intake) == visible)
        if !visible { #expect(d.screen.contains("Deze toets doet hier niets")) }
    }

    @Test("a visitor pressing 5 gets no intake tab either") func visitor() {
        let d = Driver()
        d.press(.char("5"))
        #expect(d.app.tab == .agenda)
    }

    @Test("a conversation is recorded in the order of the talk and shown in detail") func record() throws {
        let d = Driver()
        d.logIn("lotte")
        d.press(.char("5"), .char("n"))
        d.type("Mijn dak lekt en de verhuurder reageert niet")
        d.press(.tab, .enter, .tab)   // Onderwerp: from "overig" on to "wonen"
        d.type("Fenna Bos")
        d.press(.tab)
        d.type("074 123 45 67")
        d.focus("Opslaan")
        d.press(.enter)
        #expect(d.screen.contains("Gesprek opgeslagen"))
        #expect(d.screen.contains("Fenna Bos"))
        #expect(d.screen.contains("0741234567"))
        #expect(d.screen.contains("onderwerp: wonen"))
        let intake = try #require(d.store.state.intakes.all.first)
        #expect(intake.question == "Mijn dak lekt en de verhuurder reageert niet")
        #expect(d.store.state.audit.all.contains { $0.action == .intakeOpened && $0.target == "intake:\(intake.id)" })
    }

    @Test("a bad phone number is named, and everything typed stays") func badInput() {
        let d = Driver()
        d.logIn("lotte")
        d.press(.char("5"), .char("n"))
        d.type("Vraag over toeslagen")
        d.focus("Telefoon")
        d.type("12345")
        d.focus("Opslaan")
        d.press(.enter)
        #expect(d.screen.contains("FOUT: '12345' is geen geldig telefoonnummer"))
        #expect(d.screen.contains("Vraag over toeslagen"))
        #expect(d.store.state.intakes.count == 0)
    }

    @Test("what was typed survives switching tabs, leaving the form and an automatic logout") func draftSurvives() throws {
        let clock = FixedClock(fixedNow)
        let d = Driver(store: UIFixture.freshStore(clock: clock), idleTimeout: 600)
        d.logIn("lotte")
        d.press(.char("5"), .char("n"))
        d.type("Half verteld verhaal")
        d.press(.tab)                       // onto the subject row, so digits are keys again
        d.press(.char("1"), .char("5"))
        #expect(d.screen.contains("Half verteld verhaal"), "the form is still there after a tab switch")
        d.press(.escape)
        #expect(d.screen.contains("bewaard als concept"))
        #expect(d.screen.contains("niet-opgeslagen gesprek"))
        d.press(.char("n"))
        d.press(.tab, .tab)
        d.type("Piet")
        clock.advance(601)
        d.app.tick()
        clock.advance(31)
        d.app.tick()
        #expect(d.app.ctx.session == nil)
        // Another terminal sees the same draft for the same staff member only.
        let draft = try #require(try d.store.intakeDraft(by: .account(d.account("lotte"))))
        #expect(draft.input.question == "Half verteld verhaal")
        #expect(draft.input.name == "Piet")
        d.logIn("lotte")
        d.press(.char("5"), .char("n"))
        #expect(d.screen.contains("teruggezet"))
        #expect(d.screen.contains("Half verteld verhaal"))
        #expect(d.screen.contains("Piet"))
        d.focus("Concept weggooien")
        d.press(.enter)
        // (It asks first; j throws it away.)
        #expect(d.screen.contains("Het concept van dit gesprek weggooien?"))
        d.press(.char("j"))
        #expect(try d.store.intakeDraft(by: .account(d.account("lotte"))) == nil)
        d.press(.char("n"))
        #expect(!d.screen.contains("Half verteld verhaal"))
    }

    @Test("an e-mail address of an account is linked only when the staff member ticks it and the resident agrees")
    func linkAccount() throws {
        let d = Driver()
        let anna = d.account("anna")
        d.logIn("lotte")
        d.press(.char("5"), .char("n"))
        d.type("Vraag")
        d.focus("E-mail")
        d.type(anna.email)
        d.press(.tab)
        #expect(d.screen.contains("Account koppelen: Demo Anna de Vries (Centrum)"))
        d.focus("Opslaan")
        d.press(.enter)
        #expect(d.store.state.intakes.all.first?.person.account == nil, "not ticked: not linked")
        d.press(.char("e"))
        d.focus("[ ] Account koppelen")
        d.press(.char(" "))
        d.focus("Opslaan")
        d.press(.enter)
        #expect(d.screen.contains("vink eerst aan dat de bewoner akkoord is"), "\(d.screen)")
        #expect(d.screen.contains("▌ [ ] De bewoner is akkoord met koppelen aan dit account"), "the agreement box is focused")
        #expect(d.store.state.intakes.all.first?.person.account == nil, "no agreement: not linked")
        d.press(.char(" "))
        d.focus("Opslaan")
        d.press(.enter)
        #expect(d.store.state.intakes.all.first?.person.account == anna.id)
        let linked = d.store.state.audit.all.filter { $0.action == .intakeLinked }
        #expect(linked.map(\.subject) == [anna.id] && linked.map(\.actor) == [d.account("lotte").id])
    }

    @Test("ticks for one account never carry over when the e-mail address leads to another") func linkNotCarried() throws {
        let d = Driver()
        let anna = d.account("anna"), henk = d.account("henk")
        d.logIn("lotte")
        d.press(.char("5"), .char("n"))
        d.type("Vraag")
        d.focus("E-mail")
        d.type(anna.email)
        d.press(.tab, .char(" "), .tab, .char(" "))
        #expect(d.screen.contains("[x] Account koppelen: Demo Anna") && d.screen.contains("[x] De bewoner is akkoord"))
        d.focus("E-mail")
        d.press(.ctrl("u"))
        d.type(henk.email)
        d.press(.tab)
        #expect(d.screen.contains("[ ] Account koppelen: Demo Henk") && d.screen.contains("[ ] De bewoner is akkoord"), "\(d.screen)")
        d.focus("Opslaan")
        d.press(.enter)
        #expect(d.store.state.intakes.all.first?.person.account == nil)
        let lookedUp = d.store.state.audit.all.filter { $0.action == .accountLookedUp }.map(\.subject)
        #expect(lookedUp == [anna.id, henk.id], "each account shown is logged once, for its holder")
    }

    @Test("a referral needs the notice: Esc there passes nothing; b records it") func referral() throws {
        let d = Driver()
        let intake = try d.recordIntake()
        d.logIn("lotte")
        d.press(.char("5"), .enter, .char("d"))
        #expect(d.screen.contains("Passend bij geldzaken en wijk Centrum"))
        d.press(.char("/"))
        d.type("voedsel")
        d.press(.enter, .enter)
        #expect(d.screen.contains("[x] naam: Piet Pieters"))
        #expect(d.screen.contains("[x] telefoonnummer: 0612345678"))
        #expect(d.screen.contains("[ ] aantekeningen"))
        #expect(d.screen.contains("[ ] adres"))
        d.focus("[ Verder")
        d.press(.enter)
        let sentence = "Ik geef uw naam, telefoonnummer en vraag door aan Voedselbank Borne"
        #expect(d.screen.replacingOccurrences(of: "\n  ", with: " ").contains(sentence) || d.screen.contains("Ik geef uw naam, telefoonnummer en vraag door"))
        d.press(.escape)
        #expect(d.store.state.disclosures.count == 0, "going back passes nothing")
        d.focus("[ Verder")
        d.press(.enter, .char("b"))
        #expect(d.screen.contains("Doorgegeven aan Voedselbank Borne"))
        let referral = try #require(d.store.state.intakes[intake.id.rawValue]?.referrals.first)
        #expect(referral.fields == [.name, .phone, .question])
        #expect(referral.toldSentence.hasPrefix(sentence))
        let message = try #require(d.store.state.outbox.all.first)
        #expect(!message.body.contains("Schulden"), "notes were not ticked")
    }

    @Test("erasing a person's data asks first, then removes their conversations by reference: an unlinked one alone, never a look-alike") func erase() throws {
        let d = Driver()
        try d.recordIntake()
        try d.recordIntake { $0.question = "Tweede vraag" }
        d.logIn("lotte")
        d.press(.char("5"), .enter, .char("x"))
        #expect(d.screen.contains("Alle gespreksgegevens van deze persoon wissen?"))
        #expect(d.screen.contains("aan geen account gekoppeld"))
        d.press(.char("n"))
        #expect(d.store.state.intakes.count == 2)
        d.press(.char("x"), .char("j"))
        #expect(d.store.state.intakes.count == 1, "the other conversation, alike but not linked, stays")
        #expect(d.screen.contains("1 gesprek van deze persoon gewist"))
    }

    @Test("search finds closed conversations by name, postcode or e-mail") func search() throws {
        let d = Driver()
        let closed = try d.recordIntake { $0.name = "Fenna Bos"; $0.postcode = "7623 ZX" }
        try d.store.setIntakeStatus(closed.id, .afgesloten, by: .account(d.account("lotte")))
        (d.store.clock as! FixedClock).advance(24 * 3600)
        d.logIn("lotte")
        d.press(.char("5"))
        #expect(!d.screen.contains("Fenna Bos"), "closed, and not from today")
        for q in ["fenna", "7623zx", "7623 Z"] {
            d.press(.char("/"))
            d.type(q)
            #expect(!d.screen.contains("Fenna Bos"), "typing does not search yet: '\(q)'")
            d.press(.enter)
            #expect(d.screen.contains("Fenna Bos"), "search '\(q)'")
            d.press(.char("/"), .escape)
        }
        let seen = d.store.state.audit.all.filter { $0.action == .intakeListed && $0.target == "intake:\(closed.id)" }
        #expect(seen.count == 3, "once per search run that showed it, never per key")
    }

    @Test("an administrator sets the retention period in months") func retention() {
        let d = Driver()
        d.logIn("bram")
        d.press(.char("5"), .char("t"))
        d.press(.ctrl("u"))
        d.type("200")
        d.focus("Opslaan")
        d.press(.enter)
        #expect(d.screen.contains("Kies een bewaartermijn van 1 tot en met 120 maanden"))
        d.focus("Maanden")
        d.press(.ctrl("u"))
        d.type("6")
        d.focus("Opslaan")
        d.press(.enter)
        #expect(d.store.state.settings.intakeRetentionMonths == 6)
        #expect(d.screen.contains("Bewaartermijn is nu 6 maanden"))
    }

    @Test("no key conflicts on any intake screen") func noConflicts() throws {
        let d = Driver()
        try d.recordIntake()
        d.logIn("bram")
        d.press(.char("5"))
        #expect(KeyTable.conflicts(d.app.activeBindings()).isEmpty)
        d.press(.enter)
        #expect(KeyTable.conflicts(d.app.activeBindings()).isEmpty)
        d.press(.char("d"))
        #expect(KeyTable.conflicts(d.app.activeBindings()).isEmpty)
        d.press(.enter)
        #expect(KeyTable.conflicts(d.app.activeBindings()).isEmpty)
        d.focus("[ Verder")
        d.press(.enter)
        #expect(KeyTable.conflicts(d.app.activeBindings()).isEmpty)
    }
}

@Suite(.serialized) struct MyDataDisclosureTests {
    @Test("a resident finds the desk's conversation and what was passed on in Mijn gegevens") func residentSees() throws {
        let d = Driver()
        let anna = d.account("anna")
        let intake = try d.recordIntake(agreed: true) { $0.email = anna.email; $0.account = anna.id }
        let plan = ReferralPlan(organisation: d.store.state.organisation(named: "Voedselbank Borne")!.id, fields: [.name, .email, .question], purpose: "voedselpakket")
        try d.store.refer(intake.id, plan: plan, told: ResidentTold(sentence: ReferralNotice.sentence(fields: plan.fields, organisationName: "Voedselbank Borne", purpose: "voedselpakket", lang: .dutch)), by: .account(d.account("lotte")))
        d.logIn("anna")
        d.press(.char("g"))
        var seen = ""
        for _ in 0..<20 { seen += d.screen; d.press(.pageDown) }
        #expect(seen.contains("Doorgegeven aan organisaties (1)"))
        #expect(seen.contains("aan Voedselbank Borne, door Demo Lotte Meijer"))
        #expect(seen.contains("gegevens: naam, e-mailadres, vraag; doel: voedselpakket"))
        #expect(seen.contains("Gesprekken bij het Sociaal Hus (1)"))
    }
}
