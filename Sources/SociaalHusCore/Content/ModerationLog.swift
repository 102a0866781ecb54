import Foundation

/// One step in the handling of a report, as logged beside it (schema 14): who did
/// what and why. The audit log keeps ids only; the reason and the words to the author live here,
/// with the report they belong to, and go with it.
public struct ModerationStep: Sendable, Equatable {
    /// What was done.
    public enum Kind: String, Sendable, CaseIterable {
        /// A moderator hid the content (with a reason and words to the author).
        case hide
        /// A moderator showed hidden content again.
        case restore
        /// A moderator removed the content for good.
        case remove
        /// A moderator closed the report without changing anything.
        case dismiss
        /// A moderator kept hidden content hidden after the author's objection.
        case keep
        /// The author objected to the hiding (once).
        case object
        /// A moderator wrote to the author.
        case answer

        /// The words users see.
        public func label(_ lang: Language) -> String { lang.t(word) }

        /// The same as a word with its values, for the reader's layer to word.
        public var word: Word {
            switch self {
            case .hide: .hidden2
            case .restore: .restored
            case .remove: .removed2
            case .dismiss: .dismissed
            case .keep: .objectionRejectedStaysHidden
            case .object: .objectionMade
            case .answer: .authorAnswered
            }
        }
    }

    public var kind: Kind
    /// The reason given, as a code (hiding); nil for steps without one.
    public var reason: ReportReason?
    /// The moderator's words to the author, or the author's objection.
    public var note: String
    /// Who took the step (nil: their account was erased since, or the operator).
    public var actor: AccountID?
    public var at: Date
    /// Who took it, as its moderators read the log: a moderator's account name (they act for
    /// the platform); nil for the author's objection (the author's name follows their profile
    /// level, and the log needs no more than "the author") and for an erased account.
    public var actorName: String?
}

/// What the author of hidden content (and its editors and administrators) is told on the
/// content itself: why it is hidden, and whether they may still object.
public struct HiddenNotice: Sendable, Equatable {
    /// The reason, as a code (nil: a reason stored as text by an older version).
    public var reason: ReportReason?
    /// The reason as stored, for a code this version does not know.
    public var reasonCode: String
    /// The moderator's words to the author (nil: hidden before moderators gave them).
    public var note: String?
    /// True once the author objected (whatever came of it).
    public var objected: Bool
    /// True while the objection waits for a moderator.
    public var objectionOpen: Bool
    /// True when this viewer may object now: the content is theirs, hidden after a report, and
    /// no objection was made against this hiding yet.
    public var mayObject: Bool
}

/// Why a moderation step cannot be taken now.
public enum ModerationProblem: Equatable, Sendable {
    /// Hiding needs a reason and words to the author.
    case reasonNeeded
    /// The content is already hidden.
    case alreadyHidden
    /// The content is not hidden, so there is nothing to restore.
    case notHidden
    /// The content is gone.
    case contentGone
    /// There is no hiding after a report to object to.
    case nothingToObject
    /// The author already objected to this hiding.
    case alreadyObjected

    /// The message shown.
    public func message(_ lang: Language) -> String { lang.t(word) }

    /// The same as a word with its values, for the reader's layer to word.
    public var word: Word {
        switch self {
        case .reasonNeeded: .chooseReasonAndTellThe
        case .alreadyHidden: .thisContentIsAlreadyHidden
        case .notHidden: .thisContentIsNotHidden
        case .contentGone: .thisContentNoLongerExists
        case .nothingToObject: .thereIsNoHidingAfter
        case .alreadyObjected: .youAlreadyObjectedModeratorDecides
        }
    }
}

/// The `moderation_step` table (schema 14).
enum ModerationLog {
    /// Steps per report in order; gone with their report. `actor` loses the account when it is
    /// erased (the step stays with the report, as the report stays without its reporter).
    static let schema = """
        CREATE TABLE moderation_step (
            report INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('hide', 'restore', 'remove', 'dismiss', 'keep', 'object', 'answer')),
            reason TEXT,
            note TEXT NOT NULL,
            actor INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
            at REAL NOT NULL,
            PRIMARY KEY (report, seq)
        ) STRICT;
        CREATE INDEX moderation_step_actor ON moderation_step (actor) WHERE actor IS NOT NULL;
        """

    /// Why a visitor who reported something gets the e-mail with the outcome.
    static let reporterFooter = """

        --
        Je ontvangt deze e-mail omdat je via SociaalHus iets meldde en daarbij dit e-mailadres opgaf.
        Je krijgt alleen de uitkomst van je eigen melding.
        You receive this e-mail because you reported something on SociaalHus and gave this e-mail
        address. You only receive the outcome of your own report.
        """

    /// The statement that adds a step after the report's last one.
    static func add(_ report: ReportID, _ kind: ModerationStep.Kind, reason: ReportReason?, note: String, actor: AccountID?,
                    at: Date) -> (sql: String, args: [Any?]) {
        ("""
         INSERT INTO moderation_step (report, seq, kind, reason, note, actor, at)
         VALUES (?1, (SELECT coalesce(max(seq), 0) + 1 FROM moderation_step WHERE report = ?1), ?2, ?3, ?4, ?5, ?6)
         """, [report.rawValue, kind.rawValue, reason?.rawValue, note, actor?.rawValue, at.timeIntervalSince1970])
    }
}

