import Foundation
import Testing
@testable import SociaalHusCore

/// The terminal interface end to end, in tmux, as a person would use it.
@Suite(.serialized) struct InterfaceTests {
    @Test("a visitor browses, opens the help, and quits after confirming; the terminal is restored") func visitor() throws {
        let t = Tmux()
        try t.cli(["init", "--demo"])
        try t.start(["--store", t.store])
        try t.waitFor("bezoeker")
        try t.keys("?")
        try t.waitFor("Help")
        try t.keys("Escape", "q")
        try t.waitFor("Wil je SociaalHus afsluiten?")
        try t.keys("j")
        let deadline = Date().addingTimeInterval(5)
        while t.isRunning && Date() < deadline { usleep(100_000) }
        #expect(!t.isRunning)
    }

    @Test("resizing while in use: smaller than the minimum shows a message, larger again works") func resize() throws {
        let t = Tmux()
        try t.cli(["init", "--demo"])
        try t.start(["--store", t.store])
        try t.waitFor("bezoeker")
        try t.resize(cols: 50, rows: 15)
        try t.waitFor("Venster te klein")
        try t.resize(cols: 60, rows: 20)
        try t.waitFor("bezoeker")
        try t.resize(cols: 100, rows: 30)
        try t.waitUntil("the top bar to span 100 columns") { s in
            s.split(separator: "\n").first.map { $0.count > 90 && $0.hasSuffix("bezoeker") } ?? false
        }
    }

    @Test("with NO_COLOR no colour escape reaches the terminal; selection is still marked") func noColor() throws {
        let t = Tmux()
        try t.cli(["init", "--demo"])
        try t.start(["--store", t.store], env: ["NO_COLOR": "1"])
        try t.waitFor("bezoeker")
        let raw = try t.screen(escapes: true)
        // capture-pane -e writes SGR sequences; colours would appear as 3x/4x/9x parameters.
        let colour = try Regex("\u{1B}\\[[0-9;]*(3[0-7]|4[0-7]|9[0-7]|38;|48;)[0-9;]*m")
        #expect(raw.firstMatch(of: colour) == nil, "colour escape found")
        #expect(raw.contains("\u{1B}[7m") || raw.contains(";7m"), "reverse video is still used")
    }

    @Test("without a UTF-8 locale (LANG=C) every mark has an ASCII stand-in; with --ascii too; nothing vanishes")
    func asciiWithoutUTF8() throws {
        for (env, args) in [(["LANG": "C", "LC_ALL": "C"], [String]()), ([:], ["--ascii"])] {
            let t = Tmux()
            try t.cli(["init", "--demo"])
            try t.start(["--store", t.store] + args, env: env)
            let screen = try t.waitFor("bezoeker")
            #expect(screen.contains("\n> "), "the chosen row is marked with >: \(screen)")
            #expect(screen.contains(" - "), "the dash between title and place is -")
            #expect(screen.unicodeScalars.allSatisfy { $0.isASCII }, "\(screen)")
            // (A first screen's top bar has no rule since its title is its tab's name.)
            try t.keys("Enter")
            let detail = try t.waitFor(" | ")
            #expect(detail.unicodeScalars.allSatisfy { $0.isASCII }, "the top bar's rule is |: \(detail)")
        }
    }

    @Test("on the Linux console (no underline) an input field's empty cells are '_', so its extent shows")
    func bracketedFields() throws {
        let t = Tmux()
        try t.cli(["init", "--demo"])
        try t.start(["--store", t.store], env: ["TERM": "linux"])
        try t.waitFor("bezoeker")
        try t.keys("4")
        try t.type("anna")
        let screen = try t.waitFor("anna___")
        #expect(screen.contains("Wachtwoord") && screen.contains("_____") && !screen.contains("[....."))
    }

    @Test("the interface refuses to run without a terminal, with a plain sentence") func noTerminal() throws {
        let t = Tmux()
        try t.cli(["init"])
        let r = try t.cli([])
        #expect(r.status == 2)
        #expect(r.out.contains("alleen in een terminal"))
    }
}

/// The terminal is given back in a usable state however the program ends.
@Suite(.serialized) struct TerminalRestoreTests {
    /// Runs the interface inside a shell that reports the exit status and the terminal modes afterwards.
    func run(_ t: Tmux, keys: [String]) throws -> String {
        let shell = "\(Tmux.quote(Tmux.binary)) --store \(Tmux.quote(t.store)); echo EXIT=$? MODES: $(stty -a | tr ' ' '\\n' | grep -E '^-?(echo|icanon)$' | tr '\\n' ' ') END; sleep 30"
        try t.start(["sh", "-c", shell].dropFirst(0).map { $0 }, cols: 80, rows: 24, env: [:], raw: true)
        try t.waitFor("bezoeker")
        for k in keys { try t.keys(k) }
        return try t.waitFor(" END")
    }

    @Test("after q and j the terminal echoes and reads lines again") func quit() throws {
        let t = Tmux()
        try t.cli(["init", "--demo"])
        let s = try run(t, keys: ["q", "j"])
        #expect(s.contains("EXIT=0"))
        #expect(s.contains("icanon echo") || s.contains("echo icanon"), "\(s.split(separator: "\n").filter { $0.contains("EXIT") || $0.contains("echo") || $0.contains("icanon") })")
        #expect(!s.contains("-echo") && !s.contains("-icanon"))
    }

    @Test("Ctrl-C ends at once and restores the terminal") func ctrlC() throws {
        let t = Tmux()
        try t.cli(["init", "--demo"])
        let s = try run(t, keys: ["4", "C-c"])
        #expect(s.contains("EXIT=0"))
        #expect(!s.contains("-echo") && !s.contains("-icanon"))
    }
}
