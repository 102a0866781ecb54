import Foundation
import SociaalHusCore
import TerminalKit

/// Creating or editing an activity; the core checks the rules (start in the future for new
/// items, end after start, required fields), this screen checks the date and time formats.
/// Text a wijk's shared feed would refuse (personal data the platform holds) is named under its
/// field before saving; saving again as it is saves it, and it stays out of the feeds.
final class AgendaEditScreen: FormScreen {
    private let editing: AgendaItem?
    private let organisations: [Organisation]
    private let wijken: [Wijk]
    /// The texts the editor was warned about: saving them again unchanged is their choice.
    private var warnedTexts: [String]?

    init(editing: AgendaItem?, organisations: [Organisation], _ ctx: UIContext) {
        self.editing = editing
        let own = Self.choosable(editing: editing, organisations: organisations, ctx)
        self.organisations = own
        wijken = ctx.store.wijken
        super.init(Self.makeForm(editing, organisations: own, wijken: ctx.store.wijken,
                                 signUps: editing.flatMap { ctx.store.signUpOptions($0.id, for: ctx.viewer) }, ctx))
    }

    /// The organisations to choose from: only the item's own when editing.
    private static func choosable(editing: AgendaItem?, organisations: [Organisation], _ ctx: UIContext) -> [Organisation] {
        guard let e = editing else { return organisations }
        let own = organisations.filter { $0.id == e.organisation }
        if !own.isEmpty { return own }
        if let o = ctx.store.organisation(e.organisation, for: ctx.viewer) { return [o] }
        return organisations
    }

    // Built in a static function with plain locals: the same code written inline in `init`
    // crashed the release-mode optimiser (Swift 6 SIL CopyPropagation), so `swift build -c release` failed.
    private static func makeForm(_ e: AgendaItem?, organisations: [Organisation], wijken: [Wijk], signUps: SignUpOptions?, _ ctx: UIContext) -> Form {
        let tomorrow = ctx.now.addingTimeInterval(86_400)
        let rec = e?.recurrence ?? .none
        var startText = "19:30"
        var endText = "21:00"
        var untilText = ""
        var wijkIndex = 0
        if let e {
            startText = DateText.time(e.start)
            if let end = e.end { endText = DateText.time(end) }
            if let until = e.recurrence.until { untilText = isoDay(until) }
            if let w = e.wijk, let i = wijken.firstIndex(where: { $0.id == w }) { wijkIndex = i + 1 }
        }
        return Form([
            FormField("title", ctx.t(.title), .text(TextField(e?.title ?? "", limit: Field.title.limit))),
            FormField("description", ctx.t(.descriptionText), .area(TextArea(e?.description ?? "", limit: Field.description.limit, rows: 3))),
            FormField("date", ctx.t(.dateYyyyMmDd), .text(TextField(isoDay(e?.start ?? tomorrow), limit: 10))),
            FormField("start", ctx.t(.startHhMm), .text(TextField(startText, limit: 5))),
            FormField("end", ctx.t(.endHhMm), .text(TextField(endText, limit: 5))),
            FormField("allDay", ctx.t(.allDay2), .toggle(e?.allDay ?? false)),
            FormField("location", ctx.t(.location), .text(TextField(e?.location ?? "", limit: Field.location.limit))),
            FormField("organisation", ctx.t(.organisation2), .choice(options: organisations.map { safe($0.name) }, selected: 0)),
            FormField("wijk", ctx.t(.neighbourhood), .choice(options: [ctx.t(.allOfBorne)] + wijken.map { safe($0.name) }, selected: wijkIndex)),
            FormField("category", ctx.t(.category), .cycle(options: categoryOptions(e?.category, ctx), selected: categoryIndex(e?.category))),
            FormField("cost", ctx.t(.cost), .text(TextField(e?.cost ?? ctx.t(.free), limit: Field.cost.limit))),
            FormField("signup", ctx.t(.signUp), .text(TextField(e?.signup ?? "", limit: Field.signup.limit))),
            FormField("signUps", ctx.t(.takesSignUps), .toggle(signUps != nil)),
            FormField("places", ctx.t(.placesEmptyNoLimit), .text(TextField(signUps?.places.map(String.init) ?? "", limit: 5))),
            FormField("placesNote", ctx.t(.emptyMeansNoLimit), .note(.muted)),
            FormField("waitingList", ctx.t(.keepsWaitingList), .toggle(signUps?.waitingList ?? true)),
            FormField("recurrence", ctx.t(.repeats), .choice(options: [ctx.t(.none), ctx.t(.repeatDaily), ctx.t(.repeatWeekly),
                                                                      ctx.t(.repeatMonthlyDate), ctx.t(.repeatMonthlyWeekday)],
                                                            selected: Self.kinds.firstIndex { $0.0 == rec.unit && $0.1 == (rec.weekOfMonth != nil) } ?? 0)),
            FormField("interval", ctx.t(.repeatEvery), .text(TextField(String(rec.interval), limit: 3))),
            FormField("weekOfMonth", ctx.t(.repeatWeekOfMonth), .choice(options: Recurrence.WeekOfMonth.allCases.map { ctx.t(.ordinalWeek(week: $0.rawValue)) },
                                                                        selected: Recurrence.WeekOfMonth.allCases.firstIndex { $0 == rec.weekOfMonth } ?? 0)),
            FormField("until", ctx.t(.untilYyyyMmDd), .text(TextField(untilText, limit: 10))),
            FormField("count", ctx.t(.repeatTimes), .text(TextField(rec.count.map(String.init) ?? "", limit: 3))),
            // The privacy statement promises to point people to copyright law where they place content.
            FormField("copyright", ctx.t(.onlyYourOwnWorkOr), .note(.muted)),
            FormField("save", ctx.t(.save), .button),
        ], labelWidth: 20)
    }

