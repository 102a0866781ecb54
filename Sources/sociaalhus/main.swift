import Foundation
import SociaalHusCore

// Entry point: parse the words, run one command, and turn every error into one plain sentence
// on stderr with a non-zero exit status.
let environment = ProcessInfo.processInfo.environment
var lang = Language.resolve(explicit: nil, environment: environment)
var status: Int32 = 0
do {
    var args = try Arguments(Array(CommandLine.arguments.dropFirst()))
    lang = Language.resolve(explicit: args.value("lang"), environment: environment)
    let ctx = CommandContext(lang: lang, environment: environment)
    switch args.positional.first {
    case nil:
        try InterfaceCommand.run(&args, ctx)
    case "help": Console.out(HelpCommand.text(lang))
    case "init": try InitCommand.run(&args, ctx)
    case "account": try AccountCommand.run(&args, ctx)
    case "export": try ExportCommand.run(&args, ctx)
    case "agenda": try AgendaCommand.run(&args, ctx)
    case "check": status = try CheckCommand.run(&args, ctx)
    case "retention": try RetentionCommand.run(&args, ctx)
    case "mail": try MailCommand.run(&args, ctx)
    case "privacy": try PrivacyCommand.run(&args, ctx)
    case "bench": try BenchCommand.run(&args, ctx)
    case "bench-child": try BenchCommand.child(&args, ctx)
    case let other?: throw CLIError.unknownCommand(other)
    }
} catch let e as CoreError {
    Console.err(e.message(lang))
    status = 1
} catch let e as CLIError {
    Console.err(e.message(lang))
    status = 2
} catch {
    Console.err(lang.pick(nl: "Onverwachte fout: \(error)", en: "Unexpected error: \(error)"))
    status = 1
}
exit(status)
