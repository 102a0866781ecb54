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

    func title(_ ctx: UIContext) -> String { ctx.t("Gegevens exporteren", "Export data") }
    func bindings(_ ctx: UIContext) -> [Binding<Action>] { KeyTable.form(ctx.lang, form: form) }
    var capturesText: Bool { form.isEditingText }
    var hasUnsavedInput: Bool { form.edited && written == nil }

    func willAppear(_ ctx: UIContext) {
        guard !filled, let name = defaultName(ctx) else { return }
        filled = true
        if ctx.shared {
            form = Form([FormField("mail", "", .button)], labelWidth: 8)
            return
        }
        // A new field, so the cursor starts at the end of the suggested path.
        form = Self.makeForm(path: (ctx.exportDirectory as NSString).appendingPathComponent(name))
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
            ctx.inform(subject == .visitor ? ctx.t("De gegevens gaan per e-mail naar dit adres.", "The data goes by e-mail to this address.")
                                           : ctx.t("Je gegevens gaan per e-mail naar je eigen adres.", "Your data goes by e-mail to your own address."))
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
            ctx.fail(ctx.t("Vul in waar het bestand moet komen, bijvoorbeeld /tmp/mijn-gegevens.json.",
                           "Fill in where the file should go, for example /tmp/my-data.json."))
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
            ctx.fail(ctx.t("In de map van de opslag wordt niets geschreven. Kies een andere map; er is niets geschreven.",
                           "Nothing is written into the store's folder. Choose another folder; nothing was written."))
            return
        }
        var isDir: ObjCBool = false
        if !FileManager.default.fileExists(atPath: folder, isDirectory: &isDir) || !isDir.boolValue {
            ctx.fail(ctx.t("De map \(safe(folder)) bestaat niet. Kies een bestaande map; er is niets geschreven.",
                           "The folder \(safe(folder)) does not exist. Choose an existing folder; nothing was written."))
            return
        }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir) {
            if isDir.boolValue {
                ctx.fail(ctx.t("\(safe(path)) is een map. Zet er een bestandsnaam achter, bijvoorbeeld /\(name).",
                               "\(safe(path)) is a folder. Add a file name, for example /\(name)."))
                return
            }
            if overwriteConfirmed != path {
                overwriteConfirmed = path
                ctx.fail(ctx.t("Er staat al een bestand \(safe(path)). Druk nog eens op Enter om het te vervangen, of kies een andere naam.",
                               "The file \(safe(path)) already exists. Press Enter again to replace it, or choose another name."))
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
            ctx.inform(ctx.t("Je gegevens zijn geëxporteerd.", "Your data has been exported."))
        } catch {
            ctx.fail(error)
        }
    }

    func render(into g: inout Grid, area fullArea: Rect, _ ctx: UIContext) {
        let area = ProfileLongMessage.draw(ctx, into: &g, area: fullArea)
        // The same layout for both ways out: what it does, the form, and where it went.
        let intro: String, done: String
        if ctx.shared {
            form.fields[0].label = ctx.t("Per e-mail versturen", "Send by e-mail")
            intro = subject == .visitor
                ? ctx.t("Alles wat SociaalHus over dit e-mailadres bewaart gaat als JSON per e-mail naar dat adres (op deze gedeelde verbinding wordt niets in een bestand gezet). Het bevat persoonlijke gegevens: bewaar het zorgvuldig.",
                        "Everything SociaalHus holds about this e-mail address goes as JSON by e-mail to that address (over this shared connection nothing is put in a file). It contains personal data: keep it safe.")
                : ctx.t("Alles wat SociaalHus over je bewaart gaat als JSON per e-mail naar je eigen adres (op deze gedeelde verbinding wordt niets in een bestand gezet). Het bevat persoonlijke gegevens: bewaar het zorgvuldig.",
                        "Everything SociaalHus holds about you goes as JSON by e-mail to your own address (over this shared connection nothing is put in a file). It contains personal data: keep it safe.")
            done = ctx.t("Klaargezet voor: ", "Queued for: ")
        } else {
            form.fields[0].label = ctx.t("Bestand", "File")
            form.fields[1].label = ctx.t("Exporteren", "Export")
            intro = subject == .visitor
                ? ctx.t("Alles wat SociaalHus over dit e-mailadres bewaart wordt als JSON-bestand geschreven, alleen leesbaar voor de gebruiker van deze computer. Het bevat persoonlijke gegevens: haal het van een gedeelde computer weg zodra je het niet meer nodig hebt.",
                        "Everything SociaalHus holds about this e-mail address is written as a JSON file, readable only by this computer's user. It contains personal data: remove it from a shared computer once you no longer need it.")
                : ctx.t("Alles wat SociaalHus over je bewaart wordt als JSON-bestand geschreven, alleen leesbaar voor jou. Het bevat persoonlijke gegevens: haal het van een gedeelde computer weg zodra je het niet meer nodig hebt.",
                        "Everything SociaalHus holds about you is written as a JSON file, readable by you only. It contains personal data: remove it from a shared computer once you no longer need it.")
            done = ctx.t("Geschreven naar: ", "Written to: ")
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
