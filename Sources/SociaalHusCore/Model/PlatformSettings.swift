import Foundation

/// Platform-wide settings kept by the administrator.
public struct PlatformSettings: Codable, Sendable, Hashable {
    /// The wijken of the municipality.
    public var wijken: [Wijk]
    /// When true, visitors see only login, registration and the privacy statement.
    public var isPrivate: Bool
    /// Whether visitors may register themselves.
    public var registrationOpen: Bool
    /// Months a closed intake is kept before it is erased automatically.
    public var intakeRetentionMonths: Int
    /// The sendmail-compatible command (program and arguments) that e-mails are handed to;
    /// empty: e-mails wait in the outbox.
    public var mailCommand: [String]
    /// The sender address of every e-mail.
    public var mailFrom: String
    /// Approvals to share a wijk's agenda with third parties, withdrawn ones included.
    public var feedApprovals: [FeedApproval] = []
    /// A partner's own privacy statement (Dutch, English); empty: the built-in text.
    public var privacyStatement: [String] = []

    /// Secret key for the keyed hashes in `loginFailures` (made on first use).
    public var throttleKey: String = ""
    /// Failed logins for addresses that have no account, by keyed hash of the address (never
    /// the address itself): bounded and expiring, so a wrong address is throttled exactly like
    /// a wrong password and the throttle does not tell which accounts exist.
    public var loginFailures: [String: LoginThrottleState] = [:]
    /// Most addresses kept in `loginFailures`.
    public static let loginFailureLimit = 1000

    /// The shortest and longest retention an administrator can choose.
    public static let retentionRange = 1...120

    /// Creates settings.
    public init(wijken: [Wijk] = [], isPrivate: Bool = false, registrationOpen: Bool = true, intakeRetentionMonths: Int = 12,
                mailCommand: [String] = [], mailFrom: String = PlatformSettings.defaultMailFrom) {
        self.wijken = wijken
        self.isPrivate = isPrivate
        self.registrationOpen = registrationOpen
        self.intakeRetentionMonths = intakeRetentionMonths
        self.mailCommand = mailCommand
        self.mailFrom = mailFrom
    }

    /// The sender address until an administrator sets the municipality's own.
    public static let defaultMailFrom = "noreply@sociaalhus.invalid"
}
