import TerminalKit

/// A search line above a list: `/` opens it, typing filters, Enter keeps the filter, Esc clears it.
public struct SearchBox {
    /// The text field.
    public var field = TextField(limit: 100)
    /// True while the field has focus.
    public var active = false

    /// Creates an empty search box.
    public init() {}

    /// The current search text (trimmed).
    public var query: String { field.text.trimmingCharacters(in: .whitespaces) }

    /// Handles a key while active; returns true when used.
    public mutating func handle(_ key: Key) -> Bool {
        guard active else { return false }
        switch key {
        case .enter: active = false
        case .escape:
            active = false
            field.text = ""
        default: return field.handle(key)
        }
        return true
    }

    /// Draws "Zoeken: …" on one row.
    public func render(into g: inout Grid, x: Int, y: Int, width: Int, label: String) {
        let used = g.put(label + " ", x: x, y: y, role: active ? .focus : .muted, maxWidth: width)
        field.render(into: &g, x: x + used, y: y, width: max(width - used, 1), focused: active)
    }
}

/// A filter that cycles through "all" and a list of values with one key.
public struct CycleFilter<Value: Equatable> {
    /// The values after "all".
    public var values: [Value]
    /// Index into values, or nil for all.
    public var index: Int?

    /// Creates a filter over `values`, starting at "all".
    public init(_ values: [Value]) { self.values = values }

    /// The selected value, nil for all.
    public var value: Value? { index.flatMap { values.indices.contains($0) ? values[$0] : nil } }

    /// Replaces the values, keeping the selected one where it still is (`same` says which is).
    public mutating func replaceValues(_ new: [Value], same: (Value, Value) -> Bool) {
        let old = value
        values = new
        index = old.flatMap { o in new.firstIndex { same($0, o) } }
    }

    /// Moves to the next value, wrapping to "all".
    public mutating func next() {
        guard !values.isEmpty else { return }
        if let i = index { index = i + 1 < values.count ? i + 1 : nil } else { index = 0 }
    }
}

extension SearchBox {
    /// The keys while the search line has focus: Enter finishes the search, Esc clears it.
    static func bindings(_ ctx: UIContext) -> [Binding<Action>] {
        let g = ctx.t(.search)
        return [Binding.table(.open, label: ctx.t(.done), help: ctx.t(.finishSearching), group: g),
                Binding.table(.back, label: ctx.t(.clear), help: ctx.t(.clearTheSearch), group: g)]
    }

    /// Applies Enter or Esc while searching: nil when not searching or another action, else
    /// whether the search text changed (so the list must be read again).
    mutating func finish(_ action: Action) -> Bool? {
        guard active else { return nil }
        switch action {
        case .open:
            active = false
            return false
        case .back:
            active = false
            field.text = ""
            return true
        default:
            return nil
        }
    }
}

/// Draws the core's refusal (e.g. a private platform) instead of a screen's content.
func drawRefusal(_ message: String, into g: inout Grid, area: Rect) {
    g.outline.append(.text(message))
    g.put(message, x: area.x + 2, y: area.y + 1, role: .error, maxWidth: area.width - 4)
    g.cursor = (area.x + 2, area.y + 1)
}

extension Grid {
    /// Writes a screen's summary line ("Alle wijken (143)") in the muted style, and notes it for plain mode.
    mutating func putSummary(_ text: String, x: Int, y: Int, maxWidth: Int) {
        outline.append(.text(text))
        put(text, x: x, y: y, role: .muted, maxWidth: maxWidth)
    }
}
