import SociaalHusCore

/// The log's codes in the reader's words: the core stores and exports codes ("account-created"),
/// the interface says what happened ("Account gemaakt").
enum AuditWords {
    /// The words for an action code; an unknown code is shown as it is.
    static func label(_ code: String, _ lang: LanguageText) -> String {
        guard let a = AuditEvent.Action(rawValue: code) else { return code }
        switch a {
        case .accountCreated: return lang.t(.accountCreated)
        case .accountBlocked: return lang.t(.accountBlocked)
        case .accountUnblocked: return lang.t(.blockLifted)
        case .accountErased: return lang.t(.accountErased)
        case .profileChanged: return lang.t(.profileChanged)
        case .emailPreferencesChanged: return lang.t(.eMailSettingsChanged)
        case .passwordChanged: return lang.t(.passwordChanged)
        case .loginFailed: return lang.t(.failedLogin)
        case .dataExported: return lang.t(.dataExported)
        case .postCreated: return lang.t(.postCreated)
        case .postChanged: return lang.t(.postChanged)
        case .postDeleted: return lang.t(.postDeleted2)
        case .agendaItemCreated: return lang.t(.activityCreated)
        case .agendaItemChanged: return lang.t(.activityChanged)
        case .agendaItemDeleted: return lang.t(.activityDeleted2)
        case .organisationCreated: return lang.t(.organisationAdded)
        case .organisationChanged: return lang.t(.organisationChanged)
        case .organisationDeleted: return lang.t(.organisationDeleted)
        case .messageSent: return lang.t(.messageSent)
        case .platformChanged: return lang.t(.platformSettingChanged)
        case .intakeOpened: return lang.t(.conversationOpened)
        case .intakeListed: return lang.t(.conversationSeenInList)
        case .intakeCreated: return lang.t(.conversationRecorded)
        case .intakeChanged: return lang.t(.conversationChanged)
        case .intakeReferred: return lang.t(.referred)
        case .intakeErased: return lang.t(.conversationErased)
        case .receiptPrinted: return lang.t(.receiptOfReferralMadeFor)
        case .receiptMailed: return lang.t(.receiptOfReferralMailedTo)
        case .intakeLinked: return lang.t(.conversationLinkedToYourAccount)
        case .intakeUnlinked: return lang.t(.conversationUnlinkedFromYourAccount)
        case .accountLookedUp: return lang.t(.accountLookedUpAtThe)
        case .contentModerated: return lang.t(.contentModerated)
        case .objectionMade: return lang.t(.objectedToHiding)
        case .resetCodeIssued: return lang.t(.codeForNewPasswordMade)
        case .passwordReset: return lang.t(.newPasswordSetWithCode)
        case .wijkVerified: return lang.t(.neighbourhoodVerified)
        case .wijkLetterAsked: return lang.t(.letterWithCodeForYour)
        case .wijkLetterWritten: return lang.t(.letterWithCodeForYour2)
        case .roleGiven: return lang.t(.roleGiven)
        case .roleTaken: return lang.t(.roleTaken)
        case .onBehalfStarted: return lang.t(.helpedAtTheDeskActing)
        case .onBehalfEnded: return lang.t(.helpedAtTheDeskActing2)
        }
    }

    /// The target of a start or end of help at the desk in words ("met je wachtwoord; reden: de
    /// taal"); nil for other events, whose target is shown as it is.
    static func onBehalfTarget(_ code: String, _ target: String?, _ lang: LanguageText) -> String? {
        guard let target else { return nil }
        switch AuditEvent.Action(rawValue: code) {
        case .onBehalfStarted?:
            let parts = target.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { return target }
            let how = parts[0] == OnBehalf.Agreement.code.rawValue
                ? lang.t(.youAgreedWithCode)
                : lang.t(.youAgreedWithYourPassword)
            let reason = OnBehalf.Reason(rawValue: parts[1])?.label(lang.language) ?? parts[1]
            return how + "; " + lang.t(.reason) + reason
        case .onBehalfEnded?:
            switch OnBehalf.Ending(rawValue: target) {
            case .ended?: return lang.t(.endedByTheDesk)
            case .time?: return lang.t(.after30Minutes)
            case .logout?: return lang.t(.atLogout)
            case nil: return target
            }
        default: return nil
        }
    }
}
