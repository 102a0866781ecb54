import Foundation
import Testing
@_spi(Operator) @testable import SociaalHusCore
@testable import SociaalHusUI
import TerminalKit

/// Live between terminals. Two apps on one store folder (two connections, as
/// two terminals are): a change at one shows at the other at its next idle tick (the run loop
/// ticks every second without a key), and a form being typed in is never overwritten.
@Suite(.serialized) struct LiveTests {
    @Test("an activity added at one terminal shows at another within a tick, without a key")
    func agendaShowsChange() throws {
        let a = Driver(size: Size(cols: 120, rows: 60))
        let other = try Store.open(at: a.store.path, clock: FixedClock(fixedNow))
        let org = try #require(other.organisations(for: .visitor).first)
        #expect(!a.screen.contains("Live vanaf een andere terminal"))
        try other.update { tx in
            tx.put(AgendaItem(id: tx.nextID(.agenda), title: "Live vanaf een andere terminal", start: fixedNow.addingTimeInterval(3_600),
                              end: fixedNow.addingTimeInterval(7_200), location: "Kern", organisation: org.id))
        }
        #expect(!a.screen.contains("Live vanaf een andere terminal"), "not before the tick (no magic)")
        a.app.tick()
        #expect(a.screen.contains("Live vanaf een andere terminal"))
    }

    @Test("a form with typed input is not overwritten: when its record changes elsewhere it says so, once; the typing stays")
    func formKept() throws {
        let a = Driver()
        a.logIn("anna")
        let post = try #require(a.store.state.posts.all.first { $0.title == "Wie helpt mij met mijn tuin?" })
        a.app.ctx.push(PostEditScreen(editing: post, a.app.ctx))
        a.press(.function(12))
        a.press(.tab)
        a.press(.end)
        for _ in 0..<40 { a.press(.backspace) }
        a.type("Mijn eigen titel")
        let other = try Store.open(at: a.store.path, clock: FixedClock(fixedNow))
        try other.update { tx in
            var p = tx.state.posts[post.id.rawValue]!
            p.body = "Anders, op een andere terminal"
            tx.put(p)
        }
        a.app.tick()
        #expect(a.screen.contains("Gewijzigd door een ander"))
        #expect(a.screen.contains("Mijn eigen titel"))
        a.app.tick()
        #expect(a.screen.contains("Mijn eigen titel"))
    }

    @Test("an idle tick with no change elsewhere changes nothing on screen")
    func quietWhenNothingChanged() {
        let a = Driver()
        let before = a.screen
        for _ in 0..<5 { a.app.tick() }
        #expect(a.screen == before)
    }

    @Test("saving over someone else's newer entry is refused with theirs shown, and the form keeps what was typed")
    func saveConflict() throws {
        let a = Driver(size: Size(cols: 120, rows: 50))
        a.logIn("kees")
        let kees = try #require(a.app.ctx.account)
        let org = try #require(a.store.organisationsWritable(by: .account(kees), agenda: false).first)
        a.press(.char("3"), .char("/"))
        a.type(org.name)
        a.press(.enter, .enter)
        a.press(.char("e"))
        #expect(a.screen.contains("Organisatie bewerken"))
        for _ in 0..<7 { a.press(.tab) }  // to Openingstijden
        #expect(a.screen.contains("▌ Openingstijden"))
        a.press(.end)
        for _ in 0..<80 { a.press(.backspace) }
        a.type("alleen op dinsdag")
        // Meanwhile, at another terminal:
        let other = try Store.open(at: a.store.path, clock: FixedClock(fixedNow))
        try other.updateOrganisation(org.id, by: .commandLine) { $0.openingHours = "ma-vr 9-17 (andere terminal)" }
        a.press(.ctrl("s"))
        #expect(a.screen.contains("Iemand anders"), "\(a.screen)")
        #expect(a.screen.contains("andere terminal"))
        #expect(a.screen.contains("alleen op dinsdag"), "what was typed stays")
        #expect(other.state.organisations[org.id.rawValue]?.openingHours == "ma-vr 9-17 (andere terminal)")
    }

