import Foundation
import Testing
@_spi(Operator) @testable import SociaalHusCore
@testable import SociaalHusUI
import TerminalKit

/// The profile screens of a logged-in person: profile form with its preview, password, Mijn
/// gegevens, export and deleting the account.
@Suite(.serialized) struct ProfielScreenTests {
    /// An app whose profile tab shows the profile screen once someone is logged in.
    static func driver(lang: Language = .dutch, size: Size = .standard) -> Driver {
        Driver(lang: lang, size: size, makeRoot: { tab, ctx in
            tab == .profiel && ctx.session != nil ? ProfileScreen(ctx) : RootScreens.make(tab, ctx)
        })
    }

    /// Anna logged in, on her profile screen, with the welcome message gone.
    static func anna(lang: Language = .dutch, size: Size = .standard) -> Driver {
        let d = driver(lang: lang, size: size)
        d.logIn("anna")
        d.app.ctx.message = nil
        return d
    }

    /// Anna's account as the store holds it now.
    static func annaAccount(_ d: Driver) -> Account? {
        d.store.state.accounts.all.first { $0.email == UIFixture.account("anna").email }
    }

    /// Presses Tab until the focused row (the one with "▌") contains `text`.
    static func focus(_ d: Driver, on text: String) {
        for _ in 0..<40 {
            if d.grid.lines.contains(where: { $0.contains("▌") && $0.contains(text) }) { return }
            d.press(.tab)
        }
        Issue.record("no row with \(text) got focus")
    }

    /// The screen line that contains `label`.
    static func line(_ d: Driver, _ label: String) -> String {
        d.grid.lines.first { $0.contains(label) } ?? ""
    }

    // MARK: Golden screens

    @Test("profile form golden screens", arguments: [
        (Language.dutch, 80, 24, "nl"), (Language.english, 80, 24, "en"), (Language.dutch, 60, 20, "nl"), (Language.english, 60, 20, "en"),
    ])
    func profileGolden(lang: Language, cols: Int, rows: Int, tag: String) {
        let d = Self.anna(lang: lang, size: Size(cols: cols, rows: rows))
        Golden.check(d.grid, "profiel-form-\(cols)x\(rows)-\(tag)")
    }

    @Test("profile form scrolled to its end (Opslaan), golden", arguments: [(Language.dutch, "nl"), (Language.english, "en")])
    func profileBottomGolden(lang: Language, tag: String) {
        let d = Self.anna(lang: lang, size: Size(cols: 60, rows: 20))
        Self.focus(d, on: lang == .dutch ? "[ Opslaan ]" : "[ Save ]")
        Golden.check(d.grid, "profiel-form-bottom-60x20-\(tag)")
    }

    @Test("Mijn gegevens, password, export and delete golden screens", arguments: [
        (Language.dutch, 80, 24, "nl"), (Language.english, 80, 24, "en"), (Language.dutch, 60, 20, "nl"), (Language.english, 60, 20, "en"),
    ])
    func otherGoldens(lang: Language, cols: Int, rows: Int, tag: String) {
        let d = Self.anna(lang: lang, size: Size(cols: cols, rows: rows))
        d.app.ctx.exportDirectory = "/home/anna"
        d.press(.escape, .char("g"))
        Golden.check(d.grid, "profiel-mijn-gegevens-\(cols)x\(rows)-\(tag)")
        d.press(.char("x"))
        Golden.check(d.grid, "profiel-export-\(cols)x\(rows)-\(tag)")
        d.press(.escape, .char("d"))
        Golden.check(d.grid, "profiel-verwijderen-\(cols)x\(rows)-\(tag)")
        d.press(.escape, .escape, .char("p"))
        Golden.check(d.grid, "profiel-wachtwoord-\(cols)x\(rows)-\(tag)")
    }

    // MARK: Profile form

    @Test("choosing Alleen buren updates the preview before saving; saving stores the level") func visibilityPreview() {
        let d = Self.anna()
        #expect(Self.line(d, "Bezoeker").contains("Demo Anna de Vries"), "Openbaar: a visitor sees the name")
        Self.focus(d, on: "Openbaar")
        d.press(.left)
        #expect(Self.line(d, "(x) Alleen buren") != "")
        #expect(Self.line(d, "Bezoeker").contains("anonieme bewoner"))
        #expect(Self.line(d, "Buur").contains("Demo Anna de Vries"))
        #expect(Self.line(d, "Andere wijk").contains("anonieme bewoner"))
        #expect(d.screen.contains("Bewoners van je eigen wijk van wie de wijk"))
        #expect(Self.annaAccount(d)?.profile.visibility == .public, "nothing is stored before saving")
        Self.focus(d, on: "Opslaan")
        d.press(.enter)
        #expect(d.screen.contains("Je profiel is opgeslagen."))
        #expect(Self.annaAccount(d)?.profile.visibility == .neighbours)
    }

