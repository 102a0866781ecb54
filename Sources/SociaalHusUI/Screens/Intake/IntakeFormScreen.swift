import Foundation
import SociaalHusCore
import TerminalKit

/// The form for a conversation, in the order of the conversation: the question first, then
/// who the person is and how to reach them, the staff member's notes last. What is typed is
/// kept as the staff member's draft whenever they move between fields, leave the form (Esc),
/// switch tabs, log out or are logged out, and comes back the next time they open the form;
/// only "Concept weggooien" throws it away, and it asks first. So Esc never asks
/// "discard?" here.
///
/// A conversation is linked to an account only explicitly: the form shows whose
/// account the e-mail address belongs to, the staff member ticks "link" and, once the resident
/// agrees, "agreed"; a tick never carries over to another account when the address changes.
final class IntakeFormScreen: FormScreen {
    private var editing: IntakeID?
    /// Set once saved or thrown away, so leaving does not keep a draft.
    private var finished = false
    private var match: AccountMatch?
    /// The account the link ticks are about: the match they were ticked for, or the recorded link.
    private var ticksFor: AccountID?
    private let wijken: [Wijk]

    /// Opens the form: the staff member's draft if they have one for this conversation (or,
    /// for a new one, any draft), else the conversation as recorded, else empty.
    init(editing intake: Intake?, _ ctx: UIContext) {
        editing = intake?.id
        wijken = ctx.store.wijken
        var input = IntakeInput()
        var restored = false
        if let draft = try? ctx.store.intakeDraft(by: ctx.viewer), intake == nil || draft.editing == intake?.id {
            editing = draft.editing
            input = draft.input
            restored = true
        } else if let intake {
            input = IntakeInput(intake)
        }
        super.init(Form([], labelWidth: 18))
        form = Self.makeForm(input, wijken: wijken, ctx)
        if restored {
            form.markEdited()
            ctx.inform(ctx.t(.yourUnsavedConversationWasRestored))
        }
        ticksFor = input.account
        lookUpMatch(ctx)
    }

    private static func makeForm(_ i: IntakeInput, wijken: [Wijk], _ ctx: UIContext) -> Form {
        func text(_ id: String, _ label: String, _ value: String, _ limit: Int) -> FormField {
            var f = TextField(limit: limit)
            f.text = value
            return FormField(id, label, .text(f))
        }
        let categories = IntakeCategory.allCases
        let wijkOptions = [ctx.t(.unknown)] + wijken.map { safe($0.name) }
        let wijkIndex = i.wijk.flatMap { w in wijken.firstIndex { $0.id == w } }.map { $0 + 1 } ?? 0
        return Form([
            FormField("intro", ctx.t(.theQuestionFirstThenContact), .note(.muted)),
            FormField("question", ctx.t(.question), .area(TextArea(i.question, limit: Field.question.limit, rows: 3))),
            FormField("category", ctx.t(.subject2),
                      .cycle(options: categories.map { $0.label(ctx.language) }, selected: categories.firstIndex(of: i.category) ?? 0)),
            text("name", ctx.t(.name2), i.name, Field.name.limit),
            text("phone", ctx.t(.phone2), i.phone, Field.phone.limit),
            text("email", "E-mail", i.email, Field.email.limit),
            FormField("link", "", .toggle(i.account != nil)),
            // Never restored from a draft: the resident agrees at the desk, when it is saved.
            FormField("agreed", ctx.t(.theResidentAgreesToLinking), .toggle(false)),
            text("address", ctx.t(.address2), i.address, Field.address.limit),
            text("postcode", "Postcode", i.postcode, Field.postcode.limit),
            text("place", ctx.t(.place), i.place, Field.place.limit),
            FormField("wijk", ctx.t(.neighbourhood), .cycle(options: wijkOptions, selected: wijkIndex)),
            FormField("notes", ctx.t(.notes), .area(TextArea(i.notes, limit: Field.notes.limit, rows: 3))),
            FormField("contactNote", ctx.t(.requiredAndPhoneEMail), .note(.muted)),
            FormField("save", ctx.t(.save), .button),
            FormField("discard", ctx.t(.discardDraft), .button),
        ], labelWidth: 14)
    }

    override func title(_ ctx: UIContext) -> String {
        editing == nil ? ctx.t(.newConversation) : ctx.t(.editConversation)
    }

    /// The resident's agreement to the link, when both boxes are ticked for the account shown.
    private func consent() -> LinkConsent? {
        guard form.bool("link"), form.bool("agreed"), let m = match, m.id == ticksFor else { return nil }
        return LinkConsent(account: m.id)
    }

    /// The form as core input (the link only when ticked and an account was found).
    private func input() -> IntakeInput {
        let categories = IntakeCategory.allCases
        let w = form.choice("wijk")
        return IntakeInput(category: categories[min(form.choice("category"), categories.count - 1)], question: form.text("question"),
                           notes: form.text("notes"), name: form.text("name"), phone: form.text("phone"), email: form.text("email"),
                           address: form.text("address"), postcode: form.text("postcode"), place: form.text("place"),
                           wijk: w > 0 && w <= wijken.count ? wijken[w - 1].id : nil,
                           account: form.bool("link") ? match?.id : nil)
    }

