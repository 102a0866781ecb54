import Foundation

/// Why an action was refused, in words a resident understands.
public enum PermissionDenial: Equatable, Sendable {
    /// Not logged in.
    case notLoggedIn
    /// The account is blocked.
    case blocked
    /// Only the author may change this post.
    case notYourPost
    /// Only editors of the organisation may change its content.
    case notEditor
    /// Only administrators may do this.
    case administratorsOnly
    /// Only residents (bewoners) may post as themselves.
    case residentsOnly
    /// A resident posts only in their own wijk.
    case otherWijk
    /// Only the account holder may see or change this account's data.
    case notYourAccount
    /// Only desk staff (and administrators) may see intake records.
    case deskStaffOnly
    /// Only the wijk's local partner (or an administrator) may send its newsletter.
    case partnersOnly
    /// The account no longer exists (erased meanwhile, e.g. at another terminal).
    case accountGone
    /// The account's roles or wijk changed meanwhile; what was allowed may not be any more.
    case rightsChanged
    /// A report about one's own content is handled by another moderator or an administrator.
    case ownContent
    /// Not while a desk member acts for the resident ("namens"): the resident does this
    /// themselves (their password, erasing the account, a file of their data), and the desk's
    /// own work waits until helping has ended.
    case notOnBehalf
    /// Nobody acts "namens" an account with the desk or administrator role: its powers would
    /// pass to the helper.
    case onBehalfOfStaff

    /// The message shown.
    public func message(_ lang: Language) -> String { lang.t(word) }

    /// The same as a word with its values, for the reader's layer to word.
    public var word: Word {
        switch self {
        case .notLoggedIn: .logInFirstToDo
        case .blocked: .yourAccountIsBlockedContact
        case .notYourPost: .onlyTheAuthorOfThis
        case .notEditor: .onlyEditorsOfThisOrganisation
        case .administratorsOnly: .onlyAnAdministratorMayDo
        case .residentsOnly: .onlyResidentsCanPostIn
        case .otherWijk: .youCanOnlyPostIn
        case .notYourAccount: .onlyTheOwnerOfThis
        case .partnersOnly: .onlyThisNeighbourhoodSLocal
        case .accountGone: .thisAccountNoLongerExists3
        case .ownContent: .thisReportIsAboutYour
        case .rightsChanged: .yourRightsHaveChangedMeanwhile
        case .notOnBehalf: .thisCannotBeDoneOn
        case .onBehalfOfStaff: .nobodyCanActOnBehalf
        case .deskStaffOnly: .onlyDeskStaffOfThe
        }
    }
}

/// Something a viewer wants to do to content.
public enum ContentAction: Sendable {
    /// Write a post as `author` in `wijk`.
    case createPost(author: Post.Author, wijk: WijkID)
    /// Edit, renew or delete a post.
    case changePost(Post)
    /// Create an agenda item for an organisation.
    case createAgendaItem(organisation: OrganisationID)
    /// Edit or delete an agenda item.
    case changeAgendaItem(AgendaItem)
    /// Edit an organisation's directory entry.
    case editOrganisation(OrganisationID)
    /// Create or delete directory entries.
    case manageOrganisations
    /// Block or unblock accounts, change platform settings.
    case administerPlatform
    /// See, export, change or erase an account's data.
    case manageAccount(AccountID)
    /// Open, record, change, refer or erase intake conversations.
    case handleIntakes
    /// Post on the prikbord at all (as a resident, or for an organisation one edits).
    case postAnything
    /// See the moderation queue (local partners of any wijk, administrators).
    case openModeration
    /// Act on a report about content in `wijk` (nil: no wijk; administrators only); `own` when
    /// the content is the moderator's own, which nobody handles, administrators included.
    case moderate(wijk: WijkID?, own: Bool = false)
    /// Approve or withdraw sharing a wijk's agenda with a third party: that wijk's local
    /// partner only (the privacy statement gives this to the partner, not to administrators).
    case approveFeed(wijk: WijkID)
    /// Send the wijk newsletter: its local partner or an administrator.
    case sendNewsletter(wijk: WijkID)
    /// Make a one-time code for a new password for `target`, after checking who is at the desk:
    /// desk staff for residents, editors and partners; only an administrator for an account
    /// with the desk or administrator role (else a desk member could take over such an account).
    case issueResetCode(for: Account)
    /// Act for `resident`, who is at the desk and agrees ("namens"): desk staff and
    /// administrators, for an account without either role.
    case actOnBehalf(of: Account)
    /// Change the password with the old one (the holder only, never "namens": staff may not
    /// change it without a reset code).
    case changePassword(AccountID)
    /// Write the holder's data out of the store as a file (never "namens": the file would be on
    /// the desk's computer).
    case exportData(AccountID)
    /// Erase the holder's account (never "namens": the resident does that themselves).
    case eraseAccount(AccountID)
}

