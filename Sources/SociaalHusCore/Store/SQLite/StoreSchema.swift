import Foundation

/// The store's SQLite schema and its migrations (issue 14).
///
/// Version 1 keeps every record as its binary encoding with a CRC-32, one STRICT table per
/// collection, keyed by the record's id: SQLite gives one file, atomic transactions across
/// collections, WAL, `integrity_check` and secure deletion; the CRC catches a changed byte inside
/// a record, which SQLite's own checks do not look at. Columns to query by (wijk, dates, e-mail)
/// come with the readers that need them, each in a migration of its own.
enum StoreSchema {
    /// The database file in the store folder.
    static let fileName = "sociaalhus.db"

    /// Migration i brings the schema from version i to i + 1; each runs in one transaction with
    /// the others, and a test opens a committed database of the version before it.
    static var migrations: [(Database) throws -> Void] { [
        { db in
            for c in CollectionName.allCases {
                try db.execute("CREATE TABLE \(c.rawValue) (id INTEGER PRIMARY KEY, crc INTEGER NOT NULL, data BLOB NOT NULL) STRICT")
            }
            // Counters: last id per collection ("last:<name>"), a change counter per collection
            // ("version:<name>", so another process reloads only what changed), the record
            // encoding's format ("format") and the format of the shard files migrated from.
            try db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) STRICT")
            try db.prepare("INSERT INTO meta VALUES ('format', ?1)").bind(Manifest.currentFormat).run()
        },
        // Version 2: the checksum covers the collection and key too (version 1 covered the bytes
        // only, so a page of one table swapped into another went unnoticed until decoded).
        { db in
            for c in CollectionName.allCases {
                var rows: [(Int, Data)] = []
                let s = try db.prepare("SELECT id, crc, data FROM \(c.rawValue)")
                while try s.step() {
                    guard CRC32.checksum(s.data(2)) == UInt32(truncatingIfNeeded: s.int(1)) else {
                        throw CoreError.storeCorrupt(file: "\(StoreSchema.fileName) (\(c.rawValue) \(s.int(0)))", problem: .checksumMismatch)
                    }
                    rows.append((s.int(0), s.data(2)))
                }
                let u = try db.prepare("UPDATE \(c.rawValue) SET crc = ?1 WHERE id = ?2")
                for (id, data) in rows { try u.bind(Int(Store.recordChecksum(c, id, data)), id).run() }
            }
        },
        // Version 3: the agenda's span and category as columns, so a screen reads the activities
        // of the weeks it shows instead of every activity (issue 14).
        { db in
            try db.execute("ALTER TABLE agenda ADD COLUMN starts REAL")
            try db.execute("ALTER TABLE agenda ADD COLUMN ends REAL")
            try db.execute("ALTER TABLE agenda ADD COLUMN category TEXT")
            try db.execute("CREATE INDEX agenda_span ON agenda (starts, ends)")
            var rows: [(Int, Data)] = []
            let s = try db.prepare("SELECT id, data FROM agenda")
            while try s.step() { rows.append((s.int(0), s.data(1))) }
            for (id, data) in rows { try Store.indexAgenda(id: id, data: data, in: db) }
        },
        // Version 4: the agenda's occurrences as rows (`AgendaOccurrences`), and the accounts'
        // e-mail address and blocked flag as columns: the first screen counts and pages through
        // its weeks, a login finds one account, and the rules know who is blocked, all without
        // decoding a collection (issue 14).
        { db in
            // (The table as version 4 made it; version 5 replaces it.)
            try db.execute("""
                CREATE TABLE agenda_occurrence (
                    day INTEGER NOT NULL, starts REAL NOT NULL, item INTEGER NOT NULL REFERENCES agenda (id) ON DELETE CASCADE,
                    ends REAL NOT NULL, wijk INTEGER, organisation INTEGER NOT NULL, category TEXT NOT NULL, hidden INTEGER NOT NULL,
                    creator INTEGER, PRIMARY KEY (day, starts, item)
                ) STRICT, WITHOUT ROWID;
                CREATE INDEX agenda_occurrence_item ON agenda_occurrence (item);
                """)
            try db.execute("ALTER TABLE accounts ADD COLUMN email TEXT")
            try db.execute("ALTER TABLE accounts ADD COLUMN blocked INTEGER NOT NULL DEFAULT 0")
            try db.execute("CREATE INDEX accounts_email ON accounts (email)")
            try db.execute("CREATE INDEX accounts_blocked ON accounts (id) WHERE blocked = 1")
            var rows: [(Int, Int, Data)] = []
            let s = try db.prepare("SELECT id, crc, data FROM accounts")
            while try s.step() { rows.append((s.int(0), s.int(1), s.data(2))) }
            for (id, crc, data) in rows {
                let a = try Store.decode(Account.self, id: id, crc: crc, data: data, format: Manifest.currentFormat)
                try Store.indexAccount(a, in: db)
            }
            // (The rows are laid down by version 5, with its columns; until a change lays them
            // down, a listing expands the activities.)
            // Which records refer to which account (author, sender, recipient, creator, subject…),
            // so an erasure reads those records instead of every collection.
            try db.execute(Store.refsSQL)
            try Store.indexRefs(in: db)
        },
        // Version 5: the occurrence rows also hold what a line of the agenda shows (all day, has
        // an end, title, place), so `sociaalhus agenda` reads rows in order and decodes no
        // record: at ten times Borne, reading 33,000 records by id for one wijk's eight weeks
        // was most of its time (issue 14). Laid down from the clock of the machine here; a change
        // made at another moment lays the occurrences down again when due.
        { db in
            try db.execute("DROP TABLE agenda_occurrence; DELETE FROM meta WHERE key LIKE 'occurrences-%'")
            try db.execute(AgendaOccurrences.createSQL)
            try AgendaOccurrences.layDownIfDue(now: Date(), in: db)
        },
        // Version 6: which records each change touched (collection, its version after the
        // change, key; numbers only), so another process re-reads those records instead of
        // the whole collection (issue 16: a hundred terminals each re-read 10,000 posts for
        // every post placed). The last 1,000 versions per collection are kept; a process that
        // fell further behind reads the collection anew, as before.
        { db in
            try db.execute(Store.changeLogSQL)
        },
        // Version 7: the posts' listing columns (`PostRows`), so the notice board pages through
        // its posts in SQLite; every activity's searched text folded (`AgendaSearch`), so a
        // search pages through the occurrence rows; and who wants notifications of what where
        // (`notify_interest`), so a new post reads those accounts, not all 25,000. Each decoded
        // thousands of records per key or post under issue 16's load.
        { db in
            try db.execute(PostRows.createSQL)
            try PostRows.indexAll(in: db)
            try db.execute("ALTER TABLE agenda ADD COLUMN search TEXT")
            // (The agenda's categories for its filter, read from the index alone: reading them from
            // the rows read every activity's record each time the agenda came to the front.)
            try db.execute("CREATE INDEX agenda_category ON agenda (category)")
            var rows: [(Int, Data)] = []
            let s = try db.prepare("SELECT id, data FROM agenda")
            while try s.step() { rows.append((s.int(0), s.data(1))) }
            for (id, data) in rows { try Store.indexAgendaSearch(try Store.indexAgenda(id: id, data: data, in: db), in: db) }
            try db.execute(Store.notifyInterestSQL)
            let accounts = try db.prepare("SELECT id, crc, data FROM accounts")
            var all: [Account] = []
            while try accounts.step() { all.append(try Store.decode(Account.self, id: accounts.int(0), crc: accounts.int(1), data: accounts.data(2), format: Manifest.currentFormat)) }
            for a in all { try Store.indexInterests(a, in: db) }
            let derived = try db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES (?1, coalesce((SELECT value FROM meta WHERE key = ?2), 0))")
            for c in Store.derivedCollections { try derived.bind("derived:" + c.rawValue, "version:" + c.rawValue).run() }
        },
        // Version 8: the erased subjects (issue 22): which accounts and intakes were erased, by
        // number, with a salted proof of which record it was and no personal data, so a restore
        // from a backup made before an erasure erases them again (`Store+Backup.swift`). The
        // triggers record an erasure made by any build that still runs after the upgrade, in its
        // own transaction; erasures from before the upgrade are taken from the audit log.
        { db in
            try db.execute(Store.erasedSubjectSQL)
            let add = try db.prepare("INSERT OR IGNORE INTO erased_subject (collection, key, erased) VALUES (?1, ?2, ?3)")
            let s = try db.prepare("SELECT id, crc, data FROM audit")
            var events: [AuditEvent] = []
            while try s.step() { events.append(try Store.decode(AuditEvent.self, id: s.int(0), crc: s.int(1), data: s.data(2), format: Manifest.currentFormat)) }
            for e in events {
                let at = Int(e.at.timeIntervalSince1970)
                switch e.action {
                case .accountErased: if let id = e.subject { try add.bind(CollectionName.accounts.rawValue, id.rawValue, at).run() }
                case .intakeErased:
                    if let t = e.target, t.hasPrefix("intake:"), let id = Int(t.dropFirst(7)) { try add.bind(CollectionName.intakes.rawValue, id, at).run() }
                default: break
                }
            }
        },
    ] }
}

