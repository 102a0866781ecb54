import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@_spi(Operator) @testable import SociaalHusCore
import SociaalHusBench

/// Seeded damage to a small store, thousands of times: nothing crashes, nothing hangs, no file
/// changes, and `check` never calls a store sound whose content a damaged byte changed.
/// What only reads (`check`, and a store opened `.read` and read) leaves every byte of every store
/// file as it was, the log included, after every damage; some damages start from a
/// store with changes still in its log, as a crash or a copy of a live store leaves it.
/// It drives the store only through `Store.open`, `StoreCheck.run` and reads, so it keeps its
/// meaning when the engine behind them changes. `SOCIAALHUS_FUZZ_RUNS` sets the number of runs.
@Suite(.serialized) struct StoreFuzzTests {
    /// A small store with a record in every collection that has files, and a queued e-mail (a
    /// post with a phone number, so `mention` has a row).
    static func template() throws -> DeskWorld {
        let w = try DeskWorld()
        try w.store.createPost(PostDraft(kind: .vraag, title: "Wie helpt?", body: "Tekst, bel 06-1234 5678", wijk: w.resident.profile.wijk, author: .resident(w.resident.id)),
                               by: .account(w.resident))
        try w.store.sendMessage(senderName: "Bea", senderEmail: "bea@example.org", to: .resident(w.resident.id), text: "Hallo", by: .visitor)
        try w.store.createIntake(IntakeInput(question: "Vraag", name: "Piet", phone: "0612345678"), by: w.desk)
        try w.store.report(.profile(w.resident.id), reason: .unwanted, explanation: "x", name: "B", email: "b@example.org", by: .visitor)
        return w
    }

    /// Path → (kind, mode, contents) of every entry under the store. With `log`, the log's bytes
    /// too and whether a -shm is there (its bytes are SQLite's shared-memory index, which every
    /// reader of a log marks; they hold no data); without, neither (opening for changes folds the
    /// log in and removes both).
    static func snapshot(_ root: String, log: Bool = false) -> [String: String] {
        var out: [String: String] = [:]
        let fm = FileManager.default
        for rel in (fm.enumerator(atPath: root)?.allObjects as? [String]) ?? [] where log || (!rel.hasSuffix("-shm") && !rel.hasSuffix("-wal")) {
            var st = stat()
            guard lstat(root + "/" + rel, &st) == 0 else { continue }
            var line = "\(st.st_mode)"
            if (st.st_mode & S_IFMT) == S_IFREG, !rel.hasSuffix("-shm"), let d = fm.contents(atPath: root + "/" + rel) { line += " \(CRC32.checksum(d)) \(d.count)" }
            out[rel] = line
        }
        return out
    }

    /// The store's content: every record's encoding, by collection and key.
    static func fingerprint(_ s: Store) -> [String: Data] {
        var out: [String: Data] = [:]
        for (ref, change) in Store.allChanges(of: s.state) {
            if case .put(let r) = change { out["\(ref.collection.rawValue)-\(ref.key)"] = Store.rowBytes(of: r) }
        }
        return out
    }

    enum Damage: CaseIterable {
        case flip, flipMany, truncate, append, delete, swapPages, userVersion, metaNumber, validEdit, dropRow, fifo, symlink, openMode, journal
        // An empty file, a derived column out of step, and damages to the change log.
        case empty, derivedColumn, leftoverLog, logDeleted, logReplaced, logWithoutIndex

        /// The damages that start from a store with changes in its log.
        var live: Bool { [.leftoverLog, .logDeleted, .logReplaced, .logWithoutIndex].contains(self) }
    }

    /// What a damage did: in words, whether it was a valid edit through SQL (content changes with
    /// nothing to notice), and whether `check` must call the store damaged even though every
    /// record reads the same (a derived column out of line, acknowledged changes lost).
    struct Done {
        var what: String
        var validEdit = false
        var notSound = false
    }

    /// Applies one seeded damage to the database file (or beside it); returns what was done and
    /// whether it was a valid edit through SQL (then content changes without anything to notice).
    static func apply(_ kind: Damage, to root: String, older: String, _ rng: inout SplitMix64) throws -> Done {
        let (what, valid, notSound) = try damage(root, kind, older: older, &rng)
        return Done(what: what, validEdit: valid, notSound: notSound)
    }

