import Foundation

// Accounts and the platform settings as rows (schema 9): one column per field, in the order
// of the table (`Schema9`), lists of people as rows of their own.

extension Account: RowRecord {
    static let columns = [
        "email", "name", "password_hash", "resident", "editor_of", "desk_staff", "partner_of", "administrator", "blocked",
        "blocked_reason", "created", "display_name", "wijk", "photo", "visibility", "interests", "visitor_messages",
        "wijk_notifications", "newsletters", "announcements", "phone", "address", "daily_digest", "failures", "last_failure",
        "recent_failures",
    ]
    static let childTables = [ChildTable(name: "digest_line", owner: "account", columns: ["text", "author", "post", "activity"]),
                              ChildTable(name: "wijk_check", owner: "account", columns: ["wijk", "state", "how", "at", "code_hash"]),
                              ChildTable(name: "digest_rhythm", owner: "account", columns: ["weekly", "last_sent"])]
    // `wijk_check` (schema 13) and `digest_rhythm` came later: an account without their rows
    // keeps the checksum it had.
    static var countedChildTables: Int { 1 }

    func write(to w: inout RowWriter) {
        w.id(id); w.text(email); w.text(name); w.text(passwordHash)
        w.bool(roles.resident); w.ids(roles.editorOf); w.bool(roles.deskStaff); w.ids(roles.partnerOf); w.bool(roles.administrator)
        w.bool(blocked); w.text(blockedReason); w.date(created)
        w.text(profile.displayName); w.id(profile.wijk); w.text(profile.photo); w.raw(profile.visibility); w.list(profile.interests)
        w.bool(profile.email.visitorMessages); w.bool(profile.email.wijkNotifications); w.bool(profile.email.newsletters)
        w.bool(profile.email.announcements); w.text(profile.phone); w.text(profile.address); w.bool(profile.digest != .immediately)
        w.int(throttle.consecutiveFailures); w.date(throttle.lastFailure); w.dates(throttle.recentFailures)
    }

    init(from r: inout RowReader) throws {
        id = try r.id(); email = try r.text(); name = try r.text(); passwordHash = try r.text()
        roles = Roles(resident: try r.bool(), editorOf: try r.ids(), deskStaff: try r.bool(), partnerOf: try r.ids(), administrator: try r.bool())
        blocked = try r.bool(); blockedReason = try r.optionalText(); created = try r.date()
        profile = Profile(displayName: try r.text(), wijk: try r.id(), photo: try r.optionalText(), visibility: try r.raw(ProfileVisibility.self),
                          interests: try r.list(),
                          email: EmailPreferences(visitorMessages: try r.bool(), wijkNotifications: try r.bool(), newsletters: try r.bool(),
                                                  announcements: try r.bool()),
                          phone: try r.optionalText(), address: try r.optionalText())
        // `daily_digest` says whether notifications are gathered; `digest_rhythm` whether weekly.
        profile.digest = try r.bool() ? .daily : .immediately
        throttle = LoginThrottleState(consecutiveFailures: try r.int(), lastFailure: try r.optionalDate(), recentFailures: try r.dates())
        pendingDigest = []
    }

    func childRows() -> [[[Cell]]] {
        [pendingDigest.map { l in
            var w = RowWriter()
            w.text(l.text); w.id(l.author)
            ContentRef.write(l.about, to: &w, message: false)
            return w.cells
        }, (wijkCheck.map { [$0] } ?? []).map { c in
            var w = RowWriter()
            w.id(c.wijk); w.raw(c.state); w.raw(c.how); w.date(c.at); w.text(c.codeHash)
            return w.cells
        }, profile.digest == .weekly || lastDigest != nil ? [{
            var w = RowWriter()
            w.bool(profile.digest == .weekly); w.date(lastDigest)
            return w.cells
        }()] : []]
    }

    mutating func setChildRows(_ rows: [[[Cell]]], place: String) throws {
        pendingDigest = try rows[0].map { cells in
            var r = RowReader(cells, place: place)
            return DigestLine(text: try r.text(), author: try r.optionalID(), about: try ContentRef.read(from: &r, message: false))
        }
        guard rows.count > 1, rows[1].count <= 1 else { throw CoreError.storeCorrupt(file: place, problem: .unreadable(detail: "wijk_check")) }
        wijkCheck = try rows[1].first.map { cells in
            var r = RowReader(cells, place: place)
            return WijkCheck(wijk: try r.id(), state: try r.raw(WijkCheck.State.self), how: try r.raw(WijkCheck.How.self), at: try r.date(),
                             codeHash: try r.optionalText())
        }
        guard rows.count <= 2 || rows[2].count <= 1 else { throw CoreError.storeCorrupt(file: place, problem: .unreadable(detail: "digest_rhythm")) }
        if rows.count > 2, let cells = rows[2].first {
            var r = RowReader(cells, place: place)
            let weekly = try r.bool()
            lastDigest = try r.optionalDate()
            if weekly, profile.digest == .daily { profile.digest = .weekly }
        }
    }
}