/// Who may create, edit and delete which content: residents their own posts; organisation
/// editors their organisation's entry, agenda items and posts; administrators everything.
public enum Permissions {
    /// Returns nil when allowed, else the reason for refusal.
    public static func denial(_ action: ContentAction, by viewer: Viewer) -> PermissionDenial? {
        // The operator's command line runs the platform (create stores, block on request, set
        // mail): everything is allowed there, and only there.
        if case .commandLine = viewer { return nil }
        if case .onBehalf(let o) = viewer { return onBehalfDenial(action, o) }
        guard let account = viewer.account else { return .notLoggedIn }
        if account.blocked { return .blocked }
        let roles = account.roles
        // Nobody judges a report about their own content (found in review: a partner handled one
        // about her own post without a word); another moderator or an administrator must.
        if case .moderate(_, own: true) = action { return .ownContent }
        if case .approveFeed(let wijk) = action { return roles.partnerOf.contains(wijk) ? nil : .partnersOnly }
        // Before the administrator's "everything": an administrator's account is never acted
        // for either, and an administrator acts for others only as the desk does.
        if case .actOnBehalf(let resident) = action {
            if resident.roles.deskStaff || resident.roles.administrator { return .onBehalfOfStaff }
            if resident.blocked { return .blocked }
            return roles.deskStaff || roles.administrator ? nil : .deskStaffOnly
        }
        // Before the administrator's "everything" too: nobody writes in another person's name.
        // An administrator's power over a resident's post is moderation (hide, remove, with a
        // reason the author sees), never editing it as if they were the author.
        if let denial = otherPersonDenial(action, account) { return denial }
        if roles.administrator { return nil }
        switch action {
        case .createPost(let author, let wijk):
            switch author {
            case .resident:
                if !roles.resident { return .residentsOnly }
                if account.profile.wijk != wijk { return .otherWijk }
                return nil
            case .organisation(let org, _):
                return roles.editorOf.contains(org) ? nil : .notEditor
            }
        case .changePost(let post):
            switch post.author {
            case .resident: return nil // its author: asked above
            case .organisation(let org, _): return roles.editorOf.contains(org) ? nil : .notEditor
            }
        case .createAgendaItem(let org), .editOrganisation(let org):
            return roles.editorOf.contains(org) ? nil : .notEditor
        case .changeAgendaItem(let item):
            return roles.editorOf.contains(item.organisation) ? nil : .notEditor
        case .manageOrganisations, .administerPlatform:
            return .administratorsOnly
        case .manageAccount(let id), .changePassword(let id), .exportData(let id), .eraseAccount(let id):
            return id == account.id ? nil : .notYourAccount
        case .handleIntakes:
            return roles.deskStaff ? nil : .deskStaffOnly
        case .postAnything:
            return roles.resident || !roles.editorOf.isEmpty ? nil : .residentsOnly
        case .openModeration:
            return roles.partnerOf.isEmpty ? .partnersOnly : nil
        case .moderate(let wijk, _), .sendNewsletter(let wijk as WijkID?):
            guard let wijk else { return .administratorsOnly }
            return roles.partnerOf.contains(wijk) ? nil : .partnersOnly
        case .approveFeed:
            return .partnersOnly
        case .issueResetCode(let target):
            guard roles.deskStaff else { return .deskStaffOnly }
            return target.roles.deskStaff || target.roles.administrator ? .administratorsOnly : nil
        case .actOnBehalf:
            return nil // answered above
        }
    }

