import CSQLite
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One connection to a SQLite database file, set up as the store needs it: WAL with
/// `synchronous=FULL` (an acknowledged change survives a crash), foreign keys on, deleted content
/// overwritten (`secure_delete`), and a busy timeout so processes wait for each other's writes.
///
/// A read-only connection never creates, truncates, checkpoints or re-creates a file:
/// SQLite's `mode=ro` alone makes an empty `-wal` and a `-shm` beside a closed database, so a
/// database whose log is empty or absent is opened `immutable` (the file is the whole store), and
/// one whose log holds changes `mode=ro` through the `-shm` already beside it (a live writer's, or
/// a crash's). A log with changes but no `-shm` cannot be read without making one: refused.
public final class Database {
    /// The file.
    public let path: String
    let handle: OpaquePointer

    /// Opens (or, with `create`, makes with mode 0600) the database at `path`; `readOnly`
    /// opens it without writing any file. Only `create` makes a database: an empty file is refused.
    /// `oneThread` is for a connection only ever used by one thread at a time (a one-shot read
    /// command): SQLite then takes no lock per call, which was a tenth of printing a wijk's
    /// eight weeks at ten times Borne (every column of every row is a call).
    public init(path: String, create: Bool = false, readOnly: Bool = false, oneThread: Bool = false) throws {
        self.path = path
        let name = (path as NSString).lastPathComponent
        if create {
            // SQLite would create the file with 0644 minus umask; the store's files are 0600, and
            // its -wal and -shm files take the database file's mode.
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            guard fd >= 0 else { throw DurableFile.ioError(path) }
            close(fd)
        } else {
            var st = stat()
            guard lstat(path, &st) == 0 else { throw CoreError.storeNotFound(path: path) }
            guard (st.st_mode & S_IFMT) == S_IFREG else { throw CoreError.storeCorrupt(file: path, problem: .notARegularFile) }
            guard st.st_uid == geteuid() else { throw CoreError.storeCorrupt(file: path, problem: .otherOwner) }
            if st.st_mode & 0o077 != 0 { throw CoreError.storeFileReadableByOthers(path: path) }
            // SQLite takes an empty file for a new database and writes one into it (a store that
            // looks new, its people gone): only `create` makes a database.
            if st.st_size == 0 { throw CoreError.storeCorrupt(file: path, problem: .empty) }
        }
        var db: OpaquePointer?
        let flags = (readOnly ? SQLITE_OPEN_READONLY | SQLITE_OPEN_URI : SQLITE_OPEN_READWRITE) | SQLITE_OPEN_NOFOLLOW | (oneThread ? SQLITE_OPEN_NOMUTEX : SQLITE_OPEN_FULLMUTEX)
        var log = stat(), index = stat()
        let logHasChanges = lstat(path + "-wal", &log) == 0 && log.st_size > 0
        if readOnly, logHasChanges, lstat(path + "-shm", &index) != 0 {
            throw CoreError.storeCorrupt(file: name + "-wal", problem: .logWithoutIndex)
        }
        let uri = "file:" + (path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path) + (logHasChanges ? "?mode=ro" : "?immutable=1")
        let rc = sqlite3_open_v2(readOnly ? uri : path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(db)
            throw Self.error(rc, message, path)
        }
        handle = db
        try setUp(writable: !readOnly)
    }

