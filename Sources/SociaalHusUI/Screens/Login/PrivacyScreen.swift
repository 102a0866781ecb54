import SociaalHusCore
import TerminalKit

/// The privacy statement, scrollable.
final class PrivacyScreen: Screen {
    private var scroll = ScrollText()

    func title(_ ctx: UIContext) -> String { ctx.t("Privacyverklaring", "Privacy statement") }

    func bindings(_ ctx: UIContext) -> [Binding<Action>] {
        KeyTable.list(ctx.lang).filter { $0.action != .open }
    }

    func handle(_ action: Action, _ ctx: UIContext) {
        switch action {
        case .up, .down, .pageUp, .pageDown: _ = scroll.apply(action)
        default: break
        }
    }

    func render(into g: inout Grid, area: Rect, _ ctx: UIContext) {
        let lines = TextWidth.wrap(PrivacyStatement.text(ctx.language), to: area.width - 4)
        scroll.draw(lines.map { ($0, $0.hasPrefix("#") ? StyleRole.header : .normal) }, into: &g, area: area)
    }
}
