import Foundation
@_spi(Bench) import SociaalHusCore
import SociaalHusDemo

/// A deterministic synthetic store at Borne scale, for the benchmark.
///
/// Scale 1: 25,000 accounts with profiles, 400 organisations, 10,000 agenda items, 10,000 posts,
/// 20,000 contact messages. Every account shares one precomputed yescrypt hash, because hashing
/// 25,000 passwords would take half an hour and is not what is being measured.
public enum SyntheticStore {
    /// Record counts at a scale.
    public struct Size: Sendable {
        /// How many of each.
        public var accounts, organisations, agenda, posts, messages: Int

        /// These counts (each at least 1).
        public init(accounts: Int, organisations: Int, agenda: Int, posts: Int, messages: Int) {
            (self.accounts, self.organisations, self.agenda, self.posts, self.messages) = (accounts, organisations, agenda, posts, messages)
        }

        /// The counts at `scale` times Borne.
        public init(scale: Int) {
            accounts = 25_000 * scale
            organisations = 400 * scale
            agenda = 10_000 * scale
            posts = 10_000 * scale
            messages = 20_000 * scale
        }
    }

    /// The name of the first wijk of a synthetic store (the one the benchmark's agenda asks for).
    public static var firstWijkName: String { DemoData.wijken[0] }

    /// Builds the store at `path` (which must not exist) at `scale` times Borne and returns its
    /// size. `deskStaff` adds a desk staff member for each number (see `LoadStore.deskEmail`),
    /// with the same hash.
    @discardableResult
    public static func build(at path: String, scale: Int, now: Date, hash: String, deskStaff: [Int] = []) throws -> Size {
        try build(at: path, size: Size(scale: scale), seed: UInt64(scale), now: now, hash: hash, deskStaff: deskStaff)
    }

    /// Builds the store at `path` with the counts of `size`, its random choices from `seed`.
    @discardableResult
    public static func build(at path: String, size: Size, seed rngSeed: UInt64, now: Date, hash: String, deskStaff: [Int] = []) throws -> Size {
        let store = try Store.create(at: path, wijken: DemoData.wijken, clock: FixedClock(now))
        let wijken = store.settings.wijken.map(\.id)
        var rng = SplitMix64(seed: rngSeed)
        let categories = ["wonen", "zorg en ondersteuning", "geldzaken", "ontmoeting en eenzaamheid", "sport en bewegen", "cultuur"]
        var seed = StoreSeed()
        for i in 1...size.organisations {
            seed.organisations.append(Organisation(id: OrganisationID(i), name: "Organisatie \(i)", description: "Synthetische organisatie \(i) voor de benchmark.",
                                                   categories: [categories[i % categories.count]], wijken: [wijken[i % wijken.count]],
                                                   address: "Marktstraat \(i), 7622 CP Borne", phone: "074-\(1_000_000 + i)",
                                                   email: "info\(i)@org.example", website: "https://org\(i).example", openingHours: "ma-vr 9-17"))
        }
        for i in 1...size.accounts {
            let vis = ProfileVisibility.allCases[Int(rng.next() % 3)]
            seed.accounts.append(Account(id: AccountID(i), email: "bewoner\(i)@example.nl", name: "Bewoner \(i)", passwordHash: hash, created: now,
                                         profile: Profile(displayName: "Bewoner \(i)", wijk: wijken[i % wijken.count], visibility: vis,
                                                          interests: [categories[i % categories.count]],
                                                          email: EmailPreferences(visitorMessages: i % 2 == 0, newsletters: i % 3 == 0))))
        }
        for k in deskStaff {
            let id = AccountID(seed.accounts.count + 1)
            seed.accounts.append(Account(id: id, email: LoadStore.deskEmail(k), name: "Baliemedewerker \(k)", passwordHash: hash,
                                         roles: Roles(resident: false, deskStaff: true), created: now,
                                         profile: Profile(displayName: "Baliemedewerker \(k)", wijk: wijken[0])))
        }
        for i in 1...size.agenda {
            let start = now.addingTimeInterval(Double(rng.next() % (8 * 7 * 86_400)) + 3600)
            let rec: Recurrence = i % 10 == 0 ? Recurrence(.weekly, until: start.addingTimeInterval(90 * 86_400))
                : i % 25 == 0 ? Recurrence(.monthly) : .none
            seed.agenda.append(AgendaItem(id: AgendaItemID(i), title: "Activiteit \(i)", description: "Beschrijving van activiteit \(i).", start: start,
                                          end: start.addingTimeInterval(7200), location: "Buurthuis \(i % 40)",
                                          wijk: i % 9 == 0 ? nil : wijken[i % wijken.count],
                                          organisation: OrganisationID(1 + i % size.organisations), category: categories[i % categories.count],
                                          cost: "gratis", signup: "vrije inloop", recurrence: rec))
            // Every fifth activity takes sign-ups: twenty places, three taken on its first day.
            if i % 5 == 0 {
                seed.signUpOptions.append((AgendaItemID(i), SignUpOptions(places: 20, waitingList: true)))
                for k in 0..<3 { seed.signUps.append((AgendaItemID(i), start, AccountID(1 + (i * 7 + k) % size.accounts))) }
            }
        }
        for i in 1...size.posts {
            let author = AccountID(1 + Int(rng.next() % UInt64(size.accounts)))
            seed.posts.append(Post(id: PostID(i), kind: Post.Kind.allCases[i % 3], title: "Bericht \(i)", body: "Tekst van bericht \(i) op het prikbord.",
                                   wijk: wijken[author.rawValue % wijken.count], author: .resident(author), created: now,
                                   expires: now.addingTimeInterval(30 * 86_400)))
        }
        for i in 1...size.messages {
            let to = AccountID(1 + Int(rng.next() % UInt64(size.accounts)))
            seed.messages.append(ContactMessage(id: MessageID(i), senderName: "Afzender \(i)", senderEmail: "afzender\(i)@example.nl",
                                                senderAccount: i % 2 == 0 ? AccountID(1 + Int(rng.next() % UInt64(size.accounts))) : nil,
                                                recipient: .resident(to), text: "Hallo, ik reageer op je bericht (\(i)).", sent: now))
        }
        try store.seed(seed)
        return size
    }
}

/// A small deterministic random generator (SplitMix64), so the synthetic store is the same every run.
public struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    /// Starts from `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next number.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
