import Foundation

extension Store {
    /// Changes the platform settings in one change with an audit event naming what changed
    /// ("settings:mail"); `viewer` may be `.commandLine`, the operator. The caller checks
    /// who may do it.
    func changeSettings(_ what: String, by viewer: Viewer, _ change: (inout PlatformSettings) -> Void) throws {
        try update(actor: viewer) { tx in
            var s = tx.state.settings
            change(&s)
            tx.setSettings(s)
            tx.audit(.platformChanged, actor: viewer.account?.id, subject: nil, target: "settings:" + what)
        }
    }
}
