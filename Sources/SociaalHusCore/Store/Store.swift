import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A step of writing a change to disk, for crash tests that stop the write at each step.
public enum CommitStep: Equatable, Sendable {
    /// The n-th new data file is written and synced.
    case dataFileWritten(Int)
    /// The data folder is synced.
    case dataFolderSynced
    /// The new manifest is written to its temporary name and synced.
    case manifestWritten
    /// The new manifest has replaced the old one.
    case manifestRenamed
    /// The store folder is synced: the change is durable.
    case storeFolderSynced
    /// The replaced data files are removed.
    case oldFilesRemoved
}

/// The file-backed store: one directory (mode 0700, files 0600) with a manifest, a lock file,
/// sharded data files and photos.
///
/// Layout: `manifest.json`, `store.lock`, `data/<collection>-<shard>-g<generation>.dat`,
/// `photos/`. Every change takes an exclusive `flock`, re-reads what other processes changed,
/// applies the change to a copy, writes only the shards it touched under new names, and swaps
/// the manifest atomically. Reads take a shared lock.
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
    private var manifestStamp: FileStamp?
    /// A yescrypt hash (cost 5) of a random password nobody knows: verifying against it for an
    /// unknown e-mail address costs the same as a real check, so timing does not reveal accounts.
    let dummyHash = "$y$j9T$D86HDJc6u/fgZ9RtP50w61$B.zdSdDkjRyLqfc954dQVJRhBEaR9fSWxR3wT79Rr90"

    var dataPath: String { path + "/data" }
    var photosPath: String { path + "/photos" }
    /// The outbox Maildir: `tmp/` while a file is written, `new/` waiting, `cur/` sent.
    var mailPath: String { path + "/mail" }
    var manifestPath: String { path + "/manifest.json" }
    /// Names every file a change is about to write or remove, before it touches one; removed
    /// when the change is complete. Only files it names are ever deleted as leftovers.
    var journalPath: String { path + "/journal.json" }

    private init(path: String, state: StoreState, clock: any Clock, hasher: any PasswordHashing, lock: FileLock, stamp: FileStamp?) {
        self.path = path
        self.state = state
        self.clock = clock
        self.hasher = hasher
        self.lock = lock
        self.manifestStamp = stamp
    }

    // MARK: Creating and opening

    /// Creates a new, empty store at `path` with the given wijken.
    public static func create(at path: String, wijken: [String], clock: any Clock = SystemClock(),
                              hasher: any PasswordHashing = YescryptHasher()) throws -> Store {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: path, isDirectory: &isDir) {
            guard isDir.boolValue else { throw CoreError.storeNotADirectory(path: path) }
            if fm.fileExists(atPath: path + "/manifest.json") { throw CoreError.storeAlreadyExists(path: path) }
            guard chmod(path, 0o700) == 0 else { throw DurableFile.ioError(path) }
        } else {
            let parent = (path as NSString).deletingLastPathComponent
            if !parent.isEmpty { try? fm.createDirectory(atPath: parent, withIntermediateDirectories: true) }
            guard mkdir(path, 0o700) == 0 else { throw DurableFile.ioError(path) }
        }
        for sub in ["data", "photos"] + Store.mailFolders where !fm.fileExists(atPath: path + "/" + sub) {
            guard mkdir(path + "/" + sub, 0o700) == 0 else { throw DurableFile.ioError(path + "/" + sub) }
        }
        let lock = try FileLock(path: path + "/store.lock")
        let store = Store(path: path, state: StoreState(manifest: .empty()), clock: clock, hasher: hasher, lock: lock, stamp: nil)
        try lock.withLock(exclusive: true) {
            if fm.fileExists(atPath: store.manifestPath) { throw CoreError.storeAlreadyExists(path: path) }
            var tx = Transaction(state: store.state, now: clock.now())
            var settings = PlatformSettings()
            for name in wijken {
                let id: WijkID = tx.nextID(.settings)
                settings.wijken.append(Wijk(id: id, name: name))
            }
            tx.setSettings(settings)
            try store.commit(tx)
        }
        try DurableFile.syncDirectory((path as NSString).deletingLastPathComponent)
        return store
    }

    /// Opens an existing store, verifying permissions, format, sizes and checksums of every file.
    /// With `cleanLeftovers`, files left by an interrupted change are removed.
    public static func open(at path: String, clock: any Clock = SystemClock(), hasher: any PasswordHashing = YescryptHasher(),
                            cleanLeftovers: Bool = true) throws -> Store {
        try checkDirectory(path)
        guard FileManager.default.fileExists(atPath: path + "/manifest.json") else { throw CoreError.storeNotFound(path: path) }
        for sub in ["data", "photos"] { try checkDirectory(path + "/" + sub) }
        // Stores from before the outbox get its Maildir now.
        for sub in mailFolders {
            if !FileManager.default.fileExists(atPath: path + "/" + sub) {
                guard mkdir(path + "/" + sub, 0o700) == 0 else { throw DurableFile.ioError(path + "/" + sub) }
            }
            try checkDirectory(path + "/" + sub)
        }
        let lock = try FileLock(path: path + "/store.lock")
        let store = Store(path: path, state: StoreState(manifest: .empty()), clock: clock, hasher: hasher, lock: lock, stamp: nil)
        try lock.withLock(exclusive: cleanLeftovers) {
            let (manifest, stamp) = try store.readManifest()
            store.state = try store.loadAll(manifest)
            store.manifestStamp = stamp
            // A file nobody names, not even an interrupted change's journal, means the manifest
            // lost it: refuse (as `check` reports it) rather than run without its records.
            if let lost = store.unnamedFiles().first { throw CoreError.storeCorrupt(file: lost, problem: .unnamed) }
            if let problem = StoreCheck.recordProblems(store.state, photosPath: store.photosPath).first { throw problem }
            if cleanLeftovers { store.removeLeftovers() }
        }
        return store
    }

    /// The Maildir folders, created with the store.
    static let mailFolders = ["mail", "mail/tmp", "mail/new", "mail/cur"]

    /// Refuses a missing folder, a file, or a folder others can read.
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

    /// Re-reads whatever other processes changed since this process last looked.
    public func refresh() throws {
        try lock.withLock(exclusive: false) { try refreshLocked() }
    }

    private func refreshLocked() throws {
        let stamp = FileStamp(path: manifestPath)
        if let stamp, stamp == manifestStamp { return }
        let (manifest, newStamp) = try readManifest()
        if manifest == state.manifest { manifestStamp = newStamp; return }
        var next = state
        var jobs: [(ShardRef, Manifest.FileEntry)] = []
        for c in CollectionName.allCases {
            let shards = manifest.collections[c]?.shards ?? c.defaultShardCount
            guard shards == state.manifest.collections[c]?.shards else {
                // A different shard layout: load everything anew.
                state = try loadAll(manifest)
                manifestStamp = newStamp
                return
            }
            for s in 0..<shards {
                let new = manifest.entry(c, s)
                if new == state.manifest.entry(c, s) { continue }
                if let new { jobs.append((ShardRef(collection: c, shard: s), new)) } else { next.clear(ShardRef(collection: c, shard: s)) }
            }
        }
        for (ref, loaded) in try loadShards(jobs) { next.install(loaded, shard: ref.shard) }
        next.manifest = manifest
        state = next
        manifestStamp = newStamp
    }

    private func readManifest() throws -> (Manifest, FileStamp?) {
        let stamp = FileStamp(path: manifestPath)
        let data = try DurableFile.read(manifestPath, displayName: "manifest.json")
        let manifest: Manifest
        do {
            manifest = try ShardCodec.decoder().decode(Manifest.self, from: data)
        } catch {
            if let probe = try? ShardCodec.decoder().decode(FormatProbe.self, from: data), probe.format > Manifest.currentFormat {
                throw CoreError.storeNewerFormat(file: "manifest.json", found: probe.format, known: Manifest.currentFormat)
            }
            throw CoreError.storeCorrupt(file: "manifest.json", problem: .unreadable(detail: ShardCodec.describe(error)))
        }
        if manifest.format > Manifest.currentFormat {
            throw CoreError.storeNewerFormat(file: "manifest.json", found: manifest.format, known: Manifest.currentFormat)
        }
        try manifest.validate()
        return (manifest.upgraded(), stamp)
    }

    private func loadAll(_ manifest: Manifest) throws -> StoreState {
        var state = StoreState(manifest: manifest)
        var jobs: [(ShardRef, Manifest.FileEntry)] = []
        for (c, entry) in manifest.collections {
            for (key, file) in entry.files { jobs.append((ShardRef(collection: c, shard: Int(key)!), file)) }
        }
        for (ref, loaded) in try loadShards(jobs) { state.install(loaded, shard: ref.shard) }
        return state
    }

    /// Reads, verifies and decodes shard files, on all cores.
    func loadShards(_ jobs: [(ShardRef, Manifest.FileEntry)]) throws -> [(ShardRef, LoadedShard)] {
        let results = ResultSlots<LoadedShard>(count: jobs.count)
        let dataPath = self.dataPath
        DispatchQueue.concurrentPerform(iterations: jobs.count) { i in
            let (ref, entry) = jobs[i]
            results.set(i, Result { try Store.loadShard(ref, entry, dataPath: dataPath) })
        }
        return try jobs.enumerated().map { i, job in (job.0, try results.get(i)) }
    }

    /// Reads one data file and checks it against its manifest entry.
    static func loadShard(_ ref: ShardRef, _ entry: Manifest.FileEntry, dataPath: String) throws -> LoadedShard {
        let name = "data/" + entry.file
        guard !entry.file.contains("/"), !entry.file.hasPrefix(".") else {
            throw CoreError.storeCorrupt(file: "manifest.json", problem: .unreadable(detail: "file name"))
        }
        let data = try DurableFile.read(dataPath + "/" + entry.file, displayName: name)
        guard data.count == entry.size else { throw CoreError.storeCorrupt(file: name, problem: .wrongSize(expected: entry.size, found: data.count)) }
        guard CRC32.checksum(data) == entry.crc else { throw CoreError.storeCorrupt(file: name, problem: .checksumMismatch) }
        return try ShardCodec.decode(data, ref: ref, displayName: name)
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
            if let actor { try Self.confirm(actor, in: tx.state) }
            return try body(&tx)
        }
    }

    /// Throws when `actor`'s account is gone, blocked, or changed in what its rights depend on.
    static func confirm(_ actor: Viewer, in state: StoreState) throws {
        guard case .account(let mine) = actor else { return }
        guard let now = state.accounts[mine.id.rawValue] else { throw CoreError.notPermitted(.accountGone) }
        if now.blocked { throw CoreError.notPermitted(.blocked) }
        if now.roles != mine.roles || now.profile.wijk != mine.profile.wijk { throw CoreError.notPermitted(.rightsChanged) }
    }

    /// Makes a change: locks, re-reads the latest state, runs `body` on it and writes the
    /// touched shards durably. When `body` throws, nothing is written.
    @discardableResult
    func update<T>(_ body: (inout Transaction) throws -> T) throws -> T {
        try lock.withLock(exclusive: true) {
            try refreshLocked()
            var tx = Transaction(state: state, now: clock.now())
            let result = try body(&tx)
            if !tx.dirty.isEmpty { try commit(tx) }
            return result
        }
    }

    /// What one change writes and removes (paths relative to the store), written before it
    /// touches any file: after a crash, exactly these files are candidates for removal.
    struct Journal: Codable, Equatable {
        var generation: Int
        var write: [String]
        var remove: [String]
    }

    /// Writes a transaction: the journal, new data files, the manifest swap, removal of the
    /// replaced files, and last the journal's removal.
    private func commit(_ tx: Transaction) throws {
        // An earlier change that stopped halfway (here or in another process) is finished first,
        // so its journal is not overwritten while files it names are still there.
        if FileManager.default.fileExists(atPath: journalPath) { removeLeftovers() }
        var manifest = tx.state.manifest
        manifest.generation = state.manifest.generation + 1
        manifest.format = Manifest.currentFormat
        let refs = tx.dirty.sorted()
        let encoded = try encodeShards(refs, of: tx.state)
        var names: [ShardRef: String] = [:]
        var replaced: [String] = []
        for (i, ref) in refs.enumerated() {
            if let old = manifest.collections[ref.collection]?.files[String(ref.shard)] { replaced.append(old.file) }
            if encoded[i].1 > 0 { names[ref] = "\(ref.collection.rawValue)-\(ref.shard)-g\(manifest.generation).dat" }
        }
        let journal = Journal(generation: manifest.generation,
                              write: names.values.sorted().map { "data/" + $0 } + tx.mailToWrite.map { "mail/new/" + $0.0 } + tx.photosToWrite.map { "photos/" + $0.0 },
                              remove: replaced.filter { !names.values.contains($0) }.map { "data/" + $0 } + tx.mailToRemove.map { "mail/" + $0 }
                                + tx.photosToRemove.map { "photos/" + $0 })
        try DurableFile.replace(journalPath, data: try ShardCodec.encoder().encode(journal))
        var written: [String] = []
        var mailWritten: [String] = []
        var photosWritten: [String] = []
        var committed = false
        defer {
            if !committed {
                for f in written { unlink(dataPath + "/" + f) }
                for f in mailWritten { unlink(mailPath + "/" + f) }
                for f in photosWritten { unlink(photosPath + "/" + f) }
                unlink(journalPath)
                manifestStamp = nil // make the next refresh look at the disk again
            }
        }
        for (i, ref) in refs.enumerated() {
            let key = String(ref.shard)
            let (data, _) = encoded[i]
            guard let name = names[ref] else {
                manifest.collections[ref.collection]?.files[key] = nil
                continue
            }
            try DurableFile.createNew(dataPath + "/" + name, data: data)
            written.append(name)
            manifest.collections[ref.collection]?.files[key] = Manifest.FileEntry(file: name, size: data.count, crc: CRC32.checksum(data))
            try faultHook?(.dataFileWritten(written.count))
        }
        try DurableFile.syncDirectory(dataPath)
        try faultHook?(.dataFolderSynced)
        // New e-mails: written in tmp/, moved into new/ (the Maildir way), before the manifest names them.
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
        let manifestData = try ShardCodec.encoder().encode(manifest)
        let temp = manifestPath + ".tmp"
        unlink(temp)
        try DurableFile.createNew(temp, data: manifestData)
        try faultHook?(.manifestWritten)
        guard rename(temp, manifestPath) == 0 else { throw DurableFile.ioError(manifestPath) }
        committed = true
        var newState = tx.state
        newState.manifest = manifest
        state = newState
        manifestStamp = nil
        try faultHook?(.manifestRenamed)
        try DurableFile.syncDirectory(path)
        try faultHook?(.storeFolderSynced)
        for f in replaced where !written.contains(f) { unlink(dataPath + "/" + f) }
        try DurableFile.syncDirectory(dataPath)
        for f in tx.mailToRemove where !f.contains("..") { unlink(mailPath + "/" + f) }
        if !tx.mailToRemove.isEmpty { for sub in ["new", "cur"] { try DurableFile.syncDirectory(mailPath + "/" + sub) } }
        for f in tx.photosToRemove where !f.contains("/") { unlink(photosPath + "/" + f) }
        if !tx.photosToRemove.isEmpty { try DurableFile.syncDirectory(photosPath) }
        try faultHook?(.oldFilesRemoved)
        unlink(journalPath)
        try DurableFile.syncDirectory(path)
    }

    private func encodeShards(_ refs: [ShardRef], of state: StoreState) throws -> [(Data, Int)] {
        let results = ResultSlots<(Data, Int)>(count: refs.count)
        DispatchQueue.concurrentPerform(iterations: refs.count) { i in
            results.set(i, Result { try ShardCodec.encode(refs[i], of: state) })
        }
        return try (0..<refs.count).map { try results.get($0) }
    }

    /// After an interrupted change, removes the files its journal names that the store does
    /// not refer to (new files of a change that did not land, old files of one that did: the
    /// latter may hold erased data). Nothing the journal does not name is ever deleted: a file
    /// the manifest lost is reported by `check`, not removed. Caller holds the exclusive lock
    /// and has loaded the whole store without a problem.
    func removeLeftovers() {
        unlink(manifestPath + ".tmp")
        guard let journal = readJournal() else { return }
        let kept = Set(referencedPaths())
        for rel in journal.write + journal.remove where !kept.contains(rel) && Self.isStorePath(rel) {
            unlink(path + "/" + rel)
        }
        for sub in ["data", "photos", "mail/new", "mail/cur"] { try? DurableFile.syncDirectory(path + "/" + sub) }
        unlink(journalPath)
        try? DurableFile.syncDirectory(path)
    }

    /// The journal of an interrupted change, if one is there and readable.
    func readJournal() -> Journal? {
        guard let data = try? DurableFile.read(journalPath, displayName: "journal.json") else { return nil }
        return try? ShardCodec.decoder().decode(Journal.self, from: data)
    }

    /// Files in the store's folders that neither the store nor a journal names.
    func unnamedFiles() -> [String] {
        let known = Set(referencedPaths()).union(readJournal().map { $0.write + $0.remove } ?? [])
        var out: [String] = []
        for sub in ["data", "photos", "mail/tmp", "mail/new", "mail/cur"] {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: path + "/" + sub)) ?? [] where !known.contains(sub + "/" + name) {
                out.append(sub + "/" + name)
            }
        }
        return out.sorted()
    }

    /// A path inside data/, photos/ or mail/, one level deep (a damaged journal names nothing else).
    static func isStorePath(_ rel: String) -> Bool {
        let parts = rel.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else { return false }
        return (parts.count == 2 && ["data", "photos"].contains(parts[0])) || (parts.count == 3 && parts[0] == "mail" && ["tmp", "new", "cur"].contains(parts[1]))
    }

    /// Every file the store refers to (relative paths).
    func referencedPaths() -> [String] {
        let mail = state.outbox.all.compactMap(\.file).flatMap { f in f.hasPrefix("new/") ? [f, Store.sentName(f)] : [f] }
        return state.manifest.referencedFiles.map { "data/" + $0 } + state.accounts.all.compactMap(\.profile.photo).map { "photos/" + $0 }
            + mail.map { "mail/" + $0 }
    }

    /// Files in `data/` and `photos/` that nothing refers to.
    public func leftoverFiles() -> [String] {
        let fm = FileManager.default
        let referenced = state.manifest.referencedFiles
        let photos = Set(state.accounts.all.compactMap(\.profile.photo))
        let data = ((try? fm.contentsOfDirectory(atPath: dataPath)) ?? []).filter { !referenced.contains($0) }.map { "data/" + $0 }
        let pics = ((try? fm.contentsOfDirectory(atPath: photosPath)) ?? []).filter { !photos.contains($0) }.map { "photos/" + $0 }
        return (data + pics + unreferencedMail().map { "mail/" + $0 }).sorted()
    }

    /// Maildir files no outbox record names (from an interrupted change, or an erased message).
    func unreferencedMail() -> [String] {
        let fm = FileManager.default
        // A file moved to cur/ just before its record was updated still belongs to that record.
        let named = Set(state.outbox.all.compactMap(\.file).flatMap { f in f.hasPrefix("new/") ? [f, Store.sentName(f)] : [f] })
        var out: [String] = []
        for sub in ["tmp", "new", "cur"] {
            for name in (try? fm.contentsOfDirectory(atPath: mailPath + "/" + sub)) ?? [] where !named.contains(sub + "/" + name) {
                out.append(sub + "/" + name)
            }
        }
        return out
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
