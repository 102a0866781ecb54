import Foundation

// Reading and writing records as rows of their typed tables (schema 9).

extension Store {
    /// `SELECT id, crc, <columns> FROM <table>` for records of `R`.
    static func selectSQL<R: StoredRecord>(_: R.Type) -> String {
        "SELECT id, crc, " + R.columns.joined(separator: ", ") + " FROM \(R.collection.rawValue)"
    }

    /// The rows of a list table, by owner and in order (`one`: of one owner, `?1`).
    static func childSQL(_ t: ChildTable, one: Bool) -> String {
        "SELECT \(t.owner), " + t.columns.joined(separator: ", ") + " FROM \(t.name)" + (one ? " WHERE \(t.owner) = ?1" : "") + " ORDER BY \(t.owner), seq"
    }

    /// Every record `stmt` (a `selectSQL` with a condition, bound) finds, with their lists.
    static func readRecords<R: StoredRecord>(_: R.Type, _ stmt: Statement, in db: Database) throws -> [R] {
        let width = Int32(R.columns.count + 2)
        var rows: [[Cell]] = []
        while try stmt.step() { rows.append(stmt.cells(0..<width)) }
        stmt.reset()
        guard !R.childTables.isEmpty else { return try rows.map { try readRow(R.self, $0, children: []) } }
        var children: [Int: [[[Cell]]]] = [:]
        if rows.count > 64 {
            // Many: each list table read once, in order.
            for (i, t) in R.childTables.enumerated() {
                let s = try childStatement(R.self, i, one: false, in: db)
                while try s.step() {
                    let owner = s.int(0)
                    if children[owner] == nil { children[owner] = Array(repeating: [], count: R.childTables.count) }
                    children[owner]![i].append(s.cells(1..<Int32(t.columns.count + 1)))
                }
            }
        } else {
            let lists = try childStatements(R.self, in: db)
            for row in rows {
                guard case .int(let key) = row[0] else { continue }
                children[key] = try childRows(R.self, key, in: db, statements: lists)
            }
        }
        return try rows.map { row in
            guard case .int(let key) = row[0] else { return try readRow(R.self, row, children: []) }
            return try readRow(R.self, row, children: children[key] ?? Array(repeating: [], count: R.childTables.count))
        }
    }

    /// The rows of the lists of record `key` (with `statements`: each list's `childSQL(one: true)`, prepared before).
    static func childRows<R: StoredRecord>(_: R.Type, _ key: Int, in db: Database, statements: [Statement]? = nil) throws -> [[[Cell]]] {
        try R.childTables.enumerated().map { i, t in
            let s = try (statements?[i] ?? childStatement(R.self, i, one: true, in: db)).bind(key)
            defer { s.reset() }
            var out: [[Cell]] = []
            while try s.step() { out.append(s.cells(1..<Int32(t.columns.count + 1))) }
            return out
        }
    }

    /// The statements `childRows` asks, prepared once for many reads.
    static func childStatements<R: StoredRecord>(_: R.Type, in db: Database) throws -> [Statement] {
        try R.childTables.indices.map { try childStatement(R.self, $0, one: true, in: db) }
    }

    /// `childSQL` of list `i` of `R`, prepared. For a list a later schema added whose table is
    /// not there yet (a migration from before it reads the records), a query that finds
    /// nothing: the catalogue is asked only when preparing fails, never on an ordinary read.
    static func childStatement<R: StoredRecord>(_: R.Type, _ i: Int, one: Bool, in db: Database) throws -> Statement {
        let t = R.childTables[i]
        do {
            return try db.prepare(childSQL(t, one: one))
        } catch let error where i >= R.countedChildTables {
            guard try db.integer("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1", t.name) == 0 else { throw error }
            return try db.prepare(one ? "SELECT ?1 WHERE 0" : "SELECT 0 WHERE 0")
        }
    }

    /// Reads one record by key (nil: there is none).
    static func readRecord<R: StoredRecord>(_: R.Type, _ key: Int, with one: Statement, children: [Statement]? = nil, in db: Database) throws -> R? {
        defer { one.reset() }
        guard try one.bind(key).step() else { return nil }
        let cells = one.cells(0..<Int32(R.columns.count + 2))
        one.reset()
        return try readRow(R.self, cells, children: R.childTables.isEmpty ? [] : try childRows(R.self, key, in: db, statements: children))
    }

