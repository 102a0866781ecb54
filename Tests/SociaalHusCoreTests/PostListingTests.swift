import Foundation
import Testing
@_spi(Operator) @testable import SociaalHusCore
import SociaalHusBench

/// The notice board read a page at a time from the posts' columns (schema 7) against the
/// reference: `posts(for:)`, the rule asked of every post. Seeded random boards (residents'
/// and organisations' posts, past their date, hidden, by blocked or vanished authors, near
/// "now" to the second), every kind of viewer, every filter, in this process and in a fresh one.
@Suite struct PostListingTests {
    struct World {
        let store: Store
        let dir: TempDir
        var viewers: [(String, Viewer)]
        var orgs: [OrganisationID]
        var authors: [AccountID]
        var wijken: [WijkID]
    }

    static func world() throws -> World {
        let dir = TempDir()
        let store = try makeStore(dir)
        let a = try store.createOrganisation(Organisation(id: OrganisationID(0), name: "Buurthuis"), by: .commandLine)
        let b = try store.createOrganisation(Organisation(id: OrganisationID(0), name: "Bibliotheek"), by: .commandLine)
        let resident = try addResident(store, "bewoner@example.nl", visibility: .public)
        let editor = try addResident(store, "redacteur@example.nl", roles: Roles(editorOf: [a.id]))
        let admin = try addResident(store, "beheer@example.nl", roles: Roles(administrator: true))
        let other = try addResident(store, "ander@example.nl", visibility: .neighbours)
        let blocked = try addResident(store, "geblokkeerd@example.nl")
        return World(store: store, dir: dir,
                     viewers: [("visitor", .visitor), ("resident", .account(resident)), ("editor", .account(editor)), ("admin", .account(admin)),
                               ("other", .account(other)), ("command line", .commandLine)],
                     orgs: [a.id, b.id], authors: [resident.id, editor.id, other.id, blocked.id], wijken: store.wijken.map(\.id))
    }

    static func randomPost(_ w: World, _ rng: inout SplitMix64) -> Post {
        func pick<T>(_ xs: [T]) -> T { xs[Int(rng.next() % UInt64(xs.count))] }
        let author: Post.Author = rng.next() % 3 == 0
            ? .organisation(pick(w.orgs), by: rng.next() % 4 == 0 ? nil : pick(w.authors))
            : .resident(pick(w.authors))
        // Created up to 60 days back, some in the same second; expiring around "now", some exactly at it.
        let created = testNow.addingTimeInterval(-Double(rng.next() % 60) * 86_400 - Double(rng.next() % 3))
        let expires = rng.next() % 5 == 0 ? testNow : testNow.addingTimeInterval(Double(Int(rng.next() % 40) - 20) * 86_400)
        var p = Post(id: PostID(0), kind: pick(Post.Kind.allCases), title: "Bericht \(rng.next() % 1000)", body: "Tekst", wijk: pick(w.wijken),
                     author: author, show: ContactChoice(name: true, email: rng.next() % 2 == 0), created: created, expires: expires)
        p.hiddenReason = rng.next() % 5 == 0 ? "melding" : nil
        return p
    }

    /// Compares the listing with the reference for every viewer and filter.
    static func compare(_ store: Store, _ w: World, _ rng: inout SplitMix64, label: String) {
        for (name, viewer) in w.viewers {
            for kind in [nil] + Post.Kind.allCases.map(Optional.some) {
                for wijk in [nil, w.wijken[0], w.wijken[1]] {
                    let listing = store.postListing(for: viewer, kind: kind, wijk: wijk, now: testNow)
                    let reference = store.posts(for: viewer, kind: kind, wijk: wijk, now: testNow)
                    #expect(listing.count == reference.count, "\(label), \(name), \(String(describing: kind)), \(String(describing: wijk)): count")
                    #expect(listing.all == reference, "\(label), \(name), \(String(describing: kind)), \(String(describing: wijk))")
                    if !reference.isEmpty {
                        let i = Int(rng.next() % UInt64(reference.count))
                        #expect(listing.view(at: i) == reference[i], "\(label), \(name): page read of post \(i)")
                        #expect(listing.index(of: reference[i].post.id, near: max(i - 3, 0)) == i)
                    }
                }
            }
        }
    }

