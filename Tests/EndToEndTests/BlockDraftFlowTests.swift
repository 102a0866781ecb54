import Foundation
import Testing

/// In the real binary: a block from the command line ends an open
/// session in another terminal within two seconds, in the full screen and in plain mode; and
/// "Concept weggooien" asks before a typed intake goes.
@Suite(.serialized) struct BlockDraftFlowTests {
    static let anna = (email: "anna.devries@demo.sociaalhus.example", password: "demo-Kiwi-Tulp-2026")

    /// Seconds from now until the screen contains `text` (polled every 50 ms), or nil after `limit`.
    static func secondsUntil(_ t: Tmux, _ text: String, limit: Double = 6) throws -> Double? {
        let start = Date()
        while Date().timeIntervalSince(start) < limit {
            if try t.screen().contains(text) { return Date().timeIntervalSince(start) }
            usleep(50_000)
        }
        return nil
    }

    @Test("regression: a resident logged in; `account block` on the command line; within 2 s the terminal says why and is logged out")
    func blockFromCommandLine() throws {
        let t = Tmux()
        try t.cli(["init", "--demo"])
        try t.startLoggedIn(Self.anna.email, Self.anna.password, expecting: "Demo Anna", cols: 100, rows: 30)
        // Halfway through a post: the block does not wait for the person to stop typing.
        try t.keys("2")
        try t.waitFor("Alle berichten")
        try t.keys("n")
        try t.waitFor("Titel")
        try t.keys("Tab")
        try t.type("Half geschreven")
        try t.waitFor("Half geschreven")
        let r = try t.cli(["account", "block", "--email", Self.anna.email, "--reason", "Reclame op het prikbord"])
        #expect(r.status == 0, "\(r.out)")
        let seconds = try Self.secondsUntil(t, "Uitgelogd")
        #expect(seconds.map { $0 < 2 } == true, "block to logout: \(seconds.map { String(format: "%.2f s", $0) } ?? "never")")
        let s = try t.waitFor("balie van het Sociaal Hus")
        #expect(s.split(separator: "\n").first?.contains("bezoeker") == true, "the top bar says visitor:\n\(s)")
        #expect(s.contains("geblokkeerd"))
        #expect(s.contains("Niet bewaard: Prikbord"), "what was typed is named as not kept:\n\(s)")
        #expect(!s.contains("Reclame"), "the reason stays off a shared screen")
        #expect(!s.contains("Half geschreven"), "the half-written post is gone from the screen")
        // Any key closes the dialog; logging in again is refused.
        try t.keys("Escape")
        try t.waitUntil("the dialog closed") { !$0.contains("Druk op een toets") }
        try t.keys("4")
        try t.waitFor("Log in om je profiel")
        try t.type(Self.anna.email)
        try t.keys("Tab")
        try t.type(Self.anna.password)
        try t.keys("Enter")
        try t.waitFor("geblokkeerd")
        #expect(try t.screen().contains("bezoeker"))
    }

    @Test("regression: in plain mode the block is said within 2 s, also to someone typing a line every 0.3 s (no idle second)")
    func blockInPlainMode() throws {
        let t = Tmux()
        try t.cli(["init", "--demo"])
        try t.start(["--plain", "--store", t.store], cols: 160, rows: 120)
        try t.waitFor("Enter voor meer.")
        for line in ["profiel", Self.anna.email, Self.anna.password, ""] {
            try t.type(line)
            try t.keys("Enter")
            usleep(300_000)
        }
        try t.waitFor("Wie ziet je")
        let r = try t.cli(["account", "block", "--email", Self.anna.email])
        #expect(r.status == 0, "\(r.out)")
        let start = Date()
        var seconds: Double?
        while Date().timeIntervalSince(start) < 6 {
            if try t.screen().contains("Uitgelogd") { seconds = Date().timeIntervalSince(start); break }
            try t.keys("Enter")             // "where am I", again and again
            usleep(300_000)
        }
        #expect(seconds.map { $0 < 2 } == true, "block to logout in plain mode: \(seconds.map { String(format: "%.2f s", $0) } ?? "never")")
        let s = try t.waitFor("balie van het Sociaal Hus")
        #expect(s.contains("Je account is geblokkeerd"))
    }

    @Test("regression: the desk types an intake and presses 'Concept weggooien': asked; no keeps the text, yes throws it away")
    func discardIntakeAsks() throws {
        let t = Tmux()
        try t.cli(["init", "--demo"])
        try t.start(["--store", t.store], cols: 100, rows: 40)
        try t.waitFor("bezoeker")
        try t.startIntake(typing: "Vraag over bijzondere bijstand")
        try t.tabUntil("[ Concept weggooien ]")
        try t.keys("Enter")
        var s = try t.waitFor("Het concept van dit gesprek weggooien?")
        #expect(s.contains("j = ja, doen   n of Esc = nee"))
        try t.keys("n")
        s = try t.waitFor("Niets gedaan.")
        #expect(s.contains("Vraag over bijzondere bijstand"), "no keeps the text:\n\(s)")
        try t.keys("Enter")
        try t.waitFor("Het concept van dit gesprek weggooien?")
        try t.keys("j")
        s = try t.waitFor("Concept weggegooid")
        #expect(!s.contains("Vraag over bijzondere bijstand"))
        try t.keys("n")
        s = try t.waitFor("Eerst de vraag")
        #expect(!s.contains("Vraag over bijzondere bijstand"), "no draft came back")
        #expect(!s.contains("teruggezet"))
    }
}
