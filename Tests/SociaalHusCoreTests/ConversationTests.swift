import Foundation
import Testing
@_spi(Operator) @testable import SociaalHusCore

/// A world for conversations: Anna (Centrum, public) writes to two residents
/// who are anonymous to her: Ria (Hertme, "Alleen buren": Anna is no neighbour) through her post
/// "Gratis brandhout", and Fatima (Bornsche Maten, Anoniem) through "Gratis kinderkleding". Bert
/// (Centrum) writes to Ria too. The Voedselbank has an editor (Kees), a post and an activity.
struct ConversationWorld {
    let dir = TempDir()
    let clock = FixedClock(testNow)
    let store: Store
    let anna: Account, bert: Account, ria: Account, fatima: Account, kees: Account
    let voedselbank: Organisation
    let brandhout: Post, hond: Post, kleding: Post, orgPost: Post
    let activity: AgendaItem

    init() throws {
        let store = try makeStore(dir, clock: clock)
        self.store = store
        voedselbank = try store.createOrganisation(Organisation(id: OrganisationID(0), name: "Voedselbank Borne", categories: ["geldzaken"]), by: .commandLine)
        // Fatima is registered before Ria: the numbers must follow Anna's order of contact, not
        // the accounts' numbers.
        fatima = try addResident(store, "fatima@example.nl", name: "Fatima El Amrani", wijk: "Bornsche Maten", visibility: .anonymous)
        ria = try addResident(store, "ria@example.nl", name: "Ria Nijhuis", wijk: "Hertme", visibility: .neighbours)
        anna = try addResident(store, "anna@example.nl", name: "Anna de Vries", visibility: .public)
        bert = try addResident(store, "bert@example.nl", name: "Bert Bos", visibility: .anonymous)
        kees = try addResident(store, "kees@example.nl", name: "Kees", roles: Roles(editorOf: [voedselbank.id]))
        let post = { (title: String, a: Account) throws -> Post in
            try store.createPost(PostDraft(kind: .aanbod, title: title, body: "Zelf ophalen.", wijk: a.profile.wijk, author: .resident(a.id)), by: .account(a))
        }
        brandhout = try post("Gratis brandhout", ria)
        hond = try post("Wie wil mijn hond uitlaten?", ria)
        kleding = try post("Gratis kinderkleding", fatima)
        orgPost = try store.createPost(PostDraft(kind: .vraag, title: "Houdbare producten nodig", body: "Pasta en rijst.", wijk: kees.profile.wijk,
                                                 author: .organisation(voedselbank.id, by: kees.id)), by: .account(kees))
        activity = try store.createAgendaItem(AgendaItem(id: AgendaItemID(0), title: "Inzameldag Voedselbank", start: testNow.addingTimeInterval(86_400 * 3), location: "Spoorstraat 7",
                                                         organisation: voedselbank.id), by: .commandLine)
    }

    /// The account as the store holds it now.
    func now(_ a: Account) -> Account { store.state.accounts[a.id.rawValue]! }

    /// Sends a contact message from a resident, a minute after the last.
    @discardableResult
    func send(_ from: Account, to: ContactMessage.Recipient, about: ContactMessage.About?, _ text: String) throws -> ContactMessage {
        clock.advance(60)
        return try store.sendMessage(senderName: from.profile.displayName, senderEmail: from.email, to: to, about: about, text: text, by: .account(now(from)))
    }

    /// Answers message `id`, a minute after the last.
    @discardableResult
    func reply(_ by: Account, to id: MessageID, _ text: String) throws -> ContactMessage {
        clock.advance(60)
        return try store.reply(to: id, text: text, by: .account(now(by)))
    }

    /// Hides a post as a moderator would (its hidden reason set).
    func hide(_ p: Post) throws {
        try store.update { tx in
            var post = tx.state.posts[p.id.rawValue]!
            post.hiddenReason = ReportReason.unwanted.rawValue
            tx.put(post)
        }
    }
}

@Suite struct AboutLineTests {
    /// One row: what happens, who reads, what their conversation says it is about.
    enum Case: String, CaseIterable {
        case residentPost, organisationPost, activity, organisation, visitorSender, deletedPost, hiddenPostSender, hiddenPostAuthor,
             deletedActivity, english, noAbout
    }

