import Foundation
import Testing

/// As the desk types it in a real terminal: Lotte helps Anna "namens" after
/// Anna typed her own password on the desk's screen; the password never shows, the top bar says
/// "namens" on every screen, the password cannot be changed, Ctrl-N ends it, and Anna's log names
/// Lotte for what she did.
@Suite(.serialized) struct OnBehalfFlowTests {
    @Test("regression: Lotte helps Anna namens after Anna's own password; Anna's log names Lotte")
    func deskHelps() throws {
        let t = Tmux()
        try t.cli(["init", "--demo"])
        try t.startLoggedIn("lotte.meijer@demo.sociaalhus.example", "demo-Balie-Lamp-Thee-4", expecting: "Demo Lotte")
        try t.keys("5")
        try t.waitFor("Gesprekken van vandaag")
        try t.keys("h")
        try t.waitFor("Ik heb gecontroleerd wie dit is")
        try t.type("anna.devries@demo.sociaalhus.example")
        try t.keys("Tab", "Tab", "Space")
        try t.tabUntil("Verder: de bewoner")
        try t.keys("Enter")
        try t.waitFor("Draai het scherm naar de bewoner")
        try t.type("demo-Kiwi-Tulp-2026")
        let typing = try t.waitFor("Wachtwoord of code")
        #expect(!typing.contains("demo-Kiwi-Tulp-2026"), "the password is dots:\n\(typing)")
        try t.keys("Enter")
        let helping = try t.waitFor("namens Demo Anna de Vries")
        #expect(!helping.contains("demo-Kiwi-Tulp-2026"))
        // Every tab says it; the password is not for the desk to change.
        try t.keys("1")
        try t.waitFor("namens Demo Anna de Vries")
        try t.keys("4")
        try t.waitFor("Wijk")
        try t.keys("Escape", "p")
        try t.waitFor("Dit kan niet namens iemand anders")
        // Mijn gegevens, for Anna at the desk: the log says who helps.
        try t.keys("g")
        try t.waitFor("Exporteren")
        for _ in 0..<8 { try t.keys("Space") }
        let log = try t.waitFor("Aan de balie geholpen: namens jou begonnen")
        #expect(log.contains("Lotte"), "\(log)")
        try t.keys("Escape")
        try t.keys("C-n")
        try t.waitFor("Helpen namens Demo Anna de Vries is gestopt")
        let after = try t.waitFor("ingelogd: Demo Lotte")
        #expect(!(after.split(separator: "\n").first ?? "").contains("namens"), "the top bar:\n\(after)")
    }
}
