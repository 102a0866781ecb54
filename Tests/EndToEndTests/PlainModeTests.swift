import Foundation
import Testing
@testable import SociaalHusCore

/// Plain mode through a pipe, as a screen reader user would drive it: the
/// resident's whole journey, and TERM=dumb choosing plain mode by itself.
@Suite(.serialized) struct PlainModeTests {
    /// Runs `sociaalhus --plain` on `store` with `lines` as input; returns what it wrote.
    static func run(store: String, lines: [String], cwd: String, lang: String = "nl", locale: String = "C.UTF-8") throws -> (status: Int32, out: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Tmux.binary)
        p.arguments = ["--plain", "--store", store, "--lang", lang]
        p.currentDirectoryURL = URL(fileURLWithPath: cwd)
        p.environment = ["PATH": "/usr/bin:/bin", "HOME": cwd, "LANG": locale]
        let input = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        p.standardError = output
        try p.run()
        input.fileHandleForWriting.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test("a resident's whole journey in plain mode: browse, register, post, change visibility, see Mijn gegevens, export, delete")
    func residentJourney() throws {
        let (dir, store) = try DemoStore.make("plain")
        defer { DemoStore.remove(dir) }
        let lines = [
            "", "j", "j", "3", "!esc",                                  // browse: where am I, down twice, open the third, back
            "/koffie",                                                  // search
            "profiel", "", "", "n", "n", "",                            // skip login and Wachtwoord vergeten, press Registreren
            "Plain Tester", "plain@example.nl", "kort", "1", "", "", "", "", "", "",   // too short a password: refused, form kept
            "Zonnebloem-Plain-2026!", "", "", "", "", "", "", "",      // asked for the password again, the rest kept
            "!prikbord", "n", "1", "Wie helpt met de heg?", "Mijn heg is te hoog.", "", "", "", "", "", "", "",
            "profiel", "", "", "", "3",                                 // name, wijk, photo kept; visibility: Openbaar
        ] + Array(repeating: "", count: 8 + 17) + [                     // e-mail, digest, phone, address, the 17 interests kept; Opslaan
            "!g",                                                       // Mijn gegevens: a key while a question waits has "!"
            "x", "", "",                                                // export to the file offered
            "!esc", "d", "", "j",                                       // delete, confirm
            "q", "j",
        ]
        let (status, out) = try Self.run(store: store, lines: lines, cwd: dir)
        #expect(status == 0)
        #expect(out.hasPrefix("Agenda.\n"), "the first screen says its name")
        #expect(out.contains("; Enter voor meer."), "a long list says there is more")
        #expect(out.contains("1. ") && out.contains("(gekozen)"), "items are numbered and the chosen one said")
        #expect(out.contains("3 van "), "moving says the place")
        #expect(out.contains("\nActiviteit.\n"), "a number opens that item")
        #expect(out.contains("Veld 1 van 11: Naam (tekst, hoogstens 200 tekens)"), "fields are asked one at a time, with their rules")
        #expect(out.contains("FOUT bij Wachtwoord"), "an error is said with its field")
        #expect(out.contains("Welkom, Plain Tester"))
        #expect(out.contains("Je bericht staat op het prikbord."))
        #expect(out.contains("Bezoeker       Plain Tester · Centrum"), "the preview after choosing Openbaar is read out")
        #expect(out.contains("Je profiel is opgeslagen."))
        #expect(out.contains("\nMijn gegevens.\n") && out.contains("Zichtbaarheid        Openbaar"))
        #expect(out.contains("Zeker weten?"), "the confirmation is asked at the point of reading")
        #expect(out.contains("Je account en al je gegevens zijn verwijderd."))
        #expect(!out.contains("\u{1B}"), "no escape sequence: lines only")
        let exports = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix("sociaalhus-export-") }
        #expect(exports.count == 1)
        let s = try Store.open(at: store, hasher: YescryptHasher())
        #expect(s.state.accounts.all.allSatisfy { $0.email != "plain@example.nl" })
    }

    @Test("English plain mode says the same in English")
    func english() throws {
        let (dir, store) = try DemoStore.make("plain")
        defer { DemoStore.remove(dir) }
        let (status, out) = try Self.run(store: store, lines: ["j", "?", "profile", "", "!f1", "!esc", "!q", "y"], cwd: dir, lang: "en")
        #expect(status == 0)
        #expect(out.hasPrefix("Agenda.\n") && out.contains("2 of "))
        #expect(out.contains("Keys of Agenda:") && out.contains("number: open an item"))
        #expect(out.contains("Field 1 of 7: E-mail address"))
        #expect(out.contains("Help: Log in"), "the help over a form, by its key")
        #expect(out.contains("Do you want to quit SociaalHus?"))
    }

    @Test("without a UTF-8 locale plain mode writes ASCII only: nothing vanishes")
    func asciiLocale() throws {
        let (dir, store) = try DemoStore.make("plain")
        defer { DemoStore.remove(dir) }
        let (status, out) = try Self.run(store: store, lines: ["j", "q", "j"], cwd: dir, locale: "C")
        #expect(status == 0)
        #expect(out.hasPrefix("Agenda.\n") && out.contains(" - "))
        let ascii = out.unicodeScalars.allSatisfy { $0.isASCII }
        #expect(ascii)
    }

    @Test("TERM=dumb gets plain mode by itself, not a blank screen")
    func dumbTerminal() throws {
        let t = Tmux()
        try t.cli(["init", "--demo"])
        try t.start(["--store", t.store], env: ["TERM": "dumb"])
        // (A page fits the window.)
        _ = try t.waitUntil("the first screen") { $0.contains("Enter voor meer.") }
        try t.keys("j", "Enter")
        let screen = try t.waitFor("2 van ")
        #expect(!screen.contains("\u{1B}"))
        try t.keys("Enter")
        try t.waitFor("; Enter voor meer.")
    }

    @Test("regression (review): on a terminal plain mode hides a password as it is typed, and Ctrl-C quits cleanly (demo store removed)")
    func passwordAndCtrlC() throws {
        let t = Tmux()
        let tmp = t.home + "/tmp"
        try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
        // (The shell ignores Ctrl-C itself, so it lives on to say how the program ended.)
        try t.start(["sh", "-c", "trap '' INT; TERM=dumb TMPDIR=\(tmp)/ \(Tmux.binary) --demo; echo EXIT=$?; sleep 60"], cols: 200, rows: 60, raw: true)
        _ = try t.waitUntil("the first screen") { $0.contains("25. ") }
        try t.type("profiel")
        try t.keys("Enter")
        try t.waitFor("Veld 1 van 7")
        try t.type("anna.devries@demo.sociaalhus.example")
        try t.keys("Enter")
        try t.waitFor("wordt niet getoond")
        try t.type("geheim-Wachtwoord-123")
        usleep(300_000)
        #expect(!(try t.screen()).contains("geheim-Wachtwoord-123"), "the password is not echoed")
        try t.keys("Enter")
        try t.keys("C-c")
        let end = try t.waitFor("EXIT=")
        #expect(end.contains("EXIT=0"), "\(end)")
        #expect(!end.contains("geheim-Wachtwoord-123"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp).allSatisfy { !$0.hasPrefix("sociaalhus-demo-") }, "the demo store is removed")
    }
}
