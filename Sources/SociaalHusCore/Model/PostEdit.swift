import Foundation

/// What an author may change in a post; nil leaves a part as it is. Author, wijk, creation
/// time and moderation state are not here on purpose: they change only through their own
/// audited operations.
public struct PostEdit: Sendable, Hashable {
    /// Vraag, aanbod or mededeling.
    public var kind: Post.Kind?
    /// The title.
    public var title: String?
    /// The text.
    public var body: String?
    /// Which contact details go with the post.
    public var show: ContactChoice?
    /// Days it stays up from now (1–90).
    public var lifetimeDays: Int?

    /// Creates an edit of the given parts.
    public init(kind: Post.Kind? = nil, title: String? = nil, body: String? = nil, show: ContactChoice? = nil, lifetimeDays: Int? = nil) {
        self.kind = kind
        self.title = title
        self.body = body
        self.show = show
        self.lifetimeDays = lifetimeDays
    }
}

/// What an editor may change in an agenda item: its content, time, place and organisation.
/// Who created it and whether a moderator hid it are not here.
public struct AgendaEdit: Sendable, Hashable {
    public var title: String
    public var description: String
    public var start: Date
    public var end: Date?
    public var allDay: Bool
    public var location: String
    public var wijk: WijkID?
    public var organisation: OrganisationID
    public var category: String
    public var cost: String
    public var signup: String
    public var recurrence: Recurrence

    /// The editable parts of `draft` (the rest of `draft` is ignored).
    public init(_ draft: AgendaItem) {
        title = draft.title; description = draft.description; start = draft.start; end = draft.end; allDay = draft.allDay
        location = draft.location; wijk = draft.wijk; organisation = draft.organisation; category = draft.category
        cost = draft.cost; signup = draft.signup; recurrence = draft.recurrence
    }

    /// `item` with these parts applied.
    func applied(to item: AgendaItem) -> AgendaItem {
        var i = item
        i.title = title; i.description = description; i.start = start; i.end = end; i.allDay = allDay
        i.location = location; i.wijk = wijk; i.organisation = organisation; i.category = category
        i.cost = cost; i.signup = signup; i.recurrence = recurrence
        return i
    }
}
