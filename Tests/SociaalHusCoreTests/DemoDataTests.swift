import Foundation
import Testing
@testable import SociaalHusCore
import SociaalHusDemo

/// The demo of `init --demo` must fill every part of the product, through the public API, for any "now".
@Suite struct DemoDataTests {
    /// Creates a store in a fresh temporary folder, runs `body`, and removes the folder.
    private func withDemoStore(now: Date, _ body: (Store, [DemoAccount]) throws -> Void) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("demo-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try Store.create(at: path, wijken: DemoData.wijken, clock: FixedClock(now))
        let accounts = try DemoData.populate(store)
        try body(store, accounts)
    }

    /// Moments to populate at: today, and days just before both daylight-saving changes of 2026
    /// (so the wall-clock arithmetic crosses them) and a month end (for the monthly items).
    static let moments: [Date] = [
        Date(),
        Date(timeIntervalSince1970: 1_774_692_000), // 2026-03-28 11:00 CET, the day before summer time
        Date(timeIntervalSince1970: 1_792_839_600), // 2026-10-24 13:00 CEST, the day before winter time
        Date(timeIntervalSince1970: 1_793_440_800), // 2026-10-31 11:00 CET, a month end
    ]

    @Test(arguments: moments)
    func demoFillsEverySection(now: Date) throws {
        try withDemoStore(now: now) { store, demo in
            let s = store.state
            #expect(s.organisations.count >= 20)
            #expect(s.agenda.count >= 60)
            #expect(s.posts.count >= 20)
            #expect(s.messages.count >= 3)

            // Every role, and every visibility level among residents.
            let accounts = Array(s.accounts.all)
            #expect(accounts.contains { $0.roles.resident })
            #expect(accounts.contains { !$0.roles.editorOf.isEmpty })
            #expect(accounts.contains { $0.roles.deskStaff })
            #expect(accounts.contains { !$0.roles.partnerOf.isEmpty })
            #expect(accounts.contains { $0.roles.administrator })
            let residentLevels = Set(accounts.filter(\.roles.resident).map(\.profile.visibility))
            #expect(residentLevels == Set(ProfileVisibility.allCases))
            #expect(demo.count == accounts.count)
            #expect(Set(demo.map(\.email)) == Set(accounts.map(\.email)))

            // Recurring items of each frequency, all-day items, and everything in the future.
            let items = Array(s.agenda.all)
            for f in [Recurrence.Frequency.weekly, .biweekly, .monthly] {
                #expect(items.contains { $0.recurrence.pattern == f }, "no \(f) item")
            }
            #expect(items.filter { $0.recurrence.repeats }.count >= 10)
            // The first Thursday of the month, with one time cancelled.
            let thursday = items.first { $0.recurrence.weekOfMonth == .first }
            #expect(thursday.map { LocalTime.calendar.component(.weekday, from: $0.start) } == 5)
            #expect(thursday?.recurrence.changes.count == 1 && thursday?.recurrence.changes.first?.cancelled == true)
            // Its second time, so the first shows in the list and the detail names the cancelled one.
            #expect(thursday.map { t in t.recurrence.changes.allSatisfy { $0.original > t.start } } == true)
            #expect(items.contains { $0.allDay && $0.end == nil })
            #expect(items.allSatisfy { $0.start > now })
            let wijkIDs = Set(s.settings.wijken.map(\.id))
            #expect(Set(items.compactMap(\.wijk)) == wijkIDs)
            #expect(items.contains { $0.wijk == nil })
            #expect(Set(s.posts.all.map(\.wijk)) == wijkIDs)

            let occurrences = try s.agenda(AgendaQuery(from: now, days: 56), viewer: .visitor)
            #expect(occurrences.count >= 60)
            // Every one-off item falls inside the 8-week window, whatever weekday "now" is.
            let oneOffs = Set(items.filter { !$0.recurrence.repeats }.map(\.id))
            #expect(oneOffs.isSubset(of: Set(occurrences.map(\.item.id))))
        }
    }

    @Test func demoIsDeterministicAndPasswordsWork() throws {
        let now = Date(timeIntervalSince1970: 1_780_000_000)
        var first: [String] = []
        try withDemoStore(now: now) { store, demo in
            first = store.state.agenda.all.sorted { $0.id < $1.id }.map { "\($0.title)|\($0.start.timeIntervalSince1970)" }
            for a in demo {
                #expect(PasswordPolicy.problem(with: a.password, name: "", email: a.email) == nil)
                let account = try store.login(email: a.email, password: a.password)
                #expect(account.email == a.email)
            }
        }
        try withDemoStore(now: now) { store, _ in
            let second = store.state.agenda.all.sorted { $0.id < $1.id }.map { "\($0.title)|\($0.start.timeIntervalSince1970)" }
            #expect(first == second)
        }
    }
}