    @Test("the about-line of a message, as each reader may see the content", arguments: Case.allCases)
    func table(_ c: Case) throws {
        let w = try ConversationWorld()
        var reader: Viewer = .account(w.anna)
        var lang = Language.dutch
        let expected: String?
        switch c {
        case .residentPost:
            try w.send(w.anna, to: .resident(w.ria.id), about: .post(w.brandhout.id), "Mag ik wat hout komen halen?")
            // Both sides read it.
            #expect(w.store.conversations(for: .account(w.ria)).first?.about.map { Language.dutch.t($0.line) } == "Over: Gratis brandhout")
            expected = "Over: Gratis brandhout"
        case .organisationPost:
            try w.send(w.anna, to: .organisation(w.voedselbank.id), about: .post(w.orgPost.id), "Ik heb pasta over.")
            reader = .account(w.kees)
            expected = "Over: Houdbare producten nodig"
        case .activity:
            try w.send(w.anna, to: .organisation(w.voedselbank.id), about: .activity(w.activity.id), "Hoe laat begint het?")
            reader = .account(w.kees)
            expected = "Over: Inzameldag Voedselbank"
        case .organisation:
            try w.send(w.anna, to: .organisation(w.voedselbank.id), about: .organisation(w.voedselbank.id), "Zoeken jullie vrijwilligers?")
            reader = .account(w.kees)
            expected = "Over: Voedselbank Borne"
        case .visitorSender:
            try w.store.sendMessage(senderName: "Bezoeker Bas", senderEmail: "bas@example.org", to: .resident(w.ria.id), about: .post(w.brandhout.id),
                                    text: "Is er nog hout?", by: .visitor)
            reader = .account(w.ria)
            expected = "Over: Gratis brandhout"
        case .deletedPost:
            try w.send(w.anna, to: .resident(w.ria.id), about: .post(w.brandhout.id), "Mag ik wat hout komen halen?")
            try w.store.deletePost(w.brandhout.id, by: .account(w.ria))
            expected = "Over: (bericht verwijderd)"
        case .hiddenPostSender:
            try w.send(w.anna, to: .resident(w.ria.id), about: .post(w.brandhout.id), "Mag ik wat hout komen halen?")
            try w.hide(w.brandhout)
            // Anna may no longer see the post: not its title either.
            expected = "Over: (bericht verwijderd)"
        case .hiddenPostAuthor:
            try w.send(w.anna, to: .resident(w.ria.id), about: .post(w.brandhout.id), "Mag ik wat hout komen halen?")
            try w.hide(w.brandhout)
            // Its author still sees her hidden post, so its title too.
            reader = .account(w.ria)
            expected = "Over: Gratis brandhout"
        case .deletedActivity:
            try w.send(w.anna, to: .organisation(w.voedselbank.id), about: .activity(w.activity.id), "Hoe laat begint het?")
            try w.store.deleteAgendaItem(w.activity.id, by: .commandLine)
            expected = "Over: (activiteit verwijderd)"
        case .english:
            try w.send(w.anna, to: .resident(w.ria.id), about: .post(w.brandhout.id), "May I fetch some wood?")
            lang = .english
            expected = "About: Gratis brandhout"
        case .noAbout:
            // From a profile: about nothing, so no line.
            try w.send(w.bert, to: .resident(w.anna.id), about: nil, "Hallo buurvrouw")
            expected = nil
        }
        let conversations = w.store.conversations(for: reader)
        #expect(conversations.count == 1)
        #expect(conversations.first?.about.map { lang.t($0.line) } == expected, "\(c)")
        if let m = conversations.first?.latest.message {
            #expect(w.store.aboutTitle(of: m, for: reader).map { lang.t($0.line) } == expected)
        }
    }

