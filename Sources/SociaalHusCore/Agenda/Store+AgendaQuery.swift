import Foundation

/// What part of the agenda to list.
public struct AgendaQuery: Sendable {
    /// Only this wijk (items for the whole municipality are included); nil for all.
    public var wijk: WijkID?
    /// First day (start of the day in Amsterdam).
    public var from: Date
    /// Number of days.
    public var days: Int
    /// Only this organisation.
    public var organisation: OrganisationID?
    /// Only this category (case-insensitive).
    public var category: String?
    /// Only items whose title, description or location contains this text (see `AgendaSearch`).
    public var search: String?

    /// Creates a query.
    public init(wijk: WijkID? = nil, from: Date, days: Int = 56, organisation: OrganisationID? = nil,
                category: String? = nil, search: String? = nil) {
        self.wijk = wijk
        self.from = from
        self.days = days
        self.organisation = organisation
        self.category = category
        self.search = search
    }
}

extension StoreState {
    /// The agenda as `viewer` may see it: recurring items expanded, sorted by start.
    public func agenda(_ q: AgendaQuery, viewer: Viewer) throws -> [Occurrence] {
        try agenda(q, viewer: viewer, among: agenda.all)
    }

    /// The window of a query: from the start of its first day, `days` days on.
    static func window(_ q: AgendaQuery) -> (from: Date, to: Date)? {
        let calendar = LocalTime.calendar
        let from = calendar.startOfDay(for: q.from)
        guard let to = calendar.date(byAdding: .day, value: max(q.days, 0), to: from) else { return nil }
        return (from, to)
    }

    /// The agenda among `items` (all of them, or those the database found in the window).
    func agenda<S: Sequence>(_ q: AgendaQuery, viewer: Viewer, among items: S) throws -> [Occurrence] where S.Element == AgendaItem {
        try PlatformAccess.require(.agenda, viewer: viewer, settings: settings)
        let calendar = LocalTime.calendar
        guard let (from, to) = Self.window(q) else { return [] }
        let needle = AgendaSearch.needle(q.search)
        var out: [Occurrence] = []
        for item in items {
            if let w = q.wijk, let iw = item.wijk, iw != w { continue }
            if let o = q.organisation, item.organisation != o { continue }
            if let c = q.category, item.category.lowercased() != c.lowercased() { continue }
            if item.start >= to, !item.recurrence.changes.contains(where: { ($0.moved?.start ?? to) < to }) { continue }
            if !item.recurrence.repeats, (item.end ?? item.start.addingTimeInterval(item.allDay ? 86_400 : 0)) < from, item.start < from { continue }
            if let needle, !AgendaSearch.matches(item, folded: needle) { continue }
            let creator = item.createdBy.flatMap { accounts[$0.rawValue] }
            guard ContentVisibility.mayView(item, creator: creator, by: viewer, settings: settings) else { continue }
            out += RecurrenceExpansion.occurrences(of: item, from: from, to: to, calendar: calendar)
        }
        // Sort small keys, not the occurrences: each one carries a whole item and moving it is costly.
        let order = out.indices.sorted { (out[$0].start, out[$0].item.id) < (out[$1].start, out[$1].item.id) }
        return order.map { out[$0] }
    }
}
