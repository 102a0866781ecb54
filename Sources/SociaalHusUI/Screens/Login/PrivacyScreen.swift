import SociaalHusCore
import TerminalKit

/// The privacy statement, scrollable; for visitors `g` opens their own data (the statement
/// promises everyone their rights, visitors who wrote through the contact form too).
final class PrivacyScreen: Screen {
    private var scroll = ScrollText()

    func title(_ ctx: UIContext) -> String { ctx.t(.privacyStatement) }

    func bindings(_ ctx: UIContext) -> [Binding<Action>] {
        KeyTable.list(ctx.lang).filter { $0.action != .open } + (ctx.session != nil ? [] : [
            Binding.table(.myData, label: ctx.t(.myDataAsVisitor),
                    help: ctx.t(.seeAndEraseWhatYou),
                    group: ctx.t(.privacyStatement)),
        ])
    }

    func handle(_ action: Action, _ ctx: UIContext) {
        switch action {
        case .up, .down, .pageUp, .pageDown, .first, .last: _ = scroll.apply(action)
        case .myData: if ctx.session == nil { ctx.push(VisitorAddressScreen(ctx)) }
        default: break
        }
    }

    func render(into g: inout Grid, area: Rect, _ ctx: UIContext) {
        // An administrator may have replaced the text: every line is made safe before it is drawn.
        let text = ctx.t(PrivacyStatement.text(settings: ctx.store.settings))
            .split(separator: "\n", omittingEmptySubsequences: false).map { safe(String($0)) }.joined(separator: "\n")
        let lines = TextWidth.wrap(text, to: area.width - 4)
        scroll.draw(lines.map { ($0, $0.hasPrefix("#") ? StyleRole.header : .normal) }, into: &g, area: area)
    }
}
