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
            return ([lang.t(.commandsWith(path[0]))]
                    + members.map { "  " + $0.usage(lang) + "\n      " + lang.t($0.summary) }
                    + ["", lang.t(.moreSociaalhusWordHelp(path[0]))])
                .joined(separator: "\n")
        }
        return CommandSpec.overview(lang)
    }
}
