import Foundation
import Testing
@testable import TerminalKit

/// ASCII stand-ins where UTF-8 is not available, brackets where underline is not.
@Suite struct AsciiFallbackTests {
    @Test("the screens' marks have their stand-ins", arguments: [("▌", ">"), ("▶", ">"), ("‹", "<"), ("›", ">"), ("»", "|"), ("•", "*"), ("—", "-"),
                                                                 ("│", "|"), ("─", "_"), ("↓", "v"), ("↑", "^"), ("┌", " "), ("└", "|"), ("…", "."),
                                                                 ("é", "e"), ("ë", "e"), ("␛", "^"), ("a", "a"), ("日", "?")])
    func marks(text: String, ascii: String) {
        #expect(AsciiFallback.ascii(text) == ascii)
    }

    @Test("regression (issue 25): without UTF-8 the message line's mark and the focus marker differ")
    func messageMarkIsNotFocusMarker() {
        #expect(AsciiFallback.ascii("»") != AsciiFallback.ascii("▌"))
        #expect(AsciiFallback.ascii("»") != AsciiFallback.ascii("▶"))
    }

    @Test("regression (issue 25): a box in ASCII is drawn with marks Fenrir does not read aloud at its default level ('-' is 'dash', '+' 'plus')")
    func quietBoxRules() {
        for rule in ["─", "│", "┌", "┐", "└", "┘"] {
            #expect(!"+-*~$@/\\".contains(AsciiFallback.ascii(rule)), "\(rule) -> \(AsciiFallback.ascii(rule))")
        }
    }

    @Test("ASCII when asked, without a UTF-8 locale, or on a terminal type that shows only ASCII (issue 25)", arguments: [
        (false, true, "xterm-256color", false), (false, true, "tmux-256color", false), (false, true, "screen", false),
        (false, true, "linux", false),           // the Linux console in UTF-8 mode: its font has the rules, blocks and accents
        (false, true, nil, false), (false, true, "", false),
        (false, true, "vt100", true), (false, true, "vt220", true), (false, true, "VT102", true), (false, true, "vt100-am", true),
        (false, true, "vt52", true), (false, true, "dumb", true), (false, true, "ansi", true),
        (false, true, "vte-256color", false),    // not the DEC VT family, a UTF-8 terminal
        (true, true, "xterm-256color", true),    // --ascii
        (false, false, "xterm-256color", true),  // a locale without UTF-8
    ] as [(Bool, Bool, String?, Bool)])
    func decision(asked: Bool, utf8: Bool, term: String?, ascii: Bool) {
        #expect(AsciiFallback.isNeeded(asked: asked, localeIsUTF8: utf8, term: term) == ascii)
    }

    @Test("any grid becomes all ASCII, of the same size, with ASCII cells kept and a wide character's right half blank (seeded)")
    func property() {
        var rng = SystemRandomNumberGenerator()
        let pool: [String] = ["a", "Z", " ", "▶", "(•)", "日本", "👨‍👩‍👧", "é", "│─┌┐", "↓ 1 / 9", "\u{2400}", "ĳ", "—"]
        for _ in 0..<200 {
            var g = Grid(size: Size(cols: Int.random(in: 1...30, using: &rng), rows: Int.random(in: 1...5, using: &rng)))
            for _ in 0..<10 {
                g.put(pool.randomElement(using: &rng)!, x: Int.random(in: 0..<g.size.cols, using: &rng), y: Int.random(in: 0..<g.size.rows, using: &rng))
            }
            let a = AsciiFallback.ascii(g)
            #expect(a.size == g.size)
            for y in 0..<g.size.rows {
                for x in 0..<g.size.cols {
                    #expect(a[x, y].text.utf8.count == 1 && a[x, y].text.utf8.first! < 0x80, "\(a[x, y].text)")
                    #expect(a[x, y].role == g[x, y].role)
                    if g[x, y].text.utf8.allSatisfy({ $0 < 0x80 }) && !g[x, y].text.isEmpty { #expect(a[x, y].text == g[x, y].text) }
                }
            }
        }
    }

    @Test("a field's extent shows without underline: its empty cells as '_', nothing a screen reader reads as punctuation")
    func brackets() {
        var g = Grid(size: Size(cols: 20, rows: 1))
        g.put("Naam:", x: 0, y: 0)
        g.fill(Rect(x: 7, y: 0, width: 8, height: 1), role: .input)
        g.put("Anna", x: 7, y: 0, role: .input)
        let b = AsciiFallback.bracketFields(g)
        #expect(b.lines[0] == "Naam:  Anna____     ")
        // (Fenrir read "[Anna....]" as "left bracket Anna 4 dot".)
        #expect(!b.lines[0].contains("[") && !b.lines[0].contains("."))
        var edge = Grid(size: Size(cols: 4, rows: 1))
        edge.fill(Rect(x: 0, y: 0, width: 4, height: 1), role: .input)
        #expect(AsciiFallback.bracketFields(edge).lines[0] == "____")
    }
}
