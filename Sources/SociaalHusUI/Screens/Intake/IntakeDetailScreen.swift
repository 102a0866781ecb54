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

    func title(_ ctx: UIContext) -> String { ctx.t("Gesprek", "Conversation") }

    func bindings(_ ctx: UIContext) -> [Binding<Action>] {
        let g = ctx.t("Gesprek", "Conversation")
        if confirmingErase {
            return [Binding(.eraseIntake, [.char("j"), .char("y")], label: ctx.t("Ja, wissen", "Yes, erase"), group: g),
                    Binding(.back, [.char("n"), .escape], label: ctx.t("Nee", "No"), group: g)]
        }
        guard let intake else { return [] }
        return KeyTable.list(ctx.lang).filter { $0.action != .open } + [
            Binding(.refer, [.char("d")], label: ctx.t("Doorverwijzen", "Refer"), help: ctx.t("Doorverwijzen naar een organisatie; de bewoner wordt eerst verteld wat je doorgeeft", "Refer to an organisation; the resident is told first what you pass on"), group: g),
            Binding(.edit, [.char("e")], label: ctx.t("Wijzigen", "Edit"), group: g),
            Binding(.closeIntake, [.char("a")], label: intake.status == .afgesloten ? ctx.t("Heropenen", "Reopen") : ctx.t("Afsluiten", "Close"),
                    help: ctx.t("Gesprek afsluiten of heropenen; de bewaartermijn telt vanaf het afsluiten", "Close or reopen; the retention period counts from closing"), group: g),
            Binding(.history, [.char("h")], label: ctx.t("Geschiedenis", "History"), help: ctx.t("Alle gesprekken, doorverwijzingen en verstrekkingen van deze persoon", "Every conversation, referral and disclosure of this person"), group: g),
            Binding(.eraseIntake, [.char("x")], label: ctx.t("Wissen", "Erase"), help: ctx.t("Alle gespreksgegevens van deze persoon wissen (op verzoek)", "Erase all conversation data of this person (on request)"), group: g),
        ] + (intake.referrals.isEmpty || ctx.shared ? [] : [
            Binding(.printReceipt, [.char("p")], label: ctx.t("Bon printen", "Print receipt"),
                    help: ctx.t("De bon van de laatste doorverwijzing tonen en als tekstbestand zetten om af te drukken", "Show the latest referral's receipt and write it as a text file to print"), group: g),
        ]) + (intake.referrals.isEmpty ? [] : [
            // Both show the receipt of the latest referral and print or mail it; ←/→ there choose
            // another. Served over SSH nothing is written on the server, so only mail is offered.
            Binding(.mailReceipt, [.char("m")], label: ctx.t("Bon mailen", "Mail receipt"),
                    help: ctx.t("De bon van de laatste doorverwijzing tonen en naar de bewoner mailen (na een vraag)", "Show the latest referral's receipt and mail it to the resident (after a question)"), group: g),
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
            guard action == .eraseIntake else { return ctx.inform(ctx.t("Er is niets gewist.", "Nothing was erased.")) }
            do {
                let n = try ctx.store.perform(.eraseIntakes(ofPersonIn: id), as: ctx.viewer)
                ctx.pop()
                ctx.inform(ctx.t("\(n) gesprek(ken) van deze persoon gewist, met doorverwijzingen en berichten.",
                                 "\(n) conversation(s) of this person erased, with referrals and messages."))
            } catch { ctx.fail(error) }
            return
        }
        guard let intake else { return }
        switch action {
        case .up, .down, .pageUp, .pageDown, .first, .last: _ = scroll.apply(action)
        case .edit:
            if let draft = try? ctx.store.intakeDraft(by: ctx.viewer), draft.editing != id {
                return ctx.fail(ctx.t("Je hebt nog een niet-opgeslagen gesprek. Rond dat eerst af: ga terug naar de lijst en druk op n.",
                                      "You still have an unsaved conversation. Finish it first: go back to the list and press n."))
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
                           ? ctx.t("Gesprek afgesloten; het wordt na \(ctx.store.settings.intakeRetentionMonths) maanden gewist.",
                                   "Conversation closed; it will be erased after \(ctx.store.settings.intakeRetentionMonths) months.")
                           : ctx.t("Gesprek heropend.", "Conversation reopened."))
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
            return drawRefusal(ctx.t("Dit gesprek bestaat niet (meer).", "This conversation does not exist (any more)."), into: &g, area: area)
        }
        if confirmingErase {
            let lines = [(ctx.t("Alle gespreksgegevens van deze persoon wissen?", "Erase all conversation data of this person?"), StyleRole.error),
                         (ctx.t("Dit wist \(eraseCount) gesprek(ken) (zie h, geschiedenis) met elke doorverwijzing en elk wachtend bericht, uit alle bestanden.",
                                "This erases \(eraseCount) conversation(s) (see h, history) with every referral and waiting message, from every file."), .normal),
                         ] + (intake.person.account != nil ? [] : [
                         (ctx.t("Dit gesprek is aan geen account gekoppeld: alleen dit gesprek gaat. Andere gesprekken van dezelfde bewoner wis je elk apart; lijken is niet hetzelfde als zijn.",
                                "This conversation is linked to no account: only this one goes. Erase other conversations of the same resident one by one; alike is not the same."), .normal),
                         ]) + [
                         ("", .normal),
                         (ctx.t("j = ja, wissen   n of Esc = nee", "y = yes, erase   n or Esc = no"), .key)]
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
        out.append((i.person.name.isEmpty ? ctx.t("(geen naam)", "(no name)") : safe(i.person.name), .title))
        let staff = names.staff ?? ctx.t("een baliemedewerker", "a staff member")
        out.append((ctx.t("Status: ", "Status: ") + i.status.label(ctx.language) + " · " + ctx.t("onderwerp: ", "subject: ") + i.category.label(ctx.language), .normal))
        out.append((ctx.t("Vastgelegd ", "Recorded ") + DateText.short(i.created, ctx) + ctx.t(" door ", " by ") + safe(staff)
                    + (i.closed.map { ctx.t(" · afgesloten ", " · closed ") + DateText.short($0, ctx) } ?? ""), .muted))
        out.append(("", .normal))
        out.append((ctx.t("Vraag", "Question"), .header))
        wrap(i.question)
        out.append(("", .normal))
        out.append((ctx.t("Persoon", "Person"), .header))
        field(ctx.t("Telefoon", "Phone"), i.person.phone)
        field("E-mail", i.person.email)
        field(ctx.t("Adres", "Address"), IntakeField.address.value(in: i))
        field(ctx.t("Wijk", "Neighbourhood"), ctx.store.wijkName(i.person.wijk))
        if let a = i.person.account {
            field("Account", ctx.t("gekoppeld (", "linked (") + (names.linked ?? "#\(a)") + ")")
        } else {
            field("Account", ctx.t("niet gekoppeld", "not linked"))
        }
        out.append(("", .normal))
        out.append((ctx.t("Aantekeningen (alleen doorgegeven als aangevinkt)", "Notes (only passed on when ticked)"), .header))
        if i.notes.isEmpty { out.append(("  " + ctx.t("geen", "none"), .muted)) } else { wrap(i.notes) }
        out.append(("", .normal))
        out.append((ctx.t("Doorverwijzingen", "Referrals"), .header))
        if i.referrals.isEmpty { out.append(("  " + ctx.t("nog geen; druk op d om door te verwijzen", "none yet; press d to refer"), .muted)) }
        for r in i.referrals { wrap(referral(r, ctx)) }
        return out
    }

    /// "25-11-2026 aan Voedselbank Borne door Lotte: naam, telefoonnummer, vraag. Doel: …"
    static func referral(_ r: Referral, _ ctx: UIContext) -> String {
        DateText.short(r.at, ctx) + ctx.t(" aan ", " to ") + r.organisationName + ctx.t(" door ", " by ") + r.staffName + ": "
            + r.fields.map { $0.label(ctx.language) }.joined(separator: ", ") + ". " + ctx.t("Doel: ", "Purpose: ") + r.purpose
            + ". " + ctx.t("Bewoner ingelicht.", "Resident told.")
    }
}
