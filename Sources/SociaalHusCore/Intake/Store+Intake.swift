import Foundation

/// The account a staff member may link an intake to after confirming the match.
public struct AccountMatch: Sendable, Hashable {
    /// The account.
    public var id: AccountID
    /// The account holder's name.
    public var name: String
    /// Their wijk.
    public var wijk: WijkID
}

/// One run of the desk's list (today's and open conversations) or of a search in it, and the
/// conversations it has shown so far. Each conversation a run shows is logged once as seen in a
/// list; showing the same run again (coming back to it, a live refresh) logs only what is new
/// to it, and a new search is a new run.
public struct IntakeListing: Sendable, Hashable {
    /// The search text, trimmed; empty for today's and open conversations.
    public let query: String
    /// The conversations this run has shown, each logged once (set by the core only).
    public internal(set) var shown: Set<IntakeID> = []

    /// A new run: `query` searches every conversation by name, postcode or e-mail address; an
    /// empty one lists today's and open conversations.
    public init(query: String = "") {
        self.query = query.trimmingCharacters(in: .whitespaces)
    }

    /// True for a search rather than the day's list.
    public var isSearch: Bool { !query.isEmpty }

    /// The conversations this run shows in `state` at `now`, most recently changed first.
    func rows(in state: StoreState, now: Date) -> [Intake] {
        let q = query.lowercased()
        let rows: [Intake]
        if q.isEmpty {
            let cal = amsterdamCalendar()
            rows = state.intakes.all.filter { $0.status != .afgesloten || cal.isDate($0.created, inSameDayAs: now) }
        } else {
            let compactQ = q.filter { !$0.isWhitespace }
            rows = state.intakes.all.filter { i in
                let p = i.person
                return p.name.lowercased().contains(q) || p.email.contains(q)
                    || (!compactQ.isEmpty && p.postcode.lowercased().filter { !$0.isWhitespace }.contains(compactQ))
            }
        }
        return rows.sorted { ($0.changed, $0.id) > ($1.changed, $1.id) }
    }
}

extension Store {
    // MARK: Reading
    //
    // Every way the desk sees a person's conversation is logged for that person, naming the
    // staff member: opening it and the history (`intake-opened`), a row of the list
    // or of a search and the count before erasing (`intake-listed`), and the account a typed
    // e-mail address belongs to (`account-looked-up`).

    /// The conversations of one run of the desk's list or of a search (`listing`), most recently
    /// changed first, after the retention rule erased what is past its term (`IntakeRetention`);
    /// changed first; desk staff and administrators only. Each conversation shown that the run
    /// had not shown before is logged as seen in a list by `viewer`, all in one change (none when
    /// nothing is new, so reading the same run again writes nothing).
    func listIntakes(_ listing: inout IntakeListing, by viewer: Viewer) throws -> [Intake] {
        try Permissions.require(.handleIntakes, by: viewer)
        try refresh()
        try Self.confirm(viewer, in: state)
        let run = listing, seen = listing.shown
        var rows = run.rows(in: state, now: clock.now())
        if IntakeRetention.hasExpired(in: state, now: clock.now()) || rows.contains(where: { !seen.contains($0.id) }) {
            rows = try update(actor: viewer) { tx in
                _ = IntakeRetention.apply(in: &tx)
                let rows = run.rows(in: tx.state, now: tx.now)
                for i in rows where !seen.contains(i.id) {
                    tx.audit(.intakeListed, actor: viewer.account?.id, subject: i.person.account, target: "intake:\(i.id)")
                }
                return rows
            }
        }
        listing.shown.formUnion(rows.map(\.id))
        return rows
    }

    /// Opens one intake record and logs that `viewer` opened it.
    func openIntake(_ id: IntakeID, by viewer: Viewer) throws -> Intake {
        try Permissions.require(.handleIntakes, by: viewer)
        return try update(actor: viewer) { tx in
            let intake = try Self.intake(id, in: tx.state)
            tx.audit(.intakeOpened, actor: viewer.account?.id, subject: intake.person.account, target: "intake:\(id)")
            return intake
        }
    }

