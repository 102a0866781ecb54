import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What an erasure did beyond the person's own records.
public struct ErasureReport: Equatable, Sendable {
    /// Texts of others that stay and mention the person's name: never cut automatically (a
    /// namesake's text would be changed), for a moderator or the desk to read. Counted after the
    /// erasure (`Store.textsNaming`); 0 when the erasure was asked not to count.
    public var textsNamingThem: Int
}

extension Store {
    /// Erases a person: account, profile, photo, their posts, the contact messages they sent or
    /// received, intakes linked to the account with their disclosures and referral messages; links from organisation content to them are cut; their audit events are replaced
    /// by one "account N erased at T". Every data file that held their data is rewritten and the
    /// old file removed, so no copy remains in any file of the store.
    ///
    /// Then, unless `countingNames` is false, counts the texts of others that still name them
    /// (`textsNaming`): a read after the erasure has committed, so the lock that keeps other
    /// changes out is held for the erasure only (the count reads every text of the store).
    @discardableResult
    func erase(_ id: AccountID, by viewer: Viewer, countingNames: Bool = true) throws -> ErasureReport {
        try Permissions.require(.eraseAccount(id), by: viewer)
        defer { removeMigratedShardFiles() }
        let person = try update(actor: viewer) { tx in
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
                // What they told an author as moderator is the author's: it stays, without them
                // (found in review: erasing a moderator took every takedown notice with them).
                if m.aboutReport != nil, m.senderAccount == id, m.recipient != .resident(id) {
                    var kept = m
                    kept.senderAccount = nil
                    tx.put(kept)
                    continue
                }
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
            // Intakes linked to the account (the desk links one only explicitly) hold the person's
            // data. One that is not linked is someone else's, however alike the name or phone
            // number: matching them erased a stranger's case file.
            for intake in cands.records(tx.state.intakes, tx) where intake.person.account == id {
                Self.eraseIntake(intake, actor: viewer.account?.id, in: &tx)
            }
            // Their sign-ups and reminders, by their account's number; a place they held goes to
            // the first on the waiting list.
            for r in try SignUpRows.of(account: id, in: db) {
                tx.statements.append(SignUpRows.delete(r.id))
                if r.state == .place, let item = tx.state.agenda[r.activity.rawValue] { try promote(after: r, item: item, in: &tx) }
            }
            if let d = tx.state.drafts[id.rawValue] { tx.remove(d) }
            // A desk member's unsaved form linked to the person goes as well.
            for d in Array(tx.state.drafts.all) where d.input.account == id { tx.remove(d) }
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
            Self.redactFreeText(PersonIdentifiers(a), of: id, cands, in: &tx)
            for e in cands.records(tx.state.audit, tx) where e.subject == id { tx.remove(e) }
            tx.audit(.accountErased, actor: viewer.account?.id, subject: id, target: "account:\(id)")
            return a
        }
        return ErasureReport(textsNamingThem: countingNames ? try textsNaming(person) : 0)
    }

    /// The free-text columns counted when they name a person (the texts of others an erasure
    /// leaves whole), per table: how to read it, its columns, and which rows can have any.
    static let namingColumns: [(from: String, columns: [String], only: String?)] = [
        ("posts", ["title", "body"], nil), ("messages", ["text"], nil), ("reports", ["explanation"], nil),
        ("intakes", ["question", "notes"], nil),
        ("accounts INDEXED BY accounts_blocked_reason", ["blocked_reason"], "blocked_reason IS NOT NULL"),
        ("drafts", ["question", "notes"], nil), ("agenda", ["title", "description", "location", "signup"], nil),
        ("organisations", ["description", "opening_hours"], nil),
    ]

