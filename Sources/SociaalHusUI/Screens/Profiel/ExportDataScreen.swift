import Foundation
import SociaalHusCore
import TerminalKit

/// Gegevens exporteren: asks where to write the JSON file (a sensible default is filled in),
/// writes it readable for the owner only, and says where it went. Served to others (`--shared`,
/// over SSH) it sends the export by e-mail to the person's own address instead. The same for a
/// visitor whose address is proven (`VisitorProof`): their export, to that address.
final class ExportDataScreen: Screen {
    /// Whose export: the logged-in account's, or the visitor's whose address the session proved.
    enum Subject { case account, visitor }
    private let subject: Subject
    private var form = ExportDataScreen.makeForm(path: "")
    private var filled = false
    /// The path the person was warned about; a second Enter on the same path replaces the file.
    private var overwriteConfirmed: String?
    /// Where the last export was written.
    private var written: String?

    /// An export screen for `subject`.
    init(_ subject: Subject = .account) { self.subject = subject }

    /// The name the export file gets by default.
    private func defaultName(_ ctx: UIContext) -> String? {
        switch subject {
        case .account: ctx.session.map { "sociaalhus-export-\($0).json" }
        case .visitor: ctx.visitorProof.grant != nil ? "sociaalhus-bezoeker-export.json" : nil
        }
    }

    func title(_ ctx: UIContext) -> String { ctx.t(.exportData) }
    func bindings(_ ctx: UIContext) -> [Binding<Action>] { KeyTable.form(ctx.lang, form: form) }
    var capturesText: Bool { form.isEditingText }
    var hasUnsavedInput: Bool { form.edited && written == nil }

    func willAppear(_ ctx: UIContext) {
        defer { setLabels(ctx) }
        guard !filled, let name = defaultName(ctx) else { return }
        filled = true
        if ctx.shared {
            form = Form([FormField("mail", "", .button)], labelWidth: 8)
            return
        }
        // A new field, so the cursor starts at the end of the suggested path.
        form = Self.makeForm(path: (ctx.exportDirectory as NSString).appendingPathComponent(name))
    }

    /// The form's words in the interface language, set when the screen comes into view: the keys
    /// offered (Ctrl-S names the button) read them before anything is drawn.
    private func setLabels(_ ctx: UIContext) {
        if ctx.shared {
            form.fields[0].label = ctx.t(.sendByEMail)
        } else {
            form.fields[0].label = ctx.t(.file)
            form.fields[1].label = ctx.t(.export)
        }
    }

    /// The form: the path and the export button.
    private static func makeForm(path: String) -> Form {
        Form([
            FormField("path", "", .text(TextField(path, limit: 4096))),
            FormField("export", "", .button),
        ], labelWidth: 8)
    }

    func handle(_ action: Action, _ ctx: UIContext) {
        switch action {
        case .nextField: _ = form.handle(.tab)
        case .previousField: _ = form.handle(.backTab)
        case .activate:
            // Enter in the path field exports at once: it is the only thing to fill in.
            if form.focusedID == "path" { exportData(ctx) } else { press(form.handle(.enter), ctx) }
        case .toggle: press(form.handle(.char(" ")), ctx)
        case .submit: if let id = form.submitButton?.id { press(.pressed(id), ctx) }
        default: break
        }
    }

    func handleKey(_ key: Key, _ ctx: UIContext) -> Bool {
        let e = form.handle(key)
        press(e, ctx)
        return e != .ignored
    }

    /// Reacts to the button.
    private func press(_ e: Form.Event, _ ctx: UIContext) {
        if case .pressed("export") = e { exportData(ctx) }
        if case .pressed("mail") = e { mailData(ctx) }
    }

    /// Served over SSH: the export goes by e-mail to the person's own address.
    private func mailData(_ ctx: UIContext) {
        do {
            switch subject {
            case .account:
                guard let id = ctx.session else { return }
                written = try ctx.store.perform(.mailExport(id), as: ctx.viewer)
            case .visitor:
                written = try ctx.store.perform(.mailVisitorExport(proof: ctx.visitorProof), as: ctx.viewer)
            }
            ctx.inform(subject == .visitor ? ctx.t(.theDataGoesByE)
                                           : ctx.t(.yourDataGoesByE))
        } catch {
            ctx.fail(error)
        }
    }

