import Foundation
import SociaalHusCore

/// One option of a command: its name, whether it takes a value, and its help line.
struct OptionSpec {
    /// Name without the dashes ("email").
    var name: String
    /// What the value is called in help ("E", "FILE"); nil for a flag.
    var value: Word?
    /// May be given more than once.
    var repeatable = false
    /// Must be given.
    var required = false
    /// The only values accepted, when the set is fixed.
    var choices: [String]? = nil
    /// One line of help.
    var help: Word
    /// What a value must be; checked for every command before it runs, so a wrong value exits 2
    /// naming the option and what it expects, wherever it is given.
    var rule: ValueRule = .text

    /// "--email E" or "--demo", in the language.
    func usage(_ lang: Language) -> String {
        let v = value.map { " " + lang.t($0) } ?? ""
        return "--" + name + v + (repeatable ? "…" : "")
    }
}

/// What an option's value must be. Checked by the parser for every command alike: a value
/// that breaks its rule is wrong words on the command line (exit 2), never a store's refusal.
enum ValueRule {
    /// Any text but an empty one.
    case text
    /// The name of a file: not empty.
    case file
    /// Any text; empty means something ("--command ''" sets no mail command).
    case anyText
    /// A day that exists, as YYYY-MM-DD.
    case day
    /// A whole number in the range.
    case number(ClosedRange<Int>)
    /// A number with or without decimals in the range, with what the help calls it.
    case decimal(ClosedRange<Double>, Word)

    /// True when `value` keeps the rule.
    func accepts(_ value: String) -> Bool {
        switch self {
        case .anyText: return true
        case .text, .file: return !value.trimmingCharacters(in: .whitespaces).isEmpty
        case .day: return ISODate.day(value) != nil
        case .number(let range): return Int(value).map(range.contains) ?? false
        case .decimal(let range, _): return Double(value).map { $0.isFinite && range.contains($0) } ?? false
        }
    }

    /// What the rule expects, in words.
    var expected: Word {
        switch self {
        case .text, .anyText: .valueNotEmpty
        case .file: .nameOfAFile
        case .day: .dayThatExists
        case .number(let r): r.upperBound == Int.max ? .numberFromOrMore(r.lowerBound) : .numberFromTo(r.lowerBound, r.upperBound)
        case .decimal(_, let word): word
        }
    }
}

/// One command: the words that name it, a summary, and the options it takes. Dispatch, the
/// parser's checks and every help text are generated from this table, so they cannot drift.
struct CommandSpec {
    /// The words after `sociaalhus` ([] for the interface, ["account", "add"]).
    var path: [String]
    /// One line saying what it does.
    var summary: Word
    /// Its own options (the global ones are added).
    var options: [OptionSpec]
    /// Left out of the command list (internal).
    var hidden = false

    /// "sociaalhus account add".
    var name: String { (["sociaalhus"] + path).joined(separator: " ") }

    /// The options valid here: its own and the global ones.
    var allOptions: [OptionSpec] { options + CommandSpec.global }

    /// Options every command takes.
    static let global: [OptionSpec] = [
        OptionSpec(name: "store", value: .dir, help: .theStoreFolderElseSociaalhus),
        OptionSpec(name: "lang", value: .nlEn, choices: ["nl", "en"], help: .languageOfTheOutputDutch),
        OptionSpec(name: "help", value: nil, help: .showThisHelpAndDo),
    ]

    static func opt(_ name: String, _ value: Word?, required: Bool = false, repeatable: Bool = false,
                    choices: [String]? = nil, rule: ValueRule? = nil, _ help: Word) -> OptionSpec {
        OptionSpec(name: name, value: value, repeatable: repeatable, required: required, choices: choices, help: help,
                   rule: rule ?? (value.map { $0 == .file2 } == true ? .file : .text))
    }

    /// A whole number of at least 1 (a record's number).
    static let positive = ValueRule.number(1...Int.max)

    static let email = opt("email", .e, required: true, .theAccountSEMail)
    /// Goes on without asking: for a command that erases or replaces data, run without a terminal.
    static let yes = opt("yes", nil, .withoutAskingNeededWithoutTerminal)

