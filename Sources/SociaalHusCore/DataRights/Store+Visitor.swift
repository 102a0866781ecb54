import Foundation

/// What the store holds about a visitor: someone without an account, known only by the address
/// they wrote from (a visitor who wrote through the contact form had no rights at all;
/// `export --email` and `account erase --email` answered "geen account").
public struct VisitorDataExport: Codable, Sendable, Equatable {
    /// The format of this export.
    public var exportFormat = 1
    /// When it was made.
    public var exportedAt: Date
    /// The address the visitor wrote from.
    public var email: String
    /// Messages they sent through a contact form (to whom as a role, never an address).
    public var messagesSent: [VisitorMessage]
    /// Answers sent to them, by e-mail to this address.
    public var repliesReceived: [VisitorMessage]
    /// Reports they made.
    public var reportsMade: [VisitorReport]
    /// E-mails to this address not yet sent (sent ones keep no content).
    public var emailsWaiting: [VisitorEmail]
    /// Activities they signed up for or asked to be reminded of, with this address.
    public var signUps: [VisitorSignUp] = []

    /// One sign-up or reminder.
    public struct VisitorSignUp: Codable, Sendable, Equatable {
        public var activity: String
        public var occurrence: Date
        public var name: String
        public var state: String
        public var remindDays: Int?
        public var created: Date
    }

    /// One message.
    public struct VisitorMessage: Codable, Sendable, Equatable {
        public var name: String
        public var to: String
        public var text: String
        public var date: Date
    }

    /// One report.
    public struct VisitorReport: Codable, Sendable, Equatable {
        public var reason: String
        public var explanation: String
        public var name: String
        public var date: Date
        public var status: String
    }

    /// One waiting e-mail.
    public struct VisitorEmail: Codable, Sendable, Equatable {
        public var subject: String
        public var body: String
        public var created: Date
    }

    /// True when the store holds nothing about the address.
    public var isEmpty: Bool { messagesSent.isEmpty && repliesReceived.isEmpty && reportsMade.isEmpty && emailsWaiting.isEmpty && signUps.isEmpty }

    /// Encodes the export as pretty JSON with ISO 8601 dates.
    public func json() throws -> Data { TextSanitizer.neutralisingJSON(try ISODate.encoder().encode(self)) }
}

extension Store {
    /// The rows of the visitor known by `email`: by that address as the key of what they did
    /// without an account (exactly, any case), never by a name or a text that mentions it.
    private static func visitorRows(_ email: String, in s: StoreState) -> (sent: [ContactMessage], replies: [ContactMessage], reports: [Report], mail: [OutboxMessage]) {
        let key = EmailAddress.folded(email)
        func same(_ a: String) -> Bool { !a.isEmpty && EmailAddress.folded(a) == key }
        let sent = s.messages.all.filter { $0.senderAccount == nil && same($0.senderEmail) }
        let replies = s.messages.all.filter { if case .address(let a) = $0.recipient { return same(a) } else { return false } }
        let reports = s.reports.all.filter { $0.reporterAccount == nil && same($0.reporterEmail) }
        // E-mails to their address, and waiting copies of what they wrote (the copy's sender
        // line is written by SociaalHus itself: "Van / From: NAME <ADDRESS>"; until an outbox
        // row refers to its message, that line is the reference).
        let mail = s.outbox.all.filter { m in
            if same(m.to) { return true }
            // Only that first line counts: the text below it is someone's own and may name any address.
            guard m.kind == .contactCopy, m.body.hasPrefix("Van / From: ") else { return false }
            let first = m.body.prefix { $0 != "\n" }.lowercased()
            return first.hasSuffix("<\(key)>")
        }
        return (sent.sorted { $0.id < $1.id }, replies.sorted { $0.id < $1.id }, reports.sorted { $0.id < $1.id }, mail.sorted { $0.id < $1.id })
    }

    /// Everything held about the visitor known by `email`; the operator only (a visitor proves
    /// the address with a mailed code instead: `visitorExport(proof:by:)`).
    public func visitorExport(email: String, by viewer: Viewer) throws -> VisitorDataExport {
        try Permissions.require(.administerPlatform, by: viewer)
        let address = try EmailAddress.normalise(email)
        try refresh()
        return Self.visitorData(address, in: state, signUps: try SignUpRows.of(visitor: address, in: db), at: clock.now())
    }

