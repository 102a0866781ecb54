/// One row of a form.
public struct FormField {
    /// What kind of input a row is.
    public enum Kind {
        /// A line of text (or a password when the field is secret).
        case text(TextField)
        /// Several lines of text: Enter makes a new line, Tab leaves, Ctrl-S saves.
        case area(TextArea)
        /// A tick box.
        case toggle(Bool)
        /// One of several options, shown side by side.
        case choice(options: [String], selected: Int)
        /// One of many options, showing only the chosen one ("‹ geldzaken › 3/8"); for long lists.
        case cycle(options: [String], selected: Int)
        /// A button that is pressed with Enter.
        case button
        /// A line of explanation; never focused.
        case note(StyleRole)
    }

    /// Name used by the screen to read the value.
    public var id: String
    /// Label shown.
    public var label: String
    /// The input.
    public var kind: Kind

    /// Creates a field.
    public init(_ id: String, _ label: String, _ kind: Kind) {
        self.id = id
        self.label = label
        self.kind = kind
    }

    var focusable: Bool {
        if case .note = kind { return false }
        return true
    }
}

/// A form: rows of fields, one focused, Tab and Shift-Tab move; typed text is never lost by
/// moving around, and the hardware cursor sits on the focused field.
public struct Form {
    /// What a key did.
    public enum Event: Equatable {
        /// Used by the form.
        case handled
        /// A button was pressed.
        case pressed(String)
        /// Not for the form.
        case ignored
    }

    /// The rows.
    public var fields: [FormField]
    /// Index of the focused row.
    public private(set) var focus: Int
    /// Width of the label column.
    public var labelWidth: Int
    /// Most cells a text area takes: in a wide window a line of text longer than this is hard to
    /// read, and its counter would sit at the far edge, away from what it counts. Text areas grow
    /// downwards instead (see `render`). A line field keeps the whole width: a path or an address
    /// is read whole rather than scrolled.
    public var maxAreaWidth = 76
    /// True when a value differs from what the form was filled with (typing a letter and
    /// deleting it again is no change), or when marked so (a restored draft).
    public var edited: Bool { markedEdited || values != baseline }
    private var markedEdited = false
    /// The values the form was filled with, per field id.
    private var baseline: [String: String] = [:]
    /// Problems per field id, drawn under the field until it is changed.
    public private(set) var errors: [String: String] = [:]
    private var offset = 0
    /// Width of the text areas at the last drawing (↑/↓ move by shown line).
    private var areaWidth = 40

    /// Creates a form; focus on the first focusable row.
    public init(_ fields: [FormField], labelWidth: Int = 22) {
        self.fields = fields
        self.labelWidth = labelWidth
        focus = fields.firstIndex { $0.focusable } ?? 0
        baseline = values
    }

    /// Every value as text, per field id (for telling whether anything changed).
    private var values: [String: String] {
        var out: [String: String] = [:]
        for f in fields {
            switch f.kind {
            case .text(let t): out[f.id] = t.text
            case .area(let a): out[f.id] = a.text
            case .toggle(let on): out[f.id] = on ? "1" : "0"
            case .choice(_, let s), .cycle(_, let s): out[f.id] = String(s)
            case .button, .note: break
            }
        }
        return out
    }

    /// True when the focused row takes typing (a text field or a text area).
    public var isEditingText: Bool {
        guard fields.indices.contains(focus) else { return false }
        switch fields[focus].kind {
        case .text, .area: return true
        default: return false
        }
    }

    /// The kinds of row that are chosen rather than typed in.
    public enum Choice {
        /// A tick box: Space (or x) ticks and unticks it.
        case tickBox
        /// A row of options or a cycle: ←/→ and Space choose.
        case options
    }

    /// The kind of choice the focused row is, if it is one: no letter is a shortcut of the screen
    /// around it there, since someone may be typing, thinking it a text field.
    public var focusedChoice: Choice? {
        guard fields.indices.contains(focus) else { return nil }
        switch fields[focus].kind {
        case .toggle: return .tickBox
        case .choice, .cycle: return .options
        default: return nil
        }
    }

