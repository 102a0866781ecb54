import Foundation

/// The screen for a terminal without UTF-8 (a locale without it, or `--ascii`) and for one
/// without underline: every mark keeps a visible ASCII stand-in, so focus and
/// structure never rest on colour alone.
public enum AsciiFallback {
    /// Stand-ins for the marks the screens draw; other text is written without its accents, or "?".
    /// Chosen so a screen reader does not read decoration aloud: Fenrir at its
    /// default punctuation level ("some") says "dash" for "-" and "plus" for "+", so a box is drawn
    /// with "_" and "|" (silent in Fenrir up to "most" and in espeak-ng) and blank corners, not
    /// "+-----+". The message line's "»" becomes "|", not ">": ">" already stands in for the
    /// focus marker "▌", and the two must differ. `FullScreenGlyphTests` holds the measurements.
    static let marks: [String: String] = [
        "▌": ">", "▶": ">", "◀": "<", "‹": "<", "›": ">", "»": "|", "•": "*", "·": "|", "—": "-", "–": "-",
        "─": "_", "│": "|", "┌": " ", "┐": " ", "└": "|", "┘": "|", "↓": "v", "↑": "^", "←": "<", "→": ">", "…": ".",
        "×": "x", "≤": "<", "≥": ">", "⏎": "~", "ĳ": "y", "Ĳ": "Y", "ß": "s", "€": "E", "‘": "'", "’": "'", "“": "\"", "”": "\"",
    ]

    /// Terminal types (TERM, before any "-variant") that show only ASCII whatever the locale says:
    /// the DEC VT family and the bare "ansi"/"dumb" types draw "▌" or "…" as rubbish. The Linux
    /// console ("linux") is not among them: in UTF-8 mode its default font has the box rules,
    /// blocks, arrows and accented letters the screens use, and Fenrir reads it as text.
    static let asciiTerminals: Set<String> = ["dumb", "ansi", "pcansi", "cons25", "vt52", "vt100", "vt102", "vt125", "vt131", "vt132",
                                              "vt200", "vt220", "vt240", "vt300", "vt320", "vt330", "vt340", "vt400", "vt420", "vt510", "vt520", "vt525"]

    /// True when the screen must be drawn in ASCII: asked for (`--ascii`), a locale without
    /// UTF-8, or a terminal type that cannot show more than ASCII even with a UTF-8 locale.
    public static func isNeeded(asked: Bool, localeIsUTF8: Bool, term: String?) -> Bool {
        if asked || !localeIsUTF8 { return true }
        let base = (term ?? "").lowercased().split(separator: "-", maxSplits: 1).first.map(String.init) ?? ""
        return asciiTerminals.contains(base)
    }

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

    /// `grid` with every input field's extent visible without underline: its empty cells as "_",
    /// an underline drawn in text. Not "[....]": a console screen reader (Fenrir) read that as
    /// "left bracket, 26 dot" at every field; it passes "_" over at its usual
    /// punctuation level.
    public static func bracketFields(_ grid: Grid) -> Grid {
        var g = grid
        for y in 0..<g.size.rows {
            for x in 0..<g.size.cols where g[x, y].role == .input && g[x, y].text == " " { g[x, y].text = "_" }
        }
        return g
    }
}
