import Foundation

/// Everything the store holds about one person, as one JSON document ("Mijn gegevens").
///
/// Field names are part of the product's promise and documented in docs/operating.md; the password
/// hash is never included.
public struct PersonalDataExport: Codable, Sendable, Equatable {
    /// Version of this document's layout.
    public var exportFormat = 5
    /// When the export was made.
    public var exportedAt: Date
    /// The account.
    public var account: AccountPart
    /// The profile.
    public var profile: ProfilePart
    /// Posts the person wrote as a resident.
    public var posts: [PostPart]
    /// Posts the person wrote on behalf of an organisation.
    public var postsForOrganisations: [PostPart]
    /// Contact messages the person sent.
    public var messagesSent: [MessagePart]
    /// Contact messages the person received.
    public var messagesReceived: [MessagePart]
    /// Conversations at the Sociaal Hus desk linked to the account, with their referrals.
    public var intakes: [IntakePart]
    /// Every time the person's data was passed to an organisation.
    public var disclosures: [DisclosurePart]
    /// Reports the person made (with the name and e-mail address they gave).
    public var reportsMade: [ReportPart]
    /// Reports about the person or their content: what, why, when, what was done; never who
    /// reported it, nor their words (format 3).
    public var reportsAbout: [ReportAboutPart]
    /// E-mails to or about the person: kind, subject, when and state (a sent one keeps no text).
    public var emails: [EmailPart]
    /// Audit events about the person's data.
    public var auditEvents: [AuditPart]
    /// Activities the person signed up for or asked to be reminded of (format 5).
    public var signUps: [SignUpPart]

    /// One sign-up or reminder.
    public struct SignUpPart: Codable, Sendable, Equatable {
        /// The activity's title (empty when it is gone from sight).
        public var activity: String
        /// The occurrence's start.
        public var occurrence: Date
        /// "place", "waiting" or "reminder".
        public var state: String
        /// Which details the organiser may see for it.
        public var showEmail: Bool
        public var showPhone: Bool
        /// Days ahead of the reminder, and when it went out.
        public var remindDays: Int?
        public var reminded: Date?
        public var created: Date
    }

    /// Account fields (no password hash).
    public struct AccountPart: Codable, Sendable, Equatable {
        public var id: Int
        public var email: String
        public var name: String
        public var roles: [String]
        public var editorOf: [String]
        public var partnerOf: [String]
        public var blocked: Bool
        public var blockedReason: String?
        public var created: Date
        public var failedLoginsInARow: Int
        public var lastFailedLogin: Date?
        /// Until when a one-time code for a new password works (the code itself is never
        /// stored, only its hash); nil without one.
        public var resetCodeValidUntil: Date?
        /// How that code was given: "desk", "mail" or "operator".
        public var resetCodeGiven: String?
        /// Where the verification of the wijk stands: "verified", "letter-asked", "letter-written"
        /// (nil: only stated at registration), how ("desk" or "letter") and since when.
        public var wijkCheck: String?
        public var wijkCheckHow: String?
        public var wijkCheckSince: Date?
    }

    /// Profile fields.
    public struct ProfilePart: Codable, Sendable, Equatable {
        public var displayName: String
        public var wijk: String
        /// Path of the photo inside the store, if any.
        public var photo: String?
        public var visibility: String
        public var interests: [String]
        public var emailPreferences: [String: Bool]
        public var phone: String?
        public var address: String?
        /// Notifications at once ("immediately"), or in a "daily" or "weekly" digest.
        public var digest: String
        /// When the last digest was sent.
        public var lastDigest: Date?
        /// The titles waiting for the next digest, oldest first.
        public var waitingForDigest: [String]
    }

    /// A post.
    public struct PostPart: Codable, Sendable, Equatable {
        public var id: Int
        public var kind: String
        public var title: String
        public var body: String
        public var wijk: String
        public var organisation: String?
        public var shows: [String]
        public var created: Date
        public var expires: Date
    }

    /// A contact message.
    public struct MessagePart: Codable, Sendable, Equatable {
        public var id: Int
        public var senderName: String
        public var senderEmail: String
        public var recipient: String
        public var text: String
        public var sent: Date
        /// What it is about, as the person may see it now ("Over: Gratis brandhout"; absent when about nothing).
        public var about: String?
        /// The message it answers (absent for the first of a conversation).
        public var inReplyTo: Int?
    }

