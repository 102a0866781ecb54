import Foundation
import SociaalHusCore
import TerminalKit

/// The local partner's agenda sharing: approvals for their wijken (in force and withdrawn, with
/// who and when, and how many activities the feed leaves out for personal data), `n` to approve
/// a third party, `x` to withdraw, Enter to preview exactly what the feed contains and what it
/// left out.
final class FeedsScreen: Screen {
    /// Read out as what the list holds, not the tab's word.
    func itemNoun(one: Bool, _ ctx: UIContext) -> String? { one ? "wijk" : ctx.t(.neighbourhoods) }

    private var list = ListState()
    private var shown: [FeedApproval] = []
    /// How many activities each wijk's feed leaves out now (wijken with an approval in force).
    private var leftOut: [WijkID: Int] = [:]

    init(_ ctx: UIContext) { willAppear(ctx) }

    func title(_ ctx: UIContext) -> String { ctx.t(.shareAgenda) }

    func bindings(_ ctx: UIContext) -> [Binding<Action>] {
        let g = ctx.t(.shareAgenda)
        return KeyTable.list(ctx.lang, empty: shown.isEmpty).map { b in
            var b = b
            if b.action == .open { b.label = ctx.t(.preview) }
            return b
        } + [
            Binding.table(.approve, label: ctx.t(.approve), help: ctx.t(.approveSharingWithThirdParty), group: g),
            Binding.table(.withdraw, label: ctx.t(.withdraw), group: g),
        ]
    }

    func willAppear(_ ctx: UIContext) {
        shown = ctx.store.settings.feedApprovals.filter { Permissions.denial(.approveFeed(wijk: $0.wijk), by: ctx.viewer) == nil }.sorted { ($0.inForce ? 0 : 1, $0.id) < ($1.inForce ? 0 : 1, $1.id) }
        list.clamp(count: shown.count, height: 1000)
        leftOut = [:]
        for wijk in Set(shown.filter(\.inForce).map(\.wijk)) {
            leftOut[wijk] = (try? ctx.store.feedLeftOut(wijk: wijk, from: ctx.now))?.count
        }
    }

    func handle(_ action: Action, _ ctx: UIContext) {
        switch action {
        case .up, .down, .pageUp, .pageDown, .first, .last: _ = list.apply(action, count: shown.count)
        case .approve: ctx.push(ApproveFeedScreen(ctx))
        case .open:
            guard shown.indices.contains(list.selected) else { return }
            ctx.push(FeedPreviewScreen(wijk: shown[list.selected].wijk, ctx))
        case .withdraw:
            guard shown.indices.contains(list.selected) else { return }
            do {
                try ctx.store.perform(.withdrawFeed(shown[list.selected].id), as: ctx.viewer)
                ctx.inform(ctx.t(.approvalWithdrawnTheFeedIs))
                willAppear(ctx)
            } catch { ctx.fail(error) }
        default: break
        }
    }

    func render(into g: inout Grid, area: Rect, _ ctx: UIContext) {
        g.putSummary(ctx.t(.theAgendaGoesOnlyWithout),
              x: area.x + 1, y: area.y, maxWidth: area.width - 2)
        let rows = shown.map { a -> ListRow in
            let wijk = ctx.store.wijk(a.wijk)?.name ?? ""
            let state = a.inForce ? ctx.t(.inForce) : ctx.t(.withdrawn)
            return ListRow(state + " " + safe(wijk) + " → " + safe(a.thirdParty) + ctx.t(.by2) + safe(a.approvedByName)
                           + ", " + DateText.short(a.approved, ctx) + (a.withdrawn.map { ctx.t(.withdrawn2) + DateText.short($0, ctx) } ?? ""))
        }
        // What the selected feed leaves out, below the list: a row would cut it off at its end.
        var note: [String] = []
        if shown.indices.contains(list.selected), shown[list.selected].inForce, let n = leftOut[shown[list.selected].wijk], n > 0 {
            let text = ctx.t(.feedSelectedLeftOut(n, ctx.key(.open)))
            g.outline.append(.text(text))
            note = TextWidth.wrap(text, to: max(area.width - 2, 1))
            for (i, line) in note.enumerated() { g.put(line, x: area.x + 1, y: area.y + area.height - note.count + i, role: .error, maxWidth: area.width - 2) }
        }
        ListView.draw(rows, selectedRow: shown.isEmpty ? nil : list.selected, state: &list, into: &g,
                      area: Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1 - note.count),
                      emptyText: ctx.t(.nothingApprovedYetPressN(ctx.key(.approve))))
    }
}

/// Approving a third party for one of the partner's wijken.
final class ApproveFeedScreen: FormScreen {
    private let wijken: [Wijk]

