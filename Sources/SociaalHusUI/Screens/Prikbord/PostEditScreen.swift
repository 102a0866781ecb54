import Foundation
import SociaalHusCore
import TerminalKit

/// Writing or editing a post: kind, title, text, who posts it, which contact details to show
/// (each off by default) with a live preview of what others will see, and how long it stays up.
final class PostEditScreen: FormScreen {
    private let editing: Post?
    private let authors: [Post.Author]
    private let wijken: [Wijk]

    init(editing: Post?, _ ctx: UIContext) {
        self.editing = editing
        wijken = ctx.store.wijken
        var authors: [Post.Author] = []
        var authorNames: [String] = []
        if let me = ctx.viewer.activeAccount {
            // Whom this person may post as: asked of the core's permission rule.
            if Permissions.denial(.createPost(author: .resident(me.id), wijk: me.profile.wijk), by: ctx.viewer) == nil {
                authors.append(.resident(me.id))
                authorNames.append(ctx.t(.myself))
            }
            for o in ctx.store.organisationsWritable(by: ctx.viewer, agenda: false) {
                authors.append(.organisation(o.id, by: me.id))
                authorNames.append(safe(o.name))
            }
        }
        if let editing { authors = [editing.author]; authorNames = [ctx.t(.asPosted)] }
        self.authors = authors
        let p = editing
        var fields: [FormField] = [
            FormField("kind", ctx.t(.kind), .choice(options: Post.Kind.allCases.map { $0.label(ctx.language) },
                                                                selected: Post.Kind.allCases.firstIndex(of: p?.kind ?? .vraag) ?? 0)),
            FormField("title", ctx.t(.title), .text(TextField(p?.title ?? "", limit: Field.title.limit))),
            FormField("body", ctx.t(.text), .area(TextArea(p?.body ?? "", limit: Field.body.limit, rows: 5))),
        ]
        if editing == nil {
            fields.append(FormField("author", ctx.t(.postAs), .choice(options: authorNames, selected: 0)))
            let own = ctx.account.flatMap { a in ctx.store.wijken.firstIndex { $0.id == a.profile.wijk } } ?? 0
            fields.append(FormField("wijk", ctx.t(.neighbourhood), .choice(options: ctx.store.wijken.map { safe($0.name) }, selected: own)))
        }
        fields += [
            // No name tick: who sees the name is the profile level, one control for who sees you.
            FormField("showHeader", ctx.t(.whichDetailsGoWithItOn([p?.show.email, p?.show.phone, p?.show.address].filter { $0 == true }.count, 3)), .note(.header)),
            FormField("email", ctx.t(.showEMailAddress), .toggle(p?.show.email ?? false)),
            FormField("phone", ctx.t(.showPhoneNumber), .toggle(p?.show.phone ?? false)),
            FormField("address", ctx.t(.showAddress), .toggle(p?.show.address ?? false)),
            FormField("days", ctx.t(.daysVisible90), .text(TextField(String(Post.defaultLifetimeDays), limit: 3))),
            // The privacy statement promises to point people to copyright law where they place content.
            FormField("copyright", ctx.t(.onlyYourOwnWorkOr), .note(.muted)),
            FormField("save", editing == nil ? ctx.t(.post2) : ctx.t(.save), .button),
        ]
        super.init(Form(fields, labelWidth: 24))
    }

    /// The heading over the detail boxes says how many are ticked, read from the boxes after
    /// every key: a fixed "(alles staat uit)" was wrong as soon as one was ticked.
    override func setLabels(_ ctx: UIContext) {
        let ticked = ["email", "phone", "address"].filter { form.bool($0) }.count
        form.setLabel("showHeader", ctx.t(.whichDetailsGoWithItOn(ticked, 3)))
    }

    override func reloadDiscardingInput(_ ctx: UIContext) { closeForNewerVersion(ctx) }
    override var reloadDiscardsInput: Bool { true }

    /// Only a newer version of the post being edited (or its removal) is someone else's
    /// change to this input; a new post has no record anyone else could have changed.
    override func inputOutdated(by changed: Set<CollectionName>, _ ctx: UIContext) -> Bool {
        guard let editing, changed.contains(.posts) else { return false }
        return ctx.store.post(editing.id, for: ctx.viewer, now: ctx.now)?.post != editing
    }

    override func title(_ ctx: UIContext) -> String { editing == nil ? ctx.t(.newPost) : ctx.t(.editPost) }

    private var choice: ContactChoice {
        ContactChoice(name: false, email: form.bool("email"), phone: form.bool("phone"), address: form.bool("address"))
    }

    private func author(_ ctx: UIContext) -> Post.Author? {
        if let editing { return editing.author }
        return authors.indices.contains(form.choice("author")) ? authors[form.choice("author")] : nil
    }

    private func wijk(_ ctx: UIContext) -> WijkID {
        if let editing { return editing.wijk }
        if case .resident? = author(ctx), let me = ctx.account { return me.profile.wijk }
        return wijken.indices.contains(form.choice("wijk")) ? wijken[form.choice("wijk")].id : WijkID(0)
    }

