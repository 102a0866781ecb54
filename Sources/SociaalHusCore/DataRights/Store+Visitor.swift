import Foundation

/// What the store holds about a visitor: someone without an account, known only by the address
/// they wrote from (issue 23: a visitor who wrote through the contact form had no rights at all;
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
    public var isEmpty: Bool { messagesSent.isEmpty && repliesReceived.isEmpty && reportsMade.isEmpty && emailsWaiting.isEmpty }

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

    /// Everything held about the visitor known by `email`; the operator only (the interface's
    /// proof by a mailed code is not built yet: the desk checks in person).
    public func visitorExport(email: String, by viewer: Viewer) throws -> VisitorDataExport {
        try Permissions.require(.administerPlatform, by: viewer)
        let address = try EmailAddress.normalise(email)
        try refresh()
        let s = state
        let rows = Self.visitorRows(address, in: s)
        func to(_ r: ContactMessage.Recipient) -> String {
            switch r {
            case .resident: return "een bewoner / a resident"
            case .organisation(let o): return s.organisations[o.rawValue]?.name ?? "een organisatie / an organisation"
            case .address: return address
            }
        }
        return VisitorDataExport(
            exportedAt: clock.now(), email: address,
            messagesSent: rows.sent.map { .init(name: $0.senderName, to: to($0.recipient), text: $0.text, date: $0.sent) },
            repliesReceived: rows.replies.map { .init(name: "", to: address, text: $0.text, date: $0.sent) },
            reportsMade: rows.reports.map { .init(reason: $0.reason.rawValue, explanation: $0.explanation, name: $0.reporterName, date: $0.created, status: $0.status.rawValue) },
            emailsWaiting: rows.mail.map { .init(subject: $0.subject, body: $0.body, created: $0.created) })
    }

    /// Erases the visitor known by `email`: the messages they sent and the answers to them, the
    /// e-mails to them with their files; reports they made stay for moderation without who made
    /// them. Returns how many rows went or were cut (0: nothing held). Nothing of anyone else changes.
    @discardableResult
    public func eraseVisitor(email: String, by viewer: Viewer) throws -> Int {
        try Permissions.require(.administerPlatform, by: viewer)
        let address = try EmailAddress.normalise(email)
        let count = try update(actor: viewer) { tx in
            let rows = Self.visitorRows(address, in: tx.state)
            for m in rows.sent + rows.replies { tx.remove(m) }
            for r in rows.reports {
                var u = r
                u.reporterName = ""
                u.reporterEmail = ""
                tx.put(u)
            }
            for m in rows.mail { tx.removeMail(m) }
            let count = rows.sent.count + rows.replies.count + rows.reports.count + rows.mail.count
            if count > 0 { tx.audit(.accountErased, actor: viewer.account?.id, subject: nil, target: "visitor") }
            return count
        }
        // What was cut from the reports leaves the log too, as after any erasure.
        if count > 0 { try? db.checkpointTruncate() }
        return count
    }
}
