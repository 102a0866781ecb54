import SociaalHusCore

/// The log's codes in the reader's words: the core stores and exports codes ("account-created"),
/// the interface says what happened ("Account gemaakt").
enum AuditWords {
    /// The words for an action code; an unknown code is shown as it is.
    static func label(_ code: String, _ lang: LanguageText) -> String {
        guard let a = AuditEvent.Action(rawValue: code) else { return code }
        switch a {
        case .accountCreated: return lang.t("Account gemaakt", "Account created")
        case .accountBlocked: return lang.t("Account geblokkeerd", "Account blocked")
        case .accountUnblocked: return lang.t("Blokkade opgeheven", "Block lifted")
        case .accountErased: return lang.t("Account gewist", "Account erased")
        case .profileChanged: return lang.t("Profiel gewijzigd", "Profile changed")
        case .emailPreferencesChanged: return lang.t("E-mailinstellingen gewijzigd", "E-mail settings changed")
        case .passwordChanged: return lang.t("Wachtwoord gewijzigd", "Password changed")
        case .loginFailed: return lang.t("Mislukte inlogpoging", "Failed login")
        case .dataExported: return lang.t("Gegevens gedownload", "Data exported")
        case .postCreated: return lang.t("Bericht geplaatst", "Post created")
        case .postChanged: return lang.t("Bericht gewijzigd", "Post changed")
        case .postDeleted: return lang.t("Bericht verwijderd", "Post deleted")
        case .agendaItemCreated: return lang.t("Activiteit gemaakt", "Activity created")
        case .agendaItemChanged: return lang.t("Activiteit gewijzigd", "Activity changed")
        case .agendaItemDeleted: return lang.t("Activiteit verwijderd", "Activity deleted")
        case .organisationCreated: return lang.t("Organisatie toegevoegd", "Organisation added")
        case .organisationChanged: return lang.t("Organisatie gewijzigd", "Organisation changed")
        case .organisationDeleted: return lang.t("Organisatie verwijderd", "Organisation deleted")
        case .messageSent: return lang.t("Bericht verstuurd", "Message sent")
        case .platformChanged: return lang.t("Platform-instelling gewijzigd", "Platform setting changed")
        case .intakeOpened: return lang.t("Gesprek ingezien", "Conversation opened")
        case .intakeListed: return lang.t("Gesprek in een lijst gezien", "Conversation seen in a list")
        case .intakeCreated: return lang.t("Gesprek vastgelegd", "Conversation recorded")
        case .intakeChanged: return lang.t("Gesprek gewijzigd", "Conversation changed")
        case .intakeReferred: return lang.t("Doorverwezen", "Referred")
        case .intakeErased: return lang.t("Gesprek gewist", "Conversation erased")
        case .receiptPrinted: return lang.t("Bon van een doorverwijzing gemaakt om af te drukken", "Receipt of a referral made for printing")
        case .receiptMailed: return lang.t("Bon van een doorverwijzing naar je gemaild", "Receipt of a referral mailed to you")
        case .intakeLinked: return lang.t("Gesprek aan je account gekoppeld", "Conversation linked to your account")
        case .intakeUnlinked: return lang.t("Gesprek losgekoppeld van je account", "Conversation unlinked from your account")
        case .accountLookedUp: return lang.t("Account opgezocht aan de balie", "Account looked up at the desk")
        case .contentModerated: return lang.t("Inhoud gemodereerd", "Content moderated")
        case .objectionMade: return lang.t("Bezwaar gemaakt tegen verbergen", "Objected to hiding")
        case .resetCodeIssued: return lang.t("Code voor een nieuw wachtwoord gemaakt", "Code for a new password made")
        case .passwordReset: return lang.t("Nieuw wachtwoord ingesteld met een code", "New password set with a code")
        case .wijkVerified: return lang.t("Wijk bevestigd", "Neighbourhood verified")
        case .wijkLetterAsked: return lang.t("Brief met code voor je wijk aangevraagd", "Letter with a code for your neighbourhood asked")
        case .wijkLetterWritten: return lang.t("Brief met code voor je wijk gemaakt", "Letter with a code for your neighbourhood made")
        case .roleGiven: return lang.t("Rol gegeven", "Role given")
        case .roleTaken: return lang.t("Rol afgenomen", "Role taken")
        case .onBehalfStarted: return lang.t("Aan de balie geholpen: namens jou begonnen", "Helped at the desk: acting for you began")
        case .onBehalfEnded: return lang.t("Aan de balie geholpen: namens jou gestopt", "Helped at the desk: acting for you ended")
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
                ? lang.t("je gaf akkoord met een code", "you agreed with a code")
                : lang.t("je gaf akkoord met je wachtwoord", "you agreed with your password")
            let reason = OnBehalf.Reason(rawValue: parts[1])?.label(lang.language) ?? parts[1]
            return how + "; " + lang.t("reden: ", "reason: ") + reason
        case .onBehalfEnded?:
            switch OnBehalf.Ending(rawValue: target) {
            case .ended?: return lang.t("gestopt door de baliemedewerker", "ended by the desk")
            case .time?: return lang.t("na 30 minuten", "after 30 minutes")
            case .logout?: return lang.t("bij het uitloggen", "at logout")
            case nil: return target
            }
        default: return nil
        }
    }
}
