import Foundation
import Testing

/// As people type it: Fatima's wijk is only stated, so she sees her
/// neighbour Sanne ("Alleen buren") as a visitor does, and her profile says why and how; the desk
/// verifies her wijk and she sees Sanne's name. A letter with a code does the same.
@Suite(.serialized) struct WijkCheckFlowTests {
    static let fatima = ("fatima.elamrani@demo.sociaalhus.example", "demo-Regen-Appel-19")

    @Test("an unverified resident sees no 'Alleen buren' names; the desk verifies; then she does")
    func deskVerifies() throws {
        let t = Tmux()
        try t.cli(["init", "--demo"])
        try t.startLoggedIn(Self.fatima.0, Self.fatima.1, expecting: "Demo Fatima")
        try t.keys("4")
        try t.waitFor("Wijk opgegeven, niet bevestigd")
        try t.keys("2", "b")
        var s = try t.waitFor("Buren")
        #expect(!s.contains("Demo Sanne Bakker"), "a wijk only stated opens no names:\n\(s)")
        try t.keys("Escape", "4")
        try t.waitFor("l Uitloggen")
        try t.keys("l")
        try t.waitFor("bezoeker")
        // Lotte at the desk has seen Fatima's proof of address.
        try t.logIn("lotte.meijer@demo.sociaalhus.example", "demo-Balie-Lamp-Thee-4", expecting: "Demo Lotte")
        try t.keys("5")
        try t.waitFor("Gesprekken van vandaag")
        try t.keys("v")
        try t.waitFor("Ik heb een bewijs van het adres gezien")
        try t.type(Self.fatima.0)
        try t.keys("Tab", "Space")
        try t.tabUntil("Wijk bevestigen ]")
        try t.keys("Enter")
        try t.waitFor("Wijk bevestigd: Bornsche Maten")
        try t.keys("Escape", "4")
        try t.waitFor("l Uitloggen")
        try t.keys("l")
        try t.waitFor("bezoeker")
        try t.logIn(Self.fatima.0, Self.fatima.1, expecting: "Demo Fatima")
        try t.keys("4")
        try t.waitFor("Wijk bevestigd.")
        try t.keys("2", "b")
        s = try t.waitFor("Demo Sanne Bakker")
        #expect(s.contains("Demo Sanne Bakker"))
    }

    @Test("by letter: asked in the profile, written by the operator, the code typed by the resident")
    func letter() throws {
        let t = Tmux()
        try t.cli(["init", "--demo"])
        try t.startLoggedIn(Self.fatima.0, Self.fatima.1, expecting: "Demo Fatima")
        try t.keys("4")
        try t.waitFor("Wijk opgegeven")
        try t.keys("v")
        try t.waitFor("Aan de balie van het Sociaal Hus")
        try t.tabUntil("Brief met code aanvragen")
        try t.keys("Enter")
        // Fatima has no address in her profile: told what to do, nothing asked.
        try t.waitFor("nog geen adres")
        let none = try t.cli(["account", "letters"])
        #expect(none.out.contains("geen brieven"), "\(none.out)")
        // With the address filled in, the letter is asked and written.
        try t.keys("Escape")
        try t.tabUntil("Adres")
        try t.type("Bornsche Maten 1, 7623 AA Borne")
        try t.keys("C-s")
        try t.waitFor("Je profiel is opgeslagen")
        try t.tabUntil("Wijk bevestigen (v)")
        try t.keys("Enter")
        try t.tabUntil("Brief met code aanvragen")
        try t.keys("Enter")
        try t.waitFor("Brief aangevraagd")
        let out = t.store + "-letters.txt"
        #expect(try t.cli(["account", "letters", "--out", out]).status == 0)
        let page = try String(contentsOfFile: out, encoding: .utf8)
        #expect(page.hasPrefix("Demo Fatima El Amrani\nBornsche Maten 1, 7623 AA Borne"))
        let code = try #require(PasswordResetFlowTests.code(in: page), "\(page)")
        try t.tabUntil("Code uit de brief")
        try t.type(code)
        try t.tabUntil("Code invoeren")
        try t.keys("Enter")
        try t.waitFor("Je wijk is bevestigd.")
    }
}
