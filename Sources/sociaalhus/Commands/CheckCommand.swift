import Foundation
import SociaalHusCore

/// `sociaalhus check`: verifies every file of the store; exit 0 when sound.
enum CheckCommand {
    static func run(_ args: inout Arguments, _ ctx: CommandContext) throws -> Int32 {
        let path = ctx.storePath(&args)
        let report = StoreCheck.run(at: path)
        for p in report.problems { Console.err(p.message(ctx.lang)) }
        for l in report.leftovers {
            Console.out(ctx.t("Let op: \(l) is over van een onderbroken wijziging; het wordt bij de volgende opening verwijderd.",
                              "Note: \(l) is left over from an interrupted change; it is removed at the next opening."))
        }
        if report.isSound {
            Console.out(ctx.t("De opslag \(path) is in orde: \(report.files) bestanden, \(report.records) records gecontroleerd.",
                              "The store \(path) is sound: \(report.files) files, \(report.records) records checked."))
            return 0
        }
        Console.err(ctx.t("De opslag \(path) heeft \(report.problems.count) probleem/problemen; er is niets veranderd.",
                          "The store \(path) has \(report.problems.count) problem(s); nothing was changed."))
        return 1
    }
}