    /// A private copy in memory of `source` as it reads now (log included), that may be changed
    /// freely: `check` tries migrations and brings derived columns up to date in it, where a
    /// transaction in the file itself, even one undone, would write the log.
    public init(memoryCopyOf source: Database) throws {
        path = source.path
        var db: OpaquePointer?
        let rc = sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, nil)
        guard rc == SQLITE_OK, let db else { sqlite3_close(db); throw Self.error(rc, "out of memory", path) }
        handle = db
        // (From here on deinit closes the connection if this throws.)
        guard let backup = sqlite3_backup_init(db, "main", source.handle, "main") else {
            throw CoreError.storeIO(file: path, problem: String(cString: sqlite3_errmsg(db)))
        }
        let step = sqlite3_backup_step(backup, -1)
        let done = sqlite3_backup_finish(backup)
        guard step == SQLITE_DONE, done == SQLITE_OK else {
            throw Self.error(step == SQLITE_DONE ? done : step, String(cString: sqlite3_errmsg(source.handle)), path)
        }
        try setUp(writable: false)
    }

    /// An empty database in memory, standing in for `path` in messages (`problems` lays the
    /// file's schema down in one to see that it compiles).
    init(emptyInMemoryFor path: String) throws {
        self.path = path
        var db: OpaquePointer?
        let rc = sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, nil)
        guard rc == SQLITE_OK, let db else { sqlite3_close(db); throw Self.error(rc, "out of memory", path) }
        handle = db
    }

    /// The settings every connection gets; a file that cannot even be set up is damaged, and is
    /// left as it is, log included.
    private func setUp(writable: Bool) throws {
        sqlite3_extended_result_codes(handle, 1)
        do {
            try execute("PRAGMA busy_timeout = 5000")
            if writable {
                try execute("PRAGMA journal_mode = WAL")
                try execute("PRAGMA synchronous = FULL")
            }
            // A 1 MiB page cache instead of 2: a process reads a screen or a listing once, the
            // kernel's page cache keeps the file warm between them, and every MiB counts against
            // the `agenda` command's 30 MB (the benchmark saw no slower frame or key).
            try execute("PRAGMA cache_size = -1024")
            try execute("PRAGMA foreign_keys = ON")
            try execute("PRAGMA secure_delete = ON")
            try check(cs_register_probe(handle))
        } catch {
            // (deinit closes it: the initialiser throws after every property is set.)
            _ = cs_no_checkpoint_on_close(handle)
            throw error
        }
    }

    deinit { sqlite3_close(handle) }


    /// A store error for a SQLite result code, in words a resident's administrator can act on.
    static func error(_ rc: Int32, _ message: String, _ path: String) -> CoreError {
        switch rc & 0xFF {
        case SQLITE_CORRUPT, SQLITE_NOTADB: return .storeCorrupt(file: (path as NSString).lastPathComponent, problem: .unreadable(detail: message))
        case SQLITE_FULL: return .storeFull(path: path)
        case SQLITE_READONLY: return .storeReadOnly(path: path)
        case SQLITE_IOERR where errno == ENOSPC: return .storeFull(path: path)
        case SQLITE_IOERR where errno == EROFS: return .storeReadOnly(path: path)
        case SQLITE_BUSY, SQLITE_LOCKED: return .storeLocked(path: path)
        default: return .storeIO(file: path, problem: message)
        }
    }

    func check(_ rc: Int32) throws {
        guard rc == SQLITE_OK || rc == SQLITE_ROW || rc == SQLITE_DONE else {
            throw Self.error(rc, String(cString: sqlite3_errmsg(handle)), path)
        }
    }

    /// Runs SQL without results (one or more statements).
    public func execute(_ sql: String) throws {
        var err: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &err)
        if rc != SQLITE_OK {
            let message = err.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(err)
            throw Self.error(rc, message, path)
        }
    }

    /// A prepared statement.
    public func prepare(_ sql: String) throws -> Statement {
        var stmt: OpaquePointer?
        try check(sqlite3_prepare_v2(handle, sql, -1, &stmt, nil))
        guard let stmt else { throw CoreError.storeIO(file: path, problem: "empty statement") }
        return Statement(stmt, self)
    }

    /// Runs `body` in one write transaction (`BEGIN IMMEDIATE`: the write lock first, so two
    /// processes never both read and then both write); rolls back when it throws.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// Runs `body` in one read transaction (one snapshot of the store), unless one is open.
    public func reading<T>(_ body: () throws -> T) throws -> T {
        guard sqlite3_get_autocommit(handle) != 0 else { return try body() }
        try execute("BEGIN")
        defer { try? execute("COMMIT") }
        return try body()
    }

    /// The first column of the first row of `sql` bound to `values`, as an integer (0 when none).
    public func integer(_ sql: String, _ values: Any?...) throws -> Int {
        let s = try prepare(sql).bind(all: values)
        guard try s.step() else { return 0 }
        return s.int(0)
    }

    /// The schema version (`PRAGMA user_version`).
    public var userVersion: Int {
        get throws { try integer("PRAGMA user_version") }
    }

    /// Changes whenever another connection commits (cheap to ask before every screen refresh).
    public var dataVersion: Int {
        get throws { try integer("PRAGMA data_version") }
    }

    /// What `PRAGMA integrity_check` and `foreign_key_check` find (empty when sound).
    public func problems() throws -> [String] {
        var out: [String] = []
        let s = try prepare("PRAGMA integrity_check")
        while try s.step() { let t = s.text(0); if t != "ok" { out.append(t) } }
        let f = try prepare("PRAGMA foreign_key_check")
        while try f.step() { out.append("foreign key: table \(f.text(0)) row \(f.int(1)) refers to \(f.text(2))") }
        // A table's CHECK constraints and its triggers are compiled only by a connection that
        // may write, and only when a statement writes: a changed byte in their text passes the
        // checks above and every read, and refuses every change after (the fuzz test found
        // "target_activivy" in a CHECK). The schema is laid down in an empty database in
        // memory, and a write to every table prepared there (never run).
        let scratch = try Database(emptyInMemoryFor: path)
        let schema = try prepare("""
            SELECT name, tbl_name, sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'
            ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 WHEN 'view' THEN 2 ELSE 3 END, rowid
            """)
        func said(_ error: Error) -> String {
            if case .storeIO(_, let problem)? = error as? CoreError { return problem }
            return "\(error)"
        }
        var tables: [String] = [], failed: Set<String> = []
        while try schema.step() {
            let (name, table, sql) = (schema.text(0), schema.text(1), schema.text(2))
            // (An index or trigger of a table that failed fails with it: named once.)
            do { try scratch.execute(sql) } catch {
                if !failed.contains(table) { out.append("\(name): \(said(error))") }
                failed.insert(table)
                continue
            }
            if sql.uppercased().hasPrefix("CREATE TABLE") { tables.append(name) }
        }
        for table in tables {
            func quote(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
            // (Every column set to itself: each UPDATE trigger, whatever columns it names, is compiled.)
            var columns: [String] = []
            let info = try scratch.prepare("SELECT name FROM pragma_table_info(?1)").bind(table)
            while try info.step() { columns.append(quote(info.text(0))) }
            let t = quote(table)
            for sql in ["INSERT INTO \(t) SELECT * FROM \(t) WHERE 0", "DELETE FROM \(t) WHERE 0",
                        "UPDATE \(t) SET " + columns.map { "\($0) = \($0)" }.joined(separator: ", ") + " WHERE 0"] {
                do { _ = try scratch.prepare(sql) } catch { out.append("\(table): \(said(error))") }
            }
        }
        return out
    }

    /// Closing this connection will not copy the log into the database file: a file found
    /// damaged (or only being checked) is left exactly as it was.
    public func leaveFileAsItIsOnClose() {
        _ = cs_no_checkpoint_on_close(handle)
    }

    /// Never copies the log into the database file, neither when a commit makes it long nor on
    /// closing: a command that writes only its own record (the export's audit event) leaves the
    /// folding to the next full open, so it never folds a log into a file it has not checked.
    public func neverFoldLog() {
        try? execute("PRAGMA wal_autocheckpoint = 0")
        leaveFileAsItIsOnClose()
    }

    /// Copies the write-ahead log into the database and empties it, so content deleted with
    /// `secure_delete` is gone from every file (run after an erasure).
    public func checkpointTruncate() throws {
        var logFrames: Int32 = 0, done: Int32 = 0
        try check(sqlite3_wal_checkpoint_v2(handle, nil, SQLITE_CHECKPOINT_TRUNCATE, &logFrames, &done))
    }

    /// Tries the migrations the database still needs and undoes them: `check` says whether
    /// opening will be able to upgrade it, without changing it.
    public func tryMigrations(_ migrations: [(Database) throws -> Void]) throws {
        let version = try userVersion
        guard version >= 0, version < migrations.count else { return }
        try execute("BEGIN IMMEDIATE")
        defer { try? execute("ROLLBACK") }
        for step in migrations[version...] { try step(self) }
    }

    /// Brings the schema to the newest of `migrations` (index i makes version i + 1), all steps in
    /// one transaction; a database newer than this program is refused, untouched.
    public func migrate(_ migrations: [(Database) throws -> Void]) throws {
        let version = try userVersion
        guard version >= 0 else {
            throw CoreError.storeCorrupt(file: (path as NSString).lastPathComponent, problem: .unreadable(detail: "schema version \(version)"))
        }
        if version > migrations.count {
            throw CoreError.storeNewerFormat(file: (path as NSString).lastPathComponent, found: version, known: migrations.count)
        }
        guard version < migrations.count else { return }
        try transaction {
            for step in migrations[version...] { try step(self) }
            try execute("PRAGMA user_version = \(migrations.count)")
        }
    }
}

