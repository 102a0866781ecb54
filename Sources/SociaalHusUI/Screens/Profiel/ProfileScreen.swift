import Foundation
import SociaalHusCore
import TerminalKit

/// Profiel (logged in): name, wijk, photo, visibility with a live preview of what others see,
/// the four e-mail toggles, interest areas, phone and address; and the ways to Mijn gegevens,
/// a new password and logging out.
final class ProfileScreen: Screen {
    private var form: Form
    private let wijken: [Wijk]
    /// The photo field's text that matches what the store holds, so only a change is saved.
    private var savedPhotoText = ""
    /// The profile as the form was filled from: a save over a newer one (the same person at
    /// another terminal) is refused.
    private var loadedProfile: Profile?
    private static let labelWidth = 14

    /// Creates the screen with the logged-in person's profile as the store holds it now.
    init(_ ctx: UIContext) {
        wijken = ctx.store.wijken
        form = Form([], labelWidth: Self.labelWidth)
        load(ctx)
    }

    // MARK: Building the form

    /// Fills the form from the store, keeping the focus where it was.
    private func load(_ ctx: UIContext) {
        let focused = form.focusedID
        guard let account = ctx.account else {
            form = Form([], labelWidth: Self.labelWidth)
            return
        }
        let p = account.profile
        loadedProfile = p
        savedPhotoText = p.photo.map { ctx.store.path + "/photos/" + $0 } ?? ""
        let wijkIndex = wijken.firstIndex { $0.id == p.wijk } ?? 0
        let visibilityIndex = ProfileVisibility.allCases.firstIndex(of: p.visibility) ?? 0
        // The ways to other screens come first, and the profile opens on the first of them: on a
        // button the letters g, p, v and l work and the digits switch screens, where a text field
        // would take them and a choice keeps them from acting (someone typing there, thinking it
        // a text field, would otherwise set off a shortcut).
        var fields: [FormField] = [
            FormField("myData", "", .button),
            FormField("password", "", .button),
            FormField("wijkCheck", "", .button),
            FormField("logout", "", .button),
            FormField("gap0", "", .note(.normal)),
            FormField("name", "", .text(TextField(p.displayName, limit: Field.name.limit))),
            FormField("wijk", ctx.t(.neighbourhood), .choice(options: wijken.map { safe($0.name) }, selected: wijkIndex)),
            FormField("wijkState", "", .note(.muted)),
        ]
        // Served to others the photo is no path on this computer: only whether there
        // is one, how to get one, and a button to take it away.
        fields += ctx.shared
            ? [FormField("photo", "", .note(.normal)), FormField("photoHint", "", .note(.muted))]
                + (p.photo == nil ? [] : [FormField("removePhoto", "", .button)])
            : [FormField("photo", "", .text(TextField(savedPhotoText, limit: 4096))), FormField("photoHint", "", .note(.muted))]
        fields += [
            FormField("visibility", "", .choice(options: [], selected: visibilityIndex)),
            FormField("explain.0", "", .note(.muted)),
            FormField("explain.1", "", .note(.muted)),
            FormField("previewHeader", "", .note(.header)),
            FormField("preview.0", "", .note(.normal)),
            FormField("preview.1", "", .note(.normal)),
            FormField("preview.2", "", .note(.normal)),
            FormField("gap1", "", .note(.normal)),
            FormField("mailHeader", "", .note(.header)),
        ]
        fields += EmailKind.allCases.map { FormField("mail-" + $0.rawValue, "", .toggle(p.email[$0])) }
        fields += [
            FormField("digest", "", .choice(options: DigestRhythm.allCases.map { _ in "" },
                                            selected: DigestRhythm.allCases.firstIndex(of: p.digest) ?? 0)),
            FormField("gap2", "", .note(.normal)),
            FormField("detailsHeader", "", .note(.header)),
            FormField("phone", "", .text(TextField(p.phone ?? "", limit: Field.phone.limit))),
            FormField("address", "", .text(TextField(p.address ?? "", limit: Field.address.limit))),
            FormField("private.0", "", .note(.muted)),
            FormField("private.1", "", .note(.muted)),
            FormField("interestsHeader", "", .note(.header)),
            FormField("interestsHint.0", "", .note(.muted)),
            FormField("interestsHint.1", "", .note(.muted)),
        ]
        // One tick box per category of the platform's list: picked with the keyboard, asked one
        // by one in plain mode (an empty line keeps each), never a word that matches nothing.
        // After the contact details, so those are reached without passing the whole list.
        let mine = Set(p.interestCategories)
        fields += PlatformCategory.all.map { FormField("interest-" + $0.key, "", .toggle(mine.contains($0))) }
        if !p.unlistedInterests.isEmpty {
            fields += [FormField("unlisted.0", "", .note(.muted)), FormField("unlisted.1", "", .note(.muted))]
        }
        fields += [FormField("save", "", .button)]
        form = Form(fields, labelWidth: Self.labelWidth)
        // Ctrl-S saves, whatever button comes first (removing a photo, opening Mijn gegevens).
        form.submitID = "save"
        form.focus(on: focused ?? "myData")
        setLabels(ctx)
    }