    @Test("a message cannot claim to be about content its sender may not see, or that is not the recipient's")
    func refusals() throws {
        let w = try ConversationWorld()
        // Fatima's post while writing to Ria; Ria's post to the organisation; an activity as if to Ria.
        let wrong: [(ContactMessage.Recipient, ContactMessage.About)] = [
            (.resident(w.ria.id), .post(w.kleding.id)), (.organisation(w.voedselbank.id), .post(w.brandhout.id)),
            (.resident(w.ria.id), .activity(w.activity.id)), (.resident(w.ria.id), .organisation(w.voedselbank.id)),
            (.resident(w.ria.id), .post(PostID(9_999))),
        ]
        for (to, about) in wrong {
            #expect(throws: CoreError.self, "\(to) about \(about)") { try w.send(w.anna, to: to, about: about, "Hallo") }
        }
        try w.hide(w.brandhout)
        #expect(throws: CoreError.self, "a hidden post") { try w.send(w.anna, to: .resident(w.ria.id), about: .post(w.brandhout.id), "Hallo") }
        #expect(w.store.state.messages.count == 0)
    }

    @Test("what a message is about is kept as a number only, survives reopening, and goes with its message")
    func stored() throws {
        let w = try ConversationWorld()
        let m = try w.send(w.anna, to: .resident(w.ria.id), about: .post(w.brandhout.id), "Mag ik wat hout komen halen?")
        let reopened = try reopen(w.dir)
        #expect(reopened.state.messages[m.id.rawValue]?.about == .post(w.brandhout.id))
        #expect(try reopened.db.integer("SELECT count(*) FROM message_about WHERE message = ?1 AND post = ?2", m.id.rawValue, w.brandhout.id.rawValue) == 1)
        #expect(StoreCheck.run(at: w.dir.store).isSound)
        // Both sides remove it: the message and its about go.
        try reopened.deleteMessage(m.id, by: .account(w.now(w.anna)))
        try reopened.deleteMessage(m.id, by: .account(w.now(w.ria)))
        #expect(reopened.state.messages[m.id.rawValue] == nil)
        #expect(try reopened.db.integer("SELECT count(*) FROM message_about") == 0)
    }

    @Test("the e-mail copy and the answer by e-mail say what the message is about; a title cannot add a header")
    func mail() throws {
        let w = try ConversationWorld()
        try w.store.updateProfile(for: w.ria.id, by: .account(w.ria)) { $0.email.visitorMessages = true }
        let m = try w.store.sendMessage(senderName: "Bezoeker Bas", senderEmail: "bas@example.org", to: .resident(w.ria.id), about: .post(w.brandhout.id),
                                        text: "Is er nog hout?", by: .visitor)
        let copy = try #require(w.store.state.outbox.all.first { $0.kind == .contactCopy })
        #expect(copy.subject.hasSuffix("Over / About: Gratis brandhout"))
        #expect(copy.body.hasPrefix("Over / About: Gratis brandhout\n"))
        try w.reply(w.ria, to: m.id, "Ja hoor, kom maar.")
        let answer = try #require(w.store.state.outbox.all.first { $0.kind == .reply && $0.to == "bas@example.org" })
        #expect(answer.subject.hasSuffix("Over / About: Gratis brandhout"))
        #expect(!answer.body.contains("ria@example.nl") && !answer.body.contains("Ria Nijhuis"), "Ria stays anonymous and her address hidden")
        // A title with a line break (planted: the form refuses one) is made visible, not a header.
        try w.store.update { tx in
            var p = tx.state.posts[w.brandhout.id.rawValue]!
            p.title = "Hout\nBcc: iedereen@example.org"
            tx.put(p)
        }
        try w.store.sendMessage(senderName: "Bezoeker Bas", senderEmail: "bas@example.org", to: .resident(w.ria.id), about: .post(w.brandhout.id),
                                text: "Nog eens", by: .visitor)
        let second = try #require(w.store.state.outbox.all.filter { $0.kind == .contactCopy }.max { $0.id < $1.id })
        #expect(!second.subject.contains("\n"))
        #expect(second.subject.contains("Hout⏎Bcc"))
        let rendered = try RFC5322.render(MailMessage(to: second.to, subject: second.subject, body: second.body), from: "platform@example.org", date: testNow, messageID: "<x@y>")
        #expect(!rendered.contains("\nBcc:"))
    }
}

