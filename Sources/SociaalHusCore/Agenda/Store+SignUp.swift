import Foundation

/// What a person asks for when they sign up or ask to be reminded.
public struct SignUpRequest: Sendable, Hashable {
    /// Only a reminder ("Herinner me"): no place, not seen by the organiser.
    public var reminderOnly: Bool
    /// Show the organiser the account's e-mail address (a visitor's is always shown: it is how
    /// the organiser reaches them).
    public var showEmail: Bool
    /// Show the organiser the phone number of the profile.
    public var showPhone: Bool
    /// Days before the occurrence to send a reminder by e-mail; nil: none.
    public var remindDays: Int?
    /// A visitor's name and address (ignored for an account).
    public var visitorName: String
    public var visitorEmail: String

    /// A request; by default a place with a reminder the day before and no details shown.
    public init(reminderOnly: Bool = false, showEmail: Bool = false, showPhone: Bool = false, remindDays: Int? = 1,
                visitorName: String = "", visitorEmail: String = "") {
        self.reminderOnly = reminderOnly
        self.showEmail = showEmail
        self.showPhone = showPhone
        self.remindDays = remindDays
        self.visitorName = visitorName
        self.visitorEmail = visitorEmail
    }
}

extension Store {
    // MARK: Reading

    /// The sign-up options of an activity `viewer` may see (nil: it takes no sign-ups).
    public func signUpOptions(_ id: AgendaItemID, for viewer: Viewer) -> SignUpOptions? {
        guard agendaItem(id, for: viewer) != nil else { return nil }
        return try? SignUpRows.options(of: id, in: db)
    }

    /// `agendaItem(id, for:) != nil`, answered from the occurrence rows' columns when they hold
    /// the activity (by `agendaSight`, the agenda list's own rule, which a test holds equal to
    /// `mayView`), else from the record: the list asks this of each row it draws with sign-ups,
    /// and reading each activity's record again was a twentieth of the first frame.
    func mayViewActivity(_ id: AgendaItemID, _ viewer: Viewer) -> Bool {
        guard let sight = ContentVisibility.agendaSight(for: viewer, settings: state.settings) else { return false }
        if let row = try? db.prepare("""
            SELECT EXISTS (SELECT 1 FROM agenda_occurrence o WHERE o.item = ?1),
                   EXISTS (SELECT 1 FROM agenda_occurrence o WHERE o.item = ?1\(AgendaOccurrences.sightTerms(sight)))
            """).bind(id.rawValue) {
            defer { row.reset() }
            if (try? row.step()) == true, row.int(0) != 0 { return row.int(1) != 0 }
        }
        return agendaItem(id, for: viewer) != nil
    }

    /// The counts of one occurrence and the viewer's own sign-up: nil when it takes sign-ups or
    /// holds theirs and they may not see it; empty when it takes none and holds none of theirs.
    /// Counted by SQLite (the agenda list asks this of every row it draws); for a visitor and an
    /// activity without sign-ups, one look-up.
    public func signUpSummary(_ id: AgendaItemID, at occurrence: Date, for viewer: Viewer) -> SignUpSummary? {
        // Most activities take no sign-ups and the viewer has none for them: then there is
        // nothing to say, and nothing is read of the activity (what an empty summary tells is
        // no more than an activity the viewer may not see would).
        let none = SignUpSummary(options: nil, taken: 0, waiting: 0, mine: nil, myWaitingPosition: nil)
        let any = try? db.integer("SELECT EXISTS (SELECT 1 FROM signup_option WHERE activity = ?1) OR EXISTS (SELECT 1 FROM signup WHERE activity = ?1 AND account = ?2)",
                                  id.rawValue, viewer.activeAccount?.id.rawValue ?? -1)
        if any == 0 { return none }
        guard mayViewActivity(id, viewer) else { return nil }
        do {
            return try db.reading {
                let options = try SignUpRows.options(of: id, in: db)
                let at = occurrence.timeIntervalSince1970
                let mine = try viewer.activeAccount.flatMap { me in
                    try SignUpRows.rows(db, where: "activity = ?1 AND occurrence = ?2 AND account = ?3", id.rawValue, at, me.id.rawValue).first
                }
                guard options != nil || mine != nil else { return SignUpSummary(options: nil, taken: 0, waiting: 0, mine: nil, myWaitingPosition: nil) }
                let counts = try db.prepare("SELECT coalesce(sum(state = 'place'), 0), coalesce(sum(state = 'waiting'), 0) FROM signup WHERE activity = ?1 AND occurrence = ?2")
                    .bind(id.rawValue, at)
                defer { counts.reset() }
                _ = try counts.step()
                var position: Int?
                if let mine, mine.state == .waiting {
                    position = try db.integer("SELECT count(*) FROM signup WHERE activity = ?1 AND occurrence = ?2 AND state = 'waiting' AND (created < ?3 OR (created = ?3 AND id < ?4))",
                                              id.rawValue, at, mine.created.timeIntervalSince1970, mine.id) + 1
                }
                return SignUpSummary(options: options, taken: counts.int(0), waiting: counts.int(1), mine: mine, myWaitingPosition: position)
            }
        } catch { return nil }
    }