    @Test("Anoniem hides the name from everyone in the preview") func anonymousPreview() {
        let d = Self.anna(lang: .english)
        Self.focus(d, on: "Public")
        d.press(.left, .left)
        #expect(Self.line(d, "Visitor").contains("anonymous resident"))
        #expect(Self.line(d, "Neighbour   ").contains("anonymous resident"))
        #expect(Self.line(d, "Other neighbourhood").contains("anonymous resident"))
    }

    @Test("ticking 'Nieuwsbrieven uit je wijk' and saving sets it in the store") func newsletterToggle() {
        let d = Self.anna()
        #expect(Self.annaAccount(d)?.profile.email.newsletters == false)
        Self.focus(d, on: "Nieuwsbrieven uit je wijk")
        d.press(.char(" "))
        #expect(Self.line(d, "Nieuwsbrieven uit je wijk").contains("[x]"))
        Self.focus(d, on: "Opslaan")
        d.press(.enter)
        let prefs = Self.annaAccount(d)?.profile.email
        #expect(prefs?.newsletters == true)
        #expect(prefs?.visitorMessages == true, "the other toggles stay as they were")
        #expect(prefs?.wijkNotifications == false)
    }

    @Test("a text file as photo shows the core's message and keeps the path") func photoNotAnImage() throws {
        let d = Self.anna()
        let path = NSTemporaryDirectory() + "profiel-not-a-photo-\(UUID().uuidString.prefix(6)).txt"
        try "just text".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        Self.focus(d, on: "Foto (pad)")
        d.type(path)
        Self.focus(d, on: "Opslaan")
        d.press(.enter)
        #expect(d.screen.contains("FOUT: Deze foto kan niet worden gebruikt: het is geen JPEG- of PNG-bestand."))
        #expect(Self.annaAccount(d)?.profile.photo == nil)
        #expect(d.screen.contains(".txt"), "the typed path is still there and has focus")
        #expect(Self.line(d, "▌").contains("Foto (pad)"))
    }

    @Test("at 60×20 a reason too long for the message line is shown in full on the screen") func longReason() throws {
        let d = Self.anna(size: Size(cols: 60, rows: 20))
        let path = NSTemporaryDirectory() + "profiel-not-a-photo-\(UUID().uuidString.prefix(6)).txt"
        try "just text".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        Self.focus(d, on: "Foto (pad)")
        d.type(path)
        Self.focus(d, on: "Opslaan")
        d.press(.enter)
        let text = d.grid.lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(text.contains("Deze foto kan niet worden gebruikt: het is geen JPEG- of PNG-bestand."))
        #expect(Self.line(d, "▌").contains("Foto (pad)"), "the field the message is about stays in view")
    }

