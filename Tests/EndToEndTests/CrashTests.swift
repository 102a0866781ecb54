import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
import SociaalHusCore
import SociaalHusBench

/// Real processes killed with SIGKILL in the middle of their changes: every change a process
/// acknowledged (exit 0) survives, nothing is lost between processes writing at once, and the
/// store opens and checks sound after every kill.
@Suite(.serialized) struct CrashTests {
    @Test("kill -9 during changes from three processes at once: every acknowledged change survives, the store checks sound")
    func killNine() throws {
        let dir = NSTemporaryDirectory() + "sociaalhus-crash-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = dir + "/store"
        mkdir(dir, 0o700)
        #expect(try Self.sh("'\(Tmux.binary)' init --store '\(store)' >/dev/null") == 0)
        var rng = SplitMix64(seed: 9)
        var acknowledged: [String] = []
        for round in 0..<4 {
            // Three writers, each adding accounts one process at a time and noting each one
            // that exited 0; a fourth blocks and unblocks an account of round 0 all the while.
            var writers: [Process] = []
            for w in 0..<3 {
                let script = """
                    i=0; while :; do
                      printf 'lange fietstocht langs de Dinkel\\n' | '\(Tmux.binary)' account add --store '\(store)' --email "r\(round)-w\(w)-$i@example.nl" --name "R\(round) W\(w) $i" --wijk Centrum >/dev/null 2>&1 && echo "r\(round)-w\(w)-$i@example.nl" >> '\(dir)/acked'
                      i=$((i+1))
                    done
                    """
                writers.append(try Self.start(script))
            }
            if round > 0 {
                writers.append(try Self.start("""
                    while :; do '\(Tmux.binary)' account block --store '\(store)' --email r0-w0-0@example.nl --reason test >/dev/null 2>&1
                    '\(Tmux.binary)' account unblock --store '\(store)' --email r0-w0-0@example.nl >/dev/null 2>&1; done
                    """))
            }
            usleep(UInt32(400_000 + rng.next() % 800_000))
            for p in writers { Self.killHard(p) }
            let acked = ((try? String(contentsOfFile: dir + "/acked", encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
            acknowledged = acked
            #expect(acked.contains { $0.hasPrefix("r\(round)-") }, "round \(round) acknowledged nothing")
            // After the kill: sound, and every acknowledged account there (opened as a new process would).
            let report = StoreCheck.run(at: store)
            #expect(report.isSound, "round \(round): \(report.problems.map { $0.message(.english) })")
            let s = try Store.open(at: store, hasher: YescryptHasher())
            for email in acknowledged { #expect((try? s.account(email: email)) != nil, "round \(round): \(email) was acknowledged and is lost") }
        }
        #expect(acknowledged.count >= 12)
    }

    /// Starts `/bin/sh -c script`.
    static func start(_ script: String) throws -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", script]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        return p
    }

    /// Stops the shell (so it starts nothing new), SIGKILLs what it runs, then the shell itself.
    static func killHard(_ p: Process) {
        let pid = p.processIdentifier
        kill(pid, SIGSTOP)
        let children = Self.children(of: pid)
        for c in children { kill(c, SIGKILL) }
        kill(pid, SIGKILL)
        p.waitUntilExit()
        // Gone once /proc no longer shows them running (their locks are released then).
        for _ in 0..<250 where children.contains(where: { Self.isRunning($0) }) { usleep(20_000) }
    }

    /// The processes whose parent is `pid`, from /proc.
    static func children(of pid: pid_t) -> [pid_t] {
        ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).compactMap { name -> pid_t? in
            guard let child = pid_t(name), let stat = try? String(contentsOfFile: "/proc/\(name)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return nil }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 1 && pid_t(fields[1]) == pid ? child : nil
        }
    }

    /// True while `pid` exists and is not a zombie.
    static func isRunning(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), let close = stat.lastIndex(of: ")") else { return false }
        return stat[stat.index(after: close)...].split(separator: " ").first != "Z"
    }

    /// Runs a shell command and returns its exit status.
    @discardableResult
    static func sh(_ command: String) throws -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", command]
        try p.run()
        p.waitUntilExit()
        return p.terminationStatus
    }
}
