import Foundation

/// Which organisations fit a conversation, to offer first when the desk passes it on: those
/// working on its subject (any subject for "overig"), in the person's wijk (an organisation
/// naming no wijk works everywhere; a person without a wijk fits every organisation). The
/// desk may still choose any organisation; this only orders the work.
public enum ReferralMatch {
    /// True when `organisation` fits `intake`.
    public static func fits(_ organisation: Organisation, _ intake: Intake) -> Bool {
        if intake.category != .overig, !organisation.categories.contains(intake.category.rawValue) { return false }
        if let w = intake.person.wijk, !organisation.wijken.isEmpty, !organisation.wijken.contains(w) { return false }
        return true
    }

    /// True when `search` (lowercased, empty: everything) is in the name or one of the categories.
    public static func found(_ organisation: Organisation, _ search: String) -> Bool {
        let q = search.lowercased()
        return q.isEmpty || organisation.name.lowercased().contains(q) || organisation.categories.contains { $0.lowercased().contains(q) }
    }
}

extension Store {
    /// The organisations `viewer` may pass `intake` on to, by name: only those that fit it
    /// (`ReferralMatch.fits`) unless `all`, and only those `search` finds.
    public func referralCandidates(for intake: Intake, all: Bool = false, search: String = "", by viewer: Viewer) -> [Organisation] {
        organisations(for: viewer)
            .filter { (all || ReferralMatch.fits($0, intake)) && ReferralMatch.found($0, search) }
            .sorted { $0.name.lowercased() < $1.name.lowercased() }
    }
}
