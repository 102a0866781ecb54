import Foundation
import Testing
@testable import SociaalHusCore
@testable import SociaalHusUI
import TerminalKit

/// Drawing is only drawing: a screen drawn twice gives the same frame (text, styles, cursor and
/// the outline plain mode reads), and drawing changes nothing a key or plain mode would notice
/// (the keys offered, the focused field, whether there is typed input). Every screen that every
/// role reaches in the demo store is walked: each tab, then every key its screens offer and every
/// button of their forms, three screens deep, and drawn twice after every step.
@Suite struct RenderPurityTests {
    /// What a screen shows to the keys and to plain mode without being drawn.
    struct Observed: Equatable {
        var title: String
        var keys: [String]
        var capturesText, capturesLines, hasUnsavedInput, hasTypedInput: Bool
        var unsaved: [String]

        init(_ app: App) {
            title = app.current.title(app.ctx)
            keys = app.activeBindings().map { "\($0.action.rawValue) \($0.keys.map { $0.name(english: false) }) \($0.label)" }
            capturesText = app.current.capturesText
            capturesLines = app.current.capturesLines
            hasUnsavedInput = app.current.hasUnsavedInput
            hasTypedInput = app.current.hasTypedInput
            unsaved = app.unsavedPlaces()
        }
    }

    /// Actions left out of the walk: they end the session or the program rather than show a screen.
    static let notWalked: Set<Action> = [.quit, .logout, .login, .endOnBehalf, .help, .refresh,
                                         .goAgenda, .goPrikbord, .goOrganisaties, .goProfiel, .goIntake, .goBerichten, .goModeratie]

    /// Draws the app twice at `size` and records every difference (where: the keys pressed).
    static func checkPure(_ app: App, size: Size, _ where_: String, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let before = Observed(app)
        let first = app.render(size: size)
        let afterFirst = Observed(app)
        let second = app.render(size: size)
        let afterSecond = Observed(app)
        var pure = true
        if first.lines != second.lines || first.roleLines != second.roleLines {
            let a = first.lines, b = second.lines
            let row = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? 0
            Issue.record("\(where_): the second frame differs at row \(row):\n  \(a[row])\n  \(b[row])", sourceLocation: sourceLocation)
            pure = false
        }
        if first.cursor?.x != second.cursor?.x || first.cursor?.y != second.cursor?.y {
            Issue.record("\(where_): the cursor moved from \(String(describing: first.cursor)) to \(String(describing: second.cursor))", sourceLocation: sourceLocation)
            pure = false
        }
        if first.outline != second.outline {
            Issue.record("\(where_): plain mode would read another outline the second time", sourceLocation: sourceLocation)
            pure = false
        }
        if before != afterFirst || afterFirst != afterSecond {
            Issue.record("\(where_): drawing changed the screen's state:\n  before \(before)\n  after  \(afterFirst)", sourceLocation: sourceLocation)
            pure = false
        }
        return pure
    }

    /// Back to the tab's first screen: Esc until there, saying yes to leaving typed input.
    static func backToRoot(_ d: Driver, tab: Character) {
        for _ in 0..<8 {
            if d.app.hasModal { d.press(d.app.dialogAnswer == .yesNo ? .char("j") : .escape) }
            if d.app.isFirstScreen && !d.app.current.capturesText { break }
            d.press(.escape)
        }
        if d.app.hasModal { d.press(.char("j")) }
        d.press(.char(tab))
    }

    /// One step of the walk: a key, or Enter on a form's button (by its id).
    enum Step {
        case key(Key)
        case button(String)

        var name: String {
            switch self {
            case .key(let k): k.name(english: true)
            case .button(let id): "[\(id)]"
            }
        }

        func take(_ d: Driver) {
            switch self {
            case .key(let k): d.press(k)
            case .button(let id):
                (d.app.current as? FormScreen)?.form.focus(on: id)
                d.press(.enter)
            }
        }
    }

