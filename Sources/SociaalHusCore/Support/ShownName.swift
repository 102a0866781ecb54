import Foundation

/// A name as the visibility rules let one viewer see it: a name itself, or a code the reader's
/// language words ("anonieme bewoner 2", "Moderatie SociaalHus").
///
/// The rules decide which case applies; the wording is the catalogue's, so the same answer reads
/// right on a Dutch screen, an English screen and the command line.
public enum ShownName: Value, Hashable {
    /// A name the viewer may see: a resident's display name, an organisation's, a typed name or an address.
    case named(String)
    /// A resident whose name the viewer may not see; numbered where one viewer tells several apart.
    case anonymousResident(number: Int? = nil)
    /// A participant of an activity whose name the organiser may not see.
    case anonymousParticipant
    /// The moderators, as sender of a message about a report.
    case moderationTeam
    /// The platform administration, as sender of a message about a role.
    case administrationTeam
    /// A resident whose account is gone.
    case someResident

    /// The name as a word of the catalogue.
    public var word: Word {
        switch self {
        case .named(let name): .named(name)
        case .anonymousResident(nil): .anonymousResident
        case .anonymousResident(let n?): .numberedName(Word.anonymousResident, n)
        case .anonymousParticipant: .anonymousParticipant
        case .moderationTeam: .sociaalhusModeration
        case .administrationTeam: .sociaalhusAdministration
        case .someResident: .resident
        }
    }

    /// True when the rules hid the person's name.
    public var isAnonymous: Bool {
        switch self {
        case .anonymousResident, .anonymousParticipant: true
        default: false
        }
    }

    /// The name in `lang`.
    public func text(_ lang: Language) -> String { lang.t(word) }

    /// The name in the language being worded now (inside a word that shows it).
    public var description: String { text(Language.current) }
}

/// What a message is about, as a viewer may see it now: the content's title, or that it is gone.
public enum AboutTitle: Value, Hashable {
    /// The post's or activity's title, or the organisation's name.
    case title(String)
    /// The content is gone or out of the viewer's sight.
    case removedPost, removedActivity, removedOrganisation

    /// The title as a word of the catalogue.
    public var word: Word {
        switch self {
        case .title(let t): .named(t)
        case .removedPost: .postRemoved
        case .removedActivity: .activityRemoved
        case .removedOrganisation: .organisationRemoved
        }
    }

    /// True when the viewer sees the content's own title.
    public var isShown: Bool {
        if case .title = self { return true }
        return false
    }

    /// The line that introduces it ("Over: Gratis brandhout").
    public var line: Word { .aboutLine(word) }

    /// The title in the language being worded now.
    public var description: String { Language.current.t(word) }
}
