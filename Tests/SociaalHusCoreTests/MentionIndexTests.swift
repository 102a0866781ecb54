import Foundation
import Testing
@_spi(Operator) @testable import SociaalHusCore

/// The `mention` table: written with every row, compared by `check`, and what an erasure finds
/// texts by.
@Suite struct MentionIndexTests {
    /// The keys of row `row` of `table` as the table holds them.
    static func keys(_ store: Store, _ table: String, _ row: Int) throws -> Set<String> {
        let s = try store.db.prepare("SELECT key FROM mention WHERE tbl = ?1 AND row = ?2").bind(table, row)
        var out: Set<String> = []
        while try s.step() { out.insert(s.text(0)) }
        return out
    }

    @Test("the free-text columns it indexes are columns of their tables")
    func columnsExist() {
        /// Expects each indexed column among its record's columns.
        struct Check: TableVisitor {
            typealias Failure = Never
            func visit<R: StoredRecord>(_ table: inout Table<R>) {
                for name in MentionIndex.textColumns[R.collection] ?? [] { #expect(R.columns.contains(name), "\(R.collection).\(name)") }
                if let l = MentionIndex.listTexts[R.collection] {
                    #expect(R.childTables.contains { $0.name == l.table && $0.owner == l.owner && $0.columns.contains(l.column) }, "\(l.table)")
                }
            }
        }
        var state = StoreState(manifest: .empty())
        for c in CollectionName.allCases { state.visit(c, Check()) }
        // (Every column an erasure redacts in a table it asks by key.)
        #expect(Set(MentionIndex.textColumns.keys) == Set(EraseCandidates.queries.map(\.0)).subtracting([.disclosures]))
    }

    @Test("each change writes the keys of its row's texts, and a removed row takes them along")
    func writtenWithTheRow() throws {
        let w = try DeskWorld()
        let s = w.store
        let post = try s.createPost(PostDraft(kind: .vraag, title: "Hulp", body: "Bel 06-1234 5678 of mail Jo@X.nl", wijk: w.resident.profile.wijk,
                                              author: .resident(w.resident.id)), by: .account(w.resident))
        #expect(try Self.keys(s, "posts", post.id.rawValue) == ["p:12345678", "e:o@x.n", "e:jo@x.n", "e: jo@x.n"])
        try s.editPost(post.id, PostEdit(body: "Bel 06-8765 4321"), by: .account(w.resident))
        #expect(try Self.keys(s, "posts", post.id.rawValue) == ["p:87654321"])
        try s.editPost(post.id, PostEdit(title: "Hulp gezocht"), by: .account(w.resident))
        #expect(try Self.keys(s, "posts", post.id.rawValue) == ["p:87654321"])
        try s.setBlocked(w.editor.id, blocked: true, reason: "Op verzoek, tel 074 222 33 44", by: .commandLine)
        #expect(try Self.keys(s, "accounts", w.editor.id.rawValue) == ["p:07422233", "p:42223344"])
        // A waiting digest line counts for its account.
        try s.update { tx in
            var a = tx.state.accounts[w.partner.id.rawValue]!
            a.pendingDigest = [DigestLine(text: "Nieuw: bel 0612345678", author: nil)]
            tx.put(a)
        }
        #expect(try Self.keys(s, "accounts", w.partner.id.rawValue) == ["p:12345678"])
        let intake = try s.createIntake(w.input { $0.question = "Belt terug op 0698765432"; $0.notes = "" }, by: w.desk)
        #expect(try Self.keys(s, "intakes", intake.id.rawValue) == ["p:98765432"])
        #expect(try MentionIndex.problems(s.db).isEmpty)
        try s.deletePost(post.id, by: .account(w.resident))
        #expect(try Self.keys(s, "posts", post.id.rawValue).isEmpty)
        #expect(try MentionIndex.problems(s.db).isEmpty)
        #expect(StoreCheck.run(at: w.dir.store).isSound)
    }

    @Test("check calls a store unsound whose mention table was tampered with",
          arguments: ["DELETE FROM mention WHERE tbl = 'posts'", "INSERT INTO mention VALUES ('p:99999999', 'posts', 1)",
                      "INSERT INTO mention VALUES ('p:12345678', 'posts', 999)", "INSERT INTO mention VALUES ('p:12345678', 'bogus', 1)",
                      "UPDATE mention SET key = 'p:12345679' WHERE key = 'p:12345678'", "DROP TABLE mention"])
    func tampered(sql: String) throws {
        let dir = TempDir()
        do {
            let store = try makeStore(dir)
            let anna = try addResident(store, "anna@example.nl")
            try store.createPost(PostDraft(kind: .vraag, title: "Hulp", body: "Bel 06-1234 5678", wijk: anna.profile.wijk, author: .resident(anna.id)),
                                 by: .account(anna))
            #expect(try Self.keys(store, "posts", 1) == ["p:12345678"])
        }
        #expect(StoreCheck.run(at: dir.store).isSound)
        try StoreTests.tamper(dir, sql)
        #expect(!StoreCheck.run(at: dir.store).isSound, "\(sql)")
    }

    @Test("a fresh process's erasure finds a text by its key, one with more keys than the cap as well, and leaves others out")
    func erasureByKey() throws {
        let w = try DeskWorld()
        let s = w.store
        var ruud = try addResident(s, "ruud.smit@example.nl", name: "Ruud Smit")
        try s.updateProfile(for: ruud.id, by: .account(ruud)) { $0.phone = "074-2223344" }
        ruud = s.state.accounts[ruud.id.rawValue]!
        /// A post by the resident with `body`.
        func post(_ body: String) throws -> PostID {
            try s.createPost(PostDraft(kind: .aanbod, title: "Iets", body: body, wijk: w.resident.profile.wijk, author: .resident(w.resident.id)),
                             by: .account(w.resident)).id
        }
        let numbers = (0..<(MentionKeys.cap + 1)).map { String(10_000_000 + $0) }.joined(separator: ", ")
        let byPhone = try post("Bel Ruud op 074 222 33 44"), byMail = try post("Mail <Ruud.Smit@Example.NL>"), many = try post(numbers + " en 0742223344")
        let other = try post("Bel Karin op 074 222 33 45"), named = try post("Vraag het Ruud Smit")
        let fresh = try reopen(w.dir)
        #expect(fresh.state.isPartial(.posts))
        let found = EraseCandidates(account: ruud, ids: PersonIdentifiers(ruud), db: fresh.db, state: fresh.state)
        let candidates = Set(found.records(fresh.state.posts, Transaction(state: fresh.state, now: testNow)).map(\.id))
        #expect(candidates == [byPhone, byMail, many], "\(candidates.sorted())")
        let report = try fresh.erase(ruud.id, by: .commandLine)
        #expect(fresh.state.posts[byPhone.rawValue]?.body == "Bel Ruud op [gewist]")
        #expect(fresh.state.posts[byMail.rawValue]?.body == "Mail <[gewist]>")
        #expect(fresh.state.posts[many.rawValue]?.body == numbers + " en [gewist]")
        #expect(fresh.state.posts[other.rawValue]?.body == "Bel Karin op 074 222 33 45")
        // Its name is counted after the erasure, not cut; without counting, 0.
        #expect(fresh.state.posts[named.rawValue]?.body == "Vraag het Ruud Smit")
        #expect(report.textsNamingThem == 1)
        #expect(try Self.keys(fresh, "posts", byPhone.rawValue).isEmpty)
        #expect(try MentionIndex.problems(fresh.db).isEmpty)
        #expect(StoreCheck.run(at: w.dir.store).isSound)
        let karin = try addResident(s, "karin@example.nl", name: "Ruud Smit")
        #expect(try s.erase(karin.id, by: .commandLine, countingNames: false).textsNamingThem == 0)
    }
}
