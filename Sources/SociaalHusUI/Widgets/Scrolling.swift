import SociaalHusCore
import TerminalKit

/// The list keys as the app's actions (in the app: TerminalKit's lists know no `Action`).
extension ListState {
    /// Applies a list action (up, down, page up, page down, first, last) to a list of `count` items; false for other actions.
    mutating func apply(_ action: Action, count: Int) -> Bool {
        switch action {
        case .up: move(-1, count: count)
        case .down: move(1, count: count)
        case .pageUp: move(-10, count: count)
        case .pageDown: move(10, count: count)
        case .first: move(-count, count: count)
        case .last: move(count, count: count)
        default: return false
        }
        return true
    }
}

/// A read-only page of styled lines that scrolls with the list keys (details, privacy statement);
/// in the app, as it scrolls by the app's actions.
struct ScrollText {
    private(set) var offset = 0

    /// Scrolls for a list action; false for other actions.
    mutating func apply(_ action: Action) -> Bool {
        guard let next = Self.offset(offset, after: action, page: 10) else { return false }
        offset = next
        return true
    }

    /// The first line shown after a list action, pages of `page` lines (nil: not a list action).
    /// Past the end is clamped to the last page when drawn.
    static func offset(_ offset: Int, after action: Action, page: Int) -> Int? {
        switch action {
        case .up: max(offset - 1, 0)
        case .down: offset + 1
        case .pageUp: max(offset - page, 0)
        case .pageDown: offset + page
        case .first: 0
        case .last: Int.max / 2
        default: nil
        }
    }

    /// Draws the visible part of `lines` with a margin of two, the cursor on the first line; a
    /// line wider than the window wraps (see `wrapped`), so no value is cut.
    mutating func draw(_ lines: [(String, StyleRole)], into g: inout Grid, area: Rect) {
        g.outline += lines.map { .text($0.0) }
        let width = max(area.width - 4, 1)
        let lines = lines.flatMap { l in Self.wrapped(l.0, width: width).map { ($0, l.1) } }
        offset = min(offset, max(lines.count - area.height, 0))
        for (i, l) in lines.dropFirst(offset).prefix(area.height).enumerated() {
            g.put(l.0, x: area.x + 2, y: area.y + i, role: l.1, maxWidth: area.width - 4)
        }
        g.cursor = (area.x + 2, area.y)
    }

    /// `line` in lines of at most `width` cells: wrapped at spaces, the further lines indented
    /// to where its value starts ("Wijken          Centrum, …" under "Centrum"; an activity's
    /// title under its title, after the date and time), or to its own indent.
    static func wrapped(_ line: String, width: Int) -> [String] {
        guard TextWidth.width(line) > width else { return [line] }
        let chars = Array(line)
        let lead = chars.prefix { $0 == " " }.count
        // Where the value starts: after the first gap of two spaces that follows some text.
        var hang = lead
        var i = lead
        while i + 1 < chars.count {
            if chars[i] == " " && chars[i + 1] == " " {
                var j = i
                while j < chars.count && chars[j] == " " { j += 1 }
                hang = j
                break
            }
            i += 1
        }
        if TextWidth.width(String(chars.prefix(hang))) * 2 > width { hang = lead }
        let head = String(chars.prefix(hang)), rest = String(chars.dropFirst(hang))
        let pad = String(repeating: " ", count: TextWidth.width(head))
        let body = TextWidth.wrap(rest, to: max(width - pad.count, 1))
        return body.enumerated().map { k, l in (k == 0 ? head : pad) + l }
    }
}