    /// Every intake of the person of `id` (by reference: `samePerson`), oldest first, with the disclosures made from them; each intake shown is logged
    /// as opened.
    func personHistory(of id: IntakeID, by viewer: Viewer) throws -> (intakes: [Intake], disclosures: [Disclosure]) {
        try Permissions.require(.handleIntakes, by: viewer)
        return try update(actor: viewer) { tx in
            let intakes = try Self.samePerson(as: id, in: tx.state)
            for i in intakes { tx.audit(.intakeOpened, actor: viewer.account?.id, subject: i.person.account, target: "intake:\(i.id)") }
            let ids = Set(intakes.map(\.id))
            let disclosures = tx.state.disclosures.all.filter { ids.contains($0.intake) }.sorted { $0.id < $1.id }
            return (intakes, disclosures)
        }
    }

    /// How many conversations erasing the person of `id` would erase. The number tells the desk
    /// that each of them exists, so each is logged as seen in a list, in one change.
    func intakeCountOfPerson(of id: IntakeID, by viewer: Viewer) throws -> Int {
        try Permissions.require(.handleIntakes, by: viewer)
        return try update(actor: viewer) { tx in
            let intakes = try Self.samePerson(as: id, in: tx.state)
            for i in intakes { tx.audit(.intakeListed, actor: viewer.account?.id, subject: i.person.account, target: "intake:\(i.id)") }
            return intakes.count
        }
    }

    /// The account registered with `email`, for the staff member to confirm as the person's own.
    /// Showing it is logged for the account holder, unless it is `shown`, the match the form
    /// already shows (looking the same address up again as focus moves writes nothing).
    func accountMatch(email: String, shown: AccountMatch? = nil, by viewer: Viewer) throws -> AccountMatch? {
        try Permissions.require(.handleIntakes, by: viewer)
        guard let normal = try? EmailAddress.normalise(email) else { return nil }
        try refresh()
        try Self.confirm(viewer, in: state)
        func match(in s: StoreState) -> AccountMatch? {
            s.account(email: normal).map { AccountMatch(id: $0.id, name: $0.name, wijk: $0.profile.wijk) }
        }
        guard let found = match(in: state) else { return nil }
        if found == shown { return found }
        return try update(actor: viewer) { tx in
            guard let m = match(in: tx.state) else { return nil }
            tx.audit(.accountLookedUp, actor: viewer.account?.id, subject: m.id, target: "account:\(m.id)")
            return m
        }
    }

    // MARK: Recording

    /// Records a new conversation and discards the staff member's draft. A link to an account
    /// (`input.account`) needs `consent` for exactly that account, and is logged for its holder.
    @discardableResult
    func createIntake(_ input: IntakeInput, consent: LinkConsent? = nil, by viewer: Viewer) throws -> Intake {
        try Permissions.require(.handleIntakes, by: viewer)
        guard let staff = viewer.activeAccount?.id else { throw CoreError.notPermitted(.notLoggedIn) }
        return try update(actor: viewer) { tx in
            let (person, question, notes) = try Self.validate(input, in: tx.state)
            try Self.checkLink(person.account, was: nil, consent: consent)
            let id: IntakeID = tx.nextID(.intakes)
            let intake = Intake(id: id, person: person, category: input.category, question: question, notes: notes, status: .open,
                                staff: staff, created: tx.now, changed: tx.now, closed: nil, referrals: [])
            tx.put(intake)
            if let d = tx.state.drafts[staff.rawValue] { tx.remove(d) }
            tx.audit(.intakeCreated, actor: staff, subject: person.account, target: "intake:\(id)")
            Self.auditLink(from: nil, to: person.account, of: id, actor: staff, in: &tx)
            return intake
        }
    }