    /// Reads one collection's records into `state`, every one now (for `check`, which wants
    /// each problem thrown rather than kept for later).
    static func loadCollection(_ c: CollectionName, from db: Database, into state: inout StoreState) throws {
        struct Eager: TableVisitor {
            let db: Database
            func visit<R: StoredRecord>(_ table: inout Table<R>) throws(Error) {
                var t = Table<R>(shardCount: R.collection.defaultShardCount)
                for r in try Store.readWhole(R.self, db) { t.put(r) }
                table = t
            }
        }
        try state.visit(c, Eager(db: db))
    }

    /// Reads every record of every collection, checking each (a backup, a restore, of this
    /// schema or an older one): throws the first problem.
    static func readAllRecords(_ db: Database) throws -> StoreState {
        if try db.userVersion < 9 { return try LegacyRecords.load(from: db) }
        var state = StoreState(manifest: .empty())
        for c in CollectionName.allCases { try loadCollection(c, from: db, into: &state) }
        return state
    }

    /// Every record of a collection, read in one snapshot and counted against the rows SQLite
    /// counted as they were written (`TableRows`, schema 10): a damaged page that hides rows
    /// from the table's tree is damage, not an empty table.
    static func readWhole<R: StoredRecord>(_: R.Type, _ db: Database) throws -> [R] {
        try db.reading {
            let records = try readRecords(R.self, db.prepare(selectSQL(R.self)), in: db)
            if let n = try rowCount(R.collection, db), n != records.count {
                throw CoreError.storeCorrupt(file: "\(StoreSchema.fileName) (\(R.collection.rawValue))",
                                             problem: .unreadable(detail: "\(records.count) rows read, \(n) written"))
            }
            return records
        }
    }

    /// How many rows collection `c` has as its triggers counted them (nil before schema 10).
    static func rowCount(_ c: CollectionName, _ db: Database) throws -> Int? {
        guard try db.userVersion >= 10 else { return nil }
        let s = try db.prepare("SELECT n FROM table_rows WHERE tbl = ?1").bind(c.rawValue)
        defer { s.reset() }
        guard try s.step() else {
            throw CoreError.storeCorrupt(file: "\(StoreSchema.fileName) (table_rows)", problem: .unreadable(detail: "no count for \(c.rawValue)"))
        }
        return s.int(0)
    }

