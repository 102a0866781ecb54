import Foundation
import Testing
@_spi(Operator) @testable import SociaalHusCore

/// A store with a desk staff member, an administrator, a resident with an account, and two organisations.
struct DeskWorld {
    let dir = TempDir()
    let clock = FixedClock(testNow)
    let store: Store
    let staff: Account
    let admin: Account
    let resident: Account
    let editor: Account
    let partner: Account
    let voedselbank: Organisation
    let welzijn: Organisation

    init() throws {
        store = try makeStore(dir, clock: clock)
        voedselbank = try store.createOrganisation(Organisation(id: OrganisationID(0), name: "Voedselbank Borne", categories: ["geldzaken"],
                                                                email: "info@voedselbank.example"), by: .commandLine)
        welzijn = try store.createOrganisation(Organisation(id: OrganisationID(0), name: "Welzijn Borne", categories: ["zorg en ondersteuning"]), by: .commandLine)
        staff = try addResident(store, "lotte@balie.example", name: "Lotte Balie", roles: Roles(resident: false, deskStaff: true))
        admin = try addResident(store, "bram@beheer.example", name: "Bram Beheer", roles: Roles(resident: false, administrator: true))
        resident = try addResident(store, "anna@example.nl", name: "Anna de Vries")
        editor = try addResident(store, "kees@example.nl", name: "Kees", roles: Roles(editorOf: [voedselbank.id]))
        partner = try addResident(store, "sanne@example.nl", name: "Sanne", roles: Roles(partnerOf: [wijkID(store, "Centrum")]))
    }

    var desk: Viewer { .account(staff) }

    /// A valid conversation, with the given changes.
    func input(_ change: (inout IntakeInput) -> Void = { _ in }) -> IntakeInput {
        var i = IntakeInput(category: .geldzaken, question: "Ik kom niet rond met boodschappen", notes: "Schulden bij energiebedrijf",
                            name: "Piet Pieters", phone: "06-12345678", email: "", address: "Marktstraat 1", postcode: "7622 AB", place: "Borne")
        change(&i)
        return i
    }

    /// The exact sentence for a plan, as the referral screen shows it.
    func told(_ intake: Intake, _ plan: ReferralPlan, _ lang: Language = .dutch) -> ResidentTold {
        let org = store.state.organisations[plan.organisation.rawValue]!
        return ResidentTold(sentence: ReferralNotice.sentence(fields: plan.fields, organisationName: org.name, purpose: plan.purpose, lang: lang))
    }

    /// Files under the store holding `needle`.
    func filesContaining(_ needle: String) -> [String] {
        allFiles(under: dir.store).filter { f in
            guard let d = try? Data(contentsOf: URL(fileURLWithPath: f)) else { return false }
            return d.range(of: Data(needle.utf8)) != nil
        }
    }
}

@Suite struct IntakeValidationTests {
    static let postcodes: [(String, String?)] = [
        ("7622 AB", "7622 AB"), ("7622ab", "7622 AB"), (" 7622  Ab ", "7622 AB"),
        ("0622 AB", nil), ("762 AB", nil), ("7622 A", nil), ("7622 SS", nil), ("7622 SA", nil), ("7622 SD", nil),
        ("76222 AB", nil), ("ABCD 12", nil), ("７６２２ AB", nil), ("", nil),
    ]

    @Test("postcodes: four digits not starting with 0, two letters, SA/SD/SS never", arguments: postcodes)
    func postcode(_ input: String, _ expected: String?) {
        if let expected {
            #expect((try? Postcode.normalise(input)) == expected)
        } else {
            #expect(throws: CoreError.invalidPostcode(input)) { try Postcode.normalise(input) }
        }
    }

    static let phones: [(String, String?)] = [
        ("074-1234567", "0741234567"), ("06 12345678", "0612345678"), ("06-12345678", "0612345678"), ("(074) 123 45 67", "0741234567"),
        ("+31 6 12345678", "0612345678"), ("+31 (0)74 123 4567", "0741234567"), ("0031 6 12345678", "0612345678"),
        ("+32 2 123 45 67", "+3221234567"), ("+44 20 7946 0958", "+442079460958"), ("+1 (202) 555-0143", "+12025550143"),
        ("0612345", nil), ("061234567890", nil), ("6123456789", nil), ("+31 06 12345678", nil), ("+31 6 1234", nil),
        ("06-1234abcd", nil), ("+", nil), ("+0 12345678", nil), ("0012", nil), ("06\u{1B}[2J12345678", nil),
    ]

    @Test("phone numbers: Dutch ten digits, or + with a country code; separators allowed", arguments: phones)
    func phone(_ input: String, _ expected: String?) {
        if let expected {
            #expect((try? PhoneNumber.normalise(input)) == expected)
        } else {
            #expect(throws: CoreError.invalidPhone(input)) { try PhoneNumber.normalise(input) }
        }
    }

    /// One row of the form table.
    struct FormCase: Sendable, CustomTestStringConvertible {
        let name: String
        let change: @Sendable (inout IntakeInput) -> Void
        let expected: CoreError?
        init(_ name: String, _ change: @escaping @Sendable (inout IntakeInput) -> Void, _ expected: CoreError?) {
            self.name = name
            self.change = change
            self.expected = expected
        }
        var testDescription: String { name }
    }

