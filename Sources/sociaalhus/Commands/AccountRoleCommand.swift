import Foundation
@_spi(Operator) import SociaalHusCore

/// `sociaalhus account role --email E --add ROLE | --remove ROLE`: the operator gives or takes
/// one role of an existing account, through the same core rule as the
/// administrator's screen: the last administrator stays, the person is told, it is logged.
enum AccountRoleCommand {
    static func run(_ args: inout Arguments, _ ctx: CommandContext) throws {
        let email = try args.required("email")
        let add = args.value("add"), remove = args.value("remove")
        // Exactly one: both or neither is a wrong use, refused before the store is opened.
        guard (add != nil) != (remove != nil), let word = add ?? remove else { throw CLIError.roleChange }
        let store = try ctx.openStore(&args)
        let role = try AccountCommand.parseRole(word, store: store, option: add != nil ? "add" : "remove")
        let account = try store.account(email: email)
        let changed = add != nil ? try store.perform(.giveRole(role, to: account.id), as: .commandLine)
                                 : try store.perform(.takeRole(role, from: account.id), as: .commandLine)
        let label = ctx.lang.t(store.label(of: role))
        let held = store.accountSummary(changed.id, by: .commandLine)?.held ?? []
        let now = held.map { ctx.lang.t(store.label(of: $0)) }.joined(separator: ", ")
        let roles: any Value = now.isEmpty ? Word.none : now
        Console.out(add != nil
            ? ctx.t(.accountNowHasTheRole(changed.id, changed.email, label, roles))
            : ctx.t(.accountNoLongerHasThe(changed.id, changed.email, label, roles)))
    }
}
