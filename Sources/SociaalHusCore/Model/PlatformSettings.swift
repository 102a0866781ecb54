import Foundation

/// Platform-wide settings kept by the administrator.
public struct PlatformSettings: Codable, Sendable, Hashable {
    /// The wijken of the municipality.
    public var wijken: [Wijk]
    /// When true, visitors see only login, registration and the privacy statement.
    public var isPrivate: Bool
    /// Whether visitors may register themselves.
    public var registrationOpen: Bool

    /// Creates settings.
    public init(wijken: [Wijk] = [], isPrivate: Bool = false, registrationOpen: Bool = true) {
        self.wijken = wijken
        self.isPrivate = isPrivate
        self.registrationOpen = registrationOpen
    }
}
