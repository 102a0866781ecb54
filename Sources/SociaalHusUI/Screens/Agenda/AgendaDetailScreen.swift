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
        return KeyTable.list(ctx.lang).filter { $0.action != .open } + signUpBindings(ctx, group: g) + contact + change + object + [
            Binding.table(.report, label: ctx.t(.report), help: ctx.t(.reportThisActivityToThe), group: g, inStatusBar: false),
        ] + (Permissions.denial(.administerPlatform, by: ctx.viewer) == nil ? [Binding.table(.takedown, label: "Takedown", help: ctx.t(.recordTakedownNoticeAndRemove2), group: g, inStatusBar: false)] : [])
    }

    /// Sign up or cancel, be reminded or not, and (its editors) who signed up: offered only
    /// where they work, for an occurrence still to come.
    private func signUpBindings(_ ctx: UIContext, group g: String) -> [Binding<Action>] {
        guard occurrence.start > ctx.now, let s = ctx.store.signUpSummary(id, at: occurrence.start, for: ctx.viewer) else { return [] }
        var out: [Binding<Action>] = []
        let mine = s.mine?.state
        if mine == .place || mine == .waiting {
            out.append(Binding.table(.signUp, label: ctx.t(.mySignUp), help: ctx.t(.cancelYourSignUpHelp), group: g))
        } else if s.options != nil, !(s.isFull && s.options?.waitingList == false) {
            out.append(Binding.table(.signUp, label: ctx.t(.signUpButton), help: ctx.t(s.isFull ? .signUpWaitingListHelp : .signUpHelp), group: g))
        }
        if mine == .reminder {
            out.append(Binding.table(.remindMe, label: ctx.t(.myReminder), help: ctx.t(.stopTheReminderHelp), group: g))
        } else if mine == nil {
            out.append(Binding.table(.remindMe, label: ctx.t(.remindMe), help: ctx.t(.remindMeHelp), group: g))
        }
        if s.options != nil, ctx.store.agendaItem(id, for: ctx.viewer).map({ Permissions.denial(.changeAgendaItem($0), by: ctx.viewer) == nil }) == true {
            out.append(Binding.table(.participants, label: ctx.t(.participants), help: ctx.t(.participantsHelp), group: g))
        }
        return out
    }

    func handle(_ action: Action, _ ctx: UIContext) {
        guard let item = ctx.store.agendaItem(id, for: ctx.viewer) else { ctx.pop(); return }
        let o = Occurrence(item: item, start: occurrence.start, end: occurrence.end)
        switch action {
        case .signUp, .remindMe:
            guard o.start > ctx.now, let s = ctx.store.signUpSummary(id, at: o.start, for: ctx.viewer) else { return ctx.fail(ctx.t(.signUpPast)) }
            // The form shows what one has chosen, to change it or cancel it (asked first there).
            let mine = s.mine?.state
            if action == .remindMe, mine == .place || mine == .waiting {
                ctx.fail(ctx.t(.placeIncludesReminder))
            } else if action == .signUp, s.options == nil, mine != .place, mine != .waiting {
                ctx.fail(ctx.t(.signUpNotTaken))
            } else {
                ctx.push(SignUpScreen(o, reminderOnly: action == .remindMe, ctx))
            }
        case .participants:
            if let d = Permissions.denial(.changeAgendaItem(item), by: ctx.viewer) { ctx.fail(d.message(ctx.language)); return }
            ctx.push(ParticipantsScreen(o, ctx))
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
        if let s = ctx.store.signUpSummary(id, at: o.start, for: ctx.viewer) {
            if let word = s.detailWord { field(ctx.t(.places), ctx.t(word)) }
            switch s.mine?.state {
            // The waiting list says where in line; the others in the same words as the list.
            case .waiting?: field(ctx.t(.you), ctx.t(.youAreWaitingNumber(s.myWaitingPosition ?? 0)))
            case let state?: field(ctx.t(.you), ctx.t(state.word) + Self.remindText(s.mine, ctx))
            case nil: break
            }
        }
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

    /// ", herinnering 1 dag van tevoren" for a sign-up with a reminder.
    private static func remindText(_ s: SignUp?, _ ctx: UIContext) -> String {
        guard let days = s?.remindDays else { return "" }
        return ", " + ctx.t(.reminderWhen(ctx.t(SignUpScreen.remindWord(days))))
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
