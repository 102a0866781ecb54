import Foundation

/// A one-time code as stored: its hash, how it was given, and when.
struct ResetCodeRow: Equatable {
    var hash: String
    var how: String
    var issued: Date
    var expires: Date
}

extension Store {
    /// Makes a one-time code for a new password for the account with address `email` and
    /// returns it, to be shown once: at the desk after staff checked who is in front of them
    /// (`Permissions` decides whose), or by the operator (`.commandLine`). A new code replaces
    /// the one before. Logged in the person's log, with who made it.
    func issueResetCode(email raw: String, by viewer: Viewer) throws -> String {
        try refresh()
        let target = try account(email: raw)
        try Permissions.require(.issueResetCode(for: target), by: viewer)
        if target.blocked { throw CoreError.accountBlocked }
        let how: PasswordReset.How
        if case .commandLine = viewer { how = .operator_ } else { how = .desk }
        var random = SystemRandomNumberGenerator()
        let code = PasswordReset.newCode(using: &random)
        // Hashed outside the lock: it is the slow part on purpose.
        let hash = try hasher.hash(PasswordReset.normalised(code) ?? code)
        try update(actor: viewer) { tx in
            // Asked again of the account as it is now (a role given meanwhile counts).
            guard let now = tx.state.accounts[target.id.rawValue] else { throw CoreError.notFound(what: "account \(target.id)") }
            try Permissions.require(.issueResetCode(for: now), by: viewer)
            if now.blocked { throw CoreError.accountBlocked }
            tx.statements.append(Self.putResetCode(now.id, hash: hash, how: how, at: tx.now))
            tx.audit(.resetCodeIssued, actor: viewer.account?.id, subject: now.id, target: how.rawValue)
        }
        return code
    }

    /// Mails a one-time code to the account with address `email`, when there is one that is not
    /// blocked and no code went to it by mail in the last `PasswordReset.mailInterval`. Whatever
    /// is found, the caller answers the same ("if there is an account with this address, a code
    /// is on its way"): the screen tells nobody whether an address has an account.
    func requestResetCodeByMail(email raw: String) throws {
        guard !state.settings.mailCommand.isEmpty else { throw CoreError.mailNotConfigured }
        let address = try EmailAddress.normalise(raw)
        var random = SystemRandomNumberGenerator()
        let code = PasswordReset.newCode(using: &random)
        // Made whether or not the address has an account, so both answers take as long.
        let hash = try hasher.hash(PasswordReset.normalised(code) ?? code)
        try update { tx in
            guard let a = tx.state.account(email: address), !a.blocked else { return }
            if let last = try self.resetCode(of: a.id), last.how == PasswordReset.How.mail.rawValue,
               tx.now.timeIntervalSince(last.issued) < PasswordReset.mailInterval {
                return
            }
            try tx.queueMail(PasswordReset.mail(to: a.email, code: code), kind: .passwordReset, accounts: [a.id])
            tx.statements.append(Self.putResetCode(a.id, hash: hash, how: .mail, at: tx.now))
            tx.audit(.resetCodeIssued, actor: nil, subject: a.id, target: PasswordReset.How.mail.rawValue)
        }
    }

    /// Sets a new password with a one-time code and returns the account (the caller logs it in).
    /// A wrong code counts as a failed login (the same throttle, and for an address without an
    /// account the same path as a wrong password); a password the rules refuse keeps the code.
    func resetPassword(email raw: String, code typed: String, newPassword: String) throws -> Account {
        try refresh()
        guard let code = PasswordReset.normalised(typed) else { throw CoreError.resetCodeMalformed }
        guard let email = try? EmailAddress.normalise(raw), let account = state.account(email: email) else {
            do { try failUnknownAddress(raw, password: code) } catch CoreError.loginFailed { throw CoreError.resetCodeWrong }
        }
        try requireNoLoginWait(account)
        let row = try resetCode(of: account.id)
        guard let row, hasher.verify(code, against: row.hash) else {
            if row == nil { _ = hasher.verify(code, against: dummyHash) }
            try recordFailedLogin(account.id)
            throw CoreError.resetCodeWrong
        }
        // Told only to whoever holds the right code: it reveals nothing to a guesser.
        if row.expires <= clock.now() {
            try update { tx in tx.statements.append(("DELETE FROM reset_code WHERE account = ?1 AND code_hash = ?2", [account.id.rawValue, row.hash])) }
            throw CoreError.resetCodeExpired
        }
        if account.blocked { throw CoreError.accountBlocked }
        try PasswordPolicy.check(newPassword, name: account.name, email: account.email)
        let hash = try hasher.hash(PasswordText.normalised(newPassword))
        try update { tx in
            guard var a = tx.state.accounts[account.id.rawValue] else { throw CoreError.resetCodeWrong }
            // Still this code: not used, nor replaced by a newer one, meanwhile.
            guard try self.resetCode(of: a.id)?.hash == row.hash else { throw CoreError.resetCodeWrong }
            if a.blocked { throw CoreError.accountBlocked }
            a.passwordHash = hash
            a.throttle = LoginThrottleState()
            tx.put(a)
            tx.statements.append(("DELETE FROM reset_code WHERE account = ?1", [a.id.rawValue]))
            tx.audit(.passwordReset, actor: a.id, subject: a.id, target: row.how)
        }
        return state.accounts[account.id.rawValue] ?? account
    }

    /// True when the account has a code that still works (for the person's own data pages).
    public func hasResetCode(_ id: AccountID) -> Bool {
        guard let row = try? resetCode(of: id) else { return false }
        return row.expires > clock.now()
    }

    /// The code row of an account, if any.
    func resetCode(of id: AccountID) throws -> ResetCodeRow? {
        let s = try db.prepare("SELECT code_hash, how, issued, expires FROM reset_code WHERE account = ?1").bind(id.rawValue)
        defer { s.reset() }
        guard try s.step() else { return nil }
        return ResetCodeRow(hash: s.text(0), how: s.text(1), issued: Date(timeIntervalSince1970: s.double(2)),
                            expires: Date(timeIntervalSince1970: s.double(3)))
    }

    /// The statement that stores a new code for an account (replacing the one before).
    static func putResetCode(_ id: AccountID, hash: String, how: PasswordReset.How, at now: Date) -> (sql: String, args: [Any?]) {
        ("""
         INSERT INTO reset_code (account, code_hash, how, issued, expires) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (account) DO UPDATE SET code_hash = excluded.code_hash, how = excluded.how, issued = excluded.issued, expires = excluded.expires
         """, [id.rawValue, hash, how.rawValue, now.timeIntervalSince1970, now.addingTimeInterval(PasswordReset.validity).timeIntervalSince1970])
    }
}
