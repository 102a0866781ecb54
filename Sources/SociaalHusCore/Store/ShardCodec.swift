import Foundation

/// The contents of one data file: a format number, where it belongs, and its records.
struct ShardFile<R: StoredRecord>: Codable {
    var format: Int
    var collection: CollectionName
    var shard: Int
    var records: [R]
}

/// The records of one shard after loading, by collection.
enum LoadedShard: Sendable {
    case settings([SettingsRecord])
    case accounts([Account])
    case organisations([Organisation])
    case agenda([AgendaItem])
    case posts([Post])
    case messages([ContactMessage])
    case audit([AuditEvent])
}

/// Encoding and decoding of shard files.
enum ShardCodec {
    static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.dateEncodingStrategy = .secondsSince1970
        e.outputFormatting = [.sortedKeys]
        return e
    }

    static func decoder() -> JSONDecoder {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .secondsSince1970
        return d
    }

    /// Encodes one shard of `state`.
    static func encode(_ ref: ShardRef, of state: StoreState) throws -> (data: Data, count: Int) {
        func enc<R: StoredRecord>(_ table: Table<R>) throws -> (Data, Int) {
            let records = table.shards[ref.shard].values.sorted { $0.storageKey < $1.storageKey }
            let file = ShardFile(format: Manifest.currentFormat, collection: ref.collection, shard: ref.shard, records: records)
            return (try encoder().encode(file), records.count)
        }
        switch ref.collection {
        case .settings: return try enc(state.settingsTable)
        case .accounts: return try enc(state.accounts)
        case .organisations: return try enc(state.organisations)
        case .agenda: return try enc(state.agenda)
        case .posts: return try enc(state.posts)
        case .messages: return try enc(state.messages)
        case .audit: return try enc(state.audit)
        }
    }

    /// Decodes one shard file, checking that it belongs where the manifest says.
    static func decode(_ data: Data, ref: ShardRef, displayName: String) throws -> LoadedShard {
        func dec<R: StoredRecord>(_: R.Type) throws -> [R] {
            let file: ShardFile<R>
            do {
                file = try decoder().decode(ShardFile<R>.self, from: data)
            } catch {
                if let probe = try? decoder().decode(FormatProbe.self, from: data), probe.format > Manifest.currentFormat {
                    throw CoreError.storeNewerFormat(file: displayName, found: probe.format, known: Manifest.currentFormat)
                }
                throw CoreError.storeCorrupt(file: displayName, problem: .unreadable(detail: describe(error)))
            }
            if file.format > Manifest.currentFormat {
                throw CoreError.storeNewerFormat(file: displayName, found: file.format, known: Manifest.currentFormat)
            }
            guard file.collection == ref.collection, file.shard == ref.shard else {
                throw CoreError.storeCorrupt(file: displayName, problem: .misplaced)
            }
            return file.records
        }
        switch ref.collection {
        case .settings: return .settings(try dec(SettingsRecord.self))
        case .accounts: return .accounts(try dec(Account.self))
        case .organisations: return .organisations(try dec(Organisation.self))
        case .agenda: return .agenda(try dec(AgendaItem.self))
        case .posts: return .posts(try dec(Post.self))
        case .messages: return .messages(try dec(ContactMessage.self))
        case .audit: return .audit(try dec(AuditEvent.self))
        }
    }

    /// A short description of a decoding error: what and where.
    static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let c): return c.debugDescription
        case DecodingError.keyNotFound(let k, let c): return "missing '\(k.stringValue)' at \(path(c.codingPath))"
        case DecodingError.typeMismatch(_, let c): return "wrong type at \(path(c.codingPath))"
        case DecodingError.valueNotFound(_, let c): return "missing value at \(path(c.codingPath))"
        default: return String(describing: error)
        }
    }

    private static func path(_ keys: [CodingKey]) -> String {
        keys.isEmpty ? "top level" : keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}

extension StoreState {
    /// Replaces one shard with loaded records.
    mutating func install(_ loaded: LoadedShard, shard: Int) {
        func fill<R>(_ table: inout Table<R>, _ records: [R]) {
            var dict: [Int: R] = [:]
            dict.reserveCapacity(records.count)
            for r in records { dict[r.storageKey] = r }
            table.shards[shard] = dict
        }
        switch loaded {
        case .settings(let r): fill(&settingsTable, r)
        case .accounts(let r): fill(&accounts, r)
        case .organisations(let r): fill(&organisations, r)
        case .agenda(let r): fill(&agenda, r)
        case .posts(let r): fill(&posts, r)
        case .messages(let r): fill(&messages, r)
        case .audit(let r): fill(&audit, r)
        }
    }

    /// Empties one shard.
    mutating func clear(_ ref: ShardRef) {
        switch ref.collection {
        case .settings: settingsTable.shards[ref.shard] = [:]
        case .accounts: accounts.shards[ref.shard] = [:]
        case .organisations: organisations.shards[ref.shard] = [:]
        case .agenda: agenda.shards[ref.shard] = [:]
        case .posts: posts.shards[ref.shard] = [:]
        case .messages: messages.shards[ref.shard] = [:]
        case .audit: audit.shards[ref.shard] = [:]
        }
    }

    /// Number of records in one shard.
    func recordCount(_ ref: ShardRef) -> Int {
        switch ref.collection {
        case .settings: settingsTable.shards[ref.shard].count
        case .accounts: accounts.shards[ref.shard].count
        case .organisations: organisations.shards[ref.shard].count
        case .agenda: agenda.shards[ref.shard].count
        case .posts: posts.shards[ref.shard].count
        case .messages: messages.shards[ref.shard].count
        case .audit: audit.shards[ref.shard].count
        }
    }
}
