import Foundation

/// Dates and times in Borne's time zone, written without a `DateFormatter`.
///
/// Building a `DateFormatter` per call was 83 % of the interface's start-up (three per agenda
/// occurrence, 13,413 occurrences at Borne scale). A formatter is not `Sendable`, so it
/// cannot simply be shared under Swift 6; calendar arithmetic on one shared `Calendar` (which is)
/// gives the same text, and is what the golden screens check.
public enum LocalTime {
    /// One calendar for all calls.
    static let calendar = amsterdamCalendar()
    static let utcCalendar: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }()


    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
    static func four(_ n: Int) -> String { String(repeating: "0", count: max(0, 4 - String(n).count)) + String(n) }

    static func parts(_ d: Date, utc: Bool = false) -> DateComponents {
        (utc ? utcCalendar : calendar).dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: d)
    }

    /// "25-11-2026".
    public static func short(_ d: Date) -> String {
        let p = parts(d)
        return two(p.day!) + "-" + two(p.month!) + "-" + four(p.year!)
    }

    /// The one short date style of each language: "25-11-2026" / "25 Nov 2026".
    public static func shortDate(_ d: Date) -> Word {
        let p = parts(d)
        return .shortDate(day: p.day!, month: p.month!, year: p.year!)
    }

    /// "2026-11-25".
    public static func isoDay(_ d: Date) -> String {
        let p = parts(d)
        return four(p.year!) + "-" + two(p.month!) + "-" + two(p.day!)
    }

    /// The offset from UTC in Borne at `d`, in seconds.
    public static func offset(at d: Date) -> Int { calendar.timeZone.secondsFromGMT(for: d) }

    /// The offset from UTC in Borne at `d`, and the moment it next changes (infinity if never):
    /// so a long run of times is written with one look-up per change of the clock.
    public static func offsetSpan(at d: Date) -> (offset: Int, until: Double) {
        let zone = calendar.timeZone
        return (zone.secondsFromGMT(for: d), zone.nextDaylightSavingTimeTransition(after: d)?.timeIntervalSince1970 ?? .infinity)
    }

    /// "19:30".
    public static func time(_ d: Date) -> String {
        // Through the zone's offset rather than `dateComponents` (a fifth of printing a year of
        // the agenda); `LocalTimeTests` compares the two.
        let local = Int((d.timeIntervalSince1970 + Double(calendar.timeZone.secondsFromGMT(for: d))).rounded(.down))
        let seconds = ((local % 86_400) + 86_400) % 86_400
        return two(seconds / 3600) + ":" + two(seconds % 3600 / 60)
    }

    /// "woensdag 25 november" / "Wednesday 25 November".
    public static func dayName(_ d: Date) -> Word {
        let p = parts(d)
        return .dayAndMonth(weekday: p.weekday!, day: p.day!, month: p.month!)
    }

    /// "woensdag 25 november 2026".
    public static func dayNameWithYear(_ d: Date) -> Word {
        let p = parts(d)
        return .dayMonthAndYear(weekday: p.weekday!, day: p.day!, month: p.month!, year: p.year!)
    }

    /// "november 2026".
    public static func monthName(_ d: Date) -> Word {
        let p = parts(d)
        return .monthAndYear(month: p.month!, year: p.year!)
    }

    /// "20261125T183000Z" (iCalendar UTC).
    public static func icsUTC(_ d: Date) -> String {
        let p = parts(d, utc: true)
        return four(p.year!) + two(p.month!) + two(p.day!) + "T" + two(p.hour!) + two(p.minute!) + two(p.second!) + "Z"
    }

    /// "20261125T193000" (iCalendar local time, Europe/Amsterdam) or "20261125" for a date.
    public static func icsLocal(_ d: Date, dateOnly: Bool) -> String {
        let p = parts(d)
        let date = four(p.year!) + two(p.month!) + two(p.day!)
        return dateOnly ? date : date + "T" + two(p.hour!) + two(p.minute!) + two(p.second!)
    }
}
