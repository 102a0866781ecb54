import Foundation
import Testing

/// A visitor who only looks changes no file of the store, however the session ends.
@Suite(.serialized) struct VisitorReadOnlyTests {
    /// Every file of the store folder and its bytes (the `-wal` and `-shm` a session makes included).
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

    @Test("a visitor browses agenda, notice board and organisations, then quits (q j, Ctrl-C, a dropped connection): every file as it was, none added",
          arguments: ["quit", "ctrl-c", "hangup"])
    func visitorLeavesStoreAsItWas(ending: String) throws {
        let t = Tmux()
        try t.cli(["init", "--demo"])
        let before = Self.files(t.store)
        try t.start(["sh", "-c", "\(Tmux.binary) --store \(t.store); echo EXIT=$?; sleep 60"], raw: true)
        try t.waitFor("bezoeker")
        try t.keys("2", "Down", "Down", "Enter", "Escape", "3", "Down", "Enter", "Escape", "1", "/")
        try t.type("koffie")
        try t.keys("Escape")
        switch ending {
        case "quit": try t.keys("q", "j")
        case "ctrl-c": try t.keys("C-c")
        default:
            let pid = try #require(try TerminalCleanTests.programPID(t))
            kill(pid, SIGHUP)
        }
        try t.waitFor("EXIT=")
        #expect(Self.files(t.store) == before, "changed or added: \(Set(Self.files(t.store).keys).symmetricDifference(before.keys))")
    }
}
