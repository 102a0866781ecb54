import Foundation

/// The notice board's posts as SQL over their table's columns (schema 9; schema 7 copied them
/// beside the records), so a screen counts and pages through the board in SQLite, newest first,
/// without reading a post it does not show: with 10,000 posts, opening the board and every key
/// pressed on it decoded and drew all of them.
///
/// The filter says what `ContentVisibility.view(of:)` says; a property test compares a listing
/// with the rule for every kind of viewer.
enum PostRows {
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
            sql += " AND ((p.expires > ?\(args.count) AND p.hidden_reason IS NULL) OR " + privileged.joined(separator: " OR ") + ")"
        }
        return (sql, args)
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
