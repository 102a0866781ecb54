import Foundation
import Testing
@testable import SociaalHusCore

/// Served over a real OpenSSH. A throw-away sshd on a high port runs with the
/// block `sociaalhus deploy ssh` prints; `ssh -tt` in tmux sees the agenda (in ASCII when the
/// session has no UTF-8 locale, in UTF-8 when LANG says so), and a command, port forwarding and
/// `-N` give nothing. `.ci/run` installs openssh-server when it is missing.
@Suite(.serialized) struct SshTests {
    /// Runs `command` with bash (for /dev/tcp); its exit status.
    static func bash(_ command: String) throws -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = ["-c", "exec 2>/dev/null; " + command]
        try p.run()
        p.waitUntilExit()
        return p.terminationStatus
    }

    /// Whether sshd is there; a recorded failure saying how to install it when not.
    static func sshdInstalled() -> Bool {
        guard FileManager.default.isExecutableFile(atPath: "/usr/sbin/sshd") else {
            Issue.record("openssh-server is not installed (.ci/run installs it): apt-get install openssh-server")
            return false
        }
        return true
    }

    final class Server {
        let t = Tmux()
        let dir: String
        let port: Int

        init() throws {
            dir = t.home + "/ssh"
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
            for key in ["host_key", "client_key"] {
                #expect(try CrashTests.sh("ssh-keygen -q -t ed25519 -N '' -f '\(dir)/\(key)'") == 0)
            }
            try FileManager.default.copyItem(atPath: dir + "/client_key.pub", toPath: dir + "/authorized_keys")
            try t.cli(["init", "--demo"])
            port = 20_000 + Int.random(in: 0..<20_000)
            let user = ProcessInfo.processInfo.environment["USER"] ?? NSUserName()
            let block = try Tmux.run([Tmux.binary, "deploy", "ssh", "--user", user, "--store", t.store, "--binary", Tmux.binary])
            #expect(block.status == 0)
            // Test-only settings before the printed block: this port, these keys, no PAM.
            let config = """
                Port \(port)
                ListenAddress 127.0.0.1
                HostKey \(dir)/host_key
                PidFile \(dir)/sshd.pid
                AuthorizedKeysFile \(dir)/authorized_keys
                PermitRootLogin prohibit-password
                UsePAM no
                StrictModes no
                PasswordAuthentication no
                KbdInteractiveAuthentication no
                MaxStartups 10:30:100

                """ + block.out
            try config.write(toFile: dir + "/sshd_config", atomically: true, encoding: .utf8)
            let check = try Tmux.run(["/usr/sbin/sshd", "-t", "-f", dir + "/sshd_config"])
            #expect(check.status == 0, "sshd -t: \(check.out)")
            // sshd daemonises itself (a long-lived child of this process kept Foundation from
            // reaping the later ones: waitUntilExit hung); it is stopped through its pid file.
            #expect(try CrashTests.sh("/usr/sbin/sshd -f '\(dir)/sshd_config' -E '\(dir)/log'") == 0)
            // Listening?
            let deadline = Date().addingTimeInterval(10)
            while Date() < deadline, (try? SshTests.bash("exec 3<>/dev/tcp/127.0.0.1/\(port)")) != 0 { usleep(100_000) }
        }

        deinit {
            _ = try? CrashTests.sh("kill $(cat '\(dir)/sshd.pid') 2>/dev/null")
        }

        var sshWords: [String] {
            ["ssh", "-i", dir + "/client_key", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
             "-o", "BatchMode=yes", "-p", "\(port)", (ProcessInfo.processInfo.environment["USER"] ?? NSUserName()) + "@127.0.0.1"]
        }

        var log: String { (try? String(contentsOfFile: dir + "/log", encoding: .utf8)) ?? "" }
    }

    @Test("ssh -tt shows the agenda: ASCII marks without a UTF-8 locale, UTF-8 when the client sends LANG")
    func interface() throws {
        guard Self.sshdInstalled() else { return }
        let s = try Server()
        try s.t.start(["env", "LANG=C"] + [s.sshWords[0], "-tt"] + s.sshWords.dropFirst(), raw: true)
        let ascii = try s.t.waitFor("bezoeker")
        #expect(ascii.contains("\n> ") && ascii.contains(" - "), "ASCII marks over a session without UTF-8: \(ascii)")
        try s.t.keys("q")
        try s.t.keys("j")
        let utf8 = Tmux()
        try utf8.start(["env", "LANG=C.UTF-8"] + [s.sshWords[0], "-tt", "-o", "SendEnv=LANG"] + s.sshWords.dropFirst(), raw: true)
        let screen = try utf8.waitFor("bezoeker")
        #expect(screen.contains("▌ ") && screen.contains(" — "), "UTF-8 marks when LANG comes along: \(screen)")
    }

    @Test("a command, port forwarding (-L and -R) and -N give nothing: no shell, no tunnel, no session")
    func nothingElse() throws {
        guard Self.sshdInstalled() else { return }
        let s = try Server()
        // A command: the interface runs instead (and, without a terminal, says so).
        let command = try Tmux.run(s.sshWords + ["/bin/sh", "-c", "'echo PWNED; id'"])
        #expect(!command.out.contains("PWNED") && !command.out.contains("uid="), "\(command.out)")
        #expect(command.out.contains("terminal"))
        // Port forwarding: the local end opens (that is the client), but sshd refuses the tunnel.
        let local = s.port + 1
        let words = (s.sshWords + ["-N", "-f", "-L", "\(local):127.0.0.1:\(s.port)"]).map(Tmux.quote).joined(separator: " ")
        // (-f: ssh goes to the background once connected, so no child of this process lives on.)
        #expect(try CrashTests.sh("timeout 20 " + words) == 0)
        defer { _ = try? CrashTests.sh("pkill -f -- '-L \(local):127.0.0.1'") }
        _ = try Self.bash("for i in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/\(local)) && break; sleep 0.1; done")
        let through = try Self.bash("exec 3<>/dev/tcp/127.0.0.1/\(local) && read -t 3 line <&3 && case \"$line\" in SSH-*) exit 0;; esac; exit 1")
        #expect(through != 0, "a banner came through the tunnel")
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline, !s.log.contains("refused local port forward") { usleep(100_000) }
        #expect(s.log.contains("refused local port forward"), "\(s.log)")
        // Remote forwarding: sshd refuses to listen for the client. Told to give up when a forward
        // fails, ssh exits 255 (had it been granted, -f would have sent it to the background with
        // 0, listening), and nothing listens on the server's side.
        let remote = s.port + 2
        let remoteWords = (s.sshWords + ["-f", "-N", "-o", "ExitOnForwardFailure=yes", "-R", "\(remote):127.0.0.1:\(s.port)"]).map(Tmux.quote).joined(separator: " ")
        defer { _ = try? CrashTests.sh("pkill -f -- '-R \(remote):127.0.0.1'") }
        #expect(try CrashTests.sh("timeout 20 " + remoteWords) == 255, "ssh -R was not refused")
        #expect(try Self.bash("exec 3<>/dev/tcp/127.0.0.1/\(remote)") != 0, "something listens on the remote forward's port")
        // -N: a connection without a session starts nothing.
        // ([-] keeps pgrep from finding its own command line.)
        #expect(try CrashTests.sh("! pgrep -f -- '[-]-store \(s.t.store)' >/dev/null") == 0)
    }

    @Test("a dropped SSH connection while typing an intake question: the session ends in order and the question is the draft at the next login")
    func droppedConnection() throws {
        guard Self.sshdInstalled() else { return }
        let s = try Server()
        try s.t.start(["env", "LANG=C.UTF-8"] + [s.sshWords[0], "-tt", "-o", "SendEnv=LANG"] + s.sshWords.dropFirst(), raw: true)
        try s.t.waitFor("bezoeker")
        try s.t.startIntake(typing: "Vraag over de energietoeslag")
        // The client dies (a laptop lid, a lost network): sshd hangs up the session's terminal.
        #expect(try CrashTests.sh("pkill -KILL -f -- '[c]lient_key.*-p \(s.port) '") == 0)
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, try CrashTests.sh("pgrep -f -- '[-]-store \(s.t.store)' >/dev/null") == 0 { usleep(100_000) }
        #expect(try CrashTests.sh("! pgrep -f -- '[-]-store \(s.t.store)' >/dev/null") == 0, "the session ended")
        try Tmux.expectIntakeDraft(store: s.t.store, question: "Vraag over de energietoeslag")
    }

    @Test("over SSH an export goes by e-mail to the resident's own address: no path to type, no file on the server")
    func exportByMail() throws {
        guard Self.sshdInstalled() else { return }
        let s = try Server()
        let before = Set((try? FileManager.default.contentsOfDirectory(atPath: NSHomeDirectory())) ?? [])
        try s.t.startLoggedIn("anna.devries@demo.sociaalhus.example", "demo-Kiwi-Tulp-2026", expecting: "Demo Anna",
                              command: ["env", "LANG=C.UTF-8"] + [s.sshWords[0], "-tt", "-o", "SendEnv=LANG"] + s.sshWords.dropFirst())
        try s.t.keys("g")
        try s.t.waitFor("Mijn gegevens")
        try s.t.keys("x")
        let screen = try s.t.waitFor("Per e-mail versturen")
        #expect(!screen.contains("Bestand"), "no file path to type over SSH: \(screen)")
        try s.t.keys("Enter")
        try s.t.waitFor("Klaargezet voor: anna.devries@demo.sociaalhus.example")
        let mail = try #require(try Store.open(at: s.t.store).state.outbox.all.first { $0.kind == .dataExport })
        #expect(mail.to == "anna.devries@demo.sociaalhus.example" && mail.body.contains("\"email\""))
        let after = Set((try? FileManager.default.contentsOfDirectory(atPath: NSHomeDirectory())) ?? [])
        #expect(after.subtracting(before).allSatisfy { !$0.hasPrefix("sociaalhus-export") }, "an export file on the server")
    }
}
