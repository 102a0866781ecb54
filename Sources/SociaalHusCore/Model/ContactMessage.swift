import Foundation

/// A message sent through the contact form; only sender and recipient may see it.
public struct ContactMessage: Codable, Sendable, Hashable, Identifiable {
    /// Who receives a contact message.
    public enum Recipient: Codable, Sendable, Hashable {
        /// A resident (through their profile or post).
        case resident(AccountID)
        /// An organisation: its editors read it.
        case organisation(OrganisationID)
        /// A visitor without an account, answered by e-mail only (a reply to their message).
        case address(String)
    }

    /// What a message is about: the post, activity or organisation the contact form was opened
    /// from. A reference, never a copy of the title: what the reader sees follows the content's
    /// own visibility when it is shown (`Store.aboutLine`), and erasing the content leaves no
    /// title behind in anyone's messages.
    public enum About: Codable, Sendable, Hashable {
        /// A prikbord post.
        case post(PostID)
        /// An activity of the agenda.
        case activity(AgendaItemID)
        /// An organisation's directory entry.
        case organisation(OrganisationID)
    }

    /// Internal id.
    public var id: MessageID
    /// The name the sender gave.
    public var senderName: String
    /// The sender's e-mail address (mandatory, so the recipient can answer).
    public var senderEmail: String
    /// The sender's account when logged in.
    public var senderAccount: AccountID?
    /// The recipient.
    public var recipient: Recipient
    /// The message text.
    public var text: String
    /// When it was sent.
    public var sent: Date
    /// True once the recipient opened it.
    public var read = false
    /// The sender removed it from their sent messages.
    public var hiddenForSender = false
    /// The recipient removed it from their inbox.
    public var hiddenForRecipient = false
    /// The message this answers, if any.
    public var inReplyTo: MessageID?
    /// Set on a moderator's message to the author of reported content: the reason, as a code;
    /// the reader sees it in their own language (`shownText`).
    public var aboutReport: ReportReason?
    /// What the conversation is about (nil: a message from a profile, or one sent before schema
    /// 15); an answer carries its original's.
    public var about: About?

    /// The text as its reader reads it: a moderator's message starts with what it is about.
    public var shownText: Word {
        guard let aboutReport else { return .named(text) }
        return .aboutTheReportSaying(aboutReport.word, text)
    }

    /// The stored sender name of the platform's own message about a role given or taken; with
    /// no sender address (a visitor must give one), so no one can write as it.
    static let administrationSender = "Beheer SociaalHus"

    /// True for the platform administration's own message (a role given or taken).
    public var isFromAdministration: Bool { senderEmail.isEmpty && senderName == Self.administrationSender && inReplyTo == nil }

    /// Creates a message.
    public init(id: MessageID, senderName: String, senderEmail: String, senderAccount: AccountID? = nil,
                recipient: Recipient, text: String, sent: Date) {
        self.id = id
        self.senderName = senderName
        self.senderEmail = senderEmail
        self.senderAccount = senderAccount
        self.recipient = recipient
        self.text = text
        self.sent = sent
    }
}
