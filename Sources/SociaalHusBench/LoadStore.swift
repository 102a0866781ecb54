import Foundation
@_spi(Bench) import SociaalHusCore

/// What the load test (`sociaalhus bench --sessions N`) needs besides the app: the logins of
/// the desk staff `SyntheticStore.build` adds, and a look at the whole store afterwards for
/// every change a session was told was saved.
public enum LoadStore {
    /// The login of desk staff member `k` (see `SyntheticStore.build(deskStaff:)`).
    public static func deskEmail(_ k: Int) -> String { "balie\(k)@example.nl" }

    /// Of the posts (titles), contact messages (texts) and intakes (questions) sessions were told
    /// were saved, those the store does not hold.
    public static func missing(posts: [String], messages: [String], intakes: [String], at path: String) throws -> [String] {
        let held = try Store.open(at: path).seededTexts()
        return posts.filter { !held.postTitles.contains($0) } + messages.filter { !held.messageTexts.contains($0) }
            + intakes.filter { !held.intakeQuestions.contains($0) }
    }
}