    /// `.notYourPost` when `action` would put words in another person's name: a post written as
    /// another resident, an organisation's post signed with another account, or a resident's
    /// post changed by anyone but its author. Asked for every role, administrators included.
    static func otherPersonDenial(_ action: ContentAction, _ account: Account) -> PermissionDenial? {
        switch action {
        case .createPost(.resident(let id), _):
            return id == account.id ? nil : .notYourPost
        case .changePost(let post):
            guard case .resident(let id) = post.author else { return nil }
            return id == account.id ? nil : .notYourPost
        case .createPost(.organisation(_, let by), _):
            return by == account.id ? nil : .notYourPost
        default:
            return nil
        }
    }

    /// While a desk member acts for the resident ("namens"): what the resident may do, less
    /// what the resident must do themselves (the password, erasing, a file of their data) and
    /// less every power over others (the desk's records, moderation, the platform), which the
    /// helper uses in their own session and the resident's roles do not lend.
    static func onBehalfDenial(_ action: ContentAction, _ o: OnBehalf) -> PermissionDenial? {
        if o.helper.blocked { return .blocked }
        guard o.helper.roles.deskStaff || o.helper.roles.administrator else { return .deskStaffOnly }
        switch action {
        case .changePassword, .exportData, .eraseAccount, .handleIntakes, .issueResetCode, .actOnBehalf,
             .openModeration, .moderate, .approveFeed, .sendNewsletter, .administerPlatform, .manageOrganisations:
            return .notOnBehalf
        default:
            return denial(action, by: .account(o.resident))
        }
    }

    /// True for a logged-in, non-blocked administrator (who sees hidden and blocked content).
    public static func isAdministrator(_ viewer: Viewer) -> Bool { viewer.activeAccount?.roles.administrator ?? false }

    /// The organisations `viewer` edits (see `edits`).
    public static func editedOrganisations(_ viewer: Viewer) -> Set<OrganisationID> {
        Set(viewer.activeAccount?.roles.editorOf ?? [])
    }

    /// True when `viewer` is an active editor of `organisation` (and so receives its messages).
    public static func edits(_ organisation: OrganisationID, _ viewer: Viewer) -> Bool {
        viewer.activeAccount?.roles.editorOf.contains(organisation) ?? false
    }

    /// True when `account` is an active local partner of `wijk` (named as who approves its feed).
    public static func isPartner(_ account: Account, of wijk: WijkID) -> Bool { !account.blocked && account.roles.partnerOf.contains(wijk) }

    /// True when `account` has the resident role (listed among neighbours, notified of posts).
    public static func isResident(_ account: Account) -> Bool { account.roles.resident }

    /// Throws `CoreError.notPermitted` when the action is refused.
    public static func require(_ action: ContentAction, by viewer: Viewer) throws {
        if let d = denial(action, by: viewer) { throw CoreError.notPermitted(d) }
    }

    /// Why `viewer` may not pass `gate`, the first question `Store.perform` asks (nil: allowed).
    static func denial(_ gate: Gate, by viewer: Viewer) -> PermissionDenial? {
        switch gate {
        case .anyone, .carried: return nil
        case .commandLine: return viewer == .commandLine ? nil : .administratorsOnly
        case .action(let action): return denial(action, by: viewer)
        case .signedIn:
            if case .commandLine = viewer { return nil }
            if let helper = viewer.helper, helper.blocked { return .blocked }
            guard let account = viewer.account else { return .notLoggedIn }
            return account.blocked ? .blocked : nil
        }
    }

    /// Throws `CoreError.notPermitted` when `gate` is refused.
    static func require(_ gate: Gate, by viewer: Viewer) throws {
        if let d = denial(gate, by: viewer) { throw CoreError.notPermitted(d) }
    }
}
