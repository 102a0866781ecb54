import Foundation

// Frozen: the binary layout of every record as schemas 1 to 8 and the shard files of formats 1
// to 3 kept it, field by field (`r.format` is the format of the file being read). Used only to
// read an old store once, when it moves into the typed tables of schema 9; never written to a
// store again. Do not change it: a new field goes in a row (`Store/SQLite/*Rows.swift`).

extension BinaryWriter {
    mutating func id<E>(_ id: ID<E>) { int(id.rawValue) }
    mutating func ids<E>(_ ids: [ID<E>]) { array(ids) { $0.id($1) } }
    mutating func strings(_ s: [String]) { array(s) { $0.string($1) } }
    mutating func optionalString(_ s: String?) { optional(s) { $0.string($1) } }
}

extension BinaryReader {
    mutating func id<E>() throws -> ID<E> { ID(try int()) }
    mutating func ids<E>() throws -> [ID<E>] { try array { try $0.id() } }
    mutating func strings() throws -> [String] { try array { try $0.string() } }
    mutating func optionalString() throws -> String? { try optional { try $0.string() } }
}

extension Account: BinaryRecord {
    public func write(to w: inout BinaryWriter) {
        w.id(id); w.string(email); w.string(name); w.string(passwordHash)
        w.bool(roles.resident); w.ids(roles.editorOf); w.bool(roles.deskStaff); w.ids(roles.partnerOf); w.bool(roles.administrator)
        w.bool(blocked); w.optionalString(blockedReason); w.date(created)
        w.string(profile.displayName); w.id(profile.wijk); w.optionalString(profile.photo); w.string(profile.visibility.rawValue)
        w.strings(profile.interests)
        w.bool(profile.email.visitorMessages); w.bool(profile.email.wijkNotifications)
        w.bool(profile.email.newsletters); w.bool(profile.email.announcements)
        w.optionalString(profile.phone); w.optionalString(profile.address)
        w.int(throttle.consecutiveFailures); w.optional(throttle.lastFailure) { $0.date($1) }; w.array(throttle.recentFailures) { $0.date($1) }
        w.bool(profile.digest != .immediately)
        w.array(pendingDigest) { w, l in w.string(l.text); w.optional(l.author) { $0.id($1) } }
    }

    public init(from r: inout BinaryReader) throws {
        id = try r.id(); email = try r.string(); name = try r.string(); passwordHash = try r.string()
        roles = Roles(resident: try r.bool(), editorOf: try r.ids(), deskStaff: try r.bool(), partnerOf: try r.ids(), administrator: try r.bool())
        blocked = try r.bool(); blockedReason = try r.optionalString(); created = try r.date()
        profile = Profile(displayName: try r.string(), wijk: try r.id(), photo: try r.optionalString(),
                          visibility: try r.raw(ProfileVisibility.self), interests: try r.strings(),
                          email: EmailPreferences(visitorMessages: try r.bool(), wijkNotifications: try r.bool(),
                                                  newsletters: try r.bool(), announcements: try r.bool()),
                          phone: try r.optionalString(), address: try r.optionalString())
        throttle = LoginThrottleState(consecutiveFailures: try r.int(), lastFailure: try r.optional { try $0.date() },
                                      recentFailures: try r.array { try $0.date() })
        if r.format >= 2 {
            profile.digest = try r.bool() ? .daily : .immediately
            pendingDigest = r.format >= 3 ? try r.array { DigestLine(text: try $0.string(), author: try $0.optional { try $0.id() }) }
                                           : try r.strings().map { DigestLine(text: $0, author: nil) }
        }
    }
}

extension Organisation: BinaryRecord {
    public func write(to w: inout BinaryWriter) {
        w.id(id); w.string(name); w.string(description); w.strings(categories); w.ids(wijken)
        w.string(address); w.string(phone); w.string(email); w.string(website); w.string(openingHours)
        w.optional(createdBy) { $0.id($1) }
    }

    public init(from r: inout BinaryReader) throws {
        self.init(id: try r.id(), name: try r.string(), description: try r.string(), categories: try r.strings(), wijken: try r.ids(),
                  address: try r.string(), phone: try r.string(), email: try r.string(), website: try r.string(),
                  openingHours: try r.string(), createdBy: try r.optional { try $0.id() })
    }
}

