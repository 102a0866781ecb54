import Foundation

/// The migration that brings weekly digests and interests from a list.
///
/// `digest_rhythm` is a list of at most one row of an account's: whether its digest is weekly,
/// and when the last digest went out. `daily_digest` keeps saying whether notifications are
/// gathered at all, so a store's daily and immediate choices read as before and no row's
/// checksum changes (an empty list added later counts for nothing).
///
/// Interests typed as free text before the list stay in the record as they are (the checksum
/// covers them); those naming a category match it from now on, the others match nothing and
/// Profiel shows them as unlisted until the resident saves. The notification index is laid
/// down anew from the accounts' own columns, by category. It reads only columns of schema 9,
/// so it runs the same before or after any other migration.
enum DigestRhythmMigration {
    /// The table.
    static let schema = """
        CREATE TABLE digest_rhythm (
            account INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE, seq INTEGER NOT NULL CHECK (seq = 0),
            weekly INTEGER NOT NULL CHECK (weekly IN (0, 1)), last_sent REAL,
            PRIMARY KEY (account, seq)
        ) STRICT
        """

    /// Adds the table and lays down the notification index by category.
    static func run(_ db: Database) throws {
        try db.execute(schema)
        try db.execute("DELETE FROM notify_interest")
        let accounts = try db.prepare("SELECT id, wijk, interests FROM accounts WHERE wijk_notifications = 1 AND blocked = 0")
        let add = try db.prepare("INSERT OR IGNORE INTO notify_interest VALUES (?1, ?2, ?3)")
        while try accounts.step() {
            let interests = RowJSON.decode(accounts.text(2), as: String.self) ?? []
            for key in Store.interestKeys(interests) { try add.bind(accounts.int(1), key, accounts.int(0)).run() }
        }
    }
}
