import Foundation

extension Store {
    /// Creates an account after checking e-mail, name, wijk and password rules.
    @discardableResult
    func register(_ r: Registration, actor: AccountID? = nil) throws -> Account {
        let email = try EmailAddress.normalise(r.email)
        let name = try validated(r.name, .name)
        try PasswordPolicy.check(r.password, name: name, email: email)
        let interests = try Self.listedInterests(r.interests.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
        // Hash outside the lock: it is the slow part on purpose.
        let hash = try hasher.hash(PasswordText.normalised(r.password))
        return try update { tx in
            guard let wijk = tx.state.wijk(named: r.wijk) else { throw CoreError.unknownWijk(r.wijk) }
            if tx.state.account(email: email) != nil { throw CoreError.emailInUse }
            for org in r.roles.editorOf where tx.state.organisations[org.rawValue] == nil {
                throw CoreError.unknownOrganisation(String(org.rawValue))
            }
            for w in r.roles.partnerOf where tx.state.wijk(w) == nil { throw CoreError.unknownWijk(String(w.rawValue)) }
            let id: AccountID = tx.nextID(.accounts)
            let account = Account(id: id, email: email, name: name, passwordHash: hash, roles: r.roles, created: tx.now,
                                  profile: Profile(displayName: name, wijk: wijk.id, visibility: r.visibility,
                                                   interests: interests, email: r.emailPreferences))
            tx.put(account)
            tx.audit(.accountCreated, actor: actor ?? id, subject: id, target: "account:\(id)")
            return account
        }
    }

    /// Logs in: the same message for an unknown address and a wrong password, with a dummy hash so
    /// both take about as long; throttled after repeated failures; blocked accounts are told so.
    /// The password is compared in NFC; a hash made before that, of the bytes as typed then,
    /// still lets its owner in and is then replaced by the hash of the NFC form.
    func login(email rawEmail: String, password: String) throws -> Account {
        try refresh()
        guard let email = try? EmailAddress.normalise(rawEmail), let account = state.account(email: email) else {
            try failUnknownAddress(rawEmail, password: password)
        }
        try requireNoLoginWait(account)
        guard let match = hasher.match(password, against: account.passwordHash) else {
            try recordFailedLogin(account.id)
            throw CoreError.loginFailed
        }
        if account.blocked { throw CoreError.accountBlocked }
        // Made again only now: the typed password is at hand only at a login. A failed rehash
        // leaves the older hash, which still works, for the next login.
        let rehash = match == .olderForm ? try? hasher.hash(PasswordText.normalised(password)) : nil
        if account.throttle != LoginThrottleState() || rehash != nil {
            try update { tx in
                guard var a = tx.state.accounts[account.id.rawValue] else { return }
                a.throttle = LoginThrottleState()
                // Not over a password changed elsewhere since this login read the account.
                if let rehash, a.passwordHash == account.passwordHash { a.passwordHash = rehash }
                tx.put(a)
            }
        }
        return state.accounts[account.id.rawValue] ?? account
    }

    /// Throws `loginThrottled` while `account` must wait after failed tries (of its password, or
    /// of a code that stands in for it: reset, letter, agreement at the desk).
    func requireNoLoginWait(_ account: Account) throws {
        let wait = LoginThrottle.wait(account.throttle, now: clock.now())
        if wait > 0 { throw CoreError.loginThrottled(seconds: wait) }
    }

    /// Counts a wrong password or code against account `id` (the same throttle for each) and logs it.
    func recordFailedLogin(_ id: AccountID) throws {
        try update { tx in
            guard var a = tx.state.accounts[id.rawValue] else { return }
            a.throttle = LoginThrottle.recordingFailure(a.throttle, now: tx.now)
            tx.put(a)
            tx.audit(.loginFailed, actor: nil, subject: a.id)
        }
    }

    /// A login with an address that has no account goes the same way as a wrong password: the
    /// same wait after repeated failures, a dummy hash so it takes as long, a stored failure
    /// (under a keyed hash of the address, bounded and expiring), and the same message.
    func failUnknownAddress(_ raw: String, password: String) throws -> Never {
        // Folded as a known address is, so "Café@…" typed composed and decomposed count as one.
        let address = EmailAddress.folded(raw.trimmingCharacters(in: .whitespacesAndNewlines))
        let key = state.settings.throttleKey
        if !key.isEmpty, let h = keyedHash(address, key: key), let s = state.settings.loginFailures[h] {
            let wait = LoginThrottle.wait(s, now: clock.now())
            if wait > 0 { throw CoreError.loginThrottled(seconds: wait) }
        }
        _ = hasher.match(password, against: dummyHash)
        try update { tx in
            var settings = tx.state.settings
            if settings.throttleKey.isEmpty { settings.throttleKey = Self.newThrottleKey() }
            guard let h = keyedHash(address, key: settings.throttleKey) else { return }
            // Expire what no longer counts, then keep the most recent few.
            settings.loginFailures = settings.loginFailures.filter { ($0.value.lastFailure.map { tx.now.timeIntervalSince($0) } ?? .infinity) < LoginThrottle.memory }
            settings.loginFailures[h] = LoginThrottle.recordingFailure(settings.loginFailures[h] ?? LoginThrottleState(), now: tx.now)
            if settings.loginFailures.count > PlatformSettings.loginFailureLimit {
                let keep = settings.loginFailures.sorted { ($0.value.lastFailure ?? .distantPast) > ($1.value.lastFailure ?? .distantPast) }
                    .prefix(PlatformSettings.loginFailureLimit)
                settings.loginFailures = Dictionary(uniqueKeysWithValues: keep.map { ($0.key, $0.value) })
            }
            tx.setSettings(settings)
            tx.audit(.loginFailed, actor: nil, subject: nil)
        }
        throw CoreError.loginFailed
    }

    private static func newThrottleKey() -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        var g = SystemRandomNumberGenerator()
        return String((0..<16).map { _ in alphabet.randomElement(using: &g)! })
    }