extension Store {
    /// A record's checksum: over its collection, its key and its bytes, so a record (or a whole
    /// page of them) that ends up in another table or under another key is caught as well.
    static func recordChecksum(_ c: CollectionName, _ id: Int, _ data: Data) -> UInt32 {
        var prefix = c.rawValue + ":" + String(id) + ":"
        var crc = prefix.withUTF8 { CRC32.update(0xFFFF_FFFF, UnsafeRawBufferPointer($0)) }
        crc = data.withUnsafeBytes { CRC32.update(crc, $0) }
        return crc ^ 0xFFFF_FFFF
    }

    /// A record's binary encoding.
    static func encode<R: BinaryRecord>(_ r: R) -> Data {
        var w = BinaryWriter()
        r.write(to: &w)
        return Data(w.bytes)
    }

    /// Decodes one stored record, checking its checksum and that it sits under its own key.
    static func decode<R: StoredRecord>(_: R.Type, id: Int, crc: Int, data: Data, format: Int) throws -> R {
        let place = "\(StoreSchema.fileName) (\(R.collection.rawValue) \(id))"
        guard recordChecksum(R.collection, id, data) == UInt32(truncatingIfNeeded: crc) else { throw CoreError.storeCorrupt(file: place, problem: .checksumMismatch) }
        let r: R = try data.withUnsafeBytes { buf in
            var reader = BinaryReader(buf)
            reader.format = format
            do {
                let r = try R(from: &reader)
                guard reader.atEnd else { throw BinaryReader.Damage(offset: reader.offset, expected: "end of record") }
                return r
            } catch let damage as BinaryReader.Damage {
                throw CoreError.storeCorrupt(file: place, problem: .unreadable(detail: damage.description))
            }
        }
        guard r.storageKey == id else { throw CoreError.storeCorrupt(file: place, problem: .misplaced) }
        return r
    }

