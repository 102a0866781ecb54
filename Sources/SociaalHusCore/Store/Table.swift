import Foundation

/// The collections of the store: each a table of the database (`Schema9`), and a `Table` in memory.
public enum CollectionName: String, CaseIterable, Codable, Sendable, CodingKeyRepresentable {
    case settings, accounts, organisations, agenda, posts, messages, audit
    case intakes, disclosures, outbox, drafts, reports

    /// How many shards a collection's records are spread over in memory (and over files in the
    /// stores of formats 1–3 that are still migrated): a change copies one shard's dictionary,
    /// not the whole collection's.
    public var defaultShardCount: Int {
        switch self {
        case .settings: 1
        case .organisations, .drafts: 16
        case .accounts, .agenda, .posts, .messages, .audit, .intakes, .disclosures, .outbox: 256
        case .reports: 16
        }
    }
}

/// A record kept in a store collection: a row of its typed table (`RowRecord`), and readable
/// from the encoded records of schemas 1 to 8 (`BinaryRecord`, frozen: used only to move an
/// old store into its tables).
protocol StoredRecord: RowRecord, BinaryRecord, Sendable {
    /// The collection it belongs to.
    static var collection: CollectionName { get }
    /// Its unique internal number.
    var storageKey: Int { get }
    /// The number that picks its shard (usually `storageKey`).
    var shardKey: Int { get }
}

extension StoredRecord {
    var shardKey: Int { storageKey }
}

extension Account: StoredRecord {
    static var collection: CollectionName { .accounts }
    var storageKey: Int { id.rawValue }
}
extension Organisation: StoredRecord {
    static var collection: CollectionName { .organisations }
    var storageKey: Int { id.rawValue }
}
extension AgendaItem: StoredRecord {
    static var collection: CollectionName { .agenda }
    var storageKey: Int { id.rawValue }
}
extension Post: StoredRecord {
    static var collection: CollectionName { .posts }
    var storageKey: Int { id.rawValue }
}
extension ContactMessage: StoredRecord {
    static var collection: CollectionName { .messages }
    var storageKey: Int { id.rawValue }
}
extension AuditEvent: StoredRecord {
    static var collection: CollectionName { .audit }
    var storageKey: Int { id.rawValue }
    /// Events are grouped by the person they concern, so erasing a person rewrites one shard.
    var shardKey: Int { subject?.rawValue ?? id.rawValue }
}

extension Intake: StoredRecord {
    static var collection: CollectionName { .intakes }
    var storageKey: Int { id.rawValue }
}
extension Disclosure: StoredRecord {
    static var collection: CollectionName { .disclosures }
    var storageKey: Int { id.rawValue }
}
extension OutboxMessage: StoredRecord {
    static var collection: CollectionName { .outbox }
    var storageKey: Int { id.rawValue }
}
extension Report: StoredRecord {
    static var collection: CollectionName { .reports }
    var storageKey: Int { id.rawValue }
}
extension IntakeDraft: StoredRecord {
    static var collection: CollectionName { .drafts }
    /// One draft per staff member.
    var storageKey: Int { staff.rawValue }
}

/// The platform settings as a one-record collection.
struct SettingsRecord: StoredRecord, Hashable {
    static var collection: CollectionName { .settings }
    var storageKey: Int { 1 }
    /// The settings.
    public var settings: PlatformSettings
}

/// Reads a collection's records from the database when first asked: one record by its key, or
/// all of them; what it read is kept. Shared by copies of a table (it only ever holds what the
/// database held when it was made).
final class LazySource<Record: StoredRecord>: @unchecked Sendable {
    private let lock = NSLock()
    private let fetchAll: () throws -> [Record]
    private let fetchOne: (Int) throws -> Record?
    private let fetchCount: () throws -> Int
    /// Keys of the records an index of the database finds (accounts: by e-mail address, or by
    /// the wijk and interests they want notifications for).
    let lookup: ((TableLookup) throws -> [Int])?
    private var allRecords: [[Int: Record]]?
    private var some: [Int: Record?] = [:]
    private var counted: Int?
    /// A record that could not be read (its checksum was right, its contents not): the store
    /// refuses changes while one is known.
    private(set) var damage: Error?

