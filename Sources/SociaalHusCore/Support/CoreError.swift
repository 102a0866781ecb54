import Foundation

/// The one user-facing error of the core: every case has a plain sentence in Dutch and English
/// that says what is wrong and, where possible, how to fix it.
public enum CoreError: Error, Equatable, Sendable {
    // Store
    case storeNotFound(path: String)
    case storeAlreadyExists(path: String)
    case storeNotADirectory(path: String)
    case storeReadableByOthers(path: String)
    case storeFileReadableByOthers(path: String)
    case storeNewerFormat(file: String, found: Int, known: Int)
    case storeCorrupt(file: String, problem: StoreProblem)
    case storeIO(file: String, problem: String)
    case storeLocked(path: String)
    /// The disk holding the store is full: the change was not made, nothing was lost.
    case storeFull(path: String)
    /// The store can only be read (a read-only disk or folder): the change was not made.
    case storeReadOnly(path: String)
    /// A backup could not be written or put back; the store was not touched (`BackupProblem`).
    case backupRefused(BackupProblem)
    /// A command that only reads found a store this build must first bring up to date (an older
    /// schema, or columns an older build left behind): it changes nothing, so it refuses.
    case storeNeedsUpgrade(path: String)
    // Input
    case invalidEmail(String)
    case emailInUse
    case fieldRequired(Field)
    case fieldTooLong(Field, limit: Int)
    case fieldControlCharacters(Field)
    case unknownWijk(String)
    case unknownAccount(email: String)
    case unknownOrganisation(String)
    /// Someone else saved `what` since this form was opened; `changed` names each field they
    /// changed (Dutch and English) with what it holds now.
    case changedElsewhere(what: String, changed: [ChangedField])
    case notFound(what: String)
    case invalidDate(String)
    case endBeforeStart
    case startInPast
    case lifetimeTooLong(maximumDays: Int)
    case lifetimeTooShort
    case invalidPhoto(PhotoProblem)
    case invalidPostcode(String)
    case invalidPhone(String)
    // Intake
    case intakeNeedsContact
    case accountMatchMismatch
    /// A conversation was to be linked to an account without the resident's agreement to it.
    case linkNotAgreed
    case referralNeedsFields
    case referralFieldEmpty(IntakeField)
    case residentNotTold
    case intakeAlreadyClosed
    /// A referral's receipt cannot go by e-mail: the conversation has no e-mail address of the
    /// resident (`noAddress`), or no mail command is set, so it would wait unseen in the outbox.
    case receiptCannotMail(noAddress: Bool)
    case invalidRetention(minimum: Int, maximum: Int)
    // Mail
    case mailHeaderInvalid(field: String)
    case mailCommandInvalid(String)
    case mailNotConfigured
    // Sharing
    /// A shared feed without an approval in force; names who can approve by role, never by name
    /// (a partner's name is theirs, and may be shown to nobody).
    case feedNotApproved(wijk: String, hasPartner: Bool)
    case feedContainsPersonalData(item: String, what: String)
    // Passwords and login
    case passwordRejected(PasswordProblem)
    case loginFailed
    case loginThrottled(seconds: Int)
    case accountBlocked
    /// The address and the one-time code do not belong together (or there is no such code).
    case resetCodeWrong
    /// Not something a code can be (a typo, not counted as a try).
    case resetCodeMalformed
    /// The right code, too old: ask a new one.
    case resetCodeExpired
    /// A letter to verify the wijk goes to the address in the profile: there is none.
    case wijkLetterNeedsAddress
    /// The wijk is verified already.
    case wijkAlreadyVerified
    /// No letter with a code is on its way (none asked, or the wijk changed since).
    case wijkNoLetter
    /// Not the code of the letter.
    case wijkCodeWrong
    /// The resident's password or code, typed to agree to help at the desk, is not right
    /// (counted as a failed login).
    case onBehalfAgreementWrong
    /// Acting for the resident at the desk is over (its 30 minutes, or the accounts changed).
    case onBehalfEnded
    // Permissions
    case notPermitted(PermissionDenial)
    case platformPrivate
    // Roles over an account's life
    /// The account already has the role; nothing was changed.
    case roleAlreadyHeld(Role, named: String?)
    /// The account does not have the role; nothing was changed.
    case roleNotHeld(Role, named: String?)
    /// Taking the role would leave no administrator who can log in.
    case lastAdministrator
    // A visitor's own data
    /// This session asked `VisitorProof.codesPerSession` codes within the hour; `minutes` until the next.
    case visitorCodeLimit(minutes: Int)
    /// No proof of the address is in force (none was given, it ended, or the data was erased).
    case visitorProofNeeded
    /// The address belongs to an account or an organisation: its owner sees it after logging in.
    case visitorAddressHasAccount
    /// A moderation step that does not fit the content as it is now (restoring what is not hidden).
    case moderationRefused(ModerationProblem)

