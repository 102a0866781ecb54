import Foundation

/// The records an erasure must look at, per collection: those that refer to the account by
/// number (the `refs` table) and those whose bytes may name the person (`sociaalhus_probe`: the
/// needles searched in C over the rows, case folded as Foundation would), plus what the erasure itself
/// changed. A collection without an entry is read whole: one with changes of its own in memory,
/// or every one when the person's name or phone number is not plain ASCII (the byte test folds
/// ASCII case only). Before this, an erasure decoded every collection (issue 14: 0.7 s and
/// 580 MB at ten times Borne).
struct EraseCandidates {
    private var keys: [CollectionName: Set<Int>] = [:]

    /// The collections found this way; the small ones (settings, reports, drafts) are read whole.
    static let indexed: [CollectionName] = [.accounts, .organisations, .agenda, .posts, .messages, .audit, .intakes, .disclosures, .outbox]

    /// Every record of every collection (no database to ask).
    init() {}

    init(account: Account, ids: PersonIdentifiers, db: Database, state: StoreState) {
        // A name shorter than the probe's four bytes cannot be searched for: their name on what
        // they made as desk staff (referrals, disclosures) is found by reading those whole
        // (found in review: a desk member "Eva" stayed on every referral).
        let shortName = [account.name, account.profile.displayName].contains { $0.trimmingCharacters(in: .whitespaces).count < 4 }
        guard ids.probesAreASCII, !shortName, (try? db.userVersion) ?? 0 >= 4 else { return }
        let probes = ids.probeNeedles
        let asked = Self.indexed.filter { state.isPartial($0) }
        // The search runs over every text of the store (in C); two connections search half the
        // collections each, on two cores (at ten times Borne: 60 ms on one, under 40 on two).
        // The lock this change holds keeps other writers out, so both read the same state.
        let second = try? Database(path: db.path)
        let groups: [[CollectionName]] = second == nil ? [asked] : [asked.filter { [.messages, .organisations, .audit, .intakes].contains($0) },
                                                                     asked.filter { ![.messages, .organisations, .audit, .intakes].contains($0) }]
        let found = Locked<[CollectionName: Set<Int>]>([:])
        DispatchQueue.concurrentPerform(iterations: groups.count) { g in
            let connection = g == 0 ? db : second!
            for c in groups[g] {
                if let keys = try? Self.search(c, account: account, probes: probes, phone: ids.phoneDigits, in: connection) {
                    found.withLock { $0[c] = keys }
                }  // else read whole
            }
        }
        keys = found.withLock { $0 }
    }

    /// The keys of collection `c` that refer to the account or may name the person.
    private static func search(_ c: CollectionName, account: Account, probes: Data, phone: String?, in db: Database) throws -> Set<Int> {
        // An account's text that may name someone else is in its waiting digest lines and its
        // block reason: refs marks accounts that have them (-2, -3), and only those are searched,
        // not every account's bytes (half the store). A digest line by the person is in refs
        // under their number; -1 marks an old line without author.
        let sql = c == .accounts ? """
            SELECT key FROM refs WHERE account IN (?1, -1) AND collection = ?2
            UNION SELECT a.id FROM refs r JOIN accounts a ON a.id = r.key
                  WHERE r.account IN (-2, -3) AND r.collection = 'accounts' AND sociaalhus_probe(a.data, ?3, ?4)
            """ : "SELECT key FROM refs WHERE account = ?1 AND collection = ?2 UNION SELECT id FROM \(c.rawValue) WHERE sociaalhus_probe(data, ?3, ?4)"
        let s = try db.prepare(sql).bind(account.id.rawValue, c.rawValue, probes, phone)
        var out: Set<Int> = []
        while try s.step() { out.insert(s.int(0)) }
        return out
    }

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