    static func damage(_ root: String, _ kind: Damage, older: String, _ rng: inout SplitMix64) throws -> (String, Bool, Bool) {
        switch kind {
        case .empty:
            #expect(truncate(root + "/sociaalhus.db", 0) == 0)
            return ("empty database", false, true)
        case .derivedColumn:
            let db = try Database(path: root + "/sociaalhus.db")
            let (table, column) = [("accounts", "blocked = 1 - blocked"), ("accounts", "email = upper(email)"), ("posts", "hidden_reason = 'weg'"),
                                   ("agenda", "starts = starts + 1"), ("agenda", "search = upper(search)"), ("agenda_occurrence", "hidden = 1 - hidden"),
                                   ("mention", "key = key || '0'")][Int(rng.next() % 7)]
            try db.execute("UPDATE \(table) SET \(column)")
            try db.checkpointTruncate()
            // (A table without rows has no column to put out of line.)
            return ("\(table).\(column)", false, try db.integer("SELECT count(*) FROM \(table)") > 0)
        case .leftoverLog:
            return ("a log with changes left by a crash", false, false)
        case .logDeleted:
            unlink(root + "/sociaalhus.db-wal"); unlink(root + "/sociaalhus.db-shm")
            return ("log deleted", false, true)
        case .logReplaced:
            for f in ["sociaalhus.db-wal", "sociaalhus.db-shm"] {
                unlink(root + "/" + f)
                try FileManager.default.copyItem(atPath: older + "/" + f, toPath: root + "/" + f)
            }
            return ("log replaced by an older one", false, true)
        case .logWithoutIndex:
            unlink(root + "/sociaalhus.db-shm")
            return ("-shm removed", false, false)
        default:
            let (what, valid) = try damage(root, &rng, kind)
            return (what, valid, false)
        }
    }

    static func damage(_ root: String, _ rng: inout SplitMix64, _ kind: Damage) throws -> (String, Bool) {
        let path = root + "/sociaalhus.db"
        var bytes = [UInt8](FileManager.default.contents(atPath: path) ?? Data())
        func write(_ b: [UInt8]) throws { try Data(b).write(to: URL(fileURLWithPath: path)); chmod(path, 0o600) }
        func sql(_ text: String) throws {
            let db = try Database(path: path)
            // (Damage done by another tool: it keeps to no foreign key.)
            try db.execute("PRAGMA foreign_keys = OFF")
            try db.execute(text)
            try db.checkpointTruncate()
        }
        let collections = CollectionName.allCases.map(\.rawValue)
        let extremes = [1 << 40, 1 << 62, -1, 1_000_000_000, 0, Int.max, Int.min]
        func pick<T>(_ a: [T]) -> T { a[Int(rng.next() % UInt64(a.count))] }
        switch kind {
        case .empty, .derivedColumn, .leftoverLog, .logDeleted, .logReplaced, .logWithoutIndex:
            return ("none", false)
        case .flip:
            let i = Int(rng.next() % UInt64(bytes.count))
            bytes[i] ^= UInt8(1 << (rng.next() % 8))
            try write(bytes)
            return ("flip @\(i)", false)
        case .flipMany:
            let page = 4096 * Int(rng.next() % UInt64(max(bytes.count / 4096, 1)))
            for _ in 0..<8 { let i = page + Int(rng.next() % 4096); if i < bytes.count { bytes[i] = UInt8(truncatingIfNeeded: rng.next()) } }
            try write(bytes)
            return ("8 bytes in the page at \(page)", false)
        case .truncate:
            let n = Int(rng.next() % UInt64(bytes.count))
            try write(Array(bytes.prefix(n)))
            return ("truncate to \(n)", false)
        case .append:
            try write(bytes + (0..<Int(rng.next() % 5000)).map { _ in UInt8(truncatingIfNeeded: rng.next()) })
            return ("append", false)
        case .delete:
            unlink(path)
            return ("delete", false)
        case .swapPages:
            let pages = bytes.count / 4096
            guard pages > 2 else { return ("none", false) }
            let a = 1 + Int(rng.next() % UInt64(pages - 1)), b = 1 + Int(rng.next() % UInt64(pages - 1))
            guard a != b else { return ("same page", false) }
            let pa = Array(bytes[(a * 4096)..<((a + 1) * 4096)]), pb = Array(bytes[(b * 4096)..<((b + 1) * 4096)])
            bytes.replaceSubrange((a * 4096)..<((a + 1) * 4096), with: pb)
            bytes.replaceSubrange((b * 4096)..<((b + 1) * 4096), with: pa)
            try write(bytes)
            return ("swap pages \(a) and \(b)", false)
        case .userVersion:
            let v = pick([2, 99, -1, Int(Int32.max)])
            try sql("PRAGMA user_version = \(v)")
            return ("user_version \(v)", v < 0)
        case .metaNumber:
            let key = pick(["format", "generation"] + collections.map { "last:" + $0 })
            let v = pick(extremes)
            try sql("INSERT OR REPLACE INTO meta VALUES ('\(key)', \(v))")
            return ("meta \(key) = \(v)", key == "generation" || (key.hasPrefix("last:") && v > 100))
        case .validEdit:
            // Bytes of a record changed with a matching checksum: undetectable in principle.
            let c = pick(collections)
            try sql("UPDATE \(c) SET crc = crc + 1 WHERE id IN (SELECT id FROM \(c) LIMIT 1)")
            return ("random record in \(c) with a wrong checksum", false)
        case .dropRow:
            let c = pick(collections)
            try sql("DELETE FROM \(c) WHERE id IN (SELECT id FROM \(c) ORDER BY random() LIMIT 1)")
            return ("drop a row of \(c)", true)
        case .fifo:
            unlink(path)
            mkfifo(path, 0o600)
            return ("fifo", false)
        case .symlink:
            let target = root + "/../outside-" + String(rng.next() % 1000)
            try Data(bytes).write(to: URL(fileURLWithPath: target))
            chmod(target, 0o600)
            unlink(path)
            symlink(target, path)
            return ("symlink", false)
        case .openMode:
            chmod(path, 0o644)
            return ("chmod 644", false)
        case .journal:
            let j = pick(["{\"generation\":1,\"write\":[\"../sociaalhus.db\",\"photos/../sociaalhus.db\"],\"remove\":[\"/etc/passwd\"]}", "not json", ""])
            try Data(j.utf8).write(to: URL(fileURLWithPath: root + "/journal.json"))
            chmod(root + "/journal.json", 0o600)
            return ("journal \(j.prefix(20))", false)
        }
    }

