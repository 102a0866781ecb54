import Foundation
import SociaalHusCore
import TerminalKit

/// "Zo zien anderen je": what a visitor, a neighbour and a resident of another wijk would see of
/// a profile with the values now in the form, asked of the core's visibility rule.
struct ProfilePreview {
    /// One line of the preview: who looks, and what they see.
    struct Line: Equatable {
        /// The kind of viewer ("Bezoeker", "Buur", "Andere wijk").
        var who: String
        /// What they see (already safe to draw).
        var sees: String
    }

    /// The three lines for `owner` as it would be after saving (a copy, never stored).
    static func lines(owner: Account, settings: PlatformSettings, now: Date, lang: Language) -> [Line] {
        let ownWijk = owner.profile.wijk
        // Synthetic viewers: ids no real account has, so the rule never treats them as the owner.
        let otherWijk = settings.wijken.first { $0.id != ownWijk }?.id ?? WijkID(-1)
        let neighbour = syntheticResident(id: -1, wijk: ownWijk, now: now)
        let stranger = syntheticResident(id: -2, wijk: otherWijk, now: now)
        let viewers: [(String, Viewer)] = [
            (lang.t(.visitor2), .visitor),
            (lang.t(.neighbour2), .account(neighbour)),
            (lang.t(.otherNeighbourhood), .account(stranger)),
        ]
        return viewers.map { who, viewer in
            Line(who: who, sees: describe(ProfileVisibilityRule.view(of: owner, by: viewer, settings: settings),
                                          settings: settings, lang: lang))
        }
    }

    /// A logged-in resident of `wijk`, its wijk verified, that exists only for the preview.
    private static func syntheticResident(id: Int, wijk: WijkID, now: Date) -> Account {
        var a = Account(id: AccountID(id), email: "", name: "", passwordHash: "", created: now,
                        profile: Profile(displayName: "", wijk: wijk))
        a.wijkCheck = WijkCheck(wijk: wijk, state: .verified, how: .desk, at: now)
        return a
    }

    /// The view as one short phrase: the name (or "anonieme bewoner"), the wijk, and whether a photo shows.
    private static func describe(_ view: ProfileView?, settings: PlatformSettings, lang: Language) -> String {
        guard let view else { return lang.t(.doesNotSeeYourProfile) }
        if view.isAnonymous { return lang.t(view.displayName.word) }
        var parts = [safe(lang.t(view.displayName.word))]
        if let w = view.wijk, let wijk = settings.wijken.first(where: { $0.id == w }) { parts.append(safe(wijk.name)) }
        if view.photo != nil { parts.append(lang.t(.withPhoto2)) }
        return parts.joined(separator: " · ")
    }
}
