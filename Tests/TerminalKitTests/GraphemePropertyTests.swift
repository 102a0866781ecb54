import Testing
@testable import TerminalKit

/// Graphemes are drawn whole or as a visible stand-in, never in parts: at a
/// field's edge, in a list row, in wrapped text and at the terminal.
@Suite struct GraphemePropertyTests {
    /// A piece of generated text, with what the reference model expects of it: for each grapheme
    /// it segments into, the text its cell holds and the cells it takes. Pieces are chosen so
    /// that no piece joins its neighbours, whatever the order (a lone flag half ends with "-").
    struct Piece {
        var text: String
        var cells: [(text: String, width: Int)]
    }

    static let pieces: [Piece] = [
        Piece(text: "a", cells: [("a", 1)]), Piece(text: " ", cells: [(" ", 1)]), Piece(text: "Z", cells: [("Z", 1)]),
        Piece(text: "7", cells: [("7", 1)]),
        // Combining marks on their letter.
        Piece(text: "e\u{301}", cells: [("e\u{301}", 1)]), Piece(text: "a\u{308}\u{304}", cells: [("a\u{308}\u{304}", 1)]),
        Piece(text: "o\u{302}\u{323}", cells: [("o\u{302}\u{323}", 1)]),
        // Skin tones.
        Piece(text: "👍🏽", cells: [("👍🏽", 2)]), Piece(text: "👋🏿", cells: [("👋🏿", 2)]),
        // ZWJ sequences, with skin tones and variation selectors inside.
        Piece(text: "👩🏽‍⚕️", cells: [("👩🏽‍⚕️", 2)]), Piece(text: "👨‍👩‍👧‍👦", cells: [("👨‍👩‍👧‍👦", 2)]),
        Piece(text: "🏳️‍🌈", cells: [("🏳️‍🌈", 2)]), Piece(text: "❤️‍🔥", cells: [("❤️‍🔥", 2)]),
        Piece(text: "🧑🏾‍🤝‍🧑🏻", cells: [("🧑🏾‍🤝‍🧑🏻", 2)]),
        // Flags: regional indicator pairs and a tag sequence.
        Piece(text: "🇳🇱", cells: [("🇳🇱", 2)]), Piece(text: "🇧🇪", cells: [("🇧🇪", 2)]),
        Piece(text: "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}", cells: [("🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}", 2)]),
        Piece(text: "1️⃣", cells: [("1️⃣", 2)]), Piece(text: "✌️", cells: [("✌️", 2)]),
        // Wide CJK and Hangul.
        Piece(text: "日", cells: [("日", 2)]), Piece(text: "본", cells: [("본", 2)]),
        // Fragments: half a flag, a joiner with nothing after it, an invisible format character.
        Piece(text: "🇳-", cells: [(Grapheme.standIn, 1), ("-", 1)]),
        Piece(text: "👩\u{200D}x", cells: [("👩", 2), ("x", 1)]),
        Piece(text: "b\u{200D}", cells: [("b", 1)]),
        Piece(text: "\u{200B}", cells: []),
    ]

    /// Pieces that are fragments only at the very start of a text (after a letter they would join it).
    static let openings: [Piece] = [
        Piece(text: "\u{301}", cells: [("\u{25CC}\u{301}", 1)]), Piece(text: "\u{200D}", cells: []),
        Piece(text: "\u{FE0F}", cells: []), Piece(text: "\u{301}\u{FE0F}\u{308}", cells: [("\u{25CC}\u{301}\u{308}", 1)]),
    ]

    /// A generated text and the cells the reference model expects of its graphemes.
    static func generate(_ rng: inout Seeded) -> (text: String, cells: [(text: String, width: Int)], graphemes: Int) {
        var chosen: [Piece] = []
        if Int.random(in: 0..<4, using: &rng) == 0 { chosen.append(openings.randomElement(using: &rng)!) }
        for _ in 0..<Int.random(in: 0...14, using: &rng) { chosen.append(pieces.randomElement(using: &rng)!) }
        let text = chosen.map(\.text).joined()
        let graphemes = chosen.reduce(0) { n, p in n + Array(p.text).count }
        return (text, chosen.flatMap(\.cells).filter { $0.width > 0 }, graphemes)
    }

    /// The reference model of drawing in `width` cells: whole graphemes while they fit, then the
    /// stand-in in a cell left over. Cells as texts, "" for the right half of a wide one.
    static func reference(_ cells: [(text: String, width: Int)], width: Int) -> [String] {
        var out: [String] = []
        for c in cells {
            if out.count + c.width > width {
                if out.count < width { out.append(Grapheme.standIn) }
                break
            }
            out.append(c.text)
            if c.width == 2 { out.append("") }
        }
        return out
    }

