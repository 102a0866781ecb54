import Foundation

/// One conversation in a person's Berichten: a message and the answers that thread under it
/// (the `inReplyTo` chain), as far as this person holds them, with what it is about.
public struct Conversation: Sendable, Hashable, Identifiable {
    /// One message of a conversation, with the other side as its reader may know them.
    public struct Line: Sendable, Hashable {
        /// The message.
        public var message: ContactMessage
        /// True when the reader received it (else they sent it).
        public var received: Bool
        /// The other side (the sender of a received message, the recipient of a sent one) as the
        /// reader may know them; a resident anonymous to them with a number ("anonieme bewoner 2").
        public var correspondent: ShownName
        /// The title of the content they came through, where the reader may see it and the
        /// correspondent is anonymous to them (`inFull` shows it).
        public var via: String?
        /// `correspondent` with the content they came through: "anonieme bewoner 2 (via 'Gratis brandhout')".
        public var correspondentInFull: Word { via.map { .nameVia(correspondent, $0) } ?? correspondent.word }
    }

    /// The conversation's first message as its reader holds it.
    public var id: MessageID
    /// Its messages, oldest first (never empty).
    public var lines: [Line]
    /// What it is about as the reader may see it now ("Over: Gratis brandhout" is its `line`);
    /// nil when it is about nothing.
    public var about: AboutTitle?

    /// The newest message: the one a reply answers, and the conversation's place in the list.
    public var latest: Line { lines[lines.count - 1] }
    /// The newest message the reader received (the one `r` answers), if any.
    public var latestReceived: Line? { lines.last { $0.received } }
    /// How many of its received messages are not opened yet.
    public var unread: Int { lines.filter { $0.received && !$0.message.read }.count }
}

extension Store {
    /// What `m` is about as `viewer` may see it now (the title, or that it is removed once they
    /// may no longer see it); nil when about nothing.
    public func aboutTitle(of m: ContactMessage, for viewer: Viewer, now: Date? = nil) -> AboutTitle? {
        guard let about = m.about else { return nil }
        return ContentVisibility.aboutTitle(about, in: state, for: viewer, now: now ?? clock.now())
    }

    /// What a message about `about` will be about, as `viewer` may see it (the contact form
    /// shows it before sending).
    public func aboutTitle(_ about: ContactMessage.About, for viewer: Viewer, now: Date? = nil) -> AboutTitle {
        ContentVisibility.aboutTitle(about, in: state, for: viewer, now: now ?? clock.now())
    }

    /// The Berichten of `viewer` as conversations, the one with the newest message first: each
    /// message they hold with the answers that thread under it, oldest first. Only their own
    /// messages (`messages(for:)`): a chain is followed only through messages they may read, so
    /// nobody else's message is ever mixed in.
    public func conversations(for viewer: Viewer, now: Date? = nil) -> [Conversation] {
        let s = state
        let mine = messages(for: viewer)
        guard !mine.isEmpty else { return [] }
        let now = now ?? clock.now()
        // The first message of each chain that the viewer may read (also one they removed from
        // their Berichten: an answer to it still belongs with the rest).
        var roots: [MessageID: MessageID] = [:]
        func root(_ m: ContactMessage) -> MessageID {
            if let r = roots[m.id] { return r }
            var current = m
            var seen: Set<MessageID> = [m.id]
            while let parent = current.inReplyTo, let p = s.messages[parent.rawValue], ContentVisibility.mayRead(p, by: viewer),
                  seen.insert(p.id).inserted {
                current = p
            }
            roots[m.id] = current.id
            return current.id
        }
        let names = Self.correspondents(for: viewer, in: s, now: now)
        var groups: [MessageID: [ContactMessage]] = [:]
        for m in mine { groups[root(m), default: []].append(m) }
        let out = groups.map { id, messages -> Conversation in
            let ordered = messages.sorted { ($0.sent, $0.id) < ($1.sent, $1.id) }
            let lines = ordered.map { m -> Conversation.Line in
                let received = Self.isRecipient(m, viewer)
                let who = names.name(of: m, received: received)
                return Conversation.Line(message: m, received: received, correspondent: who.name, via: who.via)
            }
            let about = ordered.lazy.compactMap(\.about).first.map { ContentVisibility.aboutTitle($0, in: s, for: viewer, now: now) }
            return Conversation(id: id, lines: lines, about: about)
        }
        return out.sorted { ($0.latest.message.sent, $0.latest.message.id) > ($1.latest.message.sent, $1.latest.message.id) }
    }

