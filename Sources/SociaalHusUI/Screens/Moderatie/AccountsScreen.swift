import Foundation
import SociaalHusCore
import TerminalKit

/// The administrator's accounts (Moderatie › `a`): without a search the accounts that
/// hold a role besides resident; `/` finds any account by address or name; Enter opens its roles.
final class AccountsScreen: Screen {
    /// Read out as what the list holds, not the tab's word.
    func itemNoun(one: Bool, _ ctx: UIContext) -> String? { one ? "account" : "accounts" }

    private var list = ListState()
    private var search = SearchBox()
    private var shown: [AccountSummary] = []
    private var refusal: String?

    init(_ ctx: UIContext) { reload(ctx) }

    func title(_ ctx: UIContext) -> String { "Accounts" }

    var capturesText: Bool { search.active }

    func bindings(_ ctx: UIContext) -> [Binding<Action>] {
        if search.active { return SearchBox.bindings(ctx) }
        guard refusal == nil else { return [] }
        return KeyTable.list(ctx.lang).map { b in
            var b = b
            if b.action == .open { b.label = ctx.t(.roles); b.help = ctx.t(.thisAccountSRolesGive) }
            return b
        } + [Binding.table(.search, label: ctx.t(.search), help: ctx.t(.searchByEMailAddress), group: "Accounts")]
    }

    func willAppear(_ ctx: UIContext) { reload(ctx) }

    private func reload(_ ctx: UIContext) {
        do {
            shown = try ctx.store.accountsForAdministration(matching: search.query, by: ctx.viewer)
            refusal = nil
        } catch {
            refusal = (error as? CoreError)?.message(ctx.language) ?? "\(error)"
            shown = []
        }
        list.clamp(count: shown.count, height: 1000)
    }

    func handle(_ action: Action, _ ctx: UIContext) {
        if let changed = search.finish(action) {
            if changed { list = ListState(); reload(ctx) }
            return
        }
        switch action {
        case .up, .down, .pageUp, .pageDown, .first, .last: _ = list.apply(action, count: shown.count)
        case .open: if shown.indices.contains(list.selected) { ctx.push(AccountRolesScreen(id: shown[list.selected].id)) }
        case .search: search.active = true
        default: break
        }
    }

    func handleKey(_ key: Key, _ ctx: UIContext) -> Bool {
        guard search.handle(key) else { return false }
        list = ListState()
        reload(ctx)
        return true
    }

    /// The roles of an account in a few words ("bewoner, lokale partner van Centrum").
    static func roleWords(_ roles: [Role], _ ctx: UIContext) -> String {
        let words = roles.map { ctx.t(ctx.store.label(of: $0)) }
        return words.isEmpty ? ctx.t(.noRole) : words.joined(separator: ", ")
    }

    func render(into g: inout Grid, area: Rect, _ ctx: UIContext) {
        if let refusal { return drawRefusal(refusal, into: &g, area: area) }
        search.render(into: &g, x: area.x + 1, y: area.y, width: area.width - 2, label: ctx.t(.searchByAddressOrName))
        let summary = search.query.isEmpty ? ctx.t(.accountsWithRoleBesidesResident)
                                           : ctx.t(.found)
        g.putSummary(summary + " (\(shown.count))", x: area.x + 1, y: area.y + 1, maxWidth: area.width - 2)
        let nameWidth = min(24, area.width / 4), mailWidth = min(36, area.width / 3)
        let rows = shown.map { a -> ListRow in
            ListRow(lazy: {
                TextWidth.pad(TextWidth.truncate(safe(a.name), to: nameWidth), to: nameWidth) + " "
                    + TextWidth.pad(TextWidth.truncate(safe(a.email), to: mailWidth), to: mailWidth) + " "
                    + (a.blocked ? ctx.t(.blocked) : "") + Self.roleWords(a.held, ctx)
            })
        }
        let keepCursor = g.cursor
        ListView.draw(rows, selectedRow: shown.isEmpty ? nil : list.selected, state: &list, into: &g,
                      area: Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 2),
                      emptyText: ctx.t(.noAccountsFound))
        if search.active { g.cursor = keepCursor }
    }
}

