import SociaalHusCore
import TerminalKit

/// The parts around every screen: top bar, message line, status bar, help and dialogs.
enum Chrome {
    /// "SociaalHus · Agenda › Detail" on the left, who is logged in on the right.
    static func drawTopBar(into g: inout Grid, app: App) {
        let ctx = app.ctx
        let cols = g.size.cols
        g.fill(Rect(x: 0, y: 0, width: cols, height: 1), role: .topBar)
        var who = ctx.account.map { ctx.t("ingelogd: ", "logged in: ") + TextSanitizer.sanitize($0.profile.displayName) }
            ?? ctx.t("bezoeker", "visitor")
        var rightWidth = min(TextWidth.width(who), cols / 3)
        if let o = ctx.onBehalf, let name = ctx.onBehalfName {
            // Helping at the desk: whose account this is, on every screen, and who helps; when
            // short of room the helper's name goes first, "namens <resident>" stays.
            let namens = ctx.t("namens ", "on behalf of ") + TextSanitizer.sanitize(name)
            let full = TextSanitizer.sanitize(o.helper.profile.displayName) + " " + namens
            rightWidth = min(TextWidth.width(full), cols / 2)
            who = TextWidth.width(full) <= rightWidth ? full : namens
            rightWidth = min(TextWidth.width(who), cols / 2)
        }
        let room = cols - rightWidth - 2
        let tabsShown = Tab.visible(to: ctx.viewer)
        let full = tabsShown.map { t in
            t == app.tab ? "[\(t.rawValue + 1) \(t.name(ctx.lang))]" : "\(t.rawValue + 1) \(t.name(ctx.lang))"
        }.joined(separator: " ")
        // When space is short the other tabs shrink to their number; the current one keeps its name.
        let compact = tabsShown.map { t in t == app.tab ? "[\(t.rawValue + 1) \(t.name(ctx.lang))]" : "\(t.rawValue + 1)" }
            .joined(separator: " ")
        // The screen's name stays: the product name goes first, then the other tabs' names.
        let screenTitle = app.current.title(ctx)
        let candidates = [" SociaalHus │ " + full, " " + full, " SociaalHus │ " + compact, " " + compact]
        let leftText = candidates.lazy.map { $0 + " │ " + screenTitle }.first { TextWidth.width($0) <= room }
            ?? candidates.first { TextWidth.width($0) <= room } ?? " " + compact
        g.put(leftText, x: 0, y: 0, role: .topBar, maxWidth: room)
        g.put(TextWidth.truncate(who, to: rightWidth), x: cols - rightWidth - 1, y: 0, role: .topBar)
    }

    /// The message, marked in text so errors do not depend on colour, wrapped to at most two lines.
    static func messageLines(_ m: StatusMessage?, lang: LanguageText, width: Int) -> [String] {
        guard let m else { return [] }
        let text = (m.isError ? lang.t("FOUT: ", "ERROR: ") : "» ") + m.text
        var lines = TextWidth.wrap(text, to: width)
        if lines.count > 2 { lines = [lines[0], TextWidth.truncate(lines[1...].joined(separator: " "), to: width)] }
        return lines
    }

    /// Draws the message lines just above the status bar.
    static func drawMessage(into g: inout Grid, _ lines: [String], isError: Bool) {
        if !lines.isEmpty { g.outline.append(.message(lines.joined(separator: " "), isError: isError)) }
        for (i, line) in lines.enumerated() {
            g.put(line, x: 0, y: g.size.rows - 1 - lines.count + i, role: isError ? .error : .success)
        }
    }

    /// The keys that work here, generated from the key table.
    static func drawStatusBar(into g: inout Grid, bindings: [Binding<Action>], lang: LanguageText) {
        let y = g.size.rows - 1
        g.fill(Rect(x: 0, y: y, width: g.size.cols, height: 1), role: .statusBar)
        var x = 1
        for b in bindings where b.inStatusBar {
            let key = b.keys[0].name(english: lang.language == .english)
            let w = TextWidth.width(key) + 1 + TextWidth.width(b.label) + 2
            if x + w > g.size.cols { break }
            x += g.put(key, x: x, y: y, role: .key)
            x += g.put(" " + b.label + "  ", x: x, y: y, role: .statusBar)
        }
    }

    /// The help overlay: every key of this screen and the global keys, grouped. Returns the first
    /// line shown (the offset, kept inside the text).
    @discardableResult
    static func drawHelp(into g: inout Grid, bindings: [Binding<Action>], title: String, offset: Int, lang: LanguageText) -> Int {
        var lines: [(String, StyleRole)] = []
        // What a screen reader or plain mode reads: one short line per key ("Tab/↓: Volgend veld"),
        // not the drawn rows padded into columns (joined, a form's help was one line of ~700).
        var spoken: [String] = []
        var groups: [String] = []
        for b in bindings where !groups.contains(b.group) { groups.append(b.group) }
        let box = Rect(x: 2, y: 2, width: g.size.cols - 4, height: g.size.rows - 4)
        let textWidth = box.width - 4
        // Keys in a column, help text wrapped under itself: a long help line is never cut.
        let keyColumn = min(16, max(textWidth / 3, 6))
        for group in groups {
            lines.append((group, .header))
            spoken.append(group)
            for b in bindings where b.group == group {
                spoken.append(b.keyText(english: lang.language == .english) + ": " + b.help)
                let keys = TextWidth.wrap(b.keyText(english: lang.language == .english), to: keyColumn)
                let help = TextWidth.wrap(b.help, to: max(textWidth - keyColumn - 3, 8))
                for k in 0..<max(keys.count, help.count) {
                    let key = k < keys.count ? keys[k] : ""
                    lines.append(("  " + TextWidth.pad(key, to: keyColumn) + " " + (k < help.count ? help[k] : ""), .normal))
                }
            }
        }
        let inner = frame(into: &g, box, title: lang.t("Help: ", "Help: ") + title)
        g.outline.append(.dialog(title: lang.t("Help: ", "Help: ") + title, lines: spoken))
        let visible = inner.height - 1
        let start = min(offset, max(lines.count - visible, 0))
        for (i, line) in lines.dropFirst(start).prefix(visible).enumerated() {
            g.put(line.0, x: inner.x, y: inner.y + i, role: line.1, maxWidth: inner.width)
        }
        g.put(lang.t("↑/↓, PgUp/PgDn, Home/End scrollen, andere toets sluit", "↑/↓, PgUp/PgDn, Home/End scroll, any other key closes"), x: inner.x, y: inner.maxY - 1, role: .muted, maxWidth: inner.width)
        g.cursor = (inner.x, inner.y)
        return start
    }

    /// A centred dialog box.
    static func drawDialog(into g: inout Grid, title: String, lines: [String]) {
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
    /// right of a box would be read on the same line as its text (issue 25). The rules are
    /// box-drawing characters, which espeak-ng, Fenrir and speech-dispatcher do not speak.
    @discardableResult
    static func frame(into g: inout Grid, _ r: Rect, title: String) -> Rect {
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
