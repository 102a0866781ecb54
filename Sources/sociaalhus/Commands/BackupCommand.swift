import Foundation
import SociaalHusCore

/// `sociaalhus backup --to FILE` and `sociaalhus restore --from FILE` (issue 22).
enum BackupCommand {
    /// Writes a backup of the store to a new file outside it.
    static func backup(_ args: inout Arguments, _ ctx: CommandContext) throws {
        let target = try args.required("to")
        let path = ctx.storePath(&args)
        let summary = try Store.backup(storeAt: path, to: target)
        Console.out(ctx.t(.backupWrittenToReadableBy(TextSanitizer.sanitize(target), summary.records, summary.files)))
    }

    /// Puts a backup back, erasing again whoever was erased since it was made.
    static func restore(_ args: inout Arguments, _ ctx: CommandContext) throws {
        let file = try args.required("from")
        let path = ctx.storePath(&args)
        try Console.confirm(ctx.t(.restoreTheStoreToThe(path, file)),
                            yes: args.flag("yes"), command: "restore", ctx)
        let s = try Store.restore(storeAt: path, from: file)
        let made = s.made.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "Europe/Amsterdam") ?? .current))
        Console.out(ctx.t(.backupOfRestoredIntoRecords(made, path, s.records, s.files, s.accountsErasedAgain, s.intakesErasedAgain)))
    }
}
