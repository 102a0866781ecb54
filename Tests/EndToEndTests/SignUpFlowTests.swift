import Foundation
import Testing
@_spi(Operator) @testable import SociaalHusCore

/// Signing up as residents, visitors and organisers do it, in the real binary.
@Suite(.serialized) struct SignUpFlowTests {
    /// Opens the information evening (Welzijn Borne, 30 places) from the agenda's search.
    static func openEvening(_ t: Tmux) throws {
        try t.keys("1")
        try t.waitFor("Agenda")
        try t.keys("/")
        try t.type("buurtbemiddeling")
        try t.keys("Enter")
        try t.waitFor("nog 28 plaatsen vrij")
        try t.keys("Enter")
        try t.waitFor("Nog 28 van de 30 plaatsen vrij")
    }

    @Test("a resident signs up with one key, sees their place, is listed for the organiser as their level allows, and cancels")
    func resident() throws {
        let t = Tmux()
        try t.cli(["init", "--demo"])
        try t.startLoggedIn("fatima.elamrani@demo.sociaalhus.example", "demo-Regen-Appel-19", expecting: "Demo Fatima", cols: 100, rows: 30)
        try Self.openEvening(t)
        try t.keys("a")
        try t.waitFor("Organisator mag mijn e-mail zien")
        try t.keys("C-s")
        var s = try t.waitFor("Je bent aangemeld.")
        #expect(s.contains("Nog 27 van de 30 plaatsen vrij") && s.contains("aangemeld, herinnering 1 dag van tevoren"))
        #expect(s.contains("a Mijn aanmelding") && !s.contains("h Herinner me"), "the keys follow the state")
        // The organiser's list: Fatima as her level shows her to Kees, no e-mail (not ticked).
        let store = try Store.open(at: t.store)
        let kees = try #require(store.state.account(email: "kees.smit@demo.sociaalhus.example"))
        let fatima = try #require(store.state.account(email: "fatima.elamrani@demo.sociaalhus.example"))
        let item = try #require(store.state.agenda.all.first { $0.title == "Informatieavond buurtbemiddeling" })
        let list = try store.participants(item.id, at: item.start, for: .account(kees))
        let row = try #require(list.first { $0.created == list.map(\.created).max() })
        let expected = ProfileVisibilityRule.namesVisible(owner: fatima, viewer: .account(kees)) ? "Demo Fatima El Amrani" : "anonieme deelnemer"
        #expect(row.name.text(.dutch) == expected && row.email == nil)
        // Cancel: the form shows the choices made, with a button to cancel; asked first, then the place is free again.
        try t.keys("a")
        try t.waitFor("aangemeld")
        try t.tabUntil("[ Afmelden ]")
        try t.keys("Enter")
        try t.waitFor("Afmelden voor Informatieavond buurtbemiddeling op")
        s = try t.waitFor("Je kunt je daarna weer aanmelden")
        try t.keys("j")
        s = try t.waitFor("Je bent afgemeld.")
        #expect(s.contains("Nog 28 van de 30 plaatsen vrij") && s.contains("a Aanmelden"))
        try t.keys("q", "j")
    }

    @Test("the organiser sees who signed up and signs one off; the person is told in Berichten")
    func organiser() throws {
        let t = Tmux()
        try t.cli(["init", "--demo"])
        try t.startLoggedIn("kees.smit@demo.sociaalhus.example", "demo-Koffie-Brug-55", expecting: "Demo Kees", cols: 100, rows: 30)
        try Self.openEvening(t)
        try t.keys("d")
        var s = try t.waitFor("Demo Anna de Vries — heeft een plaats — anna.devries@demo.sociaalhus.example")
        #expect(s.contains("x Afmelden"))
        try t.keys("x")
        try t.waitFor("Demo Anna de Vries afmelden?")
        try t.keys("j")
        s = try t.waitFor("Afgemeld. De deelnemer krijgt bericht.")
        #expect(!s.contains("Demo Anna de Vries —"))
        try t.keys("q", "j")
        let store = try Store.open(at: t.store)
        let anna = try #require(store.state.account(email: "anna.devries@demo.sociaalhus.example"))
        #expect(store.messages(for: .account(anna)).contains { $0.text.contains("De organisator heeft je afgemeld voor 'Informatieavond buurtbemiddeling'") })
    }

