import Foundation

// Every read a screen or a command makes goes through here, with the viewer, and returns only
// what that viewer may see. The raw tables (`Store.state`) are internal to the core: no other
// module holds another person's e-mail address, a password hash or the login-throttle secrets.

extension Store {
    /// How many records of each public kind the store holds (for the command line's summary).
    public var counts: (organisations: Int, agenda: Int, posts: Int, accounts: Int) {
        (state.organisations.count, state.agenda.count, state.posts.count, state.accounts.count)
    }

    /// The platform settings a screen may show: without the login-throttle key and counters.
    public var settings: PlatformSettings {
        var s = state.settings
        s.throttleKey = ""
        s.loginFailures = [:]
        return s
    }

    /// The wijken of the platform, in their configured order.
    public var wijken: [Wijk] { state.settings.wijken }

    /// The wijk with this id.
    public func wijk(_ id: WijkID) -> Wijk? { state.wijk(id) }

    /// The name of the wijk with this id ("" when there is none).
    public func wijkName(_ id: WijkID?) -> String { id.flatMap { state.wijk($0)?.name } ?? "" }

    /// The wijk with this name (case-insensitive).
    public func wijk(named name: String) -> Wijk? { state.wijk(named: name) }

    /// The organisation with this name (case-insensitive), for the command line.
    public func organisation(named name: String) -> Organisation? { state.organisation(named: name) }

    /// The organisation with this id, if `viewer` may see it.
    public func organisation(_ id: OrganisationID, for viewer: Viewer) -> Organisation? {
        guard let o = state.organisations[id.rawValue] else { return nil }
        return mayView(o, viewer) ? o : nil
    }

    /// The names of the organisations `viewer` may see, by id, read in one pass (a listing that
    /// names thousands of them: one lookup each was a sixth of printing the agenda at ten times Borne).
    public func organisationNames(for viewer: Viewer) -> [OrganisationID: String] {
        var out: [OrganisationID: String] = [:]
        let s = state
        // Not read yet: two columns of each row, by the rule said as SQL (reading every record
        // whole was a seventh of the `agenda` command at ten times Borne).
        if s.organisations.isPartial {
            guard PlatformAccess.mayOpen(.organisations, viewer: viewer, settings: s.settings) else { return [:] }
            do {
                let rows = try db.prepare("SELECT id, name FROM organisations"
                                          + (viewer.isAdministrator ? "" : " WHERE created_by IS NULL OR created_by NOT IN (SELECT id FROM accounts WHERE blocked = 1)"))
                while try rows.step() { out[OrganisationID(rows.int(0))] = rows.text(1) }
                return out
            } catch {
                s.organisations.noteDamage(error)
                return [:]
            }
        }
        for o in s.organisations.all where mayView(o, viewer) { out[o.id] = o.name }
        return out
    }

    /// The organisations `viewer` may see, by name.
    public func organisations(for viewer: Viewer) -> [Organisation] {
        guard PlatformAccess.mayOpen(.organisations, viewer: viewer, settings: state.settings) else { return [] }
        return state.organisations.all.filter { mayView($0, viewer) }
            .sorted { ($0.name.lowercased(), $0.id) < ($1.name.lowercased(), $1.id) }
    }

    /// The organisations `viewer` may write for: agenda items when `agenda`, else prikbord posts.
    public func organisationsWritable(by viewer: Viewer, agenda: Bool) -> [Organisation] {
        guard let me = viewer.activeAccount else { return [] }
        return state.organisations.all.filter { o in
            let action: ContentAction = agenda ? .createAgendaItem(organisation: o.id)
                                               : .createPost(author: .organisation(o.id, by: me.id), wijk: me.profile.wijk)
            return Permissions.denial(action, by: viewer) == nil
        }.sorted { $0.id < $1.id }
    }

    private func mayView(_ o: Organisation, _ viewer: Viewer) -> Bool {
        let creator = o.createdBy.flatMap { state.accounts[$0.rawValue] }
        return ContentVisibility.mayView(o, creator: creator, by: viewer, settings: state.settings)
    }

    /// The logged-in account's own record as the store knows it now, without its password hash
    /// (nil when the account is gone). Only for the account itself: the session's owner.
    public func ownAccount(_ id: AccountID) -> Account? {
        guard var a = state.accounts[id.rawValue] else { return nil }
        a.passwordHash = ""
        return a
    }

