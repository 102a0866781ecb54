import Foundation
import Testing

/// Runs the real `sociaalhus` binary in a temporary store, as a desk or a script would.
@Suite(.serialized) struct CommandLineTests {
    /// The built binary, next to the test bundle.
    static let binary: String = {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("sociaalhus").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(".build/debug/sociaalhus").path
    }()

    struct Output {
        var status: Int32
        var out: String
        var err: String
    }

    /// Runs the binary with `args`, `stdin` as input, and a clean environment (Dutch, no terminal).
    @discardableResult
    static func run(_ args: [String], stdin: String = "", env: [String: String] = [:]) throws -> Output {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = args
        var environment = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "LANG": "C.UTF-8"]
        environment.merge(env) { $1 }
        p.environment = environment
        let inPipe = Pipe(), outPipe = Pipe(), errPipe = Pipe()
        p.standardInput = inPipe
        p.standardOutput = outPipe
        p.standardError = errPipe
        try p.run()
        inPipe.fileHandleForWriting.write(Data(stdin.utf8))
        try inPipe.fileHandleForWriting.close()
        let out = outPipe.fileHandleForReading.readDataToEndOfFile()
        let err = errPipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Output(status: p.terminationStatus, out: String(decoding: out, as: UTF8.self), err: String(decoding: err, as: UTF8.self))
    }

    /// A temporary folder, removed afterwards.
    final class Temp {
        let path = NSTemporaryDirectory() + "sociaalhus-cli-" + UUID().uuidString
        init() { try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(atPath: path) }
        var store: String { path + "/store" }
    }

    static let password = "lange fietstocht langs de Dinkel\n"

    @Test("init, add an account, export it, erase it, check") func lifecycle() throws {
        let t = Temp()
        var r = try Self.run(["init", "--store", t.store])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("Opslag gemaakt"))
        r = try Self.run(["account", "add", "--store", t.store, "--email", "anna@example.nl", "--name", "Anna Tester", "--wijk", "Zenderen"], stdin: Self.password)
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("alle e-mails uit"))
        r = try Self.run(["export", "--store", t.store, "--email", "anna@example.nl"])
        #expect(r.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let account = try #require(json["account"] as? [String: Any])
        #expect(account["email"] as? String == "anna@example.nl")
        #expect(account["passwordHash"] == nil)
        let profile = try #require(json["profile"] as? [String: Any])
        #expect(profile["visibility"] as? String == "anoniem")
        #expect(profile["wijk"] as? String == "Zenderen")
        // Export to a file: mode 0600.
        r = try Self.run(["export", "--store", t.store, "--email", "anna@example.nl", "--out", t.path + "/export.json"])
        #expect(r.status == 0)
        let attrs = try FileManager.default.attributesOfItem(atPath: t.path + "/export.json")
        #expect((attrs[.posixPermissions] as? Int) == 0o600)
        r = try Self.run(["account", "erase", "--store", t.store, "--email", "anna@example.nl", "--yes"])
        #expect(r.status == 0, "\(r.err)")
        r = try Self.run(["export", "--store", t.store, "--email", "anna@example.nl"])
        #expect(r.status == 1)
        #expect(r.err.contains("Er is geen account"))
        r = try Self.run(["check", "--store", t.store])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("in orde"))
    }

    /// A visitor who wrote through the contact form had no rights ("geen account").
    @Test("export and account erase work for a visitor known by the address they wrote from")
    func visitorRights() throws {
        let t = Temp()
        #expect(try Self.run(["init", "--demo", "--store", t.store]).status == 0)
        let visitor = "m.pieterse@bezoeker.example"
        var r = try Self.run(["export", "--store", t.store, "--email", visitor])
        #expect(r.status == 0, "\(r.err)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        #expect(json["email"] as? String == visitor)
        #expect((json["messagesSent"] as? [Any])?.count == 1)
        r = try Self.run(["account", "erase", "--store", t.store, "--email", visitor])
        #expect(r.status == 2, "without a terminal it needs --yes")
        r = try Self.run(["account", "erase", "--store", t.store, "--email", visitor, "--yes"])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("De bezoeker \(visitor) is gewist"))
        r = try Self.run(["export", "--store", t.store, "--email", visitor])
        #expect(r.status == 1 && r.err.contains("Er is geen account"))
        #expect(try Self.run(["check", "--store", t.store]).status == 0)
        // An address nobody used is still "no account".
        #expect(try Self.run(["export", "--store", t.store, "--email", "niemand@example.org"]).status == 1)
    }

    /// A destructive command run by a script without --yes erased at once.
    @Test("account erase and restore without a terminal need --yes: exit 2, nothing changed; with --yes they act")
    func destructiveNeedsYes() throws {
        let t = Temp()
        #expect(try Self.run(["init", "--store", t.store]).status == 0)
        #expect(try Self.run(["account", "add", "--store", t.store, "--email", "anna@example.nl", "--name", "Anna Tester", "--wijk", "Zenderen"], stdin: Self.password).status == 0)
        #expect(try Self.run(["backup", "--store", t.store, "--to", t.path + "/b.shb"]).status == 0)
        var r = try Self.run(["account", "erase", "--store", t.store, "--email", "anna@example.nl"])
        #expect(r.status == 2)
        #expect(r.err.contains("geef --yes") && r.err.contains("Er is niets veranderd."))
        #expect(try Self.run(["export", "--store", t.store, "--email", "anna@example.nl"]).status == 0, "Anna is still there")
        r = try Self.run(["restore", "--store", t.store, "--from", t.path + "/b.shb", "--lang", "en"])
        #expect(r.status == 2)
        #expect(r.err.contains("give --yes") && r.err.contains("Nothing was changed."))
        r = try Self.run(["account", "erase", "--store", t.store, "--email", "anna@example.nl", "--yes"])
        #expect(r.status == 0, "\(r.err)")
        #expect(try Self.run(["export", "--store", t.store, "--email", "anna@example.nl"]).status == 1)
    }

    /// Served over SSH a resident names no file; the administrator sets the photo.
    @Test("account photo sets a photo from a file and removes it; needs exactly one of --from and --remove")
    func accountPhoto() throws {
        let t = Temp()
        #expect(try Self.run(["init", "--store", t.store]).status == 0)
        #expect(try Self.run(["account", "add", "--store", t.store, "--email", "anna@example.nl", "--name", "Anna Tester", "--wijk", "Zenderen"], stdin: Self.password).status == 0)
        let png = t.path + "/anna.png"
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]).write(to: URL(fileURLWithPath: png))
        var r = try Self.run(["account", "photo", "--store", t.store, "--email", "anna@example.nl", "--from", png])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("is gezet"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: t.store + "/photos").count == 1)
        r = try Self.run(["export", "--store", t.store, "--email", "anna@example.nl"])
        #expect(r.out.contains(".png"))
        r = try Self.run(["account", "photo", "--store", t.store, "--email", "anna@example.nl", "--remove"])
        #expect(r.status == 0, "\(r.err)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: t.store + "/photos").isEmpty)
        for words in [[], ["--remove", "--from", png]] {
            r = try Self.run(["account", "photo", "--store", t.store, "--email", "anna@example.nl"] + words)
            #expect(r.status == 2)
            #expect(r.err.contains("Geef --from BESTAND (een JPEG of PNG) of --remove, één van beide."))
        }
        r = try Self.run(["account", "photo", "--store", t.store, "--email", "anna@example.nl", "--from", t.path + "/missing.png"])
        #expect(r.status == 1)
        #expect(r.err.contains("Deze foto kan niet worden gebruikt"))
        #expect(try Self.run(["check", "--store", t.store]).status == 0)
    }

    static let errorCases: [([String], String, Int32, String)] = [
        (["frobnicate"], "", 2, "Onbekende opdracht"),
        (["agenda", "--store", "/nonexistent/sociaalhus"], "", 1, "sociaalhus init"),
        (["agenda", "--days", "0"], "", 2, "--days"),
        (["agenda", "--from", "2026-02-30"], "", 2, "--from; verwacht: een dag die bestaat"),
        (["agenda", "--wijk", "Atlantis"], "", 1, "bestaat niet"),
        (["agenda", "--format", "xml"], "", 2, "text, ics, json"),
        (["account", "add", "--email", "anna", "--name", "A", "--wijk", "Centrum"], password, 1, "geen geldig e-mailadres"),
        (["account", "add", "--email", "b@example.nl", "--name", "B", "--wijk", "Centrum"], "welkom123\n", 1, "te kort"),
        (["account", "add", "--email", "b@example.nl", "--name", "B", "--wijk", "Centrum"], "wachtwoord2026\n", 1, "veel gebruikt"),
        (["account", "add", "--email", "b@example.nl", "--name", "B", "--wijk", "Centrum"], "", 2, "geen wachtwoord"),
        (["account", "add", "--email", "b@example.nl", "--wijk", "Centrum"], password, 2, "--name"),
        // Regression: a name with ESC travelled into e-mail bodies.
        (["account", "add", "--email", "c@example.nl", "--name", "Mal\u{1B}]0;PWNED\u{07}", "--wijk", "Centrum"], password, 1, "onzichtbare stuurtekens"),
        (["account", "add", "--email", "b@example.nl", "--name", "B", "--wijk", "Centrum", "--role", "koning"], password, 2, "--role"),
        (["account", "block", "--email", "nobody@example.nl"], "", 1, "Er is geen account"),
        (["init", "--wijk", "Centrum\u{1B}[2J"], "", 1, "onzichtbare stuurtekens"),
        (["agenda", "--bogus", "1"], "", 2, "Onbekende optie"),
    ]

    @Test("every error: non-zero status, one plain sentence, nothing half done", arguments: errorCases)
    func errors(args: [String], stdin: String, status: Int32, message: String) throws {
        let t = Temp()
        try Self.run(["init", "--store", t.store])
        let before = try Data(contentsOf: URL(fileURLWithPath: t.store + "/sociaalhus.db"))
        let withStore = args.contains("--store") ? args : args + ["--store", t.store]
        let r = try Self.run(withStore, stdin: stdin)
        #expect(r.status == status, "\(r.err)")
        #expect(r.err.contains(message), "\(r.err)")
        #expect(r.err.split(separator: "\n").count == 1, "one sentence: \(r.err)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: t.store + "/sociaalhus.db")) == before, "nothing half done")
    }

    /// Regression: `mail list` printed the outbox's English state and kind words in Dutch mode.
    @Test("mail list names each e-mail's state and kind in the chosen language") func mailListWords() throws {
        let t = Temp()
        #expect(try Self.run(["init", "--demo", "--store", t.store]).status == 0)
        let nl = try Self.run(["mail", "list", "--store", t.store])
        #expect(nl.status == 0 && nl.out.contains(/\swacht\scontactkopie\s/) && nl.out.contains(/\smelding-wijk\s/), "\(nl.out)")
        #expect(!nl.out.contains(/\spending\s/) && !nl.out.contains(/\snotification\s/))
        let en = try Self.run(["mail", "list", "--store", t.store, "--lang", "en"])
        #expect(en.out.contains(/\swaiting\scontact-copy\s/) && !en.out.contains(/\swacht\s/), "\(en.out)")
    }

    @Test("English with --lang en or an English LANG") func english() throws {
        let r = try Self.run(["agenda", "--store", "/nonexistent/x", "--lang", "en"])
        #expect(r.err.contains("There is no store"))
        let r2 = try Self.run(["agenda", "--store", "/nonexistent/x"], env: ["LANG": "en_GB.UTF-8"])
        #expect(r2.err.contains("There is no store"))
    }

    @Test("two processes adding accounts at the same time lose nothing") func concurrentProcesses() throws {
        let t = Temp()
        try Self.run(["init", "--store", t.store])
        let group = DispatchGroup()
        let failures = Locked<[String]>([])
        let store = t.store
        for p in 0..<2 {
            DispatchQueue.global().async(group: group) {
                for i in 0..<8 {
                    let r = try? Self.run(["account", "add", "--store", store, "--email", "p\(p)-\(i)@example.nl", "--name", "P \(p) \(i)", "--wijk", "Hertme"],
                                          stdin: Self.password)
                    if r?.status != 0 { failures.mutate { $0.append(r?.err ?? "no run") } }
                }
            }
        }
        group.wait()
        #expect(failures.value.isEmpty, "\(failures.value)")
        for p in 0..<2 {
            for i in 0..<8 {
                let r = try Self.run(["export", "--store", t.store, "--email", "p\(p)-\(i)@example.nl"])
                #expect(r.status == 0, "p\(p)-\(i) lost: \(r.err)")
            }
        }
        #expect(try Self.run(["check", "--store", t.store]).status == 0)
    }

    @Test("a store readable by others is refused with the fix") func permissions() throws {
        let t = Temp()
        try Self.run(["init", "--store", t.store])
        chmod(t.store, 0o755)
        let r = try Self.run(["agenda", "--store", t.store])
        #expect(r.status == 1)
        #expect(r.err.contains("chmod -R go-rwx"))
    }

    @Test("check reports a damaged file by name and exits non-zero") func checkCorrupt() throws {
        let t = Temp()
        try Self.run(["init", "--store", t.store])
        try Self.run(["account", "add", "--store", t.store, "--email", "anna@example.nl", "--name", "Anna", "--wijk", "Centrum"], stdin: Self.password)
        let file = t.store + "/sociaalhus.db"
        let handle = try #require(FileHandle(forUpdatingAtPath: file))
        handle.truncateFile(atOffset: 5)
        handle.closeFile()
        let r = try Self.run(["check", "--store", t.store])
        #expect(r.status == 1)
        #expect(r.err.contains("sociaalhus.db") && r.err.contains("beschadigd"), "\(r.err)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)).count == 5, "left as it is")
    }

    @Test("`sociaalhus keys` prints the table with your keys file's lines, and each wrong line with its number (exit 1)")
    func keys() throws {
        let config = NSTemporaryDirectory() + "sociaalhus-keys-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: config) }
        let plain = try Self.run(["keys"], env: ["XDG_CONFIG_HOME": config])
        #expect(plain.status == 0 && plain.out.contains("weekView") && plain.err.isEmpty)
        try FileManager.default.createDirectory(atPath: config + "/sociaalhus", withIntermediateDirectories: true)
        try "weekView W\nquit w\nbogus x\nsearch Hyper-S\n".write(toFile: config + "/sociaalhus/keys", atomically: true, encoding: .utf8)
        let r = try Self.run(["keys", "--lang", "en"], env: ["XDG_CONFIG_HOME": config])
        #expect(r.status == 1)
        #expect(r.out.contains("weekView") && r.out.contains("W   # from your keys file"))
        #expect(r.err.contains("line 3: unknown action 'bogus'") && r.err.contains("line 4: unknown key 'Hyper-S'"), "\(r.err)")
        #expect(!r.err.contains("line 1") && !r.err.contains("line 2"))
    }
}

/// A value shared between threads in tests.
final class Locked<T>: @unchecked Sendable {
    private var v: T
    private let lock = NSLock()
    init(_ v: T) { self.v = v }
    var value: T { lock.withLock { v } }
    func mutate(_ f: (inout T) -> Void) { lock.withLock { f(&v) } }
}
