import Foundation
import Testing
@testable import SociaalHusCore

/// The five rows of the identity rule, as people at the terminal see them: who sees a resident's name
/// and details follows the resident's profile level, on the prikbord, in replies and e-mail.
@Suite(.serialized) struct IdentityFlowTests {
    static let fatima = ("fatima.elamrani@demo.sociaalhus.example", "demo-Regen-Appel-19")   // Anoniem, Bornsche Maten
    static let anna = ("anna.devries@demo.sociaalhus.example", "demo-Kiwi-Tulp-2026")         // Openbaar, Centrum
    static let gerrit = ("gerrit.oudeluttikhuis@demo.sociaalhus.example", "demo-Klomp-Zon-Boek-8") // Openbaar, Zenderen

    /// Posts for the five rows and messages waiting for a reply (a visitor's and Gerrit's).
    static func prepare(_ t: Tmux) throws {
        try t.cli(["init", "--demo"])
        let store = try Store.open(at: t.store)
        let s = store.state
        func account(_ prefix: String) -> Account { s.accounts.all.first { $0.email.hasPrefix(prefix) }! }
        let fatima = account("fatima"), henk = account("henk"), anna = account("anna"), gerrit = account("gerrit")
        let rows: [(Account, String, ContactChoice)] = [
            (fatima, "RIJ1 Fatima met vinkjes", ContactChoice(name: true, email: true)),
            (fatima, "RIJ2 Fatima zonder", ContactChoice()),
            (henk, "RIJ3 Henk met vinkjes", ContactChoice(name: true, email: true)),
            (henk, "RIJ4 Henk zonder", ContactChoice()),
            (anna, "RIJ5 Anna zonder", ContactChoice()),
        ]
        for (a, title, show) in rows {
            try store.createPost(PostDraft(kind: .vraag, title: title, body: "Tekst van " + title, wijk: a.profile.wijk, author: .resident(a.id), show: show),
                                 by: .account(a))
        }
        try store.sendMessage(senderName: "Bezoeker Bea", senderEmail: "bea@bezoeker.example", to: .resident(fatima.id), text: "RIJ2-VRAAG", by: .visitor)
        try store.sendMessage(senderName: "Bezoeker Bea", senderEmail: "bea@bezoeker.example", to: .resident(henk.id), text: "RIJ4-VRAAG", by: .visitor)
        try store.sendMessage(senderName: gerrit.profile.displayName, senderEmail: gerrit.email, to: .resident(fatima.id), text: "GERRIT-VRAAG", by: .account(gerrit))
    }

    /// The prikbord list (tall enough to hold every post).
    static func rows(_ t: Tmux) throws -> String {
        try t.keys("2")
        return try t.waitUntil("the five rows") { s in (1...5).allSatisfy { s.contains("RIJ\($0)") } }
    }

    /// Moves the selection down to the post whose line holds `marker`, and opens it.
    static func open(_ t: Tmux, _ marker: String) throws -> String {
        for _ in 0..<40 where !(try t.screen()).split(separator: "\n").contains(where: { $0.contains("▌") && $0.contains(marker) }) {
            try t.keys("Down")
            usleep(50_000)
        }
        try t.keys("Enter")
        try t.waitFor("Tekst van " + marker)
        return try t.waitFor("Geplaatst")
    }

    static func line(_ screen: String, _ marker: String) -> String {
        screen.split(separator: "\n").first { $0.contains(marker) }.map(String.init) ?? ""
    }

