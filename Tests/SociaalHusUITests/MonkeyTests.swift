import Foundation
import Testing
@testable import SociaalHusCore
import SociaalHusBench
import SociaalHusDemo
@testable import SociaalHusUI
import TerminalKit

/// A seeded monkey: random keys and window sizes through the real run loop (`AppRunner`) on a
/// headless terminal, for every role. After every key: no crash, the cursor inside the window
/// and inside the content when a screen is shown, nothing acting while the window is too small,
/// and the store passing `check` whenever a key changed it.
///
/// Replay a failure with `SOCIAALHUS_MONKEY_SEED=<seed> swift test --filter MonkeyTests`; set
/// `SOCIAALHUS_MONKEY_KEYS` for a longer run. A crash found this way becomes a named case below.
@Suite struct MonkeyTests {
    /// The roles and the demo account that has each (nil: a visitor).
    static let roles: [(role: String, account: String?)] = [
        ("visitor", nil), ("resident", "anna"), ("editor", "kees"), ("desk", "lotte"),
        ("partner", "sanne"), ("administrator", "bram"),
    ]

    /// Keys a person at the terminal might press, weighted towards what moves around.
    static let shortcuts: [Character] = Array("jkneurdmbpgtlxhazvwf/?q 1234567JNYy")
    static let typed: [Character] = ["a", "Z", "é", "e", "\u{301}", "日", "👍", "👨", "\u{200D}", "👩", "✌", "\u{FE0F}", "🇳", "🇱", "@", ".", "-", "0", "\u{1B}", "\u{9B}"]

    static func randomKey(_ rng: inout SplitMix64) -> Key {
        switch Int.random(in: 0..<1000, using: &rng) {
        case 0..<300: return .char(shortcuts.randomElement(using: &rng)!)
        case 300..<450: return .char(typed.randomElement(using: &rng)!)
        case 450..<570: return .enter
        case 570..<650: return .escape
        case 650..<710: return .tab
        case 710..<730: return .backTab
        case 730..<850: return [.up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .backspace, .delete].randomElement(using: &rng)!
        case 850..<960: return .ctrl(Array("sprukwae").randomElement(using: &rng)!)
        case 960..<998: return .resize
        default: return .ctrl("c")
        }
    }

    static func randomSize(_ rng: inout SplitMix64) -> Size {
        // Mostly sizes where the screens work, sometimes any size from 20×5 to 200×60, and now and
        // then one a hostile client announces (up to 65535×65535, beyond the largest served).
        let roll = Int.random(in: 0..<20, using: &rng)
        if roll == 0 {
            return Size(cols: Int.random(in: 1...65535, using: &rng), rows: Int.random(in: 1...65535, using: &rng))
        }
        if roll < 14 {
            return Size(cols: Int.random(in: 60...200, using: &rng), rows: Int.random(in: 20...60, using: &rng))
        }
        return Size(cols: Int.random(in: 20...200, using: &rng), rows: Int.random(in: 5...60, using: &rng))
    }

    static var keysPerRole: Int {
        Int(ProcessInfo.processInfo.environment["SOCIAALHUS_MONKEY_KEYS"] ?? "") ?? 17_000
    }

    static func seed(for role: String) -> UInt64 {
        if let s = ProcessInfo.processInfo.environment["SOCIAALHUS_MONKEY_SEED"], let v = UInt64(s) { return v }
        // Fixed per role (String.hashValue differs per process): the same run every time.
        return role.unicodeScalars.reduce(UInt64(20_261_128)) { $0 &* 31 &+ UInt64($1.value) }
    }

    @Test("random keys and window sizes never break the interface", arguments: roles.map(\.role))
    func monkey(role: String) throws {
        let seed = Self.seed(for: role)
        let count = Self.keysPerRole
        // Printed first, so even a crash of the whole test process leaves the seed to replay.
        FileHandle.standardError.write("monkey \(role): seed \(seed), \(count) keys\n".data(using: .utf8)!)
        try Self.run(role: role, seed: seed, keys: count)
    }