    /// True when the focused row is a tick box or a row of options (see `focusedChoice`).
    public var isOnChoice: Bool { focusedChoice != nil }

    /// True when the focused row is a text area (Enter and ↑/↓ belong to it).
    public var isEditingArea: Bool {
        guard fields.indices.contains(focus), case .area = fields[focus].kind else { return false }
        return true
    }

    /// The id of the focused row.
    public var focusedID: String? { fields.indices.contains(focus) ? fields[focus].id : nil }

    /// The id of the button Ctrl-S presses, where that is not the first button (a form that
    /// opens with buttons to other screens above its fields).
    public var submitID: String?

    /// What Ctrl-S presses (save, send, log in): the button named by `submitID`, else the first.
    public var submitButton: FormField? {
        if let submitID { return fields.first { $0.id == submitID } }
        return fields.first { if case .button = $0.kind { return true } else { return false } }
    }

    /// Moves focus to the row with `id`.
    public mutating func focus(on id: String) {
        if let i = fields.firstIndex(where: { $0.id == id && $0.focusable }) { focus = i }
    }

    /// Moves focus to the next (or previous) focusable row, wrapping around.
    public mutating func moveFocus(_ delta: Int) {
        guard fields.contains(where: { $0.focusable }) else { return }
        var i = focus
        repeat { i = (i + delta + fields.count) % fields.count } while !fields[i].focusable
        focus = i
    }

    /// Shows every problem at once, each under its field, and moves focus to the first one.
    public mutating func setErrors(_ problems: [(id: String, message: String)]) {
        errors = [:]
        for p in problems { errors[p.id] = p.message }
        if let first = fields.firstIndex(where: { errors[$0.id] != nil && $0.focusable }) { focus = first }
    }

    /// Removes every problem shown.
    public mutating func clearErrors() { errors = [:] }

    private mutating func changed() {
        if let id = focusedID { errors[id] = nil }
    }

    /// Handles a key: typing, toggles, choices, Tab/Shift-Tab/arrows, Enter.
    public mutating func handle(_ key: Key) -> Event {
        guard fields.indices.contains(focus) else { return .ignored }
        switch key {
        case .tab: moveFocus(1); return .handled
        case .backTab: moveFocus(-1); return .handled
        case .down where !isEditingArea: moveFocus(1); return .handled
        case .up where !isEditingArea: moveFocus(-1); return .handled
        case .escape where isEditingText || isOnChoice:
            // Leave the field for the next row that takes no letters (a button), so letter keys
            // are shortcuts again.
            let start = focus
            repeat { moveFocus(1) } while (isEditingText || isOnChoice) && focus != start
            return .handled
        default: break
        }
        switch fields[focus].kind {
        case .text(var field):
            if key == .enter {
                // Enter on the last field before a button presses it (log in from the password).
                let here = focus
                moveFocus(1)
                if focus > here, case .button = fields[focus].kind { return .pressed(fields[focus].id) }
                return .handled
            }
            let before = field.text
            if field.handle(key) {
                fields[focus].kind = .text(field)
                if field.text != before { changed() }
                return .handled
            }
        case .area(var area):
            let before = area.text
            if area.handle(key, width: areaWidth) {
                fields[focus].kind = .area(area)
                if area.text != before { changed() }
                return .handled
            }
            // ↑ on the first and ↓ on the last line leave the area, so it is never a trap.
            if key == .down { moveFocus(1); return .handled }
            if key == .up { moveFocus(-1); return .handled }
        case .toggle(let on):
            if key == .char(" ") || key == .enter || key == .char("x") {
                fields[focus].kind = .toggle(!on)
                changed()
                return .handled
            }
        case .choice(let options, let selected):
            guard !options.isEmpty else { return .ignored }
            switch key {
            case .left, .right:
                let new = key == .left ? max(selected - 1, 0) : min(selected + 1, options.count - 1)
                if new != selected { fields[focus].kind = .choice(options: options, selected: new); changed() }
                return .handled
            case .char(" "), .enter: fields[focus].kind = .choice(options: options, selected: (selected + 1) % options.count); changed(); return .handled
            default: break
            }
        case .cycle(let options, let selected):
            guard !options.isEmpty else { return .ignored }
            let n = options.count
            switch key {
            case .left: fields[focus].kind = .cycle(options: options, selected: (selected - 1 + n) % n); changed(); return .handled
            case .right, .char(" "), .enter: fields[focus].kind = .cycle(options: options, selected: (selected + 1) % n); changed(); return .handled
            default: break
            }
        case .button:
            if key == .enter || key == .char(" ") { return .pressed(fields[focus].id) }
        case .note: break
        }
        return .ignored
    }