    static let forms: [FormCase] = [
        FormCase("complete form", { _ in }, nil),
        FormCase("question is required", { $0.question = "  " }, .fieldRequired(.question)),
        FormCase("only a phone number", { $0.name = ""; $0.address = ""; $0.postcode = ""; $0.place = "" }, nil),
        FormCase("only an e-mail address", { $0.phone = ""; $0.address = ""; $0.postcode = ""; $0.email = "piet@example.nl" }, nil),
        FormCase("only an address with postcode", { $0.phone = "" }, nil),
        FormCase("no way to reach the person", { $0.phone = ""; $0.postcode = "" }, .intakeNeedsContact),
        FormCase("address without postcode is not enough", { $0.phone = ""; $0.postcode = ""; $0.place = "Borne" }, .intakeNeedsContact),
        FormCase("bad postcode", { $0.postcode = "7622" }, .invalidPostcode("7622")),
        FormCase("bad phone", { $0.phone = "12345" }, .invalidPhone("12345")),
        FormCase("bad e-mail", { $0.email = "piet@" }, .invalidEmail("piet@")),
        FormCase("question too long", { $0.question = String(repeating: "x", count: 5_001) }, .fieldTooLong(.question, limit: 5_000)),
        FormCase("unknown wijk", { $0.wijk = WijkID(99) }, .unknownWijk("99")),
        FormCase("a link without the account's e-mail", { $0.account = AccountID(3) }, .accountMatchMismatch),
    ]

    @Test("the intake form: question first, at least one way to reach the person", arguments: forms)
    func form(_ row: FormCase) throws {
        let w = try DeskWorld()
        let input = w.input(row.change)
        if let expected = row.expected {
            #expect(throws: expected) { try w.store.createIntake(input, by: w.desk) }
            #expect(w.store.state.intakes.count == 0)
        } else {
            let intake = try w.store.createIntake(input, by: w.desk)
            #expect(intake.status == .open)
            #expect(intake.staff == w.staff.id)
        }
    }

    @Test("values are stored normalised") func normalised() throws {
        let w = try DeskWorld()
        let intake = try w.store.createIntake(w.input { $0.postcode = "7622ab"; $0.phone = "+31 6 1234 5678"; $0.email = " Piet@Example.NL " }, by: w.desk)
        #expect(intake.person.postcode == "7622 AB")
        #expect(intake.person.phone == "0612345678")
        #expect(intake.person.email == "piet@example.nl")
    }
}

@Suite struct IntakePermissionTests {
    enum Who: String, CaseIterable { case visitor, resident, editor, partner, staff, admin, blockedStaff }

    static let rows: [(Who, Bool)] = [
        (.visitor, false), (.resident, false), (.editor, false), (.partner, false), (.staff, true), (.admin, true), (.blockedStaff, false),
    ]

    func viewer(_ who: Who, _ w: DeskWorld) throws -> Viewer {
        switch who {
        case .visitor: return .visitor
        case .resident: return .account(w.resident)
        case .editor: return .account(w.editor)
        case .partner: return .account(w.partner)
        case .staff: return w.desk
        case .admin: return .account(w.admin)
        case .blockedStaff:
            var s = w.staff
            s.blocked = true
            return .account(s)
        }
    }

    @Test("only desk staff and administrators may list, open, record, refer and erase", arguments: rows)
    func access(_ who: Who, _ allowed: Bool) throws {
        let w = try DeskWorld()
        let intake = try w.store.createIntake(w.input(), by: w.desk)
        let v = try viewer(who, w)
        let plan = ReferralPlan(organisation: w.voedselbank.id, fields: [.name, .question], purpose: "hulp bij boodschappen")
        let calls: [() throws -> Void] = [
            { var run = IntakeListing(); _ = try w.store.listIntakes(&run, by: v) },
            { var run = IntakeListing(query: "piet"); _ = try w.store.listIntakes(&run, by: v) },
            { _ = try w.store.intakeCountOfPerson(of: intake.id, by: v) },
            { _ = try w.store.openIntake(intake.id, by: v) },
            { _ = try w.store.personHistory(of: intake.id, by: v) },
            { _ = try w.store.accountMatch(email: "anna@example.nl", by: v) },
            { try w.store.createIntake(w.input(), by: v) },
            { try w.store.updateIntake(intake.id, w.input { $0.notes = "bijgewerkt" }, by: v) },
            { try w.store.saveIntakeDraft(w.input(), editing: nil, by: v) },
            { try w.store.refer(intake.id, plan: plan, told: w.told(intake, plan), by: v) },
            { try w.store.setIntakeStatus(intake.id, .afgesloten, by: v) },
            { try w.store.eraseIntakes(ofPersonIn: intake.id, by: v) },
        ]
        for call in calls {
            if allowed {
                try call()
            } else {
                #expect(throws: CoreError.self) { try call() }
            }
        }
        if !allowed {
            #expect(w.store.state.intakes.count == 1)
            #expect(w.store.state.disclosures.count == 0)
        }
    }

    @Test("the refusal names who may do this") func message() {
        #expect(CoreError.notPermitted(.deskStaffOnly).message(.dutch).contains("de balie van het Sociaal Hus"))
        #expect(CoreError.notPermitted(.deskStaffOnly).message(.english).contains("desk staff"))
    }
}

@Suite struct ReferralTests {
    @Test("nothing is passed on unless the resident was told the exact sentence") func toldRule() throws {
        let w = try DeskWorld()
        let intake = try w.store.createIntake(w.input(), by: w.desk)
        let plan = ReferralPlan(organisation: w.voedselbank.id, fields: [.name, .phone, .question], purpose: "hulp bij boodschappen")
        let other = ReferralPlan(organisation: w.voedselbank.id, fields: [.name, .question], purpose: "hulp bij boodschappen")
        let elsewhere = ReferralPlan(organisation: w.welzijn.id, fields: plan.fields, purpose: plan.purpose)
        let refused: [(String, ResidentTold?)] = [
            ("no confirmation", nil),
            ("an empty sentence", ResidentTold(sentence: "")),
            ("a sentence naming fewer fields", w.told(intake, other)),
            ("a sentence naming another organisation", w.told(intake, elsewhere)),
        ]
        for (_, told) in refused {
            #expect(throws: CoreError.residentNotTold) { try w.store.refer(intake.id, plan: plan, told: told, by: w.desk) }
        }
        let reopened = try reopen(w.dir)
        #expect(reopened.state.disclosures.count == 0)
        #expect(reopened.state.outbox.count == 0)
        #expect(reopened.state.intakes[intake.id.rawValue]!.referrals.isEmpty)

        let r = try w.store.refer(intake.id, plan: plan, told: w.told(intake, plan), by: w.desk)
        #expect(r.fields == [.name, .phone, .question])
        #expect(r.toldSentence == "Ik geef uw naam, telefoonnummer en vraag door aan Voedselbank Borne, met als doel: hulp bij boodschappen. Meer geef ik niet door. U kunt altijd bij het Sociaal Hus opvragen wat er is doorgegeven.")
        try w.store.refer(intake.id, plan: other, told: w.told(intake, other, .english), by: w.desk)
        #expect(w.store.state.intakes[intake.id.rawValue]!.status == .doorverwezen)
        #expect(w.store.state.disclosures.count == 2)
    }

