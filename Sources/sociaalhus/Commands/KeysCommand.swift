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
            ctx.t(.sociaalhusKeysActionAndKeys(file)),
            ctx.t(.keyMayBelongToTwo),
        ]
        let width = KeyMap.defaults.map { $0.0.rawValue.count }.max() ?? 0
        for (action, keys) in KeyMap.defaults {
            let own = map.keys[action]
            let names = (own ?? keys).map(KeyMap.name(of:)).joined(separator: " ")
            lines.append(action.rawValue.padding(toLength: width + 2, withPad: " ", startingAt: 0) + names
                         + (own == nil ? "" : ctx.t(.fromYourKeysFile)))
        }
        Console.out(lines.joined(separator: "\n"))
        for p in problems { Console.err(p.message(LanguageText(ctx.lang), file: file)) }
        return problems.isEmpty ? 0 : 1
    }
}
