import Foundation
import SociaalHusCore

/// `sociaalhus init [--store DIR] [--demo] [--wijk NAME]...`: creates a store.
enum InitCommand {
    static func run(_ args: inout Arguments, _ ctx: CommandContext) throws {
        let path = ctx.storePath(&args)
        let demo = args.flag("demo")
        let wijken = args.values("wijk")
        try create(at: path, demo: demo, wijken: wijken.isEmpty ? DemoData.wijken : wijken, ctx)
    }

    /// Creates the store and, for a demo, fills it and prints the demo accounts.
    static func create(at path: String, demo: Bool, wijken: [String], _ ctx: CommandContext) throws {
        let store = try Store.create(at: path, wijken: wijken)
        Console.out(ctx.t(.storeCreatedIn(path)))
        guard demo else { return }
        let accounts = try DemoData.populate(store)
        let s = store.counts
        Console.out(ctx.t(.demoDataPlacedOrganisationsActivities(s.organisations, s.agenda, s.posts, s.accounts)))
        Console.out("")
        Console.out(ctx.t(.demoAccountsForTryingOut))
        let width = accounts.map(\.email.count).max() ?? 20
        let pwWidth = accounts.map(\.password.count).max() ?? 20
        for a in accounts {
            let email = a.email.padding(toLength: width, withPad: " ", startingAt: 0)
            let password = a.password.padding(toLength: pwWidth, withPad: " ", startingAt: 0)
            Console.out("  \(email)  \(password)  \(a.role); \(ctx.t(.profile2)): \(a.visibility.label(ctx.lang))")
        }
    }
}
