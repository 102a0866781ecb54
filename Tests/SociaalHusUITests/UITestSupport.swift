import Foundation
import Testing
@testable import SociaalHusCore
@testable import SociaalHusUI
import SociaalHusDemo
import TerminalKit

/// A fixed moment for every screen test: Tuesday 24 November 2026, 10:00 in Amsterdam.
let fixedNow: Date = amsterdamCalendar().date(from: DateComponents(year: 2026, month: 11, day: 24, hour: 10))!

/// Shared fixtures: the demo store is built once (yescrypt is slow) and copied for each test.
enum UIFixture {
    private static let template: (path: String, accounts: [DemoAccount]) = {
        let dir = NSTemporaryDirectory() + "sociaalhus-ui-template-" + UUID().uuidString
        let store = try! Store.create(at: dir, wijken: DemoData.wijken, clock: FixedClock(fixedNow))
        let accounts = try! DemoData.populate(store)
        return (dir, accounts)
    }()

    /// The demo accounts and their passwords.
    static var accounts: [DemoAccount] { template.accounts }

    /// A demo account by e-mail prefix ("anna", "henk", …).
    static func account(_ prefix: String) -> DemoAccount {
        accounts.first { $0.email.hasPrefix(prefix) }!
    }

    /// A fresh copy of the demo store, opened at the fixed moment.
    static func freshStore(clock: FixedClock = FixedClock(fixedNow)) -> Store {
        let dir = NSTemporaryDirectory() + "sociaalhus-ui-" + UUID().uuidString
        try! FileManager.default.copyItem(atPath: template.path, toPath: dir)
        return try! Store.open(at: dir, clock: clock)
    }
}

/// An app on a fresh demo store, driven by keys as a person would.
final class Driver {
    let app: App
    let store: Store
    var size: Size

    init(lang: Language = .dutch, size: Size = .standard, store: Store = UIFixture.freshStore(), idleTimeout: TimeInterval = 600,
         makeRoot: @escaping (Tab, UIContext) -> Screen = RootScreens.make) {
        self.store = store
        self.size = size
        app = App(context: UIContext(store: store, language: lang, exportDirectory: NSTemporaryDirectory()), idleTimeout: idleTimeout,
                  makeRoot: makeRoot)
    }

    deinit { try? FileManager.default.removeItem(atPath: store.path) }

    /// Presses keys.
    func press(_ keys: Key...) { for k in keys { app.handle(k) } }

    /// Types text character by character.
    func type(_ text: String) { for c in text { app.handle(.char(c)) } }

    /// The screen now.
    var grid: Grid { app.render(size: size) }

    /// The screen text now.
    var screen: String { grid.text }

    /// Presses Tab until the screen shows `text` (at most 40 times; records an issue otherwise).
    func tabUntil(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for _ in 0..<40 {
            if screen.contains(text) { return }
            press(.tab)
        }
        Issue.record("Tab never reached '\(text)'; the screen:\n\(screen)", sourceLocation: sourceLocation)
    }

    /// Logs in through the login screen, as a person would.
    func logIn(_ prefix: String) {
        let a = UIFixture.account(prefix)
        press(.char("4"))
        type(a.email)
        press(.tab)
        type(a.password)
        press(.enter)
    }
}

/// Golden screens: text, a parallel map of style roles, and the cursor, in `Golden/NAME.txt`.
/// Set SOCIAALHUS_RECORD_GOLDEN=1 to write them anew.
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// The file contents for a grid.
    static func serialise(_ g: Grid) -> String {
        let cursor = g.cursor.map { "\($0.x),\($0.y)" } ?? "none"
        return g.lines.joined(separator: "\n") + "\n--- roles ---\n" + g.roleLines.joined(separator: "\n") + "\n--- cursor \(cursor) ---\n"
    }

    /// Compares `grid` with the golden file `name`, or records it.
    static func check(_ grid: Grid, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = folder.appendingPathComponent(name + ".txt")
        let actual = serialise(grid)
        if ProcessInfo.processInfo.environment["SOCIAALHUS_RECORD_GOLDEN"] == "1" {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try! actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("golden file \(name).txt is missing; record with SOCIAALHUS_RECORD_GOLDEN=1", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let firstDiff = (0..<min(e.count, a.count)).first { e[$0] != a[$0] } ?? min(e.count, a.count)
            Issue.record("""
                screen differs from \(name).txt at line \(firstDiff + 1):
                expected: \(firstDiff < e.count ? String(e[firstDiff]) : "<end>")
                actual:   \(firstDiff < a.count ? String(a[firstDiff]) : "<end>")
                """, sourceLocation: sourceLocation)
        }
    }
}
