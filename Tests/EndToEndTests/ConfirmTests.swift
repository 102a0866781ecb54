import Foundation
import Testing

/// A command that erases or replaces data asks first on a terminal.
@Suite(.serialized) struct ConfirmTests {
    @Test("account erase on a terminal asks; 'nee' changes nothing (exit 2), 'ja' erases", arguments: [("nee", 2), ("ja", 0)])
    func eraseAsks(answer: String, status: Int) throws {
        let t = Tmux()
        try t.cli(["init", "--demo"])
        let email = "anna.devries@demo.sociaalhus.example"
        try t.start(["sh", "-c", "\(Tmux.binary) account erase --store \(t.store) --email \(email); echo EXIT=$?; sleep 60"], raw: true)
        try t.waitFor("Typ 'ja' om door te gaan")
        #expect(try t.cli(["export", "--email", email]).status == 0, "nothing erased while it asks")
        try t.type(answer)
        try t.keys("Enter")
        try t.waitFor("EXIT=\(status)")
        #expect(try t.cli(["export", "--email", email]).status == (status == 0 ? 1 : 0))
    }
}
