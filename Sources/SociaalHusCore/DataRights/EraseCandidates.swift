import Foundation

/// The records an erasure must look at, per collection: those whose columns refer to the
/// person (by account number, or by the address they wrote from), and those whose free-text
/// columns may hold their e-mail address or phone number as others wrote them
/// (`sociaalhus_mentions`, in C over those columns only), plus what the erasure itself changed.
/// A collection without an entry is read whole: one with changes of its own in memory, or every
/// one when the person's details are not plain ASCII (the search folds ASCII case only).
struct EraseCandidates {
    private var keys: [CollectionName: Set<Int>] = [:]

    /// Every record of every collection (no database to ask).
    init() {}

    init(account: Account, ids: PersonIdentifiers, db: Database, state: StoreState) {
        // A name shorter than four letters cannot be searched for reliably: their name on what
        // they made as desk staff (referrals, disclosures) is found by reference anyway.
        guard ids.probesAreASCII else { return }
        let probes = ids.probeNeedles
        for (c, sql) in Self.queries where state.isPartial(c) {
            let args: [Any?] = [account.id.rawValue, probes, ids.phoneDigits, Store.accountEmailKey(account.email)]
            // (Each query binds the parameters it names: binding a fourth to one of three fails.)
            guard let s = try? db.prepare(sql).bind(all: Array(args.prefix(sql.contains("?4") ? 4 : 3))) else { continue }
            var found: Set<Int> = []
            while (try? s.step()) == true { found.insert(s.int(0)) }
            keys[c] = found
        }
    }

    /// Per collection: the keys of rows that refer to account `?1` or to address `?4`, or whose
    /// free text mentions needles `?2` or phone digits `?3`.
    static let queries: [(CollectionName, String)] = [
        // An account's text that may name someone else is in its waiting digest lines and its
        // block reason; a digest line by the person refers to them.
        (.accounts, """
            SELECT account FROM digest_line WHERE author = ?1 OR author IS NULL OR sociaalhus_mentions(text, ?2, ?3)
            UNION SELECT id FROM accounts WHERE id = ?1 OR (blocked_reason IS NOT NULL AND sociaalhus_mentions(blocked_reason, ?2, ?3))
            """),
        (.organisations, "SELECT id FROM organisations WHERE created_by = ?1 OR sociaalhus_mentions(description || char(10) || opening_hours, ?2, ?3)"),
        (.agenda, """
            SELECT id FROM agenda WHERE created_by = ?1
               OR sociaalhus_mentions(title || char(10) || description || char(10) || location || char(10) || signup || char(10) || cost || char(10) || category, ?2, ?3)
            """),
        (.posts, "SELECT id FROM posts WHERE author = ?1 OR sociaalhus_mentions(title || char(10) || body, ?2, ?3)"),
        (.messages, """
            SELECT id FROM messages WHERE sender_account = ?1 OR recipient_account = ?1 OR sender_email = ?4 OR recipient_address = ?4
               OR sociaalhus_mentions(text, ?2, ?3)
            """),
        (.audit, "SELECT id FROM audit WHERE subject = ?1 OR actor = ?1 OR (target IS NOT NULL AND sociaalhus_mentions(target, ?2, ?3))"),
        (.intakes, """
            SELECT id FROM intakes WHERE account = ?1 OR sociaalhus_mentions(question || char(10) || notes, ?2, ?3)
            UNION SELECT intake FROM referral WHERE staff = ?1
            """),
        (.disclosures, "SELECT id FROM disclosures WHERE account = ?1 OR staff = ?1"),
        (.outbox, """
            SELECT id FROM outbox WHERE address = ?4 OR sociaalhus_mentions(subject_line || char(10) || body, ?2, ?3)
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
