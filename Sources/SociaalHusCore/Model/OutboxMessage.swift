import Foundation

/// A message waiting to be sent by e-mail. Until the messages issue adds delivery, referral
/// messages wait here as pending; they hold only the fields chosen for the referral.
public struct OutboxMessage: Codable, Sendable, Hashable, Identifiable {
    /// What kind of message it is.
    public enum Kind: String, Codable, Sendable {
        /// A referral from the desk to an organisation.
        case referral
    }

    /// Where it stands.
    public enum Status: String, Codable, Sendable {
        /// Written, not yet delivered.
        case pending
    }

    /// Internal id.
    public var id: OutboxMessageID
    /// What kind.
    public var kind: Kind
    /// The organisation it goes to.
    public var organisation: OrganisationID
    /// The organisation's e-mail address at the time (may be empty: then it waits for one).
    public var to: String
    /// The subject line (never personal data).
    public var subject: String
    /// The text.
    public var body: String
    /// When it was written.
    public var created: Date
    /// The intake it comes from, so erasing the intake erases the message too.
    public var intake: IntakeID?
    /// Where it stands.
    public var status: Status

    /// Creates a message.
    public init(id: OutboxMessageID, kind: Kind, organisation: OrganisationID, to: String, subject: String, body: String,
                created: Date, intake: IntakeID?, status: Status = .pending) {
        self.id = id
        self.kind = kind
        self.organisation = organisation
        self.to = to
        self.subject = subject
        self.body = body
        self.created = created
        self.intake = intake
        self.status = status
    }
}
