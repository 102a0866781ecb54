import Testing
@testable import SociaalHusCore
import SociaalHusBench

/// The pages a listing keeps: every row as the source has it, and never more than 16 pages held.
@Suite struct PagesTests {
    @Test("random reads through a long listing give the source's rows, keep at most 16 pages, and read a kept page no twice",
          arguments: [1, 2, 3, 4, 5])
    func boundedAndRight(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let count = 10_000
        let pages = Pages<Int>()
        var reads = 0
        var position = Int(rng.next() % UInt64(count))
        for _ in 0..<5_000 {
            // Mostly a person's moves (a row, a page), now and then a jump (End, a new search).
            switch rng.next() % 10 {
            case 0: position = Int(rng.next() % UInt64(count))
            case 1...3: position += Int(rng.next() % 129) - 64
            default: position += Int(rng.next() % 3) - 1
            }
            position = min(max(position, 0), count - 1)
            let got = pages.element(at: position, count: count) { range in
                reads += 1
                return range.map { $0 * 7 }
            }
            #expect(got == position * 7)
            #expect(pages.keptPages <= 16)
        }
        #expect(reads < 5_000, "kept pages are read again (\(reads) reads)")
        #expect(pages.element(at: count, count: count) { _ in [] } == nil)
    }
}
