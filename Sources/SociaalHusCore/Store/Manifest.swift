import Foundation

/// The format version, a generation number and the id counters of the store in memory; in a
/// store of formats 1–3 (read once, to be moved into the database) also its table of contents,
/// `manifest.json`, naming for every shard the data file that holds it, with its size and CRC-32.
public struct Manifest: Codable, Sendable, Equatable {
    /// The newest format this program knows.
    /// Format 2 added the intake retention setting and the intake, disclosure, outbox and
    /// draft collections; format 1 files are still read. Format 3 added the login-throttle
    /// fields of the settings record and the report reason of a moderator's message, so an
    /// older program says "newer format" instead of calling such a file damaged.
    public static let currentFormat = 3

    /// One data file.
    public struct FileEntry: Codable, Sendable, Equatable {
        /// File name inside `data/`.
        public var file: String
        /// Size in bytes.
        public var size: Int
        /// CRC-32 of the contents.
        public var crc: UInt32
    }

    /// One collection: its shard count and the file per non-empty shard.
    public struct CollectionEntry: Codable, Sendable, Equatable {
        /// Number of shards.
        public var shards: Int
        /// File per shard index (absent: the shard is empty).
        public var files: [String: FileEntry]
    }

    /// Format version of the store.
    public var format: Int
    /// Incremented by every change.
    public var generation: Int
    /// The last id handed out, per collection.
    public var lastIDs: [CollectionName: Int]
    /// The collections.
    public var collections: [CollectionName: CollectionEntry]

    /// A manifest for an empty store.
    public static func empty() -> Manifest {
        var collections: [CollectionName: CollectionEntry] = [:]
        for c in CollectionName.allCases { collections[c] = CollectionEntry(shards: c.defaultShardCount, files: [:]) }
        return Manifest(format: currentFormat, generation: 0, lastIDs: [:], collections: collections)
    }

    /// The manifest with the collections added since its format as empty ones, so an older
    /// store opens and the first change writes it in the current format.
    func upgraded() -> Manifest {
        var m = self
        for c in CollectionName.allCases where m.collections[c] == nil && m.format < Manifest.currentFormat {
            m.collections[c] = CollectionEntry(shards: c.defaultShardCount, files: [:])
        }
        return m
    }

    /// The most shards a collection may have (the defaults are at most 256).
    public static let maximumShards = 4096

    /// Throws when a number or name in the manifest is out of bounds: every number read from
    /// disk is checked before it sizes a table or names a file.
    func validate() throws {
        func bad(_ detail: String) -> CoreError { .storeCorrupt(file: "manifest.json", problem: .unreadable(detail: detail)) }
        guard format >= 1 else { throw bad("format \(format)") }
        guard generation >= 0 else { throw bad("generation \(generation)") }
        for (c, id) in lastIDs where id < 0 { throw bad("last id of \(c.rawValue)") }
        for (c, entry) in collections {
            guard (1...Self.maximumShards).contains(entry.shards) else { throw bad("\(entry.shards) shards in \(c.rawValue)") }
            for (key, file) in entry.files {
                guard let shard = Int(key), shard >= 0, shard < entry.shards, String(shard) == key else { throw bad("shard \(key) of \(c.rawValue)") }
                guard (0...DurableFile.maximumSize).contains(file.size) else { throw bad("size of \(file.file)") }
                guard !file.file.isEmpty, !file.file.contains("/"), !file.file.hasPrefix("."), file.file.utf8.count < 200 else { throw bad("file name in \(c.rawValue)") }
            }
        }
    }

    /// The entry for one shard, if it has a file.
    public func entry(_ c: CollectionName, _ shard: Int) -> FileEntry? {
        collections[c]?.files[String(shard)]
    }

    /// Every file name the manifest refers to.
    public var referencedFiles: Set<String> {
        Set(collections.values.flatMap { $0.files.values.map(\.file) })
    }
}

/// Just the format number, read first so a newer store is refused with the right message.
struct FormatProbe: Decodable {
    var format: Int
}
