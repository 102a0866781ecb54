import Foundation

/// How many rows each collection's table has, counted by SQLite as rows are written (schema 10).
///
/// A damaged page can hide rows from a table's tree without SQLite noticing: a leaf page of
/// one table swapped with one of another reads as an empty table (the fuzz test found the log
/// read empty this way, and every record in it lost without a word). Reading a whole collection
/// compares what it read with this count (`Store.readWhole`), and `check` compares the counts
/// with the tables. Triggers keep the counts, in the statement that writes the row: no code
/// path can write a row and forget them.
enum TableRows {
    /// The collections counted, as named when schema 10 was laid down (frozen: the migration's
    /// constants, not today's list).
    static let tables = ["settings", "accounts", "organisations", "agenda", "posts", "messages", "audit",
                         "intakes", "disclosures", "outbox", "drafts", "reports"]

    /// The table, its counts as the tables are now, and a pair of triggers per table.
    static var createSQL: String {
        var sql = "CREATE TABLE table_rows (tbl TEXT PRIMARY KEY, n INTEGER NOT NULL CHECK (n >= 0)) STRICT, WITHOUT ROWID;\n"
        for t in tables {
            sql += """
                INSERT INTO table_rows (tbl, n) SELECT '\(t)', count(*) FROM \(t);
                CREATE TRIGGER \(t)_rows_insert AFTER INSERT ON \(t) BEGIN UPDATE table_rows SET n = n + 1 WHERE tbl = '\(t)'; END;
                CREATE TRIGGER \(t)_rows_delete AFTER DELETE ON \(t) BEGIN UPDATE table_rows SET n = n - 1 WHERE tbl = '\(t)'; END;

                """
        }
        return sql
    }

    /// Where a count disagrees with its table: for `check`.
    static func problems(_ db: Database) throws -> [CoreError] {
        guard try db.userVersion >= 10 else { return [] }
        var out: [CoreError] = []
        for t in tables {
            let counted = try db.prepare("SELECT n FROM table_rows WHERE tbl = ?1").bind(t)
            let n: Int? = try counted.step() ? counted.int(0) : nil
            counted.reset()
            let actual = try db.integer("SELECT count(*) FROM \(t)")
            if n != actual {
                out.append(.storeCorrupt(file: "\(StoreSchema.fileName) (\(t))",
                                         problem: .unreadable(detail: "\(actual) rows, \(n.map(String.init) ?? "no count") written")))
            }
        }
        return out
    }
}
