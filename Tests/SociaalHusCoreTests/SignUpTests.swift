import Foundation
import Testing
@_spi(Operator) @testable import SociaalHusCore

/// Sign-ups and reminders: places, the waiting list, who the organiser sees, what people are
/// told, and that a person's rows are theirs by reference in the export and erasure.
@Suite struct SignUpTests {
    /// The desk world with one activity of the Voedselbank (edited by Kees) two days ahead at
    /// 19:30, taking sign-ups, and three more residents.
    struct World {
        let w: DeskWorld
        let item: AgendaItem
        let bea: Account, carl: Account, dirk: Account
        var store: Store { w.store }
        var at: Date { item.start }

        init(places: Int? = 2, waitingList: Bool = true, recurrence: Recurrence = .none) throws {
            w = try DeskWorld()
            var c = DateComponents()
            c.year = 2026; c.month = 11; c.day = 26; c.hour = 19; c.minute = 30
            let start = amsterdamCalendar().date(from: c)!
            item = try w.store.perform(.createAgendaItem(AgendaItem(id: AgendaItemID(0), title: "Kookcafé", start: start, end: start.addingTimeInterval(7_200),
                                                                   location: "Buurthuis De Bron", organisation: w.voedselbank.id, recurrence: recurrence),
                                                        signUps: SignUpOptions(places: places, waitingList: waitingList)), as: .commandLine)
            bea = try addResident(w.store, "bea@example.nl", name: "Bea Openbaar", visibility: .public)
            carl = try addResident(w.store, "carl@example.nl", name: "Carl Anoniem", visibility: .anonymous)
            dirk = try addResident(w.store, "dirk@example.nl", name: "Dirk Buur", wijk: "Hertme", visibility: .neighbours)
        }

        func signUp(_ a: Account, _ request: SignUpRequest = SignUpRequest()) throws -> SignUp {
            try store.perform(.signUp(item.id, at: at, request), as: .account(a))
        }

        func summary(_ a: Account) -> SignUpSummary { store.signUpSummary(item.id, at: at, for: .account(a))! }

        /// The text of the newest platform message in `a`'s Berichten.
        func told(_ a: Account) -> String? {
            store.messages(for: .account(store.state.accounts[a.id.rawValue]!)).filter { $0.isFromAdministration }.max { $0.id < $1.id }?.text
        }
    }

    @Test("places go in order of signing up, then the waiting list; a freed place goes to the first in line, who is told")
    func placesAndWaitingList() throws {
        let w = try World()
        #expect(try w.signUp(w.bea).state == .place)
        #expect(try w.signUp(w.carl).state == .place)
        #expect(try w.signUp(w.dirk).state == .waiting)
        #expect(w.summary(w.dirk).myWaitingPosition == 1)
        #expect(w.summary(w.w.resident).placesLeft == 0 && w.summary(w.w.resident).isFull)
        #expect(Language.dutch.t(w.summary(w.w.resident).word!) == "Vol, wachtlijst: 1")
        try w.store.perform(.cancelSignUp(w.item.id, at: w.at), as: .account(w.bea))
        #expect(w.summary(w.dirk).mine?.state == .place)
        #expect(w.summary(w.dirk).taken == 2 && w.summary(w.dirk).waiting == 0)
        let told = try #require(w.told(w.dirk))
        #expect(told.contains("Er is een plaats vrij gekomen") && told.contains("Kookcafé") && told.contains("19:30") && told.contains("Buurthuis De Bron"))
        #expect(told.contains("A place came free"), "in both languages")
        #expect(w.told(w.carl) == nil, "nobody else is told")
    }

    @Test("without a waiting list a full activity refuses, saying so; signing up again keeps the one place")
    func full() throws {
        let w = try World(places: 1, waitingList: false)
        _ = try w.signUp(w.bea)
        #expect(throws: CoreError.signUpFull) { try w.signUp(w.carl) }
        #expect(try w.signUp(w.bea, SignUpRequest(showEmail: true)).state == .place)
        #expect(w.summary(w.bea).taken == 1)
        #expect(Language.dutch.t(CoreError.signUpFull.word).contains("geen wachtlijst"))
    }

