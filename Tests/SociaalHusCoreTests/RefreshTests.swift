import Foundation
import Testing
@testable import SociaalHusCore

/// What another process changed is read record by record from the change log
/// (schema 6), so a terminal keeps what it read instead of reading the whole collection again.
@Suite struct RefreshTests {
    @Test("another process's put, new record and removal arrive; what was read stays read; the result is what a fresh open reads")
    func recordByRecord() throws {
        let dir = TempDir()
        let a = try makeStore(dir)
        let anna = try addResident(a, "anna@example.nl")
        var posts: [Post] = []
        for i in 0..<5 {
            posts.append(try a.createPost(PostDraft(kind: .vraag, title: "Vraag \(i)", body: "Tekst", wijk: anna.profile.wijk, author: .resident(anna.id)), by: .account(anna)))
        }
        let b = try reopen(dir)
        // A reads every post (as the notice board does).
        _ = a.state.posts.all.count
        #expect(!a.state.posts.isPartial)
        try b.editPost(posts[0].id, PostEdit(title: "Vraag 0 (bewerkt)"), by: .account(anna))
        let added = try b.createPost(PostDraft(kind: .aanbod, title: "Nieuw", body: "Tekst", wijk: anna.profile.wijk, author: .resident(anna.id)), by: .account(anna))
        try b.deletePost(posts[1].id, by: .account(anna))
        #expect(try a.refreshIfChanged())
        #expect(!a.state.posts.isPartial, "the posts read stay read: only the changed ones were read again")
        let titles = Set(a.state.posts.all.map(\.title))
        #expect(titles.contains("Vraag 0 (bewerkt)") && titles.contains("Nieuw") && !titles.contains("Vraag 1") && !titles.contains("Vraag 0"))
        #expect(a.state.posts[added.id.rawValue]?.title == "Nieuw")
        let fresh = try reopen(dir)
        #expect(Set(fresh.state.posts.all.map(\.title)) == titles)
        #expect(try !a.refreshIfChanged(), "nothing more to read")
    }

    @Test("a process more than 1,000 changes behind reads the collection anew, and still ends up right")
    func tooFarBehind() throws {
        let dir = TempDir()
        let a = try makeStore(dir)
        let anna = try addResident(a, "anna@example.nl")
        let post = try a.createPost(PostDraft(kind: .vraag, title: "Vraag", body: "Tekst", wijk: anna.profile.wijk, author: .resident(anna.id)), by: .account(anna))
        _ = a.state.posts.all.count
        let b = try reopen(dir)
        for i in 0..<1_005 { try b.editPost(post.id, PostEdit(title: "Vraag \(i)"), by: .account(anna)) }
        #expect(try b.db.integer("SELECT count(*) FROM change_log WHERE collection = 'posts'") <= 1_001, "the log is pruned")
        #expect(try a.refreshIfChanged())
        #expect(a.state.posts.isPartial, "read anew")
        #expect(a.state.posts[post.id.rawValue]?.title == "Vraag 1004")
    }
}
