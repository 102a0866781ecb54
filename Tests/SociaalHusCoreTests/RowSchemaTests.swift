import Foundation
import Testing
@_spi(Operator) @testable import SociaalHusCore
import SociaalHusBench

/// The typed tables of schema 9: the columns the code reads and writes are the columns the
/// migrations made, and a reference to a person is a foreign key the store enforces.
@Suite struct RowSchemaTests {
    /// The columns of `table` as the database has them, in order.
    static func columns(_ db: Database, _ table: String) throws -> [String] {
        let s = try db.prepare("SELECT name FROM pragma_table_info(?1) ORDER BY cid").bind(table)
        var out: [String] = []
        while try s.step() { out.append(s.text(0)) }
        return out
    }

    @Test("every record's columns, lists and extra columns are exactly those of its table, in order")
    func columnsMatch() throws {
        let dir = TempDir()
        let store = try makeStore(dir)
        struct Expect: TableVisitor {
            typealias Failure = Never
            let db: Database
            func visit<R: StoredRecord>(_ table: inout Table<R>) {
                let c = R.collection
                #expect((try? RowSchemaTests.columns(db, c.rawValue)) == ["id", "crc"] + R.columns + RowWriterSession.extraColumns(c), "\(c)")
                for t in R.childTables {
                    #expect((try? RowSchemaTests.columns(db, t.name)) == [t.owner, "seq"] + t.columns, "\(t.name)")
                }
            }
        }
        var state = StoreState(manifest: .empty())
        for c in CollectionName.allCases { state.visit(c, Expect(db: store.db)) }
    }

    @Test("every table is STRICT, and references to accounts and subjects are foreign keys")
    func strictAndKeys() throws {
        let dir = TempDir()
        let store = try makeStore(dir)
        let tables = try store.db.prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'")
        while try tables.step() { #expect(tables.int(1) == 1, "\(tables.text(0)) is not STRICT") }
        var keys: Set<String> = []
        for table in CollectionName.allCases.map(\.rawValue) + ["digest_line", "outbox_account", "referral"] {
            let s = try store.db.prepare("SELECT \"from\", \"table\" FROM pragma_foreign_key_list(?1)").bind(table)
            while try s.step() { keys.insert("\(table).\(s.text(0)) -> \(s.text(1))") }
        }
        for expected in ["accounts.subject -> subject", "posts.author -> accounts", "messages.sender_account -> accounts",
                         "messages.recipient_account -> accounts", "messages.sender_subject -> subject", "intakes.account -> accounts",
                         "intakes.subject -> subject", "disclosures.intake -> intakes", "outbox_account.account -> accounts",
                         "reports.reporter_account -> accounts", "reports.target_account -> accounts", "reports.reporter_subject -> subject",
                         "digest_line.author -> accounts", "organisations.created_by -> accounts", "agenda.created_by -> accounts",
                         "drafts.id -> accounts", "drafts.account -> accounts"] {
            #expect(keys.contains(expected), "\(expected) missing in \(keys.sorted())")
        }
    }

    @Test("a change that removes a person while a row still points to them is refused whole: an erasure cannot miss a row")
    func danglingRefused() throws {
        let dir = TempDir()
        let store = try makeStore(dir)
        let anna = try addResident(store, "anna@example.nl")
        try store.createPost(PostDraft(kind: .vraag, title: "Hulp", body: "x", wijk: anna.profile.wijk, author: .resident(anna.id)), by: .account(anna))
        let before = StoreTests.fingerprintOfDatabase(dir)
        #expect(throws: CoreError.self) {
            try store.update { tx in tx.remove(tx.state.accounts[anna.id.rawValue]!) }
        }
        #expect(StoreTests.fingerprintOfDatabase(dir) == before, "nothing written")
        #expect(try reopen(dir).state.accounts[anna.id.rawValue] != nil)
        #expect(StoreCheck.run(at: dir.store).isSound)
    }

    @Test("subjects: an account, a visitor by the address they wrote from, a resident at the desk without an account; a visitor's subject goes with their last row")
    func subjects() throws {
        let w = try DeskWorld()
        let s = w.store
        let m = try s.sendMessage(senderName: "Bea Bezoeker", senderEmail: "Bea@Example.org", to: .organisation(w.welzijn.id), text: "Hallo", by: .visitor)
        #expect(try s.db.integer("SELECT count(*) FROM subject WHERE kind = 'visitor' AND email = 'bea@example.org'") == 1)
        #expect(try s.db.integer("SELECT count(*) FROM subject s JOIN messages m ON m.sender_subject = s.id WHERE m.id = ?1", m.id.rawValue) == 1)
        let intake = try s.createIntake(w.input(), by: .account(w.staff))
        #expect(try s.db.integer("SELECT count(*) FROM subject WHERE kind = 'desk' AND intake = ?1", intake.id.rawValue) == 1)
        #expect(try s.db.integer("SELECT count(*) FROM subject WHERE kind = 'account' AND account = ?1", w.resident.id.rawValue) == 1)
        _ = try s.eraseVisitor(email: "bea@example.org", by: .commandLine)
        #expect(try s.db.integer("SELECT count(*) FROM subject WHERE email = 'bea@example.org'") == 0)
        #expect(StoreCheck.run(at: w.dir.store).isSound)
    }
}