    /// The text of a text row or text area.
    public func text(_ id: String) -> String {
        guard let f = fields.first(where: { $0.id == id }) else { return "" }
        switch f.kind {
        case .text(let t): return t.text
        case .area(let a): return a.text
        default: return ""
        }
    }

    /// The state of a tick box.
    public func bool(_ id: String) -> Bool {
        guard let f = fields.first(where: { $0.id == id }), case .toggle(let on) = f.kind else { return false }
        return on
    }

    /// The selected option of a choice.
    public func choice(_ id: String) -> Int {
        guard let f = fields.first(where: { $0.id == id }) else { return 0 }
        switch f.kind {
        case .choice(_, let s), .cycle(_, let s): return s
        default: return 0
        }
    }

    /// Replaces the state of a tick box.
    public mutating func setBool(_ id: String, _ on: Bool) {
        guard let i = fields.firstIndex(where: { $0.id == id }), case .toggle = fields[i].kind else { return }
        fields[i].kind = .toggle(on)
    }

    /// Replaces the label of a row (for a note or tick box whose text depends on other rows).
    public mutating func setLabel(_ id: String, _ label: String) {
        guard let i = fields.firstIndex(where: { $0.id == id }) else { return }
        fields[i].label = label
    }

    /// Takes over how far `drawn` (a copy of this form drawn with words fitted to the window) was
    /// scrolled, so the next frame goes on from there as when the form itself is drawn.
    public mutating func keepView(of drawn: Form) {
        offset = drawn.offset
        areaWidth = drawn.areaWidth
    }

    /// Marks the form as holding unsaved input (e.g. restored from a draft).
    public mutating func markEdited() { markedEdited = true }

    /// Replaces the text of a text row or text area.
    public mutating func setText(_ id: String, _ value: String) {
        guard let i = fields.firstIndex(where: { $0.id == id }) else { return }
        switch fields[i].kind {
        case .text(var t): t.text = value; fields[i].kind = .text(t)
        case .area(var a): a.text = value; fields[i].kind = .area(a)
        default: break
        }
    }

    // MARK: Drawing

    /// The chosen option's mark, read aloud as the letter ("iks", "ex") by espeak-ng and by Fenrir
    /// at every punctuation level: "(•)" was silent, so the choice was not heard. It
    /// matches the tick box's "[x]", and is ASCII, so it needs no stand-in.
    public static let chosenMark = "(x)"
    /// The other options' mark: silent (Fenrir "some", espeak-ng), so only the chosen one is marked aloud.
    public static let otherMark = "( )"

    /// Width the options of a choice need side by side.
    static func choiceWidth(_ options: [String]) -> Int {
        options.reduce(0) { $0 + 4 + TextWidth.width($1) + 2 } - 2
    }

    /// The lines of a note at `width` (notes wrap; they are never cut).
    private func noteLines(_ f: FormField, width: Int) -> [String] {
        f.label.isEmpty ? [""] : TextWidth.wrap(f.label, to: max(width, 1))
    }

    /// The lines of a tick box's label at `width` (after its "[x] "): wrapped at spaces, never cut.
    private func toggleLines(_ f: FormField, width: Int) -> [String] {
        f.label.isEmpty ? [""] : TextWidth.wrap(f.label, to: max(width - 4, 1))
    }

    /// Rows a field takes at `width`, its error line included.
    private func height(_ i: Int, width: Int) -> Int {
        let f = fields[i]
        let error = errors[f.id].map { TextWidth.wrap("! " + $0, to: max(width, 1)).count } ?? 0
        switch f.kind {
        case .note: return noteLines(f, width: width).count
        case .area(let a): return a.rows + 1 + error
        case .toggle: return toggleLines(f, width: width).count + error
        default: return 1 + error
        }
    }

