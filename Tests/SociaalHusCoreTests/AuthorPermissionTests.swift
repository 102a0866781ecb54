import Foundation
import Testing
@testable import SociaalHusCore

/// Nobody writes in another person's name, administrators included: role × action × whose.
@Suite struct AuthorPermissionTests {
    enum Act: String, CaseIterable {
        case postAsSelf, postAsOtherResident, orgPostSignedBySelf, orgPostSignedByOther, editOwnPost, editOtherResidentsPost, editOrgPost
    }

    static let org = OrganisationID(7), wijk = WijkID(1)

    static func account(_ id: Int, _ roles: Roles) -> Account {
        Account(id: AccountID(id), email: "p\(id)@example.nl", name: "Persoon \(id)", passwordHash: "x", roles: roles, created: testNow,
                profile: Profile(displayName: "P\(id)", wijk: wijk))
    }

    static let roles: [String: Roles] = [
        "resident": .residentOnly, "editor": Roles(editorOf: [org]), "partner": Roles(partnerOf: [wijk]),
        "desk": Roles(resident: false, deskStaff: true), "administrator": Roles(resident: false, administrator: true),
        "administrator and resident": Roles(resident: true, administrator: true),
    ]

    static func action(_ act: Act, by me: AccountID) -> ContentAction {
        let other = AccountID(99)
        func post(_ author: Post.Author) -> Post {
            Post(id: PostID(1), kind: .vraag, title: "t", body: "b", wijk: wijk, author: author, show: ContactChoice(), created: testNow, expires: testNow)
        }
        switch act {
        case .postAsSelf: return .createPost(author: .resident(me), wijk: wijk)
        case .postAsOtherResident: return .createPost(author: .resident(other), wijk: wijk)
        case .orgPostSignedBySelf: return .createPost(author: .organisation(org, by: me), wijk: wijk)
        case .orgPostSignedByOther: return .createPost(author: .organisation(org, by: other), wijk: wijk)
        case .editOwnPost: return .changePost(post(.resident(me)))
        case .editOtherResidentsPost: return .changePost(post(.resident(other)))
        case .editOrgPost: return .changePost(post(.organisation(org, by: other)))
        }
    }

    /// nil: allowed. Another person's name is refused for every role; the rest is the role's.
    static let expected: [String: [Act: PermissionDenial?]] = [
        "resident": [.postAsSelf: nil, .postAsOtherResident: .notYourPost, .orgPostSignedBySelf: .notEditor, .orgPostSignedByOther: .notYourPost,
                     .editOwnPost: nil, .editOtherResidentsPost: .notYourPost, .editOrgPost: .notEditor],
        "editor": [.postAsSelf: nil, .postAsOtherResident: .notYourPost, .orgPostSignedBySelf: nil, .orgPostSignedByOther: .notYourPost,
                   .editOwnPost: nil, .editOtherResidentsPost: .notYourPost, .editOrgPost: nil],
        "partner": [.postAsSelf: nil, .postAsOtherResident: .notYourPost, .orgPostSignedBySelf: .notEditor, .orgPostSignedByOther: .notYourPost,
                    .editOwnPost: nil, .editOtherResidentsPost: .notYourPost, .editOrgPost: .notEditor],
        "desk": [.postAsSelf: .residentsOnly, .postAsOtherResident: .notYourPost, .orgPostSignedBySelf: .notEditor, .orgPostSignedByOther: .notYourPost,
                 .editOwnPost: nil, .editOtherResidentsPost: .notYourPost, .editOrgPost: .notEditor],
        "administrator": [.postAsSelf: nil, .postAsOtherResident: .notYourPost, .orgPostSignedBySelf: nil, .orgPostSignedByOther: .notYourPost,
                          .editOwnPost: nil, .editOtherResidentsPost: .notYourPost, .editOrgPost: nil],
        "administrator and resident": [.postAsSelf: nil, .postAsOtherResident: .notYourPost, .orgPostSignedBySelf: nil, .orgPostSignedByOther: .notYourPost,
                                       .editOwnPost: nil, .editOtherResidentsPost: .notYourPost, .editOrgPost: nil],
    ]

    @Test("role × action × own or another's", arguments: expected.keys.sorted(), Act.allCases)
    func table(_ role: String, _ act: Act) throws {
        let me = Self.account(5, Self.roles[role]!)
        let want = try #require(Self.expected[role]?[act])
        #expect(Permissions.denial(Self.action(act, by: me.id), by: .account(me)) == want, "\(role) \(act)")
    }

    @Test("through the core, an administrator cannot post or edit as a resident") func throughTheCore() throws {
        let w = try DeskWorld()
        let admin = Viewer.account(w.admin)
        let wijk = w.resident.profile.wijk
        #expect(throws: CoreError.notPermitted(.notYourPost)) {
            try w.store.perform(.createPost(PostDraft(kind: .aanbod, title: "Gratis fiets", body: "Kom maar halen", wijk: wijk, author: .resident(w.resident.id))), as: admin)
        }
        let post = try w.store.perform(.createPost(PostDraft(kind: .vraag, title: "Ladder", body: "Wie leent er een?", wijk: wijk, author: .resident(w.resident.id))),
                                       as: .account(w.resident))
        #expect(throws: CoreError.notPermitted(.notYourPost)) { try w.store.perform(.editPost(post.id, PostEdit(body: "Ik verkoop mijn ladder")), as: admin) }
        #expect(w.store.post(post.id, for: admin, now: testNow)?.post.body == "Wie leent er een?")
    }
}
