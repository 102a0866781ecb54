import Foundation
import Testing
@testable import TerminalKit

/// Width per grapheme: wide and combining characters never break a layout.
@Suite struct TextWidthTests {
    static let rows: [(String, Int)] = [
        ("abc", 3), ("ë", 1), ("e\u{301}", 1), ("ĳ", 1), ("日本", 4), ("👍", 2), ("👍🏽", 2), ("👨‍👩‍👧", 2), ("❤️", 2), ("", 0), ("a\u{200B}b", 2),
    ]

    @Test(arguments: rows)
    func width(text: String, cells: Int) { #expect(TextWidth.width(text) == cells) }

    @Test func truncateNeverSplitsWide() {
        #expect(TextWidth.truncate("日本語", to: 4) == "日…")
        #expect(TextWidth.truncate("日本語", to: 5) == "日本…")
        #expect(TextWidth.width(TextWidth.truncate("日本語テキスト", to: 7)) <= 7)
        #expect(TextWidth.pad("ab", to: 4) == "ab  ")
    }

    @Test func wrap() {
        #expect(TextWidth.wrap("een twee drie vier", to: 9) == ["een twee", "drie vier"])
        #expect(TextWidth.wrap("abcdefghij", to: 4) == ["abcd", "efgh", "ij"])
        #expect(TextWidth.wrap("a\nb", to: 4) == ["a", "b"])
    }
}

/// Drawing into the grid.
@Suite struct GridTests {
    @Test func wideCharactersTakeTwoCellsAndAreClipped() {
        var g = Grid(size: Size(cols: 5, rows: 1))
        let used = g.put("a日本", x: 0, y: 0, maxWidth: 4)
        // 本 does not fit in the one cell left: the stand-in shows it was cut.
        #expect(used == 4)
        #expect(g.lines[0] == "a日… ")
        #expect(g[1, 0].text == "日" && g[2, 0].text == "")
    }

    @Test func combiningMarksStayWithTheirLetter() {
        var g = Grid(size: Size(cols: 4, rows: 1))
        g.put("e\u{301}x", x: 0, y: 0)
        #expect(g[0, 0].text == "e\u{301}")
        #expect(g[1, 0].text == "x")
    }

    @Test func outOfRangeIsIgnored() {
        var g = Grid(size: Size(cols: 3, rows: 2))
        g.put("abc", x: 5, y: 0)
        g.put("abc", x: 0, y: 9)
        g.put("abcdef", x: -2, y: 1)
        #expect(g.lines == ["   ", "cde"])
    }
}

/// Editing a line of text.
@Suite struct TextFieldTests {
    @Test func editing() {
        var f = TextField("ab")
        _ = f.handle(.left)
        _ = f.handle(.char("ë"))
        #expect(f.text == "aëb")
        _ = f.handle(.backspace)
        _ = f.handle(.home)
        _ = f.handle(.char("日"))
        _ = f.handle(.end)
        _ = f.handle(.delete)
        #expect(f.text == "日ab")
        _ = f.handle(.char("\u{1B}"))
        #expect(f.text == "日ab", "control characters are never typed in")
        let usedEnter = f.handle(.enter)
        #expect(!usedEnter)
    }

    @Test func secretIsDots() {
        var g = Grid(size: Size(cols: 10, rows: 1))
        TextField("geheim", secret: true).render(into: &g, x: 0, y: 0, width: 10, focused: true)
        #expect(g.lines[0].hasPrefix("••••••"))
        #expect(g.cursor?.x == 6)
    }

    @Test func scrollsToKeepTheCursorVisible() {
        var g = Grid(size: Size(cols: 5, rows: 1))
        TextField("abcdefghij").render(into: &g, x: 0, y: 0, width: 5, focused: true)
        #expect(g.cursor!.x < 5)
        #expect(g.lines[0].contains("j"))
    }
}

/// The theme format and its errors.
@Suite struct ThemeTests {
    static let themesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Themes")

    @Test("every shipped theme parses and styles every role", arguments: ["standaard", "hoog-contrast", "monochroom"])
    func shipped(name: String) throws {
        let text = try String(contentsOf: Self.themesFolder.appendingPathComponent(name + ".theme"), encoding: .utf8)
        let theme = try ThemeParser.parse(text, file: name + ".theme")
        #expect(theme.name == name)
        for role in StyleRole.allCases { #expect(theme.styles[role] != nil, "\(name) lacks \(role)") }
        // Without colour, selection and focus still differ from normal text.
        #expect(theme.style(.selected).mono != theme.style(.normal).mono)
        #expect(theme.style(.focus).mono != theme.style(.normal).mono)
    }

    static let errors: [(String, Int, String)] = [
        ("normal = ; mono: normal\ntitle = bold fg:purple", 2, "purple"),
        ("normal = ; mono: normal\n\n# x\nbogus = bold", 4, "bogus"),
        ("normal = sparkly", 1, "sparkly"),
        ("normal = bold ; colour: x", 1, "mono"),
        ("title = bold", 1, "normal"),
        ("just words", 1, "role = style"),
    ]

    @Test("an error names its line", arguments: errors)
    func error(text: String, line: Int, mentions: String) {
        #expect {
            try ThemeParser.parse(text, file: "t.theme")
        } throws: { e in
            guard let e = e as? ThemeError else { return false }
            return e.line == line && e.problem.contains(mentions)
        }
    }

    @Test("a broken theme file falls back to the built-in default with the error") func fallback() throws {
        let dir = NSTemporaryDirectory() + "themes-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "normal = ;\ntitle = fg:nope\n".write(toFile: dir + "/kapot.theme", atomically: true, encoding: .utf8)
        let (theme, error) = ThemeLoader.load(name: "kapot", environment: ["SOCIAALHUS_THEMES": dir], executable: "/nowhere/x")
        #expect(theme == ThemeLoader.builtInDefault)
        #expect(error?.line == 2)
        #expect(error?.message(dutch: true).contains("regel 2") == true)
        let (_, missing) = ThemeLoader.load(name: "bestaatniet", environment: [:], executable: "/nowhere/x")
        #expect(missing != nil)
        let (found, none) = ThemeLoader.load(name: "hoog-contrast", environment: [:], executable: "/nowhere/x")
        #expect(none == nil && found.name == "hoog-contrast", "found through the source tree wherever the binary is")
        let (_, bad) = ThemeLoader.load(name: "../../etc/passwd", environment: [:], executable: "/nowhere/x")
        #expect(bad != nil)
    }
}

/// The list selection.
@Suite struct ListStateTests {
    @Test func clampAndScroll() {
        var s = ListState()
        s.move(5, count: 3)
        #expect(s.selected == 2)
        s.clamp(count: 3, height: 2)
        #expect(s.offset == 1)
        s.move(-10, count: 3)
        s.clamp(count: 3, height: 2)
        #expect(s.selected == 0 && s.offset == 0)
        s.move(1, count: 0)
        #expect(s.selected == 0)
    }
}
