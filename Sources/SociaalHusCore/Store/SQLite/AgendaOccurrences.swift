import Foundation

/// The agenda's occurrences as rows (schema version 4), so a screen counts and pages
/// through the activities of its weeks in SQLite without decoding one activity it does not show.
///
/// Every activity's occurrences are written in the same transaction as the activity itself,
/// expanded by `RecurrenceExpansion` (the reference the tests compare with) over a range kept in
/// `meta` ("occurrences-from", "occurrences-until"): about a year back and two years ahead of the
/// moment it was laid down. A change made when less than a year of it is left lays it down
/// again; a query outside it expands the activities themselves, as before. This is the scheme
/// of Android's calendar provider (an instances table over an expanded range); the alternative,
/// expanding at every query, cost half the first frame at Borne's size and grows with it.
enum AgendaOccurrences {
    /// The rows' table: ordered by day, then start, so the days of a window are counted while
    /// walking the rows in order, and one page is a range read.
    static let createSQL = """
        CREATE TABLE agenda_occurrence (
            day INTEGER NOT NULL,
            starts REAL NOT NULL,
            item INTEGER NOT NULL REFERENCES agenda (id) ON DELETE CASCADE,
            ends REAL NOT NULL,
            wijk INTEGER,
            organisation INTEGER NOT NULL,
            category TEXT NOT NULL,
            hidden INTEGER NOT NULL,
            creator INTEGER,
            all_day INTEGER NOT NULL,
            has_end INTEGER NOT NULL,
            title TEXT NOT NULL,
            location TEXT NOT NULL,
            PRIMARY KEY (day, starts, item)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX agenda_occurrence_item ON agenda_occurrence (item);
        """

    /// The range laid down at `now`: a year back (a week view of last year still pages through
    /// rows), two years ahead.
    static func range(at now: Date) -> (from: Int, until: Int) {
        let day = 86_400
        let t = Int(now.timeIntervalSince1970)
        return (t - 400 * day, t + 2 * 366 * day)
    }

    /// The range the rows cover, if laid down.
    static func coveredRange(_ db: Database) throws -> (from: Int, until: Int)? {
        let s = try db.prepare("SELECT (SELECT value FROM meta WHERE key = 'occurrences-from'), (SELECT value FROM meta WHERE key = 'occurrences-until')")
        guard try s.step(), !s.isNull(0), !s.isNull(1) else { return nil }
        return (s.int(0), s.int(1))
    }

    /// One occurrence row. Its last four columns are what a line of the agenda shows of the
    /// activity (schema 5), so a listing of tens of thousands of lines reads the rows in order and
    /// decodes no record (at ten times Borne, reading the records by id was most of the
    /// `agenda` command's time). They are written in the activity's own transaction, and `check`
    /// compares them with the record.
    struct Row: Equatable {
        var day: Int, starts: Double, item: Int, ends: Double, wijk: Int?, organisation: Int, category: String, hidden: Int, creator: Int?
        var allDay: Int, hasEnd: Int, title: String, location: String
    }

    /// The rows of one activity over `range`, expanded as the reference expansion does.
    static func rows(of item: AgendaItem, range: (from: Int, until: Int)) -> [Row] {
        let zone = LocalTime.calendar.timeZone
        return RecurrenceExpansion.occurrences(of: item, from: Date(timeIntervalSince1970: Double(range.from)),
                                               to: Date(timeIntervalSince1970: Double(range.until)), calendar: LocalTime.calendar).map { o in
            let running = o.end ?? (item.allDay ? o.start.addingTimeInterval(86_400) : o.start)
            return Row(day: RecurrenceExpansion.localDay(o.start, zone), starts: o.start.timeIntervalSince1970, item: item.id.rawValue,
                       ends: running.timeIntervalSince1970, wijk: item.wijk?.rawValue, organisation: item.organisation.rawValue,
                       category: item.category.lowercased(), hidden: item.hiddenReason == nil ? 0 : 1, creator: item.createdBy?.rawValue,
                       allDay: item.allDay ? 1 : 0, hasEnd: o.end == nil ? 0 : 1, title: item.title, location: item.location)
        }
    }

