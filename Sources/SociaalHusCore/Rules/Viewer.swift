import Foundation

/// Who is looking: a visitor at the terminal, or a logged-in account.
public enum Viewer: Sendable, Hashable {
    /// Not logged in (bezoeker).
    case visitor
    /// Logged in.
    case account(Account)
    /// The operator at the machine's command line (the administrator's shell, cron): not a
    /// person on the platform, and every permission passes for it. So only the executable may
    /// name it: it is in the `Operator` SPI, which a file reaches only by writing
    /// `@_spi(Operator) import SociaalHusCore`. The interface module never writes that (a test
    /// reads its sources), so the compiler refuses `.commandLine` in any screen: a terminal
    /// session cannot become the operator, whatever a screen's code does.
    @_spi(Operator) case commandLine
    /// A desk member acting for the resident in front of them, who agreed ("namens"): the
    /// resident's account, less what `Permissions` keeps from a helper; every change is logged
    /// with the helper's name. Only `Store.startOnBehalf` makes one.
    case onBehalf(OnBehalf)

    /// The account, when logged in (acting for someone: theirs).
    public var account: Account? {
        switch self {
        case .account(let a): a
        case .onBehalf(let o): o.resident
        case .visitor, .commandLine: nil
        }
    }

    /// The desk member acting for the account, while helping "namens".
    public var helper: Account? {
        if case .onBehalf(let o) = self { return o.helper }
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
