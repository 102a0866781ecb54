import Foundation
import Testing
@testable import SociaalHusCore

/// Which organisations the desk is offered first for a conversation.
@Suite struct ReferralMatchTests {
    static let centrum = WijkID(1), hertme = WijkID(4)

    static func intake(_ category: IntakeCategory, wijk: WijkID?) -> Intake {
        var person = IntakePerson(name: "Piet")
        person.wijk = wijk
        return Intake(id: IntakeID(1), person: person, category: category, question: "q", notes: "", status: .open, staff: AccountID(1),
                      created: testNow, changed: testNow, closed: nil, referrals: [])
    }

    static func organisation(_ categories: [String], wijken: [WijkID]) -> Organisation {
        Organisation(id: OrganisationID(1), name: "Org", categories: categories, wijken: wijken)
    }

    @Test("subject and wijk", arguments: [
        ("same subject, works everywhere", IntakeCategory.geldzaken, centrum as WijkID?, ["geldzaken"], [WijkID](), true),
        ("same subject, in the person's wijk", .geldzaken, centrum, ["geldzaken"], [centrum], true),
        ("same subject, another wijk only", .geldzaken, centrum, ["geldzaken"], [hertme], false),
        ("another subject", .geldzaken, centrum, ["zorg en ondersteuning"], [], false),
        ("'overig' fits any subject", .overig, centrum, ["zorg en ondersteuning"], [centrum], true),
        ("'overig' still asks the wijk", .overig, centrum, ["zorg en ondersteuning"], [hertme], false),
        ("a person without a wijk fits any wijk", .geldzaken, nil, ["geldzaken"], [hertme], true),
    ])
    func fits(_ row: (String, IntakeCategory, WijkID?, [String], [WijkID], Bool)) {
        #expect(ReferralMatch.fits(Self.organisation(row.3, wijken: row.4), Self.intake(row.1, wijk: row.2)) == row.5, "\(row.0)")
    }

    @Test("the store offers the fitting organisations by name, or all, narrowed by a search") func candidates() throws {
        let w = try DeskWorld()
        let i = try w.store.createIntake(w.input(), by: w.desk)
        #expect(w.store.referralCandidates(for: i, by: w.desk).map(\.name) == ["Voedselbank Borne"])
        #expect(w.store.referralCandidates(for: i, all: true, by: w.desk).map(\.name) == ["Voedselbank Borne", "Welzijn Borne"])
        #expect(w.store.referralCandidates(for: i, all: true, search: "ZORG", by: w.desk).map(\.name) == ["Welzijn Borne"])
    }
}
