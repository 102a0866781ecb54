import Foundation

/// Helping at the desk ("namens"): a desk member acts for a resident who is in
/// front of them and agreed by typing their own password, or a one-time code, on the desk's
/// screen. It lasts at most `limit` and ends earlier at the helper's end key or logout.
///
/// Made only by `Store.startOnBehalf` (the initialiser is internal), so no screen can act for
/// someone who did not agree. It holds both accounts as they were read, without password hashes;
/// every change confirms both again inside the lock (`Store.confirm`) and is refused once the
/// time is up. Nothing of it is stored but the log lines: it lives in the desk's session.
public struct OnBehalf: Sendable, Hashable {
    /// Why the resident is helped: a fixed list, so the log holds a word and never a free text
    /// (which would invite writing down someone's health or situation).
    public enum Reason: String, Sendable, CaseIterable, Codable {
        /// Not used to computers or this program.
        case computer
        /// The language (Dutch or English on screen).
        case language
        /// Reading or writing is hard.
        case reading
        /// Another reason, the resident's own.
        case other

        /// The words for the reason.
        public var word: Word {
            switch self {
            case .computer: .notUsedToComputers
            case .language: .theLanguage
            case .reading: .readingOrWritingIsHard
            case .other: .anotherReason
            }
        }

        /// The reason in `lang`.
        public func label(_ lang: Language) -> String { lang.t(word) }
    }

    /// How the resident agreed.
    public enum Agreement: String, Sendable, Codable {
        /// With their own password.
        case password
        /// With a one-time code (which is used up by it).
        case code
    }

    /// How long helping lasts at most.
    public static let limit: TimeInterval = 30 * 60

    /// The resident acted for, as last read (no password hash).
    public internal(set) var resident: Account
    /// The desk member helping, as last read (no password hash).
    public internal(set) var helper: Account
    /// When the resident agreed.
    public let started: Date
    /// Why.
    public let reason: Reason
    /// How the resident agreed.
    public let agreement: Agreement

    /// When it ends at the latest.
    public var ends: Date { started.addingTimeInterval(Self.limit) }

    init(resident: Account, helper: Account, started: Date, reason: Reason, agreement: Agreement) {
        var r = resident, h = helper
        r.passwordHash = ""
        h.passwordHash = ""
        self.resident = r
        self.helper = h
        self.started = started
        self.reason = reason
        self.agreement = agreement
    }

    /// How it ended, for the log.
    public enum Ending: String, Sendable {
        /// The helper ended it (the end key).
        case ended
        /// Its time was up.
        case time
        /// The session was logged out (by hand or for inactivity).
        case logout
    }
}

/// What the desk sees of the account it is about to help, before the resident agrees: the
/// name and wijk to say out loud and check ("Anna de Vries, Centrum?").
public struct OnBehalfCandidate: Sendable, Equatable {
    /// The account's address as stored.
    public var email: String
    /// The profile name.
    public var name: String
    /// The wijk's name.
    public var wijk: String
}

extension Store {
    /// The account the desk is about to help, looked up by e-mail address (logged in that
    /// person's log as a look-up at the desk, as the intake form's is). Refused for accounts
    /// nobody may act for (desk staff, administrators, blocked).
    func onBehalfCandidate(email raw: String, by viewer: Viewer) throws -> OnBehalfCandidate {
        try refresh()
        let target = try account(email: raw)
        try Permissions.require(.actOnBehalf(of: target), by: viewer)
        return try update(actor: viewer) { tx in
            guard let a = tx.state.accounts[target.id.rawValue] else { throw CoreError.unknownAccount(email: raw) }
            try Permissions.require(.actOnBehalf(of: a), by: viewer)
            tx.audit(.accountLookedUp, actor: viewer.account?.id, subject: a.id, target: "account:\(a.id)")
            return OnBehalfCandidate(email: a.email, name: a.profile.displayName, wijk: tx.state.wijk(a.profile.wijk)?.name ?? "")
        }
    }

