import Foundation
import SociaalHusCore
import TerminalKit

/// One conversation: the question, the person, the notes, and every referral with what was
/// passed on. Each time it comes into view the record is opened through the core, which
/// checks the role and logs the opening.
final class IntakeDetailScreen: Screen {
    private let id: IntakeID
    private var intake: Intake?
    private var scroll = ScrollText()
    private var confirmingErase = false
    private var eraseCount = 0

    /// The record is opened when the screen appears.
    init(id: IntakeID, _ ctx: UIContext) {
        self.id = id
    }

    func title(_ ctx: UIContext) -> String { ctx.t(.conversation2) }

    func bindings(_ ctx: UIContext) -> [Binding<Action>] {
        let g = ctx.t(.conversation2)
        if confirmingErase {
            return [Binding.table(.confirm, label: ctx.t(.yesErase), group: g),
                    Binding.table(.cancel, label: ctx.t(.no), group: g)]
        }
        guard let intake else { return [] }
        return KeyTable.list(ctx.lang).filter { $0.action != .open } + [
            Binding.table(.refer, label: ctx.t(.refer), help: ctx.t(.referToAnOrganisationThe), group: g),
            Binding.table(.edit, label: ctx.t(.edit2), group: g),
            Binding.table(.closeIntake, label: intake.status == .afgesloten ? ctx.t(.reopen) : ctx.t(.close),
                    help: ctx.t(.closeOrReopenTheRetention), group: g),
            Binding.table(.history, label: ctx.t(.history2), help: ctx.t(.everyConversationReferralAndDisclosure), group: g),
            Binding.table(.eraseIntake, label: ctx.t(.erase), help: ctx.t(.eraseAllConversationDataOf), group: g),
        ] + (intake.referrals.isEmpty || ctx.shared ? [] : [
            Binding.table(.printReceipt, label: ctx.t(.printReceipt),
                    help: ctx.t(.showTheLatestReferralS), group: g),
        ]) + (intake.referrals.isEmpty ? [] : [
            // Both show the receipt of the latest referral and print or mail it; ←/→ there choose
            // another. Served over SSH nothing is written on the server, so only mail is offered.
            Binding.table(.mailReceipt, label: ctx.t(.mailReceipt),
                    help: ctx.t(.showTheLatestReferralS2), group: g),
        ])
    }

    /// Opening is recorded in the audit log: only a person's own action reads it again.
    var refreshesLive: Bool { false }

    func willAppear(_ ctx: UIContext) {
        do { intake = try ctx.store.perform(.openIntake(id), as: ctx.viewer) } catch {
            intake = nil
            ctx.fail(error)
        }
    }

    func handle(_ action: Action, _ ctx: UIContext) {
        if confirmingErase {
            confirmingErase = false
            guard action == .confirm else { return ctx.inform(ctx.t(.nothingWasErased)) }
            do {
                let n = try ctx.store.perform(.eraseIntakes(ofPersonIn: id), as: ctx.viewer)
                ctx.pop()
                ctx.inform(ctx.t(.conversationSOfThisPerson(n)))
            } catch { ctx.fail(error) }
            return
        }
        guard let intake else { return }
        switch action {
        case .up, .down, .pageUp, .pageDown, .first, .last: _ = scroll.apply(action)
        case .edit:
            if let draft = try? ctx.store.intakeDraft(by: ctx.viewer), draft.editing != id {
                return ctx.fail(ctx.t(.youStillHaveAnUnsaved(ctx.key(.create))))
            }
            ctx.push(IntakeFormScreen(editing: intake, ctx))
        case .refer:
            if intake.status == .afgesloten {
                return ctx.fail(CoreError.intakeAlreadyClosed)
            }
            ctx.push(ReferralScreen(intake: intake, ctx))
        case .closeIntake:
            do {
                self.intake = try ctx.store.perform(.setIntakeStatus(id, intake.status == .afgesloten ? .open : .afgesloten), as: ctx.viewer)
                ctx.inform(self.intake?.status == .afgesloten
                           ? ctx.t(.conversationClosedItWillBe(ctx.store.settings.intakeRetentionMonths))
                           : ctx.t(.conversationReopened))
            } catch { ctx.fail(error) }
        case .history: ctx.push(IntakeHistoryScreen(id: id, ctx))
        case .printReceipt, .mailReceipt:
            guard !intake.referrals.isEmpty else { return }
            ctx.push(ReceiptScreen(intake: intake, then: action))
        case .eraseIntake:
            do {
                eraseCount = try ctx.store.perform(.intakeCountOfPerson(of: id), as: ctx.viewer)
                confirmingErase = true
            } catch { ctx.fail(error) }
        default: break
        }
    }