    /// The export of `address` from `s`.
    private static func visitorData(_ address: String, in s: StoreState, signUps: [SignUp], at now: Date) -> VisitorDataExport {
        let rows = Self.visitorRows(address, in: s)
        func to(_ r: ContactMessage.Recipient) -> String {
            switch r {
            case .resident: return "een bewoner / a resident"
            case .organisation(let o): return s.organisations[o.rawValue]?.name ?? "een organisatie / an organisation"
            case .address: return address
            }
        }
        return VisitorDataExport(
            exportedAt: now, email: address,
            messagesSent: rows.sent.map { .init(name: $0.senderName, to: to($0.recipient), text: $0.text, date: $0.sent) },
            repliesReceived: rows.replies.map { .init(name: "", to: address, text: $0.text, date: $0.sent) },
            reportsMade: rows.reports.map { .init(reason: $0.reason.rawValue, explanation: $0.explanation, name: $0.reporterName, date: $0.created, status: $0.status.rawValue) },
            emailsWaiting: rows.mail.map { .init(subject: $0.subject, body: $0.body, created: $0.created) },
            signUps: signUps.map { .init(activity: s.agenda[$0.activity.rawValue]?.title ?? "", occurrence: $0.occurrence, name: $0.name,
                                         state: $0.state.rawValue, remindDays: $0.remindDays, created: $0.created) })
    }

    /// Erases the visitor known by `email`: the messages they sent and the answers to them, the
    /// e-mails to them with their files; reports they made stay for moderation without who made
    /// them. Returns how many rows went or were cut (0: nothing held). Nothing of anyone else changes.
    @discardableResult
    func eraseVisitor(email: String, by viewer: Viewer) throws -> Int {
        try Permissions.require(.administerPlatform, by: viewer)
        let address = try EmailAddress.normalise(email)
        let count = try update(actor: viewer) { tx in
            // Their sign-ups and reminders, by the address they gave; a place goes to the next in line.
            let signUps = try SignUpRows.of(visitor: address, in: db)
            for r in signUps {
                tx.statements.append(SignUpRows.delete(r.id))
                if r.state == .place, let item = tx.state.agenda[r.activity.rawValue] { try promote(after: r, item: item, in: &tx) }
            }
            return Self.eraseVisitorRows(address, by: viewer, in: &tx, also: signUps.count)
        }
        // What was cut from the reports leaves the log too, as after any erasure.
        if count > 0 { try? db.checkpointTruncate() }
        return count
    }

    /// The erasure itself, in `tx`; returns how many rows went or were cut.
    private static func eraseVisitorRows(_ address: String, by viewer: Viewer, in tx: inout Transaction, also signUps: Int = 0) -> Int {
        let rows = visitorRows(address, in: tx.state)
        for m in rows.sent + rows.replies { tx.remove(m) }
        for r in rows.reports {
            var u = r
            u.reporterName = ""
            u.reporterEmail = ""
            tx.put(u)
        }
        for m in rows.mail { tx.removeMail(m) }
        let count = rows.sent.count + rows.replies.count + rows.reports.count + rows.mail.count + signUps
        if count > 0 { tx.audit(.accountErased, actor: viewer.account?.id, subject: nil, target: "visitor") }
        return count
    }

    // MARK: Proven by the visitor

