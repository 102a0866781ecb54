import Foundation

/// What a viewer sees of a prikbord post: the author's name and contact details only as ticked.
public struct PostView: Sendable, Hashable {
    /// The post itself (title, body, kind, wijk, dates).
    public var post: Post
    /// Author label: the resident's name if ticked, else "anonieme bewoner"; an organisation's name.
    public var authorName: ShownName
    /// Contact details the author chose to show.
    public var email: String?
    public var phone: String?
    public var address: String?
    /// True when no contact details are shown, so replies go through the contact form.
    public var repliesViaContactForm: Bool { email == nil && phone == nil && address == nil }
}

/// The visibility rules for content: posts, agenda items, organisations and contact messages.
public enum ContentVisibility {
    /// What `viewer` sees of `post`, or nil when hidden (private platform, blocked author, expired).
    ///
    /// `author` is the resident account for resident posts, or the editor who wrote an
    /// organisation's post; `organisation` is the organisation of an organisation's post.
    public static func view(of post: Post, author: Account?, organisation: Organisation?, by viewer: Viewer,
                            settings: PlatformSettings, now: Date) -> PostView? {
        let isOwner = post.author.account.map { viewer.owns($0) } ?? false
        let isEditor: Bool = {
            if case .organisation(let org, _) = post.author { return Permissions.edits(org, viewer) }
            return false
        }()
        let privileged = isOwner || isEditor || viewer.isAdministrator
        if !PlatformAccess.mayOpen(.prikbord, viewer: viewer, settings: settings) { return nil }
        if let author, author.blocked, !viewer.isAdministrator { return nil }
        if post.expires <= now && !privileged { return nil }
        // Hidden by a moderator: only its author (who sees why), its editors and administrators.
        if post.hiddenReason != nil && !privileged { return nil }
        switch post.author {
        case .resident:
            guard let author else { return nil }
            // One control decides who sees who wrote it: the author's profile level. The ticks only
            // choose which details go with the post, and only for viewers who may see the author.
            let seen = ProfileVisibilityRule.namesVisible(owner: author, viewer: viewer)
            return PostView(post: post,
                            authorName: seen ? .named(author.profile.displayName) : .anonymousResident(),
                            email: seen && post.show.email ? author.email : nil,
                            phone: seen && post.show.phone ? nonEmpty(author.profile.phone) : nil,
                            address: seen && post.show.address ? nonEmpty(author.profile.address) : nil)
        case .organisation:
            guard let organisation else { return nil }
            return PostView(post: post, authorName: .named(organisation.name),
                            email: post.show.email ? nonEmpty(organisation.email) : nil,
                            phone: post.show.phone ? nonEmpty(organisation.phone) : nil,
                            address: post.show.address ? nonEmpty(organisation.address) : nil)
        }
    }

    /// True when `viewer` may see the agenda item (public content, unless its creator is blocked or the platform is private).
    public static func mayView(_ item: AgendaItem, creator: Account?, by viewer: Viewer, settings: PlatformSettings) -> Bool {
        guard PlatformAccess.mayOpen(.agenda, viewer: viewer, settings: settings) else { return false }
        if let creator, creator.blocked { return viewer.isAdministrator }
        if item.hiddenReason != nil {
            return viewer.isAdministrator || Permissions.edits(item.organisation, viewer)
        }
        return true
    }

    /// `mayView(_:creator:by:settings:)` for agenda items, said in terms a query can apply to
    /// the occurrence rows without reading each activity; nil when the agenda is closed to
    /// `viewer`. A test checks it against `mayView` for every kind of viewer and activity.
    public static func agendaSight(for viewer: Viewer, settings: PlatformSettings) -> AgendaSight? {
        guard PlatformAccess.mayOpen(.agenda, viewer: viewer, settings: settings) else { return nil }
        if viewer.isAdministrator { return AgendaSight(everything: true, hiddenOf: []) }
        return AgendaSight(everything: false, hiddenOf: Permissions.editedOrganisations(viewer))
    }

    /// `view(of:)`'s "nil or not" for posts, said in terms a query can apply to the posts'
    /// columns (`PostRows`); nil when the notice board is closed to `viewer`. A test checks a
    /// listing by it against `view(of:)` for every kind of viewer and post.
    public static func postSight(for viewer: Viewer, settings: PlatformSettings) -> PostSight? {
        guard PlatformAccess.mayOpen(.prikbord, viewer: viewer, settings: settings) else { return nil }
        if viewer.isAdministrator { return PostSight(everything: true, me: nil, editorOf: []) }
        return PostSight(everything: false, me: viewer.activeAccount?.id, editorOf: Permissions.editedOrganisations(viewer))
    }

