import Foundation
import Testing
@_spi(Operator) @testable import SociaalHusCore

/// The acting account is checked as it is now, inside the change, in
/// every process. A terminal that still holds an old copy of the account loses its power at once.
@Suite struct StaleActorTests {
    enum Change: String, CaseIterable { case blocked, demoted, erased }

    @Test("regression: a desk account blocked, demoted or erased at another terminal can no longer open or record an intake", arguments: Change.allCases)
    func staleDesk(change: Change) throws {
        let w = try DeskWorld()
        let intake = try w.store.createIntake(w.input(), by: w.desk)
        let stale = w.desk // this terminal's copy of the desk account
        // Another process, on the same folder, acting as the administrator.
        let other = try reopen(w.dir, clock: w.clock)
        switch change {
        case .blocked: try other.setBlocked(w.staff.id, blocked: true, by: .account(w.admin))
        case .demoted:
            try other.update { tx in
                var a = tx.state.accounts[w.staff.id.rawValue]!
                a.roles.deskStaff = false
                tx.put(a)
            }
        case .erased: try other.erase(w.staff.id, by: .commandLine)
        }
        let expected: PermissionDenial = switch change {
        case .blocked: .blocked
        case .demoted: .rightsChanged
        case .erased: .accountGone
        }
        #expect(throws: CoreError.notPermitted(expected)) { try w.store.openIntake(intake.id, by: stale) }
        #expect(throws: CoreError.notPermitted(expected)) { var run = IntakeListing(); _ = try w.store.listIntakes(&run, by: stale) }
        #expect(throws: CoreError.notPermitted(expected)) { try w.store.createIntake(w.input(), by: stale) }
        #expect(w.store.state.intakes.count == 1, "nothing new was recorded")
    }

    @Test("an unchanged account keeps working after unrelated changes to it") func unchanged() throws {
        let w = try DeskWorld()
        let stale = w.desk
        let other = try reopen(w.dir, clock: w.clock)
        try other.setEmailPreference(.announcement, to: true, for: w.staff.id, by: .account(w.staff))
        _ = try w.store.createIntake(w.input(), by: stale)
    }
}

/// The capabilities that used to be checked inline, now answered by `Permissions.denial`.
@Suite struct MovedPermissionTests {
    static let centrum = WijkID(1), hertme = WijkID(4)
    static func account(_ roles: Roles) -> Viewer {
        .account(Account(id: AccountID(9), email: "x@example.nl", name: "X", passwordHash: "x", roles: roles, created: testNow,
                         profile: Profile(displayName: "X", wijk: centrum)))
    }
    static let partner = account(Roles(resident: true, partnerOf: [centrum]))
    static let admin = account(Roles(resident: false, administrator: true))
    static let resident = account(.residentOnly)
    static let desk = account(Roles(resident: false, deskStaff: true))

    static let rows: [(String, ContentAction, Viewer, PermissionDenial?)] = [
        ("partner opens moderation", .openModeration, partner, nil),
        ("resident opens moderation", .openModeration, resident, .partnersOnly),
        ("visitor opens moderation", .openModeration, .visitor, .notLoggedIn),
        ("partner moderates own wijk", .moderate(wijk: centrum), partner, nil),
        ("partner moderates other wijk", .moderate(wijk: hertme), partner, .partnersOnly),
        ("partner moderates no wijk", .moderate(wijk: nil), partner, .administratorsOnly),
        ("admin moderates anything", .moderate(wijk: nil), admin, nil),
        ("partner approves own feed", .approveFeed(wijk: centrum), partner, nil),
        ("admin approves a feed", .approveFeed(wijk: centrum), admin, .partnersOnly),
        ("partner newsletter own wijk", .sendNewsletter(wijk: centrum), partner, nil),
        ("partner newsletter other wijk", .sendNewsletter(wijk: hertme), partner, .partnersOnly),
        ("admin newsletter", .sendNewsletter(wijk: hertme), admin, nil),
        ("desk posts", .postAnything, desk, .residentsOnly),
        ("resident posts", .postAnything, resident, nil),
    ]

    @Test(arguments: rows)
    func rule(_ why: String, action: ContentAction, viewer: Viewer, expected: PermissionDenial?) {
        #expect(Permissions.denial(action, by: viewer) == expected, "\(why)")
    }

    @Test("the daily digest goes through EmailPolicy: a blocked account gets none") func digestPolicy() throws {
        let m = try MailWorld(toggles: EmailPreferences(wijkNotifications: true), digest: true)
        try m.store.createPost(PostDraft(kind: .aanbod, title: "Tuinset", body: "Voor je tuin", wijk: m.anna.profile.wijk,
                                         author: .organisation(m.w.voedselbank.id, by: m.w.editor.id)), by: .account(m.w.editor))
        try m.store.setBlocked(m.anna.id, blocked: true, by: .commandLine)
        _ = try m.store.sendDigests()
        #expect(m.mails(to: m.anna.email).isEmpty)
        #expect(EmailPolicy.mayEmail(.dailyDigest, to: m.store.state.accounts[m.anna.id.rawValue]!) == false)
    }
}

/// The operator is named, not `nil`: only `.commandLine` runs the platform without an account.
@Suite struct OperatorTests {
    @Test("regression: no role of a logged-in account, nor a visitor, passes as the operator") func onlyTheCommandLine() throws {
        let w = try DeskWorld()
        #expect(throws: CoreError.notPermitted(.notLoggedIn)) { try w.store.setBlocked(w.resident.id, blocked: true, by: .visitor) }
        #expect(throws: CoreError.notPermitted(.administratorsOnly)) { try w.store.setBlocked(w.resident.id, blocked: true, by: .account(w.staff)) }
        try w.store.setBlocked(w.resident.id, blocked: true, by: .commandLine)
        #expect(w.store.state.accounts[w.resident.id.rawValue]?.blocked == true)
        #expect(Permissions.denial(.administerPlatform, by: .commandLine) == nil)
    }
}
