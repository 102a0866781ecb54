import Foundation
import SociaalHusCore

/// One option of a command: its name, whether it takes a value, and its help line.
struct OptionSpec {
    /// Name without the dashes ("email").
    var name: String
    /// What the value is called in help ("E", "FILE"); nil for a flag.
    var value: (nl: String, en: String)?
    /// May be given more than once.
    var repeatable = false
    /// Must be given.
    var required = false
    /// The only values accepted, when the set is fixed.
    var choices: [String]? = nil
    /// One line of help.
    var help: (nl: String, en: String)

    /// "--email E" or "--demo", in the language.
    func usage(_ lang: Language) -> String {
        let v = value.map { " " + lang.pick(nl: $0.nl, en: $0.en) } ?? ""
        return "--" + name + v + (repeatable ? "…" : "")
    }
}

/// One command: the words that name it, a summary, and the options it takes. Dispatch, the
/// parser's checks and every help text are generated from this table, so they cannot drift.
struct CommandSpec {
    /// The words after `sociaalhus` ([] for the interface, ["account", "add"]).
    var path: [String]
    /// One line saying what it does.
    var summary: (nl: String, en: String)
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
        OptionSpec(name: "store", value: ("MAP", "DIR"), help: ("de opslagmap (anders $SOCIAALHUS_STORE, $XDG_DATA_HOME/sociaalhus of ~/.local/share/sociaalhus)",
                                                                  "the store folder (else $SOCIAALHUS_STORE, $XDG_DATA_HOME/sociaalhus or ~/.local/share/sociaalhus)")),
        OptionSpec(name: "lang", value: ("nl|en", "nl|en"), choices: ["nl", "en"], help: ("taal van de uitvoer (standaard Nederlands, Engels bij een Engelse LANG)",
                                                                                          "language of the output (Dutch by default, English with an English LANG)")),
        OptionSpec(name: "help", value: nil, help: ("toon deze hulp en doe verder niets (ook -h)", "show this help and do nothing else (also -h)")),
    ]

    static func opt(_ name: String, _ value: (String, String)?, required: Bool = false, repeatable: Bool = false,
                    choices: [String]? = nil, _ nl: String, _ en: String) -> OptionSpec {
        OptionSpec(name: name, value: value, repeatable: repeatable, required: required, choices: choices, help: (nl, en))
    }

    static let email = opt("email", ("E", "E"), required: true, "het e-mailadres van het account", "the account's e-mail address")
    /// Goes on without asking: for a command that erases or replaces data, run without a terminal.
    static let yes = opt("yes", nil, "zonder te vragen (nodig zonder terminal; anders wordt gevraagd)", "without asking (needed without a terminal; otherwise it asks)")

    /// Every command.
    static let all: [CommandSpec] = [
        CommandSpec(path: [], summary: ("open het scherm (agenda, prikbord, organisaties, profiel, berichten, intake)",
                                        "open the interface (agenda, notice board, organisations, profile, messages, intake)"), options: [
            opt("demo", nil, "op een nieuwe, tijdelijke demo-opslag (wordt na afloop gewist)", "on a new, temporary demo store (removed afterwards)"),
            opt("theme", ("NAAM", "NAME"), "kleurthema: standaard, hoog-contrast, monochroom (NO_COLOR kiest monochroom)", "colour theme: standaard, hoog-contrast, monochroom (NO_COLOR selects monochroom)"),
            opt("idle-minutes", ("N", "N"), "minuten zonder toets tot automatisch uitloggen (1–1440, standaard 10)", "minutes without a key before automatic logout (1–1440, default 10)"),
            opt("plain", nil, "gewone tekst voor schermlezers: regels in leesvolgorde, nooit overschreven (vanzelf bij TERM=dumb)", "plain text for screen readers: lines in reading order, never overwritten (automatic with TERM=dumb)"),
            opt("ascii", nil, "alleen ASCII-tekens (vanzelf zonder UTF-8-locale en op een vt100/vt220): > voor de keuze, _ en | voor lijnen", "ASCII characters only (automatic without a UTF-8 locale and on a vt100/vt220): > for the choice, _ and | for rules"),
            opt("shared", nil, "voor anderen geserveerd (via ssh): niets wat iemand typt noemt een bestand op deze computer; een export gaat per e-mail naar het eigen adres, een foto zet de beheerder (account photo)", "served to others (over ssh): nothing anyone types names a file on this computer; an export goes by e-mail to the person's own address, the administrator sets a photo (account photo)"),
        ]),
        CommandSpec(path: ["init"], summary: ("maak een nieuwe opslag", "create a new store"), options: [
            opt("demo", nil, "vul de opslag met DEMO-gegevens", "fill the store with DEMO data"),
            opt("wijk", ("NAAM", "NAME"), repeatable: true, "een wijk (anders de wijken van Borne)", "a neighbourhood (else the neighbourhoods of Borne)"),
        ]),
        CommandSpec(path: ["account", "add"], summary: ("maak een account; het wachtwoord komt via de standaardinvoer", "create an account; the password comes on standard input"), options: [
            email,
            opt("name", ("N", "N"), required: true, "de naam", "the name"),
            opt("wijk", ("W", "W"), required: true, "de wijk", "the neighbourhood"),
            opt("role", ("ROL", "ROLE"), repeatable: true, "resident, editor:ORGANISATIE, desk, partner:WIJK of admin", "resident, editor:ORGANISATION, desk, partner:WIJK or admin"),
            opt("visibility", ("NIVEAU", "LEVEL"), choices: ["anoniem", "alleen-buren", "openbaar"], "wie het profiel ziet: anoniem (standaard), alleen-buren, openbaar", "who sees the profile: anoniem (default), alleen-buren, openbaar"),
            opt("interest", ("GEBIED", "AREA"), repeatable: true, "een interessegebied", "an area of interest"),
        ]),
        CommandSpec(path: ["account", "block"], summary: ("blokkeer een account (op verzoek)", "block an account (on request)"), options: [
            email, opt("reason", ("TEKST", "TEXT"), "de reden", "the reason"),
        ]),
        CommandSpec(path: ["account", "unblock"], summary: ("hef een blokkade op", "lift a block"), options: [email]),
        CommandSpec(path: ["account", "verify"], summary: ("bevestig de wijk van een account (na een bewijs van het adres)", "verify an account's neighbourhood (after proof of the address)"), options: [email]),
        CommandSpec(path: ["account", "letters"], summary: ("schrijf de aangevraagde brieven met code om de wijk te bevestigen, één pagina per bewoner, om te printen en te posten", "write the letters with a code to verify the neighbourhood that were asked for, one page per resident, to print and post"), options: [
            opt("out", ("BESTAND", "FILE"), "schrijf ze naar dit bestand (standaard: de standaarduitvoer)", "write them to this file (default: standard output)"),
        ]),
        CommandSpec(path: ["account", "reset"], summary: ("maak een eenmalige code voor een nieuw wachtwoord (24 uur geldig); geef die alleen aan de persoon zelf, nadat je hebt gezien wie het is", "make a one-time code for a new password (valid 24 hours); give it only to the person themselves, after checking who they are"), options: [email]),
        CommandSpec(path: ["account", "erase"], summary: ("wis een account en alle persoonsgegevens", "erase an account and all its personal data"), options: [email, yes]),
        CommandSpec(path: ["account", "photo"], summary: ("zet of haal de foto van een account (op afstand kiest een bewoner geen bestand)", "set or remove an account's photo (remotely a resident names no file)"), options: [
            email,
            opt("from", ("BESTAND", "FILE"), "een JPEG- of PNG-bestand", "a JPEG or PNG file"),
            opt("remove", nil, "haal de foto weg", "remove the photo"),
        ]),
        CommandSpec(path: ["account", "role"], summary: ("geef of neem een rol van een bestaand account; de persoon krijgt bericht", "give or take a role of an existing account; the person is told"), options: [
            email,
            opt("add", ("ROL", "ROLE"), "geef deze rol: resident, editor:ORGANISATIE, desk, partner:WIJK of admin", "give this role: resident, editor:ORGANISATION, desk, partner:WIJK or admin"),
            opt("remove", ("ROL", "ROLE"), "neem deze rol af (de laatste beheerder die kan inloggen blijft beheerder)", "take this role (the last administrator who can log in stays one)"),
        ]),
        CommandSpec(path: ["export"], summary: ("alles wat over iemand bewaard is, als JSON", "everything held about a person, as JSON"), options: [
            email, opt("out", ("BESTAND", "FILE"), "schrijf naar dit bestand (alleen leesbaar voor jou) in plaats van de standaarduitvoer", "write to this file (readable by you only) instead of standard output"),
        ]),
        CommandSpec(path: ["agenda"], summary: ("de agenda zoals een bezoeker die ziet, of de gedeelde feed van een wijk", "the agenda as a visitor sees it, or a neighbourhood's shared feed"), options: [
            opt("wijk", ("W", "W"), "alleen deze wijk (nodig voor ics en json)", "only this neighbourhood (needed for ics and json)"),
            opt("from", ("JJJJ-MM-DD", "YYYY-MM-DD"), "vanaf deze dag (standaard vandaag)", "from this day (default today)"),
            opt("days", ("N", "N"), "zoveel dagen (1–366, standaard 56)", "this many days (1–366, default 56)"),
            opt("format", ("text|ics|json", "text|ics|json"), choices: ["text", "ics", "json"], "uitvoer; ics en json alleen na goedkeuring van de lokale partner", "output; ics and json only after the local partner approved"),
            opt("organisation", ("NAAM", "NAME"), "alleen van deze organisatie", "only this organisation's"),
            opt("category", ("CATEGORIE", "CATEGORY"), "alleen deze categorie", "only this category"),
            opt("search", ("TEKST", "TEXT"), "alleen met deze tekst", "only with this text"),
            opt("out", ("BESTAND", "FILE"), "schrijf de feed naar dit bestand", "write the feed to this file"),
        ]),
        CommandSpec(path: ["check"], summary: ("controleer elk bestand van de opslag; verandert niets", "verify every file of the store; changes nothing"), options: []),
        CommandSpec(path: ["backup"], summary: ("schrijf een reservekopie van de opslag (één bestand, ook terwijl er sessies lopen)", "write a backup of the store (one file, also while sessions run)"), options: [
            opt("to", ("BESTAND", "FILE"), required: true, "het nieuwe bestand (alleen leesbaar voor jou, buiten de opslag; wordt nooit overschreven)", "the new file (readable by you only, outside the store; never written over)"),
        ]),
        CommandSpec(path: ["restore"], summary: ("zet een reservekopie terug; wie sindsdien gewist is, blijft gewist", "put a backup back; whoever was erased since stays erased"), options: [
            opt("from", ("BESTAND", "FILE"), required: true, "de reservekopie (van 'sociaalhus backup')", "the backup (from 'sociaalhus backup')"),
            yes,
        ]),
        CommandSpec(path: ["intake", "receipt"], summary: ("de bon van een doorverwijzing, om af te drukken", "the receipt of a referral, to print"), options: [
            opt("id", ("N", "N"), required: true, "het nummer van het gesprek (Intake, 'gesprek N' op de bon)", "the conversation's number (Intake, 'conversation N' on the receipt)"),
            opt("number", ("K", "K"), "welke doorverwijzing van het gesprek, vanaf 1 (standaard de laatste)", "which referral of the conversation, from 1 (default the latest)"),
            opt("out", ("BESTAND", "FILE"), "schrijf naar dit bestand (alleen leesbaar voor jou) in plaats van de standaarduitvoer", "write to this file (readable by you only) instead of standard output"),
        ]),
        CommandSpec(path: ["retention"], summary: ("wis afgesloten gesprekken na de bewaartermijn (voor cron)", "erase closed conversations after the retention period (for cron)"), options: []),
        CommandSpec(path: ["mail", "config"], summary: ("stel het verzendcommando en de afzender in", "set the mail command and the sender"), options: [
            opt("command", ("COMMANDO", "COMMAND"), "sendmail-compatibel, bijv. \"/usr/sbin/sendmail -t -oi\"", "sendmail-compatible, e.g. \"/usr/sbin/sendmail -t -oi\""),
            opt("from", ("ADRES", "ADDRESS"), "het afzenderadres", "the sender address"),
        ]),
        CommandSpec(path: ["mail", "send"], summary: ("verstuur de wachtende e-mails", "send the waiting e-mails"), options: []),
        CommandSpec(path: ["mail", "digest"], summary: ("zet de dagelijkse samenvattingen klaar", "queue the daily digests"), options: []),
        CommandSpec(path: ["mail", "list"], summary: ("toon de outbox", "show the outbox"), options: []),
        CommandSpec(path: ["mail", "retry"], summary: ("verstuur een geweigerde of onzekere e-mail nog eens", "send a refused or uncertain e-mail once more"), options: [
            opt("id", ("N", "N"), required: true, "het nummer uit 'mail list'", "the number from 'mail list'"),
        ]),
        CommandSpec(path: ["privacy", "show"], summary: ("toon de privacyverklaring die geldt", "show the privacy statement in force"), options: []),
        CommandSpec(path: ["privacy", "set"], summary: ("vervang de privacyverklaring door een eigen tekst", "replace the privacy statement with an own text"), options: [
            opt("nl", ("BESTAND", "FILE"), required: true, "de Nederlandse tekst (UTF-8)", "the Dutch text (UTF-8)"),
            opt("en", ("BESTAND", "FILE"), required: true, "de Engelse tekst (UTF-8)", "the English text (UTF-8)"),
        ]),
        CommandSpec(path: ["privacy", "reset"], summary: ("zet de standaard privacyverklaring terug", "restore the standard privacy statement"), options: []),
        CommandSpec(path: ["deploy", "ssh"], summary: ("toon hoe OpenSSH de interface aan veel terminals geeft (installeert niets)", "show how OpenSSH serves the interface to many terminals (installs nothing)"), options: [
            opt("user", ("NAAM", "NAME"), "de systeemgebruiker die de opslag bezit (standaard sociaalhus)", "the system user that owns the store (default sociaalhus)"),
            opt("binary", ("PAD", "PATH"), "het programma dat sshd start (standaard /usr/local/bin/sociaalhus)", "the program sshd starts (default /usr/local/bin/sociaalhus)"),
            opt("max-sessions", ("N", "N"), "hoeveel sessies tegelijk (standaard 100)", "how many sessions at once (default 100)"),
        ]),
        CommandSpec(path: ["keys"], summary: ("toon de toetsen (met je toetsenbestand) en wat daarin niet klopt", "show the keys (with your keys file) and what is wrong in it"), options: []),
        CommandSpec(path: ["bench"], summary: ("meet openen, wijzigen, wissen, agenda, toetsen en geheugen op een synthetische opslag", "measure open, change, erase, agenda, keys and memory on a synthetic store"), options: [
            opt("scale", ("N", "N"), "schaal 1–20 (standaard 1 en 10)", "scale 1–20 (default 1 and 10)"),
            opt("runs", ("N", "N"), "metingen per schaal (1–50, standaard 5)", "runs per scale (1–50, default 5)"),
            opt("dir", ("MAP", "DIR"), "bewaar de synthetische opslag in deze map", "keep the synthetic store in this folder"),
            opt("sessions", ("N", "N"), "belastingtest: N sessies tegelijk op één opslag (bladeren, zoeken, berichten plaatsen)", "load test: N sessions at once on one store (browse, search, post)"),
            opt("seconds", ("S", "S"), "hoe lang elke sessie van de belastingtest loopt (standaard 30)", "how long each load-test session runs (default 30)"),
        ]),
        CommandSpec(path: ["bench-child"], summary: ("één meting (intern)", "one run (internal)"), options: [
            opt("run", ("N", "N"), "het nummer van de meting", "the run's number"),
            opt("frame", nil, "alleen het eerste scherm tekenen", "draw only the first screen"),
            opt("keys", nil, "toetsen in de agendalijst meten", "time key presses in the agenda list"),
            opt("session", ("K", "K"), "één sessie van de belastingtest, als bewoner K", "one load-test session, as resident K"),
            opt("seconds", ("S", "S"), "hoe lang die sessie loopt", "how long that session runs"),
            opt("go", ("BESTAND", "FILE"), "na het inloggen wachten tot dit bestand er is", "after logging in, wait until this file exists"),
        ], hidden: true),
        CommandSpec(path: ["help"], summary: ("toon de hulp, of die van één opdracht", "show the help, or that of one command"), options: []),
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
        var lines = [lang.t(.usage) + usage(lang), "", lang.pick(nl: summary.nl, en: summary.en).capitalisedFirst + ".", ""]
        lines.append(lang.t(.options))
        let rows = allOptions.map { ($0.usage(lang), lang.pick(nl: $0.help.nl, en: $0.help.en) + ($0.required ? lang.t(.required) : "")) }
        let width = min((rows.map { $0.0.count }.max() ?? 0) + 2, 28)
        for (u, h) in rows {
            lines.append(u.count + 2 > width ? "  " + u + "\n" + String(repeating: " ", count: width + 2) + h
                                             : "  " + u.padding(toLength: width, withPad: " ", startingAt: 0) + h)
        }
        if path == ["account", "add"] {
            lines += ["", PasswordPolicy.explanation(lang)]
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
            lines.append(row(words, lang.pick(nl: c.summary.nl, en: c.summary.en)))
        }
        lines += ["", lang.t(.theInterfaceNoCommand)]
        for o in all[0].options { lines.append(row(o.usage(lang), lang.pick(nl: o.help.nl, en: o.help.en))) }
        lines += ["", lang.t(.forEveryCommand)]
        for o in global { lines.append(row(o.usage(lang), lang.pick(nl: o.help.nl, en: o.help.en))) }
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