    /// Whether the wijk is verified, in words (and, if not, what that means and how to change it).
    static func wijkState(_ a: Account?, _ ctx: UIContext) -> String {
        guard let a else { return "" }
        if a.wijkVerified { return ctx.t(.neighbourhoodVerified2) }
        switch a.wijkCheck?.state {
        case .letterAsked?: return ctx.t(.neighbourhoodStatedLetterWithCode)
        case .letterWritten?: return ctx.t(.neighbourhoodStatedLetterWithCode2)
        default: return ctx.t(.neighbourhoodStatedNotVerifiedYou)
        }
    }

    /// Labels and choices in the interface language, and the wijk's state as the store holds it:
    /// set when the form is filled and when the screen comes into view, so keys (the visibility
    /// choice, Ctrl-S naming the button) work on them before anything is drawn.
    private func setLabels(_ ctx: UIContext) {
        var labels: [String: String] = [
            "name": ctx.t(.name2),
            "photo": ctx.t(.photoPath),
            "photoHint": ctx.t(.jpegOrPngAtMost(PhotoType.maximumSize / 1_048_576)),
            "visibility": ctx.t(.whoSeesYou),
            "previewHeader": ctx.t(.howOthersSeeYouWith),
            "mailHeader": ctx.t(.whichEMailsDoYou2),
            "digest": ctx.t(.notifications),
            "detailsHeader": ctx.t(.contactDetailsHeader),
            "interestsHeader": ctx.t(.interests2),
            "phone": ctx.t(.phone2),
            "address": ctx.t(.address2),
            "save": ctx.t(.save),
            "myData": ctx.t(.myDataG(ctx.key(.myData))),
            "password": ctx.t(.changePasswordP(ctx.key(.changePassword))),
            "logout": ctx.t(.logOutL(ctx.key(.logout))),
            "wijkCheck": ctx.t(.verifyNeighbourhoodV(ctx.key(.verifyWijk))),
            "wijkState": Self.wijkState(ctx.account, ctx),
        ]
        if ctx.shared {
            let hasPhoto = ctx.account?.profile.photo != nil
            labels["photo"] = hasPhoto ? ctx.t(.photoYouHavePhoto)
                                       : ctx.t(.photoNone)
            labels["photoHint"] = ctx.t(.photoIsNotChosenRemotely)
            labels["removePhoto"] = ctx.t(.removePhoto)
        }
        for i in form.fields.indices {
            let id = form.fields[i].id
            if let label = labels[id] { form.fields[i].label = label }
            if id == "digest", case .choice(_, let s) = form.fields[i].kind {
                form.fields[i].kind = .choice(options: DigestRhythm.allCases.map { ctx.t($0.word) }, selected: s)
            }
            if id == "visibility", case .choice(_, let s) = form.fields[i].kind {
                form.fields[i].kind = .choice(options: ProfileVisibility.allCases.map { $0.label(ctx.language) }, selected: s)
            }
            if id.hasPrefix("interest-"), let c = PlatformCategory(matching: String(id.dropFirst(9))) {
                form.fields[i].label = ctx.t(c.word)
            }
            if id.hasPrefix("mail-"), let kind = EmailKind(rawValue: String(id.dropFirst(5))) {
                form.fields[i].label = kind.label(ctx.language)
            }
        }
    }

    /// The selected visibility level.
    private var visibility: ProfileVisibility {
        let all = ProfileVisibility.allCases
        return all[min(form.choice("visibility"), all.count - 1)]
    }

    /// The account as it would be after saving the form (a copy for the preview; nothing is stored).
    private func pending(_ account: Account, shared: Bool) -> Account {
        var a = account
        a.profile.displayName = form.text("name").trimmingCharacters(in: .whitespacesAndNewlines)
        if wijken.indices.contains(form.choice("wijk")) { a.profile.wijk = wijken[form.choice("wijk")].id }
        a.profile.visibility = visibility
        // The preview only needs to know whether there will be a photo.
        if !shared {
            a.profile.photo = form.text("photo").trimmingCharacters(in: .whitespaces).isEmpty ? nil : "preview"
        }
        return a
    }

