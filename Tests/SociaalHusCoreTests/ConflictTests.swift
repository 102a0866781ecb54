import Foundation
import Testing
@testable import SociaalHusCore

/// Issue 16, part 2: a save over a newer version is refused, never silently last-writer-wins.
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
        if changedElsewhere {
            switch kind {
            case .agenda:
                var edit = AgendaEdit(seenItem); edit.title = "Koor (verplaatst)"
                try b.editAgendaItem(item.id, edit, basedOn: seenItem, by: .commandLine)
            case .post: try b.editPost(post.id, PostEdit(title: "Heg (gedaan)"), basedOn: seenPost, by: .account(anna))
            case .organisation: try b.updateOrganisation(org.id, basedOn: seenOrg, by: .commandLine) { $0.openingHours = "ma 9-12" }
            case .profile: try b.updateProfile(for: anna.id, basedOn: seenProfile, by: .account(anna)) { $0.interests = ["koor"] }
            }
        }
        let save: () throws -> Void = {
            switch kind {
            case .agenda:
                var edit = AgendaEdit(seenItem); edit.title = "Koor (mijn versie)"
                try a.editAgendaItem(item.id, edit, basedOn: seenItem, by: .commandLine)
            case .post: try a.editPost(post.id, PostEdit(title: "Heg (mijn versie)"), basedOn: seenPost, by: .account(anna))
            case .organisation: try a.updateOrganisation(org.id, basedOn: seenOrg, by: .commandLine) { $0.openingHours = "di 13-17" }
            case .profile: try a.updateProfile(for: anna.id, basedOn: seenProfile, by: .account(anna)) { $0.interests = ["tuin"] }
            }
        }
        if changedElsewhere {
            #expect(throws: CoreError.self) { try save() }
            do { try save() } catch let e as CoreError {
                let text = e.message(.dutch)
                let theirs = ["agenda": "titel nu: Koor (verplaatst)", "post": "titel nu: Heg (gedaan)", "organisation": "openingstijden nu: ma 9-12",
                              "profile": "interesses nu: koor"][kind.rawValue]!
                #expect(text.contains("Iemand anders") && text.contains(theirs), "\(text)")
                #expect(e.message(.english).contains("Someone else"))
            }
        } else {
            try save()
        }
        let now = try reopen(dir).state
        switch kind {
        case .agenda: #expect(now.agenda[item.id.rawValue]?.title == (changedElsewhere ? "Koor (verplaatst)" : "Koor (mijn versie)"))
        case .post: #expect(now.posts[post.id.rawValue]?.title == (changedElsewhere ? "Heg (gedaan)" : "Heg (mijn versie)"))
        case .organisation: #expect(now.organisations[org.id.rawValue]?.openingHours == (changedElsewhere ? "ma 9-12" : "di 13-17"))
        case .profile: #expect(now.accounts[anna.id.rawValue]?.profile.interests == (changedElsewhere ? ["koor"] : ["tuin"]))
        }
    }
}
