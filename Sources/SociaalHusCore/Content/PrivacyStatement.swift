import Foundation

/// The privacy statement shown in the client, written for this product in plain language.
public enum PrivacyStatement {
    /// The text in the chosen language.
    /// The statement in force: a partner's own text when an administrator set one, else the
    /// built-in one with the address for takedown notices (privacy@ the platform's mail domain).
    public static func text(_ lang: Language, settings: PlatformSettings) -> String {
        let own = settings.privacyStatement
        if own.count == 2 { return lang == .dutch ? own[0] : own[1] }
        return text(lang) + "\n\n" + takedown(lang, address: privacyAddress(settings))
    }

    /// Where takedown notices go.
    public static func privacyAddress(_ settings: PlatformSettings) -> String {
        "privacy@" + (settings.mailFrom.split(separator: "@").last.map(String.init) ?? "sociaalhus.invalid")
    }

    static func takedown(_ lang: Language, address: String) -> String {
        lang.pick(nl: """
        # Melden en verwijderen
        Organisaties en bewoners zijn zelf verantwoordelijk voor wat ze plaatsen. Zie je iets dat niet klopt, ongewenst is of inbreuk maakt op iemands rechten, gebruik dan Melden bij het bericht of de activiteit, of stuur een melding naar \(address). Inbreukmakende inhoud wordt na een melding verwijderd.
        """, en: """
        # Reporting and removal
        Organisations and residents are responsible for what they post. If you see something incorrect, unwanted or infringing on someone's rights, use Report (Melden) on the post or activity, or send a notice to \(address). Infringing content is removed after a notice.
        """)
    }

    public static func text(_ lang: Language) -> String {
        lang.pick(nl: """
        # Privacyverklaring SociaalHus
        Het Sociaal Hus is één toegang voor het sociale domein in Borne. Met al je vragen kun je bij ons terecht; we helpen je of verwijzen je door naar een andere organisatie.

        # Welke gegevens?
        Zo weinig mogelijk. Voor een account: je naam en e-mailadres. Voor een profiel in je wijk: naam, e-mailadres en eventueel een foto. Bij een bericht op het prikbord kies je zelf wat je toont: naam, e-mail, telefoon of adres; standaard niets. Bij een gesprek aan de balie: naam, adres, telefoon, e-mail en je vraag.

        # Van wie zijn je gegevens?
        Van jou. Onder Profiel › Mijn gegevens zie je alles wat we over je bewaren, kun je het downloaden en kun je je account verwijderen. We bewaren je gegevens tot je ze verwijdert.

        # Wie ziet je gegevens?
        Standaard alleen jij. Je profiel heeft drie standen: Anoniem (standaard), Alleen buren (ingelogde bewoners van je wijk van wie de wijk is bevestigd, aan de balie of met een brief) en Openbaar (iedereen). Bij het contactformulier ziet alleen de ontvanger wat je invult.

        # Delen
        We delen of verkopen je gegevens nooit aan derden. Geven we informatie door aan een organisatie die je gaat helpen, dan vertellen we je dat eerst, en je ziet in Mijn gegevens aan wie, wat, wanneer en door wie.

        # E-mail
        Je kiest zelf welke e-mails je krijgt: berichten van bezoekers, notificaties uit je wijk, nieuwsbrieven uit je wijk en mededelingen van het platform. Alles staat standaard uit.

        # Beveiliging
        Wachtwoorden worden alleen als trage, gezouten hash bewaard. Ongewenste accounts kunnen worden geblokkeerd. Er is geen tracking of meting van je gebruik.
        """, en: """
        # SociaalHus privacy statement
        The Sociaal Hus is one front door to the social domain in Borne. You can come to us with any question; we help you or refer you to another organisation.

        # What data?
        As little as possible. For an account: your name and e-mail address. For a profile in your wijk: name, e-mail address and optionally a photo. On a notice-board post you choose what to show: name, e-mail, phone or address; nothing by default. At the desk: name, address, phone, e-mail and your question.

        # Whose data is it?
        Yours. Under Profile › My data you see everything we keep about you, can download it and can delete your account. We keep your data until you delete it.

        # Who sees your data?
        By default only you. Your profile has three settings: Anonymous (default), Neighbours only (logged-in residents of your wijk whose wijk is verified, at the desk or by letter) and Public (everyone). With the contact form only the recipient sees what you fill in.

        # Sharing
        We never share or sell your data to third parties. If we pass information to an organisation that will help you, we tell you first, and My data shows to whom, what, when and by whom.

        # E-mail
        You choose which e-mails you get: messages from visitors, notifications from your wijk, wijk newsletters and platform announcements. All are off by default.

        # Security
        Passwords are kept only as slow, salted hashes. Unwanted accounts can be blocked. There is no tracking or measuring of your use.
        """)
    }
}