    /// Reads the counters of the meta table.
    static func readMeta(_ db: Database) throws -> [String: Int] {
        var out: [String: Int] = [:]
        let s = try db.prepare("SELECT key, value FROM meta")
        while try s.step() { out[s.text(0)] = s.int(1) }
        return out
    }

    /// Reads one collection's records into `state`, every one now (for `check`, which wants
    /// each problem thrown rather than kept for later).
    static func loadCollection(_ c: CollectionName, from db: Database, format: Int, into state: inout StoreState) throws {
        struct Eager: TableVisitor {
            let db: Database, format: Int, name: String
            func visit<R: StoredRecord>(_ table: inout Table<R>) throws(Error) {
                var t = Table<R>(shardCount: R.collection.defaultShardCount)
                let s = try db.prepare("SELECT id, crc, data FROM \(name)")
                while try s.step() { t.put(try Store.decode(R.self, id: s.int(0), crc: s.int(1), data: s.data(2), format: format)) }
                table = t
            }
        }
        try state.visit(c, Eager(db: db, format: format, name: c.rawValue))
    }

    /// A table of collection `c` read from `db` only as far as asked.
    static func lazyTable<R: StoredRecord>(_ c: CollectionName, _ db: Database, format: Int) -> Table<R> {
        let table = c.rawValue
        let source = LazySource<R>(
            fetchAll: {
                let s = try db.prepare("SELECT id, crc, data FROM \(table)")
                var out: [R] = []
                while try s.step() { out.append(try decode(R.self, id: s.int(0), crc: s.int(1), data: s.data(2), format: format)) }
                return out
            },
            fetchOne: { [one = StatementSlot(db, "SELECT id, crc, data FROM \(table) WHERE id = ?1")] key in
                try one.with { s in
                    guard try s.bind(key).step() else { return nil }
                    return try decode(R.self, id: s.int(0), crc: s.int(1), data: s.data(2), format: format)
                }
            },
            fetchCount: { try db.integer("SELECT count(*) FROM \(table)") },
            lookup: c == .accounts ? { value in
                let s: Statement
                switch value {
                case .email(let e): s = try db.prepare("SELECT id FROM accounts WHERE email = ?1").bind(e)
                case .interested(let wijk, let topics):
                    // (A store not yet at schema 7: every account is a candidate.)
                    guard try db.userVersion >= 7 else { s = try db.prepare("SELECT id FROM accounts ORDER BY id"); break }
                    let json = String(decoding: try JSONEncoder().encode(topics), as: UTF8.self)
                    s = try db.prepare("SELECT DISTINCT account FROM notify_interest WHERE interest IN (SELECT value FROM json_each(?1))"
                                       + (wijk == nil ? "" : " AND wijk = ?2") + " ORDER BY account").bind(all: [json] + (wijk.map { [$0] } ?? []))
                }
                var keys: [Int] = []
                while try s.step() { keys.append(s.int(0)) }
                return keys
            } : nil)
        return Table(shardCount: c.defaultShardCount, source: source)
    }

