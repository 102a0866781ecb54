import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A step of writing a change, for crash tests that stop the write at each step.
public enum CommitStep: Equatable, Sendable {
    /// The e-mail and photo files of the change are written (named in the journal).
    case filesWritten
    /// The records are written in the database transaction, not yet committed.
    case recordsWritten
    /// The transaction is committed: the change is durable.
    case committed
    /// The replaced files are removed.
    case oldFilesRemoved
}

/// The file-backed store: one folder (mode 0700, files 0600) with a SQLite database of the
/// records, a lock file, the profile photos and the Maildir of outgoing e-mail.
///
/// Layout: `sociaalhus.db` (with its `-wal` and `-shm`), `store.lock`, `photos/`, `mail/`, and
/// `journal.json` while a change writes files. A change takes an exclusive `flock` (for the
/// files beside the database), reads what other processes changed, applies the change to a
/// copy, and writes the records it touched in one SQLite transaction. A store of shard files
/// (formats 1–3: `manifest.json` and `data/`) is moved into a database when it is first opened;
/// its old files are kept until the administrator removes them.
public final class Store {
    /// The store directory.
    public let path: String
    /// The current state (as of the last open, refresh or own change).
    private(set) var state: StoreState
    /// The clock used for every timestamp.
    public let clock: any Clock
    /// The password hasher.
    public let hasher: any PasswordHashing
    /// Called at every commit step; crash tests throw from it to stop a write midway.
    public var faultHook: ((CommitStep) throws -> Void)?

    let lock: FileLock
    let db: Database
    /// What a search typed letter by letter keeps between keys.
    let searchCache = AgendaSearchCache()
    /// The feeds' personal-data scan, kept between checks.
    let personalDataScans = PersonalDataScanCache()

    /// The change counter of collection `c` as this process last read or wrote it.
    func seenVersion(_ c: CollectionName) -> Int { seenVersions["version:" + c.rawValue] ?? 0 }
    /// True when the store lies on a read-only disk or in a folder this user cannot write:
    /// everything can be read, and every change is refused with `storeReadOnly`.
    public private(set) var readOnly = false
    /// `PRAGMA data_version` when this process last looked: it changes when another commits.
    private var seenDataVersion = -1
    /// The change counter of each collection when this process last read it.
    private var seenVersions: [String: Int] = [:]
    /// True while `perform` holds the write lock for one intent: its changes run inside it.
    private var holdsWriteLock = false
    /// A yescrypt hash (cost 5) of a random password nobody knows: verifying against it for an
    /// unknown e-mail address costs the same as a real check, so timing does not reveal accounts.
    let dummyHash = "$y$j9T$D86HDJc6u/fgZ9RtP50w61$B.zdSdDkjRyLqfc954dQVJRhBEaR9fSWxR3wT79Rr90"

    var photosPath: String { path + "/photos" }
    /// The outbox Maildir: `tmp/` while a file is written, `new/` waiting, `cur/` sent.
    var mailPath: String { path + "/mail" }
    var databasePath: String { path + "/" + StoreSchema.fileName }
    /// Names every file beside the database a change is about to write or remove, before it
    /// touches one; removed when the change is complete. Only files it names are ever deleted as leftovers.
    var journalPath: String { path + "/journal.json" }

    private init(path: String, db: Database, clock: any Clock, hasher: any PasswordHashing, lock: FileLock) {
        self.path = path
        self.db = db
        self.state = StoreState(manifest: .empty())
        self.clock = clock
        self.hasher = hasher
        self.lock = lock
    }

    // MARK: Creating and opening

