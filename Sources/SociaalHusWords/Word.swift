// Generated once from the inline pairs; edit freely from here on: this file is the source.

/// Every text a person reads, named by what it says, with the values it shows.
///
/// Screens, commands and the core name a word; a `Catalogue` per language gives its wording.
/// A new case fails to compile until every catalogue says it, so no language can miss a text.
public enum Word: Sendable {
    // MARK: Command line
    case accountCreatedForProfileAll(_ id: any Value, _ email: any Value, _ value: any Value, _ value2: any Value)
    case accountExistsGiveRole(_ e: any Value, _ commands: any Value)
    case accountIsBlockedItCannot(_ id: any Value)
    case accountIsErasedAccountProfile(_ id: any Value)
    case accountIsNoLongerBlocked(_ id: any Value)
    case accountNoLongerHasThe(_ id: any Value, _ email: any Value, _ label: any Value, _ now: any Value)
    case accountNowHasTheRole(_ id: any Value, _ email: any Value, _ label: any Value, _ now: any Value)
    case address4
    case afterLoggingInWaitUntil
    case again
    case againstFloodsOutsideTheMatch
    case allDay3
    case anAreaOfInterest
    case andInTheBlockReplace
    case andKeepAuthenticationmethodsPublickey
    case andMoreSociaalhusKeys(_ value: any Value)
    case area
    case asciiCharactersOnlyAutomaticWithout
    case atMost
    case atOnceMaxstartupsLimitsNew
    case backupOfRestoredIntoRecords(_ made: any Value, _ path: any Value, _ records: any Value, _ files: any Value, _ accountsErasedAgain: any Value, _ intakesErasedAgain: any Value)
    case backupWrittenToReadableBy(_ value: any Value, _ records: any Value, _ files: any Value)
    case blockAnAccountOnRequest
    case cannotWrite(_ value: any Value, _ r: any Value)
    case category4
    case closedConversationSOlderThan(_ erased: any Value, _ months: any Value)
    case colourThemeStandaardHoogContrast
    case command
    case commands
    case commandsWith(_ value: any Value)
    case createAnAccountThePassword
    case createNewStore
    case dailyDigestSQueuedIn(_ n: any Value)
    case debian12Ships92
    case debianSDefaultAcceptenvLang
    case debianSPamAllowsAn
    case demoAccountsForTryingOut
    case demoDataPlacedOrganisationsActivities(_ organisations: any Value, _ agenda: any Value, _ posts: any Value, _ accounts: any Value)
    case demoStoreLogInWith
    case dir
    case doesNotBelongToEvery(_ value: any Value, _ command: any Value)
    case drawOnlyTheFirstScreen
    case e
    case eMailGoesWithThe(_ id: any Value)
    case eraseAccountAndAllIts(_ id: any Value, _ email: any Value, _ statement: any Value)
    case eraseAnAccountAndAll
    case eraseClosedConversationsAfterThe
    case eraseEverythingOfTheVisitor(_ email: any Value, _ messagesSentCount: any Value, _ reportsMadeCount: any Value, _ emailsWaitingCount: any Value)
    case everyoneThenArrivesAsVisitor
    case everythingHeldAboutPersonAs
    case exitCodes0Done1
    case exportWrittenToReadableBy(_ value: any Value)
    case feedWrittenTo(_ out: any Value)
    case file2
    case fillTheStoreWithDemo
    case forEveryCommand
    case fromThisDayDefaultToday
    case fromYourKeysFile
    case giveAddRoleOrRemove
    case giveFromFileJpegOr
    case giveOrTakeRoleOf
    case giveThisRoleResidentEditor
    case howLongEachLoadTest
    case howLongThatSessionRuns
    case howManySessionsAtOnce
    case isNotValidValueFor(_ value: any Value, _ o: any Value, _ expected: any Value)
    case jpegOrPngFile
    case k
    case keepTheSyntheticStoreIn
    case keyMayBelongToTwo
    case languageOfTheOutputDutch
    case letterSWrittenToPrint(_ lettersCount: any Value, _ out: any Value)
    case lettersDigitsAnd
    case lettingPeopleInOneOf
    case level
    case liftBlock
    case loadTestNSessionsAt
    case lost
    case mailAnnouncement
    case mailCommandSender(_ command: any Value, _ mailFrom: any Value)
    case mailContactCopy
    case mailDataExport
    case mailDigest
    case mailFailed
    case mailNewsletter
    case mailNoAddress
    case mailNotification
    case mailPasswordReset
    case mailPending
    case mailReferral
    case mailReferralReceipt
    case mailReply
    case mailSending
    case mailSent
    case mailUncertain
    case makeOneTimeCodeFor
    case measureOpenChangeEraseAgenda
    case minutesFrom1To1440
    case minutesWithoutKeyBeforeAutomatic
    case moreAboutOneCommandSociaalhus
    case moreSociaalhusWordHelp(_ value: any Value)
    case n
    case n1ForTheFirstReferral
    case name4
    case needsValue(_ value: any Value)
    case neighbourhoodElseTheNeighbourhoodsOf
    case nlEn
    case noActivitiesInThisPeriod
    case noLettersWereAskedFor
    case noMailCommandOutboxWaits
    case noPasswordWasReadGive
    case none2
    case noneOfThisHasBeen
    case notConfirmedNothingWasChanged
    case notEveryEMailWas
    case noteIsLeftOverFrom(_ l: any Value)
    case noteThisIsDebugBuild
    case numberFrom1To10000
    case numberFrom1To366
    case numberFromMailList
    case onNewTemporaryDemoStore
    case oneLoadTestSessionAs
    case oneRunInternal
    case oneTimeCodeForAccount(_ id: any Value, _ email: any Value, _ code: any Value, _ hours: any Value)
    case onlyThisCategory
    case onlyThisNeighbourhoodNeededFor
    case onlyThisOrganisationS
    case onlyWithAnSshKey
    case onlyWithThisText
    case openTheInterfaceAgendaNotice
    case openssh98AndLater
    case options
    case password2
    case path
    case plainTextForScreenReaders
    case prefixedBy
    case profile2
    case putBackupBackWhoeverWas
    case putTheBlockBelowAt
    case queueTheDailyDigests
    case readableUtf8TextFile
    case receiptWrittenToReadableBy(_ value: any Value)
    case removeThePhoto
    case replaceThePrivacyStatementWith
    case residentEditorOrganisationDeskPartner
    case restoreTheStandardPrivacyStatement
    case restoreTheStoreToThe(_ path: any Value, _ file: any Value)
    case role2
    case runsPerScale150
    case s
    case scale120Default1
    case scaleStoreBuiltInS(_ scale: any Value, _ value: any Value, _ runs: any Value)
    case sendRefusedOrUncertainE
    case sendTheWaitingEMails
    case sendmailCompatibleEGUsr
    case sentRefusedKeptForAnother(_ sent: any Value, _ failed: any Value, _ uncertain: any Value)
    case servedToOthersOverSsh
    case sessionSWithoutResult(_ failed: any Value)
    case sessionsSEachOnBorne(_ sessions: any Value, _ seconds: any Value)
    case setOrRemoveAnAccount
    case setTheMailCommandAnd
    case showHowOpensshServesThe
    case showTheHelpOrThat
    case showTheKeysWithYour
    case showTheOutbox
    case showThePrivacyStatementIn
    case showTheVersion
    case showThisHelpAndDo
    case sociaalhusAgendaNoticeBoardAnd
    case sociaalhusErasesOrReplacesData(_ c: any Value)
    case sociaalhusKeysActionAndKeys(_ file: any Value)
    case sociaalhusNeedsOneMoreWord(_ group: any Value, _ value: any Value)
    case storeCreatedIn(_ path: any Value)
    case systemUserThatOwnsThe
    case takeThisRoleTheLast
    case takesNoValue(_ o: any Value)
    case text4
    case textSByOthersStill(_ textsNamingThem: any Value)
    case theAccountSEMail
    case theAgendaAsVisitorSees
    case theBackupFromSociaalhusBackup
    case theConversationSNumber
    case theConversationSNumberIntake
    case theDutchTextUtf8
    case theEnglishTextUtf8
    case theFileExistsAlreadyChoose
    case theInterfaceNoCommand
    case theInterfaceOnlyWorksIn
    case theLoadTestFoundLost
    case theName
    case theNeighbourhood
    case theNeighbourhoodOfAccountIs(_ id: any Value, _ wijk: any Value)
    case theNewFileReadableBy
    case theNumberFromMailList
    case theOptionIsMissingPlease(_ o: any Value)
    case theOwnPrivacyStatementIs
    case thePhotoOfAccountIs(_ id: any Value)
    case thePhotoOfAccountIs2(_ id: any Value)
    case theProgramSshdStartsDefault
    case theReason
    case theReceiptOfReferralTo
    case theRunSNumber
    case theSenderAddress
    case theStandardPrivacyStatementIs
    case theStoreFolderElseSociaalhus
    case theStoreHasProblemS(_ path: any Value, _ problemsCount: any Value)
    case theStoreIsSoundFiles(_ path: any Value, _ files: any Value, _ records: any Value)
    case theSystemUserThatOwns
    case theTerminalTypeTermIs(_ term: any Value)
    case theTerminalTypeTermIs2(_ value: any Value)
    case theTwoPasswordsDifferTry
    case theVisitorIsErasedRow(_ email: any Value, _ n: any Value)
    case thisManyDays1366
    case timeKeyPressesInThe
    case typeYesToGoOn
    case unexpectedError(_ error: any Value)
    case unknownCommandCommandsSeeSociaalhus(_ value: any Value, _ commands: any Value)
    case unknownOptionForValidSee(_ value: any Value, _ command: any Value, _ valid: any Value)
    case usage
    case usageSociaalhusCommandOptions
    case verifyAnAccountSNeighbourhood
    case verifyEveryFileOfThe
    case visitorsWithoutPasswordPublicTerminal
    case w
    case wasGivenTwiceGiveIt(_ o: any Value)
    case whichReferralOfTheConversation
    case whoSeesTheProfileAnoniem
    case withThemesNextToIt
    case withoutAskingNeededWithoutTerminal
    case writeBackupOfTheStore
    case writeTheLettersWithCode
    case writeThemToThisFile
    case writeToThisFileReadable
    case yyyyMmDd

