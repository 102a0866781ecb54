import Foundation

/// One role an administrator gives or takes on an existing account: the roles of the
/// brief, each with the wijk or organisation it is for.
public enum Role: Hashable, Sendable {
    /// Bewoner: posts on the prikbord in their own wijk.
    case resident
    /// Baliemedewerker of the Sociaal Hus.
    case deskStaff
    /// Beheerder of the platform.
    case administrator
    /// Redacteur of one organisation.
    case editor(OrganisationID)
    /// Lokale partner of one wijk.
    case partner(WijkID)

    /// What the role is called, with the name of its wijk or organisation (`named`, as the
    /// store has it): "lokale partner van Centrum" / "local partner of Centrum".
    public func word(named: String? = nil) -> Word {
        let name = TextSanitizer.sanitize(named ?? "")
        switch self {
        case .resident: return .resident2
        case .deskStaff: return .deskStaff
        case .administrator: return .administrator
        case .editor: return .editorOf2(name)
        case .partner: return .localPartnerOf2(name)
        }
    }

    /// The audit log's target: ids only, never a name ("role:partner:3").
    var auditTarget: String {
        switch self {
        case .resident: "role:resident"
        case .deskStaff: "role:desk"
        case .administrator: "role:administrator"
        case .editor(let o): "role:editor:\(o)"
        case .partner(let w): "role:partner:\(w)"
        }
    }

    /// Where the person finds what the role lets them do, for the message that tells them.
    fileprivate func whereToFind(named: String) -> Word {
        switch self {
        case .resident: .youCanPostOnYour
        case .deskStaff: .theConversationsAreUnderIntake
        case .administrator: .administrationIsUnderModerationTab
        case .editor: .youKeepUpToDate(named)
        case .partner: .reportsAndSharingTheAgenda
        }
    }
}

extension Roles {
    /// True when the role is held.
    public func holds(_ role: Role) -> Bool {
        switch role {
        case .resident: resident
        case .deskStaff: deskStaff
        case .administrator: administrator
        case .editor(let o): editorOf.contains(o)
        case .partner(let w): partnerOf.contains(w)
        }
    }

    /// Adds (`held`) or removes a role; the others stay as they are.
    public mutating func set(_ role: Role, held: Bool) {
        switch role {
        case .resident: resident = held
        case .deskStaff: deskStaff = held
        case .administrator: administrator = held
        case .editor(let o):
            editorOf.removeAll { $0 == o }
            if held { editorOf.append(o) }
        case .partner(let w):
            partnerOf.removeAll { $0 == w }
            if held { partnerOf.append(w) }
        }
    }

    /// Every role held, one by one, in the order of the brief's table.
    public var each: [Role] {
        (resident ? [Role.resident] : []) + editorOf.map(Role.editor) + (deskStaff ? [.deskStaff] : [])
            + partnerOf.map(Role.partner) + (administrator ? [.administrator] : [])
    }
}

/// An account as the administrator's accounts list shows it: who, where, which roles; never the
/// password hash nor the rest of the profile.
public struct AccountSummary: Sendable, Hashable, Identifiable {
    /// Internal id.
    public var id: AccountID
    /// The login address.
    public var email: String
    /// The account holder's name.
    public var name: String
    /// The wijk of the profile.
    public var wijk: WijkID
    /// The roles held, one by one (a screen lists them; the rules stay in `Permissions`).
    public var held: [Role]
    /// True when blocked.
    public var blocked: Bool

    init(_ a: Account) {
        id = a.id
        email = a.email
        name = a.name
        wijk = a.profile.wijk
        held = a.roles.each
        blocked = a.blocked
    }
}

extension Store {
    /// The name of a role's wijk or organisation as the store has it (nil for the other roles).
    static func roleName(_ role: Role, in state: StoreState) -> String? {
        switch role {
        case .editor(let o): state.organisations[o.rawValue]?.name
        case .partner(let w): state.wijk(w)?.name
        default: nil
        }
    }

    /// What a role is called in `lang`, with its wijk or organisation by name.
    public func label(of role: Role) -> Word { role.word(named: Self.roleName(role, in: state)) }

    /// Every role there is to give: the three plain ones, a local partner per wijk and an editor
    /// per organisation (the administrator's choice in the interface).
    public func allRoles() -> [Role] {
        [Role.resident, .deskStaff, .administrator] + wijken.map { Role.partner($0.id) }
            + state.organisations.all.sorted { $0.name.lowercased() < $1.name.lowercased() }.map { Role.editor($0.id) }
    }

    /// The roles `id` does not hold yet, to choose one to give (administrators only; none else).
    public func rolesToGive(_ id: AccountID, by viewer: Viewer) -> [Role] {
        guard Permissions.denial(.administerPlatform, by: viewer) == nil, let a = state.accounts[id.rawValue] else { return [] }
        return allRoles().filter { !a.roles.holds($0) }
    }

