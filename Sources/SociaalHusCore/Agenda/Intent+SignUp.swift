import Foundation

/// Changes to sign-ups and reminders: people signing up, organisers setting places, cron
/// sending reminders.
extension Intent where Result == SignUp {
    /// Signs the viewer up for one occurrence, or asks to be reminded of it: an account, or a
    /// visitor with the name and address in `request`. The activity's own rule follows inside.
    public static func signUp(_ id: AgendaItemID, at occurrence: Date, _ request: SignUpRequest) -> Intent {
        Intent("signUp", .anyone) { s, v in try s.signUp(id, at: occurrence, request, by: v) }
    }
}

extension Intent where Result == Void {
    /// Cancels the viewer's own sign-up or reminder for one occurrence.
    public static func cancelSignUp(_ id: AgendaItemID, at occurrence: Date) -> Intent {
        Intent("cancelSignUp", .signedIn) { s, v in try s.cancelSignUp(id, at: occurrence, by: v) }
    }

    /// Sets whether an activity takes sign-ups, its places and waiting list (its editors).
    public static func setSignUpOptions(_ id: AgendaItemID, _ options: SignUpOptions?) -> Intent {
        Intent("setSignUpOptions", .signedIn) { s, v in try s.setSignUpOptions(id, options, by: v) }
    }

    /// Takes one participant off an activity's list (its editors); they are told.
    public static func removeParticipant(_ signUpID: Int, of id: AgendaItemID) -> Intent {
        Intent("removeParticipant", .signedIn) { s, v in try s.removeParticipant(signUpID, of: id, by: v) }
    }
}

extension Intent where Result == Int {
    /// Sends the reminders that are due, once each (the operator's cron); returns how many.
    public static func sendReminders() -> Intent {
        Intent("sendReminders", .commandLine) { s, _ in try s.sendReminders() }
    }
}
