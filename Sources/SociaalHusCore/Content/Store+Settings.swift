import Foundation

extension Store {
    /// Changes the platform settings in one change with an audit event naming what changed
    /// ("settings:mail"); `viewer` may be `.commandLine`, the operator. The caller checks
    /// who may do it.
    /// `then` runs in the same transaction after the change (what the new settings imply).
    @discardableResult
    func changeSettings<T>(_ what: String, by viewer: Viewer, _ change: (inout PlatformSettings) -> Void,
                           then: (inout Transaction) throws -> T = { _ in () }) throws -> T {
        try update(actor: viewer) { tx in
            var s = tx.state.settings
            change(&s)
            tx.setSettings(s)
            tx.audit(.platformChanged, actor: viewer.account?.id, subject: nil, target: "settings:" + what)
            return try then(&tx)
        }
    }
}
