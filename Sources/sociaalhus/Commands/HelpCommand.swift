import Foundation
import SociaalHusCore

/// `sociaalhus help`: the commands in the interface language.
enum HelpCommand {
    static func text(_ lang: Language) -> String {
        lang.pick(nl: """
        SociaalHus — agenda, prikbord en organisaties van het Sociaal Hus Borne

        Gebruik:
          sociaalhus [--store MAP] [--theme NAAM] [--idle-minutes N]
                                                 open het scherm (agenda, prikbord, organisaties, profiel, intake)
          sociaalhus --demo                      open het scherm op een nieuwe, tijdelijke demo-opslag
          sociaalhus init [--store MAP] [--demo] [--wijk NAAM]...
          sociaalhus account add --email E --name N --wijk W [--role ROL]... [--visibility NIVEAU]
                                                 (wachtwoord via standaardinvoer)
          sociaalhus account block|unblock --email E [--reason TEKST]
          sociaalhus account erase --email E
          sociaalhus export --email E [--out BESTAND]
          sociaalhus agenda [--wijk W] [--from JJJJ-MM-DD] [--days N] [--format text|json]
          sociaalhus check
          sociaalhus retention                   wis afgesloten gesprekken na de bewaartermijn (voor cron)
          sociaalhus mail config [--command "/usr/sbin/sendmail -t -oi"] [--from ADRES]
          sociaalhus mail send|digest|list       verstuur de outbox / zet samenvattingen klaar / toon de outbox
          sociaalhus mail retry --id N           verstuur een geweigerde of onzekere e-mail nog eens
          sociaalhus agenda --wijk W --format ics|json [--out BESTAND]
                                                 de gedeelde feed van een wijk (na goedkeuring van de lokale partner)
          sociaalhus privacy show|reset|set --nl BESTAND --en BESTAND
          sociaalhus bench [--scale N] [--runs N]

        Rollen: resident, editor:ORGANISATIE, desk, partner:WIJK, admin
        Niveaus: anoniem (standaard), alleen-buren, openbaar
        Opslag: --store MAP, anders $SOCIAALHUS_STORE, anders $XDG_DATA_HOME/sociaalhus,
                anders ~/.local/share/sociaalhus
        Taal: --lang nl|en (standaard Nederlands, of Engels bij een Engelse LANG)
        Thema's: standaard, hoog-contrast, monochroom (NO_COLOR kiest monochroom)
        """, en: """
        SociaalHus — agenda, notice board and organisations of the Sociaal Hus Borne

        Usage:
          sociaalhus [--store DIR] [--theme NAME] [--idle-minutes N]
                                                 open the interface (agenda, notice board, organisations, profile, intake)
          sociaalhus --demo                      open the interface on a new, temporary demo store
          sociaalhus init [--store DIR] [--demo] [--wijk NAME]...
          sociaalhus account add --email E --name N --wijk W [--role ROLE]... [--visibility LEVEL]
                                                 (password on standard input)
          sociaalhus account block|unblock --email E [--reason TEXT]
          sociaalhus account erase --email E
          sociaalhus export --email E [--out FILE]
          sociaalhus agenda [--wijk W] [--from YYYY-MM-DD] [--days N] [--format text|json]
          sociaalhus check
          sociaalhus retention                   erase closed conversations after the retention period (for cron)
          sociaalhus mail config [--command "/usr/sbin/sendmail -t -oi"] [--from ADDRESS]
          sociaalhus mail send|digest|list       send the outbox / queue the digests / show the outbox
          sociaalhus mail retry --id N           send a refused or uncertain e-mail once more
          sociaalhus agenda --wijk W --format ics|json [--out FILE]
                                                 a wijk's shared feed (after its local partner approved)
          sociaalhus privacy show|reset|set --nl FILE --en FILE
          sociaalhus bench [--scale N] [--runs N]

        Roles: resident, editor:ORGANISATION, desk, partner:WIJK, admin
        Levels: anoniem (default), alleen-buren, openbaar
        Store: --store DIR, else $SOCIAALHUS_STORE, else $XDG_DATA_HOME/sociaalhus,
               else ~/.local/share/sociaalhus
        Language: --lang nl|en (Dutch by default, or English with an English LANG)
        Themes: standaard, hoog-contrast, monochroom (NO_COLOR selects monochroom)
        """)
    }
}