    /// Replaces collection `c` of `state` by a table read from `db` when asked.
    static func setLazy(_ c: CollectionName, _ db: Database, format: Int, in state: inout StoreState) {
        struct Lazy: TableVisitor {
            typealias Failure = Never
            let db: Database, format: Int
            func visit<R: StoredRecord>(_ table: inout Table<R>) { table = Store.lazyTable(R.collection, db, format: format) }
        }
        state.visit(c, Lazy(db: db, format: format))
    }

    /// The first problem met reading a record of `state`, if any.
    static func damage(in s: StoreState) -> Error? {
        let all: [Error?] = [s.settingsTable.damage, s.accounts.damage, s.organisations.damage, s.agenda.damage, s.posts.damage,
                             s.messages.damage, s.audit.damage, s.intakes.damage, s.disclosures.damage, s.outbox.damage,
                             s.drafts.damage, s.reports.damage]
        return all.compactMap { $0 }.first
    }

    /// Checks every record's checksum without decoding it (cheap: open reads nothing else).
    static func verifyChecksums(_ db: Database) throws {
        for c in CollectionName.allCases {
            let s = try db.prepare("SELECT id, crc, data FROM \(c.rawValue)")
            while try s.step() {
                guard recordChecksum(c, s.int(0), s.data(2)) == UInt32(truncatingIfNeeded: s.int(1)) else {
                    throw CoreError.storeCorrupt(file: "\(StoreSchema.fileName) (\(c.rawValue) \(s.int(0)))", problem: .checksumMismatch)
                }
            }
        }
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
            setLazy(c, db, format: format, in: &state)
            if let last = meta["last:" + c.rawValue] { state.manifest.lastIDs[c] = last }
        }
        state.manifest.generation = meta["generation"] ?? 0
        return (state, meta)
    }

    /// The agenda row's span and category columns, from the record's bytes. `ends` is the last
    /// moment an occurrence can still be running (nil: a repetition without end), with a day of
    /// margin: the columns only narrow the search, the rules then look at each activity itself.
    @discardableResult
    static func indexAgenda(id: Int, data: Data, in db: Database) throws -> AgendaItem {
        let item = try data.withUnsafeBytes { buf -> AgendaItem in
            var r = BinaryReader(buf)
            r.format = Manifest.currentFormat
            return try AgendaItem(from: &r)
        }
        let v = agendaIndex(item)
        try db.prepare("UPDATE agenda SET starts = ?1, ends = ?2, category = ?3 WHERE id = ?4").bind(v.starts, v.ends, v.category, id).run()
        return item
    }

    /// The table of references from records to accounts (schema 4).
    static let refsSQL = """
        CREATE TABLE refs (account INTEGER NOT NULL, collection TEXT NOT NULL, key INTEGER NOT NULL,
                           PRIMARY KEY (account, collection, key)) STRICT, WITHOUT ROWID;
        CREATE INDEX refs_record ON refs (collection, key);
        """

    /// Fills `refs` from every record (the migration to schema 4).
    static func indexRefs(in db: Database) throws {
        let add = try db.prepare("INSERT OR IGNORE INTO refs VALUES (?1, ?2, ?3)")
        struct Refs: TableVisitor {
            let db: Database, add: Statement, name: String
            func visit<R: StoredRecord>(_ table: inout Table<R>) throws(Error) {
                var rows: [(Int, Int, Data)] = []
                let s = try db.prepare("SELECT id, crc, data FROM \(name)")
                while try s.step() { rows.append((s.int(0), s.int(1), s.data(2))) }
                for (id, crc, data) in rows {
                    let r = try Store.decode(R.self, id: id, crc: crc, data: data, format: Manifest.currentFormat)
                    for account in Set(r.referencedAccounts) { try add.bind(account, name, id).run() }
                }
            }
        }
        var scratch = StoreState(manifest: .empty())
        for c in CollectionName.allCases { try scratch.visit(c, Refs(db: db, add: add, name: c.rawValue)) }
    }

    /// Records whose `refs` rows differ from what they refer to (an erasure would miss them): for `check`.
    static func refsProblems(_ state: StoreState, _ db: Database) throws -> [CoreError] {
        var actual: [String: Set<Int>] = [:]
        let s = try db.prepare("SELECT account, collection, key FROM refs")
        while try s.step() { actual["\(s.text(1)) \(s.int(2))", default: []].insert(s.int(0)) }
        final class Expected: TableVisitor {
            typealias Failure = Never
            var refs: [String: Set<Int>] = [:]
            func visit<R: StoredRecord>(_ table: inout Table<R>) {
                for r in table.all where !r.referencedAccounts.isEmpty { refs["\(R.collection.rawValue) \(r.storageKey)"] = Set(r.referencedAccounts) }
            }
        }
        let found = Expected()
        var scratch = state
        for c in CollectionName.allCases { scratch.visit(c, found) }
        let expected = found.refs
        return Set(actual.keys).union(expected.keys).sorted().filter { actual[$0] != expected[$0] }.map {
            .storeCorrupt(file: "\(StoreSchema.fileName) (\($0))", problem: .unreadable(detail: "references to accounts"))
        }
    }

    /// The account row's e-mail (as logins look it up) and blocked columns.
    static func indexAccount(_ a: Account, in db: Database) throws {
        try db.prepare("UPDATE accounts SET email = ?1, blocked = ?2 WHERE id = ?3").bind(accountEmailKey(a.email), a.blocked ? 1 : 0, a.id.rawValue).run()
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
        // Folded as the rule's comparison sees them: lower case and composed (the rule compares
        // Swift strings, for which "é" typed as one character or as "e" and an accent are equal).
        return Set(a.profile.interests.map { [String(a.profile.wijk.rawValue), AgendaSearch.fold($0), String(a.id.rawValue)] })
    }

    /// Writes the `notify_interest` rows of `a` (after removing its old ones).
    static func indexInterests(_ a: Account, in db: Database) throws {
        try db.prepare("DELETE FROM notify_interest WHERE account = ?1").bind(a.id.rawValue).run()
        let add = try db.prepare("INSERT OR IGNORE INTO notify_interest VALUES (?1, ?2, ?3)")
        for r in interestRows(a) { try add.bind(Int(r[0])!, r[1], Int(r[2])!).run() }
    }

    /// How an e-mail address is looked up: lower case, without surrounding space.
    static func accountEmailKey(_ email: String) -> String { email.trimmingCharacters(in: .whitespaces).lowercased() }

    /// The span and category columns of an activity (what `check` compares the stored ones with).
    static func agendaIndex(_ item: AgendaItem) -> (starts: Int, ends: Int?, category: String) {
        let start = item.start.timeIntervalSince1970
        let duration = max((item.end ?? item.start).timeIntervalSince(item.start), item.allDay ? 86_400 : 0)
        var ends: Double? = start + duration + 86_400
        if item.recurrence.frequency != .none {
            ends = item.recurrence.until.map { $0.timeIntervalSince1970 + 2 * 86_400 + duration }
        }
        return (Int(start.rounded(.down)), ends.map { Int($0.rounded(.up)) }, item.category)
    }

    /// Writes records (encoded) and counters in the transaction already begun.
    /// With `now`, the agenda's occurrences are laid down again first when due (see `AgendaOccurrences`).
    /// The collections with columns or tables derived from their records that only a build of
    /// schema 7 or later writes (the posts' columns, the agenda's search column, the
    /// notification index); `meta` "derived:<collection>" is the version they were last brought to.
    static let derivedCollections: [CollectionName] = [.posts, .agenda, .accounts]

    /// Brings the derived columns up to date after commits made by an older build still running
    /// when the store was migrated (its processes keep their connection and write without them:
    /// a post it placed would have no columns, hidden from everyone, and an account it erased
    /// would keep its rows in the notification index). The change log names the records; at
    /// open, under the store's lock, one read of `meta` when nothing is due.
    static func catchUpDerived(_ db: Database) throws {
        let due = try derivedDue(db)
        guard !due.isEmpty else { return }
        try db.transaction { try bringDerivedUpToDate(due, in: db) }
    }

    /// The collections whose derived columns lag their records (empty: none, or not schema 7;
    /// values outside 0...2^52 are left for opening to report as damage).
    static func derivedDue(_ db: Database) throws -> [(CollectionName, from: Int, to: Int)] {
        guard try db.userVersion >= 7 else { return [] }
        let meta = try readMeta(db)
        return derivedCollections.compactMap { c in
            let from = meta["derived:" + c.rawValue] ?? 0, to = meta["version:" + c.rawValue] ?? 0
            guard from != to, (0...(1 << 52)).contains(from), (0...(1 << 52)).contains(to) else { return nil }
            return (c, from, to)
        }
    }

    /// Re-derives the columns of the records changed in `due` (inside the caller's transaction).
    /// A record that cannot be read is left as it is (its index rows too, so the notification
    /// index stays a superset): opening never fails on it, `check` reports it.
    static func bringDerivedUpToDate(_ due: [(CollectionName, from: Int, to: Int)], in db: Database) throws {
        for (c, from, to) in due {
            var keys = try changedKeys(c, from: from, to: to, in: db)
            if keys == nil {
                keys = []
                let all = try db.prepare("SELECT id FROM \(c.rawValue)")
                while try all.step() { keys!.insert(all.int(0)) }
            }
            let read = try db.prepare("SELECT crc, data FROM \(c.rawValue) WHERE id = ?1")
            for key in keys!.sorted() {
                defer { read.reset() }
                let found = try read.bind(key).step()
                do {
                    switch c {
                    case .posts: if found { try PostRows.index(id: key, data: read.data(1), in: db) }
                    case .agenda:
                        if found { try indexAgendaSearch(decode(AgendaItem.self, id: key, crc: read.int(0), data: read.data(1), format: Manifest.currentFormat), in: db) }
                    case .accounts:
                        if found { try indexInterests(decode(Account.self, id: key, crc: read.int(0), data: read.data(1), format: Manifest.currentFormat), in: db) }
                        else { try db.prepare("DELETE FROM notify_interest WHERE account = ?1").bind(key).run() }
                    default: break
                    }
                } catch let damage as CoreError {
                    if case .storeCorrupt = damage { continue }
                    throw damage
                }
            }
            // (Rows of accounts no longer there go too.)
            if c == .accounts { try db.execute("DELETE FROM notify_interest WHERE account NOT IN (SELECT id FROM accounts)") }
            try db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)").bind("derived:" + c.rawValue, to).run()
        }
    }

    /// The agenda row's search column (schema 7).
    static func indexAgendaSearch(_ item: AgendaItem, in db: Database) throws {
        try db.prepare("UPDATE agenda SET search = ?1 WHERE id = ?2").bind(AgendaSearch.column(item), item.id.rawValue).run()
    }

    static func write(_ changes: [RecordRef: RecordChange], lastIDs: [CollectionName: Int], generation: Int, now: Date? = nil, to db: Database) throws {
        if let now { try AgendaOccurrences.layDownIfDue(now: now, in: db) }
        var upserts: [CollectionName: Statement] = [:], deletes: [CollectionName: Statement] = [:]
        var touched: Set<CollectionName> = []
        let hasOccurrences = try db.userVersion >= 4
        let hasListingColumns = try db.userVersion >= 7
        let hasErasedSubjects = try db.userVersion >= 8
        let range = hasOccurrences ? try AgendaOccurrences.coveredRange(db) : nil
        let clearRefs = try db.prepare(hasOccurrences ? "DELETE FROM refs WHERE collection = ?1 AND key = ?2" : "SELECT ?1, ?2")
        let addRef = try db.prepare(hasOccurrences ? "INSERT OR IGNORE INTO refs VALUES (?1, ?2, ?3)" : "SELECT ?1, ?2, ?3")
        for (ref, change) in changes.sorted(by: { $0.key < $1.key }) {
            touched.insert(ref.collection)
            switch change {
            case .put(let data, let refs):
                if hasOccurrences {
                    try clearRefs.bind(ref.collection.rawValue, ref.key).run()
                    for account in Set(refs) { try addRef.bind(account, ref.collection.rawValue, ref.key).run() }
                }
                if upserts[ref.collection] == nil {
                    upserts[ref.collection] = try db.prepare("INSERT OR REPLACE INTO \(ref.collection.rawValue) (id, crc, data) VALUES (?1, ?2, ?3)")
                }
                try upserts[ref.collection]!.bind(ref.key, Int(recordChecksum(ref.collection, ref.key, data)), data).run()
                if ref.collection == .agenda {
                    let item = try indexAgenda(id: ref.key, data: data, in: db)
                    if let range { try AgendaOccurrences.index(item, range: range, in: db) }
                    if hasListingColumns { try indexAgendaSearch(item, in: db) }
                }
                if ref.collection == .posts, hasListingColumns { try PostRows.index(id: ref.key, data: data, in: db) }
                if ref.collection == .accounts, hasOccurrences {
                    let a = try decode(Account.self, id: ref.key, crc: Int(recordChecksum(.accounts, ref.key, data)), data: data, format: Manifest.currentFormat)
                    try indexAccount(a, in: db)
                    if hasListingColumns { try indexInterests(a, in: db) }
                }
            case .delete:
                if hasErasedSubjects, ref.collection == .accounts || ref.collection == .intakes {
                    try recordErasure(ref, now: now ?? Date(), in: db)
                }
                if deletes[ref.collection] == nil { deletes[ref.collection] = try db.prepare("DELETE FROM \(ref.collection.rawValue) WHERE id = ?1") }
                // (An activity's occurrences go with it: the foreign key cascades.)
                try deletes[ref.collection]!.bind(ref.key).run()
                if hasOccurrences { try clearRefs.bind(ref.collection.rawValue, ref.key).run() }
                if ref.collection == .accounts, hasListingColumns { try db.prepare("DELETE FROM notify_interest WHERE account = ?1").bind(ref.key).run() }
            }
        }
        let set = try db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)")
        let bump = try db.prepare("INSERT INTO meta (key, value) VALUES (?1, 1) ON CONFLICT(key) DO UPDATE SET value = value + 1")
        for (c, id) in lastIDs { try set.bind("last:" + c.rawValue, id).run() }
        try set.bind("generation", generation).run()
        for c in touched { try bump.bind("version:" + c.rawValue).run() }
        if try db.userVersion >= 6 {
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
            if hasListingColumns {
                // This commit's columns are written: "derived" moves with the version, unless a
                // commit without them (a build before schema 7, still running) came in between.
                let derived = try db.prepare("UPDATE meta SET value = ?1 WHERE key = ?2 AND value = ?1 - 1")
                for c in Store.derivedCollections { if let v = now[c] { try derived.bind(v, "derived:" + c.rawValue).run() } }
            }
        }
    }

    /// The change log's table (schema 6).
    static let changeLogSQL = """
        CREATE TABLE change_log (collection TEXT NOT NULL, version INTEGER NOT NULL, key INTEGER NOT NULL) STRICT;
        CREATE INDEX change_log_at ON change_log (collection, version);
        """

    /// The keys changed in `c` after version `from` up to `to`, if the log still holds every one
    /// of those versions (else nil: read the collection anew).
    static func changedKeys(_ c: CollectionName, from: Int, to: Int, in db: Database) throws -> Set<Int>? {
        guard try db.userVersion >= 6, to > from, to - from <= 1_000 else { return nil }
        let versions = try db.prepare("SELECT count(DISTINCT version) FROM change_log WHERE collection = ?1 AND version > ?2 AND version <= ?3").bind(c.rawValue, from, to)
        guard try versions.step(), versions.int(0) == to - from else { return nil }
        var keys: Set<Int> = []
        let s = try db.prepare("SELECT DISTINCT key FROM change_log WHERE collection = ?1 AND version > ?2 AND version <= ?3").bind(c.rawValue, from, to)
        while try s.step() { keys.insert(s.int(0)) }
        return keys
    }

    /// `state` with the records `keys` of `c` read again from the database (put, or removed
    /// when gone), keeping everything else already read; false when that cannot be done (a
    /// removed record this process never read: the caller reads the collection anew).
    static func refreshRecords(_ c: CollectionName, keys: Set<Int>, format: Int, in db: Database, state: inout StoreState) -> Bool {
        struct Reread: TableVisitor {
            typealias Failure = Never
            let c: CollectionName, keys: Set<Int>, format: Int, db: Database
            let ok: Flag
            func visit<R: StoredRecord>(_ table: inout Table<R>) {
                var t = table
                guard let s = try? db.prepare("SELECT id, crc, data FROM \(c.rawValue) WHERE id = ?1") else { ok.value = false; return }
                for key in keys.sorted() {
                    defer { s.reset() }
                    do {
                        if try s.bind(key).step() {
                            t.put(try Store.decode(R.self, id: s.int(0), crc: s.int(1), data: s.data(2), format: format))
                        } else if let old = t.knownRecord(key) {
                            t.remove(old)
                        } else if t.isPartial {
                            // Gone, and never read here: nothing to take away.
                            continue
                        } else {
                            ok.value = false; return
                        }
                    } catch { ok.value = false; return }
                }
                table = t.settled()
            }
        }
        final class Flag { var value = true }
        let flag = Flag()
        var next = state
        next.visit(c, Reread(c: c, keys: keys, format: format, db: db, ok: flag))
        if flag.value { state = next }
        return flag.value
    }

    /// Every record of `state`, encoded, for the one write that moves a store of shard files into
    /// its database.
    static func allChanges(of state: StoreState) -> [RecordRef: RecordChange] {
        var out: [RecordRef: RecordChange] = [:]
        func add<R: StoredRecord>(_ t: Table<R>) { for r in t.all { out[RecordRef(r)] = .put(encode(r), refs: r.referencedAccounts) } }
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