    /// The prikbord as `viewer` sees it, newest first, optionally of one kind and wijk.
    public func posts(for viewer: Viewer, kind: Post.Kind? = nil, wijk: WijkID? = nil, now: Date) -> [PostView] {
        state.posts.all.compactMap { p -> PostView? in
            if let kind, p.kind != kind { return nil }
            if let wijk, p.wijk != wijk { return nil }
            return postView(p, viewer, now: now)
        }.sorted { ($0.post.created, $0.post.id) > ($1.post.created, $1.post.id) }
    }

    /// The prikbord as `viewer` sees it, newest first, optionally of one kind and wijk, read a page
    /// at a time from the posts' columns (`PostRows`); each post shown is decoded when drawn and
    /// passed through the rule itself. The same posts as `posts(for:)`, which a test checks.
    public func postListing(for viewer: Viewer, kind: Post.Kind? = nil, wijk: WijkID? = nil, now given: Date) -> PostListing {
        let s = state
        // The moment as the column holds it, for the query and the rule alike (a Date converted
        // to seconds since 1970 rounds: a post could expire for one and not the other).
        let now = Date(timeIntervalSince1970: given.timeIntervalSince1970)
        guard let sight = ContentVisibility.postSight(for: viewer, settings: s.settings) else { return .empty }
        guard s.posts.readsDatabase else {
            // (A table held in memory, or a store not brought to schema 7: the rule over every post.)
            return PostListing(posts(for: viewer, kind: kind, wijk: wijk, now: now))
        }
        let (sql, args) = PostRows.filter(kind: kind, wijk: wijk, sight: sight, now: now)
        do {
            let counted = try db.prepare("SELECT count(*) " + sql).bind(all: args)
            defer { counted.reset() }
            guard try counted.step() else { return .empty }
            let count = counted.int(0)
            let db = db
            return PostListing(count: count) { range in
                var out: [PostView?] = []
                do {
                    let page = try db.prepare("SELECT p.id " + sql + " ORDER BY p.created DESC, p.id DESC LIMIT ?\(args.count + 1) OFFSET ?\(args.count + 2)")
                        .bind(all: args + [range.count, range.lowerBound])
                    defer { page.reset() }
                    var ids: [Int] = []
                    while try page.step() { ids.append(page.int(0)) }
                    // (Read after the page's statement is done: each post is one read of its own.)
                    for id in ids { out.append(s.posts[id].flatMap { self.postView($0, viewer, now: now, in: s) }) }
                } catch { s.posts.noteDamage(error) }
                return out
            }
        } catch {
            s.posts.noteDamage(error)
            return PostListing(posts(for: viewer, kind: kind, wijk: wijk, now: now))
        }
    }

    /// One post as `viewer` sees it (nil when gone or out of sight).
    public func post(_ id: PostID, for viewer: Viewer, now: Date) -> PostView? {
        state.posts[id.rawValue].flatMap { postView($0, viewer, now: now) }
    }

    /// How an unsaved post will look to `viewer` (the preview while writing).
    public func preview(of post: Post, for viewer: Viewer, now: Date) -> PostView? {
        postView(post, viewer, now: now)
    }

    func postView(_ p: Post, _ viewer: Viewer, now: Date) -> PostView? {
        postView(p, viewer, now: now, in: state)
    }

    func postView(_ p: Post, _ viewer: Viewer, now: Date, in s: StoreState) -> PostView? {
        let author = p.author.account.flatMap { s.accounts[$0.rawValue] }
        var org: Organisation?
        if case .organisation(let o, _) = p.author { org = s.organisations[o.rawValue] }
        return ContentVisibility.view(of: p, author: author, organisation: org, by: viewer, settings: s.settings, now: now)
    }

    /// How many accounts there are (counted, not read).
    public var accountCount: Int { state.accounts.count }

    /// One agenda item, if `viewer` may see it.
    public func agendaItem(_ id: AgendaItemID, for viewer: Viewer) -> AgendaItem? {
        guard let item = state.agenda[id.rawValue] else { return nil }
        let creator = item.createdBy.flatMap { state.accounts[$0.rawValue] }
        return ContentVisibility.mayView(item, creator: creator, by: viewer, settings: state.settings) ? item : nil
    }

