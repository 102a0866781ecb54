import Foundation
import Testing
@testable import SociaalHusCore
import SociaalHusBench
@testable import SociaalHusUI
import TerminalKit

/// Keys live in one table: on every screen every role reaches, each action offered has exactly
/// the keys of `KeyMap.defaults`, or of the keys file when one moves it. Screens cannot say
/// otherwise; this walks the app to prove it for the screens as they are.
@Suite struct KeyTableTests {
    /// The roles and the demo account that has each (nil: a visitor).
    static let roles: [String?] = [nil, "anna", "kees", "lotte", "sanne", "bram"]

    /// Keys a person uses to move between screens and open things, weighted towards those.
    static func walkKey(_ rng: inout SplitMix64) -> Key {
        let shortcuts = Array("jkneurdmbpgtlxhazvwfic1234567")
        switch Int.random(in: 0..<100, using: &rng) {
        case 0..<45: return .char(shortcuts.randomElement(using: &rng)!)
        case 45..<65: return .enter
        case 65..<78: return .escape
        case 78..<88: return .tab
        default: return [.up, .down, .pageUp, .pageDown, .left, .right].randomElement(using: &rng)!
        }
    }

    /// Walks `keys` seeded steps as `prefix`, checking the bindings after every key against
    /// `expected`; returns the screen titles seen.
    static func walk(as prefix: String?, keyMap: KeyMap = KeyMap(), steps: Int = 1_500,
                     expected: (Action) -> [Key], sourceLocation: SourceLocation = #_sourceLocation) -> Set<String> {
        let d = Driver(size: Size(cols: 110, rows: 40))
        d.app.ctx.keyMap = keyMap
        if let prefix { d.logIn(prefix) }
        var rng = SplitMix64(seed: prefix.map { $0.unicodeScalars.reduce(2026) { $0 &* 31 &+ UInt64($1.value) } } ?? 2026)
        var seen: Set<String> = []
        var wrong: Set<String> = []
        for _ in 0..<steps {
            d.press(walkKey(&rng))
            // A quit or log-out question is answered no, so the walk goes on where it was.
            if d.app.dialogAnswer != nil { d.press(.char("n")) }
            let title = d.app.current.title(d.app.ctx)
            seen.insert(title)
            for b in d.app.activeBindings() where b.keys != [.ctrl("c")] && b.keys != expected(b.action) {
                // In a text area ↑ and ↓ move by line, so the field keys are Tab and Shift-Tab there.
                if [.nextField, .previousField].contains(b.action), b.keys == expected(b.action).filter({ $0 != .up && $0 != .down }) { continue }
                wrong.insert("\(title): \(b.action) has \(b.keys.map(\.description)), the table \(expected(b.action).map(\.description))")
            }
        }
        #expect(wrong.isEmpty, "\(wrong.sorted().joined(separator: "\n"))", sourceLocation: sourceLocation)
        return seen
    }

    @Test("every action on every screen a role reaches has the table's keys", arguments: roles)
    func bindingsAreTheTable(as prefix: String?) {
        let seen = Self.walk(as: prefix) { KeyMap.defaultKeyList[$0] ?? [] }
        #expect(seen.count >= 5, "the walk reached only \(seen.sorted())")
    }

    @Test("a keys file moves an action on every screen that offers it", arguments: roles)
    func keysFileMovesEverywhere(as prefix: String?) {
        let (map, problems) = KeyMap.parse("delete X\nedit E\ncontact C\nfilterWijk W\ncreate N\nrefer D\n")
        #expect(problems.isEmpty)
        _ = Self.walk(as: prefix, keyMap: map, steps: 800) { map.keys(for: $0) }
    }

    @Test("the review's disagreements are gone: delete is x, Buren's interest is i, months move with PgUp/[ and PgDn/]")
    func reviewFindings() {
        #expect(KeyMap.defaultKeyList[.delete] == [.char("x")])
        #expect(KeyMap.defaultKeyList[.filterInterest] == [.char("i")] && KeyMap.defaultKeyList[.filterCategory] == [.char("c")])
        #expect(KeyMap.defaultKeyList[.previousMonth] == [.pageUp, .char("[")] && KeyMap.defaultKeyList[.nextMonth] == [.pageDown, .char("]")])
        // On the month view, [ goes back a month as before, through the table's previousMonth.
        let d = Driver(size: Size(cols: 110, rows: 40))
        d.press(.char("1"), .char("m"))
        let before = d.screen
        d.press(.char("["))
        #expect(d.screen != before)
        d.press(.char("]"))
        #expect(d.screen == before)
    }

    @Test("where a screen asks, yes is the table's confirm key, named so, and moves with the keys file")
    func yesFollowsTheTable() {
        let d = Driver(size: Size(cols: 100, rows: 30))
        d.press(.char("q"))
        #expect(d.screen.contains("j = ja, stoppen   n of Esc = nee"))
        d.press(.char("n"))
        let (map, problems) = KeyMap.parse("confirm Z\n")
        #expect(problems.isEmpty)
        d.app.ctx.keyMap = map
        d.press(.char("q"))
        #expect(d.screen.contains("Z = ja, stoppen"), "\(d.screen)")
        d.press(.char("j"))
        #expect(d.app.running, "j is no longer yes once the keys file moves it")
        d.press(.char("q"), .char("Z"))
        #expect(!d.app.running)
    }

    @Test("a sentence that names a key names the key in force: the month's summary, the 'nothing here' message")
    func sentencesNameTheKeysInForce() {
        let d = Driver(size: Size(cols: 110, rows: 40))
        d.press(.char("1"), .char("m"))
        #expect(d.screen.contains("PgUp/[ en PgDn/]: maand"), "\(d.screen)")
        let (map, problems) = KeyMap.parse("help F2\nnextMonth PgDn >\n")
        #expect(problems.isEmpty, "\(problems)")
        d.app.ctx.keyMap = map
        d.press(.char("Z"))
        #expect(d.screen.contains("F2 toont de toetsen"), "\(d.screen)")
        #expect(d.screen.contains("PgUp/[ en PgDn/>: maand"), "\(d.screen)")
    }

    @Test("a core error that names a key names the key in force on screen, and the table's own key at the command line")
    func coreErrorsNameTheKeyInForce() {
        let error = CoreError.changedElsewhere(what: "'Fietsen'", changed: [])
        #expect(Language.dutch.t(error.word).contains("Ctrl-R laadt hun versie, Esc gaat terug"))
        let d = Driver()
        let (map, problems) = KeyMap.parse("refresh F5\n")
        #expect(problems.isEmpty)
        d.app.ctx.keyMap = map
        #expect(d.app.ctx.t(error.word).contains("F5 laadt hun versie, Esc gaat terug"), "\(d.app.ctx.t(error.word))")
        d.app.ctx.fail(error)
        #expect(d.screen.contains("F5 laadt"))
    }
}

