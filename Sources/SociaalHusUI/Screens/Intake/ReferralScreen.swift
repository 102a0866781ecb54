import Foundation
import SociaalHusCore
import TerminalKit

/// Doorverwijzen, in three steps: pick an organisation (the directory, filtered by the
/// question's subject and the person's wijk), tick what to pass on (the minimum is ticked),
/// then say the shown sentence to the resident and confirm with `b`. Only then does the core
/// record the referral, the disclosure and the message; the referral's written receipt
/// (`ReceiptScreen`) takes this screen's place.
final class ReferralScreen: Screen {
    /// Read out as what the list holds, not the tab's word.
    func itemNoun(one: Bool, _ ctx: UIContext) -> String? { one ? ctx.t(.organisation) : ctx.t(.organisations) }

    enum Step { case organisation, fields, notice }

    private let intake: Intake
    private var step = Step.organisation
    private var list = ListState()
    private var search = SearchBox()
    private var matchingOnly = true
    private var shown: [Organisation] = []
    private var chosen: Organisation?
    private var form = Form([])
    private var scroll = ScrollText()

    init(intake: Intake, _ ctx: UIContext) {
        self.intake = intake
        reload(ctx)
    }

    func title(_ ctx: UIContext) -> String {
        switch step {
        case .organisation: ctx.t(.refer13)
        case .fields: ctx.t(.refer23)
        case .notice: ctx.t(.refer33)
        }
    }

    var capturesText: Bool {
        switch step {
        case .organisation: search.active
        case .fields: form.isEditingText
        case .notice: false
        }
    }

    var focusedChoice: Form.Choice? { step == .fields ? form.focusedChoice : nil }

    var hasUnsavedInput: Bool { step != .organisation }

    func bindings(_ ctx: UIContext) -> [Binding<Action>] {
        let g = ctx.t(.refer)
        let back = Binding.table(Action.back, label: ctx.t(.previousStep), group: g)
        switch step {
        case .organisation:
            if search.active { return SearchBox.bindings(ctx) }
            return KeyTable.list(ctx.lang).map { b in
                var b = b
                if b.action == .open { b.label = ctx.t(.choose) }
                return b
            } + [
                Binding.table(.search, label: ctx.t(.search), group: g),
                Binding.table(.filterMatching, label: matchingOnly ? ctx.t(.showAll) : ctx.t(.matchingOnly),
                        help: ctx.t(.switchBetweenMatchingSubjectAnd), group: g),
            ]
        case .fields:
            return KeyTable.form(ctx.lang) + [back]
        case .notice:
            return KeyTable.list(ctx.lang).filter { $0.action != .open } + [
                Binding.table(.confirmTold, label: ctx.t(.toldPassOn),
                        help: ctx.t(.confirmYouSaidThisSentence), group: g),
                back,
            ]
        }
    }

    private func reload(_ ctx: UIContext) {
        shown = ctx.store.referralCandidates(for: intake, all: !matchingOnly, search: search.query, by: ctx.viewer)
        list.clamp(count: shown.count, height: 1000)
    }

    /// Step 2's form. After Esc back to step 1 and another organisation chosen, the ticks and
    /// the purpose typed before are kept (typed text is never thrown away without a
    /// question; they are about the conversation, not the organisation).
    private func makeFieldsForm(_ ctx: UIContext) {
        let earlier = form
        func had(_ id: String) -> Bool { earlier.fields.contains { $0.id == id } }
        let minimum = Set(ReferralPlan.minimumFields(for: intake))
        var rows = [FormField("intro", ctx.t(.tickWhatYouPassOn), .note(.muted))]
        for f in IntakeField.allCases {
            let value = f.value(in: intake)
            guard !value.isEmpty else { continue }
            let preview = TextWidth.truncate(safe(value.replacingOccurrences(of: "\n", with: " ")), to: 40)
            rows.append(FormField(f.rawValue, f.label(ctx.language) + ": " + preview,
                                  .toggle(had(f.rawValue) ? earlier.bool(f.rawValue) : minimum.contains(f))))
        }
        var purpose = TextField(limit: Field.purpose.limit)
        purpose.text = had("purpose") ? earlier.text("purpose") : ctx.t(.helpWith) + intake.category.label(ctx.language)
        rows.append(FormField("purpose", ctx.t(.purpose2), .text(purpose)))
        rows.append(FormField("next", ctx.t(.next), .button))
        form = Form(rows, labelWidth: 10)
    }

    private var plan: ReferralPlan? {
        guard let chosen else { return nil }
        let fields = IntakeField.allCases.filter { form.bool($0.rawValue) }
        return ReferralPlan(organisation: chosen.id, fields: fields, purpose: form.text("purpose"))
    }

    private func sentence(_ ctx: UIContext) -> String {
        guard let plan, let chosen else { return "" }
        return ReferralNotice.sentence(fields: plan.fields, organisationName: chosen.name, purpose: plan.purpose, lang: ctx.language)
    }

