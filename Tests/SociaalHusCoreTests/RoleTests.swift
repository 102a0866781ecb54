import Foundation
import Testing
@_spi(Operator) @testable import SociaalHusCore

/// Roles over an account's life: who may give and take which role of an existing
/// account, the last administrator, the log, and the person told.
@Suite struct RoleTests {
    /// A store with one account per role, a target resident and an organisation.
    struct World {
        let dir = TempDir()
        let store: Store
        let admin: Account, desk: Account, partner: Account, editor: Account, resident: Account, target: Account, blockedAdmin: Account
        let org: OrganisationID, centrum: WijkID, zenderen: WijkID

        init() throws {
            store = try makeStore(dir)
            org = try store.createOrganisation(Organisation(id: OrganisationID(0), name: "Buurthuis De Kern"), by: .commandLine).id
            centrum = wijkID(store, "Centrum")
            zenderen = wijkID(store, "Zenderen")
            admin = try addResident(store, "admin@example.nl", name: "Ad Beheer", roles: Roles(resident: false, administrator: true))
            desk = try addResident(store, "desk@example.nl", name: "Dirk Balie", roles: Roles(resident: false, deskStaff: true))
            partner = try addResident(store, "partner@example.nl", name: "Pien Partner", roles: Roles(resident: true, partnerOf: [centrum]))
            editor = try addResident(store, "editor@example.nl", name: "Eddy Redactie", roles: Roles(resident: false, editorOf: [org]))
            resident = try addResident(store, "bewoner@example.nl", name: "Bea Bewoner")
            target = try addResident(store, "henk@example.nl", name: "Henk Jansen")
            blockedAdmin = try addResident(store, "oud@example.nl", name: "Oud Beheer", roles: Roles(resident: false, administrator: true))
            try store.setBlocked(blockedAdmin.id, blocked: true, by: .commandLine)
        }

        func viewer(_ who: Who) -> Viewer {
            switch who {
            case .admin: .account(store.state.accounts[admin.id.rawValue]!)
            case .desk: .account(desk)
            case .partner: .account(partner)
            case .editor: .account(editor)
            case .resident: .account(resident)
            case .visitor: .visitor
            case .operator: .commandLine
            case .blockedAdmin: .account(store.state.accounts[blockedAdmin.id.rawValue]!)
            }
        }

        func role(_ r: RoleWord) -> Role {
            switch r {
            case .resident: .resident
            case .desk: .deskStaff
            case .admin: .administrator
            case .partnerCentrum: .partner(centrum)
            case .partnerZenderen: .partner(zenderen)
            case .editor: .editor(org)
            }
        }
    }

    enum Who: String, CaseIterable, Sendable { case admin, desk, partner, editor, resident, visitor, `operator`, blockedAdmin }
    enum RoleWord: String, CaseIterable, Sendable { case resident, desk, admin, partnerCentrum, partnerZenderen, editor }

    /// Who may give the target (a plain resident) a role: administrators and the operator only.
    static let giving: [(Who, RoleWord, CoreError?)] = Who.allCases.flatMap { who in
        RoleWord.allCases.map { role -> (Who, RoleWord, CoreError?) in
            switch who {
            case .admin, .operator: (who, role, role == .resident ? .roleAlreadyHeld(.resident, named: nil) : nil)
            case .visitor: (who, role, .notPermitted(.notLoggedIn))
            case .blockedAdmin: (who, role, .notPermitted(.blocked))
            default: (who, role, .notPermitted(.administratorsOnly))
            }
        }
    }