    /// Changes what was recorded, and discards the staff member's draft. A new link to an
    /// account needs `consent` for exactly that account; linking and unlinking are logged for
    /// the account holder concerned.
    @discardableResult
    func updateIntake(_ id: IntakeID, _ input: IntakeInput, consent: LinkConsent? = nil, by viewer: Viewer) throws -> Intake {
        try Permissions.require(.handleIntakes, by: viewer)
        return try update(actor: viewer) { tx in
            var intake = try Self.intake(id, in: tx.state)
            let (person, question, notes) = try Self.validate(input, in: tx.state)
            let linkedBefore = intake.person.account
            try Self.checkLink(person.account, was: linkedBefore, consent: consent)
            intake.person = person
            intake.category = input.category
            intake.question = question
            intake.notes = notes
            intake.changed = tx.now
            tx.put(intake)
            // Disclosures name the account they concern; a changed link moves them along.
            for d in Array(tx.state.disclosures.all) where d.intake == id && d.account != person.account {
                var e = d
                e.account = person.account
                tx.put(e)
            }
            if let staff = viewer.activeAccount?.id, let d = tx.state.drafts[staff.rawValue] { tx.remove(d) }
            tx.audit(.intakeChanged, actor: viewer.account?.id, subject: person.account, target: "intake:\(id)")
            Self.auditLink(from: linkedBefore, to: person.account, of: id, actor: viewer.account?.id, in: &tx)
            return intake
        }
    }

    /// Closes or reopens a conversation; closing starts the retention period.
    @discardableResult
    func setIntakeStatus(_ id: IntakeID, _ status: IntakeStatus, by viewer: Viewer) throws -> Intake {
        try Permissions.require(.handleIntakes, by: viewer)
        return try update(actor: viewer) { tx in
            var intake = try Self.intake(id, in: tx.state)
            intake.status = status
            intake.closed = status == .afgesloten ? tx.now : nil
            intake.changed = tx.now
            tx.put(intake)
            tx.audit(.intakeChanged, actor: viewer.account?.id, subject: intake.person.account, target: "intake:\(id)")
            return intake
        }
    }

    /// Refers the person to an organisation: passes exactly the planned fields, writes the
    /// disclosure entry and queues the referral message. Refused unless `told` is the exact
    /// notice sentence for this plan (in Dutch or English).
    @discardableResult
    func refer(_ id: IntakeID, plan: ReferralPlan, told: ResidentTold?, by viewer: Viewer) throws -> Referral {
        try Permissions.require(.handleIntakes, by: viewer)
        guard let staff = viewer.activeAccount else { throw CoreError.notPermitted(.notLoggedIn) }
        return try update(actor: viewer) { tx in
            var intake = try Self.intake(id, in: tx.state)
            guard intake.status != .afgesloten else { throw CoreError.intakeAlreadyClosed }
            guard let org = tx.state.organisations[plan.organisation.rawValue] else {
                throw CoreError.unknownOrganisation(String(plan.organisation.rawValue))
            }
            guard !plan.fields.isEmpty else { throw CoreError.referralNeedsFields }
            if let empty = plan.fields.first(where: { $0.value(in: intake).isEmpty }) { throw CoreError.referralFieldEmpty(empty) }
            let purpose = try validated(plan.purpose, .purpose)
            let said = Language.allCases.map {
                ReferralNotice.sentence(fields: plan.fields, organisationName: org.name, purpose: purpose, lang: $0)
            }
            guard let told, said.contains(told.sentence) else { throw CoreError.residentNotTold }

            let disclosureID: DisclosureID = tx.nextID(.disclosures)
            tx.put(Disclosure(id: disclosureID, intake: id, account: intake.person.account, organisation: org.id,
                              organisationName: org.name, fields: plan.fields, purpose: purpose, at: tx.now,
                              staff: staff.id, staffName: staff.name))
            let message = ReferralMessage.compose(intake, fields: plan.fields, organisationName: org.name, purpose: purpose, staffName: staff.name)
            let accounts = intake.person.account.map { [$0] } ?? []
            let queued: OutboxMessage
            if EmailAddress.isValid(org.email) {
                queued = try tx.queueMail(MailMessage(to: org.email, subject: message.subject, body: message.body),
                                          kind: .referral, accounts: accounts, organisation: org.id, intake: id)
            } else {
                // No address to send to: the message waits, visible in the outbox, until the directory entry has one.
                queued = OutboxMessage(id: tx.nextID(.outbox), kind: .referral, organisation: org.id, accounts: accounts, to: org.email,
                                       subject: message.subject, body: message.body, created: tx.now, intake: id, status: .noAddress)
                tx.put(queued)
            }
            let messageID = queued.id
            let referral = Referral(organisation: org.id, organisationName: org.name, fields: plan.fields, purpose: purpose, at: tx.now,
                                    staff: staff.id, staffName: staff.name, toldSentence: told.sentence,
                                    disclosure: disclosureID, message: messageID)
            intake.referrals.append(referral)
            intake.status = .doorverwezen
            intake.changed = tx.now
            tx.put(intake)
            tx.audit(.intakeReferred, actor: staff.id, subject: intake.person.account, target: "intake:\(id)")
            return referral
        }
    }

