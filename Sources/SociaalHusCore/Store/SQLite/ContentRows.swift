import Foundation

// Organisations, activities, posts, messages and reports as rows (schema 9), in the order of
// their tables (`Schema9`).

extension Organisation: RowRecord {
    static let columns = ["name", "description", "categories", "wijken", "address", "phone", "email", "website", "opening_hours", "created_by"]

    func write(to w: inout RowWriter) {
        w.id(id); w.text(name); w.text(description); w.list(categories); w.ids(wijken); w.text(address); w.text(phone); w.text(email)
        w.text(website); w.text(openingHours); w.id(createdBy)
    }

    init(from r: inout RowReader) throws {
        self.init(id: try r.id(), name: try r.text(), description: try r.text(), categories: try r.list(), wijken: try r.ids(),
                  address: try r.text(), phone: try r.text(), email: try r.text(), website: try r.text(), openingHours: try r.text(),
                  createdBy: try r.optionalID())
    }
}

extension AgendaItem: RowRecord {
    static let columns = ["title", "description", "start_at", "end_at", "all_day", "location", "wijk", "organisation", "category", "cost",
                          "signup", "frequency", "until", "created_by", "hidden_reason"]

    func write(to w: inout RowWriter) {
        w.id(id); w.text(title); w.text(description); w.date(start); w.date(end); w.bool(allDay); w.text(location); w.id(wijk)
        w.id(organisation); w.text(category); w.text(cost); w.text(signup)
        // A rule the old patterns cannot say keeps its nearest one here and the rest in `agenda_rule`.
        w.raw(recurrence.pattern ?? (recurrence.unit == .month ? .monthly : .weekly)); w.date(recurrence.until)
        w.id(createdBy); w.text(hiddenReason)
    }

    init(from r: inout RowReader) throws {
        self.init(id: try r.id(), title: try r.text(), description: try r.text(), start: try r.date(), end: try r.optionalDate(),
                  allDay: try r.bool(), location: try r.text(), wijk: try r.optionalID(), organisation: try r.id(), category: try r.text(),
                  cost: try r.text(), signup: try r.text(),
                  recurrence: Recurrence(try r.raw(Recurrence.Frequency.self), until: try r.optionalDate()), createdBy: try r.optionalID())
        hiddenReason = try r.optionalText()
    }

    // The parts of a rule the old patterns cannot say (at most one row), and single occurrences
    // cancelled or moved (schema "agenda-rules"): lists, so an activity of an old pattern keeps
    // its row and checksum as they were.
    static let childTables = [
        ChildTable(name: "agenda_rule", owner: "agenda", columns: ["unit", "interval", "week_of_month", "count"]),
        ChildTable(name: "agenda_change", owner: "agenda", columns: ["original", "new_start", "new_end"]),
    ]
    static var countedChildTables: Int { 0 }

    func childRows() -> [[[Cell]]] {
        var rule: [[Cell]] = []
        if recurrence.pattern == nil, let unit = recurrence.unit {
            var w = RowWriter()
            w.raw(unit); w.int(recurrence.interval); w.int(recurrence.weekOfMonth?.rawValue); w.int(recurrence.count)
            rule.append(w.cells)
        }
        let changes: [[Cell]] = recurrence.changes.sorted { $0.original < $1.original }.map { c in
            var w = RowWriter()
            w.date(c.original); w.date(c.moved?.start); w.date(c.moved?.end)
            return w.cells
        }
        return [rule, changes]
    }

    mutating func setChildRows(_ rows: [[[Cell]]], place: String) throws {
        guard rows.count == 2, rows[0].count <= 1 else { throw CoreError.storeCorrupt(file: place, problem: .unreadable(detail: "agenda_rule")) }
        if let cells = rows[0].first {
            var r = RowReader(cells, place: place)
            let unit = try r.raw(Recurrence.Unit.self), interval = try r.int(), week = try r.optionalInt(), count = try r.optionalInt()
            guard interval >= 1 else { throw r.damage("an interval of at least 1") }
            let weekOfMonth = try week.map { w in
                guard let k = Recurrence.WeekOfMonth(rawValue: w) else { throw r.damage("a week of the month") }
                return k
            }
            recurrence = Recurrence(unit: unit, interval: interval, weekOfMonth: weekOfMonth, until: recurrence.until, count: count)
        }
        recurrence.changes = try rows[1].map { cells in
            var r = RowReader(cells, place: place)
            let original = try r.date(), start = try r.optionalDate(), end = try r.optionalDate()
            return OccurrenceChange(original: original, moved: start.map { OccurrenceChange.Moved(start: $0, end: end) })
        }
    }
}

extension Post: RowRecord {
    static let columns = ["kind", "title", "body", "wijk", "author", "organisation", "show_name", "show_email", "show_phone", "show_address",
                          "created", "expires", "hidden_reason"]

    func write(to w: inout RowWriter) {
        w.id(id); w.raw(kind); w.text(title); w.text(body); w.id(wijk)
        switch author {
        case .resident(let a): w.id(a); w.null()
        case .organisation(let o, let by): w.id(by); w.id(o)
        }
        w.bool(show.name); w.bool(show.email); w.bool(show.phone); w.bool(show.address)
        w.date(created); w.date(expires); w.text(hiddenReason)
    }

