import CSQLite
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why a backup could not be written or put back, in words an administrator can act on. In
/// every case the store was left as it was.
public enum BackupProblem: Error, Equatable, Sendable {
    /// The file is not a backup written by `sociaalhus backup`.
    case notABackup(file: String)
    /// The backup was written by a newer SociaalHus (its store schema or backup format).
    case newer(file: String, found: Int, known: Int)
    /// The backup is damaged (a changed byte, a cut-off file, a photo or e-mail that does not match).
    case damaged(file: String, detail: String)
    /// The backup file already exists: a backup never writes over a file.
    case targetExists(path: String)
    /// The backup file would lie inside the store folder (it would be erased and restored with it).
    case targetInsideStore(path: String)

    /// The sentence for the administrator.
    public func message(_ lang: Language) -> String { lang.t(word) }

    /// The same as a word with its values, for the reader's layer to word.
    public var word: Word {
        switch self {
        case .notABackup(let f):
            return .isNotSociaalhusBackupMade(f)
        case .newer(let f, let found, let known):
            return .theBackupWasMadeBy(f, found, known)
        case .damaged(let f, let d):
            return .theBackupIsDamagedThe(f, d)
        case .targetExists(let p):
            return .alreadyExistsBackupNeverWrites(p)
        case .targetInsideStore(let p):
            return .liesInsideTheStoreFolder(p)
        }
    }
}

/// What `Store.backup` wrote.
public struct BackupSummary: Sendable, Equatable {
    /// Records in the backup.
    public var records: Int
    /// Photo and e-mail files in the backup.
    public var files: Int
    /// The store's schema version in the backup.
    public var schema: Int
}

/// What `Store.restore` put back.
public struct RestoreSummary: Sendable, Equatable {
    /// When the backup was made.
    public var made: Date
    /// Records now in the store.
    public var records: Int
    /// Photo and e-mail files now in the store.
    public var files: Int
    /// Accounts in the backup that were erased since, and erased again.
    public var accountsErasedAgain: Int
    /// Intake conversations in the backup that were erased since, and erased again.
    public var intakesErasedAgain: Int
}

/// Backups that keep erasures.
///
/// A backup is one SQLite file: a `VACUUM INTO` copy of the database (a consistent snapshot,
/// taken while sessions run) with two tables added: `backup_info` (what it is, its format and
/// when it was made) and `backup_file` (every photo and e-mail file the records name, with a
/// CRC-32), so the operator keeps one file. It is created 0600 next to its final name and
/// linked into place, so it never writes over a file.
///
/// An erasure is a promise: `erased_subject` (schema 8) lists every erased account and intake by
/// number, with a salted proof of which record it was (sha256crypt of its number and creation
/// time under a random salt per row: no address, no name, nothing a dictionary can find; the
/// number alone is what the audit log already keeps). A restore keeps the live store's list,
/// erases again, with the erasure code itself, everyone on it the backup still holds, and
/// never lets a number be handed out twice (the counters keep the higher of both).
extension Store {
    /// The erased subjects' table and the triggers that record an erasure made by any build
    /// (schema 8). `salt` and `proof` are NULL for an erasure recorded by a trigger or taken from
    /// the audit log: the number alone then says who it was.
    static let erasureTriggersSQL = """
        CREATE TRIGGER erased_account AFTER DELETE ON accounts
            BEGIN INSERT OR IGNORE INTO erased_subject (collection, key, erased) VALUES ('accounts', old.id, unixepoch()); END;
        CREATE TRIGGER erased_intake AFTER DELETE ON intakes
            BEGIN INSERT OR IGNORE INTO erased_subject (collection, key, erased) VALUES ('intakes', old.id, unixepoch()); END;
        """

    /// The magic value of `backup_info`'s "magic" row.
    static let backupMagic = "SociaalHus backup"
    /// The backup file's own format (the tables beside the store's); a newer one is refused.
    static let backupFormat = 1
    /// Where a restore prepares the store it puts back (inside the store folder: same disk, and
    /// removed with it); removed at the next open or restore when a restore was cut off.
    static let restoreFolder = "restoring"

