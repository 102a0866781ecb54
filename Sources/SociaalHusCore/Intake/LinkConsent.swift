import Foundation

/// The staff member's confirmation that the resident, shown whose account it is, agrees that
/// the conversation is linked to that account.
///
/// The core links a conversation to an account (or moves it to another) only with this, for
/// exactly that account, and logs the link for the account holder; it never links by itself,
/// not by a matching e-mail address, phone number or name.
public struct LinkConsent: Sendable, Hashable {
    /// The account the resident agreed to.
    public let account: AccountID

    /// Confirms that the resident agreed that the conversation is linked to `account`.
    public init(account: AccountID) { self.account = account }
}