    // MARK: Core: Accounts
    case administrationIsUnderModerationTab
    case anAdministratorGaveYouThe(_ what: any Value)
    case anAdministratorTookTheRole(_ what: any Value)
    case anotherReason
    case chooseJpegOrPngFile
    case choosePasswordOfAtLeast(_ minimumLength: any Value, _ maximumLength: any Value)
    case dailyDigest
    case editorOf2(_ name: any Value)
    case interests3
    case itCannotBeRead(_ why: any Value)
    case itIsLargerThanMb(_ mb: any Value)
    case itIsNotJpegOr
    case itIsNotRegularFile
    case localPartnerOf2(_ name: any Value)
    case neighbourhood4
    case notUsedToComputers
    case questionsAskAtTheSociaal
    case questionsReplyToThisMessage
    case readingOrWritingIsHard
    case reportsAndSharingTheAgenda
    case theConversationsAreUnderIntake
    case theLanguage
    case thisPasswordConsistsOfRepeated
    case thisPasswordIsCommonlyUsed
    case visibility2
    case youCanPostOnYour
    case youKeepUpToDate(_ named: any Value)
    case yourPasswordContainsControlCharacter
    case yourPasswordContainsTheName
    case yourPasswordContainsYourOwn
    case yourPasswordIsTooLong(_ maximum: any Value)
    case yourPasswordIsTooShort(_ actual: any Value, _ minimum: any Value)

    // MARK: Core: Content
    case about2
    case afterAnotherLookTheContent
    case anActivity
    case authorAnswered
    case categories2
    case chooseReasonAndTellThe
    case dismissed
    case doYouDisagreeObjectOnce
    case eMail2
    case hidden2
    case isVisibleAgainModeratorRestored
    case message3
    case messageYouSent
    case moderatorLookedAtItAnd
    case noticeBoardPost
    case objectionMade
    case objectionRejectedStaysHidden
    case privacyStatementText
    case privacyTakedown(_ address: any Value)
    case profile3
    case questionsReplyToThisMessage2
    case removed2
    case reportedActivity(_ title: any Value)
    case reportedMessageFrom(_ name: any Value)
    case reportedPost(_ title: any Value)
    case reportedProfile(_ name: any Value)
    case restored
    case staysHiddenModeratorLookedAt
    case theActivity(_ title: any Value)
    case theActivity2(_ value: any Value)
    case theContentStaysHidden
    case theContentWasHiddenAnd
    case theContentWasRemoved
    case theModeratorSExplanation(_ note: any Value)
    case thePost(_ value: any Value)
    case thereIsNoHidingAfter
    case thisContentIsAlreadyHidden
    case thisContentIsNotHidden
    case thisContentNoLongerExists
    case wasHiddenAfterReportReason(_ reason: any Value)
    case wasRemovedAfterReportReason(_ reason: any Value)
    case website
    case youAlreadyObjectedModeratorDecides
    case yourNoticeBoardPost(_ title: any Value)
    case yourProfile
    case yourReportOnSociaalHus
    case yourReportWasHandled(_ what: any Value, _ reason: any Value, _ result: any Value)

    // MARK: Core: DataRights
    case codeForNewPasswordThat
    case contactMessagesFromAndTo
    case deskConversationsLinkedToYour
    case eMailsToAndAbout
    case reportsAboutYouYourName
    case theLogAboutYouBut
    case whetherYourNeighbourhoodIsVerified
    case yourAccountAndProfileWith
    case yourEMailAddressAnd
    case yourPostsOnTheNotice2

    // MARK: Core: Intake
    case at
    case atTheSociaalHusDesk2
    case beforeAnythingWasPassedOn
    case conversationReferral(_ intake: any Value, _ number: any Value)
    case correctIfSomethingIsWrong
    case data3
    case dezeBonStaatHieronderIn
    case inSociaalhusUnderProfileMy
    case objectOrAskIfYou(_ value: any Value)
    case onDeskStaffOfThe(_ when: any Value, _ staff: any Value)
    case onlyTheseDataWerePassed
    case purpose4
    case receiptEraseAtDesk
    case receiptEraseAtDeskOrMyData
    case reference
    case referralNoticeSentence(_ list: any Value, _ organisationName: any Value, _ purpose: any Value)
    case seeYouMayAlwaysSee(_ see: any Value)
    case sociaalHusBorneReceiptOf
    case theSociaalHusNeverShares
    case thisReceiptIsInEnglish
    case to6
    case whatAlreadyReceivedIsKept(_ org: any Value)
    case yourRights

    // MARK: Core: Model
    case aboutTheReport
    case announcementsFromThePlatform
    case anonymous
    case careAndSupport
    case closed2
    case copyrightInfringement
    case everyoneVisitorsIncludedSeesYour
    case housing
    case incorrect
    case meetingPeopleAndLoneliness
    case messagesFromVisitors
    case moneyMatters
    case neighboursOnly
    case newslettersFromYourNeighbourhood
    case notice
    case notificationsFromYourNeighbourhoodIn
    case objection
    case offer
    case onlyYouSeeYourName
    case openText2
    case other
    case other2
    case parentingAndYouth
    case publicText
    case referred3
    case request
    case residentsOfYourOwnNeighbourhood
    case sociaalhusAdministration
    case sociaalhusModeration
    case theDeskSNotes
    case unwanted
    case volunteering
    case workAndIncome

