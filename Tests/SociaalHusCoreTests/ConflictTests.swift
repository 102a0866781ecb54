import Foundation
import Testing
@_spi(Operator) @testable import SociaalHusCore

/// A save over a newer version is refused, never silently last-writer-wins.
/// Two handles on one store folder stand for two terminals; each row edits one kind of record
/// as its form opened it, after (or without) a save at the other terminal.
@Suite struct ConflictTests {
    enum Kind: String, CaseIterable { case agenda, post, organisation, profile }

    @Test("a save based on an older version is refused and the other's version kept; based on the current one it goes through",
          arguments: Kind.allCases, [true, false])
    func table(kind: Kind, changedElsewhere: Bool) throws {
        let dir = TempDir()
        let a = try makeStore(dir)
        let anna = try addResident(a, "anna@example.nl", name: "Anna de Vries")
        let org = try a.createOrganisation(Organisation(id: OrganisationID(0), name: "Buurthuis"), by: .commandLine)
        let item = try a.createAgendaItem(AgendaItem(id: AgendaItemID(0), title: "Koor", start: testNow.addingTimeInterval(86_400), location: "Kerk",
                                                     organisation: org.id), by: .commandLine)
        let post = try a.createPost(PostDraft(kind: .vraag, title: "Heg", body: "Wie helpt?", wijk: anna.profile.wijk, author: .resident(anna.id)),
                                    by: .account(anna))
        let b = try reopen(dir)
        // The form at terminal A opened on these.
        let seenItem = try #require(a.agendaItem(item.id, for: .commandLine))
        let seenOrg = try #require(a.state.organisations[org.id.rawValue])
        let seenPost = try #require(a.state.posts[post.id.rawValue])
        let seenProfile = try #require(a.state.accounts[anna.id.rawValue]).profile
        // One edit, made at a terminal (`store`) from what its form showed, writing `value`.
        func save(at store: Store, _ value: String) throws {
            switch kind {
            case .agenda:
                var edit = AgendaEdit(seenItem); edit.title = value
                try store.editAgendaItem(item.id, edit, basedOn: seenItem, by: .commandLine)
            case .post: try store.editPost(post.id, PostEdit(title: value), basedOn: seenPost, by: .account(anna))
            case .organisation: try store.updateOrganisation(org.id, basedOn: seenOrg, by: .commandLine) { $0.openingHours = value }
            case .profile: try store.updateProfile(for: anna.id, basedOn: seenProfile, by: .account(anna)) { $0.interests = [value] }
            }
        }
        let theirValue = ["agenda": "Koor (verplaatst)", "post": "Heg (gedaan)", "organisation": "ma 9-12", "profile": "cultuur"][kind.rawValue]!
        let myValue = ["agenda": "Koor (mijn versie)", "post": "Heg (mijn versie)", "organisation": "di 13-17", "profile": "sport"][kind.rawValue]!
        if changedElsewhere { try save(at: b, theirValue) }
        let save = { try save(at: a, myValue) }
        if changedElsewhere {
            #expect(throws: CoreError.self) { try save() }
            do { try save() } catch let e as CoreError {
                let text = e.message(.dutch)
                let theirs = ["agenda": "titel", "post": "titel", "organisation": "openingstijden", "profile": "interesses"][kind.rawValue]! + " nu: " + theirValue
                #expect(text.contains("Iemand anders") && text.contains(theirs), "\(text)")
                #expect(e.message(.english).contains("Someone else"))
            }
        } else {
            try save()
        }
        let now = try reopen(dir).state
        let kept = changedElsewhere ? theirValue : myValue
        switch kind {
        case .agenda: #expect(now.agenda[item.id.rawValue]?.title == kept)
        case .post: #expect(now.posts[post.id.rawValue]?.title == kept)
        case .organisation: #expect(now.organisations[org.id.rawValue]?.openingHours == kept)
        case .profile: #expect(now.accounts[anna.id.rawValue]?.profile.interests == [kept])
        }
    }
}