    /// Takes every step the current screen offers (the first key of each of its actions, Enter on
    /// each button of a form), drawing twice after each; a step that opens another screen is
    /// walked `depth - 1` further. Returns through `seen` the screens' type names.
    static func walk(_ d: Driver, tab: Character, path: [Step], depth: Int, seen: inout Set<String>, where_ role: String) {
        // Where the walk is: the screen's type (going back there makes a new one of the same type).
        func place() -> String { String(describing: type(of: d.app.current)) }
        let here = place()
        var steps = d.app.current.bindings(d.app.ctx).filter { !notWalked.contains($0.action) && !$0.keys.isEmpty }.map { Step.key($0.keys[0]) }
        if let form = (d.app.current as? FormScreen)?.form {
            steps += form.fields.compactMap { f in if case .button = f.kind { return Step.button(f.id) } else { return nil } }
        }
        for step in steps {
            // Each step from the same state: from the tab's first screen along the same steps
            // (an open search line would take the next key as typing).
            backToRoot(d, tab: tab)
            for s in path { s.take(d) }
            if d.app.hasModal { d.press(.escape) }
            guard place() == here else {
                Issue.record("\(role): the walk did not get back to \(here) along \(path.map(\.name)) (now \(place()))")
                return
            }
            step.take(d)
            let at = "\(role), tab \(tab), steps \((path + [step]).map(\.name))"
            if d.app.hasModal {
                // A dialog over the screen is drawn too; then no.
                _ = checkPure(d.app, size: d.size, at + " (dialog)")
                d.press(d.app.dialogAnswer == .yesNo ? .char("n") : .escape)
            }
            _ = checkPure(d.app, size: d.size, at)
            if place() != here {
                seen.insert(place())
                if depth > 1 { walk(d, tab: tab, path: path + [step], depth: depth - 1, seen: &seen, where_: role) }
            }
        }
    }

    /// The demo store with a conversation at the desk and a report waiting, so the desk's and the
    /// moderators' screens behind them are walked too.
    static func store() throws -> Store {
        let store = UIFixture.freshStore()
        let lotte = store.state.accounts.all.first { $0.email.hasPrefix("lotte") }!
        _ = try store.createIntake(IntakeInput(question: "Hulp bij de huurtoeslag", name: "Piet Test", phone: "0612345678"), by: .account(lotte))
        let post = store.state.posts.all.min { $0.id < $1.id }!
        _ = try store.report(.post(post.id), reason: .unwanted, explanation: "Vervelend", name: "Bezoeker", email: "b@example.org", by: .visitor)
        return store
    }

    @Test("every screen of every role draws the same frame twice and keeps its state",
          arguments: MonkeyTests.roles.map(\.role), [Language.dutch, .english])
    func everyScreen(role: String, lang: Language) throws {
        let d = Driver(lang: lang, size: .standard, store: try Self.store())
        if let account = MonkeyTests.roles.first(where: { $0.role == role })?.account { d.logIn(account) }
        var seen: Set<String> = []
        for tab in "1234567" {
            Self.backToRoot(d, tab: tab)
            guard d.app.tab.rawValue + 1 == Int(String(tab))! else { continue }
            seen.insert(String(describing: type(of: d.app.current)))
            _ = Self.checkPure(d.app, size: d.size, "\(role) \(lang), tab \(tab)")
            Self.walk(d, tab: tab, path: [.key(.char(tab))], depth: 3, seen: &seen, where_: "\(role) \(lang)")
        }
        // The walk reaches more than the tabs' first screens.
        #expect(seen.count > 15, "\(role): only \(seen.sorted())")
        if role == "desk" { #expect(seen.isSuperset(of: ["IntakeDetailScreen", "ReferralScreen", "IntakeHistoryScreen"]), "\(seen.sorted())") }
        if role == "administrator" { #expect(seen.isSuperset(of: ["ReportDetailScreen", "AccountRolesScreen"]), "\(seen.sorted())") }
    }
}
