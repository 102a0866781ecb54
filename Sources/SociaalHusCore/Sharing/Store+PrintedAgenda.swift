import Foundation

extension Store {
    /// The agenda of `query` laid out for paper (A4, large print when `large`): what a visitor
    /// may see, because the paper goes on a notice board, so activities only (time, title,
    /// place, how to sign up, organisation, cost) and nothing of any account, nor who signed up. The occurrences
    /// are the agenda's own listing, so recurrence and its exceptions print as the screen shows
    /// them. `t` words it in the reader's language.
    public func printedAgenda(_ query: AgendaQuery, large: Bool, t: (Word) -> String) throws -> PDFDocument {
        let calendar = LocalTime.calendar
        let first = calendar.startOfDay(for: query.from)
        let days = max(query.days, 1)
        let last = calendar.date(byAdding: .day, value: days - 1, to: first) ?? first
        var q = query
        q.from = first
        q.days = days
        let occurrences = try agenda(q, viewer: .visitor)
        var organisations: [OrganisationID: String] = [:]
        func organisation(_ id: OrganisationID) -> String {
            if let known = organisations[id] { return known }
            let name = self.organisation(id, for: .visitor)?.name ?? ""
            organisations[id] = name
            return name
        }
        var printed: [AgendaPrintLayout.Day] = []
        var lastDay: Date?
        for o in occurrences {
            // An activity that began before the period (and runs into it) is listed on its first day.
            let day = calendar.startOfDay(for: max(o.start, first))
            if day != lastDay {
                let heading = Self.capitalised(t(LocalTime.dayNameWithYear(day.addingTimeInterval(12 * 3600))))
                printed.append(AgendaPrintLayout.Day(heading: heading, continued: t(.printedContinued(heading)), activities: []))
                lastDay = day
            }
            let item = o.item
            let time = item.allDay ? t(.printedAllDay) : LocalTime.time(o.start) + (o.end.map { "–" + LocalTime.time($0) } ?? "")
            var details: [String] = []
            let place = Self.printable(item.location, 300)
            if !place.isEmpty { details.append(t(.printedWhere(place))) }
            // Places left are not printed: the paper hangs for weeks, the count changes by the hour.
            if signUpOptions(item.id, for: .visitor) != nil { details.append(t(.printedSignUpHere)) }
            let signup = Self.printable(item.signup, 600)
            if !signup.isEmpty { details.append(t(.printedSignUp(signup))) }
            let cost = Self.printable(item.cost, 300)
            if !cost.isEmpty { details.append(t(.printedCost(cost))) }
            let by = Self.printable(organisation(item.organisation), 300)
            if !by.isEmpty { details.append(t(.printedOrganisation(by))) }
            printed[printed.count - 1].activities.append(.init(time: time, title: Self.printable(item.title, 300), details: details))
        }
        let wijkName = query.wijk.flatMap { self.wijk($0)?.name }.map { Self.printable($0, 100) } ?? t(.allOfBorne)
        let top = t(.printedAgendaHeading(wijkName, t(Self.date(first)), t(Self.date(last)), t(Self.date(clock.now()))))
        let layout = AgendaPrintLayout(top: top, empty: t(.noActivitiesInThisPeriod), days: printed, sizes: large ? .large : .normal)
        return layout.document { t(.printedPage($0, $1)) }
    }

    /// "7 december 2026".
    static func date(_ d: Date) -> Word {
        let p = LocalTime.calendar.dateComponents([.day, .month, .year], from: d)
        return .printedDate(day: p.day ?? 1, month: p.month ?? 1, year: p.year ?? 1970)
    }

    /// Text an editor typed, fit for paper: on one line, sanitised, and at most `limit`
    /// characters (cut with "…").
    static func printable(_ text: String, _ limit: Int) -> String {
        let oneLine = String(text.prefix(limit * 4).map { $0.isNewline || $0 == "\t" ? " " : $0 })
        let clean = TextSanitizer.sanitize(oneLine).trimmingCharacters(in: .whitespaces)
        return clean.count > limit ? String(clean.prefix(limit - 1)) + "…" : clean
    }

    /// The text with a capital first letter ("maandag" in a heading).
    static func capitalised(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }
}