    /// The width of a text area when the form is `width` cells wide.
    private func textAreaWidth(_ width: Int) -> Int {
        min(max(width - labelWidth - 1, 1), maxAreaWidth)
    }

    /// Rows each text area gets beyond its own when the whole form fits in `rows` with some to
    /// spare: the spare rows are shared out among the areas, each up to the rows its limit
    /// could fill at `width`, so a form in a large window writes in a larger box.
    private func grownRows(_ heights: [Int], rows: Int, width: Int) -> [Int: Int] {
        var spare = rows - heights.reduce(0, +)
        var room: [Int: Int] = [:]
        for (i, f) in fields.enumerated() {
            guard case .area(let a) = f.kind else { continue }
            let line = max(textAreaWidth(width) - 2, 1)
            let full = (a.limit + line - 1) / line
            if full > a.rows { room[i] = full - a.rows }
        }
        var grown: [Int: Int] = [:]
        // One row at a time, round the areas, so two areas grow alike.
        while spare > 0, room.values.contains(where: { $0 > 0 }) {
            for i in room.keys.sorted() where spare > 0 && room[i]! > 0 {
                grown[i, default: 0] += 1
                room[i]! -= 1
                spare -= 1
            }
        }
        return grown
    }

    /// Draws the form; the focused row carries the list's marker ("▌") as well as the focus style. Rows
    /// scroll so the whole focused field (and its error) is visible. Returns the rows drawn, so
    /// what a screen shows under its form (a preview) follows the form.
    @discardableResult
    public mutating func render(into g: inout Grid, area: Rect) -> Int {
        guard area.height > 0, area.width > 2, !fields.isEmpty else { return 0 }
        g.outline += outline()
        let width = area.width - 2
        var heights = fields.indices.map { height($0, width: width) }
        let grown = grownRows(heights, rows: area.height, width: width)
        for (i, extra) in grown { heights[i] += extra }
        focus = min(max(focus, 0), fields.count - 1)
        if focus < offset { offset = focus }
        while offset < focus && heights[offset...focus].reduce(0, +) > area.height { offset += 1 }
        // Show the notes above the first field when they fit.
        while offset > 0 && heights[(offset - 1)...focus].reduce(0, +) <= area.height && !fields[offset - 1].focusable { offset -= 1 }
        var y = area.y
        for i in offset..<fields.count {
            guard y < area.maxY else { break }
            let f = fields[i]
            let focused = i == focus
            let marker = focused ? ListView.marker + " " : "  "
            if case .note = f.kind {} else { g.put(marker, x: area.x, y: y, role: focused ? .focus : .normal) }
            let x = area.x + 2
            let labelRole: StyleRole = focused ? .focus : .normal
            let valueX = x + labelWidth + 1
            let valueWidth = max(width - labelWidth - 1, 1)
            switch f.kind {
            case .text(let field):
                g.put(TextWidth.pad(f.label, to: labelWidth), x: x, y: y, role: labelRole, maxWidth: width)
                field.render(into: &g, x: valueX, y: y, width: valueWidth, focused: focused)
            case .area(var a):
                g.put(TextWidth.pad(f.label, to: labelWidth), x: x, y: y, role: labelRole, maxWidth: width)
                // Never draw below the form: fewer rows when the window is small.
                let room = area.maxY - y
                a.rows = max(min(a.rows + (grown[i] ?? 0), room - 1), 1)
                a.showsCounter = room >= 2
                if focused { areaWidth = textAreaWidth(width) }
                a.render(into: &g, x: valueX, y: y, width: textAreaWidth(width), focused: focused)
            case .toggle(let on):
                for (k, line) in toggleLines(f, width: width).enumerated() where y + k < area.maxY {
                    g.put((k == 0 ? (on ? "[x] " : "[ ] ") : "    ") + line, x: x, y: y + k, role: labelRole, maxWidth: width)
                }
                if focused { g.cursor = (x + 1, y) }
            case .choice(let options, let selected):
                let used = g.put(TextWidth.pad(f.label, to: labelWidth) + " ", x: x, y: y, role: labelRole, maxWidth: width)
                if Self.choiceWidth(options) > width - used {
                    // Too wide to show side by side: the selected option with its place, never hidden.
                    drawCycle(options, selected, into: &g, x: x + used, y: y, width: width - used, focused: focused)
                } else {
                    var cx = x + used
                    for (k, o) in options.enumerated() {
                        let text = (k == selected ? Self.chosenMark : Self.otherMark) + " " + o + "  "
                        if focused && k == selected { g.cursor = (cx + 1, y) }
                        cx += g.put(text, x: cx, y: y, role: k == selected ? .selected : .normal, maxWidth: area.x + area.width - cx)
                    }
                }
            case .button:
                g.put("[ " + TextWidth.truncate(f.label, to: max(width - 4, 1)) + " ]", x: x, y: y, role: focused ? .selected : .key, maxWidth: width)
                if focused { g.cursor = (x + 2, y) }
            case .cycle(let options, let selected):
                let used = g.put(TextWidth.pad(f.label, to: labelWidth) + " ", x: x, y: y, role: labelRole, maxWidth: width)
                drawCycle(options, selected, into: &g, x: x + used, y: y, width: width - used, focused: focused)
            case .note(let role):
                for (k, line) in noteLines(f, width: width).enumerated() where y + k < area.maxY {
                    g.put(line, x: x, y: y + k, role: role, maxWidth: width)
                }
            }
            if let e = errors[f.id] {
                let lines = TextWidth.wrap("! " + e, to: max(width, 1))
                let top = y + heights[i] - lines.count
                for (k, line) in lines.enumerated() where top + k < area.maxY {
                    g.put(line, x: x, y: top + k, role: .error, maxWidth: width)
                }
            }
            y += heights[i]
        }
        return min(y, area.maxY) - area.y
    }

