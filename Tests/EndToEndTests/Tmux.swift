import Foundation
import Testing

/// A private tmux server running the real `sociaalhus` binary, as a person at a terminal sees it.
final class Tmux {
    let socket = "sh-e2e-" + UUID().uuidString.prefix(8)
    let home: String
    let store: String

    /// The built binary, next to the test bundle.
    static let binary: String = {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("sociaalhus").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return FileManager.default.currentDirectoryPath + "/.build/debug/sociaalhus"
    }()

    init() {
        home = NSTemporaryDirectory() + "sociaalhus-e2e-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        store = home + "/store"
    }

    deinit {
        _ = try? Tmux.run(["tmux", "-L", socket, "kill-server"])
        try? FileManager.default.removeItem(atPath: home)
    }

    /// Runs a command through /bin/sh with output in a temporary file, and returns it.
    ///
    /// Not Foundation's `Process`: a tmux server forked by `new-session` made `waitUntilExit`
    /// hang on this machine; `system` waits for exactly the command.
    @discardableResult
    static func run(_ args: [String], stdin: String? = nil, env: [String: String] = [:]) throws -> (status: Int32, out: String) {
        let outFile = NSTemporaryDirectory() + "e2e-out-" + UUID().uuidString
        let inFile = NSTemporaryDirectory() + "e2e-in-" + UUID().uuidString
        defer {
            try? FileManager.default.removeItem(atPath: outFile)
            try? FileManager.default.removeItem(atPath: inFile)
        }
        try Data((stdin ?? "").utf8).write(to: URL(fileURLWithPath: inFile))
        let envWords = env.map { "\($0.key)=\($0.value)" }
        let command = (["env"] + envWords + args).map(quote).joined(separator: " ")
        let status = system(command + " <" + quote(inFile) + " >" + quote(outFile) + " 2>&1")
        let out = (try? String(contentsOfFile: outFile, encoding: .utf8)) ?? ""
        return (status >> 8 & 0xFF, out)
    }

    /// Quotes a word for /bin/sh.
    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// Runs the command line against this test's store.
    @discardableResult
    func cli(_ args: [String], stdin: String? = nil) throws -> (status: Int32, out: String) {
        try Tmux.run([Tmux.binary] + args + ["--store", store], stdin: stdin, env: ["LANG": "C.UTF-8"])
    }

    /// Starts the interface in a detached session of `cols`×`rows`.
    /// With `raw`, `args` is the whole command (e.g. a shell) instead of arguments to the binary.
    func start(_ args: [String], cols: Int = 80, rows: Int = 24, env: [String: String] = [:], raw: Bool = false) throws {
        var envWords: [String] = ["env", "TERM=xterm-256color", "LANG=C.UTF-8", "HOME=\(home)"]
        for (k, v) in env { envWords.append("\(k)=\(v)") }
        let command = (envWords + (raw ? [] : [Tmux.binary]) + args).map(Tmux.quote).joined(separator: " ")
        let r = try Tmux.run(["tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-x", "\(cols)", "-y", "\(rows)", command])
        #expect(r.status == 0, "tmux did not start: \(r.out)")
    }

    /// Sends keys (tmux key names such as Enter, Tab, Escape, BTab, Down).
    func keys(_ names: String...) throws {
        for n in names { try Tmux.run(["tmux", "-L", socket, "send-keys", n]) }
    }

    /// Logs in on the Profiel tab as a person would, and waits until the top bar says so.
    func logIn(_ email: String, _ password: String, expecting name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try keys("4")
        try waitFor("Log in om je profiel", sourceLocation: sourceLocation)
        try type(email)
        try keys("Tab")
        try type(password)
        try keys("Enter")
        try waitFor("ingelogd: " + name, sourceLocation: sourceLocation)
    }

    /// Starts the interface, waits for the visitor's first screen and logs in; returns once the
    /// top bar names `name`, so a test goes on from what the person does once logged in.
    ///
    /// The interface runs on `store` (this test's own unless given); with `command`, that whole
    /// command runs instead, as `start(_:raw:)` does (a shell that changes folder, an ssh client).
    func startLoggedIn(_ email: String, _ password: String, expecting name: String, store: String? = nil, command: [String]? = nil,
                       cols: Int = 80, rows: Int = 24, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try start(command ?? ["--store", store ?? self.store], cols: cols, rows: rows, raw: command != nil)
        try waitFor("bezoeker", sourceLocation: sourceLocation)
        try logIn(email, password, expecting: name, sourceLocation: sourceLocation)
    }