    /// Creates a new, empty store at `path` with the given wijken.
    public static func create(at path: String, wijken: [String], clock: any Clock = SystemClock(),
                              hasher: any PasswordHashing = YescryptHasher()) throws -> Store {
        let wijken = try wijken.map { try validated($0, .wijk) }
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: path, isDirectory: &isDir) {
            guard isDir.boolValue else { throw CoreError.storeNotADirectory(path: path) }
            if fm.fileExists(atPath: path + "/" + StoreSchema.fileName) || LegacyShardStore.exists(at: path) {
                throw CoreError.storeAlreadyExists(path: path)
            }
            guard chmod(path, 0o700) == 0 else { throw DurableFile.ioError(path) }
        } else {
            let parent = (path as NSString).deletingLastPathComponent
            if !parent.isEmpty { try? fm.createDirectory(atPath: parent, withIntermediateDirectories: true) }
            guard mkdir(path, 0o700) == 0 else { throw DurableFile.ioError(path) }
        }
        for sub in ["photos"] + Store.mailFolders where !fm.fileExists(atPath: path + "/" + sub) {
            guard mkdir(path + "/" + sub, 0o700) == 0 else { throw DurableFile.ioError(path + "/" + sub) }
        }
        let lock = try FileLock(path: path + "/store.lock")
        let store: Store = try lock.withLock(exclusive: true) {
            if fm.fileExists(atPath: path + "/" + StoreSchema.fileName) { throw CoreError.storeAlreadyExists(path: path) }
            let db = try Database(path: path + "/" + StoreSchema.fileName, create: true)
            try db.migrate(StoreSchema.migrations)
            let store = Store(path: path, db: db, clock: clock, hasher: hasher, lock: lock)
            try store.loadAllLocked()
            var tx = Transaction(state: store.state, now: clock.now())
            var settings = PlatformSettings()
            for name in wijken {
                let id: WijkID = tx.nextID(.settings)
                settings.wijken.append(Wijk(id: id, name: name))
            }
            tx.setSettings(settings)
            try store.commit(tx)
            return store
        }
        try DurableFile.syncDirectory((path as NSString).deletingLastPathComponent)
        return store
    }

    /// How a process means to use the store it opens (read-only means read-only).
    public enum Use: Sendable {
        /// Reads and changes: brings the schema and derived columns up to date, removes what an
        /// interrupted change left, and folds the log into the database file.
        case change
        /// Reads only (`check`, `agenda`, `privacy show`, `mail list`): no file is created,
        /// truncated, checkpointed or re-created, and every change is refused. A store that needs
        /// bringing up to date first is refused with what to do.
        case read
        /// Reads and writes only its own records (the export and its audit event), never
        /// folding the log into the database file: the next full open does that.
        case readAndRecord
    }

    /// Opens an existing store, verifying permissions and the schema (records are verified as they are read); a
    /// store of shard files is first moved into a database. With `cleanLeftovers`, files left
    /// by an interrupted change (named in its journal) are removed. Only `create` makes a store:
    /// a missing or empty database is refused, whatever `use` says.
    public static func open(at path: String, clock: any Clock = SystemClock(), hasher: any PasswordHashing = YescryptHasher(),
                            cleanLeftovers: Bool = true, use: Use = .change) throws -> Store {
        try checkDirectory(path)
        let dbPath = path + "/" + StoreSchema.fileName
        var st = stat()
        let hasDatabase = lstat(dbPath, &st) == 0
        guard hasDatabase || LegacyShardStore.exists(at: path) else { throw CoreError.storeNotFound(path: path) }
        try checkDirectory(path + "/photos")
        let diskReadOnly = access(path, W_OK) != 0
        let readOnly = diskReadOnly || use == .read
        // Stores from before the outbox get its Maildir now.
        for sub in mailFolders where !readOnly {
            if !FileManager.default.fileExists(atPath: path + "/" + sub) {
                guard mkdir(path + "/" + sub, 0o700) == 0 else { throw DurableFile.ioError(path + "/" + sub) }
            }
            try checkDirectory(path + "/" + sub)
        }
        // Reading only: a store this program must first bring up to date is refused, saying how.
        let needsUpgrade: CoreError = diskReadOnly ? .storeReadOnly(path: path) : .storeNeedsUpgrade(path: path)
        let lock = try FileLock(path: path + "/store.lock")
        // Reading only: shared for as long as the store is open, not just while opening.
        if use == .read { try lock.holdShared() }
        return try lock.withLock(exclusive: !readOnly) {
            // Looked at again under the lock: another process may have moved it meanwhile.
            var now = stat()
            if lstat(dbPath, &now) != 0 {
                if readOnly { throw LegacyShardStore.exists(at: path) ? needsUpgrade : CoreError.storeNotFound(path: path) }
                try migrateShardFiles(at: path)
            }
            // A `.read` store is a one-shot command's, used on its main thread only.
            let db = try Database(path: dbPath, readOnly: readOnly, oneThread: use == .read)
            let store: Store
            do {
                if readOnly {
                    // Read as it is; one that still needs a migration cannot be read here.
                    let version = try db.userVersion
                    if version > StoreSchema.migrations.count {
                        throw CoreError.storeNewerFormat(file: StoreSchema.fileName, found: version, known: StoreSchema.migrations.count)
                    }
                    if version < StoreSchema.migrations.count { throw needsUpgrade }
                } else {
                    try db.migrate(StoreSchema.migrations)
                    if use == .readAndRecord { db.neverFoldLog() }
                }
                store = Store(path: path, db: db, clock: clock, hasher: hasher, lock: lock)
                store.readOnly = readOnly
                try store.loadAllLocked()
            } catch {
                db.leaveFileAsItIsOnClose()
                throw error
            }
            // Opening reads no record; a journal of an interrupted change is acted on
            // only if it fits; `check` reads every record and file.
            if let problem = store.journalProblem() { throw problem }
            if cleanLeftovers, !readOnly, use == .change {
                store.removeLeftovers()
                // An erasure stopped after its commit, before the log was emptied: empty it now.
                try? store.db.checkpointTruncate()
            }
            return store
        }
    }

    /// Lets go of `store`, closing its database under the store's lock held exclusively when it
    /// was open for changes: SQLite's last connection folds the log into the database file and
    /// removes the `-shm` and then the `-wal`, and a command reading meanwhile would see a log
    /// without its index and call the store damaged (found in review: 9 in 4,254 `agenda` runs
    /// beside a writer). Nothing else may still hold the store.
    public static func release(_ store: inout Store?) {
        // (No other reference here: the last one must go inside the lock.)
        guard let (path, writable) = store.map({ ($0.path, !$0.readOnly) }) else { return }
        if writable, let lock = try? FileLock(path: path + "/store.lock") {
            _ = try? lock.withLock(exclusive: true) { store = nil }
        }
        store = nil
    }

    /// The number of the last change this store acknowledged, kept in `store.lock` (which is
    /// never renamed or removed) after each commit: the log holds a commit until it is folded
    /// in, so a log deleted or replaced takes acknowledged changes with it, and only a counter
    /// outside it can tell `check` so. Written after the commit is durable and not synced
    /// itself: a counter lost in a power cut is behind, never ahead (no false alarm).
    static func acknowledgedGeneration(at path: String) -> Int? {
        guard let data = try? DurableFile.read(path + "/store.lock", displayName: "store.lock"),
              let text = String(data: data, encoding: .utf8) else { return nil }
        let line = text.split(separator: "\n").first { $0.hasPrefix(counterPrefix) }
        return line.flatMap { Int($0.dropFirst(counterPrefix.count).trimmingCharacters(in: .whitespaces)) }
    }

    /// How the counter's line in `store.lock` starts.
    static let counterPrefix = "acknowledged "

    /// Writes the counter: one line of fixed length at the start of the file, so each write
    /// replaces the last one whole.
    func recordAcknowledged(_ generation: Int) { Self.recordAcknowledged(generation, at: path) }

    /// Writes the counter of the store at `path` (a restore sets it to the restored store's number).
    static func recordAcknowledged(_ generation: Int, at path: String) {
        let fd = Glibc.open(path + "/store.lock", O_WRONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return }
        defer { close(fd) }
        let digits = String(generation)
        let line = Array((Self.counterPrefix + String(repeating: "0", count: max(0, 20 - digits.count)) + digits + "\n").utf8)
        _ = line.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    }

    /// Moves a store of shard files into a new database in one transaction, checking that every
    /// collection has as many records after as before. The shard files are left where they are.
    static func migrateShardFiles(at path: String) throws {
        let old = try LegacyShardStore.load(path)
        if let problem = StoreCheck.recordProblems(old, photosPath: path + "/photos").first { throw problem }
        // What an interrupted change of the old kind left (those stores had no journal; their
        // rule was: a mail or photo file no record names is a leftover), before it is moved.
        let referenced = referencedPaths(of: old)
        for rel in filesBesideDatabase(at: path) where !referenced.contains(rel) { unlink(path + "/" + rel) }
        let dbPath = path + "/" + StoreSchema.fileName
        let temp = dbPath + ".migrating"
        for suffix in ["", "-wal", "-shm", "-journal"] { unlink(temp + suffix) }
        do {
            let db = try Database(path: temp, create: true)
            try db.migrate(StoreSchema.migrations)
            try db.transaction {
                try write(allChanges(of: old), lastIDs: old.manifest.lastIDs, generation: old.manifest.generation, to: db)
                try db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('migrated-from-format', ?1)").bind(old.manifest.format).run()
            }
            for (c, n) in counts(of: old) where try db.integer("SELECT count(*) FROM \(c.rawValue)") != n {
                throw CoreError.storeIO(file: dbPath, problem: "moving \(c.rawValue) into the database lost records")
            }
            try db.checkpointTruncate()
        } catch {
            for suffix in ["", "-wal", "-shm", "-journal"] { unlink(temp + suffix) }
            throw error
        }
        for suffix in ["-wal", "-shm"] { unlink(temp + suffix) }
        guard rename(temp, dbPath) == 0 else { throw DurableFile.ioError(dbPath) }
        // The old manifest is renamed, so an older program no longer opens (and changes) the old
        // files; they stay until an erasure (which removes them: they hold copies of people) or
        // the administrator removes them.
        rename(path + "/manifest.json", path + "/manifest.json.migrated")
        try DurableFile.syncDirectory(path)
    }

    /// The Maildir folders, created with the store.
    static let mailFolders = ["mail", "mail/tmp", "mail/new", "mail/cur"]

    /// Refuses a missing folder, a file, a link, or a folder others can read.
    static func checkDirectory(_ path: String) throws {
        var st = stat()
        guard stat(path, &st) == 0 else {
            if errno == ENOENT { throw CoreError.storeNotFound(path: path) }
            throw DurableFile.ioError(path)
        }
        guard (st.st_mode & S_IFMT) == S_IFDIR else { throw CoreError.storeNotADirectory(path: path) }
        if st.st_mode & 0o077 != 0 { throw CoreError.storeReadableByOthers(path: path) }
    }

    // MARK: Reading

    /// A record found damaged while reading (its checksum or contents wrong), in words; nil
    /// while every record read so far was sound. Screens show it, and changes are refused.
    public var damage: CoreError? {
        guard let e = Self.damage(in: state) else { return nil }
        return e as? CoreError ?? CoreError.storeCorrupt(file: StoreSchema.fileName, problem: .unreadable(detail: "\(e)"))
    }

    /// Re-reads whatever other processes changed since this process last looked.
    public func refresh() throws {
        try refreshLocked()
    }

    /// Re-reads what other processes changed, if anything: true when something did. One pragma
    /// when nothing changed, so an idle terminal can ask every second.
    @discardableResult
    public func refreshIfChanged() throws -> Bool {
        try !refreshLocked().isEmpty
    }

    /// As `refreshIfChanged`, saying which collections another process changed (empty: none),
    /// so a screen reads again only for a change to what it shows.
    public func refreshChanges() throws -> Set<CollectionName> {
        try refreshLocked()
    }

    private func loadAllLocked() throws {
        // No O(size) work here: quick_check and every checksum took 0.3 s at ten
        // times Borne. SQLite checks each page it reads, every record's checksum is checked when
        // it is decoded (a bad one is reported on screen and refuses changes), and `check` runs
        // integrity_check and reads every record.
        let (s, meta) = try Self.loadLazily(from: db)
        state = s
        seenVersions = meta
        seenDataVersion = try db.dataVersion
    }

    /// Cheap when nothing changed (one pragma); otherwise reloads only the collections another
    /// process changed, all in one read transaction so they fit together.
    @discardableResult
    private func refreshLocked() throws -> Set<CollectionName> {
        let version = try db.dataVersion
        if version == seenDataVersion { return [] }
        try db.execute("BEGIN")
        defer { try? db.execute("COMMIT") }
        let meta = try Self.readMeta(db)
        var next = state
        for c in CollectionName.allCases where meta["version:" + c.rawValue] != seenVersions["version:" + c.rawValue] {
            // Only the records another process changed, where the change log still has them
            // all; otherwise the collection anew.
            if let from = seenVersions["version:" + c.rawValue], let to = meta["version:" + c.rawValue],
               let keys = try Self.changedKeys(c, from: from, to: to, in: db),
               Self.refreshRecords(c, keys: keys, in: db, state: &next) {
                continue
            }
            Self.setLazy(c, db, in: &next)
        }
        for c in CollectionName.allCases { if let last = meta["last:" + c.rawValue] { next.manifest.lastIDs[c] = last } }
        next.manifest.generation = meta["generation"] ?? next.manifest.generation
        let changed = Set(CollectionName.allCases.filter { meta["version:" + $0.rawValue] != seenVersions["version:" + $0.rawValue] })
        state = next
        seenVersions = meta
        seenDataVersion = version
        forgetPersonalDataScan(ifChanged: changed)
        return changed
    }

    // MARK: Changing

    /// Runs a change for `actor` (nil: a system task such as retention or cron). Inside the lock, after the
    /// store was read again, the acting account is looked up as it is now: erased, blocked, or
    /// with other roles or another wijk than the caller's copy says, the change is refused. So a
    /// permission checked with the caller's copy holds for the account as it really is, in every
    /// process at once (an administrator's block at another terminal takes effect immediately).
    @discardableResult
    func update<T>(actor: Viewer?, _ body: (inout Transaction) throws -> T) throws -> T {
        try update { tx in
            if let actor { try Self.confirm(actor, in: tx.state, now: tx.now) }
            // Acting for a resident at the desk: every log line of the change names the helper.
            if case .onBehalf(let o)? = actor { tx.onBehalf = (resident: o.resident.id, helper: o.helper.id) }
            if case .commandLine? = actor { tx.byCommandLine = true }
            return try body(&tx)
        }
    }

    /// Throws when `actor`'s account is gone, blocked, or changed in what its rights depend on;
    /// acting for a resident ("namens"), the same of both accounts, and when its time is up.
    static func confirm(_ actor: Viewer, in state: StoreState, now: Date? = nil) throws {
        if case .onBehalf(let o) = actor {
            // Without a moment (a read's check) the time was checked by the session.
            if let now, now >= o.ends { throw CoreError.onBehalfEnded }
            try confirm(.account(o.helper), in: state)
            try confirm(.account(o.resident), in: state)
            return
        }
        guard case .account(let mine) = actor else { return }
        guard let now = state.accounts[mine.id.rawValue] else { throw CoreError.notPermitted(.accountGone) }
        if now.blocked { throw CoreError.notPermitted(.blocked) }
        if now.roles != mine.roles || now.profile.wijk != mine.profile.wijk { throw CoreError.notPermitted(.rightsChanged) }
    }

    /// Makes a change: locks, re-reads the latest state, runs `body` on it and writes the
    /// touched records in one transaction. When `body` throws, nothing is written.
    @discardableResult
    func update<T>(_ body: (inout Transaction) throws -> T) throws -> T {
        if readOnly { throw CoreError.storeReadOnly(path: path) }
        return try holdingWriteLock {
            try refreshLocked()
            if let damage = Self.damage(in: state) { throw damage }
            var tx = Transaction(state: state, now: clock.now())
            let result: T
            // A record the change could not read is the reason it failed (not, say, "account gone").
            do { result = try body(&tx) } catch { throw Self.damage(in: tx.state) ?? error }
            if let damage = Self.damage(in: tx.state) { throw damage }
            if !tx.changes.isEmpty || !tx.mailToWrite.isEmpty || !tx.photosToWrite.isEmpty || !tx.statements.isEmpty { try commit(tx) }
            return result
        }
    }

    /// Runs `body` holding the store's lock exclusively, once: an `update` inside a `perform`
    /// runs within the lock `perform` took (a file lock taken twice would be let go by the
    /// inner one). A read-only store takes none: nothing it does can write.
    func holdingWriteLock<T>(_ body: () throws -> T) throws -> T {
        if holdsWriteLock || readOnly { return try body() }
        return try lock.withLock(exclusive: true) {
            holdsWriteLock = true
            defer { holdsWriteLock = false }
            return try body()
        }
    }

    /// What one change writes and removes beside the database (paths relative to the store),
    /// written before it touches any file: after a crash, exactly these files are candidates
    /// for removal.
    struct Journal: Codable, Equatable {
        var generation: Int
        var write: [String]
        var remove: [String]
    }

    /// Writes a transaction: the journal, the new e-mail and photo files, the records in one
    /// SQLite transaction, then the removal of replaced files and of the journal. After a
    /// deletion the write-ahead log is checkpointed and emptied, so deleted records (written
    /// over by `secure_delete`) are in no file any more.
    private func commit(_ tx: Transaction) throws {
        // An earlier change that stopped halfway (here or in another process) is finished first,
        // so its journal is not overwritten while files it names are still there.
        if FileManager.default.fileExists(atPath: journalPath) { removeLeftovers() }
        let generation = state.manifest.generation + 1
        let journal = Journal(generation: generation,
                              write: tx.mailToWrite.flatMap { ["mail/tmp/" + $0.0, "mail/new/" + $0.0] } + tx.photosToWrite.map { "photos/" + $0.0 },
                              remove: tx.mailToRemove.map { "mail/" + $0 } + tx.photosToRemove.map { "photos/" + $0 })
        let files = !journal.write.isEmpty || !journal.remove.isEmpty
        if files { try DurableFile.replace(journalPath, data: try ShardCodec.encoder().encode(journal)) }
        var mailWritten: [String] = []
        var photosWritten: [String] = []
        var committed = false
        defer {
            if !committed {
                for f in mailWritten { unlink(mailPath + "/" + f) }
                for f in photosWritten { unlink(photosPath + "/" + f) }
                if files { unlink(journalPath) }
                seenDataVersion = -1 // look at the database again next time
            }
        }
        // New e-mails: written in tmp/, moved into new/ (the Maildir way), before the records name them.
        for (name, data) in tx.mailToWrite {
            let temp = mailPath + "/tmp/" + name
            try DurableFile.createNew(temp, data: data)
            guard rename(temp, mailPath + "/new/" + name) == 0 else { unlink(temp); throw DurableFile.ioError(mailPath + "/new/" + name) }
            mailWritten.append("new/" + name)
        }
        if !tx.mailToWrite.isEmpty { try DurableFile.syncDirectory(mailPath + "/new") }
        for (name, data) in tx.photosToWrite {
            try DurableFile.createNew(photosPath + "/" + name, data: data)
            photosWritten.append(name)
        }
        if !tx.photosToWrite.isEmpty { try DurableFile.syncDirectory(photosPath) }
        try faultHook?(.filesWritten)
        var lastIDs = tx.state.manifest.lastIDs
        for (c, id) in lastIDs where state.manifest.lastIDs[c] == id { lastIDs[c] = nil }
        let metaAfter: [String: Int] = try db.transaction {
            try Self.write(tx.changes, lastIDs: lastIDs, generation: generation, now: tx.now, to: db)
            for (sql, args) in tx.statements { try db.prepare(sql).bind(all: args).run() }
            try faultHook?(.recordsWritten)
            // The counters as this transaction leaves them (read after it, another process's
            // change could slip in between and never be read here).
            return try Self.readMeta(db)
        }
        committed = true
        recordAcknowledged(generation)
        var newState = tx.state
        newState.manifest.generation = generation
        // What was read stays read, with the change folded in.
        newState.settle()
        state = newState
        // Our own commit: the counters it left are the ones this state matches.
        seenVersions = metaAfter
        // A scan of what changed is stale: let go of it now (an erased person's data must not
        // wait in memory for the next check).
        forgetPersonalDataScan(ifChanged: tx.changes.keys.map(\.collection))
        try faultHook?(.committed)
        for f in tx.mailToRemove where !f.contains("..") { unlink(mailPath + "/" + f) }
        if !tx.mailToRemove.isEmpty { for sub in ["new", "cur"] { try DurableFile.syncDirectory(mailPath + "/" + sub) } }
        for f in tx.photosToRemove where !f.contains("/") { unlink(photosPath + "/" + f) }
        if !tx.photosToRemove.isEmpty { try DurableFile.syncDirectory(photosPath) }
        try faultHook?(.oldFilesRemoved)
        if files {
            unlink(journalPath)
            try DurableFile.syncDirectory(path)
        }
        if tx.changes.values.contains(where: { if case .delete = $0 { return true } else { return false } }) {
            // Another process reading at this moment can keep a frame in the log until its next
            // change; erasure tests run alone, and the next deletion empties it.
            try? db.checkpointTruncate()
        }
    }

    /// After an interrupted change, removes the files its journal names that the store does
    /// not refer to (new files of a change that did not land, old files of one that did: the
    /// latter may hold erased data). Nothing the journal does not name is ever deleted: a file
    /// no record names is reported by `check`, not removed. Caller holds the exclusive lock
    /// and has loaded the whole store without a problem.
    func removeLeftovers() {
        unlink(databasePath + ".migrating")
        Self.removeRestoreLeftovers(at: path)
        guard case .success(let found) = Self.journal(at: path, generation: state.manifest.generation), let journal = found else { return }
        let kept = Self.referencedPaths(of: state)
        for rel in journal.write + journal.remove where !kept.contains(rel) && Self.isStorePath(rel) {
            unlink(path + "/" + rel)
        }
        for sub in ["photos", "mail/new", "mail/cur"] { try? DurableFile.syncDirectory(path + "/" + sub) }
        unlink(journalPath)
        try? DurableFile.syncDirectory(path)
    }

    /// The journal at `path` (nil when there is none), refused unless it is the record of the
    /// change after `generation` or of that generation's own: unreadable, or of another
    /// generation, it is not acted on, and the store is refused until someone looks. Shared by
    /// opening and `check`.
    static func journal(at path: String, generation g: Int) -> Result<Journal?, CoreError> {
        guard FileManager.default.fileExists(atPath: path + "/journal.json") else { return .success(nil) }
        do {
            let data = try DurableFile.read(path + "/journal.json", displayName: "journal.json")
            let j = try ShardCodec.decoder().decode(Journal.self, from: data)
            guard j.generation == g || j.generation == g + 1 else {
                return .failure(.storeCorrupt(file: "journal.json", problem: .unreadable(detail: "generation \(j.generation), the store is at \(g)")))
            }
            return .success(j)
        } catch let e as CoreError {
            return .failure(e)
        } catch {
            return .failure(.storeCorrupt(file: "journal.json", problem: .unreadable(detail: ShardCodec.describe(error))))
        }
    }

    /// What is wrong with this store's journal, if anything.
    func journalProblem() -> CoreError? {
        if case .failure(let e) = Self.journal(at: path, generation: state.manifest.generation) { return e }
        return nil
    }

    /// A path inside photos/ or mail/, one level deep (a damaged journal names nothing else).
    static func isStorePath(_ rel: String) -> Bool {
        let parts = rel.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else { return false }
        return (parts.count == 2 && parts[0] == "photos") || (parts.count == 3 && parts[0] == "mail" && ["tmp", "new", "cur"].contains(parts[1]))
    }

    /// The folders beside the database that hold e-mail and photo files.
    static let fileFolders = ["photos", "mail/tmp", "mail/new", "mail/cur"]

    /// Every file in those folders at `path` (relative paths), sorted.
    static func filesBesideDatabase(at path: String) -> [String] {
        fileFolders.flatMap { sub in ((try? FileManager.default.contentsOfDirectory(atPath: path + "/" + sub)) ?? []).map { sub + "/" + $0 } }.sorted()
    }

    /// Every file beside the database `state` refers to (relative paths). A mail file in `new/`
    /// may already be in `cur/` under its sent name: a file moved just before its record was
    /// updated still belongs to that record.
    static func referencedPaths(of state: StoreState) -> Set<String> {
        let mail = state.outbox.all.compactMap(\.file).flatMap { f in f.hasPrefix("new/") ? [f, Store.sentName(f)] : [f] }
        return Set(state.accounts.all.compactMap(\.profile.photo).map { "photos/" + $0 } + mail.map { "mail/" + $0 })
    }

    /// Photo and mail files that nothing refers to.
    public func leftoverFiles() -> [String] {
        let referenced = Self.referencedPaths(of: state)
        return Self.filesBesideDatabase(at: path).filter { !referenced.contains($0) }
    }
}

/// Identity of a file version: a rename gives a new inode, so any replacement is noticed.
struct FileStamp: Equatable {
    var inode: UInt64
    var size: Int64
    var mtimeSec: Int
    var mtimeNsec: Int

    init?(path: String) {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        inode = UInt64(st.st_ino)
        size = Int64(st.st_size)
        mtimeSec = st.st_mtim.tv_sec
        mtimeNsec = st.st_mtim.tv_nsec
    }
}

/// Slots filled from concurrent workers, read after they finish.
final class ResultSlots<T>: @unchecked Sendable {
    private var slots: [Result<T, Error>?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ r: Result<T, Error>) { lock.withLock { slots[i] = r } }

    func get(_ i: Int) throws -> T { try lock.withLock { slots[i]! }.get() }
}