    // MARK: Erasing

    /// Erases every intake of the person of `id` (on their request), with its disclosures and
    /// queued messages; returns how many conversations were erased.
    @discardableResult
    func eraseIntakes(ofPersonIn id: IntakeID, by viewer: Viewer) throws -> Int {
        defer { removeMigratedShardFiles() }
        try Permissions.require(.handleIntakes, by: viewer)
        return try update(actor: viewer) { tx in
            let victims = try Self.samePerson(as: id, in: tx.state)
            for intake in victims { Self.eraseIntake(intake, actor: viewer.account?.id, in: &tx) }
            return victims.count
        }
    }

    /// Erases closed intakes past the retention period and drafts untouched for 30 days (see
    /// `IntakeRetention`); returns how many intakes were erased.
    @discardableResult
    func eraseExpiredIntakes() throws -> Int {
        try refresh()
        guard IntakeRetention.hasExpired(in: state, now: clock.now()) else { return 0 }
        return try update { tx in IntakeRetention.apply(in: &tx) }
    }

    /// Sets how many months closed intakes are kept; administrators only.
    /// The new period applies at once, in the same change: returns how many conversations it erased.
    @discardableResult
    func setIntakeRetention(months: Int, by viewer: Viewer) throws -> Int {
        try Permissions.require(.administerPlatform, by: viewer)
        let range = PlatformSettings.retentionRange
        guard range.contains(months) else { throw CoreError.invalidRetention(minimum: range.lowerBound, maximum: range.upperBound) }
        return try changeSettings("intake-retention", by: viewer, { $0.intakeRetentionMonths = months }, then: { IntakeRetention.apply(in: &$0) })
    }

    /// Removes one intake with everything that copies its data.
    static func eraseIntake(_ intake: Intake, actor: AccountID?, in tx: inout Transaction) {
        tx.remove(intake)
        for d in Array(tx.state.disclosures.all) where d.intake == intake.id { tx.remove(d) }
        for m in Array(tx.state.outbox.all) where m.intake == intake.id { tx.removeMail(m) }
        for d in Array(tx.state.drafts.all) where d.editing == intake.id { tx.remove(d) }
        tx.audit(.intakeErased, actor: actor, subject: intake.person.account, target: "intake:\(intake.id)")
    }

    // MARK: Drafts

    /// Keeps what the staff member typed so far (nothing is validated yet).
    func saveIntakeDraft(_ input: IntakeInput, editing: IntakeID?, by viewer: Viewer) throws {
        try Permissions.require(.handleIntakes, by: viewer)
        guard let staff = viewer.activeAccount?.id else { throw CoreError.notPermitted(.notLoggedIn) }
        try update(actor: viewer) { tx in
            let draft = IntakeDraft(staff: staff, editing: editing, input: input, saved: tx.now)
            if tx.state.drafts[staff.rawValue].map({ $0.editing == editing && $0.input == input }) ?? false { return }
            tx.put(draft)
        }
    }

