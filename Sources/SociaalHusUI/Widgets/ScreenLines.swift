import TerminalKit

/// Draws the core's refusal (e.g. a private platform) instead of a screen's content. (In the app:
/// where the screens put a refusal and a summary line is their layout, not a widget's.)
func drawRefusal(_ message: String, into g: inout Grid, area: Rect) {
    g.outline.append(.text(message))
    g.put(message, x: area.x + 2, y: area.y + 1, role: .error, maxWidth: area.width - 4)
    g.cursor = (area.x + 2, area.y + 1)
}

extension Grid {
    /// Writes a screen's summary line ("Alle wijken (143)") in the muted style, shortened at a
    /// word with "…" (its count kept) when the window is narrow, and notes it whole for plain mode.
    mutating func putSummary(_ text: String, x: Int, y: Int, maxWidth: Int) {
        outline.append(.text(text))
        put(TextWidth.shorten(text, to: maxWidth), x: x, y: y, role: .muted, maxWidth: maxWidth)
    }
}