    /// An informatie- en adviesgesprek.
    public struct IntakePart: Codable, Sendable, Equatable {
        public var id: Int
        public var date: Date
        public var category: String
        public var question: String
        public var notes: String
        public var status: String
        public var name: String
        public var phone: String
        public var email: String
        public var address: String
        public var postcode: String
        public var place: String
        public var referrals: [ReferralPart]
    }

    /// A referral made during an intake.
    public struct ReferralPart: Codable, Sendable, Equatable {
        public var organisation: String
        public var fields: [String]
        public var purpose: String
        public var date: Date
        public var by: String
        /// The sentence the staff member said to the person before passing the data on.
        public var told: String
    }

    /// Data passed to an organisation: to whom, which fields, when, by whom.
    public struct DisclosurePart: Codable, Sendable, Equatable {
        public var organisation: String
        public var fields: [String]
        public var purpose: String
        public var date: Date
        public var by: String
    }

    /// A report about the person or their content.
    public struct ReportAboutPart: Codable, Sendable, Equatable {
        public var about: String
        public var reason: String
        public var date: Date
        public var status: String
    }

    /// An e-mail to or about the person.
    public struct EmailPart: Codable, Sendable, Equatable {
        public var kind: String
        public var subject: String
        public var created: Date
        public var status: String
    }

    /// A report the person made.
    public struct ReportPart: Codable, Sendable, Equatable {
        public var about: String
        public var reason: String
        public var explanation: String
        public var name: String
        public var email: String
        public var date: Date
        public var status: String
    }

    /// An audit event.
    public struct AuditPart: Codable, Sendable, Equatable {
        public var action: String
        public var at: Date
        /// "self", "operator" (the command line), "visitor" (no account: someone not logged in,
        /// and the command line before it was told apart), or "staff": someone
        /// else, with the role they acted in and, for a role for the platform, their name (format
        /// 3: "door account 9" told the person nothing).
        public var by: String
        /// The name of who acted when it was someone else (nil when they were erased since).
        public var byName: String?
        /// The role they acted in: desk-staff, administrator, local-partner, editor or resident.
        public var byRole: String?
        /// What was acted on (ids and words, never free text).
        public var target: String?
        /// True when a desk member did it for the person at the desk, who agreed ("namens",
        /// format 4); absent otherwise.
        public var onBehalf: Bool?

        /// Creates a line.
        public init(action: String, at: Date, by: String, byName: String? = nil, byRole: String? = nil, target: String? = nil, onBehalf: Bool? = nil) {
            self.action = action
            self.at = at
            self.by = by
            self.byName = byName
            self.byRole = byRole
            self.target = target
            self.onBehalf = onBehalf
        }
    }

    /// Encodes the export as pretty JSON with ISO 8601 dates.
    public func json() throws -> Data { TextSanitizer.neutralisingJSON(try ISODate.encoder().encode(self)) }
}

extension Store {
    /// Builds the export of everything held about `id` (the holder themselves, or the operator when `viewer` is nil).
    /// With `recordAudit` (the default) a "data-exported" event is logged; showing the data on
    /// screen ("Mijn gegevens") passes false, since nothing leaves the store then.
    public func export(_ id: AccountID, by viewer: Viewer, recordAudit: Bool = true) throws -> PersonalDataExport {
        try export(id, by: viewer, recordAudit: recordAudit, toOwnAddress: false)
    }

