import Foundation
import SociaalHusCore
import TerminalKit

/// Agenda afdrukken (desk): the agenda of a wijk in large print, as a PDF to print for the
/// notice board or for a resident who does not use a screen. The desk chooses the wijk (the
/// agenda's own filter to begin with), how many weeks, and the file (in the export folder,
/// named after the wijk, so next week's print replaces this week's). What is printed is what a
/// visitor may see: activities only. A file this program did not write is never replaced, and
/// over a shared connection (`--shared`) nothing is written on the server: the key is not
/// offered there (the operator prints with `sociaalhus agenda --format pdf --large`).
final class AgendaPrintScreen: FormScreen {
    /// The wijken the cycle offers after "heel Borne".
    private let wijken: [Wijk]
    /// The file name last filled in for the chosen wijk: replaced when the wijk changes, unless
    /// the desk typed another.
    private var suggested = ""
    /// The weeks offered.
    static let weeks = Array(1...8)

    /// The form, with `wijk` chosen (nil: all of Borne).
    init(wijk: WijkID?, _ ctx: UIContext) {
        let wijken = ctx.store.wijken
        self.wijken = wijken
        let chosen = wijk.flatMap { w in wijken.firstIndex { $0.id == w } }.map { $0 + 1 } ?? 0
        super.init(Form([
            FormField("intro", "", .note(.normal)),
            FormField("wijk", "", .cycle(options: [ctx.t(.allOfBorne)] + wijken.map { safe($0.name) }, selected: chosen)),
            FormField("weeks", "", .cycle(options: Self.weeks.map { ctx.t(.printWeeks($0)) }, selected: 1)),
            FormField("file", "", .text(TextField(limit: 1_000))),
            FormField("make", "", .button),
        ], labelWidth: 16))
        suggested = defaultPath(ctx)
        form.setText("file", suggested)
        form.focus(on: "wijk")
    }

    override func title(_ ctx: UIContext) -> String { ctx.t(.printAgendaTitle) }

    // Nothing typed is lost by leaving: the form is filled in for the desk.
    override var hasUnsavedInput: Bool { false }

    /// The wijk chosen, nil for all of Borne.
    private var wijk: Wijk? {
        let i = form.choice("wijk")
        return i > 0 && i <= wijken.count ? wijken[i - 1] : nil
    }

    /// "agenda-centrum.pdf" in the export folder.
    private func defaultPath(_ ctx: UIContext) -> String {
        let name = (wijk?.name ?? "Borne").lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
        let slug = name.split(separator: "-").joined(separator: "-")
        return (ctx.exportDirectory as NSString).appendingPathComponent("agenda-" + (slug.isEmpty ? "wijk" : slug) + ".pdf")
    }

    override func setLabels(_ ctx: UIContext) {
        form.setLabel("intro", ctx.t(.printAgendaIntro))
        form.setLabel("wijk", ctx.t(.neighbourhood))
        form.setLabel("weeks", ctx.t(.printWeeksLabel))
        form.setLabel("file", ctx.t(.printFileLabel))
        form.setLabel("make", ctx.t(.printMake))
        let now = defaultPath(ctx)
        if form.text("file") == suggested, now != suggested {
            form.setText("file", now)
            suggested = now
        }
    }

    override func pressed(_ id: String, _ ctx: UIContext) {
        guard id == "make" else { return }
        let typed = form.text("file").trimmingCharacters(in: .whitespaces)
        let path = typed.hasPrefix("/") ? typed : (ctx.exportDirectory as NSString).appendingPathComponent(typed)
        guard check([("file", ctx.t(.printFileLabel), {
            if typed.isEmpty { throw FormProblem(ctx.t(.printGiveFileName)) }
            if let r = PrintedAgendaFile.refusal(path, storePath: ctx.store.path) {
                throw FormProblem(ctx.t(.cannotWrite(safe(path), ctx.t(r.word))))
            }
        })], ctx) else { return }
        let weeks = Self.weeks[min(max(form.choice("weeks"), 0), Self.weeks.count - 1)]
        do {
            let document = try ctx.store.printedAgenda(AgendaQuery(wijk: wijk?.id, from: ctx.now, days: 7 * weeks), large: true, t: ctx.t)
            try PrintedAgendaFile.write(document, to: path, storePath: ctx.store.path)
            ctx.pop()
            ctx.inform(ctx.t(.agendaPdfWritten(safe(path), document.pages.count)))
        } catch let r as PrintedAgendaFile.Refusal {
            ctx.fail(ctx.t(.cannotWrite(safe(path), ctx.t(r.word))))
        } catch {
            ctx.fail(error)
        }
    }
}
