import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension Store {
    /// Erases a person: account, profile, photo, their posts, the contact messages they sent or
    /// received, intakes linked to the account with their disclosures and referral messages; links from organisation content to them are cut; their audit events are replaced
    /// by one "account N erased at T". Every data file that held their data is rewritten and the
    /// old file removed, so no copy remains in any file of the store.
    public func erase(_ id: AccountID, by viewer: Viewer) throws {
        try Permissions.require(.manageAccount(id), by: viewer)
        try update(actor: viewer) { tx in
            guard let a = tx.state.accounts[id.rawValue] else { throw CoreError.notFound(what: "account \(id)") }
            if let photo = a.profile.photo { tx.photosToRemove.append(photo) }
            tx.remove(a)
            for p in Array(tx.state.posts.all) {
                switch p.author {
                case .resident(let r) where r == id:
                    tx.remove(p)
                case .organisation(let o, let by) where by == id:
                    var q = p
                    q.author = .organisation(o, by: nil)
                    tx.put(q)
                default: break
                }
            }
            for m in Array(tx.state.messages.all)
            where m.senderAccount == id || m.recipient == .resident(id) || m.senderEmail == a.email || m.recipient == .address(a.email) {
                tx.remove(m)
            }
            for item in Array(tx.state.agenda.all) where item.createdBy == id {
                var i = item
                i.createdBy = nil
                tx.put(i)
            }
            for org in Array(tx.state.organisations.all) where org.createdBy == id {
                var o = org
                o.createdBy = nil
                tx.put(o)
            }
            // Intakes linked to the account hold the same person's data; a staff member's unsaved form goes too.
            for intake in tx.state.intakes.all where intake.person.account == id {
                Self.eraseIntake(intake, actor: viewer.account?.id, in: &tx)
            }
            if let d = tx.state.drafts[id.rawValue] { tx.remove(d) }
            // E-mails to or about the person, waiting or sent, with their Maildir files.
            for m in Array(tx.state.outbox.all) where m.accounts.contains(id) || m.to == a.email { tx.removeMail(m) }
            // Reports about their profile go; reports they made keep what was reported but lose who reported.
            for r in Array(tx.state.reports.all) {
                if r.target == .profile(id) { tx.remove(r); continue }
                if r.reporterAccount == id || r.reporterEmail == a.email {
                    var u = r
                    u.reporterName = ""
                    u.reporterEmail = ""
                    u.reporterAccount = nil
                    tx.put(u)
                }
            }
            let shard = tx.state.audit.shardIndex(forKey: id.rawValue)
            for e in Array(tx.state.audit.shards[shard].values) where e.subject == id { tx.remove(e) }
            tx.audit(.accountErased, actor: viewer.account?.id, subject: id, target: "account:\(id)")
        }
    }
}