/// One account's roles: `n` gives one, `x` takes the selected one, each after a confirmation
/// that says what happens.
final class AccountRolesScreen: Screen {
    /// Read out as what the list holds, not the tab's word.
    func itemNoun(one: Bool, _ ctx: UIContext) -> String? { one ? ctx.t(.role) : ctx.t(.roles2) }

    private let id: AccountID
    private var list = ListState()

    init(id: AccountID) { self.id = id }

    func title(_ ctx: UIContext) -> String { ctx.t(.roles) }

    private func account(_ ctx: UIContext) -> AccountSummary? { ctx.store.accountSummary(id, by: ctx.viewer) }

    func bindings(_ ctx: UIContext) -> [Binding<Action>] {
        guard account(ctx) != nil else { return [] }
        let g = ctx.t(.roles)
        return KeyTable.list(ctx.lang).filter { $0.action != .open } + [
            Binding.table(.giveRole, label: ctx.t(.giveRole), help: ctx.t(.giveRoleAsksFirstThe), group: g),
            Binding.table(.takeRole, label: ctx.t(.takeRole), help: ctx.t(.takeTheChosenRoleAsks), group: g),
        ]
    }

    func willAppear(_ ctx: UIContext) { list.clamp(count: account(ctx)?.held.count ?? 0, height: 1000) }

    func handle(_ action: Action, _ ctx: UIContext) {
        guard let a = account(ctx) else { return }
        let roles = a.held
        switch action {
        case .up, .down, .pageUp, .pageDown, .first, .last: _ = list.apply(action, count: roles.count)
        case .giveRole: ctx.push(GiveRoleScreen(account: a, ctx))
        case .takeRole:
            guard roles.indices.contains(list.selected) else { return ctx.fail(ctx.t(.thisAccountHasNoRole)) }
            ctx.push(ConfirmRoleScreen(account: a, role: roles[list.selected], give: false, ctx))
        default: break
        }
    }

    func render(into g: inout Grid, area: Rect, _ ctx: UIContext) {
        guard let a = account(ctx) else {
            let text = Permissions.denial(.administerPlatform, by: ctx.viewer)?.message(ctx.language)
                ?? ctx.t(.thisAccountNoLongerExists)
            return drawRefusal(text, into: &g, area: area)
        }
        let head = [safe(a.name) + " · " + safe(a.email),
                    ctx.t(.neighbourhood3) + safe(ctx.store.wijkName(a.wijk)) + (a.blocked ? ctx.t(.blocked2) : "")]
        for (i, line) in head.enumerated() { g.putSummary(line, x: area.x + 1, y: area.y + i, maxWidth: area.width - 2) }
        let roles = a.held
        ListView.draw(roles.map { ListRow(ctx.t(ctx.store.label(of: $0))) }, selectedRow: roles.isEmpty ? nil : list.selected, state: &list, into: &g,
                      area: Rect(x: area.x, y: area.y + 3, width: area.width, height: area.height - 3),
                      emptyText: ctx.t(.noRolePressNTo(ctx.key(.giveRole))))
    }
}

/// The roles an account does not have yet, to choose one to give: `/` narrows the list
/// ("centrum", "voedselbank"), Enter asks to confirm.
final class GiveRoleScreen: Screen {
    /// Read out as what the list holds, not the tab's word.
    func itemNoun(one: Bool, _ ctx: UIContext) -> String? { one ? ctx.t(.role) : ctx.t(.roles2) }

    private let account: AccountSummary
    private var list = ListState()
    private var search = SearchBox()
    private var shown: [(role: Role, label: String)] = []

    init(account: AccountSummary, _ ctx: UIContext) {
        self.account = account
        reload(ctx)
    }

    func title(_ ctx: UIContext) -> String { ctx.t(.giveRole) }

    var capturesText: Bool { search.active }

    func bindings(_ ctx: UIContext) -> [Binding<Action>] {
        if search.active { return SearchBox.bindings(ctx) }
        return KeyTable.list(ctx.lang).map { b in
            var b = b
            if b.action == .open { b.label = ctx.t(.choose); b.help = ctx.t(.giveThisRoleAsksFirst) }
            return b
        } + [Binding.table(.search, label: ctx.t(.search), help: ctx.t(.searchRoleNeighbourhoodOrOrganisation), group: ctx.t(.giveRole))]
    }

