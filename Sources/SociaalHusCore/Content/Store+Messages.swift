import Foundation

extension Store {
    /// Sends a contact-form message: the sender's name and e-mail address are mandatory; only
    /// the recipient (for an organisation: its editors) will see them. It always arrives in the
    /// recipient's Berichten; an e-mail copy goes only to a recipient whose "berichten van
    /// bezoekers" toggle is on. The sender never learns the recipient's address.
    ///
    /// `about` is the post, activity or organisation the form was opened from: it must be one
    /// the sender may see, of that recipient (a post of theirs, an activity or the entry of that
    /// organisation), so nobody can make a message claim to be about something else.
    @discardableResult
    func sendMessage(senderName: String, senderEmail: String, to recipient: ContactMessage.Recipient,
                            about: ContactMessage.About? = nil, text: String, by viewer: Viewer) throws -> ContactMessage {
        let name = try validated(senderName, .senderName)
        guard !name.contains(where: \.isNewline) else { throw CoreError.mailHeaderInvalid(field: Field.senderName.label(.dutch)) }
        guard !senderEmail.trimmingCharacters(in: .whitespaces).isEmpty else { throw CoreError.fieldRequired(.senderEmail) }
        let email = try EmailAddress.normalise(senderEmail)
        let body = try validated(text, .text)
        try PlatformAccess.require(.profiles, viewer: viewer, settings: state.settings)
        return try update(actor: viewer) { tx in
            var recipients: [Account] = []
            switch recipient {
            case .resident(let id):
                guard let r = tx.state.accounts[id.rawValue], !r.blocked else { throw CoreError.notFound(what: "account \(id)") }
                // A resident can be contacted only where their profile is visible to the sender.
                let profileShown = ProfileVisibilityRule.view(of: r, by: viewer, settings: tx.state.settings) != nil
                    && ProfileVisibilityRule.namesVisible(owner: r, viewer: viewer)
                guard profileShown || Self.authorOfVisiblePost(r, tx.state, viewer, now: tx.now) else {
                    throw CoreError.notFound(what: "account \(id)")
                }
                recipients = [r]
            case .organisation(let id):
                guard tx.state.organisations[id.rawValue] != nil else { throw CoreError.unknownOrganisation(String(id.rawValue)) }
                recipients = tx.state.editors(of: id)
            case .address:
                throw CoreError.notFound(what: "account")
            }
            if let about { try Self.checkAbout(about, to: recipient, by: viewer, in: tx.state, now: tx.now) }
            let id: MessageID = tx.nextID(.messages)
            var message = ContactMessage(id: id, senderName: name, senderEmail: email, senderAccount: viewer.activeAccount?.id,
                                         recipient: recipient, text: body, sent: tx.now)
            message.about = about
            tx.put(message)
            if case .resident(let r) = recipient { tx.audit(.messageSent, actor: viewer.activeAccount?.id, subject: r, target: "message:\(id)") }
            if let s = viewer.activeAccount?.id { tx.audit(.messageSent, actor: s, subject: s, target: "message:\(id)") }
            for r in recipients where EmailPolicy.mayEmail(.visitorMessage, to: r) {
                let over = Self.mailAbout(about, in: tx.state, for: .account(r), now: tx.now)
                let copy = MailMessage(to: r.email, subject: "Nieuw bericht via SociaalHus / New message via SociaalHus" + over.subject,
                                       body: over.body + "Van / From: \(name) <\(email)>\n\n\(body)\n\nLees en beantwoord het in SociaalHus onder Berichten: dan blijft je e-mailadres verborgen.\nRead and answer it in SociaalHus under Messages: your e-mail address then stays hidden.\n"
                                           + MailFooter.text(.visitorMessage))
                try tx.queueMail(copy, kind: .contactCopy, accounts: [r.id] + (viewer.activeAccount.map { [$0.id] } ?? []), about: .message(id))
            }
            return message
        }
    }

