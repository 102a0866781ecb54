import Foundation

/// The notice board's posts as columns beside their records (schema 7, issue 16), so a screen
/// counts and pages through the board in SQLite, newest first, without decoding a post it does
/// not show: with 10,000 posts, opening the board and every key pressed on it decoded and drew
/// all of them (a tenth of a second each, and seconds under the load of a hundred terminals).
///
/// The columns are what `ContentVisibility.view(of:)` looks at, written in the post's own
/// transaction; `check` compares them with the record and a property test compares a listing
/// with the rule for every kind of viewer.
enum PostRows {
    /// The columns added to `posts` and the covering index a listing walks (newest first).
    static let createSQL = """
        ALTER TABLE posts ADD COLUMN created REAL;
        ALTER TABLE posts ADD COLUMN kind TEXT;
        ALTER TABLE posts ADD COLUMN wijk INTEGER;
        ALTER TABLE posts ADD COLUMN expires REAL;
        ALTER TABLE posts ADD COLUMN hidden INTEGER;
        ALTER TABLE posts ADD COLUMN author INTEGER;
        ALTER TABLE posts ADD COLUMN organisation INTEGER;
        CREATE INDEX posts_listing ON posts (created, id, kind, wijk, expires, hidden, author, organisation);
        """

    /// One post's columns.
    struct Columns: Equatable {
        var created: Double, kind: String, wijk: Int, expires: Double, hidden: Int, author: Int?, organisation: Int?

        init(_ p: Post) {
            created = p.created.timeIntervalSince1970
            kind = p.kind.rawValue
            wijk = p.wijk.rawValue
            expires = p.expires.timeIntervalSince1970
            hidden = p.hiddenReason == nil ? 0 : 1
            author = p.author.account?.rawValue
            if case .organisation(let o, _) = p.author { organisation = o.rawValue } else { organisation = nil }
        }

        init(created: Double, kind: String, wijk: Int, expires: Double, hidden: Int, author: Int?, organisation: Int?) {
            (self.created, self.kind, self.wijk, self.expires, self.hidden, self.author, self.organisation) = (created, kind, wijk, expires, hidden, author, organisation)
        }
    }

    /// Writes the columns of post `id` (its row is already there).
    static func index(id: Int, data: Data, in db: Database) throws {
        let p = try Store.decode(Post.self, id: id, crc: Int(Store.recordChecksum(.posts, id, data)), data: data, format: Manifest.currentFormat)
        let c = Columns(p)
        try db.prepare("UPDATE posts SET created = ?1, kind = ?2, wijk = ?3, expires = ?4, hidden = ?5, author = ?6, organisation = ?7 WHERE id = ?8")
            .bind(c.created, c.kind, c.wijk, c.expires, c.hidden, c.author, c.organisation, id).run()
    }

    /// Fills the columns of every post (the migration to schema 7).
    static func indexAll(in db: Database) throws {
        var rows: [(Int, Data)] = []
        let s = try db.prepare("SELECT id, data FROM posts")
        while try s.step() { rows.append((s.int(0), s.data(1))) }
        for (id, data) in rows { try index(id: id, data: data, in: db) }
    }

    /// The posts of the board a viewer with `sight` may see at `now`, of one kind and wijk when
    /// given, as SQL ("FROM … WHERE …") and its arguments. Said as `ContentVisibility.view(of:)`
    /// says it: the author not blocked (unless an administrator looks), and a post past its date
    /// or hidden by a moderator only for its author, its organisation's editors and
    /// administrators.
    static func filter(kind: Post.Kind?, wijk: WijkID?, sight: PostSight, now: Date) -> (sql: String, args: [Any?]) {
        var args: [Any?] = []
        // (That a resident's post has its author and an organisation's its organisation is the
        // store's own promise, not a rule: erasure removes a person's posts with them, and an
        // organisation is never removed; `check` reports a post without either. Asked of every
        // post, it was nine tenths of counting the board; such a post is drawn as removed.)
        var sql = "FROM posts p WHERE 1"
        if let kind { args.append(kind.rawValue); sql += " AND p.kind = ?\(args.count)" }
        if let wijk { args.append(wijk.rawValue); sql += " AND p.wijk = ?\(args.count)" }
        if !sight.everything {
            sql += " AND (p.author IS NULL OR p.author NOT IN (SELECT id FROM accounts WHERE blocked = 1))"
            args.append(now.timeIntervalSince1970)
            var privileged = ["0"]
            if let me = sight.me { privileged.append("p.author = \(me.rawValue)") }
            // Numbers only, written into the SQL.
            if !sight.editorOf.isEmpty { privileged.append("p.organisation IN (" + sight.editorOf.map { String($0.rawValue) }.sorted().joined(separator: ",") + ")") }
            sql += " AND ((p.expires > ?\(args.count) AND p.hidden = 0) OR " + privileged.joined(separator: " OR ") + ")"
        }
        return (sql, args)
    }

    /// Where the columns disagree with the records: for `check`.
    static func problems(_ state: StoreState, _ db: Database) throws -> [CoreError] {
        var out: [CoreError] = []
        let rows = try db.prepare("SELECT id, created, kind, wijk, expires, hidden, author, organisation FROM posts")
        while try rows.step() {
            guard let p = state.posts[rows.int(0)] else { continue }
            // (A NULL read as a number would be 0, and pass for "not hidden" or a wijk.)
            let found = Columns(created: rows.isNull(1) ? .nan : rows.double(1), kind: rows.isNull(2) ? "" : rows.text(2), wijk: rows.isNull(3) ? -1 : rows.int(3),
                                expires: rows.isNull(4) ? .nan : rows.double(4), hidden: rows.isNull(5) ? -1 : rows.int(5),
                                author: rows.isNull(6) ? nil : rows.int(6), organisation: rows.isNull(7) ? nil : rows.int(7))
            if found != Columns(p) {
                out.append(.storeCorrupt(file: "\(StoreSchema.fileName) (posts \(p.id.rawValue))", problem: .unreadable(detail: "index columns")))
            }
        }
        return out
    }
}

/// What of the notice board a viewer may see, as `ContentVisibility.postSight` says it.
public struct PostSight: Sendable, Equatable {
    /// Everything: past, hidden and of blocked accounts too (administrators).
    public var everything: Bool
    /// The viewer's own account: its posts are shown past their date or hidden too.
    public var me: AccountID?
    /// The organisations the viewer edits: their posts likewise.
    public var editorOf: Set<OrganisationID>
}
