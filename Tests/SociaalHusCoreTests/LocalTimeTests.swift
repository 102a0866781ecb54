import Foundation
import Testing
@testable import SociaalHusCore

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
}
