import Foundation

/// Changes to accounts: registering, logging in, the profile, passwords, photos, roles, the
/// wijk check, and helping at the desk ("namens").
extension Intent where Result == Account {
    /// Registers a new resident; registration's own rules (open or not, the password rules) are the check.
    public static func register(_ r: Registration) -> Intent {
        Intent("register", .anyone) { s, _ in try s.register(r) }
    }

    /// Logs in; failed attempts are counted before anyone is logged in.
    public static func login(email: String, password: String) -> Intent {
        Intent("login", .anyone) { s, _ in try s.login(email: email, password: password) }
    }

    /// Sets a new password with a one-time code; the code is the check, wrong codes throttled as logins.
    public static func resetPassword(email: String, code: String, newPassword: String) -> Intent {
        Intent("resetPassword", .anyone) { s, _ in try s.resetPassword(email: email, code: code, newPassword: newPassword) }
    }

    /// Gives an account a role (administrators).
    public static func giveRole(_ role: Role, to id: AccountID) -> Intent {
        Intent("giveRole", .action(.administerPlatform)) { s, v in try s.giveRole(role, to: id, by: v) }
    }

    /// Takes a role from an account (administrators); the last administrator keeps theirs.
    public static func takeRole(_ role: Role, from id: AccountID) -> Intent {
        Intent("takeRole", .action(.administerPlatform)) { s, v in try s.takeRole(role, from: id, by: v) }
    }

    /// The desk confirms the wijk of the resident in front of them, after proof of the address.
    public static func verifyWijk(email: String) -> Intent {
        Intent("verifyWijk", .action(.handleIntakes)) { s, v in try s.verifyWijk(email: email, by: v) }
    }
}

extension Intent where Result == Void {
    /// Blocks or unblocks an account (administrators).
    public static func setBlocked(_ id: AccountID, blocked: Bool, reason: String? = nil) -> Intent {
        Intent("setBlocked", .action(.administerPlatform)) { s, v in try s.setBlocked(id, blocked: blocked, reason: reason, by: v) }
    }

    /// Saves a profile form: photo, fields and e-mail choices in one transaction, all or nothing.
    public static func saveProfile(_ save: ProfileSave) -> Intent {
        Intent("saveProfile", .action(.manageAccount(save.account))) { s, v in try s.saveProfile(save, by: v) }
    }

    /// Turns one e-mail toggle on or off for the account holder.
    public static func setEmailPreference(_ kind: EmailKind, to on: Bool, for id: AccountID) -> Intent {
        Intent("setEmailPreference", .action(.manageAccount(id))) { s, v in try s.setEmailPreference(kind, to: on, for: id, by: v) }
    }

    /// Changes the password with the old one (the holder only).
    public static func changePassword(for id: AccountID, old: String, new: String) -> Intent {
        Intent("changePassword", .action(.changePassword(id))) { s, v in try s.changePassword(for: id, old: old, new: new, by: v) }
    }

    /// Mails a one-time code for a new password to the account's own address.
    public static func requestResetCodeByMail(email: String) -> Intent {
        Intent("requestResetCodeByMail", .anyone) { s, _ in try s.requestResetCodeByMail(email: email) }
    }

    /// Copies a JPEG or PNG from a file into the store as the holder's photo.
    public static func setPhoto(for id: AccountID, from path: String) -> Intent {
        Intent("setPhoto", .action(.manageAccount(id))) { s, v in try s.setPhoto(for: id, from: path, by: v) }
    }

    /// Removes the holder's photo.
    public static func removePhoto(for id: AccountID) -> Intent {
        Intent("removePhoto", .action(.manageAccount(id))) { s, v in try s.removePhoto(for: id, by: v) }
    }

    /// Asks for a letter with a code to the holder's address, to confirm their wijk.
    public static func requestWijkLetter(for id: AccountID) -> Intent {
        Intent("requestWijkLetter", .action(.manageAccount(id))) { s, v in try s.requestWijkLetter(for: id, by: v) }
    }

    /// Confirms the wijk with the letter's code.
    public static func confirmWijkCode(_ typed: String, for id: AccountID) -> Intent {
        Intent("confirmWijkCode", .action(.manageAccount(id))) { s, v in try s.confirmWijkCode(typed, for: id, by: v) }
    }

    /// Logs that helping at the desk ended. The `OnBehalf` is the check: only
    /// `startOnBehalf` makes one, and the end is written even when the accounts changed
    /// meanwhile (that is one reason it ends).
    public static func endOnBehalf(_ o: OnBehalf, _ how: OnBehalf.Ending) -> Intent {
        Intent("endOnBehalf", .carried) { s, _ in try s.endOnBehalf(o, how) }
    }
}

extension Intent where Result == String {
    /// Makes a one-time password code for someone at the desk, after checking who they are.
    public static func issueResetCode(email: String) -> Intent {
        Intent("issueResetCode", .signedIn) { s, v in try s.issueResetCode(email: email, by: v) }
    }

    /// Mails the holder a file of their data; returns the address it went to.
    public static func mailExport(_ id: AccountID) -> Intent {
        Intent("mailExport", .action(.manageAccount(id))) { s, v in try s.mailExport(id, by: v) }
    }
}

extension Intent where Result == [WijkLetter] {
    /// Writes the wijk letters asked for, to print and post (administrators).
    public static func writeWijkLetters() -> Intent {
        Intent("writeWijkLetters", .action(.administerPlatform)) { s, v in try s.writeWijkLetters(by: v) }
    }
}

extension Intent where Result == OnBehalfCandidate {
    /// Looks up the resident the desk would help, logging the look-up.
    public static func onBehalfCandidate(email: String) -> Intent {
        Intent("onBehalfCandidate", .signedIn) { s, v in try s.onBehalfCandidate(email: email, by: v) }
    }
}

extension Intent where Result == OnBehalf {
    /// Starts helping a resident at the desk, after their password or a code.
    public static func startOnBehalf(email: String, secret: String, reason: OnBehalf.Reason) -> Intent {
        Intent("startOnBehalf", .signedIn) { s, v in try s.startOnBehalf(email: email, secret: secret, reason: reason, by: v) }
    }
}

extension Intent where Result == ErasureReport {
    /// Erases an account and what it wrote (the holder, never "namens").
    public static func erase(_ id: AccountID, countingNames: Bool = true) -> Intent {
        Intent("erase", .action(.eraseAccount(id))) { s, v in try s.erase(id, by: v, countingNames: countingNames) }
    }
}
