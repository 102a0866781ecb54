import Foundation
import SociaalHusCore
import TerminalKit

/// Signing up for one occurrence of an activity, or asking to be reminded of it: for an
/// account which details the organiser may see and the reminder; for a visitor a name and an
/// address (where the confirmation goes, and how the organiser reaches them).
final class SignUpScreen: FormScreen {
    private let id: AgendaItemID
    private let occurrence: Date
    private let reminderOnly: Bool

    /// The reminder choices, in days ahead (nil: none).
    static let remindChoices: [Int?] = [1, 2, 3, 7, 0, nil]

    private let title: String

    init(_ o: Occurrence, reminderOnly: Bool, _ ctx: UIContext) {
        id = o.item.id
        occurrence = o.start
        title = o.item.title
        self.reminderOnly = reminderOnly
        super.init(Self.makeForm(o, reminderOnly: reminderOnly, mine: ctx.store.signUpSummary(o.item.id, at: o.start, for: ctx.viewer)?.mine, ctx))
    }

    // A static function, not inline in init: closures in a form literal inside an initialiser
    // crash the release-mode optimiser (see AgendaEditScreen).
    private static func makeForm(_ o: Occurrence, reminderOnly: Bool, mine: SignUp?, _ ctx: UIContext) -> Form {
        let when = DateText.day(o.start, ctx) + ", " + DateText.timeRange(o, ctx)
        var rows = [FormField("what", safe(o.item.title) + " — " + when, .note(.title))]
        let me = ctx.viewer.activeAccount
        if me == nil {
            rows += [
                FormField("name", ctx.t(.name), .text(TextField("", limit: Field.senderName.limit))),
                FormField("email", ctx.t(.eMail), .text(TextField("", limit: Field.senderEmail.limit))),
                FormField("about", ctx.t(reminderOnly ? .visitorReminderNote : .visitorSignUpNote), .note(.muted)),
            ]
        } else if !reminderOnly {
            rows += [
                FormField("showEmail", ctx.t(.showOrganiserMyEmail), .toggle(mine?.showEmail ?? false)),
                FormField("showPhone", ctx.t(.showOrganiserMyPhone), .toggle(mine?.showPhone ?? false)),
                FormField("about", ctx.t(.organiserSeesNameAsProfile), .note(.muted)),
            ]
        }
        let remind = remindChoices.firstIndex { $0 == (mine?.remindDays ?? (mine == nil ? 1 : nil)) } ?? 0
        rows.append(FormField("remind", ctx.t(.reminderByEmail), .cycle(options: remindChoices.map { ctx.t(remindWord($0)) }, selected: remind)))
        // Already signed up (or reminded): save changes, or cancel it.
        if let mine {
            rows.append(FormField("state", ctx.t(mine.state.word), .note(.muted)))
            rows.append(FormField("save", ctx.t(.save), .button))
            rows.append(FormField("cancel", ctx.t(reminderOnly ? .noReminder2 : .cancelMySignUp), .button))
        } else {
            rows.append(FormField("save", ctx.t(reminderOnly ? .remindMe : .signUpButton), .button))
        }
        return Form(rows, labelWidth: 26)
    }

    /// How a reminder choice reads.
    static func remindWord(_ days: Int?) -> Word {
        switch days {
        case nil: .noReminder
        case 0?: .onTheDayItself
        case 1?: .oneDayAhead
        case let n?: .daysAhead(n)
        }
    }

    override func title(_ ctx: UIContext) -> String { ctx.t(reminderOnly ? .remindMe : .signUpButton) }

    override func pressed(_ id: String, _ ctx: UIContext) {
        if id == "cancel" { return cancel(ctx) }
        guard id == "save" else { return }
        let name = form.text("name"), email = form.text("email")
        if ctx.viewer.activeAccount == nil {
            guard check([
                ("name", Field.senderName.label(ctx.language), { _ = try validated(name, .senderName) }),
                ("email", Field.senderEmail.label(ctx.language), { _ = try EmailAddress.normalise(email) }),
            ], ctx) else { return }
        }
        let days = Self.remindChoices[min(form.choice("remind"), Self.remindChoices.count - 1)]
        if reminderOnly && days == nil {
            ctx.fail(ctx.t(.chooseWhenToBeReminded))
            form.focus(on: "remind")
            return
        }
        let request = SignUpRequest(reminderOnly: reminderOnly, showEmail: form.bool("showEmail"), showPhone: form.bool("showPhone"),
                                    remindDays: days, visitorName: name, visitorEmail: email)
        do {
            let row = try ctx.store.perform(.signUp(self.id, at: occurrence, request), as: ctx.viewer)
            ctx.pop()
            switch row.state {
            case .place: ctx.inform(ctx.t(.youAreSignedUp))
            case .waiting: ctx.inform(ctx.t(.youAreOnTheWaitingList))
            case .reminder: ctx.inform(ctx.t(.weWillRemindYou))
            }
        } catch { ctx.fail(error) }
    }

    /// Cancels the sign-up or reminder, asked first.
    private func cancel(_ ctx: UIContext) {
        let when = DateText.day(occurrence, ctx), item = id, at = occurrence, reminderOnly = reminderOnly
        ctx.confirm(ctx.t(reminderOnly ? .stopReminderQuestion(safe(title), when) : .cancelSignUpQuestion(safe(title), when)),
                    undo: ctx.t(reminderOnly ? .canAskReminderAgain : .canSignUpAgainIfRoom)) {
            do {
                try ctx.store.perform(.cancelSignUp(item, at: at), as: ctx.viewer)
                ctx.pop()
                ctx.inform(ctx.t(reminderOnly ? .reminderStopped : .signUpCancelled))
            } catch { ctx.fail(error) }
        }
    }
}
