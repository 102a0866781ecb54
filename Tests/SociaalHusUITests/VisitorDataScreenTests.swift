import Foundation
import Testing
@_spi(Operator) @testable import SociaalHusCore
@testable import SociaalHusUI
import TerminalKit

/// "Mijn gegevens als bezoeker": a visitor asks for a code by e-mail, types it,
/// sees what the store holds about their address, saves it and erases it; the desk does the same
/// after checking identity in person.
@Suite(.serialized) struct VisitorDataScreenTests {
    static let address = "bezoeker.kanarie@example.org"

    /// A driver on a store where a visitor wrote to Anna from `address`.
    static func world(lang: Language = .dutch, size: Size = Size(cols: 80, rows: 24), clock: FixedClock = FixedClock(fixedNow),
                      idleTimeout: TimeInterval = 600) throws -> Driver {
        let store = UIFixture.freshStore(clock: clock)
        let anna = try #require(store.state.account(email: UIFixture.account("anna").email))
        try store.sendMessage(senderName: "Bezoeker Kanarie", senderEmail: address, to: .resident(anna.id),
                              text: "VISITOR-CANARY mag ik de ladder lenen?", by: .visitor)
        return Driver(lang: lang, size: size, store: store, idleTimeout: idleTimeout)
    }

    /// The code in the newest code e-mail to `address`, as the visitor reads it in their mail.
    static func code(_ d: Driver, to address: String = address) -> String? {
        let mail = d.store.state.outbox.all.filter { $0.to == address && $0.subject == VisitorProof.mailSubject }.max { $0.id < $1.id }
        return mail?.body.split(separator: "\n").first { $0.hasPrefix("Je code: ") }.map { String($0.dropFirst("Je code: ".count)) }
    }

    /// From the login screen to the address form, as a person would.
    static func openFromLogin(_ d: Driver) {
        d.press(.char("4"))
        d.tabUntil("▌ [ " + d.app.ctx.t(.myDataAsVisitor) + " ]")
        d.press(.enter)
    }

    @Test("golden screens: the address form, the code form with a wrong code, the data, the erase question",
          arguments: screenVariants)
    func golden(lang: Language, cols: Int, rows: Int, tag: String) throws {
        let d = try Self.world(lang: lang, size: Size(cols: cols, rows: rows))
        Self.openFromLogin(d)
        Golden.check(d.grid, "bezoeker-adres-\(tag)")
        d.type(Self.address)
        d.press(.enter)
        let code = try #require(Self.code(d))
        d.type(code == "000000" ? "000001" : "000000")
        d.press(.enter)
        Golden.check(d.grid, "bezoeker-code-\(tag)")
        d.type(code)
        d.press(.enter)
        Golden.check(d.grid, "bezoeker-gegevens-\(tag)")
        d.press(.char("d"))
        Golden.check(d.grid, "bezoeker-wissen-\(tag)")
    }

    @Test("the whole journey by keys: ask, the code from the mail, see, save as a file, erase after the question; nothing of the visitor is left")
    func journey() throws {
        let dir = NSTemporaryDirectory() + "bezoeker-export-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let d = try Self.world()
        d.app.ctx.exportDirectory = dir
        Self.openFromLogin(d)
        #expect(d.screen.contains("Mijn gegevens als bezoeker"))
        d.type(Self.address)
        d.press(.enter)
        #expect(d.screen.contains("Als we gegevens van \(Self.address) hebben"))
        let code = try #require(Self.code(d))
        d.type(code)
        d.press(.enter)
        #expect(d.screen.contains("De code klopt."))
        #expect(d.screen.contains("VISITOR-CANARY"))
        #expect(d.screen.contains("een bewoner"), "the recipient as a role, never a name")
        #expect(!d.screen.contains("Anna"))

        d.press(.char("x"), .enter)
        #expect(d.screen.contains("Geschreven naar:"))
        let file = dir + "/sociaalhus-bezoeker-export.json"
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any]
        #expect(json?["email"] as? String == Self.address)

