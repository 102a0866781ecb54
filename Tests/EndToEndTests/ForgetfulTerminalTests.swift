import Foundation
import Testing

/// "a shared terminal forgets": after a logout (by key, automatically, or by
/// quitting) the terminal's screen and its whole history hold nothing of the resident, where the
/// terminal can clear them. tmux keeps the history; `capture-pane -S -` reads all of it.
@Suite(.serialized) struct ForgetfulTerminalTests {
    static let anna = (email: "anna.devries@demo.sociaalhus.example", password: "demo-Kiwi-Tulp-2026", name: "Demo Anna")

    /// The whole pane history and screen, as the next person could scroll back to it.
    static func history(_ t: Tmux) throws -> String {
        try Tmux.run(["tmux", "-L", t.socket, "capture-pane", "-p", "-S", "-"]).out
    }

    /// Waits until the history no longer holds `text` (the clear is written after the frame).
    static func expectForgotten(_ t: Tmux, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let deadline = Date().addingTimeInterval(5)
        var h = try history(t)
        while h.contains(text), Date() < deadline {
            usleep(100_000)
            h = try history(t)
        }
        #expect(!h.contains(text), "'\(text)' is still in the terminal's history:\n\(h)", sourceLocation: sourceLocation)
    }

    /// Starts the interface with `args` in a shell that says how it ended, with TERM set to `term`.
    static func start(_ t: Tmux, term: String, _ args: String, rows: Int = 24) throws {
        try t.cli(["init", "--demo"])
        try t.start(["sh", "-c", "TERM=\(term) \(Tmux.binary) --store \(t.store) \(args); echo EXIT=$?; sleep 120"], rows: rows, raw: true)
    }

    /// Waits until the history (plain mode scrolls past the screen) holds `text`.
    static func waitInHistory(_ t: Tmux, _ text: String, seconds: Double = 15, sourceLocation: SourceLocation = #_sourceLocation) throws {
        _ = try t.waitUntil("'\(text)' in the history", seconds: seconds, sourceLocation: sourceLocation) { _ in
            ((try? history(t)) ?? "").contains(text)
        }
    }

    /// Logs Anna in in plain mode and waits for her profile.
    static func plainLogIn(_ t: Tmux, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try waitInHistory(t, "Enter voor meer.", sourceLocation: sourceLocation)
        // ("!profiel": after a logout the login form's question waits, and a word is its answer.)
        for line in ["!profiel", anna.email, anna.password, ""] {
            try t.type(line)
            try t.keys("Enter")
            usleep(300_000)
        }
        try waitInHistory(t, anna.name, sourceLocation: sourceLocation)
    }

    @Test("full screen: log out by key, then quit while logged in; the Linux console (no alternate screen) and xterm keep nothing of her",
          arguments: ["linux", "xterm-256color"])
    func fullScreen(term: String) throws {
        let t = Tmux()
        try Self.start(t, term: term, "")
        try t.waitFor("bezoeker")
        try t.logIn(Self.anna.email, Self.anna.password, expecting: Self.anna.name)
        try t.waitFor("Naam")
        try t.keys("Escape", "l")
        try t.waitFor("Je bent uitgelogd")
        try Self.expectForgotten(t, "Anna")
        // Quitting while someone is logged in: endwin on a terminal without an alternate screen
        // left the last frame, her name in it (regression).
        try t.logIn(Self.anna.email, Self.anna.password, expecting: Self.anna.name)
        try t.keys("q", "j")
        try t.waitFor("EXIT=0")
        try Self.expectForgotten(t, "Anna")
    }

    @Test("plain mode on a terminal: logging out clears the screen and scrollback before 'Je bent uitgelogd'; quitting while logged in clears too")
    func plainOnTerminal() throws {
        let t = Tmux()
        try Self.start(t, term: "xterm-256color", "--plain", rows: 40)
        try Self.plainLogIn(t)
        // (The profile form asks its first question: a key of the screen needs "!".)
        try t.type("!l")
        try t.keys("Enter")
        try Self.waitInHistory(t, "Je bent uitgelogd")
        try Self.expectForgotten(t, "Anna")
        try Self.plainLogIn(t)
        try t.type("!q")
        try t.keys("Enter")
        try t.type("j")
        try t.keys("Enter")
        try t.waitFor("EXIT=0")
        try Self.expectForgotten(t, "Anna")
    }

    @Test("the automatic logout (--idle-minutes 1) clears, in plain mode and in the full screen on the Linux console")
    func idleLogout() throws {
        let plain = Tmux(), full = Tmux()
        try Self.start(plain, term: "xterm-256color", "--plain --idle-minutes 1", rows: 40)
        try Self.start(full, term: "linux", "--idle-minutes 1")
        try Self.plainLogIn(plain)
        try full.waitFor("bezoeker")
        try full.logIn(Self.anna.email, Self.anna.password, expecting: Self.anna.name)
        // A minute without keys, the warning, and 30 seconds more.
        try Self.waitInHistory(plain, "automatisch uitgelogd", seconds: 120)
        try full.waitFor("automatisch uitgelogd", seconds: 30)
        try Self.expectForgotten(plain, "Anna")
        try Self.expectForgotten(full, "Anna")
    }

    @Test("plain mode through a pipe and on TERM=dumb writes no escape sequence at logging out")
    func plainPipeWritesNoEscapes() throws {
        let (dir, store) = try DemoStore.make("forget")
        defer { DemoStore.remove(dir) }
        let (status, out) = try PlainModeTests.run(store: store, lines: ["profiel", Self.anna.email, Self.anna.password, "", "!l", "q", "j"], cwd: dir)
        #expect(status == 0)
        #expect(out.contains("Je bent uitgelogd"), "\(out.suffix(2000))")
        #expect(!out.contains("\u{1B}"), "an escape sequence went into the pipe")
        // TERM=dumb on a terminal: no clear either (it has none), her lines stay; docs/operating.md says what to set.
        let t = Tmux()
        try Self.start(t, term: "dumb", "", rows: 40)
        try Self.plainLogIn(t)
        // (The profile form asks its first question: a key of the screen needs "!".)
        try t.type("!l")
        try t.keys("Enter")
        try Self.waitInHistory(t, "Je bent uitgelogd")
        #expect(try Self.history(t).contains("Anna"), "nothing was cleared on a dumb terminal")
    }
}