    @Test("giving a role to an existing account", arguments: giving)
    func give(_ who: Who, _ word: RoleWord, _ expected: CoreError?) throws {
        let w = try World()
        let role = w.role(word)
        let before = w.store.state.accounts[w.target.id.rawValue]!.roles
        let audit = w.store.state.audit.all.count, messages = w.store.state.messages.all.count
        do {
            let changed = try w.store.giveRole(role, to: w.target.id, by: w.viewer(who))
            #expect(expected == nil, "\(who) \(word): expected \(String(describing: expected))")
            #expect(changed.roles.holds(role))
            let stored = try reopen(w.dir).state.accounts[w.target.id.rawValue]!
            #expect(stored.roles.holds(role), "durable")
            // The other roles stay as they were.
            var wanted = before
            wanted.set(role, held: true)
            #expect(stored.roles == wanted)
            // Logged, with ids only.
            let event = try #require(w.store.state.audit.all.max { $0.id < $1.id })
            #expect(event.action == .roleGiven && event.subject == w.target.id && event.object == role.auditTarget)
            #expect(event.actor == (who == .operator ? nil : w.admin.id))
            // Told, in their Berichten, from the administration.
            let told = try #require(w.store.state.messages.all.first { $0.recipient == .resident(w.target.id) })
            #expect(told.text.contains(Language.dutch.t(w.store.label(of: role))) && told.text.contains(Language.english.t(w.store.label(of: role))))
            #expect(ContentVisibility.senderName(of: told, in: w.store.state, for: .account(stored)).text(.dutch) == "Beheer SociaalHus")
            #expect(ContentVisibility.senderName(of: told, in: w.store.state, for: .account(stored)).text(.english) == "SociaalHus administration")
            #expect(w.store.messages(for: .account(stored)).contains { $0.id == told.id })
        } catch let e as CoreError {
            #expect(e == expected, "\(who) \(word)")
            // Refused: nothing changed, nothing logged, nobody told.
            #expect(w.store.state.accounts[w.target.id.rawValue]!.roles == before)
            #expect(w.store.state.audit.all.count == audit && w.store.state.messages.all.count == messages)
        }
    }

    /// Taking a role from the partner (resident and partner of Centrum): the same rule; a role
    /// not held is refused with nothing changed.
    static let taking: [(Who, RoleWord, CoreError?)] = [Who.admin, .operator, .desk, .partner, .editor, .resident, .visitor].flatMap { who in
        RoleWord.allCases.map { role -> (Who, RoleWord, CoreError?) in
            switch who {
            case .admin, .operator:
                switch role {
                case .resident, .partnerCentrum: (who, role, nil)
                case .partnerZenderen: (who, role, .roleNotHeld(.partner(WijkID(3)), named: "Zenderen"))
                case .desk: (who, role, .roleNotHeld(.deskStaff, named: nil))
                case .admin: (who, role, .roleNotHeld(.administrator, named: nil))
                case .editor: (who, role, .roleNotHeld(.editor(OrganisationID(1)), named: "Buurthuis De Kern"))
                }
            case .visitor: (who, role, .notPermitted(.notLoggedIn))
            default: (who, role, .notPermitted(.administratorsOnly))
            }
        }
    }

    @Test("taking a role from an existing account", arguments: taking)
    func take(_ who: Who, _ word: RoleWord, _ expected: CoreError?) throws {
        let w = try World()
        let role = w.role(word)
        let before = w.store.state.accounts[w.partner.id.rawValue]!.roles
        let audit = w.store.state.audit.all.count
        do {
            try w.store.takeRole(role, from: w.partner.id, by: w.viewer(who))
            #expect(expected == nil, "\(who) \(word)")
            let stored = try reopen(w.dir).state.accounts[w.partner.id.rawValue]!
            #expect(!stored.roles.holds(role))
            var wanted = before
            wanted.set(role, held: false)
            #expect(stored.roles == wanted)
            let event = try #require(w.store.state.audit.all.max { $0.id < $1.id })
            #expect(event.action == .roleTaken && event.subject == w.partner.id && event.object == role.auditTarget)
            #expect(w.store.state.messages.all.contains { $0.recipient == .resident(w.partner.id) && $0.text.contains("afgenomen") })
        } catch let e as CoreError {
            #expect(e == expected, "\(who) \(word)")
            #expect(w.store.state.accounts[w.partner.id.rawValue]!.roles == before)
            #expect(w.store.state.audit.all.count == audit)
        }
    }

