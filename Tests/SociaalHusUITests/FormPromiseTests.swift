import Foundation
import Testing
@testable import SociaalHusCore
@testable import SociaalHusUI
import TerminalKit

/// What a form promises a person: Enter logs in from the password, all problems are named at
/// once, typing is never lost without a question, and text areas keep their lines.
@Suite struct FormPromiseTests {
    @Test("regression: Enter in the login password field logs in") func enterLogsIn() {
        let d = Driver()
        let a = UIFixture.account("anna")
        d.press(.char("4"))
        d.type(a.email)
        d.press(.tab)
        d.type(a.password)
        d.press(.enter)
        #expect(d.app.ctx.session != nil)
    }

    @Test("regression: the contact form names every faulty field at once and focuses the first") func contactErrors() {
        let d = Driver()
        d.press(.char("2"), .enter)
        d.press(.char("c"))
        let screen = d.app.current as? ContactFormScreen
        #expect(screen != nil, "the contact form opens from a post")
        guard let form = screen else { return }
        form.form.setText("email", "jan-at-example")
        d.press(.ctrl("s"))
        #expect(form.form.errors.keys.sorted() == ["email", "name", "text"])
        #expect(form.form.focusedID == "name")
        #expect(d.app.ctx.message?.isError == true)
        let text = d.screen
        #expect(text.contains("3 velden") && text.contains("Je naam, Je e-mail, Bericht"), "named as on screen")
        #expect(form.form.text("email") == "jan-at-example", "what was typed stays")
    }

    @Test("regression: changing the visibility level and logging out asks first") func logoutAsks() {
        let d = Driver()
        d.logIn("anna")
        _ = d.grid
        ProfielScreenTests.focus(d, on: "Wie ziet je")
        d.press(.left) // Openbaar → Alleen buren
        d.press(.escape) // out of the choice, to a button: letters are shortcuts there
        d.press(.char("l"))
        #expect(d.app.ctx.session != nil, "not logged out without asking")
        #expect(d.screen.contains("Niet opgeslagen") && d.screen.contains("Profiel"))
        d.press(.escape)
        #expect(d.app.ctx.session != nil)
        d.press(.char("l"), .char("j"))
        #expect(d.app.ctx.session == nil, "j discards and logs out")
    }

    @Test("quitting names the unsaved input; switching tabs keeps it and says so") func quitAndTabs() {
        let d = Driver()
        d.logIn("anna")
        ProfielScreenTests.focus(d, on: "Wie ziet je")
        d.press(.left)
        d.press(.char("2"))
        #expect(d.screen.contains("blijft staan"))
        d.press(.char("4"))
        #expect(d.app.current.hasUnsavedInput, "the change is still there")
        d.press(.char("q"))
        #expect(d.screen.contains("Niet opgeslagen: Profiel"))
    }

    @Test("a post body keeps its line breaks from typing to the store") func multiLinePost() throws {
        let d = Driver()
        d.logIn("anna")
        d.press(.char("2"), .char("n"))
        d.tabUntil("▌ Titel")
        d.type("Ladder")
        d.press(.tab)
        d.type("Eerste regel")
        d.press(.enter)
        d.type("tweede regel")
        #expect(d.screen.contains("25/"), "the counter counts the line break")
        d.press(.ctrl("s"))
        let post = d.store.state.posts.all.first { $0.title == "Ladder" }
        #expect(post?.body == "Eerste regel\ntweede regel")
    }

    @Test("a registration choice too wide for the window shows '‹ value › k/n' and keeps the cursor on it") func compactChoice() {
        let d = Driver(size: Size(cols: 60, rows: 20))
        d.press(.char("4"))
        d.tabUntil("▌ [ Nieuw hier? Registreren ]")
        d.press(.enter)
        d.tabUntil("▌ Wijk")
        d.press(.right, .right, .right)
        let g = d.grid
        let row = g.lines.firstIndex { $0.contains("▌ Wijk") }
        #expect(row.map { g.lines[$0].contains("‹ Hertme › 4/4") } == true, "\(g.text)")
        #expect(g.cursor?.y == row)
    }
}

