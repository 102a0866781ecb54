import Foundation
import SociaalHusCore
import TerminalKit

/// Everything the desk holds about one person: every conversation, referral and disclosure.
final class IntakeHistoryScreen: Screen {
    private let id: IntakeID
    private var intakes: [Intake] = []
    private var disclosures: [Disclosure] = []
    private var scroll = ScrollText()

    /// The history is read (and its opening logged) when the screen appears.
    init(id: IntakeID, _ ctx: UIContext) {
        self.id = id
    }

    func title(_ ctx: UIContext) -> String { ctx.t(.history2) }

    func bindings(_ ctx: UIContext) -> [Binding<Action>] { KeyTable.list(ctx.lang).filter { $0.action != .open } }

    /// Opening is recorded in the audit log: only a person's own action reads it again.
    var refreshesLive: Bool { false }

    func willAppear(_ ctx: UIContext) {
        do {
            (intakes, disclosures) = try ctx.store.perform(.personHistory(of: id), as: ctx.viewer)
        } catch { ctx.fail(error) }
    }

    func handle(_ action: Action, _ ctx: UIContext) { _ = scroll.apply(action) }

    func render(into g: inout Grid, area: Rect, _ ctx: UIContext) {
        let width = area.width - 4
        var out: [(String, StyleRole)] = []
        let name = intakes.last.map { $0.person.name.isEmpty ? ctx.t(.noName) : safe($0.person.name) } ?? ""
        out.append((name, .title))
        out.append((ctx.t(.conversations2) + " (\(intakes.count))", .header))
        for i in intakes {
            out.append(("  " + DateText.short(i.created, ctx) + "  " + i.category.label(ctx.language) + " · " + i.status.label(ctx.language), .normal))
            for l in TextWidth.wrap(safe(i.question), to: width - 6) { out.append(("      " + l, .muted)) }
            for r in i.referrals {
                for (k, l) in TextWidth.wrap(safe(IntakeLines.referral(r, ctx)), to: width - 8).enumerated() {
                    out.append(((k == 0 ? "    → " : "      ") + l, .normal))
                }
            }
        }
        out.append(("", .normal))
        out.append((ctx.t(.passedToOrganisations) + " (\(disclosures.count))", .header))
        if disclosures.isEmpty { out.append(("  " + ctx.t(.nothing), .muted)) }
        for d in disclosures {
            let text = DateText.short(d.at, ctx) + ctx.t(.to3) + d.organisationName + ctx.t(.by4) + d.staffName + ": "
                + d.fields.map { $0.label(ctx.language) }.joined(separator: ", ")
            for l in TextWidth.wrap(safe(text), to: width - 2) { out.append(("  " + l, .normal)) }
        }
        scroll.draw(out, into: &g, area: area)
    }
}
