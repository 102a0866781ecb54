import Foundation

/// Who is looking: a visitor at the terminal, or a logged-in account.
public enum Viewer: Sendable, Hashable {
    /// Not logged in (bezoeker).
    case visitor
    /// Logged in.
    case account(Account)
    /// The operator at the machine's command line (the administrator's shell, cron): not a
    /// person on the platform. It was `nil` once, which silently skipped every check; now it is
    /// named, and `Permissions` answers for it in one place.
    case commandLine

    /// The account, when logged in.
    public var account: Account? {
        if case .account(let a) = self { return a }
        return nil
    }

    /// True for a logged-in, non-blocked administrator (asks `Permissions`, where every role check lives).
    var isAdministrator: Bool { Permissions.isAdministrator(self) }

    /// The account when logged in and not blocked: a blocked account has no rights at all.
    public var activeAccount: Account? {
        guard let a = account, !a.blocked else { return nil }
        return a
    }

    /// True when this viewer is the owner of `id`.
    public func owns(_ id: AccountID) -> Bool { activeAccount?.id == id }
}
