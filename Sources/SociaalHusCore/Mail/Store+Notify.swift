import Foundation

extension Store {
    /// The accounts that may want a notification of something new in `wijk` on `categories`
    /// (keys of `PlatformCategory`): those the notification index finds (schema 7; a new post
    /// read all 25,000 accounts of Borne before), or every account. The rule
    /// (`EmailPolicy.mayEmail`) decides for each.
    static func notificationCandidates(wijk: WijkID?, topics categories: [String], in state: StoreState) -> [Account] {
        let topicSet = Array(Set(categories.compactMap { PlatformCategory(matching: $0)?.key })).sorted()
        guard let keys = state.accounts.keys(matching: .interested(wijk: wijk?.rawValue, topics: topicSet)) else { return Array(state.accounts.all) }
        return keys.compactMap { state.accounts[$0] }
    }

    /// Tells residents about new content in their wijk that is in one of their interest
    /// categories: an e-mail now, or a line for their digest. Only residents whose notification
    /// toggle is on, in that wijk (`wijk` nil: all of Borne), never the author.
    static func notifyNew(title: String, wijk: WijkID?, categories: [PlatformCategory], author: AccountID?, about: ContentRef,
                          in tx: inout Transaction) throws {
        let keys = categories.map(\.key)
        guard !keys.isEmpty else { return }
        for account in notificationCandidates(wijk: wijk, topics: keys, in: tx.state) where account.id != author && Permissions.isResident(account) {
            let occasion = EmailPolicy.Occasion.wijkNotification(wijk: wijk ?? account.profile.wijk, topics: keys)
            guard EmailPolicy.mayEmail(occasion, to: account) else { continue }
            if account.profile.digest != .immediately {
                var a = account
                a.pendingDigest.append(DigestLine(text: title, author: author, about: about))
                tx.put(a)
            } else {
                let mail = DigestMail.notification(title: title, wijk: wijk.flatMap { tx.state.wijk($0)?.name }, about: about)
                try tx.queueMail(MailMessage(to: account.email, subject: mail.subject, body: mail.body + MailFooter.text(.wijkNotification)),
                                 kind: .notification, accounts: [account.id] + (author.map { [$0] } ?? []), about: about)
            }
        }
    }

    /// Sends the waiting digests, one e-mail per person whose rhythm is due (run daily, e.g. by
    /// `sociaalhus mail digest` from cron): daily at most once per calendar day, weekly at most
    /// once in 7 calendar days, so running it twice never sends twice. The mail holds only what
    /// is still there for its reader (`DigestMail.entries`); with nothing left, no mail. A
    /// person who turned notifications off meanwhile gets nothing, and their waiting lines are
    /// dropped. Returns how many digests were queued.
    @discardableResult
    func sendDigests() throws -> Int {
        try update { tx in
            var n = 0
            for account in Array(tx.state.accounts.all).sorted(by: { $0.id < $1.id }) where !account.pendingDigest.isEmpty {
                guard EmailPolicy.mayEmail(.dailyDigest, to: account) else {
                    var a = account
                    a.pendingDigest = []
                    tx.put(a)
                    continue
                }
                guard DigestMail.isDue(account, now: tx.now) else { continue }
                var a = account
                let entries = DigestMail.entries(a.pendingDigest, for: a, in: tx.state, db: db, now: tx.now)
                a.pendingDigest = []
                if let mail = DigestMail.digest(entries) {
                    a.lastDigest = tx.now
                    try tx.queueMail(MailMessage(to: a.email, subject: mail.subject, body: mail.body + MailFooter.text(.wijkNotification)),
                                     kind: .digest, accounts: [a.id])
                    n += 1
                }
                tx.put(a)
            }
            return n
        }
    }

    /// Sends the wijk newsletter of a local partner (or an administrator) to the residents of that
    /// wijk whose newsletter toggle is on; returns how many e-mails were queued.
    @discardableResult
    func sendNewsletter(wijk: WijkID, subject: String, text: String, by viewer: Viewer) throws -> Int {
        try Permissions.require(.sendNewsletter(wijk: wijk), by: viewer)
        let title = try validated(subject, .title)
        let body = try validated(text, .body)
        return try update(actor: viewer) { tx in
            guard let w = tx.state.wijk(wijk) else { throw CoreError.unknownWijk(String(wijk.rawValue)) }
            var n = 0
            for a in tx.state.accounts.all.sorted(by: { $0.id < $1.id }) where EmailPolicy.mayEmail(.newsletter(wijk: wijk), to: a) {
                try tx.queueMail(MailMessage(to: a.email, subject: "Nieuwsbrief \(w.name): \(title)", body: body + "\n" + MailFooter.text(.newsletter)),
                                 kind: .newsletter, accounts: [a.id])
                n += 1
            }
            tx.audit(.platformChanged, actor: viewer.activeAccount?.id, subject: nil, target: "newsletter:\(wijk)")
            return n
        }
    }

    /// Sends a platform announcement (administrators) to every account whose announcement toggle
    /// is on; returns how many e-mails were queued.
    @discardableResult
    func sendAnnouncement(subject: String, text: String, by viewer: Viewer) throws -> Int {
        try Permissions.require(.administerPlatform, by: viewer)
        let title = try validated(subject, .title)
        let body = try validated(text, .body)
        return try update(actor: viewer) { tx in
            var n = 0
            for a in tx.state.accounts.all.sorted(by: { $0.id < $1.id }) where EmailPolicy.mayEmail(.announcement, to: a) {
                try tx.queueMail(MailMessage(to: a.email, subject: "Mededeling van SociaalHus: \(title)", body: body + "\n" + MailFooter.text(.announcement)),
                                 kind: .announcement, accounts: [a.id])
                n += 1
            }
            tx.audit(.platformChanged, actor: viewer.account?.id, subject: nil, target: "announcement")
            return n
        }
    }

    /// Withdraws everything still waiting about `ref` (deleted or removed): e-mails not yet
    /// handed to the mail command, with their files, and the lines of every waiting digest. Found
    /// by their reference to it (schema 9), not by their text.
    func withdrawWaiting(about ref: ContentRef, in tx: inout Transaction) throws {
        let (column, key): (String, Int)
        switch ref {
        case .post(let id): (column, key) = ("post", id.rawValue)
        case .activity(let id): (column, key) = ("activity", id.rawValue)
        case .message(let id): (column, key) = ("message", id.rawValue)
        }
        let mails = try db.prepare("SELECT id FROM outbox WHERE \(column) = ?1 AND status = 'pending'").bind(key)
        var ids: [Int] = []
        while try mails.step() { ids.append(mails.int(0)) }
        for id in ids { if let m = tx.state.outbox[id], m.about == ref, m.status == .pending { tx.removeMail(m) } }
        guard column != "message" else { return }
        let owners = try db.prepare("SELECT DISTINCT account FROM digest_line WHERE \(column) = ?1").bind(key)
        var accounts: [Int] = []
        while try owners.step() { accounts.append(owners.int(0)) }
        for id in accounts {
            guard var a = tx.state.accounts[id] else { continue }
            let kept = a.pendingDigest.filter { $0.about != ref }
            if kept.count != a.pendingDigest.count { a.pendingDigest = kept; tx.put(a) }
        }
    }
}
