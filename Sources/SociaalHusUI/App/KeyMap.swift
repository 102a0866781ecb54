import Foundation
import TerminalKit
import SociaalHusCore

/// Your own keys: a keys file in `$XDG_CONFIG_HOME/sociaalhus/keys` (else
/// `~/.config/sociaalhus/keys`), calcurse-style, one action per line with its keys:
///
///     # comment
///     weekView  W
///     help      F2 ?
///     quit      Ctrl-Q
///
/// An action's keys replace its own keys wherever it is bound, so the help and the bottom bar,
/// made from the bindings, show them. Unknown actions and keys, a key given twice, and a key that
/// already belongs to another action (not moved itself) are reported with their line, and that
/// line is left out.
public struct KeyMap: Sendable, Equatable {
    /// The keys per rebound action.
    public var keys: [Action: [Key]] = [:]

    /// No rebinding.
    public init() {}

    /// One problem in a keys file.
    public struct Problem: Sendable, Equatable {
        /// The line, from 1.
        public var line: Int
        /// What is wrong and how to fix it.
        public var word: Word

        /// The message in `lang`.
        public func message(_ lang: LanguageText, file: String) -> String {
            lang.t(.keysFileLine(file, line, lang.t(word)))
        }
    }

    /// The default keys of every action where it is first offered (a screen may offer it with
    /// other keys in its own context, such as a confirmation; `ScreenBehaviourTests` checks
    /// every binding against this table).
    public static let defaults: [(Action, [Key])] = [
        (.goAgenda, [.char("1")]), (.goPrikbord, [.char("2")]), (.goOrganisaties, [.char("3")]), (.goProfiel, [.char("4")]),
        (.goIntake, [.char("5")]), (.goBerichten, [.char("6")]), (.goModeratie, [.char("7")]),
        (.help, [.char("?"), .function(1)]), (.quit, [.char("q")]), (.back, [.escape, .backspace]), (.logout, [.char("l")]),
        (.refresh, [.ctrl("r")]), (.privacy, [.ctrl("p")]),
        (.up, [.up, .char("k")]), (.down, [.down, .char("j")]), (.pageUp, [.pageUp]), (.pageDown, [.pageDown, .char(" ")]),
        (.previousMonth, [.pageUp, .char("[")]), (.nextMonth, [.pageDown, .char("]")]), (.confirm, [.char("j"), .char("y")]), (.cancel, [.char("n"), .escape]),
        (.first, [.home]), (.last, [.end]), (.open, [.enter]), (.search, [.char("/")]),
        (.nextField, [.tab, .down]), (.previousField, [.backTab, .up]), (.activate, [.enter]), (.submit, [.ctrl("s")]), (.toggle, [.char(" ")]),
        (.create, [.char("n")]), (.edit, [.char("e")]), (.delete, [.char("x")]), (.renew, [.char("r")]), (.weekView, [.char("w")]), (.monthView, [.char("m")]),
        (.previousWeek, [.char("["), .left]), (.nextWeek, [.char("]"), .right]), (.previousDay, [.left, .char("h")]), (.nextDay, [.right, .char("l")]),
        (.today, [.char("t")]), (.filterWijk, [.char("f")]), (.filterKind, [.char("v")]), (.filterOrganisation, [.char("o")]),
        (.filterCategory, [.char("c")]), (.filterInterest, [.char("i")]), (.clearFilters, [.char("x")]), (.myData, [.char("g")]),
        (.export, [.char("x")]), (.eraseAccount, [.char("d")]), (.changePassword, [.char("p")]),
        (.refer, [.char("d")]), (.closeIntake, [.char("a")]), (.history, [.char("h")]), (.eraseIntake, [.char("x")]),
        (.retention, [.char("t")]), (.confirmTold, [.char("b")]), (.filterMatching, [.char("f")]), (.resetCode, [.char("c")]), (.verifyWijk, [.char("v")]),
        (.onBehalf, [.char("h")]), (.endOnBehalf, [.ctrl("n")]),
        (.printReceipt, [.char("p")]), (.mailReceipt, [.char("m")]), (.previousReferral, [.char("["), .left]), (.nextReferral, [.char("]"), .right]),
        (.contact, [.char("c")]), (.reply, [.char("r")]), (.newsletter, [.char("n")]), (.announcement, [.char("m")]), (.neighbours, [.char("b")]),
        (.report, [.char("m")]), (.hide, [.char("v")]), (.restore, [.char("t")]), (.remove, [.char("x")]), (.dismiss, [.char("a")]),
        (.block, [.char("b")]), (.takedown, [.char("t")]), (.platform, [.char("p")]), (.feeds, [.char("d")]), (.approve, [.char("n")]),
        (.withdraw, [.char("x")]), (.accounts, [.char("a")]), (.giveRole, [.char("n")]), (.takeRole, [.char("x")]),
        (.object, [.char("b")]),
        (.signUp, [.char("a")]), (.remindMe, [.char("h")]), (.participants, [.char("d")]),
    ]

