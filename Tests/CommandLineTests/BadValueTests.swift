import Foundation
import Testing
@testable import sociaalhus
import SociaalHusCore

/// Every wrong value on the command line is wrong words: exit 2, with a message that names the
/// option and says what it expects, for every command and every option that takes a value,
/// read from the command table itself (so a new option is covered the day it is added).
@Suite struct BadValueTests {
    typealias CLI = CommandLineTests

    /// A value each rule accepts, for the other options a command requires.
    static func good(_ o: OptionSpec) -> String {
        if let first = o.choices?.first { return first }
        switch o.rule {
        case .day: return "2026-03-14"
        case .number(let r): return String(max(r.lowerBound, 1))
        case .decimal(let r, _): return String(r.lowerBound)
        case .file: return "/tmp/sociaalhus-bad-value-test"
        case .text, .anyText: return o.name == "email" ? "anna@example.nl" : "Centrum"
        }
    }

    /// Values that break the option's rule: empty, and per rule impossible days, non-numbers
    /// and numbers just out of range.
    static func bad(_ o: OptionSpec) -> [String] {
        var values: [String] = []
        if case .anyText = o.rule {} else { values.append("") }
        if o.choices != nil { values.append("bogus") }
        switch o.rule {
        case .day: values += ["2026-13-40", "2026-02-30", "morgen", "14-03-2026"]
        case .number(let r):
            values += ["abc", "1.5", String(r.lowerBound - 1),
                       r.upperBound == Int.max ? "99999999999999999999999" : String(r.upperBound + 1)]
        case .decimal(let r, _): values += ["abc", "nan", String(r.lowerBound - 0.5), String(r.upperBound + 1)]
        case .text, .anyText, .file: values += o.name == "store" ? ["   "] : []
        }
        return values
    }

    /// What the message must say is expected for a wrong value of `o`.
    static func expected(_ o: OptionSpec, _ lang: Language) -> String {
        o.choices.map { $0.joined(separator: ", ") } ?? lang.t(o.rule.expected)
    }

    /// Every (command, option, bad value) of the table. `help` prints help whatever follows it
    /// and runs nothing, as `--help` does anywhere (HelpTests).
    static var cases: [(spec: CommandSpec, option: OptionSpec, value: String)] {
        CommandSpec.all.filter { $0.path != ["help"] }.flatMap { spec in
            spec.allOptions.filter { $0.value != nil }.flatMap { o in bad(o).map { (spec, o, $0) } }
        }
    }

    @Test("the table covers every command and every option that takes a value")
    func tableIsWhole() {
        let covered = Set(Self.cases.map { $0.spec.name + " --" + $0.option.name })
        // Any text is a good value of these: an empty --command sets no mail command, an empty
        // --reason gives none.
        let anyText = CommandSpec.all.flatMap { s in s.allOptions.filter { if case .anyText = $0.rule { true } else { false } }.map { s.name + " --" + $0.name } }
        #expect(Set(anyText) == ["sociaalhus account block --reason", "sociaalhus mail config --command"])
        for spec in CommandSpec.all where spec.path != ["help"] {
            for o in spec.allOptions where o.value != nil && !anyText.contains(spec.name + " --" + o.name) {
                #expect(covered.contains(spec.name + " --" + o.name), "\(spec.name) --\(o.name) has no bad value")
            }
        }
        #expect(Self.cases.count > 150)
    }

    @Test("every bad value of every option of every command exits 2, naming the option and what it expects",
          arguments: Language.allCases)
    func everyBadValueExits2(_ lang: Language) throws {
        for (spec, option, value) in Self.cases {
            // The other required options with good values; a store that does not exist, so a
            // value let through would fail later with 1, never run a command.
            var args = spec.path
            for o in spec.options where o.required && o.name != option.name {
                args += ["--" + o.name, Self.good(o)]
            }
            args += ["--" + option.name, value]
            if option.name != "store" { args += ["--store", "/nonexistent/sociaalhus-bad-value"] }
            if option.name != "lang" { args += ["--lang", lang.rawValue] }
            let r = try CLI.run(args)
            let shown = (["sociaalhus"] + args.map { $0.isEmpty ? "''" : $0 }).joined(separator: " ")
            #expect(r.status == 2, "\(shown) exited \(r.status): \(r.err)")
            #expect(r.err.contains("--" + option.name), "\(shown) does not name the option: \(r.err)")
            let want = option.name == "lang" ? Self.expected(option, .dutch) : Self.expected(option, lang)
            #expect(r.err.contains(want), "\(shown) does not say what is expected ('\(want)'): \(r.err)")
        }
    }

    @Test("agenda --from with a day that does not exist exits 2 like every other bad value")
    func agendaFromImpossibleDay() throws {
        let r = try CLI.run(["agenda", "--from", "2026-13-40", "--store", "/nonexistent/sociaalhus-bad-value"])
        #expect(r.status == 2, "\(r.err)")
        #expect(r.err.contains("'2026-13-40' is geen geldige waarde voor --from; verwacht: een dag die bestaat, als JJJJ-MM-DD"), "\(r.err)")
    }
}