    /// Who signed up for one occurrence, for the activity's own editors: each name only as the
    /// person's profile level lets the editor see it (else "anonieme deelnemer"), a visitor by
    /// the name they typed, and contact details only as ticked for this sign-up. Reminders
    /// are nobody's business but the person's: never listed.
    public func participants(_ id: AgendaItemID, at occurrence: Date, for viewer: Viewer) throws -> [Participant] {
        guard let item = state.agenda[id.rawValue] else { throw CoreError.notFound(what: "agenda \(id)") }
        try Permissions.require(.changeAgendaItem(item), by: viewer)
        let s = state
        return try SignUpRows.of(id, at: occurrence, in: db).filter { $0.state != .reminder }.map { r in
            guard let a = r.account.flatMap({ s.accounts[$0.rawValue] }) else {
                return Participant(id: r.id, name: .named(TextSanitizer.sanitize(r.name)), state: r.state, email: r.email,
                                   phone: nil, created: r.created)
            }
            let seen = ProfileVisibilityRule.namesVisible(owner: a, viewer: viewer) && !a.blocked
            return Participant(id: r.id, name: seen ? .named(a.profile.displayName) : .anonymousParticipant,
                               state: r.state, email: r.showEmail ? a.email : nil,
                               phone: r.showPhone ? a.profile.phone.flatMap { $0.isEmpty ? nil : $0 } : nil, created: r.created)
        }
    }

    /// The first occurrence of an activity `viewer` may see that starts on `day` (any time that
    /// day in Amsterdam), or without a day the next one to come; nil when there is none.
    public func occurrence(of id: AgendaItemID, on day: Date? = nil, for viewer: Viewer) -> Date? {
        agendaItem(id, for: viewer).flatMap { occurrence(of: $0, on: day) }
    }

    /// `occurrence(of:on:for:)` of an activity already read for the viewer.
    private func occurrence(of item: AgendaItem, on day: Date? = nil) -> Date? {
        let from = day.map { LocalTime.calendar.startOfDay(for: $0) } ?? clock.now()
        let to = day == nil ? from.addingTimeInterval(400 * 86_400) : from.addingTimeInterval(86_400 + 3_600)
        return RecurrenceExpansion.occurrences(of: item, from: from, to: to, calendar: LocalTime.calendar)
            .first { $0.start >= from && (day == nil || LocalTime.isoDay($0.start) == LocalTime.isoDay(from)) }?.start
    }

