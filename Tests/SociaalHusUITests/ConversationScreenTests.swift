import Foundation
import Testing
@testable import SociaalHusCore
@testable import SociaalHusUI
import TerminalKit

/// As residents type it (the core in `ConversationTests`): Anna writes to two
/// residents anonymous to her through their posts; both answer; her Berichten tells them apart
/// and threads each answer under her message.
@Suite(.serialized) struct ConversationScreenTests {
    /// From the post titled `title` on the Prikbord, sends `text` with the contact form.
    func contact(_ d: Driver, post title: String, _ text: String) {
        d.press(.char("2"))
        d.select(title)
        d.press(.enter, .char("c"))
        #expect(d.screen.contains("Over: " + title), "the form says what the message is about")
        d.focus("Bericht")
        d.type(text)
        d.focus("Versturen")
        d.press(.enter)
        #expect(d.screen.contains("Je bericht is verstuurd."))
        d.press(.escape)
    }

    /// Logs in as `who`, opens the newest conversation in Berichten and answers it.
    func answer(_ d: Driver, as who: String, _ text: String) {
        d.press(.char("4"), .char("l"))
        d.logIn(who)
        d.press(.char("6"), .enter, .char("r"))
        d.focus("Bericht")
        d.type(text)
        d.focus("Versturen")
        d.press(.enter)
        #expect(d.screen.contains("Je bericht is verstuurd."))
    }

    @Test("regression: a message says what it is about, answers thread under it, and two anonymous residents are told apart")
    func twoAnonymous() throws {
        let d = Driver()
        d.logIn("anna")
        contact(d, post: "Gratis brandhout", "Mag ik wat hout komen halen?")
        contact(d, post: "Gratis kinderkleding maat 98", "Is de tas er nog?")
        // Ria sees Anna's name (Openbaar) and what it is about.
        d.press(.char("4"), .char("l"))
        d.logIn("ria")
        d.press(.char("6"))
        #expect(d.screen.contains("van Demo Anna de Vries"))
        #expect(d.screen.contains("Over: Gratis brandhout"))
        answer(d, as: "ria", "Ja hoor, zaterdag.")
        answer(d, as: "fatima", "Ja, kom maar langs.")
        d.press(.char("4"), .char("l"))
        d.logIn("anna")
        d.press(.char("6"))
        let list = d.screen
        // Newest first: Fatima answered last. Each conversation one row, with its count.
        let rows = list.split(separator: "\n").filter { $0.contains("anonieme bewoner") }
        #expect(rows.count == 2, "\(list)")
        #expect(rows.first?.contains("van anonieme bewoner 2 (2) Over: Gratis kinderkleding") == true, "\(list)")
        #expect(rows.last?.contains("van anonieme bewoner 1 (2) Over: Gratis brandhout") == true, "\(list)")
        #expect(list.contains("Gesprekken (3, 3 nieuw)"), "two answers and the demo message from Marieke")
        // Open the conversation about the firewood: in order, both sides, told apart.
        d.press(.down, .enter)
        var s = d.screen
        #expect(s.contains("Over: Gratis brandhout"))
        #expect(s.contains("2 berichten, oudste eerst"))
        let to = try #require(s.range(of: "Aan: anonieme bewoner 1 (via 'Gratis brandhout')"))
        let from = try #require(s.range(of: "Van: anonieme bewoner 1 (via 'Gratis brandhout')"))
        #expect(to.lowerBound < from.lowerBound, "oldest first")
        for secret in ["Ria", "Nijhuis", "Hertme", "ria.nijhuis"] { #expect(!s.contains(secret), "\(secret)") }
        // Anna answers the answer: the conversation grows to three, still one row.
        d.press(.char("r"))
        #expect(d.screen.contains("Over: Gratis brandhout"))
        d.focus("Bericht")
        d.type("Zaterdag om tien uur.")
        d.focus("Versturen")
        d.press(.enter)
        s = d.screen
        #expect(s.contains("3 berichten, oudste eerst") && s.contains("Zaterdag om tien uur."), "\(s)")
        d.press(.escape)
        #expect(d.screen.contains("aan anonieme bewoner 1 (3) Over: Gratis brandhout"), "\(d.screen)")
        #expect(d.screen.split(separator: "\n").filter { $0.contains("anonieme bewoner") }.count == 2)
    }

    @Test("the English screens say it too; x removes the whole conversation after asking")
    func englishAndDelete() throws {
        let d = Driver(lang: .english)
        d.logIn("anna")
        d.press(.char("2"))
        d.select("Gratis brandhout")
        d.press(.enter, .char("c"))
        #expect(d.screen.contains("About: Gratis brandhout"))
        d.press(.escape)
        d.press(.char("6"), .enter)
        #expect(d.screen.contains("About: Wie helpt mij met mijn tuin?"))
        d.press(.char("x"))
        #expect(d.app.hasModal && d.screen.contains("Delete this conversation from your Messages?"))
        d.press(.char("y"))
        #expect(d.screen.contains("Conversation deleted."))
        #expect(d.screen.contains("Conversations (0, 0 new)"))
    }

    @Test("c on an activity writes to its organisation about the activity; its editor reads what it is about")
    func activity() throws {
        let d = Driver()
        d.press(.enter)
        #expect(d.screen.contains("c Contact"))
        d.press(.char("c"))
        #expect(d.screen.contains("Contact opnemen"))
        let over = try #require(d.screen.split(separator: "\n").first { $0.contains("Over: ") }.map { $0.trimmingCharacters(in: .whitespaces) })
        d.type("Bezoeker Bas")
        d.press(.tab)
        d.type("bas@example.org")
        d.focus("Bericht")
        d.type("Moet ik me aanmelden?")
        d.focus("Versturen")
        d.press(.enter)
        #expect(d.screen.contains("Je bericht is verstuurd."))
        let m = try #require(d.store.state.messages.all.first { $0.senderEmail == "bas@example.org" })
        guard case .activity(let id) = m.about, case .organisation(let org) = m.recipient else { Issue.record("not about an activity: \(m)"); return }
        let item = try #require(d.store.state.agenda[id.rawValue])
        #expect(item.organisation == org)
        #expect(over == "Over: " + item.title, "the form named the activity it was opened from")
        // The organisation's editor reads what it is about (Kees made one, if it had none).
        if d.store.state.editors(of: org).isEmpty {
            try d.store.update { tx in
                var kees = try #require(tx.state.accounts.all.first { $0.email.hasPrefix("kees") })
                kees.roles.editorOf.append(org)
                tx.put(kees)
            }
        }
        let editor = try #require(d.store.state.editors(of: org).first)
        #expect(d.store.conversations(for: .account(editor)).first?.about == .title(item.title))
    }
}