    /// Drives one app for `keys` random keys from `seed`.
    static func run(role: String, seed: UInt64, keys: Int) throws {
        var rng = SplitMix64(seed: seed)
        let store = UIFixture.freshStore()
        defer { try? FileManager.default.removeItem(atPath: store.path) }
        let account = roles.first { $0.role == role }?.account
        func start() -> AppRunner {
            let terminal = HeadlessTerminal(size: .standard)
            let app = App(context: UIContext(store: store, language: Bool.random(using: &rng) ? .dutch : .english,
                                             exportDirectory: store.path + "/exports"), idleTimeout: 600)
            if let account { logIn(app, UIFixture.account(account)) }
            return AppRunner(app: app, terminal: terminal)
        }
        var runner = start()
        // Every change raises the store's generation: then the whole store is checked.
        var lastGeneration = store.state.manifest.generation
        for step in 0..<keys {
            let terminal = runner.terminal as! HeadlessTerminal
            var key = randomKey(&rng)
            if key == .resize { terminal.size = randomSize(&rng) }
            if key == .ctrl("c") && Int.random(in: 0..<5, using: &rng) > 0 { key = .escape }
            let app = runner.app
            let before = (tab: app.tab, screen: ObjectIdentifier(app.current), modal: app.hasModal, session: app.ctx.session)
            terminal.keys = [key]
            // The frame drawn in this step is the one the key is pressed on.
            runner.step(timeoutMilliseconds: 0)
            let where_ = "role \(role), seed \(seed), step \(step), key \(key), size \(terminal.size.cols)×\(terminal.size.rows)"
            if let g = terminal.last {
                check(g, app: app, where_)
                if app.isWindowUnusable && key != .resize && key != .ctrl("c") {
                    #expect(app.tab == before.tab && ObjectIdentifier(app.current) == before.screen && app.hasModal == before.modal
                            && app.ctx.session == before.session && app.running, "a key acted on a window too small to show it (\(where_))")
                }
            }
            let now = store.state.manifest.generation
            if now != lastGeneration {
                let report = StoreCheck.run(at: store.path)
                #expect(report.isSound, "store unsound after a key (\(where_)): \(report.problems)")
                if !report.isSound { return }
                lastGeneration = now
            }
            if !app.running { runner = start() }
        }
        // The last frame too.
        let g = runner.app.render(size: runner.terminal.size)
        check(g, app: runner.app, "role \(role), seed \(seed), end")
        #expect(StoreCheck.run(at: store.path).isSound)
    }

    /// The cursor is inside the window, and on a screen (no dialog) inside the content rows.
    static func check(_ g: Grid, app: App, _ where_: String) {
        #expect(g.size.cols <= Size.largest.cols && g.size.rows <= Size.largest.rows, "a frame beyond the largest size served (\(where_))")
        guard let c = g.cursor else { Issue.record("no cursor (\(where_))"); return }
        #expect(c.x >= 0 && c.x < g.size.cols && c.y >= 0 && c.y < g.size.rows, "cursor outside the window (\(where_))")
        if !app.isWindowUnusable && !app.hasModal {
            #expect(c.y >= 1 && c.y < g.size.rows - 1, "cursor on the top or status bar, not on a focused element (\(where_))")
        }
    }

    /// Logs in through the login screen, as a person would.
    static func logIn(_ app: App, _ a: DemoAccount) {
        app.render(size: .standard)
        app.handle(.char("4"))
        for c in a.email { app.handle(.char(c)) }
        app.handle(.tab)
        for c in a.password { app.handle(.char(c)) }
        app.handle(.enter)
        #expect(app.ctx.session != nil, "demo login for \(a.email) failed")
    }

    // Named regressions: key sequences that once broke the interface.

    @Test("regression: at 40×10 '1 j Enter' opens nothing and 'q' asks nothing") func tooSmall() {
        let d = Driver(size: Size(cols: 40, rows: 10))
        _ = d.grid
        let screen = ObjectIdentifier(d.app.current)
        d.press(.char("1"), .char("j"), .enter, .char("q"))
        #expect(ObjectIdentifier(d.app.current) == screen)
        #expect(!d.app.hasModal)
        #expect(d.screen.contains("Venster te klein"))
        d.size = .standard
        _ = d.grid
        d.press(.char("q"))
        #expect(d.app.hasModal, "once the window is big enough, keys act again")
    }
}