    @Test("the posts' columns list what the rule lists: every viewer, kind and wijk, blocked and vanished authors, past and hidden posts, before and after changes, in a fresh process too")
    func listingAgreesWithRule() throws {
        var rng = SplitMix64(seed: 16)
        for run in 0..<3 {
            let w = try Self.world()
            var posts: [Post] = []
            try w.store.update { tx in
                for _ in 0..<150 {
                    var p = Self.randomPost(w, &rng)
                    p.id = tx.nextID(.posts)
                    tx.put(p)
                    posts.append(p)
                }
            }
            try w.store.setBlocked(w.authors[3], blocked: true, by: .commandLine)
            Self.compare(w.store, w, &rng, label: "run \(run)")
            Self.compare(try reopen(w.dir), w, &rng, label: "run \(run), fresh process")
            // Changes: some posts rewritten (hidden, moved, renewed), some removed, a block lifted.
            try w.store.update { tx in
                for k in stride(from: 0, to: posts.count, by: 4) {
                    var p = Self.randomPost(w, &rng)
                    p.id = posts[k].id
                    tx.put(p)
                }
                for k in stride(from: 1, to: posts.count, by: 9) { tx.remove(posts[k]) }
            }
            try w.store.setBlocked(w.authors[3], blocked: false, by: .commandLine)
            try w.store.setBlocked(w.authors[2], blocked: true, by: .commandLine)
            Self.compare(w.store, w, &rng, label: "run \(run), after changes")
            Self.compare(try reopen(w.dir), w, &rng, label: "run \(run), after changes, fresh process")
            #expect(StoreCheck.run(at: w.dir.store).isSound, "\(StoreCheck.run(at: w.dir.store).problems)")
        }
    }

    @Test("a post whose author is not in the store is refused whole (a foreign key); one written past the store's checks is reported by check and listed by neither")
    func vanishedAuthor() throws {
        let w = try Self.world()
        let before = w.store.state.posts.count
        #expect(throws: CoreError.self) {
            try w.store.update { tx in
                var rng = SplitMix64(seed: 1)
                var p = Self.randomPost(w, &rng)
                p.id = tx.nextID(.posts)
                p.author = .resident(AccountID(9_999))
                tx.put(p)
            }
        }
        #expect(try reopen(w.dir).state.posts.count == before)
        #expect(StoreCheck.run(at: w.dir.store).isSound)
        // Written by another tool with the checks off: check says so, and nobody sees the post.
        try w.store.update { tx in
            var rng = SplitMix64(seed: 2)
            var p = Self.randomPost(w, &rng)
            p.id = tx.nextID(.posts)
            p.author = .resident(w.authors[0])
            tx.put(p)
        }
        try StoreTests.tamper(w.dir, "PRAGMA foreign_keys = OFF; UPDATE posts SET author = 9999 WHERE id = (SELECT max(id) FROM posts)")
        #expect(try Database(path: w.dir.store + "/sociaalhus.db").integer("SELECT count(*) FROM posts WHERE author = 9999") == 1)
        #expect(!StoreCheck.run(at: w.dir.store).isSound)
        let fresh = try reopen(w.dir)
        for (name, viewer) in w.viewers {
            #expect(!fresh.postListing(for: viewer, now: testNow).all.contains { $0.post.author == .resident(AccountID(9_999)) }, "\(name)")
        }
    }

    @Test("check reports a post whose listing columns disagree with its record, and an activity whose search column does")
    func columnsChecked() throws {
        for tamper in ["UPDATE posts SET hidden_reason = CASE WHEN hidden_reason IS NULL THEN 'weg' END", "UPDATE posts SET expires = expires + 1",
                       "UPDATE posts SET kind = CASE kind WHEN 'vraag' THEN 'aanbod' ELSE 'vraag' END", "UPDATE posts SET created = created - 1",
                       "UPDATE agenda SET search = upper(search)"] {
            let w = try Self.world()
            var rng = SplitMix64(seed: 3)
            try w.store.update { tx in
                var p = Self.randomPost(w, &rng)
                p.id = tx.nextID(.posts)
                p.author = .resident(w.authors[0])
                tx.put(p)
                tx.put(AgendaItem(id: tx.nextID(.agenda), title: "Koor", start: testNow, location: "Kerk", organisation: w.orgs[0]))
            }
            #expect(StoreCheck.run(at: w.dir.store).isSound)
            try StoreTests.tamper(w.dir, tamper)
            #expect(!StoreCheck.run(at: w.dir.store).isSound, "\(tamper)")
        }
    }
}
