import Foundation
import Testing
@testable import SociaalHusCore
@testable import SociaalHusUI
import TerminalKit

/// Your own keys.
@Suite struct KeyMapTests {
    @Test("a keys file's lines: what moves, and what is refused with its line", arguments: [
        ("weekView W", [Action.weekView: [Key.char("W")]], [Int]()),
        ("# comment\n\nhelp  F2 ?   # both\n", [.help: [.function(2), .char("?")]], []),
        ("quit Ctrl-Q", [.quit: [.ctrl("q")]], []),
        ("search Space", [:], [1]),                      // Space is pageDown's (and toggle's, never together with search)
        ("bogus x", [:], [1]),                           // unknown action
        ("weekView Hyper-W", [:], [1]),                  // unknown key
        ("weekView", [:], [1]),                          // no key
        ("quit Ctrl-C", [:], []),                        // regression (issue 25): true, Ctrl-C always quits; nothing moves
        ("quit Ctrl-C Q", [.quit: [.char("Q")]], []),   // ... and the line's other keys move quit
        ("weekView Ctrl-C", [:], [1]),                   // Ctrl-C is quit's, never another action's
        ("quit w", [:], [1]),                            // w is weekView's, and weekView stays
        ("weekView W\nquit w", [.weekView: [.char("W")], .quit: [.char("w")]], []),  // moved first, then free
        ("weekView W\nweekView V", [.weekView: [.char("W")]], [2]),                   // the same action twice
        ("filterWijk x", [:], [1]),                      // x is clearFilters', on the agenda with it
        ("today w\nweekView t", [:], [1, 2]),           // regression (review): a swap that clashes applies neither half
        ("nextDay j", [:], [1]),                         // regression (review): j is down's, in the month view with it
        ("quit Ctrl-M", [:], [1]),                       // regression (review): Ctrl-M arrives as Enter
        ("weekView W\r\nhelp F2\r\n", [.weekView: [.char("W")], .help: [.function(2)]], []),  // regression (review): CRLF lines
    ] as [(String, [Action: [Key]], [Int])])
    func lines(text: String, moved: [Action: [Key]], problemLines: [Int]) {
        let (map, problems) = KeyMap.parse(text)
        #expect(map.keys == moved, "\(text)")
        #expect(problems.map(\.line) == problemLines, "\(text): \(problems.map { Language.english.t($0.word) })")
    }

    @Test("every key name reads back as itself", arguments: KeyMap.defaults.flatMap(\.1) + [.function(12), .ctrl("q"), .char("W"), .backTab, .delete])
    func keyNames(key: Key) {
        #expect(KeyMap.key(named: KeyMap.name(of: key)) == key)
    }

    @Test("`sociaalhus keys` printed as a file is read back without a problem and moves nothing")
    func defaultsReadBack() {
        let text = KeyMap.defaults.map { "\($0.0.rawValue) " + $0.1.map(KeyMap.name(of:)).joined(separator: " ") }.joined(separator: "\n")
        let (map, problems) = KeyMap.parse(text)
        #expect(problems.isEmpty, "\(problems.map { Language.english.t($0.word) })")
        #expect(map.keys.allSatisfy { a, k in KeyMap.defaultKeys[a] == Set(k) })
    }

    @Test("a moved key works, and the bottom bar and the help show it; the old key does nothing")
    func movedKeyWorks() {
        let d = Driver()
        d.app.ctx.keyMap = KeyMap.parse("weekView W\nhelp F2").0
        #expect(d.screen.contains("W Week"))
        #expect(!d.screen.contains("w Week"))
        d.press(.char("W"))
        #expect(d.screen.contains("Week 48 ("))
        d.press(.char("W"))
        d.press(.char("w"))
        #expect(!d.screen.contains("Week 48 ("))
        d.press(.function(2))
        #expect(d.screen.contains("Help: Agenda"))
        #expect(d.screen.contains("F2"))
        d.press(.escape)
        d.press(.char("?"))
        #expect(!d.screen.contains("Help: Agenda"))
    }

    @Test("regression (issue 25): Ctrl-C in a keys file is said as 'always quits', not as an unknown key")
    func ctrlCIsNotUnknown() {
        let problems = KeyMap.parse("weekView Ctrl-C").1
        #expect(problems.count == 1)
        let dutch = problems.map { Language.dutch.t($0.word) }
        #expect(dutch.allSatisfy { $0.contains("Ctrl-C stopt altijd") && !$0.contains("onbekende toets") }, "\(dutch)")
    }

    @Test("regression (issue 25): after 'quit Q' the help shows Q for quit and Ctrl-C still on its own row")
    func quitMovedKeepsCtrlC() {
        let d = Driver(size: Size(cols: 80, rows: 60))
        d.app.ctx.keyMap = KeyMap.parse("quit Q").0
        let quits = d.app.activeBindings().filter { $0.action == .quit }
        #expect(quits.map(\.keys) == [[.char("Q")], [.ctrl("c")]], "\(quits.map(\.keys))")
        d.press(.char("?"))
        let lines = d.screen.split(separator: "\n")
        #expect(lines.contains { $0.contains("Q ") && $0.contains("Programma afsluiten") }, "\(d.screen)")
        #expect(lines.contains { $0.contains("Ctrl-C") && $0.contains("Direct afsluiten") }, "\(d.screen)")
        #expect(!lines.contains { $0.contains("Q ") && $0.contains("Direct afsluiten") }, "\(d.screen)")
    }

    @Test("the key an action has now: its own from the keys file, else its default (for texts that name keys)")
    func keysForAction() {
        let map = KeyMap.parse("quit Q\ndown J").0
        #expect(map.keys(for: .quit) == [.char("Q")])
        #expect(map.keys(for: .down) == [.char("J")])
        #expect(map.keys(for: .up) == [.up, .char("k")])
        #expect(map.keys(for: .help).first == .char("?"))
    }
}