    /// The field an error about one field is about (nil for other errors).
    public var field: Field? {
        switch self {
        case .fieldRequired(let f), .fieldControlCharacters(let f), .fieldTooLong(let f, _): f
        default: nil
        }
    }

    /// The message with the field named as the form on screen names it ("Voor wie", not the
    /// store's "organisatie"), so a resident finds the field the error is about.
    /// Errors about no field read as `message(lang)`.
    public func message(_ lang: Language, naming label: String) -> String {
        switch self {
        case .fieldRequired:
            return lang.pick(nl: "Vul '\(label)' in; dit veld is verplicht.", en: "Fill in '\(label)'; this field is required.")
        case .fieldControlCharacters:
            return lang.pick(nl: "'\(label)' bevat onzichtbare stuurtekens (bijvoorbeeld uit een kopie geplakt). Typ de tekst opnieuw zonder die tekens.",
                             en: "'\(label)' contains invisible control characters (pasted from a copy, for example). Type the text again without them.")
        case .fieldTooLong(_, let limit):
            return lang.pick(nl: "'\(label)' is te lang: maximaal \(limit) tekens.", en: "'\(label)' is too long: at most \(limit) characters.")
        default:
            return message(lang)
        }
    }

    /// The message for a resident, in the chosen language.
    public func message(_ lang: Language) -> String {
        switch self {
        case .storeNotFound(let p):
            return lang.pick(nl: "Er is geen opslag in \(p). Maak er een met 'sociaalhus init --store \(p)'.",
                             en: "There is no store in \(p). Create one with 'sociaalhus init --store \(p)'.")
        case .storeAlreadyExists(let p):
            return lang.pick(nl: "In \(p) staat al een opslag; kies een andere map of gebruik de bestaande.",
                             en: "\(p) already holds a store; choose another folder or use the existing one.")
        case .storeNotADirectory(let p):
            return lang.pick(nl: "\(p) is geen map; geef een map op voor de opslag.",
                             en: "\(p) is not a folder; give a folder for the store.")
        case .storeReadableByOthers(let p):
            return lang.pick(nl: "De opslag \(p) is leesbaar voor andere gebruikers. Herstel dit met 'chmod -R go-rwx \(p)' en probeer het opnieuw.",
                             en: "The store \(p) is readable by other users. Fix it with 'chmod -R go-rwx \(p)' and try again.")
        case .storeFileReadableByOthers(let p):
            return lang.pick(nl: "Het bestand \(p) is leesbaar voor andere gebruikers. Herstel dit met 'chmod go-rwx \(p)' en probeer het opnieuw.",
                             en: "The file \(p) is readable by other users. Fix it with 'chmod go-rwx \(p)' and try again.")
        case .storeNewerFormat(let f, let found, let known):
            return lang.pick(nl: "\(f) heeft opslagformaat \(found), maar deze versie van SociaalHus kent alleen formaat \(known) en ouder. Werk SociaalHus bij; het bestand is niet aangeraakt.",
                             en: "\(f) has store format \(found), but this version of SociaalHus only knows format \(known) and older. Update SociaalHus; the file was not touched.")
        case .storeCorrupt(let f, let problem):
            return lang.pick(nl: "Het bestand \(f) is beschadigd: \(problem.message(lang)). Het is niet aangeraakt; 'sociaalhus check' noemt elk probleem. Zet een reservekopie terug of neem contact op met de beheerder.",
                             en: "The file \(f) is damaged: \(problem.message(lang)). It was not touched; 'sociaalhus check' lists every problem. Restore a backup or contact the administrator.")
        case .storeIO(let f, let problem):
            return lang.pick(nl: "Kon \(f) niet lezen of schrijven: \(problem). Er is niets half opgeslagen; probeer het opnieuw.",
                             en: "Could not read or write \(f): \(problem). Nothing was half saved; try again.")
        case .storeFull(let p):
            return lang.pick(nl: "De schijf met de opslag is vol (\(p)). Deze wijziging is niet opgeslagen en er is niets verloren gegaan. Maak ruimte vrij (of vraag de beheerder dat te doen) en probeer het opnieuw.",
                             en: "The disk holding the store is full (\(p)). This change was not saved and nothing was lost. Free some space (or ask the administrator to) and try again.")
        case .storeReadOnly(let p):
            return lang.pick(nl: "De opslag kan alleen gelezen worden (\(p)): deze wijziging is niet opgeslagen. Vraag de beheerder om de opslag weer beschrijfbaar te maken.",
                             en: "The store can only be read (\(p)): this change was not saved. Ask the administrator to make the store writable again.")
        case .storeNeedsUpgrade(let p):
            return lang.pick(nl: "De opslag \(p) moet eerst worden bijgewerkt voor deze versie van SociaalHus, en een opdracht die alleen leest verandert niets. Open de opslag eenmaal met 'sociaalhus --store \(p)' of met een opdracht die iets wijzigt, en probeer het opnieuw.",
                             en: "The store \(p) must first be brought up to date for this version of SociaalHus, and a command that only reads changes nothing. Open the store once with 'sociaalhus --store \(p)' or with a command that changes something, and try again.")
        case .storeLocked(let p):
            return lang.pick(nl: "De opslag \(p) is in gebruik en kon niet worden vergrendeld; probeer het zo opnieuw.",
                             en: "The store \(p) is in use and could not be locked; try again shortly.")
        case .invalidEmail(let e):
            return lang.pick(nl: "'\(TextSanitizer.sanitize(e))' is geen geldig e-mailadres. Gebruik de vorm naam@voorbeeld.nl.",
                             en: "'\(TextSanitizer.sanitize(e))' is not a valid e-mail address. Use the form name@example.nl.")
        case .emailInUse:
            return lang.pick(nl: "Er bestaat al een account met dit e-mailadres. Log in, of kies een ander adres.",
                             en: "An account with this e-mail address already exists. Log in, or choose another address.")
        case .fieldRequired(let f), .fieldControlCharacters(let f), .fieldTooLong(let f, _):
            return message(lang, naming: f.label(lang))
        case .unknownWijk(let w):
            return lang.pick(nl: "De wijk '\(TextSanitizer.sanitize(w))' bestaat niet. Kies een van de wijken van de opslag.",
                             en: "The neighbourhood '\(TextSanitizer.sanitize(w))' does not exist. Choose one of the store's neighbourhoods.")
        case .unknownAccount(let e):
            return lang.pick(nl: "Er is geen account met het e-mailadres '\(TextSanitizer.sanitize(e))'.",
                             en: "There is no account with the e-mail address '\(TextSanitizer.sanitize(e))'.")
        case .changedElsewhere(let what, let changed):
            let nl = changed.isEmpty ? "(iets anders)" : changed.map { "\($0.nl) nu: \($0.shown)" }.joined(separator: "; ")
            let en = changed.isEmpty ? "(something else)" : changed.map { "\($0.en) now: \($0.shown)" }.joined(separator: "; ")
            return lang.pick(nl: "Iemand anders heeft \(TextSanitizer.sanitize(what)) intussen opgeslagen: \(TextSanitizer.sanitize(nl)). Jouw wijziging is niet bewaard en staat nog hier; Ctrl-R laadt hun versie, Esc gaat terug.",
                             en: "Someone else saved \(TextSanitizer.sanitize(what)) in the meantime: \(TextSanitizer.sanitize(en)). Your change was not kept and is still here; Ctrl-R loads theirs, Esc goes back.")
        case .unknownOrganisation(let o):
            return lang.pick(nl: "De organisatie '\(TextSanitizer.sanitize(o))' bestaat niet.", en: "The organisation '\(TextSanitizer.sanitize(o))' does not exist.")
        case .notFound(let what):
            return lang.pick(nl: "\(what) bestaat niet (meer).", en: "\(what) does not exist (any more).")
        case .invalidDate(let d):
            return lang.pick(nl: "'\(TextSanitizer.sanitize(d))' is geen geldige datum. Gebruik JJJJ-MM-DD, bijvoorbeeld 2026-12-01.",
                             en: "'\(TextSanitizer.sanitize(d))' is not a valid date. Use YYYY-MM-DD, for example 2026-12-01.")
        case .endBeforeStart:
            return lang.pick(nl: "Het einde ligt vóór het begin; kies een eindtijd na de begintijd.", en: "The end is before the start; choose an end after the start.")
        case .startInPast:
            return lang.pick(nl: "De begintijd ligt in het verleden; een nieuwe activiteit moet in de toekomst beginnen.", en: "The start is in the past; a new activity must start in the future.")
        case .lifetimeTooLong(let days):
            return lang.pick(nl: "Een bericht blijft hoogstens \(days) dagen staan; kies een eerdere einddatum (verlengen kan later).",
                             en: "A post stays up for at most \(days) days; choose an earlier end date (you can renew it later).")
        case .lifetimeTooShort:
            return lang.pick(nl: "Een bericht moet minstens 1 dag blijven staan.", en: "A post must stay up for at least 1 day.")
        case .invalidPhoto(let problem):
            return lang.pick(nl: "Deze foto kan niet worden gebruikt: \(problem.message(lang)).", en: "This photo cannot be used: \(problem.message(lang)).")
        case .invalidPostcode(let p):
            return lang.pick(nl: "'\(TextSanitizer.sanitize(p))' is geen geldige postcode. Gebruik vier cijfers en twee letters, bijvoorbeeld 7622 AB.",
                             en: "'\(TextSanitizer.sanitize(p))' is not a valid postcode. Use four digits and two letters, for example 7622 AB.")
        case .invalidPhone(let p):
            return lang.pick(nl: "'\(TextSanitizer.sanitize(p))' is geen geldig telefoonnummer. Gebruik tien cijfers zoals 074-1234567 of 06-12345678, of een internationaal nummer met + zoals +32 2 123 45 67.",
                             en: "'\(TextSanitizer.sanitize(p))' is not a valid phone number. Use ten digits such as 074-1234567 or 06-12345678, or an international number with + such as +32 2 123 45 67.")
        case .intakeNeedsContact:
            return lang.pick(nl: "Vul minstens één manier in om de persoon te bereiken: telefoonnummer, e-mailadres of adres met postcode.",
                             en: "Fill in at least one way to reach the person: phone number, e-mail address, or address with postcode.")
        case .accountMatchMismatch:
            return lang.pick(nl: "Het gekoppelde account hoort niet bij dit e-mailadres. Zoek het account opnieuw op en bevestig de koppeling.",
                             en: "The linked account does not belong to this e-mail address. Look the account up again and confirm the link.")
        case .linkNotAgreed:
            return lang.pick(nl: "Er is niets opgeslagen: vink eerst aan dat de bewoner akkoord is dat dit gesprek aan het account gekoppeld wordt.",
                             en: "Nothing was saved: first tick that the resident agrees to this conversation being linked to the account.")
        case .referralNeedsFields:
            return lang.pick(nl: "Kies minstens één gegeven om door te geven.", en: "Choose at least one item to pass on.")
        case .referralFieldEmpty(let f):
            return lang.pick(nl: "'\(f.label(lang))' is niet ingevuld en kan dus niet worden doorgegeven; vink het uit of vul het eerst in.",
                             en: "'\(f.label(lang))' is not filled in, so it cannot be passed on; untick it or fill it in first.")
        case .residentNotTold:
            return lang.pick(nl: "Er is niets doorgegeven: bevestig eerst dat je de bewoner precies hebt verteld aan wie en welke gegevens je doorgeeft.",
                             en: "Nothing was passed on: first confirm that you told the resident exactly to whom and which data you pass on.")
        case .intakeAlreadyClosed:
            return lang.pick(nl: "Dit gesprek is afgesloten; heropen het eerst om door te verwijzen.",
                             en: "This conversation is closed; reopen it first to refer.")
        case .receiptCannotMail(let noAddress):
            return noAddress
                ? lang.pick(nl: "Er is geen e-mailadres van de bewoner bij dit gesprek: geef de bon op papier mee.",
                            en: "This conversation has no e-mail address of the resident: hand them the receipt on paper.")
                : lang.pick(nl: "Er gaat geen e-mail weg: er is geen verzendcommando ingesteld (de beheerder: sociaalhus mail config). Geef de bon op papier mee.",
                            en: "No e-mail goes out: no mail command is set (the operator: sociaalhus mail config). Hand the receipt over on paper.")
        case .invalidRetention(let lo, let hi):
            return lang.pick(nl: "Kies een bewaartermijn van \(lo) tot en met \(hi) maanden.",
                             en: "Choose a retention period of \(lo) to \(hi) months.")
        case .mailHeaderInvalid(let f):
            return lang.pick(nl: "De kop '\(f)' van de e-mail bevat een regeleinde of een ongeldig teken; haal dat weg en probeer het opnieuw.",
                             en: "The e-mail header '\(f)' contains a line break or an invalid character; remove it and try again.")
        case .mailCommandInvalid(let c):
            return lang.pick(nl: "'\(TextSanitizer.sanitize(c))' is geen bruikbaar verzendcommando. Geef het volledige pad van een sendmail-programma, bijvoorbeeld /usr/sbin/sendmail -t -oi.",
                             en: "'\(TextSanitizer.sanitize(c))' is not a usable mail command. Give the full path of a sendmail program, for example /usr/sbin/sendmail -t -oi.")
        case .mailNotConfigured:
            return lang.pick(nl: "Er is geen verzendcommando ingesteld; de e-mails blijven in de outbox. Stel er een in met 'sociaalhus mail config --command \"/usr/sbin/sendmail -t -oi\"'.",
                             en: "No mail command is set; the e-mails stay in the outbox. Set one with 'sociaalhus mail config --command \"/usr/sbin/sendmail -t -oi\"'.")
        case .feedNotApproved(let w, let hasPartner):
            let who = hasPartner ? lang.pick(nl: "de lokale partner van de wijk (in SociaalHus onder Moderatie)",
                                             en: "the neighbourhood's local partner (in SociaalHus under Moderation)")
                // A real way, named: "een beheerder kan er een aanwijzen" alone leads nowhere.
                : lang.pick(nl: "de lokale partner van de wijk (er is er nog geen; een beheerder wijst er een aan in SociaalHus onder Moderatie › Accounts, of met 'sociaalhus account role --email E --add \"partner:\(TextSanitizer.sanitize(w))\"')",
                            en: "the neighbourhood's local partner (there is none yet; an administrator appoints one in SociaalHus under Moderation › Accounts, or with 'sociaalhus account role --email E --add \"partner:\(TextSanitizer.sanitize(w))\"')")
            return lang.pick(nl: "Het delen van de agenda van \(TextSanitizer.sanitize(w)) is niet goedgekeurd. Goedkeuren kan: \(who).",
                             en: "Sharing the agenda of \(TextSanitizer.sanitize(w)) has not been approved. Who can approve: \(who).")
        case .feedContainsPersonalData(let item, let what):
            return lang.pick(nl: "De feed is niet gemaakt: '\(TextSanitizer.sanitize(item))' bevat persoonsgegevens (\(what)). Haal die uit de activiteit en probeer het opnieuw.",
                             en: "The feed was not made: '\(TextSanitizer.sanitize(item))' contains personal data (\(what)). Remove it from the activity and try again.")
        case .passwordRejected(let problem):
            return problem.message(lang)
        case .loginFailed:
            return lang.pick(nl: "E-mailadres of wachtwoord klopt niet.", en: "E-mail address or password is incorrect.")
        case .loginThrottled(let s):
            return lang.pick(nl: "Te veel mislukte pogingen. Probeer het over \(s) seconden opnieuw.",
                             en: "Too many failed attempts. Try again in \(s) seconds.")
        case .accountBlocked:
            return lang.pick(nl: "Dit account is geblokkeerd. Neem contact op met de beheerder van het platform.",
                             en: "This account is blocked. Contact the platform administrator.")
        case .onBehalfAgreementWrong:
            return lang.pick(nl: "Dat wachtwoord of die code klopt niet. De bewoner kan het opnieuw typen, of aan de balie een nieuwe code vragen.",
                             en: "That password or code is not right. The resident can type it again, or ask the desk for a new code.")
        case .onBehalfEnded:
            return lang.pick(nl: "Helpen namens de bewoner is gestopt (na \(Int(OnBehalf.limit / 60)) minuten, of het account is veranderd); er is niets veranderd.",
                             en: "Helping on behalf of the resident has ended (after \(Int(OnBehalf.limit / 60)) minutes, or the account changed); nothing was changed.")
        case .resetCodeWrong:
            return lang.pick(nl: "E-mailadres of code klopt niet. Kijk of je de code goed hebt overgetypt, of vraag een nieuwe aan de balie van het Sociaal Hus.",
                             en: "E-mail address or code is incorrect. Check that you copied the code correctly, or ask for a new one at the Sociaal Hus desk.")
        case .resetCodeMalformed:
            return lang.pick(nl: "Een code heeft \(PasswordReset.length) tekens, zoals ABCD-EFGH-JKLM (letters en cijfers, zonder 0, O, 1 en I). Typ hem opnieuw.",
                             en: "A code has \(PasswordReset.length) characters, like ABCD-EFGH-JKLM (letters and digits, without 0, O, 1 and I). Type it again.")
        case .resetCodeExpired:
            return lang.pick(nl: "Deze code is verlopen (een code werkt \(Int(PasswordReset.validity / 3600)) uur). Vraag een nieuwe aan de balie van het Sociaal Hus, of per e-mail.",
                             en: "This code has expired (a code works for \(Int(PasswordReset.validity / 3600)) hours). Ask for a new one at the Sociaal Hus desk, or by e-mail.")
        case .wijkLetterNeedsAddress:
            return lang.pick(nl: "De brief gaat naar het adres in je profiel, en daar staat nog geen adres. Vul het in bij Profiel en vraag de brief opnieuw aan, of ga langs bij de balie van het Sociaal Hus.",
                             en: "The letter goes to the address in your profile, and there is no address yet. Fill it in under Profile and ask for the letter again, or visit the Sociaal Hus desk.")
        case .wijkAlreadyVerified:
            return lang.pick(nl: "Je wijk is al bevestigd.", en: "Your neighbourhood is already verified.")
        case .wijkNoLetter:
            return lang.pick(nl: "Er is geen brief met code voor je onderweg (of je bent intussen van wijk veranderd). Vraag een nieuwe brief aan, of ga langs bij de balie.",
                             en: "No letter with a code is on its way to you (or you changed neighbourhood since). Ask for a new letter, or visit the desk.")
        case .wijkCodeWrong:
            return lang.pick(nl: "Deze code klopt niet. Kijk of je hem goed hebt overgetypt uit de brief.",
                             en: "This code is incorrect. Check that you copied it correctly from the letter.")
        case .notPermitted(let denial):
            return denial.message(lang)
        case .backupRefused(let problem):
            return problem.message(lang)
        case .roleAlreadyHeld(let role, let name):
            return lang.pick(nl: "Dit account heeft de rol \(role.label(.dutch, named: name)) al; er is niets veranderd.",
                             en: "This account already has the role \(role.label(.english, named: name)); nothing was changed.")
        case .roleNotHeld(let role, let name):
            return lang.pick(nl: "Dit account heeft de rol \(role.label(.dutch, named: name)) niet; er is niets veranderd.",
                             en: "This account does not have the role \(role.label(.english, named: name)); nothing was changed.")
        case .lastAdministrator:
            return lang.pick(nl: "Dit is de laatste beheerder die kan inloggen; geef eerst iemand anders de rol beheerder. Er is niets veranderd.",
                             en: "This is the last administrator who can log in; give someone else the administrator role first. Nothing was changed.")
        case .platformPrivate:
            return lang.pick(nl: "Dit platform is alleen toegankelijk na inloggen. Log in of registreer je.",
                             en: "This platform is only accessible after logging in. Log in or register.")
        case .visitorCodeLimit(let minutes):
            return lang.pick(nl: "In dit venster zijn al \(VisitorProof.codesPerSession) codes gevraagd. Probeer het over \(minutes) minuten opnieuw, of vraag het aan de balie van het Sociaal Hus.",
                             en: "\(VisitorProof.codesPerSession) codes have already been asked in this window. Try again in \(minutes) minutes, or ask at the Sociaal Hus desk.")
        case .moderationRefused(let p):
            return p.message(lang)
        case .visitorAddressHasAccount:
            return lang.pick(nl: "Dit e-mailadres hoort bij een account of een organisatie; er is niets getoond of veranderd. De eigenaar ziet en wist de gegevens na inloggen, onder Profiel › Mijn gegevens.",
                             en: "This e-mail address belongs to an account or an organisation; nothing was shown or changed. Its owner sees and erases the data after logging in, under Profile › My data.")
        case .visitorProofNeeded:
            return lang.pick(nl: "Je toegang tot deze gegevens is verlopen; er is niets veranderd. Vraag een nieuwe code.",
                             en: "Your access to this data has ended; nothing was changed. Ask for a new code.")
        }
    }
}

extension CoreError: LocalizedError {
    public var errorDescription: String? { message(.dutch) }
}

/// One field another terminal changed: its name in Dutch and English and what it holds now.
public struct ChangedField: Sendable, Equatable {
    public var nl: String, en: String, now: String

    /// What it holds now, short ("(leeg)" when empty).
    var shown: String { now.isEmpty ? "—" : now.count > 80 ? String(now.prefix(80)) + "…" : now }

    /// The fields of `pairs` ((nl, en), before, now) whose value differs.
    static func diff(_ pairs: [((String, String), String, String)]) -> [ChangedField] {
        pairs.filter { $0.1 != $0.2 }.map { ChangedField(nl: $0.0.0, en: $0.0.1, now: $0.2) }
    }
}
