import Foundation

/// A letter that verifies a resident's wijk: to be printed and posted to the address in the
/// profile (`sociaalhus account letters`). It carries the code in clear; the store keeps its hash.
public struct WijkLetter: Sendable, Equatable {
    public var name: String
    public var address: String
    public var wijk: String
    public var code: String
    public var validUntil: Date
}

extension Store {
    /// Verifies the wijk of the account with address `email` as the one in its profile: desk
    /// staff who saw proof of the address (or an administrator, or the operator).
    func verifyWijk(email raw: String, by viewer: Viewer) throws -> Account {
        try refresh()
        let target = try account(email: raw)
        try Permissions.require(.handleIntakes, by: viewer)
        return try update(actor: viewer) { tx in
            try Permissions.require(.handleIntakes, by: viewer)
            guard var a = tx.state.accounts[target.id.rawValue] else { throw CoreError.notFound(what: "account \(target.id)") }
            a.wijkCheck = WijkCheck(wijk: a.profile.wijk, state: .verified, how: .desk, at: tx.now)
            tx.put(a)
            tx.audit(.wijkVerified, actor: viewer.account?.id, subject: a.id, target: "desk:wijk:\(a.profile.wijk)")
            return a
        }
    }

    /// The account holder asks for a letter with a code to the address in their profile.
    func requestWijkLetter(for id: AccountID, by viewer: Viewer) throws {
        try Permissions.require(.manageAccount(id), by: viewer)
        try update(actor: viewer) { tx in
            guard var a = tx.state.accounts[id.rawValue] else { throw CoreError.notFound(what: "account \(id)") }
            if a.wijkVerified { throw CoreError.wijkAlreadyVerified }
            guard let address = a.profile.address, !address.trimmingCharacters(in: .whitespaces).isEmpty else { throw CoreError.wijkLetterNeedsAddress }
            a.wijkCheck = WijkCheck(wijk: a.profile.wijk, state: .letterAsked, how: .letter, at: tx.now)
            tx.put(a)
            tx.audit(.wijkLetterAsked, actor: id, subject: id)
        }
    }

    /// Writes the letters asked for: a new code for each (its hash kept, the letter carrying it),
    /// for the administrator or the operator to print and post. A letter asked again after its
    /// letter was written gets a new code.
    func writeWijkLetters(by viewer: Viewer) throws -> [WijkLetter] {
        try Permissions.require(.administerPlatform, by: viewer)
        try refresh()
        let asked = state.accounts.all.filter { $0.wijkCheck?.state == .letterAsked && !$0.blocked }.sorted { $0.id < $1.id }
        var random = SystemRandomNumberGenerator()
        // Codes hashed outside the lock (each a password hash: slow on purpose).
        let codes = try asked.map { _ -> (String, String) in
            let code = PasswordReset.newCode(using: &random)
            return (code, try hasher.hash(PasswordReset.normalised(code) ?? code))
        }
        return try update(actor: viewer) { tx in
            var letters: [WijkLetter] = []
            for (a0, (code, hash)) in zip(asked, codes) {
                // Only what is still asked, for the wijk it was asked for.
                guard var a = tx.state.accounts[a0.id.rawValue], let check = a.wijkCheck, check.state == .letterAsked,
                      check.wijk == a.profile.wijk, let address = a.profile.address, !address.isEmpty else { continue }
                a.wijkCheck = WijkCheck(wijk: check.wijk, state: .letterWritten, how: .letter, at: tx.now, codeHash: hash)
                tx.put(a)
                tx.audit(.wijkLetterWritten, actor: viewer.account?.id, subject: a.id)
                letters.append(WijkLetter(name: a.name, address: address, wijk: tx.state.wijk(check.wijk)?.name ?? "",
                                          code: code, validUntil: tx.now.addingTimeInterval(WijkCheck.letterValidity)))
            }
            return letters
        }
    }

    /// The account holder types the code from the letter: the wijk is verified. A wrong code
    /// counts as a failed login (the same wait after repeated tries).
    func confirmWijkCode(_ typed: String, for id: AccountID, by viewer: Viewer) throws {
        try Permissions.require(.manageAccount(id), by: viewer)
        guard let code = PasswordReset.normalised(typed) else { throw CoreError.resetCodeMalformed }
        try refresh()
        guard let a = state.accounts[id.rawValue] else { throw CoreError.notFound(what: "account \(id)") }
        try requireNoLoginWait(a)
        guard let check = a.wijkCheck, check.state == .letterWritten, let hash = check.codeHash else { throw CoreError.wijkNoLetter }
        guard hasher.verify(code, against: hash) else {
            try recordFailedLogin(id)
            throw CoreError.wijkCodeWrong
        }
        if clock.now().timeIntervalSince(check.at) > WijkCheck.letterValidity { throw CoreError.resetCodeExpired }
        try update(actor: viewer) { tx in
            guard var a = tx.state.accounts[id.rawValue], a.wijkCheck == check else { throw CoreError.wijkNoLetter }
            // The letter went to the address of the wijk asked for; a move since voids it.
            guard check.wijk == a.profile.wijk else { throw CoreError.wijkNoLetter }
            a.wijkCheck = WijkCheck(wijk: check.wijk, state: .verified, how: .letter, at: tx.now)
            a.throttle = LoginThrottleState()
            tx.put(a)
            tx.audit(.wijkVerified, actor: id, subject: id, target: "letter:wijk:\(check.wijk)")
        }
    }
}
