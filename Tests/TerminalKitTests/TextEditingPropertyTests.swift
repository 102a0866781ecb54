import Foundation
import Testing
@testable import TerminalKit

/// A small seeded generator, so a failing sequence can be replayed from its seed.
struct Seeded: RandomNumberGenerator {
    var state: UInt64
    init(_ seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The reference model: a plain array of graphemes and an index, edited the obvious way and
/// re-segmented as `String` would segment it.
struct ReferenceText {
    var chars: [Character] = []
    var cursor = 0
    let limit: Int
    let multiline: Bool

    private mutating func set(_ before: String, _ after: String, cursorAfter prefix: String) -> Bool {
        let new = Array(before + after)
        if new.count > limit && new.count > chars.count { return false }
        chars = new
        cursor = min(Array(prefix).count, chars.count)
        return true
    }

    mutating func insert(_ s: String) {
        let before = String(chars[..<cursor]) + s
        _ = set(before, String(chars[cursor...]), cursorAfter: before)
    }

    mutating func remove(_ r: Range<Int>) {
        let before = String(chars[..<r.lowerBound])
        _ = set(before, String(chars[r.upperBound...]), cursorAfter: before)
    }

    func lineStart() -> Int { var i = cursor; while i > 0 && chars[i - 1] != "\n" { i -= 1 }; return i }
    func lineEnd() -> Int { var i = cursor; while i < chars.count && chars[i] != "\n" { i += 1 }; return i }

    mutating func apply(_ key: Key) {
        switch key {
        case .char(let c):
            if c.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F && !(0x80...0x9F).contains($0.value) }) { insert(String(c)) }
        case .enter where multiline: insert("\n")
        case .backspace: if cursor > 0 { remove((cursor - 1)..<cursor) }
        case .delete: if cursor < chars.count { remove(cursor..<(cursor + 1)) }
        case .left: cursor = max(cursor - 1, 0)
        case .right: cursor = min(cursor + 1, chars.count)
        case .home, .ctrl("a"): cursor = multiline ? lineStart() : 0
        case .end, .ctrl("e"): cursor = multiline ? lineEnd() : chars.count
        case .ctrl("u"):
            let s = lineStart()
            if s == cursor, cursor > 0, multiline { remove((cursor - 1)..<cursor) } else { remove(s..<cursor) }
        case .ctrl("k"):
            let e = lineEnd()
            remove(cursor..<(e == cursor && e < chars.count ? e + 1 : e))
        case .ctrl("w"):
            var i = cursor
            while i > 0 && chars[i - 1].isWhitespace && chars[i - 1] != "\n" { i -= 1 }
            while i > 0 && !chars[i - 1].isWhitespace { i -= 1 }
            if i == cursor, i > 0 { i -= 1 }
            remove(i..<cursor)
        default: break
        }
    }
}

/// Random edits against the reference model: the text, the cursor and the cell the hardware
/// cursor sits on always agree, whatever is typed (accents, wide letters, emoji ZWJ sequences,
/// flags, control characters, pastes).
@Suite struct TextEditingPropertyTests {
    /// What a person (or a paste) may type, including what used to crash the field.
    static let alphabet: [Character] = [
        "a", "b", "k", " ", "ë", "ĳ", "日", "本", "👍", "✌", "@", ".", "-", "1",
        "\u{301}", "\u{308}", "\u{FE0F}", "\u{200D}", "👨", "👩", "🇳", "🇱", "\u{1B}", "\u{9B}", "\u{7F}", "\u{200B}",
    ]
    static let fieldKeys: [Key] = [.backspace, .backspace, .delete, .left, .left, .right, .home, .end, .ctrl("a"), .ctrl("e"),
                                   .ctrl("u"), .ctrl("w"), .ctrl("k")]