/// A prepared SQLite statement: bind, step, read columns.
public final class Statement {
    let handle: OpaquePointer
    let db: Database

    init(_ handle: OpaquePointer, _ db: Database) {
        self.handle = handle
        self.db = db
    }

    deinit { sqlite3_finalize(handle) }

    /// Binds values to `?1`, `?2`, … (Int, Double, String, Data, or nil).
    @discardableResult
    public func bind(_ values: Any?...) throws -> Statement { try bind(all: values) }

    /// Binds `values` to `?1`, `?2`, … in order.
    @discardableResult
    public func bind(all values: [Any?]) throws -> Statement {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        for (i, v) in values.enumerated() {
            let n = Int32(i + 1)
            switch v {
            case nil: try db.check(sqlite3_bind_null(handle, n))
            case let x as Int: try db.check(sqlite3_bind_int64(handle, n, Int64(x)))
            case let x as Double: try db.check(sqlite3_bind_double(handle, n, x))
            case let s as String:
                // With its length: a NUL inside the text is kept (as the record's checksum counts it).
                let length = Int32(s.utf8.count)
                try s.withCString { p in try db.check(sqlite3_bind_text(handle, n, p, length, cs_transient())) }
            case let d as Data:
                try d.withUnsafeBytes { buf in
                    try db.check(sqlite3_bind_blob(handle, n, buf.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(buf.count), cs_transient()))
                }
            default: throw CoreError.storeIO(file: db.path, problem: "cannot bind \(type(of: v!))")
            }
        }
        return self
    }

