import Foundation
import Testing
@_spi(Operator) @testable import SociaalHusCore

/// A world for e-mail: Anna (Centrum, interested in "sport"), a visitor, a partner of Centrum,
/// an administrator and an organisation with one editor.
struct MailWorld {
    let w: DeskWorld
    var store: Store { w.store }
    let anna: Account
    let bert: Account

    init(toggles: EmailPreferences, digest: Bool = false) throws {
        w = try DeskWorld()
        try w.store.updateProfile(for: w.resident.id, by: .account(w.resident)) {
            $0.email = toggles
            $0.interests = ["sport"]
            $0.visibility = .public
            $0.digest = digest ? .daily : .immediately
        }
        anna = w.store.state.accounts[w.resident.id.rawValue]!
        bert = try addResident(w.store, "bert@example.nl", name: "Bert", wijk: "Bornsche Maten")
        try w.store.updateProfile(for: bert.id, by: .account(bert)) { $0.email = toggles; $0.interests = ["sport"] }
    }

    /// The e-mails queued for an address.
    func mails(to address: String) -> [OutboxMessage] { store.state.outbox.all.filter { $0.to == address }.sorted { $0.id < $1.id } }
}

@Suite struct EmailToggleTests {
    enum Send: String, CaseIterable { case contact, notification, newsletter, announcement }

    static let rows: [(Send, EmailKind)] = Send.allCases.map { s in
        switch s {
        case .contact: (s, .visitorMessage)
        case .notification: (s, .wijkNotification)
        case .newsletter: (s, .newsletter)
        case .announcement: (s, .announcement)
        }
    }

    func send(_ s: Send, _ m: MailWorld) throws {
        switch s {
        case .contact:
            try m.store.sendMessage(senderName: "Bezoeker", senderEmail: "bezoeker@example.org", to: .resident(m.anna.id), text: "Hallo!", by: .visitor)
        case .notification:
            try m.store.createPost(PostDraft(kind: .aanbod, title: "Tuinset te geef", body: "Voor je sport", wijk: m.anna.profile.wijk,
                                             author: .organisation(m.w.voedselbank.id, by: m.w.editor.id)), by: .account(m.w.editor))
        case .newsletter:
            try m.store.sendNewsletter(wijk: m.anna.profile.wijk, subject: "December", text: "Nieuws uit Centrum", by: .account(m.w.partner))
        case .announcement:
            try m.store.sendAnnouncement(subject: "Onderhoud", text: "Zondag even niet bereikbaar", by: .account(m.w.admin))
        }
    }

    @Test("every kind of e-mail × every state of the four toggles: only the governing toggle lets it out",
          arguments: rows, [false, true])
    func table(_ row: (Send, EmailKind), _ on: Bool) throws {
        let (kind, governing) = row
        // Every other toggle is the opposite, so a wrong toggle would show.
        var toggles = EmailPreferences(visitorMessages: !on, wijkNotifications: !on, newsletters: !on, announcements: !on)
        toggles[governing] = on
        let m = try MailWorld(toggles: toggles)
        try send(kind, m)
        let mails = m.mails(to: m.anna.email)
        #expect(mails.count == (on ? 1 : 0), "\(kind) with its toggle \(on ? "on" : "off")")
        if let mail = mails.first {
            #expect(mail.body.contains(governing.label(.dutch)), "the e-mail names its toggle")
            #expect(mail.body.contains("ga naar Profiel") && mail.body.contains("go to Profile"), "and where to turn it off")
        }
        if kind == .contact {
            #expect(m.store.messages(for: .account(m.anna)).count == 1, "in-app messages always arrive")
        }
        // Bert lives in another wijk: no notification or newsletter for Centrum, whatever his toggles.
        let bertMails = m.mails(to: "bert@example.nl")
        #expect(bertMails.count == (on && kind == .announcement ? 1 : 0))
    }