    override func pressed(_ id: String, _ ctx: UIContext) {
        guard id == "save", let author = author(ctx) else { return }
        let title = form.text("title"), body = form.text("body"), daysText = form.text("days").trimmingCharacters(in: .whitespaces)
        // Every problem at once, each under its field.
        guard check([
            ("title", Field.title.label(ctx.language), { _ = try validated(title, .title) }),
            ("body", Field.body.label(ctx.language), { _ = try validated(body, .body) }),
            ("days", ctx.t(.daysVisible), {
                guard let d = Int(daysText) else {
                    throw FormProblem(ctx.t(.fillInNumberOfDays))
                }
                if d > Post.maximumLifetimeDays { throw CoreError.lifetimeTooLong(maximumDays: Post.maximumLifetimeDays) }
                if d < 1 { throw CoreError.lifetimeTooShort }
            }),
        ], ctx), let days = Int(daysText) else { return }
        let kind = Post.Kind.allCases[form.choice("kind")]
        do {
            if let editing {
                try ctx.store.perform(.editPost(editing.id, PostEdit(kind: kind, title: form.text("title"), body: form.text("body"),
                                                            show: choice, lifetimeDays: days), basedOn: editing), as: ctx.viewer)
                ctx.inform(ctx.t(.saved))
            } else {
                try ctx.store.perform(.createPost(PostDraft(kind: kind, title: form.text("title"), body: form.text("body"), wijk: wijk(ctx),
                                                   author: author, show: choice, lifetimeDays: days)), as: ctx.viewer)
                ctx.inform(ctx.t(.yourPostIsOnThe))
            }
            ctx.pop()
        } catch {
            ctx.fail(error)
            if case .lifetimeTooLong? = error as? CoreError { form.focus(on: "days") }
            if case .fieldRequired(.title)? = error as? CoreError { form.focus(on: "title") }
            if case .fieldRequired(.body)? = error as? CoreError { form.focus(on: "body") }
        }
    }

    override func render(into g: inout Grid, area: Rect, _ ctx: UIContext) {
        let lines = previewLines(ctx, width: max(area.width - 5, 1))
        // The preview takes the rows its lines need (two at least, so ticking a box moves little;
        // at most six or a third of the window), the form the rest.
        let previewHeight = min(max(lines.count, 2), 6, max(area.height / 3, 3))
        let used = form.render(into: &g, area: Rect(x: area.x + 1, y: area.y, width: area.width - 2, height: area.height - previewHeight - 1))
        let keep = g.cursor
        // Right under the form, however large the window: not at its bottom, rows away.
        let y = area.y + used
        g.put(String(repeating: "─", count: area.width - 2), x: area.x + 1, y: y, role: .muted)
        g.put(" " + ctx.t(.howOthersSeeYourPost) + " ", x: area.x + 3, y: y, role: .header)
        for (i, l) in lines.prefix(max(area.maxY - y - 1, 0)).enumerated() {
            g.put(l, x: area.x + 3, y: y + 1 + i, role: .normal, maxWidth: area.width - 5)
        }
        g.cursor = keep
    }

    /// What others will see of the author, wrapped to `width`: the core's rule applied to the
    /// post as it would be saved, seen by a visitor (none without an author to post as).
    private func previewLines(_ ctx: UIContext, width: Int) -> [String] {
        guard let author = author(ctx) else { return [] }
        let draft = Post(id: editing?.id ?? PostID(0), kind: Post.Kind.allCases[form.choice("kind")],
                         title: form.text("title").isEmpty ? "…" : form.text("title"), body: form.text("body"),
                         wijk: wijk(ctx), author: author, show: choice, created: ctx.now, expires: ctx.now.addingTimeInterval(86_400))
        var lines: [String] = []
        if case .resident = author, let me = ctx.account {
            // Who will see the name and the ticked details: the core's words, from the same rule
            // every screen, e-mail and export uses.
            let wijkName = safe(ctx.store.wijkName(me.profile.wijk))
            lines = [ProfileVisibilityRule.postNotice(level: me.profile.visibility, show: choice, wijkName: wijkName).map(ctx.t).joined()]
            if choice.phone && (me.profile.phone ?? "").isEmpty { lines.append(ctx.t(.noPhoneNumberInYour)) }
            if choice.address && (me.profile.address ?? "").isEmpty { lines.append(ctx.t(.noAddressInYourProfile)) }
        } else if let v = ctx.store.preview(of: draft, for: .visitor, now: ctx.now) {
            lines = [safe(ctx.t(v.authorName.word))]
            if let e = v.email { lines.append("E-mail: " + safe(e)) }
            if let p = v.phone { lines.append(ctx.t(.phone) + safe(p)) }
            if let a = v.address { lines.append(ctx.t(.address) + safe(a)) }
            if v.repliesViaContactForm { lines.append(ctx.t(.repliesThroughTheContactForm)) }
        } else {
            lines = [ctx.t(.visitorsDoNotSeeThis)]
        }
        return lines.flatMap { TextWidth.wrap($0, to: width) }
    }
}
