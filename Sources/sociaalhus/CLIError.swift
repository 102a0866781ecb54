import Foundation
import SociaalHusCore

/// The command line's own user-facing errors (wrong words); store and rule errors are `CoreError`.
enum CLIError: Error {
    case unknownCommand(String)
    case unknownOption(String, command: String)
    case strayWord(String, command: String)
    case missingSubcommand(String, choices: [String])
    case optionRepeated(String)
    case missingOption(String)
    case missingValue(String)
    case flagTakesNoValue(String)
    case invalidValue(option: String, value: String, expected: String)
    /// A value that breaks its option's `ValueRule`.
    case badValue(option: String, value: String, rule: ValueRule)
    case passwordMismatch
    case noPassword
    /// `account photo` needs exactly one of --from and --remove.
    case photoSource
    /// `account role` needs exactly one of --add and --remove.
    case roleChange
    /// `account add` for an address that has an account: the operator gives it roles with
    /// `account role` (a refusal by the store, exit 1, not wrong words).
    case accountExists(email: String, roles: [String])
    /// A command that erases or replaces data, run without a terminal to ask on and without --yes.
    case needsYes(command: String)
    /// The person at the terminal did not confirm a command that erases or replaces data.
    case notConfirmed
    case cannotWrite(path: String, reason: String)
    case noTerminal
    case unknownTerminal(String)
    case mailIncomplete
    case loadTestFailed
    /// Two options that say the same thing in two ways (`--weeks` and `--days`).
    case eitherOption(String, String)
    /// `--large` without `--format pdf`.
    case largeOnlyWithPdf
    /// A PDF asked for without `--out` while the output is a terminal.
    case pdfToTerminal

    /// True for a refusal by the store or a rule (exit 1), not wrong words on the command line (exit 2).
    var isRefusal: Bool {
        switch self {
        case .mailIncomplete, .accountExists: true
        default: false
        }
    }

    /// A word as a shell takes it back: quoted when it holds a space or a quote.
    static func shellWord(_ s: String) -> String {
        s.contains(where: { $0 == " " || $0 == "'" || $0 == "\"" }) ? "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" : s
    }

    /// One plain sentence for stderr.
    func message(_ lang: Language) -> String {
        switch self {
        case .unknownCommand(let c):
            let commands = Set(CommandSpec.all.filter { !$0.hidden && !$0.path.isEmpty }.map { $0.path[0] }).sorted().joined(separator: ", ")
            return lang.t(.unknownCommandCommandsSeeSociaalhus(TextSanitizer.sanitize(c), commands))
        case .unknownOption(let o, let command):
            let valid = (CommandSpec.all.first { $0.name == command }?.allOptions ?? CommandSpec.global).map { "--" + $0.name }.joined(separator: ", ")
            return lang.t(.unknownOptionForValidSee(TextSanitizer.sanitize(o), command, valid))
        case .strayWord(let w, let command):
            return lang.t(.doesNotBelongToEvery(TextSanitizer.sanitize(w), command))
        case .missingSubcommand(let group, let choices):
            return lang.t(.sociaalhusNeedsOneMoreWord(group, choices.joined(separator: ", ")))
        case .optionRepeated(let o):
            return lang.t(.wasGivenTwiceGiveIt(o))
        case .missingOption(let o):
            return lang.t(.theOptionIsMissingPlease(o))
        case .missingValue(let o):
            return lang.t(.needsValue(TextSanitizer.sanitize(o)))
        case .flagTakesNoValue(let o):
            return lang.t(.takesNoValue(o))
        case .invalidValue(let o, let v, let expected):
            return lang.t(.isNotValidValueFor(TextSanitizer.sanitize(v), o, expected))
        case .badValue(let o, let v, let rule):
            return lang.t(.isNotValidValueFor(TextSanitizer.sanitize(v), o, rule.expected))
        case .passwordMismatch:
            return lang.t(.theTwoPasswordsDifferTry)
        case .noPassword:
            return lang.t(.noPasswordWasReadGive)
        case .needsYes(let c):
            return lang.t(.sociaalhusErasesOrReplacesData(c))
        case .notConfirmed:
            return lang.t(.notConfirmedNothingWasChanged)
        case .photoSource:
            return lang.t(.giveFromFileJpegOr)
        case .roleChange:
            return lang.t(.giveAddRoleOrRemove)
        case .accountExists(let email, let roles):
            let e = TextSanitizer.sanitize(email)
            let commands = (roles.isEmpty ? [lang.t(.role2)] : roles).map { "sociaalhus account role --email \(e) --add " + Self.shellWord(TextSanitizer.sanitize($0)) }
            return lang.t(.accountExistsGiveRole(e, commands.joined(separator: "; ")))
        case .mailIncomplete:
            return lang.t(.notEveryEMailWas)
        case .loadTestFailed:
            return lang.t(.theLoadTestFoundLost)
        case .unknownTerminal(let term):
            return lang.t(.theTerminalTypeTermIs(term))
        case .noTerminal:
            return lang.t(.theInterfaceOnlyWorksIn)
        case .cannotWrite(let p, let r):
            return lang.t(.cannotWrite(TextSanitizer.sanitize(p), r))
        case .eitherOption(let a, let b):
            return lang.t(.giveOneOptionNotBoth(a, b))
        case .largeOnlyWithPdf:
            return lang.t(.largeOnlyWithPdf)
        case .pdfToTerminal:
            return lang.t(.pdfNotToTerminal)
        }
    }
}
