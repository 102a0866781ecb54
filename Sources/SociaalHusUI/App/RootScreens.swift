import SociaalHusCore
import TerminalKit

/// The first screen of each tab.
public enum RootScreens {
    /// Builds the root screen of `tab`; the profile tab shows the login screen to visitors.
    public static func make(_ tab: Tab, _ ctx: UIContext) -> Screen {
        switch tab {
        case .agenda: AgendaScreen(ctx)
        case .prikbord: PrikbordScreen(ctx)
        case .organisaties: OrganisatiesScreen(ctx)
        case .profiel: ctx.session == nil ? LoginScreen(ctx) : ProfileScreen(ctx)
        case .intake: IntakeScreen(ctx)
        case .berichten: BerichtenScreen(ctx)
        case .moderatie: ModeratieScreen(ctx)
        }
    }
}