    static func randomKey(_ rng: inout Seeded, multiline: Bool) -> Key {
        let r = Int.random(in: 0..<100, using: &rng)
        if r < 55 { return .char(alphabet.randomElement(using: &rng)!) }
        if multiline && r < 65 { return .enter }
        if multiline && r < 75 { return [.up, .down, .pageUp, .pageDown].randomElement(using: &rng)! }
        return fieldKeys.randomElement(using: &rng)!
    }

    /// Checks that the hardware cursor is inside the field and on the cell of the grapheme after it.
    static func checkCursorCell(_ g: Grid, chars: [Character], cursor: Int, x: Int, width: Int, seed: UInt64, step: Int) {
        guard let c = g.cursor else { Issue.record("no cursor (seed \(seed), step \(step))"); return }
        #expect(c.x >= x && c.x < x + width, "cursor outside the field (seed \(seed), step \(step))")
        if cursor < chars.count, chars[cursor] != "\n", TextWidth.width(chars[cursor]) > 0, c.x + TextWidth.width(chars[cursor]) <= x + width {
            #expect(g[c.x, c.y].text == Grapheme.cellText(chars[cursor]), "cursor on the wrong cell (seed \(seed), step \(step))")
        }
    }

    @Test("a text field matches the model over thousands of random edits", arguments: [UInt64(1), 2, 3, 4, 5, 6, 7, 8])
    func textField(seed: UInt64) {
        var rng = Seeded(seed)
        let limit = Int.random(in: 3...40, using: &rng)
        var field = TextField(limit: limit)
        var model = ReferenceText(limit: limit, multiline: false)
        let width = Int.random(in: 1...12, using: &rng)
        for step in 0..<1500 {
            let key = Self.randomKey(&rng, multiline: false)
            _ = field.handle(key)
            model.apply(key)
            #expect(field.buffer.chars == model.chars, "text differs (seed \(seed), step \(step), key \(key))")
            #expect(field.cursor == model.cursor, "cursor differs (seed \(seed), step \(step), key \(key))")
            #expect(Array(field.text) == field.buffer.chars, "not segmented as String segments it")
            #expect(field.cursor >= 0 && field.cursor <= field.text.count)
            var g = Grid(size: Size(cols: width + 4, rows: 1))
            field.render(into: &g, x: 2, y: 0, width: width, focused: true)
            Self.checkCursorCell(g, chars: field.buffer.chars, cursor: field.cursor, x: 2, width: width, seed: seed, step: step)
            if field.buffer.chars != model.chars || field.cursor != model.cursor { return }
        }
    }

