import Foundation
import Testing

/// Keys where a person does not expect them, in the real binary, typed as a person would.
@Suite(.serialized) struct KeysFlowTests {
    @Test("a path typed on a tick box of the profile opens no other screen: the tick box says what works there")
    func lettersOnATickBox() throws {
        let t = Tmux()
        try t.cli(["init", "--demo"])
        try t.startLoggedIn("anna.devries@demo.sociaalhus.example", "demo-Kiwi-Tulp-2026", expecting: "Demo Anna")
        try t.tabUntil("Berichten van bezoekers")
        let before = try t.screen()
        // Someone who thinks they are in the photo's field types a path ("p" once opened the
        // password form).
        try t.type("/home/anna/pasfoto.png")
        let s = try t.waitFor("Letters doen niets op een vakje.")
        #expect(!s.contains("Wachtwoord wijzigen"), "\(s)")
        #expect(s.contains("Berichten van bezoekers"))
        // The tick box is as it was, and Space still ticks it.
        #expect(before.split(separator: "\n").first { $0.contains("Berichten van bezoekers") }
                == s.split(separator: "\n").first { $0.contains("Berichten van bezoekers") })
        try t.keys("Space")
        try t.waitUntil("the tick box changed") { now in
            now.split(separator: "\n").first { $0.contains("Berichten van bezoekers") }
                != before.split(separator: "\n").first { $0.contains("Berichten van bezoekers") }
        }
    }

    @Test("a visitor on an organisation's page is offered no editing; Esc leaves the agenda's week view")
    func keysOfferedToAVisitor() throws {
        let t = Tmux()
        try t.cli(["init", "--demo"])
        try t.start(["--store", t.store])
        try t.waitFor("bezoeker")
        try t.keys("w")
        try t.waitFor("Weekoverzicht")
        try t.keys("Escape")
        try t.waitUntil("the agenda's list") { !$0.contains("Weekoverzicht") && $0.contains("w Week") }
        try t.keys("3")
        try t.waitFor("Alle organisaties")
        try t.keys("Enter")
        let s = try t.waitFor("c Contact")
        #expect(!s.contains("Bewerken"), "\(s)")
        try t.keys("e")
        usleep(300_000)
        #expect(!(try t.screen()).contains("Log eerst in"))
    }
}
