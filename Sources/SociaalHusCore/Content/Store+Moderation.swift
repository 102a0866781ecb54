import Foundation

/// A moderator's action on a report.
public enum ModerationAction: String, Sendable, CaseIterable {
    /// Hide the content (its author sees why); the report stays until restored or removed.
    case hide
    /// Show hidden content again.
    case restore
    /// Remove the content for good.
    case remove
    /// Close the report without changing the content.
    case dismiss
}

extension Store {
    /// Reports content: anyone, with a name, a mandatory e-mail address, a reason and an explanation.
    @discardableResult
    func report(_ target: ReportTarget, reason: ReportReason, explanation: String, name: String, email: String, by viewer: Viewer) throws -> Report {
        let who = try validated(name, .senderName)
        guard !email.trimmingCharacters(in: .whitespaces).isEmpty else { throw CoreError.fieldRequired(.senderEmail) }
        let address = try EmailAddress.normalise(email)
        let text = try validated(explanation, .text)
        return try update(actor: viewer) { tx in
            let wijk = try Self.wijkOf(target, in: tx.state, viewer: viewer, now: tx.now)
            let id: ReportID = tx.nextID(.reports)
            let r = Report(id: id, kind: .report, target: target, reason: reason, explanation: text, reporterName: who, reporterEmail: address,
                           reporterAccount: viewer.activeAccount?.id, wijk: wijk, created: tx.now)
            tx.put(r)
            return r
        }
    }

    /// The content's wijk (for the partner who moderates it), checking that the reporter may see it.
    static func wijkOf(_ target: ReportTarget, in s: StoreState, viewer: Viewer, now: Date) throws -> WijkID? {
        switch target {
        // Only what the reporter may see can be reported (the content visibility rules decide).
        case .post(let id):
            guard let p = s.posts[id.rawValue],
                  ContentVisibility.view(of: p, author: p.author.account.flatMap { s.accounts[$0.rawValue] },
                                         organisation: { if case .organisation(let o, _) = p.author { return s.organisations[o.rawValue] } else { return nil } }(),
                                         by: viewer, settings: s.settings, now: now) != nil else { throw CoreError.notFound(what: "post \(id)") }
            return p.wijk
        case .agendaItem(let id):
            guard let i = s.agenda[id.rawValue],
                  ContentVisibility.mayView(i, creator: i.createdBy.flatMap { s.accounts[$0.rawValue] }, by: viewer, settings: s.settings) else {
                throw CoreError.notFound(what: "agenda \(id)")
            }
            return i.wijk
        case .profile(let id):
            guard let a = s.accounts[id.rawValue], ProfileVisibilityRule.view(of: a, by: viewer, settings: s.settings) != nil else {
                throw CoreError.notFound(what: "account \(id)")
            }
            return a.profile.wijk
        case .message(let id):
            // Only someone who may read a message can report it; messages go to administrators.
            guard let m = s.messages[id.rawValue], ContentVisibility.mayRead(m, by: viewer) else { throw CoreError.notFound(what: "message \(id)") }
            return nil
        }
    }

    /// True when `viewer` moderates `report`: administrators all, local partners their wijken;
    /// nobody a report about their own content (it stays out of their queue: it names who reported).
    static func moderates(_ report: Report, _ viewer: Viewer, in s: StoreState) -> Bool {
        Permissions.denial(.moderate(wijk: report.wijk, own: isOwn(report.target, by: viewer, in: s)), by: viewer) == nil
    }

    /// The queue for `viewer`: open reports and objections oldest first, then handled ones newest first.
    public func reportQueue(by viewer: Viewer) throws -> [Report] {
        try Permissions.require(.openModeration, by: viewer)
        try refresh()
        try Self.confirm(viewer, in: state)
        let mine = state.reports.all.filter { Self.moderates($0, viewer, in: state) }
        let waiting: Set<Report.Status> = [.open, .objected]
        return mine.filter { waiting.contains($0.status) }.sorted { $0.created < $1.created }
            + mine.filter { !waiting.contains($0.status) }.sorted { ($0.handled ?? $0.created) > ($1.handled ?? $1.created) }
    }

    /// True when the reported content is out of sight now (so it can be restored, not hidden again).
    static func isHidden(_ r: Report, in s: StoreState) -> Bool {
        switch r.target {
        case .post(let id): return s.posts[id.rawValue]?.hiddenReason != nil
        case .agendaItem(let id): return s.agenda[id.rawValue]?.hiddenReason != nil
        case .message(let id): return s.messages[id.rawValue]?.hiddenForRecipient == true
        // A profile is "hidden" by making it anonymous, which only its owner undoes.
        case .profile: return false
        }
    }

