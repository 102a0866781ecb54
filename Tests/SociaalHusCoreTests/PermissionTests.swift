import Foundation
import Testing
@testable import SociaalHusCore

/// Specification of who may create, edit and delete which content.
@Suite struct PermissionTests {
    static let centrum = WijkID(1), zenderen = WijkID(3), org = OrganisationID(7), otherOrg = OrganisationID(8)
    static let resident = ProfileVisibilityTests.account(1, wijk: centrum)
    static let otherResident = ProfileVisibilityTests.account(2, wijk: centrum)
    static let editor = ProfileVisibilityTests.account(3, wijk: zenderen, roles: Roles(resident: false, editorOf: [org]))
    static let desk = ProfileVisibilityTests.account(4, wijk: zenderen, roles: Roles(resident: false, deskStaff: true))
    static let admin = ProfileVisibilityTests.account(5, wijk: zenderen, roles: Roles(resident: false, administrator: true))
    static let blocked: Account = { var a = ProfileVisibilityTests.account(6, wijk: centrum); a.blocked = true; return a }()

    static let residentPost = Post(id: PostID(1), kind: .vraag, title: "t", body: "b", wijk: centrum, author: .resident(AccountID(1)), created: testNow, expires: testNow)
    static let orgPost = Post(id: PostID(2), kind: .mededeling, title: "t", body: "b", wijk: centrum, author: .organisation(org, by: AccountID(3)), created: testNow, expires: testNow)
    static let item = AgendaItem(id: AgendaItemID(1), title: "t", start: testNow, organisation: org)
    static let otherItem = AgendaItem(id: AgendaItemID(2), title: "t", start: testNow, organisation: otherOrg)

    static let rows: [(String, ContentAction, Viewer, PermissionDenial?)] = [
        ("visitor posts", .createPost(author: .resident(AccountID(1)), wijk: centrum), .visitor, .notLoggedIn),
        ("resident posts in own wijk", .createPost(author: .resident(AccountID(1)), wijk: centrum), .account(resident), nil),
        ("resident posts in other wijk", .createPost(author: .resident(AccountID(1)), wijk: zenderen), .account(resident), .otherWijk),
        ("resident posts as someone else", .createPost(author: .resident(AccountID(2)), wijk: centrum), .account(resident), .notYourPost),
        ("non-resident posts as self", .createPost(author: .resident(AccountID(4)), wijk: zenderen), .account(desk), .residentsOnly),
        ("editor posts for own org", .createPost(author: .organisation(org, by: AccountID(3)), wijk: centrum), .account(editor), nil),
        ("editor posts for other org", .createPost(author: .organisation(otherOrg, by: AccountID(3)), wijk: centrum), .account(editor), .notEditor),
        ("resident posts for an org", .createPost(author: .organisation(org, by: AccountID(1)), wijk: centrum), .account(resident), .notEditor),
        ("blocked resident posts", .createPost(author: .resident(AccountID(6)), wijk: centrum), .account(blocked), .blocked),
        ("author edits own post", .changePost(residentPost), .account(resident), nil),
        ("neighbour edits post", .changePost(residentPost), .account(otherResident), .notYourPost),
        ("desk staff edits post", .changePost(residentPost), .account(desk), .notYourPost),
        ("admin edits a resident's post", .changePost(residentPost), .account(admin), .notYourPost),
        ("admin posts as a resident", .createPost(author: .resident(AccountID(1)), wijk: centrum), .account(admin), .notYourPost),
        ("editor edits org post", .changePost(orgPost), .account(editor), nil),
        ("resident edits org post", .changePost(orgPost), .account(resident), .notEditor),
        ("editor adds agenda item", .createAgendaItem(organisation: org), .account(editor), nil),
        ("editor adds item for other org", .createAgendaItem(organisation: otherOrg), .account(editor), .notEditor),
        ("resident adds agenda item", .createAgendaItem(organisation: org), .account(resident), .notEditor),
        ("editor changes own item", .changeAgendaItem(item), .account(editor), nil),
        ("editor changes other org's item", .changeAgendaItem(otherItem), .account(editor), .notEditor),
        ("admin changes any item", .changeAgendaItem(otherItem), .account(admin), nil),
        ("editor edits own org", .editOrganisation(org), .account(editor), nil),
        ("editor edits other org", .editOrganisation(otherOrg), .account(editor), .notEditor),
        ("desk staff edits org", .editOrganisation(org), .account(desk), .notEditor),
        ("editor creates orgs", .manageOrganisations, .account(editor), .administratorsOnly),
        ("admin creates orgs", .manageOrganisations, .account(admin), nil),
        ("resident administers", .administerPlatform, .account(resident), .administratorsOnly),
        ("owner manages account", .manageAccount(AccountID(1)), .account(resident), nil),
        ("other manages account", .manageAccount(AccountID(1)), .account(otherResident), .notYourAccount),
        ("visitor manages account", .manageAccount(AccountID(1)), .visitor, .notLoggedIn),
    ]

