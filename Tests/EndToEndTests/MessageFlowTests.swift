import Foundation
import Testing
@testable import SociaalHusCore

/// Messages in the real binary: a visitor contacts two residents through their posts; the one
/// with "berichten van bezoekers" on gets the message and one e-mail, the other only the message.
@Suite(.serialized) struct MessageFlowTests {
    func contactFromPost(_ t: Tmux, title: String) throws {
        try t.keys("2")
        try t.waitFor("Alle berichten")
        // To the top, then down the list until the post is selected.
        for _ in 0..<10 { try t.keys("PageUp") }
        var found = false
        for _ in 0..<80 {
            if try t.screen().split(separator: "\n").contains(where: { $0.contains("▌") && $0.contains(title) }) { found = true; break }
            try t.keys("Down")
            usleep(50_000)
        }
        #expect(found, "the post '\(title)' is in the list")
        try t.keys("Enter")
        try t.waitFor("c Reageren")
        try t.keys("c")
        try t.waitFor("Alleen de ontvanger ziet je naam en e-mailadres.")
        try t.type("Bezoeker Bas")
        try t.keys("Tab")
        try t.type("bas@example.org")
        try t.keys("Tab")
        try t.type("Ik kan helpen, bel me gerust")
        try t.tabUntil("[ Versturen ]")
        try t.keys("Enter")
        try t.waitFor("Je bericht is verstuurd.")
        try t.keys("Escape", "Escape")
    }

    @Test("a visitor contacts a resident with the toggle on (message and one e-mail) and off (message only); the answer goes back by e-mail")
    func visitorContacts() throws {
        let t = Tmux()
        try t.cli(["init", "--demo"])
        func copies(to address: String) throws -> Int {
            try Store.open(at: t.store).state.outbox.all.filter { $0.kind == .contactCopy && $0.to == address }.count
        }
        let anna = "anna.devries@demo.sociaalhus.example", henk = "henk.jansen@demo.sociaalhus.example"
        // The demo data already holds messages for Anna; count what this test adds.
        let annaBefore = try copies(to: anna), henkBefore = try copies(to: henk)
        try t.start(["--store", t.store])
        try t.waitFor("bezoeker")
        try contactFromPost(t, title: "Wie helpt mij met mijn tuin?")       // Anna: toggle on
        try contactFromPost(t, title: "Wie fietst mee op dinsdagochtend?") // Henk: toggle off
        var store = try Store.open(at: t.store)
        let toAnna = store.state.messages.all.filter { $0.recipient == .resident(store.state.account(email: anna)!.id) }
        let toHenk = store.state.messages.all.filter { $0.recipient == .resident(store.state.account(email: henk)!.id) }
        #expect(toAnna.contains { $0.senderEmail == "bas@example.org" } && toHenk.contains { $0.senderEmail == "bas@example.org" },
                "both messages arrive in Berichten")
        let annaAfter = try copies(to: anna)
        #expect(annaAfter == annaBefore + 1, "Anna's toggle is on: one e-mail (\(annaBefore) → \(annaAfter))")
        #expect(try copies(to: henk) == henkBefore, "Henk's toggle is off: no e-mail")
        // Henk reads and answers in tab 6; the answer goes to the visitor's address.
        try t.logIn(henk, "demo-Fiets-Molen-47", expecting: "Demo Henk")
        try t.keys("6")
        var s = try t.waitFor("van Bezoeker Bas")
        #expect(s.contains("nieuw"))
        try t.keys("Enter")
        s = try t.waitFor("Van: Bezoeker Bas <bas@example.org>")
        try t.keys("r")
        try t.waitFor("je e-mailadres blijft verborgen")
        try t.type("Graag, dinsdag om negen uur bij de kerk")
        try t.tabUntil("[ Versturen ]")
        try t.keys("Enter")
        try t.waitFor("Je bericht is verstuurd.")
        try t.keys("Escape")
        s = try t.waitFor("aan bas@example.org")
        #expect(!s.contains("nieuw  "), "the message is read now")
        try t.keys("q", "j")
        store = try Store.open(at: t.store)
        let answer = try #require(store.state.outbox.all.first { $0.kind == .reply && $0.to == "bas@example.org" })
        #expect(!answer.body.contains(henk), "Henk's address stays hidden")
        // Hand the outbox to a sendmail-compatible command.
        let spool = t.home + "/spool"
        let fake = t.home + "/fake-sendmail"
        try "#!/bin/sh\nmkdir -p \(spool)\ncat > \(spool)/$$.eml\n".write(toFile: fake, atomically: true, encoding: .utf8)
        chmod(fake, 0o755)
        #expect(try t.cli(["mail", "config", "--command", fake + " -t -oi"]).status == 0)
        let sent = try t.cli(["mail", "send"])
        #expect(sent.status == 0, "\(sent.out)")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: spool)) ?? []
        let sentCount = try Store.open(at: t.store).state.outbox.all.filter { $0.status == .sent }.count
        #expect(files.count == sentCount)
        #expect(files.count >= 2)
        #expect(try t.cli(["mail", "send"]).out.contains("0 verstuurd"), "nothing is sent twice")
        #expect(try t.cli(["check"]).status == 0)
    }
}
