import Foundation

/// What a report or takedown notice is about.
public enum ReportTarget: Codable, Sendable, Hashable {
    case post(PostID)
    case agendaItem(AgendaItemID)
    case profile(AccountID)
    case message(MessageID)

    /// "post:12" and the like, for audit events.
    public var auditTarget: String {
        switch self {
        case .post(let id): "post:\(id)"
        case .agendaItem(let id): "agenda:\(id)"
        case .profile(let id): "account:\(id)"
        case .message(let id): "message:\(id)"
        }
    }
}

/// Why something is reported.
public enum ReportReason: String, Codable, Sendable, CaseIterable {
    case copyright = "inbreuk-op-auteursrecht"
    case incorrect = "onjuist"
    case unwanted = "ongewenst"
    case other = "anders"

    /// The words users see.
    public func label(_ lang: Language) -> String { lang.t(word) }

    /// The same as a word with its values, for the reader's layer to word.
    public var word: Word {
        switch self {
        case .copyright: .copyrightInfringement
        case .incorrect: .incorrect
        case .unwanted: .unwanted
        case .other: .other
        }
    }
}

/// A report by anyone, or a takedown notice recorded by an administrator, with what was done.
public struct Report: Codable, Sendable, Hashable, Identifiable {
    /// Whether it came through the report form or as a takedown notice to the privacy address.
    public enum Kind: String, Codable, Sendable { case report, takedown }

    /// Where it stands.
    public enum Status: String, Codable, Sendable, CaseIterable {
        case open
        case hidden
        case restored
        case removed
        case dismissed
        /// Hidden, and its author objected: back in the queue until a moderator decides.
        case objected

        /// The words users see.
        public func label(_ lang: Language) -> String { lang.t(word) }

        /// The same as a word with its values, for the reader's layer to word.
        public var word: Word {
            switch self {
            case .open: .openText2
            case .hidden: .hidden2
            case .restored: .restored
            case .removed: .removed2
            case .dismissed: .dismissed
            case .objected: .objection
            }
        }
    }

    public var id: ReportID
    public var kind: Kind
    public var target: ReportTarget
    public var reason: ReportReason
    public var explanation: String
    /// Who reported (mandatory e-mail address, so the moderator can ask more).
    public var reporterName: String
    public var reporterEmail: String
    public var reporterAccount: AccountID?
    /// The wijk of the content, so that wijk's partner moderates it (nil: administrators only).
    public var wijk: WijkID?
    public var created: Date
    public var status: Status
    public var handledBy: AccountID?
    public var handled: Date?

    /// Creates a report.
    public init(id: ReportID, kind: Kind, target: ReportTarget, reason: ReportReason, explanation: String, reporterName: String,
                reporterEmail: String, reporterAccount: AccountID?, wijk: WijkID?, created: Date, status: Status = .open,
                handledBy: AccountID? = nil, handled: Date? = nil) {
        self.id = id
        self.kind = kind
        self.target = target
        self.reason = reason
        self.explanation = explanation
        self.reporterName = reporterName
        self.reporterEmail = reporterEmail
        self.reporterAccount = reporterAccount
        self.wijk = wijk
        self.created = created
        self.status = status
        self.handledBy = handledBy
        self.handled = handled
    }
}