    /// Runs `body` on another thread; false when it takes longer than `seconds`.
    static func finishes(within seconds: Double, _ body: @escaping @Sendable () -> Void) -> Bool {
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread { body(); done.signal() }
        return done.wait(timeout: .now() + seconds) == .success
    }

    @Test("seeded damage: no crash, no hang over 2 s, no file changed, never sound when content changed") func fuzz() throws {
        let runs = Int(ProcessInfo.processInfo.environment["SOCIAALHUS_FUZZ_RUNS"] ?? "") ?? 1500
        let seed = UInt64(ProcessInfo.processInfo.environment["SOCIAALHUS_FUZZ_SEED"] ?? "") ?? 13
        var expected: [String: Data] = [:]
        let world = try Self.template()
        // A copy while the store is open, one change before the last: its log is the "older" one.
        let older = TempDir()
        try FileManager.default.copyItem(atPath: world.dir.store, toPath: older.store)
        try world.store.report(.profile(world.resident.id), reason: .unwanted, explanation: "y", name: "C", email: "c@example.org", by: .visitor)
        expected = Self.fingerprint(world.store)
        let base = world.dir
        let live = TempDir()
        try FileManager.default.copyItem(atPath: base.store, toPath: live.store)  // copied while open: log and -shm included
        #expect(FileManager.default.fileExists(atPath: live.store + "/sociaalhus.db-wal"), "the live copy has a log")
        let template = TempDir()
        try FileManager.default.copyItem(atPath: base.store, toPath: template.store)
        do { _ = try Store.open(at: template.store, clock: FixedClock(testNow), hasher: TestHasher()) } // closes: all in the file
        var rng = SplitMix64(seed: seed)
        var failures = 0, refused = 0
        for run in 0..<runs where failures < 5 {
            let dir = TempDir()
            let kind = Damage.allCases[Int(rng.next() % UInt64(Damage.allCases.count))]
            try FileManager.default.copyItem(atPath: kind.live ? live.store : template.store, toPath: dir.store)
            let done = try Self.apply(kind, to: dir.store, older: older.store, &rng)
            let (what, validEdit) = (done.what, done.validEdit)
            let before = Self.snapshot(dir.store)
            let beforeWithLog = Self.snapshot(dir.store, log: true)
            final class Outcome: @unchecked Sendable {
                var sound = false; var opened = false; var noticed = false; var content: [String: Data] = [:]; var openError: Error?
                var readChanged = false; var readContent: [String: Data]?
            }
            let out = Outcome()
            let path = dir.store
            let finished = Self.finishes(within: 2) {
                out.sound = StoreCheck.run(at: path).isSound
                // Reading only: every byte of every file stays, the log's too.
                if let s = try? Store.open(at: path, clock: FixedClock(testNow), hasher: TestHasher(), use: .read) {
                    _ = s.posts(for: .visitor, now: testNow)
                    _ = try? s.agenda(AgendaQuery(from: testNow, days: 30), viewer: .visitor)
                    let content = Self.fingerprint(s)
                    if s.damage == nil { out.readContent = content }
                }
                out.readChanged = Self.snapshot(path, log: true) != beforeWithLog
                do {
                    let s = try Store.open(at: path, clock: FixedClock(testNow), hasher: TestHasher())
                    _ = s.posts(for: .visitor, now: testNow)
                    _ = try? s.agenda(AgendaQuery(from: testNow, days: 30), viewer: .visitor)
                    out.content = Self.fingerprint(s)
                    // Opening reads no record: a damaged one is noticed when read, and then shown.
                    out.noticed = s.damage != nil
                    out.opened = true
                } catch { out.openError = error }
            }
            func fail(_ why: String) { failures += 1; Issue.record("run \(run) (seed \(seed)), \(what): \(why)") }
            guard finished else { fail("took longer than 2 s"); continue }
            if out.readChanged { fail("check or reading changed a file") }
            // Opening for changes folds a sound log in: that is its work, not damage.
            if !kind.live, Self.snapshot(dir.store) != before { fail("a file changed") }
            if !out.opened || out.noticed { refused += 1 }
            if out.sound && done.notSound { fail("check says sound") }
            if out.sound && out.noticed { fail("check says sound, reading found damage: \(String(describing: out.openError))") }
            if out.sound && !out.opened { fail("check says sound, open refused: \(String(describing: out.openError))") }
            if out.sound, !validEdit, out.opened, out.content != expected { fail("check says sound, but the content changed") }
            // (A swap can put an empty table's page in the place of a table's only page: SQLite
            // reads a valid empty table. Reading a collection whole compares its rows with the
            // count its triggers kept, schema 10: that is noticed too. Seeds 3, 14 and 15 found it.)
            if out.opened, !out.noticed, !validEdit, !done.notSound, out.content != expected { fail("opened with changed content, unnoticed") }
            if let read = out.readContent, !validEdit, !done.notSound, read != expected { fail("read with changed content, unnoticed") }
        }
        // The damage is real: most runs must have found something to refuse.
        #expect(refused > runs / 3, "only \(refused) of \(runs) damaged stores were refused")
    }
}