/// Help and explanations wrap; they are never cut off.
@Suite struct WrappingTests {
    @Test("regression: every help line of the intake list is whole at 60×20") func intakeHelp() {
        let d = Driver(size: Size(cols: 60, rows: 20))
        d.logIn("lotte")
        d.press(.char("5"))
        let words = d.app.activeBindings().flatMap { $0.help.split(separator: " ").map(String.init) }
        d.press(.char("?"))
        var seen = ""
        for _ in 0..<12 {
            seen += d.screen
            d.press(.pageDown)
            if !d.app.hasModal { break }
        }
        #expect(seen.contains("Help"))
        for w in Set(words) where w.count > 3 {
            #expect(seen.contains(w), "help word '\(w)' is not on the help screen")
        }
    }
}

/// The agenda form names every problem at once.
@Suite struct AgendaFormErrorTests {
    @Test("an empty new activity names title and location together, a bad time too, and focuses the title") func allAtOnce() {
        let d = Driver()
        d.logIn("kees")
        d.press(.char("1"), .char("n"))
        guard let screen = d.app.current as? AgendaEditScreen else { Issue.record("no agenda form"); return }
        screen.form.setText("start", "7 uur")
        d.press(.ctrl("s"))
        #expect(screen.form.errors.keys.sorted() == ["location", "start", "title"])
        #expect(screen.form.focusedID == "title")
        #expect(d.screen.contains("3 velden kloppen nog niet"))
        #expect(d.app.current === screen, "the form stays open with what was typed")
    }
}

/// The profile form names every faulty field at once too.
@Suite struct ProfileFormErrorTests {
    @Test("an empty name is named under its field with focus on it; nothing is saved") func profileErrors() throws {
        let d = Driver()
        d.logIn("anna")
        _ = d.grid
        let screen = try #require(d.app.current as? ProfileScreen)
        let before = d.store.state.accounts.all.first { $0.email.hasPrefix("anna") }!.profile
        d.tabUntil("▌ Naam")
        d.press(.ctrl("u"))
        for _ in 0..<30 { d.press(.backspace) }
        d.tabUntil("▌ [ Opslaan ]")
        d.press(.enter)
        // (Lengths cannot go wrong here: each field stops at the core's limit while typing.)
        #expect(d.screen.contains("! Vul 'Naam' in"))
        #expect(screen.hasUnsavedInput)
        #expect(d.grid.lines.firstIndex { $0.contains("▌ Naam") } != nil, "focus back on the name")
        #expect(d.store.state.accounts.all.first { $0.email.hasPrefix("anna") }!.profile == before)
        _ = screen
    }
}

/// Found in review: a text area on the form's last row drew its counter below the form.
@Suite struct FormEdgeTests {
    @Test("regression: nothing of a text area is drawn below the form's area") func counterStaysInside() {
        var form = Form([FormField("a", "A", .text(TextField())), FormField("t", "Tekst", .area(TextArea("hallo", limit: 50, rows: 4)))])
        form.focus(on: "t")
        var g = Grid(size: Size(cols: 40, rows: 6))
        form.render(into: &g, area: Rect(x: 0, y: 0, width: 40, height: 2))
        for y in 2..<6 { #expect(g.lines[y].trimmingCharacters(in: .whitespaces).isEmpty, "row \(y): \(g.lines[y])") }
        #expect(g.cursor.map { $0.y < 2 } == true)
    }
}

/// Ctrl-S saves on the profile too (found in review).
@Suite struct ProfileCtrlSTests {
    @Test("regression: Ctrl-S saves the profile from any field") func ctrlS() {
        let d = Driver()
        d.logIn("anna")
        ProfielScreenTests.focus(d, on: "Wie ziet je")
        d.press(.left) // Openbaar → Alleen buren
        #expect(d.app.activeBindings().contains { $0.action == .submit })
        d.press(.ctrl("s"))
        #expect(d.store.state.accounts.all.first { $0.email.hasPrefix("anna") }!.profile.visibility == .neighbours)
        #expect(d.screen.contains("opgeslagen"))
    }
}