    func handle(_ action: Action, _ ctx: UIContext) {
        switch step {
        case .organisation:
            if let changed = search.finish(action) {
                if changed { list = ListState(); reload(ctx) }
                return
            }
            switch action {
            case .up, .down, .pageUp, .pageDown, .first, .last: _ = list.apply(action, count: shown.count)
            case .search: search.active = true
            case .filterMatching: matchingOnly.toggle(); list = ListState(); reload(ctx)
            case .open:
                guard shown.indices.contains(list.selected) else { return }
                chosen = shown[list.selected]
                makeFieldsForm(ctx)
                step = .fields
            default: break
            }
        case .fields:
            switch action {
            case .back: step = .organisation
            case .nextField: _ = form.handle(.tab)
            case .previousField: _ = form.handle(.backTab)
            case .activate, .toggle:
                if case .pressed = form.handle(action == .activate ? .enter : .char(" ")) { toNotice(ctx) }
            default: break
            }
        case .notice:
            switch action {
            case .back: step = .fields
            case .up, .down, .pageUp, .pageDown, .first, .last: _ = scroll.apply(action)
            case .confirmTold: confirm(ctx)
            default: break
            }
        }
    }

    /// Checks the choice before the sentence is shown, so the resident is never told something that then fails.
    private func toNotice(_ ctx: UIContext) {
        guard let plan else { return }
        if plan.fields.isEmpty { return ctx.fail(CoreError.referralNeedsFields) }
        do { _ = try validated(plan.purpose, .purpose) } catch {
            form.focus(on: "purpose")
            return ctx.fail(error)
        }
        scroll = ScrollText()
        step = .notice
    }

    private func confirm(_ ctx: UIContext) {
        guard let plan, let chosen else { return }
        do {
            let referral = try ctx.store.perform(.refer(intake.id, plan: plan, told: ResidentTold(sentence: sentence(ctx))), as: ctx.viewer)
            // The written receipt comes next: made from what the core recorded, to print or mail.
            ctx.pop()
            ctx.push(ReceiptScreen(intake: intake, disclosure: referral.disclosure))
            ctx.inform(ctx.t(.passedOnTo) + safe(chosen.name)
                       + ctx.t(.recordedForThePersonAnd))
        } catch { ctx.fail(error) }
    }

    func handleKey(_ key: Key, _ ctx: UIContext) -> Bool {
        switch step {
        case .organisation:
            guard search.handle(key) else { return false }
            list = ListState()
            reload(ctx)
            return true
        case .fields:
            let e = form.handle(key)
            if case .pressed = e { toNotice(ctx) }
            return e != .ignored
        case .notice:
            return false
        }
    }

    func render(into g: inout Grid, area: Rect, _ ctx: UIContext) {
        let who = intake.person.name.isEmpty ? ctx.t(.noName) : safe(intake.person.name)
        let stepText: String
        switch step {
        case .organisation: stepText = ctx.t(.step1Of3Choose)
        case .fields: stepText = ctx.t(.step2Of3What)
        case .notice: stepText = ctx.t(.step3Of3Tell)
        }
        g.putSummary(stepText + " · " + who + " · " + intake.category.label(ctx.language), x: area.x + 1, y: area.y, maxWidth: area.width - 2)
        let body = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1)
        switch step {
        case .organisation: renderOrganisations(into: &g, area: body, ctx)
        case .fields:
            var f = form
            f.render(into: &g, area: Rect(x: body.x + 1, y: body.y + 1, width: body.width - 2, height: body.height - 1))
            form = f
        case .notice:
            guard let chosen, let plan else { return }
            var lines: [(String, StyleRole)] = [(ctx.t(.sayThisToTheResident), .header), ("", .normal)]
            for l in TextWidth.wrap(safe(sentence(ctx)), to: area.width - 8) { lines.append(("  " + l, .title)) }
            lines.append(("", .normal))
            lines.append((ctx.t(.to) + safe(chosen.name) + (chosen.email.isEmpty ? "" : " <" + safe(chosen.email) + ">"), .normal))
            lines.append((ctx.t(.data) + plan.fields.map { $0.label(ctx.language) }.joined(separator: ", "), .normal))
            lines.append(("", .normal))
            lines.append((ctx.t(.pressBOnceYouHave(ctx.key(.confirmTold))), .key))
            lines = lines.flatMap { l in TextWidth.wrap(l.0, to: area.width - 4).map { ($0, l.1) } }
            scroll.draw(lines, into: &g, area: Rect(x: body.x, y: body.y + 1, width: body.width, height: body.height - 1))
        }
    }

    private func renderOrganisations(into g: inout Grid, area: Rect, _ ctx: UIContext) {
        search.render(into: &g, x: area.x + 1, y: area.y, width: area.width - 2, label: ctx.t(.search2))
        let wijk = intake.person.wijk.flatMap { ctx.store.wijk($0)?.name }
        let filter = matchingOnly
            ? ctx.t(.matching) + intake.category.label(ctx.language) + (wijk.map { ctx.t(.andNeighbourhood) + safe($0) } ?? "")
            : ctx.t(.allOrganisations)
        g.putSummary(filter + " (\(shown.count))", x: area.x + 1, y: area.y + 1, maxWidth: area.width - 2)
        let rows = shown.map { o in
            ListRow(TextWidth.pad(TextWidth.truncate(safe(o.name), to: 34), to: min(34, area.width / 2)) + " " + safe(o.categories.joined(separator: ", ")))
        }
        let keepCursor = g.cursor
        ListView.draw(rows, selectedRow: shown.isEmpty ? nil : list.selected, state: &list, into: &g,
                      area: Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 2),
                      emptyText: ctx.t(.noMatchingOrganisationsPressF(ctx.key(.filterMatching))))
        if search.active { g.cursor = keepCursor }
    }
}
