import Foundation

/// Everything in the store, in memory: a value, so a change is made on a copy and only becomes
/// the current state once it is safely on disk.
struct StoreState: Sendable {
    /// The format, generation and id counters the state corresponds to (and, for a store of
    /// formats 1–3 being migrated, its shard files).
    public internal(set) var manifest: Manifest
    var settingsTable: Table<SettingsRecord>
    /// Accounts with their profiles.
    public internal(set) var accounts: Table<Account>
    /// The directory of organisations.
    public internal(set) var organisations: Table<Organisation>
    /// Agenda items.
    public internal(set) var agenda: Table<AgendaItem>
    /// Prikbord posts.
    public internal(set) var posts: Table<Post>
    /// Contact messages.
    public internal(set) var messages: Table<ContactMessage>
    /// Audit events.
    public internal(set) var audit: Table<AuditEvent>
    // The intake collections are not public: screens reach them only through the store's
    // methods, which check the role and log every opening (Store+Intake.swift).
    /// Intake conversations (desk staff only).
    var intakes: Table<Intake>
    /// Records of data passed to organisations.
    var disclosures: Table<Disclosure>
    /// Messages waiting to be sent.
    var outbox: Table<OutboxMessage>
    /// Unsaved intake forms, one per staff member.
    var drafts: Table<IntakeDraft>
    /// Reports and takedown notices, with what was done.
    public internal(set) var reports: Table<Report>

    /// An empty state for `manifest`'s shard counts.
    init(manifest: Manifest) {
        self.manifest = manifest
        func n(_ c: CollectionName) -> Int { manifest.collections[c]?.shards ?? c.defaultShardCount }
        settingsTable = Table(shardCount: n(.settings))
        accounts = Table(shardCount: n(.accounts))
        organisations = Table(shardCount: n(.organisations))
        agenda = Table(shardCount: n(.agenda))
        posts = Table(shardCount: n(.posts))
        messages = Table(shardCount: n(.messages))
        audit = Table(shardCount: n(.audit))
        intakes = Table(shardCount: n(.intakes))
        disclosures = Table(shardCount: n(.disclosures))
        outbox = Table(shardCount: n(.outbox))
        drafts = Table(shardCount: n(.drafts))
        reports = Table(shardCount: n(.reports))
    }

    /// Runs `visitor` on the table of collection `c`: the one place that maps a collection to
    /// its table, for the code that works on any of them.
    mutating func visit<V: TableVisitor>(_ c: CollectionName, _ visitor: V) throws(V.Failure) {
        switch c {
        case .settings: try visitor.visit(&settingsTable)
        case .accounts: try visitor.visit(&accounts)
        case .organisations: try visitor.visit(&organisations)
        case .agenda: try visitor.visit(&agenda)
        case .posts: try visitor.visit(&posts)
        case .messages: try visitor.visit(&messages)
        case .audit: try visitor.visit(&audit)
        case .intakes: try visitor.visit(&intakes)
        case .disclosures: try visitor.visit(&disclosures)
        case .outbox: try visitor.visit(&outbox)
        case .drafts: try visitor.visit(&drafts)
        case .reports: try visitor.visit(&reports)
        }
    }

    /// Every table with its changes folded into what it had read (after a commit).
    mutating func settle() {
        struct Settle: TableVisitor {
            typealias Failure = Never
            func visit<R: StoredRecord>(_ table: inout Table<R>) { table = table.settled() }
        }
        for c in CollectionName.allCases { visit(c, Settle()) }
    }

    /// The platform settings.
    public var settings: PlatformSettings {
        settingsTable[1]?.settings ?? PlatformSettings()
    }

    /// True when collection `c` is read from the database only as far as asked, with no changes on top.
    func isPartial(_ c: CollectionName) -> Bool {
        // Through `visit`, the one place that maps a collection to its table (a copy: visiting
        // takes the tables inout; the copy shares them).
        final class Partial: TableVisitor {
            typealias Failure = Never
            var answer = false
            func visit<R: StoredRecord>(_ table: inout Table<R>) { answer = table.isPartial }
        }
        var copy = self
        let partial = Partial()
        copy.visit(c, partial)
        return partial.answer
    }

    /// The account with this e-mail address (already normalised).
    public func account(email: String) -> Account? {
        // Through the e-mail column when the accounts are read from the database (a login or a
        // command reads one account, not all of them).
        if let keys = accounts.keys(matching: .email(Store.accountEmailKey(email))) {
            return keys.compactMap { accounts[$0] }.first { $0.email == email }
        }
        return accounts.all.first { $0.email == email }
    }

    /// The wijk with this name (case-insensitive) or number.
    public func wijk(named name: String) -> Wijk? {
        let n = name.trimmingCharacters(in: .whitespaces).lowercased()
        return settings.wijken.first { $0.name.lowercased() == n || String($0.id.rawValue) == n }
    }

    /// The wijk with this id.
    public func wijk(_ id: WijkID) -> Wijk? {
        settings.wijken.first { $0.id == id }
    }

    /// The organisation with this name (case-insensitive) or number.
    public func organisation(named name: String) -> Organisation? {
        let n = name.trimmingCharacters(in: .whitespaces).lowercased()
        if let id = Int(n), let o = organisations[id] { return o }
        return organisations.all.first { $0.name.lowercased() == n }
    }

    /// The accounts that edit an organisation.
    public func editors(of organisation: OrganisationID) -> [Account] {
        accounts.all.filter { Permissions.edits(organisation, .account($0)) }.sorted { $0.id < $1.id }
    }
}

/// Work on a table of any collection (see `StoreState.visit`).
protocol TableVisitor {
    /// `Never` for work that cannot fail.
    associatedtype Failure: Error
    func visit<R: StoredRecord>(_ table: inout Table<R>) throws(Failure)
}
