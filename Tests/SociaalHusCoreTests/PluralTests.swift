import Foundation
@testable import SociaalHusCore
import Testing

/// Counts read right: a number in a text takes its noun in the form the number asks ("1
/// seconde", "2 seconden"), and the catalogue chooses that form (`Catalogue.plural`), so no
/// screen or command can say "Probeer het over 1 seconden". The scan finds every count word of
/// both catalogues; the table words each one with 0, 1 and 2 in both languages.
@Suite struct PluralTests {
    /// One count word: how to make it for a count, and what each language must say.
    struct Row {
        var name: String
        var make: @Sendable (Int) -> Word
        /// For 0, 1 and 2: a text each language's wording must hold.
        var expected: [Language: [String]]
    }

    /// A word whose counts go through `plural`: per count, its singular and plural form.
    static func row(_ name: String, _ make: @escaping @Sendable (Int) -> Word, nl: [(String, String)], en: [(String, String)]) -> [Row] {
        func texts(_ forms: [(String, String)]) -> [[String]] {
            forms.map { one, many in (0...2).map { n in "\(n) " + (n == 1 ? one : many) } }
        }
        var rows: [Row] = []
        for (a, b) in zip(texts(nl), texts(en)) { rows.append(Row(name: name, make: make, expected: [.dutch: a, .english: b])) }
        return rows
    }

    /// A word whose count changes more than its noun ("elke dag", "om de 2 dagen").
    static func texts(_ name: String, _ make: @escaping @Sendable (Int) -> Word, nl: [String], en: [String]) -> [Row] {
        [Row(name: name, make: make, expected: [.dutch: nl, .english: en])]
    }