    /// The options of the category: none, then the platform's list in the reader's language (the
    /// list residents pick their interests from, so a new activity reaches them). An activity
    /// whose category was typed before there was a list keeps it as a last option, marked as not
    /// on the list, so saving it untouched changes nothing.
    static func categoryOptions(_ stored: String?, _ ctx: UIContext) -> [String] {
        var options = [ctx.t(.none)] + PlatformCategory.all.map { ctx.t($0.word) }
        if let old = unlistedCategory(stored) { options.append(ctx.t(.categoryNotOnList(safe(old)))) }
        return options
    }

    /// The option the stored category is: none, its place on the list, or the last (not on it).
    static func categoryIndex(_ stored: String?) -> Int {
        guard let stored else { return 0 }
        if let listed = PlatformCategory(matching: stored), let i = PlatformCategory.all.firstIndex(of: listed) { return i + 1 }
        return unlistedCategory(stored) == nil ? 0 : PlatformCategory.all.count + 1
    }

    /// The stored category when it names nothing on the list (typed before there was one).
    static func unlistedCategory(_ stored: String?) -> String? {
        guard let stored, !stored.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, PlatformCategory(matching: stored) == nil else { return nil }
        return stored
    }

    /// The category chosen, as the core keeps it: a key of the list, empty, or the stored one.
    private var chosenCategory: String {
        let i = form.choice("category")
        if PlatformCategory.all.indices.contains(i - 1) { return PlatformCategory.all[i - 1].key }
        return i == 0 ? "" : Self.unlistedCategory(editing?.category) ?? ""
    }

    override func reloadDiscardingInput(_ ctx: UIContext) { closeForNewerVersion(ctx) }
    override var reloadDiscardsInput: Bool { true }

    /// Only a newer version of the activity being edited is someone else's change to this
    /// input; a new activity has no record anyone else could have changed.
    override func inputOutdated(by changed: Set<CollectionName>, _ ctx: UIContext) -> Bool {
        guard let editing, changed.contains(.agenda) else { return false }
        return ctx.store.agendaItem(editing.id, for: ctx.viewer) != editing
    }

    override func title(_ ctx: UIContext) -> String { editing == nil ? ctx.t(.newActivity) : ctx.t(.editActivity) }

    static func isoDay(_ d: Date) -> String { LocalTime.isoDay(d) }

    /// The choices of "Herhalen", in order: the unit and whether by weekday of the month.
    static let kinds: [(Recurrence.Unit?, Bool)] = [(nil, false), (.day, false), (.week, false), (.month, false), (.month, true)]

    /// A whole number from 1 to 999 as typed (nil for anything else).
    static func wholeNumber(_ s: String) -> Int? {
        Int(s.trimmingCharacters(in: .whitespaces)).flatMap { (1...999).contains($0) ? $0 : nil }
    }

    /// The form field that holds a feed field.
    static func fieldID(_ field: FeedField) -> String {
        switch field {
        case .title: "title"
        case .description: "description"
        case .location: "location"
        case .category: "category"
        case .cost: "cost"
        case .signup: "signup"
        case .organisation: "organisation"
        }
    }

    /// Parses "UU:MM".
    static func time(_ s: String) -> (Int, Int)? {
        let p = s.trimmingCharacters(in: .whitespaces).split(separator: ":")
        guard p.count == 2, let h = Int(p[0]), let m = Int(p[1]), (0...23).contains(h), (0...59).contains(m) else { return nil }
        return (h, m)
    }

