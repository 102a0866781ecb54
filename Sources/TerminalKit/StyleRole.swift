/// What a cell means, not how it looks: themes map roles to colours and attributes.
public enum StyleRole: String, CaseIterable, Sendable, Hashable {
    case normal, title, header, selected, focus, key, error, muted, topBar, statusBar, success, warning, input

    /// One letter per role for golden style maps.
    public var code: Character {
        switch self {
        case .normal: "."
        case .title: "T"
        case .header: "H"
        case .selected: "S"
        case .focus: "F"
        case .key: "K"
        case .error: "E"
        case .muted: "m"
        case .topBar: "t"
        case .statusBar: "b"
        case .success: "O"
        case .warning: "W"
        case .input: "I"
        }
    }
}
