import Foundation

/// The collections of the store, each kept as a set of shard files.
public enum CollectionName: String, CaseIterable, Codable, Sendable, CodingKeyRepresentable {
    case settings, accounts, organisations, agenda, posts, messages, audit
    case intakes, disclosures, outbox, drafts, reports

    /// How many shard files a collection is spread over: a change rewrites one shard, so the
    /// cost of a change stays near one record's worth even at ten times Borne's size.
    public var defaultShardCount: Int {
        switch self {
        case .settings: 1
        case .organisations, .drafts: 16
        case .accounts, .agenda, .posts, .messages, .audit, .intakes, .disclosures, .outbox: 256
        case .reports: 16
        }
    }
}

/// A record kept in a store collection.
public protocol StoredRecord: BinaryRecord, Sendable {
    /// The collection it belongs to.
    static var collection: CollectionName { get }
    /// Its unique internal number.
    var storageKey: Int { get }
    /// The number that picks its shard (usually `storageKey`).
    var shardKey: Int { get }
}

extension StoredRecord {
    public var shardKey: Int { storageKey }
}

extension Account: StoredRecord {
    public static var collection: CollectionName { .accounts }
    public var storageKey: Int { id.rawValue }
}
extension Organisation: StoredRecord {
    public static var collection: CollectionName { .organisations }
    public var storageKey: Int { id.rawValue }
}
extension AgendaItem: StoredRecord {
    public static var collection: CollectionName { .agenda }
    public var storageKey: Int { id.rawValue }
}
extension Post: StoredRecord {
    public static var collection: CollectionName { .posts }
    public var storageKey: Int { id.rawValue }
}
extension ContactMessage: StoredRecord {
    public static var collection: CollectionName { .messages }
    public var storageKey: Int { id.rawValue }
}
extension AuditEvent: StoredRecord {
    public static var collection: CollectionName { .audit }
    public var storageKey: Int { id.rawValue }
    /// Events are grouped by the person they concern, so erasing a person rewrites one shard.
    public var shardKey: Int { subject?.rawValue ?? id.rawValue }
}

extension Intake: StoredRecord {
    public static var collection: CollectionName { .intakes }
    public var storageKey: Int { id.rawValue }
}
extension Disclosure: StoredRecord {
    public static var collection: CollectionName { .disclosures }
    public var storageKey: Int { id.rawValue }
}
extension OutboxMessage: StoredRecord {
    public static var collection: CollectionName { .outbox }
    public var storageKey: Int { id.rawValue }
}
extension Report: StoredRecord {
    public static var collection: CollectionName { .reports }
    public var storageKey: Int { id.rawValue }
}
extension IntakeDraft: StoredRecord {
    public static var collection: CollectionName { .drafts }
    /// One draft per staff member.
    public var storageKey: Int { staff.rawValue }
}

/// The platform settings as a one-record collection.
public struct SettingsRecord: StoredRecord, Hashable {
    public static var collection: CollectionName { .settings }
    public var storageKey: Int { 1 }
    /// The settings.
    public var settings: PlatformSettings
}

/// One collection in memory: records spread over shards exactly as in the files.
public struct Table<Record: StoredRecord>: Sendable {
    /// Records per shard, keyed by `storageKey`.
    public internal(set) var shards: [[Int: Record]]

    /// An empty table with `shardCount` shards.
    public init(shardCount: Int) {
        shards = Array(repeating: [:], count: max(shardCount, 1))
    }

    /// The shard a record with this shard key lives in.
    public func shardIndex(forKey key: Int) -> Int {
        ((key % shards.count) + shards.count) % shards.count
    }

    /// Looks a record up by key (for records whose shard key is their key).
    public subscript(key: Int) -> Record? {
        shards[shardIndex(forKey: key)][key]
    }

    /// Every record, in no particular order.
    public var all: FlattenSequence<LazyMapSequence<[[Int: Record]], Dictionary<Int, Record>.Values>> {
        shards.lazy.map(\.values).joined()
    }

    /// Number of records.
    public var count: Int { shards.reduce(0) { $0 + $1.count } }

    /// Inserts or replaces a record; returns the shard touched.
    @discardableResult
    public mutating func put(_ record: Record) -> Int {
        let s = shardIndex(forKey: record.shardKey)
        shards[s][record.storageKey] = record
        return s
    }

    /// Removes a record; returns the shard touched.
    @discardableResult
    public mutating func remove(_ record: Record) -> Int {
        let s = shardIndex(forKey: record.shardKey)
        shards[s].removeValue(forKey: record.storageKey)
        return s
    }
}