    /// Lotte (demo desk staff) opens a new intake and types `question`: the first field, nothing
    /// kept as a draft yet.
    func startIntake(typing question: String) throws {
        try logIn("lotte.meijer@demo.sociaalhus.example", "demo-Balie-Lamp-Thee-4", expecting: "Demo Lotte")
        try keys("5")
        try waitFor("Gesprekken van vandaag")
        try keys("n")
        try waitFor("Eerst de vraag")
        try type(question)
        try waitFor(question)
    }

    /// In a new interface on `store`, Lotte finds her unfinished intake with `question` in it.
    static func expectIntakeDraft(store: String, question: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let t = Tmux()
        try t.startLoggedIn("lotte.meijer@demo.sociaalhus.example", "demo-Balie-Lamp-Thee-4", expecting: "Demo Lotte", store: store,
                            sourceLocation: sourceLocation)
        try t.keys("5")
        try t.waitFor("Verder met gesprek", sourceLocation: sourceLocation)
        try t.keys("n")
        try t.waitFor(question, sourceLocation: sourceLocation)
    }

    /// Types literal text.
    func type(_ text: String) throws {
        try Tmux.run(["tmux", "-L", socket, "send-keys", "-l", text])
    }

    /// The screen as text (with `escapes`, the attributes too).
    func screen(escapes: Bool = false) throws -> String {
        try Tmux.run(["tmux", "-L", socket, "capture-pane", "-p"] + (escapes ? ["-e"] : [])).out
    }

    /// The screen once two captures 80 ms apart agree.
    ///
    /// Regression (CI, stop 17): a capture taken while curses was still repainting showed the
    /// post's first lines over the old list, so a line further down was "missing".
    /// A screen that no longer meets `condition` (a notice that went away) is not waited for.
    func settled(_ first: String, _ condition: (String) -> Bool) throws -> String {
        var previous = first
        for _ in 0..<25 {
            usleep(80_000)
            let now = try screen()
            if !condition(now) { return previous }
            if now == previous { return now }
            previous = now
        }
        return previous
    }

    /// Waits until the screen contains `text` (up to `seconds`), returning the settled screen.
    @discardableResult
    func waitFor(_ text: String, seconds: Double = 15, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.contains(text) { return try settled(last) { $0.contains(text) } }
            usleep(100_000)
        }
        Issue.record("waited \(seconds) s for '\(text)'; the screen was:\n\(last)", sourceLocation: sourceLocation)
        return last
    }

    /// Waits until `condition` holds for the screen (up to `seconds`), returning the screen.
    @discardableResult
    func waitUntil(_ what: String, seconds: Double = 15, sourceLocation: SourceLocation = #_sourceLocation, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return try settled(last, condition) }
            usleep(100_000)
        }
        Issue.record("waited \(seconds) s for \(what); the screen was:\n\(last)", sourceLocation: sourceLocation)
        return last
    }

    /// Presses Tab until the focused row (marked "▌") contains `text`.
    func tabUntil(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for _ in 0..<40 {
            if try screen().split(separator: "\n").contains(where: { $0.contains("▌") && $0.contains(text) }) { return }
            try keys("Tab")
            usleep(60_000)
        }
        Issue.record("Tab never reached '\(text)'; the screen was:\n\(try screen())", sourceLocation: sourceLocation)
    }

    /// The pane's title (what escape sequences would change).
    func paneTitle() throws -> String {
        try Tmux.run(["tmux", "-L", socket, "display-message", "-p", "#{pane_title}"]).out
    }

    /// True while the session's program still runs.
    var isRunning: Bool {
        ((try? Tmux.run(["tmux", "-L", socket, "list-panes", "-F", "#{pane_dead}"]).out) ?? "").hasPrefix("0")
    }

    /// Resizes the window.
    func resize(cols: Int, rows: Int) throws {
        try Tmux.run(["tmux", "-L", socket, "resize-window", "-x", "\(cols)", "-y", "\(rows)"])
    }
}
