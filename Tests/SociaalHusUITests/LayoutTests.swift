import Foundation
import Testing
@testable import SociaalHusCore
import SociaalHusBench
@testable import SociaalHusUI
import TerminalKit

/// Layout by measurement: every screen a role reaches, drawn at the window sizes people use, in
/// both languages. A text is drawn whole, shortened with "…", or wrapped at a space; a text that
/// `Grid.put` had to cut where its room ended (`Grid.cuts`) is a finding, and one cut inside a
/// word is always one.
@Suite struct LayoutTests {
    /// The smallest window the app draws in, the classic terminal, a wide one and a large one.
    static let sizes = [Size(cols: 60, rows: 20), Size(cols: 80, rows: 24), Size(cols: 132, rows: 43), Size(cols: 200, rows: 50)]

    /// Every role (the demo account with it; nil: a visitor) in both languages.
    static let cases: [(String?, Language)] = KeyTableTests.roles.flatMap { r in [(r, Language.dutch), (r, .english)] }

    /// Keys a person uses to move between screens, open things, type a little and read the help.
    static func walkKey(_ rng: inout SplitMix64) -> Key {
        switch Int.random(in: 0..<100, using: &rng) {
        case 0..<4: return .function(1)
        case 4..<8: return .char(Array("Borne 12 ").randomElement(using: &rng)!)
        default: return KeyTableTests.walkKey(&rng)
        }
    }

    /// The cuts of a grid, each named with where it was seen.
    static func findings(_ g: Grid, _ place: String) -> [String] {
        g.cuts.map { "\(place): \($0.isMidWord ? "mid-word " : "")\($0)" }
    }

    @Test("no text on any screen a role reaches is cut at 60×20, 80×24, 132×43 or 200×50", arguments: cases)
    func nothingCut(as prefix: String?, lang: Language) {
        let d = Driver(lang: lang, size: Self.sizes[1])
        if let prefix { d.logIn(prefix) }
        var rng = SplitMix64(seed: (prefix.map { $0.unicodeScalars.reduce(28) { $0 &* 31 &+ UInt64($1.value) } } ?? 28) &+ (lang == .dutch ? 0 : 1))
        var found: [String: Int] = [:]
        var seen: Set<String> = []
        for step in 0..<400 {
            if step > 0 { d.press(Self.walkKey(&rng)) }
            if d.app.dialogAnswer != nil { d.press(.char("n")) }
            let title = d.app.current.title(d.app.ctx)
            seen.insert(title)
            for size in Self.sizes {
                for f in Self.findings(d.app.render(size: size), "\(title) \(size.cols)×\(size.rows)") { found[f, default: 0] += 1 }
            }
        }
        // Drawing at the walk's own size again leaves the app as the walk left it.
        _ = d.app.render(size: Self.sizes[1])
        #expect(found.isEmpty, "\(found.count) cut texts (\(lang)):\n\(found.keys.sorted().prefix(60).joined(separator: "\n"))")
        #expect(seen.count >= 4, "the walk reached only \(seen.sorted())")
    }
}

/// Every form a person types into, opened as they open it, at each size in both languages, with
/// the focus on each of its fields in turn (a form scrolls to its focus) and its help open.
@Suite struct FormLayoutTests {
    static let cases: [(DiscardAsksTests.FormCase, Language)] = DiscardAsksTests.forms.flatMap { [($0, Language.dutch), ($0, .english)] }