    @Test("notifications only for matching interests; the author is not told about their own post") func interests() throws {
        let m = try MailWorld(toggles: EmailPreferences(wijkNotifications: true))
        try m.store.createPost(PostDraft(kind: .vraag, title: "Wie heeft een ladder?", body: "Voor de dakgoot", wijk: m.anna.profile.wijk,
                                         author: .organisation(m.w.voedselbank.id, by: m.w.editor.id)), by: .account(m.w.editor))
        #expect(m.mails(to: m.anna.email).isEmpty, "no interest area matches")
        try m.store.createPost(PostDraft(kind: .vraag, title: "Hulp in de sport", body: "Snoeien", wijk: m.anna.profile.wijk,
                                         author: .resident(m.anna.id)), by: .account(m.anna))
        #expect(m.mails(to: m.anna.email).isEmpty, "not about her own post")
        let start = testNow.addingTimeInterval(3 * 86_400)
        try m.store.createAgendaItem(AgendaItem(id: AgendaItemID(0), title: "Snoeicursus", start: start, location: "De Kern", wijk: nil, organisation: m.w.voedselbank.id,
                                                category: "Sport"), by: .account(m.w.editor))
        #expect(m.mails(to: m.anna.email).count == 1, "an item for all of Borne in her interest")
        #expect(m.mails(to: "bert@example.nl").count == 1)
    }

    @Test("a daily digest groups the day's notifications into one e-mail per person") func digest() throws {
        let m = try MailWorld(toggles: EmailPreferences(wijkNotifications: true), digest: true)
        for title in ["Tuinbank", "Tuinslang", "Tuinhek"] {
            try m.store.createPost(PostDraft(kind: .aanbod, title: title + " voor de sport", body: "gratis", wijk: m.anna.profile.wijk,
                                             author: .organisation(m.w.voedselbank.id, by: m.w.editor.id)), by: .account(m.w.editor))
        }
        #expect(m.mails(to: m.anna.email).isEmpty, "nothing until the digest")
        #expect(m.store.state.accounts[m.anna.id.rawValue]!.pendingDigest.count == 3)
        #expect(try m.store.sendDigests() == 1)
        let mails = m.mails(to: m.anna.email)
        #expect(mails.count == 1)
        #expect(mails[0].kind == .digest)
        for title in ["Tuinbank", "Tuinslang", "Tuinhek"] { #expect(mails[0].body.contains(title)) }
        #expect(try m.store.sendDigests() == 0, "each line goes once")
        // Turned off before the digest: the waiting lines are dropped, nothing is sent.
        try m.store.createPost(PostDraft(kind: .aanbod, title: "Tuinstoel", body: "sport", wijk: m.anna.profile.wijk,
                                         author: .organisation(m.w.voedselbank.id, by: m.w.editor.id)), by: .account(m.w.editor))
        try m.store.setEmailPreference(.wijkNotification, to: false, for: m.anna.id, by: .account(m.anna))
        #expect(try m.store.sendDigests() == 0)
        #expect(m.store.state.accounts[m.anna.id.rawValue]!.pendingDigest.isEmpty)
    }

    @Test("newsletters: only the wijk's partner or an administrator") func newsletterRights() throws {
        let m = try MailWorld(toggles: EmailPreferences(newsletters: true))
        #expect(throws: CoreError.notPermitted(.partnersOnly)) {
            try m.store.sendNewsletter(wijk: m.anna.profile.wijk, subject: "x", text: "y", by: .account(m.anna))
        }
        #expect(throws: CoreError.notPermitted(.partnersOnly)) {
            try m.store.sendNewsletter(wijk: wijkID(m.store, "Hertme"), subject: "x", text: "y", by: .account(m.w.partner))
        }
        #expect(throws: CoreError.notPermitted(.administratorsOnly)) {
            try m.store.sendAnnouncement(subject: "x", text: "y", by: .account(m.w.partner))
        }
        #expect(throws: CoreError.fieldTooLong(.body, limit: 5_000)) {
            try m.store.sendNewsletter(wijk: m.anna.profile.wijk, subject: "x", text: String(repeating: "y", count: 5_001), by: .account(m.w.partner))
        }
    }
}

