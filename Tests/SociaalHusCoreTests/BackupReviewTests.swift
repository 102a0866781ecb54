import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@_spi(Operator) @testable import SociaalHusCore

/// Regressions found by a review of the backups and read-only opening, one test each.
@Suite(.serialized) struct BackupReviewTests {
    /// Every file under the store folder and its bytes.
    static func files(_ dir: String) -> [String: Data] {
        var out: [String: Data] = [:]
        let e = FileManager.default.enumerator(atPath: dir)
        while let f = e?.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: dir + "/" + f, isDirectory: &isDir), !isDir.boolValue {
                out[f] = FileManager.default.contents(atPath: dir + "/" + f)
            }
        }
        return out
    }

    /// The way docs/operating.md gives after losing a store: `init`, then restore the newest backup. With an
    /// erasure in the new store first, the restore took its own prepared copy for lost changes.
    @Test("a backup restored into a new store that has had an erasure is restored, and check is sound")
    func restoreIntoNewStoreAfterErasure() throws {
        let old = TempDir(), new = TempDir()
        let store = try makeStore(old)
        for i in 0..<30 { _ = try addResident(store, "oud\(i)@example.nl", name: "Oud \(i)") }
        let backup = old.path + "/b.shb"
        try Store.backup(storeAt: old.store, to: backup)
        _ = try makeStore(new)
        try Store.restore(storeAt: new.store, from: backup, clock: FixedClock(testNow), hasher: TestHasher())
        let restored = try reopen(new)
        try restored.erase(try restored.account(email: "oud3@example.nl").id, by: .commandLine)
        let summary = try Store.restore(storeAt: new.store, from: backup, clock: FixedClock(testNow), hasher: TestHasher())
        #expect(summary.accountsErasedAgain == 1)
        let again = try reopen(new)
        #expect(throws: CoreError.self) { try again.account(email: "oud3@example.nl") }
        #expect(try again.account(email: "oud4@example.nl").name == "Oud 4")
        let report = StoreCheck.run(at: new.store)
        #expect(report.isSound, "\(report.problems.map { $0.message(.english) })")
    }

    @Test("a store check calls unsound gets no backup (a name changed beside its checksum)")
    func noBackupOfUnsoundStore() throws {
        let dir = TempDir()
        let store = try makeStore(dir)
        _ = try addResident(store, "anna@example.nl")
        try store.db.execute("UPDATE accounts SET name = 'Anna Veranderd'")
        #expect(!StoreCheck.run(at: dir.store).isSound)
        #expect(throws: CoreError.self) { try Store.backup(storeAt: dir.store, to: dir.path + "/b.shb") }
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/b.shb"))
    }

    @Test("a backup writes no file of the store: no -wal or -shm is left beside a closed database")
    func backupWritesNothing() throws {
        let dir = TempDir()
        do {
            let store = try makeStore(dir)
            _ = try addResident(store, "anna@example.nl")
        }
        // Closed: the last connection folded the log and removed -wal and -shm.
        let before = Self.files(dir.store)
        #expect(before["sociaalhus.db-wal"] == nil)
        try Store.backup(storeAt: dir.store, to: dir.path + "/b.shb")
        #expect(Self.files(dir.store) == before)
    }

    @Test("check reports a restore that was cut off: its folder holds people erased since the backup")
    func checkSeesRestoreLeftover() throws {
        let dir = TempDir()
        _ = try makeStore(dir)
        #expect(mkdir(dir.store + "/restoring", 0o700) == 0)
        let report = StoreCheck.run(at: dir.store)
        #expect(!report.isSound)
        #expect(report.problems.contains { $0.message(.dutch).contains("onderbroken terugzetting") })
        // Opening for changes removes it.
        _ = try reopen(dir)
        #expect(!FileManager.default.fileExists(atPath: dir.store + "/restoring"))
        #expect(StoreCheck.run(at: dir.store).isSound)
    }

    /// A writer's last connection removes `-shm` and then `-wal`; a reader looking in between saw
    /// a log without its index and called the store damaged (9 of 4,254 `agenda` runs beside a writer).
    @Test("a writer closes its database only when no command is reading: the reader holds the lock until it lets go")
    func writerClosesUnderTheLock() throws {
        let dir = TempDir()
        let writer = Box()
        writer.store = try makeStore(dir)
        _ = try addResident(writer.store!, "anna@example.nl")
        var reader: Store? = try Store.open(at: dir.store, clock: FixedClock(testNow), hasher: TestHasher(), use: .read)
        let released = Flag()
        let thread = Thread {
            Store.release(&writer.store)
            released.set()
        }
        thread.start()
        usleep(300_000)
        #expect(!released.isSet, "the writer closed while a command was reading")
        #expect(FileManager.default.fileExists(atPath: dir.store + "/sociaalhus.db-shm"))
        #expect(try reader?.account(email: "anna@example.nl").email == "anna@example.nl")
        reader = nil
        let deadline = Date().addingTimeInterval(5)
        while !released.isSet && Date() < deadline { usleep(10_000) }
        #expect(released.isSet)
    }

    /// A store handed to another thread.
    final class Box: @unchecked Sendable { var store: Store? }

    /// Set by one thread, read by another.
    final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var value = false
        func set() { lock.withLock { value = true } }
        var isSet: Bool { lock.withLock { value } }
    }
}
