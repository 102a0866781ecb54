/// A dialog: a box over the screen with a title and lines, which the caller writes in its own
/// words (the question and its answer keys included).
public enum Dialog {
    /// Draws a centred box with `title` and `lines` (the first as a heading), the cursor on the
    /// last line, and notes it for plain mode as a dialog.
    public static func draw(into g: inout Grid, title: String, lines: [String]) {
        let width = min(max(lines.map(TextWidth.width).max() ?? 0, TextWidth.width(title)) + 6, g.size.cols - 2)
        let height = lines.count + 4
        let box = Rect(x: (g.size.cols - width) / 2, y: (g.size.rows - height) / 2, width: width, height: height)
        let inner = frame(into: &g, box, title: title)
        g.outline.append(.dialog(title: title, lines: lines))
        for (i, l) in lines.enumerated() { g.put(l, x: inner.x + 1, y: inner.y + 1 + i, role: i == 0 ? .header : .normal, maxWidth: inner.width - 1) }
        g.cursor = (inner.x + 1, inner.y + lines.count)
    }

    /// Draws a box with a title and returns its inside. The rows the box covers are blanked
    /// across the whole width: a screen reader reads a screen line by line, and the list left and
    /// right of a box would be read on the same line as its text. The rules are
    /// box-drawing characters, which espeak-ng, Fenrir and speech-dispatcher do not speak.
    @discardableResult
    public static func frame(into g: inout Grid, _ r: Rect, title: String) -> Rect {
        g.fill(Rect(x: 0, y: r.y, width: g.size.cols, height: r.height), role: .normal)
        let top = "┌" + String(repeating: "─", count: max(r.width - 2, 0)) + "┐"
        let bottom = "└" + String(repeating: "─", count: max(r.width - 2, 0)) + "┘"
        g.put(top, x: r.x, y: r.y, role: .title)
        for y in (r.y + 1)..<(r.maxY - 1) {
            g.put("│", x: r.x, y: y, role: .title)
            g.put("│", x: r.x + r.width - 1, y: y, role: .title)
        }
        g.put(bottom, x: r.x, y: r.maxY - 1, role: .title)
        g.put(" " + TextWidth.truncate(title, to: r.width - 6) + " ", x: r.x + 2, y: r.y, role: .title)
        return Rect(x: r.x + 2, y: r.y + 1, width: r.width - 4, height: r.height - 2)
    }
}
