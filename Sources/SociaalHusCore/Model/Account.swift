import Foundation

/// A login on the platform, with the resident's profile inside it.
///
/// Account and profile are one record so that one change to either costs one record and
/// erasure removes both at once.
public struct Account: Codable, Sendable, Hashable, Identifiable {
    /// Internal id.
    public var id: AccountID
    /// The login, stored normalised (see `EmailAddress`).
    public var email: String
    /// The account holder's name.
    public var name: String
    /// yescrypt hash from libcrypt; never exported, never shown.
    public var passwordHash: String
    /// What this account may do.
    public var roles: Roles
    /// Blocked accounts cannot log in and their content is hidden.
    public var blocked: Bool
    /// Why the account was blocked (for administrators).
    public var blockedReason: String?
    /// When the account was made.
    public var created: Date
    /// The profile in a wijk.
    public var profile: Profile
    /// Failed-login bookkeeping, kept in the store so it survives restarts.
    public var throttle: LoginThrottleState
    /// Wijk notifications waiting for the digest (one line each, oldest first).
    public var pendingDigest: [DigestLine] = []
    /// When the last digest went to this account (nil: none yet): the next waits for the rhythm.
    public var lastDigest: Date? = nil
    /// Whether the wijk is verified, or being verified by letter (nil: only stated).
    public var wijkCheck: WijkCheck? = nil

    /// Creates an account.
    public init(id: AccountID, email: String, name: String, passwordHash: String, roles: Roles = .residentOnly,
                blocked: Bool = false, blockedReason: String? = nil, created: Date, profile: Profile,
                throttle: LoginThrottleState = LoginThrottleState()) {
        self.id = id
        self.email = email
        self.name = name
        self.passwordHash = passwordHash
        self.roles = roles
        self.blocked = blocked
        self.blockedReason = blockedReason
        self.created = created
        self.profile = profile
        self.throttle = throttle
    }
}

/// One line waiting for a digest, with whose content it is about (erasing that person
/// takes the line out of every digest).
public struct DigestLine: Codable, Sendable, Hashable {
    /// The line as the digest shows it.
    public var text: String
    /// The resident whose content it announces (nil: an organisation's, or written before format 3).
    public var author: AccountID?
    /// The post or activity it announces (nil: written before schema 9): deleting that content
    /// takes the line out of every waiting digest.
    public var about: ContentRef?

    /// Creates a line.
    public init(text: String, author: AccountID?, about: ContentRef? = nil) {
        self.text = text
        self.author = author
        self.about = about
    }
}

/// Counts of failed logins for one account.
public struct LoginThrottleState: Codable, Sendable, Hashable {
    /// Failures since the last successful login.
    public var consecutiveFailures: Int
    /// Moment of the last failure.
    public var lastFailure: Date?
    /// Moments of the failures within the last hour (at most 100 kept).
    public var recentFailures: [Date]

    /// A clean state.
    public init(consecutiveFailures: Int = 0, lastFailure: Date? = nil, recentFailures: [Date] = []) {
        self.consecutiveFailures = consecutiveFailures
        self.lastFailure = lastFailure
        self.recentFailures = recentFailures
    }
}