    @Test("the last administrator who can log in keeps the role, also at the command line and for themselves")
    func lastAdministrator() throws {
        let w = try World()
        // The blocked administrator does not count.
        #expect(throws: CoreError.lastAdministrator) { try w.store.takeRole(.administrator, from: w.admin.id, by: w.viewer(.admin)) }
        #expect(throws: CoreError.lastAdministrator) { try w.store.takeRole(.administrator, from: w.admin.id, by: .commandLine) }
        #expect(w.store.state.accounts[w.admin.id.rawValue]!.roles.administrator)
        // A blocked administrator's role can go: it leaves as many who can log in.
        try w.store.takeRole(.administrator, from: w.blockedAdmin.id, by: w.viewer(.admin))
        // With a second administrator, the first may step down; then the second is the last.
        try w.store.giveRole(.administrator, to: w.target.id, by: w.viewer(.admin))
        try w.store.takeRole(.administrator, from: w.admin.id, by: w.viewer(.admin))
        let second = Viewer.account(w.store.state.accounts[w.target.id.rawValue]!)
        #expect(throws: CoreError.lastAdministrator) { try w.store.takeRole(.administrator, from: w.target.id, by: second) }
        // The one who stepped down can no longer act as administrator.
        #expect(throws: CoreError.notPermitted(.administratorsOnly)) {
            try w.store.giveRole(.deskStaff, to: w.resident.id, by: .account(w.store.state.accounts[w.admin.id.rawValue]!))
        }
    }

    @Test("an administrator's right taken at another terminal is checked again inside the change")
    func staleAdministrator() throws {
        let w = try World()
        let stale = w.viewer(.admin)
        try w.store.giveRole(.administrator, to: w.target.id, by: .commandLine)
        // Another process takes the role from the administrator, whose screen still holds the old copy.
        try reopen(w.dir).takeRole(.administrator, from: w.admin.id, by: .commandLine)
        #expect(throws: CoreError.notPermitted(.rightsChanged)) { try w.store.giveRole(.deskStaff, to: w.resident.id, by: stale) }
        #expect(!w.store.state.accounts[w.resident.id.rawValue]!.roles.deskStaff)
    }

    @Test("an unknown wijk or organisation, or an account that is gone, changes nothing")
    func unknownThings() throws {
        let w = try World()
        #expect(throws: CoreError.unknownWijk("99")) { try w.store.giveRole(.partner(WijkID(99)), to: w.target.id, by: .commandLine) }
        #expect(throws: CoreError.unknownOrganisation("99")) { try w.store.giveRole(.editor(OrganisationID(99)), to: w.target.id, by: .commandLine) }
        #expect(throws: CoreError.notPermitted(.accountGone)) { try w.store.giveRole(.deskStaff, to: AccountID(999), by: .commandLine) }
    }

    @Test("the person is e-mailed a copy only when their toggle for messages is on")
    func mailFollowsToggle() throws {
        let w = try World()
        try w.store.giveRole(.deskStaff, to: w.target.id, by: .commandLine)
        #expect(!w.store.state.outbox.all.contains { $0.accounts.contains(w.target.id) }, "all e-mail is off by default")
        try w.store.setEmailPreference(.visitorMessage, to: true, for: w.target.id, by: .account(w.store.state.accounts[w.target.id.rawValue]!))
        try w.store.takeRole(.deskStaff, from: w.target.id, by: .commandLine)
        let mail = try #require(w.store.state.outbox.all.first { $0.accounts.contains(w.target.id) })
        #expect(mail.to == "henk@example.nl" && mail.body.contains("baliemedewerker") && mail.body.contains("desk staff"))
    }

    @Test("a new partner approves the feed the refusal pointed to, and the refusal names a real way")
    func partnerApprovesFeed() throws {
        let w = try World()
        let zenderen = w.zenderen
        do {
            _ = try w.store.feed(wijk: zenderen, format: .ics, from: testNow).data
            Issue.record("a feed without approval was made")
        } catch let e as CoreError {
            #expect(e.message(.dutch).contains("sociaalhus account role --email E --add \"partner:Zenderen\""))
            #expect(e.message(.dutch).contains("Moderatie › Accounts") && e.message(.english).contains("Moderation › Accounts"))
        }
        try w.store.giveRole(.partner(zenderen), to: w.target.id, by: w.viewer(.admin))
        let partner = Viewer.account(w.store.state.accounts[w.target.id.rawValue]!)
        try w.store.approveFeed(wijk: zenderen, thirdParty: "Vrijwilligerscentrale", by: partner)
        #expect(try !w.store.feed(wijk: zenderen, format: .ics, from: testNow).data.isEmpty)
    }

    @Test("the log's new codes have their words, and the export names the administrator's role")
    func auditWords() throws {
        let w = try World()
        try w.store.giveRole(.deskStaff, to: w.target.id, by: w.viewer(.admin))
        let export = try w.store.export(w.target.id, by: .commandLine)
        let line = try #require(export.auditEvents.first { $0.action == "role-given" })
        #expect(line.byRole == "administrator" && line.target == "role:desk")
    }

    @Test("every new error has a Dutch and an English message")
    func messages() {
        for e: CoreError in [.roleAlreadyHeld(.partner(WijkID(1)), named: "Centrum"), .roleNotHeld(.editor(OrganisationID(1)), named: "Kern\u{1B}[2J"), .lastAdministrator] {
            #expect(e.message(.dutch) != e.message(.english) && e.message(.english).hasSuffix("."))
            #expect(!e.message(.dutch).contains("\u{1B}"), "names are sanitised")
        }
    }
}