    /// Refuses an `about` that `viewer` may not see or that is not the recipient's: a post by
    /// them, or an activity or the entry of the organisation written to.
    static func checkAbout(_ about: ContactMessage.About, to recipient: ContactMessage.Recipient, by viewer: Viewer, in s: StoreState, now: Date) throws {
        guard ContentVisibility.aboutTitle(about, in: s, for: viewer, now: now).isShown else {
            throw CoreError.notFound(what: "\(about)")
        }
        let fits: Bool
        switch about {
        case .post(let p):
            switch (s.posts[p.rawValue]?.author, recipient) {
            case (.resident(let a)?, .resident(let r)): fits = a == r
            case (.organisation(let o, _)?, .organisation(let r)): fits = o == r
            default: fits = false
            }
        case .activity(let a): fits = s.agenda[a.rawValue].map { recipient == .organisation($0.organisation) } ?? false
        case .organisation(let o): fits = recipient == .organisation(o)
        }
        guard fits else { throw CoreError.notFound(what: "\(about)") }
    }

    /// What an e-mail about a message says it is about, as its addressee (`reader`) may see the
    /// content: a piece for the subject and a first line for the body (both empty when about
    /// nothing). Sanitised: a title is text someone typed, and the subject is a header.
    static func mailAbout(_ about: ContactMessage.About?, in s: StoreState, for reader: Viewer, now: Date) -> (subject: String, body: String) {
        guard let about else { return ("", "") }
        let shown = ContentVisibility.aboutTitle(about, in: s, for: reader, now: now)
        let nl = TextSanitizer.sanitize(Language.dutch.t(shown.word)), en = TextSanitizer.sanitize(Language.english.t(shown.word))
        let title = nl == en ? nl : nl + " / " + en
        return (" — Over / About: " + title, "Over / About: " + title + "\n\n")
    }

    /// True when `author` wrote a post `viewer` may read (the contact form on a post).
    static func authorOfVisiblePost(_ author: Account, _ s: StoreState, _ viewer: Viewer, now: Date) -> Bool {
        // Their own posts by the author column, not every post of the board (each message sent
        // read all of them, inside the change's lock).
        let posts: [Post] = s.posts.keys(matching: .postsBy(account: author.id.rawValue)).map { $0.compactMap { s.posts[$0] } } ?? Array(s.posts.all)
        return posts.contains { p in
            p.author == .resident(author.id)
                && ContentVisibility.view(of: p, author: author, organisation: nil, by: viewer, settings: s.settings, now: now) != nil
        }
    }

    /// The messages `viewer` may read and has not removed, newest first.
    public func messages(for viewer: Viewer) -> [ContactMessage] {
        guard let me = viewer.activeAccount?.id else { return [] }
        return state.messages.all.filter { m in
            guard ContentVisibility.mayRead(m, by: viewer) else { return false }
            let mine = m.senderAccount == me
            let toMe = Self.isRecipient(m, viewer)
            return (mine && !m.hiddenForSender) || (toMe && !m.hiddenForRecipient)
        }.sorted { $0.sent > $1.sent }
    }

    /// True when `viewer` receives `m` (as the resident, or an editor of the organisation).
    public static func isRecipient(_ m: ContactMessage, _ viewer: Viewer) -> Bool {
        guard let me = viewer.activeAccount else { return false }
        switch m.recipient {
        case .resident(let id): return id == me.id
        case .organisation(let o): return Permissions.edits(o, .account(me))
        case .address: return false
        }
    }

    /// Marks a received message as read.
    func markRead(_ id: MessageID, by viewer: Viewer) throws {
        try update(actor: viewer) { tx in
            guard var m = tx.state.messages[id.rawValue], Self.isRecipient(m, viewer) else { throw CoreError.notFound(what: "message \(id)") }
            if m.read { return }
            m.read = true
            tx.put(m)
        }
    }

    /// Removes a message from the viewer's Berichten; once neither side keeps it (or the other
    /// side is a visitor), it is erased from the store.
    func deleteMessage(_ id: MessageID, by viewer: Viewer) throws {
        try update(actor: viewer) { tx in
            guard let m = tx.state.messages[id.rawValue], ContentVisibility.mayRead(m, by: viewer) else { throw CoreError.notFound(what: "message \(id)") }
            try removeMessage(m, by: viewer, in: &tx)
        }
    }

    /// Removes the whole conversation that holds message `id` from the viewer's Berichten (each
    /// of its messages as `deleteMessage` does, in one change); the other side keeps theirs.
    func deleteConversation(holding id: MessageID, by viewer: Viewer) throws {
        guard let c = conversation(holding: id, for: viewer) else { throw CoreError.notFound(what: "message \(id)") }
        try update(actor: viewer) { tx in
            for line in c.lines {
                // Asked again of each message as the change sees it (it may have gone meanwhile).
                guard let m = tx.state.messages[line.message.id.rawValue], ContentVisibility.mayRead(m, by: viewer) else { continue }
                try removeMessage(m, by: viewer, in: &tx)
            }
        }
    }

