import Foundation
import Testing
@testable import SociaalHusCore

/// Conversations in the real binary, as residents type them: Anna writes to
/// Ria and Fatima through their posts, both anonymous to her; they answer; Anna's Berichten says
/// what each conversation is about, threads each answer under her message and tells the two
/// "anonieme bewoner" apart.
@Suite(.serialized) struct ConversationFlowTests {
    static let anna = ("anna.devries@demo.sociaalhus.example", "demo-Kiwi-Tulp-2026", "Demo Anna")
    static let ria = ("ria.nijhuis@demo.sociaalhus.example", "demo-Haring-Wolk-31", "Demo Ria")
    static let fatima = ("fatima.elamrani@demo.sociaalhus.example", "demo-Regen-Appel-19", "Demo Fatima")

    /// Logs out (if logged in) and in as `who`.
    func become(_ t: Tmux, _ who: (String, String, String), loggedIn: Bool = true) throws {
        if loggedIn {
            try t.keys("4")
            try t.waitFor("Uitloggen")
            try t.keys("l")
            try t.waitFor("bezoeker")
        }
        try t.logIn(who.0, who.1, expecting: who.2)
    }

    /// From the Prikbord, the post titled `title`, `c`, and `text` sent (name and address filled in).
    func contact(_ t: Tmux, post title: String, _ text: String) throws {
        try t.keys("2")
        try t.waitFor("Alle berichten")
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
        try t.waitFor("Over: " + title)
        try t.tabUntil("Bericht *")
        try t.type(text)
        try t.tabUntil("[ Versturen ]")
        try t.keys("Enter")
        try t.waitFor("Je bericht is verstuurd.")
        try t.keys("Escape")
    }

    /// In Berichten, opens the newest conversation and answers it.
    func answerNewest(_ t: Tmux, about title: String, _ text: String) throws {
        try t.keys("6")
        try t.waitFor("van Demo Anna de Vries")
        try t.keys("Enter")
        try t.waitFor("Over: " + title)
        try t.keys("r")
        try t.waitFor("je e-mailadres blijft verborgen")
        try t.type(text)
        try t.tabUntil("[ Versturen ]")
        try t.keys("Enter")
        try t.waitFor("Je bericht is verstuurd.")
        try t.keys("Escape")
    }

    @Test("regression: two anonymous residents answer Anna; her Berichten says what each is about, threads the answers and tells them apart")
    func twoAnonymous() throws {
        let t = Tmux()
        try t.cli(["init", "--demo"])
        try t.start(["--store", t.store])
        try t.waitFor("bezoeker")
        try become(t, Self.anna, loggedIn: false)
        try contact(t, post: "Gratis brandhout", "Mag ik wat hout komen halen?")
        try contact(t, post: "Gratis kinderkleding maat 98", "Is de tas er nog?")
        try become(t, Self.ria)
        try answerNewest(t, about: "Gratis brandhout", "Ja hoor, zaterdag.")
        try become(t, Self.fatima)
        try answerNewest(t, about: "Gratis kinderkleding maat 98", "Ja, kom maar langs.")
        try become(t, Self.anna)
        try t.keys("6")
        var s = try t.waitFor("van anonieme bewoner 1 (2) Over: Gratis brandhout")
        #expect(s.contains("van anonieme bewoner 2 (2) Over: Gratis kinderkleding"), "\(s)")
        let rows = s.split(separator: "\n").filter { $0.contains("anonieme bewoner") }
        #expect(rows.count == 2 && rows.first?.contains("bewoner 2") == true, "newest first, one row per conversation:\n\(s)")
        // The firewood conversation, in order, with who is who.
        try t.keys("Down", "Enter")
        s = try t.waitFor("Van: anonieme bewoner 1 (via 'Gratis brandhout')")
        #expect(s.contains("Over: Gratis brandhout") && s.contains("2 berichten, oudste eerst"))
        #expect(s.contains("Aan: anonieme bewoner 1 (via 'Gratis brandhout')"))
        for secret in ["Ria", "Nijhuis", "Hertme"] { #expect(!s.contains(secret), "\(secret) stays hidden") }
        try t.keys("r")
        try t.waitFor("Over: Gratis brandhout")
        try t.type("Zaterdag om tien uur.")
        try t.tabUntil("[ Versturen ]")
        try t.keys("Enter")
        s = try t.waitFor("3 berichten, oudste eerst")
        try t.keys("Escape")
        try t.waitFor("aan anonieme bewoner 1 (3) Over: Gratis brandhout")
        try t.keys("q", "j")
        // From outside: the store holds what each message is about, as numbers; it checks sound.
        let store = try Store.open(at: t.store)
        let brandhout = try #require(store.state.posts.all.first { $0.title == "Gratis brandhout" })
        #expect(store.state.messages.all.filter { $0.about == .post(brandhout.id) }.count == 3)
        #expect(try t.cli(["check"]).status == 0)
    }
}
