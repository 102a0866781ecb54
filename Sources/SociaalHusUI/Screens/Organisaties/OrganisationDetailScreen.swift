import Foundation
import SociaalHusCore
import TerminalKit

/// One organisation: contact details and its upcoming activities.
final class OrganisationDetailScreen: Screen {
    private let id: OrganisationID
    private var scroll = ScrollText()

    init(id: OrganisationID) { self.id = id }

    func title(_ ctx: UIContext) -> String { ctx.t(.organisation2) }

    func bindings(_ ctx: UIContext) -> [Binding<Action>] {
        KeyTable.list(ctx.lang).filter { $0.action != .open } + [
            Binding.table(.contact, label: ctx.t(.contact2), help: ctx.t(.sendMessageToThisOrganisation), group: ctx.t(.organisation2)),
        ] + editKey(ctx)
    }

    /// Editing the entry: offered only to whom the core's rule lets edit it (its editors, administrators).
    private func editKey(_ ctx: UIContext) -> [Binding<Action>] {
        guard Permissions.denial(.editOrganisation(id), by: ctx.viewer) == nil else { return [] }
        return [Binding.table(.edit, label: ctx.t(.edit), help: ctx.t(.editTheOrganisationSEntry), group: ctx.t(.organisation2))]
    }

    func handle(_ action: Action, _ ctx: UIContext) {
        switch action {
        case .up, .down, .pageUp, .pageDown, .first, .last: _ = scroll.apply(action)
        case .contact:
            if let o = ctx.store.organisation(id, for: ctx.viewer) { ctx.push(ContactFormScreen(.recipient(.organisation(id), name: .named(o.name), about: .organisation(id)), ctx)) }
        case .edit:
            if let d = Permissions.denial(.editOrganisation(id), by: ctx.viewer) { ctx.fail(d.message(ctx.language)); return }
            if let o = ctx.store.organisation(id, for: ctx.viewer) { ctx.push(OrganisationEditScreen(o, ctx)) }
        default: break
        }
    }

    func lines(_ ctx: UIContext, width: Int) -> [(String, StyleRole)] {
        guard let o = ctx.store.organisation(id, for: ctx.viewer) else { return [(ctx.t(.thisOrganisationNoLongerExists), .error)] }
        var out: [(String, StyleRole)] = [(safe(o.name), .title), ("", .normal)]
        for l in TextWidth.wrap(TextSanitizer.sanitize(o.description, keepNewlines: true), to: width) { out.append((l, .normal)) }
        out.append(("", .normal))
        func field(_ label: String, _ value: String) {
            if !value.isEmpty { out.append((TextWidth.pad(label, to: 16) + safe(value), .normal)) }
        }
        field(ctx.t(.categories), o.categories.map { ctx.t(Glossary.category($0)) }.joined(separator: ", "))
        field(ctx.t(.neighbourhoods2), o.wijken.compactMap { ctx.store.wijk($0)?.name }.joined(separator: ", "))
        field(ctx.t(.address2), o.address)
        field(ctx.t(.phone2), o.phone)
        field("E-mail", o.email)
        field("Website", o.website)
        field(ctx.t(.openingHours), o.openingHours)
        out.append(("", .normal))
        out.append((ctx.t(.upcomingActivities), .header))
        let items = (try? ctx.store.agenda(AgendaQuery(from: ctx.now, days: 56, organisation: id), viewer: ctx.viewer)) ?? []
        if items.isEmpty { out.append(("  " + ctx.t(.noActivitiesInTheComing), .muted)) }
        for occ in items { out.append(("  " + DateText.dayAndTime(occ, ctx) + "  " + safe(occ.item.title), .normal)) }
        return out
    }

    func render(into g: inout Grid, area: Rect, _ ctx: UIContext) {
        scroll.draw(lines(ctx, width: area.width - 4), into: &g, area: area)
    }
}