    /// True when the reported content still exists.
    static func exists(_ target: ReportTarget, in s: StoreState) -> Bool {
        switch target {
        case .post(let id): return s.posts[id.rawValue] != nil
        case .agendaItem(let id): return s.agenda[id.rawValue] != nil
        case .message(let id): return s.messages[id.rawValue] != nil
        case .profile(let id): return s.accounts[id.rawValue] != nil
        }
    }

    /// The actions that fit the report as it stands, for the keys a moderator is offered.
    public func moderationActions(_ id: ReportID, by viewer: Viewer) -> [ModerationAction] {
        guard let r = state.reports[id.rawValue], Self.moderates(r, viewer, in: state), Self.exists(r.target, in: state) else { return [] }
        if r.status == .removed { return [] }
        let hidden = Self.isHidden(r, in: state)
        var out: [ModerationAction] = []
        if !hidden && r.status != .hidden { out.append(.hide) }
        if hidden { out.append(.restore) }
        out.append(.remove)
        if r.status == .open || r.status == .objected { out.append(.dismiss) }
        return out
    }

    /// Carries out a moderator's action. Hiding needs a reason (those of the privacy statement)
    /// and words to the author; restoring only what is hidden. The author hears what and why,
    /// the reporter the outcome; every step is logged with who and why (`moderation_step`) and
    /// is an audit event. Dismissing an objection keeps the content hidden.
    func moderate(_ id: ReportID, _ action: ModerationAction, reason: ReportReason? = nil, note: String = "", by viewer: Viewer) throws {
        let words = try validated(note, .text, required: action == .hide)
        try update(actor: viewer) { tx in
            guard var r = tx.state.reports[id.rawValue] else { throw CoreError.notFound(what: "report \(id)") }
            let own = Self.isOwn(r.target, by: viewer, in: tx.state)
            try Permissions.require(.moderate(wijk: r.wijk, own: own), by: viewer)
            guard Self.exists(r.target, in: tx.state), r.status != .removed else { throw CoreError.moderationRefused(.contentGone) }
            let hidden = Self.isHidden(r, in: tx.state)
            let objected = r.status == .objected
            var step: ModerationStep.Kind
            switch action {
            case .hide:
                guard let reason else { throw CoreError.moderationRefused(.reasonNeeded) }
                if hidden || r.status == .hidden { throw CoreError.moderationRefused(.alreadyHidden) }
                // The author hears that, and why, before the content is gone.
                Self.tellAuthor(of: r.target, reason: reason, outcome: .hide, note: words, by: viewer, in: &tx)
                try Self.setHidden(r.target, reason: reason.rawValue, in: &tx)
                step = .hide
            case .restore:
                guard hidden else { throw CoreError.moderationRefused(.notHidden) }
                try Self.setHidden(r.target, reason: nil, in: &tx)
                Self.tellAuthor(of: r.target, reason: r.reason, outcome: .restore, note: words, by: viewer, in: &tx)
                step = .restore
            case .remove:
                Self.tellAuthor(of: r.target, reason: reason ?? r.reason, outcome: .remove, note: words, by: viewer, in: &tx)
                try removeContent(r.target, in: &tx)
                step = .remove
            case .dismiss:
                // Rejecting an objection leaves the content as it is: hidden.
                if objected { Self.tellAuthor(of: r.target, reason: r.reason, outcome: .keep, note: words, by: viewer, in: &tx) }
                step = objected ? .keep : .dismiss
            }
            r.status = [.hide: .hidden, .restore: .restored, .remove: .removed, .dismiss: objected ? .hidden : .dismissed][action]!
            r.handledBy = viewer.account?.id
            r.handled = tx.now
            tx.put(r)
            try Self.tellReporter(r, outcome: step, in: &tx)
            tx.statements.append(ModerationLog.add(r.id, step, reason: action == .hide ? reason : nil, note: words, actor: viewer.account?.id, at: tx.now))
            tx.audit(.contentModerated, actor: viewer.account?.id, subject: Self.author(of: r.target, tx.state), target: r.target.auditTarget)
        }
    }

