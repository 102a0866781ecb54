import Foundation
import Testing
@testable import SociaalHusCore

/// `sociaalhus account role` as the operator types it, and `account add` for an
/// address that already has an account.
@Suite(.serialized) struct AccountRoleCommandTests {
    typealias CLI = CommandLineTests

    /// A demo store (Henk: resident of Centrum; Bram: the only administrator).
    static func demo() throws -> CLI.Temp {
        let t = CLI.Temp()
        #expect(try CLI.run(["init", "--demo", "--store", t.store]).status == 0)
        return t
    }

    static let henk = "henk.jansen@demo.sociaalhus.example", bram = "bram.kuipers@demo.sociaalhus.example"

    @Test("the issue as reported: account add for an existing address names account role; then account role gives the partner role and the feed can be approved")
    func reported() throws {
        let t = try Self.demo()
        let feed = try CLI.run(["agenda", "--wijk", "Centrum", "--format", "ics", "--store", t.store])
        #expect(feed.status == 1)
        #expect(feed.err.contains("sociaalhus account role --email E --add \"partner:Centrum\""), "the refusal names a real way: \(feed.err)")
        var r = try CLI.run(["account", "add", "--email", Self.henk, "--name", "Henk", "--wijk", "Centrum", "--role", "partner:Centrum", "--store", t.store], stdin: CLI.password)
        #expect(r.status == 1)
        #expect(!r.err.contains("Log in"), "the operator is not the one to log in: \(r.err)")
        #expect(r.err.contains("sociaalhus account role --email \(Self.henk) --add partner:Centrum"), "\(r.err)")
        r = try CLI.run(["account", "role", "--email", Self.henk, "--add", "partner:Centrum", "--store", t.store])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("lokale partner van Centrum") && r.out.contains("Berichten"))
        let store = try Store.open(at: t.store)
        let henk = try store.account(email: Self.henk)
        #expect(henk.roles.resident && henk.roles.partnerOf == [store.state.wijk(named: "Centrum")!.id])
        #expect(store.state.audit.all.contains { $0.action == .roleGiven && $0.subject == henk.id && $0.actor == nil })
        #expect(store.state.messages.all.contains { $0.recipient == .resident(henk.id) && $0.text.contains("lokale partner van Centrum") })
        // The new partner approves; the feed is made.
        try store.approveFeed(wijk: henk.profile.wijk, thirdParty: "Vrijwilligerscentrale", by: .account(henk))
        #expect(try CLI.run(["agenda", "--wijk", "Centrum", "--format", "ics", "--store", t.store]).status == 0)
    }

    @Test("wrong use exits 2 before anything is opened or changed", arguments: [
        ["--email", henk], ["--email", henk, "--add", "desk", "--remove", "desk"], ["--email", henk, "--add", "boss"],
        ["--email", henk, "--add", "partner"], ["--add", "desk"], ["--email", henk, "--add", "desk", "--add", "admin"],
    ])
    func wrongUse(_ words: [String]) throws {
        let t = try Self.demo()
        let before = HelpTests.snapshot(t.store)
        let r = try CLI.run(["account", "role"] + words + ["--store", t.store])
        #expect(r.status == 2, "\(words): \(r.err)")
        #expect(!r.err.isEmpty && r.out.isEmpty)
        #expect(HelpTests.snapshot(t.store) == before)
    }

    @Test("refusals exit 1 with the core's sentence, in Dutch and English", arguments: [
        (["--email", bram, "--remove", "admin"], "laatste beheerder", "last administrator"),
        (["--email", henk, "--add", "resident"], "heeft de rol bewoner al", "already has the role resident"),
        (["--email", henk, "--remove", "desk"], "heeft de rol baliemedewerker niet", "does not have the role desk staff"),
        (["--email", henk, "--add", "partner:Atlantis"], "Atlantis", "Atlantis"),
        (["--email", "niemand@example.nl", "--add", "desk"], "niemand@example.nl", "niemand@example.nl"),
    ])
    func refusals(_ words: [String], _ nl: String, _ en: String) throws {
        let t = try Self.demo()
        let before = HelpTests.snapshot(t.store)
        let dutch = try CLI.run(["account", "role"] + words + ["--store", t.store])
        #expect(dutch.status == 1 && dutch.err.contains(nl), "\(dutch.err)")
        let english = try CLI.run(["account", "role"] + words + ["--store", t.store, "--lang", "en"])
        #expect(english.status == 1 && english.err.contains(en), "\(english.err)")
        #expect(HelpTests.snapshot(t.store) == before, "a refusal changed the store")
    }

    @Test("Dutch aliases and taking a role back") func aliasesAndRemove() throws {
        let t = try Self.demo()
        var r = try CLI.run(["account", "role", "--email", Self.henk, "--add", "organisatie:Voedselbank Borne", "--store", t.store])
        #expect(r.status == 0, "\(r.err)")
        r = try CLI.run(["account", "role", "--email", Self.henk, "--add", "beheerder", "--store", t.store, "--lang", "en"])
        #expect(r.status == 0 && r.out.contains("now has the role administrator"), "\(r.out)\(r.err)")
        // Now there are two: Bram may go.
        r = try CLI.run(["account", "role", "--email", Self.bram, "--remove", "admin", "--store", t.store])
        #expect(r.status == 0, "\(r.err)")
        r = try CLI.run(["account", "role", "--email", Self.henk, "--remove", "editor:Voedselbank Borne", "--store", t.store])
        #expect(r.status == 0 && r.out.contains("niet meer"), "\(r.err)")
        let store = try Store.open(at: t.store)
        #expect(try store.account(email: Self.henk).roles == Roles(resident: true, administrator: true))
        #expect(try !store.account(email: Self.bram).roles.administrator)
    }
}