    /// Advances; true when a row is ready.
    public func step() throws -> Bool {
        let rc = sqlite3_step(handle)
        if rc == SQLITE_ROW { return true }
        if rc == SQLITE_DONE { return false }
        try db.check(rc)
        return false
    }

    /// Ends the statement's current run (and the read it holds), keeping it prepared.
    public func reset() { sqlite3_reset(handle) }

    /// Runs the statement to its end.
    public func run() throws { while try step() {} }

    /// True when column `i` is NULL.
    public func isNull(_ i: Int32) -> Bool { sqlite3_column_type(handle, i) == SQLITE_NULL }

    /// Column `i` as an integer.
    public func int(_ i: Int32) -> Int { Int(sqlite3_column_int64(handle, i)) }

    /// Column `i` as a floating-point number.
    public func double(_ i: Int32) -> Double { sqlite3_column_double(handle, i) }

    /// Column `i` as text.
    public func text(_ i: Int32) -> String { String(decoding: bytes(i), as: UTF8.self) }

    /// Column `i` as text bytes, valid until the statement steps, resets or is finalised (a NUL
    /// inside the text is kept: the length is SQLite's, not the first NUL's).
    public func bytes(_ i: Int32) -> UnsafeRawBufferPointer {
        guard let p = sqlite3_column_text(handle, i) else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: p, count: Int(sqlite3_column_bytes(handle, i)))
    }

    /// The number of columns of a row.
    var columnCount: Int32 { sqlite3_column_count(handle) }

    /// Column `i` as the value SQLite holds, of its own type (a blob, which no table of
    /// records holds, is read as bytes of text so a reader reports it as the wrong type).
    func cell(_ i: Int32) -> Cell {
        switch sqlite3_column_type(handle, i) {
        case SQLITE_INTEGER: .int(int(i))
        case SQLITE_FLOAT: .real(double(i))
        case SQLITE_NULL: .null
        case SQLITE_TEXT: .text(text(i))
        default: .blob(data(i))
        }
    }

    /// Columns `range` of the current row.
    func cells(_ range: Range<Int32>) -> [Cell] { range.map(cell) }

    /// Column `i` as bytes.
    public func data(_ i: Int32) -> Data {
        let n = Int(sqlite3_column_bytes(handle, i))
        guard n > 0, let p = sqlite3_column_blob(handle, i) else { return Data() }
        return Data(bytes: p, count: n)
    }
}

