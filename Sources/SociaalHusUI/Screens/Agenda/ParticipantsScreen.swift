import Foundation
import SociaalHusCore
import TerminalKit

/// Who signed up for one occurrence, for the activity's editors: each as their profile level
/// and their ticks allow (the core's `participants`), places first; `x` takes one off the list.
final class ParticipantsScreen: Screen {
    private let occurrence: Occurrence
    private var list = ListState()
    private var shown: [Participant] = []

    init(_ o: Occurrence, _ ctx: UIContext) {
        occurrence = o
        willAppear(ctx)
    }

    func title(_ ctx: UIContext) -> String { ctx.t(.participants) }

    func itemNoun(one: Bool, _ ctx: UIContext) -> String? { ctx.t(one ? .participant : .participants).lowercased() }

    func bindings(_ ctx: UIContext) -> [Binding<Action>] {
        KeyTable.list(ctx.lang).filter { $0.action != .open } + [
            Binding.table(.remove, label: ctx.t(.signOff), help: ctx.t(.signOffParticipantHelp), group: ctx.t(.participants)),
        ]
    }

    func willAppear(_ ctx: UIContext) {
        shown = (try? ctx.store.participants(occurrence.item.id, at: occurrence.start, for: ctx.viewer)) ?? []
        list.clamp(count: shown.count, height: 1000)
    }

    func handle(_ action: Action, _ ctx: UIContext) {
        switch action {
        case .up, .down, .pageUp, .pageDown, .first, .last: _ = list.apply(action, count: shown.count)
        case .remove:
            guard shown.indices.contains(list.selected) else { return ctx.fail(ctx.t(.nobodyToSignOff)) }
            let p = shown[list.selected], item = occurrence.item.id
            ctx.confirm(ctx.t(.signOffParticipantQuestion(safe(ctx.t(p.name.word))))) {
                do {
                    try ctx.store.perform(.removeParticipant(p.id, of: item), as: ctx.viewer)
                    ctx.inform(ctx.t(.participantSignedOff))
                    self.willAppear(ctx)
                } catch { ctx.fail(error) }
            }
        default: break
        }
    }

    func render(into g: inout Grid, area: Rect, _ ctx: UIContext) {
        let summary = ctx.store.signUpSummary(occurrence.item.id, at: occurrence.start, for: ctx.viewer)
        let head = safe(occurrence.item.title) + ", " + DateText.day(occurrence.start, ctx) + " " + LocalTime.time(occurrence.start)
            + (summary?.word.map { " — " + ctx.t($0) } ?? "")
        g.putSummary(head, x: area.x + 1, y: area.y, maxWidth: area.width - 2)
        var waiting = 0
        let rows = shown.map { p -> ListRow in
            let place: String
            if p.state == .waiting {
                waiting += 1
                place = ctx.t(.waitingListNumber(waiting))
            } else {
                place = ctx.t(.hasPlace)
            }
            let contact = [p.email, p.phone].compactMap { $0 }.map(safe).joined(separator: ", ")
            return ListRow(safe(ctx.t(p.name.word)) + " — " + place + (contact.isEmpty ? "" : " — " + contact))
        }
        ListView.draw(rows, selectedRow: shown.isEmpty ? nil : list.selected, state: &list, into: &g,
                      area: Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1),
                      emptyText: ctx.t(.nobodySignedUpYet))
    }
}