    // MARK: Keys

    func title(_ ctx: UIContext) -> String { ctx.t(.profile) }

    func bindings(_ ctx: UIContext) -> [Binding<Action>] {
        var b = KeyTable.form(ctx.lang, form: form)
        // Letters are shortcuts only while no text field, tick box or row of options has focus.
        if !capturesText && !focusIsOnChoice {
            let group = ctx.t(.profile)
            b += [
                Binding.table(.myData, label: ctx.t(.myData),
                        help: ctx.t(.everythingSociaalhusHoldsAboutYou3),
                        group: group),
                Binding.table(.changePassword, label: ctx.t(.password),
                        help: ctx.t(.changeYourPassword), group: group),
                Binding.table(.verifyWijk, label: ctx.t(.verifyNeighbourhood),
                        help: ctx.t(.haveYourNeighbourhoodVerified),
                        group: group, inStatusBar: false),
                Binding.table(.logout, label: ctx.t(.logOut),
                        help: ctx.t(.logOutTheScreenIs), group: group),
            ]
        }
        return b
    }

    var capturesText: Bool { form.isEditingText }
    var focusedChoice: Form.Choice? { form.focusedChoice }
    var hasUnsavedInput: Bool { form.edited }

    func willAppear(_ ctx: UIContext) {
        // Re-read what the store holds, but never throw away what the person is typing.
        if !form.edited { load(ctx) } else { setLabels(ctx) }
    }

    /// Ctrl-R after someone else saved first: the profile as it is now, typing given up.
    func reloadDiscardingInput(_ ctx: UIContext) { load(ctx) }
    var reloadDiscardsInput: Bool { true }

    func handle(_ action: Action, _ ctx: UIContext) {
        switch action {
        case .nextField: _ = form.handle(.tab)
        case .previousField: _ = form.handle(.backTab)
        case .activate: press(form.handle(.enter), ctx)
        case .toggle: press(form.handle(.char(" ")), ctx)
        case .submit: if let id = form.submitButton?.id { press(.pressed(id), ctx) }
        case .myData: press(.pressed("myData"), ctx)
        case .changePassword: press(.pressed("password"), ctx)
        case .verifyWijk: press(.pressed("wijkCheck"), ctx)
        case .logout: press(.pressed("logout"), ctx)
        default: break
        }
    }

    func handleKey(_ key: Key, _ ctx: UIContext) -> Bool {
        let e = form.handle(key)
        press(e, ctx)
        return e != .ignored
    }

    /// Reacts to a button (or its letter).
    private func press(_ e: Form.Event, _ ctx: UIContext) {
        guard case .pressed(let id) = e else { return }
        switch id {
        case "save": save(ctx)
        case "removePhoto":
            guard let account = ctx.account else { return }
            guard account.profile.photo != nil else {
                ctx.inform(ctx.t(.youHaveNoPhoto))
                return
            }
            do {
                try ctx.store.perform(.removePhoto(for: account.id), as: ctx.viewer)
            } catch {
                ctx.fail(error)
                return
            }
            // What is typed elsewhere in the form stays; the photo line follows the store.
            if !form.edited { load(ctx) }
            ctx.inform(ctx.t(.yourPhotoHasBeenRemoved))
        case "myData": ctx.push(MyDataScreen())
        case "password":
            // Never "namens": staff may not change a resident's password without a reset code.
            if let id = ctx.session, let d = Permissions.denial(.changePassword(id), by: ctx.viewer) { return ctx.fail(d.message(ctx.language)) }
            ctx.push(ChangePasswordScreen())
        case "wijkCheck": ctx.push(WijkCheckScreen())
        case "logout":
            ctx.logOut()
            ctx.inform(ctx.t(.youAreLoggedOut))
        default: break
        }
    }

    // MARK: Saving

