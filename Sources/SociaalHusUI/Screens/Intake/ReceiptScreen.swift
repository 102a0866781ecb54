import Foundation
import SociaalHusCore
import TerminalKit

/// Bon van een doorverwijzing: the written receipt the resident takes home, shown as it is
/// printed, with keys to write it for printing (`p`) and to mail it to the resident (`m`).
///
/// The receipt comes from the core, made from what the store recorded for the referral, never
/// from what another screen showed. Printing writes a text file into the export folder (the
/// folder the interface was started in), under a fixed name with no personal data in it; no
/// path is typed. Served to others (`--shared`, over SSH) nothing is written on the server: the
/// receipt is only shown, and the operator prints it with `sociaalhus intake receipt`.
final class ReceiptScreen: Screen {
    private let intake: Intake
    private var receipts: [ReferralReceipt] = []
    /// The referral shown, from 1; nil: the latest, once the receipts are read.
    private var number: Int?
    /// The referral to show first, by its disclosure entry (the one just made).
    private let disclosure: DisclosureID?
    /// What to do once the receipt is shown (the conversation's own `p` or `m`).
    private var then: Action?
    private var scroll = ScrollText()
    /// Where the shown receipt was last written, or to whom it was mailed.
    private var done: String?

    /// The receipt of the referral of `intake` with `disclosure` as its entry (nil: its latest
    /// referral), then `then` (print or mail it) as if its key was pressed here.
    init(intake: Intake, disclosure: DisclosureID? = nil, then: Action? = nil) {
        self.intake = intake
        self.disclosure = disclosure
        self.then = then
    }

    func title(_ ctx: UIContext) -> String { ctx.t(.receiptOfTheReferral) }

    /// Reading the receipts is logged as opening the conversation: only a person's own action reads them again.
    var refreshesLive: Bool { false }

    func bindings(_ ctx: UIContext) -> [Binding<Action>] {
        let g = ctx.t(.receipt)
        guard !receipts.isEmpty else { return [] }
        var out = KeyTable.list(ctx.lang).filter { $0.action != .open }
        if !ctx.shared {
            out.append(Binding.table(.printReceipt, label: ctx.t(.printReceipt),
                               help: ctx.t(.writeTheReceiptAsText), group: g))
        }
        out.append(Binding.table(.mailReceipt, label: ctx.t(.mailReceipt),
                           help: ctx.t(.sendTheReceiptToThe), group: g))
        if receipts.count > 1 {
            out.append(Binding.table(.previousReferral, label: ctx.t(.previousReferral), group: g, inStatusBar: false))
            out.append(Binding.table(.nextReferral, label: ctx.t(.nextReferral), group: g, inStatusBar: false))
        }
        return out
    }

    func willAppear(_ ctx: UIContext) {
        do {
            receipts = try ctx.store.perform(.referralReceipts(of: intake.id), as: ctx.viewer)
            if number == nil, let d = disclosure { number = receipts.first { $0.disclosure == d }?.number }
            if number == nil || !(1...max(receipts.count, 1)).contains(number!) { number = receipts.count }
        } catch {
            receipts = []
            return ctx.fail(error)
        }
        if let action = then {
            then = nil
            handle(action, ctx)
        }
    }

    /// The receipt shown.
    private var shown: ReferralReceipt? {
        guard let number, receipts.indices.contains(number - 1) else { return nil }
        return receipts[number - 1]
    }

    func handle(_ action: Action, _ ctx: UIContext) {
        guard let receipt = shown else { return }
        switch action {
        case .up, .down, .pageUp, .pageDown, .first, .last: _ = scroll.apply(action)
        case .previousReferral, .nextReferral:
            let next = receipt.number + (action == .nextReferral ? 1 : -1)
            guard (1...receipts.count).contains(next) else { return }
            number = next
            scroll = ScrollText()
            done = nil
        case .printReceipt: write(receipt, ctx)
        case .mailReceipt:
            // Nothing to ask when there is no address at all: the core would refuse.
            if !EmailAddress.isValid(intake.person.email), intake.person.account == nil {
                return ctx.fail(CoreError.receiptCannotMail(noAddress: true))
            }
            let to = EmailAddress.isValid(intake.person.email) ? safe(intake.person.email)
                : ctx.t(.theAddressOfTheLinked)
            ctx.confirm(ctx.t(.sendTheReceiptOfReferral(receipt.number, to))) { [self] in
                mail(receipt, ctx)
            }
        default: break
        }
    }

    /// Writes the receipt, made anew by the core (and logged for the person), into the export
    /// folder; never into the store's own folder.
    private func write(_ receipt: ReferralReceipt, _ ctx: UIContext) {
        guard !ctx.shared else {
            return ctx.fail(ctx.t(.overThisSharedConnectionNothing))
        }
        let folder = ctx.exportDirectory
        let storeFolder = URL(fileURLWithPath: ctx.store.path).resolvingSymlinksInPath().path
        let target = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        if target == storeFolder || target.hasPrefix(storeFolder + "/") {
            return ctx.fail(ctx.t(.theExportFolderIsThe))
        }
        do {
            let made = try ctx.store.perform(.printReferralReceipt(intake.id, number: receipt.number), as: ctx.viewer)
            let path = (folder as NSString).appendingPathComponent(made.fileName)
            try DurableFile.replace(path, data: Data(made.text().utf8))
            done = ctx.t(.writtenTo) + safe(path)
            ctx.inform(ctx.t(.theReceiptIsReadyTo))
        } catch { ctx.fail(error) }
    }

    private func mail(_ receipt: ReferralReceipt, _ ctx: UIContext) {
        do {
            let to = try ctx.store.perform(.mailReferralReceipt(intake.id, number: receipt.number), as: ctx.viewer)
            done = ctx.t(.queuedByEMailFor) + safe(to)
            ctx.inform(ctx.t(.theReceiptGoesToThe))
        } catch { ctx.fail(error) }
    }

    func render(into g: inout Grid, area: Rect, _ ctx: UIContext) {
        guard let receipt = shown else {
            return drawRefusal(ctx.t(.thisConversationHasNoReferral), into: &g, area: area)
        }
        let who = intake.person.name.isEmpty ? ctx.t(.noName) : safe(intake.person.name)
        g.putSummary(ctx.t(.referralOf(receipt.number, receipts.count))
                     + " · " + safe(receipt.organisationName) + " · " + who, x: area.x + 1, y: area.y, maxWidth: area.width - 2)
        var lines: [(String, StyleRole)] = []
        let how = ctx.shared
            ? ctx.t(.thisIsTheReceiptAs(intake.id, receipt.number, ctx.key(.mailReceipt)))
            : ctx.t(.thisIsTheReceiptAs2(safe(ctx.exportDirectory), ctx.key(.printReceipt), ctx.key(.mailReceipt)))
        for l in TextWidth.wrap(how, to: max(area.width - 4, 10)) { lines.append((l, .muted)) }
        if let done { for l in TextWidth.wrap(done, to: max(area.width - 4, 10)) { lines.append((l, .success)) } }
        lines.append(("", .normal))
        // The receipt's own lines, at most 72 wide, narrower when the window is.
        for l in receipt.text(width: min(72, max(area.width - 4, 20))).split(separator: "\n", omittingEmptySubsequences: false) {
            lines.append((String(l), .normal))
        }
        scroll.draw(lines, into: &g, area: Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1))
    }
}
