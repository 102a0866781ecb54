import Foundation

/// One press of "Save" on the profile form: the photo, the fields and the e-mail choices,
/// saved by `Intent.saveProfile` in one transaction, so a refusal of any part (a photo that is
/// not one, a phone number too long, someone else's save meanwhile) leaves all of it as it was.
public struct ProfileSave: Sendable {
    /// What becomes of the photo.
    public enum Photo: Sendable, Equatable {
        /// Left as it is.
        case keep
        /// Removed.
        case remove
        /// Replaced by the JPEG or PNG in this file.
        case file(String)
    }

    /// Whose profile.
    public var account: AccountID
    /// The profile as the form showed it: a save over a newer one is refused (nil: not checked).
    public var basedOn: Profile?
    /// The fields as the form holds them (name, wijk, visibility, interests, phone, address,
    /// daily digest); its photo and e-mail choices are not read.
    public var fields: Profile
    /// The photo.
    public var photo: Photo
    /// Only the e-mail choices changed in this form: another terminal's ticks since the form
    /// was filled stay.
    public var email: [EmailKind: Bool]

    /// A save of `fields` for `account`; the photo kept and no e-mail choice changed unless given.
    public init(account: AccountID, basedOn: Profile?, fields: Profile, photo: Photo = .keep, email: [EmailKind: Bool] = [:]) {
        self.account = account
        self.basedOn = basedOn
        self.fields = fields
        self.photo = photo
        self.email = email
    }
}

extension Store {
    /// Saves a profile form as one change (see `ProfileSave`).
    func saveProfile(_ save: ProfileSave, by viewer: Viewer) throws {
        let id = save.account
        try Permissions.require(.manageAccount(id), by: viewer)
        // Someone else's save is said before the photo file is even read.
        if let basedOn = save.basedOn {
            try refresh()
            guard let a = state.accounts[id.rawValue] else { throw CoreError.notFound(what: "account \(id)") }
            try Self.requireUnchanged(basedOn, now: a.profile)
        }
        let photo: PreparedPhoto?
        if case .file(let path) = save.photo { photo = try Self.preparedPhoto(from: path) } else { photo = nil }
        try update(actor: viewer) { tx in
            guard var a = tx.state.accounts[id.rawValue] else { throw CoreError.notFound(what: "account \(id)") }
            if let basedOn = save.basedOn { try Self.requireUnchanged(basedOn, now: a.profile) }
            if save.photo != .keep { Self.replacePhoto(of: &a, with: photo, in: &tx) }
            let mailBefore = a.profile.email
            var fields = save.fields
            fields.email = mailBefore
            for (kind, on) in save.email { fields.email[kind] = on }
            try Self.setProfileFields(of: &a, to: fields, in: tx.state)
            tx.put(a)
            tx.audit(.profileChanged, actor: id, subject: id)
            if a.profile.email != mailBefore { tx.audit(.emailPreferencesChanged, actor: id, subject: id) }
        }
    }
}
