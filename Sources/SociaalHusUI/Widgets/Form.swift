import SociaalHusCore
import TerminalKit

/// One row of a form.
public struct FormField {
    /// What kind of input a row is.
    public enum Kind {
        /// A line of text (or a password when the field is secret).
        case text(TextField)
        /// A tick box.
        case toggle(Bool)
        /// One of several options, shown side by side.
        case choice(options: [String], selected: Int)
        /// One of many options, showing only the chosen one ("◀ geldzaken ▶ 3/8"); for long lists.
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
    /// True once something was typed or changed.
    public private(set) var edited = false
    private var offset = 0

    /// Creates a form; focus on the first focusable row.
    public init(_ fields: [FormField], labelWidth: Int = 22) {
        self.fields = fields
        self.labelWidth = labelWidth
        focus = fields.firstIndex { $0.focusable } ?? 0
    }

    /// True when the focused row is a text field.
    public var isEditingText: Bool {
        guard fields.indices.contains(focus) else { return false }
        if case .text = fields[focus].kind { return true }
        return false
    }

    /// The id of the focused row.
    public var focusedID: String? { fields.indices.contains(focus) ? fields[focus].id : nil }

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

    /// Handles a key: typing, toggles, choices, Tab/Shift-Tab/arrows, Enter.
    public mutating func handle(_ key: Key) -> Event {
        guard fields.indices.contains(focus) else { return .ignored }
        switch key {
        case .tab, .down: moveFocus(1); return .handled
        case .backTab, .up: moveFocus(-1); return .handled
        case .escape where isEditingText:
            // Leave the text field for the next row that is not one, so letter keys are shortcuts again.
            let start = focus
            repeat { moveFocus(1) } while isEditingText && focus != start
            return .handled
        default: break
        }
        switch fields[focus].kind {
        case .text(var field):
            if key == .enter { moveFocus(1); return .handled }
            if field.handle(key) {
                fields[focus].kind = .text(field)
                edited = true
                return .handled
            }
        case .toggle(let on):
            if key == .char(" ") || key == .enter || key == .char("x") {
                fields[focus].kind = .toggle(!on)
                edited = true
                return .handled
            }
        case .choice(let options, let selected):
            guard !options.isEmpty else { return .ignored }
            switch key {
            case .left: fields[focus].kind = .choice(options: options, selected: max(selected - 1, 0)); edited = true; return .handled
            case .right: fields[focus].kind = .choice(options: options, selected: min(selected + 1, options.count - 1)); edited = true; return .handled
            case .char(" "), .enter: fields[focus].kind = .choice(options: options, selected: (selected + 1) % options.count); edited = true; return .handled
            default: break
            }
        case .cycle(let options, let selected):
            guard !options.isEmpty else { return .ignored }
            let n = options.count
            switch key {
            case .left: fields[focus].kind = .cycle(options: options, selected: (selected - 1 + n) % n); edited = true; return .handled
            case .right, .char(" "), .enter: fields[focus].kind = .cycle(options: options, selected: (selected + 1) % n); edited = true; return .handled
            default: break
            }
        case .button:
            if key == .enter || key == .char(" ") { return .pressed(fields[focus].id) }
        case .note: break
        }
        return .ignored
    }

    /// The text of a text row.
    public func text(_ id: String) -> String {
        guard let f = fields.first(where: { $0.id == id }), case .text(let t) = f.kind else { return "" }
        return t.text
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

    /// Marks the form as holding unsaved input (e.g. restored from a draft).
    public mutating func markEdited() { edited = true }

    /// Replaces the text of a text row.
    public mutating func setText(_ id: String, _ value: String) {
        guard let i = fields.firstIndex(where: { $0.id == id }), case .text(var t) = fields[i].kind else { return }
        t.text = value
        fields[i].kind = .text(t)
    }

    /// Draws the form; the focused row carries a "▶" marker as well as the focus style.
    public mutating func render(into g: inout Grid, area: Rect) {
        guard area.height > 0 else { return }
        if focus < offset { offset = focus }
        if focus >= offset + area.height { offset = focus - area.height + 1 }
        for (row, i) in (offset..<fields.count).prefix(area.height).enumerated() {
            let y = area.y + row
            let f = fields[i]
            let focused = i == focus
            let marker = focused ? "▶ " : "  "
            g.put(marker, x: area.x, y: y, role: focused ? .focus : .normal)
            let x = area.x + 2
            let width = area.width - 2
            switch f.kind {
            case .text(let field):
                g.put(TextWidth.pad(f.label, to: labelWidth), x: x, y: y, role: focused ? .focus : .normal, maxWidth: width)
                field.render(into: &g, x: x + labelWidth + 1, y: y, width: max(width - labelWidth - 1, 1), focused: focused)
            case .toggle(let on):
                g.put((on ? "[x] " : "[ ] ") + f.label, x: x, y: y, role: focused ? .focus : .normal, maxWidth: width)
                if focused { g.cursor = (x + 1, y) }
            case .choice(let options, let selected):
                let used = g.put(TextWidth.pad(f.label, to: labelWidth) + " ", x: x, y: y, role: focused ? .focus : .normal, maxWidth: width)
                var cx = x + used
                for (k, o) in options.enumerated() {
                    let text = (k == selected ? "(•) " : "( ) ") + o + "  "
                    if focused && k == selected { g.cursor = (cx + 1, y) }
                    cx += g.put(text, x: cx, y: y, role: k == selected ? .selected : .normal, maxWidth: area.x + area.width - cx)
                }
            case .button:
                g.put("[ " + f.label + " ]", x: x, y: y, role: focused ? .selected : .key, maxWidth: width)
                if focused { g.cursor = (x + 2, y) }
            case .cycle(let options, let selected):
                let used = g.put(TextWidth.pad(f.label, to: labelWidth) + " ", x: x, y: y, role: focused ? .focus : .normal, maxWidth: width)
                let value = options.indices.contains(selected) ? options[selected] : ""
                if focused { g.cursor = (x + used + 2, y) }
                g.put("◀ " + value + " ▶  \(selected + 1)/\(options.count)", x: x + used, y: y, role: .selected, maxWidth: max(width - used, 1))
            case .note(let role):
                g.put(f.label, x: x, y: y, role: role, maxWidth: width)
            }
        }
    }
}