    /// Tells the author of reported content why, in their Berichten (with an e-mail only if their toggle allows).
    func replyToAuthor(_ id: ReportID, text: String, by viewer: Viewer) throws {
        let body = try validated(text, .text)
        try update(actor: viewer) { tx in
            guard let r = tx.state.reports[id.rawValue] else { throw CoreError.notFound(what: "report \(id)") }
            try Permissions.require(.moderate(wijk: r.wijk, own: Self.isOwn(r.target, by: viewer, in: tx.state)), by: viewer)
            guard let me = viewer.activeAccount else { throw CoreError.notPermitted(.notLoggedIn) }
            let recipient: ContactMessage.Recipient
            if let a = Self.author(of: r.target, tx.state) {
                recipient = .resident(a)
            } else if case .agendaItem(let i) = r.target, let item = tx.state.agenda[i.rawValue] {
                recipient = .organisation(item.organisation)
            } else if case .post(let p) = r.target, let post = tx.state.posts[p.rawValue], case .organisation(let o, _) = post.author {
                recipient = .organisation(o)
            } else {
                throw CoreError.notFound(what: "author")
            }
            let mid: MessageID = tx.nextID(.messages)
            var m = ContactMessage(id: mid, senderName: "", senderEmail: "", senderAccount: me.id, recipient: recipient, text: body, sent: tx.now)
            m.aboutReport = r.reason
            tx.put(m)
            tx.statements.append(ModerationLog.add(r.id, .answer, reason: nil, note: body, actor: me.id, at: tx.now))
            tx.audit(.contentModerated, actor: me.id, subject: Self.author(of: r.target, tx.state), target: r.target.auditTarget)
        }
    }

    /// Records a takedown notice received at the privacy address against the content it names,
    /// and removes that content; the notice and the action are kept. Administrators only.
    @discardableResult
    func recordTakedown(_ target: ReportTarget, from name: String, email: String, notice: String, by viewer: Viewer) throws -> Report {
        try Permissions.require(.administerPlatform, by: viewer)
        let who = try validated(name, .senderName)
        let address = try EmailAddress.normalise(email)
        let text = try validated(notice, .text)
        return try update(actor: viewer) { tx in
            let wijk = try Self.wijkOf(target, in: tx.state, viewer: viewer, now: tx.now)
            let id: ReportID = tx.nextID(.reports)
            let r = Report(id: id, kind: .takedown, target: target, reason: .copyright, explanation: text, reporterName: who, reporterEmail: address,
                           reporterAccount: nil, wijk: wijk, created: tx.now, status: .removed, handledBy: viewer.account?.id, handled: tx.now)
            Self.tellAuthor(of: target, reason: .copyright, outcome: .remove, note: "", by: viewer, in: &tx)
            try removeContent(target, in: &tx)
            tx.put(r)
            tx.audit(.contentModerated, actor: viewer.account?.id, subject: nil, target: target.auditTarget)
            return r
        }
    }

    /// Tells the author of content that is hidden, removed or restored what and why, in their
    /// Berichten (an organisation's editors for its content): the promise is that content is not
    /// taken away without telling its author. With the moderator's words, and where it
    /// is hidden how to object. The title is the author's own; the reporter is never named.
    static func tellAuthor(of target: ReportTarget, reason: ReportReason, outcome: ModerationStep.Kind, note: String, by viewer: Viewer,
                           in tx: inout Transaction) {
        let recipient: ContactMessage.Recipient
        let what: Word
        var objectable = false
        switch target {
        case .post(let id):
            guard let p = tx.state.posts[id.rawValue] else { return }
            switch p.author {
            case .resident(let a): recipient = .resident(a)
            case .organisation(let o, _): recipient = .organisation(o)
            }
            what = .yourNoticeBoardPost(p.title)
            objectable = true
        case .agendaItem(let id):
            guard let i = tx.state.agenda[id.rawValue] else { return }
            recipient = .organisation(i.organisation)
            what = .theActivity(i.title)
            objectable = true
        case .profile(let id):
            recipient = .resident(id)
            what = .yourProfile
        case .message(let id):
            guard let m = tx.state.messages[id.rawValue], let sender = m.senderAccount else { return }
            recipient = .resident(sender)
            what = .messageYouSent
        }
        let done: Word
        switch outcome {
        case .remove: done = .wasRemovedAfterReportReason(reason.word)
        case .restore: done = .isVisibleAgainModeratorRestored
        case .keep: done = .staysHiddenModeratorLookedAt
        default: done = .wasHiddenAfterReportReason(reason.word)
        }
        let words: Word? = note.isEmpty ? nil : .theModeratorSExplanation(note)
        let ask: Word?
        if outcome == .hide && objectable {
            ask = .doYouDisagreeObjectOnce
        } else if outcome == .restore {
            ask = nil
        } else {
            ask = .questionsReplyToThisMessage2
        }
        // Stored once for a reader whose language the platform does not know: Dutch, then English.
        let text = [Language.dutch, .english].map { l in
            "\(l.t(what)) \(l.t(done))\(words.map(l.t) ?? "")\(ask.map(l.t) ?? "")"
        }.joined(separator: "\n\n")
        let id: MessageID = tx.nextID(.messages)
        var m = ContactMessage(id: id, senderName: "", senderEmail: "", senderAccount: viewer.activeAccount?.id, recipient: recipient,
                               text: String(text.prefix(Field.text.limit)), sent: tx.now)
        m.aboutReport = reason
        tx.put(m)
    }