    @Test(arguments: rows)
    func permission(_ name: String, action: ContentAction, viewer: Viewer, expected: PermissionDenial?) {
        #expect(Permissions.denial(action, by: viewer) == expected, "\(name)")
    }

    @Test("every denial has a message in both languages") func messages() {
        for d in [PermissionDenial.notLoggedIn, .blocked, .notYourPost, .notEditor, .administratorsOnly, .residentsOnly, .otherWijk, .notYourAccount] {
            #expect(!d.message(.dutch).isEmpty && !d.message(.english).isEmpty && d.message(.dutch) != d.message(.english))
        }
    }
}

/// Specification of "may this kind of e-mail go to this person".
@Suite struct EmailPolicyTests {
    static func person(_ prefs: EmailPreferences, wijk: Int = 1, interests: [String] = ["sport"], blocked: Bool = false) -> Account {
        var a = ProfileVisibilityTests.account(1, wijk: WijkID(wijk))
        a.profile.email = prefs
        a.profile.interests = interests
        a.blocked = blocked
        return a
    }

    @Test("all four toggles start off") func defaults() {
        let p = EmailPreferences()
        for k in EmailKind.allCases { #expect(p[k] == false) }
        let a = Self.person(EmailPreferences())
        for o in [EmailPolicy.Occasion.visitorMessage, .announcement, .newsletter(wijk: WijkID(1)), .wijkNotification(wijk: WijkID(1), topics: ["sport"])] {
            #expect(EmailPolicy.mayEmail(o, to: a) == false)
        }
    }

    static let rows: [(String, EmailPolicy.Occasion, Account, Bool)] = [
        ("visitor message, toggle on", .visitorMessage, person(EmailPreferences(visitorMessages: true)), true),
        ("visitor message, other toggles on", .visitorMessage, person(EmailPreferences(wijkNotifications: true, newsletters: true, announcements: true)), false),
        ("announcement on", .announcement, person(EmailPreferences(announcements: true)), true),
        ("announcement off", .announcement, person(EmailPreferences(visitorMessages: true)), false),
        ("newsletter own wijk", .newsletter(wijk: WijkID(1)), person(EmailPreferences(newsletters: true)), true),
        ("newsletter other wijk", .newsletter(wijk: WijkID(2)), person(EmailPreferences(newsletters: true)), false),
        ("notification matching interest", .wijkNotification(wijk: WijkID(1), topics: ["Sport"]), person(EmailPreferences(wijkNotifications: true)), true),
        ("notification other interest", .wijkNotification(wijk: WijkID(1), topics: ["cultuur"]), person(EmailPreferences(wijkNotifications: true)), false),
        ("notification other wijk", .wijkNotification(wijk: WijkID(2), topics: ["sport"]), person(EmailPreferences(wijkNotifications: true)), false),
        ("notification toggle off", .wijkNotification(wijk: WijkID(1), topics: ["sport"]), person(EmailPreferences(newsletters: true)), false),
        ("blocked account", .announcement, person(EmailPreferences(announcements: true), blocked: true), false),
    ]

    @Test(arguments: rows)
    func policy(_ name: String, occasion: EmailPolicy.Occasion, account: Account, may: Bool) {
        #expect(EmailPolicy.mayEmail(occasion, to: account) == may, "\(name)")
    }
}
