import Foundation
import Testing
@testable import SociaalHusCore
@testable import SociaalHusUI
import TerminalKit

/// Plain mode reads a list to its end a page at a time, and writes
/// nothing a speech synthesiser reads as noise.
@Suite(.serialized) struct PlainReadingTests {
    /// The item numbers in lines ("12. …").
    static func numbers(_ lines: some Sequence<String>) -> [Int] {
        lines.compactMap { line in
            guard let dot = line.firstIndex(of: "."), let n = Int(line[..<dot]) else { return nil }
            return n
        }
    }

    @Test("Enter reads the next page until the list ends: every item once, in order, each page saying how many are left",
          arguments: [nil, "/koffie"] as [String?])
    func pagesToTheEnd(search: String?) throws {
        let d = Driver()
        let (s, lines) = PlainSessionTests.session(d)
        s.start()
        if let search { s.handle(line: search) }
        let start = lines.all.lastIndex { $0 == "Agenda." } ?? 0
        let count = try #require(PlainSession.position(d.app.render(size: PlainSession.size).outline)?.of)
        try #require(count > 30, "a list longer than a page")
        for _ in 0..<20 where !lines.all.contains(where: { $0.hasPrefix("Einde van de lijst") }) { s.handle(line: "") }
        let said = Array(lines.all[start...])
        #expect(Self.numbers(said) == Array(1...count), "every item once, in order")
        var read = 0
        for (i, line) in said.enumerated() {
            if let n = Self.numbers([line]).first { read = n }
            if line.hasPrefix("Nog ") {
                #expect(line == "Nog \(count - read) van \(count) activiteiten; Enter voor meer.", "\(line) after item \(read)")
                // A day heading is never the last thing before "more": its items come with it.
                #expect(Self.numbers([said[i - 1]]).first != nil, "\(said[i - 1]) ends a page")
            }
        }
        #expect(said.last == "Einde van de lijst: \(count) activiteiten.")
        #expect(!said.contains { $0.contains("Niets veranderd") }, "Enter always read on")
    }

    @Test("!pgdn reads the next page, !pgup the one before: through a pipe and on an 80×24 terminal",
          arguments: [nil, Size(cols: 80, rows: 24)] as [Size?])
    func pageKeys(terminal: Size?) throws {
        let d = Driver()
        let (s, lines) = PlainSessionTests.session(d)
        s.terminal = terminal
        s.start()
        let firstPage = Self.numbers(lines.all)
        let before = lines.all.count
        s.handle(line: "!pgdn")
        let second = Self.numbers(lines.all[before...])
        #expect(second.first == (firstPage.last ?? 0) + 1 && second.count > 3, "\(second)")
        let back = lines.all.count
        s.handle(line: "!pgup")
        let again = Self.numbers(lines.all[back...])
        #expect(again.first == firstPage.first && again.last.map { $0 >= second.first! - 1 } == true, "the page before again: \(again)")
    }

    @Test("lists say what they hold: days in the month view, not activities")
    func nouns() throws {
        let d = Driver()
        let (s, lines) = PlainSessionTests.session(d)
        s.start()
        s.handle(line: "m")
        let month = lines.all.drop { !$0.hasPrefix("Maandoverzicht") }
        #expect(month.contains { $0.range(of: #"^\d+ dagen\.$"#, options: .regularExpression) != nil }, "\(month.prefix(4))")
        #expect(!month.contains { $0.range(of: #"^\d+ activiteiten\.$"#, options: .regularExpression) != nil })
    }

    /// Marks a speech synthesiser reads aloud as words, or that only decorate.
    static let noise = ["==", "▶", "◀", "•", "│", "┌", "─", "» ", " *", "*:", "↓", "↑"]

    @Test("what plain mode writes on every tab and first item, for every role, holds no symbol a synthesiser reads as noise",
          arguments: [nil, "anna", "kees", "lotte", "bram"] as [String?])
    func noSpokenNoise(as prefix: String?) {
        let d = Driver()
        if let prefix { d.logIn(prefix) }
        let (s, lines) = PlainSessionTests.session(d)
        s.start()
        for tab in ["agenda", "prikbord", "organisaties", "profiel", "intake", "berichten", "moderatie"] {
            s.handle(line: "!esc")
            s.handle(line: "!" + tab)
            s.handle(line: "1")
            s.handle(line: "!esc")
        }
        for line in lines.all {
            for mark in Self.noise where line.contains(mark) {
                Issue.record("\(prefix ?? "visitor"): '\(mark)' in: \(line)")
            }
        }
    }

