import Foundation
import Testing
@testable import SociaalHusCore

/// Issue 12, first hole: the acting account is checked as it is now, inside the change, in
/// every process. A terminal that still holds an old copy of the account loses its power at once.
@Suite struct StaleActorTests {
    enum Change: String, CaseIterable { case blocked, demoted, erased }

    @Test("regression: a desk account blocked, demoted or erased at another terminal can no longer open or record an intake", arguments: Change.allCases)
    func staleDesk(change: Change) throws {
        let w = try DeskWorld()
        let intake = try w.store.createIntake(w.input(), by: w.desk)
        let stale = w.desk // this terminal's copy of the desk account
        // Another process, on the same folder, acting as the administrator.
        let other = try reopen(w.dir, clock: w.clock)
        switch change {
        case .blocked: try other.setBlocked(w.staff.id, blocked: true, by: .account(w.admin))
        case .demoted:
            try other.update { tx in
                var a = tx.state.accounts[w.staff.id.rawValue]!
                a.roles.deskStaff = false
                tx.put(a)
            }
        case .erased: try other.erase(w.staff.id, by: nil)
        }
        let expected: PermissionDenial = switch change {
        case .blocked: .blocked
        case .demoted: .rightsChanged
        case .erased: .accountGone
        }
        #expect(throws: CoreError.notPermitted(expected)) { try w.store.openIntake(intake.id, by: stale) }
        #expect(throws: CoreError.notPermitted(expected)) { try w.store.intakes(by: stale) }
        #expect(throws: CoreError.notPermitted(expected)) { try w.store.createIntake(w.input(), by: stale) }
        #expect(w.store.state.intakes.count == 1, "nothing new was recorded")
    }

    @Test("an unchanged account keeps working after unrelated changes to it") func unchanged() throws {
        let w = try DeskWorld()
        let stale = w.desk
        let other = try reopen(w.dir, clock: w.clock)
        try other.setEmailPreference(.announcement, to: true, for: w.staff.id, by: .account(w.staff))
        _ = try w.store.createIntake(w.input(), by: stale)
    }
}