extension ContentRef {
    /// Writes the reference as its columns (post, activity, and message unless `message` is false):
    /// one holds the number, the others NULL.
    static func write(_ ref: ContentRef?, to w: inout RowWriter, message: Bool) {
        var post: PostID?, activity: AgendaItemID?, msg: MessageID?
        switch ref {
        case .post(let p): post = p
        case .activity(let a): activity = a
        case .message(let m): msg = m
        case nil: break
        }
        w.id(post); w.id(activity)
        if message { w.id(msg) }
    }

    /// Reads the columns `write` wrote.
    static func read(from r: inout RowReader, message: Bool) throws -> ContentRef? {
        let post: PostID? = try r.optionalID(), activity: AgendaItemID? = try r.optionalID()
        let msg: MessageID? = message ? try r.optionalID() : nil
        switch (post, activity, msg) {
        case (nil, nil, nil): return nil
        case (let p?, nil, nil): return .post(p)
        case (nil, let a?, nil): return .activity(a)
        case (nil, nil, let m?): return .message(m)
        default: throw r.damage("one piece of content")
        }
    }
}

extension SettingsRecord: RowRecord {
    static let columns = ["is_private", "registration_open", "intake_retention_months", "mail_command", "mail_from", "privacy_statement",
                          "throttle_key"]
    static let childTables = [
        ChildTable(name: "wijk", owner: "settings", columns: ["number", "name"]),
        ChildTable(name: "feed_approval", owner: "settings",
                   columns: ["number", "wijk", "third_party", "approved_by", "approved_by_name", "approved", "withdrawn", "withdrawn_by"]),
        ChildTable(name: "login_failure", owner: "settings", columns: ["key", "failures", "last_failure", "recent_failures"]),
    ]

    func write(to w: inout RowWriter) {
        w.int(storageKey); w.bool(settings.isPrivate); w.bool(settings.registrationOpen); w.int(settings.intakeRetentionMonths)
        w.list(settings.mailCommand); w.text(settings.mailFrom); w.list(settings.privacyStatement); w.text(settings.throttleKey)
    }

    init(from r: inout RowReader) throws {
        guard try r.int() == 1 else { throw r.damage("the settings' key 1") }
        settings = PlatformSettings(wijken: [], isPrivate: try r.bool(), registrationOpen: try r.bool())
        settings.intakeRetentionMonths = try r.int()
        settings.mailCommand = try r.list()
        settings.mailFrom = try r.text()
        settings.privacyStatement = try r.list()
        settings.throttleKey = try r.text()
    }

    func childRows() -> [[[Cell]]] {
        let wijken = settings.wijken.map { wijk in var w = RowWriter(); w.id(wijk.id); w.text(wijk.name); return w.cells }
        let approvals = settings.feedApprovals.map { a in
            var w = RowWriter()
            w.int(a.id); w.id(a.wijk); w.text(a.thirdParty); w.id(a.approvedBy); w.text(a.approvedByName); w.date(a.approved)
            w.date(a.withdrawn); w.id(a.withdrawnBy)
            return w.cells
        }
        let failures = settings.loginFailures.sorted { $0.key < $1.key }.map { key, f in
            var w = RowWriter()
            w.text(key); w.int(f.consecutiveFailures); w.date(f.lastFailure); w.dates(f.recentFailures)
            return w.cells
        }
        return [wijken, approvals, failures]
    }

    mutating func setChildRows(_ rows: [[[Cell]]], place: String) throws {
        settings.wijken = try rows[0].map { cells in
            var r = RowReader(cells, place: place)
            return Wijk(id: try r.id(), name: try r.text())
        }
        settings.feedApprovals = try rows[1].map { cells in
            var r = RowReader(cells, place: place)
            return FeedApproval(id: try r.int(), wijk: try r.id(), thirdParty: try r.text(), approvedBy: try r.id(), approvedByName: try r.text(),
                                approved: try r.date(), withdrawn: try r.optionalDate(), withdrawnBy: try r.optionalID())
        }
        let failures = try rows[2].map { cells in
            var r = RowReader(cells, place: place)
            return (try r.text(), LoginThrottleState(consecutiveFailures: try r.int(), lastFailure: try r.optionalDate(), recentFailures: try r.dates()))
        }
        settings.loginFailures = Dictionary(failures, uniquingKeysWith: { $1 })
    }
}