    /// Checks the path, then writes the export; every problem is said plainly and the path stays.
    private func exportData(_ ctx: UIContext) {
        guard let name = defaultName(ctx) else { return }
        written = nil
        let raw = form.text("path").trimmingCharacters(in: .whitespaces)
        guard !raw.isEmpty else {
            ctx.fail(ctx.t(.fillInWhereTheFile))
            return
        }
        // A relative path means the export folder (the folder the program was started in).
        let expanded = (raw as NSString).expandingTildeInPath
        let path = expanded.hasPrefix("/") ? expanded : (ctx.exportDirectory as NSString).appendingPathComponent(expanded)
        let folderPart = (path as NSString).deletingLastPathComponent
        let folder = folderPart.isEmpty ? FileManager.default.currentDirectoryPath : folderPart
        // Never into the store's own folder: over SSH every resident runs as the store's owner,
        // and an export "replacing" sociaalhus.db would destroy everyone's data (found in review).
        let storeFolder = URL(fileURLWithPath: ctx.store.path).resolvingSymlinksInPath().path
        let target = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        if target == storeFolder || target.hasPrefix(storeFolder + "/") {
            ctx.fail(ctx.t(.nothingIsWrittenIntoThe))
            return
        }
        var isDir: ObjCBool = false
        if !FileManager.default.fileExists(atPath: folder, isDirectory: &isDir) || !isDir.boolValue {
            ctx.fail(ctx.t(.theFolderDoesNotExist(safe(folder))))
            return
        }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir) {
            if isDir.boolValue {
                ctx.fail(ctx.t(.isFolderAddFileName(safe(path), name)))
                return
            }
            if overwriteConfirmed != path {
                overwriteConfirmed = path
                ctx.fail(ctx.t(.theFileAlreadyExistsPress(safe(path))))
                return
            }
        }
        do {
            let data: Data
            switch subject {
            case .account:
                guard let id = ctx.session else { return }
                data = try ctx.store.export(id, by: ctx.viewer).json()
            case .visitor:
                data = try ctx.store.visitorExport(proof: ctx.visitorProof, by: ctx.viewer).json()
            }
            try DurableFile.replace(path, data: data)
            written = path
            overwriteConfirmed = nil
            // The full path is on the screen itself; the message line only confirms.
            ctx.inform(ctx.t(.yourDataHasBeenExported))
        } catch {
            ctx.fail(error)
        }
    }

    func render(into g: inout Grid, area fullArea: Rect, _ ctx: UIContext) {
        let area = ProfileLongMessage.draw(ctx, into: &g, area: fullArea)
        // The same layout for both ways out: what it does, the form, and where it went.
        let intro: String, done: String
        if ctx.shared {
            intro = subject == .visitor
                ? ctx.t(.everythingSociaalhusHoldsAboutThis2)
                : ctx.t(.everythingSociaalhusHoldsAboutYou)
            done = ctx.t(.queuedFor)
        } else {
            intro = subject == .visitor
                ? ctx.t(.everythingSociaalhusHoldsAboutThis3)
                : ctx.t(.everythingSociaalhusHoldsAboutYou2)
            done = ctx.t(.writtenTo)
        }
        let x = area.x + 2, width = max(area.width - 4, 1)
        var y = area.y + 1
        func lines(_ text: String, _ role: StyleRole) {
            for line in TextWidth.wrap(text, to: width) where y < area.maxY {
                g.put(line, x: x, y: y, role: role, maxWidth: width)
                y += 1
            }
        }
        lines(intro, .muted)
        y += 1
        form.render(into: &g, area: Rect(x: area.x, y: y, width: area.width, height: form.fields.count))
        y += form.fields.count + 1
        if let written { lines(done + safe(written), .success) }
    }
}
