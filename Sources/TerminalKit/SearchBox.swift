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