    override func pressed(_ id: String, _ ctx: UIContext) {
        guard id == "save", organisations.indices.contains(form.choice("organisation")) else { return }
        let cal = amsterdamCalendar()
        let allDay = form.bool("allDay")
        let dateText = form.text("date").trimmingCharacters(in: .whitespaces)
        let startText = form.text("start"), endText = form.text("end").trimmingCharacters(in: .whitespaces)
        let untilText = form.text("until").trimmingCharacters(in: .whitespaces)
        let (unit, byWeekday) = Self.kinds[form.choice("recurrence")]
        let intervalText = form.text("interval"), countText = form.text("count").trimmingCharacters(in: .whitespaces)
        let title = form.text("title"), description = form.text("description"), location = form.text("location")
        let takesSignUps = form.bool("signUps"), placesText = form.text("places").trimmingCharacters(in: .whitespaces)
        // Every problem at once, each under its field; nothing typed is lost.
        guard check([
            ("title", Field.title.label(ctx.language), { _ = try validated(title, .title) }),
            ("description", Field.description.label(ctx.language), { _ = try validated(description, .description, required: false) }),
            ("date", ctx.t(.date), { if ISODate.day(dateText) == nil { throw CoreError.invalidDate(dateText) } }),
            ("start", ctx.t(.start), {
                if !allDay && Self.time(startText) == nil { throw FormProblem(ctx.t(.fillInTheStartTime)) }
            }),
            ("end", ctx.t(.end), {
                if !allDay && !endText.isEmpty && Self.time(endText) == nil { throw FormProblem(ctx.t(.fillInTheEndTime)) }
            }),
            ("location", Field.location.label(ctx.language), { _ = try validated(location, .location) }),
            ("until", ctx.t(.until2), { if !untilText.isEmpty && ISODate.day(untilText) == nil { throw CoreError.invalidDate(untilText) } }),
            ("interval", ctx.t(.repeatEvery), { if unit != nil && Self.wholeNumber(intervalText) == nil { throw CoreError.recurrence(.numberOutOfRange) } }),
            ("count", ctx.t(.repeatTimes), {
                if unit != nil && !countText.isEmpty && Self.wholeNumber(countText) == nil { throw CoreError.recurrence(.numberOutOfRange) }
                if unit != nil && !countText.isEmpty && !untilText.isEmpty { throw CoreError.recurrence(.untilAndCount) }
            }),
            ("places", ctx.t(.places), {
                guard takesSignUps, !placesText.isEmpty else { return }
                guard let n = Int(placesText), (1...SignUpOptions.maximumPlaces).contains(n) else { throw CoreError.signUpPlacesOutOfRange(SignUpOptions.maximumPlaces) }
            }),
        ], ctx),
              let day = ISODate.day(dateText) else { return }
        var start = day, end: Date? = nil
        if !allDay, let (h, m) = Self.time(startText) {
            start = cal.date(bySettingHour: h, minute: m, second: 0, of: day) ?? day
            if let (eh, em) = Self.time(endText) { end = cal.date(bySettingHour: eh, minute: em, second: 0, of: day) }
        }
        let until = untilText.isEmpty ? nil : ISODate.day(untilText)
        let w = form.choice("wijk")
        let draft = AgendaItem(id: editing?.id ?? AgendaItemID(0), title: form.text("title"), description: form.text("description"),
                               start: start, end: end, allDay: allDay, location: form.text("location"),
                               wijk: w == 0 ? nil : wijken[w - 1].id, organisation: organisations[form.choice("organisation")].id,
                               category: chosenCategory, cost: form.text("cost"), signup: form.text("signup"),
                               recurrence: Recurrence(unit: unit, interval: Self.wholeNumber(intervalText) ?? 1,
                                                      weekOfMonth: byWeekday ? Recurrence.WeekOfMonth.allCases[form.choice("weekOfMonth")] : nil,
                                                      until: until, count: countText.isEmpty ? nil : Self.wholeNumber(countText),
                                                      // Cancelled and moved occurrences stay while the rule still has them.
                                                      changes: editing?.recurrence.changes ?? []))
        let signUps = takesSignUps ? SignUpOptions(places: Int(placesText), waitingList: form.bool("waitingList")) : nil
        let found = ctx.store.feedFindings(in: draft, for: ctx.viewer)
        let texts = [draft.title, draft.description, draft.location, draft.category, draft.cost, draft.signup, String(draft.organisation.rawValue)]
        if !found.isEmpty && warnedTexts != texts {
            warnedTexts = texts
            form.setErrors(found.map { (Self.fieldID($0.field), ctx.t(.feedFieldHoldsPersonalData($0.word))) })
            ctx.fail(ctx.t(.feedSaveWarning(FeedFinding.listed(found), form.submitButton?.label ?? ctx.t(.save))))
            return
        }
        do {
            if let editing {
                try ctx.store.perform(.editAgendaItem(editing.id, AgendaEdit(draft), basedOn: editing, signUps: .some(signUps)), as: ctx.viewer)
                ctx.inform(found.isEmpty ? ctx.t(.saved) : ctx.t(.feedSavedButLeftOut(FeedFinding.listed(found))))
            } else {
                try ctx.store.perform(.createAgendaItem(draft, signUps: signUps), as: ctx.viewer)
                ctx.inform(found.isEmpty ? ctx.t(.theActivityIsInThe) : ctx.t(.feedSavedButLeftOut(FeedFinding.listed(found))))
            }
            ctx.pop()
        } catch {
            ctx.fail(error)
            switch error as? CoreError {
            case .fieldRequired(.title)?: form.focus(on: "title")
            case .fieldRequired(.location)?: form.focus(on: "location")
            case .endBeforeStart?: form.focus(on: "end")
            case .startInPast?, .recurrence(.startNotOnWeekOfMonth)?: form.focus(on: "date")
            case .signUpPlacesBelowTaken?, .signUpPlacesOutOfRange?: form.focus(on: "places")
            case .unknownCategory?: form.focus(on: "category")
            default: break
            }
        }
    }
}
