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
        printText(try store.agendaListing(query, viewer: .visitor), store: store, ctx)
    }

    /// Prints the listing day by day, streaming its rows into one buffered output. A year at ten
    /// times Borne is some 240,000 lines, so the work per line is kept small: an activity's
    /// text (sanitised title, place, organisation, wijk) is made once while it recurs, times of
    /// day are written from the UTC offset (the same within each UTC hour, so looked up once
    /// per hour), and bytes go straight into the buffer. `AgendaCommandTests` compares the
    /// output with the one-line-at-a-time version.
    static func printText(_ listing: AgendaListing, store: Store, _ ctx: CommandContext) {
        if listing.count == 0 {
            Console.out(ctx.t("Geen activiteiten in deze periode.", "No activities in this period."))
            return
        }
        var out = Console.Buffered()
        var lastDay: Int?
        var organisations: [OrganisationID: String] = [:], wijken: [WijkID?: String] = [:]
        // An activity's line after its times, kept while it recurs (a week of rows).
        var tails: [AgendaItemID: [UInt8]] = [:]
        let keepAtMost = min(8_192, max(512, listing.count * 7 * 3 / 2 / max(listing.days.count, 1)))
        var hour = Int.min, offset = 0
        func local(_ d: Date) -> Int {
            let t = Int(d.timeIntervalSince1970.rounded(.down))
            let h = t >= 0 ? t / 3600 : (t - 3599) / 3600
            if h != hour { hour = h; offset = LocalTime.offset(at: d) }
            return t + offset
        }
        let allDay = Array(ctx.t("hele dag   ", "all day    ").utf8)
        listing.forEach { o in
            let start = local(o.start)
            let day = start >= 0 ? start / 86_400 : (start - 86_399) / 86_400
            if day != lastDay {
                if lastDay != nil { out.line("") }
                let header = LocalTime.dayNameWithYear(o.start, ctx.lang)
                out.line(header.prefix(1).uppercased() + header.dropFirst())
                lastDay = day
            }
            out.append([0x20, 0x20])
            if o.item.allDay {
                out.append(allDay)
            } else {
                out.appendTime(start - day * 86_400)
                if let end = o.end {
                    out.append([0xE2, 0x80, 0x93])  // "–"
                    let e = local(end)
                    out.appendTime(((e % 86_400) + 86_400) % 86_400)
                } else {
                    out.append(Array("      ".utf8))
                }
            }
            let tail = tails[o.item.id] ?? {
                let org = organisations[o.item.organisation] ?? {
                    let name = TextSanitizer.sanitize(store.organisation(o.item.organisation, for: .visitor)?.name ?? "")
                    organisations[o.item.organisation] = name
                    return name
                }()
                let wijk = wijken[o.item.wijk] ?? {
                    let name = TextSanitizer.sanitize(o.item.wijk.flatMap { store.wijk($0)?.name } ?? ctx.t("heel Borne", "all of Borne"))
                    wijken[o.item.wijk] = name
                    return name
                }()
                if tails.count >= keepAtMost { tails.removeAll(keepingCapacity: true) }
                let t = Array("  \(TextSanitizer.sanitize(o.item.title)) — \(TextSanitizer.sanitize(o.item.location)) (\(org); \(wijk))".utf8)
                tails[o.item.id] = t
                return t
            }()
            out.append(tail)
            out.endLine()
        }
        out.flush()
    }
}
