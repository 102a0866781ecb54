import Foundation

/// ISO 8601 with the Amsterdam offset ("2026-11-24T19:30:00+01:00"), for exports and JSON output.
public enum ISODate {
    /// Formats a moment in Europe/Amsterdam with its offset.
    public static func string(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.timeZone = amsterdam
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: date)
    }

    /// Parses a day "YYYY-MM-DD" as midnight in Amsterdam.
    public static func day(_ text: String) -> Date? {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...31).contains(d) else { return nil }
        let cal = amsterdamCalendar()
        let comps = DateComponents(year: y, month: m, day: d)
        guard let date = cal.date(from: comps), cal.component(.day, from: date) == d else { return nil }
        return date
    }

    /// A JSON encoder that writes dates this way, pretty and with sorted keys.
    public static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        e.dateEncodingStrategy = .custom { date, encoder in
            var c = encoder.singleValueContainer()
            try c.encode(ISODate.string(date))
        }
        return e
    }
}