    @Test("the default passes the minimum: name, one contact detail, the question") func minimum() throws {
        let w = try DeskWorld()
        let cases: [((inout IntakeInput) -> Void, [IntakeField])] = [
            ({ _ in }, [.name, .phone, .question]),
            ({ $0.phone = ""; $0.email = "piet@example.nl" }, [.name, .email, .question]),
            ({ $0.phone = "" }, [.name, .address, .question]),
            ({ $0.name = "" }, [.phone, .question]),
        ]
        for (change, expected) in cases {
            let intake = try w.store.createIntake(w.input(change), by: w.desk)
            #expect(ReferralPlan.minimumFields(for: intake) == expected)
            #expect(!ReferralPlan.minimumFields(for: intake).contains(.notes))
        }
    }

    @Test("the message and the disclosure hold exactly the chosen fields; notes only when ticked") func minimisation() throws {
        let w = try DeskWorld()
        let intake = try w.store.createIntake(w.input { $0.email = "piet@example.nl" }, by: w.desk)
        let plan = ReferralPlan(organisation: w.voedselbank.id, fields: [.name, .phone, .question], purpose: "hulp bij boodschappen")
        let r = try w.store.refer(intake.id, plan: plan, told: w.told(intake, plan), by: w.desk)
        let message = w.store.state.outbox[r.message.rawValue]!
        #expect(message.status == .pending)
        #expect(message.to == "info@voedselbank.example")
        #expect(message.body.contains("Piet Pieters"))
        #expect(message.body.contains("0612345678"))
        #expect(message.body.contains("Ik kom niet rond met boodschappen"))
        for absent in ["piet@example.nl", "Marktstraat", "7622 AB", "Schulden bij energiebedrijf"] {
            #expect(!message.body.contains(absent), "\(absent) was not chosen")
            #expect(!message.subject.contains(absent))
        }
        #expect(!message.subject.contains("Piet"))
        let d = w.store.state.disclosures[r.disclosure.rawValue]!
        #expect(d.fields == [.name, .phone, .question])
        #expect(d.organisationName == "Voedselbank Borne")
        #expect(d.staffName == "Lotte Balie")

        let withNotes = ReferralPlan(organisation: w.voedselbank.id, fields: [.name, .notes], purpose: "schuldhulp")
        let r2 = try w.store.refer(intake.id, plan: withNotes, told: w.told(intake, withNotes), by: w.desk)
        #expect(w.store.state.outbox[r2.message.rawValue]!.body.contains("Schulden bij energiebedrijf"))
    }

    @Test("refusals: no fields, an empty field, no purpose, a closed conversation, an unknown organisation") func refusals() throws {
        let w = try DeskWorld()
        let intake = try w.store.createIntake(w.input { $0.email = "" }, by: w.desk)
        let cases: [(ReferralPlan, CoreError)] = [
            (ReferralPlan(organisation: w.voedselbank.id, fields: [], purpose: "x"), .referralNeedsFields),
            (ReferralPlan(organisation: w.voedselbank.id, fields: [.email], purpose: "x"), .referralFieldEmpty(.email)),
            (ReferralPlan(organisation: w.voedselbank.id, fields: [.name], purpose: " "), .fieldRequired(.purpose)),
            (ReferralPlan(organisation: OrganisationID(99), fields: [.name], purpose: "x"), .unknownOrganisation("99")),
        ]
        for (plan, error) in cases {
            #expect(throws: error) { try w.store.refer(intake.id, plan: plan, told: ResidentTold(sentence: "x"), by: w.desk) }
        }
        try w.store.setIntakeStatus(intake.id, .afgesloten, by: w.desk)
        let plan = ReferralPlan(organisation: w.voedselbank.id, fields: [.name], purpose: "x")
        #expect(throws: CoreError.intakeAlreadyClosed) { try w.store.refer(intake.id, plan: plan, told: w.told(intake, plan), by: w.desk) }
    }

    @Test("a linked resident finds intake, referral and disclosure in their export") func residentSees() throws {
        let w = try DeskWorld()
        #expect(try w.store.accountMatch(email: " ANNA@example.nl", by: w.desk) == AccountMatch(id: w.resident.id, name: "Anna de Vries", wijk: w.resident.profile.wijk))
        #expect(try w.store.accountMatch(email: "niemand@example.nl", by: w.desk) == nil)
        let intake = try w.store.createIntake(w.input { $0.email = "anna@example.nl"; $0.account = w.resident.id },
                                              consent: LinkConsent(account: w.resident.id), by: w.desk)
        #expect(intake.person.wijk == w.resident.profile.wijk)
        let plan = ReferralPlan(organisation: w.voedselbank.id, fields: [.name, .email, .question], purpose: "hulp bij boodschappen")
        try w.store.refer(intake.id, plan: plan, told: w.told(intake, plan), by: w.desk)
        let export = try w.store.export(w.resident.id, by: .account(w.resident))
        #expect(export.intakes.count == 1)
        #expect(export.intakes[0].notes == "Schulden bij energiebedrijf")
        #expect(export.intakes[0].referrals.map(\.organisation) == ["Voedselbank Borne"])
        #expect(export.disclosures == [.init(organisation: "Voedselbank Borne", fields: ["name", "email", "question"],
                                            purpose: "hulp bij boodschappen", date: testNow, by: "Lotte Balie")])
        let other = try w.store.export(w.editor.id, by: .account(w.editor))
        #expect(other.intakes.isEmpty && other.disclosures.isEmpty)
    }
}

