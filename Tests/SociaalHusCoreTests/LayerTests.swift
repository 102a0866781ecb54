import Foundation
import Testing
@_spi(Bench) @testable import SociaalHusCore
import SociaalHusBench
import SociaalHusDemo

/// What ships in the `SociaalHusCore` library: the rules and the store, not the demo content nor
/// the benchmark (their own targets, `SociaalHusDemo` and `SociaalHusBench`), and a store filled
/// around the rules only through the `Bench` SPI, only when it is empty.
@Suite struct LayerTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every Swift file under `Sources/<target>`, with its text.
    static func sources(_ target: String) -> [(path: String, text: String)] {
        let folder = root.appendingPathComponent("Sources/" + target)
        let files = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        return files.compactMap { f in (try? String(contentsOf: folder.appendingPathComponent(f), encoding: .utf8)).map { (f, $0) } }
    }

    @Test("the core library declares no demo content and no benchmark", arguments: [
        "enum DemoData", "struct DemoAccount", "enum SyntheticStore", "enum LoadStore", "struct SplitMix64",
    ])
    func coreHoldsNoDemoNorBench(declaration: String) {
        let core = Self.sources("SociaalHusCore")
        #expect(!core.isEmpty)
        let found = core.filter { $0.text.contains(declaration) }.map(\.path)
        #expect(found.isEmpty, "\(declaration) in the core: \(found)")
    }

    @Test("the core library names the demo and benchmark targets nowhere") func coreImportsNeither() {
        for (path, text) in Self.sources("SociaalHusCore") {
            #expect(!text.contains("import SociaalHusDemo") && !text.contains("import SociaalHusBench"), "\(path)")
        }
    }

    /// A store made for the test, removed afterwards.
    static func withStore(_ body: (Store) throws -> Void) throws {
        let path = NSTemporaryDirectory() + "sociaalhus-layer-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: path) }
        try body(try Store.create(at: path, wijken: DemoData.wijken, clock: FixedClock(Date(timeIntervalSince1970: 1_790_000_000))))
    }

    @Test("a seed goes into an empty store with its ids; the store hands out the next ones") func seedsAnEmptyStore() throws {
        try Self.withStore { store in
            let wijk = store.settings.wijken[0].id
            var seed = StoreSeed()
            for i in 1...3 {
                seed.accounts.append(Account(id: AccountID(i), email: "s\(i)@example.nl", name: "S \(i)", passwordHash: "x",
                                             created: Date(timeIntervalSince1970: 0), profile: Profile(displayName: "S \(i)", wijk: wijk)))
            }
            try store.seed(seed)
            #expect(store.ownAccount(AccountID(3))?.email == "s3@example.nl")
            #expect(store.state.manifest.lastIDs[.accounts] == 3)
            #expect(StoreCheck.run(at: store.path).isSound)
        }
    }

    @Test("a seed is refused on a store that holds records, and with ids out of order") func seedRefusals() throws {
        try Self.withStore { store in
            let wijk = store.settings.wijken[0].id
            func account(_ id: Int) -> Account {
                Account(id: AccountID(id), email: "s\(id)@example.nl", name: "S", passwordHash: "x", created: Date(timeIntervalSince1970: 0),
                        profile: Profile(displayName: "S", wijk: wijk))
            }
            var gap = StoreSeed()
            gap.accounts = [account(2)]
            #expect(throws: StoreSeed.Problem.idOutOfOrder("accounts", expected: 1, given: 2)) { try store.seed(gap) }
            #expect(store.ownAccount(AccountID(2)) == nil, "nothing written")
            var one = StoreSeed()
            one.accounts = [account(1)]
            try store.seed(one)
            var again = StoreSeed()
            again.accounts = [account(2)]
            #expect(throws: StoreSeed.Problem.storeNotEmpty) { try store.seed(again) }
        }
    }

    @Test("a small synthetic store: its counts, desk staff after the residents, and what the load test finds in it") func syntheticStore() throws {
        let path = NSTemporaryDirectory() + "sociaalhus-synthetic-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: path) }
        let size = try SyntheticStore.build(at: path, size: .init(accounts: 30, organisations: 4, agenda: 20, posts: 10, messages: 15), seed: 1,
                                            now: Date(timeIntervalSince1970: 1_790_000_000), hash: "x", deskStaff: [2, 5])
        let store = try Store.open(at: path)
        #expect(store.state.accounts.all.count == size.accounts + 2)
        #expect(store.ownAccount(AccountID(size.accounts + 2))?.email == LoadStore.deskEmail(5))
        #expect(store.ownAccount(AccountID(size.accounts + 2))?.roles.deskStaff == true)
        #expect(store.state.posts.all.count == size.posts && store.state.messages.all.count == size.messages)
        #expect(StoreCheck.run(at: path).isSound)
        #expect(try LoadStore.missing(posts: ["Bericht 1", "geen"], messages: [], intakes: [], at: path) == ["geen"])
    }
}
