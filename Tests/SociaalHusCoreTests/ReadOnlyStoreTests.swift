import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@_spi(Operator) @testable import SociaalHusCore

/// In the core: only `Store.create` makes a store, whatever way it is opened,
/// and a store opened to read writes no file and refuses every change.
@Suite struct ReadOnlyStoreTests {
    /// Every file of the store with its bytes (the -shm only by name: SQLite's shared-memory index).
    static func files(_ store: String) -> [String: Data] {
        var out: [String: Data] = [:]
        for rel in (FileManager.default.enumerator(atPath: store)?.allObjects as? [String]) ?? [] {
            var st = stat()
            guard lstat(store + "/" + rel, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { continue }
            out[rel] = rel.hasSuffix("-shm") ? Data() : FileManager.default.contents(atPath: store + "/" + rel) ?? Data()
        }
        return out
    }

    static let uses: [Store.Use] = [.change, .read, .readAndRecord]

    @Test("regression: an empty database is refused by every way of opening, and stays empty (it became a new schema-7 store)", arguments: uses)
    func emptyDatabase(use: Store.Use) throws {
        let dir = TempDir()
        do { let s = try makeStore(dir); try addResident(s, "anna@example.nl") }
        let db = dir.store + "/sociaalhus.db"
        #expect(truncate(db, 0) == 0)
        let before = Self.files(dir.store)
        #expect(throws: CoreError.storeCorrupt(file: db, problem: .empty)) {
            _ = try Store.open(at: dir.store, clock: FixedClock(testNow), hasher: TestHasher(), use: use)
        }
        #expect(Self.files(dir.store) == before)
        #expect(CoreError.storeCorrupt(file: db, problem: .empty).message(.english).contains("sociaalhus init"))
    }

    @Test("a store opened to read reads, refuses every change, and leaves every byte as it was") func readOnly() throws {
        let dir = TempDir()
        let writer = try makeStore(dir)
        try addResident(writer, "anna@example.nl")
        let before = Self.files(dir.store)
        #expect(before["sociaalhus.db-wal"]?.isEmpty == false, "the writer is open: its change is in the log")
        let reader = try Store.open(at: dir.store, clock: FixedClock(testNow), hasher: TestHasher(), use: .read)
        #expect(try reader.account(email: "anna@example.nl").email == "anna@example.nl", "the change in the log is read")
        #expect(throws: CoreError.storeReadOnly(path: dir.store)) { try addResident(reader, "bea@example.nl") }
        #expect(Self.files(dir.store) == before)
    }

    @Test("the export's opening writes its audit event to the log and never folds the log into the database file")
    func exportDoesNotFold() throws {
        let dir = TempDir()
        do { let s = try makeStore(dir); try addResident(s, "anna@example.nl") }
        let dbBefore = try Data(contentsOf: URL(fileURLWithPath: dir.store + "/sociaalhus.db"))
        do {
            let s = try Store.open(at: dir.store, clock: FixedClock(testNow), hasher: TestHasher(), use: .readAndRecord)
            _ = try s.export(try s.account(email: "anna@example.nl").id, by: .commandLine)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir.store + "/sociaalhus.db")) == dbBefore, "the database file as it was")
        let again = try reopen(dir)
        #expect(again.state.audit.all.count >= 1, "the audit event is kept (in the log, folded by the next full open)")
        #expect(StoreCheck.run(at: dir.store).isSound)
    }

    /// What an older build leaves: an older schema.
    static let older = ["PRAGMA user_version = 6", "PRAGMA user_version = 8"]

    @Test("a store needing an upgrade is refused by a reader with what to do, and left as it was", arguments: older)
    func needsUpgrade(sql: String) throws {
        let dir = TempDir()
        do { _ = try makeStore(dir) }
        let db = try Database(path: dir.store + "/sociaalhus.db")
        try db.execute(sql)
        try db.checkpointTruncate()
        let before = Self.files(dir.store)
        #expect(throws: CoreError.storeNeedsUpgrade(path: dir.store)) {
            _ = try Store.open(at: dir.store, clock: FixedClock(testNow), hasher: TestHasher(), use: .read)
        }
        #expect(Self.files(dir.store) == before)
        #expect(CoreError.storeNeedsUpgrade(path: "/s").message(.dutch).contains("sociaalhus --store /s"))
    }
}
