import Foundation

/// What one viewer may see of one person's profile: the result of the visibility rules.
public struct ProfileView: Sendable, Hashable {
    /// The name to show: the real display name, or "anonieme bewoner".
    public var displayName: ShownName
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
}

/// The visibility rules for profiles, as one pure function.
public enum ProfileVisibilityRule {
    /// What `viewer` sees of `owner`'s profile, or nil when it is hidden from them entirely
    /// (blocked account, or a visitor on a private platform).
    ///
    /// - Owner: everything. Anyone else: name and photo only where the level allows
    ///   (Openbaar: everyone; Alleen buren: logged-in accounts whose verified wijk is the same;
    ///   Anoniem: nobody), otherwise "anonieme bewoner"; e-mail, phone and address never.
    /// - Roles (desk staff, partner, editor, administrator) give no extra sight of profiles;
    ///   only administrators still see a blocked account's profile.
    public static func view(of owner: Account, by viewer: Viewer, settings: PlatformSettings) -> ProfileView? {
        if viewer.owns(owner.id) {
            return ProfileView(displayName: .named(owner.profile.displayName), isAnonymous: false, photo: owner.profile.photo,
                               wijk: owner.profile.wijk, email: owner.email, phone: owner.profile.phone, address: owner.profile.address)
        }
        if owner.blocked && !viewer.isAdministrator { return nil }
        if !PlatformAccess.mayOpen(.profiles, viewer: viewer, settings: settings) { return nil }
        if namesVisible(owner: owner, viewer: viewer) {
            return ProfileView(displayName: .named(owner.profile.displayName), isAnonymous: false, photo: owner.profile.photo,
                               wijk: owner.profile.wijk, email: nil, phone: nil, address: nil)
        }
        return ProfileView(displayName: .anonymousResident(), isAnonymous: true, photo: nil,
                           wijk: nil, email: nil, phone: nil, address: nil)
    }

    /// `owner`'s name where the level lets `viewer` see it, else "anonieme bewoner".
    public static func name(of owner: Account, for viewer: Viewer) -> ShownName {
        namesVisible(owner: owner, viewer: viewer) && !(owner.blocked && !viewer.isAdministrator)
            ? .named(owner.profile.displayName) : .anonymousResident()
    }

    /// Who sees a resident's name at `level` (resident of `wijkName`), in words.
    public static func audience(_ level: ProfileVisibility, wijkName: String) -> Word {
        switch level {
        case .anonymous: .onlyYou
        case .neighbours: .residentsOfWhoseNeighbourhoodIs(wijkName)
        case .public: .everyoneVisitorsIncluded
        }
    }

    /// What the post and reply forms say before saving: who will see the name and the ticked
    /// details, and what everyone else sees, as sentences to show one after the other. From the
    /// same rule as every surface.
    public static func postNotice(level: ProfileVisibility, show: ContactChoice, wijkName: String) -> [Word] {
        var details: [Word] = []
        if show.email { details.append(.eMailAddress2) }
        if show.phone { details.append(.phoneNumber) }
        if show.address { details.append(.address3) }
        let list = Word.list(details)
        if level == .anonymous {
            guard let list else { return [.yourProfileIsAnonymousOnly] }
            return [.yourProfileIsAnonymousOnly, .soYourIsShownTo(list)]
        }
        let who = audience(level, wijkName: wijkName)
        let what: Word = list.map { .yourNameAnd($0) } ?? .yourName2
        return level == .public ? [.areSeenBy(what, who)] : [.areSeenBy(what, who), .othersSeeAnonymousResident]
    }

    /// True when the level lets `viewer` see `owner`'s name and photo.
    public static func namesVisible(owner: Account, viewer: Viewer) -> Bool {
        if viewer.owns(owner.id) { return true }
        switch owner.profile.visibility {
        case .anonymous: return false
        case .public: return true
        case .neighbours:
            // A wijk only stated at registration opens nothing: anyone can name any wijk.
            guard let me = viewer.activeAccount, me.wijkVerified else { return false }
            return me.profile.wijk == owner.profile.wijk
        }
    }
}
