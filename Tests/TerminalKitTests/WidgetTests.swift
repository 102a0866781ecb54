import Testing
import TerminalKit

/// The generic widgets (form, list, dialog, search line) work on their own, without the app or
/// the core: the caller hands them every word they show.
@Suite struct WidgetTests {
    static func form() -> Form {
        Form([
            FormField("intro", "Vul in wat je weet.", .note(.muted)),
            FormField("name", "Naam *", .text(TextField("Anna", limit: 40))),
            FormField("visible", "Zichtbaar", .toggle(true)),
            FormField("level", "Wie ziet je", .choice(options: ["iedereen", "buren", "niemand"], selected: 1)),
            FormField("save", "Opslaan", .button),
        ], labelWidth: 12)
    }

    @Test("a form drawn twice gives the same frame, cursor and outline, at every size", arguments: [
        (40, 10), (30, 4), (80, 24), (12, 3),
    ])
    func formDrawsTheSameTwice(cols: Int, rows: Int) {
        var f = Self.form()
        f.focus(on: "save")
        var first = Grid(size: Size(cols: cols, rows: rows))
        f.render(into: &first, area: Rect(x: 0, y: 0, width: cols, height: rows))
        var second = Grid(size: Size(cols: cols, rows: rows))
        f.render(into: &second, area: Rect(x: 0, y: 0, width: cols, height: rows))
        #expect(first.lines == second.lines && first.roleLines == second.roleLines)
        #expect(first.cursor?.x == second.cursor?.x && first.cursor?.y == second.cursor?.y)
        #expect(first.outline == second.outline)
        #expect(f.focusedID == "save")
    }

    @Test("a form's field is named without its required mark; keys move the focus and type") func formKeys() {
        var f = Self.form()
        #expect(f.shownLabel("name") == "Naam")
        #expect(f.shownLabel("level") == "Wie ziet je")
        #expect(f.focusedID == "name", "the note is skipped")
        let typed = f.handle(.char("!"))
        #expect(typed == .handled)
        #expect(f.text("name") == "Anna!" && f.edited)
        _ = f.handle(.tab)
        _ = f.handle(.tab)
        let right = f.handle(.right)
        #expect(right == .handled)
        #expect(f.choice("level") == 2)
        _ = f.handle(.tab)
        let enter = f.handle(.enter)
        #expect(enter == .pressed("save"))
    }

    @Test("a list keeps the selected row in view, marks it, and says the caller's words when empty") func list() {
        let rows = (1...30).map { ListRow("rij \($0)") }
        var state = ListState()
        var g = Grid(size: Size(cols: 30, rows: 6))
        ListView.draw(rows, selectedRow: 20, state: &state, into: &g, area: Rect(x: 0, y: 0, width: 30, height: 6), emptyText: "Niets.")
        #expect(g.lines.contains { $0.hasPrefix(ListView.marker + " rij 21") })
        #expect(g.outline.contains(.position(number: 21, of: 30)))
        var again = Grid(size: Size(cols: 30, rows: 6))
        ListView.draw(rows, selectedRow: 20, state: &state, into: &again, area: Rect(x: 0, y: 0, width: 30, height: 6), emptyText: "Niets.")
        #expect(again.lines == g.lines, "drawn again, the same")
        var empty = Grid(size: Size(cols: 30, rows: 6))
        ListView.draw([], selectedRow: nil, state: &state, into: &empty, area: Rect(x: 0, y: 0, width: 30, height: 6), emptyText: "Nothing here.")
        #expect(empty.lines[0].contains("Nothing here."))
    }

    @Test("a dialog blanks the rows it covers across the whole width and is read as a dialog") func dialog() {
        var g = Grid(size: Size(cols: 40, rows: 12))
        for y in 0..<12 { g.put(String(repeating: "x", count: 40), x: 0, y: y, role: .normal) }
        Dialog.draw(into: &g, title: "Zeker weten?", lines: ["Bericht verwijderen?", "j = ja   n = nee"])
        #expect(g.outline.last == .dialog(title: "Zeker weten?", lines: ["Bericht verwijderen?", "j = ja   n = nee"]))
        let covered = g.lines.enumerated().filter { $0.element.contains("Bericht verwijderen?") || $0.element.contains("┌") }
        #expect(!covered.isEmpty)
        for (_, line) in covered { #expect(!line.contains("x"), "left and right of the box blanked: \(line)") }
        #expect(g.cursor?.y == g.lines.firstIndex { $0.contains("j = ja") })
    }

    @Test("a search line: typing filters, Enter keeps the text, Esc clears it") func searchBox() {
        var s = SearchBox()
        let closed = s.handle(.char("a"))
        #expect(!closed, "closed, it takes no key")
        s.active = true
        for c in " bor " { _ = s.handle(.char(c)) }
        #expect(s.query == "bor")
        let enter = s.handle(.enter)
        #expect(enter && !s.active && s.query == "bor")
        s.active = true
        let escape = s.handle(.escape)
        #expect(escape && s.query.isEmpty)
    }
}
