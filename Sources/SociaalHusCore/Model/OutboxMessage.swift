import Foundation

/// One e-mail in the outbox: the store's record of it (who it concerns, where it stands) next to
/// the RFC 5322 file in the store's Maildir (`mail/new` while waiting, `mail/cur` once sent).
public struct OutboxMessage: Codable, Sendable, Hashable, Identifiable {
    /// What an e-mail is.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// A referral from the desk to an organisation.
        case referral
        /// A copy of a contact-form message for its recipient.
        case contactCopy = "contact-copy"
        /// A reply to a contact-form message.
        case reply
        /// A new agenda item or post in the wijk.
        case notification
        /// The daily digest of notifications.
        case digest
        /// A wijk newsletter.
        case newsletter
        /// A platform announcement.
        case announcement
        /// A resident's own data export, asked for over SSH (see `Store.mailExport`).
        case dataExport = "data-export"
        /// A one-time code to set a new password, to the account's own address (`PasswordReset`).
        case passwordReset = "password-reset"
        /// The written receipt of a referral, to the resident's own address (`Store.mailReferralReceipt`).
        case referralReceipt = "referral-receipt"
        /// A change to a sign-up, to the person who signed up (`Store.tell`).
        case signUp = "sign-up"
        /// A reminder of an activity the person asked to be reminded of (`Store.sendReminders`).
        case reminder
    }

    /// Where it stands.
    public enum Status: String, Codable, Sendable {
        /// Waiting to be handed to the mail command.
        case pending
        /// Being handed over right now (or the program stopped while it was).
        case sending
        /// Handed over; never sent again.
        case sent
        /// The mail command refused it; retried later.
        case failed
        /// The program stopped between handing it over and recording that: it may have gone, so it
        /// is not sent again by itself (`sociaalhus mail retry --id N` sends it once more).
        case uncertain
        /// There is no address to send it to (an organisation without e-mail address); it waits.
        case noAddress = "no-address"
    }

    /// Internal id.
    public var id: OutboxMessageID
    /// What it is.
    public var kind: Kind
    /// The organisation it goes to, for referrals.
    public var organisation: OrganisationID?
    /// The accounts whose personal data it carries (recipient, sender): erasing one erases it.
    public var accounts: [AccountID]
    /// The recipient's address (may be empty for `noAddress`).
    public var to: String
    /// The subject line.
    public var subject: String
    /// The text.
    public var body: String
    /// When it was written.
    public var created: Date
    /// The intake it comes from, so erasing the intake erases the message too.
    public var intake: IntakeID?
    /// Where it stands.
    public var status: Status
    /// The Maildir file name (in `mail/new` or, once sent, `mail/cur`), if written.
    public var file: String?
    /// How many times the mail command was tried.
    public var attempts: Int
    /// The last refusal, in the mail command's words.
    public var lastError: String?
    /// The post, activity or message it tells of: deleting that withdraws it while it waits.
    public var about: ContentRef?

    /// Creates a message.
    public init(id: OutboxMessageID, kind: Kind, organisation: OrganisationID? = nil, accounts: [AccountID] = [], to: String,
                subject: String, body: String, created: Date, intake: IntakeID? = nil, status: Status = .pending,
                file: String? = nil, attempts: Int = 0, lastError: String? = nil, about: ContentRef? = nil) {
        self.id = id
        self.kind = kind
        self.organisation = organisation
        self.accounts = accounts
        self.to = to
        self.subject = subject
        self.body = body
        self.created = created
        self.intake = intake
        self.status = status
        self.file = file
        self.attempts = attempts
        self.lastError = lastError
        self.about = about
    }
}