    /// True when `viewer` may see the organisation's directory entry.
    public static func mayView(_ organisation: Organisation, creator: Account?, by viewer: Viewer, settings: PlatformSettings) -> Bool {
        guard PlatformAccess.mayOpen(.organisations, viewer: viewer, settings: settings) else { return false }
        if let creator, creator.blocked { return viewer.isAdministrator }
        return true
    }

    /// True when `viewer` may read `message`: only its sender and its recipient (for an
    /// organisation: its editors). Nobody else, administrators included.
    public static func mayRead(_ message: ContactMessage, by viewer: Viewer) -> Bool {
        guard let me = viewer.activeAccount else { return false }
        if message.senderAccount == me.id { return true }
        switch message.recipient {
        case .resident(let id): return id == me.id
        case .organisation(let org): return Permissions.edits(org, .account(me))
        case .address: return false
        }
    }

    /// The sender of `message` as `viewer` may see it. What someone typed into the contact form
    /// (their name) is theirs to give, and only the recipient reads it; a reply written in
    /// Berichten by a resident carries no typed name (stored empty), so its sender's name follows
    /// their profile level at the moment it is shown; an organisation's or the moderators' own
    /// name is not a personal profile.
    static func senderName(of message: ContactMessage, in state: StoreState, for viewer: Viewer) -> ShownName {
        // The moderators' own name, not the moderator's profile.
        if message.aboutReport != nil { return .moderationTeam }
        if message.isFromAdministration { return .administrationTeam }
        let sender = message.senderAccount.flatMap { state.accounts[$0.rawValue] }
        // A reply stored by older builds carries the replier's own name: it follows their profile
        // level like a new one. (An organisation's name on its reply is not a personal profile.)
        let ownNameOnReply = message.inReplyTo != nil && sender.map { [$0.name, $0.profile.displayName].contains(message.senderName) } == true
        guard message.senderName.isEmpty || ownNameOnReply else { return .named(message.senderName) }
        guard let sender else { return .anonymousResident() }
        return ProfileVisibilityRule.name(of: sender, for: viewer)
    }

    /// The title of what a message is about, as `viewer` may see it now: the post's or
    /// activity's title or the organisation's name when the same rule that shows the content
    /// shows it to them (`view(of:)`, `mayView`), else only that it is gone ("(bericht
    /// verwijderd)"), so a message never shows more of content than the content itself does.
    static func aboutTitle(_ about: ContactMessage.About, in s: StoreState, for viewer: Viewer, now: Date) -> AboutTitle {
        switch about {
        case .post(let id):
            if let p = s.posts[id.rawValue] {
                let author = p.author.account.flatMap { s.accounts[$0.rawValue] }
                var org: Organisation?
                if case .organisation(let o, _) = p.author { org = s.organisations[o.rawValue] }
                if view(of: p, author: author, organisation: org, by: viewer, settings: s.settings, now: now) != nil { return .title(p.title) }
            }
            return .removedPost
        case .activity(let id):
            if let a = s.agenda[id.rawValue], mayView(a, creator: a.createdBy.flatMap { s.accounts[$0.rawValue] }, by: viewer, settings: s.settings) {
                return .title(a.title)
            }
            return .removedActivity
        case .organisation(let id):
            if let o = s.organisations[id.rawValue], mayView(o, creator: o.createdBy.flatMap { s.accounts[$0.rawValue] }, by: viewer, settings: s.settings) {
                return .title(o.name)
            }
            return .removedOrganisation
        }
    }

    private static func nonEmpty(_ s: String?) -> String? {
        guard let s, !s.isEmpty else { return nil }
        return s
    }
}

/// What of the agenda a viewer may see, as `ContentVisibility.agendaSight` says it.
public struct AgendaSight: Sendable, Equatable {
    /// Everything: hidden activities and those of blocked accounts too (administrators).
    public var everything: Bool
    /// Otherwise: no activity of a blocked account, and hidden activities only of these
    /// organisations (the viewer edits them).
    public var hiddenOf: Set<OrganisationID>
}