    @Test("a PNG is stored as the photo; emptying the field removes it") func photoSetAndRemoved() throws {
        let d = Self.anna()
        let path = NSTemporaryDirectory() + "profiel-photo-\(UUID().uuidString.prefix(6)).png"
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0]).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        Self.focus(d, on: "Foto (pad)")
        d.type(path)
        Self.focus(d, on: "Opslaan")
        d.press(.enter)
        #expect(Self.annaAccount(d)?.profile.photo != nil)
        // Back up the form, where the preview is in view.
        Self.focus(d, on: "Foto (pad)")
        #expect(Self.line(d, "Bezoeker").contains("met foto"))
        d.press(.ctrl("u"))
        Self.focus(d, on: "Opslaan")
        d.press(.enter)
        #expect(Self.annaAccount(d)?.profile.photo == nil)
    }

    /// Served over SSH, the photo field was a path on the server: its messages told which
    /// files exist and are readable, and any readable PNG of the host became the resident's photo.
    @Test("served to others (--shared) nothing on the profile names a file: whatever path is typed anywhere, the same answer, no photo, no file read",
          arguments: ["/etc/shadow", "/nonexistent/x.png", "PNG"])
    func sharedProfileNamesNoFile(typed: String) throws {
        let d = Self.driver()
        d.app.ctx.shared = true
        d.logIn("anna")
        d.app.ctx.message = nil
        let png = NSTemporaryDirectory() + "shared-photo-\(UUID().uuidString.prefix(6)).png"
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0]).write(to: URL(fileURLWithPath: png))
        defer { try? FileManager.default.removeItem(atPath: png) }
        let path = typed == "PNG" ? png : typed
        #expect(!d.screen.contains("Foto (pad)"))
        #expect(d.screen.contains("Foto: geen"))
        #expect(d.screen.contains("Op afstand kies je geen foto; de beheerder zet hem voor je."))
        // Every row the focus reaches: no text field takes a file, whatever is typed into it.
        let photosBefore = try FileManager.default.contentsOfDirectory(atPath: d.store.path + "/photos")
        var seen = Set<String>()
        for _ in 0..<60 {
            let row = Self.line(d, "▌")
            if !seen.insert(row).inserted { break }
            #expect(!row.contains("Foto") || row.contains("Foto weghalen"), "a focusable photo row: \(row)")
            d.press(.tab)
        }
        Self.focus(d, on: "Adres")
        d.type(path)
        d.press(.ctrl("s"))
        #expect(Self.annaAccount(d)?.profile.photo == nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: d.store.path + "/photos") == photosBefore)
        #expect(!d.screen.contains("Permission") && !d.screen.contains("No such") && !d.screen.contains("foto kan niet"))
    }

    @Test("served to others a photo set by the administrator shows as 'je hebt een foto' and can be removed; English too")
    func sharedPhotoRemoved() throws {
        for lang in [Language.dutch, .english] {
            let d = Self.driver(lang: lang)
            d.app.ctx.shared = true
            let anna = try #require(Self.annaAccount(d))
            try d.store.setPhoto(for: anna.id, data: Data([0xFF, 0xD8, 0xFF, 0xE0, 0, 0]), by: .commandLine)
            d.logIn("anna")
            d.app.ctx.message = nil
            #expect(d.screen.contains(lang == .dutch ? "Foto: je hebt een foto" : "Photo: you have a photo"))
            #expect(d.screen.contains(lang == .dutch ? "de beheerder zet hem voor je" : "the administrator sets it for you"))
            Self.focus(d, on: lang == .dutch ? "Foto weghalen" : "Remove photo")
            d.press(.enter)
            #expect(Self.annaAccount(d)?.profile.photo == nil)
            #expect(d.screen.contains(lang == .dutch ? "Je foto is weggehaald." : "Your photo has been removed."))
            #expect(d.screen.contains(lang == .dutch ? "Foto: geen" : "Photo: none"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: d.store.path + "/photos").isEmpty)
        }
    }

    @Test("an empty name is refused with the core's message; the rest of the input stays") func emptyName() {
        let d = Self.anna()
        Self.focus(d, on: "Naam")
        d.press(.ctrl("u"))
        Self.focus(d, on: "Telefoon")
        d.press(.ctrl("u"))
        d.type("06-12345678")
        Self.focus(d, on: "Opslaan")
        d.press(.enter)
        #expect(d.screen.contains("FOUT: Vul 'Naam' in; dit veld is verplicht."))
        #expect(Self.line(d, "▌").contains("Naam"))
        #expect(Self.annaAccount(d)?.profile.phone == "06-00 00 01 01", "nothing saved")
        Self.focus(d, on: "Telefoon")
        #expect(Self.line(d, "Telefoon").contains("06-12345678"))
    }

    @Test("g, p and l are shortcuts outside text fields and typed inside them") func shortcuts() {
        let d = Self.anna()
        #expect(!d.app.current.capturesText && !d.app.current.focusIsOnChoice, "the screen opens on a button, so 1-4 and the letters still work")
        #expect(Self.line(d, "▌").contains("Mijn gegevens (g)"), "\(d.screen)")
        Self.focus(d, on: "Naam")
        #expect(d.app.current.capturesText, "the name field has focus")
        d.type("g")
        #expect(d.app.current is ProfileScreen)
        #expect(Self.line(d, "Naam").contains("Vriesg"))
        d.press(.backspace, .escape) // out of the field, to a button (the next choice would keep g from acting)
        d.press(.char("g"))
        #expect(d.app.current is MyDataScreen)
        d.press(.escape, .char("p"))
        #expect(d.app.current is ChangePasswordScreen)
        d.press(.escape, .char("l"))
        #expect(d.app.ctx.session == nil)
        #expect(d.screen.contains("Je bent uitgelogd."))
        #expect(!d.screen.contains("Anna"))
    }

    @Test("served to others with a photo, Ctrl-S saves the profile and keeps the photo (it once pressed 'Foto weghalen', the first button)")
    func sharedCtrlSSavesNotRemovesPhoto() throws {
        let d = Self.driver()
        d.app.ctx.shared = true
        let anna = try #require(Self.annaAccount(d))
        try d.store.setPhoto(for: anna.id, data: Data([0xFF, 0xD8, 0xFF, 0xE0, 0, 0]), by: .commandLine)
        d.logIn("anna")
        Self.focus(d, on: "Telefoon")
        d.press(.ctrl("u"))
        d.type("06-12345678")
        #expect(KeysShownFindingsTests.bar(d).contains("Ctrl-S Opslaan"), "\(KeysShownFindingsTests.bar(d))")
        d.press(.ctrl("s"))
        #expect(Self.annaAccount(d)?.profile.photo != nil, "the photo stays")
        #expect(Self.annaAccount(d)?.profile.phone == "06-12345678", "the profile is saved")
        #expect(d.screen.contains("Je profiel is opgeslagen."), "\(d.screen)")
    }

    @Test("a message the two message lines hold is drawn once; a longer one is drawn whole above them")
    func messageDrawnOnce() {
        let d = Self.anna(size: Size(cols: 80, rows: 24))
        Self.focus(d, on: "Wie ziet je")
        d.type("x")
        // Two lines at 80 columns: once, on the message lines (it was drawn twice).
        #expect(d.screen.components(separatedBy: "Letters doen niets bij een keuze.").count == 2, "\(d.screen)")
        let long = String(repeating: "Een lange reden waarom het niet ging. ", count: 5) + "EINDE."
        d.app.ctx.message = StatusMessage(long, isError: true)
        #expect(d.screen.contains("EINDE."), "the end of a long message is on screen: \(d.screen)")
    }

    @Test("the buttons at the top reach the same screens with Tab and Enter") func buttons() {
        let d = Self.anna()
        Self.focus(d, on: "Mijn gegevens (g)")
        d.press(.enter)
        #expect(d.app.current is MyDataScreen)
        d.press(.escape)
        Self.focus(d, on: "Wachtwoord wijzigen (p)")
        d.press(.enter)
        #expect(d.app.current is ChangePasswordScreen)
    }

    @Test("no key conflicts on the profile screens, and every action is in the help") func keyTable() {
        let d = Self.anna(size: Size(cols: 80, rows: 60))
        d.press(.tab)
        for key in [Key.char("g"), .char("x"), .escape, .char("d"), .escape, .escape, .char("p"), .escape] {
            let b = d.app.activeBindings()
            #expect(KeyTable.conflicts(b).isEmpty, "\(type(of: d.app.current))")
            // Where a text field has focus, ? is typed; the help is checked on the other screens.
            if !d.app.current.capturesText {
                d.press(.char("?"))
                for binding in b { #expect(d.screen.contains(binding.help), "\(binding.help)") }
                d.press(.escape)
            }
            d.press(key)
        }
        #expect(d.app.current is ProfileScreen)
    }

    @Test("wide characters in the name do not break the layout at 60×20") func wideName() {
        let d = Self.anna(size: Size(cols: 60, rows: 20))
        Self.focus(d, on: "Naam")
        d.press(.ctrl("u"))
        d.type("日本語の名前 🌷 Anna \u{202E}evil")
        Self.focus(d, on: "Opslaan")
        d.press(.enter)
        // A bidi override is refused with the reason; what was typed stays to be corrected.
        #expect(d.screen.contains("onzichtbare stuurtekens"))
        #expect(!d.screen.contains("\u{202E}"))
        Self.focus(d, on: "Naam")
        d.press(.ctrl("u"))
        d.type("日本語の名前 🌷 Anna evil")
        Self.focus(d, on: "Opslaan")
        d.press(.enter)
        #expect(d.screen.contains("Je profiel is opgeslagen."))
        for l in d.grid.lines { #expect(TextWidth.width(l) <= 60) }
        #expect(!d.screen.contains("\u{202E}"))
    }

    // MARK: Password

    @Test("change password: mismatch, rejected password, wrong current password, success") func changePassword() {
        let d = Self.anna()
        let anna = UIFixture.account("anna")
        d.press(.escape, .char("p"))
        #expect(d.screen.contains("minstens 12 tekens"), "the rules are shown before typing")
        d.type(anna.password)
        d.press(.tab)
        d.type("een lange nieuwe zin voor mij")
        d.press(.tab)
        d.type("iets anders")
        d.press(.enter)
        #expect(d.screen.contains("De wachtwoorden zijn niet gelijk; typ het opnieuw."))
        d.type("kort")
        d.press(.up, .ctrl("u"))
        d.type("kort")
        d.press(.down, .enter)
        #expect(d.screen.contains("Je wachtwoord is te kort (4 tekens)"))
        d.press(.up, .ctrl("u"))
        d.type("niet mijn wachtwoord")
        d.press(.down, .ctrl("u"))
        d.type("een lange nieuwe zin voor mij")
        d.press(.down, .ctrl("u"))
        d.type("een lange nieuwe zin voor mij")
        d.press(.enter)
        #expect(d.screen.contains("Je huidige wachtwoord klopt niet."))
        d.type(anna.password)
        d.press(.down, .down, .enter)
        #expect(d.screen.contains("Je wachtwoord is gewijzigd."))
        #expect(d.app.current is ProfileScreen)
        #expect((try? d.store.login(email: anna.email, password: "een lange nieuwe zin voor mij")) != nil)
    }

    // MARK: Mijn gegevens

    @Test("Mijn gegevens shows account, profile, preferences, posts, messages and the log") func myData() {
        let d = Self.anna(size: Size(cols: 80, rows: 150))
        d.press(.escape, .char("g"))
        let s = d.screen
        for text in ["anna.devries@demo.sociaalhus.example", "Grotestraat 101", "Openbaar", "[x] Berichten van bezoekers",
                     "[ ] Nieuwsbrieven uit je wijk", "Wie helpt mij met mijn tuin?", "Contactberichten die je ontving",
                     "Marieke Pieterse (demo)", "Logboek", "Account gemaakt"] {
            #expect(s.contains(text), "\(text)")
        }
        #expect(!s.contains("$y$"), "never the password hash")
        #expect(!s.contains("account-created"), "the log in words, not codes")
    }

    @Test("Mijn gegevens scrolls with the list keys") func myDataScrolls() {
        let d = Self.anna()
        d.press(.escape, .char("g"))
        #expect(d.screen.contains("E-mailadres"))
        d.press(.pageDown, .pageDown)
        #expect(!d.screen.contains("  E-mailadres"))
        d.press(.pageUp, .pageUp)
        #expect(d.screen.contains("E-mailadres"))
    }

    @Test("regression (issue 25): scrolled, the cursor sits on the first line that came into view, not on the intro")
    func myDataCursorFollowsScroll() throws {
        let d = Self.anna()
        d.press(.escape, .char("g"))
        let intro = d.grid
        let introCursor = try #require(intro.cursor)
        #expect(intro.lines[introCursor.y].contains("Alles wat SociaalHus over je bewaart"))
        for _ in 0..<3 {
            d.press(.pageDown)
            let g = d.grid
            let cursor = try #require(g.cursor)
            let line = g.lines[cursor.y]
            #expect(!line.contains("Alles wat SociaalHus over je bewaart"), "\(g.text)")
            // The first line of the data in view: just under the empty row that holds the position.
            #expect(g.lines[cursor.y - 1].contains("/"), "\(g.text)")
            #expect(cursor.x == introCursor.x && !line.trimmingCharacters(in: .whitespaces).isEmpty, "\(cursor) \(g.text)")
        }
        d.press(.home)
        #expect(d.grid.cursor.map { d.grid.lines[$0.y].contains("Alles wat SociaalHus over je bewaart") } == true)
    }

    @Test("export writes a 0600 JSON file that parses and holds anna's e-mail") func export() throws {
        let dir = NSTemporaryDirectory() + "profiel-export-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let d = Self.anna()
        d.app.ctx.exportDirectory = dir
        d.press(.escape, .char("g"), .char("x"))
        d.press(.enter)
        let id = try #require(Self.annaAccount(d)).id
        let path = dir + "/sociaalhus-export-\(id).json"
        #expect(d.screen.contains("Geschreven naar:"))
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let account = json?["account"] as? [String: Any]
        #expect(account?["email"] as? String == UIFixture.account("anna").email)
        // A second export to the same file asks first, then replaces it.
        d.press(.enter)
        #expect(d.screen.contains("Er staat al een bestand"))
        d.press(.enter)
        #expect(d.screen.contains("Je gegevens zijn geëxporteerd."))
    }

    @Test("export into a folder that does not exist says so and keeps the path") func exportMissingFolder() {
        let d = Self.anna()
        d.press(.escape, .char("g"), .char("x"))
        d.press(.ctrl("u"))
        d.type("/nonexistent-folder-xyz/data.json")
        d.press(.enter)
        #expect(d.screen.contains("FOUT: De map /nonexistent-folder-xyz bestaat niet."))
        #expect(d.screen.contains("/nonexistent-folder-xyz/data.json"))
        #expect(!FileManager.default.fileExists(atPath: "/nonexistent-folder-xyz/data.json"))
    }

    // MARK: Deleting

    @Test("deleting asks once in the app's dialog, naming what goes; n keeps everything, j erases and logs out") func deleteAccount() throws {
        let d = Self.anna()
        let id = try #require(Self.annaAccount(d)).id
        let posts = d.store.state.posts.all.filter { $0.author == .resident(id) }.count
        d.press(.escape, .char("g"), .char("d"))
        #expect(d.screen.contains("Druk op Enter om je account te verwijderen"))
        d.press(.enter)
        #expect(d.screen.contains("Zeker weten?") && d.screen.contains("\(posts) prikbordbericht" + (posts == 1 ? " " : "en ")), "the dialog names what goes")
        d.press(.char("n"))
        #expect(d.screen.contains("Niets gedaan."))
        #expect(d.store.state.accounts[id.rawValue] != nil)
        #expect(d.app.ctx.session == id)
        d.press(.enter)
        d.press(.escape)
        #expect(d.store.state.accounts[id.rawValue] != nil, "Esc in the dialog keeps the account")
        d.press(.enter, .char("j"))
        #expect(d.store.state.accounts[id.rawValue] == nil)
        #expect(d.store.state.posts.all.allSatisfy { $0.author != .resident(id) })
        #expect(d.app.ctx.session == nil)
        #expect(d.screen.contains("Je account en al je gegevens zijn verwijderd."))
        #expect(d.screen.contains("[1 Agenda]") && d.screen.contains("bezoeker"), "back to the agenda as a visitor")
        d.press(.char("4"))
        #expect(d.screen.contains("Log in om je profiel"), "the profile tab shows the login screen")
        #expect(!d.screen.contains("Anna"))
    }

    @Test("in English the dialog asks to erase, and y does it") func deleteAccountEnglish() throws {
        let d = Self.anna(lang: .english)
        let id = try #require(Self.annaAccount(d)).id
        d.press(.escape, .char("g"), .char("d"), .enter)
        #expect(d.screen.contains("Are you sure?") && d.screen.contains("Erase your account"))
        d.press(.char("y"))
        #expect(d.store.state.accounts[id.rawValue] == nil)
        #expect(d.app.ctx.session == nil)
    }
}

/// Mijn gegevens said "door account 9"; it says who, in which role.
@Suite struct MyDataLogWordsTests {
    @Test("Mijn gegevens says which desk member opened the conversation, by name and role, in Dutch and English")
    func logLine() throws {
        let store = UIFixture.freshStore()
        defer { try? FileManager.default.removeItem(atPath: store.path) }
        let anna = try #require(store.state.accounts.all.first { $0.email == UIFixture.account("anna").email })
        let lotte = try #require(store.state.accounts.all.first { $0.roles.deskStaff })
        let intake = try store.createIntake(IntakeInput(category: .wonen, question: "Huur", name: anna.name, email: anna.email, account: anna.id),
                                            consent: LinkConsent(account: anna.id), by: .account(lotte))
        _ = try store.openIntake(intake.id, by: .account(lotte))
        let export = try store.export(anna.id, by: .account(anna), recordAudit: false)
        for (lang, words) in [(Language.dutch, "door \(lotte.name), baliemedewerker"), (.english, "by \(lotte.name), desk staff")] {
            let text = MyDataLines.build(export, lang: lang, width: 200).map(\.text).joined(separator: "\n")
            #expect(text.contains(words), "\(text)")
            #expect(!text.contains("account \(lotte.id.rawValue)"))
        }
    }

    @Test("Mijn gegevens tells a conversation seen in a list from one opened, linked, and an account looked up, in Dutch and English",
          arguments: [
              (AuditEvent.Action.intakeListed, "Gesprek in een lijst gezien", "Conversation seen in a list"),
              (.intakeOpened, "Gesprek ingezien", "Conversation opened"),
              (.intakeLinked, "Gesprek aan je account gekoppeld", "Conversation linked to your account"),
              (.accountLookedUp, "Account opgezocht aan de balie", "Account looked up at the desk"),
          ])
    func deskLines(_ action: AuditEvent.Action, _ nl: String, _ en: String) throws {
        let store = UIFixture.freshStore()
        defer { try? FileManager.default.removeItem(atPath: store.path) }
        let anna = try #require(store.state.accounts.all.first { $0.email == UIFixture.account("anna").email })
        let lotte = try #require(store.state.accounts.all.first { $0.roles.deskStaff })
        let intake = try store.createIntake(IntakeInput(category: .wonen, question: "Huur", name: anna.name, email: anna.email, account: anna.id),
                                            consent: LinkConsent(account: anna.id), by: .account(lotte))
        var run = IntakeListing()
        _ = try store.listIntakes(&run, by: .account(lotte))
        _ = try store.openIntake(intake.id, by: .account(lotte))
        _ = try store.accountMatch(email: anna.email, by: .account(lotte))
        let export = try store.export(anna.id, by: .account(anna), recordAudit: false)
        #expect(export.auditEvents.filter { $0.action == action.rawValue }.count == 1)
        for (lang, words, by) in [(Language.dutch, nl, "door \(lotte.name), baliemedewerker"), (.english, en, "by \(lotte.name), desk staff")] {
            let lines = MyDataLines.build(export, lang: lang, width: 200).map(\.text)
            #expect(lines.contains { $0.contains(" · " + words + " · " + by + " · ") }, "\(lines.joined(separator: "\n"))")
        }
    }
}

/// Mijn gegevens shows everything the export holds, generated from the export itself.
@Suite struct MyDataCompleteTests {
    /// Every text value in a JSON document.
    static func strings(_ value: Any) -> [String] {
        switch value {
        case let s as String: return [s]
        case let a as [Any]: return a.flatMap(strings)
        case let d as [String: Any]: return d.values.flatMap(strings)
        default: return []
        }
    }

    @Test("every text a person typed that their export holds is on the Mijn gegevens screen, in Dutch and English")
    func complete() throws {
        let store = UIFixture.freshStore()
        defer { try? FileManager.default.removeItem(atPath: store.path) }
        let anna = try #require(store.state.accounts.all.first { $0.email == UIFixture.account("anna").email })
        let lotte = try #require(store.state.accounts.all.first { $0.roles.deskStaff })
        let me: Viewer = .account(anna)
        try store.createPost(PostDraft(kind: .vraag, title: "MIJNPOST titel", body: "MIJNPOST tekst", wijk: anna.profile.wijk, author: .resident(anna.id)), by: me)
        let org = try #require(store.state.organisations.all.first)
        try store.sendMessage(senderName: anna.name, senderEmail: anna.email, to: .organisation(org.id), text: "MIJNBERICHT hallo", by: me)
        _ = try store.createIntake(IntakeInput(category: .wonen, question: "MIJNGESPREK vraag", notes: "MIJNGESPREK notitie", name: anna.name,
                                               email: anna.email, account: anna.id), consent: LinkConsent(account: anna.id), by: .account(lotte))
        let export = try store.export(anna.id, by: me, recordAudit: false)
        let json = try JSONSerialization.jsonObject(with: export.json())
        let typed = Self.strings(json).filter { $0.hasPrefix("MIJN") }
        #expect(typed.count >= 5, "planted: \(typed)")
        for lang in [Language.dutch, .english] {
            let text = MyDataLines.build(export, lang: lang, width: 400).map(\.text).joined(separator: "\n")
            for t in typed { #expect(text.contains(t), "\(lang): '\(t)' is in the export but not on the screen") }
        }
    }
}