    @Test("the organiser sees each participant only as their level and their ticks allow; a reminder is nobody's business",
          arguments: [
            // (who, ticks email, ticks phone, name the editor sees, e-mail shown, phone shown)
            ("bea", true, true, "Bea Openbaar", true, true),
            ("bea", false, false, "Bea Openbaar", false, false),
            ("carl", true, false, "anonieme deelnemer", true, false),
            ("dirk", false, true, "anonieme deelnemer", false, true),
          ])
    func organiserSees(who: String, email: Bool, phone: Bool, name: String, emailShown: Bool, phoneShown: Bool) throws {
        let w = try World(places: nil)
        let person = ["bea": w.bea, "carl": w.carl, "dirk": w.dirk][who]!
        try w.store.updateProfile(for: person.id, by: .account(person)) { $0.phone = "06-5555 1234" }
        _ = try w.signUp(w.store.state.accounts[person.id.rawValue]!, SignUpRequest(showEmail: email, showPhone: phone))
        _ = try w.signUp(w.w.resident, SignUpRequest(reminderOnly: true))
        let list = try w.store.participants(w.item.id, at: w.at, for: .account(w.w.editor))
        #expect(list.count == 1, "the reminder is not listed")
        let p = try #require(list.first)
        #expect(p.name.text(.dutch) == name)
        #expect((p.email == person.email) == emailShown && (p.email == nil) == !emailShown)
        #expect((p.phone == "06-5555 1234") == phoneShown && (p.phone == nil) == !phoneShown)
        for other in [w.bea, w.w.resident, w.w.staff] {
            #expect(throws: CoreError.notPermitted(.notEditor)) { try w.store.participants(w.item.id, at: w.at, for: .account(other)) }
        }
    }

