import Foundation

/// A change in progress: a copy of the latest state plus the records it put or removed.
///
/// A transaction is made under the store's exclusive lock against the state just re-read from
/// disk, so no other process's change is lost; it reaches disk whole or not at all.
struct Transaction {
    /// The state with the changes made so far.
    var state: StoreState
    /// The moment of the change (from the store's clock).
    let now: Date
    /// The records to write (their encoding) or delete, by collection and key.
    var changes: [RecordRef: RecordChange] = [:]
    /// Maildir files to write into `mail/new` with the commit (name, contents).
    var mailToWrite: [(String, Data)] = []
    /// Maildir files to remove once the commit is durable (paths relative to `mail/`).
    var mailToRemove: [String] = []
    /// Profile photos to write into `photos/` with the commit (name, contents).
    var photosToWrite: [(String, Data)] = []
    /// Profile photos to remove once the commit is durable (names in `photos/`).
    var photosToRemove: [String] = []
    /// Statements on tables outside the record collections (such as `reset_code`), run in the
    /// same SQLite transaction after the records: they land with the change or not at all.
    var statements: [(sql: String, args: [Any?])] = []
    /// Set while a desk member acts for a resident ("namens"): what the resident's account does
    /// is logged as done by the helper, marked "namens" (see `AuditEvent.onBehalfMark`).
    var onBehalf: (resident: AccountID, helper: AccountID)?
    /// The last id handed out in this change per side table (see `nextRowID`).
    private var lastRowIDs: [String: Int] = [:]
    /// Set while the operator's command line makes the change: what no account did is logged
    /// as the operator's (see `AuditEvent.commandLineMark`).
    var byCommandLine = false

    init(state: StoreState, now: Date) {
        self.state = state
        self.now = now
    }

    /// Hands out the next id of a collection.
    mutating func nextID<E>(_ collection: CollectionName) -> ID<E> {
        let next = (state.manifest.lastIDs[collection] ?? 0) + 1
        state.manifest.lastIDs[collection] = next
        return ID(next)
    }

    /// Hands out the next id of a side table (such as `signup`), whose rows are written by
    /// `statements` at the commit: the largest stored id is read once, under the write lock,
    /// and the ids this change already handed out are counted here, not read from the SQL.
    mutating func nextRowID(_ table: SideTable, in db: Database) throws -> Int {
        let last = try lastRowIDs[table.rawValue] ?? db.integer("SELECT coalesce(max(id), 0) FROM \(table.rawValue)")
        lastRowIDs[table.rawValue] = last + 1
        return last + 1
    }

    /// Side tables whose ids a change hands out.
    enum SideTable: String {
        case signup
    }

    /// Inserts or replaces an account.
    mutating func put(_ r: Account) { state.accounts.put(r); changes[RecordRef(r)] = .put(r) }
    /// Inserts or replaces an organisation.
    mutating func put(_ r: Organisation) { state.organisations.put(r); changes[RecordRef(r)] = .put(r) }
    /// Inserts or replaces an agenda item.
    mutating func put(_ r: AgendaItem) { state.agenda.put(r); changes[RecordRef(r)] = .put(r) }
    /// Inserts or replaces a post.
    mutating func put(_ r: Post) { state.posts.put(r); changes[RecordRef(r)] = .put(r) }
    /// Inserts or replaces a contact message.
    mutating func put(_ r: ContactMessage) { state.messages.put(r); changes[RecordRef(r)] = .put(r) }
    /// Inserts an audit event as it is.
    mutating func put(_ r: AuditEvent) { state.audit.put(r); changes[RecordRef(r)] = .put(r) }
    /// Inserts or replaces an intake.
    mutating func put(_ r: Intake) { state.intakes.put(r); changes[RecordRef(r)] = .put(r) }
    /// Inserts a disclosure entry.
    mutating func put(_ r: Disclosure) { state.disclosures.put(r); changes[RecordRef(r)] = .put(r) }
    /// Inserts or replaces an outgoing message.
    mutating func put(_ r: OutboxMessage) { state.outbox.put(r); changes[RecordRef(r)] = .put(r) }
    /// Inserts or replaces a report.
    mutating func put(_ r: Report) { state.reports.put(r); changes[RecordRef(r)] = .put(r) }
    /// Inserts or replaces a staff member's draft.
    mutating func put(_ r: IntakeDraft) { state.drafts.put(r); changes[RecordRef(r)] = .put(r) }

