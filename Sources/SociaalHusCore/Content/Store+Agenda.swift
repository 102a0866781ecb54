import Foundation

extension Store {
    /// Adds an agenda item for an organisation after checking permissions and input; new items
    /// may not start in the past.
    @discardableResult
    func createAgendaItem(_ draft: AgendaItem, signUps: SignUpOptions? = nil, by viewer: Viewer) throws -> AgendaItem {
        try Permissions.require(.createAgendaItem(organisation: draft.organisation), by: viewer)
        var item = try Self.validate(draft)
        if item.start < clock.now() { throw CoreError.startInPast }
        return try update(actor: viewer) { tx in
            guard tx.state.organisations[item.organisation.rawValue] != nil else {
                throw CoreError.unknownOrganisation(String(item.organisation.rawValue))
            }
            if let w = item.wijk, tx.state.wijk(w) == nil { throw CoreError.unknownWijk(String(w.rawValue)) }
            item.id = tx.nextID(.agenda)
            item.createdBy = viewer.account?.id
            tx.put(item)
            if let signUps { try applySignUpOptions(signUps, to: item, in: &tx) }
            tx.audit(.agendaItemCreated, actor: viewer.account?.id, subject: nil, target: "agenda:\(item.id)")
            try Self.notifyNew(title: item.title, wijk: item.wijk, categories: PlatformCategory(matching: item.category).map { [$0] } ?? [],
                               author: viewer.account?.id, about: .activity(item.id), in: &tx)
            return item
        }
    }

    /// Changes an agenda item (editors of its organisation, administrators): only the parts an
    /// `AgendaEdit` holds; who created it and its moderation state stay as they are.
    /// With `basedOn` (the activity as the form showed it), a save over someone else's newer
    /// version is refused (never silently last-writer-wins).
    func editAgendaItem(_ id: AgendaItemID, _ edit: AgendaEdit, basedOn: AgendaItem? = nil, signUps: SignUpOptions?? = nil, by viewer: Viewer) throws {
        try update(actor: viewer) { tx in
            guard let original = tx.state.agenda[id.rawValue] else { throw CoreError.notFound(what: "agenda \(id)") }
            if let basedOn, basedOn != original {
                throw CoreError.changedElsewhere(what: "'\(basedOn.title)'", changed: ChangedField.diff([
                    (.title2, basedOn.title, original.title),
                    (.start, LocalTime.isoDay(basedOn.start) + " " + LocalTime.time(basedOn.start), LocalTime.isoDay(original.start) + " " + LocalTime.time(original.start)),
                    (.place2, basedOn.location, original.location), (.descriptionText2, basedOn.description, original.description)]))
            }
            try Permissions.require(.changeAgendaItem(original), by: viewer)
            var item = edit.applied(to: original)
            if item.organisation != original.organisation {
                try Permissions.require(.createAgendaItem(organisation: item.organisation), by: viewer)
            }
            item = try Self.validate(item, storedCategory: original.category)
            tx.put(item)
            // Sign-ups follow their occurrence; the options change in the same save.
            try followEdit(from: original, to: item, in: &tx)
            if let signUps { try applySignUpOptions(signUps, to: item, in: &tx) }
            tx.audit(.agendaItemChanged, actor: viewer.account?.id, subject: nil, target: "agenda:\(id)")
        }
    }

    /// Deletes an agenda item.
    func deleteAgendaItem(_ id: AgendaItemID, by viewer: Viewer) throws {
        try update(actor: viewer) { tx in
            guard let item = tx.state.agenda[id.rawValue] else { throw CoreError.notFound(what: "agenda \(id)") }
            try Permissions.require(.changeAgendaItem(item), by: viewer)
            tx.remove(item)
            // Everyone who signed up or asked for a reminder hears it does not take place.
            try dropSignUps(of: item, because: .activityCancelled, in: &tx)
            try withdrawWaiting(about: .activity(id), in: &tx)
            tx.audit(.agendaItemDeleted, actor: viewer.account?.id, subject: nil, target: "agenda:\(id)")
        }
    }

    /// Checks required fields, lengths, the category and that the end comes after the start.
    /// `storedCategory` is the category the activity has in the store when it is edited.
    static func validate(_ draft: AgendaItem, storedCategory: String? = nil) throws -> AgendaItem {
        var item = draft
        item.title = try validated(item.title, .title)
        item.description = try validated(item.description, .description, required: false)
        item.location = try validated(item.location, .location)
        item.category = try validCategory(item.category, stored: storedCategory)
        item.cost = try validated(item.cost, .cost, required: false)
        item.signup = try validated(item.signup, .signup, required: false)
        if let end = item.end, end <= item.start, !item.allDay { throw CoreError.endBeforeStart }
        if let end = item.end, end < item.start { throw CoreError.endBeforeStart }
        if let until = item.recurrence.until, until < item.start { throw CoreError.endBeforeStart }
        item.recurrence = try validRecurrence(item)
        return item
    }

    /// The category to keep: one of the platform's list by its key (however it was typed, "Sport"
    /// or "cultúur"), or none. Residents hear of a new activity only through that list, so a word
    /// outside it ("wandelen", a typo) is refused rather than saved to notify nobody; only the
    /// category the stored activity has already (typed before the list) stays when it is edited,
    /// so saving an old activity unchanged changes nothing.
    static func validCategory(_ text: String, stored: String?) throws -> String {
        let category = try validated(text, .category, required: false)
        if category.isEmpty { return "" }
        if let listed = PlatformCategory(matching: category) { return listed.key }
        if let stored, category == stored.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping { return stored }
        throw CoreError.unknownCategory(category)
    }
}