    // MARK: Core: Rules
    case activityRemoved
    case andText
    case anonymousResident
    case areSeenBy(_ what: any Value, _ who: any Value)
    case everyoneVisitorsIncluded
    case logInFirstToDo
    case nobodyCanActOnBehalf
    case onlyAnAdministratorMayDo
    case onlyDeskStaffOfThe
    case onlyEditorsOfThisOrganisation
    case onlyResidentsCanPostIn
    case onlyTheAuthorOfThis
    case onlyTheOwnerOfThis
    case onlyThisNeighbourhoodSLocal
    case onlyYou
    case organisationRemoved
    case othersSeeAnonymousResident
    case phoneNumber
    case postRemoved
    case residentsOfWhoseNeighbourhoodIs(_ wijkName: any Value)
    case soYourIsShownTo(_ list: any Value)
    case thisAccountNoLongerExists3
    case thisCannotBeDoneOn
    case thisReportIsAboutYour
    case youCanOnlyPostIn
    case yourAccountIsBlockedContact
    case yourName2
    case yourNameAnd(_ list: any Value)
    case yourProfileIsAnonymousOnly
    case yourRightsHaveChangedMeanwhile

    // MARK: Core: Store
    case alreadyExistsBackupNeverWrites(_ p: any Value)
    case isNotSociaalhusBackupMade(_ f: any Value)
    case itBelongsToAnotherUser
    case itHoldsChangesNotYet
    case itHoldsOtherDataThan
    case itIsBytesLongInstead(_ f: any Value, _ e: any Value)
    case itIsBytesLongLarger(_ n: any Value)
    case itIsEmpty0Bytes
    case itIsNotPlainFile
    case liesInsideTheStoreFolder(_ p: any Value)
    case noRecordAndNoInterrupted
    case referenceIsBroken(_ d: any Value)
    case restoreThatWasCutOff
    case theBackupIsDamagedThe(_ f: any Value, _ d: any Value)
    case theBackupWasMadeBy(_ f: any Value, _ found: any Value, _ known: any Value)
    case theChecksumDoesNotMatch
    case theContentsCannotBeRead(_ d: any Value)
    case theFileIsMissing
    case theStoreAcknowledgedChangesUp(_ a: any Value, _ f: any Value)

    // MARK: Core: Support
    case alreadyHoldsStoreChooseAnother(_ p: any Value)
    case anAccountWithThisE
    case areasOfInterest
    case category3
    case chooseAtLeastOneItem
    case chooseRetentionPeriodOfTo(_ lo: any Value, _ hi: any Value)
    case codeHasCharactersLikeAbcd(_ length: any Value)
    case codesHaveAlreadyBeenAsked(_ codesPerSession: any Value, _ minutes: any Value)
    case containsInvisibleControlCharactersPasted(_ label: any Value)
    case cost2
    case couldNotReadOrWrite(_ f: any Value, _ problem: any Value)
    case descriptionText2
    case doesNotExistAnyMore(_ what: any Value)
    case eMailAddressOrCode
    case eMailAddressOrPassword
    case fieldNow(_ field: any Value, _ now: any Value)
    case fillInAtLeastOne
    case fillInThisFieldIs(_ label: any Value)
    case hasStoreFormatButThis(_ f: any Value, _ found: any Value, _ known: any Value)
    case helpingOnBehalfOfThe(_ value: any Value)
    case howToSignUp
    case isNotFilledInSo(_ value: any Value)
    case isNotFolderGiveFolder(_ p: any Value)
    case isNotUsableMailCommand(_ value: any Value)
    case isNotValidDateUse(_ value: any Value)
    case isNotValidEMail(_ value: any Value)
    case isNotValidPhoneNumber(_ value: any Value)
    case isNotValidPostcodeUse(_ value: any Value)
    case isTooLongAtMost(_ label: any Value, _ limit: any Value)
    case location2
    case noEMailGoesOut
    case noLetterWithCodeIs
    case noMailCommandIsSet
    case notes2
    case nothingWasPassedOnFirst
    case nothingWasSavedFirstTick
    case openingHours3
    case password3
    case place2
    case postMustStayUpFor
    case postStaysUpForAt(_ days: any Value)
    case postcodeField
    case privacyStatement2
    case purpose5
    case question3
    case reason3
    case sharingTheAgendaOfHas(_ value: any Value, _ who: any Value)
    case someoneElseSavedInThe(_ value: any Value, _ changes: any Value, _ reload: any Value, _ back: any Value)
    case somethingElse
    case text3
    case thatPasswordOrCodeIs
    case theDiskHoldingTheStore(_ p: any Value)
    case theEMailHeaderContains(_ f: any Value)
    case theEndIsBeforeThe
    case theFileIsDamagedIt(_ f: any Value, _ value: any Value)
    case theFileIsReadableBy(_ p: any Value)
    case theLetterGoesToThe
    case theLinkedAccountDoesNot
    case theNeighbourhoodDoesNotExist(_ value: any Value)
    case theNeighbourhoodSLocalPartner
    case theNeighbourhoodSLocalPartner2(_ value: any Value)
    case theOrganisationDoesNotExist(_ value: any Value)
    case theStartIsInThe
    case theStoreCanOnlyBe(_ p: any Value)
    case theStoreIsInUse(_ p: any Value)
    case theStoreIsReadableBy(_ p: any Value)
    case theStoreMustFirstBe(_ p: any Value)
    case thereIsNoAccountWith(_ value: any Value)
    case thereIsNoStoreIn(_ p: any Value)
    case thisAccountAlreadyHasThe(_ role: any Value)
    case thisAccountDoesNotHave(_ role: any Value)
    case thisAccountIsBlockedContact
    case thisCodeHasExpiredCode(_ value: any Value)
    case thisCodeIsIncorrectCheck
    case thisConversationHasNoE
    case thisConversationIsClosedReopen
    case thisEMailAddressBelongs
    case thisIsTheLastAdministrator
    case thisPhotoCannotBeUsed(_ value: any Value)
    case thisPlatformIsOnlyAccessible
    case title2
    case tooManyFailedAttemptsTry(_ s: any Value)
    case worded(_ message: any Value)
    case yourAccessToThisData
    case yourEMailAddress
    case yourName3
    case yourNeighbourhoodIsAlreadyVerified

