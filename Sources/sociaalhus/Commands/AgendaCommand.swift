import Foundation
import SociaalHusCore

/// `sociaalhus agenda [--wijk W] [--from YYYY-MM-DD] [--days N] [--format text|json]`: the agenda as
/// a visitor sees it, recurring items expanded, sorted by start.
enum AgendaCommand {
    static func run(_ args: inout Arguments, _ ctx: CommandContext) throws {
        let wijkName = args.value("wijk")
        let fromText = args.value("from")
        let daysText = args.value("days")
        let format = args.value("format") ?? "text"
        let orgName = args.value("organisation")
        let category = args.value("category")
        let search = args.value("search")
        let store = try ctx.openStore(&args)
        try args.rejectUnknown()
        let state = store.state
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
            guard let w = state.wijk(named: wijkName) else { throw CoreError.unknownWijk(wijkName) }
            query.wijk = w.id
        }
        if let orgName {
            guard let o = state.organisation(named: orgName) else { throw CoreError.unknownOrganisation(orgName) }
            query.organisation = o.id
        }
        guard format == "text" || format == "json" else {
            throw CLIError.invalidValue(option: "format", value: format, expected: "text, json")
        }
        let occurrences = try state.agenda(query, viewer: .visitor)
        if format == "json" {
            let rows = occurrences.map { AgendaRow($0, state: state) }
            FileHandle.standardOutput.write(try ISODate.encoder().encode(rows) + Data("\n".utf8))
        } else {
            printText(occurrences, state: state, ctx)
        }
    }

    static func printText(_ occurrences: [Occurrence], state: StoreState, _ ctx: CommandContext) {
        if occurrences.isEmpty {
            Console.out(ctx.t("Geen activiteiten in deze periode.", "No activities in this period."))
            return
        }
        let day = DateFormatter()
        day.locale = Locale(identifier: ctx.lang == .dutch ? "nl_NL" : "en_GB")
        day.timeZone = amsterdam
        day.dateFormat = "EEEE d MMMM yyyy"
        let time = DateFormatter()
        time.timeZone = amsterdam
        time.dateFormat = "HH:mm"
        var lastDay = ""
        for o in occurrences {
            let header = day.string(from: o.start)
            if header != lastDay {
                if !lastDay.isEmpty { Console.out("") }
                Console.out(header.prefix(1).uppercased() + header.dropFirst())
                lastDay = header
            }
            let when = o.item.allDay ? ctx.t("hele dag   ", "all day    ")
                : time.string(from: o.start) + (o.end.map { "–" + time.string(from: $0) } ?? "      ")
            let org = state.organisations[o.item.organisation.rawValue]?.name ?? ""
            let wijk = o.item.wijk.flatMap { state.wijk($0)?.name } ?? ctx.t("heel Borne", "all of Borne")
            let line = "  \(when)  \(o.item.title) — \(o.item.location) (\(org); \(wijk))"
            Console.out(TextSanitizer.sanitize(line))
        }
    }
}

/// One agenda occurrence in the JSON output.
struct AgendaRow: Encodable {
    var id: Int
    var title: String
    var start: Date
    var end: Date?
    var allDay: Bool
    var location: String
    var wijk: String?
    var organisation: String
    var category: String
    var cost: String
    var signup: String
    var description: String
    var recurrence: String

    init(_ o: Occurrence, state: StoreState) {
        id = o.item.id.rawValue
        title = o.item.title
        start = o.start
        end = o.end
        allDay = o.item.allDay
        location = o.item.location
        wijk = o.item.wijk.flatMap { state.wijk($0)?.name }
        organisation = state.organisations[o.item.organisation.rawValue]?.name ?? ""
        category = o.item.category
        cost = o.item.cost
        signup = o.item.signup
        description = o.item.description
        recurrence = o.item.recurrence.frequency.rawValue
    }

    // `end` and `wijk` are written as null when absent, so every object has the same keys.
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id); try c.encode(title, forKey: .title); try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end); try c.encode(allDay, forKey: .allDay); try c.encode(location, forKey: .location)
        try c.encode(wijk, forKey: .wijk); try c.encode(organisation, forKey: .organisation); try c.encode(category, forKey: .category)
        try c.encode(cost, forKey: .cost); try c.encode(signup, forKey: .signup); try c.encode(description, forKey: .description)
        try c.encode(recurrence, forKey: .recurrence)
    }

    enum CodingKeys: String, CodingKey { case id, title, start, end, allDay, location, wijk, organisation, category, cost, signup, description, recurrence }
}
