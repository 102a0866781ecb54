import Foundation
import Testing
@testable import TerminalKit

/// Issue 15, part 2: ASCII stand-ins where UTF-8 is not available, brackets where underline is not.
@Suite struct AsciiFallbackTests {
    @Test("the screens' marks have their stand-ins", arguments: [("▶", ">"), ("•", "*"), ("—", "-"), ("│", "|"), ("─", "-"), ("↓", "v"), ("↑", "^"),
                                                                 ("┌", "+"), ("é", "e"), ("ë", "e"), ("␛", "^"), ("a", "a"), ("日", "?")])
    func marks(text: String, ascii: String) {
        #expect(AsciiFallback.ascii(text) == ascii)
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

    @Test("a field's extent shows without underline: dots inside, brackets on the blank cells beside it")
    func brackets() {
        var g = Grid(size: Size(cols: 20, rows: 1))
        g.put("Naam:", x: 0, y: 0)
        g.fill(Rect(x: 7, y: 0, width: 8, height: 1), role: .input)
        g.put("Anna", x: 7, y: 0, role: .input)
        let b = AsciiFallback.bracketFields(g)
        #expect(b.lines[0] == "Naam: [Anna....]    ")
        // A field at the screen's edge is not bracketed past it.
        var edge = Grid(size: Size(cols: 4, rows: 1))
        edge.fill(Rect(x: 0, y: 0, width: 4, height: 1), role: .input)
        #expect(AsciiFallback.bracketFields(edge).lines[0] == "....")
    }
}