    /// The activities still to come that take sign-ups and whose title holds `words` (case and
    /// accents ignored), soonest first, at most `limit`: how the desk finds the one a caller means.
    public func signUpActivities(matching words: String, for viewer: Viewer, limit: Int = 10) -> [(item: AgendaItem, next: Date)] {
        let needle = words.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).trimmingCharacters(in: .whitespaces)
        guard !needle.isEmpty, let ids = try? SignUpRows.activities(in: db) else { return [] }
        let found = ids.compactMap { id -> (item: AgendaItem, next: Date)? in
            guard let item = agendaItem(id, for: viewer),
                  item.title.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).contains(needle),
                  let next = occurrence(of: item) else { return nil }
            return (item, next)
        }
        return Array(found.sorted { ($0.next, $0.item.id.rawValue) < ($1.next, $1.item.id.rawValue) }.prefix(limit))
    }

    /// The viewer's own sign-ups and reminders, soonest first (Mijn gegevens, the export).
    public func mySignUps(for viewer: Viewer) -> [SignUp] {
        guard let me = viewer.activeAccount else { return [] }
        return (try? SignUpRows.of(account: me.id, in: db)) ?? []
    }

    // MARK: Changing

    /// Sets whether an activity takes sign-ups, how many places and whether there is a waiting
    /// list (its organisation's editors). Fewer places than are taken is refused: nobody loses
    /// a place they were given.
    func setSignUpOptions(_ id: AgendaItemID, _ options: SignUpOptions?, by viewer: Viewer) throws {
        try update(actor: viewer) { tx in
            guard let item = tx.state.agenda[id.rawValue] else { throw CoreError.notFound(what: "agenda \(id)") }
            try Permissions.require(.changeAgendaItem(item), by: viewer)
            try applySignUpOptions(options, to: item, in: &tx)
        }
    }

    /// `setSignUpOptions` inside a change (also the agenda form's save, in the same transaction).
    func applySignUpOptions(_ options: SignUpOptions?, to item: AgendaItem, in tx: inout Transaction) throws {
        let id = item.id
        if let places = options?.places {
            guard (1...SignUpOptions.maximumPlaces).contains(places) else { throw CoreError.signUpPlacesOutOfRange(SignUpOptions.maximumPlaces) }
            let taken = try db.integer("SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM signup WHERE activity = ?1 AND state = 'place' GROUP BY occurrence)", id.rawValue)
            if places < taken { throw CoreError.signUpPlacesBelowTaken(taken) }
        }
        if options == nil {
            // No more sign-ups: those who had one are told, reminders stay theirs.
            for r in try SignUpRows.rows(db, where: "activity = ?1 AND state <> 'reminder' AND occurrence > ?2", id.rawValue, tx.now.timeIntervalSince1970) {
                try tell(.signUpsClosed, r, item: item, in: &tx)
            }
            tx.statements.append(("DELETE FROM signup WHERE activity = ?1 AND state <> 'reminder'", [id.rawValue]))
        }
        tx.statements.append(SignUpRows.putOptions(id, options))
    }

    /// Signs `viewer` up for one occurrence (or, with `reminderOnly`, asks to be reminded of
    /// it). A place while there are places, else the waiting list when the activity has one,
    /// else refused. Signing up again changes the choices of the sign-up one has. Counted
    /// under the store's write lock, so of two people taking the last place at once one gets it.
    @discardableResult
    func signUp(_ id: AgendaItemID, at occurrence: Date, _ request: SignUpRequest, by viewer: Viewer) throws -> SignUp {
        try update(actor: viewer) { tx in
            guard let item = tx.state.agenda[id.rawValue],
                  ContentVisibility.mayView(item, creator: item.createdBy.flatMap { tx.state.accounts[$0.rawValue] }, by: viewer, settings: tx.state.settings)
            else { throw CoreError.notFound(what: "agenda \(id)") }
            guard Self.isOccurrence(occurrence, of: item) else { throw CoreError.notFound(what: "agenda \(id) at \(occurrence)") }
            guard occurrence > tx.now else { throw CoreError.signUpPast }
            if let days = request.remindDays, !(0...SignUp.maximumRemindDays).contains(days) { throw CoreError.remindDaysOutOfRange(SignUp.maximumRemindDays) }
            let options = try SignUpRows.options(of: id, in: db)
            if !request.reminderOnly, options == nil { throw CoreError.signUpNotTaken }
            // Who: an account by its number, a visitor by the address they gave.
            let who: String, key: Any, fresh: SignUp
            if let me = viewer.activeAccount {
                who = "account = ?1"
                key = me.id.rawValue
                fresh = SignUp(id: 0, activity: id, occurrence: occurrence, account: me.id, email: "", name: "", state: .reminder,
                               showEmail: false, showPhone: false, remindDays: nil, reminded: nil, created: tx.now)
            } else {
                // A visitor, or the operator signing up someone who called or came to the desk.
                switch viewer {
                case .visitor, .commandLine: break
                default: throw CoreError.notPermitted(.notLoggedIn)
                }
                let email = EmailAddress.folded(try EmailAddress.normalise(request.visitorEmail))
                who = "account IS NULL AND email = ?1"
                key = email
                fresh = SignUp(id: 0, activity: id, occurrence: occurrence, account: nil, email: email, name: try validated(request.visitorName, .senderName),
                               state: .reminder, showEmail: true, showPhone: false, remindDays: nil, reminded: nil, created: tx.now)
            }
            let existing = try SignUpRows.rows(db, where: who + " AND activity = ?2 AND occurrence = ?3", key, id.rawValue, occurrence.timeIntervalSince1970).first
            if existing == nil, try db.integer("SELECT count(*) FROM signup WHERE " + who, key) >= SignUp.maximumPerPerson {
                throw CoreError.signUpTooMany(SignUp.maximumPerPerson)
            }
            if existing == nil, fresh.account == nil,
               try db.integer("SELECT count(*) FROM signup WHERE account IS NULL AND email = ?1 AND created > ?2", key,
                              tx.now.timeIntervalSince1970 - 86_400) >= SignUp.maximumPerVisitorAddressPerDay {
                throw CoreError.visitorSignUpsToday(SignUp.maximumPerVisitorAddressPerDay)
            }
            var row = existing ?? fresh
            // A visitor signing up again may correct how their name is written.
            row.name = fresh.name
            if row.account != nil {
                row.showEmail = request.showEmail
                row.showPhone = request.showPhone
            }
            if row.remindDays != request.remindDays { row.reminded = nil }
            row.remindDays = request.remindDays
            if !request.reminderOnly, row.state == .reminder {
                let taken = try db.integer("SELECT count(*) FROM signup WHERE activity = ?1 AND occurrence = ?2 AND state = 'place'", id.rawValue, occurrence.timeIntervalSince1970)
                if options?.places.map({ taken < $0 }) ?? true {
                    row.state = .place
                } else if options?.waitingList == true {
                    row.state = .waiting
                } else {
                    throw CoreError.signUpFull
                }
                // The time they joined the list decides their turn, not when they first asked for a reminder.
                row.created = tx.now
            }
            if row.id == 0 { row.id = try tx.nextRowID(.signup, in: db) }
            tx.statements.append(SignUpRows.put(row))
            if row.account == nil, existing?.state != row.state {
                try tell(row.state == .waiting ? .signUpWaiting : row.state == .place ? .signUpPlace : .reminderSet, row, item: item, in: &tx)
            }
            return row
        }
    }

    /// Cancels `viewer`'s sign-up (or reminder) for one occurrence; a freed place goes to the
    /// first on the waiting list, who is told.
    func cancelSignUp(_ id: AgendaItemID, at occurrence: Date, by viewer: Viewer) throws {
        try update(actor: viewer) { tx in
            guard let me = viewer.activeAccount else { throw CoreError.notPermitted(.notLoggedIn) }
            guard let row = try SignUpRows.rows(db, where: "activity = ?1 AND occurrence = ?2 AND account = ?3", id.rawValue, occurrence.timeIntervalSince1970, me.id.rawValue).first
            else { throw CoreError.notFound(what: "signup") }
            tx.statements.append(SignUpRows.delete(row.id))
            if row.state == .place, let item = tx.state.agenda[id.rawValue] { try promote(after: row, item: item, in: &tx) }
        }
    }

    /// Removes one participant (the activity's editors), who is told; their place goes to the
    /// first on the waiting list.
    func removeParticipant(_ signUpID: Int, of id: AgendaItemID, by viewer: Viewer) throws {
        try update(actor: viewer) { tx in
            guard let item = tx.state.agenda[id.rawValue] else { throw CoreError.notFound(what: "agenda \(id)") }
            try Permissions.require(.changeAgendaItem(item), by: viewer)
            guard let row = try SignUpRows.rows(db, where: "id = ?1 AND activity = ?2 AND state <> 'reminder'", signUpID, id.rawValue).first
            else { throw CoreError.notFound(what: "signup \(signUpID)") }
            tx.statements.append(SignUpRows.delete(row.id))
            if row.occurrence > tx.now { try tell(.signUpRemoved, row, item: item, in: &tx) }
            if row.state == .place { try promote(after: row, item: item, in: &tx) }
        }
    }

    /// Gives the place `freed` held to the first on the waiting list of its occurrence, if any.
    func promote(after freed: SignUp, item: AgendaItem, in tx: inout Transaction) throws {
        guard freed.occurrence > tx.now,
              var next = try SignUpRows.rows(db, where: "activity = ?1 AND occurrence = ?2 AND state = 'waiting' AND id <> ?3 ORDER BY created, id LIMIT 1",
                                             freed.activity.rawValue, freed.occurrence.timeIntervalSince1970, freed.id).first
        else { return }
        next.state = .place
        tx.statements.append(SignUpRows.put(next))
        try tell(.signUpPromoted, next, item: item, in: &tx)
    }

    /// Tells everyone with a sign-up or reminder for the occurrences of `item` that no longer
    /// take place (all of them when `occurrences` is nil), and removes those rows.
    func dropSignUps(of item: AgendaItem, occurrences: [Date]? = nil, because change: SignUpNotice, in tx: inout Transaction) throws {
        let rows = try SignUpRows.rows(db, where: "activity = ?1 ORDER BY occurrence, id", item.id.rawValue)
            .filter { r in occurrences.map { $0.contains(r.occurrence) } ?? true }
        for r in rows {
            if r.occurrence > tx.now { try tell(change, r, item: item, in: &tx) }
            tx.statements.append(SignUpRows.delete(r.id))
        }
        if occurrences == nil { tx.statements.append(SignUpRows.putOptions(item.id, nil)) }
    }

    /// Keeps the sign-ups of an edited activity with their occurrences: moved along when the
    /// activity's time moved (and told the new time), dropped and told when their occurrence no
    /// longer exists.
    func followEdit(from old: AgendaItem, to new: AgendaItem, in tx: inout Transaction) throws {
        let shift = new.start.timeIntervalSince(old.start)
        let rows = try SignUpRows.rows(db, where: "activity = ?1 AND occurrence > ?2", old.id.rawValue, tx.now.timeIntervalSince1970)
        for var r in rows {
            let moved = r.occurrence.addingTimeInterval(shift)
            guard Self.isOccurrence(moved, of: new) else {
                try tell(.activityCancelled, r, item: new, in: &tx)
                tx.statements.append(SignUpRows.delete(r.id))
                continue
            }
            guard shift != 0 || old.location != new.location else { continue }
            r.occurrence = moved
            r.reminded = nil
            tx.statements.append(SignUpRows.put(r))
            try tell(.activityChanged, r, item: new, in: &tx)
        }
    }

    /// Keeps the sign-ups of one occurrence with it when it was cancelled, moved or put back as
    /// planned: from `old` (its start before; nil: it was cancelled) to `new` (nil: cancelled
    /// now). Moved, they follow and are told the new time; cancelled, they are told and go.
    func followOccurrence(from old: Date?, to new: Date?, of item: AgendaItem, in tx: inout Transaction) throws {
        guard let old, old != new, old > tx.now else { return }
        for var r in try SignUpRows.rows(db, where: "activity = ?1 AND occurrence = ?2", item.id.rawValue, old.timeIntervalSince1970) {
            guard let new, new > tx.now else {
                try tell(.activityCancelled, r, item: item, in: &tx)
                tx.statements.append(SignUpRows.delete(r.id))
                continue
            }
            r.occurrence = new
            r.reminded = nil
            tx.statements.append(SignUpRows.put(r))
            try tell(.activityChanged, r, item: item, in: &tx)
        }
    }

    /// True when an occurrence of `item` starts exactly at `date`.
    static func isOccurrence(_ date: Date, of item: AgendaItem) -> Bool {
        RecurrenceExpansion.occurrences(of: item, from: date.addingTimeInterval(-1), to: date.addingTimeInterval(1), calendar: LocalTime.calendar)
            .contains { $0.start == date }
    }
}