    /// Writes the rows of one activity (after removing its old ones) for the covered range, and
    /// keeps the longest occurrence's length ("occurrences-longest"), which bounds how far back
    /// a query looks for one still running at the start of its window.
    static func index(_ item: AgendaItem, range: (from: Int, until: Int), in sql: StatementCache) throws {
        try sql("DELETE FROM agenda_occurrence WHERE item = ?1").bind(item.id.rawValue).run()
        // (OR IGNORE, not OR REPLACE: a replaced row would leave the day counts' delete trigger
        // unfired, schema 10; a duplicate of one activity's own row is the same row.)
        let insert = try sql("INSERT OR IGNORE INTO agenda_occurrence VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)")
        var longest = 0
        for r in rows(of: item, range: range) {
            try insert.bind(r.day, r.starts, r.item, r.ends, r.wijk, r.organisation, r.category, r.hidden, r.creator,
                            r.allDay, r.hasEnd, r.title, r.location).run()
            longest = max(longest, Int((r.ends - r.starts).rounded(.up)))
        }
        if longest > 0 {
            try sql("INSERT INTO meta (key, value) VALUES ('occurrences-longest', ?1) ON CONFLICT(key) DO UPDATE SET value = max(value, ?1)").bind(longest).run()
        }
    }

    /// Lays the rows of every activity down again for the range at `now`, when there is none yet
    /// or less than a year of it is left (or `now` lies before it): once a year, in a change.
    static func layDownIfDue(now: Date, in db: Database) throws {
        let t = Int(now.timeIntervalSince1970)
        if let r = try coveredRange(db), r.from <= t - 300 * 86_400, r.until >= t + 366 * 86_400 { return }
        let range = range(at: now)
        try db.execute("DELETE FROM agenda_occurrence; DELETE FROM meta WHERE key = 'occurrences-longest'")
        let cache = StatementCache(db)
        for item in try Store.readRecords(AgendaItem.self, db.prepare(Store.selectSQL(AgendaItem.self)), in: db) {
            try index(item, range: range, in: cache)
        }
        let set = try db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)")
        try set.bind("occurrences-from", range.from).run()
        try set.bind("occurrences-until", range.until).run()
    }
}

extension AgendaOccurrences {
    /// The rows of `q` a viewer with `sight` may see, as SQL ("FROM … WHERE …") and its
    /// arguments; nil when the window lies outside the range laid down (or a search the search
    /// column cannot answer). The columns say what
    /// `ContentVisibility.mayView` says of the activity (the property tests compare them).
    static func filter(_ q: AgendaQuery, sight: AgendaSight, db: Database) throws -> (sql: String, args: [Any?])? {
        guard let range = try coveredRange(db), let (from, to) = StoreState.window(q) else { return nil }
        let f = from.timeIntervalSince1970, t = to.timeIntervalSince1970
        guard f >= Double(range.from), t <= Double(range.until) else { return nil }
        let longest = try db.integer("SELECT value FROM meta WHERE key = 'occurrences-longest'")
        let zone = LocalTime.calendar.timeZone
        var args: [Any?] = [RecurrenceExpansion.localDay(from.addingTimeInterval(-Double(longest) - 1), zone),
                            RecurrenceExpansion.localDay(to, zone), t, f]
        var sql = "FROM agenda_occurrence o WHERE o.day BETWEEN ?1 AND ?2"
        // The wijk first: SQLite tests the terms in the order written, and this one turns away
        // most rows of a one-wijk listing (a sixth of the `agenda` command at ten times Borne).
        if let w = q.wijk { args.append(w.rawValue); sql += " AND (o.wijk IS NULL OR o.wijk = ?\(args.count))" }
        sql += " AND o.starts < ?3 AND (o.starts >= ?4 OR o.ends > ?4)"
        if let o = q.organisation { args.append(o.rawValue); sql += " AND o.organisation = ?\(args.count)" }
        if let c = q.category { args.append(c.lowercased()); sql += " AND o.category = ?\(args.count)" }
        if let needle = AgendaSearch.needle(q.search) {
            // The folded text of each activity (schema 7); a needle the column cannot answer
            // for is left to the expansion.
            guard AgendaSearch.columnAnswers(needle) else { return nil }
            args.append(needle)
            sql += " AND o.item IN (SELECT id FROM agenda WHERE instr(search, ?\(args.count)) > 0)"
        }
        sql += sightTerms(sight)
        return (sql, args)
    }