    /// The account with this e-mail address, or `CoreError.unknownAccount`.
    public func account(email raw: String) throws -> Account {
        let email = (try? EmailAddress.normalise(raw)) ?? raw
        guard let a = state.account(email: email) else { throw CoreError.unknownAccount(email: raw) }
        return a
    }

    /// Blocks or unblocks an account (administrators, or the operator: `.commandLine`).
    func setBlocked(_ id: AccountID, blocked: Bool, reason: String? = nil, by viewer: Viewer) throws {
        try Permissions.require(.administerPlatform, by: viewer)
        let reason = try reason.map { try validated($0, .reason, required: false) }
        try update(actor: viewer) { tx in
            guard var a = tx.state.accounts[id.rawValue] else { throw CoreError.notFound(what: "account \(id)") }
            a.blocked = blocked
            a.blockedReason = blocked ? reason : nil
            tx.put(a)
            tx.audit(blocked ? .accountBlocked : .accountUnblocked, actor: viewer.account?.id, subject: id)
        }
    }

    /// Turns one e-mail toggle on or off for the account holder.
    func setEmailPreference(_ kind: EmailKind, to on: Bool, for id: AccountID, by viewer: Viewer) throws {
        try Permissions.require(.manageAccount(id), by: viewer)
        try update(actor: viewer) { tx in
            guard var a = tx.state.accounts[id.rawValue] else { throw CoreError.notFound(what: "account \(id)") }
            a.profile.email[kind] = on
            tx.put(a)
            tx.audit(.emailPreferencesChanged, actor: id, subject: id)
        }
    }

