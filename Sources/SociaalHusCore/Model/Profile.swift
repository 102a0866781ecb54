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
    /// Interest areas (interessegebieden) for wijk notifications: keys of `PlatformCategory`.
    /// A store from before the list may still hold free text here, shown as unlisted until the
    /// resident saves the profile (`interestCategories`, `unlistedInterests`).
    public var interests: [String]
    /// The four e-mail toggles.
    public var email: EmailPreferences
    /// Phone number, only ever shown on a post whose author ticked it.
    public var phone: String?
    /// Postal address, only ever shown on a post whose author ticked it.
    public var address: String?
    /// Wijk notifications one e-mail each, or gathered into a daily or weekly digest.
    public var digest: DigestRhythm = .immediately

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

    /// The categories the interests name (case and accents aside), in the list's order.
    public var interestCategories: [PlatformCategory] { PlatformCategory.matching(interests) }

    /// Interests typed as free text before the list, that name no category: they match nothing,
    /// and the next save of the profile drops them.
    public var unlistedInterests: [String] { interests.filter { PlatformCategory(matching: $0) == nil } }
}

/// How a resident's wijk notifications come: at once, or in one e-mail a day or a week.
public enum DigestRhythm: String, Codable, Sendable, CaseIterable {
    /// One e-mail per notification.
    case immediately
    /// One digest at most once per calendar day (`sociaalhus mail digest`, run daily by cron).
    case daily
    /// One digest at most once in 7 calendar days.
    case weekly

    /// How many calendar days must lie between two digests.
    public var days: Int { self == .weekly ? 7 : 1 }

    /// The name users see.
    public var word: Word {
        switch self {
        case .immediately: .atOnce
        case .daily: .onceDay
        case .weekly: .digestOnceWeek
        }
    }
}
