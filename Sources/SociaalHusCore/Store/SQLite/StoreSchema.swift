import Foundation

/// The store's SQLite schema and its migrations.
///
/// Schemas 1 to 8 kept every record as its binary encoding with a CRC-32 (one STRICT table per
/// collection), with columns to query by copied beside it. Schema 9 keeps every
/// field in a typed column (`Schema9`), every person as a subject, and references to people as
/// foreign keys; it reads the old records once, with the frozen decoder of `LegacyRecords`.
/// Migrations 3 to 7 derived columns from the old records: schema 9 lays down everything it
/// derives anew, so those steps keep only what later ones build on (all steps from a store's
/// version run in one transaction: nobody sees a store between two of them).
enum StoreSchema {
    /// The database file in the store folder.
    static let fileName = "sociaalhus.db"

    /// Migration i brings the schema from version i to i + 1; each runs in one transaction with
    /// the others, and a test opens a committed database of every version before it.
    static var migrations: [(Database) throws -> Void] { [
        { db in
            for c in LegacyRecords.collections {
                try db.execute("CREATE TABLE \(c) (id INTEGER PRIMARY KEY, crc INTEGER NOT NULL, data BLOB NOT NULL) STRICT")
            }
            // Counters: last id per collection ("last:<name>"), a change counter per collection
            // ("version:<name>", so another process reloads only what changed), the record
            // encoding's format ("format") and the format of the shard files migrated from.
            try db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) STRICT")
            try db.execute("INSERT INTO meta VALUES ('format', 3)")
        },
        // Version 2: the checksum covers the collection and key too (version 1 covered the bytes
        // only, so a page of one table swapped into another went unnoticed until decoded).
        { db in
            for c in LegacyRecords.collections {
                var rows: [(Int, Data)] = []
                let s = try db.prepare("SELECT id, crc, data FROM \(c)")
                while try s.step() {
                    guard CRC32.checksum(s.data(2)) == UInt32(truncatingIfNeeded: s.int(1)) else {
                        throw CoreError.storeCorrupt(file: "\(StoreSchema.fileName) (\(c) \(s.int(0)))", problem: .checksumMismatch)
                    }
                    rows.append((s.int(0), s.data(2)))
                }
                let u = try db.prepare("UPDATE \(c) SET crc = ?1 WHERE id = ?2")
                for (id, data) in rows { try u.bind(Int(LegacyRecords.checksum(c, id, data)), id).run() }
            }
        },
        // Versions 3, 4, 5 and 7 derived columns and tables from the records (the agenda's span
        // and occurrences, the accounts' e-mail column, the references to accounts, the posts'
        // listing columns, the notification index); version 9 lays all of it down anew from the
        // typed tables, so these steps now only count.
        { _ in },
        { _ in },
        { _ in },
        // Version 6: which records each change touched (collection, its version after the
        // change, key; numbers only), so another process re-reads those records instead of
        // the whole collection. The last 1,000 versions per collection are kept; a process that
        // fell further behind reads the collection anew.
        { db in
            try db.execute("""
                CREATE TABLE change_log (collection TEXT NOT NULL, version INTEGER NOT NULL, key INTEGER NOT NULL) STRICT;
                CREATE INDEX change_log_at ON change_log (collection, version);
                """)
        },
        { _ in },
        // Version 8: the erased subjects: which accounts and intakes were erased, by
        // number, with a salted proof of which record it was and no personal data, so a restore
        // from a backup made before an erasure erases them again (`Store+Backup.swift`).
        // Erasures from before it are taken from the audit log.
        { db in
            try db.execute("""
                CREATE TABLE erased_subject (collection TEXT NOT NULL, key INTEGER NOT NULL, salt TEXT, proof TEXT, erased INTEGER NOT NULL,
                                             PRIMARY KEY (collection, key)) STRICT, WITHOUT ROWID
                """)
            let add = try db.prepare("INSERT OR IGNORE INTO erased_subject (collection, key, erased) VALUES (?1, ?2, ?3)")
            for e in try LegacyRecords.read(AuditEvent.self, from: db) {
                let at = Int(e.at.timeIntervalSince1970)
                switch e.action {
                case .accountErased: if let id = e.subject { try add.bind("accounts", id.rawValue, at).run() }
                case .intakeErased:
                    if let t = e.target, t.hasPrefix("intake:"), let id = Int(t.dropFirst(7)) { try add.bind("intakes", id, at).run() }
                default: break
                }
            }
        },
        // Version 9: typed tables, subjects and foreign keys (`Schema9`).
        { db in try Schema9Migration.run(db) },
        // Version 10: counts kept by SQLite's triggers: the agenda's occurrences per day and
        // wijk (`AgendaDayCounts`), the rows of each collection (`TableRows`).
        { db in
            try db.execute(AgendaDayCounts.createSQL)
            try db.execute(TableRows.createSQL)
        },
        // Version 11: the keys of every row's free text, by which an erasure finds
        // the texts that may hold a person's address or number (`MentionIndex`).
        { db in try MentionIndex.migrate(db) },
        // Version 12: one-time codes for setting a new password (`PasswordReset`),
        // a salted hash only, one per account, gone with the account.
        { db in try db.execute(PasswordReset.schema) },
        // Version 13: whether a resident's wijk is verified (`WijkCheck`), a list of
        // the account's (none for every account before it: their wijk is only stated).
        { db in
            try db.execute("""
                CREATE TABLE wijk_check (
                    account INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE, seq INTEGER NOT NULL,
                    wijk INTEGER NOT NULL,
                    state TEXT NOT NULL CHECK (state IN ('verified', 'letter-asked', 'letter-written')),
                    how TEXT NOT NULL CHECK (how IN ('desk', 'letter')),
                    at REAL NOT NULL, code_hash TEXT,
                    PRIMARY KEY (account, seq)
                ) STRICT
                """)
        },
        // Version 14: the steps of each report's handling, with who and why and the
        // author's objection (`ModerationLog`), gone with their report.
        { db in try db.execute(ModerationLog.schema) },
        // Version 15: what a message is about (`ContactMessage.About`): the post,
        // activity or organisation its contact form was opened from, a list of at most one row
        // of the message's (none for every message before it), gone with its message. Numbers
        // only: the title is looked up when shown, by the content's own visibility.
        { db in
            try db.execute("""
                CREATE TABLE message_about (
                    message INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE, seq INTEGER NOT NULL CHECK (seq = 0),
                    post INTEGER, activity INTEGER, organisation INTEGER,
                    CHECK ((post IS NOT NULL) + (activity IS NOT NULL) + (organisation IS NOT NULL) = 1),
                    PRIMARY KEY (message, seq)
                ) STRICT
                """)
        },
        // Version 16: sign-ups and reminders (`SignUpRows`): which activities take
        // sign-ups, and who signed up or asked to be reminded, by account number or a visitor's
        // address; none for every store before it.
        { db in try db.execute(SignUpRows.schema) },
        // Version 17: rules the old patterns cannot say (every N days or weeks, a weekday of the month, a
        // number of times) and single occurrences cancelled or moved: lists of the activity's
        // (`AgendaItem.childTables`), none for every activity before it, so those read as before.
        { db in try db.execute(AgendaRuleRows.createSQL) },
        // Version 18: digests weekly as well as daily, and interests from the list of categories
        // (`DigestRhythm`, `PlatformCategory`).
        { db in try DigestRhythmMigration.run(db) },
    ] }
}

