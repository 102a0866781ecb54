/// An editable line of text: grapheme-aware cursor, insert, delete, and a secret mode for passwords.
///
/// The text and cursor live in an `EditBuffer`, which keeps the cursor on a grapheme boundary
/// inside the text after every edit (see there why).
public struct TextField: Equatable, Sendable {
    /// The text and the cursor.
    public private(set) var buffer: EditBuffer
    /// Shown as dots (passwords).
    public var secret: Bool

    /// Creates a field holding `text`, with the cursor at its end.
    public init(_ text: String = "", secret: Bool = false, limit: Int = 500) {
        buffer = EditBuffer(text, limit: limit, multiline: false)
        self.secret = secret
    }

    /// The text typed so far; setting it puts the cursor at the end.
    public var text: String {
        get { buffer.text }
        set { buffer = EditBuffer(newValue, limit: buffer.limit, multiline: false) }
    }

    /// Cursor position in graphemes, always in `0...text.count`.
    public var cursor: Int { buffer.cursor }

    /// Most graphemes accepted.
    public var limit: Int { buffer.limit }

    /// Applies an editing key; returns false when the key is not for the field.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .home, .ctrl("a"): buffer.moveCursor(to: 0)
        case .end, .ctrl("e"): buffer.moveCursor(to: buffer.chars.count)
        default: return buffer.handleCommon(key)
        }
        return true
    }

    /// Inserts pasted text at the cursor (line breaks become spaces); false when it would pass the limit.
    @discardableResult
    public mutating func paste(_ s: String) -> Bool { buffer.insert(s) }

    /// The column of the cursor and the first grapheme shown when the field is `width` cells wide.
    public func layout(width: Int) -> (start: Int, cursorColumn: Int) {
        let chars = shownCharacters
        var start = 0
        var before = chars[0..<buffer.cursor].reduce(0) { $0 + TextWidth.width($1) }
        // Scroll so the cursor stays inside the field (one cell is kept for it).
        while before >= width && start < buffer.cursor {
            before -= TextWidth.width(chars[start])
            start += 1
        }
        return (start, before)
    }

    private var shownCharacters: [Character] {
        secret ? Array(repeating: "•", count: buffer.chars.count) : buffer.chars
    }

    /// Draws the field in `width` cells at (x, y), scrolled so the cursor is visible; when
    /// focused, puts the hardware cursor on it.
    public func render(into g: inout Grid, x: Int, y: Int, width: Int, focused: Bool, role: StyleRole = .input) {
        guard width > 0 else { return }
        let (start, column) = layout(width: width)
        g.fill(Rect(x: x, y: y, width: width, height: 1), role: role)
        // Typed text runs on past the field by design (it scrolls), so its cut is no finding.
        g.put(String(shownCharacters[start...]), x: x, y: y, role: role, maxWidth: width, scrolls: true)
        if focused { g.cursor = (x + min(column, width - 1), y) }
    }
}

/// Selection and scrolling of a list.
public struct ListState: Equatable, Sendable {
    /// Selected index.
    public var selected = 0
    /// First visible row.
    public var offset = 0

    /// Creates a list state.
    public init() {}

    /// Moves the selection by `delta` within `count` items.
    public mutating func move(_ delta: Int, count: Int) {
        guard count > 0 else { selected = 0; offset = 0; return }
        selected = min(max(selected + delta, 0), count - 1)
    }

    /// Keeps the selection inside `count` and visible in `height` rows.
    public mutating func clamp(count: Int, height: Int) {
        selected = count == 0 ? 0 : min(max(selected, 0), count - 1)
        if selected < offset { offset = selected }
        if height > 0, selected >= offset + height { offset = selected - height + 1 }
        offset = max(0, min(offset, max(count - height, 0)))
    }
}
