import SociaalHusCore
import TerminalKit

/// The first screen of each tab.
public enum RootScreens {
    /// Builds the root screen of `tab`; the profile tab shows the login screen to visitors.
    public static func make(_ tab: Tab, _ ctx: UIContext) -> Screen {
        switch tab {
        case .agenda: PendingScreen(name: "Agenda")
        case .prikbord: PrikbordScreen(ctx)
        case .organisaties: OrganisatiesScreen(ctx)
        case .profiel: ctx.session == nil ? LoginScreen() : ProfileScreen(ctx)
        }
    }
}

/// Temporary while the screen is being built in this change.
final class PendingScreen: Screen {
    let name: String
    init(name: String) { self.name = name }
    func title(_ ctx: UIContext) -> String { name }
    func bindings(_ ctx: UIContext) -> [Binding<Action>] { [] }
    func handle(_ action: Action, _ ctx: UIContext) {}
    func render(into g: inout Grid, area: Rect, _ ctx: UIContext) { g.put(name, x: 2, y: area.y + 1) }
}