    /// Every command.
    static let all: [CommandSpec] = [
        CommandSpec(path: [], summary: .openTheInterfaceAgendaNotice, options: [
            opt("demo", nil, .onNewTemporaryDemoStore),
            opt("theme", .name4, .colourThemeStandaardHoogContrast),
            opt("idle-minutes", .n, rule: .decimal(1...1440, .minutesFrom1To1440), .minutesWithoutKeyBeforeAutomatic),
            opt("plain", nil, .plainTextForScreenReaders),
            opt("ascii", nil, .asciiCharactersOnlyAutomaticWithout),
            opt("shared", nil, .servedToOthersOverSsh),
        ]),
        CommandSpec(path: ["init"], summary: .createNewStore, options: [
            opt("demo", nil, .fillTheStoreWithDemo),
            opt("wijk", .name4, repeatable: true, .neighbourhoodElseTheNeighbourhoodsOf),
        ]),
        CommandSpec(path: ["account", "add"], summary: .createAnAccountThePassword, options: [
            email,
            opt("name", .n, required: true, .theName),
            opt("wijk", .w, required: true, .theNeighbourhood),
            opt("role", .role2, repeatable: true, .residentEditorOrganisationDeskPartner),
            opt("visibility", .level, choices: ["anoniem", "alleen-buren", "openbaar"], .whoSeesTheProfileAnoniem),
            opt("interest", .area, repeatable: true, .anAreaOfInterest),
        ]),
        CommandSpec(path: ["account", "block"], summary: .blockAnAccountOnRequest, options: [
            email, opt("reason", .text4, rule: .anyText, .theReason),
        ]),
        CommandSpec(path: ["account", "unblock"], summary: .liftBlock, options: [email]),
        CommandSpec(path: ["account", "verify"], summary: .verifyAnAccountSNeighbourhood, options: [email]),
        CommandSpec(path: ["account", "letters"], summary: .writeTheLettersWithCode, options: [
            opt("out", .file2, .writeThemToThisFile),
        ]),
        CommandSpec(path: ["account", "reset"], summary: .makeOneTimeCodeFor, options: [email]),
        CommandSpec(path: ["account", "erase"], summary: .eraseAnAccountAndAll, options: [email, yes]),
        CommandSpec(path: ["account", "photo"], summary: .setOrRemoveAnAccount, options: [
            email,
            opt("from", .file2, .jpegOrPngFile),
            opt("remove", nil, .removeThePhoto),
        ]),
        CommandSpec(path: ["account", "role"], summary: .giveOrTakeRoleOf, options: [
            email,
            opt("add", .role2, .giveThisRoleResidentEditor),
            opt("remove", .role2, .takeThisRoleTheLast),
        ]),
        CommandSpec(path: ["export"], summary: .everythingHeldAboutPersonAs, options: [
            email, opt("out", .file2, .writeToThisFileReadable),
        ]),
        CommandSpec(path: ["agenda"], summary: .theAgendaAsVisitorSees, options: [
            opt("wijk", .w, .onlyThisNeighbourhoodNeededFor),
            opt("from", .yyyyMmDd, rule: .day, .fromThisDayDefaultToday),
            opt("days", .n, rule: .number(1...366), .thisManyDays1366),
            opt("weeks", .n, rule: .number(1...26), .thisManyWeeks126),
            opt("format", .textIcsJsonPdf, choices: ["text", "ics", "json", "pdf"], .outputFormatsWithPdf),
            opt("large", nil, .largePrintForPdf),
            opt("organisation", .name4, .onlyThisOrganisationS),
            opt("category", .category4, .onlyThisCategory),
            opt("search", .text4, .onlyWithThisText),
            opt("out", .file2, .writeTheFeedOrPdfTo),
        ]),
        CommandSpec(path: ["signup"], summary: .signUpSomeone, options: [
            opt("activity", .n, required: true, .activityNumber),
            opt("on", .yyyyMmDd, rule: .day, .dayOfTheOccurrence),
            opt("name", .name4, required: true, .nameOfThePerson),
            opt("email", .address4, required: true, .addressForConfirmation),
            opt("remind-days", .n, rule: .number(0...SignUp.maximumRemindDays), .remindDaysOption),
        ]),
        CommandSpec(path: ["check"], summary: .verifyEveryFileOfThe, options: []),
        CommandSpec(path: ["backup"], summary: .writeBackupOfTheStore, options: [
            opt("to", .file2, required: true, .theNewFileReadableBy),
        ]),
        CommandSpec(path: ["restore"], summary: .putBackupBackWhoeverWas, options: [
            opt("from", .file2, required: true, .theBackupFromSociaalhusBackup),
            yes,
        ]),
        CommandSpec(path: ["intake", "receipt"], summary: .theReceiptOfReferralTo, options: [
            opt("id", .n, required: true, rule: positive, .theConversationSNumberIntake),
            opt("number", .k, rule: positive, .whichReferralOfTheConversation),
            opt("out", .file2, .writeToThisFileReadable),
        ]),
        CommandSpec(path: ["retention"], summary: .eraseClosedConversationsAfterThe, options: []),
        CommandSpec(path: ["mail", "config"], summary: .setTheMailCommandAnd, options: [
            opt("command", .command, rule: .anyText, .sendmailCompatibleEGUsr),
            opt("from", .address4, .theSenderAddress),
        ]),
        CommandSpec(path: ["mail", "send"], summary: .sendTheWaitingEMails, options: []),
        CommandSpec(path: ["mail", "digest"], summary: .queueTheDailyDigests, options: []),
        CommandSpec(path: ["mail", "reminders"], summary: .queueTheReminders, options: []),
        CommandSpec(path: ["mail", "list"], summary: .showTheOutbox, options: []),
        CommandSpec(path: ["mail", "retry"], summary: .sendRefusedOrUncertainE, options: [
            opt("id", .n, required: true, rule: positive, .theNumberFromMailList),
        ]),
        CommandSpec(path: ["privacy", "show"], summary: .showThePrivacyStatementIn, options: []),
        CommandSpec(path: ["privacy", "set"], summary: .replaceThePrivacyStatementWith, options: [
            opt("nl", .file2, required: true, .theDutchTextUtf8),
            opt("en", .file2, required: true, .theEnglishTextUtf8),
        ]),
        CommandSpec(path: ["privacy", "reset"], summary: .restoreTheStandardPrivacyStatement, options: []),
        CommandSpec(path: ["deploy", "ssh"], summary: .showHowOpensshServesThe, options: [
            opt("user", .name4, .theSystemUserThatOwns),
            opt("binary", .path, .theProgramSshdStartsDefault),
            opt("max-sessions", .n, rule: .number(1...10_000), .howManySessionsAtOnce),
        ]),
        CommandSpec(path: ["keys"], summary: .showTheKeysWithYour, options: []),
        CommandSpec(path: ["bench"], summary: .measureOpenChangeEraseAgenda, options: [
            opt("scale", .n, rule: .number(1...20), .scale120Default1),
            opt("runs", .n, rule: .number(1...50), .runsPerScale150),
            opt("dir", .dir, .keepTheSyntheticStoreIn),
            opt("sessions", .n, rule: .number(1...500), .loadTestNSessionsAt),
            opt("seconds", .s, rule: .number(1...3600), .howLongEachLoadTest),
        ]),
        CommandSpec(path: ["bench-child"], summary: .oneRunInternal, options: [
            opt("run", .n, rule: .number(0...Int.max), .theRunSNumber),
            opt("frame", nil, .drawOnlyTheFirstScreen),
            opt("keys", nil, .timeKeyPressesInThe),
            opt("session", .k, rule: .number(0...Int.max), .oneLoadTestSessionAs),
            opt("seconds", .s, rule: .number(1...3600), .howLongThatSessionRuns),
            opt("go", .file2, .afterLoggingInWaitUntil),
        ], hidden: true),
        CommandSpec(path: ["help"], summary: .showTheHelpOrThat, options: []),
    ]