    /// The conversation of `viewer` that holds message `id` (nil: they hold no such message).
    public func conversation(holding id: MessageID, for viewer: Viewer, now: Date? = nil) -> Conversation? {
        conversations(for: viewer, now: now).first { c in c.id == id || c.lines.contains { $0.message.id == id } }
    }

    /// Who the other side of each of `viewer`'s messages is, as they may know them, with the
    /// residents anonymous to them told apart. Each resident they see as "anonieme bewoner" is
    /// numbered per content they came through (the same person through two posts is two
    /// correspondents: a number must not tie an anonymous person's posts together), in the order
    /// of first contact among the messages `viewer` may read, their removed ones included, so a
    /// number stays the same from session to session and is never an account's number.
    static func correspondents(for viewer: Viewer, in s: StoreState, now: Date) -> CorrespondentNames {
        var names = CorrespondentNames(viewer: viewer, state: s, now: now)
        guard let me = viewer.activeAccount?.id else { return names }
        let readable = s.messages.all.filter { m in
            ContentVisibility.mayRead(m, by: viewer) && (m.senderAccount == me || isRecipient(m, viewer))
        }.sorted { ($0.sent, $0.id) < ($1.sent, $1.id) }
        for m in readable {
            let received = isRecipient(m, viewer)
            guard let other = names.anonymousOther(of: m, received: received) else { continue }
            let key = CorrespondentNames.Key(account: other, about: m.about)
            if names.numbers[key] == nil { names.numbers[key] = names.numbers.count + 1 }
        }
        return names
    }
}

/// The names of the other sides of one viewer's messages (see `Store.correspondents`).
struct CorrespondentNames {
    /// A resident anonymous to the viewer, through one piece of content.
    struct Key: Hashable {
        var account: AccountID
        var about: ContactMessage.About?
    }

    let viewer: Viewer
    let state: StoreState
    let now: Date
    /// The number of each anonymous correspondent, from 1.
    var numbers: [Key: Int] = [:]

    init(viewer: Viewer, state: StoreState, now: Date) {
        self.viewer = viewer
        self.state = state
        self.now = now
    }

    /// The account on the other side of `m` when the viewer sees it only as "anonieme bewoner".
    func anonymousOther(of m: ContactMessage, received: Bool) -> AccountID? {
        if received {
            guard let sender = m.senderAccount, state.accounts[sender.rawValue] != nil,
                  ContentVisibility.senderName(of: m, in: state, for: viewer) == .anonymousResident() else { return nil }
            return sender
        }
        guard case .resident(let r) = m.recipient, let a = state.accounts[r.rawValue],
              ProfileVisibilityRule.view(of: a, by: viewer, settings: state.settings)?.isAnonymous == true else { return nil }
        return r
    }

    /// The other side of `m` ("anonieme bewoner 2"), with the title of the content they came
    /// through when they are anonymous to the viewer and the viewer may see the content.
    func name(of m: ContactMessage, received: Bool) -> (name: ShownName, via: String?) {
        if let other = anonymousOther(of: m, received: received), let n = numbers[Key(account: other, about: m.about)] {
            guard let about = m.about, case .title(let title) = ContentVisibility.aboutTitle(about, in: state, for: viewer, now: now) else {
                return (.anonymousResident(number: n), nil)
            }
            return (.anonymousResident(number: n), title)
        }
        return (received ? ContentVisibility.senderName(of: m, in: state, for: viewer)
                         : Store.recipientName(of: m, in: state, for: viewer), nil)
    }
}