extension AgendaItem: BinaryRecord {
    public func write(to w: inout BinaryWriter) {
        w.id(id); w.string(title); w.string(description); w.date(start); w.optional(end) { $0.date($1) }; w.bool(allDay)
        w.string(location); w.optional(wijk) { $0.id($1) }; w.id(organisation); w.string(category); w.string(cost); w.string(signup)
        w.string((recurrence.pattern ?? .weekly).rawValue); w.optional(recurrence.until) { $0.date($1) }; w.optional(createdBy) { $0.id($1) }
        w.optionalString(hiddenReason)
    }

    public init(from r: inout BinaryReader) throws {
        self.init(id: try r.id(), title: try r.string(), description: try r.string(), start: try r.date(),
                  end: try r.optional { try $0.date() }, allDay: try r.bool(), location: try r.string(),
                  wijk: try r.optional { try $0.id() }, organisation: try r.id(), category: try r.string(),
                  cost: try r.string(), signup: try r.string(),
                  recurrence: Recurrence(try r.raw(Recurrence.Frequency.self), until: try r.optional { try $0.date() }),
                  createdBy: try r.optional { try $0.id() })
        if r.format >= 2 { hiddenReason = try r.optionalString() }
    }
}

extension Post: BinaryRecord {
    public func write(to w: inout BinaryWriter) {
        w.id(id); w.string(kind.rawValue); w.string(title); w.string(body); w.id(wijk)
        switch author {
        case .resident(let a): w.uint(0); w.id(a)
        case .organisation(let o, let by): w.uint(1); w.id(o); w.optional(by) { $0.id($1) }
        }
        w.bool(show.name); w.bool(show.email); w.bool(show.phone); w.bool(show.address)
        w.date(created); w.date(expires)
        w.optionalString(hiddenReason)
    }

    public init(from r: inout BinaryReader) throws {
        id = try r.id(); kind = try r.raw(Kind.self); title = try r.string(); body = try r.string(); wijk = try r.id()
        let at = r.offset
        switch try r.uint() {
        case 0: author = .resident(try r.id())
        case 1: author = .organisation(try r.id(), by: try r.optional { try $0.id() })
        default: throw BinaryReader.Damage(offset: at, expected: "author")
        }
        show = ContactChoice(name: try r.bool(), email: try r.bool(), phone: try r.bool(), address: try r.bool())
        created = try r.date(); expires = try r.date()
        if r.format >= 2 { hiddenReason = try r.optionalString() }
    }
}

extension ContactMessage: BinaryRecord {
    public func write(to w: inout BinaryWriter) {
        w.id(id); w.string(senderName); w.string(senderEmail); w.optional(senderAccount) { $0.id($1) }
        switch recipient {
        case .resident(let a): w.uint(0); w.id(a)
        case .organisation(let o): w.uint(1); w.id(o)
        case .address(let a): w.uint(2); w.string(a)
        }
        w.string(text); w.date(sent)
        w.bool(read); w.bool(hiddenForSender); w.bool(hiddenForRecipient); w.optional(inReplyTo) { $0.id($1) }
        w.optional(aboutReport) { $0.string($1.rawValue) }
    }

    public init(from r: inout BinaryReader) throws {
        id = try r.id(); senderName = try r.string(); senderEmail = try r.string(); senderAccount = try r.optional { try $0.id() }
        let at = r.offset
        switch try r.uint() {
        case 0: recipient = .resident(try r.id())
        case 1: recipient = .organisation(try r.id())
        case 2: recipient = .address(try r.string())
        default: throw BinaryReader.Damage(offset: at, expected: "recipient")
        }
        text = try r.string(); sent = try r.date()
        if r.format >= 2 {
            read = try r.bool(); hiddenForSender = try r.bool(); hiddenForRecipient = try r.bool(); inReplyTo = try r.optional { try $0.id() }
        }
        if r.format >= 3 {
            let at = r.offset
            if let code = try r.optional({ try $0.string() }) {
                guard let reason = ReportReason(rawValue: code) else { throw BinaryReader.Damage(offset: at, expected: "report reason") }
                aboutReport = reason
            }
        }
    }
}

extension AuditEvent: BinaryRecord {
    public func write(to w: inout BinaryWriter) {
        w.id(id); w.optional(actor) { $0.id($1) }; w.string(action.rawValue); w.optional(subject) { $0.id($1) }
        w.optionalString(target); w.date(at)
    }

    public init(from r: inout BinaryReader) throws {
        self.init(id: try r.id(), actor: try r.optional { try $0.id() }, action: try r.raw(Action.self),
                  subject: try r.optional { try $0.id() }, target: try r.optionalString(), at: try r.date())
    }
}

