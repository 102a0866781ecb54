/// Several lines of text: Enter makes a new line, text wraps by display width, ↑/↓ move by
/// shown line, and a counter shows how much of the limit is used ("312/2000").
public struct TextArea: Equatable, Sendable {
    /// The text and the cursor.
    public private(set) var buffer: EditBuffer
    /// Rows the area takes on screen (the counter comes on a row of its own below them).
    public var rows: Int
    /// False when there is no row left for the counter (the area then draws none).
    public var showsCounter = true

    /// Creates an area holding `text`, with the cursor at its end.
    public init(_ text: String = "", limit: Int = 2000, rows: Int = 4) {
        buffer = EditBuffer(text, limit: limit, multiline: true)
        self.rows = max(rows, 1)
    }

    /// The text typed so far; setting it puts the cursor at the end.
    public var text: String {
        get { buffer.text }
        set { buffer = EditBuffer(newValue, limit: buffer.limit, multiline: true) }
    }

    /// Cursor position in graphemes, always in `0...text.count`.
    public var cursor: Int { buffer.cursor }

    /// Most graphemes accepted.
    public var limit: Int { buffer.limit }

    /// "312/2000": graphemes used of the limit.
    public var counter: String { "\(buffer.chars.count)/\(buffer.limit)" }

    /// One shown line: the graphemes `start..<end` of the text (no "\n").
    public struct Line: Equatable, Sendable {
        /// First grapheme.
        public var start: Int
        /// One past the last grapheme.
        public var end: Int
        /// True when the line ends at a "\n" or the end of the text (not wrapped).
        public var endsParagraph: Bool
    }

    /// The shown lines for a width: each paragraph wrapped by display width, breaking after a
    /// space where possible. One cell is kept free so the cursor fits after a full line.
    public func lines(width: Int) -> [Line] {
        let room = max(width - 1, 1)
        let chars = buffer.chars
        var out: [Line] = []
        var start = 0
        var used = 0
        var lastSpace: Int?
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "\n" {
                out.append(Line(start: start, end: i, endsParagraph: true))
                i += 1
                start = i
                used = 0
                lastSpace = nil
                continue
            }
            let w = TextWidth.width(c)
            if used + w > room && i > start {
                let breakAt = lastSpace.map { $0 + 1 } ?? i
                out.append(Line(start: start, end: breakAt, endsParagraph: false))
                start = breakAt
                used = chars[start..<i].reduce(0) { $0 + TextWidth.width($1) }
                lastSpace = nil
                continue
            }
            if c == " " { lastSpace = i }
            used += w
            i += 1
        }
        out.append(Line(start: start, end: chars.count, endsParagraph: true))
        return out
    }

    /// The shown line and column of the cursor for a width.
    public func cursorPosition(width: Int) -> (line: Int, column: Int) {
        let all = lines(width: width)
        let c = buffer.cursor
        var index = all.count - 1
        for (n, l) in all.enumerated() {
            // On a wrapped line the cursor at its end belongs to the start of the next line.
            if c >= l.start && (c < l.end || (c == l.end && l.endsParagraph)) { index = n; break }
        }
        let l = all[index]
        let column = buffer.chars[l.start..<max(min(c, l.end), l.start)].reduce(0) { $0 + TextWidth.width($1) }
        return (index, column)
    }

    /// Applies an editing key for an area `width` cells wide; returns false when the key is not
    /// for the area (Tab, Esc, or ↑ on the first and ↓ on the last line, so focus can leave).
    public mutating func handle(_ key: Key, width: Int) -> Bool {
        switch key {
        case .enter: buffer.insert("\n")
        case .home, .ctrl("a"): buffer.moveCursor(to: buffer.lineStart())
        case .end, .ctrl("e"): buffer.moveCursor(to: buffer.lineEnd())
        case .up: return moveLines(-1, width: width)
        case .down: return moveLines(1, width: width)
        case .pageUp: _ = moveLines(-rows, width: width, partial: true)
        case .pageDown: _ = moveLines(rows, width: width, partial: true)
        default: return buffer.handleCommon(key)
        }
        return true
    }

    /// Inserts pasted text (line breaks kept); false when it would pass the limit.
    @discardableResult
    public mutating func paste(_ s: String) -> Bool { buffer.insert(s) }

    /// Moves the cursor `delta` shown lines, keeping its column where the line is long enough.
    private mutating func moveLines(_ delta: Int, width: Int, partial: Bool = false) -> Bool {
        let all = lines(width: width)
        let (line, column) = cursorPosition(width: width)
        var target = line + delta
        if target < 0 || target >= all.count {
            guard partial else { return false }
            target = min(max(target, 0), all.count - 1)
        }
        let l = all[target]
        var position = l.start
        var used = 0
        while position < l.end {
            let w = TextWidth.width(buffer.chars[position])
            if used + w > column { break }
            used += w
            position += 1
        }
        // On a wrapped line, its last position is the next line's start: stay before it.
        if position == l.end && !l.endsParagraph && position > l.start { position -= 1 }
        buffer.moveCursor(to: position)
        return true
    }

    /// The first shown line drawn so that the cursor's line is inside `rows`.
    public func firstLine(width: Int) -> Int {
        let (line, _) = cursorPosition(width: width)
        return max(0, line - rows + 1)
    }

    /// Draws the area in `width` × `rows` cells at (x, y) and the counter on the row below;
    /// when focused, puts the hardware cursor on the cursor's cell.
    public func render(into g: inout Grid, x: Int, y: Int, width: Int, focused: Bool, role: StyleRole = .input) {
        guard width > 0 else { return }
        let all = lines(width: width)
        let first = firstLine(width: width)
        g.fill(Rect(x: x, y: y, width: width, height: rows), role: role)
        for (row, l) in all.dropFirst(first).prefix(rows).enumerated() {
            g.put(String(buffer.chars[l.start..<l.end]), x: x, y: y + row, role: role, maxWidth: width)
        }
        let more = all.count > first + rows ? " ↓" : ""
        let above = first > 0 ? "↑ " : ""
        let count = above + counter + more
        if showsCounter { g.put(count, x: x + max(width - TextWidth.width(count), 0), y: y + rows, role: buffer.chars.count > buffer.limit ? .error : .muted, maxWidth: width) }
        if focused {
            let (line, column) = cursorPosition(width: width)
            g.cursor = (x + min(column, width - 1), y + line - first)
        }
    }
}
