import Foundation
import SociaalHusCore
import TerminalKit

/// One occurrence of a repeating activity cancelled, moved or put back as planned, by the
/// organisation's editors; the occurrence is named by its date (an activity takes place at
/// most once a day), so it can be typed as well as chosen from the list.
final class AgendaOccurrenceScreen: FormScreen {
    private let item: AgendaItem

    init(_ item: AgendaItem, occurrence: Occurrence, _ ctx: UIContext) {
        self.item = item
        let change = item.recurrence.change(at: occurrence.original)
        let what = change == nil ? 0 : change?.cancelled == true ? 0 : 1
        let end = occurrence.end.map { LocalTime.time($0) } ?? ""
        super.init(Form([
            FormField("date", ctx.t(.occurrenceDate), .text(TextField(LocalTime.isoDay(occurrence.original), limit: 10))),
            FormField("what", ctx.t(.whatHappens), .choice(options: [ctx.t(.occurrenceCancelled), ctx.t(.occurrenceMoved), ctx.t(.occurrenceAsPlanned)],
                                                           selected: what)),
            FormField("newDate", ctx.t(.newDate), .text(TextField(LocalTime.isoDay(occurrence.start), limit: 10))),
            FormField("newStart", ctx.t(.newStartTime), .text(TextField(LocalTime.time(occurrence.start), limit: 5))),
            FormField("newEnd", ctx.t(.newEndTime), .text(TextField(end, limit: 5))),
            FormField("save", ctx.t(.save), .button),
        ], labelWidth: 20))
    }

    override func title(_ ctx: UIContext) -> String { ctx.t(.changeOneOccurrence) + ": " + safe(item.title) }

    override func pressed(_ id: String, _ ctx: UIContext) {
        guard id == "save" else { return }
        let dateText = form.text("date").trimmingCharacters(in: .whitespaces)
        let newDateText = form.text("newDate").trimmingCharacters(in: .whitespaces)
        let startText = form.text("newStart"), endText = form.text("newEnd").trimmingCharacters(in: .whitespaces)
        let what = form.choice("what")
        let allDay = item.allDay
        // Every problem at once, each under its field; nothing typed is lost.
        guard check([
            ("date", ctx.t(.date), { if ISODate.day(dateText) == nil { throw CoreError.invalidDate(dateText) } }),
            ("newDate", ctx.t(.newDate), { if what == 1 && ISODate.day(newDateText) == nil { throw CoreError.invalidDate(newDateText) } }),
            ("newStart", ctx.t(.newStartTime), {
                if what == 1 && !allDay && AgendaEditScreen.time(startText) == nil { throw FormProblem(ctx.t(.fillInTheStartTime)) }
            }),
            ("newEnd", ctx.t(.newEndTime), {
                if what == 1 && !allDay && !endText.isEmpty && AgendaEditScreen.time(endText) == nil { throw FormProblem(ctx.t(.fillInTheEndTime)) }
            }),
        ], ctx), let day = ISODate.day(dateText) else { return }
        let cal = amsterdamCalendar()
        let edit: OccurrenceEdit
        switch what {
        case 0: edit = .cancel
        case 1:
            guard let newDay = ISODate.day(newDateText) else { return }
            var start = cal.startOfDay(for: newDay), end: Date? = nil
            if allDay {
                end = item.end.map { start.addingTimeInterval($0.timeIntervalSince(item.start)) }
            } else if let (h, m) = AgendaEditScreen.time(startText) {
                start = cal.date(bySettingHour: h, minute: m, second: 0, of: newDay) ?? newDay
                if let (eh, em) = AgendaEditScreen.time(endText) { end = cal.date(bySettingHour: eh, minute: em, second: 0, of: newDay) }
            }
            edit = .move(start: start, end: end)
        default: edit = .asPlanned
        }
        do {
            try ctx.store.perform(.changeOccurrence(item.id, on: day, edit), as: ctx.viewer)
            let shown = DateText.day(day, ctx)
            switch edit {
            case .cancel: ctx.inform(ctx.t(.occurrenceIsCancelledNow(shown)))
            case .move: ctx.inform(ctx.t(.occurrenceIsMovedNow(shown)))
            case .asPlanned: ctx.inform(ctx.t(.occurrenceIsAsPlannedNow(shown)))
            }
            ctx.pop()
            // The detail behind showed this occurrence, which may be gone or elsewhere now.
            ctx.pop()
        } catch {
            ctx.fail(error)
            switch error as? CoreError {
            case .recurrence(.noOccurrence)?: form.focus(on: "date")
            case .recurrence(.occurrenceAlready)?: form.focus(on: "newDate")
            case .endBeforeStart?: form.focus(on: "newEnd")
            default: break
            }
        }
    }
}
