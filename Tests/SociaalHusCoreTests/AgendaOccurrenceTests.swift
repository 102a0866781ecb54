import Foundation
import Testing
@_spi(Operator) @testable import SociaalHusCore
import SociaalHusBench

/// The occurrence rows (schema 4) against the reference: expanding every activity and asking
/// `mayView` of each. Seeded random agendas (repeats, all-day, hidden, blocked creators, the
/// change to winter time), every kind of viewer, random windows and filters, before and after
/// changes. `SOCIAALHUS_AGENDA_SEED` and `SOCIAALHUS_AGENDA_RUNS` set the seed and the number of stores.
@Suite struct AgendaOccurrenceTests {
    struct World {
        let store: Store
        let dir: TempDir
        var viewers: [(String, Viewer)]
        var orgs: [OrganisationID]
        var creators: [AccountID]
        var wijken: [WijkID]
    }

    static func world() throws -> World {
        let dir = TempDir()
        let store = try makeStore(dir)
        let a = try store.createOrganisation(Organisation(id: OrganisationID(0), name: "Buurthuis"), by: .commandLine)
        let b = try store.createOrganisation(Organisation(id: OrganisationID(0), name: "Bibliotheek"), by: .commandLine)
        let resident = try addResident(store, "bewoner@example.nl")
        let editor = try addResident(store, "redacteur@example.nl", roles: Roles(editorOf: [a.id]))
        let admin = try addResident(store, "beheer@example.nl", roles: Roles(administrator: true))
        let other = try addResident(store, "ander@example.nl")
        return World(store: store, dir: dir,
                     viewers: [("visitor", .visitor), ("resident", .account(resident)), ("editor", .account(editor)), ("admin", .account(admin))],
                     orgs: [a.id, b.id], creators: [resident.id, editor.id, other.id], wijken: store.wijken.map(\.id))
    }

    /// A store with one organisation and one activity, "Koor", tomorrow (or as `item` makes it).
    @discardableResult
    static func oneActivity(_ dir: TempDir, _ item: (OrganisationID) -> AgendaItem = {
        AgendaItem(id: AgendaItemID(0), title: "Koor", start: testNow.addingTimeInterval(86_400), location: "Kerk", organisation: $0)
    }) throws -> (Store, OrganisationID) {
        let store = try makeStore(dir)
        let org = try store.createOrganisation(Organisation(id: OrganisationID(0), name: "Buurthuis"), by: .commandLine)
        try store.createAgendaItem(item(org.id), by: .commandLine)
        return (store, org.id)
    }

    static func randomItem(_ w: World, _ rng: inout SplitMix64) -> AgendaItem {
        func pick<T>(_ xs: [T]) -> T { xs[Int(rng.next() % UInt64(xs.count))] }
        // Around the change to winter time (25 October 2026) and the test's "now".
        var start = testNow.addingTimeInterval(Double(Int(rng.next() % (200 * 24 * 4)) - 100 * 24 * 4) * 900 + Double(rng.next() % 60))
        // Some at midnight and whole days long: they end exactly where a window starts.
        let midnight = rng.next() % 4 == 0
        if midnight { start = LocalTime.calendar.startOfDay(for: start) }
        let allDay = rng.next() % 6 == 0
        // Some last weeks (a long monthly one runs into the next month's window).
        let end: Date? = rng.next() % 3 == 0 ? nil
            : start.addingTimeInterval(midnight ? Double(rng.next() % 3) * 86_400
                                       : rng.next() % 8 == 0 ? Double(rng.next() % (80 * 86_400)) : Double(rng.next() % (3 * 86_400)))
        let until: Date? = rng.next() % 2 == 0 ? nil : start.addingTimeInterval(Double(rng.next() % (150 * 86_400)))
        // Old patterns and the rules beyond them, with occurrences cancelled and moved.
        var rule = rng.next() % 2 == 0 ? Recurrence(pick(Recurrence.Frequency.allCases), until: until) : RandomRule.make(&rng, start: start, until: until)
        if rule.repeats { RandomRule.change(&rule, &rng, start: start, end: end) }
        var item = AgendaItem(id: AgendaItemID(0), title: "Activiteit \(rng.next() % 1000)", start: start, end: end,
                              location: pick(["Kern", "Café Oost", "Cafe\u{301} West", "Zaal\u{1B}[2J", "STRASSE 1", ""]),
                              wijk: rng.next() % 4 == 0 ? nil : pick(w.wijken), organisation: pick(w.orgs),
                              category: pick(["Sport", "sport", "Cultuur", ""]), recurrence: rule)
        item.allDay = allDay
        item.createdBy = rng.next() % 3 == 0 ? nil : pick(w.creators)
        item.hiddenReason = rng.next() % 5 == 0 ? "melding" : nil
        // Descriptions the search looks in: accents composed and not, the Kelvin sign, ß, a ligature, two lines.
        item.description = pick(["", "Koffie met koek", "KOFFIE en thee", "\u{212A}OFFIE", "Straße", "\u{FB01}etsen", "Eerste regel\ntweede regel", "café"])
        return item
    }

