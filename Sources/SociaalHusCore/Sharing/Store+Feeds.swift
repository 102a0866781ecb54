import Foundation

/// A wijk's shared agenda in one of the two feed formats.
public enum FeedFormat: String, Sendable, CaseIterable {
    case ics, json
}

extension Store {
    /// Approves sharing `wijk`'s agenda with `thirdParty`; only that wijk's local partner may.
    @discardableResult
    func approveFeed(wijk: WijkID, thirdParty: String, by viewer: Viewer) throws -> FeedApproval {
        try Permissions.require(.approveFeed(wijk: wijk), by: viewer)
        guard let me = viewer.activeAccount else { throw CoreError.notPermitted(.notLoggedIn) }
        let party = try validated(thirdParty, .organisation)
        return try update(actor: viewer) { tx in
            guard tx.state.wijk(wijk) != nil else { throw CoreError.unknownWijk(String(wijk.rawValue)) }
            var s = tx.state.settings
            let approval = FeedApproval(id: (s.feedApprovals.map(\.id).max() ?? 0) + 1, wijk: wijk, thirdParty: party, approvedBy: me.id,
                                        approvedByName: me.name, approved: tx.now)
            s.feedApprovals.append(approval)
            tx.setSettings(s)
            tx.audit(.platformChanged, actor: me.id, subject: nil, target: "feed-approval:\(approval.id)")
            return approval
        }
    }

    /// Withdraws an approval (the wijk's partner); the record stays, marked withdrawn.
    func withdrawFeed(_ id: Int, by viewer: Viewer) throws {
        guard let me = viewer.activeAccount else { throw CoreError.notPermitted(.notLoggedIn) }
        try update(actor: viewer) { tx in
            var s = tx.state.settings
            guard let i = s.feedApprovals.firstIndex(where: { $0.id == id }) else { throw CoreError.notFound(what: "goedkeuring \(id)") }
            try Permissions.require(.approveFeed(wijk: s.feedApprovals[i].wijk), by: viewer)
            guard s.feedApprovals[i].inForce else { return }
            s.feedApprovals[i].withdrawn = tx.now
            s.feedApprovals[i].withdrawnBy = me.id
            tx.setSettings(s)
            tx.audit(.platformChanged, actor: me.id, subject: nil, target: "feed-approval:\(id)")
        }
    }

    /// The shared feed of `wijk` (activities of the wijk and of all of Borne, from `from` for
    /// `days` days), refused without an approval in force. An activity whose text holds personal
    /// data held in the store is left out, whole (its moved occurrences too), and named in the
    /// result; the others go out as they are. Works on a private platform too: an approved feed
    /// is public by choice.
    public func feed(wijk: WijkID, format: FeedFormat, from: Date, days: Int = 366) throws -> WijkFeed {
        let (w, items, leftOut) = try feedContent(wijk: wijk, from: from, days: days)
        let s = state
        let orgNames = Dictionary(uniqueKeysWithValues: s.organisations.all.map { ($0.id, $0.name) })
        switch format {
        case .ics:
            let domain = s.settings.mailFrom.split(separator: "@").last.map(String.init) ?? "sociaalhus.invalid"
            let text = ICalendar.calendar(name: "Agenda \(w.name)", items: items, organisations: orgNames, stamp: clock.now(), domain: domain)
            return WijkFeed(data: Data(text.utf8), leftOut: leftOut)
        case .json:
            let rows = items.map { FeedItem($0, organisation: orgNames[$0.organisation] ?? "", wijk: $0.wijk.flatMap { s.wijk($0)?.name }) }
            return WijkFeed(data: TextSanitizer.neutralisingJSON(try ISODate.encoder().encode(rows)) + Data("\n".utf8), leftOut: leftOut)
        }
    }

    /// What the shared feed of `wijk` leaves out now, and why, without making the feed.
    public func feedLeftOut(wijk: WijkID, from: Date, days: Int = 366) throws -> FeedLeftOut {
        try feedContent(wijk: wijk, from: from, days: days).leftOut
    }

    /// The activities of `wijk`'s feed, split into those that go out and those left out.
    private func feedContent(wijk: WijkID, from: Date, days: Int) throws -> (wijk: Wijk, items: [AgendaItem], leftOut: FeedLeftOut) {
        try refresh()
        let s = state
        guard let w = s.wijk(wijk) else { throw CoreError.unknownWijk(String(wijk.rawValue)) }
        guard s.settings.feedApprovals.contains(where: { $0.wijk == wijk && $0.inForce }) else {
            throw CoreError.feedNotApproved(wijk: w.name, hasPartner: s.accounts.all.contains { Permissions.isPartner($0, of: wijk) })
        }
        var open = s.settings
        open.isPrivate = false
        let cal = amsterdamCalendar()
        let start = cal.startOfDay(for: from)
        let end = cal.date(byAdding: .day, value: days, to: start) ?? start
        let candidates = s.agenda.all.filter { item in
            if let iw = item.wijk, iw != wijk { return false }
            let creator = item.createdBy.flatMap { s.accounts[$0.rawValue] }
            guard ContentVisibility.mayView(item, creator: creator, by: .visitor, settings: open) else { return false }
            if item.start >= end { return false }
            let lastEnd: Date
            if item.recurrence.repeats {
                lastEnd = item.recurrence.until.flatMap { cal.date(byAdding: .day, value: 1, to: $0) } ?? .distantFuture
            } else {
                lastEnd = item.end ?? item.start
            }
            return lastEnd >= start
        }.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
        let scan = personalDataScan()
        var items: [AgendaItem] = [], named: [LeftOutActivity] = [], count = 0
        for item in candidates {
            let organisation = s.organisations[item.organisation.rawValue]?.name ?? ""
            let found = scan.findings(in: item, organisation: organisation)
            guard !found.isEmpty else { items.append(item); continue }
            count += 1
            guard named.count < FeedLeftOut.shown else { continue }
            let fields = Set(found.map(\.field))
            named.append(LeftOutActivity(id: item.id, start: item.start, title: fields.contains(.title) ? nil : item.title,
                                         organisation: fields.contains(.organisation) ? "" : organisation, findings: found))
        }
        return (w, items, FeedLeftOut(activities: named, count: count))
    }
}

/// One activity in the JSON feed: organisation data and public places only.
public struct FeedItem: Codable, Sendable, Equatable {
    public var uid: String
    public var title: String
    public var description: String
    public var start: Date
    public var end: Date?
    public var allDay: Bool
    public var location: String
    public var wijk: String?
    public var organisation: String
    public var category: String
    public var cost: String
    public var signup: String
    public var recurrence: String
    public var recurrenceUntil: Date?
    /// The whole rule as RFC 5545 says it (nil: no repetition); `recurrence` names the old
    /// patterns only ("rule" for any other).
    public var rrule: String?
    /// Occurrences cancelled (no `moved`) or moved, by the start the rule gives them.
    public var changes: [OccurrenceChange]

    init(_ i: AgendaItem, organisation: String, wijk: String?) {
        uid = "agenda-\(i.id)"
        title = i.title
        description = i.description
        start = i.start
        end = i.end
        allDay = i.allDay
        location = i.location
        self.wijk = wijk
        self.organisation = organisation
        category = i.category
        cost = i.cost
        signup = i.signup
        recurrence = i.recurrence.pattern?.rawValue ?? "rule"
        rrule = ICalendar.rrule(i)
        changes = i.recurrence.changes.sorted { $0.original < $1.original }
        recurrenceUntil = i.recurrence.until
    }
}
