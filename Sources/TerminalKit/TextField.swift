/// An editable line of text: grapheme-aware cursor, insert, delete, and a secret mode for passwords.
public struct TextField: Equatable, Sendable {
    /// The text typed so far.
    public var text: String { didSet { cursor = min(cursor, text.count) } }
    /// Cursor position in graphemes.
    public private(set) var cursor: Int
    /// Shown as dots (passwords).
    public var secret: Bool
    /// Most graphemes accepted.
    public var limit: Int

    /// Creates a field holding `text`, with the cursor at its end.
    public init(_ text: String = "", secret: Bool = false, limit: Int = 500) {
        self.text = text
        self.cursor = text.count
        self.secret = secret
        self.limit = limit
    }

    /// Applies an editing key; returns false when the key is not for the field.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .char(let c):
            guard text.count < limit else { return true }
            // Control characters are never typed into a field (they would reach other terminals).
            if c.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value) }) { return true }
            let i = text.index(text.startIndex, offsetBy: cursor)
            text.insert(c, at: i)
            cursor += 1
        case .backspace:
            guard cursor > 0 else { return true }
            let i = text.index(text.startIndex, offsetBy: cursor - 1)
            text.remove(at: i)
            cursor -= 1
        case .delete:
            guard cursor < text.count else { return true }
            text.remove(at: text.index(text.startIndex, offsetBy: cursor))
        case .left: cursor = max(cursor - 1, 0)
        case .right: cursor = min(cursor + 1, text.count)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = text.count
        case .ctrl("u"):
            text = ""
            cursor = 0
        default: return false
        }
        return true
    }

    /// Draws the field in `width` cells at (x, y), scrolled so the cursor is visible; when
    /// focused, puts the hardware cursor on it.
    public func render(into g: inout Grid, x: Int, y: Int, width: Int, focused: Bool, role: StyleRole = .input) {
        guard width > 0 else { return }
        let shown = secret ? String(repeating: "•", count: text.count) : text
        let chars = Array(shown)
        // Scroll: keep the cursor within the field.
        var start = 0
        var widthBeforeCursor = chars[0..<cursor].reduce(0) { $0 + TextWidth.width($1) }
        while widthBeforeCursor >= width && start < cursor {
            widthBeforeCursor -= TextWidth.width(chars[start])
            start += 1
        }
        g.fill(Rect(x: x, y: y, width: width, height: 1), role: role)
        g.put(String(chars[start...]), x: x, y: y, role: role, maxWidth: width)
        if focused { g.cursor = (x + widthBeforeCursor, y) }
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
