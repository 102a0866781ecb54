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
        for rel in (fm.enumerator(atPath: root)?.allObjects as? [String]) ?? [] {
            var st = stat()
            guard lstat(root + "/" + rel, &st) == 0 else { continue }
            var line = "\(st.st_mode)"
            if (st.st_mode & S_IFMT) == S_IFREG, let d = fm.contents(atPath: root + "/" + rel) { line += " \(CRC32.checksum(d)) \(d.count)" }
            out[rel] = line
        }
        return out
    }

    /// The store's content as bytes, shard by shard (what a damaged byte must not change unseen).
    static func fingerprint(_ s: Store) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for c in CollectionName.allCases {
            let shards = s.state.manifest.collections[c]?.shards ?? c.defaultShardCount
            for shard in 0..<shards {
                let ref = ShardRef(collection: c, shard: shard)
                let (data, count) = try ShardCodec.encode(ref, of: s.state)
                if count > 0 { out["\(c.rawValue)-\(shard)"] = data }
            }
        }
        return out
    }

    enum Damage: CaseIterable {
        case flip, truncate, append, delete, swap, manifestNumber, manifestNumberFixedSums, dropEntry, fifo, symlink, fixedSums, openMode
    }

    /// Applies one seeded damage; returns what was done and whether the checksums were made to
    /// match again (then content may change without any way to notice: no soundness claim).
    static func damage(_ root: String, _ rng: inout SplitMix64) throws -> (String, Bool) {
        let data = root + "/data"
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: data)) ?? []).sorted().map { "data/" + $0 }
        let targets = files + ["manifest.json"]
        let pick = targets[Int(rng.next() % UInt64(targets.count))]
        let path = root + "/" + pick
        var bytes = [UInt8](FileManager.default.contents(atPath: path) ?? Data())
        func write(_ b: [UInt8]) throws { try Data(b).write(to: URL(fileURLWithPath: path)); chmod(path, 0o600) }
        func manifest() throws -> [String: Any] {
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: root + "/manifest.json"))) as! [String: Any]
        }
        func saveManifest(_ m: [String: Any]) throws {
            try JSONSerialization.data(withJSONObject: m).write(to: URL(fileURLWithPath: root + "/manifest.json"))
            chmod(root + "/manifest.json", 0o600)
        }
        /// Sets size and CRC of every data file in the manifest to what is on disk now.
        func fixSums() throws {
            var m = try manifest()
            var cols = m["collections"] as! [String: Any]
            for (c, v) in cols {
                var entry = v as! [String: Any]
                var fs = entry["files"] as! [String: Any]
                for (k, f) in fs {
                    var fe = f as! [String: Any]
                    if let d = FileManager.default.contents(atPath: data + "/" + (fe["file"] as! String)) {
                        fe["size"] = d.count
                        fe["crc"] = CRC32.checksum(d)
                    }
                    fs[k] = fe
                }
                entry["files"] = fs
                cols[c] = entry
            }
            m["collections"] = cols
            try saveManifest(m)
        }
        let extremes: [Any] = [1 << 40, 1 << 62, -1, 1_000_000_000, 0, Int.max, "x", NSNull()]
        switch Damage.allCases[Int(rng.next() % UInt64(Damage.allCases.count))] {
        case .flip:
            guard !bytes.isEmpty else { return ("empty", false) }
            let i = Int(rng.next() % UInt64(bytes.count))
            bytes[i] ^= UInt8(1 << (rng.next() % 8))
            try write(bytes)
            return ("flip \(pick)@\(i)", false)
        case .fixedSums:
            guard !bytes.isEmpty, pick != "manifest.json" else { return ("none", false) }
            for _ in 0..<(1 + rng.next() % 4) {
                let i = Int(rng.next() % UInt64(bytes.count))
                bytes[i] = UInt8(truncatingIfNeeded: rng.next())
            }
            // Plant a huge number at a random place: the reader must bound it.
            if rng.next() % 2 == 0, bytes.count > 12 {
                let i = Int(rng.next() % UInt64(bytes.count - 10))
                for k in 0..<9 { bytes[i + k] = 0xFF }
                bytes[i + 9] = 0x01
            }
            try write(bytes)
            try fixSums()
            return ("bytes with fixed sums \(pick)", true)
        case .truncate:
            let n = bytes.isEmpty ? 0 : Int(rng.next() % UInt64(bytes.count))
            try write(Array(bytes.prefix(n)))
            return ("truncate \(pick) to \(n)", false)
        case .append:
            try write(bytes + [UInt8(truncatingIfNeeded: rng.next()), 0])
            return ("append to \(pick)", false)
        case .delete:
            unlink(path)
            return ("delete \(pick)", false)
        case .swap:
            guard files.count > 1 else { return ("none", false) }
            let other = root + "/" + files[Int(rng.next() % UInt64(files.count))]
            let a = FileManager.default.contents(atPath: path) ?? Data(), b = FileManager.default.contents(atPath: other) ?? Data()
            guard a != b else { return ("same", false) }
            try b.write(to: URL(fileURLWithPath: path)); try a.write(to: URL(fileURLWithPath: other))
            chmod(path, 0o600); chmod(other, 0o600)
            return ("swap \(pick)", false)
        case .manifestNumber, .manifestNumberFixedSums:
            var m = try manifest()
            var cols = m["collections"] as! [String: Any]
            let c = cols.keys.sorted()[Int(rng.next() % UInt64(cols.count))]
            var entry = cols[c] as! [String: Any]
            let value = extremes[Int(rng.next() % UInt64(extremes.count))]
            switch rng.next() % 4 {
            case 0: entry["shards"] = value
            case 1: m["generation"] = value
            case 2: m["format"] = value
            default:
                var fs = entry["files"] as! [String: Any]
                if let k = fs.keys.sorted().first { var fe = fs[k] as! [String: Any]; fe["size"] = value; fs[k] = fe }
                entry["files"] = fs
            }
            cols[c] = entry
            m["collections"] = cols
            try saveManifest(m)
            return ("manifest \(c) = \(value)", false)
        case .dropEntry:
            var m = try manifest()
            var cols = m["collections"] as! [String: Any]
            for c in cols.keys.sorted() {
                var entry = cols[c] as! [String: Any]
                var fs = entry["files"] as! [String: Any]
                guard let k = fs.keys.sorted().first else { continue }
                fs[k] = nil
                entry["files"] = fs
                cols[c] = entry
                m["collections"] = cols
                try saveManifest(m)
                return ("drop \(c)/\(k)", false)
            }
            return ("none", false)
        case .fifo:
            guard pick != "manifest.json" else { return ("none", false) }
            unlink(path)
            mkfifo(path, 0o600)
            return ("fifo \(pick)", false)
        case .symlink:
            let target = root + "/../outside-" + String(rng.next() % 1000)
            try Data(bytes).write(to: URL(fileURLWithPath: target))
            chmod(target, 0o600)
            unlink(path)
            symlink(target, path)
            return ("symlink \(pick)", false)
        case .openMode:
            chmod(path, 0o644)
            return ("chmod 644 \(pick)", false)
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
        let world = try Self.template()
        let base = world.dir
        let expected = try Self.fingerprint(world.store)
        var rng = SplitMix64(seed: seed)
        var failures = 0, refused = 0
        for run in 0..<runs where failures < 5 {
            let dir = TempDir()
            try FileManager.default.copyItem(atPath: base.store, toPath: dir.store)
            let (what, fixedSums) = try Self.damage(dir.store, &rng)
            let before = Self.snapshot(dir.store)
            final class Outcome: @unchecked Sendable { var sound = false; var opened: Store?; var openError: Error? }
            let out = Outcome()
            let path = dir.store
            let finished = Self.finishes(within: 2) {
                out.sound = StoreCheck.run(at: path).isSound
                do {
                    let s = try Store.open(at: path, clock: FixedClock(testNow), hasher: TestHasher())
                    _ = s.posts(for: .visitor, now: testNow, lang: .dutch)
                    _ = try? s.agenda(AgendaQuery(from: testNow, days: 30), viewer: .visitor)
                    out.opened = s
                } catch { out.openError = error }
            }
            func fail(_ why: String) { failures += 1; Issue.record("run \(run) (seed \(seed)), \(what): \(why)") }
            guard finished else { fail("took longer than 2 s"); continue }
            if Self.snapshot(dir.store) != before { fail("a file changed") }
            if out.opened == nil { refused += 1 }
            if out.sound && out.opened == nil { fail("check says sound, open refused: \(String(describing: out.openError))") }
            if !out.sound && out.opened != nil { fail("check found problems, yet the store opened") }
            if out.sound, !fixedSums, let s = out.opened, try Self.fingerprint(s) != expected { fail("check says sound, but the content changed") }
        }
        // The damage is real: most runs must have found something to refuse.
        #expect(refused > runs / 2, "only \(refused) of \(runs) damaged stores were refused")
    }
}

