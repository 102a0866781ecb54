import TerminalKit

extension Binding where Action == SociaalHusUI.Action {
    /// A binding of `action` with the keys the key table gives it: screens name actions and
    /// words, never keys, so one action has one key on every screen, and the keys file
    /// (`KeyMap.apply`) moves it everywhere at once.
    static func table(_ action: Action, label: String, help: String? = nil, group: String, inStatusBar: Bool = true) -> Binding<Action> {
        Binding(action, KeyMap.defaultKeyList[action] ?? [], label: label, help: help, group: group, inStatusBar: inStatusBar)
    }
}