    @Test("regression (review): two desks on the same conversation do not write 'intake opened' every second to each other")
    func noAuditLoop() throws {
        let desk1 = Driver()
        desk1.logIn("lotte")
        try desk1.store.createIntake(IntakeInput(question: "Hulp bij de huurtoeslag", name: "Piet Test", phone: "0612345678"),
                                     by: .account(try #require(desk1.app.ctx.account)))
        let desk2 = Driver(store: try Store.open(at: desk1.store.path, clock: FixedClock(fixedNow)))
        desk2.logIn("lotte")
        for d in [desk1, desk2] { d.press(.char("5"), .enter) }
        #expect(desk1.screen.contains("Hulp bij de huurtoeslag"), "\(desk1.screen)")
        let audits = desk1.store.state.audit.count
        for _ in 0..<5 { desk1.app.tick(); desk2.app.tick() }
        try desk1.store.refresh()
        #expect(desk1.store.state.audit.count == audits, "no audit line written by a live refresh")
    }

    @Test("two desks on the list log each row once, and not to each other every second (issue 23)")
    func listNoAuditLoop() throws {
        let desk1 = Driver()
        desk1.logIn("lotte")
        let lotte = try #require(desk1.app.ctx.account)
        try desk1.store.createIntake(IntakeInput(question: "Hulp bij de huurtoeslag", name: "Piet Test", phone: "0612345678"), by: .account(lotte))
        let desk2 = Driver(store: try Store.open(at: desk1.store.path, clock: FixedClock(fixedNow)))
        desk2.logIn("lotte")
        for d in [desk1, desk2] { d.press(.char("5")) }
        #expect(desk2.screen.contains("Piet Test"), "\(desk2.screen)")
        func listed() throws -> Int {
            try desk1.store.refresh()
            return desk1.store.state.audit.all.filter { $0.action == .intakeListed }.count
        }
        #expect(try listed() == 2, "one row, one line for each desk")
        let audits = desk1.store.state.audit.count
        for _ in 0..<5 { desk1.app.tick(); desk2.app.tick() }
        try desk1.store.refresh()
        #expect(desk1.store.state.audit.count == audits, "no audit line written by a live refresh of the same rows")
        // A conversation recorded at a third terminal comes into both lists live: logged once by each.
        try Store.open(at: desk1.store.path, clock: FixedClock(fixedNow))
            .createIntake(IntakeInput(question: "Vraag over de buurtbus", name: "Fenna Test", phone: "0741234567"), by: .account(lotte))
        for _ in 0..<5 { desk1.app.tick(); desk2.app.tick() }
        #expect(desk1.screen.contains("Fenna Test") && desk2.screen.contains("Fenna Test"))
        #expect(try listed() == 4)
    }

    @Test("regression (review): after a refused profile save, Ctrl-R loads the other's version and the next save goes through; another terminal's e-mail choice is not undone")
    func profileAfterConflict() throws {
        let a = Driver(size: Size(cols: 100, rows: 50))
        a.logIn("henk")
        a.press(.char("4"))
        let henk = try #require(a.app.ctx.account)
        let other = try Store.open(at: a.store.path, clock: FixedClock(fixedNow))
        // Another terminal ticks an e-mail choice and changes the phone number.
        let kind = EmailKind.allCases[0]
        let before = henk.profile.email[kind]
        try other.setEmailPreference(kind, to: !before, for: henk.id, by: .account(henk))
        try other.updateProfile(for: henk.id, by: .account(try #require(other.ownAccount(henk.id)))) { $0.phone = "06-11111111" }
        // This terminal, filled before, changes the address and saves: refused, nothing changed.
        a.tabUntil("▌ Adres")
        a.type(" (achterhuis)")
        a.press(.ctrl("s"))
        #expect(a.screen.contains("Iemand anders") && a.screen.contains("06-11111111"), "\(a.screen)")
        // Ctrl-R: their version (it asks first); the save then goes through and keeps their tick.
        a.press(.ctrl("r"))
        #expect(a.screen.contains("j = weggooien en opnieuw laden"))
        a.press(.char("j"))
        #expect(a.screen.contains("06-11111111"))
        a.tabUntil("▌ Adres")
        a.type(" (achterhuis)")
        a.press(.ctrl("s"))
        #expect(a.screen.contains("Je profiel is opgeslagen"), "\(a.screen)")
        let now = try #require(try Store.open(at: a.store.path, clock: FixedClock(fixedNow)).ownAccount(henk.id))
        #expect(now.profile.email[kind] == !before, "the other terminal's e-mail choice stays")
        #expect(now.profile.phone == "06-11111111" && now.profile.address?.contains("(achterhuis)") == true)
    }

    @Test("regression (review): an export is never written into the store's own folder")
    func exportNotIntoStore() throws {
        let a = Driver()
        a.logIn("anna")
        a.press(.char("4"), .char("g"), .char("x"))
        let dbPath = a.store.path + "/sociaalhus.db"
        let before = try Data(contentsOf: URL(fileURLWithPath: dbPath))
        a.press(.end)
        for _ in 0..<300 { a.press(.backspace) }
        a.type(dbPath)
        a.press(.enter, .enter, .enter)
        #expect(a.screen.contains("map van de opslag"), "\(a.screen)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: dbPath)).prefix(16) == before.prefix(16))
    }

    @Test("regression (review): a live refresh keeps the chosen post chosen, so Enter opens what the person was reading")
    func selectionStays() throws {
        let a = Driver(size: Size(cols: 120, rows: 50))
        a.press(.char("2"), .down, .down, .down)
        func chosen() -> String? { a.screen.split(separator: "\n").first { $0.hasPrefix("▌ ") }.map(String.init) }
        let before = try #require(chosen())
        let other = try Store.open(at: a.store.path, clock: FixedClock(fixedNow))
        let anna = try #require(other.accountCount > 0 ? try? other.account(email: UIFixture.account("anna").email) : nil)
        _ = try other.createPost(PostDraft(kind: .vraag, title: "Nieuw bovenaan", body: "Tekst", wijk: anna.profile.wijk, author: .resident(anna.id)), by: .account(anna))
        a.app.tick()
        #expect(a.screen.contains("Nieuw bovenaan"))
        #expect(chosen() == before, "still \(before)")
    }
}
