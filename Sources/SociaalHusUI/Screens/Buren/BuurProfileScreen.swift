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
        ctx.store.neighbours(for: ctx.viewer, now: ctx.now).first { $0.id == id }
    }

    func title(_ ctx: UIContext) -> String { ctx.t(.neighbourSProfile) }

    func bindings(_ ctx: UIContext) -> [Binding<Action>] {
        KeyTable.list(ctx.lang).filter { $0.action != .open } + [
            Binding.table(.contact, label: ctx.t(.contact2), help: ctx.t(.sendMessageThroughTheContact), group: ctx.t(.neighbours)),
        ]
    }

    func handle(_ action: Action, _ ctx: UIContext) {
        switch action {
        case .up, .down, .pageUp, .pageDown, .first, .last: _ = scroll.apply(action)
        case .contact: if let v = view(ctx) { ctx.push(ContactFormScreen(.recipient(.resident(v.id), name: .named(v.name), about: nil), ctx)) }
        default: break
        }
    }

    func render(into g: inout Grid, area: Rect, _ ctx: UIContext) {
        // Asked anew on every draw: a changed level or a block takes effect at once.
        guard let v = view(ctx) else {
            return drawRefusal(ctx.t(.youCannotSeeThisProfile), into: &g, area: area)
        }
        var out: [(String, StyleRole)] = [(safe(v.name), .title)]
        out.append((safe(ctx.store.wijkName(v.wijk)) + (v.hasPhoto ? ctx.t(.withPhoto) : ""), .muted))
        out.append((ctx.t(.interests) + (v.interests.isEmpty ? ctx.t(.none) : safe(v.interests.map { ctx.t(Glossary.category($0)) }.joined(separator: ", "))), .normal))
        out.append(("", .normal))
        out.append((ctx.t(.postsOnTheNoticeBoard) + " (\(v.openPosts.count))", .header))
        for p in v.openPosts { out.append(("  " + p.post.kind.label(ctx.language) + ": " + safe(p.post.title), .normal)) }
        out.append(("", .normal))
        out.append((ctx.t(.cSendMessageOnlyThe(ctx.key(.contact))), .muted))
        scroll.draw(out.flatMap { l in TextWidth.wrap(l.0, to: max(area.width - 4, 10)).map { ($0, l.1) } }, into: &g, area: area)
    }
}
