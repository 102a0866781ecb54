import Foundation

/// The words of wijk notifications by e-mail: one at once, or a digest of what gathered since the
/// last. Both languages go in each mail, since the language a person reads is not known.
enum DigestMail {
    /// A kind of content a digest groups by, in the order the mail shows the groups.
    enum Group: Int, CaseIterable, Sendable {
        /// Activities.
        case agenda
        /// Prikbord posts.
        case prikbord

        /// The group's heading with its count.
        func heading(_ n: Int) -> Word { self == .agenda ? .digestGroupAgenda(n) : .digestGroupPrikbord(n) }
    }

    /// One piece of content a digest names, as it is when the digest goes out.
    struct Entry: Sendable {
        /// Where it goes.
        var group: Group
        /// Its title now.
        var title: String
        /// Its wijk's name (nil: all of Borne).
        var wijk: String?
        /// What it is or when: the post's kind, the activity's next day.
        var detail: Word
    }

    /// A mail's subject and body (without its footer).
    struct Text: Equatable {
        var subject: String
        var body: String
    }

    /// Whether a digest may go to `a` now: daily at most once per calendar day, weekly at most
    /// once in 7 calendar days (Amsterdam time), counted from the last digest; the first at once.
    /// Lines left from a time the person wanted mail at once go out as daily.
    static func isDue(_ a: Account, now: Date) -> Bool {
        guard let last = a.lastDigest else { return true }
        let cal = LocalTime.calendar
        let days = cal.dateComponents([.day], from: cal.startOfDay(for: last), to: cal.startOfDay(for: now)).day ?? 0
        return days >= a.profile.digest.days
    }

    /// What of `lines` is still there for `account` now, newest first within each group: left
    /// out is content deleted, hidden by a moderator, expired (a post past its date, an
    /// activity without an occurrence still to come), or no longer visible to this reader by the
    /// visibility rules; and lines from before schema 9, which name no content to check.
    static func entries(_ lines: [DigestLine], for account: Account, in s: StoreState, db: Database, now: Date) -> [Entry] {
        let viewer = Viewer.account(account)
        var seen: Set<ContentRef> = []
        var out: [Entry] = []
        for line in lines.reversed() {
            guard let ref = line.about, seen.insert(ref).inserted else { continue }
            switch ref {
            case .post(let id):
                guard let p = s.posts[id.rawValue], p.hiddenReason == nil, p.expires > now else { continue }
                var org: Organisation?
                if case .organisation(let o, _) = p.author { org = s.organisations[o.rawValue] }
                let author = p.author.account.flatMap { s.accounts[$0.rawValue] }
                guard ContentVisibility.view(of: p, author: author, organisation: org, by: viewer, settings: s.settings, now: now) != nil else { continue }
                out.append(Entry(group: .prikbord, title: p.title, wijk: s.wijk(p.wijk)?.name, detail: p.kind.word))
            case .activity(let id):
                guard let item = s.agenda[id.rawValue], item.hiddenReason == nil,
                      ContentVisibility.mayView(item, creator: item.createdBy.flatMap { s.accounts[$0.rawValue] }, by: viewer, settings: s.settings),
                      let next = nextStart(of: id, after: now, db: db) else { continue }
                out.append(Entry(group: .agenda, title: item.title, wijk: item.wijk.flatMap { s.wijk($0)?.name }, detail: LocalTime.shortDate(next)))
            case .message:
                continue
            }
        }
        // Stable: within a group the newest stays first.
        return Group.allCases.flatMap { g in out.filter { $0.group == g } }
    }

    /// The start of the activity's first occurrence that has not ended by `now` (nil: none left).
    static func nextStart(of id: AgendaItemID, after now: Date, db: Database) -> Date? {
        guard let s = try? db.prepare("SELECT min(starts) FROM agenda_occurrence WHERE item = ?1 AND ends >= ?2")
            .bind(id.rawValue, now.timeIntervalSince1970) else { return nil }
        defer { s.reset() }
        guard (try? s.step()) == true, !s.isNull(0) else { return nil }
        return Date(timeIntervalSince1970: s.double(0))
    }

    /// The digest of `entries` (grouped and ordered as `entries` gives them), the count of each
    /// group in the subject and the first line; nil when there is nothing to say.
    static func digest(_ entries: [Entry]) -> Text? {
        guard !entries.isEmpty else { return nil }
        let groups = Group.allCases.map { g in (g, entries.filter { $0.group == g }) }.filter { !$0.1.isEmpty }
        func headings(_ l: Language) -> String { Word.list(groups.map { $0.0.heading($0.1.count) }).map(l.t) ?? "" }
        func part(_ l: Language) -> String {
            var lines = [l.t(.digestIntro(headings(l))), ""]
            for (g, items) in groups {
                lines.append(l.t(g.heading(items.count)))
                lines += items.map { "  - " + line($0, l) }
                lines.append("")
            }
            lines.append(l.t(.digestSeeIt))
            return lines.joined(separator: "\n")
        }
        return Text(subject: Language.dutch.t(.digestSubject(headings(.dutch))) + " / " + Language.english.t(.digestSubject(headings(.english))),
                    body: part(.dutch) + "\n\n" + part(.english) + "\n")
    }

    /// A notification sent at once.
    static func notification(title: String, wijk: String?, about: ContentRef) -> Text {
        func part(_ l: Language) -> String {
            let see: Word = if case .activity = about { .notifySeeAgenda } else { .notifySeePrikbord }
            return l.t(.notifyIntro) + "\n\n  " + title + " (" + (wijk ?? l.t(.allOfBorne)) + ")\n\n" + l.t(see)
        }
        let subject = { (l: Language) in l.t(.notifySubject(wijk ?? l.t(.allOfBorne), title)) }
        return Text(subject: subject(.dutch) + " / " + subject(.english), body: part(.dutch) + "\n\n" + part(.english) + "\n")
    }

    /// One entry's line: its title, what or when, and where.
    static func line(_ e: Entry, _ l: Language) -> String {
        e.title + " (" + l.t(e.detail) + ", " + (e.wijk ?? l.t(.allOfBorne)) + ")"
    }
}