    /// Starts helping the resident with address `email` at the desk, after the resident typed
    /// `secret` on the desk's screen: their password, or a one-time code for a new password.
    ///
    /// A wrong secret counts as a failed login (the same throttle and log line). A code is used
    /// up by agreeing: the desk made it and saw it, so left alive it would let whoever saw it set
    /// a new password later, without the resident; spent here it gives nobody the account. The
    /// start is logged in the resident's log with the helper's name, the reason and how they
    /// agreed; nothing is stored besides.
    func startOnBehalf(email raw: String, secret: String, reason: OnBehalf.Reason, by viewer: Viewer) throws -> OnBehalf {
        guard case .account(let staff) = viewer else { throw CoreError.notPermitted(viewer.helper == nil ? .notLoggedIn : .notOnBehalf) }
        try refresh()
        let target = try account(email: raw)
        try Permissions.require(.actOnBehalf(of: target), by: viewer)
        try requireNoLoginWait(target)
        var agreement: OnBehalf.Agreement?
        var codeHash: String?
        if hasher.match(secret, against: target.passwordHash) != nil {
            agreement = .password
        } else if let code = PasswordReset.normalised(secret), let row = try resetCode(of: target.id),
                  // Only a code mailed to the resident: one made at the desk or by the operator was
                  // seen by staff, and would let a desk member agree for the resident themselves
                  // (found in review). Such a resident sets a new password with it first.
                  row.how == PasswordReset.How.mail.rawValue,
                  row.expires > clock.now(), hasher.verify(code, against: row.hash) {
            agreement = .code
            codeHash = row.hash
        }
        guard let agreement else {
            try recordFailedLogin(target.id)
            throw CoreError.onBehalfAgreementWrong
        }
        return try update(actor: viewer) { tx in
            guard let a = tx.state.accounts[target.id.rawValue], let me = tx.state.accounts[staff.id.rawValue] else {
                throw CoreError.notPermitted(.accountGone)
            }
            try Permissions.require(.actOnBehalf(of: a), by: .account(me))
            if let codeHash {
                // Still this code (not used or replaced meanwhile); then it is spent.
                guard try self.resetCode(of: a.id)?.hash == codeHash else { throw CoreError.onBehalfAgreementWrong }
                tx.statements.append(("DELETE FROM reset_code WHERE account = ?1", [a.id.rawValue]))
            }
            if a.throttle != LoginThrottleState() {
                var b = a
                b.throttle = LoginThrottleState()
                tx.put(b)
            }
            tx.audit(.onBehalfStarted, actor: me.id, subject: a.id, target: "\(agreement.rawValue):\(reason.rawValue)")
            return OnBehalf(resident: a, helper: me, started: tx.now, reason: reason, agreement: agreement)
        }
    }

    /// The helping as it stands now: both accounts read again, or nil when it is over (its
    /// time is up, either account is gone or blocked, the helper lost the desk role, or the
    /// resident gained a role nobody acts for).
    public func onBehalfNow(_ o: OnBehalf) -> OnBehalf? {
        guard clock.now() < o.ends, let r = ownAccount(o.resident.id), let h = ownAccount(o.helper.id) else { return nil }
        var fresh = o
        fresh.resident = r
        fresh.helper = h
        guard Permissions.denial(.actOnBehalf(of: r), by: .account(h)) == nil else { return nil }
        return fresh
    }

    /// Ends helping and logs how, in the resident's log. Written whatever became of the
    /// accounts meanwhile (an ending is always worth its line), unless the resident is gone.
    func endOnBehalf(_ o: OnBehalf, _ how: OnBehalf.Ending) throws {
        try update { tx in
            guard tx.state.accounts[o.resident.id.rawValue] != nil else { return }
            let helper = tx.state.accounts[o.helper.id.rawValue]?.id
            tx.audit(.onBehalfEnded, actor: helper, subject: o.resident.id, target: how.rawValue)
        }
    }
}
