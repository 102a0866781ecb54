import Foundation

/// Text as the bytes of the PDF standard fonts' `WinAnsiEncoding` (Windows code page 1252):
/// one byte per glyph, every byte one the fonts draw. It holds Dutch and the other western
/// European letters (ë, é, ï, ĳ written as "ij", €); anything else gets a readable fallback
/// (its letter without accent, "-" for a dash, nothing for an emoji, "?" for the rest), so no
/// text can put an undrawable or control byte into a page.
public enum PDFWinAnsi {
    /// The code page's bytes 0x80–0x9F that are not Latin-1's (0x81, 0x8D, 0x8F, 0x90 and 0x9D
    /// are unused).
    static let upper: [UInt32: UInt8] = [
        0x20AC: 0x80, 0x201A: 0x82, 0x0192: 0x83, 0x201E: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87,
        0x02C6: 0x88, 0x2030: 0x89, 0x0160: 0x8A, 0x2039: 0x8B, 0x0152: 0x8C, 0x017D: 0x8E, 0x2018: 0x91,
        0x2019: 0x92, 0x201C: 0x93, 0x201D: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02DC: 0x98,
        0x2122: 0x99, 0x0161: 0x9A, 0x203A: 0x9B, 0x0153: 0x9C, 0x017E: 0x9E, 0x0178: 0x9F,
    ]

    /// Letters and signs outside the code page with a plain spelling that reads the same.
    static let spelled: [UInt32: String] = [
        0x0132: "IJ", 0x0133: "ij", 0x0141: "L", 0x0142: "l", 0x0110: "D", 0x0111: "d", 0x0131: "i",
        0x2010: "-", 0x2011: "-", 0x2012: "-", 0x2015: "-", 0x2212: "-", 0x2264: "<=", 0x2265: ">=",
        0x2192: "->", 0x2190: "<-", 0x2032: "'", 0x2033: "\"", 0x2044: "/", 0x2215: "/",
    ]

    /// The bytes of `text`. Line ends and other spaces become a space; the caller splits lines first.
    public static func encode(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for c in text.precomposedStringWithCanonicalMapping {
            let scalars = c.unicodeScalars
            guard let first = scalars.first else { continue }
            if scalars.count == 1, let b = byte(first) {
                out.append(b)
                continue
            }
            if isPicture(c) { continue }
            if c.isWhitespace || c.isNewline { out.append(0x20); continue }
            if let s = spelled[first.value] { out += s.utf8; continue }
            // A letter with an accent the code page lacks ("ő", "č"), or with a mark of its own
            // after it: its base letter.
            if let base = String(first).decomposedStringWithCanonicalMapping.unicodeScalars.first, let b = byte(base), b > 0x20 {
                out.append(b)
                continue
            }
            // A lone combining mark or a format character draws nothing.
            if [.nonspacingMark, .enclosingMark, .spacingMark, .format].contains(first.properties.generalCategory) { continue }
            out.append(0x3F)  // "?"
        }
        return out
    }

    /// The byte of one scalar when the code page has it (a soft hyphen is nothing to draw).
    static func byte(_ s: Unicode.Scalar) -> UInt8? {
        let v = s.value
        switch v {
        case 0x20...0x7E: return UInt8(v)
        case 0xA0: return 0x20
        case 0xAD: return nil
        case 0xA1...0xFF: return UInt8(v)
        default: return upper[v]
        }
    }

    /// True for an emoji or another picture: left out, as a word around it reads without it.
    static func isPicture(_ c: Character) -> Bool {
        c.unicodeScalars.contains { s in
            let p = s.properties
            return p.isEmojiPresentation || (p.isEmoji && s.value > 0xFF) || p.generalCategory == .otherSymbol && s.value >= 0x2190
                || (0xFE00...0xFE0F).contains(s.value) || (0x1F3FB...0x1F3FF).contains(s.value)
        } && !c.unicodeScalars.contains { s in s.value < 0x80 || upper[s.value] != nil || spelled[s.value] != nil }
    }
}

/// The two fonts a page uses: the standard Helvetica and Helvetica-Bold, which every PDF reader
/// has, so nothing is embedded.
public enum PDFFont: Sendable, Hashable {
    case regular, bold

    /// The font's PostScript name.
    var baseFont: String { self == .regular ? "Helvetica" : "Helvetica-Bold" }

    /// The name the page's resources give it.
    var resource: String { self == .regular ? "F1" : "F2" }

    /// How wide `bytes` (WinAnsi) are at `size` points.
    public func width(_ bytes: some Sequence<UInt8>, size: Double) -> Double {
        let table = self == .regular ? Self.helvetica : Self.helveticaBold
        var units = 0
        for b in bytes where b >= 32 { units += Int(table[Int(b) - 32]) }
        return Double(units) * size / 1000
    }

    /// Glyph widths in thousandths of the size for the bytes 32–255, from Adobe's AFM files of
    /// the standard fonts (Helvetica 003.001); 0 for the bytes the encoding leaves unused.
    static let helvetica: [UInt16] = [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, 0,
        556, 0, 222, 556, 333, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0,
        0, 222, 222, 333, 333, 350, 556, 1000, 333, 1000, 500, 333, 944, 0, 500, 667,
        278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 333, 737, 333,
        400, 584, 333, 333, 333, 578, 537, 278, 333, 333, 365, 556, 834, 834, 834, 611,
        667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278,
        722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,
        556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 584, 611, 556, 556, 556, 556, 500, 556, 500,
    ]

    /// The same for Helvetica-Bold.
    static let helveticaBold: [UInt16] = [
        278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
        975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
        333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
        611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584, 0,
        556, 0, 278, 556, 500, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0,
        0, 278, 278, 500, 500, 350, 556, 1000, 333, 1000, 556, 333, 944, 0, 500, 667,
        278, 333, 556, 556, 556, 556, 280, 556, 333, 737, 370, 556, 584, 333, 737, 333,
        400, 584, 333, 333, 333, 611, 556, 278, 333, 333, 365, 556, 834, 834, 834, 611,
        722, 722, 722, 722, 722, 722, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278,
        722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,
        556, 556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278, 278,
        611, 611, 611, 611, 611, 611, 611, 584, 611, 611, 611, 611, 611, 556, 611, 556,
    ]
}