    /// The export; `toOwnAddress` when it goes by e-mail to the holder's own address (allowed
    /// while the desk helps, where a file is not), `recordAudit` false when it is only shown.
    func export(_ id: AccountID, by viewer: Viewer, recordAudit: Bool = true, toOwnAddress: Bool) throws -> PersonalDataExport {
        try Permissions.require(recordAudit && !toOwnAddress ? .exportData(id) : .manageAccount(id), by: viewer)
        try refresh()
        try Self.confirm(viewer, in: state)
        let s = state
        guard let a = s.accounts[id.rawValue] else { throw CoreError.notFound(what: "account \(id)") }
        func wijkName(_ w: WijkID) -> String { s.wijk(w)?.name ?? "#\(w)" }
        func orgName(_ o: OrganisationID) -> String { s.organisations[o.rawValue]?.name ?? "#\(o)" }
        func postPart(_ p: Post) -> PersonalDataExport.PostPart {
            var shows: [String] = []
            // The name is not a tick any more: it follows the profile level.
            if p.show.email { shows.append("email") }
            if p.show.phone { shows.append("phone") }
            if p.show.address { shows.append("address") }
            var org: String?
            if case .organisation(let o, _) = p.author { org = orgName(o) }
            return .init(id: p.id.rawValue, kind: p.kind.rawValue, title: p.title, body: p.body, wijk: wijkName(p.wijk),
                         organisation: org, shows: shows, created: p.created, expires: p.expires)
        }
        func messagePart(_ m: ContactMessage) -> PersonalDataExport.MessagePart {
            let to: String
            switch m.recipient {
            case .resident(let r): to = r == id ? a.profile.displayName : (s.accounts[r.rawValue].map { ProfileVisibilityRule.view(of: $0, by: .account(a), settings: s.settings).map { Language.dutch.t($0.displayName.word) } ?? "" } ?? "")
            case .organisation(let o): to = orgName(o)
            case .address(let a): to = a
            }
            return .init(id: m.id.rawValue, senderName: Language.dutch.t(ContentVisibility.senderName(of: m, in: s, for: .account(a)).word), senderEmail: m.senderEmail, recipient: to, text: Language.dutch.t(m.shownText), sent: m.sent,
                         about: m.about.map { Language.dutch.t(ContentVisibility.aboutTitle($0, in: s, for: .account(a), now: clock.now()).line) }, inReplyTo: m.inReplyTo?.rawValue)
        }
        let reset = try resetCode(of: id)
        let posts = s.posts.all.filter { $0.author == .resident(id) }.sorted { $0.id < $1.id }
        let orgPosts = s.posts.all.filter { if case .organisation(_, let by) = $0.author { return by == id } else { return false } }.sorted { $0.id < $1.id }
        let sent = s.messages.all.filter { $0.senderAccount == id || ($0.senderAccount == nil && $0.senderEmail == a.email) }.sorted { $0.id < $1.id }
        let received = s.messages.all.filter { $0.recipient == .resident(id) }.sorted { $0.id < $1.id }
        let events = s.audit.shards[s.audit.shardIndex(forKey: id.rawValue)].values.filter { $0.subject == id }.sorted { $0.id < $1.id }
        let intakes = s.intakes.all.filter { $0.person.account == id }.sorted { $0.id < $1.id }.map { i in
            PersonalDataExport.IntakePart(
                id: i.id.rawValue, date: i.created, category: i.category.rawValue, question: i.question, notes: i.notes,
                status: i.status.rawValue, name: i.person.name, phone: i.person.phone, email: i.person.email,
                address: i.person.address, postcode: i.person.postcode, place: i.person.place,
                referrals: i.referrals.map { r in
                    .init(organisation: r.organisationName, fields: r.fields.map(\.rawValue), purpose: r.purpose, date: r.at, by: r.staffName, told: r.toldSentence)
                })
        }
        let disclosures = s.disclosures.all.filter { $0.account == id }.sorted { $0.id < $1.id }.map { d in
            PersonalDataExport.DisclosurePart(organisation: d.organisationName, fields: d.fields.map(\.rawValue), purpose: d.purpose,
                                              date: d.at, by: d.staffName)
        }
        let reports = s.reports.all.filter { $0.reporterAccount == id || (!$0.reporterEmail.isEmpty && $0.reporterEmail == a.email) }
            .sorted { $0.id < $1.id }.map { r in
                PersonalDataExport.ReportPart(about: r.target.auditTarget, reason: r.reason.rawValue, explanation: r.explanation, name: r.reporterName,
                                              email: r.reporterEmail, date: r.created, status: r.status.rawValue)
            }
        let reportsAbout = s.reports.all.filter { r in
            switch r.target {
            case .profile(let p): return p == id
            case .post(let p): return s.posts[p.rawValue]?.author == .resident(id)
            case .message(let m): return s.messages[m.rawValue]?.senderAccount == id
            case .agendaItem: return false
            }
        }.sorted { $0.id < $1.id }.map { r in
            PersonalDataExport.ReportAboutPart(about: r.target.auditTarget, reason: r.reason.rawValue, date: r.created, status: r.status.rawValue)
        }
        let emails = s.outbox.all.filter { $0.accounts.contains(id) || $0.to == a.email }.sorted { $0.id < $1.id }.map { m in
            PersonalDataExport.EmailPart(kind: m.kind.rawValue, subject: m.subject, created: m.created, status: m.status.rawValue)
        }
        var prefs: [String: Bool] = [:]
        for k in EmailKind.allCases { prefs[k.rawValue] = a.profile.email[k] }
        let export = PersonalDataExport(
            exportedAt: clock.now(),
            account: .init(id: id.rawValue, email: a.email, name: a.name, roles: a.roles.names,
                           editorOf: a.roles.editorOf.map(orgName), partnerOf: a.roles.partnerOf.map(wijkName),
                           blocked: a.blocked, blockedReason: a.blockedReason, created: a.created,
                           failedLoginsInARow: a.throttle.consecutiveFailures, lastFailedLogin: a.throttle.lastFailure,
                           resetCodeValidUntil: reset.flatMap { $0.expires > clock.now() ? $0.expires : nil },
                           resetCodeGiven: reset.flatMap { $0.expires > clock.now() ? $0.how : nil },
                           wijkCheck: a.wijkCheck.map { $0.wijk == a.profile.wijk ? $0.state.rawValue : "other-wijk" },
                           wijkCheckHow: a.wijkCheck?.how.rawValue, wijkCheckSince: a.wijkCheck?.at),
            profile: .init(displayName: a.profile.displayName, wijk: wijkName(a.profile.wijk),
                           photo: a.profile.photo.map { "photos/" + $0 }, visibility: a.profile.visibility.rawValue,
                           interests: a.profile.interests, emailPreferences: prefs, phone: a.profile.phone, address: a.profile.address,
                           digest: a.profile.digest.rawValue, lastDigest: a.lastDigest, waitingForDigest: a.pendingDigest.map(\.text)),
            posts: posts.map(postPart), postsForOrganisations: orgPosts.map(postPart),
            messagesSent: sent.map(messagePart), messagesReceived: received.map(messagePart),
            intakes: intakes, disclosures: disclosures, reportsMade: reports, reportsAbout: reportsAbout, emails: emails,
            auditEvents: events.map { e in
                guard let actor = e.actor else {
                    return .init(action: e.action.rawValue, at: e.at, by: e.isByCommandLine ? "operator" : "visitor", target: e.object)
                }
                if actor == id { return .init(action: e.action.rawValue, at: e.at, by: "self", target: e.target) }
                // Named only for a role they hold for the platform; another resident's name is
                // theirs, shown only as their profile level allows (so not here).
                let who = s.accounts[actor.rawValue]
                let role = who.map { Self.role(of: $0, for: e.action, onBehalf: e.isOnBehalf) }
                return .init(action: e.action.rawValue, at: e.at, by: "staff", byName: role == "resident" ? nil : who?.name,
                             byRole: role, target: e.object, onBehalf: e.isOnBehalf ? true : nil)
            },
            signUps: try SignUpRows.of(account: id, in: db).map { r in
                .init(activity: s.agenda[r.activity.rawValue]?.title ?? "", occurrence: r.occurrence, state: r.state.rawValue,
                      showEmail: r.showEmail, showPhone: r.showPhone, remindDays: r.remindDays, reminded: r.reminded, created: r.created)
            })
        if recordAudit { try update(actor: viewer) { tx in tx.audit(.dataExported, actor: viewer.account?.id, subject: id) } }
        return export
    }