@Suite struct SamePersonTests {
    /// Conversations alike in every way the desk could match on, but not linked to the account.
    static let lookAlikes: [(String, @Sendable (inout IntakeInput) -> Void)] = [
        ("the same e-mail address", { $0.email = "anna@example.nl" }),
        ("the same phone number", { $0.phone = "074-2223344" }),
        ("the same phone number written otherwise", { $0.phone = "074 222 33 44" }),
        ("the same name at the same postcode", { $0.name = "Anna de Vries"; $0.postcode = "7622 AB" }),
    ]

    @Test("the person's conversations are those linked to the same account; a look-alike's is never in their history or erasure",
          arguments: lookAlikes.map(\.0))
    func byReference(_ name: String) throws {
        let w = try DeskWorld()
        let alike = try #require(Self.lookAlikes.first { $0.0 == name }?.1)
        let linked = try w.store.createIntake(w.input { $0.email = w.resident.email; $0.phone = "074-2223344"; $0.name = "Anna de Vries"
                                                        $0.postcode = "7622 AB"; $0.account = w.resident.id },
                                              consent: LinkConsent(account: w.resident.id), by: w.desk)
        let alsoLinked = try w.store.createIntake(w.input { $0.question = "Tweede vraag"; $0.email = w.resident.email; $0.account = w.resident.id },
                                                  consent: LinkConsent(account: w.resident.id), by: w.desk)
        let stranger = try w.store.createIntake(w.input { $0.name = "Karin Smit"; $0.email = ""; $0.phone = ""; alike(&$0) }, by: w.desk)
        #expect(try w.store.intakeCountOfPerson(of: linked.id, by: w.desk) == 2)
        #expect(try w.store.personHistory(of: linked.id, by: w.desk).intakes.map(\.id) == [linked.id, alsoLinked.id])
        #expect(try w.store.personHistory(of: stranger.id, by: w.desk).intakes.map(\.id) == [stranger.id])
        #expect(try w.store.eraseIntakes(ofPersonIn: linked.id, by: w.desk) == 2)
        #expect(w.store.state.intakes[stranger.id.rawValue] != nil, "the stranger's conversation stays")
        #expect(try w.store.eraseIntakes(ofPersonIn: stranger.id, by: w.desk) == 1)
        #expect(StoreCheck.run(at: w.dir.store).isSound)
    }
}

@Suite struct IntakeAuditTests {
    @Test("linking, opening, changing, referring and erasing are logged with staff id, record id and time only") func audit() throws {
        let w = try DeskWorld()
        let intake = try w.store.createIntake(w.input { $0.email = "anna@example.nl"; $0.account = w.resident.id },
                                              consent: LinkConsent(account: w.resident.id), by: w.desk)
        _ = try w.store.openIntake(intake.id, by: w.desk)
        try w.store.updateIntake(intake.id, w.input { $0.email = "anna@example.nl"; $0.account = w.resident.id; $0.notes = "Nieuw" }, by: w.desk)
        let plan = ReferralPlan(organisation: w.voedselbank.id, fields: [.name, .question], purpose: "hulp")
        try w.store.refer(intake.id, plan: plan, told: w.told(intake, plan), by: w.desk)
        _ = try w.store.personHistory(of: intake.id, by: w.desk)
        try w.store.eraseIntakes(ofPersonIn: intake.id, by: .account(w.admin))
        let events = w.store.state.audit.all.filter { $0.target == "intake:\(intake.id)" }.sorted { $0.id < $1.id }
        #expect(events.map(\.action) == [.intakeCreated, .intakeLinked, .intakeOpened, .intakeChanged, .intakeReferred, .intakeOpened, .intakeErased])
        #expect(events.map(\.actor) == [w.staff.id, w.staff.id, w.staff.id, w.staff.id, w.staff.id, w.staff.id, w.admin.id])
        #expect(events.allSatisfy { $0.subject == w.resident.id && $0.at == testNow })
    }
}

/// The log said "door account 9"; the person is told who, in which role.
@Suite struct LogWordsTests {
    @Test("the export names who opened a person's conversation, in the role they acted in; the operator and the person themselves by word")
    func whoActed() throws {
        let w = try DeskWorld()
        let intake = try w.store.createIntake(w.input { $0.email = "anna@example.nl"; $0.account = w.resident.id },
                                              consent: LinkConsent(account: w.resident.id), by: w.desk)
        _ = try w.store.openIntake(intake.id, by: w.desk)
        let export = try w.store.export(w.resident.id, by: .account(w.resident))
        let opened = try #require(export.auditEvents.first { $0.action == "intake-opened" })
        #expect(opened.by == "staff" && opened.byName == "Lotte Balie" && opened.byRole == "desk-staff")
        #expect(export.auditEvents.allSatisfy { Int($0.by) == nil }, "no account number")
        #expect(export.auditEvents.contains { $0.action == "account-created" && ($0.by == "self" || $0.by == "operator") })
        // A staff member writing to a neighbour does so as a resident: not named (found in review).
        let lotte = w.store.state.accounts[w.staff.id.rawValue]!
        try w.store.updateProfile(for: w.resident.id, by: .account(w.store.state.accounts[w.resident.id.rawValue]!)) { $0.visibility = .public }
        try w.store.sendMessage(senderName: "Een buur", senderEmail: lotte.email, to: .resident(w.resident.id), text: "Hoi", by: .account(lotte))
        let withMessage = try w.store.export(w.resident.id, by: .account(w.store.state.accounts[w.resident.id.rawValue]!))
        let sentLine = try #require(withMessage.auditEvents.first { $0.action == "message-sent" && $0.by == "staff" })
        #expect(sentLine.byName == nil && sentLine.byRole == "resident")
        // Someone erased since is not named, and not numbered either.
        try w.store.erase(w.staff.id, by: .commandLine)
        let later = try w.store.export(w.resident.id, by: .account(w.store.state.accounts[w.resident.id.rawValue]!))
        let e = try #require(later.auditEvents.first { $0.action == "intake-opened" })
        #expect(e.by == "staff" && e.byName == nil && e.byRole == nil)
    }
}

