import SociaalHusCore
import TerminalKit

/// Mijn gegevens: everything the store holds about the logged-in person on one scrollable screen,
/// with export to a JSON file (`x`) and deleting the account (`d`).
final class MyDataScreen: Screen {
    private var export: PersonalDataExport?
    private var problem: String?
    private var offset = 0
    private var pageHeight = 10

    func title(_ ctx: UIContext) -> String { ctx.t(.myData) }

    func bindings(_ ctx: UIContext) -> [Binding<Action>] {
        let group = ctx.t(.myData)
        return KeyTable.list(ctx.lang).filter { $0.action != .open } + [
            Binding.table(.export, label: ctx.t(.export),
                    help: ctx.t(.exportEverythingToJsonFile), group: group),
            Binding.table(.eraseAccount, label: ctx.t(.deleteAccount),
                    help: ctx.t(.deleteYourAccountAndAll),
                    group: group),
        ]
    }

    /// Builds the overview anew each time the screen comes into view, so it is never stale.
    func willAppear(_ ctx: UIContext) {
        guard let id = ctx.session else { return }
        do {
            export = try ctx.store.export(id, by: ctx.viewer, recordAudit: false)
            problem = nil
        } catch {
            export = nil
            problem = (error as? CoreError)?.message(ctx.language) ?? "\(error)"
        }
    }

    func handle(_ action: Action, _ ctx: UIContext) {
        if let next = ScrollText.offset(offset, after: action, page: pageHeight) { offset = next; return }
        switch action {
        // While the desk helps ("namens") the core refuses a file and an erasure; said here at
        // once rather than after the form is filled (served over SSH the export is mailed to
        // the resident's own address, which stays allowed).
        case .export:
            guard let id = ctx.session else { return }
            if !ctx.shared, let d = Permissions.denial(.exportData(id), by: ctx.viewer) { return ctx.fail(d.message(ctx.language)) }
            ctx.push(ExportDataScreen())
        case .eraseAccount:
            guard let id = ctx.session else { return }
            if let d = Permissions.denial(.eraseAccount(id), by: ctx.viewer) { return ctx.fail(d.message(ctx.language)) }
            ctx.push(DeleteAccountScreen())
        default: break
        }
    }

    func render(into g: inout Grid, area fullArea: Rect, _ ctx: UIContext) {
        let area = ProfileLongMessage.draw(ctx, into: &g, area: fullArea)
        let x = area.x + 2, width = area.width - 4
        var y = area.y
        let intro = TextWidth.wrap(ctx.t(.everythingSociaalhusHoldsAboutYou4(ctx.key(.export), ctx.key(.eraseAccount))), to: max(width, 1))
        g.outline.append(.text(intro.joined(separator: " ")))
        for line in intro.prefix(2) {
            g.put(line, x: x, y: y, role: .muted, maxWidth: width)
            y += 1
        }
        y += 1
        g.cursor = (x, area.y)
        guard let export else {
            g.outline.append(.text(problem ?? ctx.t(.noData)))
            g.put(problem ?? ctx.t(.noData), x: x, y: y, role: .error, maxWidth: width)
            return
        }
        MyDataLines.draw(MyDataLines.build(export, lang: ctx.language, width: width), into: &g, x: x, y: y, area: area, width: width,
                         offset: &offset, pageHeight: &pageHeight)
    }
}