    /// The terms that keep out of the rows named `o` what a viewer with `sight` may not see
    /// (none for a sight of everything): one rule for a listing and for asking of one activity.
    static func sightTerms(_ sight: AgendaSight) -> String {
        guard !sight.everything else { return "" }
        // Numbers only, written into the SQL: an empty list is "IN ()", which SQLite allows.
        return " AND (o.creator IS NULL OR o.creator NOT IN (SELECT id FROM accounts WHERE blocked = 1))"
            + " AND (o.hidden = 0 OR o.organisation IN (" + sight.hiddenOf.map { String($0.rawValue) }.sorted().joined(separator: ",") + "))"
    }

    /// Calls `body` with every line of `q` a viewer with `sight` may see, in order, straight from
    /// the rows (no record decoded); false when the window lies outside the range laid down.
    static func lines(_ q: AgendaQuery, sight: AgendaSight, db: Database, _ body: (borrowing AgendaLine) -> Void) throws -> Bool {
        guard let (sql, args) = try filter(q, sight: sight, db: db) else { return false }
        let s = try db.prepare("SELECT o.starts, o.ends, o.has_end, o.all_day, o.item, o.organisation, o.wijk, o.title, o.location "
                               + sql + " ORDER BY o.day, o.starts, o.item").bind(all: args)
        defer { s.reset() }
        while try s.step() {
            body(AgendaLine(start: s.double(0), end: s.int(2) == 1 ? s.double(1) : nil, allDay: s.int(3) == 1,
                            item: AgendaItemID(s.int(4)), organisation: OrganisationID(s.int(5)), wijk: s.isNull(6) ? nil : WijkID(s.int(6)),
                            title: s.bytes(7), location: s.bytes(8)))
        }
        return true
    }