/// A store written by the build of stop 17 (commit e83abca, format 2 with the throttle fields
/// appended), made with `sociaalhus init --demo` and `mail digest`, committed as a fixture.
@Suite struct OlderBuildStoreTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/store-stop17-format2.tar.gz").path

    @Test("a demo store made by the stop 17 build opens, checks sound, logs in, and is written in format 3 by its next change")
    func stop17() throws {
        let dir = TempDir()
        let tar = Process()
        tar.executableURL = URL(fileURLWithPath: "/bin/tar")
        tar.arguments = ["xzf", Self.fixture, "-C", dir.path]
        try tar.run()
        tar.waitUntilExit()
        #expect(tar.terminationStatus == 0)
        let path = dir.path + "/store"
        let before = StoreCheck.run(at: path)
        #expect(before.isSound, "\(before.problems)")
        #expect(before.records == 289 && before.files == 245)
        let old = try Store.open(at: path, clock: FixedClock(testNow), hasher: YescryptHasher())
        #expect(old.state.manifest.format == 2)
        let counts = (old.state.accounts.count, old.state.posts.count, old.state.agenda.count, old.state.organisations.count, old.state.messages.count)
        let anna = try old.login(email: "anna.devries@demo.sociaalhus.example", password: "demo-Kiwi-Tulp-2026")
        try old.setEmailPreference(.announcement, to: !anna.profile.email.announcements, for: anna.id, by: .account(anna))
        let new = try Store.open(at: path, clock: FixedClock(testNow), hasher: TestHasher())
        #expect(new.state.manifest.format == Manifest.currentFormat)
        #expect((new.state.accounts.count, new.state.posts.count, new.state.agenda.count, new.state.organisations.count, new.state.messages.count) == counts)
        #expect(StoreCheck.run(at: path).isSound)
    }
}