    /// The staff member's unsaved form, if any.
    public func intakeDraft(by viewer: Viewer) throws -> IntakeDraft? {
        try Permissions.require(.handleIntakes, by: viewer)
        guard let staff = viewer.activeAccount?.id else { return nil }
        try refresh()
        try Self.confirm(viewer, in: state)
        return state.drafts[staff.rawValue]
    }

    /// Throws the staff member's unsaved form away.
    func discardIntakeDraft(by viewer: Viewer) throws {
        try Permissions.require(.handleIntakes, by: viewer)
        guard let staff = viewer.activeAccount?.id else { return }
        try update(actor: viewer) { tx in
            if let d = tx.state.drafts[staff.rawValue] { tx.remove(d) }
        }
    }

    // MARK: Helpers

    /// The desk links a conversation to an account only explicitly: a link that is
    /// new (none before, or another account) needs the resident's agreement for exactly that
    /// account. Nothing links by a matching phone number, name or address.
    static func checkLink(_ account: AccountID?, was before: AccountID?, consent: LinkConsent?) throws {
        guard let account, account != before else { return }
        guard consent?.account == account else { throw CoreError.linkNotAgreed }
    }

    /// Logs a changed link: "unlinked" for the account it left, "linked" for the one it joined.
    static func auditLink(from before: AccountID?, to after: AccountID?, of id: IntakeID, actor: AccountID?, in tx: inout Transaction) {
        guard before != after else { return }
        if let before { tx.audit(.intakeUnlinked, actor: actor, subject: before, target: "intake:\(id)") }
        if let after { tx.audit(.intakeLinked, actor: actor, subject: after, target: "intake:\(id)") }
    }

    /// The intakes of the same person as `id`, oldest first.
    /// The conversations of the person of `id`, by reference: those linked to the same account
    /// (the desk links one only explicitly, with the resident's agreement), or this one alone when
    /// it is linked to none. Never by a matching phone number, address, e-mail or name: that took a
    /// stranger's conversation into another's history and erasure.
    static func samePerson(as id: IntakeID, in state: StoreState) throws -> [Intake] {
        let i = try intake(id, in: state)
        guard let account = i.person.account else { return [i] }
        return state.intakes.all.filter { $0.person.account == account }.sorted { $0.id < $1.id }
    }

    static func intake(_ id: IntakeID, in state: StoreState) throws -> Intake {
        guard let i = state.intakes[id.rawValue] else { throw CoreError.notFound(what: "intake \(id)") }
        return i
    }

    /// Checks the form in the order it is filled in (question first) and normalises it.
    static func validate(_ input: IntakeInput, in state: StoreState) throws -> (IntakePerson, String, String) {
        let question = try validated(input.question, .question)
        let notes = try validated(input.notes, .notes, required: false)
        let name = try validated(input.name, .name, required: false)
        let phoneText = try validated(input.phone, .phone, required: false)
        let phone = phoneText.isEmpty ? "" : try PhoneNumber.normalise(phoneText)
        let emailText = try validated(input.email, .email, required: false)
        let email = emailText.isEmpty ? "" : try EmailAddress.normalise(emailText)
        let address = try validated(input.address, .address, required: false)
        let postcodeText = try validated(input.postcode, .postcode, required: false)
        let postcode = postcodeText.isEmpty ? "" : try Postcode.normalise(postcodeText)
        let place = try validated(input.place, .place, required: false)
        guard !phone.isEmpty || !email.isEmpty || (!address.isEmpty && !postcode.isEmpty) else { throw CoreError.intakeNeedsContact }
        if let w = input.wijk, state.wijk(w) == nil { throw CoreError.unknownWijk(String(w.rawValue)) }
        var wijk = input.wijk
        if let a = input.account {
            // A link is only kept when the account really has this e-mail address.
            guard let account = state.accounts[a.rawValue], !email.isEmpty, account.email == email else { throw CoreError.accountMatchMismatch }
            wijk = wijk ?? account.profile.wijk
        }
        let person = IntakePerson(name: name, address: address, postcode: postcode, place: place, phone: phone, email: email,
                                  wijk: wijk, account: input.account)
        return (person, question, notes)
    }
}
