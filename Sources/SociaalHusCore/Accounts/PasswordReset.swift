import Foundation

/// One-time codes that let a person who forgot their password set a new one.
///
/// A code is made at the desk (staff who saw who is in front of them), by the operator
/// (`sociaalhus account reset`), or mailed to the account's own address when the platform has a
/// mail command. The limits, and why:
/// - 12 characters from 32 that cannot be mistaken for each other (no 0/O, 1/I): 60 bits, so a
///   guess is hopeless even before the throttle; shown as `ABCD-EFGH-JKLM`, typed in any case,
///   with or without the dashes and spaces.
/// - valid `validity` (24 hours), used once: setting the password removes it; a new code
///   replaces the one before.
/// - only a salted hash is stored (the password hasher's), in `reset_code`, one row per
///   account, deleted with the account.
/// - a wrong code counts as a failed login for the address (the same throttle and the same
///   answer whether the address has an account or not), so codes cannot be guessed faster than
///   passwords.
/// - by mail: at most one code per `mailInterval` (15 minutes) per account, and the screen's
///   answer is the same whether the address has an account or not.
/// - the desk cannot make a code for an account with the desk or administrator role (a desk
///   member would otherwise take over such an account): an administrator or the operator can.
public enum PasswordReset {
    /// How long a code works.
    public static let validity: TimeInterval = 24 * 3600
    /// The shortest time between two mailed codes for one account.
    public static let mailInterval: TimeInterval = 15 * 60
    /// Characters in a code.
    public static let length = 12
    /// The characters a code is made of.
    static let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
    /// The subject of the code e-mail.
    public static let mailSubject = "Code voor een nieuw wachtwoord / Code for a new password"

    /// Who gave a code.
    public enum How: String, Sendable, CaseIterable {
        /// A desk member, after checking who the person is.
        case desk
        /// By e-mail to the account's own address.
        case mail
        /// The operator on the command line.
        case operator_ = "operator"
    }

    /// The table (schema 12).
    static let schema = """
        CREATE TABLE reset_code (
            account INTEGER PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
            code_hash TEXT NOT NULL,
            how TEXT NOT NULL CHECK (how IN ('desk', 'mail', 'operator')),
            issued REAL NOT NULL,
            expires REAL NOT NULL
        ) STRICT
        """

    /// A new code, grouped by four for reading aloud and typing.
    public static func newCode<G: RandomNumberGenerator>(using g: inout G) -> String {
        let chars = (0..<length).map { _ in alphabet[Int(g.next(upperBound: UInt64(alphabet.count)))] }
        return stride(from: 0, to: length, by: 4).map { String(chars[$0..<min($0 + 4, length)]) }.joined(separator: "-")
    }

    /// A typed code as stored (upper case, without spaces and dashes), or nil when it cannot be
    /// one (wrong length or a character no code has): a typo, not counted as a try.
    public static func normalised(_ typed: String) -> String? {
        let kept = typed.uppercased().filter { $0 != "-" && $0 != " " && $0 != "\t" }
        guard kept.count == length, kept.allSatisfy({ alphabet.contains($0) }) else { return nil }
        return kept
    }

    /// The e-mail carrying a code to the account's own address.
    static func mail(to email: String, code: String) -> MailMessage {
        let hours = Int(validity / 3600)
        return MailMessage(to: email, subject: mailSubject, body: """
            Je code: \(code)

            Iemand vroeg in SociaalHus om een nieuw wachtwoord voor het account met dit
            e-mailadres. Kies bij het inloggen "Wachtwoord vergeten", typ dit adres en de code en
            kies een nieuw wachtwoord. De code werkt \(hours) uur en één keer.
            Heb je dit niet gevraagd? Dan kun je deze e-mail negeren: je wachtwoord blijft zoals
            het is. Beantwoorden kan niet; vragen kun je stellen aan de balie van het Sociaal Hus.

            Your code: \(code)

            Someone asked in SociaalHus for a new password for the account with this e-mail
            address. Choose "Forgot password" when logging in, type this address and the code and
            choose a new password. The code works for \(hours) hours, once.
            Did you not ask for this? Then ignore this e-mail: your password stays as it is.
            Replying is not possible; questions can be asked at the Sociaal Hus desk.

            """)
    }
}
