import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@_spi(Operator) @testable import SociaalHusCore

/// A full disk and a read-only disk, on a small tmpfs mounted for the test (CI runs as root,
/// as this machine does; elsewhere these tests are skipped, which their trait says).
@Suite(.serialized, .enabled(if: getuid() == 0, "mounting a small file system needs root")) struct DiskTests {
    /// A tmpfs mounted at a fresh folder, unmounted when dropped.
    final class SmallDisk {
        let path = NSTemporaryDirectory() + "sociaalhus-disk-" + UUID().uuidString
        init(size: String) throws {
            mkdir(path, 0o700)
            try Self.mount(["-t", "tmpfs", "-o", "size=\(size),mode=0700", "tmpfs", path])
        }
        func remount(_ options: String) throws { try Self.mount(["-o", "remount,\(options)", path]) }
        deinit {
            _ = try? Self.run("/bin/umount", [path])
            rmdir(path)
        }
        static func mount(_ args: [String]) throws {
            let status = try run("/bin/mount", args)
            if status != 0 { throw CoreError.storeIO(file: "mount", problem: "mount \(args.joined(separator: " ")) exited \(status)") }
        }
        static func run(_ tool: String, _ args: [String]) throws -> Int32 {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: tool)
            p.arguments = args
            try p.run()
            p.waitUntilExit()
            return p.terminationStatus
        }
        var store: String { path + "/store" }
    }

    static func isFull(_ e: Error) -> Bool { if case .storeFull = e as? CoreError { return true } else { return false } }
    static func isReadOnly(_ e: Error) -> Bool { if case .storeReadOnly = e as? CoreError { return true } else { return false } }

    @Test("a full disk: the change that does not fit is refused in words, every acknowledged one stays, the store checks sound, and with room again it goes on")
    func fullDisk() throws {
        let disk = try SmallDisk(size: "2m")
        let store = try Store.create(at: disk.store, wijken: ["Centrum"], clock: FixedClock(testNow), hasher: TestHasher())
        var added: [String] = []
        var failure: Error?
        for i in 0..<20_000 {
            do {
                try addResident(store, "bewoner\(i)@example.nl", name: "Bewoner met een wat langere naam \(i)", verified: false)
                added.append("bewoner\(i)@example.nl")
            } catch {
                failure = error
                break
            }
        }
        let error = try #require(failure, "the disk never filled")
        #expect(Self.isFull(error), "\(error)")
        #expect((error as? CoreError)?.message(.dutch).contains("vol") == true)
        #expect(added.count > 10, "(the write-ahead log takes most of 2 MiB)")
        // Nothing half-written: the store checks sound, and every acknowledged account is there.
        #expect(StoreCheck.run(at: disk.store).isSound)
        let again = try Store.open(at: disk.store, clock: FixedClock(testNow), hasher: TestHasher())
        for email in added { #expect((try? again.account(email: email)) != nil, "\(email) lost") }
        // With room again, the refused change can be made.
        try disk.remount("size=4m")
        try addResident(again, "na@example.nl", verified: false)
        #expect(try Store.open(at: disk.store, clock: FixedClock(testNow), hasher: TestHasher()).state.accounts.count == added.count + 1)
    }

    @Test("a full disk while an e-mail file is written: refused in words, no file and no record left of the change")
    func fullDiskForMail() throws {
        // (2 MiB: the store and its write-ahead log alone take most of 1 MiB since the sign-up tables.)
        let disk = try SmallDisk(size: "2m")
        let store = try Store.create(at: disk.store, wijken: ["Centrum"], clock: FixedClock(testNow), hasher: TestHasher())
        let anna = try addResident(store, "anna@example.nl", visibility: .public)
        try store.setEmailPreference(.visitorMessage, to: true, for: anna.id, by: .account(anna))
        let mailBefore = allFiles(under: disk.store + "/mail").count
        // Fill what is left with one file.
        let filler = disk.path + "/filler"
        let fd = open(filler, O_WRONLY | O_CREAT, 0o600)
        let block = [UInt8](repeating: 0x61, count: 4096)
        while write(fd, block, block.count) > 0 {}
        close(fd)
        #expect(throws: Error.self) {
            try store.sendMessage(senderName: "Bea", senderEmail: "bea@example.org", to: .resident(anna.id), text: "Hallo Anna", by: .visitor)
        }
        do {
            try store.sendMessage(senderName: "Bea", senderEmail: "bea@example.org", to: .resident(anna.id), text: "Hallo Anna", by: .visitor)
        } catch { #expect(Self.isFull(error), "\(error)") }
        #expect(allFiles(under: disk.store + "/mail").count == mailBefore, "no half-written e-mail file")
        unlink(filler)
        #expect(StoreCheck.run(at: disk.store).isSound)
        let again = try Store.open(at: disk.store, clock: FixedClock(testNow), hasher: TestHasher())
        #expect(again.state.messages.count == 0, "the refused message is not half there")
        try again.sendMessage(senderName: "Bea", senderEmail: "bea@example.org", to: .resident(anna.id), text: "Hallo Anna", by: .visitor)
        #expect(allFiles(under: disk.store + "/mail").count == mailBefore + 1)
    }

    @Test("regression (review): a read-only disk with changes still in the write-ahead log: they are read, not lost")
    func readOnlyWithLog() throws {
        let disk = try SmallDisk(size: "4m")
        let source = TempDir()
        let store = try makeStore(source)
        try addResident(store, "anna@example.nl")
        // Copied while open, as a process that exits without closing leaves it: -wal and -shm beside.
        try FileManager.default.copyItem(atPath: source.store, toPath: disk.store)
        var log = stat()
        #expect(lstat(disk.store + "/sociaalhus.db-wal", &log) == 0 && log.st_size > 0, "the change is in the log")
        try disk.remount("ro")
        defer { try? disk.remount("rw") }
        let readOnly = try Store.open(at: disk.store, clock: FixedClock(testNow), hasher: TestHasher())
        #expect(readOnly.readOnly)
        #expect((try? readOnly.account(email: "anna@example.nl")) != nil, "the account in the log is read")
        #expect(StoreCheck.run(at: disk.store).isSound)
        _ = store
    }

    @Test("a read-only disk: the agenda and check still read it, every change is refused in words, nothing is written")
    func readOnlyDisk() throws {
        let disk = try SmallDisk(size: "4m")
        do {
            let store = try Store.create(at: disk.store, wijken: ["Centrum"], clock: FixedClock(testNow), hasher: TestHasher())
            let org = try store.createOrganisation(Organisation(id: OrganisationID(0), name: "Buurthuis"), by: .commandLine)
            try store.createAgendaItem(AgendaItem(id: AgendaItemID(0), title: "Koffie", start: testNow.addingTimeInterval(86_400), location: "Kern",
                                                  organisation: org.id), by: .commandLine)
            try addResident(store, "anna@example.nl")
        }
        try disk.remount("ro")
        defer { try? disk.remount("rw") }
        let store = try Store.open(at: disk.store, clock: FixedClock(testNow), hasher: TestHasher())
        #expect(store.readOnly)
        #expect(try store.agenda(AgendaQuery(from: testNow, days: 7), viewer: .visitor).map(\.item.title) == ["Koffie"])
        #expect(StoreCheck.run(at: disk.store).isSound)
        let anna = try store.account(email: "anna@example.nl")
        do {
            try store.setEmailPreference(.newsletter, to: true, for: anna.id, by: .account(anna))
            Issue.record("a change was accepted on a read-only disk")
        } catch {
            #expect(Self.isReadOnly(error), "\(error)")
            #expect((error as? CoreError)?.message(.english).contains("can only be read") == true)
        }
    }
}
