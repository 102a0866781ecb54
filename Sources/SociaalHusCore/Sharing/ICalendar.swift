import Foundation

/// RFC 5545 iCalendar for a shared agenda: one VEVENT per activity (recurring ones with an
/// RRULE), times in Europe/Amsterdam with its VTIMEZONE, CRLF line ends, lines folded at 75
/// octets, text escaped. The organiser is the organisation's name only.
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
        if item.allDay {
            l.append("DTSTART;VALUE=DATE:" + LocalTime.icsLocal(item.start, dateOnly: true))
            let end = item.end ?? item.start
            let next = amsterdamCalendar().date(byAdding: .day, value: 1, to: amsterdamCalendar().startOfDay(for: end)) ?? end
            l.append("DTEND;VALUE=DATE:" + LocalTime.icsLocal(next, dateOnly: true))
        } else {
            l.append("DTSTART;TZID=Europe/Amsterdam:" + LocalTime.icsLocal(item.start, dateOnly: false))
            if let end = item.end { l.append("DTEND;TZID=Europe/Amsterdam:" + LocalTime.icsLocal(end, dateOnly: false)) }
        }
        if let rule = rrule(item.recurrence) { l.append("RRULE:" + rule) }
        l.append("SUMMARY:" + escape(item.title))
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

    static func rrule(_ r: Recurrence) -> String? {
        let base: String
        switch r.frequency {
        case .none: return nil
        case .weekly: base = "FREQ=WEEKLY"
        case .biweekly: base = "FREQ=WEEKLY;INTERVAL=2"
        case .monthly: base = "FREQ=MONTHLY"
        }
        guard let until = r.until else { return base }
        // The last moment of the until day, in UTC as RFC 5545 requires with a TZID start.
        let cal = amsterdamCalendar()
        let endOfDay = cal.date(byAdding: DateComponents(day: 1, second: -1), to: cal.startOfDay(for: until)) ?? until
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