    // MARK: Interface: App
    case activities
    case activity
    case allKeysOfThisScreen
    case areYouStillThere
    case areYouStillThereMy(_ left: any Value)
    case areYouStillThereYou(_ left: any Value)
    case areYouSure
    case atLeastNow(_ cols: any Value, _ rows: any Value, _ cols2: any Value, _ rows2: any Value)
    case atMostNowMakeThe(_ cols: any Value, _ rows: any Value, _ cols2: any Value, _ rows2: any Value)
    case back
    case backCancelOrLeaveText
    case board
    case button
    case buttonEnterOrYTo(_ place: any Value, _ label: any Value)
    case changedBySomeoneElseAt(_ reload: any Value, _ back: any Value)
    case choose
    case chosen
    case commandsStartWithHereSuch
    case conversation
    case conversations
    case doYouWantToQuit
    case down
    case empty
    case endOfTheList(_ count: any Value, _ value: any Value)
    case endOnBehalf
    case error
    case errorIn
    case errorIsNoAnswerTo(_ value: any Value)
    case errorIsNoAnswerTo2(_ value: any Value)
    case errorIsNotCommandHere(_ value: any Value)
    case errorOnThisScreenLetters
    case errorOnlyTextFieldCan
    case errorThereIsNoNumber(_ text: any Value, _ count: any Value)
    case errorUnknownKeyInFor(_ value: any Value)
    case fetchChangesFromOtherTerminals
    case fieldOptions(_ place: any Value, _ label: any Value)
    case fieldTextAtMostCharacters(_ place: any Value, _ label: any Value, _ limit: any Value, _ note: any Value)
    case fieldTextAtMostCharacters2(_ place: any Value, _ label: any Value, _ limit: any Value)
    case fieldTypeYOrN(_ place: any Value, _ label: any Value, _ value: any Value)
    case first
    case form
    case formWithFields(_ fieldsCount: any Value)
    case fromAnyField(_ label: any Value)
    case general
    case help
    case helpingEnded
    case helpingOnBehalfOfHas(_ name: any Value)
    case helpingOnBehalfOfHas2(_ name: any Value)
    case helpingOnBehalfOfHas3(_ name: any Value, _ value: any Value)
    case helpingOnBehalfOfHas4(_ name: any Value)
    case inFormWhatYouType
    case intakeConversationsDeskStaff
    case keysFileAlreadyOnLine(_ first: any Value, _ line: any Value)
    case keysFileCtrlCFixed(_ first: any Value)
    case keysFileKeyTaken(_ key: any Value, _ other: any Value)
    case keysFileKeyTakenOnLine(_ key: any Value, _ other: any Value, _ line: any Value)
    case keysFileLine(_ file: any Value, _ line: any Value, _ problem: any Value)
    case keysFileNoKeyAfter(_ first: any Value)
    case keysFileNotText
    case keysFileUnknownAction(_ first: any Value)
    case keysFileUnknownKey(_ key: any Value)
    case keysOf(_ value: any Value)
    case last
    case leaveField
    case line
    case lines
    case list
    case loggedIn
    case loggedOut
    case loggedOutYourAccountIs
    case loggedOutYourAccountNo
    case loggingOutDiscardsWhatYou
    case message
    case messages
    case messages2
    case moderation
    case moreLinesEnterForMore(_ heldCount: any Value)
    case moreOfEnterForMore(_ value: any Value, _ count: any Value, _ value2: any Value)
    case msgs
    case myDataAsVisitorCloses(_ left: any Value)
    case myDataAsVisitorWas
    case n999MoreOf999Activities
    case newLine
    case newLineInTheText
    case nextField
    case notKept
    case notSaved
    case notSaved2
    case notShownNote
    case nothingChanged
    case nothingDone
    case noticeBoard
    case numberOpenAnItemTab
    case of
    case off
    case on
    case onBehalfOf
    case onBehalfOf2
    case onOff
    case openText
    case orStartSociaalhusPlainIt
    case orWord
    case organisation
    case organisations
    case organisations2
    case orgs
    case pageDown
    case pageUp
    case pgupPgdnHomeEndScroll
    case plainTextTypeLineAnd(_ help: any Value, _ value: any Value)
    case post
    case posts
    case pressAnyKeyToCarry
    case pressAnyKeyToStay
    case pressButtonOrGoTo
    case previousField
    case privacyStatement
    case profile
    case quit
    case quitAtOnceWithoutAsking
    case quitNow
    case quitTheProgramAsksFirst
    case refresh
    case refreshed
    case reportsAgendaSharingPlatformPartners
    case required
    case stopHelpingOnBehalfOf(_ name: any Value)
    case stopHelpingOnBehalfOf2
    case switchTickBoxOrChoice
    case theKeyDoesTwoThings(_ key: any Value, _ a: any Value, _ b: any Value)
    case thisCannotBeUndone
    case thisKeyDoesNothingHere(_ help: any Value)
    case toTheEndOfThe
    case toTheStartOfThe
    case tooManyScreensOpenGo(_ maximumStackDepth: any Value, _ back: any Value)
    case typeEnterOrYTo
    case typeNumberOrTheWords(_ list: any Value, _ value: any Value)
    case typeNumberOrTheWords2
    case typeTheTextEnterTo
    case typeYOrNOr
    case unsavedInputWillThenBe
    case up
    case visitor
    case wantToKnowWhyOr
    case whatHappensToYourData
    case whatYouTypedHasNot
    case windowTooLarge
    case windowTooSmall
    case yDiscardAndGoBack(_ yes: any Value, _ no: any Value)
    case yDiscardAndLogOut(_ yes: any Value, _ no: any Value)
    case yDiscardAndReloadN(_ yes: any Value, _ no: any Value)
    case yYesDoItN(_ yes: any Value, _ no: any Value)
    case yYesQuitNOr(_ yes: any Value, _ no: any Value)
    case youAreLoggedOut
    case youWereLoggedOutAutomatically
    case youWereLoggedOutAutomatically2(_ value: any Value)
    case youWillBeLoggedOut(_ left: any Value)
    case yourAccountNoLongerExists
    case yourAccountWasBlockedBy
    case yourReceivedAndSentMessages
    case yourUnsavedInputInIs(_ value: any Value, _ value2: any Value)

    // MARK: Interface: Widgets
    case allDay
    case clear
    case clearTheSearch
    case done
    case fieldsAreNotRightYet(_ problemsCount: any Value, _ names: any Value)
    case finishSearching
    case search
    case theFormWasClosedWithout

    // MARK: Screens: Agenda
    case activities2(_ n: any Value)
    case activitiesOnThisDay
    case activity2
    case activityDeleted
    case allDay2
    case allNeighbourhoods
    case allOfBorne
    case andToBrowse
    case arrowsDayAndWeekAnd(_ previous: any Value, _ next: any Value)
    case category
    case contact2
    case cost
    case date
    case dateYyyyMmDd
    case day
    case days
    case deleteTheActivityWithAll(_ value: any Value)
    case descriptionText
    case editActivity
    case editTheOrganisationSEditors
    case end
    case endHhMm
    case everyMonth
    case everyTwoWeeks
    case everyWeek
    case fillInTheEndTime
    case fillInTheStartTime
    case filterByCategoryNext
    case filterByOrganisationNext
    case firstDay
    case fortnightly
    case free
    case goToToday
    case lastDay
    case location
    case month
    case month2
    case monthView
    case monthViewDaysWithHow
    case monthly
    case n1Activity
    case newActivity
    case newActivityOrganisationEditors
    case nextDay
    case nextMonth
    case nextWeek
    case noActivitiesFound
    case noActivitiesOnThisDay
    case nothing2
    case openDay
    case organisation2
    case organiser
    case previousDay
    case previousMonth
    case previousWeek
    case recordTakedownNoticeAndRemove2
    case repeats
    case reportThisActivityToThe
    case sendTheOrganisationMessageAbout
    case signUp
    case start
    case startHhMm
    case theActivityIsInThe
    case thisActivityNoLongerExists
    case today
    case today2
    case today3
    case until
    case until2
    case untilYyyyMmDd
    case week
    case weekEarlier
    case weekLater
    case weekView
    case weekViewOfTheChosen
    case weekly
    case when
    case whereText

    // MARK: Screens: Berichten
    case announcement
    case answerTheLastMessageReceived
    case contact
    case conversation2
    case conversationDeleted
    case conversations2
    case deleteThisConversationFromYour
    case deleteThisConversationFromYour2
    case deleteThisConversationMessagesFrom(_ n: any Value)
    case followsYourProfileLevelIn
    case fromText
    case fromText2
    case goesOnlyToPeopleWith(_ value: any Value)
    case logIn4ProfileTo
    case messageFrom
    case messagesOldestFirst(_ linesCount: any Value)
    case new2(_ unread: any Value)
    case new3
    case newsletter
    case noMessagesYet
    case onlyTheRecipientSeesYour
    case queuedForRecipientSIn(_ n: any Value)
    case reply
    case reportTheLastMessageReceived
    case sent
    case subject
    case text2
    case theRecipientSeesAsSender
    case thisConversationDoesNotExist
    case to
    case to2
    case writePlatformAnnouncementAdministrator
    case writeYourNeighbourhoodSNewsletter
    case yourAnswerGoesToThe
    case yourEMail
    case yourMessageWasSent
    case yourName

