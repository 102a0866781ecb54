import Foundation
import SociaalHusCore

/// `sociaalhus check`: verifies every file of the store; exit 0 when sound.
enum CheckCommand {
    static func run(_ args: inout Arguments, _ ctx: CommandContext) throws -> Int32 {
        let path = ctx.storePath(&args)
        let report = StoreCheck.run(at: path)
        for p in report.problems { Console.err(p.message(ctx.lang)) }
        for l in report.leftovers {
            Console.out(ctx.t(.noteIsLeftOverFrom(l)))
        }
        if report.isSound {
            Console.out(ctx.t(.theStoreIsSoundFiles(path, report.files, report.records)))
            return 0
        }
        Console.err(ctx.t(.theStoreHasProblemS(path, report.problems.count)))
        return 1
    }
}