extension Store {

    /// Reads the counters of the meta table.
    static func readMeta(_ db: Database) throws -> [String: Int] {
        var out: [String: Int] = [:]
        let s = try db.prepare("SELECT key, value FROM meta")
        while try s.step() { out[s.text(0)] = s.int(1) }
        return out
    }

    /// The first problem met reading a record of `state`, if any.
    static func damage(in s: StoreState) -> Error? {
        let all: [Error?] = [s.settingsTable.damage, s.accounts.damage, s.organisations.damage, s.agenda.damage, s.posts.damage,
                             s.messages.damage, s.audit.damage, s.intakes.damage, s.disclosures.damage, s.outbox.damage,
                             s.drafts.damage, s.reports.damage]
        return all.compactMap { $0 }.first
    }

    /// Opens the store's records: counters now, records when asked.
    static func loadLazily(from db: Database) throws -> (StoreState, [String: Int]) {
        let meta = try readMeta(db)
        let format = meta["format"] ?? Manifest.currentFormat
        guard format <= Manifest.currentFormat else {
            throw CoreError.storeNewerFormat(file: StoreSchema.fileName, found: format, known: Manifest.currentFormat)
        }
        // Records are always written in the current encoding; a new encoding comes with a schema
        // migration that rewrites them, so any other value here is damage.
        guard format == Manifest.currentFormat else {
            throw CoreError.storeCorrupt(file: StoreSchema.fileName, problem: .unreadable(detail: "record format \(format)"))
        }
        for (key, value) in meta where !(0...(1 << 52)).contains(value) {
            throw CoreError.storeCorrupt(file: StoreSchema.fileName, problem: .unreadable(detail: "\(key) = \(value)"))
        }
        var state = StoreState(manifest: .empty())
        for c in CollectionName.allCases {
            setLazy(c, db, in: &state)
            if let last = meta["last:" + c.rawValue] { state.manifest.lastIDs[c] = last }
        }
        state.manifest.generation = meta["generation"] ?? 0
        return (state, meta)
    }

