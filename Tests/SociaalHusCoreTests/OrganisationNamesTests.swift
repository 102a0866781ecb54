import Foundation
import Testing
@testable import SociaalHusCore

/// The names of the organisations a viewer may see, read from two columns when the records are
/// not read yet, say what the rule says of each record (`ContentVisibility.mayView`).
@Suite struct OrganisationNamesTests {
    @Test("names read from the columns equal names by the rule: every viewer, a blocked proposer, a private platform")
    func columnsEqualRule() throws {
        let w = try AgendaOccurrenceTests.world()
        // Organisations proposed by residents; one of them is blocked after.
        try w.store.update { tx in
            for (k, creator) in w.creators.enumerated() {
                tx.put(Organisation(id: tx.nextID(.organisations), name: "Voorstel \(k)", createdBy: creator))
            }
            var blocked = tx.state.accounts[w.creators[2].rawValue]!
            blocked.blocked = true
            tx.put(blocked)
        }
        for isPrivate in [false, true] {
            if isPrivate { try w.store.update { tx in var s = tx.state.settings; s.isPrivate = true; tx.setSettings(s) } }
            for (name, viewer) in w.viewers {
                let fresh = try reopen(w.dir)
                #expect(fresh.state.organisations.isPartial)
                let fromColumns = fresh.organisationNames(for: viewer)
                let viewerNow: Viewer = viewer.activeAccount.map { .account(fresh.state.accounts[$0.id.rawValue]!) } ?? viewer
                var byRule: [OrganisationID: String] = [:]
                for o in fresh.state.organisations.all
                where ContentVisibility.mayView(o, creator: o.createdBy.flatMap { fresh.state.accounts[$0.rawValue] }, by: viewerNow, settings: fresh.state.settings) {
                    byRule[o.id] = o.name
                }
                #expect(fromColumns == byRule, "\(name), private \(isPrivate)")
                #expect(fresh.organisationNames(for: viewer) == byRule, "\(name), private \(isPrivate), read whole")
            }
        }
    }
}