    init(fetchAll: @escaping () throws -> [Record], fetchOne: @escaping (Int) throws -> Record?, fetchCount: @escaping () throws -> Int,
         lookup: ((TableLookup) throws -> [Int])? = nil) {
        self.fetchAll = fetchAll
        self.fetchOne = fetchOne
        self.fetchCount = fetchCount
        self.lookup = lookup
    }

    func shards(_ count: Int) -> [[Int: Record]] {
        lock.withLock {
            if let allRecords { return allRecords }
            var out = Array(repeating: [Int: Record](), count: max(count, 1))
            do {
                for r in try fetchAll() {
                    let s = ((r.shardKey % out.count) + out.count) % out.count
                    out[s][r.storageKey] = r
                }
            } catch { damage = error }
            allRecords = out
            return out
        }
    }

    func one(_ key: Int, shardCount: Int) -> Record? {
        lock.withLock {
            if let allRecords {
                // A record sits in the shard of its key, except audit events (shard of whom they
                // concern): those are looked for in every shard.
                let n = allRecords.count
                if let r = allRecords[((key % n) + n) % n][key] { return r }
                return allRecords.lazy.compactMap { $0[key] }.first
            }
            if let known = some[key] { return known }
            var r: Record?
            do { r = try fetchOne(key) } catch { damage = error }
            some[key] = r
            return r
        }
    }

    /// The record with this key as already read, or else `decode()`'s, kept for next time.
    func known(_ key: Int, or decode: () throws -> Record) rethrows -> Record {
        if let r = lock.withLock({ some[key] ?? nil }) { return r }
        let r = try decode()
        lock.withLock { some[key] = r }
        return r
    }

    /// Keeps the first problem met reading a record outside `one` and `shards`.
    func noteDamage(_ error: Error) { lock.withLock { if damage == nil { damage = error } } }

    /// True once every record was read.
    var isComplete: Bool { lock.withLock { allRecords != nil } }

    /// A record this source already holds in memory, without reading the database.
    func peek(_ key: Int) -> Record? {
        lock.withLock {
            if let allRecords { return allRecords.lazy.compactMap { $0[key] }.first }
            return some[key] ?? nil
        }
    }

    /// A source with the same database reads holding everything this one read, with `changes`
    /// (key → shard and record, or nil when removed) applied: only the shards they touch are copied.
    func completed(with changes: [Int: (shard: Int, record: Record?)]) -> LazySource<Record> {
        let s = LazySource(fetchAll: fetchAll, fetchOne: fetchOne, fetchCount: fetchCount, lookup: lookup)
        lock.withLock {
            var all = allRecords ?? []
            for (key, change) in changes where all.indices.contains(change.shard) { all[change.shard][key] = change.record }
            s.allRecords = all
        }
        return s
    }

    /// A source with the same database reads, knowing `known` (key → record, or nil when gone).
    func fresh(knowing known: [Int: Record?]) -> LazySource<Record> {
        let s = LazySource(fetchAll: fetchAll, fetchOne: fetchOne, fetchCount: fetchCount, lookup: lookup)
        s.some = known
        return s
    }

    func count() -> Int {
        lock.withLock {
            if let allRecords { return allRecords.reduce(0) { $0 + $1.count } }
            if let counted { return counted }
            let n = (try? fetchCount()) ?? 0
            counted = n
            return n
        }
    }
}

/// One collection: in memory (records spread over shards, as the shard files of formats 1–3
/// held them), or read from the database only as far as asked, with this process's changes on
/// top. So opening the store reads nothing but what the first screen shows.
struct Table<Record: StoredRecord>: Sendable {
    private var stored: [[Int: Record]]?
    private var source: LazySource<Record>?
    /// Changes made to a table read from the database: key → its shard and the record, or nil
    /// when removed.
    private var overlay: [Int: (shard: Int, record: Record?)] = [:]
    private let shardCount: Int

    /// An empty table with `shardCount` shards.
    public init(shardCount: Int) {
        self.shardCount = max(shardCount, 1)
        stored = Array(repeating: [:], count: max(shardCount, 1))
    }

    /// A table read from the database when asked.
    init(shardCount: Int, source: LazySource<Record>) {
        self.shardCount = max(shardCount, 1)
        self.source = source
    }

