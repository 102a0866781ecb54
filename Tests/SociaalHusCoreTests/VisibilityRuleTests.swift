import Foundation
import Testing
@testable import SociaalHusCore

/// Specification of who sees what of a resident's profile.
@Suite struct ProfileVisibilityTests {
    enum ViewerKind: String, CaseIterable, Sendable {
        case visitor, otherWijkResident, sameWijkResident, unverifiedSameWijkResident, owner, organisationEditor, deskStaff, partner, administrator
    }

    static let centrum = WijkID(1), zenderen = WijkID(3)

    static func account(_ id: Int, wijk: WijkID, roles: Roles = .residentOnly, visibility: ProfileVisibility = .anonymous) -> Account {
        Account(id: AccountID(id), email: "p\(id)@example.nl", name: "Persoon \(id)", passwordHash: "x", roles: roles, created: testNow,
                profile: Profile(displayName: "Naam \(id)", wijk: wijk, photo: "foto\(id).jpg", visibility: visibility,
                                 phone: "06-1234567\(id)", address: "Straat \(id), Borne"))
    }

    static func verified(_ a: Account) -> Account {
        var a = a
        a.wijkCheck = WijkCheck(wijk: a.profile.wijk, state: .verified, how: .desk, at: testNow)
        return a
    }

    static func viewer(_ kind: ViewerKind, owner: Account) -> Viewer {
        switch kind {
        case .visitor: .visitor
        case .otherWijkResident: .account(account(10, wijk: zenderen))
        case .sameWijkResident: .account(verified(account(11, wijk: centrum)))
        // Regression: a wijk only stated at registration opens no "Alleen buren" name.
        case .unverifiedSameWijkResident: .account(account(16, wijk: centrum))
        case .owner: .account(owner)
        // Staff roles live in another wijk: their role must not give them sight of profiles.
        case .organisationEditor: .account(account(12, wijk: zenderen, roles: Roles(resident: false, editorOf: [OrganisationID(1)])))
        case .deskStaff: .account(account(13, wijk: zenderen, roles: Roles(resident: false, deskStaff: true)))
        case .partner: .account(account(14, wijk: zenderen, roles: Roles(resident: false, partnerOf: [centrum])))
        case .administrator: .account(account(15, wijk: zenderen, roles: Roles(resident: false, administrator: true)))
        }
    }

    /// (viewer, level) → name visible? The whole table: 9 viewer kinds × 3 levels.
    static let table: [(ViewerKind, ProfileVisibility, Bool)] = {
        var rows: [(ViewerKind, ProfileVisibility, Bool)] = []
        for kind in ViewerKind.allCases {
            rows.append((kind, .anonymous, kind == .owner))
            rows.append((kind, .neighbours, kind == .owner || kind == .sameWijkResident))
            rows.append((kind, .public, true))
        }
        return rows
    }()

    @Test("name and photo only where the level allows; contact data only for the owner", arguments: table)
    func visibility(kind: ViewerKind, level: ProfileVisibility, nameVisible: Bool) throws {
        let owner = Self.account(1, wijk: Self.centrum, visibility: level)
        let view = try #require(ProfileVisibilityRule.view(of: owner, by: Self.viewer(kind, owner: owner), settings: PlatformSettings()))
        #expect(view.isAnonymous == !nameVisible)
        #expect(view.displayName == (nameVisible ? .named("Naam 1") : .anonymousResident()))
        #expect(view.photo == (nameVisible ? "foto1.jpg" : nil))
        let isOwner = kind == .owner
        #expect(view.email == (isOwner ? "p1@example.nl" : nil))
        #expect(view.phone == (isOwner ? "06-12345671" : nil))
        #expect(view.address == (isOwner ? "Straat 1, Borne" : nil))
    }

    @Test("a new profile is anonymous") func defaultIsAnonymous() {
        #expect(Profile(displayName: "x", wijk: WijkID(1)).visibility == .anonymous)
        #expect(Registration(email: "a@b.nl", name: "n", password: "p", wijk: "Centrum").visibility == .anonymous)
    }

    @Test("a blocked account's profile is hidden from everyone but administrators", arguments: ViewerKind.allCases)
    func blocked(kind: ViewerKind) {
        var owner = Self.account(1, wijk: Self.centrum, visibility: .public)
        owner.blocked = true
        let view = ProfileVisibilityRule.view(of: owner, by: Self.viewer(kind, owner: owner), settings: PlatformSettings())
        // The owner of a blocked account is not logged in any more; an administrator still sees it.
        switch kind {
        case .administrator: #expect(view?.displayName == .named("Naam 1"))
        case .owner: #expect(view == nil)
        default: #expect(view == nil)
        }
    }

    @Test("on a private platform a visitor sees no profile, a logged-in resident still does", arguments: ViewerKind.allCases)
    func privatePlatform(kind: ViewerKind) {
        let owner = Self.account(1, wijk: Self.centrum, visibility: .public)
        let view = ProfileVisibilityRule.view(of: owner, by: Self.viewer(kind, owner: owner), settings: PlatformSettings(isPrivate: true))
        #expect((view == nil) == (kind == .visitor))
    }
}

/// Specification of what a visitor may open on a private platform.
@Suite struct PlatformAccessTests {
    static let rows: [(Section, Bool, Bool, Bool)] = [
        // section, private, visitor may open, resident may open
        (.agenda, false, true, true), (.agenda, true, false, true),
        (.prikbord, true, false, true), (.organisations, true, false, true), (.profiles, true, false, true),
        (.login, true, true, true), (.registration, true, true, true), (.privacyStatement, true, true, true),
    ]