    /// A visitor asks for a code to `email` (see `VisitorProof` for every limit and why). The
    /// answer is the same whether or not the store holds anything of the address: it returns, or
    /// throws for a malformed address or the session's limit, never for what the address holds.
    /// The e-mail goes only to an address the store holds something of as a visitor, not an
    /// account's or an organisation's, and at most `VisitorProof.codesPerAddress` a day.
    func requestVisitorCode(email: String, proof: VisitorProof) throws {
        let address = try EmailAddress.normalise(email)
        let code = try proof.issue(for: address)
        try update { tx in
            let s = tx.state
            let rows = Self.visitorRows(address, in: s)
            let holds = try !(rows.sent.isEmpty && rows.replies.isEmpty && rows.reports.isEmpty && rows.mail.isEmpty)
                || !(try SignUpRows.of(visitor: address, in: db)).isEmpty
            guard holds, !Self.belongsToSomeone(address, in: s) else { return }
            let recent = s.outbox.all.filter {
                VisitorProof.isCodeMail($0) && EmailAddress.folded($0.to) == address && tx.now.timeIntervalSince($0.created) < VisitorProof.addressWindow
            }.count
            guard recent < VisitorProof.codesPerAddress else { return }
            // A data-rights e-mail to the person themselves, as the export by e-mail is (no new kind:
            // the record encoding stays as it is); its subject tells it apart.
            try tx.queueMail(VisitorProof.mail(to: address, code: code), kind: .dataExport, accounts: [])
        }
    }

    /// True when `address` is an account's (its holder logs in for "Mijn gegevens", which holds
    /// these messages too) or an organisation's (mail to it is the organisation's, not a visitor's).
    private static func belongsToSomeone(_ address: String, in s: StoreState) -> Bool {
        s.account(email: address) != nil || s.organisations.all.contains { !$0.email.isEmpty && EmailAddress.folded($0.email) == address }
    }

    /// The address `proof` opens for `viewer`, checked against `s`: a grant in force; one the desk
    /// gave only for the staff member who gave it, still desk staff; never an account's or an
    /// organisation's address (registered meanwhile, or typed at the desk): what a visitor's
    /// erasure takes (every e-mail to the address) is not a visitor's there.
    private static func provenAddress(_ proof: VisitorProof, by viewer: Viewer, in s: StoreState) throws -> String {
        guard let grant = proof.grant else { throw CoreError.visitorProofNeeded }
        if let staff = grant.checkedBy {
            guard viewer.activeAccount?.id == staff else { throw CoreError.notPermitted(.deskStaffOnly) }
            try Permissions.require(.handleIntakes, by: viewer)
            try confirm(viewer, in: s)
        }
        if belongsToSomeone(grant.email, in: s) { throw CoreError.visitorAddressHasAccount }
        return grant.email
    }

    /// Everything held about the address `proof` opens (a visitor's right of access).
    public func visitorExport(proof: VisitorProof, by viewer: Viewer) throws -> VisitorDataExport {
        try refresh()
        let address = try Self.provenAddress(proof, by: viewer, in: state)
        return Self.visitorData(address, in: state, signUps: try SignUpRows.of(visitor: address, in: db), at: clock.now())
    }

    /// Sends the export of the address `proof` opens to that address (over a shared connection,
    /// where nothing a person types names a file). Returns the address.
    @discardableResult
    func mailVisitorExport(proof: VisitorProof, by viewer: Viewer) throws -> String {
        try update(actor: viewer) { tx in
            let address = try Self.provenAddress(proof, by: viewer, in: tx.state)
            let json = String(decoding: try Self.visitorData(address, in: tx.state, signUps: try SignUpRows.of(visitor: address, in: db), at: tx.now).json(), as: UTF8.self)
            let body = """
                Hierbij alles wat SociaalHus over dit e-mailadres bewaart, zoals je vroeg (als JSON). Het bevat persoonlijke gegevens: bewaar het zorgvuldig.
                Here is everything SociaalHus holds about this e-mail address, as you asked (as JSON). It contains personal data: keep it safe.

                """ + json + "\n"
            try tx.queueMail(MailMessage(to: address, subject: "Je gegevens uit SociaalHus / Your data from SociaalHus", body: body),
                             kind: .dataExport, accounts: [])
            return address
        }
    }

    /// Erases everything held about the address `proof` opens (as `eraseVisitor(email:by:)`),
    /// then ends the proof: nothing is left to see. Returns how many rows went or were cut.
    @discardableResult
    func eraseVisitor(proof: VisitorProof, by viewer: Viewer) throws -> Int {
        let count = try update(actor: viewer) { tx in
            let address = try Self.provenAddress(proof, by: viewer, in: tx.state)
            return Self.eraseVisitorRows(address, by: viewer, in: &tx)
        }
        proof.forget()
        if count > 0 { try? db.checkpointTruncate() }
        return count
    }
}
