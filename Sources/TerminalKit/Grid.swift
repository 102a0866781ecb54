/// One cell of the screen: a grapheme (or "" for the right half of a wide one) and its role.
public struct Cell: Hashable, Sendable {
    /// The grapheme shown.
    public var text: String
    /// Its meaning.
    public var role: StyleRole

    /// A blank cell.
    public static let blank = Cell(text: " ", role: .normal)
}

/// The whole screen in memory: every screen draws into a grid, so all of them can be tested
/// without a terminal, and one module copies grids to ncurses.
public struct Grid: Equatable, Sendable {
    /// Its size.
    public let size: Size
    /// Cells row by row.
    public private(set) var cells: [Cell]
    /// Where the hardware cursor sits (the focused element), if anywhere.
    public var cursor: (x: Int, y: Int)?
    /// What was drawn, as items in reading order (for plain mode; not part of equality).
    public var outline: [OutlineItem] = []
    /// Every text that `put` could not draw whole, in drawing order (not part of equality): a
    /// widget that shortens text says so with "…" and draws what fits, so anything here was cut
    /// where the room ran out, which the layout tests look for.
    public private(set) var cuts: [Cut] = []

    /// Text cut where its room ended: what was meant, where, and how much of it was drawn.
    public struct Cut: Equatable, Sendable, CustomStringConvertible {
        /// The whole text the caller meant to draw.
        public var text: String
        /// Where it started.
        public var x: Int, y: Int
        /// The graphemes drawn (none when it started outside the grid).
        public var drawn: Int
        /// True when the cut falls inside a word: the last grapheme drawn and the first left out
        /// are both letters or other marks, not spaces.
        public var isMidWord: Bool {
            let chars = Array(text)
            guard drawn > 0, drawn < chars.count else { return false }
            return !chars[drawn - 1].isWhitespace && !chars[drawn].isWhitespace
        }

        public var description: String {
            let chars = Array(text)
            return "(\(x),\(y)) \"\(String(chars.prefix(drawn)))|\(String(chars.dropFirst(drawn)))\""
        }
    }

    /// A blank grid.
    public init(size: Size) {
        self.size = size
        cells = Array(repeating: .blank, count: max(size.cols * size.rows, 0))
    }

    public static func == (a: Grid, b: Grid) -> Bool {
        a.size == b.size && a.cells == b.cells && a.cursor?.x == b.cursor?.x && a.cursor?.y == b.cursor?.y
    }

    /// The cell at a position.
    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * size.cols + x] }
        set { cells[y * size.cols + x] = newValue }
    }

    /// Writes `text` from (x, y), clipped at `maxWidth` cells (default: the screen edge); returns
    /// the cells used. Graphemes are drawn whole or not at all: one that does not fit in the
    /// cells left (a wide one in the last cell) leaves `Grapheme.standIn` there, so the cut shows
    /// and no half of it is drawn; see `Grapheme.cellText` for what a cell holds. Text that does
    /// not fit is noted in `cuts`, unless it `scrolls` (typed text in a field, cut by design).
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, role: StyleRole = .normal, maxWidth: Int? = nil, scrolls: Bool = false) -> Int {
        guard y >= 0, y < size.rows, x < size.cols else {
            if !scrolls { noteCut(text, x: x, y: y, drawn: 0) }
            return 0
        }
        let limit = maxWidth.map { min(x + $0, size.cols) } ?? size.cols
        var col = x
        var drawn = 0
        for c in text {
            defer { drawn += 1 }
            // One look at the Unicode properties per grapheme: width and cell text from one kind.
            let kind = c.isASCII ? nil : Grapheme.kind(c)
            let w = kind.map(Grapheme.width) ?? TextWidth.width(c)
            if w == 0 { continue }
            if col + w > limit {
                if col >= 0, col < limit {
                    self[col, y] = Cell(text: Grapheme.standIn, role: role)
                    col += 1
                }
                if !scrolls { noteCut(text, x: x, y: y, drawn: drawn) }
                break
            }
            if col >= 0 {
                self[col, y] = Cell(text: kind.map { Grapheme.cellText(c, kind: $0) } ?? String(c), role: role)
                if w == 2 { self[col + 1, y] = Cell(text: "", role: role) }
            } else if col + w > 0 {
                // A wide grapheme half past the left edge: the half in view is the stand-in.
                self[0, y] = Cell(text: Grapheme.standIn, role: role)
            }
            col += w
        }
        return col - x
    }

    /// Notes `text` as cut after `drawn` graphemes, unless all that was left out is blank (padding).
    private mutating func noteCut(_ text: String, x: Int, y: Int, drawn: Int) {
        guard text.dropFirst(drawn).contains(where: { !$0.isWhitespace }) else { return }
        cuts.append(Cut(text: text, x: x, y: y, drawn: drawn))
    }

    /// Fills a rectangle with spaces of one role; a cut text that started inside it is covered
    /// (a dialog over the screen), so it is no longer noted.
    public mutating func fill(_ r: Rect, role: StyleRole) {
        if !cuts.isEmpty { cuts.removeAll { $0.y >= r.y && $0.y < r.maxY && $0.x >= r.x && $0.x < r.x + r.width } }
        for y in max(r.y, 0)..<min(r.maxY, size.rows) {
            for x in max(r.x, 0)..<min(r.x + r.width, size.cols) { self[x, y] = Cell(text: " ", role: role) }
        }
    }

    /// The text of every row (what a person sees).
    public var lines: [String] {
        (0..<size.rows).map { y in (0..<size.cols).map { self[$0, y].text }.joined() }
    }

    /// One letter per cell naming its role (for golden files).
    public var roleLines: [String] {
        (0..<size.rows).map { y in String((0..<size.cols).map { self[$0, y].role.code }) }
    }

    /// The text of the screen as one string, rows joined by newlines, trailing spaces kept.
    public var text: String { lines.joined(separator: "\n") }
}