    /// What identifies an erased record beyond its number: its number and creation time.
    static func erasureIdentity(_ c: CollectionName, key: Int, created: Double) -> String {
        "\(c.rawValue):\(key):\(created)"
    }

    /// Records the erasure of account or intake `ref` (called in the transaction that deletes it,
    /// before the row goes): its number with a salted proof of which record it was.
    static func recordErasure(_ ref: RecordRef, now: Date, in db: Database) throws {
        let read = try db.prepare("SELECT created FROM \(ref.collection.rawValue) WHERE id = ?1").bind(ref.key)
        var salt: String?, proof: String?
        if try read.step() {
            let s = randomSalt()
            if let p = keyedHash(erasureIdentity(ref.collection, key: ref.key, created: read.double(0)), key: s) { salt = s; proof = p }
        }
        read.reset()
        try db.prepare("INSERT OR REPLACE INTO erased_subject (collection, key, salt, proof, erased) VALUES (?1, ?2, ?3, ?4, ?5)")
            .bind(ref.collection.rawValue, ref.key, salt, proof, Int(now.timeIntervalSince1970)).run()
    }

    /// 16 random letters and digits (sha256crypt's salt alphabet, as `keyedHash` wants).
    static func randomSalt() -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        var g = SystemRandomNumberGenerator()
        return String((0..<16).map { _ in alphabet[Int(g.next(upperBound: UInt64(alphabet.count)))] })
    }

    // MARK: Backup

    /// Writes a backup of the store at `path` to `target` (a new file, mode 0600, outside the
    /// store folder): a consistent copy of the database while sessions run, with every photo and
    /// e-mail file its records name. Holds the store's lock shared, so no change lands between
    /// the copy of the records and the files; nothing in the store is written. A store of an
    /// older schema is copied as it is (a restore migrates it).
    @discardableResult
    public static func backup(storeAt path: String, to target: String, now: Date = Date()) throws -> BackupSummary {
        try checkDirectory(path)
        let dbPath = path + "/" + StoreSchema.fileName
        var st = stat()
        guard lstat(dbPath, &st) == 0 else { throw CoreError.storeNotFound(path: path) }
        let target = absolute(target)
        let folder = (target as NSString).deletingLastPathComponent
        if isInside(folder, path) { throw CoreError.backupRefused(.targetInsideStore(path: target)) }
        if lstat(target, &st) == 0 { throw CoreError.backupRefused(.targetExists(path: target)) }
        let temp = folder + "/." + (target as NSString).lastPathComponent + ".tmp-" + UUID().uuidString.prefix(8)
        let fd = Glibc.open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw DurableFile.ioError(temp) }
        close(fd)
        defer { for suffix in ["", "-wal", "-shm", "-journal"] { unlink(temp + suffix) } }
        let lock = try FileLock(path: path + "/store.lock")
        let summary: BackupSummary = try lock.withLock(exclusive: false) {
            // The whole check first (record checksums, derived columns, files): a store `check`
            // calls unsound gets no backup that `restore` would refuse later.
            if let problem = StoreCheck.run(at: path).problems.first { throw problem }
            // Read-only: a backup writes no file of the store, not even a `-wal` or `-shm`.
            let live = try Database(path: dbPath, readOnly: true)
            let schema = try live.userVersion
            if schema > StoreSchema.migrations.count {
                throw CoreError.storeNewerFormat(file: StoreSchema.fileName, found: schema, known: StoreSchema.migrations.count)
            }
            // One read transaction: the snapshot of every table at one moment (WAL: writers go on).
            try live.prepare("VACUUM INTO ?1").bind(temp).run()
            return try fillBackup(temp, storePath: path, schema: schema, now: now)
        }
        let f = Glibc.open(temp, O_RDONLY | O_CLOEXEC)
        guard f >= 0 else { throw DurableFile.ioError(temp) }
        let synced = fsync(f) == 0
        close(f)
        guard synced else { throw DurableFile.ioError(temp) }
        // link, not rename: it fails when the name exists, so no file is ever written over.
        guard link(temp, target) == 0 else {
            if errno == EEXIST { throw CoreError.backupRefused(.targetExists(path: target)) }
            throw DurableFile.ioError(target)
        }
        try DurableFile.syncDirectory(folder)
        return summary
    }

    /// Checks the copy at `temp` record by record and adds what makes it a backup: its info and
    /// the photo and e-mail files its records name (read from the store, under its lock).
    private static func fillBackup(_ temp: String, storePath path: String, schema: Int, now: Date) throws -> BackupSummary {
        let copy = try Database(path: temp)
        // A damaged store makes no backup that looks sound.
        if let problem = try copy.problems().first { throw CoreError.storeCorrupt(file: StoreSchema.fileName, problem: .unreadable(detail: problem)) }
        let state = try readAllRecords(copy)
        var records = 0
        for c in CollectionName.allCases { records += try copy.integer("SELECT count(*) FROM \(c.rawValue)") }
        try copy.transaction {
            try copy.execute("""
                CREATE TABLE backup_info (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
                CREATE TABLE backup_file (path TEXT PRIMARY KEY, crc INTEGER NOT NULL, data BLOB NOT NULL) STRICT;
                """)
            let info = try copy.prepare("INSERT INTO backup_info VALUES (?1, ?2)")
            for (k, v) in [("magic", backupMagic), ("format", String(backupFormat)), ("schema", String(schema)),
                           ("made", String(Int(now.timeIntervalSince1970))), ("records", String(records))] {
                try info.bind(k, v).run()
            }
            let add = try copy.prepare("INSERT INTO backup_file VALUES (?1, ?2, ?3)")
            var files = 0
            for rel in try backedUpFiles(of: state, at: path) {
                let data = try DurableFile.read(path + "/" + rel, displayName: rel)
                try add.bind(rel, Int(CRC32.checksum(data)), data).run()
                files += 1
            }
            try info.bind("files", String(files)).run()
        }
        let files = try copy.integer("SELECT count(*) FROM backup_file")
        // One file again: the copy leaves write-ahead logging (its -wal and -shm go).
        try copy.execute("PRAGMA journal_mode = DELETE")
        return BackupSummary(records: records, files: files, schema: schema)
    }

    /// The photo and e-mail files `state`'s records name, as they lie in the store at `path`
    /// (an e-mail already sent is in `cur/` under its sent name). One that is missing makes the
    /// store unsound: no backup is written.
    static func backedUpFiles(of state: StoreState, at path: String) throws -> [String] {
        let fm = FileManager.default
        var out: [String] = state.accounts.all.compactMap(\.profile.photo).map { "photos/" + $0 }
        for m in state.outbox.all {
            guard let f = m.file else { continue }
            let sent = f.hasPrefix("new/") ? Store.sentName(f) : f
            out.append(fm.fileExists(atPath: path + "/mail/" + f) || !fm.fileExists(atPath: path + "/mail/" + sent) ? "mail/" + f : "mail/" + sent)
        }
        for rel in out where !isStorePath(rel) || !fm.fileExists(atPath: path + "/" + rel) {
            throw CoreError.storeCorrupt(file: rel, problem: .missing)
        }
        return out.sorted()
    }

    // MARK: Restore

    /// Puts the backup `file` back into the store at `path`, under the store's lock: every
    /// record, photo and e-mail as the backup had them, migrated to this build's schema, except
    /// everyone erased since (the live store's `erased_subject`), who is erased again with the
    /// erasure code itself. The prepared store must check sound before it replaces anything; a
    /// file that is not a backup, of a newer format, or damaged, is refused and the store left
    /// as it was. Sessions that run on see the restored store at their next refresh (the
    /// database is replaced through SQLite, every collection's counter moves).
    @discardableResult
    public static func restore(storeAt path: String, from file: String, clock: any Clock = SystemClock(),
                               hasher: any PasswordHashing = YescryptHasher()) throws -> RestoreSummary {
        try checkDirectory(path)
        let dbPath = path + "/" + StoreSchema.fileName
        var st = stat()
        guard lstat(dbPath, &st) == 0 else { throw CoreError.storeNotFound(path: path) }
        let file = absolute(file)
        let source = Glibc.open(file, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard source >= 0 else { throw DurableFile.ioError(file) }
        defer { close(source) }
        guard fstat(source, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { throw CoreError.backupRefused(.notABackup(file: file)) }
        var magic = [UInt8](repeating: 0, count: 16)
        guard pread(source, &magic, 16, 0) == 16, magic == Array("SQLite format 3\0".utf8) else { throw CoreError.backupRefused(.notABackup(file: file)) }

        let lock = try FileLock(path: path + "/store.lock")
        return try lock.withLock(exclusive: true) {
            let work = path + "/" + restoreFolder
            removeRestoreLeftovers(at: path)
            defer { removeRestoreLeftovers(at: path) }
            guard mkdir(work, 0o700) == 0 else { throw DurableFile.ioError(work) }
            for sub in ["photos"] + mailFolders { guard mkdir(work + "/" + sub, 0o700) == 0 else { throw DurableFile.ioError(work + "/" + sub) } }
            try copyFile(source, to: work + "/" + StoreSchema.fileName)
            let made = try unpackBackup(work, name: file)
            // The live store at this build's schema (as any open would), its erasures and counters.
            let live = try Database(path: dbPath)
            try live.migrate(StoreSchema.migrations)
            let liveMeta = try readMeta(live)
            var erased: [(String, Int, String?, String?, Int)] = []
            let rows = try live.prepare("SELECT collection, key, salt, proof, erased FROM erased_subject")
            while try rows.step() {
                erased.append((rows.text(0), rows.int(1), rows.isNull(2) ? nil : rows.text(2), rows.isNull(3) ? nil : rows.text(3), rows.int(4)))
            }
            rows.reset()

            // The backup as a store of its own: opening migrates it; then everyone erased since
            // is erased again, through the same code as any erasure.
            let restored: Store
            do { restored = try Store.open(at: work, clock: clock, hasher: hasher) } catch let e as CoreError { throw damaged(file, e) }
            let keep = try restored.db.prepare("INSERT OR REPLACE INTO erased_subject (collection, key, salt, proof, erased) VALUES (?1, ?2, ?3, ?4, ?5)")
            try restored.db.transaction { for e in erased { try keep.bind(e.0, e.1, e.2, e.3, e.4).run() } }
            let (accounts, intakes) = try erasedAgain(in: restored)
            // (Nobody reads a count of texts naming them here.)
            for id in accounts { try restored.erase(AccountID(id), by: .commandLine, countingNames: false) }
            if !intakes.isEmpty {
                try restored.update { tx in
                    for id in intakes { if let i = tx.state.intakes[id] { eraseIntake(i, actor: nil, in: &tx) } }
                }
            }
            // Numbers never handed out twice; every collection counts as changed for sessions
            // that run on (their change log does not describe this store: they read all anew).
            // Past every number either store has used or acknowledged (erasing again in the copy
            // moved its own on), so `check` never takes the restore for lost changes.
            let generation = max(liveMeta["generation"] ?? 0, acknowledgedGeneration(at: path) ?? 0,
                                 try readMeta(restored.db)["generation"] ?? 0, acknowledgedGeneration(at: work) ?? 0) + 1
            try restored.db.transaction {
                let meta = try readMeta(restored.db)
                let set = try restored.db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)")
                for c in CollectionName.allCases {
                    let last = max(meta["last:" + c.rawValue] ?? 0, liveMeta["last:" + c.rawValue] ?? 0)
                    if last > 0 { try set.bind("last:" + c.rawValue, last).run() }
                    let version = max(meta["version:" + c.rawValue] ?? 0, liveMeta["version:" + c.rawValue] ?? 0) + 1
                    try set.bind("version:" + c.rawValue, version).run()
                }
                try set.bind("generation", generation).run()
                try restored.db.execute("DELETE FROM change_log")
            }
            try restored.db.checkpointTruncate()
            recordAcknowledged(generation, at: work)
            let report = StoreCheck.run(at: work)
            if let problem = report.problems.first { throw CoreError.backupRefused(.damaged(file: file, detail: problem.message(.english))) }
            let files = try swapIn(restored, at: path, live: live, generation: generation)
            recordAcknowledged(generation, at: path)
            return RestoreSummary(made: made, records: report.records, files: files, accountsErasedAgain: accounts.count, intakesErasedAgain: intakes.count)
        }
    }

    /// Checks the copied backup in `work` (that it is one, of a format this build reads, every
    /// page, record and file sound), puts its files in place and leaves a plain store database.
    private static func unpackBackup(_ work: String, name file: String) throws -> Date {
        do {
            let db = try Database(path: work + "/" + StoreSchema.fileName)
            let info = try? db.prepare("SELECT key, value FROM backup_info")
            var values: [String: String] = [:]
            while let info, try info.step() { values[info.text(0)] = info.text(1) }
            guard values["magic"] == backupMagic, let format = Int(values["format"] ?? ""), let made = Int(values["made"] ?? "") else {
                throw CoreError.backupRefused(.notABackup(file: file))
            }
            if format > backupFormat { throw CoreError.backupRefused(.newer(file: file, found: format, known: backupFormat)) }
            let schema = try db.userVersion
            if schema > StoreSchema.migrations.count { throw CoreError.backupRefused(.newer(file: file, found: schema, known: StoreSchema.migrations.count)) }
            if let problem = try db.problems().first { throw CoreError.backupRefused(.damaged(file: file, detail: problem)) }
            _ = try readAllRecords(db)
            if let n = Int(values["records"] ?? "") {
                var records = 0
                for c in CollectionName.allCases { records += try db.integer("SELECT count(*) FROM \(c.rawValue)") }
                guard records == n else { throw CoreError.backupRefused(.damaged(file: file, detail: "\(records) records instead of \(n)")) }
            }
            let files = try db.prepare("SELECT path, crc, data FROM backup_file")
            while try files.step() {
                let rel = files.text(0), data = files.data(2)
                guard isStorePath(rel), UInt32(truncatingIfNeeded: files.int(1)) == CRC32.checksum(data) else {
                    throw CoreError.backupRefused(.damaged(file: file, detail: "file \(rel)"))
                }
                try DurableFile.createNew(work + "/" + rel, data: data)
            }
            files.reset()
            try db.execute("DROP TABLE backup_file; DROP TABLE backup_info")
            try db.checkpointTruncate()
            return Date(timeIntervalSince1970: TimeInterval(made))
        } catch let e as CoreError {
            throw damaged(file, e)
        }
    }

    /// A store error met while reading a backup, as the backup's problem.
    private static func damaged(_ file: String, _ e: CoreError) -> CoreError {
        switch e {
        case .backupRefused, .storeFull, .storeReadOnly, .storeLocked: return e
        case .storeNewerFormat(_, let found, let known): return .backupRefused(.newer(file: file, found: found, known: known))
        case .storeCorrupt(_, .unreadable(let d)) where d.contains("not a database"): return .backupRefused(.notABackup(file: file))
        default: return .backupRefused(.damaged(file: file, detail: e.message(.english)))
        }
    }

    /// The accounts and intakes of `store` on its erased list: those whose proof fits (or that
    /// have only their number on it).
    static func erasedAgain(in store: Store) throws -> (accounts: [Int], intakes: [Int]) {
        var accounts: [Int] = [], intakes: [Int] = []
        let rows = try store.db.prepare("SELECT e.collection, e.key, e.salt, e.proof, a.created FROM erased_subject e JOIN accounts a ON e.collection = 'accounts' AND a.id = e.key "
                                        + "UNION ALL SELECT e.collection, e.key, e.salt, e.proof, i.created FROM erased_subject e JOIN intakes i ON e.collection = 'intakes' AND i.id = e.key")
        while try rows.step() {
            let c = CollectionName(rawValue: rows.text(0))!, key = rows.int(1)
            if !rows.isNull(3) {
                // Another record under the same number (a store made anew) is not the one erased.
                guard let proof = keyedHash(erasureIdentity(c, key: key, created: rows.double(4)), key: rows.text(2)),
                      constantTimeEquals(Array(proof.utf8), Array(rows.text(3).utf8)) else { continue }
            }
            if c == .accounts { accounts.append(key) } else { intakes.append(key) }
        }
        return (accounts, intakes)
    }

    /// Replaces the live store with the prepared one: the files the restored records name first
    /// (a journal names what is added and what goes, so a crash at any step is finished by the
    /// next open), then the database through SQLite's backup API into the live connection (one
    /// transaction other processes see at their next read), then the old files go.
    private static func swapIn(_ restored: Store, at path: String, live: Database, generation: Int) throws -> Int {
        let work = restored.path
        let wanted = Set(filesBesideDatabase(at: work))
        let present = Set(filesBesideDatabase(at: path))
        for rel in wanted.intersection(present) {
            // Names are unique (random or by id); the same name must hold the same bytes.
            guard FileManager.default.contentsEqual(atPath: work + "/" + rel, andPath: path + "/" + rel) else {
                throw CoreError.storeIO(file: rel, problem: "a different file of this name is in the store")
            }
        }
        let journal = Journal(generation: generation, write: wanted.subtracting(present).sorted(), remove: present.subtracting(wanted).sorted())
        try DurableFile.replace(path + "/journal.json", data: try ShardCodec.encoder().encode(journal))
        for rel in journal.write {
            guard rename(work + "/" + rel, path + "/" + rel) == 0 else { throw DurableFile.ioError(path + "/" + rel) }
        }
        for sub in fileFolders { try DurableFile.syncDirectory(path + "/" + sub) }
        guard let copy = sqlite3_backup_init(live.handle, "main", restored.db.handle, "main") else {
            throw Database.error(sqlite3_errcode(live.handle), String(cString: sqlite3_errmsg(live.handle)), live.path)
        }
        let step = sqlite3_backup_step(copy, -1)
        let finish = sqlite3_backup_finish(copy)
        guard step == SQLITE_DONE, finish == SQLITE_OK else {
            throw Database.error(finish != SQLITE_OK ? finish : step, String(cString: sqlite3_errmsg(live.handle)), live.path)
        }
        // The replaced pages leave the log too (as after any erasure).
        try? live.checkpointTruncate()
        for rel in journal.remove where isStorePath(rel) { unlink(path + "/" + rel) }
        for sub in fileFolders { try? DurableFile.syncDirectory(path + "/" + sub) }
        unlink(path + "/journal.json")
        try DurableFile.syncDirectory(path)
        return wanted.count
    }

    /// Removes what a restore cut off left in the store folder: its prepared copy holds the
    /// backup's people before they were erased again.
    static func removeRestoreLeftovers(at path: String) {
        let work = path + "/" + restoreFolder
        guard FileManager.default.fileExists(atPath: work) else { return }
        try? FileManager.default.removeItem(atPath: work)
        try? DurableFile.syncDirectory(path)
    }

    /// Copies the open file `source` to a new file `target` (0600, created exclusively), fsynced.
    private static func copyFile(_ source: Int32, to target: String) throws {
        let out = Glibc.open(target, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard out >= 0 else { throw DurableFile.ioError(target) }
        defer { close(out) }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var offset: off_t = 0
        while true {
            let n = buffer.withUnsafeMutableBytes { pread(source, $0.baseAddress!, $0.count, offset) }
            if n < 0 { if errno == EINTR { continue }; throw DurableFile.ioError(target) }
            if n == 0 { break }
            var done = 0
            while done < n {
                let w = buffer.withUnsafeBytes { Glibc.write(out, $0.baseAddress! + done, n - done) }
                if w < 0 { if errno == EINTR { continue }; throw DurableFile.ioError(target) }
                done += w
            }
            offset += off_t(n)
        }
        guard fsync(out) == 0 else { throw DurableFile.ioError(target) }
    }

    /// `path` made absolute against the working folder, without `.` and `..` parts.
    static func absolute(_ path: String) -> String {
        let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return (full as NSString).standardizingPath
    }

    /// True when folder `inner` is `outer` or lies inside it (links resolved).
    static func isInside(_ inner: String, _ outer: String) -> Bool {
        func real(_ p: String) -> String {
            guard let r = realpath(p, nil) else { return absolute(p) }
            defer { free(r) }
            return String(cString: r)
        }
        let i = real(inner), o = real(outer)
        return i == o || i.hasPrefix(o.hasSuffix("/") ? o : o + "/")
    }
}
