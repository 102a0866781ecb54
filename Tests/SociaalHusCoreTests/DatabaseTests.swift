import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import SociaalHusCore

/// The SQLite connection the store moves onto: set up as promised, migrations in one
/// transaction, deleted data gone from every file, no lost update between connections.
@Suite struct DatabaseTests {
    static func fresh(_ dir: TempDir) throws -> Database {
        try FileManager.default.createDirectory(atPath: dir.path, withIntermediateDirectories: true)
        return try Database(path: dir.path + "/test.db", create: true)
    }

    @Test("a new database is 0600, in WAL mode with synchronous FULL, foreign keys and secure delete on") func setup() throws {
        let dir = TempDir()
        let db = try Self.fresh(dir)
        var st = stat()
        stat(db.path, &st)
        #expect(st.st_mode & 0o777 == 0o600)
        let mode = try db.prepare("PRAGMA journal_mode")
        #expect(try mode.step() && mode.text(0) == "wal")
        #expect(try db.integer("PRAGMA synchronous") == 2)
        #expect(try db.integer("PRAGMA foreign_keys") == 1)
        #expect(try db.integer("PRAGMA secure_delete") == 1)
        #expect(try db.integer("PRAGMA busy_timeout") == 5000)
    }

    @Test("migrations run in one transaction: a failing step leaves the old version and nothing of the new") func migrations() throws {
        let dir = TempDir()
        let db = try Self.fresh(dir)
        let one: (Database) throws -> Void = { try $0.execute("CREATE TABLE a(id INTEGER PRIMARY KEY, v TEXT NOT NULL) STRICT") }
        let bad: (Database) throws -> Void = { try $0.execute("CREATE TABLE b(id INTEGER PRIMARY KEY) STRICT; INSERT INTO nowhere VALUES (1)") }
        #expect(throws: CoreError.self) { try db.migrate([one, bad]) }
        #expect(try db.userVersion == 0)
        #expect(try db.integer("SELECT count(*) FROM sqlite_master") == 0, "the first step was rolled back too")
        try db.migrate([one])
        #expect(try db.userVersion == 1)
        try db.migrate([one])  // nothing to do
        // STRICT: a wrong type is refused, not stored.
        #expect(throws: CoreError.self) { try db.prepare("INSERT INTO a VALUES (1, ?1)").bind(Data([1, 2])).run() }
        // A database newer than the program is refused with the versions named, and left alone.
        try db.execute("PRAGMA user_version = 7")
        #expect(throws: CoreError.storeNewerFormat(file: "test.db", found: 7, known: 1)) { try db.migrate([one]) }
        #expect(try db.userVersion == 7)
    }

    @Test("a deleted canary is in no file of the folder after a checkpoint: database, WAL or shared memory") func secureDelete() throws {
        let dir = TempDir()
        let db = try Self.fresh(dir)
        try db.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT NOT NULL) STRICT")
        for i in 0..<200 { try db.prepare("INSERT INTO t VALUES (?1, ?2)").bind(i, "filler \(i) " + String(repeating: "x", count: 200)).run() }
        try db.prepare("INSERT INTO t VALUES (999, ?1)").bind("CANARY-Zq8-erased-person").run()
        try db.execute("DELETE FROM t WHERE id = 999")
        try db.checkpointTruncate()
        for f in allFiles(under: dir.path) {
            let d = try Data(contentsOf: URL(fileURLWithPath: f))
            #expect(d.range(of: Data("CANARY-Zq8".utf8)) == nil, "\(f) still holds it")
        }
    }

    @Test("two connections adding at once lose no update") func concurrentWrites() throws {
        let dir = TempDir()
        let db = try Self.fresh(dir)
        try db.execute("CREATE TABLE counter(id INTEGER PRIMARY KEY, n INTEGER NOT NULL) STRICT; INSERT INTO counter VALUES (1, 0)")
        let path = db.path
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            guard let mine = try? Database(path: path) else { return }
            for _ in 0..<50 {
                try? mine.transaction {
                    let n = try mine.integer("SELECT n FROM counter WHERE id = 1")
                    try mine.prepare("UPDATE counter SET n = ?1 WHERE id = 1").bind(n + 1).run()
                }
            }
        }
        #expect(try db.integer("SELECT n FROM counter WHERE id = 1") == 200)
    }

    @Test("a damaged database is reported, never a crash") func damaged() throws {
        let dir = TempDir()
        do {
            let db = try Self.fresh(dir)
            try db.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT NOT NULL) STRICT")
            for i in 0..<500 { try db.prepare("INSERT INTO t VALUES (?1, ?2)").bind(i, String(repeating: "y", count: 100)).run() }
            try db.checkpointTruncate()
        }
        let path = dir.path + "/test.db"
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        for i in stride(from: 4096 + 100, to: min(bytes.count, 4096 * 6), by: 7) { bytes[i] ^= 0x5A }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o600)
        do {
            let db = try Database(path: path)
            let problems = (try? db.problems()) ?? ["unreadable"]
            let counted = try? db.integer("SELECT count(*) FROM t")
            #expect(!problems.isEmpty || counted != 500, "damage went unnoticed")
        } catch let e as CoreError {
            #expect(e.message(.dutch).contains("beschadigd") || e.message(.dutch).contains("test.db"), "\(e)")
        }
        // Not a database at all.
        try Data("just text, no database".utf8).write(to: URL(fileURLWithPath: dir.path + "/text.db"))
        chmod(dir.path + "/text.db", 0o600)
        #expect(throws: CoreError.self) { _ = try Database(path: dir.path + "/text.db").integer("SELECT count(*) FROM sqlite_master") }
        // A link in place of the file is refused, not followed.
        symlink(path, dir.path + "/link.db")
        #expect(throws: CoreError.storeCorrupt(file: dir.path + "/link.db", problem: .notARegularFile)) { _ = try Database(path: dir.path + "/link.db") }
    }
}
