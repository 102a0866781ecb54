import Foundation

/// The screen for a terminal without UTF-8 (a locale without it, or `--ascii`) and for one
/// without underline (issue 15, part 2): every mark keeps a visible ASCII stand-in, so focus and
/// structure never rest on colour alone.
public enum AsciiFallback {
    /// Stand-ins for the marks the screens draw; other text is written without its accents, or "?".
    static let marks: [String: String] = [
        "▶": ">", "◀": "<", "›": ">", "»": ">", "•": "*", "·": "-", "—": "-", "–": "-", "─": "-", "│": "|",
        "┌": "+", "┐": "+", "└": "+", "┘": "+", "↓": "v", "↑": "^", "←": "<", "→": ">", "…": ".", "×": "x",
        "≤": "<", "≥": ">", "⏎": "~", "ĳ": "y", "Ĳ": "Y", "ß": "s", "€": "E", "‘": "'", "’": "'", "“": "\"", "”": "\"",
    ]

    /// One cell's text in ASCII.
    public static func ascii(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        if let mark = marks[text] { return mark }
        // A control picture (␛ for ESC, from the sanitiser) stays visible as "^".
        if let s = text.unicodeScalars.first, (0x2400...0x2421).contains(s.value) { return "^" }
        let plain = text.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
        if plain.count == 1, plain.utf8.count == 1 { return plain }
        return "?"
    }

    /// `grid` with every cell in ASCII: a wide grapheme becomes "?" and its right half a space.
    public static func ascii(_ grid: Grid) -> Grid {
        var g = grid
        for y in 0..<g.size.rows {
            for x in 0..<g.size.cols {
                var cell = g[x, y]
                if cell.text.isEmpty { cell.text = " " } else { cell.text = ascii(cell.text) }
                g[x, y] = cell
            }
        }
        return g
    }

    /// `grid` with every input field's extent visible without underline: its empty cells as "."
    /// and, where the cell before or after it is blank, "[" and "]" around it.
    public static func bracketFields(_ grid: Grid) -> Grid {
        var g = grid
        for y in 0..<g.size.rows {
            var x = 0
            while x < g.size.cols {
                guard g[x, y].role == .input else { x += 1; continue }
                let start = x
                while x < g.size.cols, g[x, y].role == .input { x += 1 }
                for i in start..<x where g[i, y].text == " " { g[i, y].text = "." }
                if start > 0, g[start - 1, y].text == " " { g[start - 1, y] = Cell(text: "[", role: .normal) }
                if x < g.size.cols, g[x, y].text == " " { g[x, y] = Cell(text: "]", role: .normal) }
            }
        }
        return g
    }
}
