import Foundation
import SociaalHusCore
import TerminalKit

/// The administrator's platform switches: private (visitors see only login, registration and the
/// privacy statement) and open registration.
final class PlatformScreen: FormScreen {
    init(_ ctx: UIContext) {
        let s = ctx.store.settings
        super.init(Form([
            FormField("private", ctx.t("Besloten: alleen inloggen, registreren en privacyverklaring",
                                       "Private: only login, registration and privacy statement"), .toggle(s.isPrivate)),
            FormField("privateNote", ctx.t("Bezoekers zonder account zien dan verder niets; goedgekeurde feeds blijven werken.",
                                           "Visitors without an account then see nothing else; approved feeds keep working."), .note(.muted)),
            FormField("registration", ctx.t("Registreren staat open", "Registration is open"), .toggle(s.registrationOpen)),
            FormField("privacy", ctx.t("Eigen privacyverklaring: 'sociaalhus privacy set --nl BESTAND --en BESTAND'.",
                                       "Own privacy statement: 'sociaalhus privacy set --nl FILE --en FILE'."), .note(.muted)),
            FormField("save", ctx.t("Opslaan", "Save"), .button),
        ], labelWidth: 14))
    }

    override func title(_ ctx: UIContext) -> String { "Platform" }

    override func pressed(_ id: String, _ ctx: UIContext) {
        guard id == "save" else { return }
        do {
            try ctx.store.perform(.setPlatform(isPrivate: form.bool("private"), registrationOpen: form.bool("registration")), as: ctx.viewer)
            ctx.pop()
            ctx.inform(ctx.store.settings.isPrivate ? ctx.t("Het platform is nu besloten.", "The platform is now private.")
                                                          : ctx.t("Het platform is nu openbaar.", "The platform is now public."))
        } catch { ctx.fail(error) }
    }
}
