import Foundation

/// The end of every e-mail to a person: why they receive it and how to turn it off, by the
/// toggle's own name and where to find it. In Dutch and English, since the language a person
/// reads is not known.
public enum MailFooter {
    /// The footer for mail governed by `kind`.
    public static func text(_ kind: EmailKind) -> String {
        """

        --
        Je ontvangt deze e-mail omdat "\(kind.label(.dutch))" aan staat in je profiel.
        Uitzetten: open SociaalHus, ga naar Profiel, en zet bij E-mailvoorkeuren "\(kind.label(.dutch))" uit.
        You receive this e-mail because "\(kind.label(.english))" is on in your profile.
        To turn it off: open SociaalHus, go to Profile, and switch off "\(kind.label(.english))" under E-mail preferences.
        """
    }

    /// The footer of a reply to someone without an account: why they receive it.
    public static let reply = """

        --
        Je ontvangt dit antwoord omdat je via het contactformulier van SociaalHus een bericht stuurde
        en daarbij dit e-mailadres opgaf. Je krijgt alleen antwoorden op je eigen berichten.
        You receive this reply because you sent a message through the SociaalHus contact form and gave
        this e-mail address. You only receive answers to your own messages.
        """
}