    @Test("a visitor signs up with a name and address; a wrong address is said under its field and nothing typed is lost")
    func visitor() throws {
        let t = Tmux()
        try t.cli(["init", "--demo"])
        try t.start(["--store", t.store], cols: 100, rows: 30)
        try t.waitFor("bezoeker")
        try Self.openEvening(t)
        try t.keys("a")
        try t.waitFor("Naam")
        try t.type("Vera Bezoeker")
        try t.keys("Tab")
        try t.type("vera-at-example")
        try t.keys("C-s")
        var s = try t.waitFor("FOUT")
        #expect(s.contains("Vera Bezoeker") && s.contains("vera-at-example"), "what was typed stays")
        for _ in 0..<15 { try t.keys("BSpace") }
        try t.type("vera@example.org")
        try t.keys("C-s")
        s = try t.waitFor("Je bent aangemeld.")
        #expect(s.contains("Nog 27 van de 30 plaatsen vrij"))
        try t.keys("q", "j")
        let store = try Store.open(at: t.store)
        let mail = try #require(store.state.outbox.all.first { $0.to == "vera@example.org" })
        #expect(mail.body.contains("Je bent aangemeld voor 'Informatieavond buurtbemiddeling'") && mail.body.contains("info@welzijn-borne.example"))
    }

    @Test("the desk signs up a caller by words from the activity's title; several matches are listed with their numbers, none is said")
    func deskByTitle() throws {
        let t = Tmux()
        try t.cli(["init", "--demo"])
        let one = try t.cli(["signup", "--activity", "BUURTbemiddeling", "--name", "Gerrit Beller", "--email", "gerrit@example.org"])
        #expect(one.status == 0 && one.out.contains("Aangemeld (nummer"), "\(one.out)")
        let s = try Store.open(at: t.store)
        #expect(s.state.outbox.all.contains { $0.to == "gerrit@example.org" && $0.kind == .signUp && $0.subject.contains("buurtbemiddeling") })
        // "e" is in every title that takes sign-ups: the desk gets each with its number and day.
        let many = try t.cli(["signup", "--activity", "e", "--name", "Gerrit Beller", "--email", "gerrit@example.org"])
        #expect(many.status == 2)
        let numbers = s.signUpActivities(matching: "e", for: .commandLine).map { "\($0.item.id.rawValue) " }
        #expect(numbers.count == 3 && numbers.allSatisfy { many.out.contains($0) } && many.out.contains("Samen eten in Hertme"), "\(many.out)")
        let none = try t.cli(["signup", "--activity", "tuinieren", "--name", "Gerrit Beller", "--email", "gerrit@example.org"])
        #expect(none.status == 2 && none.out.contains("geen titel bevat deze woorden"), "\(none.out)")
    }

    @Test("in plain mode a visitor signs up by answering the form's questions, and the places left say so")
    func plain() throws {
        let (dir, store) = try DemoStore.make("plain-signup")
        defer { DemoStore.remove(dir) }
        let r = try PlainModeTests.run(store: store, lines: ["/buurtbemiddeling", "1", "a", "Piet Plain", "piet@example.org", "", "", "!esc", "q", "j"], cwd: dir)
        #expect(r.out.contains("Plaatsen        Nog 28 van de 30 plaatsen vrij"))
        #expect(r.out.contains("Herinnering per e-mail. Keuzes: 1 1 dag van tevoren (gekozen)"))
        #expect(r.out.contains("Je bent aangemeld.") && r.out.contains("Nog 27 van de 30 plaatsen vrij"), "\(r.out.suffix(1500))")
        let s = try Store.open(at: store)
        #expect(s.state.outbox.all.contains { $0.to == "piet@example.org" && $0.kind == .signUp })
    }
}
