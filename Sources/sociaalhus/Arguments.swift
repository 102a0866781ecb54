import Foundation
import SociaalHusCore

/// Parsed command-line words: positional words and `--name value` options (repeatable) and `--flag`s.
struct Arguments {
    /// Words that are not options, in order.
    var positional: [String] = []
    private var options: [String: [String]] = [:]
    private var flags: Set<String> = []
    private var used: Set<String> = []

    /// Options that never take a value.
    static let flagNames: Set<String> = ["demo", "help", "json"]

    /// Splits `words` into positional words, options and flags.
    init(_ words: [String]) throws {
        var i = 0
        while i < words.count {
            let w = words[i]
            if w == "--" { positional += words[(i + 1)...]; break }
            if w.hasPrefix("--") {
                var name = String(w.dropFirst(2))
                var value: String?
                if let eq = name.firstIndex(of: "=") {
                    value = String(name[name.index(after: eq)...])
                    name = String(name[..<eq])
                }
                if Self.flagNames.contains(name) {
                    if value != nil { throw CLIError.flagTakesNoValue(name) }
                    flags.insert(name)
                } else {
                    if value == nil {
                        guard i + 1 < words.count else { throw CLIError.missingValue(name) }
                        i += 1
                        value = words[i]
                    }
                    options[name, default: []].append(value!)
                }
            } else if w == "-h" {
                flags.insert("help")
            } else {
                positional.append(w)
            }
            i += 1
        }
    }

    /// The last value of an option.
    mutating func value(_ name: String) -> String? {
        used.insert(name)
        return options[name]?.last
    }

    /// Every value of a repeatable option.
    mutating func values(_ name: String) -> [String] {
        used.insert(name)
        return options[name] ?? []
    }

    /// A required option.
    mutating func required(_ name: String) throws -> String {
        guard let v = value(name), !v.isEmpty else { throw CLIError.missingOption(name) }
        return v
    }

    /// Whether a flag was given.
    mutating func flag(_ name: String) -> Bool {
        used.insert(name)
        return flags.contains(name)
    }

    /// Throws when an option was given that the command does not know.
    func rejectUnknown() throws {
        if let unknown = (Set(options.keys).union(flags)).subtracting(used).subtracting(["help"]).sorted().first {
            throw CLIError.unknownOption(unknown)
        }
    }
}