    static func randomQuery(_ w: World, _ rng: inout SplitMix64) -> AgendaQuery {
        func pick<T>(_ xs: [T]) -> T { xs[Int(rng.next() % UInt64(xs.count))] }
        var from = testNow.addingTimeInterval(Double(Int(rng.next() % 240) - 120) * 86_400 + Double(rng.next() % 86_400))
        if rng.next() % 2 == 0 { from = LocalTime.calendar.startOfDay(for: from) }
        return AgendaQuery(wijk: rng.next() % 2 == 0 ? nil : pick(w.wijken), from: from, days: pick([1, 7, 56, 366]),
                           organisation: rng.next() % 3 == 0 ? pick(w.orgs) : nil,
                           category: rng.next() % 4 == 0 ? pick(["sport", "SPORT", "cultuur"]) : nil,
                           search: rng.next() % 3 == 0 ? pick(Self.searches) : nil)
    }

    /// Texts searched for: a title, a place, a description, in other case and composition, across two fields, none.
    static let searches = ["activiteit", "ACTIVITEIT 1", "oost", "Kern", "zaal", "café", "CAFE\u{301}", "cafe", "koffie", "kof", "\u{212A}offie", "strasse",
                           "STRASSE", "straße", "fi", "\u{FB01}", "regel\ntweede", "kern\u{1F}", "zzz", "1", " ", "\u{1B}"]

