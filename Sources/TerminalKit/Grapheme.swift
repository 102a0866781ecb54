/// How one grapheme (user-perceived character) is drawn in cells: whole, or as a visible stand-in
/// when it cannot be, never in parts.
///
/// A part of a grapheme is worse than nothing: `👩🏽‍⚕️` cut after its first scalar shows as `👩`,
/// a different and valid picture, and a joiner left at the end of a cell joins whatever the
/// terminal draws next, on the next row if the cell ends one. `TextWidth.width` and `Grid.put`
/// both go by `kind`, so the cells counted are the cells drawn.
public enum Grapheme {
    /// Drawn instead of a grapheme that cannot be drawn whole: cut at the edge of the space left,
    /// half a flag, or longer than a terminal cell can hold. One cell wide.
    public static let standIn = "…"
    /// Drawn under combining marks that have no letter to sit on (U+25CC, as Unicode's charts show them).
    public static let dottedCircle: Unicode.Scalar = "\u{25CC}"

    /// What a grapheme becomes on screen.
    public enum Kind: Equatable, Sendable {
        /// Drawn as it is (a trailing joiner dropped), in this many cells (1 or 2).
        case whole(Int)
        /// Combining marks with no letter before them: drawn on a dotted circle, one cell.
        case loneMarks
        /// Not a whole picture (one regional indicator: half a flag): the stand-in, one cell.
        case fragment
        /// Nothing to see (controls, format characters such as a lone joiner): no cell.
        case invisible
    }

    /// What `c` becomes on screen.
    public static func kind(_ c: Character) -> Kind {
        if let a = c.asciiValue { return a >= 0x20 && a < 0x7F ? .whole(1) : .invisible }
        let scalars = c.unicodeScalars
        guard let first = scalars.first else { return .invisible }
        let properties = first.properties
        switch properties.generalCategory {
        case .control, .format:
            return .invisible
        case .nonspacingMark, .enclosingMark:
            // Segmentation attaches marks to the letter before them, so these come first only at
            // the start of a text or after a control: shown, not silently merged into a neighbour.
            return scalars.contains(where: isVisibleMark) ? .loneMarks : .invisible
        default:
            break
        }
        if isRegionalIndicator(first), scalars.count == 1 { return .fragment }
        if scalars.contains(where: { $0.value == 0xFE0F }) && properties.isEmoji { return .whole(2) }
        if properties.isEmojiPresentation || TextWidth.isWide(first.value) { return .whole(2) }
        return .whole(1)
    }

    /// The text a cell holds for `c` (its width is `TextWidth.width(c)`): `c` without a joiner at
    /// its end, combining marks alone on a dotted circle, or the stand-in for a fragment.
    public static func cellText(_ c: Character) -> String { cellText(c, kind: kind(c)) }

    /// The cells a grapheme of this kind takes.
    static func width(_ kind: Kind) -> Int {
        switch kind {
        case .whole(let w): return w
        case .loneMarks, .fragment: return 1
        case .invisible: return 0
        }
    }

    /// `cellText` for a grapheme whose kind is known.
    static func cellText(_ c: Character, kind: Kind) -> String {
        switch kind {
        case .whole:
            guard c.unicodeScalars.last?.value == 0x200D else { return String(c) }
            var scalars = String(c).unicodeScalars
            while scalars.last?.value == 0x200D { scalars.removeLast() }
            return String(scalars)
        case .loneMarks:
            var out = String.UnicodeScalarView([dottedCircle])
            out.append(contentsOf: c.unicodeScalars.filter(isVisibleMark))
            return String(out)
        case .fragment:
            return standIn
        case .invisible:
            return ""
        }
    }

    /// What to send for each of the cells a cell's text takes, to a terminal whose cell holds at
    /// most `capacity` scalars (ncurses: CCHARW_MAX, 5): the text whole in its first cell, or,
    /// when it has more scalars than that, the stand-in and blanks, never its first few scalars
    /// (`👨‍👩‍👧‍👦` cut to five is `👨` and a joiner). Empty for the right half of a wide grapheme.
    public static func terminalCells(_ text: String, capacity: Int) -> [[Unicode.Scalar]] {
        guard let c = text.first else { return [] }
        let scalars = Array(text.unicodeScalars)
        if scalars.count <= capacity { return [scalars] }
        let width = max(TextWidth.width(c), 1)
        return [Array(standIn.unicodeScalars)] + Array(repeating: [" "], count: width - 1)
    }

    /// A combining mark that shows: not a variation selector (which only picks a glyph) nor a joiner.
    static func isVisibleMark(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0xFE00...0xFE0F, 0xE0100...0xE01EF, 0x200D: return false
        default: return s.properties.generalCategory == .nonspacingMark || s.properties.generalCategory == .enclosingMark
        }
    }

    /// One half of a flag: 🇳 and 🇱 make 🇳🇱 only together.
    static func isRegionalIndicator(_ s: Unicode.Scalar) -> Bool { (0x1F1E6...0x1F1FF).contains(s.value) }
}
