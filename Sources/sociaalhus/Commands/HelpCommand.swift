import Foundation
import SociaalHusCore

/// `sociaalhus help [COMMAND]`, `--help` and `-h`: generated from the command table.
enum HelpCommand {
    /// The help for the command named by `path`: the overview for none, the list of a group
    /// ("account"), or one command's usage and options.
    static func text(for path: [String], _ lang: Language) -> String {
        if path.isEmpty { return CommandSpec.overview(lang) }
        let wanted = path == ["privacy"] ? ["privacy", "show"] : path
        if let (spec, _) = CommandSpec.find(wanted) { return spec.help(lang) }
        let members = CommandSpec.group([path[0]])
        if !members.isEmpty {
            return ([lang.pick(nl: "Opdrachten met '\(path[0])':", en: "Commands with '\(path[0])':")]
                    + members.map { "  " + $0.usage(lang) + "\n      " + lang.pick(nl: $0.summary.nl, en: $0.summary.en) }
                    + ["", lang.pick(nl: "Meer: sociaalhus \(path[0]) WOORD --help", en: "More: sociaalhus \(path[0]) WORD --help")])
                .joined(separator: "\n")
        }
        return CommandSpec.overview(lang)
    }
}
