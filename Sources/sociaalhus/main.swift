import Foundation
import SociaalHusCore

// Entry point: parse the words against the command table, run one command (or print help and
// do nothing else), and turn every error into one plain sentence on stderr with exit status 1
// (the store or a rule refused) or 2 (wrong words on the command line).
let environment = ProcessInfo.processInfo.environment
let words = Array(CommandLine.arguments.dropFirst())
// The language is known before the words are checked, so even a parse error is in it.
let langWord = words.firstIndex(of: "--lang").flatMap { words.indices.contains($0 + 1) ? words[$0 + 1] : nil }
    ?? words.first { $0.hasPrefix("--lang=") }.map { String($0.dropFirst(7)) }
var lang = Language.resolve(explicit: ["nl", "en"].contains(langWord ?? "") ? langWord : nil, environment: environment)
var status: Int32 = 0
do {
    switch try Arguments.parse(words) {
    case .version:
        Console.out(CommandSpec.version)
    case .help(let path):
        Console.out(HelpCommand.text(for: path, lang))
    case .run(let spec, var args):
        let ctx = CommandContext(lang: lang, environment: environment)
        switch spec.path.first {
        case nil: status = try InterfaceCommand.run(&args, ctx)
        case "init": try InitCommand.run(&args, ctx)
        case "account": try AccountCommand.run(&args, ctx)
        case "export": try ExportCommand.run(&args, ctx)
        case "agenda": try AgendaCommand.run(&args, ctx)
        case "signup": try SignUpCommand.run(&args, ctx)
        case "check": status = try CheckCommand.run(&args, ctx)
        case "backup": try BackupCommand.backup(&args, ctx)
        case "restore": try BackupCommand.restore(&args, ctx)
        case "retention": try RetentionCommand.run(&args, ctx)
        case "intake": try IntakeCommand.run(&args, ctx)
        case "mail": try MailCommand.run(&args, ctx)
        case "privacy": try PrivacyCommand.run(&args, ctx)
        case "keys": status = try KeysCommand.run(&args, ctx)
        case "deploy": try DeployCommand.run(&args, ctx)
        case "bench": try BenchCommand.run(&args, ctx)
        case "bench-child": try BenchCommand.child(&args, ctx)
        case let other?: throw CLIError.unknownCommand(other)
        }
        // What was printed left out a damaged record: say so, and fail.
        if let damage = CommandContext.opened.store?.damage { throw damage }
    }
} catch let e as CoreError {
    Console.err(e.message(lang))
    status = 1
} catch let e as CLIError {
    Console.err(e.message(lang))
    // Mail that could not all be sent, or an address that has an account, is a refusal, not a
    // wrong word: 1, as documented.
    status = e.isRefusal ? 1 : 2
} catch {
    Console.err(lang.t(.unexpectedError(String(describing: error))))
    status = 1
}
// The store is closed, not left to the process's end: the last connection folds its log and
// removes the `-wal` and `-shm` it made, so a visitor who only looked leaves every file as it
// was; it does so under the store's lock, never while a reader looks at them.
var opened = CommandContext.opened.store
CommandContext.opened.store = nil
Store.release(&opened)
// For `sociaalhus bench`: this process's peak memory, written where it asks (a parent cannot
// measure a child's own peak: the child's counter starts from the parent's at fork).
if let file = environment["SOCIAALHUS_PEAK_FILE"], let procStatus = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
   let line = procStatus.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
   let kb = line.split(separator: " ").compactMap({ Double($0) }).first {
    try? String(kb / 1024).write(toFile: file, atomically: false, encoding: .utf8)
}
exit(status)
