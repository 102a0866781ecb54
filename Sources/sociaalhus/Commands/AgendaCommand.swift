import Foundation
import SociaalHusCore

/// `sociaalhus agenda [--wijk W] [--from YYYY-MM-DD] [--days N | --weeks N]`: the agenda as a
/// visitor sees it, recurring items expanded, sorted by start. With `--format ics|json --wijk W
/// [--out FILE]`: the wijk's shared feed, only with its local partner's approval and never with
/// personal data. With `--format pdf [--large] [--out FILE]`: the same agenda on A4 paper (two
/// weeks unless told), for the notice board and for residents without a screen.
enum AgendaCommand {
    static func run(_ args: inout Arguments, _ ctx: CommandContext) throws {
        let wijkName = args.value("wijk")
        let fromText = args.value("from")
        var daysText = args.value("days")
        let weeksText = args.value("weeks")
        let format = args.value("format") ?? "text"
        let large = args.flag("large")
        if let weeksText {
            if daysText != nil { throw CLIError.eitherOption("weeks", "days") }
            guard let n = Int(weeksText), (1...26).contains(n) else {
                throw CLIError.invalidValue(option: "weeks", value: weeksText, expected: ctx.t(.numberFrom1To26))
            }
            daysText = String(7 * n)
        }
        if large && format != "pdf" { throw CLIError.largeOnlyWithPdf }
        let orgName = args.value("organisation")
        let category = args.value("category")
        let search = args.value("search")
        let out = args.value("out")
        let store = try ctx.openStore(&args, use: .read)
        var query = AgendaQuery(from: store.clock.now(), days: 56, category: category, search: search)
        if let fromText {
            guard let d = ISODate.day(fromText) else { throw CoreError.invalidDate(fromText) }
            query.from = d
        }
        if let daysText {
            guard let n = Int(daysText), (1...366).contains(n) else {
                throw CLIError.invalidValue(option: "days", value: daysText, expected: ctx.t(.numberFrom1To366))
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
            let feed = try store.feed(wijk: wijk, format: feedFormat, from: query.from, days: daysText == nil ? 366 : query.days)
            let data = feed.data
            reportLeftOut(feed.leftOut, ctx)
            if let out {
                do { try data.write(to: URL(fileURLWithPath: out), options: .atomic) } catch {
                    throw CLIError.cannotWrite(path: out, reason: (error as NSError).localizedDescription)
                }
                Console.out(ctx.t(.feedWrittenTo(out)))
            } else {
                FileHandle.standardOutput.write(data)
            }
            return
        }
        if format == "pdf" {
            if daysText == nil { query.days = 14 }
            return try writePDF(query, large: large, out: out, store: store, ctx)
        }
        guard format == "text" else {
            throw CLIError.invalidValue(option: "format", value: format, expected: "text, ics, json, pdf")
        }
        if out != nil { throw CLIError.invalidValue(option: "out", value: out ?? "", expected: ctx.t(.onlyWithFormatIcsJsonPdf)) }
        try printText(query, store: store, ctx)
    }

    /// Names on standard error the activities the feed left out and why (never the data found),
    /// so whoever runs the feed for a partner sees it while the feed itself stays clean for the
    /// third party; at most `FeedLeftOut.shown` lines, then how many more.
    static func reportLeftOut(_ leftOut: FeedLeftOut, _ ctx: CommandContext) {
        guard leftOut.count > 0 else { return }
        Console.err(ctx.t(.feedLeftOutHeader(leftOut.count)))
        for a in leftOut.activities {
            Console.err("- " + ctx.t(a.word(date: LocalTime.isoDay(a.start) + " " + LocalTime.time(a.start))))
        }
        if leftOut.count > leftOut.activities.count { Console.err(ctx.t(.feedLeftOutMore(leftOut.count - leftOut.activities.count))) }
        Console.err(ctx.t(.feedLeftOutAdvice))
    }

    /// Writes the agenda of `query` as a PDF to `out`, or to the output when that is not a
    /// terminal (`| lp` prints it). A file at `out` is replaced only when it is an agenda this
    /// program wrote (`PrintedAgendaFile`): anything else there is refused, exit 2, before the
    /// agenda is made.
    static func writePDF(_ query: AgendaQuery, large: Bool, out: String?, store: Store, _ ctx: CommandContext) throws {
        if let out {
            guard !out.isEmpty else { throw CLIError.invalidValue(option: "out", value: out, expected: ctx.t(.nameOfAFile)) }
            if let refusal = PrintedAgendaFile.refusal(out, storePath: store.path) {
                throw CLIError.cannotWrite(path: out, reason: ctx.t(refusal.word))
            }
        } else if isatty(STDOUT_FILENO) == 1 {
            throw CLIError.pdfToTerminal
        }
        let document = try store.printedAgenda(query, large: large, t: ctx.t)
        guard let out else { return FileHandle.standardOutput.write(document.data()) }
        do {
            try PrintedAgendaFile.write(document, to: out, storePath: store.path)
        } catch let refusal as PrintedAgendaFile.Refusal {
            throw CLIError.cannotWrite(path: out, reason: ctx.t(refusal.word))
        } catch CoreError.storeIO(_, let problem) {
            throw CLIError.cannotWrite(path: out, reason: problem)
        }
        Console.out(ctx.t(.agendaPdfWritten(TextSanitizer.sanitize(out), document.pages.count)))
    }

    /// Prints the agenda of `query` day by day: from the occurrence rows when they can answer
    /// (no record decoded), else from the listing. A year at ten times Borne is some 240,000
    /// lines, so the work per line is kept small: times of day are written from the UTC offset
    /// (the same within each UTC hour, so looked up once per hour), text that is plain printable
    /// ASCII is copied as it is (anything else goes through the sanitiser), names are made once,
    /// and bytes go straight into one buffer. `AgendaCommandTests` compares the output with the
    /// one-line-at-a-time version.
    static func printText(_ query: AgendaQuery, store: Store, _ ctx: CommandContext) throws {
        var printer = Printer(store: store, ctx: ctx)
        let fromRows = try store.agendaLines(query, viewer: .visitor) { line in
            printer.line(start: line.start, end: line.end, allDay: line.allDay, organisation: line.organisation, wijk: line.wijk) { out in
                out.appendSanitised(line.title)
                out.append(Printer.emDash)
                out.appendSanitised(line.location)
            }
        }
        if !fromRows {
            try store.agendaListing(query, viewer: .visitor).forEach { o in
                printer.line(start: o.start.timeIntervalSince1970, end: o.end?.timeIntervalSince1970, allDay: o.item.allDay,
                             organisation: o.item.organisation, wijk: o.item.wijk) { out in
                    out.append(Array("\(TextSanitizer.sanitize(o.item.title)) — \(TextSanitizer.sanitize(o.item.location))".utf8))
                }
            }
        }
        printer.finish()
    }

    /// Writes the lines of the agenda, with a heading per day.
    struct Printer {
        let store: Store
        let ctx: CommandContext
        var out = Console.Buffered()
        var lastDay: Int?
        var names: [OrganisationID: [UInt8]] = [:], byNumber: [[UInt8]?] = [], wijken: [[UInt8]?] = []
        /// Every organisation's name, read in one pass once a listing has named many of them.
        var allNames: [OrganisationID: String]?
        var lookups = 0
        var starts = LocalClock(), ends = LocalClock()
        let allDay: [UInt8]
        static let noEnd = Array("      ".utf8), dash: [UInt8] = [0xE2, 0x80, 0x93], indent: [UInt8] = [0x20, 0x20]
        static let emDash = Array(" — ".utf8), open = Array(" (".utf8), separator = Array("; ".utf8), close: [UInt8] = [0x29]

        init(store: Store, ctx: CommandContext) {
            self.store = store
            self.ctx = ctx
            allDay = Array(ctx.t(.allDay3).utf8)
        }

        /// Seconds since 1970 in Amsterdam's local time, with the offset looked up once per change
        /// of the clock (two of these: starts run in order, and so, mostly, do ends).
        struct LocalClock {
            var from = Double.infinity, until = -Double.infinity, offset = 0

            mutating func local(_ t: Double) -> Int {
                let whole = t.rounded(.down)
                if !(whole >= from && whole < until) {
                    (offset, until) = LocalTime.offsetSpan(at: Date(timeIntervalSince1970: whole))
                    from = whole
                }
                return Int(whole) + offset
            }
        }

        /// One line: its times, what `text` writes (title and place), then organisation and wijk.
        mutating func line(start: Double, end: Double?, allDay isAllDay: Bool, organisation: OrganisationID, wijk: WijkID?,
                           text: (inout Console.Buffered) -> Void) {
            let local = starts.local(start)
            let day = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
            if day != lastDay {
                if lastDay != nil { out.line("") }
                let header = ctx.lang.t(LocalTime.dayNameWithYear(Date(timeIntervalSince1970: start)))
                out.line(header.prefix(1).uppercased() + header.dropFirst())
                lastDay = day
            }
            out.append(Self.indent)
            if isAllDay {
                out.append(allDay)
            } else {
                out.appendTime(local - day * 86_400)
                if let end {
                    out.append(Self.dash)  // "–"
                    let e = ends.local(end)
                    out.appendTime(((e % 86_400) + 86_400) % 86_400)
                } else {
                    out.append(Self.noEnd)
                }
            }
            out.append(Self.indent)
            text(&out)
            out.append(Self.open)
            out.append(name(organisation))
            out.append(Self.separator)
            out.append(place(wijk))
            out.append(Self.close)
            out.endLine()
        }

        /// An organisation's name, sanitised, made once: kept by id in an array (ids are handed out
        /// from 1 up; a hash per line was a twentieth of the command), in a dictionary beyond.
        mutating func name(_ organisation: OrganisationID) -> [UInt8] {
            let id = organisation.rawValue
            if id >= 0, id < byNumber.count, let known = byNumber[id] { return known }
            if let known = names[organisation] { return known }
            lookups += 1
            if allNames == nil, lookups > 64 { allNames = store.organisationNames(for: .visitor) }
            let found = allNames.map { $0[organisation] } ?? store.organisation(organisation, for: .visitor)?.name
            let n = Array(TextSanitizer.sanitize(found ?? "").utf8)
            if id >= 0, id < 1 << 20 {
                if id >= byNumber.count { byNumber += Array(repeating: nil, count: max(id + 1 - byNumber.count, byNumber.count)) }
                byNumber[id] = n
            } else {
                names[organisation] = n
            }
            return n
        }

        /// A wijk's name (or "heel Borne"), sanitised, made once.
        mutating func place(_ wijk: WijkID?) -> [UInt8] {
            // Index 0 is all of Borne; a wijk's id is 1 up (a few of them).
            let i = wijk.map { $0.rawValue >= 1 && $0.rawValue < 1 << 12 ? $0.rawValue : -1 } ?? 0
            if i >= 0, i < wijken.count, let known = wijken[i] { return known }
            let n = Array(TextSanitizer.sanitize(wijk.flatMap { store.wijk($0)?.name } ?? ctx.t(.allOfBorne)).utf8)
            if i >= 0 {
                if i >= wijken.count { wijken += Array(repeating: nil, count: i + 1 - wijken.count) }
                wijken[i] = n
            }
            return n
        }

        /// Writes out what is gathered, or says there was nothing.
        mutating func finish() {
            if lastDay == nil { Console.out(ctx.t(.noActivitiesInThisPeriod)) }
            out.flush()
        }
    }
}
