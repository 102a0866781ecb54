import Foundation

/// An organisation in the directory (organisaties); its data is public, kept by its editors.
public struct Organisation: Codable, Sendable, Hashable, Identifiable {
    /// Internal id.
    public var id: OrganisationID
    /// Name of the organisation.
    public var name: String
    /// What it does.
    public var description: String
    /// Categories such as "zorg en ondersteuning".
    public var categories: [String]
    /// Wijken it serves.
    public var wijken: [WijkID]
    /// Visiting address.
    public var address: String
    /// Public phone number.
    public var phone: String
    /// Public e-mail address.
    public var email: String
    /// Website.
    public var website: String
    /// Opening hours in free text.
    public var openingHours: String
    /// Account that created the entry (nil for imports); for blocking.
    public var createdBy: AccountID?

    /// Creates an organisation.
    public init(id: OrganisationID, name: String, description: String = "", categories: [String] = [],
                wijken: [WijkID] = [], address: String = "", phone: String = "", email: String = "",
                website: String = "", openingHours: String = "", createdBy: AccountID? = nil) {
        self.id = id
        self.name = name
        self.description = description
        self.categories = categories
        self.wijken = wijken
        self.address = address
        self.phone = phone
        self.email = email
        self.website = website
        self.openingHours = openingHours
        self.createdBy = createdBy
    }
}
