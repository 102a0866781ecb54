import Foundation

/// One resident in the Buren view, as the viewer may see them.
public struct NeighbourView: Sendable, Hashable {
    /// The account (to contact them through the form).
    public var id: AccountID
    /// Their name (only listed when the level lets the viewer see it).
    public var name: String
    /// Their wijk.
    public var wijk: WijkID
    /// True when they have a photo.
    public var hasPhoto: Bool
    /// Their areas of interest.
    public var interests: [String]
    /// Their posts that are up now, as the viewer sees them.
    public var openPosts: [PostView]
}

extension StoreState {
    /// The residents whose profile level lets `viewer` see them: visitors and residents of
    /// another wijk see Openbaar profiles, residents of the same wijk also Alleen buren ones;
    /// Anoniem profiles are never listed. Blocked accounts and the viewer themself are left out.
    /// `search` matches name or interests; `interest` keeps those with that category of the
    /// platform's list (`PlatformCategory`). Only interests of the list are shown.
    public func neighbours(for viewer: Viewer, search: String = "", interest: String? = nil, now: Date) -> [NeighbourView] {
        guard PlatformAccess.mayOpen(.profiles, viewer: viewer, settings: settings) else { return [] }
        let needle = search.trimmingCharacters(in: .whitespaces).lowercased()
        let postsByAuthor = Dictionary(grouping: posts.all.filter { if case .resident = $0.author { return true } else { return false } },
                                       by: { $0.author.account! })
        return accounts.all.compactMap { a -> NeighbourView? in
            guard Permissions.isResident(a), !a.blocked, !viewer.owns(a.id),
                  ProfileVisibilityRule.namesVisible(owner: a, viewer: viewer) else { return nil }
            let p = a.profile
            let interests = p.interestCategories.map(\.key)
            if let interest, !interests.contains(where: { PlatformCategory(matching: $0) == PlatformCategory(matching: interest) }) { return nil }
            if !needle.isEmpty, !p.displayName.lowercased().contains(needle), !interests.contains(where: { $0.contains(needle) }) { return nil }
            let open = (postsByAuthor[a.id] ?? []).sorted { $0.created > $1.created }.compactMap {
                ContentVisibility.view(of: $0, author: a, organisation: nil, by: viewer, settings: settings, now: now)
            }.filter { $0.post.expires > now }
            return NeighbourView(id: a.id, name: p.displayName, wijk: p.wijk, hasPhoto: p.photo != nil, interests: interests, openPosts: open)
        }.sorted { ($0.name.lowercased(), $0.id) < ($1.name.lowercased(), $1.id) }
    }
}
