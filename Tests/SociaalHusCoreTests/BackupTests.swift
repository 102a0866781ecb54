import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@_spi(Operator) @testable import SociaalHusCore

/// Backups that keep erasures: a backup is one private file beside the store, and a
/// restore puts it back without bringing back anyone erased since.
@Suite(.serialized) struct BackupTests {
    /// A store with Anna (photo, post, message) and Bob, and a backup of it in `dir.path`.
    struct World {
        let dir = TempDir()
        let store: Store
        let anna: Account
        let bob: Account
        var backup: String { dir.path + "/backup.shb" }

        init() throws {
            store = try makeStore(dir)
            anna = try addResident(store, "anna.zwaluw@example.nl", name: "Anna Zwaluw", visibility: .public)
            bob = try addResident(store, "bob@example.nl", name: "Bob Buur", visibility: .public)
            let photo = dir.path + "/anna.png"
            try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array("ZWALUWFOTO".utf8)).write(to: URL(fileURLWithPath: photo))
            try store.setPhoto(for: anna.id, from: photo, by: .account(store.ownAccount(anna.id)!))
            try store.createPost(PostDraft(kind: .aanbod, title: "ZWALUWPOST fietsen", body: "Bel Anna Zwaluw", wijk: anna.profile.wijk,
                                           author: .resident(anna.id)), by: .account(store.ownAccount(anna.id)!))
            try store.sendMessage(senderName: "Bob Buur", senderEmail: "bob@example.nl", to: .resident(anna.id), text: "Hoi", by: .account(bob))
        }
    }

    /// Every record of every collection, encoded, to compare two stores byte for byte.
    static func records(_ store: Store) -> [RecordRef: Data] {
        try? store.refresh()
        var s = store.state
        for c in CollectionName.allCases { try? Store.loadCollection(c, from: store.db, into: &s) }
        return Store.allChanges(of: s).compactMapValues { if case .put(let r) = $0 { Store.rowBytes(of: r) } else { nil } }
    }

    /// True when some file under `path` holds `text`.
    static func anyFile(under path: String, holds text: String) -> Bool {
        allFiles(under: path).contains { (FileManager.default.contents(atPath: $0) ?? Data()).range(of: Data(text.utf8)) != nil }
    }

    @Test("add a person, back up, erase, restore: the person is absent, every other change since the backup is as the backup had it, check is sound")
    func erasureSurvivesRestore() throws {
        let w = try World()
        try Store.backup(storeAt: w.dir.store, to: w.backup)
        let atBackup = Self.records(w.store)
        // After the backup: Anna is erased, Bob places a post and a new neighbour joins.
        try w.store.erase(w.anna.id, by: .commandLine)
        try w.store.createPost(PostDraft(kind: .vraag, title: "NAPOST ladder", body: "x", wijk: w.bob.profile.wijk, author: .resident(w.bob.id)), by: .account(w.bob))
        let carol = try addResident(w.store, "carol@example.nl", name: "Carol Later")

        let summary = try Store.restore(storeAt: w.dir.store, from: w.backup, clock: FixedClock(testNow), hasher: TestHasher())
        #expect(summary.accountsErasedAgain == 1)
        let after = try reopen(w.dir)
        #expect(after.state.accounts[w.anna.id.rawValue] == nil)
        #expect(throws: CoreError.self) { try after.account(email: "anna.zwaluw@example.nl") }
        #expect(!after.state.posts.all.contains { $0.title.contains("ZWALUWPOST") })
        #expect(after.state.messages.all.isEmpty, "the message to Anna goes with her")
        for text in ["Zwaluw", "ZWALUWFOTO", "ZWALUWPOST", "anna.zwaluw"] { #expect(!Self.anyFile(under: w.dir.store, holds: text), "\(text)") }
        // Everyone else as the backup had them: Bob as he was, his later post and Carol gone.
        #expect(Self.records(after)[RecordRef(w.bob)] == atBackup[RecordRef(w.bob)])
        #expect(after.state.accounts[carol.id.rawValue] == nil)
        #expect(!after.state.posts.all.contains { $0.title.contains("NAPOST") })
        #expect(StoreCheck.run(at: w.dir.store).isSound, "\(StoreCheck.run(at: w.dir.store).problems)")
        #expect(!FileManager.default.fileExists(atPath: w.dir.store + "/restoring"))
        // The promise outlives the restore: restoring the same backup again still erases her,
        // and numbers are never handed out twice (Carol's number stays hers).
        let dave = try addResident(after, "dave@example.nl")
        #expect(dave.id.rawValue > carol.id.rawValue)
        try Store.restore(storeAt: w.dir.store, from: w.backup, clock: FixedClock(testNow), hasher: TestHasher())
        #expect(try reopen(w.dir).state.accounts[w.anna.id.rawValue] == nil)
        #expect(StoreCheck.run(at: w.dir.store).isSound)
    }

    @Test("the erased list holds no address or name, only numbers and a salted proof")
    func listRevealsNothing() throws {
        let w = try World()
        try w.store.erase(w.anna.id, by: .commandLine)
        let s = try w.store.db.prepare("SELECT collection, key, salt, proof FROM erased_subject")
        var rows: [[String]] = []
        while try s.step() { rows.append([s.text(0), String(s.int(1)), s.text(2), s.text(3)]) }
        #expect(rows.count == 1 && rows[0][0] == "accounts" && rows[0][1] == String(w.anna.id.rawValue))
        #expect(rows.allSatisfy { !$0.joined().lowercased().contains("anna") && !$0.joined().contains("zwaluw") })
        #expect(rows[0][2].count == 16 && !rows[0][3].isEmpty)
    }

    @Test("a session that runs on sees the restored store at its next refresh, and its next change lands on it")
    func runningSessionSeesRestore() throws {
        let w = try World()
        try Store.backup(storeAt: w.dir.store, to: w.backup)
        try w.store.erase(w.anna.id, by: .commandLine)
        let session = try reopen(w.dir)
        #expect(session.state.accounts[w.bob.id.rawValue] != nil)
        try addResident(w.store, "carol@example.nl")
        try Store.restore(storeAt: w.dir.store, from: w.backup, clock: FixedClock(testNow), hasher: TestHasher())
        let changed = try session.refreshChanges()
        #expect(changed == Set(CollectionName.allCases), "every collection is read anew")
        #expect(session.state.accounts[w.anna.id.rawValue] == nil)
        #expect(session.state.accounts.all.map(\.email).sorted() == ["bob@example.nl"])
        try session.createPost(PostDraft(kind: .vraag, title: "Na terugzetten", body: "x", wijk: w.bob.profile.wijk, author: .resident(w.bob.id)), by: .account(w.bob))
        #expect(try reopen(w.dir).state.posts.all.contains { $0.title == "Na terugzetten" })
        #expect(StoreCheck.run(at: w.dir.store).isSound)
    }

    @Test("a backup is one new file, 0600, never written over, never inside the store")
    func backupFile() throws {
        let w = try World()
        let summary = try Store.backup(storeAt: w.dir.store, to: w.backup)
        #expect(summary.files == 1 && summary.schema == StoreSchema.migrations.count)
        var st = stat()
        #expect(stat(w.backup, &st) == 0 && st.st_mode & 0o777 == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: w.dir.path).sorted() == ["anna.png", "backup.shb", "store"], "no -wal, -shm or temp file beside it")
        #expect(throws: CoreError.backupRefused(.targetExists(path: w.backup))) { try Store.backup(storeAt: w.dir.store, to: w.backup) }
        #expect(throws: CoreError.backupRefused(.targetInsideStore(path: w.dir.store + "/photos/b"))) { try Store.backup(storeAt: w.dir.store, to: w.dir.store + "/photos/b") }
        #expect(throws: CoreError.backupRefused(.targetInsideStore(path: w.dir.store + "/b"))) { try Store.backup(storeAt: w.dir.store, to: w.dir.store + "/b") }
    }

    /// What a refused restore must leave as it was: every record and every file's bytes.
    static func snapshot(_ w: World) -> ([RecordRef: Data], [String: Data]) {
        let files = allFiles(under: w.dir.store).filter { !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm") && !$0.hasSuffix(".db") }
        return (records(try! reopen(w.dir)), Dictionary(uniqueKeysWithValues: files.map { ($0, FileManager.default.contents(atPath: $0) ?? Data()) }))
    }

    @Test("a file that is not a backup, a newer one and a damaged one are refused in words, the store untouched",
          arguments: ["text", "store database", "newer schema", "newer format", "flipped byte", "cut off", "photo changed"])
    func refusals(kind: String) throws {
        let w = try World()
        try Store.backup(storeAt: w.dir.store, to: w.backup)
        func edit(_ sql: String) throws {
            let db = try Database(path: w.backup)
            try db.execute(sql)
            try db.execute("PRAGMA journal_mode = DELETE")
        }
        var expected: (BackupProblem) -> Bool
        switch kind {
        case "text":
            unlink(w.backup); try DurableFile.createNew(w.backup, data: Data("hallo\n".utf8))
            expected = { if case .notABackup = $0 { true } else { false } }
        case "store database":
            unlink(w.backup); try DurableFile.createNew(w.backup, data: FileManager.default.contents(atPath: w.dir.store + "/sociaalhus.db")!)
            expected = { if case .notABackup = $0 { true } else { false } }
        case "newer schema":
            try edit("PRAGMA user_version = 99")
            expected = { $0 == .newer(file: w.backup, found: 99, known: StoreSchema.migrations.count) }
        case "newer format":
            try edit("UPDATE backup_info SET value = '2' WHERE key = 'format'")
            expected = { $0 == .newer(file: w.backup, found: 2, known: 1) }
        case "flipped byte":
            // A byte inside Anna's account record: its checksum no longer fits.
            var data = FileManager.default.contents(atPath: w.backup)!
            let at = data.range(of: Data("Anna Zwaluw".utf8))!.lowerBound
            data[at] ^= 0x20
            unlink(w.backup); try DurableFile.createNew(w.backup, data: data)
            expected = { if case .damaged = $0 { true } else { false } }
        case "cut off":
            let data = FileManager.default.contents(atPath: w.backup)!
            unlink(w.backup); try DurableFile.createNew(w.backup, data: data.prefix(data.count / 2))
            expected = { if case .damaged = $0 { true } else { false } }
        default:
            try edit("UPDATE backup_file SET data = CAST('other' AS BLOB) WHERE path LIKE 'photos/%'")
            expected = { if case .damaged = $0 { true } else { false } }
        }
        try w.store.erase(w.bob.id, by: .commandLine)
        let before = Self.snapshot(w)
        do {
            try Store.restore(storeAt: w.dir.store, from: w.backup, clock: FixedClock(testNow), hasher: TestHasher())
            Issue.record("restored from \(kind)")
        } catch CoreError.backupRefused(let problem) {
            #expect(expected(problem), "\(problem)")
            #expect(!problem.message(.dutch).isEmpty && problem.message(.dutch) != problem.message(.english))
        }
        let after = Self.snapshot(w)
        #expect(after.0 == before.0)
        #expect(after.1 == before.1)
        #expect(!FileManager.default.fileExists(atPath: w.dir.store + "/restoring"))
        #expect(StoreCheck.run(at: w.dir.store).isSound)
    }

    @Test("a backup of a store of an older schema is copied as it is, and restoring it migrates it",
          arguments: [4, 6, 7])
    func olderSchema(version: Int) throws {
        let dir = TempDir()
        let tar = Process()
        tar.executableURL = URL(fileURLWithPath: "/bin/tar")
        mkdir(dir.path + "/fixture", 0o700)
        tar.arguments = ["xzf", SchemaMigrationTests.fixture(version), "-C", dir.path + "/fixture"]
        try tar.run()
        tar.waitUntilExit()
        let old = dir.path + "/fixture/store"
        let summary = try Store.backup(storeAt: old, to: dir.path + "/old.shb")
        #expect(summary.schema == version && summary.records == 289)
        #expect(try Database(path: old + "/sociaalhus.db").userVersion == version, "a backup changes nothing in the store")
        let fresh = try makeStore(dir)
        try addResident(fresh, "weg@example.nl")
        let r = try Store.restore(storeAt: dir.store, from: dir.path + "/old.shb", clock: FixedClock(testNow), hasher: TestHasher())
        #expect(r.records >= 289)
        let store = try reopen(dir)
        #expect(try store.db.userVersion == StoreSchema.migrations.count)
        #expect(try store.account(email: "anna.devries@demo.sociaalhus.example").name.isEmpty == false)
        #expect(StoreCheck.run(at: dir.store).isSound, "\(StoreCheck.run(at: dir.store).problems)")
    }

    @Test("the migration to schema 8 takes the erasures made before it from the audit log")
    func migrationTakesEarlierErasures() throws {
        // The demo store of schema 7, with an erasure in its log as a build of that time wrote it.
        let dir = TempDir()
        let tar = Process()
        tar.executableURL = URL(fileURLWithPath: "/bin/tar")
        tar.arguments = ["xzf", SchemaMigrationTests.fixture(7), "-C", dir.path]
        try tar.run()
        tar.waitUntilExit()
        let path = dir.path + "/store"
        do {
            let db = try Database(path: path + "/sociaalhus.db")
            let id = try db.integer("SELECT max(id) FROM audit") + 1
            var w = BinaryWriter()
            AuditEvent(id: AuditEventID(id), actor: nil, action: .accountErased, subject: AccountID(777), target: "account:777", at: testNow).write(to: &w)
            let data = Data(w.bytes)
            try db.prepare("INSERT INTO audit (id, crc, data) VALUES (?1, ?2, ?3)").bind(id, Int(LegacyRecords.checksum("audit", id, data)), data).run()
            try db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('last:audit', ?1)").bind(id).run()
            try db.checkpointTruncate()
        }
        let store = try Store.open(at: path, clock: FixedClock(testNow), hasher: TestHasher())
        #expect(try store.db.integer("SELECT count(*) FROM erased_subject WHERE collection = 'accounts' AND key = 777 AND proof IS NULL") == 1)
        #expect(StoreCheck.run(at: path).isSound)
    }
}