    /// The agenda of `q` as `viewer` may see it, read a page at a time: from the occurrence rows
    /// (schema 4; a search through the folded text of schema 7), or, for a window outside them,
    /// by expanding the activities.
    public func agendaListing(_ q: AgendaQuery, viewer: Viewer) throws -> AgendaListing {
        let s = state
        try PlatformAccess.require(.agenda, viewer: viewer, settings: s.settings)
        if let sight = ContentVisibility.agendaSight(for: viewer, settings: s.settings),
           let listing = try AgendaOccurrences.listing(q, sight: sight, db: db, item: { id, keep, record in
               do {
                   func decode() throws -> AgendaItem {
                       // A read that fails is damage (noted below); only a row that is gone is "removed".
                       guard let r = try record() else { throw CoreError.notFound(what: "agenda \(id)") }
                       return r
                   }
                   return keep ? try s.agenda.known(id, or: decode) : try decode()
               } catch CoreError.notFound {
                   return nil  // removed since the rows were read
               } catch {
                   s.agenda.noteDamage(error)
                   return nil
               }
           }, mayView: { item in
               ContentVisibility.mayView(item, creator: item.createdBy.flatMap { s.accounts[$0.rawValue] }, by: viewer, settings: s.settings)
           }, onError: { s.agenda.noteDamage($0) }, searchCache: searchCache,
                                                            cacheKey: [CollectionName.agenda, .accounts, .settings].map { String(seenVersion($0)) }.joined(separator: ":")) {
            return listing
        }
        return AgendaListing(try expandedAgenda(q, viewer: viewer))
    }

    /// Calls `body` with every line of `q` that `viewer` may see, in order, from the occurrence
    /// rows alone; false (and no call) when they cannot answer (a window outside the rows laid
    /// down): then `agendaListing` does. The rows' columns are the rule's input,
    /// written with the record and compared with it by `check` and the property tests.
    public func agendaLines(_ q: AgendaQuery, viewer: Viewer, _ body: (borrowing AgendaLine) -> Void) throws -> Bool {
        let s = state
        try PlatformAccess.require(.agenda, viewer: viewer, settings: s.settings)
        guard let sight = ContentVisibility.agendaSight(for: viewer, settings: s.settings) else { return false }
        return try AgendaOccurrences.lines(q, sight: sight, db: db, body)
    }

    /// The agenda as `viewer` may see it: recurring items expanded, sorted by start.
    public func agenda(_ q: AgendaQuery, viewer: Viewer) throws -> [Occurrence] {
        try agendaListing(q, viewer: viewer).all
    }

    /// The agenda of `q` by expanding the activities of its window (the reference the occurrence
    /// rows are tested against).
    func expandedAgenda(_ q: AgendaQuery, viewer: Viewer) throws -> [Occurrence] {
        let s = state
        // The database narrows the activities to the window's (its span columns); the rules then
        // look at each of those. A table already read whole, or with changes on it, is used as is.
        guard s.agenda.isPartial, let (from, to) = StoreState.window(q) else { return try s.agenda(q, viewer: viewer) }
        let span = Self.selectSQL(AgendaItem.self) + " WHERE starts < ?1 AND (ends IS NULL OR ends >= ?2)"
        let window: [Any?] = [Int(to.timeIntervalSince1970.rounded(.up)), Int(from.timeIntervalSince1970.rounded(.down))]
        /// The activities `stmt` finds, each decoded once per process (the next query takes what it decoded before).
        func among(_ stmt: Statement) throws -> [Occurrence] {
            let items = try Self.readRecords(AgendaItem.self, stmt, in: db).map { item in s.agenda.known(item.id.rawValue) { item } }
            return try s.agenda(q, viewer: viewer, among: items)
        }
        // A search: the folded text's column says which activities match; the rule checks each again.
        if let needle = AgendaSearch.needle(q.search), AgendaSearch.columnAnswers(needle) {
            return try among(db.prepare(span + " AND instr(search, ?3) > 0").bind(all: window + [needle]))
        }
        // When the window holds most activities anyway, read them all once and keep them.
        let counted = try db.prepare("SELECT count(*) FROM agenda WHERE starts < ?1 AND (ends IS NULL OR ends >= ?2)").bind(all: window)
        if try counted.step(), counted.int(0) * 2 > s.agenda.count { return try s.agenda(q, viewer: viewer) }
        return try among(db.prepare(span).bind(all: window))
    }

