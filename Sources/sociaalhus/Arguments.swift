import Foundation
import SociaalHusCore

/// What the command line asks for: help (and nothing else), the version, or one command.
enum Invocation {
    /// Print the help of the command named by these words (the overview for none).
    case help([String])
    /// Print the version.
    case version
    /// Run a command with its checked arguments.
    case run(CommandSpec, Arguments)
}

/// Parsed command-line words, checked against the command's `CommandSpec`: every option is
/// known, flags take no value, values are given, fixed choices are respected, nothing stray.
struct Arguments {
    /// The words naming the command ("account", "add").
    var positional: [String] = []
    private var options: [String: [String]] = [:]
    private var flags: Set<String> = []

    /// Reads the words. `--help` or `-h` anywhere (before `--`) wins over everything else, so
    /// asking for help can never run a command.
    static func parse(_ words: [String]) throws -> Invocation {
        let beforeDashes = words.prefix { $0 != "--" }
        // The options every command takes may also come before the command words
        // ("sociaalhus --store /srv/sh retention", as cron lines are often written).
        var words = words
        var globals: [String] = []
        var k = 0
        while k < words.count && words[k] != "--" {
            let w = words[k]
            if (w == "--store" || w == "--lang"), k + 1 < words.count {
                globals += [w, words[k + 1]]
                words.removeSubrange(k...(k + 1))
            } else if w.hasPrefix("--store=") || w.hasPrefix("--lang=") {
                globals.append(w)
                words.remove(at: k)
            } else if !w.hasPrefix("-") {
                break
            } else {
                k += 1
            }
        }
        let leading = Array(words.prefix { !$0.hasPrefix("-") })
        if beforeDashes.contains(where: { $0 == "--help" || $0 == "-h" || $0.hasPrefix("--help=") }) {
            return .help(leading.first == "help" ? Array(leading.dropFirst()) : leading)
        }
        if leading.first == "help" {
            let path = Array(leading.dropFirst())
            // "help bogus" or "help account add extra" names no command: say so, do not guess.
            if !path.isEmpty && CommandSpec.find(path)?.used != path.count && !(path.count == 1 && !CommandSpec.group(path).isEmpty) && path != ["privacy"] {
                throw CLIError.unknownCommand(path.joined(separator: " "))
            }
            return .help(path)
        }
        if words == ["--version"] || words == ["-V"] { return .version }
        var path = leading
        if path == ["privacy"] { path = ["privacy", "show"] }
        let spec: CommandSpec
        let used: Int
        if path.isEmpty {
            spec = CommandSpec.all[0]
            used = 0
        } else if let found = CommandSpec.find(path) {
            (spec, used) = found
        } else if !CommandSpec.group([path[0]]).isEmpty {
            throw CLIError.missingSubcommand(path[0], choices: CommandSpec.group([path[0]]).map { $0.path.last! })
        } else {
            throw CLIError.unknownCommand(path[0])
        }
        var args = Arguments()
        args.positional = Array(path.prefix(used))
        let rest = Array(words.dropFirst(min(used, leading.count))) + globals
        try args.read(rest, spec)
        return .run(spec, args)
    }

    private mutating func read(_ words: [String], _ spec: CommandSpec) throws {
        let known = spec.allOptions
        var i = 0
        while i < words.count {
            let w = words[i]
            if w == "--" {
                if let stray = words.dropFirst(i + 1).first { throw CLIError.strayWord(stray, command: spec.name) }
                break
            }
            guard w.hasPrefix("--"), w.count > 2 else {
                throw w.hasPrefix("-") && w.count > 1 ? CLIError.unknownOption(w, command: spec.name) : CLIError.strayWord(w, command: spec.name)
            }
            var name = String(w.dropFirst(2))
            var value: String?
            if let eq = name.firstIndex(of: "=") {
                value = String(name[name.index(after: eq)...])
                name = String(name[..<eq])
            }
            guard let option = known.first(where: { $0.name == name }) else {
                throw CLIError.unknownOption("--" + name, command: spec.name)
            }
            if option.value == nil {
                if value != nil { throw CLIError.flagTakesNoValue(name) }
                flags.insert(name)
            } else {
                if value == nil {
                    // "--email --name X" means the value was forgotten, not that it is "--name".
                    guard i + 1 < words.count, !(words[i + 1].hasPrefix("--") && known.contains { "--" + $0.name == words[i + 1].split(separator: "=").first.map(String.init) }) else {
                        throw CLIError.missingValue(name)
                    }
                    i += 1
                    value = words[i]
                }
                if let choices = option.choices, !choices.contains(value!) {
                    throw CLIError.invalidValue(option: name, value: value!, expected: choices.joined(separator: ", "))
                }
                // Every value against its option's rule, before any command runs: an impossible
                // day or a number out of range is wrong words (2), never a refusal found later (1).
                // (An empty --store, an unset variable, must not fall back to another store.)
                if !option.rule.accepts(value!) {
                    throw CLIError.badValue(option: name, value: value!, rule: option.rule)
                }
                if options[name] != nil && !option.repeatable { throw CLIError.optionRepeated(name) }
                options[name, default: []].append(value!)
            }
            i += 1
        }
        for o in spec.options where o.required && options[o.name] == nil {
            throw CLIError.missingOption(o.name)
        }
    }

    /// The last value of an option.
    func value(_ name: String) -> String? { options[name]?.last }

    /// Every value of a repeatable option.
    func values(_ name: String) -> [String] { options[name] ?? [] }

    /// A required option.
    func required(_ name: String) throws -> String {
        guard let v = value(name), !v.isEmpty else { throw CLIError.missingOption(name) }
        return v
    }

    /// Whether a flag was given.
    func flag(_ name: String) -> Bool { flags.contains(name) }
}