    @Test("no text on any form is cut, with the focus on any field, at any of the four sizes", arguments: cases)
    func nothingCut(_ form: DiscardAsksTests.FormCase, lang: Language) throws {
        let d = Driver(lang: lang)
        try form.prepare(d)
        if let a = form.account { d.logIn(a) }
        if form.name == "RegisterScreen" {
            // Opened by its button's id: the case's own way looks for the Dutch words.
            d.press(.char("4"))
            for _ in 0..<20 where (d.app.current as? FormScreen)?.form.focusedID != "register" { d.press(.tab) }
            d.press(.enter)
        } else {
            form.open(d)
        }
        var found: Set<String> = []
        func look(_ what: String) {
            for size in LayoutTests.sizes {
                found.formUnion(LayoutTests.findings(d.app.render(size: size), "\(what) \(size.cols)×\(size.rows)"))
            }
        }
        let fields = (d.app.current as? FormScreen)?.form.fields.count ?? 12
        for k in 0..<fields {
            look("\(form.name) field \(k)")
            d.press(.tab)
        }
        d.press(.function(1))
        look("\(form.name) help")
        #expect(found.isEmpty, "\(found.count) cut texts (\(lang)):\n\(found.sorted().prefix(60).joined(separator: "\n"))")
    }
}

/// The window-size findings, each at the size it was seen, in both languages. A line's words
/// are compared with the same line in a window wide enough for all of it: a word shown is a
/// whole word of it, or ends in "…".
@Suite struct WindowSizeFindingsTests {
    static let small = Size(cols: 60, rows: 20), wide = Size(cols: 200, rows: 50)

    /// The words of `shown` that are no word of `whole` and do not end in "…" (cut words).
    static func cutWords(_ shown: String, of whole: String) -> [String] {
        let words = Set(whole.split(separator: " ").map(String.init))
        return shown.split(separator: " ").map(String.init).filter { !words.contains($0) && !$0.hasSuffix("…") }
    }

    /// The text of row `y`, without the frame of a box or the focus marker.
    static func row(_ g: Grid, _ y: Int) -> String {
        g.lines[y].replacingOccurrences(of: "│", with: " ").replacingOccurrences(of: ListView.marker, with: " ")
            .trimmingCharacters(in: .whitespaces)
    }

    /// The label of the tick box whose text starts with `start`: its row and the rows under it
    /// that go on at the same column (a label wrapped at a word).
    static func label(_ g: Grid, from start: String) -> String? {
        guard let y = g.lines.firstIndex(where: { $0.contains(start) }) else { return nil }
        let line = Array(g.lines[y])
        let column = (0..<line.count).first { String(line[$0...]).hasPrefix(start) }!
        var text = row(g, y)
        var next = y + 1
        while next < g.size.rows {
            let cells = Array(g.lines[next])
            guard cells[column] != " ", cells[column - 1] == " ", cells[(column - 4)..<column].allSatisfy({ $0 == " " }) else { break }
            text += " " + row(g, next)
            next += 1
        }
        return text
    }

    @Test("60×20: the month view's heading shows whole words", arguments: Language.allCases)
    func monthHeading(_ lang: Language) {
        let d = Driver(lang: lang, size: Self.wide)
        d.press(.char("1"), .char("m"))
        let whole = Self.row(d.grid, 1)
        d.size = Self.small
        let shown = Self.row(d.grid, 1)
        #expect(Self.cutWords(shown, of: whole).isEmpty, "\(shown)\nof \(whole)")
        #expect(d.grid.cuts.isEmpty, "\(d.grid.cuts)")
    }

    @Test("60×20: the platform's 'Besloten' tick box says all of its label", arguments: Language.allCases)
    func privateTickBox(_ lang: Language) {
        let d = Driver(lang: lang, size: Self.small)
        d.logIn("bram")
        d.press(.char("7"), .char("p"))
        let start = lang == .dutch ? "Besloten:" : "Private:"
        let shown = Self.label(d.grid, from: start) ?? ""
        #expect(shown.hasSuffix(lang == .dutch ? "privacyverklaring" : "privacy statement"), "\(shown)\n\(d.screen)")
        #expect(d.grid.cuts.isEmpty, "\(d.grid.cuts)")
    }