extension SettingsRecord: BinaryRecord {
    public func write(to w: inout BinaryWriter) {
        w.array(settings.wijken) { w, wijk in w.id(wijk.id); w.string(wijk.name) }
        w.bool(settings.isPrivate); w.bool(settings.registrationOpen)
        w.int(settings.intakeRetentionMonths); w.strings(settings.mailCommand); w.string(settings.mailFrom)
        w.array(settings.feedApprovals) { w, a in
            w.int(a.id); w.id(a.wijk); w.string(a.thirdParty); w.id(a.approvedBy); w.string(a.approvedByName); w.date(a.approved)
            w.optional(a.withdrawn) { $0.date($1) }; w.optional(a.withdrawnBy) { $0.id($1) }
        }
        w.strings(settings.privacyStatement)
        // Format 3. (Older builds wrote these under format 2; a reader still tells such a
        // file by its ending, as the settings file holds only this record.)
        w.string(settings.throttleKey)
        w.array(settings.loginFailures.sorted { $0.key < $1.key }) { w, f in
            w.string(f.key); w.int(f.value.consecutiveFailures); w.optional(f.value.lastFailure) { $0.date($1) }
            w.array(f.value.recentFailures) { $0.date($1) }
        }
    }

    public init(from r: inout BinaryReader) throws {
        let wijken = try r.array { r in Wijk(id: try r.id(), name: try r.string()) }
        settings = PlatformSettings(wijken: wijken, isPrivate: try r.bool(), registrationOpen: try r.bool())
        if r.format >= 2 {
            settings.intakeRetentionMonths = try r.int()
            settings.mailCommand = try r.strings()
            settings.mailFrom = try r.string()
            settings.feedApprovals = try r.array { r in
                FeedApproval(id: try r.int(), wijk: try r.id(), thirdParty: try r.string(), approvedBy: try r.id(),
                             approvedByName: try r.string(), approved: try r.date(), withdrawn: try r.optional { try $0.date() },
                             withdrawnBy: try r.optional { try $0.id() })
            }
            settings.privacyStatement = try r.strings()
            if r.format >= 3 || !r.atEnd {
                settings.throttleKey = try r.string()
                let failures = try r.array { r in
                    (try r.string(), LoginThrottleState(consecutiveFailures: try r.int(), lastFailure: try r.optional { try $0.date() },
                                                        recentFailures: try r.array { try $0.date() }))
                }
                settings.loginFailures = Dictionary(failures, uniquingKeysWith: { $1 })
            }
        }
    }
}

extension BinaryWriter {
    mutating func person(_ p: IntakePerson) {
        string(p.name); string(p.address); string(p.postcode); string(p.place); string(p.phone); string(p.email)
        optional(p.wijk) { $0.id($1) }; optional(p.account) { $0.id($1) }
    }
    mutating func fields(_ f: [IntakeField]) { array(f) { $0.string($1.rawValue) } }
}

extension BinaryReader {
    mutating func person() throws -> IntakePerson {
        IntakePerson(name: try string(), address: try string(), postcode: try string(), place: try string(), phone: try string(),
                     email: try string(), wijk: try optional { try $0.id() }, account: try optional { try $0.id() })
    }
    mutating func fields() throws -> [IntakeField] { try array { try $0.raw(IntakeField.self) } }
}

extension Intake: BinaryRecord {
    public func write(to w: inout BinaryWriter) {
        w.id(id); w.person(person); w.string(category.rawValue); w.string(question); w.string(notes); w.string(status.rawValue)
        w.id(staff); w.date(created); w.date(changed); w.optional(closed) { $0.date($1) }
        w.array(referrals) { w, r in
            w.id(r.organisation); w.string(r.organisationName); w.fields(r.fields); w.string(r.purpose); w.date(r.at)
            w.id(r.staff); w.string(r.staffName); w.string(r.toldSentence); w.id(r.disclosure); w.id(r.message)
        }
    }

    public init(from r: inout BinaryReader) throws {
        self.init(id: try r.id(), person: try r.person(), category: try r.raw(IntakeCategory.self), question: try r.string(),
                  notes: try r.string(), status: try r.raw(IntakeStatus.self), staff: try r.id(), created: try r.date(),
                  changed: try r.date(), closed: try r.optional { try $0.date() },
                  referrals: try r.array { r in
                      Referral(organisation: try r.id(), organisationName: try r.string(), fields: try r.fields(), purpose: try r.string(),
                               at: try r.date(), staff: try r.id(), staffName: try r.string(), toldSentence: try r.string(),
                               disclosure: try r.id(), message: try r.id())
                  })
    }
}