    /// Throws `changedElsewhere` when the profile's fields a profile form writes (not the
    /// photo nor the e-mail choices) differ from `basedOn`: someone else saved it since the form
    /// was filled.
    static func requireUnchanged(_ basedOn: Profile, now p: Profile) throws {
        let changed = ChangedField.diff([
            (.name3, basedOn.displayName, p.displayName), (.neighbourhood4, String(basedOn.wijk.rawValue), String(p.wijk.rawValue)),
            (.visibility2, basedOn.visibility.rawValue, p.visibility.rawValue),
            (.interests3, basedOn.interests.joined(separator: ", "), p.interests.joined(separator: ", ")),
            (.phone3, basedOn.phone ?? "", p.phone ?? ""), (.address3, basedOn.address ?? "", p.address ?? ""),
            (.dailyDigest, basedOn.digest.rawValue, p.digest.rawValue)])
        if !changed.isEmpty { throw CoreError.changedElsewhere(what: "je profiel", changed: changed) }
    }

    /// Changes the profile (name, wijk, visibility, interests, phone, address) of the account holder.
    /// With `basedOn` (the profile as the form showed it), a save over a newer version (the
    /// same person at another terminal) is refused.
    func updateProfile(for id: AccountID, basedOn: Profile? = nil, by viewer: Viewer, _ change: (inout Profile) -> Void) throws {
        try Permissions.require(.manageAccount(id), by: viewer)
        try update(actor: viewer) { tx in
            guard var a = tx.state.accounts[id.rawValue] else { throw CoreError.notFound(what: "account \(id)") }
            if let basedOn { try Self.requireUnchanged(basedOn, now: a.profile) }
            var p = a.profile
            change(&p)
            try Self.setProfileFields(of: &a, to: p, in: tx.state)
            tx.put(a)
            tx.audit(.profileChanged, actor: id, subject: id)
        }
    }

    /// Sets the fields a profile form writes (name, wijk, visibility, interests, phone, address,
    /// daily digest, and whatever else `given` holds but the photo) of `a`, checked.
    static func setProfileFields(of a: inout Account, to given: Profile, in state: StoreState) throws {
        var p = given
        p.displayName = try validated(p.displayName, .name)
        p.phone = try p.phone.map { try validated($0, .phone, required: false) }.flatMap { $0.isEmpty ? nil : $0 }
        p.address = try p.address.map { try validated($0, .address, required: false) }.flatMap { $0.isEmpty ? nil : $0 }
        // Interests are categories of the list; free text kept from before the list is dropped
        // by this save (the profile showed it as unlisted), new free text is refused.
        let before = Set(a.profile.unlistedInterests)
        p.interests = try Self.listedInterests(p.interests.filter { !before.contains($0) })
        guard state.wijk(p.wijk) != nil else { throw CoreError.unknownWijk(String(p.wijk.rawValue)) }
        p.photo = a.profile.photo // photos change only with a photo of their own, checked
        // A verification was of the old wijk (and a letter went to the old address).
        if p.wijk != a.profile.wijk { a.wijkCheck = nil }
        a.profile = p
    }

    /// The category keys of `texts`, each once in the list's order; throws `unknownInterest`
    /// for a text that names no category.
    static func listedInterests(_ texts: [String]) throws -> [String] {
        for t in texts where PlatformCategory(matching: t) == nil { throw CoreError.unknownInterest(t) }
        return PlatformCategory.matching(texts).map(\.key)
    }

    /// Changes the password after checking the old one and the rules.
    func changePassword(for id: AccountID, old: String, new: String, by viewer: Viewer) throws {
        try Permissions.require(.changePassword(id), by: viewer)
        guard let a = state.accounts[id.rawValue], hasher.match(old, against: a.passwordHash) != nil else { throw CoreError.loginFailed }
        try PasswordPolicy.check(new, name: a.name, email: a.email)
        let hash = try hasher.hash(PasswordText.normalised(new))
        try update(actor: viewer) { tx in
            guard var a = tx.state.accounts[id.rawValue] else { throw CoreError.notFound(what: "account \(id)") }
            a.passwordHash = hash
            tx.put(a)
            tx.audit(.passwordChanged, actor: id, subject: id)
        }
    }
}