    @Test("the first screen's first item comes before anything else but the screen's name and its day")
    func firstItemFirst() {
        let d = Driver()
        let (s, lines) = PlainSessionTests.session(d)
        s.start()
        #expect(lines.all.count > 3)
        #expect(lines.all[0] == "Agenda.", "the name only: the count comes at the page's end (\(lines.all[0]))")
        #expect(Self.numbers([lines.all[2]]) == [1], "\(lines.all.prefix(3))")
    }

    @Test("the intro names the keys a keys file gives")
    func introFollowsKeys() throws {
        let d = Driver()
        let (map, problems) = KeyMap.parse("down  J\nquit  Q\n")
        #expect(problems.isEmpty)
        d.app.ctx.keyMap = map
        let (s, _) = PlainSessionTests.session(d)
        #expect(s.intro().contains("(J, k, Q;"), "\(s.intro())")
    }

    @Test("regression: a form's summary names every field, the focused one too, and the questions start at the first field that is not a button")
    func formSummary() {
        let d = Driver()
        d.logIn("anna")
        let (s, lines) = PlainSessionTests.session(d)
        s.start()
        s.handle(line: "!profiel")
        let said = lines.all.drop { !$0.hasPrefix("Profiel, formulier met 33 velden.") }
        #expect(said.contains("Naam: Demo Anna de Vries."), "the field asked first is in the summary too")
        #expect(said.contains("Wie ziet je: Openbaar."))
        #expect(said.last?.hasPrefix("Veld 5 van 33: Naam") == true, "\(said.suffix(1))")
    }

    @Test("on a 24-row terminal no answer is longer than the terminal: the help and a long form's summary come a page at a time")
    func answersFitTheTerminal() {
        let d = Driver()
        d.logIn("anna")
        let lines = PlainSessionTests.Lines()
        var answers: [[String]] = []
        let s = PlainSession(app: d.app) { lines.all.append($0) }
        s.terminal = Size(cols: 80, rows: 24)
        func say(_ line: String) {
            let before = lines.all.count
            s.handle(line: line)
            answers.append(Array(lines.all[before...]))
        }
        s.start()
        #expect(lines.all.count <= 23)
        say("!profiel")
        #expect(answers.last!.count <= 23 && answers.last!.last?.hasPrefix("Nog ") == true, "\(answers.last!)")
        // The rest up to the question, then an empty line answers it (keeps the name).
        for _ in 0..<3 where answers.last!.last?.hasPrefix("Nog ") == true { say("") }
        // (The question is broken over lines at spaces: its start is among the last three.)
        #expect(answers.last!.suffix(3).contains { $0.hasPrefix("Veld 5 van 33: Naam") }, "\(answers.last!)")
        say("")
        #expect(answers.last!.suffix(3).contains { $0.hasPrefix("Veld 6 van 33: Wijk") }, "\(answers.last!)")
        say("!?")
        #expect(answers.last!.first == "Toetsen van Profiel:" && answers.last!.count <= 23)
        #expect(answers.allSatisfy { $0.count <= 23 && $0.allSatisfy { $0.count < 80 } }, "every answer fits 80×24")
    }

    @Test("regression: what was held back of a resident's long form is not given to the next person after the automatic logout")
    func heldNotAfterLogout() {
        let clock = FixedClock(fixedNow)
        let d = Driver(store: UIFixture.freshStore(clock: clock), idleTimeout: 60)
        d.logIn("anna")
        let (s, lines) = PlainSessionTests.session(d)
        s.terminal = Size(cols: 80, rows: 24)
        s.start()
        s.handle(line: "!profiel")
        #expect(lines.all.last?.hasPrefix("Nog ") == true, "part of the profile is held back")
        clock.set(fixedNow.addingTimeInterval(61))
        s.tick()
        clock.set(fixedNow.addingTimeInterval(61 + 31))
        s.tick()
        #expect(d.app.ctx.account == nil)
        let after = lines.all.count
        s.handle(line: "")
        let said = lines.all[after...]
        #expect(!said.contains { $0.contains("06-00 00 01 01") || $0.contains("Grotestraat") || $0.contains("Telefoon:") }, "\(said)")
    }
}