@Suite struct IntakeRetentionTests {
    func closedIntake(_ w: DeskWorld, monthsAgo: Int, days: Int = 0) throws -> Intake {
        let cal = amsterdamCalendar()
        w.clock.set(cal.date(byAdding: DateComponents(month: -monthsAgo, day: -days), to: testNow)!)
        let i = try w.store.createIntake(w.input(), by: w.desk)
        try w.store.setIntakeStatus(i.id, .afgesloten, by: w.desk)
        w.clock.set(testNow)
        return i
    }

    @Test("closed intakes are erased after the retention period; open ones are kept") func retention() throws {
        let w = try DeskWorld()
        let old = try closedIntake(w, monthsAgo: 12)
        let young = try closedIntake(w, monthsAgo: 11, days: 27)
        w.clock.set(amsterdamCalendar().date(byAdding: .month, value: -24, to: testNow)!)
        let open = try w.store.createIntake(w.input(), by: w.desk)
        w.clock.set(testNow)
        #expect(try w.store.eraseExpiredIntakes() == 1)
        #expect(w.store.state.intakes[old.id.rawValue] == nil)
        #expect(w.store.state.intakes[young.id.rawValue] != nil)
        #expect(w.store.state.intakes[open.id.rawValue] != nil)
        let event = w.store.state.audit.all.first { $0.action == .intakeErased }
        #expect(event?.actor == nil)
        #expect(try w.store.eraseExpiredIntakes() == 0)
    }

    @Test("an administrator sets the period; nobody else can, and only within 1 to 120 months") func setting() throws {
        let w = try DeskWorld()
        #expect(w.store.state.settings.intakeRetentionMonths == 12)
        _ = try closedIntake(w, monthsAgo: 7)
        #expect(throws: CoreError.notPermitted(.administratorsOnly)) { try w.store.setIntakeRetention(months: 6, by: w.desk) }
        #expect(throws: CoreError.invalidRetention(minimum: 1, maximum: 120)) { try w.store.setIntakeRetention(months: 0, by: .account(w.admin)) }
        #expect(throws: CoreError.invalidRetention(minimum: 1, maximum: 120)) { try w.store.setIntakeRetention(months: 121, by: .account(w.admin)) }
        #expect(try w.store.setIntakeRetention(months: 6, by: .account(w.admin)) == 1, "the new period applies at once")
        #expect(try reopen(w.dir).state.settings.intakeRetentionMonths == 6)
        #expect(try w.store.eraseExpiredIntakes() == 0)
    }

    @Test("reading the desk's list erases what is past its term, in the read's own change") func listApplies() throws {
        let w = try DeskWorld()
        let old = try closedIntake(w, monthsAgo: 13)
        let young = try closedIntake(w, monthsAgo: 2)
        let before = w.store.state.manifest.generation
        let page = try w.store.perform(.listIntakes(IntakeListing(query: "Piet")), as: w.desk)
        #expect(page.rows.map(\.id) == [young.id], "the expired one is not shown")
        #expect(w.store.state.intakes[old.id.rawValue] == nil)
        #expect(w.store.state.manifest.generation == before + 1, "erasure and the list's log are one change")
        #expect(w.store.state.audit.all.contains { $0.action == .intakeErased && $0.actor == nil }, "the system erased, not the desk member")
    }

    @Test("a new period applies at once, in the same change; the operator's command runs it for anyone else") func periodApplies() throws {
        let w = try DeskWorld()
        _ = try closedIntake(w, monthsAgo: 7)
        let before = w.store.state.manifest.generation
        #expect(try w.store.perform(.setIntakeRetention(months: 6), as: .account(w.admin)) == 1)
        #expect(w.store.state.manifest.generation == before + 1)
        _ = try closedIntake(w, monthsAgo: 8)
        #expect(throws: CoreError.notPermitted(.administratorsOnly)) { try w.store.perform(.eraseExpiredIntakes(), as: .account(w.admin)) }
        #expect(try w.store.perform(.eraseExpiredIntakes(), as: .commandLine) == 1)
    }

    @Test("unsaved forms are kept across a reopen and dropped after 30 days") func drafts() throws {
        let w = try DeskWorld()
        try w.store.saveIntakeDraft(w.input { $0.question = "half getypt" }, editing: nil, by: w.desk)
        #expect(try reopen(w.dir).intakeDraft(by: w.desk)?.input.question == "half getypt")
        #expect(try w.store.intakeDraft(by: .account(w.admin)) == nil)
        w.clock.advance(IntakeRetention.draftLifetime + 1)
        try w.store.eraseExpiredIntakes()
        #expect(try w.store.intakeDraft(by: w.desk) == nil)
        try w.store.saveIntakeDraft(w.input(), editing: nil, by: w.desk)
        try w.store.createIntake(w.input(), by: w.desk)
        #expect(try w.store.intakeDraft(by: w.desk) == nil)
    }
}

@Suite struct IntakeEraseTests {
    static let canaries = ["Canary Persoon Qx7", "canary-intake-w9@example.nl", "0687654329", "Canarylaan 31", "7623 ZX",
                           "CANARY-VRAAG-Tt4", "CANARY-NOTITIE-Uu8", "CANARY-DOEL-Vv2", "CANARY-CONCEPT-Ww3"]

