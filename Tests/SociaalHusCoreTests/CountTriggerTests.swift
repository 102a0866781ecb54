import Foundation
import Testing
@_spi(Operator) @testable import SociaalHusCore

/// The counts SQLite keeps by trigger (schema 10): the agenda's occurrences per day and wijk,
/// and the rows of each collection. They follow every write, `check` recounts them, and a
/// table whose rows a damaged page hides is damage when read.
@Suite struct CountTriggerTests {
    func world() throws -> (TempDir, Store, OrganisationID) {
        let dir = TempDir()
        let store = try makeStore(dir)
        let org = try store.createOrganisation(Organisation(id: OrganisationID(0), name: "Buurthuis"), by: .commandLine)
        for k in 0..<6 {
            try store.createAgendaItem(AgendaItem(id: AgendaItemID(0), title: "Koffie \(k)", start: testNow.addingTimeInterval(Double(k) * 86_400 + 3_600),
                                                  location: "Kern", wijk: k % 2 == 0 ? nil : store.wijken[0].id, organisation: org.id,
                                                  recurrence: Recurrence(k % 3 == 0 ? .weekly : .none)), by: .commandLine)
        }
        return (dir, store, org.id)
    }

    @Test("the day counts follow every write: an activity added, moved, made one-off, removed; they equal the rows counted")
    func dayCountsFollowWrites() throws {
        let (dir, store, _) = try world()
        func counted() throws -> [String] {
            var out: [String] = []
            let s = try store.db.prepare("SELECT day, wijk, n FROM agenda_day ORDER BY 1, 2")
            while try s.step() { out.append("\(s.int(0)) \(s.int(1)) \(s.int(2))") }
            return out
        }
        func recounted() throws -> [String] {
            var out: [String] = []
            let s = try store.db.prepare("SELECT day, coalesce(wijk, 0), count(*) FROM agenda_occurrence GROUP BY 1, 2 ORDER BY 1, 2")
            while try s.step() { out.append("\(s.int(0)) \(s.int(1)) \(s.int(2))") }
            return out
        }
        #expect(try counted() == recounted() && !(try counted()).isEmpty)
        var first = try #require(store.state.agenda.all.min { $0.id < $1.id })
        first.start = first.start.addingTimeInterval(3 * 86_400)
        first.recurrence = Recurrence(.none)
        first.wijk = store.wijken[1].id
        try store.update { $0.put(first) }
        #expect(try counted() == recounted())
        try store.update { tx in for i in tx.state.agenda.all where i.id != first.id { tx.remove(i) } }
        #expect(try counted() == recounted())
        #expect(try store.db.integer("SELECT sum(n) FROM agenda_day") == 1)
        #expect(StoreCheck.run(at: dir.store).isSound)
    }

    @Test("check reports a day count that disagrees with the rows, and a table's row count that does")
    func checkRecounts() throws {
        for tamper in ["UPDATE agenda_day SET n = n + 1 WHERE rowid IN (SELECT rowid FROM agenda_day LIMIT 1)",
                       "DELETE FROM agenda_day WHERE day IN (SELECT day FROM agenda_day LIMIT 1)",
                       "UPDATE table_rows SET n = n + 1 WHERE tbl = 'audit'",
                       "DROP TRIGGER audit_rows_delete; DELETE FROM audit WHERE id = (SELECT min(id) FROM audit)"] {
            let (dir, _, _) = try world()
            #expect(StoreCheck.run(at: dir.store).isSound)
            try StoreTests.tamper(dir, tamper.replacingOccurrences(of: "rowid IN (SELECT rowid FROM agenda_day LIMIT 1)",
                                                                   with: "day = (SELECT min(day) FROM agenda_day)"))
            #expect(!StoreCheck.run(at: dir.store).isSound, "\(tamper)")
        }
    }

    @Test("regression: a table whose leaf page was swapped with another table's reads as damage, not as empty (the log lost unnoticed)")
    func swappedLeafIsDamage() throws {
        let (dir, _, _) = try world()
        try StoreTests.tamper(dir, "SELECT 1")  // every page in the file, none in the log
        // The audit log's one page and an empty table's, swapped on disk: the log then reads as empty, SQLite says nothing.
        let path = dir.store + "/sociaalhus.db"
        let pages: (Int, Int) = try {
            let db = try Database(path: path, readOnly: true)
            let s = try db.prepare("SELECT name, pageno FROM dbstat WHERE pagetype = 'leaf' AND name IN ('audit', 'drafts') ORDER BY name")
            var found: [String: Int] = [:]
            while try s.step() { found[s.text(0)] = s.int(1) }
            return (try #require(found["audit"]), try #require(found["drafts"]))
        }()
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let size = 4096, a = (pages.0 - 1) * size, b = (pages.1 - 1) * size
        let pa = Array(bytes[a..<(a + size)]), pb = Array(bytes[b..<(b + size)])
        bytes.replaceSubrange(a..<(a + size), with: pb)
        bytes.replaceSubrange(b..<(b + size), with: pa)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(!StoreCheck.run(at: dir.store).isSound)
        let s = try Store.open(at: dir.store, clock: FixedClock(testNow), hasher: TestHasher(), use: .read)
        _ = s.state.audit.all
        _ = s.state.drafts.all
        #expect(s.damage != nil, "reading the log whole notices it")
    }

    @Test("regression: a changed byte in a CHECK constraint's or a trigger's text, which reading never compiles, is reported by check (the fuzz test's 'target_activivy')")
    func schemaTextThatOnlyWritesCompile() throws {
        for (from, to) in [("(target_activity IS NOT NULL)", "(target_activivy IS NOT NULL)"),
                           ("UPDATE table_rows SET n = n + 1 WHERE tbl = 'audit'", "UPDATE table_rowz SET n = n + 1 WHERE tbl = 'audit'"),
                           // (A trigger only an UPDATE compiles.)
                           ("UPDATE OF day, wijk ON agenda_occurrence BEGIN\n    UPDATE agenda_day SET n = n - 1 WHERE day = old.day AND wijk = coalesce(old.wijk, 0);\n    DELETE FROM agenda_day",
                            "UPDATE OF day, wijk ON agenda_occurrence BEGIN\n    UPDATE agenda_day SET n = n - 1 WHERE day = old.day AND wijk = coalesce(old.wijk, 0);\n    DELETE FROM agenda_dax")] {
            let (dir, _, _) = try world()
            try StoreTests.tamper(dir, "SELECT 1")
            let path = dir.store + "/sociaalhus.db"
            var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            let range = try #require(bytes.range(of: Data(from.utf8)), "\(from) in the schema")
            bytes.replaceSubrange(range, with: Data(to.utf8))
            try bytes.write(to: URL(fileURLWithPath: path))
            let report = StoreCheck.run(at: dir.store)
            #expect(!report.isSound, "\(to)")
            let named = ["target_activivy", "table_rowz", "agenda_dax"].first { to.contains($0) }!
            #expect("\(report.problems)".contains(named), "\(report.problems)")
        }
    }
}
