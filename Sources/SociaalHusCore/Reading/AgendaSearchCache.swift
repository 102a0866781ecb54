import Foundation

/// What a search typed letter by letter keeps between keys: the occurrence rows of its window
/// and filters (without the search) and the folded text of their activities, read once; each key
/// then filters them in memory. Reading them again per key took 20 ms at Borne's size (every
/// prefix of "Activiteit" matches all 10,000 activities), and seconds with a hundred terminals
/// typing at once. Kept for one window and filters, and only while the activities,
/// the accounts (who is blocked) and the settings are unchanged as this process knows them
/// (their change counters, moved by every change made here and by every change of another
/// process read in): the next search in the same weeks starts from them too.
///
/// Kept compact (the interface's memory target after a search at ten times Borne):
/// the texts are one byte buffer, not a string per activity in a dictionary, and a row names
/// its activity by position in it (the interface after a search every activity matches, at ten
/// times Borne: 43 MB, was 64).
final class AgendaSearchCache: @unchecked Sendable {
    /// One occurrence row: enough to order, count and page it, and its activity's text.
    struct Slot: Sendable {
        var starts: Double
        var item: Int
        var day: Int32
        /// Index of the activity's text in `Rows.ids` / `Rows.ends`.
        var text: Int32
    }

    /// The rows of one window and the folded texts of their activities.
    struct Rows: Sendable {
        var slots: [Slot] = []
        /// The activities, by id ascending, and where each one's text ends in `bytes`.
        var ids: [Int] = []
        var ends: [Int32] = []
        var bytes: [UInt8] = []

        /// Which activities' texts contain `needle` (folded), by position in `ids`.
        func matching(_ needle: String) -> [Bool] {
            var out = [Bool](repeating: false, count: ids.count)
            let n = Array(needle.utf8)
            bytes.withUnsafeBytes { all in
                var start = 0
                for k in 0..<ids.count {
                    let end = Int(ends[k])
                    out[k] = AgendaSearch.contains(UnsafeRawBufferPointer(rebasing: all[start..<end]), n)
                    start = end
                }
            }
            return out
        }
    }

    private let lock = NSLock()
    private var key: String?
    private var rows = Rows()

    /// The rows for `key`, read by `load` when not kept.
    func rows(for key: String, load: () throws -> Rows) rethrows -> Rows {
        try lock.withLock {
            if self.key == key { return rows }
            // (The old rows go first: two windows' worth at once was the peak.)
            rows = Rows()
            self.key = nil
            rows = try load()
            self.key = key
            return rows
        }
    }
}

extension Array where Element == Int {
    /// The index of `value` in this ascending array, if it is there.
    func binarySearch(_ value: Int) -> Int? {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if self[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low < count && self[low] == value ? low : nil
    }
}
