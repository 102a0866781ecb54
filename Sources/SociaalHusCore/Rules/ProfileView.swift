import Foundation

/// What one viewer may see of one person's profile: the result of the visibility rules.
public struct ProfileView: Sendable, Hashable {
    /// The name to show: the real display name, or "anonieme bewoner".
    public var displayName: String
    /// True when the name is hidden.
    public var isAnonymous: Bool
    /// The photo file, only where the level allows.
    public var photo: String?
    /// The wijk, shown with the name (never for an anonymous profile).
    public var wijk: WijkID?
    /// E-mail, phone and address: for the owner only.
    public var email: String?
    public var phone: String?
    public var address: String?

    /// The text shown instead of a hidden name.
    public static func anonymousName(_ lang: Language) -> String {
        lang.pick(nl: "anonieme bewoner", en: "anonymous resident")
    }
}

/// The visibility rules for profiles, as one pure function.
public enum ProfileVisibilityRule {
    /// What `viewer` sees of `owner`'s profile, or nil when it is hidden from them entirely
    /// (blocked account, or a visitor on a private platform).
    ///
    /// - Owner: everything. Anyone else: name and photo only where the level allows
    ///   (Openbaar: everyone; Alleen buren: logged-in accounts whose profile is in the same wijk;
    ///   Anoniem: nobody), otherwise "anonieme bewoner"; e-mail, phone and address never.
    /// - Roles (desk staff, partner, editor, administrator) give no extra sight of profiles;
    ///   only administrators still see a blocked account's profile.
    public static func view(of owner: Account, by viewer: Viewer, settings: PlatformSettings, lang: Language = .dutch) -> ProfileView? {
        if viewer.owns(owner.id) {
            return ProfileView(displayName: owner.profile.displayName, isAnonymous: false, photo: owner.profile.photo,
                               wijk: owner.profile.wijk, email: owner.email, phone: owner.profile.phone, address: owner.profile.address)
        }
        if owner.blocked && !viewer.isAdministrator { return nil }
        if !PlatformAccess.mayOpen(.profiles, viewer: viewer, settings: settings) { return nil }
        if namesVisible(owner: owner, viewer: viewer) {
            return ProfileView(displayName: owner.profile.displayName, isAnonymous: false, photo: owner.profile.photo,
                               wijk: owner.profile.wijk, email: nil, phone: nil, address: nil)
        }
        return ProfileView(displayName: ProfileView.anonymousName(lang), isAnonymous: true, photo: nil,
                           wijk: nil, email: nil, phone: nil, address: nil)
    }

    /// True when the level lets `viewer` see `owner`'s name and photo.
    public static func namesVisible(owner: Account, viewer: Viewer) -> Bool {
        if viewer.owns(owner.id) { return true }
        switch owner.profile.visibility {
        case .anonymous: return false
        case .public: return true
        case .neighbours:
            guard let me = viewer.activeAccount else { return false }
            return me.profile.wijk == owner.profile.wijk
        }
    }
}