    /// Tells whoever reported what came of it: in their Berichten from the platform's own
    /// sender ("Beheer SociaalHus") when they have an account, else by e-mail to the address
    /// they gave for it. Neither the author nor the moderator is named.
    static func tellReporter(_ r: Report, outcome: ModerationStep.Kind, in tx: inout Transaction) throws {
        guard r.kind == .report else { return }
        let what: Word
        switch r.target {
        case .post(let id):
            let title = tx.state.posts[id.rawValue]?.title
            what = title.map { .thePost($0) } ?? .noticeBoardPost
        case .agendaItem(let id):
            let title = tx.state.agenda[id.rawValue]?.title
            what = title.map { .theActivity2($0) } ?? .anActivity
        case .profile: what = .profile3
        case .message: what = .message3
        }
        let result: Word
        switch outcome {
        case .hide: result = .theContentWasHiddenAnd
        case .remove: result = .theContentWasRemoved
        case .restore: result = .afterAnotherLookTheContent
        case .keep: result = .theContentStaysHidden
        case .dismiss: result = .moderatorLookedAtItAnd
        case .object, .answer: return
        }
        let text = [Language.dutch, .english].map { l in l.t(.yourReportWasHandled(l.t(what), r.reason.label(l), l.t(result))) }
            .joined(separator: "\n\n")
        if let a = r.reporterAccount, tx.state.accounts[a.rawValue] != nil {
            let id: MessageID = tx.nextID(.messages)
            let m = ContactMessage(id: id, senderName: ContactMessage.administrationSender, senderEmail: "", senderAccount: nil,
                                   recipient: .resident(a), text: String(text.prefix(Field.text.limit)), sent: tx.now)
            tx.put(m)
        } else if !r.reporterEmail.isEmpty {
            // A visitor has no Berichten: the address they gave so moderators could reach them.
            try tx.queueMail(MailMessage(to: r.reporterEmail, subject: Language.dutch.t(.yourReportOnSociaalHus) + " / " + Language.english.t(.yourReportOnSociaalHus),
                                         body: text + "\n" + ModerationLog.reporterFooter),
                             kind: .reply, accounts: [])
        }
    }

    /// Blocks the resident account behind reported content (administrators), keeping the
    /// report's reason as a code; the screen never handles the account itself.
    func blockAuthor(ofReport id: ReportID, by viewer: Viewer) throws {
        try Permissions.require(.administerPlatform, by: viewer)
        guard let r = state.reports[id.rawValue], let author = Self.author(of: r.target, state) else {
            throw CoreError.notFound(what: "report \(id)")
        }
        try setBlocked(author, blocked: true, reason: r.reason.rawValue, by: viewer)
    }

    /// What the reported content is, for the queue, as a word in the moderator's language
    /// (nil when it is gone).
    public func reportedContent(_ r: Report, by viewer: Viewer) -> Word? {
        guard Self.moderates(r, viewer, in: state) else { return nil }
        switch r.target {
        case .post(let id): return state.posts[id.rawValue].map { .reportedPost($0.title) }
        case .agendaItem(let id): return state.agenda[id.rawValue].map { .reportedActivity($0.title) }
        case .profile(let id): return state.accounts[id.rawValue].map { .reportedProfile($0.profile.displayName) }
        case .message(let id): return state.messages[id.rawValue].map { .reportedMessageFrom(ContentVisibility.senderName(of: $0, in: state, for: .visitor)) }
        }
    }

