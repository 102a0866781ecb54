import Foundation
import Testing
@_spi(Operator) @testable import SociaalHusCore

/// Deleting content withdraws what was still waiting to be sent about it: the
/// notification e-mail with its file, and the line in every waiting digest.
@Suite struct WithdrawTests {
    /// A store with an author, a neighbour mailed at once and one who gets a daily digest, both
    /// interested in "cultuur" in Centrum.
    static func world(_ dir: TempDir) throws -> (Store, author: Account, now: Account, digest: Account) {
        let store = try makeStore(dir)
        let author = try addResident(store, "auteur@example.nl")
        let now = try addResident(store, "meteen@example.nl", wijk: "Centrum")
        let digest = try addResident(store, "dagelijks@example.nl", wijk: "Centrum")
        try store.update { tx in
            for (a, daily) in [(now, false), (digest, true)] {
                var b = tx.state.accounts[a.id.rawValue]!
                b.profile.interests = ["Cultuur"]
                b.profile.email.wijkNotifications = true
                b.profile.digest = daily ? .daily : .immediately
                tx.put(b)
            }
        }
        return (store, author, now, digest)
    }

    static func waiting(_ store: Store, _ canary: String) -> (mails: Int, lines: Int, files: Int) {
        let s = try! Store.open(at: store.path, clock: FixedClock(testNow), hasher: TestHasher())
        let mails = s.state.outbox.all.filter { $0.status == .pending && ($0.subject.contains(canary) || $0.body.contains(canary)) }.count
        let lines = s.state.accounts.all.flatMap(\.pendingDigest).filter { $0.text.contains(canary) }.count
        let files = allFiles(under: store.path + "/mail").filter { (FileManager.default.contents(atPath: $0) ?? Data()).range(of: Data(canary.utf8)) != nil }.count
        return (mails, lines, files)
    }

    @Test("a post deleted by its author: its notification is not sent and its digest line is gone; the digest names nothing of it")
    func postDeleted() throws {
        let dir = TempDir()
        let (store, author, _, _) = try Self.world(dir)
        let post = try store.createPost(PostDraft(kind: .aanbod, title: "Geheim kookavond", body: "Samen cultuur beleven", wijk: author.profile.wijk,
                                                  author: .resident(author.id)), by: .account(author))
        let before = Self.waiting(store, "Geheim kookavond")
        #expect(before.mails == 1 && before.lines == 1 && before.files == 1, "planted: \(before)")
        try store.deletePost(post.id, by: .account(store.state.accounts[author.id.rawValue]!))
        let after = Self.waiting(store, "Geheim kookavond")
        #expect(after.mails == 0 && after.lines == 0 && after.files == 0, "\(after)")
        #expect(try store.sendDigests() == 0, "nothing left to send")
        #expect(Self.waiting(store, "Geheim kookavond").files == 0)
        #expect(StoreCheck.run(at: dir.store).isSound)
    }

    @Test("an activity deleted: its notification and digest line are withdrawn, others' stay")
    func activityDeleted() throws {
        let dir = TempDir()
        let (store, _, _, _) = try Self.world(dir)
        let org = try store.createOrganisation(Organisation(id: OrganisationID(0), name: "Buurthuis"), by: .commandLine)
        let centrum = try #require(store.state.wijk(named: "Centrum"))
        let secret = try store.createAgendaItem(AgendaItem(id: AgendaItemID(0), title: "Geheime testavond", start: testNow.addingTimeInterval(86_400),
                                                           location: "Kern", wijk: centrum.id, organisation: org.id, category: "Cultuur"), by: .commandLine)
        _ = try store.createAgendaItem(AgendaItem(id: AgendaItemID(0), title: "Open kookcafe", start: testNow.addingTimeInterval(86_400),
                                                  location: "Kern", wijk: centrum.id, organisation: org.id, category: "Cultuur"), by: .commandLine)
        #expect(Self.waiting(store, "Geheime testavond").mails == 1 && Self.waiting(store, "Geheime testavond").lines == 1)
        try store.deleteAgendaItem(secret.id, by: .commandLine)
        let after = Self.waiting(store, "Geheime testavond")
        #expect(after.mails == 0 && after.lines == 0 && after.files == 0, "\(after)")
        let other = Self.waiting(store, "Open kookcafe")
        #expect(other.mails == 1 && other.lines == 1, "the other activity's stay: \(other)")
    }

    @Test("a message the recipient removes: its copy still waiting for them is not sent")
    func messageRemoved() throws {
        let dir = TempDir()
        let store = try makeStore(dir)
        var anna = try addResident(store, "anna@example.nl", visibility: .public)
        try store.setEmailPreference(.visitorMessage, to: true, for: anna.id, by: .account(anna))
        anna = store.state.accounts[anna.id.rawValue]!
        let m = try store.sendMessage(senderName: "Bea", senderEmail: "bea@example.org", to: .resident(anna.id), text: "GEHEIMBERICHT", by: .visitor)
        #expect(Self.waiting(store, "GEHEIMBERICHT").mails == 1)
        try store.deleteMessage(m.id, by: .account(anna))
        let after = Self.waiting(store, "GEHEIMBERICHT")
        #expect(after.mails == 0 && after.files == 0, "\(after)")
    }
}