    // MARK: Screens: Buren
    case asVisitorYouSeeOnly
    case cSendMessageOnlyThe(_ key: any Value)
    case filterByAreaOfInterest
    case interest
    case interest2
    case interests
    case neighbour
    case neighbourSProfile
    case neighbours2
    case nobodyFoundWhomYouMay
    case photo
    case postS(_ openPostsCount: any Value)
    case postsOnTheNoticeBoard
    case searchByNameOrInterest
    case withPhoto
    case youCannotSeeThisProfile
    case youSeePublicProfilesNeighbours
    case youSeeResidentsWithPublic

    // MARK: Screens: Intake
    case actForResidentAtThe
    case address2
    case agree
    case allConversationsMatchingTheSearch
    case allOrganisations
    case andNeighbourhood
    case by4
    case close
    case closeOrReopenTheRetention
    case closed
    case closedConversationsAreThenErased(_ lowerBound: any Value, _ upperBound: any Value)
    case codeFor(_ value: any Value)
    case codeMadeItIsIn
    case confirmYouSaidThisSentence
    case conversationClosedItWillBe(_ intakeRetentionMonths: any Value)
    case conversationReopened
    case conversationSOfThisPerson(_ n: any Value)
    case conversationSaved
    case data
    case discardDraft
    case discardTheDraftOfThis
    case draftDiscardedNothingWasSaved
    case edit2
    case editConversation
    case erase
    case eraseAllConversationDataOf
    case eraseAllConversationDataOf2
    case everyConversationReferralAndDisclosure
    case firstTickThatYouChecked
    case firstTickThatYouHave
    case forResidentInFrontOf
    case helpOnBehalf
    case helpWith
    case history2
    case howLongClosedConversationsAre
    case iHaveCheckedWhoThis
    case iHaveSeenProofOf
    case linkAccount
    case linkAccountNoneFound
    case linked
    case mailReceipt
    case makeCode
    case matching
    case matchingOnly
    case months
    case neighbourhoodVerifiedForItIs(_ wijk: any Value, _ value: any Value)
    case newConversation
    case next
    case nextReferral
    case nextTheResidentAgrees
    case no
    case noConversationsFound
    case noMatchingOrganisationsPressF(_ key: any Value)
    case noName
    case noOpenConversationsPressN(_ key: any Value)
    case none
    case noneYetPressDTo(_ key: any Value)
    case notLinked
    case notSavedButKeptAs(_ key: any Value)
    case notes
    case notesOnlyPassedOnWhen
    case nothing
    case nothingWasErased
    case oneTimePasswordCodeFor
    case onlyForSomeoneInFront
    case overThisSharedConnectionNothing
    case passedOnTo
    case passedToOrganisations
    case passwordCode
    case passwordOrCode
    case person
    case phone2
    case place
    case pressBOnceYouHave(_ key: any Value)
    case previousReferral
    case previousStep
    case printReceipt
    case purpose
    case purpose2
    case question
    case question2
    case queuedByEMailFor
    case readItOutOrWrite
    case receipt
    case receiptOfTheReferral
    case recordAnIntakeConversation
    case recorded
    case recordedForThePersonAnd
    case refer
    case refer13
    case refer23
    case refer33
    case referToAnOrganisationThe
    case referralOf(_ number: any Value, _ receiptsCount: any Value)
    case referrals
    case reopen
    case requiredAndPhoneEMail
    case residentTold
    case resumeConversation
    case retention
    case retentionPeriod
    case sayThisToTheResident
    case searchByNamePostcodeOr
    case searchEachConversationFoundGoes
    case seeOrEraseTheData
    case sendTheReceiptOfReferral(_ number: any Value, _ to: any Value)
    case sendTheReceiptToThe
    case showAll
    case showTheLatestReferralS
    case showTheLatestReferralS2
    case staffMember
    case step1Of3Choose
    case step2Of3What
    case step3Of3Tell
    case subject2
    case subject3
    case switchBetweenMatchingSubjectAnd
    case theAddressOfTheLinked
    case theExportFolderIsThe
    case theQuestionFirstThenContact
    case theReceiptGoesToThe
    case theReceiptIsReadyTo
    case theResidentAgrees
    case theResidentAgreesToLinking
    case theResidentFirstTypesTheir
    case theRetentionPeriodCouldNot
    case theRetentionPeriodIsNow(_ months: any Value, _ erased: any Value)
    case thisConversationHasNoReferral
    case thisConversationIsLinkedTo
    case thisErasesConversationSSee(_ eraseCount: any Value, _ history: any Value)
    case thisIsTheReceiptAs(_ id: any Value, _ number: any Value, _ mail: any Value)
    case thisIsTheReceiptAs2(_ value: any Value, _ print: any Value, _ mail: any Value)
    case tickWhatYouPassOn
    case to3
    case todaySAndOpenConversations
    case toldPassOn
    case turnTheScreenToThe(_ name: any Value, _ wijk: any Value, _ helper: any Value, _ value: any Value)
    case unknown
    case verifyNeighbourhood
    case verifyTheNeighbourhoodInThe
    case verifyTheNeighbourhoodOfResident
    case visitor2
    case writeTheReceiptAsText
    case writtenTo
    case yYesEraseNOr(_ yes: any Value, _ no: any Value)
    case yesErase
    case youAreNowHelpingOn(_ value: any Value, _ end: any Value)
    case youHaveAnUnsavedConversation(_ key: any Value)
    case youStillHaveAnUnsaved(_ key: any Value)
    case yourUnsavedConversationWasRestored

    // MARK: Screens: Login
    case askForCodeAtThe
    case askForCodeAtThe2
    case codeIsDigits(_ codeDigits: any Value)
    case confirm
    case didYouWriteToUs
    case doYouHaveAnAccount
    case eMailAddress
    case eMailMeCode
    case enterTheCode
    case eraseAll
    case eraseEverythingOfThisE
    case eraseForGoodEverythingSociaalhus(_ value: any Value, _ messagesSentCount: any Value, _ repliesReceivedCount: any Value, _ emailsWaitingCount: any Value, _ reportsMadeCount: any Value)
    case everythingOfThisEMail
    case everythingSociaalhusHoldsAboutThis(_ save: any Value, _ erase: any Value)
    case forgotPassword
    case identityAndAddressChecked
    case ifThereIsAnAccount
    case ifWeHoldDataOf
    case ifWeHoldDataOf2(_ email: any Value)
    case logIn
    case logInToManageYour
    case myDataAsVisitor
    case name2
    case newHereRegister
    case newPassword
    case noCodeWasAskedIn(_ back: any Value)
    case noData
    case oneTimeCode
    case openData
    case password
    case readThePrivacyStatement
    case register
    case repeatNewPassword
    case saveEverythingAsJsonFile
    case seeAndEraseWhatYou
    case sendCode
    case sendEverythingAsJsonBy
    case sendNewCode
    case setNewPassword
    case someoneWithoutAnAccountWants
    case theCodeIsDigitsAnd(_ codeDigits: any Value, _ minutes: any Value, _ maximumWrongTries: any Value)
    case theCodeIsRight
    case thePasswordsDifferTypeThe
    case thisCodeHasExpiredChoose
    case thisCodeIsNotRight(_ left: any Value)
    case tickThisOnlyOnceYou
    case tooManyWrongTriesThis
    case visitorAtTheDesk
    case visitorSData
    case welcome(_ value: any Value)
    case whichEMailsDoYou
    case youHaveAlreadyAskedFor(_ mailRequestsPerScreen: any Value)
    case yourAccountWasCreatedWelcome(_ value: any Value)
    case yourNewPasswordIsSet(_ value: any Value)

