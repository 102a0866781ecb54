import Foundation

/// The `mention` table (schema 11): for every row with free text others typed, the
/// `MentionKeys` of that text, so an erasure looks up the rows that may hold the person's e-mail
/// address or phone number instead of searching every text of the store (which grew with the
/// store: 57 ms at ten times Borne, most of an erasure).
///
/// A row's keys are written by `RowWriterSession` in the same transaction as the row, and go
/// with it; `check` compares the table with what the texts give (`problems`). The keys are
/// short pieces of the texts themselves, so the table holds nothing the texts do not.
enum MentionIndex {
    /// The free-text columns of each table whose rows get keys: those an erasure replaces the
    /// person's address and number in (`Store.redactFreeText`) and that can be large. (Reports,
    /// drafts and feed approvals are few, and read whole.)
    static let textColumns: [CollectionName: [String]] = [
        .accounts: ["blocked_reason"],
        .organisations: ["description", "opening_hours"],
        .agenda: ["title", "description", "location", "signup", "cost", "category"],
        .posts: ["title", "body"],
        .messages: ["text"],
        .audit: ["target"],
        .intakes: ["question", "notes"],
        .outbox: ["subject_line", "body"],
    ]

    /// Texts in a list of a record whose keys are the record's: an account's waiting digest
    /// lines (another's post announced there may hold the person's number).
    static let listTexts: [CollectionName: (table: String, owner: String, column: String)] = [
        .accounts: ("digest_line", "account", "text"),
    ]

    /// The table, and the index by row that replaces or removes one row's keys.
    static let createSQL = """
        CREATE TABLE mention (key TEXT NOT NULL, tbl TEXT NOT NULL, row INTEGER NOT NULL, PRIMARY KEY (key, tbl, row)) STRICT, WITHOUT ROWID;
        CREATE INDEX mention_row ON mention (tbl, row);
        """

    /// What else an erasure looks up: the messages from or to the person's address (without an
    /// index, a scan of every message: most of an erasure at ten times Borne once the free text
    /// was found by key).
    static let addressIndexSQL = """
        CREATE INDEX messages_sender_email ON messages (sender_email);
        CREATE INDEX messages_recipient_address ON messages (recipient_address) WHERE recipient_address IS NOT NULL;
        """

    /// Migration 11: makes the table and gives every row with free text its keys, and the
    /// indexes of messages by address (`addressIndexSQL`): what an erasure asks, found without
    /// reading the store.
    static func migrate(_ db: Database) throws {
        try db.execute(createSQL)
        try db.execute(addressIndexSQL)
        let add = try db.prepare("INSERT INTO mention (key, tbl, row) VALUES (?1, ?2, ?3)")
        try eachRow(db) { c, row, keys in
            for k in keys.sorted() { try add.bind(k, c.rawValue, row).run() }
        }
    }

    /// Calls `body` with the keys of every row of every table with free text, as its columns
    /// hold them now (rows without keys left out).
    static func eachRow(_ db: Database, _ body: (CollectionName, Int, Set<String>) throws -> Void) throws {
        for (c, columns) in textColumns.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            // A list's texts first, by owner (few: waiting digest lines).
            var lists: [Int: [String]] = [:]
            if let l = listTexts[c] {
                let s = try db.prepare("SELECT \(l.owner), \(l.column) FROM \(l.table) WHERE \(l.column) IS NOT NULL ORDER BY \(l.owner), seq")
                while try s.step() { lists[s.int(0), default: []].append(s.text(1)) }
            }
            let s = try db.prepare("SELECT id, \(columns.joined(separator: ", ")) FROM \(c.rawValue)")
            while try s.step() {
                let row = s.int(0)
                var texts = (1...columns.count).compactMap { s.isNull(Int32($0)) ? nil : s.text(Int32($0)) }
                texts += lists[row] ?? []
                let keys = MentionKeys.keys(texts)
                if !keys.isEmpty { try body(c, row, keys) }
            }
        }
    }

    /// The keys of a record's row, from the cells `RowWriterSession` writes and its lists' rows
    /// (nil: its table has no free text to index).
    static func keys<R: StoredRecord>(_: R.Type, cells: [Cell], children: [[[Cell]]]) -> Set<String>? {
        guard let columns = textColumns[R.collection] else { return nil }
        var texts: [String] = []
        // (cells[0] is the id; the record's columns follow.)
        for name in columns {
            if let i = R.columns.firstIndex(of: name), case .text(let t) = cells[i + 1] { texts.append(t) }
        }
        if let l = listTexts[R.collection], let t = R.childTables.firstIndex(where: { $0.name == l.table }),
           let column = R.childTables[t].columns.firstIndex(of: l.column), t < children.count {
            for row in children[t] { if case .text(let s) = row[column] { texts.append(s) } }
        }
        return MentionKeys.keys(texts)
    }

    /// Gives row `row` of `c` exactly `keys`, writing only what differs (most changes of a
    /// record leave its texts as they were).
    static func write(_ keys: Set<String>, _ c: CollectionName, _ row: Int, in sql: StatementCache) throws {
        let s = try sql("SELECT key FROM mention WHERE tbl = ?1 AND row = ?2").bind(c.rawValue, row)
        var had: Set<String> = []
        while try s.step() { had.insert(s.text(0)) }
        s.reset()
        guard had != keys else { return }
        for k in had.subtracting(keys) { try sql("DELETE FROM mention WHERE key = ?1 AND tbl = ?2 AND row = ?3").bind(k, c.rawValue, row).run() }
        for k in keys.subtracting(had) { try sql("INSERT INTO mention (key, tbl, row) VALUES (?1, ?2, ?3)").bind(k, c.rawValue, row).run() }
    }

    /// Removes the keys of row `row` of `c` (the row went).
    static func remove(_ c: CollectionName, _ row: Int, in sql: StatementCache) throws {
        try sql("DELETE FROM mention WHERE tbl = ?1 AND row = ?2").bind(c.rawValue, row).run()
    }

    /// Where the table disagrees with the texts (a missing key hides a row from an erasure; a
    /// key of a row that is gone, or one its text does not give, is damage as well): for `check`.
    static func problems(_ db: Database) throws -> [CoreError] {
        var found: [String: [Int: Set<String>]] = [:]
        let s = try db.prepare("SELECT tbl, row, key FROM mention")
        while try s.step() { found[s.text(0), default: [:]][s.int(1), default: []].insert(s.text(2)) }
        var expected: [String: [Int: Set<String>]] = [:]
        try eachRow(db) { c, row, keys in expected[c.rawValue, default: [:]][row] = keys }
        var out: [CoreError] = []
        for table in Set(found.keys).union(expected.keys).sorted() {
            let f = found[table] ?? [:], e = expected[table] ?? [:]
            for row in Set(f.keys).union(e.keys).sorted() where f[row] != e[row] {
                out.append(.storeCorrupt(file: "\(StoreSchema.fileName) (mention \(table) \(row))", problem: .unreadable(detail: "mention index")))
            }
        }
        return out
    }
}
