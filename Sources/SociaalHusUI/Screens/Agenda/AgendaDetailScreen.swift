import Foundation
import SociaalHusCore
import TerminalKit

/// One activity with all its fields, the organiser and how to sign up; editors edit or delete it.
final class AgendaDetailScreen: Screen {
    private let id: AgendaItemID
    private let occurrence: Occurrence
    private var scroll = ScrollText()

    init(_ o: Occurrence) {
        id = o.item.id
        occurrence = o
    }

    func title(_ ctx: UIContext) -> String { ctx.t(.activity2) }

    func bindings(_ ctx: UIContext) -> [Binding<Action>] {
        let g = ctx.t(.activity2)
        // Edit and delete only when the core's rule lets this viewer change the activity.
        let mayChange = ctx.store.agendaItem(id, for: ctx.viewer).map { Permissions.denial(.changeAgendaItem($0), by: ctx.viewer) == nil } ?? false
        let repeats = ctx.store.agendaItem(id, for: ctx.viewer)?.recurrence.repeats ?? false
        let change: [Binding<Action>] = mayChange ? [
            Binding.table(.edit, label: ctx.t(.edit), help: ctx.t(.editTheOrganisationSEditors), group: g),
            Binding.table(.delete, label: ctx.t(.delete), help: ctx.t(.deleteAsksFirst), group: g),
        ] + (repeats ? [Binding.table(.changeOccurrence, label: ctx.t(.thisTime), help: ctx.t(.cancelOrMoveThisOccurrence), group: g)] : []) : []
        // Objecting: only the activity's own editors, once, after it was hidden on a report.
        let object: [Binding<Action>] = ctx.store.hiddenNotice(.agendaItem(id), for: ctx.viewer)?.mayObject == true ? [
            Binding.table(.object, label: ctx.t(.object), help: ctx.t(.objectOnceToTheHiding), group: g),
        ] : []
        // Contact: to the organisation behind it, about this activity (when its entry is visible).
        let organiser = ctx.store.agendaItem(id, for: ctx.viewer).flatMap { ctx.store.organisation($0.organisation, for: ctx.viewer) }
        let contact: [Binding<Action>] = organiser == nil ? [] : [
            Binding.table(.contact, label: ctx.t(.contact2), help: ctx.t(.sendTheOrganisationMessageAbout), group: g),
        ]
        return KeyTable.list(ctx.lang).filter { $0.action != .open } + contact + change + object + [
            Binding.table(.report, label: ctx.t(.report), help: ctx.t(.reportThisActivityToThe), group: g, inStatusBar: false),
        ] + (Permissions.denial(.administerPlatform, by: ctx.viewer) == nil ? [Binding.table(.takedown, label: "Takedown", help: ctx.t(.recordTakedownNoticeAndRemove2), group: g, inStatusBar: false)] : [])
    }

    func handle(_ action: Action, _ ctx: UIContext) {
        guard let item = ctx.store.agendaItem(id, for: ctx.viewer) else { ctx.pop(); return }
        switch action {
        case .up, .down, .pageUp, .pageDown, .first, .last: _ = scroll.apply(action)
        case .edit:
            if let d = Permissions.denial(.changeAgendaItem(item), by: ctx.viewer) { ctx.fail(d.message(ctx.language)); return }
            ctx.push(AgendaEditScreen(editing: item, organisations: ctx.activeEditor ?? [], ctx))
        case .delete:
            if let d = Permissions.denial(.changeAgendaItem(item), by: ctx.viewer) { ctx.fail(d.message(ctx.language)); return }
            let id = self.id
            ctx.confirm(ctx.t(.deleteTheActivityWithAll(safe(item.title)))) {
                do {
                    try ctx.store.perform(.deleteAgendaItem(id), as: ctx.viewer)
                    ctx.inform(ctx.t(.activityDeleted))
                    ctx.pop()
                } catch { ctx.fail(error) }
            }
        case .changeOccurrence:
            if let d = Permissions.denial(.changeAgendaItem(item), by: ctx.viewer) { ctx.fail(d.message(ctx.language)); return }
            guard item.recurrence.repeats else { return }
            ctx.push(AgendaOccurrenceScreen(item, occurrence: occurrence, ctx))
        case .object:
            guard ctx.store.hiddenNotice(.agendaItem(id), for: ctx.viewer)?.mayObject == true else { return }
            ctx.push(ObjectionScreen(.agendaItem(id), what: item.title, ctx))
        case .report, .takedown:
            ctx.push(ReportScreen(.agendaItem(id), what: item.title, takedown: action == .takedown, ctx))
        case .contact:
            guard let o = ctx.store.organisation(item.organisation, for: ctx.viewer) else { return }
            ctx.push(ContactFormScreen(.recipient(.organisation(o.id), name: .named(o.name), about: .activity(id)), ctx))
        default: break
        }
    }