    @Test(arguments: rows)
    func access(section: Section, isPrivate: Bool, visitor: Bool, resident: Bool) {
        let settings = PlatformSettings(isPrivate: isPrivate)
        let account = ProfileVisibilityTests.account(1, wijk: WijkID(1))
        #expect(PlatformAccess.mayOpen(section, viewer: .visitor, settings: settings) == visitor)
        #expect(PlatformAccess.mayOpen(section, viewer: .account(account), settings: settings) == resident)
    }
}

/// Specification of posts: only the contact details the author ticked.
@Suite struct PostVisibilityTests {
    static let author = ProfileVisibilityTests.account(1, wijk: WijkID(1), visibility: .public)

    static func post(_ show: ContactChoice, expires: Date = testNow.addingTimeInterval(86_400)) -> Post {
        Post(id: PostID(1), kind: .aanbod, title: "Fiets", body: "Gratis af te halen", wijk: WijkID(1),
             author: .resident(AccountID(1)), show: show, created: testNow, expires: expires)
    }

    // A public author seen by a visitor: the name always (the level decides), the details as ticked.
    // (Every level × ticks × viewer is in IdentityMatrixTests.)
    static let rows: [(ContactChoice, String, String?, String?, String?)] = [
        (ContactChoice(), "Naam 1", nil, nil, nil),
        (ContactChoice(name: true), "Naam 1", nil, nil, nil),
        (ContactChoice(email: true), "Naam 1", "p1@example.nl", nil, nil),
        (ContactChoice(phone: true), "Naam 1", nil, "06-12345671", nil),
        (ContactChoice(address: true), "Naam 1", nil, nil, "Straat 1, Borne"),
        (ContactChoice(name: true, email: true, phone: true, address: true), "Naam 1", "p1@example.nl", "06-12345671", "Straat 1, Borne"),
    ]

    @Test("a public author's post shows the name and exactly the ticked details", arguments: rows)
    func ticked(show: ContactChoice, name: String, email: String?, phone: String?, address: String?) throws {
        let v = try #require(ContentVisibility.view(of: Self.post(show), author: Self.author, organisation: nil, by: .visitor,
                                                   settings: PlatformSettings(), now: testNow))
        #expect(v.authorName == .named(name))
        #expect(v.email == email)
        #expect(v.phone == phone)
        #expect(v.address == address)
        #expect(v.repliesViaContactForm == (email == nil && phone == nil && address == nil))
    }

    @Test("regression: an anonymous author's ticks show nothing to others") func anonymousTicks() throws {
        let anonymous = ProfileVisibilityTests.account(1, wijk: WijkID(1), visibility: .anonymous)
        let v = try #require(ContentVisibility.view(of: Self.post(ContactChoice(name: true, email: true, phone: true, address: true)), author: anonymous,
                                                   organisation: nil, by: .visitor, settings: PlatformSettings(), now: testNow))
        #expect(v.authorName == .anonymousResident() && v.email == nil && v.phone == nil && v.address == nil)
    }

    @Test("expired posts are hidden except from their author") func expired() {
        let p = Self.post(ContactChoice(), expires: testNow.addingTimeInterval(-1))
        #expect(ContentVisibility.view(of: p, author: Self.author, organisation: nil, by: .visitor, settings: PlatformSettings(), now: testNow) == nil)
        #expect(ContentVisibility.view(of: p, author: Self.author, organisation: nil, by: .account(Self.author), settings: PlatformSettings(), now: testNow) != nil)
    }

    @Test("a blocked author's post is hidden from all but administrators") func blockedAuthor() {
        var author = Self.author
        author.blocked = true
        let p = Self.post(ContactChoice(name: true))
        let admin = ProfileVisibilityTests.account(9, wijk: WijkID(1), roles: Roles(administrator: true))
        #expect(ContentVisibility.view(of: p, author: author, organisation: nil, by: .visitor, settings: PlatformSettings(), now: testNow) == nil)
        #expect(ContentVisibility.view(of: p, author: author, organisation: nil, by: .account(admin), settings: PlatformSettings(), now: testNow) != nil)
    }
}

/// Specification of who may read a contact message.
@Suite struct MessageVisibilityTests {
    static let sender = ProfileVisibilityTests.account(1, wijk: WijkID(1))
    static let recipient = ProfileVisibilityTests.account(2, wijk: WijkID(1))
    static let editor = ProfileVisibilityTests.account(3, wijk: WijkID(1), roles: Roles(editorOf: [OrganisationID(7)]))
    static let otherEditor = ProfileVisibilityTests.account(4, wijk: WijkID(1), roles: Roles(editorOf: [OrganisationID(8)]))
    static let admin = ProfileVisibilityTests.account(5, wijk: WijkID(1), roles: Roles(administrator: true))
    static let neighbour = ProfileVisibilityTests.account(6, wijk: WijkID(1))

    static let rows: [(String, ContactMessage.Recipient, Viewer, Bool)] = [
        ("sender", .resident(AccountID(2)), .account(sender), true),
        ("recipient", .resident(AccountID(2)), .account(recipient), true),
        ("neighbour", .resident(AccountID(2)), .account(neighbour), false),
        ("administrator", .resident(AccountID(2)), .account(admin), false),
        ("visitor", .resident(AccountID(2)), .visitor, false),
        ("editor of recipient organisation", .organisation(OrganisationID(7)), .account(editor), true),
        ("editor of another organisation", .organisation(OrganisationID(7)), .account(otherEditor), false),
    ]

    @Test(arguments: rows)
    func read(_ who: String, recipient: ContactMessage.Recipient, viewer: Viewer, may: Bool) {
        let m = ContactMessage(id: MessageID(1), senderName: "Afzender", senderEmail: "afz@example.nl", senderAccount: AccountID(1),
                               recipient: recipient, text: "Hallo", sent: testNow)
        #expect(ContentVisibility.mayRead(m, by: viewer) == may, "\(who)")
    }
}