    /// How many records' texts (`namingColumns`) mention `person`'s name or display name as whole
    /// words, in any case: what an erasure of them leaves for a moderator or the desk to read.
    /// With names in ASCII the C search (`sociaalhus_mentions`) passes only the texts that may
    /// hold one, and `PersonIdentifiers.mentionsName` decides; other names are looked for in
    /// every text (the C search folds ASCII case only).
    public func textsNaming(_ person: Account) throws -> Int {
        let ids = PersonIdentifiers(person)
        guard !ids.names.isEmpty else { return 0 }
        let ascii = ids.names.count <= 16 && ids.names.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } }
        let needles = Data(ids.names.flatMap { Array($0.lowercased().utf8) + [0] })
        // Every text of the store is read: two connections read half the tables each, on two
        // cores (the messages against the rest, by size at ten times Borne). No lock is held, so
        // the two may see different moments of a store another process changes: it is a count
        // for a person to follow up, not part of the erasure.
        let second = try? Database(path: db.path)
        let heavy: Set<String> = ["messages", "intakes", "reports", "drafts"]
        let groups = second == nil ? [Self.namingColumns]
            : [Self.namingColumns.filter { heavy.contains($0.from) }, Self.namingColumns.filter { !heavy.contains($0.from) }]
        let results = Locked<[Result<Int, Error>]>([])
        let first = db
        DispatchQueue.concurrentPerform(iterations: groups.count) { g in
            let r = Result { try Self.countNaming(ids, groups[g], needles: ascii ? needles : nil, on: g == 0 ? first : second!) }
            results.withLock { $0.append(r) }
        }
        return try results.withLock { $0 }.reduce(0) { try $0 + $1.get() }
    }

    /// The records of `tables` whose texts name the person of `ids`, read on `connection`;
    /// with `needles`, only those the C search passes.
    static func countNaming(_ ids: PersonIdentifiers, _ tables: [(from: String, columns: [String], only: String?)], needles: Data?,
                            on connection: Database) throws -> Int {
        var count = 0
        for (from, columns, only) in tables {
            let list = columns.joined(separator: ", ")
            let conditions = [only, needles == nil ? nil : "sociaalhus_mentions(?1, NULL, \(list))"].compactMap { $0 }
            let s = try connection.prepare("SELECT \(list) FROM \(from)" + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")))
            if let needles { try s.bind(needles) }
            while try s.step() {
                if columns.indices.contains(where: { !s.isNull(Int32($0)) && ids.mentionsName(s.text(Int32($0))) }) { count += 1 }
            }
        }
        return count
    }

    /// Replaces whole tokens of the person's e-mail address and phone number in the free text
    /// others wrote (the free-text columns `StoreInventory` names), and cuts their name from what
    /// refers to them by number (a disclosure or referral they made as desk staff). Fields that
    /// are another person's own (a name, phone or address on their intake, a reporter's name) are
    /// never changed: alike is not the same person. An e-mail to someone else that names them is
    /// not sent (its file cannot be rewritten safely). Names are never cut automatically
    /// (namesakes): `textsNaming` counts the texts that mention them, after the erasure.
    static func redactFreeText(_ ids: PersonIdentifiers, of id: AccountID? = nil, _ cands: EraseCandidates = EraseCandidates(),
                               in tx: inout Transaction) {
        func fix(_ s: inout String) -> Bool {
            guard let r = ids.redacted(s) else { return false }
            s = r
            return true
        }
        for p in cands.records(tx.state.posts, tx) {
            var q = p
            if [fix(&q.title), fix(&q.body)].contains(true) { tx.put(q) }
        }
        for m in cands.records(tx.state.messages, tx) {
            var n = m
            if fix(&n.text) { tx.put(n) }
        }
        for r in Array(tx.state.reports.all) {
            var u = r
            if fix(&u.explanation) { tx.put(u) }
        }
        for i in cands.records(tx.state.intakes, tx) {
            var j = i
            var changed = [fix(&j.question), fix(&j.notes)].contains(true)
            for k in j.referrals.indices where id != nil && j.referrals[k].staff == id && j.referrals[k].staffName != PersonIdentifiers.erased {
                j.referrals[k].staffName = PersonIdentifiers.erased
                changed = true
            }
            if changed { tx.put(j) }
        }
        for d in cands.records(tx.state.disclosures, tx) where id != nil && d.staff == id && d.staffName != PersonIdentifiers.erased {
            var e = d
            e.staffName = PersonIdentifiers.erased
            tx.put(e)
        }
        for other in cands.records(tx.state.accounts, tx) {
            guard var reason = other.blockedReason else { continue }
            if fix(&reason) {
                var o = other
                o.blockedReason = reason
                tx.put(o)
            }
        }
        var settings = tx.state.settings
        var settingsChanged = false
        for k in settings.feedApprovals.indices {
            if fix(&settings.feedApprovals[k].thirdParty) { settingsChanged = true }
            // Their name on an approval they gave, by its reference to them.
            if id != nil, settings.feedApprovals[k].approvedBy == id, settings.feedApprovals[k].approvedByName != PersonIdentifiers.erased {
                settings.feedApprovals[k].approvedByName = PersonIdentifiers.erased
                settingsChanged = true
            }
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
            if [fix(&p.description), fix(&p.openingHours)].contains(true) { tx.put(p) }
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
    /// they go (no copy in any file of the store).
    func removeMigratedShardFiles() {
        guard FileManager.default.fileExists(atPath: path + "/manifest.json.migrated") else { return }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path + "/data")) ?? [] { unlink(path + "/data/" + name) }
        rmdir(path + "/data")
        unlink(path + "/manifest.json.migrated")
        try? DurableFile.syncDirectory(path)
    }
}

/// A value shared by the threads of one count.
private final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    /// Starts with `value`.
    init(_ value: Value) { self.value = value }
    /// Runs `body` on the value, one thread at a time.
    func withLock<T>(_ body: (inout Value) -> T) -> T { lock.withLock { body(&value) } }
}