    /// Every count word, with what it must say for 0, 1 and 2 in Dutch and English.
    static let table: [Row] = Array([
        row("backupOfRestoredIntoRecords", { n in .backupOfRestoredIntoRecords("X", "X", n, n, n, n) }, nl: [("record", "records"), ("bestand", "bestanden"), ("account", "accounts"), ("gesprek", "gesprekken")], en: [("record", "records"), ("file", "files"), ("account", "accounts"), ("conversation", "conversations")]),
        row("backupWrittenToReadableBy", { n in .backupWrittenToReadableBy("X", n, n) }, nl: [("record", "records"), ("bestand", "bestanden")], en: [("record", "records"), ("file", "files")]),
        row("closedConversationSOlderThan", { n in .closedConversationSOlderThan(n, n) }, nl: [("afgesloten gesprek", "afgesloten gesprekken"), ("maand", "maanden")], en: [("closed conversation", "closed conversations"), ("month", "months")]),
        row("dailyDigestSQueuedIn", { n in .dailyDigestSQueuedIn(n) }, nl: [("samenvatting", "samenvattingen")], en: [("digest", "digests")]),
        row("demoDataPlacedOrganisationsActivities", { n in .demoDataPlacedOrganisationsActivities(n, n, n, n) }, nl: [("organisatie", "organisaties"), ("activiteit", "activiteiten"), ("prikbordbericht", "prikbordberichten"), ("account", "accounts")], en: [("organisation", "organisations"), ("activity", "activities"), ("account", "accounts")]),
        row("eraseEverythingOfTheVisitor", { n in .eraseEverythingOfTheVisitor("X", n, n, n) }, nl: [("bericht", "berichten"), ("melding", "meldingen"), ("wachtende e-mail", "wachtende e-mails")], en: [("message", "messages"), ("report", "reports"), ("waiting e-mail", "waiting e-mails")]),
        row("letterSWrittenToPrint", { n in .letterSWrittenToPrint(n, "X") }, nl: [("brief", "brieven")], en: [("letter", "letters")]),
        row("oneTimeCodeForAccount", { n in .oneTimeCodeForAccount("X", "X", "X", n) }, nl: [("uur", "uur")], en: [("hour", "hours")]),
        row("scaleStoreBuiltInS", { n in .scaleStoreBuiltInS("X", "X", n) }, nl: [("meting", "metingen")], en: [("run", "runs")]),
        row("sessionSWithoutResult", { n in .sessionSWithoutResult(n) }, nl: [("sessie", "sessies")], en: [("session", "sessions")]),
        row("sessionsSEachOnBorne", { n in .sessionsSEachOnBorne(n, "X") }, nl: [("sessie", "sessies")], en: [("session", "sessions")]),
        row("textSByOthersStill", { n in .textSByOthersStill(n) }, nl: [("tekst van anderen noemt", "teksten van anderen noemen")], en: [("text by others still mentions", "texts by others still mention")]),
        row("theStoreHasProblemS", { n in .theStoreHasProblemS("X", n) }, nl: [("probleem", "problemen")], en: [("problem", "problems")]),
        row("theStoreIsSoundFiles", { n in .theStoreIsSoundFiles("X", n, n) }, nl: [("bestand", "bestanden"), ("record", "records")], en: [("file", "files"), ("record", "records")]),
        row("theVisitorIsErasedRow", { n in .theVisitorIsErasedRow("X", n) }, nl: [("rij", "rijen")], en: [("row", "rows")]),
        row("choosePasswordOfAtLeast", { n in .choosePasswordOfAtLeast(n, "X") }, nl: [("teken", "tekens")], en: [("character", "characters")]),
        row("yourPasswordIsTooLong", { n in .yourPasswordIsTooLong(n) }, nl: [("teken", "tekens")], en: [("character", "characters")]),
        row("yourPasswordIsTooShort", { n in .yourPasswordIsTooShort(n, n) }, nl: [("teken", "tekens"), ("teken", "tekens")], en: [("character", "characters"), ("character", "characters")]),
        row("itIsBytesLongInstead", { n in .itIsBytesLongInstead(n, "X") }, nl: [("byte", "bytes")], en: [("byte", "bytes")]),
        row("itIsBytesLongLarger", { n in .itIsBytesLongLarger(n) }, nl: [("byte", "bytes")], en: [("byte", "bytes")]),
        row("chooseRetentionPeriodOfTo", { n in .chooseRetentionPeriodOfTo("X", n) }, nl: [("maand", "maanden")], en: [("month", "months")]),
        row("codeHasCharactersLikeAbcd", { n in .codeHasCharactersLikeAbcd(n) }, nl: [("teken", "tekens")], en: [("character", "characters")]),
        row("codesHaveAlreadyBeenAsked", { n in .codesHaveAlreadyBeenAsked(n, n) }, nl: [("code", "codes"), ("minuut", "minuten")], en: [("code", "codes"), ("minute", "minutes")]),
        row("helpingOnBehalfOfThe", { n in .helpingOnBehalfOfThe(n) }, nl: [("minuut", "minuten")], en: [("minute", "minutes")]),
        row("isTooLongAtMost", { n in .isTooLongAtMost("X", n) }, nl: [("teken", "tekens")], en: [("character", "characters")]),
        row("postStaysUpForAt", { n in .postStaysUpForAt(n) }, nl: [("dag", "dagen")], en: [("day", "days")]),
        row("thisCodeHasExpiredCode", { n in .thisCodeHasExpiredCode(n) }, nl: [("uur", "uur")], en: [("hour", "hours")]),
        row("tooManyFailedAttemptsTry", { n in .tooManyFailedAttemptsTry(n) }, nl: [("seconde", "seconden")], en: [("second", "seconds")]),
        row("areYouStillThereMy", { n in .areYouStillThereMy(n) }, nl: [("seconde", "seconden")], en: [("second", "seconds")]),
        row("areYouStillThereYou", { n in .areYouStillThereYou(n) }, nl: [("seconde", "seconden")], en: [("second", "seconds")]),
        row("fieldTextAtMostCharacters", { n in .fieldTextAtMostCharacters("X", "X", n, ", X") }, nl: [("teken", "tekens")], en: [("character", "characters")]),
        row("fieldTextAtMostCharacters2", { n in .fieldTextAtMostCharacters2("X", "X", n) }, nl: [("teken", "tekens")], en: [("character", "characters")]),
        row("formWithFields", { n in .formWithFields(n) }, nl: [("veld", "velden")], en: [("field", "fields")]),
        row("helpingOnBehalfOfHas3", { n in .helpingOnBehalfOfHas3("X", n) }, nl: [("minuut", "minuten")], en: [("minute", "minutes")]),
        row("moreLinesEnterForMore", { n in .moreLinesEnterForMore(n) }, nl: [("regel", "regels")], en: [("more line", "more lines")]),
        row("myDataAsVisitorCloses", { n in .myDataAsVisitorCloses(n) }, nl: [("seconde", "seconden")], en: [("second", "seconds")]),
        row("youWillBeLoggedOut", { n in .youWillBeLoggedOut(n) }, nl: [("seconde", "seconden")], en: [("second", "seconds")]),
        row("fieldsAreNotRightYet", { n in .fieldsAreNotRightYet(n, "X") }, nl: [("veld klopt", "velden kloppen")], en: [("field is", "fields are")]),
        row("activities2", { n in .activities2(n) }, nl: [("activiteit", "activiteiten")], en: [("activity", "activities")]),
        row("deleteThisConversationMessagesFrom", { n in .deleteThisConversationMessagesFrom(n) }, nl: [("bericht", "berichten")], en: [("message", "messages")]),
        row("messagesOldestFirst", { n in .messagesOldestFirst(n) }, nl: [("bericht", "berichten")], en: [("message", "messages")]),
        row("queuedForRecipientSIn", { n in .queuedForRecipientSIn(n) }, nl: [("ontvanger", "ontvangers")], en: [("recipient", "recipients")]),
        row("postS", { n in .postS(n) }, nl: [("bericht", "berichten")], en: [("post", "posts")]),
        row("closedConversationsAreThenErased", { n in .closedConversationsAreThenErased("X", n) }, nl: [("maand", "maanden")], en: [("month", "months")]),
        row("conversationClosedItWillBe", { n in .conversationClosedItWillBe(n) }, nl: [("maand", "maanden")], en: [("month", "months")]),
        row("conversationSOfThisPerson", { n in .conversationSOfThisPerson(n) }, nl: [("gesprek", "gesprekken")], en: [("conversation", "conversations")]),
        row("theRetentionPeriodIsNow", { n in .theRetentionPeriodIsNow(n, n) }, nl: [("maand", "maanden"), ("verlopen gesprek", "verlopen gesprekken")], en: [("month", "months"), ("expired conversation", "expired conversations")]),
        row("thisErasesConversationSSee", { n in .thisErasesConversationSSee(n, "X") }, nl: [("gesprek", "gesprekken")], en: [("conversation", "conversations")]),
        row("codeIsDigits", { n in .codeIsDigits(n) }, nl: [("cijfer", "cijfers")], en: [("digit", "digits")]),
        row("eraseForGoodEverythingSociaalhus", { n in .eraseForGoodEverythingSociaalhus("X", n, n, n, n) }, nl: [("bericht", "berichten"), ("antwoord", "antwoorden"), ("e-mail", "e-mails"), ("melding", "meldingen")], en: [("message", "messages"), ("answer", "answers"), ("e-mail", "e-mails"), ("report", "reports")]),
        row("theCodeIsDigitsAnd", { n in .theCodeIsDigitsAnd(n, n, "X") }, nl: [("cijfer", "cijfers"), ("minuut", "minuten")], en: [("digit", "digits"), ("minute", "minutes")]),
        row("thisCodeIsNotRight", { n in .thisCodeIsNotRight(n) }, nl: [("keer", "keer")], en: [("more time", "more times")]),
        row("youHaveAlreadyAskedFor", { n in .youHaveAlreadyAskedFor(n) }, nl: [("keer", "keer")], en: [("time", "times")]),
        row("dayS", { n in .dayS(n) }, nl: [("dag", "dagen")], en: [("day", "days")]),
        row("eraseYourAccountYourProfile", { n in .eraseYourAccountYourProfile(n, n) }, nl: [("prikbordbericht", "prikbordberichten"), ("bericht", "berichten")], en: [("post", "posts"), ("message", "messages")]),
        row("printWeeks", { n in .printWeeks(n) }, nl: [("week", "weken")], en: [("week", "weeks")]),
        row("signUpPlacesBelowTaken", { n in .signUpPlacesBelowTaken(n) }, nl: [("plaats", "plaatsen"), ("plaats", "plaatsen")], en: [("place", "places"), ("place", "places")]),
        row("remindDaysOutOfRange", { n in .remindDaysOutOfRange(n) }, nl: [("dag", "dagen")], en: [("day", "days")]),
        row("feedLeftOutHeader", { n in .feedLeftOutHeader(n) }, nl: [("activiteit blijft", "activiteiten blijven")], en: [("activity is", "activities are")]),
        row("feedSelectedLeftOut", { n in .feedSelectedLeftOut(n, "Enter") }, nl: [("activiteit blijft", "activiteiten blijven")], en: [("activity is", "activities are")]),
        row("visitorSignUpsToday", { n in .visitorSignUpsToday(n) }, nl: [("aanmelding", "aanmeldingen")], en: [("sign-up", "sign-ups")]),
        row("signUpTooMany", { n in .signUpTooMany(n) }, nl: [("aanmelding", "aanmeldingen")], en: [("sign-up", "sign-ups")]),
        row("signUpPlacesLeft", { n in .signUpPlacesLeft("X", n) }, nl: [("plaats", "plaatsen")], en: [("place", "places")]),
        row("remindersQueued", { n in .remindersQueued(n) }, nl: [("herinnering", "herinneringen")], en: [("reminder", "reminders")]),
        row("daysAhead", { n in .daysAhead(n) }, nl: [("dag", "dagen")], en: [("day", "days")]),
        row("placesLeft", { n in .placesLeft(n) }, nl: [("plaats", "plaatsen")], en: [("place", "places")]),
        texts("everyNDays", { n in .everyNDays(n) }, nl: ["om de 0 dagen", "elke dag", "om de 2 dagen"], en: ["every 0 days", "every day", "every 2 days"]),
        texts("everyNWeeks", { n in .everyNWeeks(n) }, nl: ["om de 0 weken", "elke week", "om de 2 weken"], en: ["every 0 weeks", "every week", "every 2 weeks"]),
        texts("everyNMonths", { n in .everyNMonths(n) }, nl: ["om de 0 maanden", "elke maand", "om de 2 maanden"], en: ["every 0 months", "every month", "every 2 months"]),
        row("timesInAll", { n in .timesInAll(n) }, nl: [("keer", "keer")], en: [("time", "times")]),
        texts("whichDetailsGoWithItOn", { n in .whichDetailsGoWithItOn(n, 3) }, nl: ["(alles staat uit)", "(1 van de 3 staat aan)", "(2 van de 3 staan aan)"],
              en: ["(all off)", "(1 of 3 on)", "(2 of 3 on)"]),
        texts("whichEMailsDoYouOn", { n in .whichEMailsDoYouOn(n, 4) }, nl: ["(alles staat uit)", "(1 van de 4 staat aan)", "(2 van de 4 staan aan)"],
              en: ["(all are off)", "(1 of 4 is on)", "(2 of 4 are on)"]),
    ].joined())