    /// The role someone acted in for a log line: a role for the platform only for what is done
    /// in it (the desk's work with conversations, moderation, blocking, erasing); anything else,
    /// a message above all, they did as a resident, and a resident is not named (found in
    /// review: an editor writing to a neighbour was named with their role).
    /// Whatever a desk member did for the person at the desk ("namens", `onBehalf`), they did
    /// as the desk.
    static func role(of a: Account, for action: AuditEvent.Action, onBehalf: Bool = false) -> String {
        if onBehalf {
            if a.roles.deskStaff { return "desk-staff" }
            if a.roles.administrator { return "administrator" }
        }
        switch action {
        case .intakeOpened, .intakeListed, .intakeCreated, .intakeChanged, .intakeReferred, .intakeErased, .intakeLinked, .intakeUnlinked,
             .accountLookedUp, .resetCodeIssued, .wijkVerified, .receiptPrinted, .receiptMailed, .onBehalfStarted, .onBehalfEnded:
            if a.roles.deskStaff { return "desk-staff" }
            if a.roles.administrator { return "administrator" }
        case .contentModerated:
            if !a.roles.partnerOf.isEmpty { return "local-partner" }
            if a.roles.administrator { return "administrator" }
        case .accountBlocked, .accountUnblocked, .accountErased, .platformChanged, .roleGiven, .roleTaken, .wijkLetterWritten:
            if a.roles.administrator { return "administrator" }
        // An objection is the author's own word about their content: made as a resident (or
        // for their organisation), never in a role for the platform.
        case .objectionMade: break
        default: break
        }
        return "resident"
    }
}
