import Foundation

/// The agenda of one window as a viewer may see it, read a page at a time: how many
/// occurrences there are, how many fall on each day, and the occurrences of the rows on screen
/// (the first frame decodes the activities it shows, not those of eight weeks).
public final class AgendaListing: @unchecked Sendable {
    /// One day with occurrences.
    public struct Day: Sendable, Equatable {
        /// A moment inside that day (noon, Amsterdam time), to write its heading from.
        public var date: Date
        /// The day's number since 1970 in Amsterdam.
        public var number: Int
        /// How many occurrences start that day (or, the first day, run into it).
        public var count: Int
    }

    /// A listing without occurrences.
    public static let empty = AgendaListing([])

    /// Number of occurrences.
    public let count: Int
    /// The days that have occurrences, in order.
    public let days: [Day]
    private let fetch: (Range<Int>) -> [Occurrence?]
    private let stream: ((Occurrence?) -> Void) -> Void
    private let pages = Pages<Occurrence>()

    /// `fetch` reads a range of occurrences; `stream` reads them all in order, one by one.
    init(count: Int, days: [Day], fetch: @escaping (Range<Int>) -> [Occurrence?], stream: (((Occurrence?) -> Void) -> Void)? = nil) {
        self.count = count
        self.days = days
        self.fetch = fetch
        self.stream = stream ?? { body in for o in fetch(0..<count) { body(o) } }
    }

    /// A listing of occurrences already expanded (a search, or a window outside the rows laid down).
    convenience init(_ all: [Occurrence]) {
        let zone = LocalTime.calendar.timeZone
        var days: [Day] = []
        for o in all {
            let n = RecurrenceExpansion.localDay(o.start, zone)
            if days.last?.number == n { days[days.count - 1].count += 1 } else { days.append(Day(date: Self.noon(of: n), number: n, count: 1)) }
        }
        self.init(count: all.count, days: days) { range in range.map { all[$0] } }
    }

    /// Noon of day number `n` in Amsterdam.
    static func noon(of n: Int) -> Date {
        let utcNoon = Date(timeIntervalSince1970: Double(n) * 86_400 + 43_200)
        return utcNoon.addingTimeInterval(-Double(LocalTime.calendar.timeZone.secondsFromGMT(for: utcNoon)))
    }

    /// The occurrence at `index` (nil outside the listing, or when it changed meanwhile).
    public func occurrence(at index: Int) -> Occurrence? { pages.element(at: index, count: count, fetch: fetch) }

    /// Every occurrence, in order.
    public var all: [Occurrence] { fetch(0..<count).compactMap { $0 } }

    /// Every occurrence in order, read as they come and not kept (for a command that prints a
    /// year of them: its memory stays that of one occurrence).
    public func forEach(_ body: (Occurrence) -> Void) {
        withoutActuallyEscaping(body) { body in stream { if let o = $0 { body(o) } } }
    }
}
