import Foundation

/// What the load test (`sociaalhus bench --sessions N`) needs of the core besides the app: desk
/// staff to record intakes, and a look at the whole store afterwards for every change a session
/// was told was saved.
public enum LoadStore {
    /// The login of desk staff member `k` added by `addDeskStaff`.
    public static func deskEmail(_ k: Int) -> String { "balie\(k)@example.nl" }

    /// Adds desk staff `ks` to the synthetic store at `path`, sharing its accounts' password hash.
    public static func addDeskStaff(_ ks: [Int], at path: String, hash: String, now: Date) throws {
        guard !ks.isEmpty else { return }
        let store = try Store.open(at: path, clock: FixedClock(now))
        let wijk = store.state.settings.wijken[0].id
        try store.update { tx in
            for k in ks {
                let id: AccountID = tx.nextID(.accounts)
                tx.put(Account(id: id, email: deskEmail(k), name: "Baliemedewerker \(k)", passwordHash: hash,
                               roles: Roles(resident: false, deskStaff: true), created: now, profile: Profile(displayName: "Baliemedewerker \(k)", wijk: wijk)))
            }
        }
    }

    /// Of the posts (titles), contact messages (texts) and intakes (questions) sessions were told
    /// were saved, those the store does not hold.
    public static func missing(posts: [String], messages: [String], intakes: [String], at path: String) throws -> [String] {
        let s = try Store.open(at: path).state
        let titles = Set(s.posts.all.map(\.title)), texts = Set(s.messages.all.map(\.text)), questions = Set(s.intakes.all.map(\.question))
        return posts.filter { !titles.contains($0) } + messages.filter { !texts.contains($0) } + intakes.filter { !questions.contains($0) }
    }
}