    /// The listing of `q` for a viewer with `sight`, from the rows; nil when the window lies
    /// outside the range laid down. `item` gives one activity by its id, reading its record
    /// (checksum and bytes) only when not read before (and keeping it, when told to); `mayView` is the rule itself, asked again
    /// of every activity shown (the columns only find them).
    ///
    /// With `searchCache` (and `cacheKey`, what the store is as this process knows it), a search
    /// reads the rows of its window and filters once and then filters them in memory per key.
    static func listing(_ q: AgendaQuery, sight: AgendaSight, db: Database,
                        item: @escaping @Sendable (Int, Bool, () throws -> AgendaItem?) -> AgendaItem?,
                        mayView: @escaping @Sendable (AgendaItem) -> Bool,
                        onError: @escaping @Sendable (Error) -> Void = { _ in },
                        searchCache: AgendaSearchCache? = nil, cacheKey: String = "") throws -> AgendaListing? {
        if let searchCache, let needle = AgendaSearch.needle(q.search), AgendaSearch.columnAnswers(needle), try db.userVersion >= 7 {
            var base = q
            base.search = nil
            guard let (sql, args) = try filter(base, sight: sight, db: db) else { return nil }
            let rows = try searchCache.rows(for: cacheKey + "|" + sql + "|" + args.map { "\($0 ?? "nil")" }.joined(separator: ",")) { try db.reading {
                var rows = AgendaSearchCache.Rows()
                var items = Set<Int>()
                let which = try db.prepare("SELECT o.item " + sql).bind(all: args)
                while try which.step() { items.insert(which.int(0)) }
                // The texts of those activities: the table read in order and the others passed
                // over (a third of the time of looking each one up by id; the first key of a
                // search was the slowest key with 300 terminals at once).
                let text = try db.prepare("SELECT id, search FROM agenda ORDER BY id")
                while try text.step() {
                    guard items.contains(text.int(0)) else { continue }
                    rows.ids.append(text.int(0))
                    rows.bytes.append(contentsOf: text.bytes(1))
                    rows.ends.append(Int32(rows.bytes.count))
                }
                items = []
                let found = try db.prepare("SELECT o.day, o.starts, o.item " + sql + " ORDER BY o.day, o.starts, o.item").bind(all: args)
                while try found.step() {
                    let item = found.int(2)
                    // (An activity gone between the reads has no text: its rows are left out.)
                    guard let k = rows.ids.binarySearch(item) else { continue }
                    rows.slots.append(.init(starts: found.double(1), item: item, day: Int32(found.int(0)), text: Int32(k)))
                }
                return rows
            } }
            let matching = rows.matching(needle)
            let hits = Array(rows.slots.indices.lazy.filter { matching[Int(rows.slots[$0].text)] }.map { Int32($0) })
            var days: [AgendaListing.Day] = []
            for h in hits {
                let day = Int(rows.slots[Int(h)].day)
                if days.last?.number == day { days[days.count - 1].count += 1 } else { days.append(AgendaListing.Day(date: AgendaListing.noon(of: day), number: day, count: 1)) }
            }
            let read = try reader(q, total: hits.count, db: db, item: item, mayView: mayView)
            let slots = rows.slots
            return AgendaListing(count: hits.count, days: days, fetch: { range in
                var none: [Int: AgendaItem?]? = nil
                return range.map { let slot = slots[Int(hits[$0])]; return read(slot.starts, slot.item, &none) }
            })
        }
        guard let (sql, args) = try filter(q, sight: sight, db: db) else { return nil }
        var days: [AgendaListing.Day] = []
        let fromCounts = try AgendaDayCounts.days(q, sight: sight, db: db)
        if let fromCounts {
            days = fromCounts.map { AgendaListing.Day(date: AgendaListing.noon(of: $0.day), number: $0.day, count: $0.count) }
        } else {
            let grouped = try db.prepare("SELECT o.day, count(*) " + sql + " GROUP BY o.day ORDER BY o.day").bind(all: args)
            while try grouped.step() {
                days.append(AgendaListing.Day(date: AgendaListing.noon(of: grouped.int(0)), number: grouped.int(0), count: grouped.int(1)))
            }
        }
        let rowsSQL = "SELECT o.starts, o.item " + sql + " ORDER BY o.day, o.starts, o.item"
        let fixedArgs = args
        let occurrence = try reader(q, total: days.reduce(0) { $0 + $1.count }, db: db, item: item, mayView: mayView)
        let total = days.reduce(0) { $0 + $1.count }
        // Rows that do not add up to the counts are damage when the counts disagree with the
        // rows in one reading (else another process changed the agenda meanwhile, and the
        // screen reads again).
        let window = StoreState.window(q).map { (RecurrenceExpansion.localDay($0.from, LocalTime.calendar.timeZone),
                                                 RecurrenceExpansion.localDay($0.to, LocalTime.calendar.timeZone)) } ?? (0, 0)
        let dayRange = (min(days.first?.number ?? window.0, window.0), window.1)
        let verify: @Sendable (Int, Int) -> Void = { found, expected in
            guard fromCounts != nil, found != expected else { return }
            do {
                if try !AgendaDayCounts.agree(from: dayRange.0, to: dayRange.1, db: db) {
                    onError(CoreError.storeCorrupt(file: "\(StoreSchema.fileName) (agenda_day)", problem: .unreadable(detail: "day counts")))
                }
            } catch { onError(error) }
        }
        return AgendaListing(count: total, days: days, fetch: { range in
            var out: [Occurrence?] = []
            let sql = rowsSQL + " LIMIT ?\(fixedArgs.count + 1) OFFSET ?\(fixedArgs.count + 2)"
            // (One row more at the end of the listing: one the counts left out shows there.)
            let expected = max(0, min(range.count, total - range.lowerBound))
            var found = 0
            do {
                let page = try db.prepare(sql).bind(all: fixedArgs + [range.count + (range.upperBound >= total ? 1 : 0), range.lowerBound])
                var none: [Int: AgendaItem?]? = nil
                while try page.step() {
                    found += 1
                    if found <= range.count { out.append(occurrence(page.double(0), page.int(1), &none)) }
                }
            } catch { onError(error) }
            verify(found, expected)
            return out
        }, stream: { body in
            var found = 0
            do {
                let all = try db.prepare(rowsSQL).bind(all: fixedArgs)
                var recent: [Int: AgendaItem?]? = [:]
                while try all.step() { found += 1; body(occurrence(all.double(0), all.int(1), &recent)) }
            } catch { onError(error) }
            verify(found, total)
        })
    }
}

