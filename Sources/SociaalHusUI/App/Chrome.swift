import SociaalHusCore
import TerminalKit

/// The parts around every screen: top bar, message line, status bar, help and dialogs.
enum Chrome {
    /// "SociaalHus │ 1 Agenda 2 Prikbord … │ Detail" on the left, who is logged in on the right.
    ///
    /// Every tab keeps a name a screen reader can say: when room is short the product name goes
    /// first, then the tabs take their short names ("Org.", "Board"), the one in front last,
    /// then "ingelogd: " before the person's name. Only a screen further in whose title needs
    /// the room shows the other tabs as numbers, and only on a first screen at 80 columns
    /// did English show "1 2 3 4 6" and nothing else.
    static func drawTopBar(into g: inout Grid, app: App) {
        let ctx = app.ctx
        let cols = g.size.cols
        g.fill(Rect(x: 0, y: 0, width: cols, height: 1), role: .topBar)
        // Who, from the fullest to the shortest form said.
        var whoForms: [String]
        if let o = ctx.onBehalf, let name = ctx.onBehalfName {
            // Helping at the desk: whose account this is, on every screen, and who helps; when
            // short of room the helper's name goes first, "namens <resident>" stays.
            let namens = ctx.t(.onBehalfOf2) + TextSanitizer.sanitize(name)
            whoForms = [TextSanitizer.sanitize(o.helper.profile.displayName) + " " + namens, namens]
        } else if let a = ctx.account {
            let name = TextSanitizer.sanitize(a.profile.displayName)
            whoForms = [ctx.t(.loggedIn) + name, name]
        } else {
            whoForms = [ctx.t(.visitor)]
        }
        let tabsShown = Tab.visible(to: ctx.viewer)
        func tabs(current: (Tab) -> String, other: (Tab) -> String?) -> String {
            tabsShown.map { t in
                t == app.tab ? "[\(t.rawValue + 1) \(current(t))]" : other(t).map { "\(t.rawValue + 1) \($0)" } ?? "\(t.rawValue + 1)"
            }.joined(separator: " ")
        }
        let name = { (t: Tab) in t.name(ctx.lang) }, abbreviated = { (t: Tab) in shortName(t, ctx.lang) }
        // The screen's title, unless it only repeats the tab's name.
        let title = app.current.title(ctx)
        let titled = title == app.tab.name(ctx.lang) ? "" : " │ " + title
        // Left sides from the fullest. The screen's title outranks the tab names (it says where
        // one is, and a first screen's title is its tab's name, so it costs nothing there), and
        // "ingelogd: " outranks the full names (on a shared terminal it says someone is).
        let full = tabs(current: name, other: name), short = tabs(current: name, other: abbreviated)
        let shortest = tabs(current: abbreviated, other: abbreviated), numbers = tabs(current: name) { _ in nil }
        let phases: [[String]] = titled.isEmpty
            ? [[" SociaalHus │ " + full, " " + full, " " + short, " " + shortest]]
            : [[" SociaalHus │ " + full + titled] + [full, short, shortest].map { " " + $0 + titled }
                + (app.isFirstScreen ? [] : [" " + numbers + titled]),
               [full, short, shortest].map { " " + $0 }]
        var chosen: (left: String, who: String)?
        search: for lefts in phases {
            for who in whoForms {
                for left in lefts where TextWidth.width(left) + TextWidth.width(who) + 2 <= cols {
                    chosen = (left, who)
                    break search
                }
            }
        }
        // Else the shortest tabs with the name cut (to no fewer than 12 cells); else, below 80
        // columns, numbers.
        if chosen == nil, let who = whoForms.last, cols - TextWidth.width(" " + shortest) - 2 >= 12 {
            chosen = (" " + shortest, TextWidth.truncate(who, to: cols - TextWidth.width(" " + shortest) - 2))
        }
        let who = chosen?.who ?? whoForms[0]
        let rightWidth = chosen == nil ? min(TextWidth.width(who), cols / 3) : TextWidth.width(who)
        let room = cols - rightWidth - 2
        let leftText = chosen?.left
            ?? [" " + numbers + titled, " " + numbers].first { TextWidth.width($0) <= room } ?? " " + numbers
        g.put(leftText, x: 0, y: 0, role: .topBar, maxWidth: room)
        g.put(TextWidth.truncate(who, to: rightWidth), x: cols - rightWidth - 1, y: 0, role: .topBar)
    }

    /// A tab's short name in the top bar, for when the full names do not fit (still a word, or a
    /// common abbreviation of one, so the number is never said alone at 80 columns).
    static func shortName(_ t: Tab, _ l: LanguageText) -> String {
        switch t {
        case .agenda: "Agenda"
        case .prikbord: l.t(.board)
        case .organisaties: l.t(.orgs)
        case .profiel: "Prof."
        case .intake: "Intake"
        case .berichten: l.t(.msgs)
        case .moderatie: "Mod."
        }
    }