    /// True while the table is read from the database only as far as asked, with no change on
    /// top: then a query may ask the database which records to read.
    var isPartial: Bool { source.map { !$0.isComplete } ?? false && overlay.isEmpty }

    /// True when the table is read from the database and holds no change of its own (read whole
    /// or not): then the database says which records there are.
    var readsDatabase: Bool { source != nil && overlay.isEmpty }

    /// For a partial table: the record with this key as already read, or else `decode()`'s.
    func known(_ key: Int, or decode: () throws -> Record) rethrows -> Record {
        guard let source, isPartial else { return try decode() }
        return try source.known(key, or: decode)
    }

    /// The keys the database finds for `value`; nil when the table has no such index or holds
    /// changes of its own (then look through `all`).
    func keys(matching value: TableLookup) -> [Int]? {
        guard isPartial, let lookup = source?.lookup else { return nil }
        do { return try lookup(value) } catch { source?.noteDamage(error); return nil }
    }

    /// What went wrong reading a record, if anything did.
    var damage: Error? { source?.damage }

    /// Notes a record that could not be read by a query of its own (changes are then refused).
    func noteDamage(_ error: Error) { source?.noteDamage(error) }

    /// The table once its changes are in the database: what was read stays read (a change
    /// does not make the next screen read the whole collection again), with the changes in it.
    func settled() -> Table {
        guard let source, !overlay.isEmpty else { return self }
        var t = self
        t.overlay = [:]
        t.source = source.isComplete ? source.completed(with: overlay) : source.fresh(knowing: overlay.mapValues(\.record))
        return t
    }

    /// Records per shard, keyed by `storageKey` (reads the whole collection).
    public internal(set) var shards: [[Int: Record]] {
        get {
            if let stored { return stored }
            var all = source!.shards(shardCount)
            for (key, change) in overlay { all[change.shard][key] = change.record }
            return all
        }
        set {
            stored = newValue
            source = nil
            overlay = [:]
        }
    }

    /// The shard a record with this shard key lives in.
    public func shardIndex(forKey key: Int) -> Int {
        ((key % shardCount) + shardCount) % shardCount
    }

    /// A record already in memory (changed here, or read before), without reading the database.
    func knownRecord(_ key: Int) -> Record? {
        if let stored { return stored.lazy.compactMap { $0[key] }.first }
        if let changed = overlay[key] { return changed.record }
        return source?.peek(key)
    }

    /// Looks a record up by key.
    public subscript(key: Int) -> Record? {
        if let stored { return stored[shardIndex(forKey: key)][key] }
        if let changed = overlay[key] { return changed.record }
        return source!.one(key, shardCount: shardCount)
    }

    /// Every record, in no particular order.
    public var all: FlattenSequence<LazyMapSequence<[[Int: Record]], Dictionary<Int, Record>.Values>> {
        shards.lazy.map(\.values).joined()
    }

    /// Number of records.
    public var count: Int {
        if let stored { return stored.reduce(0) { $0 + $1.count } }
        if overlay.isEmpty { return source!.count() }
        return shards.reduce(0) { $0 + $1.count }
    }

    /// Inserts or replaces a record; returns the shard touched.
    @discardableResult
    public mutating func put(_ record: Record) -> Int {
        let s = shardIndex(forKey: record.shardKey)
        if stored != nil { stored![s][record.storageKey] = record } else { overlay[record.storageKey] = (s, record) }
        return s
    }

    /// Removes a record; returns the shard touched.
    @discardableResult
    public mutating func remove(_ record: Record) -> Int {
        let s = shardIndex(forKey: record.shardKey)
        if stored != nil { stored![s].removeValue(forKey: record.storageKey) } else { overlay[record.storageKey] = (s, nil) }
        return s
    }
}

/// What an index of the database is asked for (`Table.keys(matching:)`).
enum TableLookup: Sendable {
    /// Accounts by e-mail address (as `Store.accountEmailKey` writes it).
    case email(String)
    /// Accounts that may want a notification of something new in `wijk` (nil: anywhere) on one
    /// of `topics` (folded: `AgendaSearch.fold`): their toggle on, not blocked, one of their interests a topic.
    case interested(wijk: Int?, topics: [String])
    /// Posts placed by this account (as themselves, not for an organisation).
    case postsBy(account: Int)
}
