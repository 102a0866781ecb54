import Foundation

/// The parts of the product a viewer may open.
public enum Section: String, Sendable, CaseIterable {
    case agenda, prikbord, organisations, profiles, login, registration, privacyStatement
}

/// Which sections are open to a viewer: on a private platform a visitor sees only login,
/// registration (when open) and the privacy statement.
public enum PlatformAccess {
    /// True when `viewer` may open `section`.
    public static func mayOpen(_ section: Section, viewer: Viewer, settings: PlatformSettings) -> Bool {
        switch section {
        case .login, .privacyStatement: return true
        case .registration: return settings.registrationOpen || viewer.isAdministrator
        case .agenda, .prikbord, .organisations, .profiles:
            if viewer.activeAccount != nil { return true }
            return !settings.isPrivate
        }
    }

    /// Throws `CoreError.platformPrivate` when the viewer may not open `section`.
    public static func require(_ section: Section, viewer: Viewer, settings: PlatformSettings) throws {
        if !mayOpen(section, viewer: viewer, settings: settings) { throw CoreError.platformPrivate }
    }
}