    @Test("a visitor signs up with an address, gets the confirmation by e-mail, and is in their export and erasure")
    func visitor() throws {
        let w = try World(places: 1)
        _ = try w.signUp(w.bea)
        let row = try w.store.perform(.signUp(w.item.id, at: w.at, SignUpRequest(visitorName: "Vera Bezoeker", visitorEmail: "Vera@Example.org")), as: .visitor)
        #expect(row.state == .waiting && row.email == "vera@example.org")
        let mail = try #require(w.store.state.outbox.all.first { $0.to == "vera@example.org" })
        #expect(mail.kind == .signUp && mail.body.contains("wachtlijst") && mail.body.contains("info@voedselbank.example"))
        #expect(try w.store.visitorExport(email: "vera@example.org", by: .commandLine).signUps.map(\.activity) == ["Kookcafé"])
        #expect(throws: (any Error).self) {
            try w.store.perform(.signUp(w.item.id, at: w.at, SignUpRequest(visitorName: "X", visitorEmail: "geen adres")), as: .visitor)
        }
        try w.store.perform(.cancelSignUp(w.item.id, at: w.at), as: .account(w.bea))
        #expect(w.summary(w.carl).taken == 1, "the visitor got the place")
        #expect(w.store.state.outbox.all.filter { $0.to == "vera@example.org" }.count == 2, "and was told by e-mail")
        #expect(try w.store.eraseVisitor(email: "vera@example.org", by: .commandLine) > 0)
        #expect(try SignUpRows.of(visitor: "vera@example.org", in: w.store.db).isEmpty)
        #expect(w.summary(w.carl).taken == 0)
    }

    @Test("reminders go once, the chosen number of calendar days ahead, never to the waiting list; running cron twice sends nothing twice")
    func reminders() throws {
        let w = try World(places: 1)
        _ = try w.signUp(w.bea, SignUpRequest(remindDays: 1))                         // place: reminded on the 25th
        _ = try w.signUp(w.carl, SignUpRequest(remindDays: 1))                        // waiting: not reminded
        _ = try w.signUp(w.dirk, SignUpRequest(reminderOnly: true, remindDays: 2))     // reminder: on the 24th
        _ = try w.signUp(w.w.resident, SignUpRequest(reminderOnly: true, remindDays: nil)) // no reminder asked
        // Tuesday 24th 10:00: two days before only Dirk's is due.
        #expect(try w.store.perform(.sendReminders(), as: .commandLine) == 1)
        #expect(try w.store.perform(.sendReminders(), as: .commandLine) == 0, "never twice")
        w.w.clock.advance(86_400)   // Wednesday 25th 10:00
        #expect(try w.store.perform(.sendReminders(), as: .commandLine) == 1)
        #expect(try w.store.perform(.sendReminders(), as: .commandLine) == 0)
        let mails = w.store.state.outbox.all.filter { $0.kind == .reminder }
        #expect(Set(mails.map(\.to)) == ["bea@example.nl", "dirk@example.nl"])
        let bea = try #require(mails.first { $0.to == "bea@example.nl" })
        #expect(bea.subject.contains("Herinnering: Kookcafé") && bea.body.contains("donderdag 26 november 2026, 19:30–21:30")
                && bea.body.contains("Buurthuis De Bron") && bea.body.contains("druk op a") && bea.body.contains("Thursday 26 November 2026"))
        // After the start nothing more goes.
        w.w.clock.advance(3 * 86_400)
        #expect(try w.store.perform(.sendReminders(), as: .commandLine) == 0)
    }

    @Test("a deleted activity tells everyone with a sign-up or reminder, and leaves no row")
    func deleted() throws {
        let w = try World(places: 1)
        _ = try w.signUp(w.bea)
        _ = try w.signUp(w.carl)
        _ = try w.signUp(w.dirk, SignUpRequest(reminderOnly: true))
        let visitor = try w.store.perform(.signUp(w.item.id, at: w.at, SignUpRequest(visitorName: "V", visitorEmail: "v@example.org")), as: .visitor)
        #expect(visitor.state == .waiting)
        try w.store.perform(.deleteAgendaItem(w.item.id), as: .account(w.w.editor))
        for a in [w.bea, w.carl, w.dirk] { #expect(w.told(a)?.contains("gaat niet door") == true, "\(a.name)") }
        #expect(w.store.state.outbox.all.contains { $0.to == "v@example.org" && $0.body.contains("does not take place") })
        #expect(try w.store.db.integer("SELECT count(*) FROM signup") == 0)
        #expect(try w.store.db.integer("SELECT count(*) FROM signup_option") == 0)
    }

    @Test("an edit that moves the activity moves its sign-ups and tells them; one that drops their day tells them it does not take place")
    func edited() throws {
        let w = try World(places: 5, recurrence: Recurrence(.weekly))
        _ = try w.signUp(w.bea)
        let nextWeek = w.at.addingTimeInterval(7 * 86_400)
        _ = try w.store.perform(.signUp(w.item.id, at: nextWeek, SignUpRequest()), as: .account(w.carl))
        var edit = AgendaEdit(w.item)
        edit.start = w.item.start.addingTimeInterval(1_800)
        edit.end = w.item.end!.addingTimeInterval(1_800)
        try w.store.perform(.editAgendaItem(w.item.id, edit, basedOn: w.item), as: .account(w.w.editor))
        #expect(w.store.mySignUps(for: .account(w.bea)).map(\.occurrence) == [w.at.addingTimeInterval(1_800)])
        #expect(w.told(w.bea)?.contains("is gewijzigd") == true)
        // Now it happens once: next week's sign-up has no day left.
        var once = AgendaEdit(w.store.state.agenda[w.item.id.rawValue]!)
        once.recurrence = .none
        try w.store.perform(.editAgendaItem(w.item.id, once), as: .account(w.w.editor))
        #expect(w.store.mySignUps(for: .account(w.carl)).isEmpty)
        #expect(w.told(w.carl)?.contains("gaat niet door") == true)
        #expect(w.store.mySignUps(for: .account(w.bea)).count == 1)
    }

    @Test("the organiser cannot give fewer places than are taken; other bad values are refused with what to do",
          arguments: [(0, CoreError.signUpPlacesOutOfRange(10_000)), (10_001, .signUpPlacesOutOfRange(10_000)), (1, .signUpPlacesBelowTaken(2))])
    func placesRefused(places: Int, error: CoreError) throws {
        let w = try World(places: 3)
        _ = try w.signUp(w.bea)
        _ = try w.signUp(w.carl)
        #expect(throws: error) { try w.store.perform(.setSignUpOptions(w.item.id, SignUpOptions(places: places)), as: .account(w.w.editor)) }
        #expect(w.summary(w.bea).options?.places == 3, "nothing changed")
    }

    @Test("no sign-up for a past occurrence, for an activity without sign-ups, or for a day it does not take place; reminders 0 to 14 days")
    func refused() throws {
        let w = try World()
        #expect(throws: CoreError.notFound(what: "agenda \(w.item.id) at \(w.at.addingTimeInterval(60))")) {
            try w.store.perform(.signUp(w.item.id, at: w.at.addingTimeInterval(60), SignUpRequest()), as: .account(w.bea))
        }
        #expect(throws: CoreError.remindDaysOutOfRange(14)) { try w.signUp(w.bea, SignUpRequest(remindDays: 15)) }
        try w.store.perform(.setSignUpOptions(w.item.id, nil), as: .account(w.w.editor))
        #expect(throws: CoreError.signUpNotTaken) { try w.signUp(w.bea) }
        #expect(try w.signUp(w.bea, SignUpRequest(reminderOnly: true)).state == .reminder, "a reminder is for any activity")
        w.w.clock.advance(3 * 86_400)
        #expect(throws: CoreError.signUpPast) { try w.signUp(w.carl, SignUpRequest(reminderOnly: true)) }
    }

    @Test("a person's sign-ups are in their export and go with their erasure, their place to the next in line; nobody else's change")
    func exportAndErasure() throws {
        let w = try World(places: 1)
        _ = try w.signUp(w.bea, SignUpRequest(showEmail: true, remindDays: 2))
        _ = try w.signUp(w.carl)
        let export = try w.store.export(w.bea.id, by: .account(w.bea))
        #expect(export.signUps.map(\.activity) == ["Kookcafé"] && export.signUps.first?.state == "place" && export.signUps.first?.remindDays == 2)
        try w.store.erase(w.bea.id, by: .account(w.bea))
        #expect(try w.store.db.integer("SELECT count(*) FROM signup WHERE account = ?1", w.bea.id.rawValue) == 0)
        #expect(w.summary(w.carl).mine?.state == .place, "Carl moved up")
        #expect(w.store.mySignUps(for: .account(w.carl)).count == 1)
    }

    /// `n` weeks after `date` at the same time of day in Amsterdam.
    static func weeks(_ n: Int, after date: Date) -> Date { amsterdamCalendar().date(byAdding: .weekOfYear, value: n, to: date)! }

    @Test("nobody holds more than the limit of sign-ups at once")
    func perPersonLimit() throws {
        let w = try World(places: nil, recurrence: Recurrence(.weekly))
        for week in 0..<SignUp.maximumPerPerson {
            _ = try w.store.perform(.signUp(w.item.id, at: Self.weeks(week, after: w.at), SignUpRequest(reminderOnly: true)), as: .account(w.bea))
        }
        #expect(throws: CoreError.signUpTooMany(SignUp.maximumPerPerson)) {
            try w.store.perform(.signUp(w.item.id, at: Self.weeks(SignUp.maximumPerPerson, after: w.at), SignUpRequest()), as: .account(w.bea))
        }
    }

    @Test("a visitor's address gets at most the day's limit of new sign-ups, however it is written; changing one held is no new one; a day later it may again")
    func visitorAddressPerDay() throws {
        let w = try World(places: nil, recurrence: Recurrence(.weekly))
        func visitor(_ week: Int, _ email: String) throws -> SignUp {
            try w.store.perform(.signUp(w.item.id, at: Self.weeks(week, after: w.at), SignUpRequest(visitorName: "Vera", visitorEmail: email)), as: .visitor)
        }
        for week in 0..<SignUp.maximumPerVisitorAddressPerDay {
            _ = try visitor(week, week.isMultiple(of: 2) ? "vera@example.org" : "Vera@EXAMPLE.org")
        }
        let limit = SignUp.maximumPerVisitorAddressPerDay
        #expect(throws: CoreError.visitorSignUpsToday(limit)) { try visitor(limit, "VERA@example.org") }
        #expect(try visitor(0, "vera@example.org").state == .place, "the same sign-up again changes it")
        #expect(try visitor(limit, "wim@example.org").state == .place, "another address is not held back")
        w.w.clock.advance(25 * 3_600)
        #expect(try visitor(limit, "vera@example.org").state == .place)
        #expect(Language.dutch.t(CoreError.visitorSignUpsToday(limit).word).contains("morgen"))
    }

    @Test("one occurrence moved: its sign-ups follow and are told the new time; cancelled: they are told and go; the other weeks stay")
    func oneOccurrence() throws {
        let w = try World(places: 5, recurrence: Recurrence(.weekly))
        let nextWeek = Self.weeks(1, after: w.at)
        _ = try w.signUp(w.bea)
        _ = try w.store.perform(.signUp(w.item.id, at: nextWeek, SignUpRequest()), as: .account(w.bea))
        _ = try w.signUp(w.carl, SignUpRequest(reminderOnly: true))
        let later = w.at.addingTimeInterval(3_600)
        try w.store.perform(.changeOccurrence(w.item.id, on: w.at, .move(start: later, end: later.addingTimeInterval(7_200))), as: .account(w.w.editor))
        #expect(Set(w.store.mySignUps(for: .account(w.bea)).map(\.occurrence)) == [later, nextWeek])
        #expect(w.store.mySignUps(for: .account(w.carl)).map(\.occurrence) == [later])
        #expect(w.told(w.bea)?.contains("is gewijzigd") == true && w.told(w.bea)?.contains("20:30") == true)
        try w.store.perform(.changeOccurrence(w.item.id, on: w.at, .cancel), as: .account(w.w.editor))
        #expect(w.store.mySignUps(for: .account(w.bea)).map(\.occurrence) == [nextWeek], "next week's stays")
        #expect(w.store.mySignUps(for: .account(w.carl)).isEmpty)
        #expect(w.told(w.carl)?.contains("gaat niet door op deze dag") == true)
    }

    @Test("the desk finds activities taking sign-ups by words of their title, case and accents ignored, soonest next occurrence first, at most the limit")
    func byTitle() throws {
        let w = try World()  // Kookcafé, Thursday 26 November at 19:30
        func make(_ title: String, in days: Double, signUps: SignUpOptions? = SignUpOptions(places: 10, waitingList: false),
                  recurrence: Recurrence = .none) throws -> AgendaItem {
            let start = w.at.addingTimeInterval(days * 86_400)
            return try w.store.perform(.createAgendaItem(AgendaItem(id: AgendaItemID(0), title: title, start: start, end: start.addingTimeInterval(3_600),
                                                                    location: "Buurthuis", organisation: w.w.voedselbank.id, recurrence: recurrence),
                                                         signUps: signUps), as: .commandLine)
        }
        let lesson = try make("KOOKLES voor beginners", in: 7)
        try make("Kookclub", in: 1, signUps: nil)  // takes no sign-ups
        // Two made a fortnight ago. One weekly since last Saturday: listed by its next time,
        // Saturday the 28th, not by its start; one whose only time has passed.
        w.w.clock.set(testNow.addingTimeInterval(-14 * 86_400))
        let group = try make("Kóókgroep", in: -5, recurrence: Recurrence(.weekly))
        try make("Kookavond", in: -9)
        w.w.clock.set(testNow)
        try make("Wandelclub", in: 2)  // another title
        let found = w.store.signUpActivities(matching: " kook ", for: .commandLine)
        #expect(found.map(\.item.id) == [w.item.id, group.id, lesson.id])
        #expect(found.map(\.next) == [w.at, w.at.addingTimeInterval(2 * 86_400), lesson.start])
        #expect(found.map(\.item) == [w.item, group, lesson].map { w.store.agendaItem($0.id, for: .commandLine)! })
        #expect(w.store.signUpActivities(matching: "kook", for: .commandLine, limit: 2).map(\.item.id) == [w.item.id, group.id])
        #expect(w.store.signUpActivities(matching: "  ", for: .commandLine).isEmpty)
    }
}