    /// The accounts whose address or name contains `query` (case-insensitive), by name;
    /// administrators only. An empty query finds the accounts that hold a role besides resident.
    public func accountsForAdministration(matching query: String, by viewer: Viewer) throws -> [AccountSummary] {
        try Permissions.require(.administerPlatform, by: viewer)
        try refresh()
        try Self.confirm(viewer, in: state)
        let q = query.trimmingCharacters(in: .whitespaces).lowercased()
        return state.accounts.all.filter { a in
            if q.isEmpty { return a.roles.each.contains { $0 != .resident } }
            return a.email.lowercased().contains(q) || a.name.lowercased().contains(q) || a.profile.displayName.lowercased().contains(q)
        }.map(AccountSummary.init).sorted { ($0.name.lowercased(), $0.id) < ($1.name.lowercased(), $1.id) }
    }

    /// One account for the administrator (nil when it is gone); administrators only.
    public func accountSummary(_ id: AccountID, by viewer: Viewer) -> AccountSummary? {
        guard Permissions.denial(.administerPlatform, by: viewer) == nil else { return nil }
        return state.accounts[id.rawValue].map(AccountSummary.init)
    }

    /// Gives an existing account a role (administrators, or the operator: `.commandLine`). The
    /// person is told in their Berichten, and it is logged.
    @discardableResult
    func giveRole(_ role: Role, to id: AccountID, by viewer: Viewer) throws -> Account {
        try changeRole(role, held: true, of: id, by: viewer)
    }

    /// Takes a role from an account; the last administrator who is not blocked keeps theirs, so
    /// the platform is never without one. The person is told in their Berichten, and it is logged.
    @discardableResult
    func takeRole(_ role: Role, from id: AccountID, by viewer: Viewer) throws -> Account {
        try changeRole(role, held: false, of: id, by: viewer)
    }

    private func changeRole(_ role: Role, held: Bool, of id: AccountID, by viewer: Viewer) throws -> Account {
        try Permissions.require(.administerPlatform, by: viewer)
        return try update(actor: viewer) { tx in
            // Asked again of the acting account as it is now, inside the lock: a right taken
            // meanwhile at another terminal cannot be used here.
            if case .account(let mine) = viewer {
                guard let now = tx.state.accounts[mine.id.rawValue] else { throw CoreError.notPermitted(.accountGone) }
                try Permissions.require(.administerPlatform, by: .account(now))
            }
            guard var a = tx.state.accounts[id.rawValue] else { throw CoreError.notPermitted(.accountGone) }
            switch role {
            case .editor(let o) where tx.state.organisations[o.rawValue] == nil: throw CoreError.unknownOrganisation(String(o.rawValue))
            case .partner(let w) where tx.state.wijk(w) == nil: throw CoreError.unknownWijk(String(w.rawValue))
            default: break
            }
            let name = Self.roleName(role, in: tx.state)
            if a.roles.holds(role) == held {
                throw held ? CoreError.roleAlreadyHeld(role, named: name) : CoreError.roleNotHeld(role, named: name)
            }
            if !held, role == .administrator, !a.blocked,
               !tx.state.accounts.all.contains(where: { $0.id != a.id && $0.roles.administrator && !$0.blocked }) {
                throw CoreError.lastAdministrator
            }
            a.roles.set(role, held: held)
            tx.put(a)
            tx.audit(held ? .roleGiven : .roleTaken, actor: viewer.account?.id, subject: id, target: role.auditTarget)
            try Self.tellRoleChange(role, named: name ?? "", held: held, to: a, by: viewer, in: &tx)
            return a
        }
    }

    /// Tells the person of a role given or taken, in their Berichten, from the platform's
    /// administration (not from the administrator's own profile), in both languages as every
    /// message the platform writes; with an e-mail copy only when their toggle for messages
    /// is on, as for every message in Berichten.
    static func tellRoleChange(_ role: Role, named: String, held: Bool, to a: Account, by viewer: Viewer, in tx: inout Transaction) throws {
        // The message is stored text, like every message in Berichten, so it is written once in
        // both languages when it is sent (the reader's language is not known then).
        func sentence(_ lang: Language) -> String {
            let what = role.word(named: named)
            let done = held ? lang.t(.anAdministratorGaveYouThe(what)) + lang.t(role.whereToFind(named: TextSanitizer.sanitize(named)))
                            : lang.t(.anAdministratorTookTheRole(what))
            // The operator at the command line has no Berichten to answer in.
            let ask = viewer.activeAccount != nil ? lang.t(.questionsReplyToThisMessage)
                                                  : lang.t(.questionsAskAtTheSociaal)
            return done + " " + ask
        }
        let text = sentence(.dutch) + "\n\n" + sentence(.english)
        let id: MessageID = tx.nextID(.messages)
        let m = ContactMessage(id: id, senderName: ContactMessage.administrationSender, senderEmail: "", senderAccount: viewer.activeAccount?.id,
                               recipient: .resident(a.id), text: String(text.prefix(Field.text.limit)), sent: tx.now)
        tx.put(m)
        if EmailPolicy.mayEmail(.visitorMessage, to: a) {
            try tx.queueMail(MailMessage(to: a.email, subject: held ? "Nieuwe rol op SociaalHus / New role on SociaalHus" : "Rol beëindigd op SociaalHus / Role ended on SociaalHus",
                                         body: text + "\n\nLees het in SociaalHus onder Berichten.\nRead it in SociaalHus under Messages.\n" + MailFooter.text(.visitorMessage)),
                             kind: .contactCopy, accounts: [a.id], about: .message(id))
        }
    }
}
