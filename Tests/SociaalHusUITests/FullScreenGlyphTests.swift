import Foundation
import Testing
@testable import SociaalHusCore
import SociaalHusBench
@testable import SociaalHusUI
import TerminalKit

/// The full screen: "spoken as meant". The marks the screens draw around user
/// text are seen without colour and are either silent to a screen reader or said as what they mean.
///
/// Measured on Debian 12 with espeak-ng 1.51 (`espeak-ng -v nl -q -x`, and `-v en`), Fenrir 1.9.5
/// (its punctuation code, `punctuationManager.proceedPunctuation`, at its default level "some"
/// with `/etc/fenrirscreenreader/punctuation/default.conf`) and speech-dispatcher 0.11's symbol
/// files (`/usr/share/speech-dispatcher/locale/nl/*.dic`, which Orca and Fenrir's speechd driver use).
@Suite struct FullScreenGlyphTests {
    /// Every mark outside letters and digits that a screen may draw, with what it is read as and why it may stay.
    static let allowed: [Character: String] = [
        "▌": "selected row and focused field: in no speech dictionary, silent in espeak-ng, Fenrir and speech-dispatcher",
        "─": "box rule: silent in espeak-ng, Fenrir and speech-dispatcher (no entry)",
        "│": "box rule and top-bar separator: silent everywhere",
        "┌": "box corner: silent everywhere", "┐": "box corner: silent everywhere",
        "└": "box corner: silent everywhere", "┘": "box corner: silent everywhere",
        "‹": "a cycle's 'change to the left': silent in espeak-ng and speech-dispatcher (no entry)",
        "›": "a cycle's 'change to the right' and 'Profiel › Mijn gegevens': silent everywhere",
        "…": "text cut to fit: silent in espeak-ng; speech-dispatcher says 'punt punt punt' only at level 'all'",
        "↑": "more above: 'up arrow' (espeak-ng), 'pijl omhoog' (speech-dispatcher): says what it means",
        "↓": "more below: 'down arrow', 'pijl omlaag': says what it means",
        "—": "a dash in text: silent in espeak-ng; 'em streepje' in speech-dispatcher from level 'most'",
        "–": "a range (09:30–11:30): silent in espeak-ng; 'en streepje' from 'most'",
        "·": "separator between parts of a row: silent in espeak-ng; 'middle dot' in speech-dispatcher from 'most'",
        "•": "a bullet before a point, and a password's mask: 'opsommingsteken' (speech-dispatcher, 'some') says what a bullet is",
        "×": "'1× per dag': 'maal' / 'times'",
        "»": "the message line's mark (Chrome.drawMessage): silent in espeak-ng and Fenrir's default driver; speech-dispatcher says 'rechter dubbele pijl'",
    ]

    /// Marks that were read as noise and may not return.
    static let noise: [Character: String] = [
        "▶": "'knop voor afspelen' / 'play button' (espeak-ng)",
        "◀": "'knop voor terugspoelen' / 'reverse button' (espeak-ng)",
        "►": "'ingevulde pijl die naar rechts wijst' (speech-dispatcher, every level)",
    ]

    /// The ASCII stand-ins the chrome's marks become without UTF-8, and what is said for each.
    static let allowedAscii: [Character: String] = [
        ">": "focus marker: Fenrir 'some' replaces it with a space; espeak-ng pauses",
        "<": "a cycle's left mark: as '>'",
        "_": "box rule: Fenrir up to 'most' and espeak-ng silent",
        "|": "box rule, message mark, separator: Fenrir up to 'most' and espeak-ng silent",
        " ": "box corner on top: nothing to say",
        ".": "text cut: a pause",
        "^": "more above: silent",
        "v": "more below: read as the letter, visible; accepted",
        "x": "the chosen option '(x)': read as the letter 'iks' / 'ex' at every level",
        "(": "'( )' around an option: Fenrir 'some' silent", ")": "as '('",
        "[": "'[x]' around a tick box: Fenrir 'some' silent", "]": "as '['",
    ]

    /// The marks the chrome and the widgets draw (not user text).
    static var chromeMarks: [String] {
        [ListView.marker, Form.chosenMark, Form.otherMark, "[x]", "[ ]", "‹", "›", "─", "│", "┌", "┐", "└", "┘", "↑", "↓", "…", "»"]
    }

