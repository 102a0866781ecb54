import Foundation
@_spi(Operator) import SociaalHusCore

/// `sociaalhus privacy show|set --nl FILE --en FILE|reset`: the privacy statement in force, and
/// replacing it with a partner's own text (with its own processing agreement).
enum PrivacyCommand {
    static func run(_ args: inout Arguments, _ ctx: CommandContext) throws {
        let sub = args.positional.count > 1 ? args.positional[1] : "show"
        switch sub {
        case "show":
            let store = try ctx.openStore(&args, use: .read)
            Console.out(TextSanitizer.sanitize(ctx.lang.t(PrivacyStatement.text(settings: store.settings)), keepNewlines: true))
        case "set":
            let nl = try args.required("nl"), en = try args.required("en")
            let store = try ctx.openStore(&args)
            func read(_ path: String) throws -> String {
                guard let d = FileManager.default.contents(atPath: path), let s = String(data: d, encoding: .utf8) else {
                    throw CLIError.invalidValue(option: path == nl ? "nl" : "en", value: path, expected: ctx.t(.readableUtf8TextFile))
                }
                return s
            }
            try store.perform(.setPrivacyStatement(dutch: try read(nl), english: try read(en)), as: .commandLine)
            Console.out(ctx.t(.theOwnPrivacyStatementIs))
        case "reset":
            let store = try ctx.openStore(&args)
            try store.perform(.setPrivacyStatement(dutch: nil, english: nil), as: .commandLine)
            Console.out(ctx.t(.theStandardPrivacyStatementIs))
        default: throw CLIError.unknownCommand("privacy " + sub)
        }
    }
}