    /// Who may want a notification of something new where (schema 7): a row per wijk, interest
    /// (folded: `AgendaSearch.fold`) and account, for each account whose notification toggle is on and that is
    /// not blocked. Only finds candidates: `EmailPolicy.mayEmail` decides for each.
    static let notifyInterestSQL = """
        CREATE TABLE notify_interest (wijk INTEGER NOT NULL, interest TEXT NOT NULL, account INTEGER NOT NULL,
                                      PRIMARY KEY (interest, wijk, account)) STRICT, WITHOUT ROWID;
        CREATE INDEX notify_interest_account ON notify_interest (account);
        """

    /// The `notify_interest` rows `a` should have.
    static func interestRows(_ a: Account) -> Set<[String]> {
        guard !a.blocked, a.profile.email.wijkNotifications else { return [] }
        return Set(interestKeys(a.profile.interests).map { [String(a.profile.wijk.rawValue), $0, String(a.id.rawValue)] })
    }

    /// The index's interests of an account: the keys of the categories its interests name
    /// (free text from before the list that names none matches nothing, so has no row).
    static func interestKeys(_ interests: [String]) -> [String] {
        PlatformCategory.matching(interests).map(\.key)
    }

    /// Writes the `notify_interest` rows of `a` (after removing its old ones).
    static func indexInterests(_ a: Account, in sql: StatementCache) throws {
        try sql("DELETE FROM notify_interest WHERE account = ?1").bind(a.id.rawValue).run()
        let add = try sql("INSERT OR IGNORE INTO notify_interest VALUES (?1, ?2, ?3)")
        for r in interestRows(a) { try add.bind(Int(r[0])!, r[1], Int(r[2])!).run() }
    }

    /// How an e-mail address is looked up: lower case, without surrounding space.
    static func accountEmailKey(_ email: String) -> String { email.trimmingCharacters(in: .whitespaces).lowercased() }

    /// The span and category columns of an activity. `ends` is the last moment an occurrence can
    /// still be running (nil: a repetition without end), with a day of margin: the columns only
    /// narrow the search, the rules then look at each activity itself.
    static func agendaIndex(_ item: AgendaItem) -> (starts: Int, ends: Int?, category: String) {
        let start = item.start.timeIntervalSince1970
        let duration = max((item.end ?? item.start).timeIntervalSince(item.start), item.allDay ? 86_400 : 0)
        var ends: Double? = start + duration + 86_400
        if item.recurrence.repeats {
            ends = item.recurrence.until.map { $0.timeIntervalSince1970 + 2 * 86_400 + duration }
        }
        // A moved occurrence may lie outside the rule's span.
        var first = start
        for m in item.recurrence.changes.compactMap(\.moved) {
            first = min(first, m.start.timeIntervalSince1970)
            ends = ends.map { max($0, max(m.end ?? m.start, m.start.addingTimeInterval(item.allDay ? 86_400 : 0)).timeIntervalSince1970 + 86_400) }
        }
        return (Int(first.rounded(.down)), ends.map { Int($0.rounded(.up)) }, item.category)
    }

