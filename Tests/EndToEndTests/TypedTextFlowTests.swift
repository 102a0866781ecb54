import Foundation
import Testing

/// Passwords and pictures as people type them, through the real binary and a real terminal
/// (tmux keeps a grapheme whole in its cell, so the captured screen shows what was sent).
@Suite(.serialized) struct TypedTextFlowTests {
    @Test("regression: an account added with Café composed (`account add`) logs in with it typed decomposed")
    func decomposedLogin() throws {
        let t = Tmux()
        #expect(try t.cli(["init"]).status == 0)
        let composed = "Koffie in Caf\u{E9} de Zwaan op zondag", decomposed = "Koffie in Cafe\u{301} de Zwaan op zondag"
        let added = try t.cli(["account", "add", "--email", "jose@example.nl", "--name", "Jose Tester", "--wijk", "Centrum"], stdin: composed + "\n")
        #expect(added.status == 0, "\(added.out)")
        try t.startLoggedIn("jose@example.nl", decomposed, expecting: "Jose Tester")
    }

    @Test("regression: 👩🏽‍⚕️ typed in a field reaches the terminal whole, not as 👩; a family longer than a curses cell shows the stand-in and no joiner")
    func emojiDrawnWhole() throws {
        let t = Tmux()
        #expect(try t.cli(["init", "--demo"]).status == 0)
        try t.start(["--store", t.store])
        try t.waitFor("bezoeker")
        try t.keys("/")
        try t.type("👩🏽‍⚕️ zorg")
        let screen = try t.waitFor("zorg")
        let line = screen.split(separator: "\n").first { $0.contains("zorg") }.map(String.init) ?? ""
        #expect(line.contains("Zoeken (/): "))
        let drawn = Array(line.unicodeScalars.map(\.value))
        let whole = Array("👩🏽‍⚕️ zorg".unicodeScalars.map(\.value))
        #expect(drawn.indices.contains { drawn[$0...].starts(with: whole) }, "the five scalars in a row: \(line)")
        for _ in 0..<6 { try t.keys("BSpace") }
        try t.type("👨‍👩‍👧‍👦 gezin")
        let after = try t.waitFor("gezin")
        #expect(after.contains("Zoeken (/): …  gezin"), "\(after)")
        #expect(!after.unicodeScalars.contains { $0.value == 0x200D }, "no joiner reaches the terminal")
    }
}