@Suite struct ContactMessageTests {
    /// The copy carried "Reply-To: <visitor>"; answering it from a mail program handed
    /// the visitor the resident's address, while the screen says it stays hidden.
    @Test("regression: the e-mail telling a resident a visitor wrote has no Reply-To and says to answer in SociaalHus")
    func contactCopyHasNoReplyTo() throws {
        let m = try MailWorld(toggles: EmailPreferences(visitorMessages: true))
        try m.store.sendMessage(senderName: "Bezoeker", senderEmail: "bezoeker@example.org", to: .resident(m.anna.id), text: "Hallo", by: .visitor)
        let copy = try #require(m.mails(to: m.anna.email).first)
        let file = try #require(copy.file)
        let text = try String(contentsOfFile: m.w.dir.store + "/mail/" + file, encoding: .utf8)
        #expect(!text.lowercased().contains("reply-to"), "\(text)")
        #expect(text.contains("To: <\(m.anna.email)>"))
        #expect(copy.body.contains("beantwoord het in SociaalHus onder Berichten: dan blijft je e-mailadres verborgen"))
    }

    @Test("only the recipient sees the sender's details; the sender never sees the recipient's address") func visibility() throws {
        let m = try MailWorld(toggles: EmailPreferences(visitorMessages: true))
        let sent = try m.store.sendMessage(senderName: "Kees", senderEmail: "kees@example.nl", to: .resident(m.anna.id), text: "Mag ik je ladder lenen?",
                                           by: .account(m.w.editor))
        #expect(m.store.messages(for: .account(m.anna)).map(\.id) == [sent.id])
        #expect(m.store.messages(for: .account(m.bert)).isEmpty)
        #expect(m.store.messages(for: .visitor).isEmpty)
        let copy = try #require(m.mails(to: m.anna.email).first)
        #expect(copy.body.contains("kees@example.nl"), "the recipient sees who wrote")
        // What the sender has: their own message, and nothing with Anna's address.
        let senderSees = m.store.messages(for: .account(m.w.editor))
        #expect(senderSees.count == 1)
        #expect(!"\(senderSees)".contains(m.anna.email))
        // Anna answers: Kees gets it in Berichten, without Anna's address.
        try m.store.markRead(sent.id, by: .account(m.anna))
        #expect(m.store.state.messages[sent.id.rawValue]!.read)
        let answer = try m.store.reply(to: sent.id, text: "Ja hoor", by: .account(m.anna))
        #expect(answer.senderEmail.isEmpty)
        #expect(m.store.messages(for: .account(m.w.editor)).contains { $0.id == answer.id })
        #expect(!m.store.state.outbox.all.contains { $0.body.contains(m.anna.email) && $0.to != m.anna.email })
    }

    @Test("a visitor's message is answered by e-mail to the address they gave, and deleting removes it") func visitorReply() throws {
        let m = try MailWorld(toggles: EmailPreferences())
        let sent = try m.store.sendMessage(senderName: "Bezoeker", senderEmail: "bezoeker@example.org", to: .resident(m.anna.id), text: "Vraag", by: .visitor)
        #expect(m.mails(to: m.anna.email).isEmpty, "toggle off: no copy")
        try m.store.reply(to: sent.id, text: "Antwoord", by: .account(m.anna))
        let mail = try #require(m.mails(to: "bezoeker@example.org").first)
        #expect(mail.kind == .reply)
        #expect(!mail.body.contains(m.anna.email))
        let text = try #require(try m.store.mailText(mail, by: .commandLine))
        #expect(!text.contains(m.anna.email), "not in any header either")
        #expect(try parseWithPython([text]).first?["defects"] == "0")
        try m.store.deleteMessage(sent.id, by: .account(m.anna))
        #expect(m.store.state.messages[sent.id.rawValue] == nil, "nobody keeps it: erased")
    }