    // MARK: Screens: Moderatie
    case about
    case accountBlockedTheReasonIs
    case accountsWithRoleBesidesResident
    case anAdministratorCanLiftThe
    case answerAuthor
    case approvalWithdrawnTheFeedIs
    case approvalsToShareYourNeighbourhood
    case approve
    case approveSharing
    case approveSharingWithThirdParty
    case approvedWhoWhenAndFor
    case block
    case blockTheAccountOfIt(_ name: any Value)
    case blockTheAuthorSAccount
    case blocked
    case blocked2
    case by2
    case by3
    case cancel
    case closeTheReportWithoutChanging
    case contentRemoved
    case dayS(_ value: any Value)
    case disagreePressToObjectOnce(_ key: any Value)
    case dismiss
    case done2
    case eMail
    case erasedAccount
    case explanation
    case explanation2
    case explanation3
    case feedPreview
    case findAccountsAndGiveOr
    case forExampleVolunteerOrganisationS
    case forWhom
    case found
    case giveRole
    case giveRoleAsksFirstThe
    case giveRoleTo
    case giveTheRole(_ who: any Value, _ what: any Value)
    case giveThisRoleAsksFirst
    case goesToTheAuthorS
    case h(_ hours: any Value)
    case hiddenTheAuthorAndThe
    case hide
    case hide2
    case hideWithReasonAndAn
    case hideWithReasonTheAuthor(_ what: any Value, _ value: any Value)
    case history
    case inForce
    case isToldInMessagesIt(_ who: any Value)
    case makeHiddenContentVisibleAgain
    case makeThePlatformPrivateRegistration
    case message2
    case messageToTheAuthorSent
    case moderatorLookedAtTheObjection
    case moderatorTakesAnotherLookAnd
    case name
    case neighbourhood3
    case neighbourhoods
    case noAccountsFound
    case noLongerHasTheRole(_ who: any Value, _ what: any Value)
    case noReports
    case noRole
    case noRoleFound
    case noRolePressNTo(_ key: any Value)
    case nothingApprovedYetPressN(_ key: any Value)
    case nothingChanged2
    case nowHasTheRoleAnd(_ who: any Value, _ what: any Value)
    case objectionToHiding
    case ownPrivacyStatementSociaalhusPrivacy
    case preview
    case privateOnlyLoginRegistrationAnd
    case reason
    case reason2
    case recordAndRemove
    case recordTheTakedownAndRemove(_ value: any Value)
    case registrationIsOpen
    case rejectObjection
    case rejectTheObjectionTheContent
    case remove
    case removeForGood(_ what: any Value)
    case removeForGoodAsksFirst
    case report2
    case report3
    case report4
    case reportedBy
    case reportedText
    case reports
    case reports2
    case reportsOpenOldestFirst(_ openValue: any Value)
    case restore
    case role
    case roles
    case roles2
    case search2
    case searchByAddressOrName
    case searchByEMailAddress
    case searchRoleNeighbourhoodOrOrganisation
    case send
    case shareAgenda
    case status
    case takeRole
    case takeTheChosenRoleAsks
    case takeTheRoleFrom(_ who: any Value, _ what: any Value)
    case takedown
    case takedownNotice
    case takedownNoticeAbout
    case takedownNoticeRecordedAndThe
    case tellTheAuthorWhy
    case thankYouYourReportWent
    case theAgendaGoesOnlyWithout
    case theAuthor
    case theAuthorAndTheReporter
    case theAuthorGetsTheReason
    case theContent
    case theObjectionIsWithThe
    case thePlatformIsNowPrivate
    case thePlatformIsNowPublic
    case thisAccountHasNoRole
    case thisAccountNoLongerExists
    case thisAccountSRolesGive
    case thisContentDoesNotBelong
    case thisReportDoesNotExist
    case visitorsWithoutAnAccountThen
    case whoSentTheNoticeTo
    case why
    case why2
    case withdraw
    case withdrawn
    case withdrawn2
    case yesGiveTheRole
    case yesTakeTheRole
    case yourObjectionWentToThe

    // MARK: Screens: Organisaties
    case categories
    case categoriesCommas
    case category2
    case editOrganisation
    case editTheOrganisationSEntry
    case neighbourhoods2
    case noActivitiesInTheComing
    case noOrganisationsFound
    case openingHours
    case openingHours2
    case sendMessageToThisOrganisation
    case thisOrganisationNoLongerExists
    case upcomingActivities

    // MARK: Screens: Prikbord
    case address
    case allPosts
    case asPosted
    case by
    case clearFilters
    case daysVisible
    case daysVisible90
    case delete
    case deleteAsksFirst
    case deleteYourPost(_ value: any Value)
    case edit
    case editPost
    case expired
    case fillInNumberOfDays
    case filter
    case filterByNeighbourhoodNext
    case filterByRequestOfferNotice
    case hidden
    case hiddenByModeratorReason
    case howOthersSeeYourPost
    case keepItUp30More
    case kind
    case myself
    case neighbourhood
    case neighbourhood2
    case neighbours
    case new
    case newAfterLoggingIn
    case newPost
    case noAddressInYourProfile
    case noPhoneNumberInYour
    case noPosts
    case object
    case objectOnceToTheHiding
    case onlyYourOwnWorkOr
    case phone
    case placed
    case post2
    case post3
    case postAs
    case postDeleted
    case recordTakedownNoticeAndRemove
    case removed
    case renew
    case renewedUntil(_ until: any Value)
    case repliesGoThroughTheContact(_ key: any Value)
    case repliesThroughTheContactForm
    case report
    case reportThisPostToThe
    case residentsYouMaySeeWith
    case respond
    case save
    case saved
    case sendMessageThroughTheContact
    case showAddress
    case showEMailAddress
    case showPhoneNumber
    case text
    case theProfileOf
    case thisPostIsNotAvailable
    case title
    case visibleUntil
    case visitorsDoNotSeeThis
    case whichDetailsGoWithIt
    case writePost
    case yourPostIsOnThe