    /// Every field as plain mode reads it (all of them, not only those in view).
    public func outline() -> [OutlineItem] {
        fields.indices.map { i in
            let f = fields[i]
            let kind: OutlineField.Kind, value: String
            switch f.kind {
            case .text(let t): kind = .text(secret: t.secret, limit: t.limit); value = t.secret ? String(repeating: "•", count: t.text.count) : t.text
            case .area(let a): kind = .area(limit: a.limit); value = a.text
            case .toggle(let on): kind = .toggle(on); value = ""
            case .choice(let o, let s), .cycle(let o, let s): kind = .choice(options: o, selected: s); value = o.indices.contains(s) ? o[s] : ""
            case .button: kind = .button; value = ""
            case .note: return .text(f.label)
            }
            return .field(OutlineField(label: f.label, value: value, kind: kind, focused: i == focus, error: errors[f.id]))
        }
    }

    /// "‹ Hertme › 4/4": one option with its place; the value is cut before the place is. The
    /// single angle quotes are in no speech dictionary ("◀ ▶" were read as "knop voor
    /// terugspoelen … knop voor afspelen"), so a screen reader says "Hertme 4 slash 4".
    private func drawCycle(_ options: [String], _ selected: Int, into g: inout Grid, x: Int, y: Int, width: Int, focused: Bool) {
        let value = options.indices.contains(selected) ? options[selected] : ""
        let place = " › \(selected + 1)/\(options.count)"
        let room = max(width - 2 - TextWidth.width(place), 1)
        g.put("‹ " + TextWidth.truncate(value, to: room) + place, x: x, y: y, role: .selected, maxWidth: max(width, 1))
        if focused { g.cursor = (min(x + 2, g.size.cols - 1), y) }
    }
}

extension Form {
    /// The label of field `id` as the screen shows it, without the " *" that marks it required:
    /// what an error about the field calls it, so "Vul 'organisatie' in" never names a field
    /// that is on screen as "Voor wie".
    public func shownLabel(_ id: String) -> String? {
        guard var label = fields.first(where: { $0.id == id })?.label else { return nil }
        if label.hasSuffix(" *") { label.removeLast(2) }
        return label
    }
}