extension Store {
    /// The logged steps of a report, oldest first: for its moderators only.
    public func moderationSteps(_ id: ReportID, by viewer: Viewer) -> [ModerationStep] {
        guard let r = state.reports[id.rawValue], Self.moderates(r, viewer, in: state) else { return [] }
        return ((try? steps(of: id)) ?? []).map { step in
            var named = step
            if step.kind != .object { named.actorName = step.actor.flatMap { state.accounts[$0.rawValue]?.name } }
            return named
        }
    }

    /// The steps of a report as stored.
    func steps(of id: ReportID) throws -> [ModerationStep] {
        let s = try db.prepare("SELECT kind, reason, note, actor, at FROM moderation_step WHERE report = ?1 ORDER BY seq").bind(id.rawValue)
        defer { s.reset() }
        var out: [ModerationStep] = []
        while try s.step() {
            guard let kind = ModerationStep.Kind(rawValue: s.text(0)) else { continue }
            out.append(ModerationStep(kind: kind, reason: s.isNull(1) ? nil : ReportReason(rawValue: s.text(1)), note: s.text(2),
                                      actor: s.isNull(3) ? nil : AccountID(s.int(3)), at: Date(timeIntervalSince1970: s.double(4))))
        }
        return out
    }

    /// The report whose hiding of `target` stands now (hidden, or objected to), if any.
    static func hidingReport(of target: ReportTarget, in s: StoreState) -> Report? {
        s.reports.all.filter { $0.target == target && ($0.status == .hidden || $0.status == .objected) }.max { $0.handled ?? $0.created < $1.handled ?? $1.created }
    }

    /// Why `target` is hidden, as its author, its editors and administrators may read it on the
    /// content; nil when it is not hidden or `viewer` may not see it (posts and activities).
    public func hiddenNotice(_ target: ReportTarget, for viewer: Viewer) -> HiddenNotice? {
        let code: String
        switch target {
        case .post(let id):
            guard let p = state.posts[id.rawValue], let reason = p.hiddenReason,
                  Self.isOwn(target, by: viewer, in: state) || viewer.isAdministrator else { return nil }
            code = reason
        case .agendaItem(let id):
            guard let i = state.agenda[id.rawValue], let reason = i.hiddenReason,
                  Self.isOwn(target, by: viewer, in: state) || viewer.isAdministrator else { return nil }
            code = reason
        case .profile, .message: return nil
        }
        let report = Self.hidingReport(of: target, in: state)
        let log = report.flatMap { try? self.steps(of: $0.id) } ?? []
        let objected = log.contains { $0.kind == .object }
        return HiddenNotice(reason: ReportReason(rawValue: code), reasonCode: code, note: log.last { $0.kind == .hide }?.note,
                            objected: objected, objectionOpen: report?.status == .objected,
                            mayObject: report != nil && !objected && Self.isOwn(target, by: viewer, in: state))
    }

    /// True when `target` is `viewer`'s own: a post they wrote or their organisation's, an
    /// activity of an organisation they edit or that they entered, their profile, a message
    /// they sent. Nobody handles a report about their own content.
    static func isOwn(_ target: ReportTarget, by viewer: Viewer, in s: StoreState) -> Bool {
        guard let me = viewer.activeAccount else { return false }
        switch target {
        case .post(let id):
            guard let p = s.posts[id.rawValue] else { return false }
            switch p.author {
            case .resident(let a): return a == me.id
            case .organisation(let o, let by): return by == me.id || Permissions.edits(o, viewer)
            }
        case .agendaItem(let id):
            guard let i = s.agenda[id.rawValue] else { return false }
            return i.createdBy == me.id || Permissions.edits(i.organisation, viewer)
        case .profile(let id): return id == me.id
        case .message(let id): return s.messages[id.rawValue]?.senderAccount == me.id
        }
    }

    /// Objects, once, to the hiding of one's own post or activity: the report goes back to the
    /// moderators' queue (marked "bezwaar") with the author's words, and another look decides.
    func object(to target: ReportTarget, text: String, by viewer: Viewer) throws {
        let body = try validated(text, .text)
        try update(actor: viewer) { tx in
            switch target {
            case .post(let id):
                guard let p = tx.state.posts[id.rawValue] else { throw CoreError.moderationRefused(.contentGone) }
                try Permissions.require(.changePost(p), by: viewer)
            case .agendaItem(let id):
                guard let i = tx.state.agenda[id.rawValue] else { throw CoreError.moderationRefused(.contentGone) }
                try Permissions.require(.changeAgendaItem(i), by: viewer)
            case .profile, .message: throw CoreError.moderationRefused(.nothingToObject)
            }
            // Its author's (or its organisation's) word only: an administrator's rights to change
            // content do not make it theirs to object for.
            guard Self.isOwn(target, by: viewer, in: tx.state) else { throw CoreError.notPermitted(.notYourPost) }
            guard var r = Self.hidingReport(of: target, in: tx.state) else { throw CoreError.moderationRefused(.nothingToObject) }
            let before = try self.steps(of: r.id)
            if r.status == .objected || before.contains(where: { $0.kind == .object }) { throw CoreError.moderationRefused(.alreadyObjected) }
            r.status = .objected
            tx.put(r)
            tx.statements.append(ModerationLog.add(r.id, .object, reason: nil, note: body, actor: viewer.activeAccount?.id, at: tx.now))
            tx.audit(.objectionMade, actor: viewer.activeAccount?.id, subject: Self.author(of: target, tx.state), target: target.auditTarget)
        }
    }
}
