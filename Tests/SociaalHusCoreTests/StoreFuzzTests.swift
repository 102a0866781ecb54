import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import SociaalHusCore

/// Seeded damage to a small store, thousands of times: nothing crashes, nothing hangs, no file
/// changes, and `check` never calls a store sound whose content a damaged byte changed (issue 13).
/// It drives the store only through `Store.open`, `StoreCheck.run` and reads, so it keeps its
/// meaning when the engine behind them changes. `SOCIAALHUS_FUZZ_RUNS` sets the number of runs.
@Suite(.serialized) struct StoreFuzzTests {
    /// A small store with a record in every collection that has files, and a queued e-mail.
    static func template() throws -> DeskWorld {
        let w = try DeskWorld()
        try w.store.createPost(PostDraft(kind: .vraag, title: "Wie helpt?", body: "Tekst", wijk: w.resident.profile.wijk, author: .resident(w.resident.id)),
                               by: .account(w.resident))
        try w.store.sendMessage(senderName: "Bea", senderEmail: "bea@example.org", to: .resident(w.resident.id), text: "Hallo", by: .visitor)
        try w.store.createIntake(IntakeInput(question: "Vraag", name: "Piet", phone: "0612345678"), by: w.desk)
        try w.store.report(.profile(w.resident.id), reason: .unwanted, explanation: "x", name: "B", email: "b@example.org", by: .visitor)
        return w
    }

    /// Path → (kind, mode, contents) of every entry under the store.
    static func snapshot(_ root: String) -> [String: String] {
        var out: [String: String] = [:]
        let fm = FileManager.default
        for rel in (fm.enumerator(atPath: root)?.allObjects as? [String]) ?? [] where !rel.hasSuffix("-shm") && !rel.hasSuffix("-wal") {
            var st = stat()
            guard lstat(root + "/" + rel, &st) == 0 else { continue }
            var line = "\(st.st_mode)"
            if (st.st_mode & S_IFMT) == S_IFREG, let d = fm.contents(atPath: root + "/" + rel) { line += " \(CRC32.checksum(d)) \(d.count)" }
            out[rel] = line
        }
        return out
    }

    /// The store's content: every record's encoding, by collection and key.
    static func fingerprint(_ s: Store) -> [String: Data] {
        var out: [String: Data] = [:]
        for (ref, change) in Store.allChanges(of: s.state) {
            if case .put(let d, _) = change { out["\(ref.collection.rawValue)-\(ref.key)"] = d }
        }
        return out
    }

    enum Damage: CaseIterable {
        case flip, flipMany, truncate, append, delete, swapPages, userVersion, metaNumber, validEdit, dropRow, fifo, symlink, openMode, journal
    }

    /// Applies one seeded damage to the database file (or beside it); returns what was done and
    /// whether it was a valid edit through SQL (then content changes without anything to notice).
    static func damage(_ root: String, _ rng: inout SplitMix64) throws -> (String, Bool) {
        let path = root + "/sociaalhus.db"
        var bytes = [UInt8](FileManager.default.contents(atPath: path) ?? Data())
        func write(_ b: [UInt8]) throws { try Data(b).write(to: URL(fileURLWithPath: path)); chmod(path, 0o600) }
        func sql(_ text: String) throws {
            let db = try Database(path: path)
            try db.execute(text)
            try db.checkpointTruncate()
        }
        let collections = CollectionName.allCases.map(\.rawValue)
        let extremes = [1 << 40, 1 << 62, -1, 1_000_000_000, 0, Int.max, Int.min]
        func pick<T>(_ a: [T]) -> T { a[Int(rng.next() % UInt64(a.count))] }
        switch pick(Damage.allCases) {
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
            try sql("UPDATE \(c) SET data = randomblob(length(data)), crc = 0 WHERE id IN (SELECT id FROM \(c) LIMIT 1)")
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
        expected = Self.fingerprint(world.store)
        let base = world.dir
        let template = TempDir()
        try FileManager.default.copyItem(atPath: base.store, toPath: template.store)  // copied while open: WAL included
        do { _ = try Store.open(at: template.store, clock: FixedClock(testNow), hasher: TestHasher()) } // closes: all in the file
        var rng = SplitMix64(seed: seed)
        var failures = 0, refused = 0
        for run in 0..<runs where failures < 5 {
            let dir = TempDir()
            try FileManager.default.copyItem(atPath: template.store, toPath: dir.store)
            let (what, validEdit) = try Self.damage(dir.store, &rng)
            let before = Self.snapshot(dir.store)
            final class Outcome: @unchecked Sendable { var sound = false; var opened = false; var noticed = false; var content: [String: Data] = [:]; var openError: Error? }
            let out = Outcome()
            let path = dir.store
            let finished = Self.finishes(within: 2) {
                out.sound = StoreCheck.run(at: path).isSound
                do {
                    let s = try Store.open(at: path, clock: FixedClock(testNow), hasher: TestHasher())
                    _ = s.posts(for: .visitor, now: testNow, lang: .dutch)
                    _ = try? s.agenda(AgendaQuery(from: testNow, days: 30), viewer: .visitor)
                    out.content = Self.fingerprint(s)
                    // Opening reads no record: a damaged one is noticed when read, and then shown.
                    out.noticed = s.damage != nil
                    out.opened = true
                } catch { out.openError = error }
            }
            func fail(_ why: String) { failures += 1; Issue.record("run \(run) (seed \(seed)), \(what): \(why)") }
            guard finished else { fail("took longer than 2 s"); continue }
            if Self.snapshot(dir.store) != before { fail("a file changed") }
            if !out.opened || out.noticed { refused += 1 }
            if out.sound && out.noticed { fail("check says sound, reading found damage: \(String(describing: out.openError))") }
            if out.sound && !out.opened { fail("check says sound, open refused: \(String(describing: out.openError))") }
            if out.sound, !validEdit, out.opened, out.content != expected { fail("check says sound, but the content changed") }
            if out.opened, !out.noticed, !validEdit, out.content != expected { fail("opened with changed content, unnoticed") }
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
