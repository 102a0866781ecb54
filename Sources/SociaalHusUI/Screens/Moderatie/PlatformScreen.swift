import Foundation
import SociaalHusCore
import TerminalKit

/// The administrator's platform switches: private (visitors see only login, registration and the
/// privacy statement) and open registration.
final class PlatformScreen: FormScreen {
    init(_ ctx: UIContext) {
        let s = ctx.store.settings
        super.init(Form([
            FormField("private", ctx.t(.privateOnlyLoginRegistrationAnd), .toggle(s.isPrivate)),
            FormField("privateNote", ctx.t(.visitorsWithoutAnAccountThen), .note(.muted)),
            FormField("registration", ctx.t(.registrationIsOpen), .toggle(s.registrationOpen)),
            FormField("privacy", ctx.t(.ownPrivacyStatementSociaalhusPrivacy), .note(.muted)),
            FormField("save", ctx.t(.save), .button),
        ], labelWidth: 14))
    }

    override func title(_ ctx: UIContext) -> String { "Platform" }

    override func pressed(_ id: String, _ ctx: UIContext) {
        guard id == "save" else { return }
        do {
            try ctx.store.perform(.setPlatform(isPrivate: form.bool("private"), registrationOpen: form.bool("registration")), as: ctx.viewer)
            ctx.pop()
            ctx.inform(ctx.store.settings.isPrivate ? ctx.t(.thePlatformIsNowPrivate)
                                                          : ctx.t(.thePlatformIsNowPublic))
        } catch { ctx.fail(error) }
    }
}