    private func lines(_ ctx: UIContext, width: Int) -> [(String, StyleRole)] {
        guard let item = ctx.store.agendaItem(id, for: ctx.viewer) else { return [(ctx.t(.thisActivityNoLongerExists), .error)] }
        let o = Occurrence(item: item, start: occurrence.start, end: occurrence.end, original: occurrence.original)
        var out: [(String, StyleRole)] = [(safe(item.title), .title), ("", .normal)]
        if let notice = ctx.store.hiddenNotice(.agendaItem(id), for: ctx.viewer) {
            out.insert(contentsOf: HiddenLines.lines(notice, width: width, ctx), at: 1)
        } else if let reason = item.hiddenReason {
            out.insert((ctx.t(.hiddenByModeratorReason) + safe(ReportReason(rawValue: reason)?.label(ctx.language) ?? reason), .warning), at: 1)
        }
        func field(_ label: String, _ value: String) {
            if !value.isEmpty { out.append((TextWidth.pad(label, to: 16) + value, .normal)) }
        }
        let day = DateText.day(o.start, ctx)
        field(ctx.t(.when), day + ", " + DateText.timeRange(o, ctx) + (o.moved ? ctx.t(.movedHereFrom(DateText.day(o.original, ctx))) : ""))
        field(ctx.t(.repeats), Self.rule(item.recurrence, start: item.start, ctx))
        // What is cancelled or moved from today on; a cancelled occurrence is in no list, so here
        // is where a resident who knows the activity reads it.
        let ahead = item.recurrence.changes.filter { ($0.moved?.start ?? $0.original) >= ctx.now.addingTimeInterval(-86_400) }
        field(ctx.t(.cancelledOccurrences), ahead.filter(\.cancelled).prefix(6).map { DateText.day($0.original, ctx) }.joined(separator: ", "))
        field(ctx.t(.movedOccurrences), ahead.compactMap { c in c.moved.map { ctx.t(.movedFromTo(DateText.day(c.original, ctx), DateText.day($0.start, ctx) + " " + LocalTime.time($0.start))) } }
            .prefix(6).joined(separator: ", "))
        field(ctx.t(.whereText), safe(item.location))
        field(ctx.t(.neighbourhood), item.wijk.flatMap { ctx.store.wijk($0)?.name }.map(safe) ?? ctx.t(.allOfBorne))
        field(ctx.t(.category), safe(ctx.t(Glossary.category(item.category))))
        field(ctx.t(.cost), safe(item.cost))
        field(ctx.t(.signUp), safe(item.signup))
        if let org = ctx.store.organisation(item.organisation, for: ctx.viewer) {
            out.append(("", .normal))
            out.append((ctx.t(.organiser), .header))
            field(ctx.t(.name2), safe(org.name))
            field(ctx.t(.phone2), safe(org.phone))
            field("E-mail", safe(org.email))
            field("Website", safe(org.website))
        }
        out.append(("", .normal))
        for l in TextWidth.wrap(TextSanitizer.sanitize(item.description, keepNewlines: true), to: width) { out.append((l, .normal)) }
        return out
    }

    /// The rule in words ("elke maand, op de eerste donderdag, tot 1 juli"); empty for none.
    static func rule(_ r: Recurrence, start: Date, _ ctx: UIContext) -> String {
        guard let unit = r.unit else { return "" }
        var text: String
        switch (unit, r.interval) {
        case (.day, 1): text = ctx.t(.everyDay)
        case (.day, let n): text = ctx.t(.everyNDays(n))
        case (.week, 1): text = ctx.t(.everyWeek)
        case (.week, 2): text = ctx.t(.everyTwoWeeks)
        case (.week, let n): text = ctx.t(.everyNWeeks(n))
        case (.month, 1): text = ctx.t(.everyMonth)
        case (.month, let n): text = ctx.t(.everyNMonths(n))
        }
        if let week = r.weekOfMonth {
            text = ctx.t(.onTheWeekdayOfMonth(text, Word.ordinalWeek(week: week.rawValue), Word.weekdayName(weekday: amsterdamCalendar().component(.weekday, from: start))))
        }
        if let n = r.count { text += ctx.t(.timesInAll(n)) }
        if let until = r.until { text += ctx.t(.until) + DateText.short(until, ctx) }
        return text
    }

    func render(into g: inout Grid, area: Rect, _ ctx: UIContext) {
        scroll.draw(lines(ctx, width: area.width - 4), into: &g, area: area)
    }
}
