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
    /// An interest that is not one of the platform's categories (`PlatformCategory`).
    case unknownInterest(String)
    /// An activity's category that is not one of the platform's categories (`PlatformCategory`):
    /// nobody would hear of the activity, since interests come from that list.
    case unknownCategory(String)
    case unknownAccount(email: String)
    case unknownOrganisation(String)
    /// Someone else saved `what` since this form was opened; `changed` names each field they
    /// changed (Dutch and English) with what it holds now.
    case changedElsewhere(what: String, changed: [ChangedField])
    case notFound(what: String)
    case invalidDate(String)
    case endBeforeStart
    /// A repetition rule or a change of one occurrence that cannot be kept.
    case recurrence(RecurrenceProblem)
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
    // Sign-ups
    /// The number of places is not between 1 and the maximum.
    case signUpPlacesOutOfRange(Int)
    /// Fewer places than are already taken for one occurrence.
    case signUpPlacesBelowTaken(Int)
    /// The occurrence has already begun.
    case signUpPast
    /// A reminder more days ahead than allowed.
    case remindDaysOutOfRange(Int)
    /// The activity takes no sign-ups through the platform.
    case signUpNotTaken
    /// Every place is taken and there is no waiting list.
    case signUpFull
    /// One person holds the most sign-ups allowed.
    case signUpTooMany(Int)
    /// A visitor's address was given for this many new sign-ups in the last day already.
    case visitorSignUpsToday(Int)
    /// The address belongs to an account or an organisation: its owner sees it after logging in.
    case visitorAddressHasAccount
    /// A moderation step that does not fit the content as it is now (restoring what is not hidden).
    case moderationRefused(ModerationProblem)
    // Mail retry
    /// The e-mail was sent already; its content is gone, so it cannot be sent again.
    case mailAlreadySent(id: Int)
    /// The e-mail is being handed to the mail command right now (or a run stopped midway).
    case mailBeingSent(id: Int)
    /// The e-mail has no address to go to; it waits until there is one.
    case mailHasNoAddress(id: Int)

    /// The field an error about one field is about (nil for other errors).
    public var field: Field? {
        switch self {
        case .fieldRequired(let f), .fieldControlCharacters(let f), .fieldTooLong(let f, _): f
        case .unknownCategory: .category
        default: nil
        }
    }

    /// The message with the field named as the form on screen names it ("Voor wie", not the
    /// store's "organisatie"), so a resident finds the field the error is about.
    /// Errors about no field read as `word`.
    public func word(naming label: any Value) -> Word {
        switch self {
        case .fieldRequired: .fillInThisFieldIs(label)
        case .fieldControlCharacters: .containsInvisibleControlCharactersPasted(label)
        case .fieldTooLong(_, let limit): .isTooLongAtMost(label, limit)
        case .unknownCategory(let c): Self.categoryNotInList(label, c)
        default: word
        }
    }

    /// The refusal of category `given`, naming the field as `label` and the list to choose from.
    private static func categoryNotInList(_ label: any Value, _ given: String) -> Word {
        .categoryNotInList(label, TextSanitizer.sanitize(given), PlatformCategory.keysListed)
    }

    /// The message for a resident, in the chosen language.
    public func message(_ lang: Language) -> String { lang.t(word) }

    /// What went wrong as a word with its values: the core names the error, the reader's
    /// layer words it in the reader's language.
    public var word: Word {
        switch self {
        case .storeNotFound(let p):
            return .thereIsNoStoreIn(p)
        case .storeAlreadyExists(let p):
            return .alreadyHoldsStoreChooseAnother(p)
        case .storeNotADirectory(let p):
            return .isNotFolderGiveFolder(p)
        case .storeReadableByOthers(let p):
            return .theStoreIsReadableBy(p)
        case .storeFileReadableByOthers(let p):
            return .theFileIsReadableBy(p)
        case .storeNewerFormat(let f, let found, let known):
            return .hasStoreFormatButThis(f, found, known)
        case .storeCorrupt(let f, let problem):
            return .theFileIsDamagedIt(f, problem.word)
        case .storeIO(let f, let problem):
            return .couldNotReadOrWrite(f, problem)
        case .storeFull(let p):
            return .theDiskHoldingTheStore(p)
        case .storeReadOnly(let p):
            return .theStoreCanOnlyBe(p)
        case .storeNeedsUpgrade(let p):
            return .theStoreMustFirstBe(p)
        case .storeLocked(let p):
            return .theStoreIsInUse(p)
        case .invalidEmail(let e):
            return .isNotValidEMail(TextSanitizer.sanitize(e))
        case .emailInUse:
            return .anAccountWithThisE
        case .fieldRequired(let f), .fieldControlCharacters(let f), .fieldTooLong(let f, _):
            return word(naming: f.word)
        case .unknownWijk(let w):
            return .theNeighbourhoodDoesNotExist(TextSanitizer.sanitize(w))
        case .unknownInterest(let i):
            return .interestNotInList(TextSanitizer.sanitize(i), PlatformCategory.keysListed)
        case .unknownCategory(let c):
            return Self.categoryNotInList(Field.category.word, c)
        case .unknownAccount(let e):
            return .thereIsNoAccountWith(TextSanitizer.sanitize(e))
        case .changedElsewhere(let what, let changed):
            let list = InLanguage { lang in
                TextSanitizer.sanitize(changed.isEmpty ? lang.t(.somethingElse) : changed.map { lang.t(.fieldNow($0.name, $0.shown)) }.joined(separator: "; "))
            }
            return .someoneElseSavedInThe(TextSanitizer.sanitize(what), list, KeyName("refresh", fallback: "Ctrl-R"), KeyName("back", fallback: "Esc"))
        case .unknownOrganisation(let o):
            return .theOrganisationDoesNotExist(TextSanitizer.sanitize(o))
        case .notFound(let what):
            return .doesNotExistAnyMore(what)
        case .invalidDate(let d):
            return .isNotValidDateUse(TextSanitizer.sanitize(d))
        case .endBeforeStart:
            return .theEndIsBeforeThe
        case .recurrence(let problem):
            return problem.word
        case .startInPast:
            return .theStartIsInThe
        case .lifetimeTooLong(let days):
            return .postStaysUpForAt(days)
        case .lifetimeTooShort:
            return .postMustStayUpFor
        case .invalidPhoto(let problem):
            return .thisPhotoCannotBeUsed(problem.word)
        case .invalidPostcode(let p):
            return .isNotValidPostcodeUse(TextSanitizer.sanitize(p))
        case .invalidPhone(let p):
            return .isNotValidPhoneNumber(TextSanitizer.sanitize(p))
        case .intakeNeedsContact:
            return .fillInAtLeastOne
        case .accountMatchMismatch:
            return .theLinkedAccountDoesNot
        case .linkNotAgreed:
            return .nothingWasSavedFirstTick
        case .referralNeedsFields:
            return .chooseAtLeastOneItem
        case .referralFieldEmpty(let f):
            return .isNotFilledInSo(f.word)
        case .residentNotTold:
            return .nothingWasPassedOnFirst
        case .intakeAlreadyClosed:
            return .thisConversationIsClosedReopen
        case .receiptCannotMail(let noAddress):
            return noAddress
                ? .thisConversationHasNoE
                : .noEMailGoesOut
        case .invalidRetention(let lo, let hi):
            return .chooseRetentionPeriodOfTo(lo, hi)
        case .mailHeaderInvalid(let f):
            return .theEMailHeaderContains(f)
        case .mailCommandInvalid(let c):
            return .isNotUsableMailCommand(TextSanitizer.sanitize(c))
        case .mailNotConfigured:
            return .noMailCommandIsSet
        case .feedNotApproved(let w, let hasPartner):
            // A real way, named: "an administrator can appoint one" led nowhere.
            let who: Word = hasPartner ? .theNeighbourhoodSLocalPartner
                : .theNeighbourhoodSLocalPartner2(TextSanitizer.sanitize(w))
            return .sharingTheAgendaOfHas(TextSanitizer.sanitize(w), who)
        case .passwordRejected(let problem):
            return problem.word
        case .loginFailed:
            return .eMailAddressOrPassword
        case .loginThrottled(let s):
            return .tooManyFailedAttemptsTry(s)
        case .accountBlocked:
            return .thisAccountIsBlockedContact
        case .onBehalfAgreementWrong:
            return .thatPasswordOrCodeIs
        case .onBehalfEnded:
            return .helpingOnBehalfOfThe(Int(OnBehalf.limit / 60))
        case .resetCodeWrong:
            return .eMailAddressOrCode
        case .resetCodeMalformed:
            return .codeHasCharactersLikeAbcd(PasswordReset.length)
        case .resetCodeExpired:
            return .thisCodeHasExpiredCode(Int(PasswordReset.validity / 3600))
        case .wijkLetterNeedsAddress:
            return .theLetterGoesToThe
        case .wijkAlreadyVerified:
            return .yourNeighbourhoodIsAlreadyVerified
        case .wijkNoLetter:
            return .noLetterWithCodeIs
        case .wijkCodeWrong:
            return .thisCodeIsIncorrectCheck
        case .notPermitted(let denial):
            return denial.word
        case .backupRefused(let problem):
            return problem.word
        case .roleAlreadyHeld(let role, let name):
            return .thisAccountAlreadyHasThe(role.word(named: name))
        case .roleNotHeld(let role, let name):
            return .thisAccountDoesNotHave(role.word(named: name))
        case .lastAdministrator:
            return .thisIsTheLastAdministrator
        case .platformPrivate:
            return .thisPlatformIsOnlyAccessible
        case .visitorCodeLimit(let minutes):
            return .codesHaveAlreadyBeenAsked(VisitorProof.codesPerSession, minutes)
        case .moderationRefused(let p):
            return p.word
        case .visitorAddressHasAccount:
            return .thisEMailAddressBelongs
        case .visitorProofNeeded:
            return .yourAccessToThisData
        case .signUpPlacesOutOfRange(let max):
            return .signUpPlacesOutOfRange(max)
        case .signUpPlacesBelowTaken(let taken):
            return .signUpPlacesBelowTaken(taken)
        case .signUpPast:
            return .signUpPast
        case .remindDaysOutOfRange(let max):
            return .remindDaysOutOfRange(max)
        case .signUpNotTaken:
            return .signUpNotTaken
        case .signUpFull:
            return .signUpFullNoWaitingList
        case .signUpTooMany(let max):
            return .signUpTooMany(max)
        case .visitorSignUpsToday(let max):
            return .visitorSignUpsToday(max)
        case .mailAlreadySent(let id):
            return .mailAlreadySent(id)
        case .mailBeingSent(let id):
            return .mailBeingSent(id)
        case .mailHasNoAddress(let id):
            return .mailHasNoAddress(id)
        }
    }
}

extension CoreError: LocalizedError {
    public var errorDescription: String? { message(.dutch) }
}

/// One field another terminal changed: its name in Dutch and English and what it holds now.
public struct ChangedField: Sendable, Equatable {
    public var name: Word, now: String

    /// What it holds now, short ("(leeg)" when empty).
    var shown: String { now.isEmpty ? "—" : now.count > 80 ? String(now.prefix(80)) + "…" : now }

    /// The fields of `pairs` (name, before, now) whose value differs.
    static func diff(_ pairs: [(Word, String, String)]) -> [ChangedField] {
        pairs.filter { $0.1 != $0.2 }.map { ChangedField(name: $0.0, now: $0.2) }
    }
}