    @Test("60×20: the notification e-mail's tick box on the profile says all of its label", arguments: Language.allCases)
    func notificationTickBox(_ lang: Language) {
        let d = Driver(lang: lang, size: Self.small)
        d.logIn("anna")
        d.press(.char("4"))
        let start = lang == .dutch ? "Notificaties uit" : "Notifications from"
        // Tab down to the tick box (the form scrolls to it).
        for _ in 0..<40 where Self.label(d.grid, from: start) == nil || !d.grid.lines.contains(where: { $0.contains(ListView.marker) && $0.contains(start) }) {
            d.press(.tab)
        }
        let shown = Self.label(d.grid, from: start) ?? ""
        #expect(shown.hasSuffix(lang == .dutch ? "interessegebied" : "areas of interest"), "\(shown)\n\(d.screen)")
        #expect(d.grid.cuts.isEmpty, "\(d.grid.cuts)")
    }

    @Test("60×20: the help window's last line is whole", arguments: Language.allCases)
    func helpLastLine(_ lang: Language) {
        let d = Driver(lang: lang, size: Self.small)
        d.press(.function(1))
        let g = d.grid
        // The last row inside the box, and the one above it when the line was wrapped.
        let bottom = g.lines.lastIndex { $0.contains("└") }!
        let shown = Self.row(g, bottom - 2) + " " + Self.row(g, bottom - 1)
        let closes = lang == .dutch ? "andere toets sluit" : "any other key closes"
        #expect(shown.hasSuffix(closes), "\(shown)\n\(d.screen)")
        #expect(g.cuts.isEmpty, "\(g.cuts)")
    }

    /// The new-post form at 200×50: its rows, the text area's first row and its counter.
    static func newPost(_ lang: Language) -> (grid: Grid, areaTop: Int, areaBottom: Int, counter: (x: Int, y: Int), preview: Int, lastFormRow: Int) {
        let d = Driver(lang: lang, size: Self.wide)
        d.logIn("anna")
        d.press(.char("2"), .char("n"))
        let g = d.grid
        let lines = g.lines
        let label = lang == .dutch ? "Tekst" : "Text"
        let areaTop = lines.firstIndex { $0.dropFirst(2).hasPrefix(" " + label + " ") || $0.dropFirst(3).hasPrefix(label + " ") }!
        // The input rows of the area are drawn in the input style after the label column.
        let inputX = (0..<g.size.cols).first { g[$0, areaTop].role == .input }!
        var areaBottom = areaTop
        while g[inputX, areaBottom + 1].role == .input { areaBottom += 1 }
        let counterRow = areaBottom + 1
        let counterX = lines[counterRow].range(of: "/")!.lowerBound.utf16Offset(in: lines[counterRow])
        let preview = lines.firstIndex { $0.contains(lang == .dutch ? "Zo zien anderen" : "How others") }!
        let button = lines.lastIndex { $0.contains("[ " + (lang == .dutch ? "Plaatsen" : "Post") + " ]") }!
        return (g, areaTop, areaBottom, (counterX, counterRow), preview, button)
    }

    @Test("200×50: the new post's text area grows with the window, beyond its 5 rows", arguments: Language.allCases)
    func textAreaGrows(_ lang: Language) {
        let p = Self.newPost(lang)
        #expect(p.areaBottom - p.areaTop + 1 > 5, "\(p.grid.text)")
    }

    @Test("200×50: the character counter sits right under the end of its text area, not at the window's edge", arguments: Language.allCases)
    func counterBesideItsField(_ lang: Language) {
        let p = Self.newPost(lang)
        let g = p.grid
        let areaEnd = (0..<g.size.cols).last { g[$0, p.areaTop].role == .input }!
        let counterEnd = (p.counter.x..<g.size.cols).first { g[$0, p.counter.y].text == " " }! - 1
        #expect(counterEnd <= areaEnd && areaEnd - counterEnd <= 2, "counter ends at \(counterEnd), the area at \(areaEnd)")
        #expect(counterEnd < 120, "counter at column \(p.counter.x)")
    }

    @Test("200×50: the new post's preview follows its form instead of the window's bottom", arguments: Language.allCases)
    func previewFollowsForm(_ lang: Language) {
        let p = Self.newPost(lang)
        #expect(p.preview > p.lastFormRow && p.preview - p.lastFormRow <= 2, "the form ends on row \(p.lastFormRow), the preview starts on row \(p.preview)\n\(p.grid.text)")
    }
}