    func render(into g: inout Grid, area: Rect, _ ctx: UIContext) {
        guard let intake else {
            return drawRefusal(ctx.t(.thisConversationDoesNotExist), into: &g, area: area)
        }
        if confirmingErase {
            let lines = [(ctx.t(.eraseAllConversationDataOf2), StyleRole.error),
                         (ctx.t(.thisErasesConversationSSee(eraseCount, ctx.key(.history))), .normal),
                         ] + (intake.person.account != nil ? [] : [
                         (ctx.t(.thisConversationIsLinkedTo), .normal),
                         ]) + [
                         ("", .normal),
                         (ctx.t(.yYesEraseNOr(ctx.yesKey, ctx.noKeys)), .key)]
            return scroll.draw(lines.flatMap { l in TextWidth.wrap(l.0, to: area.width - 4).map { ($0, l.1) } }, into: &g, area: area)
        }
        scroll.draw(IntakeLines.detail(intake, ctx, width: area.width - 4), into: &g, area: area)
    }
}

/// The lines that describe an intake, shared by the detail and history screens.
enum IntakeLines {
    static func detail(_ i: Intake, _ ctx: UIContext, width: Int) -> [(String, StyleRole)] {
        let names = ctx.store.intakeNames(i, by: ctx.viewer)
        var out: [(String, StyleRole)] = []
        func wrap(_ text: String, _ role: StyleRole = .normal, indent: String = "  ") {
            for l in TextWidth.wrap(TextSanitizer.sanitize(text, keepNewlines: true), to: max(width - indent.count, 10)) { out.append((indent + l, role)) }
        }
        func field(_ label: String, _ value: String) {
            if !value.isEmpty { out.append(("  " + TextWidth.pad(label, to: 14) + safe(value), .normal)) }
        }
        out.append((i.person.name.isEmpty ? ctx.t(.noName) : safe(i.person.name), .title))
        let staff = names.staff ?? ctx.t(.staffMember)
        out.append((ctx.t(.status) + i.status.label(ctx.language) + " · " + ctx.t(.subject3) + i.category.label(ctx.language), .normal))
        out.append((ctx.t(.recorded) + DateText.short(i.created, ctx) + ctx.t(.by4) + safe(staff)
                    + (i.closed.map { ctx.t(.closed) + DateText.short($0, ctx) } ?? ""), .muted))
        out.append(("", .normal))
        out.append((ctx.t(.question2), .header))
        wrap(i.question)
        out.append(("", .normal))
        out.append((ctx.t(.person), .header))
        field(ctx.t(.phone2), i.person.phone)
        field("E-mail", i.person.email)
        field(ctx.t(.address2), IntakeField.address.value(in: i))
        field(ctx.t(.neighbourhood), ctx.store.wijkName(i.person.wijk))
        if let a = i.person.account {
            field("Account", ctx.t(.linked) + (names.linked ?? "#\(a)") + ")")
        } else {
            field("Account", ctx.t(.notLinked))
        }
        out.append(("", .normal))
        out.append((ctx.t(.notesOnlyPassedOnWhen), .header))
        if i.notes.isEmpty { out.append(("  " + ctx.t(.none), .muted)) } else { wrap(i.notes) }
        out.append(("", .normal))
        out.append((ctx.t(.referrals), .header))
        if i.referrals.isEmpty { out.append(("  " + ctx.t(.noneYetPressDTo(ctx.key(.refer))), .muted)) }
        for r in i.referrals { wrap(referral(r, ctx)) }
        return out
    }

    /// "25-11-2026 aan Voedselbank Borne door Lotte: naam, telefoonnummer, vraag. Doel: …"
    static func referral(_ r: Referral, _ ctx: UIContext) -> String {
        DateText.short(r.at, ctx) + ctx.t(.to3) + r.organisationName + ctx.t(.by4) + r.staffName + ": "
            + r.fields.map { $0.label(ctx.language) }.joined(separator: ", ") + ". " + ctx.t(.purpose) + r.purpose
            + ". " + ctx.t(.residentTold)
    }
}
