import Foundation

/// Migration 9: moves every encoded record into the typed tables of `Schema9`.
///
/// It reads the old records with the frozen decoder (`LegacyRecords`), drops the old tables and
/// what was derived from them, creates the new tables, and writes every record through the same
/// writer as every change (`RowWriterSession`), which also lays down what is derived (the
/// agenda's occurrences and search text, the notification index, the subjects). That writer
/// is today's, told to leave out what later schemas added (`indexesMentions`): while the tables
/// stay as `Schema9` made them, it writes exactly them
/// (`RowSchemaTests` checks). A later migration that changes these tables first gives this one
/// a frozen copy of today's writer.
enum Schema9Migration {
    static func run(_ db: Database) throws {
        var old: StoreState? = try LegacyRecords.load(from: db)
        let meta = try Store.readMeta(db)
        try db.execute("""
            DROP TABLE IF EXISTS agenda_occurrence; DROP TABLE IF EXISTS refs; DROP TABLE IF EXISTS notify_interest;
            DELETE FROM meta WHERE key LIKE 'derived:%' OR key LIKE 'occurrences-%';
            """)
        for c in LegacyRecords.collections { try db.execute("DROP TABLE \(c)") }
        try db.execute(Schema9.sql)
        try db.execute(AgendaOccurrences.createSQL)
        try db.execute(Store.notifyInterestSQL)
        try db.execute(Store.erasureTriggersSQL)
        var fixed = old!
        old = nil
        let repairs = repairReferences(&fixed)
        let counts = Store.counts(of: fixed)
        // One collection at a time, each let go once written: the old records and their rows are
        // never all in memory twice (the foreign keys are checked when the whole migration commits).
        for c in CollectionName.allCases {
            final class Take: TableVisitor {
                typealias Failure = Never
                var changes: [RecordRef: RecordChange] = [:]
                func visit<R: StoredRecord>(_ table: inout Table<R>) {
                    for r in table.all { changes[RecordRef(r)] = .put(r) }
                    table = Table(shardCount: R.collection.defaultShardCount)
                }
            }
            let take = Take()
            fixed.visit(c, take)
            // (Without `mention`, which migration 11 makes from these rows.)
            try Store.write(take.changes, lastIDs: [:], generation: meta["generation"] ?? 0, now: Date(), indexesMentions: false, to: db)
        }
        if repairs > 0 { try db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('migrated-repairs', ?1)").bind(repairs).run() }
        for (c, n) in counts where try db.integer("SELECT count(*) FROM \(c.rawValue)") != n {
            throw CoreError.storeIO(file: StoreSchema.fileName, problem: "moving \(c.rawValue) into its table lost records")
        }
    }

    /// References to accounts that are no longer there (left by builds before schema 9, which
    /// did not check them): cut where the record stands without them, the record dropped where
    /// it is nothing without them (a waiting e-mail's recipient, a draft of a desk member who
    /// left). Returns how many; `check` reports them.
    static func repairReferences(_ s: inout StoreState) -> Int {
        let accounts = Set(s.accounts.all.map(\.id))
        let intakes = Set(s.intakes.all.map(\.id))
        var n = 0
        func gone(_ a: AccountID?) -> Bool { a.map { !accounts.contains($0) } ?? false }
        for a in Array(s.accounts.all) where a.pendingDigest.contains(where: { gone($0.author) }) {
            var b = a
            b.pendingDigest = a.pendingDigest.map { l in var m = l; if gone(l.author) { m.author = nil; n += 1 }; return m }
            s.accounts.put(b)
        }
        for o in Array(s.organisations.all) where gone(o.createdBy) { var p = o; p.createdBy = nil; s.organisations.put(p); n += 1 }
        for i in Array(s.agenda.all) where gone(i.createdBy) { var j = i; j.createdBy = nil; s.agenda.put(j); n += 1 }
        for p in Array(s.posts.all) {
            switch p.author {
            case .resident(let a) where gone(a): s.posts.remove(p); n += 1
            case .organisation(let o, let by) where gone(by): var q = p; q.author = .organisation(o, by: nil); s.posts.put(q); n += 1
            default: break
            }
        }
        for m in Array(s.messages.all) {
            if case .resident(let r) = m.recipient, gone(r) { s.messages.remove(m); n += 1; continue }
            if gone(m.senderAccount) { var k = m; k.senderAccount = nil; s.messages.put(k); n += 1 }
        }
        for i in Array(s.intakes.all) where gone(i.person.account) { var j = i; j.person.account = nil; s.intakes.put(j); n += 1 }
        for d in Array(s.disclosures.all) {
            if !intakes.contains(d.intake) { s.disclosures.remove(d); n += 1; continue }
            if gone(d.account) { var e = d; e.account = nil; s.disclosures.put(e); n += 1 }
        }
        for m in Array(s.outbox.all) where m.accounts.contains(where: gone) { s.outbox.remove(m); n += 1 }
        for r in Array(s.reports.all) {
            if case .profile(let p) = r.target, gone(p) { s.reports.remove(r); n += 1; continue }
            if gone(r.reporterAccount) { var u = r; u.reporterAccount = nil; s.reports.put(u); n += 1 }
        }
        for d in Array(s.drafts.all) {
            if gone(d.staff) { s.drafts.remove(d); n += 1; continue }
            if gone(d.input.account) { var e = d; e.input.account = nil; s.drafts.put(e); n += 1 }
        }
        return n
    }
}
