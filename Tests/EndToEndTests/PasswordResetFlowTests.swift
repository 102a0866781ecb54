import Foundation
import Testing

/// As people type it: a resident who forgot their password gets a code at the
/// desk and sets a new one at the login form; the operator can make one on the command line.
@Suite(.serialized) struct PasswordResetFlowTests {
    /// The code on a screen or in a command's output ("ABCD-EFGH-JKLM").
    static func code(in text: String) -> String? {
        let pattern = try! NSRegularExpression(pattern: "[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}")
        let ns = text as NSString
        return pattern.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range) }
    }

    @Test("the desk makes a code for Anna; Anna sets a new password with it at the login form and is logged in")
    func deskToLogin() throws {
        let t = Tmux()
        try t.cli(["init", "--demo"])
        try t.startLoggedIn("lotte.meijer@demo.sociaalhus.example", "demo-Balie-Lamp-Thee-4", expecting: "Demo Lotte")
        try t.keys("5")
        try t.waitFor("Gesprekken van vandaag")
        try t.keys("c")
        try t.waitFor("Ik heb gecontroleerd wie dit is")
        try t.type("anna.devries@demo.sociaalhus.example")
        try t.tabUntil("Code maken")
        try t.keys("Enter")
        try t.waitFor("Vink eerst aan dat je hebt gecontroleerd")
        try t.keys("Space")
        try t.tabUntil("Code maken")
        try t.keys("Enter")
        let shown = try t.waitFor("Lees hem voor")
        let code = try #require(Self.code(in: shown), "the code is on the screen:\n\(shown)")
        // Leaving the screen takes the code off it.
        try t.keys("Escape")
        let after = try t.waitFor("Gesprekken van vandaag")
        #expect(!after.contains(code))
        try t.keys("4")
        try t.waitFor("l Uitloggen")
        try t.keys("l")
        try t.waitFor("bezoeker")
        // Anna, at the login form: a wrong code first, then hers, typed in lower case.
        try t.keys("4")
        try t.waitFor("Log in om je profiel")
        try t.type("anna.devries@demo.sociaalhus.example")
        try t.tabUntil("Wachtwoord vergeten")
        try t.keys("Enter")
        // The address typed at the login form is kept; the cursor waits in the code's field.
        try t.waitFor("Vraag een code aan de balie")
        try t.type("ABCD-EFGH-JKLM")
        try t.keys("Tab")
        try t.type("een nieuw wachtwoord voor de winter")
        try t.keys("Tab")
        try t.type("een nieuw wachtwoord voor de winter")
        try t.keys("Enter")
        try t.waitFor("E-mailadres of code klopt niet")
        try t.tabUntil("Eenmalige code")
        for _ in 0..<14 { try t.keys("BSpace") }
        try t.type(code.lowercased())
        try t.tabUntil("Nieuw wachtwoord instellen")
        try t.keys("Enter")
        try t.waitFor("Je nieuwe wachtwoord is ingesteld. Welkom, Demo Anna de Vries.")
        // The old password no longer works, the new one does; the log says who made the code.
        #expect(try t.cli(["export", "--email", "anna.devries@demo.sociaalhus.example"]).out.contains("reset-code-issued"))
    }

    @Test("account reset prints a code for the operator; an unknown address is refused")
    func operatorCode() throws {
        let t = Tmux()
        try t.cli(["init", "--demo"])
        let (status, out) = try t.cli(["account", "reset", "--email", "henk.jansen@demo.sociaalhus.example", "--lang", "en"])
        #expect(status == 0, "\(out)")
        #expect(out.contains("Valid 24 hours, once"))
        _ = try #require(Self.code(in: out), "\(out)")
        let unknown = try t.cli(["account", "reset", "--email", "nobody@example.nl"])
        #expect(unknown.status != 0)
    }
}
