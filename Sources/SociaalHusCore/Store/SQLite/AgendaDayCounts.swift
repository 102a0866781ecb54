import Foundation

/// How many occurrence rows each day has per wijk (schema 10), so the agenda screen's first
/// frame counts the days of eight weeks from a few hundred rows instead of walking every
/// occurrence of them (at ten times Borne, 130,000 rows: most of that frame's time).
///
/// The counts are kept by SQLite itself: triggers on `agenda_occurrence` add and subtract in
/// the statement that writes the row, so no Swift code maintains them and no write can forget
/// them (no derived column is kept by hand). `check` recounts them.
/// They count every row; what a viewer may not see (hidden activities, those of blocked
/// accounts) is found through two small partial indexes and subtracted.
enum AgendaDayCounts {
    /// The table, its triggers and the indexes the subtraction uses; frozen as written for
    /// schema 10 (a later change comes with a later migration).
    static let createSQL = """
        CREATE TABLE agenda_day (
            day INTEGER NOT NULL,
            wijk INTEGER NOT NULL,
            n INTEGER NOT NULL CHECK (n >= 0),
            PRIMARY KEY (day, wijk)
        ) STRICT, WITHOUT ROWID;
        CREATE TRIGGER agenda_day_insert AFTER INSERT ON agenda_occurrence BEGIN
            INSERT INTO agenda_day (day, wijk, n) VALUES (new.day, coalesce(new.wijk, 0), 1)
                ON CONFLICT (day, wijk) DO UPDATE SET n = n + 1;
        END;
        CREATE TRIGGER agenda_day_delete AFTER DELETE ON agenda_occurrence BEGIN
            UPDATE agenda_day SET n = n - 1 WHERE day = old.day AND wijk = coalesce(old.wijk, 0);
            DELETE FROM agenda_day WHERE day = old.day AND wijk = coalesce(old.wijk, 0) AND n = 0;
        END;
        CREATE TRIGGER agenda_day_update AFTER UPDATE OF day, wijk ON agenda_occurrence BEGIN
            UPDATE agenda_day SET n = n - 1 WHERE day = old.day AND wijk = coalesce(old.wijk, 0);
            DELETE FROM agenda_day WHERE day = old.day AND wijk = coalesce(old.wijk, 0) AND n = 0;
            INSERT INTO agenda_day (day, wijk, n) VALUES (new.day, coalesce(new.wijk, 0), 1)
                ON CONFLICT (day, wijk) DO UPDATE SET n = n + 1;
        END;
        INSERT INTO agenda_day (day, wijk, n) SELECT day, coalesce(wijk, 0), count(*) FROM agenda_occurrence GROUP BY 1, 2;
        CREATE INDEX agenda_occurrence_hidden ON agenda_occurrence (day) WHERE hidden = 1;
        CREATE INDEX agenda_occurrence_creator ON agenda_occurrence (creator, day) WHERE creator IS NOT NULL;
        """