@Suite struct ThreadingTests {
    @Test("a message and its answers, answers to answers included, are one conversation, oldest first, on both sides")
    func chain() throws {
        let w = try ConversationWorld()
        let first = try w.send(w.anna, to: .resident(w.ria.id), about: .post(w.brandhout.id), "Mag ik wat hout komen halen?")
        let second = try w.reply(w.ria, to: first.id, "Ja, zaterdag?")
        let third = try w.reply(w.anna, to: second.id, "Zaterdag om tien uur past.")
        let fourth = try w.reply(w.ria, to: third.id, "Tot dan!")
        #expect(fourth.about == .post(w.brandhout.id), "an answer carries what its original is about")
        for reader in [w.anna, w.ria] {
            let cs = w.store.conversations(for: .account(w.now(reader)))
            #expect(cs.count == 1, "\(reader.name)")
            #expect(cs.first?.id == first.id)
            #expect(cs.first?.lines.map(\.message.id) == [first.id, second.id, third.id, fourth.id])
            #expect(cs.first?.about.map { Language.dutch.t($0.line) } == "Over: Gratis brandhout")
        }
        let anna = try #require(w.store.conversations(for: .account(w.anna)).first)
        #expect(anna.lines.map(\.received) == [false, true, false, true])
        #expect(anna.unread == 2)
        #expect(anna.latestReceived?.message.id == fourth.id)
        // Any message of it finds it.
        #expect(w.store.conversation(holding: third.id, for: .account(w.anna))?.id == first.id)
    }

    @Test("conversations are ordered by their newest message, and other people's messages are never mixed in")
    func separate() throws {
        let w = try ConversationWorld()
        let toRia = try w.send(w.anna, to: .resident(w.ria.id), about: .post(w.brandhout.id), "Mag ik wat hout komen halen?")
        let toFatima = try w.send(w.anna, to: .resident(w.fatima.id), about: .post(w.kleding.id), "Is maat 98 er nog?")
        // Bert writes to Ria about the same post, and she answers him.
        let bert = try w.send(w.bert, to: .resident(w.ria.id), about: .post(w.brandhout.id), "Ik wil ook hout.")
        let toBert = try w.reply(w.ria, to: bert.id, "Er is genoeg.")
        // Ria answers Anna last: Anna's conversation with Ria is now her newest.
        let fromRia = try w.reply(w.ria, to: toRia.id, "Kom maar.")
        let anna = w.store.conversations(for: .account(w.anna))
        #expect(anna.map(\.id) == [toRia.id, toFatima.id])
        #expect(anna[0].lines.map(\.message.id) == [toRia.id, fromRia.id])
        #expect(!anna.flatMap(\.lines).contains { [bert.id, toBert.id].contains($0.message.id) }, "Bert's conversation is not Anna's")
        let ria = w.store.conversations(for: .account(w.ria))
        #expect(ria.map(\.id) == [toRia.id, bert.id])
        #expect(ria[1].lines.map(\.message.id) == [bert.id, toBert.id])
        #expect(w.store.conversations(for: .account(w.kees)).isEmpty)
        #expect(w.store.conversations(for: .visitor).isEmpty)
    }

    @Test("a message removed from the middle leaves the rest together; removing the conversation leaves the other side theirs")
    func removing() throws {
        let w = try ConversationWorld()
        let first = try w.send(w.anna, to: .resident(w.ria.id), about: .post(w.brandhout.id), "Mag ik wat hout komen halen?")
        let second = try w.reply(w.ria, to: first.id, "Ja, zaterdag?")
        let third = try w.reply(w.anna, to: second.id, "Zaterdag om tien uur past.")
        try w.store.deleteMessage(second.id, by: .account(w.anna))
        let anna = try #require(w.store.conversations(for: .account(w.anna)).first)
        #expect(anna.lines.map(\.message.id) == [first.id, third.id])
        #expect(w.store.conversations(for: .account(w.anna)).count == 1)
        try w.store.deleteConversation(holding: third.id, by: .account(w.anna))
        #expect(w.store.conversations(for: .account(w.anna)).isEmpty)
        #expect(w.store.conversations(for: .account(w.ria)).first?.lines.map(\.message.id) == [first.id, second.id, third.id])
        #expect(throws: CoreError.self) { try w.store.deleteConversation(holding: first.id, by: .account(w.bert)) }
    }
}

