import SociaalHusCore
import TerminalKit

/// Layout help for the profile form: notes that need more than one line. (Choices that do not
/// fit side by side are drawn compactly by `Form` itself.)
enum ProfileFormFit {
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
