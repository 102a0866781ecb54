import Foundation

/// RFC 5545 iCalendar for a shared agenda: one VEVENT per activity (recurring ones with an
/// RRULE, cancelled occurrences as EXDATE, each moved one as a VEVENT of its own with the same
/// UID and a RECURRENCE-ID), times in Europe/Amsterdam with its VTIMEZONE, CRLF line ends, lines
/// folded at 75 octets, text escaped. The organiser is the organisation's name only.
public enum ICalendar {
    /// The calendar for `items`; `stamp` is the DTSTAMP, `domain` makes the UIDs
    /// ("agenda-12@domain", stable across exports).
    public static func calendar(name: String, items: [AgendaItem], organisations: [OrganisationID: String], stamp: Date, domain: String) -> String {
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Sociaal Hus Borne//SociaalHus//NL",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:" + escape(name),
            "X-WR-TIMEZONE:Europe/Amsterdam",
        ]
        lines += timezone
        for item in items.sorted(by: { ($0.start, $0.id) < ($1.start, $1.id) }) {
            lines += event(item, organisation: organisations[item.organisation] ?? "", stamp: stamp, domain: domain)
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// Europe/Amsterdam: CET in winter, CEST from the last Sunday of March to the last of October.
    static let timezone = [
        "BEGIN:VTIMEZONE", "TZID:Europe/Amsterdam",
        "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST", "DTSTART:19700329T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
        "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19701025T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
        "END:VTIMEZONE",
    ]

    static func event(_ item: AgendaItem, organisation: String, stamp: Date, domain: String) -> [String] {
        var l = ["BEGIN:VEVENT", "UID:agenda-\(item.id)@\(domain)", "DTSTAMP:" + utc(stamp)]
        l += times(item, start: item.start, end: item.end)
        let changes = item.recurrence.repeats
            ? item.recurrence.changes.filter { RecurrenceExpansion.isRuleStart($0.original, of: item, calendar: LocalTime.calendar) }.sorted { $0.original < $1.original }
            : []
        if let rule = rrule(item) {
            l.append("RRULE:" + rule)
            // Moved ones too: a reader that does not know RECURRENCE-ID (calcurse) would
            // otherwise show them twice; those that do put the moved one in its place.
            for c in changes { l.append(stamped("EXDATE", c.original, allDay: item.allDay)) }
        }
        var moved: [String] = []
        for c in changes {
            guard let m = c.moved else { continue }
            moved += ["BEGIN:VEVENT", "UID:agenda-\(item.id)@\(domain)", "DTSTAMP:" + utc(stamp), stamped("RECURRENCE-ID", c.original, allDay: item.allDay)]
            moved += times(item, start: m.start, end: m.end)
            moved += describe(item, organisation: organisation)
        }
        return l + describe(item, organisation: organisation) + moved
    }

    /// DTSTART and DTEND of one occurrence: dates for an all-day activity (DTEND the day after
    /// its last), local times in Amsterdam otherwise.
    static func times(_ item: AgendaItem, start: Date, end: Date?) -> [String] {
        if item.allDay {
            let last = end ?? start
            let next = amsterdamCalendar().date(byAdding: .day, value: 1, to: amsterdamCalendar().startOfDay(for: last)) ?? last
            return [stamped("DTSTART", start, allDay: true), "DTEND;VALUE=DATE:" + LocalTime.icsLocal(next, dateOnly: true)]
        }
        return [stamped("DTSTART", start, allDay: false)] + (end.map { [stamped("DTEND", $0, allDay: false)] } ?? [])
    }

    /// A property holding one start: a date, or a local time in Amsterdam.
    static func stamped(_ name: String, _ date: Date, allDay: Bool) -> String {
        allDay ? name + ";VALUE=DATE:" + LocalTime.icsLocal(date, dateOnly: true)
            : name + ";TZID=Europe/Amsterdam:" + LocalTime.icsLocal(date, dateOnly: false)
    }

    /// What an event says of its activity besides its times, ending the VEVENT.
    static func describe(_ item: AgendaItem, organisation: String) -> [String] {
        var l = ["SUMMARY:" + escape(item.title)]
        if !item.description.isEmpty { l.append("DESCRIPTION:" + escape(item.description)) }
        if !item.location.isEmpty { l.append("LOCATION:" + escape(item.location)) }
        if !item.category.isEmpty { l.append("CATEGORIES:" + escape(item.category)) }
        if !organisation.isEmpty {
            // A parameter value may hold neither quotes nor control characters (RFC 5545 §3.1).
            let cn = organisation.replacingOccurrences(of: "\"", with: "'")
                .filter { ch in ch.unicodeScalars.allSatisfy { !TextSanitizer.isDangerous($0.value) && $0.value != 0x0A && $0.value != 0x09 } }
            l.append("ORGANIZER;CN=\"" + cn + "\":urn:sociaalhus:organisation:\(item.organisation)")
        }
        l.append("END:VEVENT")
        return l
    }

    /// The RRULE of an activity (nil when it does not repeat). A number of times is written as
    /// the day of the last occurrence (UNTIL): calcurse counts COUNT after taking out EXDATEs,
    /// RFC 5545 before, and an end both read alike.
    public static func rrule(_ item: AgendaItem) -> String? {
        let r = item.recurrence
        guard let unit = r.unit else { return nil }
        var base: String
        switch unit {
        case .day: base = "FREQ=DAILY"
        case .week: base = "FREQ=WEEKLY"
        case .month: base = "FREQ=MONTHLY"
        }
        if r.interval > 1 { base += ";INTERVAL=\(r.interval)" }
        if let week = r.weekOfMonth {
            let days = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"]
            base += ";BYDAY=\(week.rawValue)" + days[LocalTime.calendar.component(.weekday, from: item.start) - 1]
        }
        var last = r.until
        if r.count != nil {
            var final: Date?
            RecurrenceExpansion.ruleStarts(item, from: item.start, to: .distantFuture, calendar: LocalTime.calendar) { final = $0 }
            last = [last, final].compactMap { $0 }.min()
        }
        guard let last else { return base }
        if item.allDay { return base + ";UNTIL=" + LocalTime.icsLocal(last, dateOnly: true) }
        // The last moment of that day, in UTC as RFC 5545 requires with a TZID start.
        let cal = amsterdamCalendar()
        let endOfDay = cal.date(byAdding: DateComponents(day: 1, second: -1), to: cal.startOfDay(for: last)) ?? last
        return base + ";UNTIL=" + utc(endOfDay)
    }

    /// TEXT escaping: backslash, semicolon, comma, and line breaks as \n; other control
    /// characters, C1, bidi controls and invisible formatting characters dropped (a zero-width
    /// joiner only inside an emoji).
    public static func escape(_ s: String) -> String {
        var out = ""
        for ch in s.replacingOccurrences(of: "\r\n", with: "\n") {
            switch ch {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r": out += "\\n"
            default:
                let kept = ch.unicodeScalars.filter { s in
                    if s.value == 0x200D { return ch.unicodeScalars.contains { $0.value > 0x7F && $0.properties.isEmoji } }
                    return !TextSanitizer.isDangerous(s.value) && s.value != 0x09
                }
                out.unicodeScalars.append(contentsOf: kept)
            }
        }
        return out
    }

    /// Folds a content line at 75 octets (CRLF + space), never inside a UTF-8 character.
    public static func fold(_ line: String) -> String {
        var out = ""
        var count = 0
        for ch in line {
            let n = String(ch).utf8.count
            if count + n > 75 {
                out += "\r\n "
                count = 1
            }
            out.append(ch)
            count += n
        }
        return out
    }

    static func utc(_ d: Date) -> String { LocalTime.icsUTC(d) }
}