    /// Compares the rows' listing with the reference for `queries` random queries and every viewer.
    static func compare(_ w: World, _ rng: inout SplitMix64, queries: Int, label: String) throws {
        for _ in 0..<queries {
            let q = randomQuery(w, &rng)
            for (name, viewer) in w.viewers {
                let s = w.store.state
                let sight = try #require(ContentVisibility.agendaSight(for: viewer, settings: s.settings))
                // The window lies inside the rows laid down: the rows answer, not the fallback.
                // (A search with the separator is left to the expansion: nil.)
                guard let listing = try AgendaOccurrences.listing(q, sight: sight, db: w.store.db, item: { id, _, _ in s.agenda[id] }, mayView: { _ in true }) else {
                    #expect(q.search?.contains("\u{1F}") == true, "\(label): the rows did not answer")
                    continue
                }
                // (A search: the rule itself over every activity, not the column the rows use.)
                let reference = q.search == nil ? try w.store.expandedAgenda(q, viewer: viewer) : try s.agenda(q, viewer: viewer)
                let all = listing.all
                if all != reference {
                    // The first difference only: the lists themselves run to thousands of lines.
                    let k = zip(all, reference).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(all.count, reference.count)
                    Issue.record("""
                        \(label), \(name), from \(q.from) for \(q.days) days, wijk \(String(describing: q.wijk)), org \(String(describing: q.organisation)), \
                        category \(q.category ?? "-"), search \(q.search.map { "'\($0)'" } ?? "-"): \(all.count) rows, \(reference.count) expected; first difference at \(k): \
                        \(k < all.count ? "\(all[k].item.id) at \(all[k].start)" : "none") instead of \(k < reference.count ? "\(reference[k].item.id) at \(reference[k].start)" : "none")
                        """)
                }
                #expect(listing.count == reference.count && listing.days.reduce(0) { $0 + $1.count } == reference.count)
                // Day by day too (from the day counts of schema 10 when no filter is set).
                #expect(listing.days.map(\.number) == AgendaListing(reference).days.map(\.number) && listing.days.map(\.count) == AgendaListing(reference).days.map(\.count),
                        "\(label), \(name): the days' counts")
                if q.search != nil {
                    // A search typed letter by letter: every prefix through the rows kept between keys, the last one compared.
                    let cache = AgendaSearchCache()
                    var typed = AgendaQuery(wijk: q.wijk, from: q.from, days: q.days, organisation: q.organisation, category: q.category)
                    var last: AgendaListing?
                    for end in q.search!.indices.map({ q.search!.index(after: $0) }) {
                        typed.search = String(q.search![..<end])
                        last = try AgendaOccurrences.listing(typed, sight: sight, db: w.store.db, item: { id, _, _ in s.agenda[id] }, mayView: { _ in true },
                                                             searchCache: cache, cacheKey: "k")
                    }
                    #expect(last?.all == reference, "\(label), \(name), search '\(q.search!)' letter by letter")
                }
                // The lines read from the rows alone (no record, no rule asked) are the same.
                var lines: [String] = []
                #expect(try w.store.agendaLines(q, viewer: viewer) { l in
                    lines.append("\(l.item) \(l.start) \(String(describing: l.end)) \(l.allDay) \(String(decoding: l.title, as: UTF8.self)) "
                                 + "\(String(decoding: l.location, as: UTF8.self)) \(l.organisation) \(String(describing: l.wijk))")
                })
                #expect(lines == reference.map { o in
                    "\(o.item.id) \(o.start.timeIntervalSince1970) \(String(describing: o.end?.timeIntervalSince1970)) \(o.item.allDay) \(o.item.title) "
                        + "\(o.item.location) \(o.item.organisation) \(String(describing: o.item.wijk))"
                }, "\(label), \(name): lines from the rows")
                #expect(listing.days.map(\.number) == Array(Set(reference.map { RecurrenceExpansion.dayNumber($0.start) })).sorted())
                if !reference.isEmpty {
                    let i = Int(rng.next() % UInt64(reference.count))
                    #expect(listing.occurrence(at: i) == reference[i], "page read of occurrence \(i)")
                }
            }
        }
    }

    @Test("the occurrence rows list what expanding every activity lists: every viewer, window and filter, before and after changes")
    func rowsAgreeWithReference() throws {
        let runs = Int(ProcessInfo.processInfo.environment["SOCIAALHUS_AGENDA_RUNS"] ?? "") ?? 6
        let seed = UInt64(ProcessInfo.processInfo.environment["SOCIAALHUS_AGENDA_SEED"] ?? "") ?? 14
        var rng = SplitMix64(seed: seed)
        for run in 0..<runs {
            let w = try Self.world()
            var items: [AgendaItem] = []
            try w.store.update { tx in
                for _ in 0..<40 {
                    var item = Self.randomItem(w, &rng)
                    item.id = tx.nextID(.agenda)
                    tx.put(item)
                    items.append(item)
                }
            }
            try Self.compare(w, &rng, queries: 8, label: "run \(run) (seed \(seed))")
            // Changes: some activities moved or hidden, some removed, one creator blocked.
            try w.store.update { tx in
                for k in stride(from: 0, to: items.count, by: 3) {
                    var item = Self.randomItem(w, &rng)
                    item.id = items[k].id
                    tx.put(item)
                }
                for k in stride(from: 1, to: items.count, by: 7) { tx.remove(items[k]) }
                var blocked = tx.state.accounts[w.creators[0].rawValue]!
                blocked.blocked = true
                tx.put(blocked)
            }
            try Self.compare(w, &rng, queries: 8, label: "run \(run) (seed \(seed)) after changes")
            #expect(StoreCheck.run(at: w.dir.store).isSound)
            // Another process sees the same.
            let again = try reopen(w.dir)
            let q = AgendaQuery(from: testNow, days: 56)
            #expect(try again.agenda(q, viewer: .visitor) == w.store.expandedAgenda(q, viewer: .visitor))
        }
    }

    @Test("a window outside the rows laid down is expanded from the activities; a change a year on lays them down again")
    func outsideTheRange() throws {
        let dir = TempDir()
        let (store, _) = try Self.oneActivity(dir) {
            AgendaItem(id: AgendaItemID(0), title: "Koor", start: testNow.addingTimeInterval(86_400), location: "Kerk", organisation: $0, recurrence: Recurrence(.weekly))
        }
        let far = AgendaQuery(from: testNow.addingTimeInterval(5 * 366 * 86_400), days: 7)
        let s = store.state
        #expect(try AgendaOccurrences.listing(far, sight: AgendaSight(everything: true, hiddenOf: []), db: store.db, item: { id, _, _ in s.agenda[id] }, mayView: { _ in true }) == nil)
        #expect(try store.agenda(far, viewer: .visitor).map(\.item.title) == ["Koor"], "still listed, by expanding")
        // Four years on, a change lays the rows down around the new moment.
        let later = try reopen(dir, clock: FixedClock(testNow.addingTimeInterval(4 * 366 * 86_400)))
        try later.createOrganisation(Organisation(id: OrganisationID(0), name: "Later"), by: .commandLine)
        let range = try #require(try AgendaOccurrences.coveredRange(later.db))
        #expect(Double(range.until) > far.from.timeIntervalSince1970 + 7 * 86_400)
        let t = later.state
        let listing = try #require(try AgendaOccurrences.listing(far, sight: AgendaSight(everything: true, hiddenOf: []), db: later.db, item: { id, _, _ in t.agenda[id] }, mayView: { _ in true }))
        #expect(listing.all.map(\.item.title) == ["Koor"])
        #expect(StoreCheck.run(at: dir.store).isSound)
    }

    @Test("check reports an occurrence row that disagrees with its activity (its rule columns or its text), an account whose blocked column is wrong, and a lost reference")
    func checkFindsStaleRows() throws {
        let dir = TempDir()
        do {
            let (store, _) = try Self.oneActivity(dir)
            try addResident(store, "anna@example.nl")
        }
        #expect(StoreCheck.run(at: dir.store).isSound)
        try StoreTests.tamper(dir, "UPDATE agenda_occurrence SET hidden = 1")
        #expect(StoreCheck.run(at: dir.store).problems.map { $0.message(.english) }.contains { $0.contains("agenda 1") })
        // The text a line shows (schema 5) is checked too: a title the record does not hold.
        try StoreTests.tamper(dir, "UPDATE agenda_occurrence SET hidden = 0, title = 'Koor van Anna de Vries'")
        #expect(StoreCheck.run(at: dir.store).problems.map { $0.message(.english) }.contains { $0.contains("agenda 1") })
        try StoreTests.tamper(dir, "UPDATE agenda_occurrence SET title = 'Koor'; UPDATE accounts SET blocked = 1")
        #expect(StoreCheck.run(at: dir.store).problems.map { $0.message(.english) }.contains { $0.contains("accounts") })
        // A lost subject would let an erasure miss a person: check says so.
        try StoreTests.tamper(dir, "UPDATE accounts SET blocked = 0; PRAGMA foreign_keys = OFF; DELETE FROM subject WHERE kind = 'account'")
        #expect(StoreCheck.run(at: dir.store).problems.map { $0.message(.english) }.contains { $0.contains("accounts") && $0.contains("subject") })
    }

    @Test("regression (review): a monthly activity of 75 days is listed where it still runs, by the rows and by expanding alike")
    func longMonthly() throws {
        let dir = TempDir()
        let start = testNow.addingTimeInterval(86_400)
        let (store, _) = try Self.oneActivity(dir) {
            AgendaItem(id: AgendaItemID(0), title: "Tentoonstelling", start: start, end: start.addingTimeInterval(75 * 86_400),
                       location: "Kerk", organisation: $0, recurrence: Recurrence(.monthly))
        }
        let q = AgendaQuery(from: testNow.addingTimeInterval(100 * 86_400), days: 1)
        let expanded = try store.expandedAgenda(q, viewer: .visitor)
        #expect(expanded.count == 3, "the ones that began 2 and 1 months before and this month's are all running")
        #expect(try store.agendaListing(q, viewer: .visitor).all == expanded)
    }

    @Test("regression (review): reading a listing leaves no read open: another process's change is seen, and this one can still write")
    func listingHoldsNoRead() throws {
        let dir = TempDir()
        let (_, orgID) = try Self.oneActivity(dir)
        let org = Organisation(id: orgID, name: "Buurthuis")
        let fresh = try reopen(dir)
        let q = AgendaQuery(from: testNow, days: 7)
        let listing = try fresh.agendaListing(q, viewer: .visitor)
        #expect(listing.occurrence(at: 0)?.item.title == "Koor")
        var streamed = 0
        listing.forEach { _ in streamed += 1 }
        #expect(streamed == 1)
        let b = try reopen(dir)
        try b.createAgendaItem(AgendaItem(id: AgendaItemID(0), title: "Markt", start: testNow.addingTimeInterval(2 * 86_400), location: "Plein",
                                          organisation: org.id), by: .commandLine)
        try fresh.refresh()
        #expect(try fresh.agendaListing(q, viewer: .visitor).count == 2)
        try fresh.createAgendaItem(AgendaItem(id: AgendaItemID(0), title: "Les", start: testNow.addingTimeInterval(3 * 86_400), location: "School",
                                              organisation: org.id), by: .commandLine)
        #expect(try b.db.integer("SELECT count(*) FROM agenda") == 3)
    }

    @Test("a damaged activity met while listing is reported (store.damage) and refuses changes, not skipped in silence")
    func damagedActivityInListing() throws {
        let dir = TempDir()
        try Self.oneActivity(dir)
        try StoreTests.tamper(dir, "UPDATE agenda SET crc = crc + 1")
        let store = try reopen(dir)
        let listing = try store.agendaListing(AgendaQuery(from: testNow, days: 7), viewer: .visitor)
        #expect(listing.occurrence(at: 0) == nil)
        #expect(store.damage != nil)
        #expect(throws: CoreError.self) { try store.createOrganisation(Organisation(id: OrganisationID(0), name: "Later"), by: .commandLine) }
    }

    @Test("the rules' sight of the agenda says what mayView says, for every kind of viewer and activity")
    func sightMatchesRule() throws {
        let w = try Self.world()
        let s = w.store.state
        for (_, viewer) in w.viewers {
            let sight = try #require(ContentVisibility.agendaSight(for: viewer, settings: s.settings))
            for org in w.orgs {
                for hidden in [false, true] {
                    for creatorBlocked in [nil, false, true] as [Bool?] {
                        var item = AgendaItem(id: AgendaItemID(1), title: "x", start: testNow, location: "y", organisation: org)
                        item.hiddenReason = hidden ? "melding" : nil
                        var creator: Account?
                        if let creatorBlocked {
                            creator = s.accounts[w.creators[2].rawValue]
                            creator?.blocked = creatorBlocked
                        }
                        let rule = ContentVisibility.mayView(item, creator: creator, by: viewer, settings: s.settings)
                        let bySight = sight.everything || (!(creatorBlocked ?? false) && (!hidden || sight.hiddenOf.contains(org)))
                        #expect(rule == bySight, "\(viewer), org \(org), hidden \(hidden), creator blocked \(String(describing: creatorBlocked))")
                    }
                }
            }
        }
    }

    @Test("whether a viewer may see an activity, asked of the occurrence rows (as the agenda list's sign-up note does), is what reading the activity says")
    func mayViewFromRows() throws {
        let w = try Self.world()
        var rng = SplitMix64(seed: 27)
        try w.store.update { tx in
            for _ in 0..<60 {
                var item = Self.randomItem(w, &rng)
                item.id = tx.nextID(.agenda)
                tx.put(item)
            }
            var blocked = tx.state.accounts[w.creators[0].rawValue]!
            blocked.blocked = true
            tx.put(blocked)
        }
        // And one whose rows lie outside the window laid down: asked of its record.
        try w.store.update { tx in
            tx.put(AgendaItem(id: tx.nextID(.agenda), title: "Ver weg", start: testNow.addingTimeInterval(3 * 365 * 86_400), location: "x", organisation: w.orgs[1]))
        }
        let ids = w.store.state.agenda.all.map(\.id)
        #expect(ids.count == 61)
        for (name, viewer) in w.viewers {
            for id in ids {
                #expect(w.store.mayViewActivity(id, viewer) == (w.store.agendaItem(id, for: viewer) != nil), "\(name), activity \(id)")
            }
        }
    }

    @Test("a search found through the search column (or the C probe before schema 7) lists what reading every activity lists: upper and lower case, accents, no match",
          arguments: AgendaOccurrenceTests.searches)
    func searchThroughProbe(needle: String) throws {
        var rng = SplitMix64(seed: 7)
        let w = try Self.world()
        try w.store.update { tx in
            for _ in 0..<40 {
                var item = Self.randomItem(w, &rng)
                item.id = tx.nextID(.agenda)
                tx.put(item)
            }
        }
        let fresh = try Store.open(at: w.store.path, clock: FixedClock(testNow))
        for (name, viewer) in w.viewers {
            let q = AgendaQuery(from: testNow.addingTimeInterval(-60 * 86_400), days: 366, search: needle)
            let found = try fresh.agenda(q, viewer: viewer)
            let reference = try fresh.state.agenda(q, viewer: viewer)
            #expect(found == reference, "\(name), '\(needle)': \(found.count) instead of \(reference.count)")
        }
    }
}

extension AgendaOccurrenceTests {
    @Test("regression: a search kept between keys sees an activity added here, and one added by another process once read in")
    func searchCacheSeesChanges() throws {
        let dir = TempDir()
        let (store, org) = try Self.oneActivity(dir)
        let q = AgendaQuery(from: testNow, days: 7, search: "koor")
        #expect(try store.agendaListing(q, viewer: .visitor).count == 1)
        try store.createAgendaItem(AgendaItem(id: AgendaItemID(0), title: "Kinderkoor", start: testNow.addingTimeInterval(2 * 86_400), location: "School", organisation: org), by: .commandLine)
        #expect(try store.agendaListing(q, viewer: .visitor).count == 2, "a change made here")
        let other = try reopen(dir)
        try other.createAgendaItem(AgendaItem(id: AgendaItemID(0), title: "Mannenkoor", start: testNow.addingTimeInterval(3 * 86_400), location: "Kerk", organisation: org), by: .commandLine)
        try store.refreshIfChanged()
        #expect(try store.agendaListing(q, viewer: .visitor).all.map(\.item.title) == ["Koor", "Kinderkoor", "Mannenkoor"], "another process's change")
    }
}
