import Foundation
import Testing
@testable import SociaalHusCore
import SociaalHusBench

/// `LocalTime`'s fast paths against the calendar they replace.
@Suite struct LocalTimeTests {
    @Test("the time of day through the zone's offset is the calendar's, across years and both changes of the clock")
    func timeAgreesWithCalendar() {
        var rng = SplitMix64(seed: 28)
        var dates: [Date] = []
        // Every quarter hour around the changes of 2026 (29 March, 25 October), and random moments.
        for base in [Date(timeIntervalSince1970: 1_774_742_400), Date(timeIntervalSince1970: 1_792_886_400)] {
            for k in -16...16 { dates.append(base.addingTimeInterval(Double(k) * 900)) }
        }
        for _ in 0..<2_000 { dates.append(Date(timeIntervalSince1970: Double(rng.next() % 4_000_000_000) - 1_000_000_000 + Double(rng.next() % 1000) / 1000)) }
        for d in dates {
            let p = LocalTime.calendar.dateComponents([.hour, .minute], from: d)
            #expect(LocalTime.time(d) == LocalTime.two(p.hour!) + ":" + LocalTime.two(p.minute!), "\(d)")
        }
    }

    @Test("weeks are numbered and start as in the Netherlands (ISO 8601), every day of forty years, without the nl_NL locale")
    func isoWeeks() {
        let ours = amsterdamCalendar()
        var iso = Calendar(identifier: .iso8601)
        iso.timeZone = amsterdam
        var d = Date(timeIntervalSince1970: 946_728_000)  // 1 January 2000, noon
        var wrong: [Date] = []
        for _ in 0..<(40 * 366) {
            if ours.component(.weekOfYear, from: d) != iso.component(.weekOfYear, from: d)
                || ours.dateInterval(of: .weekOfYear, for: d) != iso.dateInterval(of: .weekOfYear, for: d) { wrong.append(d) }
            d.addTimeInterval(86_400)
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(3))")
        #expect(ours.component(.weekOfYear, from: Date(timeIntervalSince1970: 1_767_268_800)) == 1, "Thursday 1 January 2026 is in week 1")
    }
}