    func plant(_ w: DeskWorld, account: AccountID? = nil, email: String = "canary-intake-w9@example.nl") throws -> Intake {
        let input = IntakeInput(category: .wonen, question: "CANARY-VRAAG-Tt4", notes: "CANARY-NOTITIE-Uu8", name: "Canary Persoon Qx7",
                                phone: "06-87654329", email: email, address: "Canarylaan 31", postcode: "7623zx", place: "Borne", account: account)
        let consent = account.map(LinkConsent.init)
        let first = try w.store.createIntake(input, consent: consent, by: w.desk)
        let second = try w.store.createIntake(input, consent: consent, by: w.desk)
        let plan = ReferralPlan(organisation: w.voedselbank.id, fields: IntakeField.allCases, purpose: "CANARY-DOEL-Vv2")
        try w.store.refer(first.id, plan: plan, told: w.told(first, plan), by: w.desk)
        try w.store.setIntakeStatus(second.id, .afgesloten, by: w.desk)
        // A bystander's intake must survive.
        try w.store.createIntake(w.input(), by: w.desk)
        var draft = input
        draft.notes = "CANARY-CONCEPT-Ww3"
        try w.store.saveIntakeDraft(draft, editing: first.id, by: w.desk)
        for c in Self.canaries where account == nil || c != "canary-intake-w9@example.nl" { #expect(!w.filesContaining(c).isEmpty, "\(c) was planted") }
        return first
    }

    func expectGone(_ w: DeskWorld) throws {
        for c in Self.canaries { #expect(w.filesContaining(c).isEmpty, "\(c) remains in \(w.filesContaining(c))") }
        #expect(w.store.state.intakes.count == 1)
        #expect(w.store.state.disclosures.count == 0)
        #expect(w.store.state.outbox.count == 0)
        #expect(w.store.leftoverFiles().isEmpty)
        #expect(StoreCheck.run(at: w.dir.store).problems.isEmpty)
    }

    @Test("erasing a person's intake data on request leaves no byte of it in any file of the store") func onRequest() throws {
        let w = try DeskWorld()
        // Linked to their account: one request takes both conversations.
        let first = try plant(w, account: w.resident.id, email: w.resident.email)
        #expect(try w.store.eraseIntakes(ofPersonIn: first.id, by: w.desk) == 2)
        try expectGone(w)
    }

    @Test("a resident without an account: each conversation is its own, erased one by one as the desk finds them") func onRequestUnlinked() throws {
        let w = try DeskWorld()
        let first = try plant(w)
        #expect(try w.store.eraseIntakes(ofPersonIn: first.id, by: w.desk) == 1)
        let other = try #require(w.store.state.intakes.all.first { $0.question == "CANARY-VRAAG-Tt4" })
        #expect(try w.store.eraseIntakes(ofPersonIn: other.id, by: w.desk) == 1)
        try expectGone(w)
    }

    @Test("retention erasure leaves no byte either") func byRetention() throws {
        let w = try DeskWorld()
        let first = try plant(w)
        try w.store.setIntakeStatus(first.id, .afgesloten, by: w.desk)
        w.clock.advance(400 * 24 * 3600)
        #expect(try w.store.eraseExpiredIntakes() == 2)
        try expectGone(w)
    }

    @Test("a resident deleting their account takes their linked intakes with it") func accountErase() throws {
        let w = try DeskWorld()
        _ = try plant(w, account: w.resident.id, email: "anna@example.nl")
        try w.store.erase(w.resident.id, by: .account(w.resident))
        for c in Self.canaries where c != "canary-intake-w9@example.nl" { #expect(w.filesContaining(c).isEmpty, "\(c) remains") }
        #expect(w.store.state.intakes.count == 1)
        #expect(w.store.state.disclosures.count == 0)
    }
}

/// Every showing of a person's conversation at the desk is logged for them, naming the
/// staff member: a row of the day's list or of a search, the count before erasing, the account a
/// typed e-mail address belongs to. Once per run of a list or search, never per redraw or key.
@Suite struct DeskShowingLogTests {
    /// Fenna's conversation closed the day before; Piet's and Anna's (linked) recorded today.
    struct Desk {
        let w: DeskWorld
        let fenna: Intake, piet: Intake, anna: Intake

        init() throws {
            let w = try DeskWorld()
            self.w = w
            fenna = try w.store.createIntake(w.input { $0.name = "Fenna Bos"; $0.phone = "0741234567"; $0.postcode = "7623 ZX" }, by: w.desk)
            try w.store.setIntakeStatus(fenna.id, .afgesloten, by: w.desk)
            w.clock.advance(24 * 3600)
            piet = try w.store.createIntake(w.input(), by: w.desk)
            anna = try w.store.createIntake(w.input { $0.name = "Anna de Vries"; $0.phone = ""; $0.email = "anna@example.nl"; $0.account = w.resident.id },
                                            consent: LinkConsent(account: w.resident.id), by: w.desk)
        }

        /// The newest audit event's number, to look at what came after.
        var mark: Int { w.store.state.audit.all.map(\.id.rawValue).max() ?? 0 }

        /// The events of `action` after `mark`, oldest first.
        func events(_ action: AuditEvent.Action, since mark: Int) throws -> [AuditEvent] {
            try w.store.refresh()
            return w.store.state.audit.all.filter { $0.action == action && $0.id.rawValue > mark }.sorted { $0.id < $1.id }
        }
    }

    static let runs: [(String, String, Set<String>)] = [
        ("the day's list: open and today's conversations, not yesterday's closed one", "", ["Piet Pieters", "Anna de Vries"]),
        ("a search by name also finds a closed one", "fenna", ["Fenna Bos"]),
        ("a search by postcode, spaces left out", "7623zx", ["Fenna Bos"]),
        ("a search by e-mail address", "ANNA@example", ["Anna de Vries"]),
        ("a search several conversations match", "e", ["Fenna Bos", "Piet Pieters", "Anna de Vries"]),
        ("a search nothing matches logs nothing", "niemand", []),
    ]

    @Test("each conversation a list or search shows is logged once for its person, naming the staff member, in one change", arguments: runs)
    func listed(_ name: String, _ query: String, _ expected: Set<String>) throws {
        let d = try Desk()
        let mark = d.mark
        let version = d.w.store.seenVersion(.audit)
        var run = IntakeListing(query: query)
        let rows = try d.w.store.listIntakes(&run, by: d.w.desk)
        #expect(Set(rows.map(\.person.name)) == expected)
        let events = try d.events(.intakeListed, since: mark)
        #expect(events.compactMap(\.target).sorted() == rows.map { "intake:\($0.id)" }.sorted())
        for e in events {
            #expect(e.actor == d.w.staff.id)
            #expect(e.subject == rows.first { "intake:\($0.id)" == e.target }?.person.account, "for the person whose conversation it is")
        }
        #expect(d.w.store.seenVersion(.audit) == version + (rows.isEmpty ? 0 : 1), "one change for the whole listing")
        // The same run read again (a redraw, coming back to the list, a live refresh) writes nothing.
        #expect(try d.w.store.listIntakes(&run, by: d.w.desk) == rows)
        #expect(try d.events(.intakeListed, since: mark).count == rows.count)
        // Running the search again is looking again: logged again.
        var again = IntakeListing(query: query)
        _ = try d.w.store.listIntakes(&again, by: d.w.desk)
        #expect(try d.events(.intakeListed, since: mark).count == 2 * rows.count)
    }

    @Test("a conversation that comes into a run later is logged when it is shown; the others not again") func newRow() throws {
        let d = try Desk()
        var run = IntakeListing()
        _ = try d.w.store.listIntakes(&run, by: d.w.desk)
        let mark = d.mark
        let karin = try d.w.store.createIntake(d.w.input { $0.name = "Karin Smit"; $0.phone = "0749876543"; $0.postcode = "" }, by: d.w.desk)
        #expect(try d.w.store.listIntakes(&run, by: d.w.desk).count == 3)
        #expect(try d.events(.intakeListed, since: mark).map(\.target) == ["intake:\(karin.id)"])
    }

    @Test("the count before erasing tells the desk each of the person's conversations exists: each is logged (an unlinked one is its own)") func count() throws {
        let d = try Desk()
        _ = try d.w.store.createIntake(d.w.input { $0.question = "Tweede vraag" }, by: d.w.desk)
        let mark = d.mark
        #expect(try d.w.store.intakeCountOfPerson(of: d.piet.id, by: d.w.desk) == 1)
        let events = try d.events(.intakeListed, since: mark)
        #expect(events.map(\.target) == ["intake:\(d.piet.id)"])
        #expect(events.allSatisfy { $0.actor == d.w.staff.id })
    }

    @Test("the account a typed address belongs to is logged for its holder, once while the form shows it") func lookUp() throws {
        let d = try Desk()
        let mark = d.mark
        #expect(try d.w.store.accountMatch(email: "niemand@example.nl", by: d.w.desk) == nil)
        #expect(try d.events(.accountLookedUp, since: mark).isEmpty, "no account, nothing shown")
        let anna = try #require(try d.w.store.accountMatch(email: "anna@example.nl", by: d.w.desk))
        #expect(try d.w.store.accountMatch(email: " ANNA@example.nl", shown: anna, by: d.w.desk) == anna)
        #expect(try d.events(.accountLookedUp, since: mark).map(\.subject) == [d.w.resident.id], "the same match again writes nothing")
        let kees = try #require(try d.w.store.accountMatch(email: "kees@example.nl", shown: anna, by: d.w.desk))
        let events = try d.events(.accountLookedUp, since: mark)
        #expect(events.map(\.subject) == [d.w.resident.id, kees.id])
        #expect(events.map(\.target) == ["account:\(d.w.resident.id)", "account:\(kees.id)"])
        #expect(events.allSatisfy { $0.actor == d.w.staff.id })
    }

    static let exportLines: [(String, String)] = [
        ("linking the conversation to the account", "intake-linked"),
        ("a row of the day's list", "intake-listed"),
        ("opening the conversation", "intake-opened"),
        ("looking the account up by e-mail address", "account-looked-up"),
    ]

    @Test("the resident finds each showing in their export, with who and in which role", arguments: exportLines)
    func export(_ what: String, _ action: String) throws {
        let d = try Desk()
        var run = IntakeListing()
        _ = try d.w.store.listIntakes(&run, by: d.w.desk)
        _ = try d.w.store.openIntake(d.anna.id, by: d.w.desk)
        _ = try d.w.store.accountMatch(email: "anna@example.nl", by: d.w.desk)
        let export = try d.w.store.export(d.w.resident.id, by: .account(d.w.resident))
        let lines = export.auditEvents.filter { $0.action == action }
        #expect(lines.count == 1, "\(what)")
        #expect(lines.allSatisfy { $0.by == "staff" && $0.byName == "Lotte Balie" && $0.byRole == "desk-staff" }, "\(what)")
        // Only her own: the rows of Piet's conversation are in no one's account log.
        #expect(export.auditEvents.filter { $0.action == "intake-listed" }.map(\.target) == ["intake:\(d.anna.id)"])
    }
}

/// The desk links a conversation to an account only explicitly: whose account it is is
/// shown, the resident agrees, and the link is logged for them. Never by a matching detail.
@Suite struct IntakeLinkTests {
    /// Anna (the resident) or Kees (another account holder).
    enum Who: Sendable { case anna, kees }

    /// One row: a new or recorded conversation, its link before and after, the agreement given.
    struct Row: Sendable, CustomTestStringConvertible {
        let name: String
        /// nil for a new conversation; else the recorded one's link (`.some(nil)`: recorded unlinked).
        let recorded: Who??
        let after: Who?
        let consent: Who?
        let expected: CoreError?
        /// The link events written, and for whom.
        let events: [(AuditEvent.Action, Who)]
        init(_ name: String, recorded: Who??, after: Who?, consent: Who?, _ expected: CoreError?, _ events: [(AuditEvent.Action, Who)]) {
            self.name = name
            self.recorded = recorded
            self.after = after
            self.consent = consent
            self.expected = expected
            self.events = events
        }
        var testDescription: String { name }
    }

    static let rows: [Row] = [
        Row("a new conversation linked without agreement", recorded: nil, after: .anna, consent: nil, .linkNotAgreed, []),
        Row("a new conversation with agreement for another account", recorded: nil, after: .anna, consent: .kees, .linkNotAgreed, []),
        Row("a new conversation linked with the resident's agreement", recorded: nil, after: .anna, consent: .anna, nil, [(.intakeLinked, .anna)]),
        Row("a new conversation not linked needs no agreement", recorded: nil, after: nil, consent: nil, nil, []),
        Row("an agreement alone links nothing", recorded: nil, after: nil, consent: .anna, nil, []),
        Row("linking a recorded conversation needs agreement", recorded: .some(nil), after: .anna, consent: nil, .linkNotAgreed, []),
        Row("linking a recorded conversation with agreement", recorded: .some(nil), after: .anna, consent: .anna, nil, [(.intakeLinked, .anna)]),
        Row("an unchanged link needs no new agreement", recorded: .anna, after: .anna, consent: nil, nil, []),
        Row("removing a link is logged for the former holder", recorded: .anna, after: nil, consent: nil, nil, [(.intakeUnlinked, .anna)]),
        Row("moving a link needs the new holder's agreement", recorded: .anna, after: .kees, consent: .anna, .linkNotAgreed, []),
        Row("moving a link with the new holder's agreement", recorded: .anna, after: .kees, consent: .kees, nil,
            [(.intakeUnlinked, .anna), (.intakeLinked, .kees)]),
    ]

    @Test("a conversation is linked to an account only with the resident's agreement, and the link is logged for them", arguments: rows)
    func link(_ row: Row) throws {
        let w = try DeskWorld()
        func id(_ who: Who) -> AccountID { who == .anna ? w.resident.id : w.editor.id }
        // Anna's e-mail address also when unlinked: a matching address links nothing by itself.
        func input(_ who: Who?) -> IntakeInput { w.input { $0.email = who == .kees ? "kees@example.nl" : "anna@example.nl"; $0.account = who.map(id) } }
        var recorded: Intake?
        if let before = row.recorded {
            recorded = try w.store.createIntake(input(before), consent: before.map { LinkConsent(account: id($0)) }, by: w.desk)
        }
        let mark = w.store.state.audit.all.map(\.id.rawValue).max() ?? 0
        let consent = row.consent.map { LinkConsent(account: id($0)) }
        let save: () throws -> Intake = {
            if let r = recorded { return try w.store.updateIntake(r.id, input(row.after), consent: consent, by: w.desk) }
            return try w.store.createIntake(input(row.after), consent: consent, by: w.desk)
        }
        if let expected = row.expected {
            #expect(throws: expected) { try save() }
            #expect(w.store.state.intakes.all.map(\.person.account) == (recorded.map { [$0.person.account] } ?? []), "nothing changed")
        } else {
            #expect(try save().person.account == row.after.map(id))
        }
        let links = w.store.state.audit.all.filter { $0.id.rawValue > mark && [.intakeLinked, .intakeUnlinked].contains($0.action) }.sorted { $0.id < $1.id }
        #expect(links.map(\.action) == row.events.map(\.0))
        #expect(links.map(\.subject) == row.events.map { id($0.1) })
        #expect(links.allSatisfy { $0.actor == w.staff.id })
    }

    @Test("nothing links by itself: a conversation with the account holder's own name, phone and e-mail stays out of their account")
    func noAutomaticLink() throws {
        let w = try DeskWorld()
        try w.store.updateProfile(for: w.resident.id, by: .account(w.resident)) { $0.phone = "06-12345678" }
        let anna = try #require(w.store.state.accounts[w.resident.id.rawValue])
        let same = w.input { $0.name = anna.name; $0.phone = "06-12345678"; $0.email = anna.email }
        let intake = try w.store.createIntake(same, by: w.desk)
        #expect(intake.person.account == nil)
        var changed = same
        changed.notes = "Later bijgewerkt"
        try w.store.updateIntake(intake.id, changed, by: w.desk)
        var run = IntakeListing(query: anna.name)
        _ = try w.store.listIntakes(&run, by: w.desk)
        _ = try w.store.accountMatch(email: anna.email, by: w.desk)
        // A linked conversation of hers does not take the other into her history or her account: alike is not the same.
        let linked = try w.store.createIntake(w.input { $0.email = anna.email; $0.account = anna.id }, consent: LinkConsent(account: anna.id), by: w.desk)
        #expect(try w.store.personHistory(of: linked.id, by: w.desk).intakes.count == 1)
        #expect(w.store.state.intakes[intake.id.rawValue]?.person.account == nil)
        let export = try w.store.export(anna.id, by: .account(anna))
        #expect(export.intakes.map(\.id) == [linked.id.rawValue])
        #expect(!w.store.state.audit.all.contains { $0.action == .intakeLinked && $0.target == "intake:\(intake.id)" })
    }
}

// The shard-file formats 1–3 are read only to move a store into its database; the committed
// fixture of a store written by the stop 17 build (format 2 with the throttle fields appended)
// tests that move (`OlderBuildStoreTests`).