    // MARK: Screens: Profiel
    case account
    case accountBlocked
    case accountCreated
    case accountErased
    case accountLookedUpAtThe
    case activityChanged
    case activityCreated
    case activityDeleted2
    case address3
    case administrator
    case after30Minutes
    case answersToYou
    case anyoneCanNameAnyNeighbourhood
    case asText
    case askForLetterWithCode
    case atLogout
    case atOnce
    case atTheDesk
    case atTheSociaalHusDesk
    case blockLifted
    case blocked3
    case by5
    case byEMail
    case byTheAdministrator
    case byYou
    case changePassword
    case changePasswordP(_ key: any Value)
    case changeYourPassword
    case codeForNewPassword
    case codeForNewPasswordMade
    case codeFromTheLetter
    case contactMessagesYouReceived
    case contactMessagesYouSent
    case contentModerated
    case conversationChanged
    case conversationErased
    case conversationLinkedToYourAccount
    case conversationOpened
    case conversationRecorded
    case conversationSeenInList
    case conversationUnlinkedFromYourAccount
    case conversationsAtTheSociaalHus
    case created
    case currentPassword
    case data2
    case dataExported
    case deleteAccount
    case deleteForGood
    case deleteYourAccountAndAll
    case deskStaff
    case displayName
    case doesNotSeeYourProfile
    case eMailAddress2
    case eMailPreferences
    case eMailSettingsChanged
    case eMailsToOrAbout
    case eMailsToThisAddress
    case editorOf
    case endedByTheDesk
    case enterCode
    case eraseAccountAndDataAsks
    case eraseYourAccountYourProfile(_ posts: any Value, _ messages: any Value)
    case everythingSociaalhusHoldsAboutThis2
    case everythingSociaalhusHoldsAboutThis3
    case everythingSociaalhusHoldsAboutYou
    case everythingSociaalhusHoldsAboutYou2
    case everythingSociaalhusHoldsAboutYou3
    case everythingSociaalhusHoldsAboutYou4(_ export: any Value, _ erase: any Value)
    case expires
    case export
    case exportData
    case exportEverythingToJsonFile
    case failedLogin
    case failedLogins
    case file
    case fillInWhereTheFile
    case fromText3
    case givenWorksUntil(_ how: any Value)
    case haveYourNeighbourhoodVerified
    case helpedAtTheDeskActing
    case helpedAtTheDeskActing2
    case howOthersSeeYouWith
    case ifYouDeleteYourAccount
    case interests2
    case isFolderAddFileName(_ value: any Value, _ name: any Value)
    case jpegOrPngAtMost(_ value: any Value)
    case keptOnlyAsAnUnreadable
    case last2
    case letterAskedForTheAdministrator
    case letterWithCodeForYour
    case letterWithCodeForYour2
    case localPartner
    case localPartnerOf
    case log
    case logOut
    case logOutL(_ key: any Value)
    case logOutTheScreenIs
    case messageSent
    case messagesYouSent
    case myData
    case myDataG(_ key: any Value)
    case name3
    case neighbour2
    case neighbourhoodInYourProfile(_ wijk: any Value)
    case neighbourhoodStatedLetterWithCode
    case neighbourhoodStatedLetterWithCode2
    case neighbourhoodStatedNotVerifiedYou
    case neighbourhoodVerified
    case neighbourhoodVerified2
    case newPasswordSetWithCode
    case no2
    case nothingIsWrittenIntoThe
    case notifications
    case number
    case objectedToHiding
    case off2
    case on2
    case onYourBehalf
    case onceDay
    case organisationAdded
    case organisationChanged
    case organisationDeleted
    case organisationEditor
    case otherNeighbourhood
    case passedToOrganisations2
    case passwordChanged
    case perhapsSent
    case phone3
    case phoneAndAddressArePrivate
    case photo2
    case photoIsNotChosenRemotely
    case photoNone
    case photoPath
    case photoYouHavePhoto
    case platformSettingChanged
    case postChanged
    case postCreated
    case postDeleted2
    case posted
    case postsYouWroteForAn
    case pressEnterToDeleteYour(_ key: any Value)
    case profileChanged
    case purpose3
    case queuedFor
    case receiptOfReferralMadeFor
    case receiptOfReferralMailedTo
    case referred
    case referred2
    case refusedWillBeTriedAgain
    case removePhoto
    case reportsAboutYouOrYour
    case reportsYouMade
    case resident
    case resident2
    case roleGiven
    case roleTaken
    case sendByEMail
    case sentTheTextIsNot
    case sentTheTextIsNot2
    case separatedByCommasEG
    case shows
    case since
    case someoneWhoseAccountWasErased
    case statedLetterWithCodeAsked
    case statedLetterWithCodeOn
    case statedNotVerified
    case theDataGoesByE
    case theFileAlreadyExistsPress(_ value: any Value)
    case theFolderDoesNotExist(_ value: any Value)
    case thisAccountNoLongerExists2(_ key: any Value)
    case to4
    case to5
    case verifiedAtTheDesk
    case verifiedByLetter
    case verifyNeighbourhoodV(_ key: any Value)
    case visibility
    case waitingToBeSent
    case waitingToBeSent2
    case whatYouWroteForAn(_ back: any Value, _ export: any Value)
    case whichEMailsDoYou2
    case whoSeesYou
    case withPhoto2
    case withoutAnAccount
    case yes
    case youAgreedWithCode
    case youAgreedWithYourPassword
    case youHaveNoPhoto
    case youWereTold
    case yourAccount
    case yourAccountAndAllYour
    case yourCurrentPasswordIsIncorrect
    case yourDataGoesByE
    case yourDataHasBeenExported
    case yourNeighbourhoodIsVerified
    case yourPasswordHasBeenChanged
    case yourPhotoHasBeenRemoved
    case yourPostsOnTheNotice
    case yourProfileHasBeenSaved
    case named(_ name: any Value)
    case numberedName(_ name: any Value, _ number: any Value)
    case nameVia(_ name: any Value, _ title: any Value)
    case aboutLine(_ title: any Value)
    case twoItems(_ first: any Value, _ second: any Value)
    case itemThen(_ first: any Value, _ rest: any Value)
    case aboutTheReportSaying(_ reason: any Value, _ text: any Value)
    // MARK: Dates (numbers as the calendar counts them: weekday 1 is Sunday, month 1 is January)
    case dayAndMonth(weekday: Int, day: Int, month: Int)
    case dayMonthAndYear(weekday: Int, day: Int, month: Int, year: Int)
    case monthAndYear(month: Int, year: Int)
    case shortDate(day: Int, month: Int, year: Int)
    case erasedRows(_ what: any Value)
    case erasedRowsCounted(_ what: any Value, _ count: any Value)
    case categoryCultuur
    case categorySportEnBewegen
    case categorySport
    case categoryOntmoeting
    case categoryTaal
    case categoryGezondheid
    case categoryJeugd
    case categoryOuderen
    case categoryMantelzorg
    case categoryName(_ typed: any Value, _ translated: any Value)
    case categoryNameCapitalised(_ typed: any Value, _ translated: any Value)
    case paragraphs(_ first: any Value, _ second: any Value)
    case languageChoice(_ dutch: any Value, _ english: any Value)
    // MARK: large-print agenda
    case printedAgendaHeading(_ wijk: any Value, _ from: any Value, _ to: any Value, _ made: any Value)
    case printedDate(day: Int, month: Int, year: Int)
    case printedContinued(_ day: any Value)
    case printedPage(_ page: any Value, _ pages: any Value)
    case printedWhere(_ place: any Value)
    case printedSignUp(_ how: any Value)
    case printedCost(_ cost: any Value)
    case printedOrganisation(_ name: any Value)
    case printedAllDay
    case printFileIsAFolder
    case printFileNotOurs
    case printFileInStore
    case textIcsJsonPdf
    case outputFormatsWithPdf
    case thisManyWeeks126
    case largePrintForPdf
    case writeTheFeedOrPdfTo
    case numberFrom1To26
    case giveOneOptionNotBoth(_ first: any Value, _ second: any Value)
    case largeOnlyWithPdf
    case onlyWithFormatIcsJsonPdf
    case pdfNotToTerminal
    case agendaPdfWritten(_ path: any Value, _ pages: any Value)
    case printAgenda
    case printAgendaHelp
    case printAgendaTitle
    case printAgendaIntro
    case printWeeksLabel
    case printWeeks(_ n: Int)
    case printFileLabel
    case printMake
    case nameOfAFile
    case printGiveFileName
    case printedSignUpHere
    case signUpPlacesOutOfRange(_ max: any Value)
    case signUpPlacesBelowTaken(_ taken: any Value)
    case signUpPast
    case remindDaysOutOfRange(_ max: any Value)
    case signUpNotTaken
    case signUpFullNoWaitingList
    case signUpTooMany(_ max: any Value)
    case signUpOpen(_ taken: any Value)
    case signUpPlacesLeft(_ left: any Value, _ total: any Value)
    case signUpFullWaitingList(_ waiting: any Value)
    case signUpFull
    case anonymousParticipant
    case noticeSignedUp(_ title: any Value)
    case noticeWaitingList(_ title: any Value)
    case noticeReminderSet(_ title: any Value)
    case noticePromoted(_ title: any Value)
    case noticeRemoved(_ title: any Value)
    case noticeSignUpsClosed(_ title: any Value)
    case noticeCancelled(_ title: any Value)
    case noticeChanged(_ title: any Value)
    case noticeReminder(_ title: any Value)
    case reminderSubject(_ title: any Value)
    case signUpSubject(_ title: any Value)
    case noticeWhen(_ when: any Value)
    case noticeWhere(_ place: any Value)
    case noticeOrganiser(_ name: any Value)
    case noticeCancelInApp(_ key: any Value)
    case noticeCancelByContact(_ contact: any Value)
    case noticeCancelAtDesk
    case yourSignUpsAndReminders
    case mailSignUp
    case mailReminder
    case remindersQueued(_ n: any Value)
    case queueTheReminders
    case numberOfTheActivity
    case numberFrom0To(_ max: any Value)
    case anActivityOnThatDay
    case signUpCommandPlace(_ id: any Value, _ when: any Value)
    case signUpCommandWaiting(_ id: any Value, _ when: any Value)
    case signUpSomeone
    case activityNumber
    case dayOfTheOccurrence
    case nameOfThePerson
    case addressForConfirmation
    case remindDaysOption
    case visitorSignUpNote
    case visitorReminderNote
    case showOrganiserMyEmail
    case showOrganiserMyPhone
    case organiserSeesNameAsProfile
    case reminderByEmail
    case remindMe
    case signUpButton
    case noReminder
    case onTheDayItself
    case oneDayAhead
    case daysAhead(_ n: any Value)
    case chooseWhenToBeReminded
    case youAreSignedUp
    case youAreOnTheWaitingList
    case weWillRemindYou
    case participants
    case participant
    case signOff
    case signOffParticipantHelp
    case nobodyToSignOff
    case signOffParticipantQuestion(_ name: any Value)
    case participantSignedOff
    case waitingListNumber(_ n: any Value)
    case hasPlace
    case nobodySignedUpYet
    case cancelYourSignUpHelp
    case signUpHelp
    case signUpWaitingListHelp
    case noReminder2
    case stopTheReminderHelp
    case remindMeHelp
    case participantsHelp
    case cancelSignUpQuestion(_ title: any Value, _ when: any Value)
    case stopReminderQuestion(_ title: any Value, _ when: any Value)
    case signUpCancelled
    case reminderStopped
    case placeIncludesReminder
    case places
    case you
    case youHaveAPlace
    case youAreWaitingNumber(_ n: any Value)
    case reminderSet
    case reminderWhen(_ when: any Value)
    case cancelMySignUp
    case takesSignUps
    case placesEmptyNoLimit
    case keepsWaitingList
    case emptyMeansNoLimit
    case onTheWaitingList
    case placesLeft(_ n: Int)
    case canSignUpAgainIfRoom
    case canAskReminderAgain
    case mySignUp
    case myReminder
    // MARK: recurrence
    case repeatDaily
    case repeatWeekly
    case repeatMonthlyDate
    case repeatMonthlyWeekday
    case repeatEvery
    case repeatWeekOfMonth
    case repeatTimes
    case ordinalWeek(week: Int)
    case weekdayName(weekday: Int)
    case everyNDays(_ n: any Value)
    case everyDay
    case everyNWeeks(_ n: any Value)
    case everyNMonths(_ n: any Value)
    case onTheWeekdayOfMonth(_ every: any Value, _ which: any Value, _ day: any Value)
    case timesInAll(_ n: any Value)
    case cancelledOccurrences
    case movedOccurrences
    case movedFromTo(_ from: any Value, _ to: any Value)
    case movedHereFrom(_ from: any Value)
    case wholeNumberFrom1To999
    case untilOrTimesNotBoth
    case dateIsNotTheWeekOfMonth(_ date: any Value, _ which: any Value, _ day: any Value)
    case noOccurrenceOn(_ date: any Value)
    case occurrenceAlreadyOn(_ date: any Value)
    case changeOneOccurrence
    case thisTime
    case cancelOrMoveThisOccurrence
    case occurrenceDate
    case whatHappens
    case occurrenceCancelled
    case occurrenceMoved
    case occurrenceAsPlanned
    case newDate
    case newStartTime
    case newEndTime
    case onlyForRepeatingActivities
    case occurrenceIsCancelledNow(_ date: any Value)
    case occurrenceIsMovedNow(_ date: any Value)
    case occurrenceIsAsPlannedNow(_ date: any Value)
    // MARK: calm digest and interests from a list
    case digestOnceWeek
    case digestGroupAgenda(_ n: any Value)
    case digestGroupPrikbord(_ n: any Value)
    case digestSubject(_ groups: any Value)
    case digestIntro(_ groups: any Value)
    case digestSeeIt
    case notifySubject(_ wijk: any Value, _ title: any Value)
    case notifyIntro
    case notifySeeAgenda
    case notifySeePrikbord
    case interestNotInList(_ given: any Value, _ list: any Value)
    case interestsPickHint(_ key: any Value)
    case interestsUnlisted(_ list: any Value)
    case lastDigestSent
    case waitingForDigest(_ n: any Value)
    case howOftenYourDigestComes
    case contactDetailsHeader
    case signUpActivityMatches(_ list: any Value)
    case noSignUpActivityWithTitle
    case visitorSignUpsToday(_ max: any Value)
    // MARK: keys shown are keys that work
    case lettersDoNothingOnATickBox(_ toggle: any Value, _ next: any Value)
    case lettersDoNothingOnAChoice(_ next: any Value)
    case othersReplyThroughTheContactForm
    case backToTheList
    case noFiltersToClear
    case logInHereToPost
    // MARK: feed survives one bad activity
    case feedFieldTitle
    case feedFieldDescription
    case feedFieldLocation
    case feedFieldCategory
    case feedFieldCost
    case feedFieldSignup
    case feedFieldOrganisation
    case feedFoundEmailIn(_ field: any Value)
    case feedFoundNameIn(_ field: any Value)
    case feedFoundPhoneIn(_ field: any Value)
    case feedFoundAddressIn(_ field: any Value)
    case feedFieldHoldsPersonalData(_ found: any Value)
    case feedSaveWarning(_ found: any Value, _ button: any Value)
    case feedSavedButLeftOut(_ found: any Value)
    case feedLeftOutHeader(_ n: Int)
    case feedLeftOutLine(_ date: any Value, _ title: any Value, _ organisation: any Value, _ found: any Value)
    case feedTitleNotShown(_ id: any Value)
    case feedNameNotShown
    case feedLeftOutMore(_ n: Int)
    case feedLeftOutAdvice
    case feedSelectedLeftOut(_ n: Int, _ key: any Value)
    // MARK: sentences
    case whichDetailsGoWithItOn(_ on: any Value, _ total: any Value)
    case whichEMailsDoYouOn(_ on: any Value, _ total: any Value)
    case mailAlreadySent(_ id: any Value)
    case mailBeingSent(_ id: any Value)
    case mailHasNoAddress(_ id: any Value)
    case eMailAlreadyWaiting(_ id: any Value)
    case numberFromTo(_ lo: any Value, _ hi: any Value)
    case numberFromOrMore(_ lo: any Value)
    case dayThatExists
    case valueNotEmpty
    case byTheServerOperator
    // MARK: activity category
    case categoryNotOnList(_ category: any Value)
    case categoryNotInList(_ field: any Value, _ given: any Value, _ list: any Value)
}
