import Foundation
import Testing
@_spi(Operator) @testable import SociaalHusCore
@testable import SociaalHusUI
import TerminalKit

/// The agenda editor picks an activity's category from the platform's one list, the list
/// residents pick their interests from, so a new activity reaches them; an old activity's
/// category from before the list stays as it is unless the editor picks another.
@Suite struct AgendaCategoryScreenTests {
    /// Kees's new activity with its title and place filled in, the focus on the category.
    static func newActivity(_ d: Driver, title: String) throws -> AgendaEditScreen {
        d.logIn("kees")
        d.press(.char("1"), .char("n"))
        let screen = try #require(d.app.current as? AgendaEditScreen)
        d.type(title)
        screen.form.setText("location", "Buurthuis De Kern")
        for _ in 0..<30 where screen.form.focusedID != "category" { d.press(.tab) }
        #expect(screen.form.focusedID == "category")
        return screen
    }

    @Test("the category is chosen with → from 'geen' and the list in the reader's language; saved, the list's key is kept and a resident with that interest hears of it",
          arguments: [Language.dutch, .english])
    func pickedFromTheList(_ lang: Language) throws {
        let d = Driver(lang: lang, size: Size(cols: 80, rows: 24))
        let chosen = try #require(PlatformCategory(matching: "sport en bewegen"))
        // Anna wants to hear of sport and exercise at once; Henk of culture only.
        let anna = try #require(d.store.state.account(email: UIFixture.account("anna").email))
        let henk = try #require(d.store.state.account(email: UIFixture.account("henk").email))
        for (who, interest) in [(anna, chosen.key), (henk, "cultuur")] {
            try d.store.updateProfile(for: who.id, by: .commandLine) {
                $0.interests = [interest]
                $0.email.wijkNotifications = true
                $0.digest = .immediately
            }
        }
        let screen = try Self.newActivity(d, title: "Beweegmiddag")
        #expect(d.screen.contains("‹ \(lang.t(.none)) ›"), "no category until one is chosen\n\(d.screen)")
        let place = try #require(PlatformCategory.all.firstIndex(of: chosen))
        for _ in 0...place { d.press(.right) }
        #expect(d.screen.contains("‹ \(lang.t(chosen.word)) › \(place + 2)/\(PlatformCategory.all.count + 1)"), "\(d.screen)")
        // Letters are no shortcuts on a choice: typing here changes nothing of the form.
        d.type("wandelen")
        #expect(screen.form.choice("category") == place + 1 && d.app.current === screen)
        d.press(.ctrl("s"))
        let saved = try #require(d.store.state.agenda.all.first { $0.title == "Beweegmiddag" }, "\(d.screen)")
        #expect(saved.category == "sport en bewegen")
        let notified = d.store.state.outbox.all.filter { $0.kind == .notification && $0.subject.contains("Beweegmiddag") }
        #expect(notified.contains { $0.to == anna.email } && !notified.contains { $0.to == henk.email }, "\(notified.map(\.to))")
    }

    @Test("every option of the category is on its row with its place: whole at 80×24; at 60×20 whole or shortened with '…', never cut",
          arguments: [(Language.dutch, 80), (.english, 80), (.dutch, 60), (.english, 60)])
    func optionsFit(_ lang: Language, _ cols: Int) throws {
        let d = Driver(lang: lang, size: Size(cols: cols, rows: cols == 80 ? 24 : 20))
        let screen = try Self.newActivity(d, title: "Koffie")
        let n = PlatformCategory.all.count + 1
        for k in 0..<n {
            let word = k == 0 ? lang.t(.none) : lang.t(PlatformCategory.all[k - 1].word)
            let row = try #require(d.grid.lines.first { $0.contains("▌ " + lang.t(.category)) }, "\(d.screen)")
            let value = try #require(row.split(separator: "‹").last?.split(separator: "›").first).trimmingCharacters(in: .whitespaces)
            #expect(value == word || (cols < 80 && value.hasSuffix("…") && word.hasPrefix(value.dropLast())), "\(word): \(row)")
            #expect(row.contains("› \(k + 1)/\(n)"), "\(row)")
            #expect(d.grid.cuts.isEmpty, "\(d.grid.cuts)")
            d.press(.right)
        }
        #expect(screen.form.choice("category") == 0, "→ on the last option goes round to 'geen'")
    }

