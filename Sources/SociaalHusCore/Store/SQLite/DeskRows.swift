import Foundation

// The desk's records, the log and the outbox as rows (schema 9), in the order of their tables
// (`Schema9`).

extension Intake: RowRecord {
    static let columns = ["name", "address", "postcode", "place", "phone", "email", "wijk", "account", "category", "question", "notes", "status",
                          "staff", "created", "changed", "closed"]
    static let childTables = [ChildTable(name: "referral", owner: "intake",
                                         columns: ["organisation", "organisation_name", "fields", "purpose", "at", "staff", "staff_name",
                                                   "told_sentence", "disclosure", "message"])]

    func write(to w: inout RowWriter) {
        w.id(id); w.text(person.name); w.text(person.address); w.text(person.postcode); w.text(person.place); w.text(person.phone)
        w.text(person.email); w.id(person.wijk); w.id(person.account)
        w.raw(category); w.text(question); w.text(notes); w.raw(status); w.id(staff); w.date(created); w.date(changed); w.date(closed)
    }

    init(from r: inout RowReader) throws {
        self.init(id: try r.id(),
                  person: IntakePerson(name: try r.text(), address: try r.text(), postcode: try r.text(), place: try r.text(), phone: try r.text(),
                                       email: try r.text(), wijk: try r.optionalID(), account: try r.optionalID()),
                  category: try r.raw(IntakeCategory.self), question: try r.text(), notes: try r.text(), status: try r.raw(IntakeStatus.self),
                  staff: try r.id(), created: try r.date(), changed: try r.date(), closed: try r.optionalDate(), referrals: [])
    }

    func childRows() -> [[[Cell]]] {
        [referrals.map { f in
            var w = RowWriter()
            w.id(f.organisation); w.text(f.organisationName); w.list(f.fields.map(\.rawValue)); w.text(f.purpose); w.date(f.at)
            w.id(f.staff); w.text(f.staffName); w.text(f.toldSentence); w.id(f.disclosure); w.id(f.message)
            return w.cells
        }]
    }

    mutating func setChildRows(_ rows: [[[Cell]]], place: String) throws {
        referrals = try rows[0].map { cells in
            var r = RowReader(cells, place: place)
            return Referral(organisation: try r.id(), organisationName: try r.text(), fields: try r.fields(), purpose: try r.text(),
                            at: try r.date(), staff: try r.id(), staffName: try r.text(), toldSentence: try r.text(),
                            disclosure: try r.id(), message: try r.id())
        }
    }
}

extension RowReader {
    /// The pieces of an intake passed on, as a list of their names.
    mutating func fields() throws -> [IntakeField] {
        try list().map { name in
            guard let f = IntakeField(rawValue: name) else { throw damage("a piece of an intake") }
            return f
        }
    }
}

extension Disclosure: RowRecord {
    static let columns = ["intake", "account", "organisation", "organisation_name", "fields", "purpose", "at", "staff", "staff_name"]

    func write(to w: inout RowWriter) {
        w.id(id); w.id(intake); w.id(account); w.id(organisation); w.text(organisationName); w.list(fields.map(\.rawValue)); w.text(purpose)
        w.date(at); w.id(staff); w.text(staffName)
    }

    init(from r: inout RowReader) throws {
        self.init(id: try r.id(), intake: try r.id(), account: try r.optionalID(), organisation: try r.id(), organisationName: try r.text(),
                  fields: try r.fields(), purpose: try r.text(), at: try r.date(), staff: try r.id(), staffName: try r.text())
    }
}

extension IntakeDraft: RowRecord {
    static let columns = ["editing", "saved", "category", "question", "notes", "name", "phone", "email", "address", "postcode", "place", "wijk",
                          "account"]

    func write(to w: inout RowWriter) {
        w.id(staff); w.id(editing); w.date(saved)
        let i = input
        w.raw(i.category); w.text(i.question); w.text(i.notes); w.text(i.name); w.text(i.phone); w.text(i.email); w.text(i.address)
        w.text(i.postcode); w.text(i.place); w.id(i.wijk); w.id(i.account)
    }

    init(from r: inout RowReader) throws {
        staff = try r.id(); editing = try r.optionalID(); saved = try r.date()
        input = IntakeInput(category: try r.raw(IntakeCategory.self), question: try r.text(), notes: try r.text(), name: try r.text(),
                            phone: try r.text(), email: try r.text(), address: try r.text(), postcode: try r.text(), place: try r.text(),
                            wijk: try r.optionalID(), account: try r.optionalID())
    }
}

extension AuditEvent: RowRecord {
    static let columns = ["actor", "action", "subject", "target", "at"]

    func write(to w: inout RowWriter) {
        w.id(id); w.id(actor); w.raw(action); w.id(subject); w.text(target); w.date(at)
    }

    init(from r: inout RowReader) throws {
        self.init(id: try r.id(), actor: try r.optionalID(), action: try r.raw(Action.self), subject: try r.optionalID(),
                  target: try r.optionalText(), at: try r.date())
    }
}

extension OutboxMessage: RowRecord {
    static let columns = ["kind", "organisation", "address", "subject_line", "body", "created", "intake", "status", "file", "attempts",
                          "last_error", "post", "activity", "message"]
    static let childTables = [ChildTable(name: "outbox_account", owner: "message", columns: ["account"])]

    func write(to w: inout RowWriter) {
        w.id(id); w.raw(kind); w.id(organisation); w.text(to); w.text(subject); w.text(body); w.date(created); w.id(intake)
        w.raw(status); w.text(file); w.int(attempts); w.text(lastError)
        ContentRef.write(about, to: &w, message: true)
    }

    init(from r: inout RowReader) throws {
        self.init(id: try r.id(), kind: try r.raw(Kind.self), organisation: try r.optionalID(), accounts: [], to: try r.text(),
                  subject: try r.text(), body: try r.text(), created: try r.date(), intake: try r.optionalID(), status: try r.raw(Status.self),
                  file: try r.optionalText(), attempts: try r.int(), lastError: try r.optionalText())
        about = try ContentRef.read(from: &r, message: true)
    }

    func childRows() -> [[[Cell]]] {
        [accounts.map { [.int($0.rawValue)] }]
    }

    mutating func setChildRows(_ rows: [[[Cell]]], place: String) throws {
        accounts = try rows[0].map { cells in
            var r = RowReader(cells, place: place)
            return try r.id()
        }
    }
}
