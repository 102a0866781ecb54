import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Read-only commands never create, truncate, checkpoint or re-create a store
/// file, and a missing or empty database is an error, never a fresh store. Each finding reported
/// from outside is a named case here, run against the real binary.
@Suite(.serialized) struct ReadOnlyTests {
    typealias CLI = CommandLineTests

    /// Every file of the store with its size and bytes (the -shm only by name: it is SQLite's
    /// shared-memory index, which every reader of a live log marks, and holds no data).
    static func files(_ store: String) -> [String: Data] {
        var out: [String: Data] = [:]
        for rel in (FileManager.default.enumerator(atPath: store)?.allObjects as? [String]) ?? [] {
            var st = stat()
            guard lstat(store + "/" + rel, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { continue }
            out[rel] = rel.hasSuffix("-shm") ? Data() : FileManager.default.contents(atPath: store + "/" + rel) ?? Data()
        }
        return out
    }

    /// A store with an account, an activity's worth of commands behind it.
    static func store(_ t: CLI.Temp) throws {
        #expect(try CLI.run(["init", "--store", t.store]).status == 0)
        let r = try CLI.run(["account", "add", "--store", t.store, "--email", "anna@example.nl", "--name", "Anna", "--wijk", "Centrum"], stdin: CLI.password)
        #expect(r.status == 0, "\(r.err)")
    }

    /// The commands that only read, as a person would type them.
    static let readers: [[String]] = [["check"], ["agenda"], ["agenda", "--wijk", "Centrum", "--days", "7"], ["privacy", "show"], ["mail", "list"]]

    @Test("regression: `: > sociaalhus.db; check; agenda` — check writes nothing, agenda refuses (exit 1) instead of making a new empty store")
    func emptyDatabase() throws {
        let t = CLI.Temp()
        try Self.store(t)
        let db = t.store + "/sociaalhus.db"
        #expect(truncate(db, 0) == 0)
        // (The writer's log is still beside it: the command that wrote it ended without closing.)
        let before = Self.files(t.store)
        let check = try CLI.run(["check", "--store", t.store])
        #expect(check.status == 1)
        #expect(check.err.contains("leeg") && check.err.contains("sociaalhus init"), "\(check.err)")
        #expect(Self.files(t.store) == before, "check wrote nothing (it wrote a 4 KB header)")
        for args in Self.readers + [["export", "--email", "anna@example.nl"]] {
            let r = try CLI.run(args + ["--store", t.store])
            #expect(r.status == 1, "\(args): \(r.out)")
            #expect(r.err.contains("sociaalhus init"), "\(args): \(r.err)")
            #expect(Self.files(t.store) == before, "\(args) made a store or folded the log into the empty file")
        }
        let en = try CLI.run(["agenda", "--store", t.store, "--lang", "en"])
        #expect(en.err.contains("empty") && en.err.contains("sociaalhus init"), "\(en.err)")
    }

    @Test("regression: a missing database stays missing after every read-only command", arguments: readers)
    func missingDatabase(args: [String]) throws {
        let t = CLI.Temp()
        try Self.store(t)
        unlink(t.store + "/sociaalhus.db")
        let before = Self.files(t.store)
        let r = try CLI.run(args + ["--store", t.store])
        #expect(r.status == 1)
        #expect(r.err.contains("sociaalhus init"), "\(r.err)")
        #expect(Self.files(t.store) == before)
    }

    @Test("read-only commands leave every byte of every store file as it was, with and without a log", arguments: readers)
    func untouched(args: [String]) throws {
        let t = CLI.Temp()
        try Self.store(t)
        // A store as a crash leaves it: a change in the log, and the log's index beside it.
        let live = CLI.Temp()
        try Self.holdingOpen(t.store) {
            try Self.addAccount(t.store, "bea@example.nl")
            try FileManager.default.copyItem(atPath: t.store, toPath: live.store)
        }
        #expect(Self.files(live.store)["sociaalhus.db-wal"]?.isEmpty == false, "the copy has a log with a change in it")
        for store in [t.store, live.store] {
            let before = Self.files(store)
            let r = try CLI.run(args + ["--store", store])
            #expect(r.status == 0, "\(args): \(r.err)")
            #expect(Self.files(store) == before, "\(args) changed a file in \(store == t.store ? "a closed store" : "a store with a log")")
        }
    }

    @Test("regression: check calls a blocked flag changed beside its record's checksum damage (schema 9: a 2 is refused by the table)") func blockedTwo() throws {
        let t = CLI.Temp()
        try Self.store(t)
        try Self.sql(t.store, "UPDATE accounts SET blocked = 1 - blocked")
        let r = try CLI.run(["check", "--store", t.store])
        #expect(r.status == 1, "\(r.out)")
        #expect(r.err.contains("accounts"), "\(r.err)")
    }

    @Test("regression: check says so when the log that held acknowledged changes is deleted or replaced")
    func logGone() throws {
        for replaced in [false, true] {
            let t = CLI.Temp(), old = CLI.Temp(), live = CLI.Temp()
            try Self.store(t)
            try Self.holdingOpen(t.store) {
                try Self.addAccount(t.store, "bea@example.nl")
                try FileManager.default.copyItem(atPath: t.store, toPath: old.store)
                try Self.addAccount(t.store, "carl@example.nl")
                try FileManager.default.copyItem(atPath: t.store, toPath: live.store)
            }
            #expect(try CLI.run(["check", "--store", live.store]).status == 0, "sound as copied")
            for f in ["sociaalhus.db-wal", "sociaalhus.db-shm"] {
                unlink(live.store + "/" + f)
                // Replaced: the log of the older copy, which lacks the last change.
                if replaced { try FileManager.default.copyItem(atPath: old.store + "/" + f, toPath: live.store + "/" + f) }
            }
            let r = try CLI.run(["check", "--store", live.store])
            #expect(r.status == 1, "replaced: \(replaced): \(r.out)")
            #expect(r.err.contains("sociaalhus.db-wal"), "\(r.err)")
        }
    }

    @Test("no message names manifest.json for a store of this format") func noManifest() throws {
        let t = CLI.Temp()
        try Self.store(t)
        try Data("x".utf8).write(to: URL(fileURLWithPath: t.store + "/photos/stray.jpg"))
        chmod(t.store + "/photos/stray.jpg", 0o600)
        let r = try CLI.run(["check", "--store", t.store])
        #expect(r.status == 1)
        #expect(r.err.contains("photos/stray.jpg") && !r.err.contains("manifest"), "\(r.err)")
    }

    /// Runs SQL on the store's database through the sqlite3 module of Python (the test has no
    /// SQLite of its own), folding the log in afterwards.
    static func sql(_ store: String, _ text: String) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(sys.argv[2]); c.commit(); c.execute('pragma wal_checkpoint(truncate)'); c.close()",
                       store + "/sociaalhus.db", text]
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
    }

    /// Adds an account through the binary.
    static func addAccount(_ store: String, _ email: String) throws {
        let r = try CLI.run(["account", "add", "--store", store, "--email", email, "--name", "Iemand", "--wijk", "Centrum"], stdin: CLI.password)
        #expect(r.status == 0, "\(r.err)")
    }

    /// Runs `body` while another process holds the database open in a read transaction, so
    /// changes made meanwhile stay in the log (as a crash, or a copy of a live store, leaves it).
    static func holdingOpen(_ store: String, _ body: () throws -> Void) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1], isolation_level=None); c.execute('begin'); c.execute('select count(*) from meta').fetchone(); print('ready', flush=True); sys.stdin.read()",
                       store + "/sociaalhus.db"]
        let input = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        try p.run()
        defer { try? input.fileHandleForWriting.close(); p.waitUntilExit() }
        _ = output.fileHandleForReading.availableData
        try body()
    }
}
