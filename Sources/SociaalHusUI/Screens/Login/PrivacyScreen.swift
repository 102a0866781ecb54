import SociaalHusCore
import TerminalKit

/// The privacy statement, scrollable.
final class PrivacyScreen: Screen {
    private var offset = 0

    func title(_ ctx: UIContext) -> String { ctx.t("Privacyverklaring", "Privacy statement") }

    func bindings(_ ctx: UIContext) -> [Binding<Action>] {
        KeyTable.list(ctx.lang).filter { $0.action != .open }
    }

    func handle(_ action: Action, _ ctx: UIContext) {
        switch action {
        case .up: offset = max(offset - 1, 0)
        case .down: offset += 1
        case .pageUp: offset = max(offset - 10, 0)
        case .pageDown: offset += 10
        default: break
        }
    }

    func render(into g: inout Grid, area: Rect, _ ctx: UIContext) {
        let lines = TextWidth.wrap(PrivacyStatement.text(ctx.language), to: area.width - 4)
        offset = min(offset, max(lines.count - area.height, 0))
        for (i, line) in lines.dropFirst(offset).prefix(area.height).enumerated() {
            g.put(line, x: area.x + 2, y: area.y + i, role: line.hasPrefix("#") ? .header : .normal)
        }
        g.cursor = (area.x + 2, area.y)
    }
}
