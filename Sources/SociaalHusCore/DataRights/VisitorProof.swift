import Foundation

/// Whose data a proven session may see and erase: the address, until when, and how it was proven.
public struct VisitorGrant: Sendable, Equatable {
    /// The proven address (normalised).
    public let email: String
    /// The moment the grant ends.
    public let until: Date
    /// The desk staff member who checked the person's identity in person; nil for a mailed code.
    public let checkedBy: AccountID?
}

/// What checking a typed code found.
public enum VisitorCodeCheck: Equatable, Sendable {
    /// The right code: the session may now see and erase what the store holds about `email`.
    case proved(email: String)
    /// Not the code; `triesLeft` more wrong tries are allowed before it is void.
    case wrong(triesLeft: Int)
    /// Not six digits (a typo, not counted as a try).
    case malformed
    /// The code is older than `VisitorProof.codeValidity`: ask a new one.
    case expired
    /// Too many wrong tries: the code no longer works; ask a new one.
    case voided
    /// No code was asked in this session.
    case noCode
}

/// Proof that the person at this terminal reads the mail of an address ("a
/// code mailed to that address proves it is theirs, or the desk checks in person"). It issues
/// one-time codes and checks them; the store mails them (`Store.requestVisitorCode`) and asks it
/// for the grant before it shows or erases anything of a visitor.
///
/// Kept in memory for one session, on purpose: the code is typed in the window where it was
/// asked, so nothing about it is written to the store (whose record encoding stays as it is), a
/// mail read at another terminal opens nothing there, and ending the session (quitting, logging
/// in or out, the idle logout) ends the proof. Only a salted hash of the code is kept, never the
/// code itself.
///
/// The limits, and why:
/// - a code is `codeDigits` (6) digits, valid `codeValidity` (15 minutes), void after
///   `maximumWrongTries` (5) wrong tries; asking again voids the one before. Six digits and five
///   tries give one chance in 200,000 per code.
/// - at most `codesPerSession` (3) requests per session in any `sessionWindow` (an hour), whatever
///   the address: the only limit the screen names, as it tells nothing about an address.
/// - at most `codesPerAddress` (3) code e-mails per address in any `addressWindow` (24 hours), over
///   every terminal, counted from the outbox's own records (kept after sending). Beyond it the
///   screen answers as always and no e-mail goes: a stranger's mailbox cannot be filled, and at
///   most 15 guesses a day are possible against an address however many sessions try.
/// - no e-mail at all to an address the store holds nothing about as a visitor (or that belongs
///   to an account or an organisation: those people log in, or are not visitors). The screen's
///   answer is the same either way ("if we hold data of this address, you get a code"), so it
///   reveals nothing; sending anyway would reveal nothing more on screen but would make SociaalHus
///   mail codes to any address anyone types, and leave a record of that stranger's address.
/// - a proof lasts `grantValidity` (30 minutes) from the right code; the interface ends it
///   earlier after a time without keys, as it logs out an account.
public final class VisitorProof {
    /// Digits in a code.
    public static let codeDigits = 6
    /// How long a code works after it was asked.
    public static let codeValidity: TimeInterval = 15 * 60
    /// Wrong tries after which a code is void.
    public static let maximumWrongTries = 5
    /// Codes one session may ask within `sessionWindow`.
    public static let codesPerSession = 3
    /// The window of the session limit.
    public static let sessionWindow: TimeInterval = 3600
    /// Code e-mails one address may receive within `addressWindow`, over all terminals.
    public static let codesPerAddress = 3
    /// The window of the address limit.
    public static let addressWindow: TimeInterval = 24 * 3600
    /// How long a proof lasts after the right code.
    public static let grantValidity: TimeInterval = 30 * 60

    /// The subject of the code e-mail (also how the outbox's code e-mails are counted per address).
    public static let mailSubject = "Je code voor SociaalHus / Your SociaalHus code"

    /// A code asked and not yet used: its salted hash, never the code.
    private struct Challenge {
        var email: String
        var salt: String
        var hash: String
        var issued: Date
        var wrongTries = 0
        var void = false
    }

    private let clock: any Clock
    private var challenge: Challenge?
    private var requests: [Date] = []
    private var currentGrant: VisitorGrant?

    /// A proof for one session, reading the time from `clock`.
    public init(clock: any Clock) { self.clock = clock }

    /// The address a code was last asked for in this session (what the visitor typed themselves).
    public var pendingEmail: String? { challenge?.email }

    /// The grant in force, if any (nil once it ended).
    public var grant: VisitorGrant? {
        guard let g = currentGrant, clock.now() < g.until else { return nil }
        return g
    }

    /// True while a code waits or a grant is in force: the session then holds something of a
    /// person, and the interface's idle logout applies as for an account.
    public var isOpen: Bool { grant != nil || (challenge.map { !$0.void && clock.now() < $0.issued + Self.codeValidity } ?? false) }