extension Disclosure: BinaryRecord {
    public func write(to w: inout BinaryWriter) {
        w.id(id); w.id(intake); w.optional(account) { $0.id($1) }; w.id(organisation); w.string(organisationName)
        w.fields(fields); w.string(purpose); w.date(at); w.id(staff); w.string(staffName)
    }

    public init(from r: inout BinaryReader) throws {
        self.init(id: try r.id(), intake: try r.id(), account: try r.optional { try $0.id() }, organisation: try r.id(),
                  organisationName: try r.string(), fields: try r.fields(), purpose: try r.string(), at: try r.date(),
                  staff: try r.id(), staffName: try r.string())
    }
}

extension OutboxMessage: BinaryRecord {
    public func write(to w: inout BinaryWriter) {
        w.id(id); w.string(kind.rawValue); w.optional(organisation) { $0.id($1) }; w.ids(accounts); w.string(to)
        w.string(subject); w.string(body); w.date(created); w.optional(intake) { $0.id($1) }; w.string(status.rawValue)
        w.optionalString(file); w.int(attempts); w.optionalString(lastError)
    }

    public init(from r: inout BinaryReader) throws {
        self.init(id: try r.id(), kind: try r.raw(Kind.self), organisation: try r.optional { try $0.id() }, accounts: try r.ids(),
                  to: try r.string(), subject: try r.string(), body: try r.string(), created: try r.date(),
                  intake: try r.optional { try $0.id() }, status: try r.raw(Status.self), file: try r.optionalString(),
                  attempts: try r.int(), lastError: try r.optionalString())
    }
}

extension Report: BinaryRecord {
    public func write(to w: inout BinaryWriter) {
        w.id(id); w.string(kind.rawValue)
        switch target {
        case .post(let i): w.uint(0); w.id(i)
        case .agendaItem(let i): w.uint(1); w.id(i)
        case .profile(let i): w.uint(2); w.id(i)
        case .message(let i): w.uint(3); w.id(i)
        }
        w.string(reason.rawValue); w.string(explanation); w.string(reporterName); w.string(reporterEmail)
        w.optional(reporterAccount) { $0.id($1) }; w.optional(wijk) { $0.id($1) }; w.date(created); w.string(status.rawValue)
        w.optional(handledBy) { $0.id($1) }; w.optional(handled) { $0.date($1) }
    }

    public init(from r: inout BinaryReader) throws {
        id = try r.id(); kind = try r.raw(Kind.self)
        let at = r.offset
        switch try r.uint() {
        case 0: target = .post(try r.id())
        case 1: target = .agendaItem(try r.id())
        case 2: target = .profile(try r.id())
        case 3: target = .message(try r.id())
        default: throw BinaryReader.Damage(offset: at, expected: "report target")
        }
        reason = try r.raw(ReportReason.self); explanation = try r.string(); reporterName = try r.string(); reporterEmail = try r.string()
        reporterAccount = try r.optional { try $0.id() }; wijk = try r.optional { try $0.id() }; created = try r.date()
        status = try r.raw(Status.self); handledBy = try r.optional { try $0.id() }; handled = try r.optional { try $0.date() }
    }
}

extension IntakeDraft: BinaryRecord {
    public func write(to w: inout BinaryWriter) {
        w.id(staff); w.optional(editing) { $0.id($1) }; w.date(saved)
        let i = input
        w.string(i.category.rawValue); w.string(i.question); w.string(i.notes); w.string(i.name); w.string(i.phone); w.string(i.email)
        w.string(i.address); w.string(i.postcode); w.string(i.place); w.optional(i.wijk) { $0.id($1) }; w.optional(i.account) { $0.id($1) }
    }

    public init(from r: inout BinaryReader) throws {
        staff = try r.id(); editing = try r.optional { try $0.id() }; saved = try r.date()
        input = IntakeInput(category: try r.raw(IntakeCategory.self), question: try r.string(), notes: try r.string(), name: try r.string(),
                            phone: try r.string(), email: try r.string(), address: try r.string(), postcode: try r.string(),
                            place: try r.string(), wijk: try r.optional { try $0.id() }, account: try r.optional { try $0.id() })
    }
}
