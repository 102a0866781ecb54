import Foundation

extension Store {
    /// Adds an organisation to the directory (administrators, or the operator: `.commandLine`).
    @discardableResult
    func createOrganisation(_ draft: Organisation, by viewer: Viewer) throws -> Organisation {
        try Permissions.require(.manageOrganisations, by: viewer)
        var org = try Self.validate(draft)
        return try update(actor: viewer) { tx in
            for w in org.wijken where tx.state.wijk(w) == nil { throw CoreError.unknownWijk(String(w.rawValue)) }
            org.id = tx.nextID(.organisations)
            org.createdBy = viewer.account?.id
            tx.put(org)
            tx.audit(.organisationCreated, actor: viewer.account?.id, subject: nil, target: "organisation:\(org.id)")
            return org
        }
    }

    /// Changes an organisation's entry (its editors, administrators).
    /// With `basedOn` (the entry as the form showed it), a save over a newer version is refused.
    func updateOrganisation(_ id: OrganisationID, basedOn: Organisation? = nil, by viewer: Viewer, _ change: (inout Organisation) -> Void) throws {
        try Permissions.require(.editOrganisation(id), by: viewer)
        try update(actor: viewer) { tx in
            guard var org = tx.state.organisations[id.rawValue] else { throw CoreError.unknownOrganisation(String(id.rawValue)) }
            if let basedOn, basedOn != org {
                throw CoreError.changedElsewhere(what: "'\(basedOn.name)'", changed: ChangedField.diff([
                    (.name3, basedOn.name, org.name), (.descriptionText2, basedOn.description, org.description),
                    (.categories2, basedOn.categories.joined(separator: ", "), org.categories.joined(separator: ", ")),
                    (.address3, basedOn.address, org.address), (.phone3, basedOn.phone, org.phone),
                    (.eMail2, basedOn.email, org.email), (.website, basedOn.website, org.website),
                    (.openingHours3, basedOn.openingHours, org.openingHours)]))
            }
            change(&org)
            org.id = id
            org = try Self.validate(org)
            tx.put(org)
            tx.audit(.organisationChanged, actor: viewer.account?.id, subject: nil, target: "organisation:\(id)")
        }
    }

    static func validate(_ draft: Organisation) throws -> Organisation {
        var o = draft
        o.name = try validated(o.name, .name)
        o.description = try validated(o.description, .description, required: false)
        o.address = try validated(o.address, .address, required: false)
        o.phone = try validated(o.phone, .phone, required: false)
        o.email = o.email.isEmpty ? "" : try EmailAddress.normalise(o.email)
        o.website = try validated(o.website, .website, required: false)
        o.openingHours = try validated(o.openingHours, .openingHours, required: false)
        return o
    }
}
