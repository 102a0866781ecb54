import Foundation

/// What a person fills in to get an account.
public struct Registration: Sendable {
    /// Login e-mail address.
    public var email: String
    /// Name.
    public var name: String
    /// Password in plain text (hashed before it is stored; never kept).
    public var password: String
    /// Name or number of the wijk.
    public var wijk: String
    /// Roles; a resident by default.
    public var roles: Roles
    /// Profile visibility; Anoniem by default.
    public var visibility: ProfileVisibility
    /// The four e-mail toggles; all off by default.
    public var emailPreferences: EmailPreferences
    /// Interest areas.
    public var interests: [String]

    /// Creates a registration with privacy by default.
    public init(email: String, name: String, password: String, wijk: String, roles: Roles = .residentOnly,
                visibility: ProfileVisibility = .anonymous, emailPreferences: EmailPreferences = .allOff, interests: [String] = []) {
        self.email = email
        self.name = name
        self.password = password
        self.wijk = wijk
        self.roles = roles
        self.visibility = visibility
        self.emailPreferences = emailPreferences
        self.interests = interests
    }
}
