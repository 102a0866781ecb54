import Foundation
import SociaalHusCore
import SociaalHusUI

/// `sociaalhus keys`: the key table in force, as a keys file (every action with its keys, the
/// keys file's own lines marked), and what is wrong in the keys file, with its line.
enum KeysCommand {
    static func run(_ args: inout Arguments, _ ctx: CommandContext) throws -> Int32 {
        let (map, problems, path) = KeyMap.load(environment: ctx.environment)
        let file = path ?? KeyMap.path(environment: ctx.environment) ?? "~/.config/sociaalhus/keys"
        var lines = [
            ctx.t("# Toetsen van SociaalHus: actie en toetsen. Zet regels in \(file) om toetsen te verplaatsen.",
                  "# SociaalHus keys: action and keys. Put lines in \(file) to move keys."),
            ctx.t("# Een toets mag bij twee acties horen die nooit op hetzelfde scherm staan.",
                  "# A key may belong to two actions that are never on the same screen."),
        ]
        let width = KeyMap.defaults.map { $0.0.rawValue.count }.max() ?? 0
        for (action, keys) in KeyMap.defaults {
            let own = map.keys[action]
            let names = (own ?? keys).map(KeyMap.name(of:)).joined(separator: " ")
            lines.append(action.rawValue.padding(toLength: width + 2, withPad: " ", startingAt: 0) + names
                         + (own == nil ? "" : ctx.t("   # uit je toetsenbestand", "   # from your keys file")))
        }
        Console.out(lines.joined(separator: "\n"))
        for p in problems { Console.err(p.message(LanguageText(ctx.lang), file: file)) }
        return problems.isEmpty ? 0 : 1
    }
}