    /// An activity of Kees's organisation from before the list, its category "wandelen".
    static func oldActivity(_ store: Store) throws -> AgendaItem {
        let kees = try #require(store.state.account(email: UIFixture.account("kees").email))
        let item = try #require(store.state.agenda.all.first { $0.start > fixedNow && Permissions.denial(.changeAgendaItem($0), by: .account(kees)) == nil })
        try store.update { tx in
            var old = item
            old.title = "Oude wandeling"
            old.category = "wandelen"
            tx.put(old)
        }
        return try #require(store.state.agenda[item.id.rawValue])
    }

    /// Kees finds the activity in the agenda by its title, opens it and presses e.
    static func openEdit(_ d: Driver, _ item: AgendaItem) throws {
        d.logIn("kees")
        d.press(.char("1"), .char("/"))
        d.type(item.title)
        d.press(.enter, .enter, .char("e"))
    }

    @Test("an old activity whose category is not on the list shows it, marked so, and is saved with it unchanged",
          arguments: [(Language.dutch, "wandelen (niet in de lijst)"), (.english, "wandelen (not on the list)")])
    func oldCategoryKept(_ lang: Language, _ shown: String) throws {
        let store = UIFixture.freshStore()
        let old = try Self.oldActivity(store)
        let d = Driver(lang: lang, size: Size(cols: 80, rows: 24), store: store)
        try Self.openEdit(d, old)
        let screen = try #require(d.app.current as? AgendaEditScreen)
        for _ in 0..<30 where screen.form.focusedID != "category" { d.press(.tab) }
        let last = PlatformCategory.all.count + 2
        #expect(d.screen.contains("‹ \(shown) › \(last)/\(last)"), "\(d.screen)")
        d.press(.ctrl("s"))
        #expect(d.app.current !== screen, "saved and closed\n\(d.screen)")
        #expect(store.state.agenda[old.id.rawValue]?.category == "wandelen")
        #expect(store.state.agenda[old.id.rawValue]?.title == "Oude wandeling")
    }

    @Test("an old activity's category from before the list can be replaced by one of the list, or by none")
    func oldCategoryReplaced() throws {
        let store = UIFixture.freshStore()
        let old = try Self.oldActivity(store)
        let d = Driver(size: Size(cols: 80, rows: 24), store: store)
        try Self.openEdit(d, old)
        let screen = try #require(d.app.current as? AgendaEditScreen)
        for _ in 0..<30 where screen.form.focusedID != "category" { d.press(.tab) }
        // → from the last option goes round to "geen", then to the list's first.
        d.press(.right, .right)
        #expect(d.screen.contains("‹ \(Language.dutch.t(PlatformCategory.all[0].word)) › 2/"), "\(d.screen)")
        d.press(.ctrl("s"))
        #expect(store.state.agenda[old.id.rawValue]?.category == PlatformCategory.all[0].key)
    }

    @Test("plain mode asks the category as a choice of 'geen' and the list, answered by its words")
    func plainMode() throws {
        let d = Driver()
        d.logIn("kees")
        var lines: [String] = []
        let s = PlainSession(app: d.app) { lines.append($0) }
        s.start()
        s.handle(line: "!agenda")
        s.handle(line: "n")
        #expect(d.app.current is AgendaEditScreen, "\(lines.suffix(3))")
        s.handle(line: "Beweegmiddag")
        for _ in 0..<20 where !(lines.last ?? "").contains(Language.dutch.t(.category)) {
            s.handle(line: (d.app.current as? AgendaEditScreen)?.form.focusedID == "location" ? "Buurthuis De Kern" : "")
        }
        let question = lines.last ?? ""
        #expect(question.contains("1 geen") && question.contains("2 wonen") && question.contains("ontmoeting en eenzaamheid"), "\(question)")
        s.handle(line: "sport en bewegen")
        for _ in 0..<20 where !d.store.state.agenda.all.contains(where: { $0.title == "Beweegmiddag" }) { s.handle(line: "") }
        let saved = try #require(d.store.state.agenda.all.first { $0.title == "Beweegmiddag" }, "\(lines.suffix(4))")
        #expect(saved.category == "sport en bewegen")
    }
}
