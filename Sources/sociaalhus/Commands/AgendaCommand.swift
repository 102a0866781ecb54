import Foundation
import SociaalHusCore

/// `sociaalhus agenda [--wijk W] [--from YYYY-MM-DD] [--days N]`: the agenda as a visitor sees it,
/// recurring items expanded, sorted by start. With `--format ics|json --wijk W [--out FILE]`: the
/// wijk's shared feed, only with its local partner's approval and never with personal data.
enum AgendaCommand {
    static func run(_ args: inout Arguments, _ ctx: CommandContext) throws {
        let wijkName = args.value("wijk")
        let fromText = args.value("from")
        let daysText = args.value("days")
        let format = args.value("format") ?? "text"
        let orgName = args.value("organisation")
        let category = args.value("category")
        let search = args.value("search")
        let out = args.value("out")
        let store = try ctx.openStore(&args)
        var query = AgendaQuery(from: store.clock.now(), days: 56, category: category, search: search)
        if let fromText {
            guard let d = ISODate.day(fromText) else { throw CoreError.invalidDate(fromText) }
            query.from = d
        }
        if let daysText {
            guard let n = Int(daysText), (1...366).contains(n) else {
                throw CLIError.invalidValue(option: "days", value: daysText, expected: ctx.t("een getal van 1 tot 366", "a number from 1 to 366"))
            }
            query.days = n
        }
        if let wijkName {
            guard let w = store.wijk(named: wijkName) else { throw CoreError.unknownWijk(wijkName) }
            query.wijk = w.id
        }
        if let orgName {
            guard let o = store.organisation(named: orgName) else { throw CoreError.unknownOrganisation(orgName) }
            query.organisation = o.id
        }
        if let feedFormat = FeedFormat(rawValue: format) {
            guard let wijk = query.wijk else { throw CLIError.missingOption("wijk") }
            let data = try store.feed(wijk: wijk, format: feedFormat, from: query.from, days: daysText == nil ? 366 : query.days)
            if let out {
                do { try data.write(to: URL(fileURLWithPath: out), options: .atomic) } catch {
                    throw CLIError.cannotWrite(path: out, reason: (error as NSError).localizedDescription)
                }
                Console.out(ctx.t("Feed geschreven naar \(out).", "Feed written to \(out)."))
            } else {
                FileHandle.standardOutput.write(data)
            }
            return
        }
        guard format == "text" else {
            throw CLIError.invalidValue(option: "format", value: format, expected: "text, ics, json")
        }
        if out != nil { throw CLIError.invalidValue(option: "out", value: out ?? "", expected: ctx.t("alleen met --format ics of json", "only with --format ics or json")) }
        let occurrences = try store.agenda(query, viewer: .visitor)
        printText(occurrences, store: store, ctx)
    }

    static func printText(_ occurrences: [Occurrence], store: Store, _ ctx: CommandContext) {
        if occurrences.isEmpty {
            Console.out(ctx.t("Geen activiteiten in deze periode.", "No activities in this period."))
            return
        }
        var lastDay = ""
        for o in occurrences {
            let header = LocalTime.dayNameWithYear(o.start, ctx.lang)
            if header != lastDay {
                if !lastDay.isEmpty { Console.out("") }
                Console.out(header.prefix(1).uppercased() + header.dropFirst())
                lastDay = header
            }
            let when = o.item.allDay ? ctx.t("hele dag   ", "all day    ")
                : LocalTime.time(o.start) + (o.end.map { "–" + LocalTime.time($0) } ?? "      ")
            let org = store.organisation(o.item.organisation, for: .visitor)?.name ?? ""
            let wijk = o.item.wijk.flatMap { store.wijk($0)?.name } ?? ctx.t("heel Borne", "all of Borne")
            let line = "  \(when)  \(o.item.title) — \(o.item.location) (\(org); \(wijk))"
            Console.out(TextSanitizer.sanitize(line))
        }
    }
}