    /// Saves photo, profile and changed e-mail toggles; on an error the core's message is shown,
    /// the focus goes to the field it is about, and everything typed stays.
    private func save(_ ctx: UIContext) {
        guard let account = ctx.account else {
            ctx.fail(CoreError.notFound(what: ctx.t(.yourAccount)))
            return
        }
        let id = account.id
        // The fields' own problems at once, each under its field; the core checks them again.
        let name = form.text("name"), phoneText = form.text("phone"), addressText = form.text("address")
        guard form.check([
            ("name", Field.name.label(ctx.language), { _ = try validated(name, .name) }),
            ("phone", Field.phone.label(ctx.language), { _ = try validated(phoneText, .phone, required: false) }),
            ("address", Field.address.label(ctx.language), { _ = try validated(addressText, .address, required: false) }),
        ], ctx) else { return }
        // One save, one change: the photo, the fields and the e-mail choices are saved together
        // or, when any part is refused, none of them.
        let photoText = form.text("photo").trimmingCharacters(in: .whitespaces)
        let photo: ProfileSave.Photo = ctx.shared || photoText == savedPhotoText.trimmingCharacters(in: .whitespaces) ? .keep
            : photoText.isEmpty ? .remove : .file((photoText as NSString).expandingTildeInPath)
        var fields = loadedProfile ?? account.profile
        fields.displayName = form.text("name")
        fields.wijk = wijken.indices.contains(form.choice("wijk")) ? wijken[form.choice("wijk")].id : account.profile.wijk
        fields.visibility = visibility
        fields.interests = PlatformCategory.all.filter { form.bool("interest-" + $0.key) }.map(\.key)
        fields.phone = form.text("phone")
        fields.address = form.text("address")
        fields.digest = DigestRhythm.allCases[min(max(form.choice("digest"), 0), DigestRhythm.allCases.count - 1)]
        // Only the choices changed in this form (another terminal's ticks since it was filled stay).
        var mail: [EmailKind: Bool] = [:]
        for kind in EmailKind.allCases where form.bool("mail-" + kind.rawValue) != (loadedProfile ?? account.profile).email[kind] {
            mail[kind] = form.bool("mail-" + kind.rawValue)
        }
        do {
            try ctx.store.perform(.saveProfile(ProfileSave(account: id, basedOn: loadedProfile, fields: fields, photo: photo, email: mail)), as: ctx.viewer)
            savedPhotoText = form.text("photo")
        } catch {
            focus(on: error)
            ctx.fail(error)
            return
        }
        load(ctx)
        ctx.inform(ctx.t(.yourProfileHasBeenSaved))
    }

    /// Moves the focus to the field a profile error is about.
    private func focus(on error: Error) {
        switch error as? CoreError {
        case .invalidPhoto?: form.focus(on: "photo")
        case .fieldRequired(.name)?, .fieldTooLong(.name, _)?: form.focus(on: "name")
        case .fieldTooLong(.phone, _)?: form.focus(on: "phone")
        case .fieldTooLong(.address, _)?: form.focus(on: "address")
        case .unknownInterest?: form.focus(on: "interest-" + (PlatformCategory.all.first?.key ?? ""))
        case .unknownWijk?: form.focus(on: "wijk")
        default: break
        }
    }

    // MARK: Drawing

    func render(into g: inout Grid, area: Rect, _ ctx: UIContext) {
        guard let account = ctx.account else {
            g.put(ctx.t(.thisAccountNoLongerExists2(ctx.key(.logout))), x: area.x + 2, y: area.y + 1, role: .error, maxWidth: area.width - 4)
            g.cursor = (area.x + 2, area.y + 1)
            return
        }
        // The notes wrapped to this width and the preview of what is typed now go into a copy of
        // the form: drawing changes nothing but how far the form is scrolled.
        var form = self.form
        let noteWidth = area.width - 2
        ProfileFormFit.setWrapped(&form, prefix: "explain", text: visibility.explanation(ctx.language), width: noteWidth)
        ProfileFormFit.setWrapped(&form, prefix: "interestsHint", text: ctx.t(.interestsPickHint(ctx.key(.toggle))), width: noteWidth)
        ProfileFormFit.setWrapped(&form, prefix: "unlisted", text: ctx.t(.interestsUnlisted(safe(account.profile.unlistedInterests.joined(separator: ", ")))),
                                  width: noteWidth)
        ProfileFormFit.setWrapped(&form, prefix: "private",
                                  text: ctx.t(.phoneAndAddressArePrivate),
                                  width: noteWidth)
        let preview = ProfilePreview.lines(owner: pending(account, shared: ctx.shared), settings: ctx.store.settings, now: ctx.now, lang: ctx.language)
        // The viewers' column as wide as its longest name ("Other neighbourhood" in English).
        let whoWidth = max(Self.labelWidth, preview.map { TextWidth.width($0.who) }.max() ?? 0)
        for (k, line) in preview.enumerated() {
            if let i = form.fields.firstIndex(where: { $0.id == "preview.\(k)" }) {
                form.fields[i].label = TextWidth.pad(line.who, to: whoWidth) + " " + line.sees
            }
        }
        let formArea = ProfileLongMessage.draw(ctx, into: &g, area: area)
        form.render(into: &g, area: formArea)
        self.form.keepView(of: form)
    }
}
