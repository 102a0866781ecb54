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
        lang.t(.anonymousResident)
    }
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

    /// `owner`'s name where the level lets `viewer` see it, else "anonieme bewoner".
    public static func name(of owner: Account, for viewer: Viewer, lang: Language = .dutch) -> String {
        namesVisible(owner: owner, viewer: viewer) && !(owner.blocked && !viewer.isAdministrator)
            ? owner.profile.displayName : ProfileView.anonymousName(lang)
    }

    /// Who sees a resident's name at `level` (resident of `wijkName`), in words.
    public static func audience(_ level: ProfileVisibility, wijkName: String, lang: Language) -> String {
        switch level {
        case .anonymous: lang.t(.onlyYou)
        case .neighbours: lang.t(.residentsOfWhoseNeighbourhoodIs(wijkName))
        case .public: lang.t(.everyoneVisitorsIncluded)
        }
    }

    /// What the post and reply forms say before saving: who will see the name and the ticked
    /// details, and what everyone else sees. From the same rule as every surface.
    public static func postNotice(level: ProfileVisibility, show: ContactChoice, wijkName: String, lang: Language) -> String {
        var details: [String] = []
        if show.email { details.append(lang.t(.eMailAddress2)) }
        if show.phone { details.append(lang.t(.phoneNumber)) }
        if show.address { details.append(lang.t(.address3)) }
        let list = details.isEmpty ? "" : details.count == 1 ? details[0]
            : details.dropLast().joined(separator: ", ") + lang.t(.andText) + details.last!
        if level == .anonymous {
            let base = lang.t(.yourProfileIsAnonymousOnly)
            guard !details.isEmpty else { return base }
            return base + lang.t(.soYourIsShownTo(list))
        }
        let who = audience(level, wijkName: wijkName, lang: lang)
        let what = details.isEmpty ? lang.t(.yourName2) : lang.t(.yourNameAnd(list))
        let rest = level == .public ? "" : lang.t(.othersSeeAnonymousResident)
        return lang.t(.areSeenBy(what, who)) + rest
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