    @Test("a visitor, a neighbour and another wijk see exactly what each level promises") func prikbord() throws {
        let t = Tmux()
        try Self.prepare(t)
        try t.start(["--store", t.store], cols: 100, rows: 50)
        try t.waitFor("bezoeker")
        // A visitor: only Anna (Openbaar) is named; no ticked e-mail of Fatima or Henk.
        var s = try Self.rows(t)
        for r in ["RIJ1", "RIJ2", "RIJ3", "RIJ4"] { #expect(Self.line(s, r).contains("anonieme bewoner"), "visitor, \(r): \(Self.line(s, r))") }
        #expect(Self.line(s, "RIJ5").contains("Demo Anna de Vries"))
        s = try Self.open(t, "RIJ1")
        #expect(!s.contains("fatima") && !s.contains("Fatima El"), "visitor sees nothing of Fatima")
        try t.keys("Escape")
        // Anna, a neighbour of Henk (Centrum) and in another wijk than Fatima.
        try t.logIn(Self.anna.0, Self.anna.1, expecting: "Demo Anna")
        s = try Self.rows(t)
        #expect(Self.line(s, "RIJ1").contains("anonieme bewoner") && Self.line(s, "RIJ2").contains("anonieme bewoner"))
        #expect(Self.line(s, "RIJ3").contains("Demo Henk Jansen") && Self.line(s, "RIJ4").contains("Demo Henk Jansen"))
        s = try Self.open(t, "RIJ3")
        #expect(s.contains("henk.jansen@demo.sociaalhus.example"), "a neighbour sees the e-mail Henk ticked")
        try t.keys("Escape", "4")
        try t.waitFor("l Uitloggen")
        try t.keys("l")
        try t.waitFor("bezoeker")
        // Gerrit, in Zenderen: Henk is anonymous to him, Anna named.
        try t.logIn(Self.gerrit.0, Self.gerrit.1, expecting: "Demo Gerrit")
        s = try Self.rows(t)
        #expect(Self.line(s, "RIJ3").contains("anonieme bewoner") && Self.line(s, "RIJ4").contains("anonieme bewoner"))
        #expect(Self.line(s, "RIJ5").contains("Demo Anna de Vries"))
        try t.keys("q", "j")
    }

    /// Answers the received messages holding `questions` in Berichten, as the person logged in.
    static func answer(_ t: Tmux, _ questions: [String]) throws {
        for question in questions {
            try t.keys("6")
            try t.waitFor(question)
            for _ in 0..<20 where !(try t.screen()).split(separator: "\n").contains(where: { $0.contains("▌") && $0.contains(question) }) {
                try t.keys("Down")
                usleep(60_000)
            }
            try t.keys("Enter")
            try t.waitFor("Beantwoorden")
            try t.keys("r")
            try t.waitFor("De ontvanger ziet als afzender: anonieme bewoner")
            try t.type("Antwoord op " + question)
            try t.keys("C-s")
            try t.waitFor("Je bericht is verstuurd.")
            try t.keys("Escape")
        }
        try t.keys("4")
        try t.waitFor("l Uitloggen")
        try t.keys("l")
        try t.waitFor("bezoeker")
    }

    @Test("Fatima's and Henk's replies to a visitor carry no name; Fatima's reply is anonymous in Gerrit's Berichten") func replies() throws {
        let t = Tmux()
        try Self.prepare(t)
        try t.startLoggedIn(Self.fatima.0, Self.fatima.1, expecting: "Demo Fatima", cols: 100, rows: 30)
        try Self.answer(t, ["RIJ2-VRAAG", "GERRIT-VRAAG"])
        try t.logIn("henk.jansen@demo.sociaalhus.example", "demo-Fiets-Molen-47", expecting: "Demo Henk")
        try Self.answer(t, ["RIJ4-VRAAG"])
        let henkMail = try #require(try Store.open(at: t.store).state.outbox.all.first { $0.body.contains("RIJ4-VRAAG") })
        #expect(henkMail.body.contains("anonieme bewoner") && !henkMail.body.contains("Henk"), "Alleen buren: a visitor does not learn his name")
        // The e-mail to the visitor.
        let store = try Store.open(at: t.store)
        let mail = try #require(store.state.outbox.all.first { $0.to == "bea@bezoeker.example" && $0.body.contains("RIJ2-VRAAG") })
        #expect(mail.body.contains("anonieme bewoner") && !mail.body.contains("Fatima"))
        // Gerrit's Berichten.
        try t.logIn(Self.gerrit.0, Self.gerrit.1, expecting: "Demo Gerrit")
        try t.keys("6")
        let g = try t.waitFor("Antwoord op GERRIT-VRAAG")
        #expect(g.contains("anonieme bewoner") && !g.contains("Fatima"))
        try t.keys("q", "j")
    }
}
