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
            return lang.pick(nl: "Onbekende opdracht '\(TextSanitizer.sanitize(c))'. Opdrachten: \(commands). Zie 'sociaalhus help'.",
                             en: "Unknown command '\(TextSanitizer.sanitize(c))'. Commands: \(commands). See 'sociaalhus help'.")
        case .unknownOption(let o, let command):
            let valid = (CommandSpec.all.first { $0.name == command }?.allOptions ?? CommandSpec.global).map { "--" + $0.name }.joined(separator: ", ")
            return lang.pick(nl: "Onbekende optie '\(TextSanitizer.sanitize(o))' voor '\(command)'. Geldig: \(valid). Zie '\(command) --help'.",
                             en: "Unknown option '\(TextSanitizer.sanitize(o))' for '\(command)'. Valid: \(valid). See '\(command) --help'.")
        case .strayWord(let w, let command):
            return lang.pick(nl: "'\(TextSanitizer.sanitize(w))' hoort niet bij '\(command)': elke waarde komt na een optie (--naam waarde). Zie '\(command) --help'.",
                             en: "'\(TextSanitizer.sanitize(w))' does not belong to '\(command)': every value comes after an option (--name value). See '\(command) --help'.")
        case .missingSubcommand(let group, let choices):
            return lang.pick(nl: "'sociaalhus \(group)' heeft nog een woord nodig: \(choices.joined(separator: ", ")). Zie 'sociaalhus help \(group)'.",
                             en: "'sociaalhus \(group)' needs one more word: \(choices.joined(separator: ", ")). See 'sociaalhus help \(group)'.")
        case .optionRepeated(let o):
            return lang.pick(nl: "--\(o) is twee keer gegeven; geef het één keer.", en: "--\(o) was given twice; give it once.")
        case .missingOption(let o):
            return lang.pick(nl: "De optie --\(o) ontbreekt; geef die op.", en: "The option --\(o) is missing; please give it.")
        case .missingValue(let o):
            return lang.pick(nl: "Na --\(TextSanitizer.sanitize(o)) hoort een waarde.", en: "--\(TextSanitizer.sanitize(o)) needs a value.")
        case .flagTakesNoValue(let o):
            return lang.pick(nl: "--\(o) heeft geen waarde.", en: "--\(o) takes no value.")
        case .invalidValue(let o, let v, let expected):
            return lang.pick(nl: "'\(TextSanitizer.sanitize(v))' is geen geldige waarde voor --\(o); verwacht: \(expected).", en: "'\(TextSanitizer.sanitize(v))' is not a valid value for --\(o); expected: \(expected).")
        case .passwordMismatch:
            return lang.pick(nl: "De twee wachtwoorden zijn niet gelijk; probeer het opnieuw.", en: "The two passwords differ; try again.")
        case .noPassword:
            return lang.pick(nl: "Er is geen wachtwoord gelezen; geef het op de standaardinvoer.", en: "No password was read; give it on standard input.")
        case .needsYes(let c):
            return lang.pick(nl: "'sociaalhus \(c)' wist of vervangt gegevens en kan hier niets vragen: geef --yes om het zonder vraag te doen. Er is niets veranderd.",
                             en: "'sociaalhus \(c)' erases or replaces data and cannot ask here: give --yes to do it without asking. Nothing was changed.")
        case .notConfirmed:
            return lang.pick(nl: "Niet bevestigd; er is niets veranderd.", en: "Not confirmed; nothing was changed.")
        case .photoSource:
            return lang.pick(nl: "Geef --from BESTAND (een JPEG of PNG) of --remove, één van beide.",
                             en: "Give --from FILE (a JPEG or PNG) or --remove, one of the two.")
        case .roleChange:
            return lang.pick(nl: "Geef --add ROL of --remove ROL, één van beide (bijvoorbeeld --add partner:Centrum).",
                             en: "Give --add ROLE or --remove ROLE, one of the two (for example --add partner:Centrum).")
        case .accountExists(let email, let roles):
            let e = TextSanitizer.sanitize(email)
            let commands = (roles.isEmpty ? ["ROL"] : roles).map { "sociaalhus account role --email \(e) --add " + Self.shellWord(TextSanitizer.sanitize($0)) }
            let commandsEN = (roles.isEmpty ? ["ROLE"] : roles).map { "sociaalhus account role --email \(e) --add " + Self.shellWord(TextSanitizer.sanitize($0)) }
            return lang.pick(nl: "Er bestaat al een account met het adres \(e); er is niets veranderd. Een rol geven aan een bestaand account: " + commands.joined(separator: "; ") + ".",
                             en: "An account with the address \(e) already exists; nothing was changed. To give an existing account a role: " + commandsEN.joined(separator: "; ") + ".")
        case .mailIncomplete:
            return lang.pick(nl: "Niet alle e-mails zijn verstuurd; ze staan nog in de outbox.", en: "Not every e-mail was sent; they are still in the outbox.")
        case .loadTestFailed:
            return lang.pick(nl: "De belastingtest vond een verloren wijziging, een sessie zonder uitslag of een opslag die niet in orde is (zie hierboven).",
                             en: "The load test found a lost change, a session without a result, or a store that is not sound (see above).")
        case .unknownTerminal(let term):
            return lang.pick(nl: "Het terminaltype '\(term)' (TERM) is hier onbekend. Start opnieuw met bijvoorbeeld TERM=xterm-256color.",
                             en: "The terminal type '\(term)' (TERM) is not known here. Start again with, for example, TERM=xterm-256color.")
        case .noTerminal:
            return lang.pick(nl: "Het scherm werkt alleen in een terminal. Gebruik de opdrachten uit 'sociaalhus help' in scripts.",
                             en: "The interface only works in a terminal. Use the commands of 'sociaalhus help' in scripts.")
        case .cannotWrite(let p, let r):
            return lang.pick(nl: "Kan \(TextSanitizer.sanitize(p)) niet schrijven: \(r).", en: "Cannot write \(TextSanitizer.sanitize(p)): \(r).")
        }
    }
}