    /// `deleteMessage` inside a change, of a message `viewer` may read (the caller asked).
    private func removeMessage(_ message: ContactMessage, by viewer: Viewer, in tx: inout Transaction) throws {
        var m = message
        let id = m.id
        if Self.isRecipient(m, viewer) { m.hiddenForRecipient = true }
        if m.senderAccount != nil, m.senderAccount == viewer.activeAccount?.id { m.hiddenForSender = true }
        let senderKeeps = m.senderAccount != nil && !m.hiddenForSender
        let recipientKeeps: Bool
        if case .address = m.recipient { recipientKeeps = false } else { recipientKeeps = !m.hiddenForRecipient }
        if senderKeeps || recipientKeeps { tx.put(m) } else { tx.remove(m) }
        // The recipient removed it: its copy still waiting for them is not sent.
        if m.hiddenForRecipient { try withdrawWaiting(about: .message(id), in: &tx) }
    }

    /// Answers a received message. The answer goes to the sender's Berichten when they have an
    /// account (with an e-mail copy only if their toggle allows), else by e-mail to the address
    /// they gave. The replier's own e-mail address is never shown to the sender.
    @discardableResult
    func reply(to id: MessageID, text: String, by viewer: Viewer) throws -> ContactMessage {
        let body = try validated(text, .text)
        guard let me = viewer.activeAccount else { throw CoreError.notPermitted(.notLoggedIn) }
        return try update(actor: viewer) { tx in
            guard let original = tx.state.messages[id.rawValue], Self.isRecipient(original, viewer) else { throw CoreError.notFound(what: "message \(id)") }
            // On behalf of an organisation: its name. A resident's own reply stores no name: who
            // sees it follows their profile level, also later (see ContentVisibility.senderName).
            var storedName = ""
            if case .organisation(let o) = original.recipient, let org = tx.state.organisations[o.rawValue] { storedName = org.name }
            let answerID: MessageID = tx.nextID(.messages)
            var answer: ContactMessage
            if let senderAccount = original.senderAccount, let sender = tx.state.accounts[senderAccount.rawValue] {
                answer = ContactMessage(id: answerID, senderName: storedName, senderEmail: "", senderAccount: me.id, recipient: .resident(senderAccount),
                                        text: body, sent: tx.now)
                let myName = ContentVisibility.senderName(of: answer, in: tx.state, for: .account(sender))
                if EmailPolicy.mayEmail(.visitorMessage, to: sender) {
                    let over = Self.mailAbout(original.about, in: tx.state, for: .account(sender), now: tx.now)
                    try tx.queueMail(MailMessage(to: sender.email, subject: "Antwoord via SociaalHus / Reply via SociaalHus" + over.subject,
                                                 body: over.body + "Van / From: \(myName)\n\n\(body)\n\nLees het in SociaalHus onder Berichten.\nRead it in SociaalHus under Messages.\n"
                                                     + MailFooter.text(.visitorMessage)),
                                     kind: .reply, accounts: [sender.id, me.id])
                }
            } else {
                answer = ContactMessage(id: answerID, senderName: storedName, senderEmail: "", senderAccount: me.id,
                                        recipient: .address(original.senderEmail), text: body, sent: tx.now)
                // The e-mail goes to someone without an account: they see what a visitor sees.
                let myName = ContentVisibility.senderName(of: answer, in: tx.state, for: .visitor)
                let over = Self.mailAbout(original.about, in: tx.state, for: .visitor, now: tx.now)
                try tx.queueMail(MailMessage(to: original.senderEmail, subject: "Antwoord via SociaalHus / Reply via SociaalHus" + over.subject,
                                             body: over.body + "Van / From: \(myName)\n\n\(body)\n\n> " + original.text.replacingOccurrences(of: "\n", with: "\n> ") + "\n" + MailFooter.reply),
                                 kind: .reply, accounts: [me.id])
            }
            answer.inReplyTo = id
            // The answer is about what its original is about: the thread says it on every message.
            answer.about = original.about
            answer.hiddenForRecipient = false
            tx.put(answer)
            tx.audit(.messageSent, actor: me.id, subject: me.id, target: "message:\(answerID)")
            return answer
        }
    }
}