    /// The catalogue line of every word, per language.
    static func lines(_ lang: Language) -> [String: String] {
        CatalogueTests.texts(lang == .dutch ? "Dutch" : "English")
    }

    /// Words that follow a number in a catalogue text without being a noun it counts: verbs
    /// ("\\(n) is"), units ("s"), labels after a key ("g gegevens"), adjectives and the like.
    static let notCounted: [Language: Set<String>] = [
        .dutch: ["is", "en", "een", "als", "s", "open", "intussen", "gegevens", "gegeven", "geven", "hebben", "liggen", "worden",
                 "wissen", "zien", "verbergen", "uitloggen", "terugzetten", "blokkeren", "afmelden", "afnemen", "afgenomen",
                 "aangemeld)", "nieuw)"],
        .english: ["is", "has", "does", "was", "as", "s", "goes", "gives", "takes", "shows", "needs", "ends", "lies", "loads",
                   "reloads", "discards", "writes", "mails", "new)", "on)"],
    ]

    /// The nouns that follow a bare count in `lang`'s catalogue (not through `plural`), by word.
    static func bareCounts(_ lang: Language) -> [String: [String]] {
        let pluralEnding = lang == .dutch ? /(en|s|'s|\))$/ : /(s|\))$/
        var found: [String: [String]] = [:]
        for (word, text) in lines(lang) {
            for m in text.matches(of: /\\\((\w+)\) ([\w'()\/-]+)/) {
                let (value, next) = (String(m.output.1), String(m.output.2))
                // A word that chooses its own sentence for one ("elke dag") has said it.
                if text.contains("isOne(\(value))") || next.hasPrefix("(") { continue }
                if next.contains(pluralEnding), !(notCounted[lang] ?? []).contains(next) { found[word, default: []].append(next) }
            }
        }
        return found
    }

    @Test("no catalogue puts a count before a plural noun itself: every count goes through plural()", arguments: Language.allCases)
    func noBareCounts(_ lang: Language) {
        #expect(Self.bareCounts(lang).isEmpty, "counts outside plural(): \(Self.bareCounts(lang).sorted { $0.key < $1.key })")
    }

    @Test("every count word found in the catalogues has a row in the table, and every row is one")
    func tableIsComplete() {
        var counted = Set<String>()
        for lang in Language.allCases {
            for (word, text) in Self.lines(lang) where text.contains("plural(") || text.contains("isOne(") { counted.insert(word) }
        }
        let inTable = Set(Self.table.map(\.name))
        #expect(counted.count > 60)
        #expect(counted == inTable, "not in the table: \(counted.subtracting(inTable).sorted()); not a count word: \(inTable.subtracting(counted).sorted())")
        for row in Self.table {
            #expect(Mirror(reflecting: row.make(2)).children.first?.label == row.name, "row \(row.name) makes another word")
        }
    }

    @Test("every count word says 0, 1 and 2 with the right form of its noun", arguments: Language.allCases)
    func zeroOneTwo(_ lang: Language) throws {
        for row in Self.table {
            for n in 0...2 {
                let text = lang.t(row.make(n))
                let want = row.expected[lang]![n]
                // The form stands on its own: "1 seconde" is not the start of "1 seconden".
                let pattern = "(?<![0-9])" + NSRegularExpression.escapedPattern(for: want) + "(?![\\p{L}])"
                let found = try NSRegularExpression(pattern: pattern).firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
                #expect(found, "\(row.name)(\(n)) in \(lang): wanted '\(want)' in '\(text)'")
            }
        }
    }

    @Test("the catalogue's plural: one is singular, zero and more are plural, in both languages")
    func pluralRule() {
        let cases: [(Int, String, String)] = [(0, "0 seconden", "0 seconds"), (1, "1 seconde", "1 second"), (2, "2 seconden", "2 seconds"),
                                              (11, "11 seconden", "11 seconds"), (21, "21 seconden", "21 seconds")]
        for (n, nl, en) in cases {
            #expect(Dutch().plural(n, "seconde", "seconden") == nl)
            #expect(English().plural(n, "second", "seconds") == en)
        }
    }

    @Test("a throttled login says 'over 1 seconde', not 'over 1 seconden'")
    func oneSecond() {
        #expect(Language.dutch.t(.tooManyFailedAttemptsTry(1)) == "Te veel mislukte pogingen. Probeer het over 1 seconde opnieuw.")
        #expect(Language.english.t(.tooManyFailedAttemptsTry(1)) == "Too many failed attempts. Try again in 1 second.")
    }
}
