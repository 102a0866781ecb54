import SociaalHusCore
import TerminalKit

/// Editing an organisation's directory entry (its editors and administrators).
final class OrganisationEditScreen: FormScreen {
    private let id: OrganisationID
    /// The entry as the form opened with it: a save over someone else's newer one is refused.
    private let original: Organisation

    init(_ o: Organisation, _ ctx: UIContext) {
        id = o.id
        original = o
        super.init(Form([
            FormField("name", ctx.t(.name2), .text(TextField(o.name, limit: Field.name.limit))),
            FormField("description", ctx.t(.descriptionText), .area(TextArea(o.description, limit: Field.description.limit, rows: 3))),
            FormField("categories", ctx.t(.categoriesCommas), .text(TextField(o.categories.joined(separator: ", "), limit: 500))),
            FormField("address", ctx.t(.address2), .text(TextField(o.address, limit: Field.address.limit))),
            FormField("phone", ctx.t(.phone2), .text(TextField(o.phone, limit: Field.phone.limit))),
            FormField("email", "E-mail", .text(TextField(o.email, limit: Field.email.limit))),
            FormField("website", "Website", .text(TextField(o.website, limit: Field.website.limit))),
            FormField("hours", ctx.t(.openingHours2), .text(TextField(o.openingHours, limit: Field.openingHours.limit))),
            // The privacy statement promises to point people to copyright law where they place content.
            FormField("copyright", ctx.t(.onlyYourOwnWorkOr), .note(.muted)),
            FormField("save", ctx.t(.save), .button),
        ]))
    }

    override func reloadDiscardingInput(_ ctx: UIContext) { closeForNewerVersion(ctx) }
    override var reloadDiscardsInput: Bool { true }

    /// Only a newer version of this entry is someone else's change to this input.
    override func inputOutdated(by changed: Set<CollectionName>, _ ctx: UIContext) -> Bool {
        changed.contains(.organisations) && ctx.store.organisation(id, for: ctx.viewer) != original
    }

    override func title(_ ctx: UIContext) -> String { ctx.t(.editOrganisation) }

    override func pressed(_ id: String, _ ctx: UIContext) {
        guard id == "save" else { return }
        let f = form
        do {
            var o = original
            o.name = f.text("name")
            o.description = f.text("description")
            o.categories = f.text("categories").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            o.address = f.text("address")
            o.phone = f.text("phone")
            o.email = f.text("email")
            o.website = f.text("website")
            o.openingHours = f.text("hours")
            try ctx.store.perform(.updateOrganisation(self.id, basedOn: original, to: o), as: ctx.viewer)
            ctx.inform(ctx.t(.saved))
            ctx.pop()
        } catch {
            ctx.fail(error)
        }
    }
}
