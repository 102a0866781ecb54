import Foundation

/// The eight basic terminal colours, or the terminal's own default.
public enum ThemeColor: String, CaseIterable, Sendable {
    case `default`, black, red, green, yellow, blue, magenta, cyan, white

    /// The ncurses colour number (-1 for the default).
    public var cursesNumber: Int16 {
        switch self {
        case .default: -1
        case .black: 0
        case .red: 1
        case .green: 2
        case .yellow: 3
        case .blue: 4
        case .magenta: 5
        case .cyan: 6
        case .white: 7
        }
    }
}

/// Text attributes that work without colour.
public struct Attributes: OptionSet, Hashable, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    public static let bold = Attributes(rawValue: 1)
    public static let underline = Attributes(rawValue: 2)
    public static let reverse = Attributes(rawValue: 4)
    public static let dim = Attributes(rawValue: 8)
}

/// How one role looks: colours and attributes, plus what to use on a monochrome terminal.
public struct Style: Hashable, Sendable {
    public var fg: ThemeColor = .default
    public var bg: ThemeColor = .default
    public var attributes: Attributes = []
    /// Attributes used when colour is off (NO_COLOR, or a terminal without colours).
    public var mono: Attributes = []

    /// Creates a style.
    public init(fg: ThemeColor = .default, bg: ThemeColor = .default, attributes: Attributes = [], mono: Attributes = []) {
        self.fg = fg
        self.bg = bg
        self.attributes = attributes
        self.mono = mono
    }
}

/// A theme: a style for every role.
public struct Theme: Hashable, Sendable {
    /// Name, e.g. "standaard".
    public var name: String
    /// Style per role; missing roles look like `normal`.
    public var styles: [StyleRole: Style]
    /// True when the theme uses only attributes (the monochrome theme).
    public var monochrome: Bool

    /// The style of a role.
    public func style(_ role: StyleRole) -> Style { styles[role] ?? styles[.normal] ?? Style() }

    /// This theme reduced to its monochrome attributes.
    public var asMonochrome: Theme {
        var t = self
        t.monochrome = true
        return t
    }
}

/// An error in a theme file, with its line.
public struct ThemeError: Error, Equatable, Sendable {
    /// The file (or theme name).
    public var file: String
    /// Line number, from 1.
    public var line: Int
    /// What is wrong, in English and Dutch.
    public var problem: String

    /// The message shown.
    public func message(dutch: Bool) -> String {
        // Line 0 means the file as a whole (not found, unreadable).
        let place = line > 0 ? (dutch ? ", regel \(line)" : ", line \(line)") : ""
        return dutch ? "Fout in thema \(file)\(place): \(problem). Het standaardthema wordt gebruikt."
                     : "Error in theme \(file)\(place): \(problem). The default theme is used."
    }
}

/// Reads the theme text format:
///
///     # comment
///     name = standaard
///     monochrome = no
///     title    = bold fg:white bg:black ; mono: bold
///     selected = fg:black bg:white ; mono: reverse
///
/// One line per role (`StyleRole` names); words `bold`, `underline`, `reverse`, `dim`,
/// `fg:COLOUR`, `bg:COLOUR`; after `; mono:` the attributes for terminals without colour.
public enum ThemeParser {
    /// Parses a theme; `file` names it in error messages.
    public static func parse(_ text: String, file: String) throws -> Theme {
        var theme = Theme(name: (file as NSString).lastPathComponent.replacingOccurrences(of: ".theme", with: ""), styles: [:], monochrome: false)
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init)?
                .trimmingCharacters(in: .whitespaces) ?? ""
            if line.isEmpty { continue }
            func fail(_ p: String) -> ThemeError { ThemeError(file: file, line: i + 1, problem: p) }
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty else { throw fail("expected 'role = style' / verwacht 'rol = stijl'") }
            let key = parts[0], value = parts[1]
            switch key {
            case "name": theme.name = value; continue
            case "monochrome":
                guard ["yes", "no", "ja", "nee"].contains(value) else { throw fail("monochrome is yes or no / monochroom is yes of no") }
                theme.monochrome = value == "yes" || value == "ja"
                continue
            default: break
            }
            guard let role = StyleRole(rawValue: key) else {
                throw fail("unknown role '\(key)' (known: \(StyleRole.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            let halves = value.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            var style = Style()
            for word in halves[0].split(separator: " ") {
                let w = String(word)
                if let a = attribute(w) { style.attributes.insert(a); continue }
                if w.hasPrefix("fg:") || w.hasPrefix("bg:") {
                    guard let c = ThemeColor(rawValue: String(w.dropFirst(3))) else {
                        throw fail("unknown colour '\(w.dropFirst(3))' (known: \(ThemeColor.allCases.map(\.rawValue).joined(separator: ", ")))")
                    }
                    if w.hasPrefix("fg:") { style.fg = c } else { style.bg = c }
                    continue
                }
                throw fail("unknown word '\(w)'")
            }
            if halves.count == 2, !halves[1].isEmpty {
                let mono = halves[1]
                guard mono.hasPrefix("mono:") else { throw fail("expected '; mono: attributes'") }
                for word in mono.dropFirst(5).split(separator: " ") {
                    guard let a = attribute(String(word)) else { throw fail("unknown attribute '\(word)'") }
                    style.mono.insert(a)
                }
            } else {
                style.mono = style.attributes
            }
            theme.styles[role] = style
        }
        guard theme.styles[.normal] != nil else { throw ThemeError(file: file, line: 1, problem: "the role 'normal' is missing / de rol 'normal' ontbreekt") }
        return theme
    }

    private static func attribute(_ w: String) -> Attributes? {
        switch w {
        case "bold": .bold
        case "underline": .underline
        case "reverse": .reverse
        case "dim": .dim
        case "normal", "none": []
        default: nil
        }
    }
}