    func willAppear(_ ctx: UIContext) { reload(ctx) }

    private func reload(_ ctx: UIContext) {
        let q = search.query.lowercased()
        shown = ctx.store.rolesToGive(account.id, by: ctx.viewer).map { ($0, ctx.t(ctx.store.label(of: $0))) }
            .filter { q.isEmpty || $0.label.lowercased().contains(q) }
        list.clamp(count: shown.count, height: 1000)
    }

    func handle(_ action: Action, _ ctx: UIContext) {
        if let changed = search.finish(action) {
            if changed { list = ListState(); reload(ctx) }
            return
        }
        switch action {
        case .up, .down, .pageUp, .pageDown, .first, .last: _ = list.apply(action, count: shown.count)
        case .open: if shown.indices.contains(list.selected) { ctx.push(ConfirmRoleScreen(account: account, role: shown[list.selected].role, give: true, ctx)) }
        case .search: search.active = true
        default: break
        }
    }

    func handleKey(_ key: Key, _ ctx: UIContext) -> Bool {
        guard search.handle(key) else { return false }
        list = ListState()
        reload(ctx)
        return true
    }

    func render(into g: inout Grid, area: Rect, _ ctx: UIContext) {
        search.render(into: &g, x: area.x + 1, y: area.y, width: area.width - 2, label: ctx.t(.search2))
        g.putSummary(ctx.t(.giveRoleTo) + safe(account.name) + " (\(shown.count))", x: area.x + 1, y: area.y + 1, maxWidth: area.width - 2)
        let keepCursor = g.cursor
        ListView.draw(shown.map { ListRow($0.label) }, selectedRow: shown.isEmpty ? nil : list.selected, state: &list, into: &g,
                      area: Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 2),
                      emptyText: ctx.t(.noRoleFound))
        if search.active { g.cursor = keepCursor }
    }
}

/// Asks before a role is given or taken, saying what happens (the rights, the message to the
/// person, the log); a role can be given back, so this is not the app's "cannot be undone".
final class ConfirmRoleScreen: FormScreen {
    private let account: AccountSummary
    private let role: Role
    private let give: Bool

    init(account: AccountSummary, role: Role, give: Bool, _ ctx: UIContext) {
        self.account = account
        self.role = role
        self.give = give
        super.init(Self.makeForm(account: account, role: role, give: give, ctx))
    }

    // A static function, not inline in init: closures in a form literal inside an initialiser
    // crash the release-mode optimiser (see AgendaEditScreen).
    private static func makeForm(account: AccountSummary, role: Role, give: Bool, _ ctx: UIContext) -> Form {
        let what = ctx.t(ctx.store.label(of: role)), who = safe(account.name)
        let question = give ? ctx.t(.giveTheRole(who, what))
                            : ctx.t(.takeTheRoleFrom(who, what))
        return Form([
            FormField("question", question, .note(.header)),
            FormField("told", ctx.t(.isToldInMessagesIt(who)), .note(.muted)),
            FormField("yes", give ? ctx.t(.yesGiveTheRole) : ctx.t(.yesTakeTheRole), .button),
            FormField("no", ctx.t(.cancel), .button),
        ], labelWidth: 14)
    }

    override func title(_ ctx: UIContext) -> String { give ? ctx.t(.giveRole) : ctx.t(.takeRole) }

    override func pressed(_ id: String, _ ctx: UIContext) {
        guard id == "yes" else {
            ctx.pop()
            return ctx.inform(ctx.t(.nothingChanged2))
        }
        do {
            let what = ctx.t(ctx.store.label(of: role)), who = safe(account.name)
            if give { try ctx.store.perform(.giveRole(role, to: account.id), as: ctx.viewer) } else { try ctx.store.perform(.takeRole(role, from: account.id), as: ctx.viewer) }
            // Back to the account's roles (past the list of roles to give).
            ctx.pop()
            if give { ctx.pop() }
            ctx.inform(give ? ctx.t(.nowHasTheRoleAnd(who, what))
                            : ctx.t(.noLongerHasTheRole(who, what)))
        } catch { ctx.fail(error) }
    }
}
