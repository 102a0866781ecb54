import Foundation

/// The records of one shard after loading, by collection.
enum LoadedShard: Sendable {
    case settings([SettingsRecord])
    case accounts([Account])
    case organisations([Organisation])
    case agenda([AgendaItem])
    case posts([Post])
    case messages([ContactMessage])
    case audit([AuditEvent])
    case intakes([Intake])
    case disclosures([Disclosure])
    case outbox([OutboxMessage])
    case drafts([IntakeDraft])
    case reports([Report])
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

    /// First bytes of every data file.
    static let magic: [UInt8] = Array("SHUSDATA".utf8)

    /// Encodes one shard of `state`: magic, format, collection, shard, count, records by key.
    static func encode(_ ref: ShardRef, of state: StoreState) throws -> (data: Data, count: Int) {
        func enc<R: StoredRecord>(_ table: Table<R>) -> (Data, Int) {
            let records = table.shards[ref.shard].values.sorted { $0.storageKey < $1.storageKey }
            var w = BinaryWriter()
            w.array(magic) { $0.uint(UInt64($1)) }
            w.uint(UInt64(Manifest.currentFormat))
            w.string(ref.collection.rawValue)
            w.uint(UInt64(ref.shard))
            w.array(records) { w, r in r.write(to: &w) }
            return (Data(w.bytes), records.count)
        }
        switch ref.collection {
        case .settings: return enc(state.settingsTable)
        case .accounts: return enc(state.accounts)
        case .organisations: return enc(state.organisations)
        case .agenda: return enc(state.agenda)
        case .posts: return enc(state.posts)
        case .messages: return enc(state.messages)
        case .audit: return enc(state.audit)
        case .intakes: return enc(state.intakes)
        case .disclosures: return enc(state.disclosures)
        case .outbox: return enc(state.outbox)
        case .drafts: return enc(state.drafts)
        case .reports: return enc(state.reports)
        }
    }

    /// Decodes one data file, checking that it is one and belongs where the manifest says.
    static func decode(_ data: Data, ref: ShardRef, displayName: String) throws -> LoadedShard {
        func dec<R: StoredRecord>(_: R.Type) throws -> [R] {
            try data.withUnsafeBytes { buf in
                var r = BinaryReader(buf)
                do {
                    let head = try r.array { UInt8(truncatingIfNeeded: try $0.uint()) }
                    guard head == magic else { throw CoreError.storeCorrupt(file: displayName, problem: .unreadable(detail: "not a SociaalHus data file")) }
                    let formatAt = r.offset
                    // Numbers from disk are converted only when they fit (a huge one trapped here).
                    guard let format = Int(exactly: try r.uint()), format >= 1 else { throw BinaryReader.Damage(offset: formatAt, expected: "format") }
                    if format > Manifest.currentFormat {
                        throw CoreError.storeNewerFormat(file: displayName, found: format, known: Manifest.currentFormat)
                    }
                    r.format = format
                    let collection = try r.string()
                    let shardAt = r.offset
                    guard let shard = Int(exactly: try r.uint()) else { throw BinaryReader.Damage(offset: shardAt, expected: "shard number") }
                    guard collection == ref.collection.rawValue, shard == ref.shard else {
                        throw CoreError.storeCorrupt(file: displayName, problem: .misplaced)
                    }
                    let records = try r.array { try R(from: &$0) }
                    guard r.atEnd else { throw BinaryReader.Damage(offset: r.offset, expected: "end of file") }
                    return records
                } catch let damage as BinaryReader.Damage {
                    throw CoreError.storeCorrupt(file: displayName, problem: .unreadable(detail: damage.description))
                }
            }
        }
        switch ref.collection {
        case .settings: return .settings(try dec(SettingsRecord.self))
        case .accounts: return .accounts(try dec(Account.self))
        case .organisations: return .organisations(try dec(Organisation.self))
        case .agenda: return .agenda(try dec(AgendaItem.self))
        case .posts: return .posts(try dec(Post.self))
        case .messages: return .messages(try dec(ContactMessage.self))
        case .audit: return .audit(try dec(AuditEvent.self))
        case .intakes: return .intakes(try dec(Intake.self))
        case .disclosures: return .disclosures(try dec(Disclosure.self))
        case .outbox: return .outbox(try dec(OutboxMessage.self))
        case .drafts: return .drafts(try dec(IntakeDraft.self))
        case .reports: return .reports(try dec(Report.self))
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
        case .intakes(let r): fill(&intakes, r)
        case .disclosures(let r): fill(&disclosures, r)
        case .outbox(let r): fill(&outbox, r)
        case .drafts(let r): fill(&drafts, r)
        case .reports(let r): fill(&reports, r)
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
        case .intakes: intakes.shards[ref.shard] = [:]
        case .disclosures: disclosures.shards[ref.shard] = [:]
        case .outbox: outbox.shards[ref.shard] = [:]
        case .drafts: drafts.shards[ref.shard] = [:]
        case .reports: reports.shards[ref.shard] = [:]
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
        case .intakes: intakes.shards[ref.shard].count
        case .disclosures: disclosures.shards[ref.shard].count
        case .outbox: outbox.shards[ref.shard].count
        case .drafts: drafts.shards[ref.shard].count
        case .reports: reports.shards[ref.shard].count
        }
    }
}
