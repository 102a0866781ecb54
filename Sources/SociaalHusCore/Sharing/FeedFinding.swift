import Foundation

/// A text of an activity that goes into a shared feed.
public enum FeedField: String, Sendable, CaseIterable, Codable {
    case title, description, location, category, cost, signup, organisation
}

/// Personal data the feed's scan found in an activity: in which field and of what kind, never
/// the text found.
public struct FeedFinding: Sendable, Hashable {
    /// The field that holds it.
    public let field: FeedField
    /// What kind of data it is.
    public let kind: PersonalDataKind

    /// A finding of `kind` in `field`.
    public init(_ field: FeedField, _ kind: PersonalDataKind) {
        self.field = field
        self.kind = kind
    }
}

/// An activity a feed left out because of personal data: enough for the wijk's partner to find
/// it and tell its organisation what to change, never the data itself.
public struct LeftOutActivity: Sendable, Equatable {
    /// The activity.
    public let id: AgendaItemID
    /// Its (first) start.
    public let start: Date
    /// Its title; nil when the title itself holds the personal data.
    public let title: String?
    /// The organisation's name; empty when that name holds the personal data.
    public let organisation: String
    /// What was found where, in the order of `FeedField`.
    public let findings: [FeedFinding]
}

/// The activities a wijk's feed leaves out because of personal data: for the partner and whoever
/// runs the feed, never in the feed.
public struct FeedLeftOut: Sendable, Equatable {
    /// The first activities left out, by start: at most `shown`.
    public let activities: [LeftOutActivity]
    /// How many activities were left out in all.
    public let count: Int

    /// The most left-out activities named: a wijk whose every activity names a person still
    /// gives a short list (the count says how many more).
    public static let shown = 20
}

/// A wijk's shared feed as made now: what the third party receives, and what it left out.
public struct WijkFeed: Sendable {
    /// The feed itself (ICS or JSON).
    public let data: Data
    /// The activities left out, and why.
    public let leftOut: FeedLeftOut
}

extension PersonalDataScan {
    /// What the scan finds in `item`'s texts that go into a feed, at most one finding per field,
    /// in the order of `FeedField`; `organisation` is the organisation's name.
    func findings(in item: AgendaItem, organisation: String) -> [FeedFinding] {
        FeedField.allCases.compactMap { field in
            let text: String
            switch field {
            case .title: text = item.title
            case .description: text = item.description
            case .location: text = item.location
            case .category: text = item.category
            case .cost: text = item.cost
            case .signup: text = item.signup
            case .organisation: text = organisation
            }
            return finding(in: text).map { FeedFinding(field, $0) }
        }
    }
}

extension Store {
    /// What a wijk's shared feed would leave out of `draft` (an activity being written), for its
    /// editor before saving; empty for a viewer who may not place activities for its organisation
    /// (the answer says which names the platform knows, so only an editor who typed the text gets it).
    public func feedFindings(in draft: AgendaItem, for viewer: Viewer) -> [FeedFinding] {
        guard Permissions.denial(.createAgendaItem(organisation: draft.organisation), by: viewer) == nil else { return [] }
        return personalDataScan().findings(in: draft, organisation: state.organisations[draft.organisation.rawValue]?.name ?? "")
    }
}

extension FeedFinding {
    /// What was found where, as a reader is told it ("an e-mail address in the description").
    public var word: Word {
        let field: Word
        switch self.field {
        case .title: field = .feedFieldTitle
        case .description: field = .feedFieldDescription
        case .location: field = .feedFieldLocation
        case .category: field = .feedFieldCategory
        case .cost: field = .feedFieldCost
        case .signup: field = .feedFieldSignup
        case .organisation: field = .feedFieldOrganisation
        }
        switch kind {
        case .emailAddress: return .feedFoundEmailIn(field)
        case .name: return .feedFoundNameIn(field)
        case .phoneNumber: return .feedFoundPhoneIn(field)
        case .address: return .feedFoundAddressIn(field)
        }
    }

    /// Several findings as one value inside a sentence, each worded in the sentence's language.
    public static func listed(_ findings: [FeedFinding]) -> InLanguage {
        InLanguage { lang in findings.map { lang.t($0.word) }.joined(separator: "; ") }
    }
}

extension LeftOutActivity {
    /// One line naming the activity and what was found, without the data found; `date` is its
    /// start as the reader's layer writes dates.
    public func word(date: String) -> Word {
        .feedLeftOutLine(date, title.map { TextSanitizer.sanitize($0) as any Value } ?? Word.feedTitleNotShown(id.rawValue),
                         organisation.isEmpty ? Word.feedNameNotShown as any Value : TextSanitizer.sanitize(organisation),
                         FeedFinding.listed(findings))
    }
}
