import Foundation

/// Frozen: the encoded records of schemas 1 to 8 (`FrozenRecordCoding`), read once when a store
/// moves into the typed tables of schema 9, and by the migrations before it.
enum LegacyRecords {
    /// The tables of records schema 1 made, one per collection of that time.
    static let collections = ["settings", "accounts", "organisations", "agenda", "posts", "messages", "audit",
                              "intakes", "disclosures", "outbox", "drafts", "reports"]

    /// A record's checksum as schemas 2 to 8 kept it: over its collection, its key and its bytes.
    static func checksum(_ c: String, _ id: Int, _ data: Data) -> UInt32 {
        var prefix = c + ":" + String(id) + ":"
        var crc = prefix.withUTF8 { CRC32.update(0xFFFF_FFFF, UnsafeRawBufferPointer($0)) }
        crc = data.withUnsafeBytes { CRC32.update(crc, $0) }
        return crc ^ 0xFFFF_FFFF
    }

    /// Decodes one encoded record, checking its checksum and that it sits under its own key.
    static func decode<R: StoredRecord>(_: R.Type, id: Int, crc: Int, data: Data, format: Int = 3) throws -> R {
        let place = "\(StoreSchema.fileName) (\(R.collection.rawValue) \(id))"
        guard checksum(R.collection.rawValue, id, data) == UInt32(truncatingIfNeeded: crc) else {
            throw CoreError.storeCorrupt(file: place, problem: .checksumMismatch)
        }
        let r: R = try data.withUnsafeBytes { buf in
            var reader = BinaryReader(buf)
            reader.format = format
            do {
                let r = try R(from: &reader)
                guard reader.atEnd else { throw BinaryReader.Damage(offset: reader.offset, expected: "end of record") }
                return r
            } catch let damage as BinaryReader.Damage {
                throw CoreError.storeCorrupt(file: place, problem: .unreadable(detail: damage.description))
            }
        }
        guard r.storageKey == id else { throw CoreError.storeCorrupt(file: place, problem: .misplaced) }
        return r
    }

    /// Every encoded record of `R`'s collection in `db` (a schema before 9).
    static func read<R: StoredRecord>(_: R.Type, from db: Database) throws -> [R] {
        let s = try db.prepare("SELECT id, crc, data FROM \(R.collection.rawValue)")
        var out: [R] = []
        while try s.step() { out.append(try decode(R.self, id: s.int(0), crc: s.int(1), data: s.data(2))) }
        return out
    }

    /// Every record of a database of a schema before 9.
    static func load(from db: Database) throws -> StoreState {
        struct Load: TableVisitor {
            let db: Database
            func visit<R: StoredRecord>(_ table: inout Table<R>) throws(Error) {
                var t = Table<R>(shardCount: R.collection.defaultShardCount)
                for r in try LegacyRecords.read(R.self, from: db) { t.put(r) }
                table = t
            }
        }
        var state = StoreState(manifest: .empty())
        for c in CollectionName.allCases { try state.visit(c, Load(db: db)) }
        return state
    }
}
