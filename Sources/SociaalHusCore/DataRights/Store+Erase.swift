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
        defer { removeMigratedShardFiles() }
        try update(actor: viewer) { tx in
            guard let a = tx.state.accounts[id.rawValue] else { throw CoreError.notFound(what: "account \(id)") }
            let cands = EraseCandidates(account: a, ids: PersonIdentifiers(a), db: db, state: tx.state)
            if let photo = a.profile.photo { tx.photosToRemove.append(photo) }
            tx.remove(a)
            var removedPosts: Set<PostID> = [], removedMessages: Set<MessageID> = []
            var removedTitles: [String] = []
            for p in cands.records(tx.state.posts, tx) {
                switch p.author {
                case .resident(let r) where r == id:
                    removedPosts.insert(p.id)
                    removedTitles.append(p.title)
                    tx.remove(p)
                case .organisation(let o, let by) where by == id:
                    var q = p
                    q.author = .organisation(o, by: nil)
                    tx.put(q)
                default: break
                }
            }
            for m in cands.records(tx.state.messages, tx)
            where m.senderAccount == id || m.recipient == .resident(id) || m.senderEmail == a.email || m.recipient == .address(a.email) {
                removedMessages.insert(m.id)
                tx.remove(m)
            }
            // Lines announcing their content leave every waiting digest (older lines, without an
            // author, by the title of a post that went).
            for other in cands.records(tx.state.accounts, tx) where !other.pendingDigest.isEmpty {
                let ids = PersonIdentifiers(a)
                let kept = other.pendingDigest.filter { l in
                    // A line about their post, or one that names them (someone else's post about them).
                    if ids.redacted(l.text) != nil { return false }
                    if let author = l.author { return author != id }
                    return !removedTitles.contains { !$0.isEmpty && l.text.contains($0) }
                }
                if kept.count != other.pendingDigest.count { var o = other; o.pendingDigest = kept; tx.put(o) }
            }
            for item in cands.records(tx.state.agenda, tx) where item.createdBy == id {
                var i = item
                i.createdBy = nil
                tx.put(i)
            }
            for org in cands.records(tx.state.organisations, tx) where org.createdBy == id {
                var o = org
                o.createdBy = nil
                tx.put(o)
            }
            // Intakes linked to the account hold the same person's data; a staff member's unsaved form goes too.
            // An intake not linked to the account but with their e-mail address or phone number is
            // about them as well.
            let phoneTail = String((a.profile.phone ?? "").filter(\.isNumber).suffix(9))
            for intake in cands.records(tx.state.intakes, tx) {
                let p = intake.person
                let sameEmail = !p.email.isEmpty && p.email.caseInsensitiveCompare(a.email) == .orderedSame
                let samePhone = phoneTail.count >= 8 && p.phone.filter(\.isNumber).hasSuffix(phoneTail)
                if p.account == id || sameEmail || samePhone { Self.eraseIntake(intake, actor: viewer.account?.id, in: &tx) }
            }
            if let d = tx.state.drafts[id.rawValue] { tx.remove(d) }
            // A desk member's unsaved form about the person goes as well.
            let phone = (a.profile.phone ?? "").filter(\.isNumber)
            for d in Array(tx.state.drafts.all) {
                let input = d.input
                let samePhone = phone.count >= 8 && input.phone.filter(\.isNumber).hasSuffix(String(phone.suffix(9)))
                let sameName = !input.name.isEmpty && [a.name, a.profile.displayName].contains { $0.caseInsensitiveCompare(input.name) == .orderedSame }
                if input.account == id || input.email.caseInsensitiveCompare(a.email) == .orderedSame || samePhone || sameName {
                    tx.remove(d)
                }
            }
            // E-mails to or about the person, waiting or sent, with their Maildir files.
            for m in cands.records(tx.state.outbox, tx) where m.accounts.contains(id) || m.to == a.email { tx.removeMail(m) }
            // Reports about them or their content go (the content is gone, and what others wrote
            // about it names them); reports they made keep what was reported but lose who reported.
            for r in Array(tx.state.reports.all) {
                let aboutThem: Bool
                switch r.target {
                case .profile(let p): aboutThem = p == id
                case .post(let p): aboutThem = removedPosts.contains(p)
                case .message(let m): aboutThem = removedMessages.contains(m)
                case .agendaItem: aboutThem = false
                }
                if aboutThem { tx.remove(r); continue }
                if r.reporterAccount == id || r.reporterEmail == a.email {
                    var u = r
                    u.reporterName = ""
                    u.reporterEmail = ""
                    u.reporterAccount = nil
                    tx.put(u)
                }
            }
            Self.redactFreeText(PersonIdentifiers(a), cands, in: &tx)
            for e in cands.records(tx.state.audit, tx) where e.subject == id { tx.remove(e) }
            tx.audit(.accountErased, actor: viewer.account?.id, subject: id, target: "account:\(id)")
        }
    }

    /// Replaces the person's name, e-mail address, phone number and address in the free text of
    /// every record that stays (the "redact" fields of `PersonalDataInventory`); an e-mail to
    /// someone else that names them is not sent (its file cannot be rewritten safely).
    static func redactFreeText(_ ids: PersonIdentifiers, _ cands: EraseCandidates = EraseCandidates(), in tx: inout Transaction) {
        func fix(_ s: inout String) -> Bool {
            guard let r = ids.redacted(s) else { return false }
            s = r
            return true
        }
        /// An e-mail address field that names them is emptied (a placeholder is no address).
        func blankAddress(_ s: inout String) -> Bool {
            guard ids.redacted(s) != nil else { return false }
            s = ""
            return true
        }
        for p in cands.records(tx.state.posts, tx) {
            var q = p
            if [fix(&q.title), fix(&q.body)].contains(true) { tx.put(q) }
        }
        for m in cands.records(tx.state.messages, tx) {
            var n = m
            if [fix(&n.text), fix(&n.senderName)].contains(true) { tx.put(n) }
        }
        for r in Array(tx.state.reports.all) {
            var u = r
            if [fix(&u.explanation), fix(&u.reporterName), blankAddress(&u.reporterEmail)].contains(true) { tx.put(u) }
        }
        for i in cands.records(tx.state.intakes, tx) {
            var j = i
            var changed = [fix(&j.question), fix(&j.notes), fix(&j.person.name), fix(&j.person.phone), blankAddress(&j.person.email), fix(&j.person.address)].contains(true)
            for k in j.referrals.indices where fix(&j.referrals[k].staffName) { changed = true }
            if changed { tx.put(j) }
        }
        for d in cands.records(tx.state.disclosures, tx) {
            var e = d
            if fix(&e.staffName) { tx.put(e) }
        }
        for other in cands.records(tx.state.accounts, tx) {
            guard var reason = other.blockedReason, fix(&reason) else { continue }
            var o = other
            o.blockedReason = reason
            tx.put(o)
        }
        var settings = tx.state.settings
        var settingsChanged = false
        for k in settings.feedApprovals.indices {
            if [fix(&settings.feedApprovals[k].approvedByName), fix(&settings.feedApprovals[k].thirdParty)].contains(true) { settingsChanged = true }
        }
        if settingsChanged { tx.setSettings(settings) }
        for d in Array(tx.state.drafts.all) {
            var e = d
            if [fix(&e.input.question), fix(&e.input.notes)].contains(true) { tx.put(e) }
        }
        for item in cands.records(tx.state.agenda, tx) {
            var i = item
            if [fix(&i.title), fix(&i.description), fix(&i.location), fix(&i.signup), fix(&i.cost), fix(&i.category)].contains(true) { tx.put(i) }
        }
        for o in cands.records(tx.state.organisations, tx) {
            var p = o
            if [fix(&p.description), fix(&p.openingHours), fix(&p.website), fix(&p.address), fix(&p.phone), blankAddress(&p.email)].contains(true) { tx.put(p) }
        }
        for e in cands.records(tx.state.audit, tx) {
            guard var t = e.target else { continue }
            if fix(&t) { var f = e; f.target = t; tx.put(f) }
        }
        for m in cands.records(tx.state.outbox, tx) where ids.redacted(m.subject) != nil || ids.redacted(m.body) != nil {
            tx.removeMail(m)
        }
    }

    /// The shard files a store was moved from hold copies of every person: after an erasure
    /// they go (issue 13: no copy in any file of the store).
    func removeMigratedShardFiles() {
        guard FileManager.default.fileExists(atPath: path + "/manifest.json.migrated") else { return }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path + "/data")) ?? [] { unlink(path + "/data/" + name) }
        rmdir(path + "/data")
        unlink(path + "/manifest.json.migrated")
        try? DurableFile.syncDirectory(path)
    }
}
