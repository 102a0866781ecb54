import Foundation

extension Store {
    /// Sends `id` their own data export by e-mail, to their own address: how a resident at home
    /// gets it when the interface is served over SSH. There a file would land on the
    /// server, in the folder of the user every resident shares, and the path field would let a
    /// resident write over any file that user may write. Returns the address it goes to. The
    /// e-mail waits in the outbox like every other (`sociaalhus mail send`) and is erased with
    /// the account.
    func mailExport(_ id: AccountID, by viewer: Viewer) throws -> String {
        try Permissions.require(.manageAccount(id), by: viewer)
        // To the holder's own address only, so also while the desk helps ("namens"): nothing
        // lands on the desk's computer.
        let json = String(decoding: try export(id, by: viewer, toOwnAddress: true).json(), as: UTF8.self)
        return try update(actor: viewer) { tx in
            guard let a = tx.state.accounts[id.rawValue] else { throw CoreError.notFound(what: "account \(id)") }
            let body = """
                Hierbij alles wat SociaalHus over je bewaart, zoals je vroeg (als JSON). Het bevat persoonlijke gegevens: bewaar het zorgvuldig.
                Here is everything SociaalHus holds about you, as you asked (as JSON). It contains personal data: keep it safe.

                """ + json + "\n"
            _ = try tx.queueMail(MailMessage(to: a.email, subject: "Je gegevens uit SociaalHus / Your data from SociaalHus", body: body),
                                 kind: .dataExport, accounts: [a.id])
            return a.email
        }
    }
}
