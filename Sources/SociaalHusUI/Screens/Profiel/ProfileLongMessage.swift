import SociaalHusCore
import TerminalKit

/// A message too long for the message lines is shown in full, wrapped, at the bottom of the
/// screen's own area, so a reason (why a password or photo was refused) is never cut off.
enum ProfileLongMessage {
    /// Most rows the full message may take.
    static let maximumRows = 3

    /// Draws the full message when the message lines (`Chrome.messageLines`) cannot hold it;
    /// returns the area left above it. A message they hold whole is not drawn twice.
    static func draw(_ ctx: UIContext, into g: inout Grid, area: Rect) -> Rect {
        guard let m = ctx.message, !Chrome.messageFits(m, lang: ctx.lang, width: g.size.cols) else { return area }
        let width = max(area.width - 4, 1)
        var lines = TextWidth.wrap(m.text, to: width)
        if lines.count > maximumRows {
            lines = Array(lines.prefix(maximumRows - 1)) + [TextWidth.truncate(lines[(maximumRows - 1)...].joined(separator: " "), to: width)]
        }
        let rows = min(lines.count, max(area.height - 2, 0))
        for (i, line) in lines.prefix(rows).enumerated() {
            g.put(line, x: area.x + 2, y: area.maxY - rows + i, role: m.isError ? .error : .success, maxWidth: width)
        }
        return Rect(x: area.x, y: area.y, width: area.width, height: area.height - rows)
    }
}