    /// The message, marked in text so errors do not depend on colour, wrapped to at most two lines.
    static func messageLines(_ m: StatusMessage?, lang: LanguageText, width: Int) -> [String] {
        guard let m else { return [] }
        var lines = wrappedMessage(m, lang: lang, width: width)
        if lines.count > 2 { lines = [lines[0], TextWidth.truncate(lines[1...].joined(separator: " "), to: width)] }
        return lines
    }

    /// True when `messageLines` holds the whole message (a screen shows a longer one itself).
    static func messageFits(_ m: StatusMessage, lang: LanguageText, width: Int) -> Bool {
        wrappedMessage(m, lang: lang, width: width).count <= 2
    }

    /// The message with its mark, wrapped to `width`.
    private static func wrappedMessage(_ m: StatusMessage, lang: LanguageText, width: Int) -> [String] {
        TextWidth.wrap((m.isError ? lang.t(.error) : "» ") + m.text, to: width)
    }

    /// Draws the message lines just above the status bar.
    static func drawMessage(into g: inout Grid, _ lines: [String], isError: Bool) {
        if !lines.isEmpty { g.outline.append(.message(lines.joined(separator: " "), isError: isError)) }
        for (i, line) in lines.enumerated() {
            g.put(line, x: 0, y: g.size.rows - 1 - lines.count + i, role: isError ? .error : .success)
        }
    }

    /// The keys that work here, generated from the key table. When they do not all fit, whole
    /// entries go (q first, then Enter, then the screen's own from the last, Esc last of all)
    /// and the help key stays, moved to the end: the bar always ends with the way to every
    /// other key, instead of being cut wherever the width ran out.
    static func drawStatusBar(into g: inout Grid, bindings: [Binding<Action>], lang: LanguageText) {
        let y = g.size.rows - 1
        g.fill(Rect(x: 0, y: y, width: g.size.cols, height: 1), role: .statusBar)
        let english = lang.language == .english
        func width(_ b: Binding<Action>) -> Int { TextWidth.width(b.keys[0].name(english: english)) + 1 + TextWidth.width(b.label) + 2 }
        // One cell of margin on the left; the last entry needs no spaces after it.
        func fits(_ list: [Binding<Action>]) -> Bool { 1 + list.map(width).reduce(0, +) - 2 <= g.size.cols }
        var shown = bindings.filter { $0.inStatusBar && !$0.keys.isEmpty }
        if !fits(shown), let h = shown.firstIndex(where: { $0.action == .help }) {
            let help = shown.remove(at: h)
            while !fits(shown + [help]), let i = dropIndex(shown) { shown.remove(at: i) }
            shown.append(help)
        }
        var x = 1
        for b in shown {
            let key = b.keys[0].name(english: english)
            if x + width(b) - 2 > g.size.cols { break }
            x += g.put(key, x: x, y: y, role: .key)
            x += g.put(" " + b.label + "  ", x: x, y: y, role: .statusBar)
        }
    }

    /// The entry of the bottom bar to leave out first: q (quitting asks first anyway), then
    /// Enter (what every list and form does), then the screen's own keys from the last; Esc
    /// (the way back) goes last.
    private static func dropIndex(_ shown: [Binding<Action>]) -> Int? {
        if let q = shown.lastIndex(where: { $0.action == .quit }) { return q }
        if let enter = shown.firstIndex(where: { $0.keys.first == .enter && $0.action != .back }), shown.count > 1 { return enter }
        return shown.lastIndex { $0.action != .back } ?? shown.indices.last
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
        let inner = Dialog.frame(into: &g, box, title: lang.t(.help) + title)
        g.outline.append(.dialog(title: lang.t(.help) + title, lines: spoken))
        // The keys that scroll and close it, wrapped at a word in a narrow window.
        let footer = TextWidth.wrap(lang.t(.pgupPgdnHomeEndScroll), to: max(inner.width, 1))
        let visible = max(inner.height - footer.count, 1)
        let start = min(offset, max(lines.count - visible, 0))
        for (i, line) in lines.dropFirst(start).prefix(visible).enumerated() {
            g.put(line.0, x: inner.x, y: inner.y + i, role: line.1, maxWidth: inner.width)
        }
        for (k, line) in footer.enumerated() {
            g.put(line, x: inner.x, y: inner.maxY - footer.count + k, role: .muted, maxWidth: inner.width)
        }
        g.cursor = (inner.x, inner.y)
        return start
    }

    /// A centred dialog box (TerminalKit's `Dialog`: the app's dialogs and the help share its frame).
    static func drawDialog(into g: inout Grid, title: String, lines: [String]) { Dialog.draw(into: &g, title: title, lines: lines) }
}
