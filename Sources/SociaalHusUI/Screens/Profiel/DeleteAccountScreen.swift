import SociaalHusCore
import TerminalKit

/// Account verwijderen: says exactly what will be removed; Enter asks once more in the app's one
/// confirmation dialog (as remove, block and takedown do), naming what goes, and `j` erases.
/// (The same one dialog as everywhere, not a typed word: one way to confirm is learnt once.)
final class DeleteAccountScreen: Screen {
    func title(_ ctx: UIContext) -> String { ctx.t(.deleteAccount) }

    func bindings(_ ctx: UIContext) -> [Binding<Action>] {
        [Binding.table(.activate, label: ctx.t(.deleteForGood),
                 help: ctx.t(.eraseAccountAndDataAsks),
                 group: ctx.t(.deleteAccount))]
    }

    func handle(_ action: Action, _ ctx: UIContext) {
        guard action == .activate, let id = ctx.session else { return }
        let counts = ctx.store.ownContentCounts(for: ctx.viewer)
        ctx.confirm(ctx.t(.eraseYourAccountYourProfile(counts.posts, counts.messages))) {
            do {
                // (The count of others' texts naming them is for a moderator, not shown here: not read.)
                try ctx.store.perform(.erase(id, countingNames: false), as: ctx.viewer)
            } catch {
                ctx.fail(error)
                return
            }
            ctx.logOut(force: true)
            ctx.inform(ctx.t(.yourAccountAndAllYour))
        }
    }

    func render(into g: inout Grid, area fullArea: Rect, _ ctx: UIContext) {
        let area = ProfileLongMessage.draw(ctx, into: &g, area: fullArea)
        let x = area.x + 2, width = max(area.width - 4, 1)
        let counts = ctx.store.ownContentCounts(for: ctx.viewer)
        let statement: [(String, StyleRole)] = [
            (ctx.t(.ifYouDeleteYourAccount), .header),
        ] + StoreInventory.erasureStatement(counts: ["posts": counts.posts, "messages": counts.messages]).map { (ctx.t($0), .normal) } + [
            ("", .normal),
            (ctx.t(.whatYouWroteForAn(ctx.key(.back), ctx.key(.export))), .muted),
        ]
        var top = statement.flatMap { text, role in Self.wrap(text, width: width).map { ($0, role) } }
        let instruction = TextWidth.wrap(ctx.t(.pressEnterToDeleteYour(ctx.key(.activate))), to: width)
        // The instruction and the field are always shown; the statement gives up blank lines
        // first and is cut only on the very smallest screens.
        let bottomHeight = instruction.count + 2
        var room = area.height - bottomHeight - 1
        if top.count + 2 <= room {
            // Room to breathe: a blank line above, and one under the heading.
            let headingLines = top.prefix { $0.1 == .header }.count
            top.insert(("", .normal), at: headingLines)
            top.insert(("", .normal), at: 0)
        } else {
            room += 1
        }
        while top.count > room, let blank = top.lastIndex(where: { $0.0.isEmpty }) { top.remove(at: blank) }
        var y = area.y
        for (line, role) in top.prefix(max(room, 0)) {
            g.put(line, x: x, y: y, role: role, maxWidth: width)
            y += 1
        }
        y += 1
        for line in instruction {
            g.put(line, x: x, y: y, role: .warning, maxWidth: width)
            y += 1
        }
        // The one element on this screen is the button; the cursor sits on it.
        g.put(ListView.marker + " [ " + ctx.t(.deleteForGood) + " ]", x: area.x, y: y, role: .focus, maxWidth: area.width)
        g.cursor = (x: min(area.x + 2, g.size.cols - 1), y: y)
    }

    /// Wraps a paragraph; bullet lines wrap under their text, not under the bullet.
    private static func wrap(_ text: String, width: Int) -> [String] {
        guard text.hasPrefix("• ") else { return text.isEmpty ? [""] : TextWidth.wrap(text, to: width) }
        return TextWidth.wrap(String(text.dropFirst(2)), to: max(width - 2, 1)).enumerated().map { ($0 == 0 ? "• " : "  ") + $1 }
    }
}