    /// The keys that may never move: Ctrl-C always stops at once.
    static let fixed: Set<Key> = [.ctrl("c")]

    /// True when `a` and `b` are never offered on one screen: they share a default key, and
    /// every screen's keys are free of conflicts (`ScreenBehaviourTests`), so they may share one.
    static func apart(_ a: Action, _ b: Action) -> Bool {
        guard let ka = defaultKeys[a], let kb = defaultKeys[b] else { return false }
        return !ka.isDisjoint(with: kb)
    }

    /// Each action's keys in the table, in order (the first is the one named).
    static let defaultKeyList: [Action: [Key]] = Dictionary(defaults.map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a })

    static let defaultKeys: [Action: Set<Key>] = Dictionary(defaults.map { ($0.0, Set($0.1)) }, uniquingKeysWith: { $0.union($1) })

    /// Reads a keys file's text.
    public static func parse(_ text: String) -> (KeyMap, [Problem]) {
        var problems: [Problem] = []
        var wanted: [(line: Int, action: Action, keys: [Key])] = []
        // Any line end ("\r\n" is one Character, so splitting on "\n" alone kept a CRLF file whole).
        for (i, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: { $0.isNewline }).enumerated() {
            let line = i + 1
            let words = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map { $0.split(whereSeparator: { $0 == " " || $0 == "\t" }) } ?? []
            guard let first = words.first else { continue }
            guard let action = Action(rawValue: String(first)), defaultKeys[action] != nil else {
                problems.append(Problem(line: line, word: .keysFileUnknownAction(first)))
                continue
            }
            guard words.count > 1 else {
                problems.append(Problem(line: line, word: .keysFileNoKeyAfter(first)))
                continue
            }
            if let earlier = wanted.first(where: { $0.action == action }) {
                problems.append(Problem(line: line, word: .keysFileAlreadyOnLine(first, earlier.line)))
                continue
            }
            var keys = words.dropFirst().map { (String($0), key(named: String($0))) }
            let isFixed: ((String, Key?)) -> Bool = { $0.1.map(fixed.contains) == true }
            if keys.contains(where: isFixed) {
                // "quit Ctrl-C" says what is true: Ctrl-C always quits, so it is left as it is and
                // the line's other keys (if any) move quit. Another action cannot have it.
                guard action == .quit else {
                    problems.append(Problem(line: line, word: .keysFileCtrlCFixed(first)))
                    continue
                }
                keys.removeAll(where: isFixed)
                if keys.isEmpty { continue }
            }
            if let unknown = keys.first(where: { $0.1 == nil }) {
                problems.append(Problem(line: line, word: .keysFileUnknownKey(unknown.0)))
                continue
            }
            wanted.append((line, action, keys.map { $0.1! }))
        }
        // The keys every action would have with the lines accepted so far; the first line (in
        // file order) whose key another action then has, and may meet on a screen, is refused,
        // and the rest checked again without it, until none clashes (so swapping two keys in
        // two lines that clash leaves neither half applied).
        var accepted = wanted
        while true {
            var result: [(Action, [Key])] = defaults.map { d in (d.0, accepted.first { $0.action == d.0 }?.keys ?? d.1) }
            result.sort { $0.0.rawValue < $1.0.rawValue }
            let clash = accepted.lazy.compactMap { w -> (line: Int, key: Key, other: Action)? in
                for k in w.keys {
                    if let other = result.first(where: { $0.0 != w.action && $0.1.contains(k) && !apart(w.action, $0.0) }) { return (w.line, k, other.0) }
                }
                return nil
            }.first
            guard let clash else { break }
            let otherLine = accepted.first { $0.action == clash.other }.map(\.line)
            let key = name(of: clash.key), other = clash.other.rawValue
            problems.append(Problem(line: clash.line, word: otherLine.map { .keysFileKeyTakenOnLine(key, other, $0) } ?? .keysFileKeyTaken(key, other)))
            accepted.removeAll { $0.line == clash.line }
        }
        var map = KeyMap()
        for w in accepted { map.keys[w.action] = w.keys }
        return (map, problems.sorted { $0.line < $1.line })
    }

    /// The keys `action` has now: its own from the keys file, else its default ones (the first
    /// is the one to name, as in "j, k, q, ?").
    public func keys(for action: Action) -> [Key] {
        keys[action] ?? Self.defaultKeyList[action] ?? []
    }

    /// `bindings` with the rebound actions' keys. The Ctrl-C row keeps its key: after "quit Q"
    /// the help shows Q for quit and Ctrl-C, as ever, for quitting at once.
    public func apply(_ bindings: [Binding<Action>]) -> [Binding<Action>] {
        guard !keys.isEmpty else { return bindings }
        return bindings.map { b in
            guard let k = keys[b.action], !b.keys.allSatisfy(Self.fixed.contains) else { return b }
            var b = b
            b.keys = k
            return b
        }
    }

    /// A key from its name in a keys file: one character, or Enter, Esc, Tab, Shift-Tab,
    /// Backspace, Del, Up, Down, Left, Right, PgUp, PgDn, Home, End, Space/Spatie, F1–F12, Ctrl-X.
    public static func key(named word: String) -> Key? {
        if word.count == 1, let c = word.first, !c.isWhitespace, c.isASCII || c.isLetter { return .char(c) }
        let lower = word.lowercased()
        switch lower {
        case "enter", "return": return .enter
        case "esc", "escape": return .escape
        case "tab": return .tab
        case "shift-tab", "backtab": return .backTab
        case "backspace": return .backspace
        case "del", "delete": return .delete
        case "up", "↑": return .up
        case "down", "↓": return .down
        case "left", "←": return .left
        case "right", "→": return .right
        case "pgup", "pageup": return .pageUp
        case "pgdn", "pagedown": return .pageDown
        case "home": return .home
        case "end": return .end
        case "space", "spatie": return .char(" ")
        default: break
        }
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...12).contains(n) { return .function(n) }
        // Ctrl-H, -I, -J and -M reach a program as Backspace, Tab and Enter: they cannot be keys of their own.
        let control: Character? = lower.hasPrefix("ctrl-") && lower.count == 6 ? lower.last : lower.hasPrefix("^") && lower.count == 2 ? lower.last : nil
        if let c = control, c.isASCII, c.isLetter, !"hijm".contains(c) { return .ctrl(c) }
        return nil
    }

    /// How a key is written in a keys file (read back by `key(named:)`).
    public static func name(of key: Key) -> String {
        switch key {
        case .char(" "): "Space"
        case .up: "Up"
        case .down: "Down"
        case .left: "Left"
        case .right: "Right"
        default: key.description
        }
    }

    /// Where the keys file is: `$XDG_CONFIG_HOME/sociaalhus/keys`, else `$HOME/.config/sociaalhus/keys`.
    public static func path(environment: [String: String]) -> String? {
        if let x = environment["XDG_CONFIG_HOME"], x.hasPrefix("/") { return x + "/sociaalhus/keys" }
        if let h = environment["HOME"], h.hasPrefix("/") { return h + "/.config/sociaalhus/keys" }
        return nil
    }

    /// Reads the keys file, if there is one (a missing file is no rebinding; an unreadable one a problem).
    public static func load(environment: [String: String]) -> (map: KeyMap, problems: [Problem], path: String?) {
        guard let path = path(environment: environment), FileManager.default.fileExists(atPath: path) else { return (KeyMap(), [], nil) }
        // A file of a few lines: anything larger is not a keys file.
        guard let data = FileManager.default.contents(atPath: path), data.count <= 64 * 1024, let text = String(data: data, encoding: .utf8) else {
            return (KeyMap(), [Problem(line: 0, word: .keysFileNotText)], path)
        }
        let (map, problems) = parse(text)
        return (map, problems, path)
    }
}