    init(from r: inout RowReader) throws {
        id = try r.id(); kind = try r.raw(Kind.self); title = try r.text(); body = try r.text(); wijk = try r.id()
        let account: AccountID? = try r.optionalID(), organisation: OrganisationID? = try r.optionalID()
        switch (account, organisation) {
        case (let a?, nil): author = .resident(a)
        case (let by, let o?): author = .organisation(o, by: by)
        default: throw r.damage("an author")
        }
        show = ContactChoice(name: try r.bool(), email: try r.bool(), phone: try r.bool(), address: try r.bool())
        created = try r.date(); expires = try r.date(); hiddenReason = try r.optionalText()
    }
}

extension ContactMessage: RowRecord {
    static let columns = ["sender_name", "sender_email", "sender_account", "recipient_account", "recipient_organisation", "recipient_address",
                          "text", "sent", "read", "hidden_for_sender", "hidden_for_recipient", "in_reply_to", "about_report"]

    func write(to w: inout RowWriter) {
        w.id(id); w.text(senderName); w.text(senderEmail); w.id(senderAccount)
        switch recipient {
        case .resident(let a): w.id(a); w.null(); w.null()
        case .organisation(let o): w.null(); w.id(o); w.null()
        case .address(let a): w.null(); w.null(); w.text(a)
        }
        w.text(text); w.date(sent); w.bool(read); w.bool(hiddenForSender); w.bool(hiddenForRecipient); w.id(inReplyTo)
        w.text(aboutReport?.rawValue)
    }

    init(from r: inout RowReader) throws {
        id = try r.id(); senderName = try r.text(); senderEmail = try r.text(); senderAccount = try r.optionalID()
        let account: AccountID? = try r.optionalID(), organisation: OrganisationID? = try r.optionalID(), address = try r.optionalText()
        switch (account, organisation, address) {
        case (let a?, nil, nil): recipient = .resident(a)
        case (nil, let o?, nil): recipient = .organisation(o)
        case (nil, nil, let a?): recipient = .address(a)
        default: throw r.damage("one recipient")
        }
        text = try r.text(); sent = try r.date(); read = try r.bool(); hiddenForSender = try r.bool(); hiddenForRecipient = try r.bool()
        inReplyTo = try r.optionalID(); aboutReport = try r.optionalRaw(ReportReason.self)
    }

    // What it is about, as a list of at most one row (schema 15), so the `messages` row and its
    // checksum stay as they were: a message without one keeps the checksum it had.
    static let childTables = [ChildTable(name: "message_about", owner: "message", columns: ["post", "activity", "organisation"])]
    static var countedChildTables: Int { 0 }

    func childRows() -> [[[Cell]]] {
        guard let about else { return [[]] }
        var w = RowWriter()
        switch about {
        case .post(let p): w.id(p); w.null(); w.null()
        case .activity(let a): w.null(); w.id(a); w.null()
        case .organisation(let o): w.null(); w.null(); w.id(o)
        }
        return [[w.cells]]
    }

    mutating func setChildRows(_ rows: [[[Cell]]], place: String) throws {
        guard let first = rows.first, first.count <= 1 else { throw CoreError.storeCorrupt(file: place, problem: .unreadable(detail: "message_about")) }
        about = try first.first.map { cells in
            var r = RowReader(cells, place: place)
            let post: PostID? = try r.optionalID(), activity: AgendaItemID? = try r.optionalID(), organisation: OrganisationID? = try r.optionalID()
            switch (post, activity, organisation) {
            case (let p?, nil, nil): return .post(p)
            case (nil, let a?, nil): return .activity(a)
            case (nil, nil, let o?): return .organisation(o)
            default: throw r.damage("one piece of content")
            }
        }
    }
}

extension Report: RowRecord {
    static let columns = ["kind", "target_post", "target_activity", "target_account", "target_message", "reason", "explanation",
                          "reporter_name", "reporter_email", "reporter_account", "wijk", "created", "status", "handled_by", "handled"]

    func write(to w: inout RowWriter) {
        w.id(id); w.raw(kind)
        var post: PostID?, activity: AgendaItemID?, account: AccountID?, message: MessageID?
        switch target {
        case .post(let i): post = i
        case .agendaItem(let i): activity = i
        case .profile(let i): account = i
        case .message(let i): message = i
        }
        w.id(post); w.id(activity); w.id(account); w.id(message)
        w.raw(reason); w.text(explanation); w.text(reporterName); w.text(reporterEmail); w.id(reporterAccount); w.id(wijk)
        w.date(created); w.raw(status); w.id(handledBy); w.date(handled)
    }

    init(from r: inout RowReader) throws {
        id = try r.id(); kind = try r.raw(Kind.self)
        let post: PostID? = try r.optionalID(), activity: AgendaItemID? = try r.optionalID()
        let account: AccountID? = try r.optionalID(), message: MessageID? = try r.optionalID()
        switch (post, activity, account, message) {
        case (let p?, nil, nil, nil): target = .post(p)
        case (nil, let a?, nil, nil): target = .agendaItem(a)
        case (nil, nil, let a?, nil): target = .profile(a)
        case (nil, nil, nil, let m?): target = .message(m)
        default: throw r.damage("one target")
        }
        reason = try r.raw(ReportReason.self); explanation = try r.text(); reporterName = try r.text(); reporterEmail = try r.text()
        reporterAccount = try r.optionalID(); wijk = try r.optionalID(); created = try r.date(); status = try r.raw(Status.self)
        handledBy = try r.optionalID(); handled = try r.optionalDate()
    }
}