    /// Writes records and counters in the transaction already begun. With `now`, the agenda's
    /// occurrences are laid down again first when due (see `AgendaOccurrences`). References to
    /// people are checked when the transaction commits (deferred foreign keys): rows may be
    /// written in any order, and a change that leaves one pointing to a person who is gone fails whole.
    /// `indexesMentions` is false only for migration 9, which writes before `mention` exists.
    static func write(_ changes: [RecordRef: RecordChange], lastIDs: [CollectionName: Int], generation: Int, now: Date? = nil,
                      indexesMentions: Bool = true, to db: Database) throws {
        try db.execute("PRAGMA defer_foreign_keys = ON")
        if let now { try AgendaOccurrences.layDownIfDue(now: now, in: db) }
        var touched: Set<CollectionName> = []
        var rows = try RowWriterSession(db: db, indexesMentions: indexesMentions)
        for (ref, change) in changes.sorted(by: { $0.key < $1.key }) {
            touched.insert(ref.collection)
            switch change {
            case .put(let r): try rows.put(r)
            case .delete: try rows.delete(ref, now: now ?? Date())
            }
        }
        try rows.removeLooseVisitors()
        let set = try db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)")
        let bump = try db.prepare("INSERT INTO meta (key, value) VALUES (?1, 1) ON CONFLICT(key) DO UPDATE SET value = value + 1")
        for (c, id) in lastIDs { try set.bind("last:" + c.rawValue, id).run() }
        try set.bind("generation", generation).run()
        for c in touched { try bump.bind("version:" + c.rawValue).run() }
        do {
            let version = try db.prepare("SELECT value FROM meta WHERE key = ?1")
            let log = try db.prepare("INSERT INTO change_log (collection, version, key) VALUES (?1, ?2, ?3)")
            let prune = try db.prepare("DELETE FROM change_log WHERE collection = ?1 AND version <= ?2")
            var now: [CollectionName: Int] = [:]
            for c in touched {
                guard try version.bind("version:" + c.rawValue).step() else { continue }
                now[c] = version.int(0)
                version.reset()
                try prune.bind(c.rawValue, now[c]! - 1_000).run()
            }
            for ref in changes.keys { if let v = now[ref.collection] { try log.bind(ref.collection.rawValue, v, ref.key).run() } }
        }
    }

    /// The keys changed in `c` after version `from` up to `to`, if the log still holds every one
    /// of those versions (else nil: read the collection anew).
    static func changedKeys(_ c: CollectionName, from: Int, to: Int, in db: Database) throws -> Set<Int>? {
        guard to > from, to - from <= 1_000 else { return nil }
        let versions = try db.prepare("SELECT count(DISTINCT version) FROM change_log WHERE collection = ?1 AND version > ?2 AND version <= ?3").bind(c.rawValue, from, to)
        guard try versions.step(), versions.int(0) == to - from else { return nil }
        var keys: Set<Int> = []
        let s = try db.prepare("SELECT DISTINCT key FROM change_log WHERE collection = ?1 AND version > ?2 AND version <= ?3").bind(c.rawValue, from, to)
        while try s.step() { keys.insert(s.int(0)) }
        return keys
    }

    /// Every record of `state`, for the one write that moves an old store into its tables.
    static func allChanges(of state: StoreState) -> [RecordRef: RecordChange] {
        var out: [RecordRef: RecordChange] = [:]
        func add<R: StoredRecord>(_ t: Table<R>) { for r in t.all { out[RecordRef(r)] = .put(r) } }
        add(state.settingsTable); add(state.accounts); add(state.organisations); add(state.agenda); add(state.posts); add(state.messages)
        add(state.audit); add(state.intakes); add(state.disclosures); add(state.outbox); add(state.drafts); add(state.reports)
        return out
    }

    /// Records per collection in `state`.
    static func counts(of state: StoreState) -> [CollectionName: Int] {
        [.settings: state.settingsTable.count, .accounts: state.accounts.count, .organisations: state.organisations.count,
         .agenda: state.agenda.count, .posts: state.posts.count, .messages: state.messages.count, .audit: state.audit.count,
         .intakes: state.intakes.count, .disclosures: state.disclosures.count, .outbox: state.outbox.count,
         .drafts: state.drafts.count, .reports: state.reports.count]
    }
}