    @Test("every mark the chrome draws, and its ASCII stand-in, is allowed and none is read as noise")
    func chromeMarksAreAllowed() {
        for mark in Self.chromeMarks {
            for c in mark where !c.isLetter || c == "x" {
                if c.isASCII { #expect(Self.allowedAscii[c] != nil, "'\(c)' in '\(mark)'") } else { #expect(Self.allowed[c] != nil, "'\(c)' in '\(mark)'") }
                #expect(Self.noise[c] == nil, "'\(c)' is read as \(Self.noise[c] ?? "")")
                let stand = Character(AsciiFallback.ascii(String(c)))
                #expect(Self.allowedAscii[stand] != nil, "'\(c)' becomes '\(stand)' without UTF-8")
            }
        }
    }

    @Test("regression (issue 25): no golden screen draws a mark outside the table of allowed marks (▶ was 'knop voor afspelen')")
    func goldensUseAllowedMarks() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Golden.folder.path).filter { $0.hasSuffix(".txt") }
        #expect(files.count > 100)
        var unknown: [Character: String] = [:]
        for file in files {
            let text = try String(contentsOf: Golden.folder.appendingPathComponent(file), encoding: .utf8)
            let screen = text.components(separatedBy: "\n--- roles ---")[0]
            for c in screen where !c.isASCII && !c.isLetter && !c.isNumber && Self.allowed[c] == nil { unknown[c] = file }
        }
        #expect(unknown.isEmpty, "\(unknown.map { "'\($0.key)' (\(Self.noise[$0.key] ?? "not measured")) in \($0.value)" })")
    }

    @Test("the chosen option is marked with something said aloud, the others with nothing")
    func chosenOptionSaid() {
        var form = Form([FormField("c", "Zichtbaar", .choice(options: ["iedereen", "buren"], selected: 1))])
        var g = Grid(size: Size(cols: 60, rows: 2))
        form.render(into: &g, area: Rect(x: 0, y: 0, width: 60, height: 2))
        #expect(g.lines[0].contains("( ) iedereen  (x) buren"), "\(g.lines[0])")
        #expect(g.lines[0].hasPrefix(ListView.marker + " Zichtbaar"))
    }

    // MARK: Cut rows

    @Test("regression (issue 25): a list row that does not fit ends with '…'; one that fits is drawn whole (seeded)")
    func cutRowsSayCut() {
        var rng = SplitMix64(seed: 25)
        let pool = ["Wandelen", " rond ", "Hertme", "日本語", "👩🏽‍⚕️", "é", "a", "Grotestraat 101", "—", "  "]
        for _ in 0..<400 {
            let width = Int.random(in: 3...40, using: &rng)
            let count = Int.random(in: 1...4, using: &rng)
            let texts = (0..<count).map { _ in (0..<Int.random(in: 1...6, using: &rng)).map { _ in pool.randomElement(using: &rng)! }.joined() }
            let selected = Int.random(in: 0..<count, using: &rng)
            var g = Grid(size: Size(cols: width, rows: count))
            var state = ListState()
            ListView.draw(texts.map { ListRow($0) }, selectedRow: selected, state: &state, into: &g, area: Rect(x: 0, y: 0, width: width, height: count), emptyText: "")
            for (i, text) in texts.enumerated() {
                let full = (i == selected ? ListView.marker + " " : "  ") + text
                let drawn = g.lines[i]
                if TextWidth.width(full) <= width {
                    #expect(drawn == TextWidth.pad(full, to: width), "'\(drawn)' for '\(full)' at \(width)")
                } else {
                    let shown = String(drawn.reversed().drop { $0 == " " }.reversed())
                    #expect(shown.hasSuffix("…"), "'\(drawn)' for '\(full)' at \(width)")
                    #expect(full.hasPrefix(String(shown.dropLast())), "'\(drawn)' for '\(full)' at \(width)")
                    #expect(TextWidth.width(shown) <= width)
                }
            }
        }
    }

    // MARK: Boxes over a screen

    /// The rows a box covers: from its top corner to its bottom corner.
    static func boxRows(_ g: Grid) -> ClosedRange<Int>? {
        guard let top = g.lines.firstIndex(where: { $0.contains("┌") }), let bottom = g.lines.lastIndex(where: { $0.contains("└") }) else { return nil }
        return top...bottom
    }

    @Test("regression (issue 25): a dialog or the help over a list: each screen line it covers holds only the box's text",
          arguments: ["quit", "help"])
    func boxLinesHoldOnlyTheBox(which: String) throws {
        let d = Driver()
        // A list of activities under the box, with text across the whole width.
        #expect(d.screen.contains("Wandelen"))
        d.press(.char(which == "quit" ? "q" : "?"))
        let g = d.grid
        let rows = try #require(Self.boxRows(g), "\(g.text)")
        for y in rows {
            let line = g.lines[y]
            let left = try #require(line.firstIndex { "┌│└".contains($0) }, "row \(y): \(line)")
            let right = try #require(line.lastIndex { "┐│┘".contains($0) }, "row \(y): \(line)")
            #expect(line[..<left].allSatisfy { $0 == " " }, "row \(y): '\(line)'")
            #expect(line[line.index(after: right)...].allSatisfy { $0 == " " }, "row \(y): '\(line)'")
        }
    }

    // MARK: Help in short lines

    @Test("regression (issue 25): the help as read (its outline) is one short line per key, 'keys: help', without the drawn columns' padding")
    func helpReadAsShortLines() throws {
        let d = Driver()
        d.press(.char("4"))   // Profiel: for a visitor, the login form
        d.press(.function(1))
        let dialog = try #require(d.grid.outline.last { if case .dialog = $0 { return true } else { return false } })
        guard case .dialog(let title, let lines) = dialog else { return }
        #expect(title.hasPrefix("Help: "))
        #expect(lines.contains("Tab/↓: Volgend veld"), "\(lines)")
        #expect(lines.contains("Formulier"), "\(lines)")
        for line in lines {
            #expect(line.count <= 100 && !line.contains("  ") && !line.hasPrefix(" "), "'\(line)'")
        }
    }

    /// Keys a person might press, leaving the program and its dialog aside.
    static func randomKey(_ rng: inout SplitMix64) -> Key {
        while true {
            let k = MonkeyTests.randomKey(&rng)
            if k != .ctrl("c") && k != .char("q") && k != .resize { return k }
        }
    }

    @Test("regression (issue 25): no key's help on any screen is longer than 100 characters, so the help reads as short lines (seeded walk, every role)",
          arguments: MonkeyTests.roles.map(\.account))
    func helpLinesShort(account: String?) {
        var rng = SplitMix64(seed: 2525)
        let d = Driver(size: Size(cols: 100, rows: 30))
        if let account { d.logIn(account) }
        var long: [String: String] = [:]
        for _ in 0..<2000 {
            for b in d.app.activeBindings() {
                let line = b.keyText(english: false) + ": " + b.help
                if line.count > 100 { long[line] = "\(type(of: d.app.current))" }
            }
            d.press(Self.randomKey(&rng))
        }
        #expect(long.isEmpty, "\(long.map { "\($0.value): \($0.key.count) \($0.key)" })")
    }
}
