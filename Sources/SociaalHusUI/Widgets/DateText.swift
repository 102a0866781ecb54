import Foundation
import SociaalHusCore

/// Dates and times as people in Borne read them (in the app: the core's calendar and words).
public enum DateText {
    /// "woensdag 25 november" / "Wednesday 25 November".
    public static func day(_ date: Date, _ ctx: UIContext) -> String { ctx.t(LocalTime.dayName(date)) }

    /// The short date of the language: "25-11-2026" / "25 Nov 2026".
    public static func short(_ date: Date, _ ctx: UIContext) -> String { ctx.t(LocalTime.shortDate(date)) }

    /// "19:30".
    public static func time(_ date: Date) -> String { LocalTime.time(date) }

    /// "19:30–21:00" or "hele dag".
    public static func timeRange(_ o: Occurrence, _ ctx: UIContext) -> String {
        if o.item.allDay { return ctx.t(.allDay) }
        return time(o.start) + (o.end.map { "–" + time($0) } ?? "")
    }

    /// "wo 25-11 19:30".
    public static func dayAndTime(_ o: Occurrence, _ ctx: UIContext) -> String {
        short(o.start, ctx) + " " + timeRange(o, ctx)
    }
}
