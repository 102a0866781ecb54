import Foundation

/// Makes text typed by one user safe to draw on another user's terminal or print to a console.
///
/// Control characters (C0, C1, DEL), bidi overrides and zero-width characters are replaced by
/// visible placeholders; real letters (ë, ĳ, 日本, emoji) are kept as they are.
public enum TextSanitizer {
    /// Returns `text` with every dangerous scalar replaced by a visible placeholder.
    /// With `keepNewlines`, LF stays (for multi-line bodies); otherwise it becomes "⏎".
    public static func sanitize(_ text: String, keepNewlines: Bool = false) -> String {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        var out = String.UnicodeScalarView()
        // By grapheme: whether a joiner or a tag is part of a picture depends on its whole grapheme.
        for c in text {
            let scalars = c.unicodeScalars
            let last = scalars.index(before: scalars.endIndex)
            let flagTags = isFlagTagSequence(c)
            for i in scalars.indices {
                let scalar = scalars[i]
                let v = scalar.value
                if v == 0x200D, i != last {
                    // A joiner inside a grapheme joins: emoji (👨‍👩‍👧, 🏳️‍🌈, 👩🏽‍⚕️) or Indic letters
                    // (क्‍ष). One at a grapheme's end joins nothing there and would join
                    // whatever a terminal draws next: it is made visible.
                    out.append(scalar)
                } else if flagTags, (0xE0020...0xE007F).contains(v) {
                    // The tags that spell a subdivision flag (🏴󠁧󠁢󠁳󠁣󠁴󠁿, Scotland) are part of it.
                    out.append(scalar)
                } else if v == 0x0A {
                    if keepNewlines { out.append(scalar) } else { out.append(contentsOf: "⏎".unicodeScalars) }
                } else if v == 0x09 {
                    out.append(" ")
                } else if v < 0x20 {
                    // Control Pictures block: U+2400 + code, e.g. ESC → ␛.
                    out.append(Unicode.Scalar(0x2400 + v)!)
                } else if v == 0x7F {
                    out.append("\u{2421}")
                } else if (0x80...0x9F).contains(v) {
                    out.append(contentsOf: String(format: "<U+%04X>", v).unicodeScalars)
                } else if isInvisibleControl(v) {
                    out.append(contentsOf: String(format: "<U+%04X>", v).unicodeScalars)
                } else {
                    out.append(scalar)
                }
            }
        }
        return String(out)
    }

    /// True for 🏴 followed by tag letters and the cancel tag: an emoji tag sequence (UTS #51).
    static func isFlagTagSequence(_ c: Character) -> Bool {
        let scalars = c.unicodeScalars
        guard scalars.count > 2, scalars.first?.value == 0x1F3F4, scalars.last?.value == 0xE007F else { return false }
        return scalars.dropFirst().dropLast().allSatisfy { (0xE0020...0xE007E).contains($0.value) }
    }

    /// True for bidi controls, zero-width characters and other invisible format characters.
    static func isInvisibleControl(_ v: UInt32) -> Bool {
        switch v {
        case 0x200B...0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C, 0xFEFF, 0x2028, 0x2029, 0x00AD, 0x180E, 0x2060...0x2064,
             0x206A...0x206F, 0xFFF9...0xFFFB, 0xE0000...0xE007F:
            return true
        default:
            return false
        }
    }

    /// True for every scalar a terminal, an editor or a mail reader may act on instead of show:
    /// C0 (but LF and tab), DEL, C1, bidi controls and invisible formatting characters.
    public static func isDangerous(_ v: UInt32) -> Bool {
        (v < 0x20 && v != 0x0A && v != 0x09) || (0x7F...0x9F).contains(v) || isInvisibleControl(v)
    }

    /// JSON text with every dangerous scalar written as a `\uXXXX` escape: the same string to any
    /// JSON reader, but nothing a terminal acts on when the file is shown with `cat`. (Foundation's
    /// encoder escapes C0 only; C1 such as U+009B, a CSI, went out raw.)
    public static func neutralisingJSON(_ data: Data) -> Data {
        let text = String(decoding: data, as: UTF8.self)
        guard text.unicodeScalars.contains(where: { isDangerous($0.value) || $0.value == 0x200D }) else { return data }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v != 0x0A && (isDangerous(v) || v == 0x200D) {
                out.append(contentsOf: String(format: "\\u%04x", v).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return Data(String(out).utf8)
    }

    /// True when `text` holds anything `sanitize` would replace (besides newlines when allowed).
    public static func needsSanitizing(_ text: String, allowNewlines: Bool = false) -> Bool {
        sanitize(text, keepNewlines: allowNewlines) != text
    }
}