    /// The occurrences per day of `q`'s window a viewer with `sight` may see, from the counts;
    /// nil when the counts cannot answer (a filter by organisation, category or search, a window
    /// outside the rows laid down, a store before schema 10): then the rows are counted.
    ///
    /// Days inside the window come from the counts, less the rows the viewer may not see; the
    /// occurrences that started before the window and run into it are counted from their rows
    /// (a day or so of them), exactly as `filter` finds them.
    static func days(_ q: AgendaQuery, sight: AgendaSight, db: Database) throws -> [(day: Int, count: Int)]? {
        guard q.organisation == nil, q.category == nil, AgendaSearch.needle(q.search) == nil,
              try db.userVersion >= 10,
              let (filterSQL, filterArgs) = try AgendaOccurrences.filter(q, sight: sight, db: db),
              let (from, to) = StoreState.window(q) else { return nil }
        let zone = LocalTime.calendar.timeZone
        let first = RecurrenceExpansion.localDay(from, zone), last = RecurrenceExpansion.localDay(to, zone) - 1
        var counts: [Int: Int] = [:]
        // Occurrences running into the window from before it: their own rows, the full filter.
        // (The filter's days run from ?1 to ?2: ?2 becomes the day before the window, so the rows
        // read are those days' only.)
        var beforeArgs = filterArgs
        beforeArgs[1] = first - 1
        let before = try db.prepare("SELECT o.day, count(*) " + filterSQL + " GROUP BY o.day").bind(all: beforeArgs)
        while try before.step() { counts[before.int(0)] = before.int(1) }
        guard last >= first else { return counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }
        // Inside the window every row's start lies in it: the counts are exact.
        var args: [Any?] = [first, last]
        var wijk = ""
        if let w = q.wijk { args.append(w.rawValue); wijk = " AND wijk IN (0, ?3)" }
        let summed = try db.prepare("SELECT day, sum(n) FROM agenda_day WHERE day BETWEEN ?1 AND ?2" + wijk + " GROUP BY day").bind(all: args)
        while try summed.step() { counts[summed.int(0), default: 0] += summed.int(1) }
        if !sight.everything {
            // Less the rows this viewer may not see: hidden activities of organisations they do
            // not edit, and activities of blocked accounts (each row once).
            let rowWijk = q.wijk == nil ? "" : " AND (o.wijk IS NULL OR o.wijk = ?3)"
            let editors = sight.hiddenOf.map { String($0.rawValue) }.sorted().joined(separator: ",")
            let unseen = try db.prepare("""
                SELECT day, count(*) FROM (
                    SELECT o.day, o.starts, o.item FROM agenda_occurrence o INDEXED BY agenda_occurrence_hidden
                        WHERE o.hidden = 1 AND o.day BETWEEN ?1 AND ?2 AND o.organisation NOT IN (\(editors))\(rowWijk)
                    UNION
                    SELECT o.day, o.starts, o.item FROM agenda_occurrence o INDEXED BY agenda_occurrence_creator
                        WHERE o.creator IN (SELECT id FROM accounts WHERE blocked = 1) AND o.day BETWEEN ?1 AND ?2\(rowWijk)
                ) GROUP BY day
                """).bind(all: args)
            while try unseen.step() { counts[unseen.int(0), default: 0] -= unseen.int(1) }
        }
        return counts.filter { $0.value > 0 }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// True when the counts of days `from`…`to` say what the rows say, read in one statement
    /// (one snapshot): a listing whose rows do not add up asks this to tell damage from a
    /// change made meanwhile.
    static func agree(from: Int, to: Int, db: Database) throws -> Bool {
        try db.integer("""
            SELECT (SELECT coalesce(sum(n), 0) FROM agenda_day WHERE day BETWEEN ?1 AND ?2)
                 = (SELECT count(*) FROM agenda_occurrence WHERE day BETWEEN ?1 AND ?2)
            """, from, to) == 1
    }

    /// Where the counts disagree with the rows: for `check`.
    static func problems(_ db: Database) throws -> [CoreError] {
        guard try db.userVersion >= 10 else { return [] }
        let wrong = try db.integer("""
            SELECT (SELECT count(*) FROM (
                        SELECT day, wijk, n FROM agenda_day
                        EXCEPT SELECT day, coalesce(wijk, 0), count(*) FROM agenda_occurrence GROUP BY 1, 2))
                 + (SELECT count(*) FROM (
                        SELECT day, coalesce(wijk, 0), count(*) FROM agenda_occurrence GROUP BY 1, 2
                        EXCEPT SELECT day, wijk, n FROM agenda_day))
            """)
        guard wrong > 0 else { return [] }
        return [.storeCorrupt(file: "\(StoreSchema.fileName) (agenda_day)", problem: .unreadable(detail: "\(wrong) day counts disagree with the occurrence rows"))]
    }
}