    /// A table of collection `c` read from `db` only as far as asked.
    static func lazyTable<R: StoredRecord>(_ c: CollectionName, _ db: Database) -> Table<R> {
        let source = LazySource<R>(
            fetchAll: { try readWhole(R.self, db) },
            fetchOne: { [one = StatementSlot(db, selectSQL(R.self) + " WHERE id = ?1"),
                         children = R.childTables.map { StatementSlot(db, childSQL($0, one: true)) }] key in
                try one.with { s in
                    // (The lists' statements are kept too: re-reading the accounts another process
                    // changed prepared one per account.)
                    var lists: [Statement] = []
                    for slot in children { lists.append(try slot.prepared()) }
                    return try readRecord(R.self, key, with: s, children: lists, in: db)
                }
            },
            fetchCount: { try rowCount(c, db) ?? db.integer("SELECT count(*) FROM \(c.rawValue)") },
            lookup: c == .accounts || c == .posts ? { value in
                let s: Statement
                switch value {
                case .postsBy(let account):
                    guard c == .posts else { return [] }
                    s = try db.prepare("SELECT id FROM posts WHERE author = ?1 AND organisation IS NULL ORDER BY id").bind(account)
                case .email(let e):
                    guard c == .accounts else { return [] }
                    s = try db.prepare("SELECT id FROM accounts WHERE email = ?1").bind(e)
                case .interested(let wijk, let topics):
                    guard c == .accounts else { return [] }
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
    static func setLazy(_ c: CollectionName, _ db: Database, in state: inout StoreState) {
        struct Lazy: TableVisitor {
            typealias Failure = Never
            let db: Database
            func visit<R: StoredRecord>(_ table: inout Table<R>) { table = Store.lazyTable(R.collection, db) }
        }
        state.visit(c, Lazy(db: db))
    }

    /// `state` with the records `keys` of `c` read again from the database (put, or removed
    /// when gone), keeping everything else already read; false when that cannot be done (a
    /// removed record this process never read: the caller reads the collection anew).
    static func refreshRecords(_ c: CollectionName, keys: Set<Int>, in db: Database, state: inout StoreState) -> Bool {
        struct Reread: TableVisitor {
            typealias Failure = Never
            let keys: Set<Int>, db: Database
            let ok: Flag
            func visit<R: StoredRecord>(_ table: inout Table<R>) {
                var t = table
                guard let s = try? db.prepare(Store.selectSQL(R.self) + " WHERE id = ?1"),
                      let lists = try? Store.childStatements(R.self, in: db) else { ok.value = false; return }
                for key in keys.sorted() {
                    do {
                        if let r = try Store.readRecord(R.self, key, with: s, children: lists, in: db) {
                            t.put(r)
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
        next.visit(c, Reread(keys: keys, db: db, ok: flag))
        if flag.value { state = next }
        return flag.value
    }
}

/// Writes records as rows, in the transaction already begun: the row and its lists, the people
/// it refers to as subjects, and what is derived from it (the agenda's occurrences and search
/// text, who wants which notifications, the keys of its free text in `mention`).
struct RowWriterSession {
    let db: Database
    /// This write's prepared statements.
    let sql: StatementCache
    private var upserts: [CollectionName: Statement] = [:]
    private var deletes: [CollectionName: Statement] = [:]
    private var childInserts: [String: Statement] = [:]
    private var childDeletes: [String: Statement] = [:]
    /// Subjects known in this write: account number or visitor address → subject.
    private var accountSubjects: [Int: Int] = [:]
    private var visitorSubjects: [String: Int] = [:]
    /// Visitor subjects a row stopped referring to: removed at the end when nothing else does.
    private(set) var loosened: Set<Int> = []
    let occurrenceRange: (from: Int, until: Int)?
    /// False while migration 9 writes the typed tables: `mention` comes with migration 11,
    /// which fills it from the rows.
    let indexesMentions: Bool

    init(db: Database, indexesMentions: Bool = true) throws {
        self.db = db
        sql = StatementCache(db)
        occurrenceRange = try AgendaOccurrences.coveredRange(db)
        self.indexesMentions = indexesMentions
    }

    /// The extra columns a collection's rows carry beyond the record's own.
    static func extraColumns(_ c: CollectionName) -> [String] {
        switch c {
        case .accounts: ["subject"]
        case .agenda: ["starts", "ends", "search"]
        case .messages: ["sender_subject"]
        case .intakes: ["subject"]
        case .reports: ["reporter_subject"]
        default: []
        }
    }

    /// The subject of account `id`, made when it has none yet.
    mutating func subject(account id: Int) throws -> Int {
        if let s = accountSubjects[id] { return s }
        try sql("INSERT INTO subject (kind, account) VALUES ('account', ?1) ON CONFLICT (account) DO NOTHING").bind(id).run()
        let s = try sql.integer("SELECT id FROM subject WHERE account = ?1", id)
        accountSubjects[id] = s
        return s
    }

    /// The subject of a visitor known by the address they wrote from, made when new.
    mutating func subject(visitor email: String) throws -> Int {
        let key = Store.accountEmailKey(email)
        if let s = visitorSubjects[key] { return s }
        try sql("INSERT INTO subject (kind, email) VALUES ('visitor', ?1) ON CONFLICT (email) DO NOTHING").bind(key).run()
        let s = try sql.integer("SELECT id FROM subject WHERE email = ?1", key)
        visitorSubjects[key] = s
        return s
    }

    /// The subject of a resident recorded at the desk without an account (one per intake).
    func subject(intake id: Int) throws -> Int {
        try sql("INSERT INTO subject (kind, intake) VALUES ('desk', ?1) ON CONFLICT (intake) DO NOTHING").bind(id).run()
        return try sql.integer("SELECT id FROM subject WHERE intake = ?1", id)
    }

    /// The sender of a message or the maker of a report: their account, or the address they wrote from.
    mutating func subject(account: AccountID?, email: String) throws -> Int? {
        if let account { return try subject(account: account.rawValue) }
        return email.isEmpty ? nil : try subject(visitor: email)
    }

    /// The extra cells of record `r` (in the order of `extraColumns`).
    mutating func extraCells(_ r: any StoredRecord) throws -> [Cell] {
        switch r {
        case let a as Account: return [.int(try subject(account: a.id.rawValue))]
        case let i as AgendaItem:
            let v = Store.agendaIndex(i)
            return [.int(v.starts), v.ends.map(Cell.int) ?? .null, .text(AgendaSearch.column(i))]
        case let m as ContactMessage:
            try loosen("SELECT sender_subject FROM messages WHERE id = ?1", m.id.rawValue)
            return [try subject(account: m.senderAccount, email: m.senderEmail).map(Cell.int) ?? .null]
        case let i as Intake:
            if let a = i.person.account { return [.int(try subject(account: a.rawValue))] }
            return [.int(try subject(intake: i.id.rawValue))]
        case let p as Report:
            try loosen("SELECT reporter_subject FROM reports WHERE id = ?1", p.id.rawValue)
            return [try subject(account: p.reporterAccount, email: p.reporterEmail).map(Cell.int) ?? .null]
        default: return []
        }
    }

    /// Notes the subject a row refers to now, before it is changed or removed.
    private mutating func loosen(_ query: String, _ key: Int) throws {
        let s = try sql(query).bind(key)
        defer { s.reset() }
        if try s.step(), !s.isNull(0) { loosened.insert(s.int(0)) }
    }

    /// Inserts or replaces a record's row and its lists, and what is derived from it.
    mutating func put(_ r: any StoredRecord) throws {
        try putRow(r)
    }

    private mutating func putRow<R: StoredRecord>(_ r: R) throws {
        let c = R.collection
        let cells = r.cells
        let children = r.childRows()
        let crc = Int(Store.rowChecksum(c, cells, children: children, counted: R.countedChildTables))
        let extras = try extraCells(r)
        if upserts[c] == nil {
            let columns = R.columns + Self.extraColumns(c)
            let names = (["id", "crc"] + columns).joined(separator: ", ")
            let values = (1...(columns.count + 2)).map { "?\($0)" }.joined(separator: ", ")
            let update = (["crc"] + columns).map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
            upserts[c] = try db.prepare("INSERT INTO \(c.rawValue) (\(names)) VALUES (\(values)) ON CONFLICT (id) DO UPDATE SET \(update)")
        }
        var values: [Any?] = [cells[0].bound, crc]
        values += cells.dropFirst().map(\.bound)
        values += extras.map(\.bound)
        try upserts[c]!.bind(all: values).run()
        for (i, (t, rows)) in zip(R.childTables, children).enumerated() {
            // Migration 9 writes before the lists of later schemas exist (`wijk_check`, schema
            // 13); what it writes has none.
            if !indexesMentions && i >= R.countedChildTables && rows.isEmpty { continue }
            if childDeletes[t.name] == nil { childDeletes[t.name] = try db.prepare("DELETE FROM \(t.name) WHERE \(t.owner) = ?1") }
            try childDeletes[t.name]!.bind(r.storageKey).run()
            guard !rows.isEmpty else { continue }
            if childInserts[t.name] == nil {
                let names = ([t.owner, "seq"] + t.columns).joined(separator: ", ")
                let values = (1...(t.columns.count + 2)).map { "?\($0)" }.joined(separator: ", ")
                childInserts[t.name] = try db.prepare("INSERT INTO \(t.name) (\(names)) VALUES (\(values))")
            }
            for (seq, row) in rows.enumerated() { try childInserts[t.name]!.bind(all: [r.storageKey, seq] + row.map(\.bound)).run() }
        }
        if indexesMentions, let keys = MentionIndex.keys(R.self, cells: cells, children: children) {
            try MentionIndex.write(keys, c, r.storageKey, in: sql)
        }
        switch r {
        case let i as AgendaItem: if let range = occurrenceRange { try AgendaOccurrences.index(i, range: range, in: sql) }
        case let a as Account: try Store.indexInterests(a, in: sql)
        case let i as Intake:
            // Linked to an account now: its own subject (as a resident without one) goes.
            if i.person.account != nil { try sql("DELETE FROM subject WHERE intake = ?1").bind(i.id.rawValue).run() }
        default: break
        }
    }

    /// Removes a record's row (its lists and occurrences go with it), and its subject when it was one.
    mutating func delete(_ ref: RecordRef, now: Date) throws {
        let c = ref.collection
        if c == .accounts || c == .intakes { try Store.recordErasure(ref, now: now, in: db) }
        if c == .messages { try loosen("SELECT sender_subject FROM messages WHERE id = ?1", ref.key) }
        if c == .reports { try loosen("SELECT reporter_subject FROM reports WHERE id = ?1", ref.key) }
        if deletes[c] == nil { deletes[c] = try db.prepare("DELETE FROM \(c.rawValue) WHERE id = ?1") }
        try deletes[c]!.bind(ref.key).run()
        if indexesMentions, MentionIndex.textColumns[c] != nil { try MentionIndex.remove(c, ref.key, in: sql) }
        switch c {
        case .accounts:
            try sql("DELETE FROM notify_interest WHERE account = ?1").bind(ref.key).run()
            // Anything still pointing to this person stops the commit (a foreign key): an
            // erasure that missed a row does not happen at all.
            try sql("DELETE FROM subject WHERE account = ?1").bind(ref.key).run()
            accountSubjects[ref.key] = nil
        case .intakes: try sql("DELETE FROM subject WHERE intake = ?1").bind(ref.key).run()
        default: break
        }
    }

    /// Removes the visitors no row refers to any more: the store keeps no address of a person
    /// it holds nothing else about.
    func removeLooseVisitors() throws {
        guard !loosened.isEmpty else { return }
        let s = try db.prepare("""
            DELETE FROM subject WHERE id = ?1 AND kind = 'visitor'
              AND NOT EXISTS (SELECT 1 FROM messages WHERE sender_subject = ?1)
              AND NOT EXISTS (SELECT 1 FROM reports WHERE reporter_subject = ?1)
            """)
        for id in loosened.sorted() { try s.bind(id).run() }
    }
}


extension Store {
    /// Where the people a row refers to as subjects are not the ones its record names, or a
    /// subject is kept that no row refers to (an address kept about nobody): for `check`.
    static func subjectProblems(_ state: StoreState, _ db: Database) throws -> [CoreError] {
        enum Who: Hashable { case account(Int), visitor(String), desk(Int) }
        var subjects: [Int: Who] = [:]
        var out: [CoreError] = []
        func bad(_ place: String, _ detail: String) {
            out.append(.storeCorrupt(file: "\(StoreSchema.fileName) (\(place))", problem: .unreadable(detail: detail)))
        }
        let s = try db.prepare("SELECT id, kind, account, email, intake FROM subject")
        while try s.step() {
            switch s.text(1) {
            case "account": subjects[s.int(0)] = .account(s.int(2))
            case "visitor": subjects[s.int(0)] = .visitor(s.text(3))
            default: subjects[s.int(0)] = .desk(s.int(4))
            }
        }
        var used: Set<Int> = []
        func compare(_ table: String, _ column: String, _ expected: (Int) -> Who?) throws {
            let rows = try db.prepare("SELECT id, \(column) FROM \(table)")
            while try rows.step() {
                let found = rows.isNull(1) ? nil : rows.int(1)
                if let found { used.insert(found) }
                if found.flatMap({ subjects[$0] }) != expected(rows.int(0)) { bad("\(table) \(rows.int(0))", "subject") }
            }
        }
        func sender(_ account: AccountID?, _ email: String) -> Who? {
            account.map { .account($0.rawValue) } ?? (email.isEmpty ? nil : .visitor(accountEmailKey(email)))
        }
        try compare("accounts", "subject") { .account($0) }
        try compare("messages", "sender_subject") { id in state.messages[id].flatMap { sender($0.senderAccount, $0.senderEmail) } }
        try compare("reports", "reporter_subject") { id in state.reports[id].flatMap { sender($0.reporterAccount, $0.reporterEmail) } }
        try compare("intakes", "subject") { id in state.intakes[id].map { $0.person.account.map { .account($0.rawValue) } ?? .desk(id) } }
        for (id, who) in subjects where !used.contains(id) {
            if case .account = who { bad("subject \(id)", "an account's subject without its account") } else { bad("subject \(id)", "kept about nobody") }
        }
        return out
    }
}