    /// What no drawn cell may hold: a grapheme starting with a mark, joiner or variation selector
    /// (one left without its letter), ending in a joiner, half a flag, or more than one grapheme.
    static func brokenCell(_ text: String) -> String? {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return nil }
        if text.count != 1 { return "more than one grapheme" }
        if [.nonspacingMark, .enclosingMark, .format, .control].contains(first.properties.generalCategory) { return "starts with \(first.properties.generalCategory)" }
        if last.value == 0x200D { return "ends with a joiner" }
        if text.unicodeScalars.count == 1, (0x1F1E6...0x1F1FF).contains(first.value) { return "half a flag" }
        return nil
    }

    @Test("the generator's pieces segment as the model says, in any order")
    func generatorIsSound() {
        var rng = Seeded(99)
        for _ in 0..<500 {
            let (text, _, graphemes) = Self.generate(&rng)
            #expect(Array(text).count == graphemes, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test("any text put in any width is the reference model's cells: whole graphemes, then at most the stand-in",
          arguments: [UInt64(1), 2, 3, 4, 5, 6])
    func putMatchesReference(seed: UInt64) {
        var rng = Seeded(seed)
        for step in 0..<400 {
            let (text, cells, _) = Self.generate(&rng)
            let width = Int.random(in: 1...24, using: &rng)
            var g = Grid(size: Size(cols: 30, rows: 2))
            for x in 0..<30 { g[x, 0] = Cell(text: "#", role: .normal); g[x, 1] = Cell(text: "#", role: .normal) }
            let used = g.put(text, x: 0, y: 0, maxWidth: width)
            let expected = Self.reference(cells, width: width)
            let drawn = (0..<used).map { g[$0, 0].text }
            #expect(drawn.map { Array($0.unicodeScalars) } == expected.map { Array($0.unicodeScalars) }, "seed \(seed), step \(step), width \(width): \(text.debugDescription)")
            #expect(used <= width && used == expected.count)
            #expect((used..<30).allSatisfy { g[$0, 0].text == "#" } && (0..<30).allSatisfy { g[$0, 1].text == "#" }, "nothing past the width, nothing on the next row")
            for (x, t) in drawn.enumerated() {
                if let why = Self.brokenCell(t) { Issue.record("cell \(x) \(why): \(t.debugDescription) (seed \(seed), step \(step))") }
                if t.isEmpty { #expect(x > 0 && TextWidth.width(drawn[x - 1]) == 2, "a right half only after a wide grapheme") }
            }
            // The model's widths are the widths TextWidth counts: layouts measure what is drawn.
            #expect(TextWidth.width(text) == cells.reduce(0) { $0 + $1.width })
        }
    }

    @Test("truncating keeps whole graphemes of the text, then the ellipsis, within the width", arguments: [UInt64(7), 8, 9])
    func truncate(seed: UInt64) {
        var rng = Seeded(seed)
        for _ in 0..<400 {
            let (text, _, _) = Self.generate(&rng)
            let width = Int.random(in: 1...20, using: &rng)
            let cut = TextWidth.truncate(text, to: width)
            #expect(TextWidth.width(cut) <= width)
            let kept = cut.hasSuffix("…") && !text.hasSuffix("…") ? Array(cut.dropLast()) : Array(cut)
            #expect(Array(text).starts(with: kept), "\(text.debugDescription) → \(cut.debugDescription)")
        }
    }

    @Test("wrapping keeps every line within the width and every grapheme whole, even a wide one in one cell", arguments: [UInt64(10), 11, 12])
    func wrap(seed: UInt64) {
        var rng = Seeded(seed)
        for _ in 0..<300 {
            let (text, _, _) = Self.generate(&rng)
            let width = Int.random(in: 1...16, using: &rng)
            let graphemes = Set(Array(text).map(String.init) + [Grapheme.standIn, " "])
            for line in TextWidth.wrap(text, to: width) {
                #expect(TextWidth.width(line) <= width, "\(text.debugDescription) in \(width)")
                #expect(Array(line).allSatisfy { graphemes.contains(String($0)) }, "\(line.debugDescription) from \(text.debugDescription)")
            }
        }
    }

    @Test("a text field scrolled anywhere draws whole graphemes inside its width and nothing past it", arguments: [UInt64(13), 14, 15])
    func textField(seed: UInt64) {
        var rng = Seeded(seed)
        for step in 0..<300 {
            let (text, _, _) = Self.generate(&rng)
            let width = Int.random(in: 1...12, using: &rng)
            var field = TextField(text, limit: 500)
            for _ in 0..<Int.random(in: 0...6, using: &rng) { _ = field.handle(.left) }
            var g = Grid(size: Size(cols: width + 2, rows: 2))
            field.render(into: &g, x: 1, y: 0, width: width, focused: true)
            #expect(g[0, 0].text == " " && g[width + 1, 0].text == " " && (0..<width + 2).allSatisfy { g[$0, 1].text == " " })
            for x in 1...width {
                if let why = Self.brokenCell(g[x, 0].text) { Issue.record("cell \(x) \(why) (seed \(seed), step \(step)): \(text.debugDescription)") }
            }
        }
    }

    /// Graphemes and what a terminal with five scalars a cell (ncurses) is sent for them.
    static let terminalCases: [(String, String, [String])] = [
        ("regression: 👩🏽‍⚕️ (five scalars) whole, not 👩", "👩🏽‍⚕️", ["👩🏽‍⚕️"]),
        ("a letter", "a", ["a"]),
        ("a letter with two accents", "a\u{308}\u{304}", ["a\u{308}\u{304}"]),
        ("a flag", "🇳🇱", ["🇳🇱"]),
        ("regression: 👨‍👩‍👧‍👦 (seven) the stand-in and a blank, not 👨 and a lone joiner", "👨‍👩‍👧‍👦", [Grapheme.standIn, " "]),
        ("Scotland's flag (seven) likewise", "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}", [Grapheme.standIn, " "]),
        ("a letter under six marks: the stand-in in its one cell", "e\u{301}\u{302}\u{303}\u{304}\u{305}", [Grapheme.standIn]),
        ("the right half of a wide grapheme: nothing", "", []),
    ]

    @Test("what is sent to the terminal for a cell: the grapheme whole, or a stand-in of its width", arguments: terminalCases)
    func terminalCells(_ why: String, text: String, sent: [String]) {
        let cells = Grapheme.terminalCells(text, capacity: 5)
        #expect(cells.map { String(String.UnicodeScalarView($0)) }.map { Array($0.unicodeScalars) } == sent.map { Array($0.unicodeScalars) }, "\(why)")
        // A whole grapheme goes in its first cell (the terminal fills its right half); a stand-in
        // is narrower, so a wide grapheme's right half is sent a blank.
        let standsIn = cells.first.map { String(String.UnicodeScalarView($0)) } == Grapheme.standIn
        #expect(cells.count == (text.isEmpty ? 0 : standsIn ? TextWidth.width(text) : 1), "\(why)")
    }

    @Test("every generated grapheme is sent whole or as a stand-in of its width, never a part", arguments: [UInt64(16), 17])
    func terminalCellsProperty(seed: UInt64) {
        var rng = Seeded(seed)
        for _ in 0..<300 {
            let (text, _, _) = Self.generate(&rng)
            for c in text where TextWidth.width(c) > 0 {
                let cellText = Grapheme.cellText(c)
                let cells = Grapheme.terminalCells(cellText, capacity: 5)
                let first = String(String.UnicodeScalarView(cells[0]))
                #expect(cells.count == (first == Grapheme.standIn ? TextWidth.width(c) : 1))
                #expect(first.unicodeScalars.elementsEqual(cellText.unicodeScalars) || first == Grapheme.standIn)
                #expect(Self.brokenCell(first) == nil)
            }
        }
    }

    @Test("regression: a ZWJ emoji at a field's edge is the stand-in there, and nothing is drawn on the next row")
    func zwjAtFieldEdge() {
        for emoji in ["👩🏽‍⚕️", "👨‍👩‍👧‍👦", "🏳️‍🌈"] {
            var field = TextField("abcd" + emoji + "ef", limit: 50)
            _ = field.handle(.home)
            var g = Grid(size: Size(cols: 7, rows: 2))
            field.render(into: &g, x: 0, y: 0, width: 5, focused: false)
            #expect(g.lines[0] == "abcd…  ", "\(emoji)")
            #expect(g.lines[1] == "       ")
            #expect(!g.cells.contains { $0.text.unicodeScalars.contains { $0.value == 0x200D } })
        }
    }

    @Test("regression: 👩🏽‍⚕️ in a list row is drawn whole, in two cells, with the row's width kept")
    func zwjInListRow() {
        var g = Grid(size: Size(cols: 12, rows: 1))
        let used = g.put("▶ 👩🏽‍⚕️ Anna", x: 0, y: 0, maxWidth: 12)
        #expect(used == 9)
        #expect(g[2, 0].text.unicodeScalars.elementsEqual("👩🏽‍⚕️".unicodeScalars) && g[3, 0].text == "")
        #expect(g.lines[0] == "▶ 👩🏽‍⚕️ Anna   ")
    }

    @Test("regression: wrapping a wide grapheme to one cell ends (it looped for ever) with the stand-in")
    func wrapWideInOneCell() {
        #expect(TextWidth.wrap("日本", to: 1) == [Grapheme.standIn, Grapheme.standIn])
        #expect(TextWidth.wrap("a👩🏽‍⚕️", to: 1) == ["a", Grapheme.standIn])
    }
}