// A connection is opened with SQLITE_OPEN_FULLMUTEX (unless its opener promises one thread):
// SQLite serialises every call on it, so one may be used from another thread (the count after an erasure reads on two connections at once).
extension Database: @unchecked Sendable {}

/// One statement prepared once and used by one caller at a time, reset after each use (a
/// statement left on a row keeps a read open). For reads repeated thousands of times, such as one
/// record by id: preparing them anew was a tenth of printing eight weeks of the agenda at ten
/// times Borne.
final class StatementSlot: @unchecked Sendable {
    private let lock = NSLock()
    private let db: Database
    private let sql: String
    private var statement: Statement?

    init(_ db: Database, _ sql: String) {
        self.db = db
        self.sql = sql
    }

    /// The statement itself, prepared when first asked, for a caller that already holds another
    /// slot's lock and runs it to its end or resets it (the lists of a record read by `with`).
    func prepared() throws -> Statement {
        try lock.withLock {
            let s = try statement ?? db.prepare(sql)
            statement = s
            return s
        }
    }

    /// Runs `body` with the statement, then resets it.
    func with<T>(_ body: (Statement) throws -> T) throws -> T {
        try lock.withLock {
            let s = try statement ?? db.prepare(sql)
            statement = s
            defer { s.reset() }
            return try body(s)
        }
    }
}

/// Statements prepared once for the many small steps of one write (one account's subject, its
/// notification rows, an activity's occurrences): preparing each anew was most of placing a post
/// that thousands of neighbours hear of. Lives as long as the write (a statement keeps its
/// connection alive, so the connection must not keep these).
final class StatementCache {
    let db: Database
    private var statements: [String: Statement] = [:]

    init(_ db: Database) { self.db = db }

    /// `sql` prepared once for this write, reset and ready to bind.
    func callAsFunction(_ sql: String) throws -> Statement {
        if let s = statements[sql] {
            s.reset()
            return s
        }
        let s = try db.prepare(sql)
        statements[sql] = s
        return s
    }

    /// The first column of the first row of `sql` bound to `values`, as an integer (0 when
    /// none); the statement reset after.
    func integer(_ sql: String, _ values: Any?...) throws -> Int {
        let s = try self(sql).bind(all: values)
        defer { s.reset() }
        guard try s.step() else { return 0 }
        return s.int(0)
    }
}