    /// Removes an account.
    mutating func remove(_ r: Account) { state.accounts.remove(r); changes[RecordRef(r)] = .delete }
    /// Removes an organisation.
    mutating func remove(_ r: Organisation) { state.organisations.remove(r); changes[RecordRef(r)] = .delete }
    /// Removes an agenda item.
    mutating func remove(_ r: AgendaItem) { state.agenda.remove(r); changes[RecordRef(r)] = .delete }
    /// Removes a post.
    mutating func remove(_ r: Post) { state.posts.remove(r); changes[RecordRef(r)] = .delete }
    /// Removes a contact message.
    mutating func remove(_ r: ContactMessage) { state.messages.remove(r); changes[RecordRef(r)] = .delete }
    /// Removes an audit event.
    mutating func remove(_ r: AuditEvent) { state.audit.remove(r); changes[RecordRef(r)] = .delete }
    /// Removes an intake.
    mutating func remove(_ r: Intake) { state.intakes.remove(r); changes[RecordRef(r)] = .delete }
    /// Removes a disclosure entry.
    mutating func remove(_ r: Disclosure) { state.disclosures.remove(r); changes[RecordRef(r)] = .delete }
    /// Removes an outgoing message.
    mutating func remove(_ r: OutboxMessage) { state.outbox.remove(r); changes[RecordRef(r)] = .delete }
    /// Removes a report.
    mutating func remove(_ r: Report) { state.reports.remove(r); changes[RecordRef(r)] = .delete }
    /// Removes a draft.
    mutating func remove(_ r: IntakeDraft) { state.drafts.remove(r); changes[RecordRef(r)] = .delete }

    /// Replaces the platform settings.
    mutating func setSettings(_ settings: PlatformSettings) {
        let r = SettingsRecord(settings: settings)
        state.settingsTable.put(r)
        changes[RecordRef(r)] = .put(r)
    }

    /// Records an audit event (ids only, never personal data).
    mutating func audit(_ action: AuditEvent.Action, actor: AccountID?, subject: AccountID?, target: String? = nil) {
        let id: AuditEventID = nextID(.audit)
        // Here, in the one place every event passes, so no operation can forget it: what the
        // resident's account did while a desk member helped was done by that desk member.
        if let o = onBehalf, actor == o.resident {
            put(AuditEvent(id: id, actor: o.helper, action: action, subject: subject, target: AuditEvent.markedOnBehalf(target), at: now))
            return
        }
        let target = actor == nil && byCommandLine ? AuditEvent.markedByCommandLine(target) : target
        put(AuditEvent(id: id, actor: actor, action: action, subject: subject, target: target, at: now))
    }

    /// Queues an e-mail: a record in the outbox and, with the commit, its RFC 5322 file in the
    /// Maildir. Throws (and queues nothing) when an address or header is not acceptable.
    @discardableResult
    mutating func queueMail(_ m: MailMessage, kind: OutboxMessage.Kind, accounts: [AccountID], organisation: OrganisationID? = nil,
                                   intake: IntakeID? = nil, about: ContentRef? = nil) throws -> OutboxMessage {
        let id: OutboxMessageID = nextID(.outbox)
        let messageID = "\(UUID().uuidString.lowercased()).\(id)@" + (state.settings.mailFrom.split(separator: "@").last.map(String.init) ?? "sociaalhus.invalid")
        let text = try RFC5322.render(m, from: state.settings.mailFrom, date: now, messageID: messageID)
        let name = "\(Int(now.timeIntervalSince1970)).\(UUID().uuidString.lowercased()).sociaalhus"
        mailToWrite.append((name, Data(text.utf8)))
        let record = OutboxMessage(id: id, kind: kind, organisation: organisation, accounts: accounts, to: m.to, subject: m.subject,
                                   body: m.body, created: now, intake: intake, file: "new/" + name, about: about)
        put(record)
        return record
    }

    /// Removes an outgoing message and, once the change is durable, its Maildir file.
    mutating func removeMail(_ r: OutboxMessage) {
        remove(r)
        // A file handed over just before a stop may already be in cur/ under its sent name.
        if let f = r.file { mailToRemove.append(f); if f.hasPrefix("new/") { mailToRemove.append(Store.sentName(f)) } }
    }

}

/// One record of one collection.
struct RecordRef: Hashable, Comparable, Sendable {
    var collection: CollectionName
    var key: Int

    init<R: StoredRecord>(_ r: R) {
        collection = R.collection
        key = r.storageKey
    }

    static func < (a: RecordRef, b: RecordRef) -> Bool { (a.collection.rawValue, a.key) < (b.collection.rawValue, b.key) }
}

/// What a change does to one record.
enum RecordChange: Sendable {
    /// The record as it is to be written.
    case put(any StoredRecord)
    case delete
}

/// One shard of one collection (the shard files of format 1–3, read when a store is migrated).
struct ShardRef: Hashable, Comparable, Sendable {
    var collection: CollectionName
    var shard: Int

    static func < (a: ShardRef, b: ShardRef) -> Bool {
        (a.collection.rawValue, a.shard) < (b.collection.rawValue, b.shard)
    }
}
