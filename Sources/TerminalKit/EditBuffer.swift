/// The text and cursor shared by `TextField` and `TextArea`, right by construction.
///
/// The text is kept as an array of graphemes that is always exactly how `String` segments it
/// (`Array(String(chars)) == chars`), and every edit is one `replace` that re-segments and puts
/// the cursor on a grapheme boundary after the inserted text. So a combining accent typed after
/// "e", a ZWJ between two emoji or half of a flag can never leave the cursor inside a grapheme
/// or past the end, which is what crashed the old field.
public struct EditBuffer: Equatable, Sendable {
    /// The graphemes, segmented as `String` segments them.
    public private(set) var chars: [Character]
    /// Cursor position in graphemes, always in `0...chars.count`.
    public private(set) var cursor: Int
    /// Most graphemes accepted.
    public let limit: Int
    /// True when line breaks may be typed (a text area).
    public let multiline: Bool

    /// Creates a buffer holding `text` (cleaned of what cannot be typed), cursor at its end.
    public init(_ text: String = "", limit: Int, multiline: Bool) {
        self.limit = max(limit, 0)
        self.multiline = multiline
        chars = []
        cursor = 0
        replace(0..<0, with: text, enforceLimit: false)
        cursor = chars.count
    }

    /// The whole text.
    public var text: String { String(chars) }

    /// Most Unicode scalars accepted: a grapheme may carry combining marks, but not without end.
    public var scalarLimit: Int { limit * 8 + 16 }

    /// Removes what must never be typed into a field: C0 and C1 controls and DEL (they would act
    /// on other people's terminals). Line breaks become "\n" in a text area and a space in a line.
    public func cleaned(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var previousCR = false
        for u in s.unicodeScalars {
            defer { previousCR = u == "\r" }
            if u == "\n" && previousCR { continue }
            if u == "\n" || u == "\r" || u == "\u{2028}" || u == "\u{2029}" {
                out.append(multiline ? "\n" : " ")
                continue
            }
            if u == "\t" { out.append(" "); continue }
            if u.value < 0x20 || u.value == 0x7F || (0x80...0x9F).contains(u.value) { continue }
            out.append(u)
        }
        return String(out)
    }

    /// Replaces the graphemes in `range` by `s`; the cursor goes after the inserted text. Returns
    /// false (and changes nothing) when the result would pass the limit.
    @discardableResult
    public mutating func replace(_ range: Range<Int>, with s: String, enforceLimit: Bool = true) -> Bool {
        let lower = min(max(range.lowerBound, 0), chars.count)
        let upper = min(max(range.upperBound, lower), chars.count)
        let insert = cleaned(s)
        let prefix = String(chars[..<lower]) + insert
        let whole = prefix + String(chars[upper...])
        let newChars = Array(whole)
        // Deleting is always allowed, even in a text that came in longer than the limit.
        if enforceLimit, newChars.count > limit, newChars.count > chars.count { return false }
        if enforceLimit, whole.unicodeScalars.count > scalarLimit, insert.unicodeScalars.count > 0 { return false }
        // The cursor goes after the grapheme that holds the last inserted scalar: count the
        // graphemes that start before the end of `prefix` in UTF-8 offsets.
        let target = prefix.utf8.count
        var offset = 0
        var position = 0
        for c in newChars {
            if offset >= target { break }
            offset += c.utf8.count
            position += 1
        }
        chars = newChars
        cursor = min(position, chars.count)
        return true
    }

    /// Moves the cursor to `position`, clamped into the text.
    public mutating func moveCursor(to position: Int) {
        cursor = min(max(position, 0), chars.count)
    }

    /// Inserts typed text at the cursor.
    @discardableResult
    public mutating func insert(_ s: String) -> Bool { replace(cursor..<cursor, with: s) }

    /// Deletes the grapheme before the cursor.
    public mutating func backspace() {
        guard cursor > 0 else { return }
        replace((cursor - 1)..<cursor, with: "")
    }

    /// Deletes the grapheme under the cursor.
    public mutating func deleteForward() {
        guard cursor < chars.count else { return }
        let at = cursor
        replace(at..<(at + 1), with: "")
        cursor = min(at, chars.count)
    }

    /// Start of the line the cursor is on (after the previous "\n").
    public func lineStart(_ from: Int? = nil) -> Int {
        var i = min(from ?? cursor, chars.count)
        while i > 0 && chars[i - 1] != "\n" { i -= 1 }
        return i
    }

    /// End of the line the cursor is on (before the next "\n").
    public func lineEnd(_ from: Int? = nil) -> Int {
        var i = min(from ?? cursor, chars.count)
        while i < chars.count && chars[i] != "\n" { i += 1 }
        return i
    }

    /// Deletes from the start of the line to the cursor (Ctrl-U).
    public mutating func deleteToLineStart() {
        let start = lineStart()
        if start == cursor, cursor > 0, multiline { backspace(); return }
        replace(start..<cursor, with: "")
    }

    /// Deletes from the cursor to the end of the line (Ctrl-K).
    public mutating func deleteToLineEnd() {
        let at = cursor
        let end = lineEnd()
        replace(at..<(end == at && end < chars.count ? end + 1 : end), with: "")
        cursor = min(at, chars.count)
    }

    /// Deletes the word before the cursor and the spaces after it (Ctrl-W).
    public mutating func deleteWordBefore() {
        var i = cursor
        while i > 0 && chars[i - 1].isWhitespace && chars[i - 1] != "\n" { i -= 1 }
        while i > 0 && !chars[i - 1].isWhitespace { i -= 1 }
        if i == cursor, i > 0 { i -= 1 }
        replace(i..<cursor, with: "")
    }

    /// Applies the editing keys both widgets share; returns false for other keys.
    public mutating func handleCommon(_ key: Key) -> Bool {
        switch key {
        case .char(let c): insert(String(c))
        case .backspace: backspace()
        case .delete: deleteForward()
        case .left: moveCursor(to: cursor - 1)
        case .right: moveCursor(to: cursor + 1)
        case .ctrl("u"): deleteToLineStart()
        case .ctrl("k"): deleteToLineEnd()
        case .ctrl("w"): deleteWordBefore()
        default: return false
        }
        return true
    }
}
