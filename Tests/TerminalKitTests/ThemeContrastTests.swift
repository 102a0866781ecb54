import Foundation
import Testing
@testable import TerminalKit

/// Issue 15, part 3: the WCAG 2.2 contrast of every role of every theme, measured against the
/// 16-colour xterm palette on a dark terminal (light grey on black) and a light one (black on
/// white, xterm's own default). A role on the terminal's default colour is checked on both; bold
/// is checked drawn bright and drawn as the plain colour (terminals do either; bold black becomes
/// grey), reverse swaps, dim is half way to the background. The floor is 4.5:1, 7:1 for
/// `hoog-contrast`; the monochrome attributes are held to the same.
@Suite struct ThemeContrastTests {
    typealias RGB = (Double, Double, Double)

    static let plain: [ThemeColor: RGB] = [.black: (0, 0, 0), .red: (205, 0, 0), .green: (0, 205, 0), .yellow: (205, 205, 0),
                                           .blue: (0, 0, 238), .magenta: (205, 0, 205), .cyan: (0, 205, 205), .white: (229, 229, 229)]
    static let bright: [ThemeColor: RGB] = [.black: (127, 127, 127), .red: (255, 0, 0), .green: (0, 255, 0), .yellow: (255, 255, 0),
                                            .blue: (92, 92, 255), .magenta: (255, 0, 255), .cyan: (0, 255, 255), .white: (255, 255, 255)]
    /// The terminal's default foreground and background.
    static let terminals: [(name: String, fg: RGB, bg: RGB)] = [("dark", (229, 229, 229), (0, 0, 0)), ("light", (0, 0, 0), (255, 255, 255))]

    static func luminance(_ c: RGB) -> Double {
        func channel(_ v: Double) -> Double { let s = v / 255; return s <= 0.03928 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4) }
        return 0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
    }

    /// The WCAG contrast ratio of two colours.
    static func ratio(_ a: RGB, _ b: RGB) -> Double {
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    /// The lowest ratio `fg`/`bg` with `attributes` can be drawn with on `terminal`.
    static func worst(fg: ThemeColor, bg: ThemeColor, _ attributes: Attributes, on terminal: (name: String, fg: RGB, bg: RGB)) -> Double {
        var fronts: [RGB] = fg == .default ? [terminal.fg] : [plain[fg]!]
        if attributes.contains(.bold) { fronts.append(fg == .default ? (terminal.name == "dark" ? (255, 255, 255) : terminal.fg) : bright[fg]!) }
        let back = bg == .default ? terminal.bg : plain[bg]!
        return fronts.map { front in
            var (f, b) = attributes.contains(.reverse) ? (back, front) : (front, back)
            if attributes.contains(.dim) { f = ((f.0 + b.0) / 2, (f.1 + b.1) / 2, (f.2 + b.2) / 2) }
            return ratio(f, b)
        }.min()!
    }

    static let themesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Themes")

    static func themes() throws -> [Theme] {
        let files = try FileManager.default.contentsOfDirectory(atPath: themesFolder.path).filter { $0.hasSuffix(".theme") }.sorted()
        return try files.map { try ThemeParser.parse(String(contentsOf: themesFolder.appendingPathComponent($0), encoding: .utf8), file: $0) }
            + [ThemeLoader.builtInDefault, ThemeLoader.builtInMonochrome]
    }

    @Test("the ratio is WCAG's: black on white 21:1, the same colour 1:1, xterm's red on black 3.6:1 (the issue's measurement)")
    func ratioIsWCAG() {
        #expect(abs(Self.ratio((0, 0, 0), (255, 255, 255)) - 21) < 0.01)
        #expect(abs(Self.ratio((205, 0, 0), (205, 0, 0)) - 1) < 0.001)
        #expect(abs(Self.worst(fg: .red, bg: .default, [.bold], on: Self.terminals[0]) - 3.6) < 0.05)
        #expect(abs(Self.worst(fg: .black, bg: .yellow, [.bold], on: Self.terminals[0]) - 2.35) < 0.05, "bold black drawn grey")
    }

    @Test("every role of every theme holds its contrast on a dark and a light terminal, in colour and in monochrome")
    func everyRole() throws {
        let themes = try Self.themes()
        #expect(themes.count >= 5)
        var failures: [String] = []
        for theme in themes {
            let floor = theme.name == "hoog-contrast" ? 7.0 : 4.5
            for role in StyleRole.allCases {
                let s = theme.style(role)
                for terminal in Self.terminals {
                    if !theme.monochrome {
                        let r = Self.worst(fg: s.fg, bg: s.bg, s.attributes, on: terminal)
                        if r < floor { failures.append("\(theme.name) \(role) colour on \(terminal.name): \(String(format: "%.2f", r)):1") }
                    }
                    let m = Self.worst(fg: .default, bg: .default, theme.monochrome ? s.attributes.union(s.mono) : s.mono, on: terminal)
                    if m < floor { failures.append("\(theme.name) \(role) mono on \(terminal.name): \(String(format: "%.2f", m)):1") }
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    @Test("the built-in default is the standaard theme file")
    func builtInIsTheFile() throws {
        let file = try ThemeParser.parse(String(contentsOf: Self.themesFolder.appendingPathComponent("standaard.theme"), encoding: .utf8), file: "standaard.theme")
        #expect(file.styles == ThemeLoader.builtInDefault.styles)
    }
}