extension StoreTests {
    /// Every row of every table of the store, for comparing before and after.
    static func fingerprintOfDatabase(_ dir: TempDir) -> [String] {
        guard let db = try? Database(path: dir.store + "/sociaalhus.db", readOnly: true),
              let tables = try? db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name") else { return [] }
        var names: [String] = []
        while (try? tables.step()) == true { names.append(tables.text(0)) }
        var out: [String] = []
        for t in names {
            guard let rows = try? db.prepare("SELECT * FROM \(t)") else { continue }
            while (try? rows.step()) == true { out.append(t + ":" + rows.cells(0..<rows.columnCount).map { "\($0)" }.joined(separator: "|")) }
        }
        return out.sorted()
    }
}

/// The inventory of tables and columns says what every column of the store is.
@Suite struct StoreInventoryTests {
    @Test("every table and every column of the store is in the inventory, in order, and nothing else is")
    func complete() throws {
        let dir = TempDir()
        let store = try makeStore(dir)
        let tables = try store.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        var names: [String] = []
        while try tables.step() { names.append(tables.text(0)) }
        #expect(Set(names) == Set(StoreInventory.tables.map(\.name)), "tables: \(Set(names).symmetricDifference(StoreInventory.tables.map(\.name)))")
        for t in StoreInventory.tables {
            #expect(try RowSchemaTests.columns(store.db, t.name) == t.columns, "\(t.name)")
        }
    }

    @Test("the statement before an erasure names every table whose rows of the person go, in both languages, with counts")
    func statement() {
        for lang in [Language.dutch, .english] {
            let lines = StoreInventory.erasureStatement(counts: ["posts": 3]).map(lang.t)
            #expect(lines.count == StoreInventory.tables.filter { $0.erased != nil }.count + 1)
            #expect(lines.contains { $0.hasSuffix("(3)") })
        }
        // (Named with the line they belong to: digest lines with the posts, disclosures with the
        // conversations; a desk member's unsaved form is not the resident's.)
        let covered = ["subject", "drafts", "digest_line", "disclosures"]
        for t in StoreInventory.tables where t.action == .delete && t.kind != .reference && !covered.contains(t.name) {
            #expect(t.erased != nil, "\(t.name) is erased but not named in the statement")
        }
    }
}

/// The JSON arrays of list columns, written and read by hand, against Foundation's JSON as the reference.
@Suite struct RowJSONTests {
    @Test("random lists of texts (controls, quotes, backslashes, emoji, NUL) and of numbers round-trip, and Foundation reads what is written")
    func roundTrip() throws {
        var rng = SplitMix64(seed: 9)
        let pool: [Character] = ["a", "é", "\"", "\\", "/", "\n", "\t", "\u{0}", "\u{1B}", "👍🏽", "ß", " ", "[", "]", ",", "\u{7F}", "\u{2028}"]
        for _ in 0..<500 {
            let items = (0..<Int(rng.next() % 5)).map { _ in String((0..<Int(rng.next() % 8)).map { _ in pool[Int(rng.next() % UInt64(pool.count))] }) }
            let text = RowJSON.encode(items)
            #expect(RowJSON.decode(text, as: String.self) == items, "\(text)")
            #expect(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String] == items, "\(text)")
            let numbers = (0..<Int(rng.next() % 5)).map { _ in Double(Int64(bitPattern: rng.next()) % 4_000_000_000_000) / 1000 }
            let n = RowJSON.encode(numbers.map { "\($0)" }, quoted: false)
            #expect(RowJSON.decode(n, as: Double.self) == numbers, "\(n)")
        }
        // What Foundation writes, read back (escapes it uses that this writer does not).
        let theirs = String(decoding: try JSONSerialization.data(withJSONObject: ["a/b", "\u{1}x", "é"]), as: UTF8.self)
        #expect(RowJSON.decode(theirs, as: String.self) == ["a/b", "\u{1}x", "é"])
        #expect(RowJSON.decode(#"["\ud83d\udc4d"]"#, as: String.self) == ["👍"])
        for bad in ["", "[", "[\"a\"", "[1,]", "{}", "[\"\\x\"]", "[\"a\"] x", "[\"\\ud83d\"]"] { #expect(RowJSON.decode(bad, as: String.self) == nil, "\(bad)") }
    }
}
