import TerminalKit

/// The search line's keys, in the app's actions and words (so in the app: TerminalKit knows neither).
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
