import Foundation
import Testing
@testable import SociaalHusCore

/// In the real binary: a visitor writes through a contact form, later asks for
/// their data with a code that reaches them by e-mail, saves it, erases it, and nothing of them
/// is left in any file of the store.
@Suite(.serialized) struct VisitorCodeFlowTests {
    static let canary = "KANARIE-q7Zx"
    static let address = "kanarie.q7zx@example.org"

    /// Every regular file under `dir` that holds `needle`.
    static func filesHolding(_ needle: String, under dir: String) -> [String] {
        var out: [String] = []
        let e = FileManager.default.enumerator(atPath: dir)
        while let f = e?.nextObject() as? String {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: dir + "/" + f, isDirectory: &isDir), !isDir.boolValue,
                  let data = FileManager.default.contents(atPath: dir + "/" + f) else { continue }
            if data.range(of: Data(needle.utf8)) != nil { out.append(f) }
        }
        return out
    }

    @Test("write through the contact form, ask for a code, read it from the e-mail, enter it, save, erase: nothing of the visitor left")
    func journey() throws {
        let t = Tmux()
        try t.cli(["init", "--demo"])
        // The e-mail goes out through a sendmail-compatible command that keeps what it gets.
        let spool = t.home + "/spool", fake = t.home + "/fake-sendmail"
        try "#!/bin/sh\nmkdir -p \(spool)\ncat > \(spool)/$$.eml\n".write(toFile: fake, atomically: true, encoding: .utf8)
        chmod(fake, 0o755)
        #expect(try t.cli(["mail", "config", "--command", fake + " -t -oi"]).status == 0)

        try t.start(["--store", t.store])
        try t.waitFor("bezoeker")
        // 1. Write to Anna through the contact form of her post.
        try t.keys("2")
        try t.waitFor("Alle berichten")
        var found = false
        for _ in 0..<80 {
            if try t.screen().split(separator: "\n").contains(where: { $0.contains("▌") && $0.contains("Wie helpt mij met mijn tuin?") }) { found = true; break }
            try t.keys("Down")
            usleep(50_000)
        }
        #expect(found)
        try t.keys("Enter")
        try t.waitFor("c Reageren")
        try t.keys("c")
        try t.waitFor("Alleen de ontvanger ziet je naam en e-mailadres.")
        try t.type("Kanarie Bezoeker")
        try t.keys("Tab")
        try t.type(Self.address)
        try t.keys("Tab")
        try t.type("Ik help graag met de tuin \(Self.canary)")
        try t.tabUntil("[ Versturen ]")
        try t.keys("Enter")
        try t.waitFor("Je bericht is verstuurd.")
        try t.keys("Escape", "Escape")
        #expect(!Self.filesHolding(Self.canary, under: t.store).isEmpty, "the store holds the message")

        // 2. Later: Mijn gegevens als bezoeker, from the login screen.
        try t.keys("4")
        try t.waitFor("Log in om je profiel")
        try t.tabUntil("[ Mijn gegevens als bezoeker ]")
        try t.keys("Enter")
        try t.waitFor("Als we gegevens van dit adres hebben")
        try t.type(Self.address)
        try t.keys("Enter")
        try t.waitFor("Code invullen")

        // 3. The code arrives by e-mail: the mail run hands it to the mail command.
        #expect(try t.cli(["mail", "send"]).status == 0)
        let mails = ((try? FileManager.default.contentsOfDirectory(atPath: spool)) ?? []).compactMap { try? String(contentsOfFile: spool + "/" + $0, encoding: .utf8) }
        let codeMail = try #require(mails.first { $0.contains("To: <\(Self.address)>") && $0.contains("Je code: ") })
        #expect(!codeMail.lowercased().contains("reply-to"))
        #expect(!codeMail.contains(Self.canary) && !codeMail.contains("Kanarie") && !codeMail.contains("anna"), "nothing but the code")
        let code = try #require(codeMail.split(separator: "\n").first { $0.hasPrefix("Je code: ") }.map { String($0.dropFirst("Je code: ".count)) })

        // 4. Enter it, see the data, save it as a file.
        try t.type(code)
        try t.keys("Enter")
        try t.waitFor("De code klopt.")
        try t.waitFor(Self.canary)
        try t.keys("x")
        try t.waitFor("Exporteren")
        let export = t.home + "/bezoeker.json"
        try t.keys("C-u")
        try t.type(export)
        try t.keys("Enter")
        try t.waitFor("Geschreven naar:")
        let saved = try String(contentsOfFile: export, encoding: .utf8)
        #expect(saved.contains(Self.canary) && saved.contains(Self.address))

        // 5. Erase, after the question that says what goes.
        try t.keys("Escape")
        try t.waitFor("d Alles wissen")
        try t.keys("d")
        try t.waitFor("Zeker weten?")
        try t.keys("j")
        try t.waitFor("Alles van dit e-mailadres is gewist.")
        try t.keys("q", "j")
        try t.waitUntil("the program to end") { _ in !t.isRunning }

        // 6. Nothing of the visitor in any file of the store: database, log, Maildir.
        for needle in [Self.canary, Self.address, "Kanarie Bezoeker", "Je code: " + code] {
            #expect(Self.filesHolding(needle, under: t.store).isEmpty, "\(needle) left in \(Self.filesHolding(needle, under: t.store))")
        }
        #expect(try t.cli(["export", "--email", Self.address]).status != 0, "nothing held for the address any more")
        #expect(try t.cli(["check"]).status == 0)
    }
}
