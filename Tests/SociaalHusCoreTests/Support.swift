import Foundation
@_spi(Operator) @testable import SociaalHusCore

/// A fast stand-in for yescrypt in tests that are not about hashing (salted, so two hashes differ).
/// It compares bytes, as a real hash does: `==` on strings would call "é" and e + U+0301 equal.
struct TestHasher: PasswordHashing {
    func hash(_ password: String) throws -> String { "$test$\(UUID().uuidString.prefix(8))$" + password }
    func verify(_ password: String, against hash: String) -> Bool {
        guard hash.hasPrefix("$test$") else { return false }
        let stored = hash.split(separator: "$", maxSplits: 3, omittingEmptySubsequences: false).last.map(String.init) ?? ""
        return stored.utf8.elementsEqual(password.utf8)
    }
}

/// A fresh temporary directory per test, removed when the value is dropped.
final class TempDir {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "sociaalhus-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        chmod(path, 0o700)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Path of the store inside the directory.
    var store: String { path + "/store" }
}

/// A moment on a fixed Tuesday morning in Amsterdam, for reproducible tests.
let testNow: Date = {
    var c = DateComponents()
    c.year = 2026; c.month = 11; c.day = 24; c.hour = 10
    return amsterdamCalendar().date(from: c)!
}()

/// A store with the Borne wijken, a test clock and the fast hasher.
func makeStore(_ dir: TempDir, clock: FixedClock = FixedClock(testNow)) throws -> Store {
    try Store.create(at: dir.store, wijken: ["Centrum", "Bornsche Maten", "Zenderen", "Hertme"], clock: clock, hasher: TestHasher())
}

/// Reopens a store from disk as another process would.
func reopen(_ dir: TempDir, clock: FixedClock = FixedClock(testNow)) throws -> Store {
    try Store.open(at: dir.store, clock: clock, hasher: TestHasher())
}

/// A good password that passes the rules.
let goodPassword = "lange fietstocht langs de Dinkel"

/// Registers a resident in `wijk`, with the wijk verified as at the desk unless `verified` is
/// false (most tests are about a resident who lives where they say).
@discardableResult
func addResident(_ store: Store, _ email: String, name: String = "Test Bewoner", wijk: String = "Centrum",
                 visibility: ProfileVisibility = .anonymous, roles: Roles = .residentOnly, verified: Bool = true) throws -> Account {
    let a = try store.register(Registration(email: email, name: name, password: goodPassword, wijk: wijk, roles: roles, visibility: visibility))
    return verified ? try store.verifyWijk(email: a.email, by: .commandLine) : a
}

/// Every regular file under `path`, recursively.
func allFiles(under path: String) -> [String] {
    let fm = FileManager.default
    guard let e = fm.enumerator(atPath: path) else { return [] }
    var out: [String] = []
    while let rel = e.nextObject() as? String {
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: path + "/" + rel, isDirectory: &isDir), !isDir.boolValue { out.append(path + "/" + rel) }
    }
    return out
}

/// Copies a directory tree (to freeze the disk state at a moment, as a crash would).
func copyTree(_ from: String, to: String) throws {
    try FileManager.default.copyItem(atPath: from, toPath: to)
}

/// A wijk id by name.
func wijkID(_ store: Store, _ name: String) -> WijkID { store.state.wijk(named: name)!.id }
