import Foundation
import Testing

/// A demo store (`sociaalhus init --demo`, as a newcomer makes one) in a temporary directory
/// of its own, for tests that start the binary on it themselves.
enum DemoStore {
    /// Makes the directory and the store; returns both paths. Remove `dir` when done.
    static func make(_ name: String) throws -> (dir: String, store: String) {
        let dir = NSTemporaryDirectory() + "sociaalhus-\(name)-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let store = dir + "/store"
        try #require(try CrashTests.sh("'\(Tmux.binary)' init --demo --store '\(store)' >/dev/null") == 0, "init --demo failed")
        return (dir, store)
    }

    /// Removes a directory made by `make`.
    static func remove(_ dir: String) { try? FileManager.default.removeItem(atPath: dir) }
}
