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

    /// "--email E" or "--demo", in the language.
    func usage(_ lang: Language) -> String {
        let v = value.map { " " + lang.t($0) } ?? ""
        return "--" + name + v + (repeatable ? "…" : "")
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
                    choices: [String]? = nil, _ help: Word) -> OptionSpec {
        OptionSpec(name: name, value: value, repeatable: repeatable, required: required, choices: choices, help: help)
    }

    static let email = opt("email", .e, required: true, .theAccountSEMail)
    /// Goes on without asking: for a command that erases or replaces data, run without a terminal.
    static let yes = opt("yes", nil, .withoutAskingNeededWithoutTerminal)

    /// Every command.
    static let all: [CommandSpec] = [
        CommandSpec(path: [], summary: .openTheInterfaceAgendaNotice, options: [
            opt("demo", nil, .onNewTemporaryDemoStore),
            opt("theme", .name4, .colourThemeStandaardHoogContrast),
            opt("idle-minutes", .n, .minutesWithoutKeyBeforeAutomatic),
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
            email, opt("reason", .text4, .theReason),
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
            opt("from", .yyyyMmDd, .fromThisDayDefaultToday),
            opt("days", .n, .thisManyDays1366),
            opt("format", .textIcsJson, choices: ["text", "ics", "json"], .outputIcsAndJsonOnly),
            opt("organisation", .name4, .onlyThisOrganisationS),
            opt("category", .category4, .onlyThisCategory),
            opt("search", .text4, .onlyWithThisText),
            opt("out", .file2, .writeTheFeedToThis),
        ]),
        CommandSpec(path: ["signup"], summary: .signUpSomeone, options: [
            opt("activity", .n, required: true, .activityNumber),
            opt("on", .yyyyMmDd, .dayOfTheOccurrence),
            opt("name", .name4, required: true, .nameOfThePerson),
            opt("email", .address4, required: true, .addressForConfirmation),
            opt("remind-days", .n, .remindDaysOption),
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
            opt("id", .n, required: true, .theConversationSNumberIntake),
            opt("number", .k, .whichReferralOfTheConversation),
            opt("out", .file2, .writeToThisFileReadable),
        ]),
        CommandSpec(path: ["retention"], summary: .eraseClosedConversationsAfterThe, options: []),
        CommandSpec(path: ["mail", "config"], summary: .setTheMailCommandAnd, options: [
            opt("command", .command, .sendmailCompatibleEGUsr),
            opt("from", .address4, .theSenderAddress),
        ]),
        CommandSpec(path: ["mail", "send"], summary: .sendTheWaitingEMails, options: []),
        CommandSpec(path: ["mail", "digest"], summary: .queueTheDailyDigests, options: []),
        CommandSpec(path: ["mail", "reminders"], summary: .queueTheReminders, options: []),
        CommandSpec(path: ["mail", "list"], summary: .showTheOutbox, options: []),
        CommandSpec(path: ["mail", "retry"], summary: .sendRefusedOrUncertainE, options: [
            opt("id", .n, required: true, .theNumberFromMailList),
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
            opt("max-sessions", .n, .howManySessionsAtOnce),
        ]),
        CommandSpec(path: ["keys"], summary: .showTheKeysWithYour, options: []),
        CommandSpec(path: ["bench"], summary: .measureOpenChangeEraseAgenda, options: [
            opt("scale", .n, .scale120Default1),
            opt("runs", .n, .runsPerScale150),
            opt("dir", .dir, .keepTheSyntheticStoreIn),
            opt("sessions", .n, .loadTestNSessionsAt),
            opt("seconds", .s, .howLongEachLoadTest),
        ]),
        CommandSpec(path: ["bench-child"], summary: .oneRunInternal, options: [
            opt("run", .n, .theRunSNumber),
            opt("frame", nil, .drawOnlyTheFirstScreen),
            opt("keys", nil, .timeKeyPressesInThe),
            opt("session", .k, .oneLoadTestSessionAs),
            opt("seconds", .s, .howLongThatSessionRuns),
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
