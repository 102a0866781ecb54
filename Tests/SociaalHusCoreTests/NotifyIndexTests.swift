import Foundation
import Testing
@_spi(Operator) @testable import SociaalHusCore
import SociaalHusBench

/// The notification index (schema 7): who may want a notification of what where. A new post
/// asks it for candidates instead of reading every account; the rule then decides for each. So
/// for random residents (toggles, wijken, interests in any case, blocked, roles) and random new
/// content, the index and the rule over every account must name the same people, in this
/// process and a fresh one, before and after changes; and erasure takes a person's rows away.
@Suite struct NotifyIndexTests {
    static let interests = ["sport", "Sport", "CULTUUR", "cultu\u{301}ur", "Sport en  Bewegen", "koken", "tuin", "Mantelzorg"]

    static func randomAccount(_ store: Store, _ k: Int, _ rng: inout SplitMix64) throws -> Account {
        func pick<T>(_ xs: [T]) -> T { xs[Int(rng.next() % UInt64(xs.count))] }
        var a = try addResident(store, "bewoner\(k)@example.nl", wijk: pick(["Centrum", "Bornsche Maten", "Zenderen", "Hertme"]),
                                roles: rng.next() % 8 == 0 ? Roles(administrator: true) : .residentOnly)
        try store.update { tx in
            a = tx.state.accounts[a.id.rawValue]!
            a.profile.interests = (0..<Int(rng.next() % 3)).map { _ in pick(Self.interests) }
            a.profile.email.wijkNotifications = rng.next() % 3 != 0
            a.profile.digest = rng.next() % 2 == 0 ? .daily : .immediately
            a.blocked = rng.next() % 7 == 0
            tx.put(a)
        }
        return a
    }

    /// The people the rule names for content in `wijk` on `topics`, over every account.
    static func byRule(_ s: StoreState, wijk: WijkID?, topics: [String]) -> [AccountID] {
        s.accounts.all.filter { a in
            Permissions.isResident(a) && EmailPolicy.mayEmail(.wijkNotification(wijk: wijk ?? a.profile.wijk, topics: topics), to: a)
        }.map(\.id).sorted()
    }

    /// The people the index's candidates give, the rule asked of each.
    static func byIndex(_ s: StoreState, wijk: WijkID?, topics: [String]) -> [AccountID] {
        Store.notificationCandidates(wijk: wijk, topics: topics, in: s).filter { a in
            Permissions.isResident(a) && EmailPolicy.mayEmail(.wijkNotification(wijk: wijk ?? a.profile.wijk, topics: topics), to: a)
        }.map(\.id).sorted()
    }

    static func compare(_ store: Store, _ dir: TempDir, label: String) throws {
        let fresh = try reopen(dir)
        let all = try reopen(dir).state
        _ = Array(all.accounts.all)
        for wijk in [nil] + store.wijken.map { Optional($0.id) } {
            for topics in [["sport"], ["cultuur", "koken"], ["sport en bewegen"], ["niets"], PlatformCategory.named(in: "Koken en SPORT in de tuin").map(\.key),
                           ["mantelzorg"], ["CULTÚUR"], PlatformCategory.named(in: "Koffie, cultuur en mantelzorg").map(\.key)] {
                let expected = byRule(all, wijk: wijk, topics: topics)
                // A fresh process asks the index; this one too, whatever it read before.
                #expect(byIndex(fresh.state, wijk: wijk, topics: topics) == expected, "\(label), fresh: \(String(describing: wijk)) \(topics)")
                #expect(byIndex(store.state, wijk: wijk, topics: topics) == expected, "\(label): \(String(describing: wijk)) \(topics)")
            }
        }
        #expect(StoreCheck.run(at: dir.store).isSound, "\(label): \(StoreCheck.run(at: dir.store).problems)")
    }

    @Test("the notification index names who the rule names over every account: toggles, wijken, interests in any case, blocked, before and after changes and erasure")
    func indexAgreesWithRule() throws {
        var rng = SplitMix64(seed: 21)
        let dir = TempDir()
        let store = try makeStore(dir)
        var accounts: [Account] = []
        for k in 0..<40 { accounts.append(try Self.randomAccount(store, k, &rng)) }
        // A fresh process reads no account to find them: only the candidates.
        let fresh = try reopen(dir)
        _ = Store.notificationCandidates(wijk: store.wijken[0].id, topics: ["sport"], in: fresh.state)
        #expect(fresh.state.accounts.isPartial)
        try Self.compare(store, dir, label: "new")
        // Changes: toggles turned, interests changed, a block lifted, one erased.
        try store.update { tx in
            for k in stride(from: 0, to: accounts.count, by: 3) {
                var a = tx.state.accounts[accounts[k].id.rawValue]!
                a.profile.email.wijkNotifications.toggle()
                a.profile.interests = a.profile.interests.isEmpty ? ["Sport"] : []
                a.blocked = false
                tx.put(a)
            }
        }
        try store.erase(accounts[1].id, by: .commandLine)
        try Self.compare(store, dir, label: "after changes")
        #expect(try store.db.integer("SELECT count(*) FROM notify_interest WHERE account = \(accounts[1].id.rawValue)") == 0)
    }

    @Test("a new post notifies through the index: the resident with the interest in that wijk, not the one elsewhere, not the author")
    func postNotifies() throws {
        let dir = TempDir()
        let store = try makeStore(dir)
        let author = try addResident(store, "auteur@example.nl")
        var here = try addResident(store, "hier@example.nl", wijk: "Centrum")
        var there = try addResident(store, "daar@example.nl", wijk: "Hertme")
        try store.update { tx in
            for var a in [here, there] {
                a.profile.interests = ["Cultuur"]
                a.profile.email.wijkNotifications = true
                tx.put(a)
            }
        }
        here = try reopen(dir).state.accounts[here.id.rawValue]!
        there = try reopen(dir).state.accounts[there.id.rawValue]!
        let fresh = try reopen(dir)
        _ = try fresh.createPost(PostDraft(kind: .aanbod, title: "Samen naar cultuur", body: "Elke week", wijk: here.profile.wijk, author: .resident(author.id)),
                                 by: .account(fresh.state.accounts[author.id.rawValue]!))
        let mail = try reopen(dir).state.outbox.all.map(\.to)
        #expect(mail.contains(here.email) && !mail.contains(there.email) && !mail.contains(author.email), "\(mail)")
    }
}

extension NotifyIndexTests {
    @Test("regression (review, schema 9): a build of an older schema still running after the migration cannot write a record without its columns; its write fails and nothing changes")
    func olderBuildCannotWrite() throws {
        let dir = TempDir()
        let store = try makeStore(dir)
        let writer = try addResident(store, "schrijver@example.nl")
        _ = try store.createPost(PostDraft(kind: .vraag, title: "Eerste", body: "Tekst", wijk: writer.profile.wijk, author: .resident(writer.id)), by: .account(writer))
        let before = try Database(path: dir.store + "/sociaalhus.db").integer("SELECT count(*) FROM posts")
        // What such a build sends for a new post and for an account.
        for sql in ["INSERT OR REPLACE INTO posts (id, crc, data) VALUES (99, 1, x'00')", "INSERT OR REPLACE INTO accounts (id, crc, data) VALUES (99, 1, x'00')"] {
            #expect(throws: CoreError.self) { try StoreTests.tamper(dir, sql) }
        }
        #expect(try Database(path: dir.store + "/sociaalhus.db").integer("SELECT count(*) FROM posts") == before)
        #expect(StoreCheck.run(at: dir.store).isSound)
    }
}