    /// The categories of the agenda items `viewer` may see, sorted.
    public func agendaCategories(for viewer: Viewer) -> [String] {
        // One index seek per category, not a walk over every activity's entry (DISTINCT read the
        // whole index: a fifth of the first frame at ten times Borne).
        if state.agenda.isPartial, let stmt = try? db.prepare("""
            WITH RECURSIVE c(category) AS (
                SELECT min(category) FROM agenda WHERE category > ''
                UNION ALL SELECT (SELECT min(category) FROM agenda WHERE category > c.category) FROM c WHERE c.category IS NOT NULL)
            SELECT category FROM c WHERE category IS NOT NULL
            """) {
            // (The categories of every activity, also of one hidden from this viewer: a category
            // names a kind of activity, never a person.)
            var out: [String] = []
            while (try? stmt.step()) == true { out.append(stmt.text(0)) }
            if PlatformAccess.mayOpen(.agenda, viewer: viewer, settings: state.settings) { return out }
            return []
        }
        return Array(Set(state.agenda.all.filter { agendaItem($0.id, for: viewer) != nil }.map(\.category).filter { !$0.isEmpty })).sorted()
    }

    /// The residents `viewer` may see (see `StoreState.neighbours`).
    public func neighbours(for viewer: Viewer, search: String = "", interest: String? = nil, now: Date) -> [NeighbourView] {
        state.neighbours(for: viewer, search: search, interest: interest, now: now)
    }

    /// The sender's name of `message` as `viewer` may know it.
    public func senderName(of message: ContactMessage, for viewer: Viewer) -> ShownName {
        ContentVisibility.senderName(of: message, in: state, for: viewer)
    }

    /// Who a sent message went to, as its sender may know: never an account's e-mail address.
    public func recipientName(of m: ContactMessage, for viewer: Viewer) -> ShownName {
        Self.recipientName(of: m, in: state, for: viewer)
    }

    /// `recipientName(of:for:)` in `state`.
    static func recipientName(of m: ContactMessage, in state: StoreState, for viewer: Viewer) -> ShownName {
        switch m.recipient {
        case .resident(let id):
            return state.accounts[id.rawValue].flatMap { ProfileVisibilityRule.view(of: $0, by: viewer, settings: state.settings)?.displayName }
                ?? .someResident
        case .organisation(let o): return .named(state.organisations[o.rawValue]?.name ?? "")
        case .address(let a): return .named(a)
        }
    }

    /// The name a reply by `viewer` to message `id` will carry for its other side (nil when
    /// `viewer` may not read the message).
    public func replyName(to id: MessageID, by viewer: Viewer) -> ShownName? {
        guard let original = state.messages[id.rawValue], let me = viewer.activeAccount,
              ContentVisibility.mayRead(original, by: viewer) else { return nil }
        if case .organisation(let o) = original.recipient { return .named(state.organisations[o.rawValue]?.name ?? "") }
        let other: Viewer = original.senderAccount.flatMap { state.accounts[$0.rawValue] }.map { .account($0) } ?? .visitor
        return ProfileVisibilityRule.name(of: me, for: other)
    }

    /// How many posts and messages of the account itself erasure will remove.
    public func ownContentCounts(for viewer: Viewer) -> (posts: Int, messages: Int) {
        guard let me = viewer.activeAccount else { return (0, 0) }
        return (state.posts.all.filter { $0.author == .resident(me.id) }.count,
                state.messages.all.filter { m in m.senderAccount == me.id || m.recipient == .resident(me.id) || m.senderEmail == me.email }.count)
    }

    /// One report, for a moderator of its wijk.
    public func report(_ id: ReportID, by viewer: Viewer) -> Report? {
        state.reports[id.rawValue].flatMap { Self.moderates($0, viewer, in: state) ? $0 : nil }
    }

    /// Whether reported content has a resident behind it, and that resident's name as the
    /// moderator may see it (nil: no resident; an empty name when the account is gone).
    public func reportedResident(_ r: Report, by viewer: Viewer) -> ShownName? {
        guard Self.moderates(r, viewer, in: state), let id = Self.author(of: r.target, state) else { return nil }
        return state.accounts[id.rawValue].map { ProfileVisibilityRule.name(of: $0, for: viewer) } ?? .named("")
    }

    /// The names an intake shows desk staff: who recorded it and the linked account.
    public func intakeNames(_ i: Intake, by viewer: Viewer) -> (staff: String?, linked: String?) {
        guard Permissions.denial(.handleIntakes, by: viewer) == nil else { return (nil, nil) }
        return (state.accounts[i.staff.rawValue]?.name, i.person.account.flatMap { state.accounts[$0.rawValue]?.name })
    }
}
