import Foundation

/// A neighbourhood (wijk) of the municipality; every resident profile belongs to one.
public struct Wijk: Codable, Sendable, Hashable, Identifiable {
    /// Internal id.
    public var id: WijkID
    /// The name residents know it by, e.g. "Bornsche Maten".
    public var name: String

    /// Creates a wijk.
    public init(id: WijkID, name: String) {
        self.id = id
        self.name = name
    }
}