    /// Ends the code and the grant (logging in or out, the idle logout, after erasing); the
    /// session's count of codes asked stays.
    public func forget() {
        challenge = nil
        currentGrant = nil
    }

    /// Admits one more request of this session (or throws `visitorCodeLimit`), voids the code and
    /// grant before it, and returns a new code for `email`, keeping only its salted hash.
    func issue(for email: String) throws -> String {
        let now = clock.now()
        requests = requests.filter { now.timeIntervalSince($0) < Self.sessionWindow }
        if requests.count >= Self.codesPerSession, let oldest = requests.min() {
            let seconds = oldest.addingTimeInterval(Self.sessionWindow).timeIntervalSince(now)
            throw CoreError.visitorCodeLimit(minutes: max(Int((seconds / 60).rounded(.up)), 1))
        }
        var generator = SystemRandomNumberGenerator()
        var code = String(Int.random(in: 0..<Self.upperBound, using: &generator))
        code = String(repeating: "0", count: Self.codeDigits - code.count) + code
        let salt = try Self.salt()
        guard let hash = keyedHash(code, key: salt) else { throw CoreError.storeIO(file: "libcrypt", problem: "hashing failed") }
        requests.append(now)
        currentGrant = nil
        challenge = Challenge(email: email, salt: salt, hash: hash, issued: now)
        return code
    }

    /// Checks a typed code (spaces and hyphens are ignored). The right one ends the code and
    /// starts a grant for its address.
    public func check(_ typed: String) -> VisitorCodeCheck {
        let code = typed.filter { $0 != " " && $0 != "-" }
        guard var c = challenge else { return .noCode }
        if c.void { return .voided }
        let now = clock.now()
        if now >= c.issued + Self.codeValidity { return .expired }
        guard code.count == Self.codeDigits, code.allSatisfy({ $0.isASCII && $0.isNumber }) else { return .malformed }
        let hash = keyedHash(code, key: c.salt) ?? ""
        if constantTimeEquals(Array(hash.utf8), Array(c.hash.utf8)) {
            challenge = nil
            currentGrant = VisitorGrant(email: c.email, until: now + Self.grantValidity, checkedBy: nil)
            return .proved(email: c.email)
        }
        c.wrongTries += 1
        if c.wrongTries >= Self.maximumWrongTries { c.void = true }
        challenge = c
        return c.void ? .voided : .wrong(triesLeft: Self.maximumWrongTries - c.wrongTries)
    }

    /// The desk's way ("or the desk checks in person"): a staff member who checked the
    /// person's identity opens their data by address. Desk staff and administrators only; the
    /// grant names the staff member, and only they can use it.
    public func checkedAtDesk(email: String, by viewer: Viewer) throws {
        try Permissions.require(.handleIntakes, by: viewer)
        let address = try EmailAddress.normalise(email)
        challenge = nil
        currentGrant = VisitorGrant(email: address, until: clock.now() + Self.grantValidity, checkedBy: viewer.activeAccount?.id)
    }

    /// The e-mail with `code`: what it is for and to ignore it if not asked; nothing else of
    /// anyone (no name, no text, no other address) and, as every e-mail here, no Reply-To.
    static func mail(to email: String, code: String) -> MailMessage {
        let minutes = Int(codeValidity / 60)
        return MailMessage(to: email, subject: mailSubject, body: """
            Je code: \(code)

            Iemand vroeg in SociaalHus om de gegevens te zien die we bewaren over dit e-mailadres
            (van het contactformulier, zonder account). Met deze code kun je ze inzien, opslaan en
            wissen. Typ hem in het venster waarin je hem vroeg; hij werkt \(minutes) minuten.
            Heb je dit niet gevraagd? Dan kun je deze e-mail negeren: er gebeurt niets.
            Beantwoorden kan niet; vragen kun je stellen aan de balie van het Sociaal Hus.

            Your code: \(code)

            Someone asked in SociaalHus to see the data we hold about this e-mail address (from the
            contact form, without an account). With this code you can see, save and erase it. Type
            it in the window where you asked for it; it works for \(minutes) minutes.
            Did you not ask for this? Then ignore this e-mail: nothing will happen.
            Replying is not possible; questions can be asked at the Sociaal Hus desk.

            """)
    }

    /// True for an outbox record of a code e-mail.
    static func isCodeMail(_ m: OutboxMessage) -> Bool { m.kind == .dataExport && m.subject == mailSubject }

    private static var upperBound: Int { Int(pow(10, Double(codeDigits))) }

    /// 16 random letters and digits (the form `keyedHash` takes as its key).
    private static func salt() throws -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        var bytes = [UInt8](repeating: 0, count: 16)
        try fillRandom(&bytes)
        return String(bytes.map { alphabet[Int($0) % alphabet.count] })
    }
}
