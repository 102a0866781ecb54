import SociaalHusCore
import TerminalKit

/// Layout help for forms on narrow screens: choices that do not fit side by side, and notes
/// that need more than one line.
enum ProfileFormFit {
    /// Width the options of a choice need when drawn side by side by `Form`.
    static func choiceWidth(_ options: [String]) -> Int {
        options.reduce(0) { $0 + 4 + TextWidth.width($1) + 2 } - 2
    }

    /// Draws `form` in `area`; a choice whose options would be cut off is shown as its selected
    /// option with its position, so the selected one is never hidden (←/→ still move through all).
    static func render(_ form: inout Form, into g: inout Grid, area: Rect) {
        let saved = form.fields
        let room = area.width - 2 - form.labelWidth - 1
        for i in form.fields.indices {
            guard case .choice(let options, let selected) = form.fields[i].kind,
                  options.indices.contains(selected), choiceWidth(options) > room else { continue }
            let compact = options[selected] + "  (\(selected + 1)/\(options.count), ←/→)"
            form.fields[i].kind = .choice(options: [compact], selected: 0)
        }
        form.render(into: &g, area: area)
        // Only the drawing used the compact options; the real choices stay as they were.
        form.fields = saved
    }

    /// Puts `text`, wrapped to `width`, into the note rows `prefix.0`, `prefix.1`, …; the last row
    /// is shortened with an ellipsis when the text needs more rows than there are.
    static func setWrapped(_ form: inout Form, prefix: String, text: String, width: Int, indent: String = "") {
        let rows = form.fields.indices.filter { form.fields[$0].id.hasPrefix(prefix + ".") }
        guard !rows.isEmpty else { return }
        var lines = TextWidth.wrap(text, to: max(width - TextWidth.width(indent), 1))
        if lines.count > rows.count {
            let kept = lines[rows.count - 1] + " " + lines[rows.count...].joined(separator: " ")
            lines = Array(lines.prefix(rows.count - 1)) + [TextWidth.truncate(kept, to: max(width - TextWidth.width(indent), 1))]
        }
        for (k, i) in rows.enumerated() {
            form.fields[i].label = k < lines.count ? indent + lines[k] : ""
        }
    }
}
