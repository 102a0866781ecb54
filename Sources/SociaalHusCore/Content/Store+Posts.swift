import Foundation

/// What an author fills in for a prikbord post.
public struct PostDraft: Sendable {
    public var kind: Post.Kind
    public var title: String
    public var body: String
    /// Wijk of the post; for residents their own wijk.
    public var wijk: WijkID
    public var author: Post.Author
    public var show: ContactChoice
    /// Days until it expires (default 30, at most 90).
    public var lifetimeDays: Int

    /// Creates a draft; no contact details shown and a 30-day life unless given.
    public init(kind: Post.Kind, title: String, body: String, wijk: WijkID, author: Post.Author,
                show: ContactChoice = ContactChoice(), lifetimeDays: Int = Post.defaultLifetimeDays) {
        self.kind = kind
        self.title = title
        self.body = body
        self.wijk = wijk
        self.author = author
        self.show = show
        self.lifetimeDays = lifetimeDays
    }
}

extension Store {
    /// Places a post after checking permissions and input.
    @discardableResult
    func createPost(_ d: PostDraft, by viewer: Viewer) throws -> Post {
        try Permissions.require(.createPost(author: d.author, wijk: d.wijk), by: viewer)
        let title = try validated(d.title, .title)
        let body = try validated(d.body, .body)
        let days = try Self.checkLifetime(d.lifetimeDays)
        return try update(actor: viewer) { tx in
            guard tx.state.wijk(d.wijk) != nil else { throw CoreError.unknownWijk(String(d.wijk.rawValue)) }
            if case .organisation(let org, _) = d.author, tx.state.organisations[org.rawValue] == nil {
                throw CoreError.unknownOrganisation(String(org.rawValue))
            }
            let id: PostID = tx.nextID(.posts)
            let post = Post(id: id, kind: d.kind, title: title, body: body, wijk: d.wijk, author: d.author, show: d.show,
                            created: tx.now, expires: tx.now.addingTimeInterval(Double(days) * 86_400))
            tx.put(post)
            tx.audit(.postCreated, actor: viewer.account?.id, subject: d.author.accountSubject, target: "post:\(id)")
            // A post has no category: it is in those its title or text names.
            try Self.notifyNew(title: title, wijk: d.wijk, categories: PlatformCategory.named(in: title + "\n" + body),
                               author: viewer.account?.id, about: .post(id), in: &tx)
            return post
        }
    }

    /// Edits a post: only what `edit` names can change. Who wrote it, where, when, and whether a
    /// moderator hid it change only through their own audited operations (an author
    /// once un-hid a hidden post through a closure over the whole record).
    /// With `basedOn` (the post as the form showed it), a save over a newer version is refused.
    func editPost(_ id: PostID, _ edit: PostEdit, basedOn: Post? = nil, by viewer: Viewer) throws {
        try update(actor: viewer) { tx in
            guard var post = tx.state.posts[id.rawValue] else { throw CoreError.notFound(what: "post \(id)") }
            if let basedOn, basedOn != post {
                throw CoreError.changedElsewhere(what: "'\(basedOn.title)'", changed: ChangedField.diff([
                    (.title2, basedOn.title, post.title), (.text3, basedOn.body, post.body)]))
            }
            try Permissions.require(.changePost(post), by: viewer)
            if let k = edit.kind { post.kind = k }
            if let t = edit.title { post.title = try validated(t, .title) }
            if let b = edit.body { post.body = try validated(b, .body) }
            if let c = edit.show { post.show = c }
            if let days = edit.lifetimeDays { post.expires = tx.now.addingTimeInterval(Double(try Self.checkLifetime(days)) * 86_400) }
            tx.put(post)
            tx.audit(.postChanged, actor: viewer.account?.id, subject: post.author.accountSubject, target: "post:\(id)")
        }
    }

    /// Renews a post: it stays up `days` more days from now (at most 90).
    func renewPost(_ id: PostID, days: Int = Post.defaultLifetimeDays, by viewer: Viewer) throws {
        try editPost(id, PostEdit(lifetimeDays: days), by: viewer)
    }

    /// Deletes a post.
    func deletePost(_ id: PostID, by viewer: Viewer) throws {
        try update(actor: viewer) { tx in
            guard let post = tx.state.posts[id.rawValue] else { throw CoreError.notFound(what: "post \(id)") }
            try Permissions.require(.changePost(post), by: viewer)
            tx.remove(post)
            try withdrawWaiting(about: .post(id), in: &tx)
            tx.audit(.postDeleted, actor: viewer.account?.id, subject: post.author.accountSubject, target: "post:\(id)")
        }
    }

    static func checkLifetime(_ days: Int) throws -> Int {
        guard days >= 1 else { throw CoreError.lifetimeTooShort }
        guard days <= Post.maximumLifetimeDays else { throw CoreError.lifetimeTooLong(maximumDays: Post.maximumLifetimeDays) }
        return days
    }
}

extension Post.Author {
    /// The resident whose personal data the post concerns (for the audit log); nil for organisations.
    var accountSubject: AccountID? {
        if case .resident(let id) = self { return id }
        return nil
    }
}
