import Foundation

/// What a person with a sign-up or reminder is told, and when.
public enum SignUpNotice: Sendable, CaseIterable {
    /// A visitor got a place (their confirmation: they have no Berichten).
    case signUpPlace
    /// A visitor is on the waiting list.
    case signUpWaiting
    /// A visitor asked to be reminded.
    case reminderSet
    /// A place came free and is now theirs.
    case signUpPromoted
    /// The organiser took them off the list.
    case signUpRemoved
    /// The activity no longer takes sign-ups through the platform.
    case signUpsClosed
    /// The activity, or this occurrence of it, does not take place.
    case activityCancelled
    /// The activity's time or place changed.
    case activityChanged
    /// The reminder they asked for.
    case reminder

    /// The first line of the message.
    func headline(_ title: String) -> Word {
        switch self {
        case .signUpPlace: .noticeSignedUp(title)
        case .signUpWaiting: .noticeWaitingList(title)
        case .reminderSet: .noticeReminderSet(title)
        case .signUpPromoted: .noticePromoted(title)
        case .signUpRemoved: .noticeRemoved(title)
        case .signUpsClosed: .noticeSignUpsClosed(title)
        case .activityCancelled: .noticeCancelled(title)
        case .activityChanged: .noticeChanged(title)
        case .reminder: .noticeReminder(title)
        }
    }

    /// The e-mail's subject.
    func subject(_ title: String) -> Word {
        self == .reminder ? .reminderSubject(title) : .signUpSubject(title)
    }
}

extension Store {
    /// Tells the person of `r` about `notice` for `item`: an account in its Berichten (with an
    /// e-mail copy only when their toggle for messages is on, as for every message there), a
    /// visitor by e-mail to the address they gave for it. In both languages, as every message
    /// the platform writes (the reader's language is not known when it is written).
    func tell(_ notice: SignUpNotice, _ r: SignUp, item: AgendaItem, in tx: inout Transaction) throws {
        let (subject, text) = Self.noticeMail(notice, r, item: item, organisation: tx.state.organisations[item.organisation.rawValue])
        if let id = r.account {
            guard let a = tx.state.accounts[id.rawValue], !a.blocked else { return }
            let mid: MessageID = tx.nextID(.messages)
            tx.put(ContactMessage(id: mid, senderName: ContactMessage.administrationSender, senderEmail: "", senderAccount: nil,
                                  recipient: .resident(a.id), text: String(text.prefix(Field.text.limit)), sent: tx.now))
            if EmailPolicy.mayEmail(.visitorMessage, to: a) {
                try tx.queueMail(MailMessage(to: a.email, subject: subject, body: text + "\n\n" + MailFooter.text(.visitorMessage)),
                                 kind: .signUp, accounts: [a.id], about: .activity(item.id))
            }
        } else if !r.email.isEmpty {
            try tx.queueMail(MailMessage(to: r.email, subject: subject, body: text), kind: .signUp, accounts: [], about: .activity(item.id))
        }
    }

    /// A notice's e-mail subject and text, in both languages, as every message the platform
    /// writes (the reader's language is not known when it is written).
    static func noticeMail(_ notice: SignUpNotice, _ r: SignUp, item: AgendaItem, organisation: Organisation?) -> (subject: String, text: String) {
        let text = [Language.dutch, .english].map { noticeText(notice, r, item: item, organisation: organisation, lang: $0) }
            .joined(separator: "\n\n")
        let title = TextSanitizer.sanitize(item.title)
        return (Language.dutch.t(notice.subject(title)) + " / " + Language.english.t(notice.subject(title)), text)
    }

    /// One language's text of a notice: what happened, when, where, who organises it, and how
    /// to cancel. Every text an editor typed is made safe to print.
    static func noticeText(_ notice: SignUpNotice, _ r: SignUp, item: AgendaItem, organisation: Organisation?, lang: Language) -> String {
        let clean = { (s: String) in TextSanitizer.sanitize(s) }
        let end = item.end.map { r.occurrence.addingTimeInterval($0.timeIntervalSince(item.start)) }
        let when = lang.t(LocalTime.dayNameWithYear(r.occurrence)) + (item.allDay ? "" : ", " + LocalTime.time(r.occurrence) + (end.map { "–" + LocalTime.time($0) } ?? ""))
        var lines = [lang.t(notice.headline(clean(item.title))), "", lang.t(.noticeWhen(when))]
        if !item.location.isEmpty { lines.append(lang.t(.noticeWhere(clean(item.location)))) }
        if let organisation { lines.append(lang.t(.noticeOrganiser(clean(organisation.name)))) }
        let contact = [organisation?.email, organisation?.phone].compactMap { $0 }.filter { !$0.isEmpty }.map(clean).joined(separator: ", ")
        switch notice {
        case .signUpRemoved, .signUpsClosed, .activityCancelled:
            break
        case .signUpPlace, .signUpWaiting, .reminderSet, .signUpPromoted, .activityChanged, .reminder:
            if r.account != nil {
                lines.append(lang.t(.noticeCancelInApp(KeyName("signUp", fallback: "a"))))
            } else if !contact.isEmpty {
                lines.append(lang.t(.noticeCancelByContact(contact)))
            } else {
                lines.append(lang.t(.noticeCancelAtDesk))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Sends the reminders that are due (run daily by cron: `sociaalhus mail reminders`): for
    /// each place or reminder whose occurrence is `remindDays` calendar days away or nearer and
    /// still to come, one e-mail, marked sent in the same change, so running it again never
    /// sends it twice. Nobody on a waiting list is reminded of something they have no place
    /// for; a hidden activity or a blocked account gets none. Returns how many were queued.
    @discardableResult
    func sendReminders() throws -> Int {
        try update { tx in
            let now = tx.now
            let due = try SignUpRows.rows(db, where: "remind_days IS NOT NULL AND reminded IS NULL AND state <> 'waiting' AND occurrence > ?1 ORDER BY occurrence, id",
                                          now.timeIntervalSince1970)
            let today = LocalTime.calendar.startOfDay(for: now)
            var sent = 0
            for var r in due {
                let day = LocalTime.calendar.startOfDay(for: r.occurrence)
                guard let from = LocalTime.calendar.date(byAdding: .day, value: -(r.remindDays ?? 0), to: day), today >= from else { continue }
                guard let item = tx.state.agenda[r.activity.rawValue], item.hiddenReason == nil else { continue }
                let (subject, text) = Self.noticeMail(.reminder, r, item: item, organisation: tx.state.organisations[item.organisation.rawValue])
                // Asked for by the person, so by e-mail whatever their message toggle says.
                if let id = r.account {
                    guard let a = tx.state.accounts[id.rawValue], !a.blocked else { continue }
                    try tx.queueMail(MailMessage(to: a.email, subject: subject, body: text), kind: .reminder, accounts: [a.id], about: .activity(item.id))
                } else {
                    try tx.queueMail(MailMessage(to: r.email, subject: subject, body: text), kind: .reminder, accounts: [], about: .activity(item.id))
                }
                r.reminded = now
                tx.statements.append(SignUpRows.put(r))
                sent += 1
            }
            return sent
        }
    }
}
