import Foundation
import SociaalHusCore
import TerminalKit

/// One post: text, author as allowed, the contact details the author ticked; edit, renew, delete.
final class PostDetailScreen: Screen {
    private let id: PostID
    private var scroll = ScrollText()

    init(id: PostID) { self.id = id }

    func title(_ ctx: UIContext) -> String { ctx.t(.post3) }

    func bindings(_ ctx: UIContext) -> [Binding<Action>] {
        let g = ctx.t(.post3)
        return KeyTable.list(ctx.lang).filter { $0.action != .open } + replyKey(ctx, g) + [
            Binding.table(.report, label: ctx.t(.report), help: ctx.t(.reportThisPostToThe), group: g, inStatusBar: false),
        ] + changeKeys(ctx, g) + objectKey(ctx, g) + (Permissions.denial(.administerPlatform, by: ctx.viewer) == nil ? [Binding.table(.takedown, label: "Takedown", help: ctx.t(.recordTakedownNoticeAndRemove), group: g, inStatusBar: false)] : [])
    }

    /// Edit, renew and delete: offered only when the core's rule lets this viewer change the post.
    private func changeKeys(_ ctx: UIContext, _ g: String) -> [Binding<Action>] {
        guard let post = view(ctx)?.post, Permissions.denial(.changePost(post), by: ctx.viewer) == nil else { return [] }
        return [
            Binding.table(.edit, label: ctx.t(.edit), group: g),
            Binding.table(.renew, label: ctx.t(.renew), help: ctx.t(.keepItUp30More), group: g),
            Binding.table(.delete, label: ctx.t(.delete), help: ctx.t(.deleteAsksFirst), group: g),
        ]
    }

    /// Replying through the contact form: not to one's own post (a message to oneself).
    private func replyKey(_ ctx: UIContext, _ g: String) -> [Binding<Action>] {
        guard let post = view(ctx)?.post, !isOwn(post, ctx) else { return [] }
        return [Binding.table(.contact, label: ctx.t(.respond), help: ctx.t(.sendMessageThroughTheContact), group: g)]
    }

    /// True when the viewer wrote `post` themselves.
    private func isOwn(_ post: Post, _ ctx: UIContext) -> Bool {
        guard case .resident(let author) = post.author else { return false }
        return ctx.viewer.owns(author)
    }

    /// Objecting: offered only to the author of a post hidden after a report who did not object yet.
    private func objectKey(_ ctx: UIContext, _ g: String) -> [Binding<Action>] {
        guard ctx.store.hiddenNotice(.post(id), for: ctx.viewer)?.mayObject == true else { return [] }
        return [Binding.table(.object, label: ctx.t(.object), help: ctx.t(.objectOnceToTheHiding), group: g)]
    }

    /// The post as the core lets this viewer see it.
    private func view(_ ctx: UIContext) -> PostView? { ctx.store.post(id, for: ctx.viewer, now: ctx.now) }

    func handle(_ action: Action, _ ctx: UIContext) {
        guard let v = view(ctx) else { ctx.pop(); return }
        let post = v.post
        switch action {
        case .up, .down, .pageUp, .pageDown, .first, .last: _ = scroll.apply(action)
        case .report, .takedown:
            // A resident's profile is reported from their post: the post shows who wrote it, as far as allowed.
            var also: [(ReportTarget, String)] = []
            if action == .report, case .resident(let author) = post.author {
                also = [(.profile(author), ctx.t(.theProfileOf) + ctx.t(v.authorName.word))]
            }
            ctx.push(ReportScreen(.post(id), what: post.title, also: also, takedown: action == .takedown, ctx))
        case .contact:
            guard !isOwn(post, ctx) else { return }
            let recipient: ContactMessage.Recipient
            switch post.author {
            case .resident(let a): recipient = .resident(a)
            case .organisation(let o, _): recipient = .organisation(o)
            }
            ctx.push(ContactFormScreen(.recipient(recipient, name: v.authorName, about: .post(id)), ctx))
        case .edit:
            if let d = Permissions.denial(.changePost(post), by: ctx.viewer) { ctx.fail(d.message(ctx.language)); return }
            ctx.push(PostEditScreen(editing: post, ctx))
        case .object:
            guard ctx.store.hiddenNotice(.post(id), for: ctx.viewer)?.mayObject == true else { return }
            ctx.push(ObjectionScreen(.post(id), what: post.title, ctx))
        case .renew:
            do {
                try ctx.store.perform(.renewPost(id), as: ctx.viewer)
                let until = DateText.short(view(ctx)?.post.expires ?? post.expires, ctx)
                ctx.inform(ctx.t(.renewedUntil(until)))
            } catch { ctx.fail(error) }
        case .delete:
            if let d = Permissions.denial(.changePost(post), by: ctx.viewer) { ctx.fail(d.message(ctx.language)); return }
            let id = self.id
            ctx.confirm(ctx.t(.deleteYourPost(safe(post.title)))) {
                do {
                    try ctx.store.perform(.deletePost(id), as: ctx.viewer)
                    ctx.inform(ctx.t(.postDeleted))
                    ctx.pop()
                } catch { ctx.fail(error) }
            }
        default: break
        }
    }

    func render(into g: inout Grid, area: Rect, _ ctx: UIContext) {
        guard let v = view(ctx) else {
            g.put(ctx.t(.thisPostIsNotAvailable), x: area.x + 2, y: area.y + 1, role: .error)
            return
        }
        var lines = PostLines.lines(v, width: area.width - 4, offersReply: !isOwn(v.post, ctx), ctx)
        if let notice = ctx.store.hiddenNotice(.post(id), for: ctx.viewer) {
            // The author (and administrators) see why it is out of sight, and whether they may object.
            lines.insert(contentsOf: HiddenLines.lines(notice, width: area.width - 4, ctx), at: 0)
        } else if let reason = v.post.hiddenReason {
            lines.insert((ctx.t(.hiddenByModeratorReason) + safe(ReportReason(rawValue: reason)?.label(ctx.language) ?? reason), .warning), at: 0)
        }
        scroll.draw(lines, into: &g, area: area)
    }
}

/// The lines of a post as a viewer sees it (also used for the preview while writing).
enum PostLines {
    /// `offersReply` false: the viewer wrote it, and is told how others reply instead of a key.
    static func lines(_ v: PostView, width: Int, offersReply: Bool = true, _ ctx: UIContext) -> [(String, StyleRole)] {
        var out: [(String, StyleRole)] = [(v.post.kind.label(ctx.language) + ": " + safe(v.post.title), .title)]
        out.append((ctx.t(.by) + safe(ctx.t(v.authorName.word)) + " · " + safe(ctx.store.wijkName(v.post.wijk)), .muted))
        out.append(("", .normal))
        for l in TextWidth.wrap(TextSanitizer.sanitize(v.post.body, keepNewlines: true), to: width) { out.append((l, .normal)) }
        out.append(("", .normal))
        if let e = v.email { out.append(("E-mail: " + safe(e), .normal)) }
        if let p = v.phone { out.append((ctx.t(.phone) + safe(p), .normal)) }
        if let a = v.address { out.append((ctx.t(.address) + safe(a), .normal)) }
        if v.repliesViaContactForm {
            out.append((offersReply ? ctx.t(.repliesGoThroughTheContact(ctx.key(.contact))) : ctx.t(.othersReplyThroughTheContactForm), .muted))
        }
        out.append((ctx.t(.placed) + DateText.short(v.post.created, ctx) + ctx.t(.visibleUntil) + DateText.short(v.post.expires, ctx), .muted))
        return out
    }
}
