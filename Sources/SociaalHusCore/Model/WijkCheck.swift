import Foundation

/// Whether a resident's wijk is known to be theirs: until it is, the wijk is
/// only "opgegeven" (stated), and the resident sees of "Alleen buren" profiles what a visitor
/// sees — anyone can register and name any wijk.
///
/// Verified at the desk (staff saw proof of the address) or by a letter: the resident asks for
/// one, `sociaalhus account letters` writes it with a one-time code to the address in the
/// profile, and typing that code verifies. Only the code's hash is kept. Moving to another wijk
/// ends the verification (it was of the old wijk).
public struct WijkCheck: Codable, Sendable, Hashable {
    /// Where it stands.
    public enum State: String, Codable, Sendable {
        /// Verified: the resident lives in `wijk`.
        case verified
        /// A letter was asked and not yet written.
        case letterAsked = "letter-asked"
        /// The letter with a code was written (to be posted); the code is awaited.
        case letterWritten = "letter-written"
    }

    /// How the wijk was (or is being) verified.
    public enum How: String, Codable, Sendable {
        /// Desk staff saw proof of the address.
        case desk
        /// A letter with a code to the address.
        case letter
    }

    /// The wijk checked (verification holds only while the profile names this wijk).
    public var wijk: WijkID
    public var state: State
    public var how: How
    /// When it reached `state`.
    public var at: Date
    /// The salted hash of the letter's code (letterWritten only); never the code.
    public var codeHash: String?

    /// Creates a check.
    public init(wijk: WijkID, state: State, how: How, at: Date, codeHash: String? = nil) {
        self.wijk = wijk
        self.state = state
        self.how = how
        self.at = at
        self.codeHash = codeHash
    }

    /// How long a letter's code works after the letter was written.
    public static let letterValidity: TimeInterval = 60 * 24 * 3600
}

extension Account {
    /// True when the account's wijk is verified (and it is still the wijk in the profile).
    public var wijkVerified: Bool {
        guard let c = wijkCheck else { return false }
        return c.state == .verified && c.wijk == profile.wijk
    }
}
