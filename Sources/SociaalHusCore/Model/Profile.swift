import Foundation

/// A resident's profile in a wijk: what others may see of them is decided by `visibility`.
public struct Profile: Codable, Sendable, Hashable {
    /// The name shown where the visibility level allows it.
    public var displayName: String
    /// The wijk the profile is linked to.
    public var wijk: WijkID
    /// File name of the photo inside the store's `photos/` folder, if any.
    public var photo: String?
    /// Anoniem (default), Alleen buren or Openbaar.
    public var visibility: ProfileVisibility
    /// Interest areas (interessegebieden) for wijk notifications.
    public var interests: [String]
    /// The four e-mail toggles.
    public var email: EmailPreferences
    /// Phone number, only ever shown on a post whose author ticked it.
    public var phone: String?
    /// Postal address, only ever shown on a post whose author ticked it.
    public var address: String?
    /// Wijk notifications once a day in one e-mail instead of one e-mail each.
    public var dailyDigest: Bool = false

    /// Creates a profile with privacy by default: anonymous, all e-mail off, no photo.
    public init(displayName: String, wijk: WijkID, photo: String? = nil,
                visibility: ProfileVisibility = .anonymous, interests: [String] = [],
                email: EmailPreferences = .allOff, phone: String? = nil, address: String? = nil) {
        self.displayName = displayName
        self.wijk = wijk
        self.photo = photo
        self.visibility = visibility
        self.interests = interests
        self.email = email
        self.phone = phone
        self.address = address
    }
}