    init(_ ctx: UIContext) {
        let wijken = ctx.store.wijken.filter { Permissions.denial(.approveFeed(wijk: $0.id), by: ctx.viewer) == nil }
        self.wijken = wijken
        super.init(Self.makeForm(wijken, ctx))
    }

    // A static function, not inline in init: closures in a form literal inside an initialiser
    // crash the release-mode optimiser (see AgendaEditScreen).
    private static func makeForm(_ wijken: [Wijk], _ ctx: UIContext) -> Form {
        let names = wijken.map { safe($0.name) }
        return Form([
            FormField("wijk", ctx.t(.neighbourhood), .cycle(options: names, selected: 0)),
            FormField("party", ctx.t(.forWhom), .text(TextField("", limit: Field.organisation.limit))),
            FormField("note", ctx.t(.forExampleVolunteerOrganisationS), .note(.muted)),
            FormField("save", ctx.t(.approve), .button),
        ], labelWidth: 14)
    }

    override func title(_ ctx: UIContext) -> String { ctx.t(.approveSharing) }

    override func pressed(_ id: String, _ ctx: UIContext) {
        guard id == "save", wijken.indices.contains(form.choice("wijk")) else { return }
        // Checked here too, so the error is at "Voor wie" and named so (the store names it
        // "organisatie").
        let party = form.text("party")
        guard check([("party", Field.organisation.label(ctx.language), { _ = try validated(party, .organisation) })], ctx) else { return }
        do {
            try ctx.store.perform(.approveFeed(wijk: wijken[form.choice("wijk")].id, thirdParty: form.text("party")), as: ctx.viewer)
            ctx.pop()
            ctx.inform(ctx.t(.approvedWhoWhenAndFor))
        } catch { ctx.fail(error) }
    }
}

/// Exactly what the feed of a wijk contains now, as the third party receives it (ICS), after
/// the activities it left out and why (never the data found).
final class FeedPreviewScreen: Screen {
    private let wijk: WijkID
    private var scroll = ScrollText()
    private var lines: [(String, StyleRole)] = []
    /// What was left out, as sentences: wrapped to the width when drawn (the feed's lines are not).
    private var notes: [(String, StyleRole)] = []

    init(wijk: WijkID, _ ctx: UIContext) { self.wijk = wijk }

    func title(_ ctx: UIContext) -> String { ctx.t(.feedPreview) }

    func bindings(_ ctx: UIContext) -> [Binding<Action>] { KeyTable.list(ctx.lang).filter { $0.action != .open } }

    func willAppear(_ ctx: UIContext) {
        do {
            let feed = try ctx.store.feed(wijk: wijk, format: .ics, from: ctx.now)
            notes = Self.leftOutLines(feed.leftOut, ctx)
            let text = String(decoding: feed.data, as: UTF8.self)
            lines = text.components(separatedBy: "\r\n").map { (safe($0), $0.hasPrefix("BEGIN:") || $0.hasPrefix("END:") ? .muted : .normal) }
        } catch {
            notes = []
            lines = [((error as? CoreError)?.message(ctx.language) ?? "\(error)", .error)]
        }
    }

    /// The activities left out, one sentence each (a list of at most `FeedLeftOut.shown`, then
    /// how many more), what to do about it, and an empty line; nothing when none was left out.
    static func leftOutLines(_ leftOut: FeedLeftOut, _ ctx: UIContext) -> [(String, StyleRole)] {
        guard leftOut.count > 0 else { return [] }
        var out: [(String, StyleRole)] = [(ctx.t(.feedLeftOutHeader(leftOut.count)), .error)]
        out += leftOut.activities.map { ("- " + ctx.t($0.word(date: DateText.short($0.start, ctx))), .normal) }
        if leftOut.count > leftOut.activities.count { out.append((ctx.t(.feedLeftOutMore(leftOut.count - leftOut.activities.count)), .normal)) }
        return out + [(ctx.t(.feedLeftOutAdvice), .muted), ("", .normal)]
    }

    func handle(_ action: Action, _ ctx: UIContext) { _ = scroll.apply(action) }

    func render(into g: inout Grid, area: Rect, _ ctx: UIContext) {
        // A left-out activity's line wraps under its text, not under its dash.
        let wrapped = notes.flatMap { n -> [(String, StyleRole)] in
            guard n.0.hasPrefix("- ") else { return n.0.isEmpty ? [n] : TextWidth.wrap(n.0, to: max(area.width - 4, 1)).map { ($0, n.1) } }
            return TextWidth.wrap(String(n.0.dropFirst(2)), to: max(area.width - 6, 1)).enumerated().map { (($0.offset == 0 ? "- " : "  ") + $0.element, n.1) }
        }
        scroll.draw(wrapped + lines, into: &g, area: area)
    }
}
