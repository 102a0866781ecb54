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
    public func report(_ target: ReportTarget, reason: ReportReason, explanation: String, name: String, email: String, by viewer: Viewer) throws -> Report {
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

    /// True when `viewer` moderates `report`: administrators all, local partners their wijken.
    public static func moderates(_ report: Report, _ viewer: Viewer) -> Bool {
        Permissions.denial(.moderate(wijk: report.wijk), by: viewer) == nil
    }

    /// The queue for `viewer`: open reports oldest first, then handled ones newest first.
    public func reportQueue(by viewer: Viewer) throws -> [Report] {
        try Permissions.require(.openModeration, by: viewer)
        try refresh()
        try Self.confirm(viewer, in: state)
        let mine = state.reports.all.filter { Self.moderates($0, viewer) }
        return mine.filter { $0.status == .open }.sorted { $0.created < $1.created }
            + mine.filter { $0.status != .open }.sorted { ($0.handled ?? $0.created) > ($1.handled ?? $1.created) }
    }

    /// Carries out a moderator's action; every action is an audit event.
    public func moderate(_ id: ReportID, _ action: ModerationAction, by viewer: Viewer) throws {
        try update(actor: viewer) { tx in
            guard var r = tx.state.reports[id.rawValue] else { throw CoreError.notFound(what: "report \(id)") }
            guard Self.moderates(r, viewer) else { throw CoreError.notPermitted(.partnersOnly) }
            // A code, not a sentence: the reader's screen says it in their language.
            let reason = r.reason.rawValue
            // The author hears that, and why, before the content is gone (issue 23).
            if action == .hide || action == .remove { Self.tellAuthor(of: r.target, reason: r.reason, removed: action == .remove, by: viewer, in: &tx) }
            switch action {
            case .hide: try Self.setHidden(r.target, reason: reason, in: &tx)
            case .restore: try Self.setHidden(r.target, reason: nil, in: &tx)
            case .remove: try removeContent(r.target, in: &tx)
            case .dismiss: break
            }
            r.status = [.hide: .hidden, .restore: .restored, .remove: .removed, .dismiss: .dismissed][action]!
            r.handledBy = viewer.account?.id
            r.handled = tx.now
            tx.put(r)
            tx.audit(.contentModerated, actor: viewer.account?.id, subject: Self.author(of: r.target, tx.state), target: r.target.auditTarget)
        }
    }

    /// Tells the author of reported content why, in their Berichten (with an e-mail only if their toggle allows).
    public func replyToAuthor(_ id: ReportID, text: String, by viewer: Viewer) throws {
        let body = try validated(text, .text)
        try update(actor: viewer) { tx in
            guard let r = tx.state.reports[id.rawValue] else { throw CoreError.notFound(what: "report \(id)") }
            guard Self.moderates(r, viewer), let me = viewer.activeAccount else { throw CoreError.notPermitted(.partnersOnly) }
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
            tx.audit(.contentModerated, actor: me.id, subject: Self.author(of: r.target, tx.state), target: r.target.auditTarget)
        }
    }

    /// Records a takedown notice received at the privacy address against the content it names,
    /// and removes that content; the notice and the action are kept. Administrators only.
    @discardableResult
    public func recordTakedown(_ target: ReportTarget, from name: String, email: String, notice: String, by viewer: Viewer) throws -> Report {
        try Permissions.require(.administerPlatform, by: viewer)
        let who = try validated(name, .senderName)
        let address = try EmailAddress.normalise(email)
        let text = try validated(notice, .text)
        return try update(actor: viewer) { tx in
            let wijk = try Self.wijkOf(target, in: tx.state, viewer: viewer, now: tx.now)
            let id: ReportID = tx.nextID(.reports)
            let r = Report(id: id, kind: .takedown, target: target, reason: .copyright, explanation: text, reporterName: who, reporterEmail: address,
                           reporterAccount: nil, wijk: wijk, created: tx.now, status: .removed, handledBy: viewer.account?.id, handled: tx.now)
            Self.tellAuthor(of: target, reason: .copyright, removed: true, by: viewer, in: &tx)
            try removeContent(target, in: &tx)
            tx.put(r)
            tx.audit(.contentModerated, actor: viewer.account?.id, subject: nil, target: target.auditTarget)
            return r
        }
    }

    /// Tells the author of content that is hidden or removed what and why, in their Berichten
    /// (an organisation's editors for its content): the promise is that content is not taken
    /// away without telling its author (issue 23). The title is the author's own; the reporter
    /// is never named.
    static func tellAuthor(of target: ReportTarget, reason: ReportReason, removed: Bool, by viewer: Viewer, in tx: inout Transaction) {
        let recipient: ContactMessage.Recipient
        let what: (nl: String, en: String)
        switch target {
        case .post(let id):
            guard let p = tx.state.posts[id.rawValue] else { return }
            switch p.author {
            case .resident(let a): recipient = .resident(a)
            case .organisation(let o, _): recipient = .organisation(o)
            }
            what = ("Je bericht op het prikbord '\(p.title)'", "Your notice-board post '\(p.title)'")
        case .agendaItem(let id):
            guard let i = tx.state.agenda[id.rawValue] else { return }
            recipient = .organisation(i.organisation)
            what = ("De activiteit '\(i.title)'", "The activity '\(i.title)'")
        case .profile(let id):
            recipient = .resident(id)
            what = ("Je profiel", "Your profile")
        case .message(let id):
            guard let m = tx.state.messages[id.rawValue], let sender = m.senderAccount else { return }
            recipient = .resident(sender)
            what = ("Een bericht dat je stuurde", "A message you sent")
        }
        let done = removed ? ("is weggehaald", "was removed") : ("is verborgen", "was hidden")
        let text = "\(what.nl) \(done.0) na een melding (reden: \(reason.label(.dutch))). Ben je het er niet mee eens? Antwoord op dit bericht.\n\n"
            + "\(what.en) \(done.1) after a report (reason: \(reason.label(.english))). Do you disagree? Reply to this message."
        let id: MessageID = tx.nextID(.messages)
        var m = ContactMessage(id: id, senderName: "", senderEmail: "", senderAccount: viewer.activeAccount?.id, recipient: recipient,
                               text: String(text.prefix(Field.text.limit)), sent: tx.now)
        m.aboutReport = reason
        tx.put(m)
    }

    /// Blocks the resident account behind reported content (administrators), keeping the
    /// report's reason as a code; the screen never handles the account itself.
    public func blockAuthor(ofReport id: ReportID, by viewer: Viewer) throws {
        try Permissions.require(.administerPlatform, by: viewer)
        guard let r = state.reports[id.rawValue], let author = Self.author(of: r.target, state) else {
            throw CoreError.notFound(what: "report \(id)")
        }
        try setBlocked(author, blocked: true, reason: r.reason.rawValue, by: viewer)
    }

    /// Short text describing the reported content for the queue (nil when it is gone).
    public func reportedContent(_ r: Report, by viewer: Viewer) -> String? {
        guard Self.moderates(r, viewer) else { return nil }
        switch r.target {
        case .post(let id): return state.posts[id.rawValue].map { "Prikbord: " + $0.title }
        case .agendaItem(let id): return state.agenda[id.rawValue].map { "Agenda: " + $0.title }
        case .profile(let id): return state.accounts[id.rawValue].map { "Profiel: " + $0.profile.displayName }
        case .message(let id): return state.messages[id.rawValue].map { "Bericht van " + ContentVisibility.senderName(of: $0, in: state, for: .visitor) }
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
    public func setPlatform(isPrivate: Bool? = nil, registrationOpen: Bool? = nil, by viewer: Viewer) throws {
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
    public func setPrivacyStatement(dutch: String?, english: String?, by viewer: Viewer) throws {
        try Permissions.require(.administerPlatform, by: viewer)
        var texts: [String] = []
        if let dutch, let english {
            let nl = try validated(dutch, .privacyStatement), en = try validated(english, .privacyStatement)
            texts = [nl, en]
        }
        try changeSettings("privacy-statement", by: viewer) { $0.privacyStatement = texts }
    }
}
