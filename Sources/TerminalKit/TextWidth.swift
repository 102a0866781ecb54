/// Display width of text in terminal cells, measured per grapheme (user-perceived character).
///
/// Own tables rather than the C library's `wcwidth`, which depends on the process locale and
/// would make golden screens differ between machines.
public enum TextWidth {
    /// Cells taken by one grapheme as `Grid.put` draws it (see `Grapheme.kind`): 0 for controls
    /// and format characters, 2 for wide (CJK, emoji), else 1 (a stand-in included).
    public static func width(_ c: Character) -> Int {
        // Printable ASCII first: most of every frame, and the Unicode property tables below were
        // a tenth of a frame's time.
        if let a = c.asciiValue { return a >= 0x20 && a < 0x7F ? 1 : 0 }
        return Grapheme.width(Grapheme.kind(c))
    }

    /// Cells taken by a string.
    public static func width(_ s: String) -> Int {
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return s.utf8.count }
        return s.reduce(0) { $0 + width($1) }
    }

    /// The longest prefix of `s` that fits in `cells`, with "…" when it was cut (and there is room).
    public static func truncate(_ s: String, to cells: Int, ellipsis: Bool = true) -> String {
        guard cells > 0 else { return "" }
        if width(s) <= cells { return s }
        var out = ""
        var used = 0
        let limit = ellipsis ? cells - 1 : cells
        for c in s {
            let w = width(c)
            if used + w > limit { break }
            out.append(c)
            used += w
        }
        return ellipsis ? out + "…" : out
    }

    /// `s` fitted to `cells` as a person shortens a line: whole when it fits; else cut after
    /// the last whole word that fits, with "…", keeping a closing count ("Buren (3)" stays
    /// "…(3)") so the number is never what goes; a first word too long for the room is cut
    /// with "…". Never cut inside a word without saying so.
    public static func shorten(_ s: String, to cells: Int) -> String {
        guard cells > 0 else { return "" }
        if width(s) <= cells { return s }
        var body = s, tail = ""
        // A closing count in parentheses ("(12)", "(3, 1 nieuw)") is kept when it is short.
        if s.hasSuffix(")"), let open = s.lastIndex(of: "("), open > s.startIndex,
           s[s.index(after: open)].isNumber, s[s.index(before: open)] == " " {
            let count = String(s[s.index(before: open)...])
            if width(count) * 3 <= cells { body = String(s[..<s.index(before: open)]); tail = count }
        }
        let room = cells - width(tail) - 1
        var out = ""
        var used = 0
        for word in body.split(separator: " ", omittingEmptySubsequences: false) {
            let w = width(String(word)) + (out.isEmpty ? 0 : 1)
            if used + w > room { break }
            out += (out.isEmpty ? "" : " ") + word
            used += w
        }
        // Not even the first word: cut it, saying so.
        if out.trimmingCharacters(in: .whitespaces).isEmpty { return truncate(body, to: cells - width(tail)) + tail }
        // A word ending in punctuation that joins it to the next ("·", ",") reads better without it.
        while let last = out.last, last == " " || last == "·" || last == "," || last == ":" { out.removeLast() }
        return out + "…" + tail
    }

    /// `s` padded with spaces (or truncated) to exactly `cells`.
    public static func pad(_ s: String, to cells: Int) -> String {
        let t = truncate(s, to: cells)
        return t + String(repeating: " ", count: max(cells - width(t), 0))
    }

    /// Splits text into lines of at most `cells`, breaking at spaces where possible.
    public static func wrap(_ text: String, to cells: Int) -> [String] {
        guard cells > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                var w = String(word)
                var ww = width(w)
                if lineWidth > 0 && lineWidth + 1 + ww > cells {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                var endsInStandIn = false
                while ww > cells {
                    // A word longer than the line is cut hard, between graphemes.
                    let head = truncate(w, to: cells - lineWidth - (lineWidth > 0 ? 1 : 0), ellipsis: false)
                    if head.isEmpty && lineWidth > 0 { lines.append(line); line = ""; lineWidth = 0; continue }
                    if head.isEmpty {
                        // A grapheme wider than the whole line (a wide one in one cell) never fits:
                        // its stand-in takes the line (this looped for ever, adding empty lines).
                        w = String(w.dropFirst())
                        ww = width(w)
                        if w.isEmpty { line = Grapheme.standIn; lineWidth = 1; endsInStandIn = true; break }
                        lines.append(Grapheme.standIn)
                        continue
                    }
                    line += (lineWidth > 0 ? " " : "") + head
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                    w = String(w.dropFirst(head.count))
                    ww = width(w)
                }
                if endsInStandIn { continue }
                if lineWidth > 0 { line += " "; lineWidth += 1 }
                line += w
                lineWidth += ww
            }
            lines.append(line)
        }
        return lines
    }

    /// East Asian wide and fullwidth letters and the emoji blocks drawn two cells wide.
    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
