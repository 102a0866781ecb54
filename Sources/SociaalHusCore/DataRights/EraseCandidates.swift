import Foundation

/// The records an erasure must look at, per collection: those whose columns refer to the
/// person (by account number, or by the address they wrote from), and those whose free text may
/// hold their e-mail address or phone number as others wrote them (by the keys of the `mention`
/// table: `MentionKeys`), plus what the erasure itself changed. A collection without an entry is
/// read whole: one with changes of its own in memory, or every one when the person's address or
/// number cannot be found by key (outside ASCII, or an address without a domain).
struct EraseCandidates {
    private var keys: [CollectionName: Set<Int>] = [:]

    /// Every record of every collection (no database to ask).
    init() {}

    init(account: Account, ids: PersonIdentifiers, db: Database, state: StoreState) {
        guard let person = MentionKeys.person(email: ids.email, phoneDigits: ids.phoneDigits) else { return }
        let args: [Any?] = [account.id.rawValue, person.email, person.phone, Store.accountEmailKey(account.email)]
        for (c, sql) in Self.queries where state.isPartial(c) {
            // (Each query binds the parameters it names: binding a fourth to one of three fails.)
            let n = (1...4).last { sql.contains("?\($0)") } ?? 0
            guard let s = try? db.prepare(sql).bind(all: Array(args.prefix(n))) else { continue }
            var found: Set<Int> = []
            var ok = true
            while true {
                do { guard try s.step() else { break } } catch { ok = false; break }
                found.insert(s.int(0))
            }
            if ok { keys[c] = found }  // else read whole
        }
    }

    /// The rows of `table` whose free text has key `?2` (the person's address), `?3` (their
    /// number) or the key of a text with too many to keep (`MentionKeys.everything`).
    static func mentioning(_ table: CollectionName) -> String {
        "SELECT row FROM mention WHERE tbl = '\(table.rawValue)' AND key IN (?2, ?3, '\(MentionKeys.everything)')"
    }

    /// Per collection: the keys of rows that refer to account `?1` or to address `?4`, or whose
    /// free text may hold the address or number whose keys are `?2` and `?3`.
    static let queries: [(CollectionName, String)] = [
        // An account's text that may name someone else is in its waiting digest lines and its
        // block reason (both under the account's keys); a digest line by the person refers to them.
        (.accounts, """
            SELECT account FROM digest_line WHERE author = ?1 OR author IS NULL
            UNION SELECT ?1
            UNION \(mentioning(.accounts))
            """),
        (.organisations, "SELECT id FROM organisations WHERE created_by = ?1 UNION \(mentioning(.organisations))"),
        (.agenda, "SELECT id FROM agenda WHERE created_by = ?1 UNION \(mentioning(.agenda))"),
        (.posts, "SELECT id FROM posts WHERE author = ?1 UNION \(mentioning(.posts))"),
        (.messages, """
            SELECT id FROM messages WHERE sender_account = ?1 OR recipient_account = ?1
            UNION SELECT id FROM messages WHERE sender_email = ?4 OR recipient_address = ?4
            UNION \(mentioning(.messages))
            """),
        (.audit, "SELECT id FROM audit WHERE subject = ?1 OR actor = ?1 UNION \(mentioning(.audit))"),
        (.intakes, """
            SELECT id FROM intakes WHERE account = ?1 UNION \(mentioning(.intakes))
            UNION SELECT intake FROM referral WHERE staff = ?1
            """),
        (.disclosures, "SELECT id FROM disclosures WHERE account = ?1 OR staff = ?1"),
        (.outbox, """
            SELECT id FROM outbox WHERE address = ?4 UNION \(mentioning(.outbox))
            UNION SELECT message FROM outbox_account WHERE account = ?1
            """),
    ]

    /// The records of `table` to look at, as they are now in `tx` (removed ones left out).
    func records<R: StoredRecord>(_ table: Table<R>, _ tx: Transaction) -> [R] {
        guard var k = keys[R.collection] else { return Array(table.all) }
        for ref in tx.changes.keys where ref.collection == R.collection { k.insert(ref.key) }
        return k.sorted().compactMap { table[$0] }
    }
}
