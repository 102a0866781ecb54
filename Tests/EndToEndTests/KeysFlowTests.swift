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
        // (The profile's own button "Wachtwoord wijzigen (p)" is on screen; the password form's
        // fields are not.)
        #expect(!s.contains("Huidig wachtwoord"), "\(s)")
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

    @Test("a path typed on the profile's 'Wie ziet je' opens no other screen and changes no choice; Esc leaves it for a button where p works")
    func lettersOnAChoice() throws {
        let t = Tmux()
        try t.cli(["init", "--demo"])
        try t.startLoggedIn("anna.devries@demo.sociaalhus.example", "demo-Kiwi-Tulp-2026", expecting: "Demo Anna")
        // The profile opens on its first button, where p would open the password form.
        try t.waitFor("▌ [ Mijn gegevens (g) ]")
        try t.tabUntil("Wie ziet je")
        let choice = { (screen: String) in screen.split(separator: "\n").first { $0.contains("Wie ziet je") }.map(String.init) ?? "" }
        let before = choice(try t.screen())
        try t.type("/home/anna/pasfoto.png")
        let s = try t.waitFor("Letters doen niets bij een keuze.")
        #expect(!s.contains("Huidig wachtwoord"), "\(s)")
        #expect(choice(s) == before, "the choice is as it was: \(s)")
        try t.keys("Escape")
        try t.keys("p")
        try t.waitFor("Huidig wachtwoord")
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