@Suite struct AnonymousCorrespondentTests {
    @Test("two residents anonymous to the reader get different numbers, by the reader's order of contact, with the post they came through")
    func toldApart() throws {
        let w = try ConversationWorld()
        let toRia = try w.send(w.anna, to: .resident(w.ria.id), about: .post(w.brandhout.id), "Mag ik wat hout komen halen?")
        let toFatima = try w.send(w.anna, to: .resident(w.fatima.id), about: .post(w.kleding.id), "Is maat 98 er nog?")
        try w.reply(w.ria, to: toRia.id, "Kom maar.")
        try w.reply(w.fatima, to: toFatima.id, "Ja, nog een hele tas.")
        func labels(_ s: Store, _ lang: Language = .dutch) -> [MessageID: [String]] {
            Dictionary(uniqueKeysWithValues: s.conversations(for: .account(w.anna)).map { ($0.id, $0.lines.map { lang.t($0.correspondentInFull) }) })
        }
        let shown = labels(w.store)
        #expect(shown[toRia.id] == ["anonieme bewoner 1 (via 'Gratis brandhout')", "anonieme bewoner 1 (via 'Gratis brandhout')"])
        #expect(shown[toFatima.id] == ["anonieme bewoner 2 (via 'Gratis kinderkleding')", "anonieme bewoner 2 (via 'Gratis kinderkleding')"])
        #expect(w.store.conversations(for: .account(w.anna)).first { $0.id == toFatima.id }?.latest.correspondent.text(.dutch) == "anonieme bewoner 2")
        #expect(labels(w.store, .english)[toRia.id]?.first == "anonymous resident 1 (via 'Gratis brandhout')")
        // The same in a new session (another process), and after more conversations begin.
        #expect(labels(try reopen(w.dir)) == shown)
        try w.send(w.bert, to: .resident(w.anna.id), about: nil, "Hallo buurvrouw")
        #expect(labels(w.store).filter { [toRia.id, toFatima.id].contains($0.key) } == shown)
        // Nothing of who they are: no name, address, number of their account.
        let all = w.store.conversations(for: .account(w.anna)).flatMap(\.lines).flatMap { [$0.correspondent.text(.dutch), Language.dutch.t($0.correspondentInFull)] }
        for secret in [w.ria.name, w.fatima.name, w.ria.email, w.fatima.email, "Hertme", "Bornsche Maten"] {
            #expect(!all.contains { $0.contains(secret) }, "\(secret)")
        }
        // Fatima's and Ria's account numbers are 1 and 2 (in that order): the labels are 2 and 1.
        #expect(w.fatima.id.rawValue < w.ria.id.rawValue)
    }

    @Test("the same anonymous person through two posts is two correspondents: a number never ties their posts together")
    func notLinked() throws {
        let w = try ConversationWorld()
        let a = try w.send(w.anna, to: .resident(w.ria.id), about: .post(w.brandhout.id), "Mag ik wat hout komen halen?")
        let b = try w.send(w.anna, to: .resident(w.ria.id), about: .post(w.hond.id), "Ik wil je hond wel uitlaten.")
        let cs = w.store.conversations(for: .account(w.anna))
        let byID = Dictionary(uniqueKeysWithValues: cs.map { ($0.id, $0.latest.correspondent.text(.dutch)) })
        #expect(byID[a.id] == "anonieme bewoner 1")
        #expect(byID[b.id] == "anonieme bewoner 2")
    }

    @Test("a correspondent whose name the reader may see keeps it; an anonymous one's label drops the title once the post is gone")
    func namedAndGone() throws {
        let w = try ConversationWorld()
        let toRia = try w.send(w.anna, to: .resident(w.ria.id), about: .post(w.brandhout.id), "Mag ik wat hout komen halen?")
        try w.reply(w.ria, to: toRia.id, "Kom maar.")
        // Ria sees Anna's name (public) on both messages.
        let ria = try #require(w.store.conversations(for: .account(w.ria)).first)
        #expect(ria.lines.map(\.correspondent) == [.named("Anna de Vries"), .named("Anna de Vries")])
        try w.store.deletePost(w.brandhout.id, by: .account(w.ria))
        let anna = try #require(w.store.conversations(for: .account(w.anna)).first)
        #expect(Language.dutch.t(anna.latest.correspondentInFull) == "anonieme bewoner 1")
        #expect(anna.about == .removedPost && Language.dutch.t(anna.about!.line) == "Over: (bericht verwijderd)")
    }
}
