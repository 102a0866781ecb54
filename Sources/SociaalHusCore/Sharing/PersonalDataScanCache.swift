import Foundation

/// The personal-data scan of the shared feeds, built once and kept while what it reads from is
/// unchanged: building it reads every account, intake and contact message (0.6–1.2 s at Borne's
/// size in a debug build), and the agenda editor's check runs it at every save, the partner's
/// screen once per wijk.
///
/// Kept only for one key: the change counters of the collections the scan reads
/// (`PersonalDataScan.sources`) as this process knows them, moved by every change made here
/// and by every change of another process read in. A change to any of them also lets go of the
/// scan at once (`Store.forgetPersonalDataScan`), so an erased person's name and address stay
/// in no scan kept in memory until the next check.
final class PersonalDataScanCache: @unchecked Sendable {
    private let lock = NSLock()
    private var key: String?
    private var scan: PersonalDataScan?
    private var built = 0

    /// The scan for `key`, built by `build` when not kept.
    func scan(for key: String, build: () -> PersonalDataScan) -> PersonalDataScan {
        lock.withLock {
            if self.key == key, let scan { return scan }
            // (The old scan goes first: two at once would double the peak.)
            scan = nil
            self.key = nil
            let new = build()
            built += 1
            scan = new
            self.key = key
            return new
        }
    }

    /// Lets go of the scan kept, if any.
    func forget() {
        lock.withLock {
            scan = nil
            key = nil
        }
    }

    /// True while a scan is kept (for tests: an erasure must leave none).
    var holdsScan: Bool { lock.withLock { scan != nil } }

    /// How many scans were built (for tests: a change the scan does not read keeps it).
    var builds: Int { lock.withLock { built } }
}

extension Store {
    /// The scan of the personal data in the store as this process last read it, built again
    /// only when a collection it reads from changed since it was built.
    func personalDataScan() -> PersonalDataScan {
        let s = state
        let key = PersonalDataScan.sources.map { String(seenVersion($0)) }.joined(separator: ":")
        return personalDataScans.scan(for: key) { PersonalDataScan(s) }
    }

    /// Lets go of the kept scan when `changed` holds a collection it reads from.
    func forgetPersonalDataScan(ifChanged changed: some Sequence<CollectionName>) {
        if changed.contains(where: PersonalDataScan.sources.contains) { personalDataScans.forget() }
    }
}