    @Test("contact is refused where the profile is hidden and the person has no visible post") func hiddenProfile() throws {
        let m = try MailWorld(toggles: EmailPreferences())
        #expect(throws: CoreError.self) {
            try m.store.sendMessage(senderName: "X", senderEmail: "x@example.org", to: .resident(m.bert.id), text: "Hoi", by: .visitor)
        }
        #expect(throws: CoreError.self) {
            try m.store.sendMessage(senderName: "X\nBcc: y@example.org", senderEmail: "x@example.org", to: .resident(m.anna.id), text: "Hoi", by: .visitor)
        }
        #expect(throws: CoreError.invalidEmail("x@")) {
            try m.store.sendMessage(senderName: "X", senderEmail: "x@", to: .resident(m.anna.id), text: "Hoi", by: .visitor)
        }
    }

    @Test("erasing an account removes its queued and sent e-mails from every file") func eraseCanary() throws {
        let m = try MailWorld(toggles: EmailPreferences(visitorMessages: true, wijkNotifications: true, newsletters: true, announcements: true))
        try m.store.sendMessage(senderName: "Canary Afzender Zz9", senderEmail: "canary-sender-q1@example.org", to: .resident(m.anna.id),
                                text: "CANARY-MAIL-TEXT-Rr5", by: .visitor)
        try m.store.sendAnnouncement(subject: "Onderhoud", text: "Kort", by: .account(m.w.admin))
        try m.store.deliverMail(using: RecordingSender())
        try m.store.sendNewsletter(wijk: m.anna.profile.wijk, subject: "Nieuws", text: "Kort", by: .account(m.w.partner))
        for c in [m.anna.email, "CANARY-MAIL-TEXT-Rr5", "canary-sender-q1"] { #expect(!m.w.filesContaining(c).isEmpty, "\(c) planted") }
        try m.store.erase(m.anna.id, by: .account(m.anna))
        for c in [m.anna.email, "CANARY-MAIL-TEXT-Rr5"] { #expect(m.w.filesContaining(c).isEmpty, "\(c) remains in \(m.w.filesContaining(c))") }
        #expect(m.store.leftoverFiles().isEmpty)
        #expect(!m.mails(to: "bert@example.nl").isEmpty, "Bert's e-mails stay")
    }
}

/// Text typed on several lines keeps its line breaks on every surface: the store, the e-mail
/// and the export (screens are tested in the UI tests, ICS escaping in the feed tests).
@Suite struct LineBreakTests {
    @Test("a message on two lines reaches the e-mail and the export with its line break") func lineBreaks() throws {
        let m = try MailWorld(toggles: EmailPreferences(visitorMessages: true))
        let text = "Regel een\nRegel twee"
        try m.store.sendMessage(senderName: "Bezoeker", senderEmail: "bezoeker@example.org", to: .resident(m.anna.id), text: text, by: .visitor)
        let stored = m.store.state.messages.all.max { $0.id < $1.id }
        #expect(stored?.text == text)
        let mail = try #require(m.mails(to: m.anna.email).last)
        #expect(mail.body.contains("Regel een\nRegel twee"))
        let export = String(decoding: try m.store.export(m.anna.id, by: .account(m.anna)).json(), as: UTF8.self)
        #expect(export.contains("Regel een\\nRegel twee"))
    }
}

@Suite struct StoredReplyNameTests {
    @Test("regression: a reply stored with the replier's own name (before stop 17) follows their level; an organisation's name stays")
    func oldReplies() throws {
        let w = try DeskWorld()
        try w.store.updateProfile(for: w.resident.id, by: .account(w.resident)) { $0.visibility = .anonymous }
        let anna = w.store.state.accounts[w.resident.id.rawValue]!
        func message(_ name: String, from account: AccountID?, reply: Bool) -> ContactMessage {
            var m = ContactMessage(id: MessageID(900), senderName: name, senderEmail: "", senderAccount: account, recipient: .address("x@example.org"),
                                   text: "t", sent: testNow)
            if reply { m.inReplyTo = MessageID(1) }
            return m
        }
        let cases: [(ContactMessage, String, String)] = [
            (message(anna.profile.displayName, from: anna.id, reply: true), "anonieme bewoner", "old reply with the display name"),
            (message(anna.name, from: anna.id, reply: true), "anonieme bewoner", "old reply with the account name"),
            (message("", from: anna.id, reply: true), "anonieme bewoner", "new reply"),
            (message(w.voedselbank.name, from: w.editor.id, reply: true), w.voedselbank.name, "an organisation's reply"),
            (message("Bezoeker Bea", from: nil, reply: false), "Bezoeker Bea", "the name typed in the contact form"),
        ]
        for (m, expected, what) in cases {
            #expect(ContentVisibility.senderName(of: m, in: w.store.state, for: .visitor).text(.dutch) == expected, "\(what)")
        }
    }
}
