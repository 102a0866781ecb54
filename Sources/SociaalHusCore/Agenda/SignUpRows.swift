import Foundation

/// The sign-up tables: read directly, written as statements of a change (`Transaction.statements`).
///
/// Why tables beside the records rather than a record collection: a sign-up is read by counting
/// (places taken of one occurrence) and by person (export, erasure), never as a whole list,
/// and one row changes at a time. Read under the store's write lock, the count a change sees is
/// the committed one, so two terminals taking the last place cannot both get it.
enum SignUpRows {
    /// The tables (schema 16). A person is an account (foreign key) or a visitor's address;
    /// deferred foreign keys refuse a change that leaves a sign-up of an erased account or a
    /// deleted activity.
    static let schema = """
        CREATE TABLE signup_option (
            activity INTEGER PRIMARY KEY REFERENCES agenda (id),
            places INTEGER CHECK (places IS NULL OR places BETWEEN 1 AND 10000),
            waiting_list INTEGER NOT NULL CHECK (waiting_list IN (0, 1))
        ) STRICT;
        CREATE TABLE signup (
            id INTEGER PRIMARY KEY,
            activity INTEGER NOT NULL REFERENCES agenda (id),
            occurrence REAL NOT NULL,
            account INTEGER REFERENCES accounts (id),
            email TEXT NOT NULL, name TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('place', 'waiting', 'reminder')),
            show_email INTEGER NOT NULL CHECK (show_email IN (0, 1)),
            show_phone INTEGER NOT NULL CHECK (show_phone IN (0, 1)),
            remind_days INTEGER CHECK (remind_days IS NULL OR remind_days BETWEEN 0 AND 14),
            reminded REAL,
            created REAL NOT NULL,
            CHECK ((account IS NULL) = (email <> ''))
        ) STRICT;
        CREATE UNIQUE INDEX signup_account ON signup (activity, occurrence, account) WHERE account IS NOT NULL;
        CREATE UNIQUE INDEX signup_visitor ON signup (activity, occurrence, email) WHERE account IS NULL;
        CREATE INDEX signup_occurrence ON signup (activity, occurrence, state);
        CREATE INDEX signup_person ON signup (account) WHERE account IS NOT NULL;
        CREATE INDEX signup_email ON signup (email) WHERE account IS NULL;
        CREATE INDEX signup_due ON signup (occurrence) WHERE remind_days IS NOT NULL AND reminded IS NULL;
        """

    static let columns = "id, activity, occurrence, account, email, name, state, show_email, show_phone, remind_days, reminded, created"

    /// The row `s` is on.
    static func decode(_ s: Statement) -> SignUp {
        SignUp(id: s.int(0), activity: AgendaItemID(s.int(1)), occurrence: Date(timeIntervalSince1970: s.double(2)),
               account: s.isNull(3) ? nil : AccountID(s.int(3)), email: s.text(4), name: s.text(5),
               state: SignUp.State(rawValue: s.text(6)) ?? .reminder, showEmail: s.int(7) != 0, showPhone: s.int(8) != 0,
               remindDays: s.isNull(9) ? nil : s.int(9), reminded: s.isNull(10) ? nil : Date(timeIntervalSince1970: s.double(10)),
               created: Date(timeIntervalSince1970: s.double(11)))
    }

    /// The rows `sql` (after `SELECT columns FROM signup`) selects.
    static func rows(_ db: Database, where sql: String, _ args: Any?...) throws -> [SignUp] {
        let s = try db.prepare("SELECT \(columns) FROM signup WHERE " + sql).bind(all: args)
        defer { s.reset() }
        var out: [SignUp] = []
        while try s.step() { out.append(decode(s)) }
        return out
    }

    /// The sign-ups and reminders of one occurrence, places first, each in order of signing up.
    static func of(_ activity: AgendaItemID, at occurrence: Date, in db: Database) throws -> [SignUp] {
        try rows(db, where: "activity = ?1 AND occurrence = ?2 ORDER BY state, created, id", activity.rawValue, occurrence.timeIntervalSince1970)
    }

    /// Every row of one account, by its number.
    static func of(account: AccountID, in db: Database) throws -> [SignUp] {
        try rows(db, where: "account = ?1 ORDER BY occurrence, id", account.rawValue)
    }

    /// Every row of one visitor, by the address they gave (folded as stored).
    static func of(visitor email: String, in db: Database) throws -> [SignUp] {
        try rows(db, where: "account IS NULL AND email = ?1 ORDER BY occurrence, id", EmailAddress.folded(email))
    }

    /// Every activity that takes sign-ups, by number.
    static func activities(in db: Database) throws -> [AgendaItemID] {
        let s = try db.prepare("SELECT activity FROM signup_option ORDER BY activity")
        defer { s.reset() }
        var ids: [AgendaItemID] = []
        while try s.step() { ids.append(AgendaItemID(s.int(0))) }
        return ids
    }

    /// The options of an activity; nil when it takes no sign-ups.
    static func options(of activity: AgendaItemID, in db: Database) throws -> SignUpOptions? {
        let s = try db.prepare("SELECT places, waiting_list FROM signup_option WHERE activity = ?1").bind(activity.rawValue)
        defer { s.reset() }
        guard try s.step() else { return nil }
        return SignUpOptions(places: s.isNull(0) ? nil : s.int(0), waitingList: s.int(1) != 0)
    }

    /// The statement that sets an activity's options (nil: takes no sign-ups).
    static func putOptions(_ activity: AgendaItemID, _ o: SignUpOptions?) -> (sql: String, args: [Any?]) {
        guard let o else { return ("DELETE FROM signup_option WHERE activity = ?1", [activity.rawValue]) }
        return ("""
            INSERT INTO signup_option (activity, places, waiting_list) VALUES (?1, ?2, ?3)
            ON CONFLICT (activity) DO UPDATE SET places = excluded.places, waiting_list = excluded.waiting_list
            """, [activity.rawValue, o.places, o.waitingList ? 1 : 0])
    }

    /// The statement that writes `r` (inserted, or replacing the row with its number).
    static func put(_ r: SignUp) -> (sql: String, args: [Any?]) {
        ("INSERT OR REPLACE INTO signup (\(columns)) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
         [r.id, r.activity.rawValue, r.occurrence.timeIntervalSince1970, r.account?.rawValue, r.email, r.name, r.state.rawValue,
          r.showEmail ? 1 : 0, r.showPhone ? 1 : 0, r.remindDays, r.reminded?.timeIntervalSince1970, r.created.timeIntervalSince1970])
    }

    /// The statement that removes one row.
    static func delete(_ id: Int) -> (sql: String, args: [Any?]) { ("DELETE FROM signup WHERE id = ?1", [id]) }
}