    @Test("a text area matches the model, and ↑/↓ land on the line above or below", arguments: [UInt64(11), 12, 13, 14, 15, 16])
    func textArea(seed: UInt64) {
        var rng = Seeded(seed)
        let limit = Int.random(in: 10...120, using: &rng)
        let width = Int.random(in: 2...16, using: &rng)
        var area = TextArea(limit: limit, rows: Int.random(in: 1...4, using: &rng))
        var model = ReferenceText(limit: limit, multiline: true)
        for step in 0..<1500 {
            let key = Self.randomKey(&rng, multiline: true)
            let before = area.cursorPosition(width: width)
            let used = area.handle(key, width: width)
            switch key {
            case .up, .down, .pageUp, .pageDown:
                // The model has no layout: take the area's cursor, but check where it went.
                let after = area.cursorPosition(width: width)
                if key == .up { #expect(used ? after.line == before.line - 1 : before.line == 0, "seed \(seed), step \(step)") }
                if key == .down { #expect(used ? after.line == before.line + 1 : after.line == before.line, "seed \(seed), step \(step)") }
                if used && (key == .up || key == .down) { #expect(after.column <= before.column, "seed \(seed), step \(step)") }
                model.cursor = area.cursor
            default:
                model.apply(key)
            }
            #expect(area.buffer.chars == model.chars, "text differs (seed \(seed), step \(step), key \(key))")
            #expect(area.cursor == model.cursor, "cursor differs (seed \(seed), step \(step), key \(key))")
            let lines = area.lines(width: width)
            // The shown lines cover the text exactly, in order, without the line breaks.
            var joined: [Character] = []
            for (n, l) in lines.enumerated() {
                joined += area.buffer.chars[l.start..<l.end]
                if l.endsParagraph && n < lines.count - 1 { joined.append("\n") }
                #expect(l.start == l.end || area.buffer.chars[l.start..<l.end].reduce(0) { $0 + TextWidth.width($1) } <= max(width - 1, TextWidth.width(area.buffer.chars[l.start])), "a line is too wide (seed \(seed), step \(step))")
            }
            #expect(joined == area.buffer.chars, "lines do not cover the text (seed \(seed), step \(step))")
            var g = Grid(size: Size(cols: width + 2, rows: area.rows + 2))
            area.render(into: &g, x: 1, y: 0, width: width, focused: true)
            if let c = g.cursor { #expect(c.y >= 0 && c.y < area.rows, "cursor row outside the area (seed \(seed), step \(step))") }
            Self.checkCursorCell(g, chars: area.buffer.chars, cursor: area.cursor, x: 1, width: width, seed: seed, step: step)
            if area.buffer.chars != model.chars || area.cursor != model.cursor { return }
        }
    }

    // Named regressions: inputs that once broke editing.

    @Test("regression: Backspace after one letter in the search line does not crash") func backspaceAfterOneLetter() {
        var f = TextField(limit: 100)
        _ = f.handle(.char("k"))
        _ = f.handle(.backspace)
        #expect(f.text == "" && f.cursor == 0)
        var g = Grid(size: Size(cols: 10, rows: 1))
        f.render(into: &g, x: 0, y: 0, width: 10, focused: true)
        #expect(g.cursor?.x == 0)
    }

    @Test("regression: abc, Backspace, X gives abX") func backspaceMovesOnePlace() {
        var f = TextField()
        for k: Key in [.char("a"), .char("b"), .char("c"), .backspace, .char("X")] { _ = f.handle(k) }
        #expect(f.text == "abX")
    }

    @Test("regression: clearing a wrong address with Backspace and typing the right one") func retypeAddress() {
        var f = TextField("jan-at-example")
        for _ in 0..<14 { _ = f.handle(.backspace) }
        for c in "jan@example.org" { _ = f.handle(.char(c)) }
        #expect(f.text == "jan@example.org")
    }

    @Test("regression: a combining accent or emoji variation selector after a letter", arguments: [("e", "\u{301}", "é"), ("✌", "\u{FE0F}", "✌️")])
    func combining(base: String, mark: String, result: String) {
        var f = TextField()
        _ = f.handle(.char(Character(base)))
        _ = f.handle(.char(Character(mark)))
        #expect(f.text == result.precomposedStringWithCanonicalMapping || f.text == base + mark)
        #expect(f.cursor == 1)
        var g = Grid(size: Size(cols: 10, rows: 1))
        f.render(into: &g, x: 0, y: 0, width: 10, focused: true)
        #expect(g.cursor != nil)
        _ = f.handle(.backspace)
        #expect(f.text.isEmpty)
    }

    @Test("a paste of several lines keeps them in an area and joins them in a line") func paste() {
        var a = TextArea(limit: 100)
        a.paste("een\r\ntwee\ndrie")
        #expect(a.text == "een\ntwee\ndrie")
        var f = TextField(limit: 100)
        f.paste("een\ntwee")
        #expect(f.text == "een twee")
        var small = TextArea(limit: 5)
        let accepted = small.paste("123456")
        #expect(!accepted)
        #expect(small.text.isEmpty, "a paste past the limit changes nothing")
    }

    @Test("the counter shows what is used of the limit") func counter() {
        var g = Grid(size: Size(cols: 20, rows: 3))
        TextArea("hallo", limit: 2000, rows: 2).render(into: &g, x: 0, y: 0, width: 20, focused: false)
        #expect(g.lines[2].hasSuffix("5/2000"))
    }
}
