import Foundation
import SociaalHusCore

/// `sociaalhus backup --to FILE` and `sociaalhus restore --from FILE`.
enum BackupCommand {
    /// Writes a backup of the store to a new file outside it.
    static func backup(_ args: inout Arguments, _ ctx: CommandContext) throws {
        let target = try args.required("to")
        let path = ctx.storePath(&args)
        let summary = try Store.backup(storeAt: path, to: target)
        Console.out(ctx.t("Reservekopie geschreven naar \(TextSanitizer.sanitize(target)) (alleen leesbaar voor jou): \(summary.records) records, \(summary.files) foto's en e-mails.",
                          "Backup written to \(TextSanitizer.sanitize(target)) (readable by you only): \(summary.records) records, \(summary.files) photos and e-mails."))
    }

    /// Puts a backup back, erasing again whoever was erased since it was made.
    static func restore(_ args: inout Arguments, _ ctx: CommandContext) throws {
        let file = try args.required("from")
        let path = ctx.storePath(&args)
        try Console.confirm(ctx.t("De opslag \(path) terugzetten naar de reservekopie \(file)? Wat sindsdien veranderde gaat verloren (wie sindsdien gewist is, blijft gewist).",
                                  "Restore the store \(path) to the backup \(file)? What changed since is lost (whoever was erased since stays erased)."),
                            yes: args.flag("yes"), command: "restore", ctx)
        let s = try Store.restore(storeAt: path, from: file)
        let made = s.made.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "Europe/Amsterdam") ?? .current))
        Console.out(ctx.t("Reservekopie van \(made) teruggezet in \(path): \(s.records) records, \(s.files) foto's en e-mails. Opnieuw gewist (gewist na de reservekopie): \(s.accountsErasedAgain) account(s), \(s.intakesErasedAgain) gesprek(ken). Lopende sessies zien de teruggezette gegevens bij hun volgende verversing.",
                          "Backup of \(made) restored into \(path): \(s.records) records, \(s.files) photos and e-mails. Erased again (erased after the backup): \(s.accountsErasedAgain) account(s), \(s.intakesErasedAgain) conversation(s). Running sessions see the restored data at their next refresh."))
    }
}