    /// The command named by the leading words, with how many words it took (longest match).
    static func find(_ words: [String]) -> (spec: CommandSpec, used: Int)? {
        all.filter { !$0.path.isEmpty && words.starts(with: $0.path) }.max { $0.path.count < $1.path.count }.map { ($0, $0.path.count) }
    }

    /// The commands whose path starts with `prefix` ("account" → add, block, unblock, erase).
    static func group(_ prefix: [String]) -> [CommandSpec] {
        all.filter { !$0.hidden && !$0.path.isEmpty && $0.path.starts(with: prefix) && $0.path.count > prefix.count }
    }

    /// The usage line: "sociaalhus account add --email E --name N [--role ROLE]…".
    func usage(_ lang: Language) -> String {
        let parts = options.map { $0.required ? $0.usage(lang) : "[" + $0.usage(lang) + "]" }
        return ([name] + parts).joined(separator: " ")
    }

    /// The help of this command: usage, summary and every option with its line.
    func help(_ lang: Language) -> String {
        var lines = [lang.t(.usage) + usage(lang), "", lang.t(summary).capitalisedFirst + ".", ""]
        lines.append(lang.t(.options))
        let rows = allOptions.map { ($0.usage(lang), lang.t($0.help) + ($0.required ? lang.t(.required) : "")) }
        let width = min((rows.map { $0.0.count }.max() ?? 0) + 2, 28)
        for (u, h) in rows {
            lines.append(u.count + 2 > width ? "  " + u + "\n" + String(repeating: " ", count: width + 2) + h
                                             : "  " + u.padding(toLength: width, withPad: " ", startingAt: 0) + h)
        }
        if path == ["account", "add"] {
            lines += ["", lang.t(PasswordPolicy.explanation)]
        }
        return lines.joined(separator: "\n")
    }

    /// The general help: every command with its summary, generated from the table.
    static func overview(_ lang: Language) -> String {
        var lines = [lang.t(.sociaalhusAgendaNoticeBoardAnd), "",
                     lang.t(.usageSociaalhusCommandOptions), "",
                     lang.t(.commands)]
        let pad = 18
        func row(_ left: String, _ right: String) -> String {
            "  " + (left.count >= pad ? left + " " : left.padding(toLength: pad, withPad: " ", startingAt: 0)) + right
        }
        for c in all where !c.hidden {
            let words = c.path.isEmpty ? lang.t(.none2) : c.path.joined(separator: " ")
            lines.append(row(words, lang.t(c.summary)))
        }
        lines += ["", lang.t(.theInterfaceNoCommand)]
        for o in all[0].options { lines.append(row(o.usage(lang), lang.t(o.help))) }
        lines += ["", lang.t(.forEveryCommand)]
        for o in global { lines.append(row(o.usage(lang), lang.t(o.help))) }
        lines.append(row("--version", lang.t(.showTheVersion)))
        lines += ["",
                  lang.t(.moreAboutOneCommandSociaalhus),
                  lang.t(.exitCodes0Done1)]
        return lines.joined(separator: "\n")
    }

    /// The product version shown by `--version`.
    static let version = "SociaalHus 0.10"
}

extension String {
    /// The text with its first letter in capitals.
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
