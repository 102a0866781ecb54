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
        guard ids.probesAreASCII else { return }
        let (id, needles, phone, email) = (account.id.rawValue, ids.probeNeedles, ids.phoneDigits, Store.accountEmailKey(account.email))
        let asked = Self.queries.filter { state.isPartial($0.0) }
        // The free-text search reads every text of the store (in C): two connections search
        // half the tables each, on two cores. The lock this change holds keeps other writers
        // out, so both read the same state.
        let second = try? Database(path: db.path)
        // (By size at ten times Borne: messages and the log against the agenda, posts and the rest.)
        let heavy: Set<CollectionName> = [.messages, .audit, .intakes]
        let groups = second == nil ? [asked] : [asked.filter { heavy.contains($0.0) }, asked.filter { !heavy.contains($0.0) }]
        let found = Locked<[CollectionName: Set<Int>]>([:])
        DispatchQueue.concurrentPerform(iterations: groups.count) { g in
            let connection = g == 0 ? db : second!
            let args: [Any?] = [id, needles, phone, email]
            for (c, sql) in groups[g] {
                // (Each query binds the parameters it names: binding a fourth to one of three fails.)
                guard let s = try? connection.prepare(sql).bind(all: Array(args.prefix(sql.contains("?4") ? 4 : 3))) else { continue }
                var keys: Set<Int> = []
                var ok = true
                while true {
                    do { guard try s.step() else { break } } catch { ok = false; break }
                    keys.insert(s.int(0))
                }
                if ok { found.withLock { $0[c] = keys } }  // else read whole
            }
        }
        keys = found.withLock { $0 }
    }

    /// Per collection: the keys of rows that refer to account `?1` or to address `?4`, or whose
    /// free text mentions needles `?2` or phone digits `?3`.
    static let queries: [(CollectionName, String)] = [
        // An account's text that may name someone else is in its waiting digest lines and its
        // block reason; a digest line by the person refers to them.
        (.accounts, """
            SELECT account FROM digest_line WHERE author = ?1 OR author IS NULL OR sociaalhus_mentions(?2, ?3, text)
            UNION SELECT ?1
            UNION SELECT id FROM accounts INDEXED BY accounts_blocked_reason WHERE blocked_reason IS NOT NULL AND sociaalhus_mentions(?2, ?3, blocked_reason)
            """),
        (.organisations, "SELECT id FROM organisations WHERE created_by = ?1 OR sociaalhus_mentions(?2, ?3, description, opening_hours)"),
        (.agenda, "SELECT id FROM agenda WHERE created_by = ?1 OR sociaalhus_mentions(?2, ?3, title, description, location, signup, cost, category)"),
        (.posts, "SELECT id FROM posts WHERE author = ?1 OR sociaalhus_mentions(?2, ?3, title, body)"),
        (.messages, """
            SELECT id FROM messages WHERE sender_account = ?1 OR recipient_account = ?1 OR sender_email = ?4 OR recipient_address = ?4
               OR sociaalhus_mentions(?2, ?3, text)
            """),
        (.audit, "SELECT id FROM audit WHERE subject = ?1 OR actor = ?1 OR (target IS NOT NULL AND sociaalhus_mentions(?2, ?3, target))"),
        (.intakes, """
            SELECT id FROM intakes WHERE account = ?1 OR sociaalhus_mentions(?2, ?3, question, notes)
            UNION SELECT intake FROM referral WHERE staff = ?1
            """),
        (.disclosures, "SELECT id FROM disclosures WHERE account = ?1 OR staff = ?1"),
        (.outbox, """
            SELECT id FROM outbox WHERE address = ?4 OR sociaalhus_mentions(?2, ?3, subject_line, body)
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

/// A value shared by the threads of one search.
private final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    func withLock<T>(_ body: (inout Value) -> T) -> T { lock.withLock { body(&value) } }
}
