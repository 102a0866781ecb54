import Foundation
import Testing
@testable import TerminalKit

/// Text that does not fit is shortened, wrapped or noted, never cut silently inside a word.
@Suite struct LayoutWidgetTests {
    /// A line, the cells it gets, and what `TextWidth.shorten` makes of it.
    static let shortened: [(String, Int, String)] = [
        ("Alle wijken (143)", 40, "Alle wijken (143)"),
        ("Je ziet bewoners met een openbaar profiel, en buren uit je eigen wijk. (3)", 56,
         "Je ziet bewoners met een openbaar profiel, en buren… (3)"),
        ("Maand november 2026 (14) · pijltjes: dag en week, PgUp/[ en PgDn/]: maand", 56,
         "Maand november 2026 (14) · pijltjes: dag en week…"),
        ("Stap 3 van 3: vertel het de bewoner · Piet Pieters · geldzaken", 56, "Stap 3 van 3: vertel het de bewoner · Piet Pieters…"),
        ("Verantwoordelijkheid", 8, "Verantw…"),
        ("Gesprekken met bewoners en organisaties (3, 1 nieuw)", 45, "Gesprekken met bewoners en… (3, 1 nieuw)"),
        ("", 5, ""),
    ]

    @Test("a line is shortened after its last whole word, with an ellipsis, keeping its count", arguments: shortened)
    func shorten(_ text: String, cells: Int, expected: String) {
        let out = TextWidth.shorten(text, to: cells)
        #expect(out == expected)
        #expect(TextWidth.width(out) <= cells)
    }

    @Test("the grid notes a text it cut, and says whether inside a word; padding and scrolled input are no cut")
    func gridNotesCuts() {
        var g = Grid(size: Size(cols: 20, rows: 4))
        g.put("Besloten: alleen inloggen", x: 0, y: 0, maxWidth: 12)
        g.put("een twee", x: 0, y: 1, maxWidth: 4)
        g.put("kort      ", x: 0, y: 2, maxWidth: 4)
        g.put("getypte tekst die verder loopt", x: 0, y: 3, maxWidth: 10, scrolls: true)
        g.put("onder het scherm", x: 0, y: 9)
        #expect(g.cuts.map(\.drawn) == [12, 4, 0])
        #expect(g.cuts.map(\.isMidWord) == [true, false, false])
        // A box drawn over a cut covers it.
        g.fill(Rect(x: 0, y: 0, width: 20, height: 1), role: .normal)
        #expect(g.cuts.count == 2)
    }

    @Test("a tick box's label wraps at a word under itself, and the form says how many rows it drew")
    func tickBoxWraps() {
        var form = Form([FormField("private", "Besloten: alleen inloggen, registreren en privacyverklaring", .toggle(false)),
                         FormField("save", "Opslaan", .button)], labelWidth: 14)
        var g = Grid(size: Size(cols: 40, rows: 6))
        let rows = form.render(into: &g, area: Rect(x: 0, y: 0, width: 40, height: 6))
        #expect(g.cuts.isEmpty, "\(g.cuts)")
        #expect(g.lines[0].hasPrefix("▌ [ ] Besloten: alleen inloggen,"))
        #expect(g.lines[1].hasPrefix("      registreren en privacyverklaring"))
        #expect(g.lines[2].hasPrefix("  [ Opslaan ]"))
        #expect(rows == 3)
    }

    @Test("a text area takes the rows the form does not need, up to what its limit fills, and its counter sits under its end")
    func areaGrows() {
        let fields = [FormField("title", "Titel", .text(TextField())),
                      FormField("body", "Tekst", .area(TextArea("", limit: 300, rows: 3))),
                      FormField("save", "Opslaan", .button)]
        var form = Form(fields, labelWidth: 10)
        var g = Grid(size: Size(cols: 200, rows: 40))
        let rows = form.render(into: &g, area: Rect(x: 0, y: 0, width: 200, height: 40))
        // The title on row 0; 300 graphemes at 76 cells a line fill 5 rows (the title keeps the whole width): the area grows from 3 to 5.
        let inputRows = (0..<40).filter { g[13, $0].role == .input }
        #expect(inputRows == [0, 1, 2, 3, 4, 5], "\(inputRows)")
        #expect(g[150, 0].role == .input && g[150, 1].role != .input, "a line field keeps the width, a text area stops at 76 cells")
        #expect(g.lines[6].hasSuffix("0/300" + String(repeating: " ", count: 200 - 13 - 76)), "\(g.lines[6])")
        #expect(rows == 8)
        // In a window with no rows to spare it keeps its own.
        var small = Grid(size: Size(cols: 60, rows: 6))
        var same = Form(fields, labelWidth: 10)
        same.render(into: &small, area: Rect(x: 0, y: 0, width: 60, height: 6))
        #expect((0..<6).filter { small[13, $0].role == .input } == [0, 1, 2, 3])
    }
}
