import Foundation
import Testing
@testable import SociaalHusCore

/// As Anna types it: in Profiel she turns on notifications from her wijk, chooses a weekly
/// digest and picks her interests from the list; a post about mantelzorg then waits for her
/// digest, and cron's `mail digest` sends it once, however often it runs.
@Suite(.serialized) struct DigestFlowTests {
    @Test("Profiel: weekly digest and interests from the list, with the keyboard; the digest goes out once")
    func weeklyAndInterests() throws {
        let t = Tmux()
        try t.cli(["init", "--demo"])
        try t.startLoggedIn("anna.devries@demo.sociaalhus.example", "demo-Kiwi-Tulp-2026", expecting: "Demo Anna", rows: 40)
        try t.keys("4")
        try t.waitFor("l Uitloggen")
        try t.tabUntil("Notificaties uit je wijk")
        try t.keys("Space")
        // Immediately, daily, weekly: two steps to the right.
        try t.tabUntil("1× per dag")
        try t.keys("Right", "Right")
        try t.waitFor("(x) 1× per week")
        // The list of categories, one tick box each: cultuur off, mantelzorg on.
        try t.waitFor("Zet aan wat je interesseert")
        try t.tabUntil("cultuur")
        try t.keys("Space")
        try t.tabUntil("mantelzorg")
        try t.keys("Space")
        try t.tabUntil("[ Opslaan ]")
        try t.keys("Enter")
        try t.waitFor("opgeslagen")
        try t.keys("4")
        try t.waitFor("l Uitloggen")
        try t.keys("l")
        try t.waitFor("bezoeker")

        let store = try Store.open(at: t.store)
        let anna = try #require(store.state.accounts.all.first { $0.email == "anna.devries@demo.sociaalhus.example" })
        #expect(anna.profile.digest == .weekly)
        #expect(anna.profile.interests == ["ontmoeting en eenzaamheid", "mantelzorg"], "\(anna.profile.interests)")
        // A neighbour asks for help with mantelzorg: it waits for Anna's weekly digest.
        let neighbour = try #require(store.state.accounts.all.first { $0.id != anna.id && $0.roles.resident && $0.profile.wijk == anna.profile.wijk })
        try store.createPost(PostDraft(kind: .vraag, title: "Wie helpt bij mantelzorg?", body: "Een uurtje per week", wijk: anna.profile.wijk,
                                       author: .resident(neighbour.id)), by: .account(neighbour))
        #expect(store.state.accounts[anna.id.rawValue]?.pendingDigest.count == 1)
        // Cron runs the command; again the same day, nothing more is sent.
        let first = try t.cli(["mail", "digest"])
        #expect(first.status == 0 && first.out.contains("1 samenvatting"), "\(first.out)")
        let second = try t.cli(["mail", "digest"])
        #expect(second.status == 0 && second.out.contains("0 samenvatting"), "\(second.out)")
        let digests = try Store.open(at: t.store).state.outbox.all.filter { $0.kind == .digest && $0.to == anna.email }
        #expect(digests.count == 1)
        #expect(digests.first?.subject.contains("Prikbord (1 nieuw)") == true)
    }

    @Test("the command line takes only interests from the list, and names the list otherwise")
    func commandLineInterests() throws {
        let t = Tmux()
        try t.cli(["init"])
        let bad = try t.cli(["account", "add", "--email", "b@example.nl", "--name", "Bea", "--wijk", "Centrum", "--interest", "tuinieren"],
                            stdin: "Regen-Kast-Molen-77\n")
        #expect(bad.status == 2)
        #expect(bad.out.contains("tuinieren") && bad.out.contains("mantelzorg") && bad.out.contains("sport en bewegen"), "\(bad.out)")
        let good = try t.cli(["account", "add", "--email", "b@example.nl", "--name", "Bea", "--wijk", "Centrum", "--interest", "Sport en Bewegen",
                              "--interest", "cultúur"], stdin: "Regen-Kast-Molen-77\n")
        #expect(good.status == 0, "\(good.out)")
        let bea = try #require(try Store.open(at: t.store).state.accounts.all.first { $0.email == "b@example.nl" })
        #expect(bea.profile.interests == ["cultuur", "sport en bewegen"])
    }
}
