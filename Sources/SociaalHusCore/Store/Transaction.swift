import Foundation

/// A change in progress: a copy of the latest state plus the shards it touched.
///
/// A transaction is made under the store's exclusive lock against the state just re-read from
/// disk, so no other process's change is lost; it reaches disk whole or not at all.
struct Transaction {
    /// The state with the changes made so far.
    var state: StoreState
    /// The moment of the change (from the store's clock).
    let now: Date
    /// The shards to rewrite.
    var dirty: Set<ShardRef> = []
    /// Maildir files to write into `mail/new` with the commit (name, contents).
    var mailToWrite: [(String, Data)] = []
    /// Maildir files to remove once the commit is durable (paths relative to `mail/`).
    var mailToRemove: [String] = []
    /// Profile photos to write into `photos/` with the commit (name, contents).
    var photosToWrite: [(String, Data)] = []
    /// Profile photos to remove once the commit is durable (names in `photos/`).
    var photosToRemove: [String] = []

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

    /// Inserts or replaces an account.
    mutating func put(_ r: Account) { mark(.accounts, state.accounts.put(r)) }
    /// Inserts or replaces an organisation.
    mutating func put(_ r: Organisation) { mark(.organisations, state.organisations.put(r)) }
    /// Inserts or replaces an agenda item.
    mutating func put(_ r: AgendaItem) { mark(.agenda, state.agenda.put(r)) }
    /// Inserts or replaces a post.
    mutating func put(_ r: Post) { mark(.posts, state.posts.put(r)) }
    /// Inserts or replaces a contact message.
    mutating func put(_ r: ContactMessage) { mark(.messages, state.messages.put(r)) }
    /// Inserts an audit event as it is.
    mutating func put(_ r: AuditEvent) { mark(.audit, state.audit.put(r)) }
    /// Inserts or replaces an intake.
    mutating func put(_ r: Intake) { mark(.intakes, state.intakes.put(r)) }
    /// Inserts a disclosure entry.
    mutating func put(_ r: Disclosure) { mark(.disclosures, state.disclosures.put(r)) }
    /// Inserts or replaces an outgoing message.
    mutating func put(_ r: OutboxMessage) { mark(.outbox, state.outbox.put(r)) }
    /// Inserts or replaces a report.
    mutating func put(_ r: Report) { mark(.reports, state.reports.put(r)) }
    /// Inserts or replaces a staff member's draft.
    mutating func put(_ r: IntakeDraft) { mark(.drafts, state.drafts.put(r)) }

    /// Removes an account.
    mutating func remove(_ r: Account) { mark(.accounts, state.accounts.remove(r)) }
    /// Removes an organisation.
    mutating func remove(_ r: Organisation) { mark(.organisations, state.organisations.remove(r)) }
    /// Removes an agenda item.
    mutating func remove(_ r: AgendaItem) { mark(.agenda, state.agenda.remove(r)) }
    /// Removes a post.
    mutating func remove(_ r: Post) { mark(.posts, state.posts.remove(r)) }
    /// Removes a contact message.
    mutating func remove(_ r: ContactMessage) { mark(.messages, state.messages.remove(r)) }
    /// Removes an audit event.
    mutating func remove(_ r: AuditEvent) { mark(.audit, state.audit.remove(r)) }
    /// Removes an intake.
    mutating func remove(_ r: Intake) { mark(.intakes, state.intakes.remove(r)) }
    /// Removes a disclosure entry.
    mutating func remove(_ r: Disclosure) { mark(.disclosures, state.disclosures.remove(r)) }
    /// Removes an outgoing message.
    mutating func remove(_ r: OutboxMessage) { mark(.outbox, state.outbox.remove(r)) }
    /// Removes a report.
    mutating func remove(_ r: Report) { mark(.reports, state.reports.remove(r)) }
    /// Removes a draft.
    mutating func remove(_ r: IntakeDraft) { mark(.drafts, state.drafts.remove(r)) }

    /// Replaces the platform settings.
    mutating func setSettings(_ settings: PlatformSettings) {
        mark(.settings, state.settingsTable.put(SettingsRecord(settings: settings)))
    }

    /// Records an audit event (ids only, never personal data).
    mutating func audit(_ action: AuditEvent.Action, actor: AccountID?, subject: AccountID?, target: String? = nil) {
        let id: AuditEventID = nextID(.audit)
        put(AuditEvent(id: id, actor: actor, action: action, subject: subject, target: target, at: now))
    }

    /// Queues an e-mail: a record in the outbox and, with the commit, its RFC 5322 file in the
    /// Maildir. Throws (and queues nothing) when an address or header is not acceptable.
    @discardableResult
    mutating func queueMail(_ m: MailMessage, kind: OutboxMessage.Kind, accounts: [AccountID], organisation: OrganisationID? = nil,
                                   intake: IntakeID? = nil) throws -> OutboxMessage {
        let id: OutboxMessageID = nextID(.outbox)
        let messageID = "\(UUID().uuidString.lowercased()).\(id)@" + (state.settings.mailFrom.split(separator: "@").last.map(String.init) ?? "sociaalhus.invalid")
        let text = try RFC5322.render(m, from: state.settings.mailFrom, date: now, messageID: messageID)
        let name = "\(Int(now.timeIntervalSince1970)).\(UUID().uuidString.lowercased()).sociaalhus"
        mailToWrite.append((name, Data(text.utf8)))
        let record = OutboxMessage(id: id, kind: kind, organisation: organisation, accounts: accounts, to: m.to, subject: m.subject,
                                   body: m.body, created: now, intake: intake, file: "new/" + name)
        put(record)
        return record
    }

    /// Removes an outgoing message and, once the change is durable, its Maildir file.
    mutating func removeMail(_ r: OutboxMessage) {
        remove(r)
        if let f = r.file { mailToRemove.append(f) }
    }

    private mutating func mark(_ c: CollectionName, _ shard: Int) {
        dirty.insert(ShardRef(collection: c, shard: shard))
    }
}

/// One shard of one collection.
struct ShardRef: Hashable, Comparable, Sendable {
    var collection: CollectionName
    var shard: Int

    static func < (a: ShardRef, b: ShardRef) -> Bool {
        (a.collection.rawValue, a.shard) < (b.collection.rawValue, b.shard)
    }
}
