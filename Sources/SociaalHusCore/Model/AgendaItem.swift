import Foundation

/// An activity in the wijk agenda, placed and kept by an organisation.
public struct AgendaItem: Codable, Sendable, Hashable, Identifiable {
    /// Internal id.
    public var id: AgendaItemID
    /// Title.
    public var title: String
    /// Description.
    public var description: String
    /// Start of the (first) occurrence.
    public var start: Date
    /// End of the (first) occurrence; nil for all-day items without an end.
    public var end: Date?
    /// True for an activity that lasts the whole day.
    public var allDay: Bool
    /// Where it takes place (a public location).
    public var location: String
    /// The wijk it belongs to; nil for the whole municipality.
    public var wijk: WijkID?
    /// The organising organisation.
    public var organisation: OrganisationID
    /// Category, e.g. "ontmoeting".
    public var category: String
    /// Cost in free text ("gratis", "€ 2,50").
    public var cost: String
    /// How to sign up ("vrije inloop", a phone number of the organisation...).
    public var signup: String
    /// Repetition.
    public var recurrence: Recurrence
    /// The editor who created it (for blocking); nil for imports.
    public var createdBy: AccountID?
    /// Why a moderator hid it (shown to its organisation's editors); nil when not hidden.
    public var hiddenReason: String?

    /// Creates an agenda item.
    public init(id: AgendaItemID, title: String, description: String = "", start: Date, end: Date? = nil,
                allDay: Bool = false, location: String = "", wijk: WijkID? = nil, organisation: OrganisationID,
                category: String = "", cost: String = "", signup: String = "", recurrence: Recurrence = .none,
                createdBy: AccountID? = nil) {
        self.id = id
        self.title = title
        self.description = description
        self.start = start
        self.end = end
        self.allDay = allDay
        self.location = location
        self.wijk = wijk
        self.organisation = organisation
        self.category = category
        self.cost = cost
        self.signup = signup
        self.recurrence = recurrence
        self.createdBy = createdBy
    }
}
