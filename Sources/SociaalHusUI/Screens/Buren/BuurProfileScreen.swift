import Foundation
import SociaalHusCore
import TerminalKit

/// One resident's profile as the viewer may see it (the core's rule), with their open posts;
/// `c` writes to them through the contact form, which reveals nothing of either side.
final class BuurProfileScreen: Screen {
    private let id: AccountID
    private var scroll = ScrollText()

    init(id: AccountID) { self.id = id }

    private func view(_ ctx: UIContext) -> NeighbourView? {
        ctx.store.neighbours(for: ctx.viewer, now: ctx.now, lang: ctx.language).first { $0.id == id }
    }

    func title(_ ctx: UIContext) -> String { ctx.t("Profiel van een buur", "A neighbour's profile") }

    func bindings(_ ctx: UIContext) -> [Binding<Action>] {
        KeyTable.list(ctx.lang).filter { $0.action != .open } + [
            Binding(.contact, [.char("c")], label: ctx.t("Contact", "Contact"), help: ctx.t("Een bericht sturen via het contactformulier", "Send a message through the contact form"), group: ctx.t("Buren", "Neighbours")),
        ]
    }

    func handle(_ action: Action, _ ctx: UIContext) {
        switch action {
        case .up, .down, .pageUp, .pageDown, .first, .last: _ = scroll.apply(action)
        case .contact: if let v = view(ctx) { ctx.push(ContactFormScreen(.recipient(.resident(v.id), name: v.name, about: nil), ctx)) }
        default: break
        }
    }

    func render(into g: inout Grid, area: Rect, _ ctx: UIContext) {
        // Asked anew on every draw: a changed level or a block takes effect at once.
        guard let v = view(ctx) else {
            return drawRefusal(ctx.t("Dit profiel kun je niet (meer) zien.", "You cannot see this profile (any more)."), into: &g, area: area)
        }
        var out: [(String, StyleRole)] = [(safe(v.name), .title)]
        out.append((safe(ctx.store.wijkName(v.wijk)) + (v.hasPhoto ? ctx.t(" · met foto", " · with photo") : ""), .muted))
        out.append((ctx.t("Interesses: ", "Interests: ") + (v.interests.isEmpty ? ctx.t("geen", "none") : safe(v.interests.map { Glossary.category($0, ctx.language) }.joined(separator: ", "))), .normal))
        out.append(("", .normal))
        out.append((ctx.t("Berichten op het prikbord", "Posts on the notice board") + " (\(v.openPosts.count))", .header))
        for p in v.openPosts { out.append(("  " + p.post.kind.label(ctx.language) + ": " + safe(p.post.title), .normal)) }
        out.append(("", .normal))
        out.append((ctx.t("c = bericht sturen (je e-mailadres ziet alleen de ontvanger)", "c = send a message (only the recipient sees your e-mail address)"), .muted))
        scroll.draw(out.flatMap { l in TextWidth.wrap(l.0, to: max(area.width - 4, 10)).map { ($0, l.1) } }, into: &g, area: area)
    }
}
