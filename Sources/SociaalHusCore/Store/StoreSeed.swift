import Foundation

/// Records for a store that only a benchmark or a load test uses: a synthetic Borne whose
/// 25,000 accounts share one password hash. Through `register` every account would be hashed
/// on its own (half an hour), and what is measured is the store at that size, not hashing.
///
/// This is the `Bench` SPI: a module sees it only with `@_spi(Bench) import SociaalHusCore`,
/// so no screen or command for people can fill a store around the rules.
@_spi(Bench) public struct StoreSeed: Sendable {
    /// Accounts, with ids 1, 2, … in order.
    public var accounts: [Account] = []
    /// Organisations, with ids 1, 2, … in order.
    public var organisations: [Organisation] = []
    /// Agenda items, with ids 1, 2, … in order.
    public var agenda: [AgendaItem] = []
    /// Posts, with ids 1, 2, … in order.
    public var posts: [Post] = []
    /// Contact messages, with ids 1, 2, … in order.
    public var messages: [ContactMessage] = []
    /// Activities that take sign-ups, with their places and waiting list.
    public var signUpOptions: [(activity: AgendaItemID, options: SignUpOptions)] = []
    /// Places taken: an account signed up for one occurrence of an activity.
    public var signUps: [(activity: AgendaItemID, occurrence: Date, account: AccountID)] = []

    /// An empty seed.
    public init() {}

    /// Why a seed was refused (for the benchmark's operator, so in English only).
    public enum Problem: Error, Equatable {
        /// The store already holds records.
        case storeNotEmpty
        /// A record's id is not the next one of its collection.
        case idOutOfOrder(String, expected: Int, given: Int)
    }
}

extension Store {
    /// Writes `seed` into this store in one change, asking no rule. Refused on a store that
    /// holds any account or record already, so nobody's data is ever changed this way; refused
    /// too when a record's id is not the next one of its collection (the records refer to each
    /// other by these ids, and the store hands out the ones after them).
    @_spi(Bench) public func seed(_ seed: StoreSeed) throws {
        try update { tx in
            let s = tx.state
            guard s.accounts.all.isEmpty, s.organisations.all.isEmpty, s.agenda.all.isEmpty, s.posts.all.isEmpty, s.messages.all.isEmpty else {
                throw StoreSeed.Problem.storeNotEmpty
            }
            func next<E>(_ collection: CollectionName, _ id: ID<E>, _ tx: inout Transaction) throws {
                let given: ID<E> = tx.nextID(collection)
                if given != id { throw StoreSeed.Problem.idOutOfOrder(collection.rawValue, expected: given.rawValue, given: id.rawValue) }
            }
            for r in seed.organisations { try next(.organisations, r.id, &tx); tx.put(r) }
            for r in seed.accounts { try next(.accounts, r.id, &tx); tx.put(r) }
            for r in seed.agenda { try next(.agenda, r.id, &tx); tx.put(r) }
            for r in seed.posts { try next(.posts, r.id, &tx); tx.put(r) }
            for r in seed.messages { try next(.messages, r.id, &tx); tx.put(r) }
            for (activity, options) in seed.signUpOptions { tx.statements.append(SignUpRows.putOptions(activity, options)) }
            for (k, r) in seed.signUps.enumerated() {
                tx.statements.append(SignUpRows.put(SignUp(id: k + 1, activity: r.activity, occurrence: r.occurrence, account: r.account, email: "", name: "",
                                                           state: .place, showEmail: false, showPhone: false, remindDays: 1, reminded: nil, created: tx.now)))
            }
        }
    }

    /// Every post title, contact message text and intake question in the store, as a load test
    /// compares them with what its sessions were told was saved. Read as the store holds them,
    /// asking no rule: like `seed`, only for a store of synthetic records.
    @_spi(Bench) public func seededTexts() -> (postTitles: Set<String>, messageTexts: Set<String>, intakeQuestions: Set<String>) {
        let s = state
        return (Set(s.posts.all.map(\.title)), Set(s.messages.all.map(\.text)), Set(s.intakes.all.map(\.question)))
    }
}
