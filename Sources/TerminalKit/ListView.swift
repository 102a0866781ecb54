/// One row of a list: its text and whether it is a heading (not selectable).
public struct ListRow {
    private let make: () -> String
    /// Headings (e.g. a day) are shown but skipped by the selection.
    public var isHeading: Bool

    /// The text (already sanitised); for a row made with `lazy:`, written when it is shown.
    public var text: String { make() }

    /// Creates a row.
    public init(_ text: String, heading: Bool = false) {
        self.make = { text }
        self.isHeading = heading
    }

    /// A row whose text is written only when the row is drawn: a list of 5,000 activities draws
    /// the 20 in view (writing every line was a third of the agenda's first frame).
    public init(lazy text: @escaping () -> String) {
        self.make = text
        self.isHeading = false
    }
}

/// Draws a list with a "▌" marker and reverse video on the selected row, and the cursor on it.
public enum ListView {
    /// The selected row's mark: seen without colour, said by no screen reader.
    /// "▶" was read as "knop voor afspelen" by espeak-ng; ">" is "groter dan" in
    /// speech-dispatcher from its level "some"; the left half block is in no speech dictionary
    /// (espeak-ng, Fenrir, speech-dispatcher) and in the Linux console's font. Its ASCII stand-in
    /// is ">". `FullScreenGlyphTests` keeps the measurements.
    public static let marker = "▌"

    /// `text` after `mark`, ended with "…" when it does not fit in `width` cells: a cut row says so.
    static func fitted(_ mark: String, _ text: String, width: Int) -> String {
        TextWidth.truncate(mark + text, to: width)
    }

    /// Draws `rows`; `selectedRow` is the index of the selected row in `rows`.
    public static func draw(_ rows: [ListRow], selectedRow: Int?, state: inout ListState, into g: inout Grid, area: Rect, emptyText: String) {
        draw(count: rows.count, row: { rows[$0] }, selectedRow: selectedRow, state: &state, into: &g, area: area, emptyText: emptyText)
    }

    /// Draws a list of `count` rows of which only those in view are made (`row(i)`): a list
    /// of fifty thousand activities asks for the twenty on screen.
    /// `position` (the selected item's number and the number of items) is shown instead of the
    /// rows in view where rows and items differ (the agenda's day headings), so the marker counts
    /// what the header counts.
    /// `itemNumber` gives a row's item number (from 1) for plain mode where rows and items
    /// differ; by default every row that is not a heading is item row + 1.
    public static func draw(count: Int, row: (Int) -> ListRow, selectedRow: Int?, state: inout ListState, into g: inout Grid, area: Rect, emptyText: String,
                            position: (number: Int, of: Int)? = nil, itemNumber: ((Int) -> Int?)? = nil) {
        guard area.height > 0 else { return }
        if count == 0 {
            g.outline.append(.text(emptyText))
            g.put(emptyText, x: area.x + 2, y: area.y, role: .muted, maxWidth: area.width - 2)
            g.cursor = (area.x, area.y)
            return
        }
        // When the list is longer than the area, the last row shows the position instead of an item.
        let overflow = count > area.height
        let height = overflow ? max(area.height - 1, 1) : area.height
        var s = state
        s.selected = selectedRow ?? 0
        s.clamp(count: count, height: height)
        state.offset = s.offset
        g.outline.append(.position(number: position?.number ?? (selectedRow ?? 0) + 1, of: position?.of ?? count))
        for i in s.offset..<min(s.offset + height, count) {
            let row = row(i)
            let y = area.y + i - s.offset
            g.outline.append(row.isHeading ? .heading(row.text) : .row(row.text, number: itemNumber.map { $0(i) } ?? i + 1, selected: i == selectedRow))
            if row.isHeading {
                g.put(fitted("", row.text, width: area.width), x: area.x, y: y, role: .header, maxWidth: area.width)
            } else if i == selectedRow {
                g.fill(Rect(x: area.x, y: y, width: area.width, height: 1), role: .selected)
                g.put(fitted(marker + " ", row.text, width: area.width), x: area.x, y: y, role: .selected, maxWidth: area.width)
                g.cursor = (area.x, y)
            } else {
                g.put(fitted("  ", row.text, width: area.width), x: area.x, y: y, role: .normal, maxWidth: area.width)
            }
        }
        if overflow && area.height > 1 {
            // An arrow only where there is more that way.
            let where_ = position.map { "\($0.number) / \($0.of)" } ?? "\(s.offset + 1)–\(min(s.offset + height, count)) / \(count)"
            let more = (s.offset > 0 ? "↑ " : "") + where_ + (s.offset + height < count ? " ↓" : "")
            g.put(more, x: area.x + area.width - TextWidth.width(more) - 1, y: area.maxY - 1, role: .muted)
        }
    }
}