        d.press(.escape, .char("d"))
        #expect(d.screen.contains("Zeker weten?"))
        #expect(d.screen.contains("1 bericht die je stuurde"))
        d.press(.char("n"))
        #expect(d.screen.contains("VISITOR-CANARY"), "n keeps everything")
        d.press(.char("d"), .char("j"))
        #expect(d.screen.contains("Alles van dit e-mailadres is gewist."))
        #expect(d.screen.contains("Inloggen"), "back where the visitor began")
        #expect(d.app.ctx.visitorProof.grant == nil)
        #expect(try d.store.visitorExport(email: Self.address, by: .commandLine).isEmpty)
        let fm = FileManager.default
        let files = (fm.enumerator(atPath: d.store.path)?.allObjects as? [String] ?? []).map { d.store.path + "/" + $0 }.filter { f in
            var isDir: ObjCBool = false
            return fm.fileExists(atPath: f, isDirectory: &isDir) && !isDir.boolValue
        }
        #expect(files.contains { $0.hasSuffix(".db") })
        for f in files {
            let data = try Data(contentsOf: URL(fileURLWithPath: f))
            #expect(data.range(of: Data("VISITOR-CANARY".utf8)) == nil && data.range(of: Data(Self.address.utf8)) == nil, "left in \(f)")
        }
    }

    @Test("the screen answers the same for an address without data, and no e-mail goes there; five wrong tries void the code")
    func sameAnswer() throws {
        let d = try Self.world()
        Self.openFromLogin(d)
        d.type(Self.address)
        d.press(.enter)
        let known = d.screen.replacingOccurrences(of: Self.address, with: "ADRES")
        let e = try Self.world()
        Self.openFromLogin(e)
        // (As long as the known address, so the lines wrap alike.)
        e.type("onbekend.kanarie@example.org")
        e.press(.enter)
        #expect(e.screen.replacingOccurrences(of: "onbekend.kanarie@example.org", with: "ADRES") == known)
        #expect(Self.code(e, to: "onbekend.kanarie@example.org") == nil)
        for left in (1..<VisitorProof.maximumWrongTries).reversed() {
            e.type("123456")
            e.press(.enter)
            #expect(e.screen.contains("Je kunt het nog \(left) keer proberen."))
        }
        e.type("123456")
        e.press(.enter)
        #expect(e.screen.contains("Te veel verkeerde pogingen"))
        // A bad address is said under the field, and costs no code.
        let f = try Self.world()
        Self.openFromLogin(f)
        f.type("geen adres")
        f.press(.enter)
        #expect(f.screen.contains("Mijn gegevens als bezoeker"))
        #expect(f.app.ctx.visitorProof.pendingEmail == nil)
    }

    @Test("the fourth code in an hour is refused with the minutes to wait; the privacy statement's g opens the form too")
    func sessionLimit() throws {
        let d = try Self.world()
        d.press(.ctrl("p"), .char("g"))
        #expect(d.screen.contains("Mijn gegevens als bezoeker"))
        d.type(Self.address)
        d.press(.enter)
        for _ in 0..<2 {
            d.tabUntil("▌ [ Nieuwe code sturen ]")
            d.press(.enter)
            #expect(d.app.ctx.message?.text.hasSuffix("De vorige werkt niet meer.") == true)
        }
        d.tabUntil("▌ [ Nieuwe code sturen ]")
        d.press(.enter)
        #expect(d.app.ctx.message == StatusMessage("Al 3 codes gevraagd in dit venster. Probeer het over 60 minuten opnieuw, of vraag het aan de balie van het Sociaal Hus.", isError: true))
    }

    @Test("a visitor's proof ends at the idle logout, after the warning, and nothing of the data stays on screen")
    func idle() throws {
        let clock = FixedClock(fixedNow)
        let d = try Self.world(clock: clock, idleTimeout: 60)
        Self.openFromLogin(d)
        d.type(Self.address)
        d.press(.enter)
        d.type(try #require(Self.code(d)))
        d.press(.enter)
        #expect(d.screen.contains("VISITOR-CANARY"))
        clock.advance(61)
        d.app.tick()
        #expect(d.screen.contains("Mijn gegevens als bezoeker sluit binnen 30 seconden."))
        clock.advance(31)
        d.app.tick()
        #expect(!d.screen.contains("VISITOR-CANARY"))
        #expect(d.app.ctx.message?.text.hasPrefix("Mijn gegevens als bezoeker is gesloten omdat er een tijd niets gebeurde") == true)
        #expect(!d.app.ctx.visitorProof.isOpen)
        #expect(throws: CoreError.visitorProofNeeded) { try d.store.visitorExport(proof: d.app.ctx.visitorProof, by: .visitor) }
    }

    @Test("the proof's end (30 minutes) takes the data off the screen at the next drawing")
    func grantEnds() throws {
        let clock = FixedClock(fixedNow)
        let d = try Self.world(clock: clock)
        Self.openFromLogin(d)
        d.type(Self.address)
        d.press(.enter)
        d.type(try #require(Self.code(d)))
        d.press(.enter)
        #expect(d.screen.contains("VISITOR-CANARY"))
        clock.advance(VisitorProof.grantValidity)
        #expect(!d.screen.contains("VISITOR-CANARY"))
        #expect(d.screen.contains("Je toegang tot deze gegevens is verlopen"))
        d.press(.char("d"))
        #expect(!d.screen.contains("Zeker weten?"))
    }

    @Test("the desk: identity checked in person (the tick box is required), then the same screen; the erasure is theirs in the log")
    func desk() throws {
        let d = try Self.world()
        d.logIn("lotte")
        d.press(.char("5"), .char("g"))
        #expect(d.screen.contains("Bezoeker aan de balie"))
        d.type(Self.address)
        d.tabUntil("▌ [ Gegevens openen ]")
        d.press(.enter)
        #expect(d.screen.contains("Zet het vinkje pas als je het identiteitsbewijs"))
        d.tabUntil("▌ [ ] Identiteit en adres gecontroleerd")
        d.press(.char(" "))
        d.tabUntil("▌ [ Gegevens openen ]")
        d.press(.enter)
        #expect(d.screen.contains("VISITOR-CANARY"))
        d.press(.char("d"), .char("j"))
        #expect(d.screen.contains("Alles van dit e-mailadres is gewist."))
        let staff = try #require(d.store.state.account(email: UIFixture.account("lotte").email))
        #expect(d.store.state.audit.all.contains { $0.action == .accountErased && $0.target == "visitor" && $0.actor == staff.id })
        #expect(try d.store.visitorExport(email: Self.address, by: .commandLine).isEmpty)
    }

    @Test("plain mode: the same journey as lines, from the privacy statement's g to the erasure")
    func plain() throws {
        let d = try Self.world()
        let lines = PlainSessionTests.Lines()
        let s = PlainSession(app: d.app) { lines.all.append($0) }
        s.start()
        s.handle(line: "!ctrl-p")
        s.handle(line: "g")
        #expect(lines.all.contains { $0.hasPrefix("Mijn gegevens als bezoeker") })
        s.handle(line: Self.address)
        s.handle(line: "")
        #expect(lines.all.contains { $0.contains("Als we gegevens van \(Self.address) hebben") })
        s.handle(line: try #require(Self.code(d)))
        s.handle(line: "j")
        #expect(lines.all.contains("De code klopt."))
        #expect(lines.all.contains { $0.contains("VISITOR-CANARY") })
        s.handle(line: "d")
        #expect(lines.all.contains("Zeker weten?") && lines.all.contains { $0.contains("1 bericht die je stuurde") })
        s.handle(line: "j")
        #expect(lines.all.contains("Alles van dit e-mailadres is gewist."))
        #expect(try d.store.visitorExport(email: Self.address, by: .commandLine).isEmpty)
    }

    @Test("every visitor screen's keys are conflict-free, movable by a keys file, and listed in the help")
    func keyTable() throws {
        let d = try Self.world(size: Size(cols: 100, rows: 60))
        func checkKeys(_ place: String) {
            let bindings = d.app.activeBindings()
            #expect(KeyTable.conflicts(bindings).isEmpty, "\(place): \(KeyTable.conflicts(bindings))")
            for b in bindings { #expect(KeyMap.defaultKeys[b.action] != nil, "\(place): \(b.action) is not in KeyMap.defaults") }
            d.press(.function(1))
            let help = d.screen
            for b in bindings { #expect(help.contains(b.help), "\(place): help lacks \(b.help)") }
            d.press(.escape)
        }
        d.press(.ctrl("p"))
        checkKeys("privacy")
        d.press(.char("g"))
        checkKeys("address")
        d.type(Self.address)
        d.press(.enter)
        checkKeys("code")
        d.type(try #require(Self.code(d)))
        d.press(.enter)
        checkKeys("data")
        d.press(.char("x"))
        checkKeys("export")
        let desk = try Self.world(size: Size(cols: 100, rows: 60))
        desk.logIn("lotte")
        desk.press(.char("5"))
        #expect(desk.app.activeBindings().contains { $0.action == .myData && $0.keys == [.char("g")] })
        desk.press(.char("g"))
        #expect(KeyTable.conflicts(desk.app.activeBindings()).isEmpty)
    }

    @Test("English throughout: the form, the code, the data and the question")
    func english() throws {
        let d = try Self.world(lang: .english)
        Self.openFromLogin(d)
        #expect(d.screen.contains("My data as a visitor"))
        d.type(Self.address)
        d.press(.enter)
        #expect(d.screen.contains("If we hold data of \(Self.address), you get a code"))
        d.type("12")
        d.press(.enter)
        #expect(d.screen.contains("A code is 6 digits."))
        d.type(try #require(Self.code(d)))
        d.press(.enter)
        #expect(d.screen.contains("Messages you sent (1)"))
        d.press(.char("d"))
        #expect(d.screen.contains("Erase for good everything SociaalHus holds about"))
    }
}