    /// The whole reported text for its moderators (nil when it is gone): a post's title and
    /// body, an activity's title, description and place, a profile's name and interests, a
    /// message's text (its recipient passed it on by reporting it). Hidden content too.
    public func reportedText(_ r: Report, by viewer: Viewer) -> String? {
        guard Self.moderates(r, viewer, in: state) else { return nil }
        switch r.target {
        case .post(let id):
            return state.posts[id.rawValue].map { $0.title + "\n\n" + $0.body }
        case .agendaItem(let id):
            return state.agenda[id.rawValue].map { [$0.title, $0.description, $0.location].filter { !$0.isEmpty }.joined(separator: "\n\n") }
        case .profile(let id):
            return state.accounts[id.rawValue].map { ([$0.profile.displayName] + $0.profile.interests).joined(separator: "\n") }
        case .message(let id):
            return state.messages[id.rawValue]?.text
        }
    }

    /// The resident account behind reported content, if any (organisation content has none).
    static func author(of target: ReportTarget, _ s: StoreState) -> AccountID? {
        switch target {
        case .post(let id):
            if case .resident(let a)? = s.posts[id.rawValue]?.author { return a }
            return nil
        case .agendaItem: return nil
        case .profile(let id): return id
        case .message(let id): return s.messages[id.rawValue]?.senderAccount
        }
    }

    static func setHidden(_ target: ReportTarget, reason: String?, in tx: inout Transaction) throws {
        switch target {
        case .post(let id):
            guard var p = tx.state.posts[id.rawValue] else { throw CoreError.notFound(what: "post \(id)") }
            p.hiddenReason = reason
            tx.put(p)
        case .agendaItem(let id):
            guard var i = tx.state.agenda[id.rawValue] else { throw CoreError.notFound(what: "agenda \(id)") }
            i.hiddenReason = reason
            tx.put(i)
        case .profile(let id):
            // A hidden profile shows as "anonieme bewoner" until its owner chooses a level again.
            guard var a = tx.state.accounts[id.rawValue] else { throw CoreError.notFound(what: "account \(id)") }
            if reason != nil { a.profile.visibility = .anonymous }
            tx.put(a)
        case .message(let id):
            guard var m = tx.state.messages[id.rawValue] else { throw CoreError.notFound(what: "message \(id)") }
            m.hiddenForRecipient = reason != nil
            tx.put(m)
        }
    }

    func removeContent(_ target: ReportTarget, in tx: inout Transaction) throws {
        switch target {
        case .post(let id):
            if let p = tx.state.posts[id.rawValue] { tx.remove(p) }
            try withdrawWaiting(about: .post(id), in: &tx)
        case .agendaItem(let id):
            if let i = tx.state.agenda[id.rawValue] { tx.remove(i) }
            try withdrawWaiting(about: .activity(id), in: &tx)
        case .profile(let id):
            // A profile is not deleted by a moderator (that is the owner's right); its name and photo go out of sight.
            if var a = tx.state.accounts[id.rawValue] { a.profile.visibility = .anonymous; tx.put(a) }
        case .message(let id):
            if let m = tx.state.messages[id.rawValue] { tx.remove(m) }
            try withdrawWaiting(about: .message(id), in: &tx)
        }
    }

    /// Makes the platform private (visitors see only login, registration and the privacy
    /// statement) or public, and opens or closes registration; administrators only.
    func setPlatform(isPrivate: Bool? = nil, registrationOpen: Bool? = nil, by viewer: Viewer) throws {
        try Permissions.require(.administerPlatform, by: viewer)
        try changeSettings("platform", by: viewer) { s in
            if let isPrivate { s.isPrivate = isPrivate }
            if let registrationOpen { s.registrationOpen = registrationOpen }
        }
    }
}

extension Store {
    /// Replaces the privacy statement with a partner's own text (Dutch and English), or with
    /// nil goes back to the built-in one; administrators (or the operator).
    func setPrivacyStatement(dutch: String?, english: String?, by viewer: Viewer) throws {
        try Permissions.require(.administerPlatform, by: viewer)
        var texts: [String] = []
        if let dutch, let english {
            let nl = try validated(dutch, .privacyStatement), en = try validated(english, .privacyStatement)
            texts = [nl, en]
        }
        try changeSettings("privacy-statement", by: viewer) { $0.privacyStatement = texts }
    }
}