    /// Looks the typed e-mail address up among the accounts (showing another account is logged
    /// for its holder) and says whose account ticking the box would link. Ticks made for one
    /// account are cleared when the address leads to another.
    private func lookUpMatch(_ ctx: UIContext) {
        match = try? ctx.store.perform(.accountMatch(email: form.text("email"), shown: match), as: ctx.viewer)
        if let m = match {
            if m.id != ticksFor {
                form.setBool("link", false)
                form.setBool("agreed", false)
                ticksFor = m.id
            }
            let wijk = ctx.store.wijk(m.wijk)?.name ?? ""
            form.setLabel("link", ctx.t(.linkAccount) + safe(m.name) + " (" + safe(wijk) + ")")
        } else {
            form.setLabel("link", ctx.t(.linkAccountNoneFound))
        }
    }

    override var hasUnsavedInput: Bool { false }

    /// Kept as a draft on leaving, but typed all the same: a session ended by a block cannot
    /// keep it (the core refuses a blocked account's draft).
    override var hasTypedInput: Bool { form.edited && !finished }

    private func keepDraft(_ ctx: UIContext) {
        guard form.edited, !finished else { return }
        do { try ctx.store.perform(.saveIntakeDraft(input(), editing: editing), as: ctx.viewer) } catch { ctx.fail(error) }
    }

    override func handle(_ action: Action, _ ctx: UIContext) {
        let before = form.focusedID
        super.handle(action, ctx)
        if form.focusedID != before {
            if before == "email" { lookUpMatch(ctx) }
            keepDraft(ctx)
        }
    }

    override func handleKey(_ key: Key, _ ctx: UIContext) -> Bool {
        let before = form.focusedID
        let used = super.handleKey(key, ctx)
        if form.focusedID != before {
            if before == "email" { lookUpMatch(ctx) }
            keepDraft(ctx)
        }
        return used
    }

    override func willDisappear(_ ctx: UIContext) {
        guard form.edited, !finished else { return }
        keepDraft(ctx)
        ctx.inform(ctx.t(.notSavedButKeptAs(ctx.key(.create))))
    }

    override func pressed(_ id: String, _ ctx: UIContext) {
        if id == "discard" {
            let discard = { [self] in
                do {
                    try ctx.store.perform(.discardIntakeDraft(), as: ctx.viewer)
                    finished = true
                    ctx.pop()
                    ctx.inform(ctx.t(.draftDiscardedNothingWasSaved))
                } catch { ctx.fail(error) }
            }
            // One key would throw away a whole conversation: ask, unless nothing was typed
            //. Any answer but j/y (Esc, n, Enter) keeps the draft and the form.
            guard form.edited else { return discard() }
            ctx.confirm(ctx.t(.discardTheDraftOfThis),
                        perform: discard)
            return
        }
        guard id == "save" else { return }
        // The fields' own problems at once, each under its field; the core checks the rest.
        let question = form.text("question"), phone = form.text("phone"), email = form.text("email"), postcode = form.text("postcode")
        func optional(_ text: String, _ normalise: @escaping (String) throws -> String) -> () throws -> Void {
            { if !text.trimmingCharacters(in: .whitespaces).isEmpty { _ = try normalise(text) } }
        }
        guard check([
            ("question", Field.question.label(ctx.language), { _ = try validated(question, .question) }),
            ("phone", Field.phone.label(ctx.language), optional(phone, PhoneNumber.normalise)),
            ("email", Field.email.label(ctx.language), optional(email, EmailAddress.normalise)),
            ("postcode", Field.postcode.label(ctx.language), optional(postcode, Postcode.normalise)),
        ], ctx) else {
            keepDraft(ctx)
            return
        }
        lookUpMatch(ctx)
        if form.bool("link"), match == nil {
            form.focus(on: "email")
            return ctx.fail(CoreError.unknownAccount(email: form.text("email")))
        }
        do {
            if let editing {
                try ctx.store.perform(.updateIntake(editing, input(), consent: consent()), as: ctx.viewer)
                finished = true
                ctx.pop()
            } else {
                let intake = try ctx.store.perform(.createIntake(input(), consent: consent()), as: ctx.viewer)
                finished = true
                ctx.pop()
                ctx.push(IntakeDetailScreen(id: intake.id, ctx))
            }
            ctx.inform(ctx.t(.conversationSaved))
        } catch {
            // Keep everything typed, and keep it as a draft too.
            keepDraft(ctx)
            if case CoreError.linkNotAgreed = error {
                form.focus(on: "agreed")
                form.setErrors([("agreed", CoreError.linkNotAgreed.message(ctx.language))])
            }
            ctx.fail(error)
        }
    }
}