extension AgendaOccurrences {
    /// Turns a row (its start and activity) into an occurrence the viewer may see, reading the
    /// activity through `item` (nil: gone, or not for this viewer). With a `cache` (streaming),
    /// an activity and whether the viewer may see it are kept while it recurs.
    static func reader(_ q: AgendaQuery, total: Int, db: Database,
                       item: @escaping @Sendable (Int, Bool, () throws -> AgendaItem?) -> AgendaItem?,
                       mayView: @escaping @Sendable (AgendaItem) -> Bool) throws -> (Double, Int, inout [Int: AgendaItem?]?) -> Occurrence? {
        // An activity's record is read once (by one prepared statement), when first met: a
        // weekly activity has eight rows in eight weeks (joining the record to every row read
        // it eight times).
        let byID = try db.prepare(Store.selectSQL(AgendaItem.self) + " WHERE id = ?1")
        let lists = try Store.childStatements(AgendaItem.self, in: db)
        // How many activities a stream keeps: about a week and a half of rows (a weekly one is
        // met again by then), at least 512, at most 8,192.
        let keepAtMost = min(8_192, max(512, total * 7 * 3 / 2 / max(q.days, 1)))
        return { starts, id, cache in
            // (`readRecord` resets it at once: a statement left on its row keeps a read open, and
            // this connection would not see other processes' changes, nor checkpoint, after.)
            let record: () throws -> AgendaItem? = { try Store.readRecord(AgendaItem.self, id, with: byID, children: lists, in: db) }
            let it: AgendaItem
            if cache != nil {
                // Streaming: an activity (and whether the viewer may see it) is kept while it
                // recurs (about a week of rows), not all of them.
                if let known = cache![id] {
                    guard let known else { return nil }
                    it = known
                } else {
                    let found = item(id, false, record).flatMap { mayView($0) ? $0 : nil }
                    if cache!.count >= keepAtMost { cache!.removeAll(keepingCapacity: true) }
                    cache![id] = .some(found)
                    guard let found else { return nil }
                    it = found
                }
            } else {
                guard let found = item(id, true, record), mayView(found) else { return nil }
                it = found
            }
            return RecurrenceExpansion.occurrence(of: it, startingAt: Date(timeIntervalSince1970: starts))
        }
    }
}

extension AgendaOccurrences {
    /// Where the occurrence rows or the account columns disagree with the records (a row that
    /// hides an activity, or a blocked flag that shows one): for `check`.
    static func problems(_ state: StoreState, _ db: Database) throws -> [CoreError] {
        var out: [CoreError] = []
        func bad(_ what: String, _ id: Int, _ detail: String) {
            out.append(.storeCorrupt(file: "\(StoreSchema.fileName) (\(what) \(id))", problem: .unreadable(detail: detail)))
        }
        guard let range = try coveredRange(db) else { return out }
        var actual: [Int: [Row]] = [:]
        let rows = try db.prepare("SELECT day, starts, item, ends, wijk, organisation, category, hidden, creator, all_day, has_end, title, location FROM agenda_occurrence ORDER BY day, starts, item")
        while try rows.step() {
            actual[rows.int(2), default: []].append(Row(day: rows.int(0), starts: rows.double(1), item: rows.int(2), ends: rows.double(3),
                                                        wijk: rows.isNull(4) ? nil : rows.int(4), organisation: rows.int(5), category: rows.text(6),
                                                        hidden: rows.int(7), creator: rows.isNull(8) ? nil : rows.int(8),
                                                        allDay: rows.int(9), hasEnd: rows.int(10), title: rows.text(11), location: rows.text(12)))
        }
        var expected: [Int: [Row]] = [:]
        for item in state.agenda.all { expected[item.id.rawValue] = Self.rows(of: item, range: range).sorted { ($0.day, $0.starts) < ($1.day, $1.starts) } }
        for id in Set(actual.keys).union(expected.keys).sorted() where (actual[id] ?? []) != (expected[id] ?? []) {
            bad("agenda", id, "occurrence rows")
        }
        let longest = try db.integer("SELECT value FROM meta WHERE key = 'occurrences-longest'")
        if expected.values.joined().contains(where: { $0.ends - $0.starts > Double(longest) }) { bad("meta", 0, "occurrences-longest") }
        return out
    }
}
