import Foundation
import Testing
@_spi(Operator) @testable import SociaalHusCore

/// Verified neighbours: a wijk stated at registration opens no "Alleen buren"
/// names; the desk or a letter with a code verifies it; moving voids it.
@Suite struct WijkCheckTests {
    /// Every combination of the viewer's verification, wijk and the owner's level: whether the
    /// viewer sees the owner's name.
    @Test("who sees an 'Alleen buren' name: only verified residents of the same wijk", arguments: [
        (true, "Centrum", ProfileVisibility.neighbours, true),
        (false, "Centrum", .neighbours, false),   // regression: a stranger who only claims the wijk
        (true, "Hertme", .neighbours, false),
        (false, "Hertme", .neighbours, false),
        (false, "Centrum", .public, true),
        (false, "Centrum", .anonymous, false),
        (true, "Centrum", .anonymous, false),
    ])
    func sight(viewerVerified: Bool, viewerWijk: String, level: ProfileVisibility, sees: Bool) throws {
        let dir = TempDir()
        let store = try makeStore(dir)
        let owner = try addResident(store, "owner@example.nl", name: "Olga Eigenaar", wijk: "Centrum", visibility: level)
        let viewer = try addResident(store, "viewer@example.nl", name: "Victor Kijker", wijk: viewerWijk, verified: viewerVerified)
        let v: Viewer = .account(store.state.accounts[viewer.id.rawValue]!)
        #expect(ProfileVisibilityRule.namesVisible(owner: owner, viewer: v) == sees)
        #expect(store.neighbours(for: v, now: testNow).contains { $0.name == "Olga Eigenaar" } == sees)
        #expect(ProfileVisibilityRule.name(of: owner, for: v) == (sees ? .named("Olga Eigenaar") : .anonymousResident()))
    }

    @Test("the desk verifies; only desk staff, administrators and the operator may") func deskVerifies() throws {
        let w = try DeskWorld()
        let stranger = try addResident(w.store, "stranger@example.nl", name: "Sam", verified: false)
        #expect(!stranger.wijkVerified)
        for viewer in [Viewer.visitor, .account(w.resident), .account(w.editor), .account(w.partner)] {
            #expect(throws: CoreError.self) { try w.store.verifyWijk(email: "stranger@example.nl", by: viewer) }
        }
        #expect(!(w.store.state.accounts[stranger.id.rawValue]!.wijkVerified))
        let a = try w.store.verifyWijk(email: "stranger@example.nl", by: w.desk)
        #expect(a.wijkVerified && a.wijkCheck?.how == .desk)
        #expect(w.store.state.audit.all.contains { $0.action == .wijkVerified && $0.subject == a.id && $0.actor == w.staff.id })
        // Survives a reopen (it is a row of the account's).
        #expect(try reopen(w.dir, clock: w.clock).state.accounts[a.id.rawValue]?.wijkVerified == true)
    }

    @Test("moving to another wijk voids the verification") func moving() throws {
        let dir = TempDir()
        let store = try makeStore(dir)
        let a = try addResident(store, "anna@example.nl")
        #expect(a.wijkVerified)
        try store.updateProfile(for: a.id, by: .account(a)) { $0.wijk = wijkID(store, "Hertme") }
        #expect(store.state.accounts[a.id.rawValue]?.wijkVerified == false)
        #expect(store.state.accounts[a.id.rawValue]?.wijkCheck == nil)
    }

    @Test("by letter: asked, written with a code, typed; a wrong code counts as a failed login")
    func letter() throws {
        let w = try DeskWorld()
        let r = try addResident(w.store, "ruud@example.nl", name: "Ruud", verified: false)
        let me: Viewer = .account(w.store.state.accounts[r.id.rawValue]!)
        #expect(throws: CoreError.wijkLetterNeedsAddress) { try w.store.requestWijkLetter(for: r.id, by: me) }
        try w.store.updateProfile(for: r.id, by: me) { $0.address = "Marktstraat 1, 7622 AB Borne" }
        let me2: Viewer = .account(w.store.state.accounts[r.id.rawValue]!)
        try w.store.requestWijkLetter(for: r.id, by: me2)
        #expect(throws: CoreError.wijkNoLetter) { try w.store.confirmWijkCode("ABCD-EFGH-JKLM", for: r.id, by: me2) }
        #expect(throws: CoreError.notPermitted(.administratorsOnly)) { try w.store.writeWijkLetters(by: w.desk) }
        let letters = try w.store.writeWijkLetters(by: .account(w.admin))
        #expect(letters.count == 1)
        let l = try #require(letters.first)
        #expect(l.address == "Marktstraat 1, 7622 AB Borne" && l.wijk == "Centrum")
        #expect(try w.store.writeWijkLetters(by: .commandLine).isEmpty, "a letter is written once")
        let page = WijkLetterText.page(l)
        #expect(page.contains(l.code) && page.hasPrefix("Ruud\nMarktstraat 1"))
        #expect(throws: CoreError.wijkCodeWrong) { try w.store.confirmWijkCode("ABCD-EFGH-JKLM", for: r.id, by: me2) }
        #expect(w.store.state.accounts[r.id.rawValue]?.throttle.consecutiveFailures == 1)
        // Another resident cannot use it.
        #expect(throws: CoreError.notPermitted(.notYourAccount)) { try w.store.confirmWijkCode(l.code, for: r.id, by: .account(w.resident)) }
        try w.store.confirmWijkCode(l.code.lowercased(), for: r.id, by: me2)
        let after = try #require(w.store.state.accounts[r.id.rawValue])
        #expect(after.wijkVerified && after.wijkCheck?.how == .letter && after.wijkCheck?.codeHash == nil)
        #expect(!String(describing: w.store.state.accounts.all).contains(l.code), "the code is never stored")
    }

    @Test("a letter's code stops working after its time") func letterExpires() throws {
        let w = try DeskWorld()
        let r = try addResident(w.store, "ruud@example.nl", name: "Ruud", verified: false)
        try w.store.updateProfile(for: r.id, by: .account(r)) { $0.address = "Marktstraat 1" }
        let me: Viewer = .account(w.store.state.accounts[r.id.rawValue]!)
        try w.store.requestWijkLetter(for: r.id, by: me)
        let l = try #require(try w.store.writeWijkLetters(by: .commandLine).first)
        w.clock.advance(WijkCheck.letterValidity + 1)
        #expect(throws: CoreError.resetCodeExpired) { try w.store.confirmWijkCode(l.code, for: r.id, by: me) }
    }

    @Test("the export and Mijn gegevens say where it stands; erasure takes it, and nobody else's")
    func dataRights() throws {
        let w = try DeskWorld()
        let e = try w.store.export(w.resident.id, by: .account(w.resident))
        #expect(e.account.wijkCheck == "verified" && e.account.wijkCheckHow == "desk")
        try w.store.erase(w.resident.id, by: .commandLine)
        #expect(try w.store.db.integer("SELECT count(*) FROM wijk_check WHERE account = ?1", w.resident.id.rawValue) == 0)
        #expect(try w.store.db.integer("SELECT count(*) FROM wijk_check WHERE account = ?1", w.editor.id.rawValue) == 1)
    }
}