/// A store written by the build of stop 17 (commit e83abca, format 2 with the throttle fields
/// appended), made with `sociaalhus init --demo` and `mail digest`, committed as a fixture.
@Suite struct OlderBuildStoreTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/store-stop17-format2.tar.gz").path

    @Test("a demo store made by the stop 17 build checks sound, moves into its database with every record, and logs in")
    func stop17() throws {
        let dir = TempDir()
        let tar = Process()
        tar.executableURL = URL(fileURLWithPath: "/bin/tar")
        tar.arguments = ["xzf", Self.fixture, "-C", dir.path]
        try tar.run()
        tar.waitUntilExit()
        #expect(tar.terminationStatus == 0)
        let path = dir.path + "/store"
        // A file an interrupted change of the old kind left (the old rule removed such files at open).
        try Data("leftover".utf8).write(to: URL(fileURLWithPath: path + "/mail/new/1.leftover.sociaalhus"))
        chmod(path + "/mail/new/1.leftover.sociaalhus", 0o600)
        let before = StoreCheck.run(at: path)
        #expect(before.isSound, "\(before.problems)")
        #expect(before.records == 289 && before.files == 245)
        let legacy = try LegacyShardStore.load(path)
        let old = try Store.open(at: path, clock: FixedClock(testNow), hasher: YescryptHasher())
        // Moved into its database on first open; the shard files are kept for the administrator.
        #expect(try Store.readMeta(old.db)["migrated-from-format"] == 2)
        #expect(FileManager.default.fileExists(atPath: path + "/manifest.json.migrated") && !LegacyShardStore.exists(at: path),
                "kept, but no longer a store an older program would open and change")
        #expect(try old.db.problems().isEmpty)
        #expect(Store.counts(of: old.state) == Store.counts(of: legacy), "every record of every collection")
        let counts = (old.state.accounts.count, old.state.posts.count, old.state.agenda.count, old.state.organisations.count, old.state.messages.count)
        let anna = try old.login(email: "anna.devries@demo.sociaalhus.example", password: "demo-Kiwi-Tulp-2026")
        try old.setEmailPreference(.announcement, to: !anna.profile.email.announcements, for: anna.id, by: .account(anna))
        let new = try Store.open(at: path, clock: FixedClock(testNow), hasher: TestHasher())
        #expect((new.state.accounts.count, new.state.posts.count, new.state.agenda.count, new.state.organisations.count, new.state.messages.count) == counts)
        #expect(StoreCheck.run(at: path).isSound)
        #expect(!FileManager.default.fileExists(atPath: path + "/mail/new/1.leftover.sociaalhus"), "the old kind's leftover went with the move")
        // Review: an erasure removes the shard files, which hold copies of every person.
        let gerrit = try new.account(email: "gerrit.oudeluttikhuis@demo.sociaalhus.example")
        try new.erase(gerrit.id, by: .commandLine)
        #expect(!FileManager.default.fileExists(atPath: path + "/data") && !FileManager.default.fileExists(atPath: path + "/manifest.json.migrated"))
        #expect(allFiles(under: path).allSatisfy { f in (FileManager.default.contents(atPath: f) ?? Data()).range(of: Data("oudeluttikhuis".utf8)) == nil })
    }
}
