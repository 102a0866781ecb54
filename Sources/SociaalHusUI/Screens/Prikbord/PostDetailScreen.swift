import Foundation
import SociaalHusCore
import TerminalKit

/// One post: text, author as allowed, the contact details the author ticked; edit, renew, delete.
final class PostDetailScreen: Screen {
    private let id: PostID
    private var scroll = ScrollText()

    init(id: PostID) { self.id = id }

    func title(_ ctx: UIContext) -> String { ctx.t("Bericht", "Post") }

    func bindings(_ ctx: UIContext) -> [Binding<Action>] {
        let g = ctx.t("Bericht", "Post")
        return KeyTable.list(ctx.lang).filter { $0.action != .open } + [
            Binding(.contact, [.char("c")], label: ctx.t("Reageren", "Respond"), help: ctx.t("Een bericht sturen via het contactformulier", "Send a message through the contact form"), group: g),
            Binding(.report, [.char("m")], label: ctx.t("Melden", "Report"), help: ctx.t("Dit bericht melden bij de moderatoren", "Report this post to the moderators"), group: g, inStatusBar: false),
        ] + changeKeys(ctx, g) + objectKey(ctx, g) + (Permissions.denial(.administerPlatform, by: ctx.viewer) == nil ? [Binding(.takedown, [.char("t")], label: "Takedown", help: ctx.t("Een takedown-melding vastleggen en het bericht verwijderen", "Record a takedown notice and remove the post"), group: g, inStatusBar: false)] : [])
    }

    /// Edit, renew and delete: offered only when the core's rule lets this viewer change the post.
    private func changeKeys(_ ctx: UIContext, _ g: String) -> [Binding<Action>] {
        guard let post = view(ctx)?.post, Permissions.denial(.changePost(post), by: ctx.viewer) == nil else { return [] }
        return [
            Binding(.edit, [.char("e")], label: ctx.t("Bewerken", "Edit"), group: g),
            Binding(.renew, [.char("r")], label: ctx.t("Verlengen", "Renew"), help: ctx.t("Nog 30 dagen laten staan", "Keep it up 30 more days"), group: g),
            Binding(.delete, [.char("d")], label: ctx.t("Verwijderen", "Delete"), help: ctx.t("Verwijderen (vraagt eerst)", "Delete (asks first)"), group: g),
        ]
    }

    /// Objecting: offered only to the author of a post hidden after a report who did not object yet.
    private func objectKey(_ ctx: UIContext, _ g: String) -> [Binding<Action>] {
        guard ctx.store.hiddenNotice(.post(id), for: ctx.viewer)?.mayObject == true else { return [] }
        return [Binding(.object, [.char("b")], label: ctx.t("Bezwaar maken", "Object"), help: ctx.t("Eén keer bezwaar maken tegen het verbergen; een moderator kijkt opnieuw", "Object once to the hiding; a moderator takes another look"), group: g)]
    }

    /// The post as the core lets this viewer see it.
    private func view(_ ctx: UIContext) -> PostView? { ctx.store.post(id, for: ctx.viewer, now: ctx.now, lang: ctx.language) }

    func handle(_ action: Action, _ ctx: UIContext) {
        guard let v = view(ctx) else { ctx.pop(); return }
        let post = v.post
        switch action {
        case .up, .down, .pageUp, .pageDown, .first, .last: _ = scroll.apply(action)
        case .report, .takedown:
            // A resident's profile is reported from their post: the post shows who wrote it, as far as allowed.
            var also: [(ReportTarget, String)] = []
            if action == .report, case .resident(let author) = post.author {
                also = [(.profile(author), ctx.t("het profiel van ", "the profile of ") + v.authorName)]
            }
            ctx.push(ReportScreen(.post(id), what: post.title, also: also, takedown: action == .takedown, ctx))
        case .contact:
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
                ctx.inform(ctx.t("Verlengd tot \(until).", "Renewed until \(until)."))
            } catch { ctx.fail(error) }
        case .delete:
            if let d = Permissions.denial(.changePost(post), by: ctx.viewer) { ctx.fail(d.message(ctx.language)); return }
            let id = self.id
            ctx.confirm(ctx.t("Je bericht '\(safe(post.title))' verwijderen?", "Delete your post '\(safe(post.title))'?")) {
                do {
                    try ctx.store.perform(.deletePost(id), as: ctx.viewer)
                    ctx.inform(ctx.t("Bericht verwijderd.", "Post deleted."))
                    ctx.pop()
                } catch { ctx.fail(error) }
            }
        default: break
        }
    }

    func render(into g: inout Grid, area: Rect, _ ctx: UIContext) {
        guard let v = view(ctx) else {
            g.put(ctx.t("Dit bericht is er niet (meer).", "This post is not available (any more)."), x: area.x + 2, y: area.y + 1, role: .error)
            return
        }
        var lines = PostLines.lines(v, width: area.width - 4, ctx)
        if let notice = ctx.store.hiddenNotice(.post(id), for: ctx.viewer) {
            // The author (and administrators) see why it is out of sight, and whether they may object.
            lines.insert(contentsOf: HiddenLines.lines(notice, width: area.width - 4, ctx), at: 0)
        } else if let reason = v.post.hiddenReason {
            lines.insert((ctx.t("Verborgen door een moderator, reden: ", "Hidden by a moderator, reason: ") + safe(ReportReason(rawValue: reason)?.label(ctx.language) ?? reason), .warning), at: 0)
        }
        scroll.draw(lines, into: &g, area: area)
    }
}

/// The lines of a post as a viewer sees it (also used for the preview while writing).
enum PostLines {
    static func lines(_ v: PostView, width: Int, _ ctx: UIContext) -> [(String, StyleRole)] {
        var out: [(String, StyleRole)] = [(v.post.kind.label(ctx.language) + ": " + safe(v.post.title), .title)]
        out.append((ctx.t("Door ", "By ") + safe(v.authorName) + " · " + safe(ctx.store.wijkName(v.post.wijk)), .muted))
        out.append(("", .normal))
        for l in TextWidth.wrap(TextSanitizer.sanitize(v.post.body, keepNewlines: true), to: width) { out.append((l, .normal)) }
        out.append(("", .normal))
        if let e = v.email { out.append(("E-mail: " + safe(e), .normal)) }
        if let p = v.phone { out.append((ctx.t("Telefoon: ", "Phone: ") + safe(p), .normal)) }
        if let a = v.address { out.append((ctx.t("Adres: ", "Address: ") + safe(a), .normal)) }
        if v.repliesViaContactForm {
            out.append((ctx.t("Reageren gaat via het contactformulier: druk op c.", "Replies go through the contact form: press c."), .muted))
        }
        out.append((ctx.t("Geplaatst ", "Placed ") + DateText.short(v.post.created, ctx) + ctx.t(", zichtbaar tot ", ", visible until ") + DateText.short(v.post.expires, ctx), .muted))
        return out
    }
}
