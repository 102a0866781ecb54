import Foundation
@_spi(Operator) import SociaalHusCore

/// A demo account and its demo password, printed by `init --demo`.
public struct DemoAccount: Sendable {
    /// Login e-mail address (at `demo.sociaalhus.example`, so no mail ever reaches a real person).
    public var email: String
    /// The demo password; printed once so people can try the roles, never meant for real use.
    public var password: String
    /// The role in Dutch, as printed next to the account.
    public var role: String
    /// The profile visibility, so the demo shows all three levels side by side.
    public var visibility: ProfileVisibility

    /// Creates a demo account entry.
    public init(email: String, password: String, role: String, visibility: ProfileVisibility) {
        self.email = email
        self.password = password
        self.role = role
        self.visibility = visibility
    }
}

/// The content of `sociaalhus init --demo`: a fictional but realistic social domain of Borne.
///
/// Everything goes through the public `Store` API, so the demo obeys the same validation and
/// permission rules as real input. Dates are relative to the store's clock (so the agenda is
/// always upcoming) and nothing is random (so one moment always gives the same demo).
/// Phone numbers use subscriber numbers starting with 0 (074-000 …, 06-00 …), which are never
/// issued in the Netherlands, so the demo cannot ring a real person.
public enum DemoData {
    /// The wijken of Borne.
    public static let wijken = ["Centrum", "Bornsche Maten", "Zenderen", "Hertme"]

    /// Fills a store created with `wijken` with demo content relative to `store.clock.now()`; returns the demo accounts.
    ///
    /// The accounts come back in a fixed order: residents, local partner, organisation editors,
    /// desk staff, administrator.
    public static func populate(_ store: Store) throws -> [DemoAccount] {
        var ctx = try Context(store: store)
        try createOrganisations(&ctx)
        let accounts = try createAccounts(&ctx)
        try createAgenda(ctx)
        try signUp(ctx)
        try createPosts(&ctx)
        try sendMessages(ctx)
        return accounts
    }
}

// MARK: - Context

extension DemoData {
    /// What the steps of `populate` share: the ids handed out so far and the date arithmetic.
    fileprivate struct Context {
        let store: Store
        let calendar: Calendar
        /// Start of tomorrow in Amsterdam: nothing starts earlier, because new agenda items may
        /// not start in the past and "later today" may already be over when the demo is read.
        let tomorrow: Date
        var wijkIDs: [String: WijkID] = [:]
        var orgIDs: [String: OrganisationID] = [:]
        /// The posts made so far, by title: the messages below are written about some of them.
        var postIDs: [String: PostID] = [:]
        var accounts: [String: Account] = [:]

        init(store: Store) throws {
            self.store = store
            calendar = amsterdamCalendar()
            let today = calendar.startOfDay(for: store.clock.now())
            guard let t = calendar.date(byAdding: .day, value: 1, to: today) else { throw CoreError.invalidDate("tomorrow") }
            tomorrow = t
            let existing = store.settings.wijken
            guard !existing.isEmpty else { throw CoreError.unknownWijk(DemoData.wijken[0]) }
            for (i, name) in DemoData.wijken.enumerated() {
                // A store made with other wijk names (`init --demo --wijk …`) still gets a full
                // demo: each demo wijk falls back to one of the store's own wijken.
                wijkIDs[name] = store.wijk(named: name)?.id ?? existing[i % existing.count].id
            }
        }

        func wijk(_ name: String) throws -> WijkID {
            guard let id = wijkIDs[name] else { throw CoreError.unknownWijk(name) }
            return id
        }

        func org(_ key: String) throws -> OrganisationID {
            guard let id = orgIDs[key] else { throw CoreError.unknownOrganisation(key) }
            return id
        }

        func account(_ key: String) throws -> Account {
            guard let a = accounts[key] else { throw CoreError.unknownAccount(email: key) }
            return a
        }

        /// The `week`-th `weekday` on or after tomorrow (start of that day).
        func day(_ weekday: Weekday, week: Int) throws -> Date {
            let current = calendar.component(.weekday, from: tomorrow)
            let delta = (weekday.rawValue - current + 7) % 7
            guard let d = calendar.date(byAdding: .day, value: delta + 7 * week, to: tomorrow) else {
                throw CoreError.invalidDate("\(weekday) +\(week)")
            }
            return d
        }

        /// The first date on or after tomorrow with this day of the month (1...28, so every month has it).
        func monthDay(_ dayOfMonth: Int) throws -> Date {
            for offset in 0..<62 {
                guard let d = calendar.date(byAdding: .day, value: offset, to: tomorrow) else { break }
                if calendar.component(.day, from: d) == dayOfMonth { return d }
            }
            throw CoreError.invalidDate("day \(dayOfMonth)")
        }

        /// `day` at a wall-clock time in Amsterdam, built from components so daylight saving is respected.
        func at(_ day: Date, _ hour: Int, _ minute: Int) throws -> Date {
            var c = calendar.dateComponents([.year, .month, .day], from: day)
            c.hour = hour
            c.minute = minute
            guard let d = calendar.date(from: c) else { throw CoreError.invalidDate("\(hour):\(minute)") }
            return d
        }

        /// The last day on which a repeating item may start, `weeks` weeks after tomorrow.
        func until(weeks: Int) throws -> Date {
            guard let d = calendar.date(byAdding: .day, value: 7 * weeks - 1, to: tomorrow) else { throw CoreError.invalidDate("until") }
            return d
        }
    }

    /// Calendar weekday numbers (Sunday = 1), as `Calendar` uses them.
    fileprivate enum Weekday: Int {
        case sunday = 1, monday, tuesday, wednesday, thursday, friday, saturday
    }
}

// MARK: - Organisations

extension DemoData {
    /// One directory entry; `key` lets the agenda and accounts refer to it before ids exist.
    private struct OrgSpec {
        var key: String
        var name: String
        var description: String
        var categories: [String]
        /// Wijk names; empty means the whole municipality.
        var wijken: [String]
        var address: String
        var phone: String
        var email: String
        var website: String
        var openingHours: String
    }

    private static let organisations: [OrgSpec] = [
        OrgSpec(key: "sociaalhus", name: "Sociaal Hus Borne",
                description: "Het Sociaal Hus is de centrale plek in Borne voor vragen over zorg, geld, werk, wonen en opvoeden. Loop binnen bij de balie of bel voor een afspraak; samen zoeken we uit wie je verder kan helpen.",
                categories: ["zorg en ondersteuning", "geldzaken", "werk en inkomen", "wonen", "opvoeden en jeugd"], wijken: [],
                address: "Marktstraat 12, 7622 CP Borne", phone: "074-000 10 00", email: "info@sociaalhus-borne.example",
                website: "https://sociaalhus-borne.example", openingHours: "ma t/m vr 9.00-17.00 uur, do ook 18.30-20.00 uur"),
        OrgSpec(key: "welzijn", name: "Welzijn Borne (demo)",
                description: "Welzijnswerk voor alle inwoners van Borne, Zenderen en Hertme: ouderenadvies, buurtbemiddeling, ontmoetingsactiviteiten en ondersteuning van vrijwilligers. Wil je iets organiseren in je buurt? We denken graag mee.",
                categories: ["ontmoeting en eenzaamheid", "zorg en ondersteuning", "vrijwilligerswerk"], wijken: [],
                address: "Grotestraat 30, 7622 GD Borne", phone: "074-000 10 10", email: "info@welzijn-borne.example",
                website: "https://welzijn-borne.example", openingHours: "ma t/m vr 9.00-16.30 uur"),
        OrgSpec(key: "voedselbank", name: "Voedselbank Borne",
                description: "De Voedselbank geeft wekelijks een voedselpakket aan huishoudens die tijdelijk niet genoeg geld hebben voor boodschappen. Aanmelden gaat via het Sociaal Hus. Vrijwilligers en donaties zijn altijd welkom.",
                categories: ["geldzaken", "vrijwilligerswerk"], wijken: [],
                address: "Spoorstraat 7, 7622 AB Borne", phone: "074-000 10 60", email: "info@voedselbank-borne.example",
                website: "https://voedselbank-borne.example", openingHours: "uitgifte vr 13.30-15.30 uur; donaties ma t/m vr 10.00-12.00 uur"),
        OrgSpec(key: "bibliotheek", name: "Bibliotheek Borne",
                description: "Boeken lenen, de krant lezen, studeren of hulp krijgen met je computer, DigiD of de overheid online. De bibliotheek organiseert ook lezingen, voorlezen voor peuters en het Digicafé.",
                categories: ["cultuur", "werk en inkomen", "opvoeden en jeugd"], wijken: [],
                address: "Marktstraat 20, 7622 CP Borne", phone: "074-000 10 50", email: "info@bibliotheek-borne.example",
                website: "https://bibliotheek-borne.example", openingHours: "di t/m vr 10.00-18.00 uur, za 10.00-14.00 uur"),
        OrgSpec(key: "taalhuis", name: "Taalhuis Borne",
                description: "Beter leren lezen, schrijven, rekenen of Nederlands spreken? Het Taalhuis in de bibliotheek koppelt je aan een taalmaatje of een cursus die bij je past.",
                categories: ["werk en inkomen", "cultuur"], wijken: [],
                address: "Marktstraat 20, 7622 CP Borne", phone: "074-000 10 51", email: "taalhuis@bibliotheek-borne.example",
                website: "https://bibliotheek-borne.example/taalhuis", openingHours: "wo 13.30-16.00 uur en op afspraak"),
        OrgSpec(key: "humanitas", name: "Humanitas thuisadministratie Borne",
                description: "Getrainde vrijwilligers helpen je thuis of op het spreekuur om overzicht te krijgen in post, rekeningen en formulieren. Vertrouwelijk en gratis.",
                categories: ["geldzaken", "vrijwilligerswerk"], wijken: [],
                address: "Marktstraat 12, 7622 CP Borne", phone: "074-000 10 20", email: "borne@humanitas-twente.example",
                website: "https://humanitas-twente.example/borne", openingHours: "spreekuur om de week op donderdagmiddag"),
        OrgSpec(key: "schuldhulp", name: "SchuldHulpMaatje Borne",
                description: "Een maatje helpt je bij geldzorgen en schulden: samen orde op zaken stellen, contact met schuldeisers en de weg naar professionele schuldhulp. Vanuit de gezamenlijke kerken in Borne.",
                categories: ["geldzaken", "vrijwilligerswerk"], wijken: [],
                address: "Grotestraat 54, 7622 GE Borne", phone: "074-000 10 61", email: "borne@schuldhulpmaatje.example",
                website: "https://schuldhulpmaatje.example/borne", openingHours: "telefonisch bereikbaar ma t/m vr 9.00-12.00 uur"),
        OrgSpec(key: "dekern", name: "Buurthuis De Kern",
                description: "Het buurthuis van Zenderen: koffie, kaarten, gymles voor ouderen, het Repair Café en ruimte voor verenigingen. Gerund door vrijwilligers uit het dorp.",
                categories: ["ontmoeting en eenzaamheid", "cultuur", "vrijwilligerswerk"], wijken: ["Zenderen"],
                address: "Hoofdstraat 8, 7625 PA Zenderen", phone: "074-000 10 30", email: "info@buurthuisdekern.example",
                website: "https://buurthuisdekern.example", openingHours: "ma t/m za 9.00-17.00 uur en bij activiteiten"),
        OrgSpec(key: "wijkcentrum", name: "Wijkcentrum De Maten",
                description: "Ontmoetingsplek in de Bornsche Maten met een huiskamer, een jongerenruimte en de Speel-o-theek. Buurtbewoners kunnen er ook zelf een activiteit beginnen.",
                categories: ["ontmoeting en eenzaamheid", "opvoeden en jeugd"], wijken: ["Bornsche Maten"],
                address: "Bornsche Maten 5, 7623 EX Borne", phone: "074-000 10 35", email: "info@wijkcentrumdematen.example",
                website: "https://wijkcentrumdematen.example", openingHours: "ma t/m vr 9.00-22.00 uur, za 9.00-13.00 uur"),
        OrgSpec(key: "dorpshuis", name: "Dorpshuis Hertme",
                description: "Het hart van Hertme: samen eten, de dorpsquiz, filmavonden en een plek voor alle verenigingen. Iedereen uit het dorp en daarbuiten is welkom.",
                categories: ["ontmoeting en eenzaamheid", "cultuur"], wijken: ["Hertme"],
                address: "Hertmebrink 2, 7626 LA Hertme", phone: "074-000 10 90", email: "info@dorpshuishertme.example",
                website: "https://dorpshuishertme.example", openingHours: "bij activiteiten; beheerder bereikbaar ma t/m vr 10.00-12.00 uur"),
        OrgSpec(key: "jongerenwerk", name: "Jongerenwerk Borne",
                description: "Jongerenwerkers zijn er voor jongeren van 12 tot 23 jaar: in de inloop, op straat en online. Voor een praatje, een activiteit of hulp bij school, werk of thuis.",
                categories: ["opvoeden en jeugd", "sport en bewegen"], wijken: [],
                address: "Bornsche Maten 5, 7623 EX Borne", phone: "074-000 10 80", email: "jongerenwerk@welzijn-borne.example",
                website: "https://welzijn-borne.example/jongeren", openingHours: "inloop vr 19.00-22.00 uur; jongerenwerkers ma t/m vr bereikbaar"),
        OrgSpec(key: "mantelzorg", name: "Mantelzorgsteunpunt Borne",
                description: "Zorg je langdurig voor een partner, ouder, kind of buur? Het steunpunt biedt advies, respijtzorg, lotgenotencontact en het mantelzorgcafé.",
                categories: ["zorg en ondersteuning"], wijken: [],
                address: "Marktstraat 12, 7622 CP Borne", phone: "074-000 10 40", email: "mantelzorg@welzijn-borne.example",
                website: "https://welzijn-borne.example/mantelzorg", openingHours: "ma t/m do 9.00-12.30 uur"),
        OrgSpec(key: "repaircafe", name: "Repair Café Zenderen",
                description: "Elke maand repareren vrijwilligers samen met bezoekers kapotte spullen: kleding, lampen, fietsen, speelgoed en kleine apparaten. Weggooien? Mooi niet!",
                categories: ["vrijwilligerswerk", "ontmoeting en eenzaamheid"], wijken: ["Zenderen"],
                address: "Hoofdstraat 8, 7625 PA Zenderen", phone: "074-000 10 31", email: "repaircafe@buurthuisdekern.example",
                website: "https://buurthuisdekern.example/repaircafe", openingHours: "maandelijks op zaterdag- of doordeweekse middag, zie de agenda"),
        OrgSpec(key: "vrijwilligers", name: "Vrijwilligerscentrale Borne",
                description: "Op zoek naar zinvol vrijwilligerswerk, of zoekt je vereniging handen? De vrijwilligerscentrale brengt vraag en aanbod bij elkaar en geeft trainingen aan vrijwilligers.",
                categories: ["vrijwilligerswerk", "werk en inkomen"], wijken: [],
                address: "Grotestraat 30, 7622 GD Borne", phone: "074-000 10 55", email: "vrijwilligers@welzijn-borne.example",
                website: "https://vrijwilligerswerk-borne.example", openingHours: "di en do 9.00-12.00 uur"),
        OrgSpec(key: "cjg", name: "Centrum Jeugd en Gezin Borne",
                description: "Voor alle vragen over opgroeien en opvoeden, van zwangerschap tot 23 jaar. Jeugdverpleegkundigen, pedagogen en jeugdconsulenten denken met je mee.",
                categories: ["opvoeden en jeugd", "zorg en ondersteuning"], wijken: [],
                address: "Marktstraat 12, 7622 CP Borne", phone: "074-000 10 70", email: "cjg@sociaalhus-borne.example",
                website: "https://cjg-borne.example", openingHours: "ma t/m vr 8.30-17.00 uur"),
        OrgSpec(key: "wijkteam", name: "Wijkteam Borne",
                description: "Wijkverpleegkundigen, ouderenadviseurs en maatschappelijk werkers die bij je thuis komen als zorg of ondersteuning nodig is. Bereikbaar via het Sociaal Hus.",
                categories: ["zorg en ondersteuning"], wijken: [],
                address: "Marktstraat 12, 7622 CP Borne", phone: "074-000 10 01", email: "wijkteam@sociaalhus-borne.example",
                website: "https://sociaalhus-borne.example/wijkteam", openingHours: "ma t/m vr 8.30-17.00 uur"),
        OrgSpec(key: "woonstichting", name: "Woonstichting Borne (demo)",
                description: "Verhuurder van ruim tweeduizend sociale huurwoningen in de gemeente. De wijkconsulent helpt bij vragen over je woning, onderhoud, huur en overlast.",
                categories: ["wonen"], wijken: [],
                address: "Stationsstraat 40, 7622 LZ Borne", phone: "074-000 11 60", email: "info@woonstichting-borne.example",
                website: "https://woonstichting-borne.example", openingHours: "ma t/m vr 8.30-16.30 uur"),
        OrgSpec(key: "energiecoaches", name: "Energiecoaches Borne",
                description: "Vrijwillige energiecoaches komen gratis bij je thuis met tips om energie te besparen en helpen met kleine maatregelen zoals tochtstrips en radiatorfolie.",
                categories: ["wonen", "geldzaken", "vrijwilligerswerk"], wijken: [],
                address: "Marktstraat 12, 7622 CP Borne", phone: "074-000 11 50", email: "energiecoach@sociaalhus-borne.example",
                website: "https://energiecoaches-borne.example", openingHours: "afspraak maken ma t/m vr 9.00-12.00 uur"),
        OrgSpec(key: "kledingbank", name: "Kledingbank Borne",
                description: "Gratis nette kleding voor volwassenen en kinderen, voor huishoudens met een krap budget. Je kunt ook schone, hele kleding inleveren.",
                categories: ["geldzaken", "vrijwilligerswerk"], wijken: [],
                address: "Stationsstraat 18, 7622 LX Borne", phone: "074-000 10 65", email: "info@kledingbank-borne.example",
                website: "https://kledingbank-borne.example", openingHours: "di 13.00-16.00 uur en za 10.00-12.00 uur"),
        OrgSpec(key: "leergeld", name: "Stichting Leergeld Borne",
                description: "Zodat alle kinderen mee kunnen doen: Leergeld betaalt bij een laag inkomen mee aan sportclub, zwemles, muziekles, schoolspullen en schoolreis.",
                categories: ["geldzaken", "opvoeden en jeugd"], wijken: [],
                address: "Grotestraat 54, 7622 GE Borne", phone: "074-000 10 66", email: "info@leergeld-borne.example",
                website: "https://leergeld-borne.example", openingHours: "telefonisch bereikbaar ma, wo en vr 9.00-12.00 uur"),
        OrgSpec(key: "speelotheek", name: "Speel-o-theek Bornsche Maten",
                description: "Een uitleenplek voor speelgoed, spellen en buitenspeelgoed voor kinderen van 0 tot 12 jaar. Lid worden kost weinig; vrijwilligers houden alles schoon en heel.",
                categories: ["opvoeden en jeugd"], wijken: ["Bornsche Maten"],
                address: "Bornsche Maten 5, 7623 EX Borne", phone: "074-000 11 20", email: "speelotheek@wijkcentrumdematen.example",
                website: "https://wijkcentrumdematen.example/speelotheek", openingHours: "om de week op zaterdag 10.00-12.00 uur"),
        OrgSpec(key: "sportclub", name: "Omnisportvereniging Bornsche Maten",
                description: "Voetbal, walking football, gym en badminton voor jong en oud. Proeftrainingen zijn gratis; met Leergeld of het Jeugdfonds Sport kan iedereen lid worden.",
                categories: ["sport en bewegen", "opvoeden en jeugd"], wijken: ["Bornsche Maten", "Centrum"],
                address: "Sportpark Bornsche Maten 1, 7623 EZ Borne", phone: "074-000 11 30", email: "secretariaat@osv-bornschematen.example",
                website: "https://osv-bornschematen.example", openingHours: "trainingen ma t/m za; secretariaat per e-mail"),
        OrgSpec(key: "beweegclub", name: "Beweegclub Zenderen",
                description: "Meer bewegen voor ouderen: gym op muziek, fietstochten en valpreventie, in een rustig tempo en met aandacht voor gezelligheid.",
                categories: ["sport en bewegen", "ontmoeting en eenzaamheid"], wijken: ["Zenderen"],
                address: "Hoofdstraat 8, 7625 PA Zenderen", phone: "074-000 11 05", email: "info@beweegclubzenderen.example",
                website: "https://beweegclubzenderen.example", openingHours: "lessen op donderdagochtend"),
        OrgSpec(key: "wandelclub", name: "Wandelclub Hertme",
                description: "Wekelijkse wandelingen van 5 tot 10 kilometer over de essen en door de bossen rond Hertme. Nieuwe wandelaars lopen gewoon een keer mee.",
                categories: ["sport en bewegen", "ontmoeting en eenzaamheid"], wijken: ["Hertme"],
                address: "Hertmebrink 2, 7626 LA Hertme", phone: "074-000 11 00", email: "wandelen@dorpshuishertme.example",
                website: "https://dorpshuishertme.example/wandelclub", openingHours: "wandelingen op woensdagochtend"),
        OrgSpec(key: "buurtsport", name: "Buurtsportcoach Borne",
                description: "De buurtsportcoaches helpen inwoners van alle leeftijden in beweging te komen, met instuiven voor kinderen, seniorenfitness en advies over een sport die bij je past.",
                categories: ["sport en bewegen", "opvoeden en jeugd"], wijken: [],
                address: "Marktstraat 12, 7622 CP Borne", phone: "074-000 11 10", email: "buurtsport@sociaalhus-borne.example",
                website: "https://buurtsport-borne.example", openingHours: "ma t/m vr 9.00-17.00 uur"),
        OrgSpec(key: "ouderenbond", name: "Ouderenbond Borne",
                description: "Vereniging voor en door senioren: de maandelijkse soos, voorlichting, belastinghulp en de ouderenadviseurs van de bond. Ook niet-leden zijn welkom.",
                categories: ["ontmoeting en eenzaamheid", "zorg en ondersteuning"], wijken: [],
                address: "Grotestraat 72, 7622 GG Borne", phone: "074-000 11 70", email: "secretaris@ouderenbond-borne.example",
                website: "https://ouderenbond-borne.example", openingHours: "soos elke maand; secretariaat per telefoon di en do"),
        OrgSpec(key: "diaconie", name: "Diaconie De Ontmoetingskerk",
                description: "De diaconie helpt met een luisterend oor, een inloopmaaltijd en soms een gift in noodsituaties, voor iedereen ongeacht geloof. Ook organiseren we het rouwcafé.",
                categories: ["ontmoeting en eenzaamheid", "geldzaken", "zorg en ondersteuning"], wijken: [],
                address: "Grotestraat 90, 7622 GH Borne", phone: "074-000 11 40", email: "diaconie@ontmoetingskerk-borne.example",
                website: "https://ontmoetingskerk-borne.example", openingHours: "kerkelijk bureau di en vr 9.00-11.30 uur"),
        OrgSpec(key: "muziek", name: "Muziekvereniging Borne",
                description: "Harmonie, slagwerkgroep en leerlingenorkest. Instrumenten zijn te leen en met Leergeld kunnen ook kinderen uit gezinnen met een krap budget meespelen.",
                categories: ["cultuur"], wijken: [],
                address: "Stationsstraat 25, 7622 LW Borne", phone: "074-000 11 80", email: "info@muziekvereniging-borne.example",
                website: "https://muziekvereniging-borne.example", openingHours: "repetities op dinsdagavond"),
    ]

    private static func createOrganisations(_ ctx: inout Context) throws {
        for spec in organisations {
            let wijken = try (spec.wijken.isEmpty ? DemoData.wijken : spec.wijken).map { try ctx.wijk($0) }
            let org = try ctx.store.perform(.createOrganisation(
                Organisation(id: OrganisationID(0), name: spec.name, description: spec.description, categories: spec.categories,
                             wijken: wijken, address: spec.address, phone: spec.phone, email: spec.email,
                             website: spec.website, openingHours: spec.openingHours)),
                as: .commandLine)
            ctx.orgIDs[spec.key] = org.id
        }
    }
}

// MARK: - Accounts

extension DemoData {
    /// One demo person. Passwords avoid the person's name and "borne"/"sociaalhus" so they pass
    /// `PasswordPolicy` like any real registration must.
    private struct AccountSpec {
        var key: String
        var name: String
        var local: String
        var password: String
        var wijk: String
        var role: String
        var visibility: ProfileVisibility = .anonymous
        var roles: Roles = .residentOnly
        var email: EmailPreferences = .allOff
        var interests: [String] = []
        var phone: String?
        var address: String?
    }

    private static let demoDomain = "demo.sociaalhus.example"

    private static func accountSpecs(_ ctx: Context) throws -> [AccountSpec] {
        [
            AccountSpec(key: "anna", name: "Demo Anna de Vries", local: "anna.devries", password: "demo-Kiwi-Tulp-2026",
                        wijk: "Centrum", role: "bewoner in Centrum", visibility: .public,
                        email: EmailPreferences(visitorMessages: true, announcements: true),
                        interests: ["ontmoeting en eenzaamheid", "cultuur"],
                        phone: "06-00 00 01 01", address: "Grotestraat 101, 7622 GE Borne"),
            AccountSpec(key: "henk", name: "Demo Henk Jansen", local: "henk.jansen", password: "demo-Fiets-Molen-47",
                        wijk: "Centrum", role: "bewoner in Centrum", visibility: .neighbours,
                        email: EmailPreferences(wijkNotifications: true),
                        interests: ["sport en bewegen", "vrijwilligerswerk"]),
            AccountSpec(key: "fatima", name: "Demo Fatima El Amrani", local: "fatima.elamrani", password: "demo-Regen-Appel-19",
                        wijk: "Bornsche Maten", role: "bewoner in Bornsche Maten", visibility: .anonymous,
                        interests: ["opvoeden en jeugd", "geldzaken"]),
            AccountSpec(key: "gerrit", name: "Demo Gerrit Oude Luttikhuis", local: "gerrit.oudeluttikhuis", password: "demo-Klomp-Zon-Boek-8",
                        wijk: "Zenderen", role: "bewoner in Zenderen", visibility: .public,
                        email: EmailPreferences(visitorMessages: true, wijkNotifications: true, newsletters: true),
                        interests: ["vrijwilligerswerk", "ontmoeting en eenzaamheid", "sport en bewegen"],
                        phone: "06-00 00 02 02", address: "Hoofdstraat 77, 7625 PA Zenderen"),
            AccountSpec(key: "ria", name: "Demo Ria Nijhuis", local: "ria.nijhuis", password: "demo-Haring-Wolk-31",
                        wijk: "Hertme", role: "bewoner in Hertme", visibility: .neighbours,
                        interests: ["zorg en ondersteuning"]),
            AccountSpec(key: "sanne", name: "Demo Sanne Bakker", local: "sanne.bakker", password: "demo-Linde-Vlinder-62",
                        wijk: "Bornsche Maten", role: "lokale partner en bewoner in Bornsche Maten", visibility: .neighbours,
                        roles: Roles(resident: true, partnerOf: [try ctx.wijk("Bornsche Maten")]),
                        email: EmailPreferences(newsletters: true, announcements: true),
                        interests: ["opvoeden en jeugd", "ontmoeting en eenzaamheid"],
                        phone: "06-00 00 03 03"),
            AccountSpec(key: "kees", name: "Demo Kees Smit", local: "kees.smit", password: "demo-Koffie-Brug-55",
                        wijk: "Centrum", role: "redacteur van Welzijn Borne (demo)",
                        roles: Roles(resident: false, editorOf: [try ctx.org("welzijn")])),
            AccountSpec(key: "yvonne", name: "Demo Yvonne Hulshof", local: "yvonne.hulshof", password: "demo-Pompoen-Kaars-23",
                        wijk: "Centrum", role: "redacteur van Voedselbank Borne",
                        roles: Roles(resident: false, editorOf: [try ctx.org("voedselbank")])),
            AccountSpec(key: "lotte", name: "Demo Lotte Meijer", local: "lotte.meijer", password: "demo-Balie-Lamp-Thee-4",
                        wijk: "Centrum", role: "baliemedewerker Sociaal Hus",
                        roles: Roles(resident: false, deskStaff: true)),
            AccountSpec(key: "bram", name: "Demo Bram Kuipers", local: "bram.kuipers", password: "demo-Sleutel-Meeuw-90",
                        wijk: "Centrum", role: "beheerder",
                        roles: Roles(resident: false, administrator: true)),
        ]
    }

    private static func createAccounts(_ ctx: inout Context) throws -> [DemoAccount] {
        var out: [DemoAccount] = []
        for spec in try accountSpecs(ctx) {
            let email = "\(spec.local)@\(demoDomain)"
            // The wijk goes by number, so a store with other wijk names still accepts it.
            let account = try ctx.store.perform(.register(Registration(
                email: email, name: spec.name, password: spec.password, wijk: String(try ctx.wijk(spec.wijk).rawValue),
                roles: spec.roles, visibility: spec.visibility, emailPreferences: spec.email, interests: spec.interests)), as: .visitor)
            if spec.phone != nil || spec.address != nil {
                var fields = account.profile
                fields.phone = spec.phone
                fields.address = spec.address
                try ctx.store.perform(.saveProfile(ProfileSave(account: account.id, basedOn: nil, fields: fields)), as: .account(account))
            }
            // Verified as if at the desk, all but Fatima: her wijk stays only stated, so the demo
            // shows both (and what an unverified resident sees of "Alleen buren").
            if spec.key != "fatima" { _ = try ctx.store.perform(.verifyWijk(email: email), as: .commandLine) }
            ctx.accounts[spec.key] = ctx.store.ownAccount(account.id) ?? account
            out.append(DemoAccount(email: email, password: spec.password, role: spec.role, visibility: spec.visibility))
        }
        return out
    }
}

// MARK: - Agenda

extension DemoData {
    /// When an activity happens.
    private enum When {
        /// The `week`-th such weekday from tomorrow on (week 0...6 keeps one-off items inside the
        /// 8-week agenda window whatever weekday today is).
        case weekday(Weekday, week: Int, hour: Int, minute: Int)
        /// The next such day of the month (1...28).
        case monthDay(Int, hour: Int, minute: Int)
    }

    /// One activity; `minutes == nil` makes it an all-day item without an end.
    private struct Activity {
        var org: String
        var title: String
        var description: String
        var wijk: String?
        var location: String
        var category: String
        var cost: String
        var signup: String
        var when: When
        var minutes: Int?
        var repeats: Recurrence.Frequency = .none
        /// Taking sign-ups through the platform, with its places.
        var signUps: SignUpOptions? = nil
    }

    private static let activities: [Activity] = recurringActivities + singleActivities

    private static let recurringActivities: [Activity] = [
        Activity(org: "sociaalhus", title: "Inloopspreekuur Sociaal Hus",
                 description: "Zonder afspraak binnenlopen met je vraag over zorg, geld, werk of wonen. Een medewerker luistert en zoekt samen met je naar een oplossing.",
                 wijk: nil, location: "Sociaal Hus Borne, Marktstraat 12", category: "zorg en ondersteuning", cost: "gratis", signup: "vrije inloop",
                 when: .weekday(.monday, week: 0, hour: 9, minute: 0), minutes: 180, repeats: .weekly),
        Activity(org: "welzijn", title: "Koffieochtend in het Centrum",
                 description: "Even de deur uit voor een kop koffie en een praatje. Iedereen is welkom, ook als je nieuw bent in Borne.",
                 wijk: "Centrum", location: "Sociaal Hus Borne, Marktstraat 12", category: "ontmoeting en eenzaamheid", cost: "gratis", signup: "vrije inloop",
                 when: .weekday(.tuesday, week: 0, hour: 10, minute: 0), minutes: 90, repeats: .weekly),
        Activity(org: "taalhuis", title: "Taalcafé",
                 description: "Nederlands oefenen in een ontspannen sfeer, met vrijwilligers van het Taalhuis. Voor alle niveaus; je hoeft je niet aan te melden.",
                 wijk: "Centrum", location: "Bibliotheek Borne, Marktstraat", category: "werk en inkomen", cost: "gratis", signup: "vrije inloop",
                 when: .weekday(.wednesday, week: 0, hour: 14, minute: 0), minutes: 90, repeats: .weekly),
        Activity(org: "voedselbank", title: "Uitgifte voedselpakketten",
                 description: "Wekelijkse uitgifte voor klanten van de Voedselbank. Neem je klantenpas en een stevige tas mee.",
                 wijk: nil, location: "Voedselbank Borne, Spoorstraat", category: "geldzaken", cost: "gratis",
                 signup: "alleen na aanmelding via het Sociaal Hus, 074-000 10 00",
                 when: .weekday(.friday, week: 0, hour: 13, minute: 30), minutes: 120, repeats: .weekly),
        Activity(org: "beweegclub", title: "Meer bewegen voor ouderen",
                 description: "Rustige gymles op muziek voor 65-plussers, zittend of staand. Goed voor balans en conditie, en na afloop is er koffie.",
                 wijk: "Zenderen", location: "Buurthuis De Kern, Zenderen", category: "sport en bewegen", cost: "€ 2,50 per les",
                 signup: "aanmelden in SociaalHus (a); de zaal heeft plaats voor 15",
                 when: .weekday(.thursday, week: 0, hour: 10, minute: 0), minutes: 60, repeats: .weekly,
                 signUps: SignUpOptions(places: 15, waitingList: false)),
        Activity(org: "jongerenwerk", title: "Jongereninloop De Maten",
                 description: "Chillen, gamen, tafeltennissen of gewoon praten. De jongerenwerkers zijn er voor jongeren van 12 tot 18 jaar.",
                 wijk: "Bornsche Maten", location: "Wijkcentrum De Maten, Bornsche Maten", category: "opvoeden en jeugd", cost: "gratis", signup: "vrije inloop",
                 when: .weekday(.friday, week: 0, hour: 19, minute: 0), minutes: 180, repeats: .weekly),
        Activity(org: "wandelclub", title: "Wandelen rond Hertme",
                 description: "Wekelijkse wandeling van ongeveer 6 kilometer over de es en door het bos. Stevige schoenen aanbevolen; na afloop koffie in het dorpshuis.",
                 wijk: "Hertme", location: "Start bij Dorpshuis Hertme", category: "sport en bewegen", cost: "gratis", signup: "vrije inloop",
                 when: .weekday(.wednesday, week: 0, hour: 9, minute: 30), minutes: 120, repeats: .weekly),
        Activity(org: "sportclub", title: "Walking football voor 55-plussers",
                 description: "Voetbal in wandeltempo: niet rennen, geen sliding, wel veel plezier. Geen ervaring nodig, wel sportschoenen.",
                 wijk: "Bornsche Maten", location: "Sportpark Bornsche Maten", category: "sport en bewegen", cost: "€ 2,50", signup: "vrije inloop",
                 when: .weekday(.tuesday, week: 0, hour: 10, minute: 0), minutes: 60, repeats: .weekly),
        Activity(org: "humanitas", title: "Spreekuur thuisadministratie",
                 description: "Hulp bij het ordenen van post, rekeningen en formulieren. Een getrainde vrijwilliger kijkt vertrouwelijk met je mee.",
                 wijk: "Centrum", location: "Sociaal Hus Borne, Marktstraat 12", category: "geldzaken", cost: "gratis", signup: "aanmelden via 074-000 10 20",
                 when: .weekday(.thursday, week: 0, hour: 13, minute: 30), minutes: 120, repeats: .biweekly),
        Activity(org: "dorpshuis", title: "Samen eten in Hertme",
                 description: "Schuif aan voor een eenvoudige, verse maaltijd met dorpsgenoten. Vegetarisch op aanvraag.",
                 wijk: "Hertme", location: "Dorpshuis Hertme", category: "ontmoeting en eenzaamheid", cost: "€ 6,00",
                 signup: "aanmelden in SociaalHus (a) of via 074-000 10 90",
                 when: .weekday(.wednesday, week: 1, hour: 17, minute: 30), minutes: 120, repeats: .biweekly,
                 signUps: SignUpOptions(places: 12, waitingList: true)),
        Activity(org: "mantelzorg", title: "Mantelzorgcafé",
                 description: "Ervaringen delen met andere mantelzorgers, elke keer met een kort thema. Zorg je voor een naaste? Je bent welkom.",
                 wijk: nil, location: "Sociaal Hus Borne, Marktstraat 12", category: "zorg en ondersteuning", cost: "gratis", signup: "vrije inloop",
                 when: .weekday(.tuesday, week: 0, hour: 19, minute: 30), minutes: 90, repeats: .biweekly),
        Activity(org: "speelotheek", title: "Speel-o-theek open",
                 description: "Speelgoed lenen voor een klein bedrag: van puzzels tot loopfietsen. Kom samen met je kinderen kijken.",
                 wijk: "Bornsche Maten", location: "Wijkcentrum De Maten, Bornsche Maten", category: "opvoeden en jeugd", cost: "€ 1,00 per stuk speelgoed",
                 signup: "vrije inloop",
                 when: .weekday(.saturday, week: 0, hour: 10, minute: 0), minutes: 120, repeats: .biweekly),
        Activity(org: "schuldhulp", title: "Geldspreekuur in Zenderen",
                 description: "Zorgen over geld of een stapel onbetaalde rekeningen? Een SchuldHulpMaatje luistert en helpt je op weg, zonder oordeel.",
                 wijk: "Zenderen", location: "Buurthuis De Kern, Zenderen", category: "geldzaken", cost: "gratis", signup: "vrije inloop",
                 when: .weekday(.monday, week: 1, hour: 14, minute: 0), minutes: 90, repeats: .biweekly),
        Activity(org: "repaircafe", title: "Repair Café Zenderen",
                 description: "Kapotte lamp, broek of broodrooster? Samen met vrijwillige reparateurs maak je het weer heel. De koffie staat klaar.",
                 wijk: "Zenderen", location: "Buurthuis De Kern, Zenderen", category: "vrijwilligerswerk", cost: "gratis, een vrijwillige bijdrage mag",
                 signup: "vrije inloop",
                 when: .monthDay(14, hour: 13, minute: 0), minutes: 180, repeats: .monthly),
        Activity(org: "bibliotheek", title: "Digicafé: hulp bij je telefoon en DigiD",
                 description: "Vragen over je smartphone, tablet, DigiD of de website van de gemeente? Vrijwilligers helpen je stap voor stap.",
                 wijk: "Centrum", location: "Bibliotheek Borne, Marktstraat", category: "zorg en ondersteuning", cost: "gratis", signup: "vrije inloop",
                 when: .monthDay(8, hour: 10, minute: 0), minutes: 120, repeats: .monthly),
        Activity(org: "ouderenbond", title: "Ouderensoos met bingo",
                 description: "Gezellige middag met bingo, koffie en een drankje. Ook niet-leden zijn van harte welkom.",
                 wijk: "Centrum", location: "Zaal De Pastorie, Grotestraat", category: "ontmoeting en eenzaamheid", cost: "€ 3,00 inclusief koffie",
                 signup: "vrije inloop",
                 when: .monthDay(20, hour: 14, minute: 0), minutes: 150, repeats: .monthly),
        Activity(org: "diaconie", title: "Rouwcafé",
                 description: "Een rustige avond voor wie iemand heeft verloren, kort of lang geleden. Praten mag, luisteren ook.",
                 wijk: nil, location: "De Ontmoetingskerk, Grotestraat", category: "zorg en ondersteuning", cost: "gratis", signup: "vrije inloop",
                 when: .monthDay(24, hour: 19, minute: 30), minutes: 120, repeats: .monthly),
    ]

    private static let singleActivities: [Activity] = [
        // Week 0
        Activity(org: "sociaalhus", title: "Informatieavond: vaste lasten en energietoeslag",
                 description: "Hoe houd je je vaste lasten betaalbaar? Uitleg over regelingen, toeslagen, energie besparen en waar je hulp kunt krijgen.",
                 wijk: nil, location: "Sociaal Hus Borne, Marktstraat 12", category: "geldzaken", cost: "gratis", signup: "aanmelden via 074-000 10 00",
                 when: .weekday(.wednesday, week: 0, hour: 19, minute: 30), minutes: 90),
        Activity(org: "energiecoaches", title: "Energiecoaches op de markt",
                 description: "Stel je vragen over isoleren, tochtstrips en je energiecontract aan de vrijwillige energiecoaches en maak meteen een afspraak voor een gratis bezoek.",
                 wijk: "Centrum", location: "Marktplein Borne", category: "wonen", cost: "gratis", signup: "vrije inloop",
                 when: .weekday(.saturday, week: 0, hour: 10, minute: 0), minutes: 180),
        Activity(org: "jongerenwerk", title: "Gametoernooi voor jongeren",
                 description: "Voetbalgame-toernooi voor jongeren van 12 tot 18 jaar, alleen of als duo. Prijzen voor de top drie en pizza voor iedereen.",
                 wijk: "Bornsche Maten", location: "Wijkcentrum De Maten, Bornsche Maten", category: "opvoeden en jeugd", cost: "gratis",
                 signup: "aanmelden bij de jongerenwerkers of via 074-000 10 80",
                 when: .weekday(.saturday, week: 0, hour: 14, minute: 0), minutes: 180),
        Activity(org: "dekern", title: "Kaartmiddag in De Kern",
                 description: "Klaverjassen en rikken voor iedereen uit Zenderen en omgeving. Beginners krijgen uitleg.",
                 wijk: "Zenderen", location: "Buurthuis De Kern, Zenderen", category: "ontmoeting en eenzaamheid", cost: "€ 2,00", signup: "vrije inloop",
                 when: .weekday(.thursday, week: 0, hour: 14, minute: 0), minutes: 180),
        Activity(org: "kledingbank", title: "Inzameldag kleding en schoenen",
                 description: "Lever de hele dag schone, hele kleding en schoenen in bij de container naast de ingang. Kinderkleding is extra welkom.",
                 wijk: nil, location: "Kledingbank Borne, Stationsstraat", category: "geldzaken", cost: "gratis", signup: "vrije inloop",
                 when: .weekday(.monday, week: 0, hour: 0, minute: 0), minutes: nil),
        Activity(org: "vrijwilligers", title: "Kennismakingsavond maatjesproject",
                 description: "Wil je een paar uur per maand optrekken met iemand die eenzaam is? Maak kennis met het maatjesproject en andere maatjes.",
                 wijk: "Bornsche Maten", location: "Wijkcentrum De Maten, Bornsche Maten", category: "vrijwilligerswerk", cost: "gratis", signup: "vrije inloop",
                 when: .weekday(.thursday, week: 0, hour: 19, minute: 30), minutes: 90),
        // Week 1
        Activity(org: "cjg", title: "Opvoedcafé: het puberbrein",
                 description: "Waarom doet mijn puber zo? Een jeugdverpleegkundige vertelt over het puberbrein; daarna is er ruimte voor vragen en ervaringen.",
                 wijk: nil, location: "Bibliotheek Borne, Marktstraat", category: "opvoeden en jeugd", cost: "gratis", signup: "aanmelden via 074-000 10 70",
                 when: .weekday(.tuesday, week: 1, hour: 19, minute: 30), minutes: 120),
        Activity(org: "vrijwilligers", title: "Vrijwilligersmarkt",
                 description: "Ontdek welk vrijwilligerswerk er in Borne, Zenderen en Hertme te doen is. Twintig organisaties stellen zich voor.",
                 wijk: nil, location: "Sociaal Hus Borne, Marktstraat 12", category: "vrijwilligerswerk", cost: "gratis", signup: "vrije inloop",
                 when: .weekday(.saturday, week: 1, hour: 10, minute: 0), minutes: 180),
        Activity(org: "dorpshuis", title: "Dorpsquiz Hertme",
                 description: "De jaarlijkse quiz met teams van vier tot zes personen. Vragen over Hertme, muziek en het nieuws.",
                 wijk: "Hertme", location: "Dorpshuis Hertme", category: "ontmoeting en eenzaamheid", cost: "€ 5,00 per team", signup: "aanmelden via 074-000 10 90",
                 when: .weekday(.friday, week: 1, hour: 20, minute: 0), minutes: 150),
        Activity(org: "bibliotheek", title: "Voorleesuurtje voor peuters",
                 description: "Prentenboeken voorlezen met liedjes en een knutselwerkje, voor kinderen van 2 tot 4 jaar met hun (groot)ouder.",
                 wijk: "Centrum", location: "Bibliotheek Borne, Marktstraat", category: "cultuur", cost: "gratis", signup: "vrije inloop",
                 when: .weekday(.wednesday, week: 1, hour: 10, minute: 0), minutes: 45),
        Activity(org: "beweegclub", title: "Cursus In Balans: vallen voorkomen",
                 description: "Korte cursus om vallen te voorkomen, met oefeningen en tips voor thuis. Eerste van drie bijeenkomsten.",
                 wijk: "Zenderen", location: "Buurthuis De Kern, Zenderen", category: "sport en bewegen", cost: "gratis", signup: "aanmelden via 074-000 11 05",
                 when: .weekday(.monday, week: 1, hour: 10, minute: 0), minutes: 90),
        Activity(org: "speelotheek", title: "Kinderkledingbeurs",
                 description: "Verkoop en ruil van kinderkleding en speelgoed, maat 50 tot 176. De opbrengst gaat deels naar de Speel-o-theek.",
                 wijk: "Bornsche Maten", location: "Wijkcentrum De Maten, Bornsche Maten", category: "opvoeden en jeugd", cost: "gratis entree",
                 signup: "vrije inloop",
                 when: .weekday(.saturday, week: 1, hour: 9, minute: 30), minutes: 180),
        Activity(org: "humanitas", title: "Informatieavond: vrijwilliger bij de thuisadministratie",
                 description: "Ben je goed met papieren en wil je iemand helpen overzicht te krijgen? Hoor wat het werk inhoudt en hoe de training eruitziet.",
                 wijk: "Centrum", location: "Sociaal Hus Borne, Marktstraat 12", category: "vrijwilligerswerk", cost: "gratis", signup: "aanmelden via 074-000 10 20",
                 when: .weekday(.thursday, week: 1, hour: 19, minute: 30), minutes: 90),
        Activity(org: "buurtsport", title: "Seniorenfitness: proefles",
                 description: "Kennismaken met fitness op maat voor 60-plussers, onder begeleiding van de buurtsportcoach.",
                 wijk: "Hertme", location: "Dorpshuis Hertme", category: "sport en bewegen", cost: "gratis", signup: "aanmelden via 074-000 11 10",
                 when: .weekday(.tuesday, week: 1, hour: 10, minute: 0), minutes: 60),
        // Week 2
        Activity(org: "dorpshuis", title: "Rommelmarkt Hertme",
                 description: "Grote rommelmarkt rond het dorpshuis, met koffie en zelfgebakken taart. De opbrengst is voor het onderhoud van het dorpshuis.",
                 wijk: "Hertme", location: "Dorpshuis Hertme", category: "ontmoeting en eenzaamheid", cost: "gratis entree", signup: "vrije inloop",
                 when: .weekday(.saturday, week: 2, hour: 0, minute: 0), minutes: nil),
        Activity(org: "woonstichting", title: "Spreekuur voor huurders",
                 description: "Vragen over je huurwoning, onderhoud of overlast? De wijkconsulent van de woonstichting is aanwezig.",
                 wijk: "Bornsche Maten", location: "Wijkcentrum De Maten, Bornsche Maten", category: "wonen", cost: "gratis", signup: "vrije inloop",
                 when: .weekday(.tuesday, week: 2, hour: 13, minute: 30), minutes: 90),
        Activity(org: "buurtsport", title: "Sportinstuif voor kinderen",
                 description: "Een middag proberen: judo, basketbal, turnen en meer. Voor kinderen van 6 tot 12 jaar; neem sportkleding en een bidon mee.",
                 wijk: "Zenderen", location: "Gymzaal Zenderen", category: "sport en bewegen", cost: "gratis", signup: "aanmelden via 074-000 11 10",
                 when: .weekday(.wednesday, week: 2, hour: 14, minute: 0), minutes: 120),
        Activity(org: "mantelzorg", title: "Ontspanningsmiddag voor mantelzorgers",
                 description: "Een middag voor jezelf: stoelmassage, een lunch en tijd voor een goed gesprek. Vervangende zorg kan in overleg worden geregeld.",
                 wijk: nil, location: "Dorpshuis Hertme", category: "zorg en ondersteuning", cost: "gratis", signup: "aanmelden via 074-000 10 40",
                 when: .weekday(.friday, week: 2, hour: 12, minute: 0), minutes: 180),
        Activity(org: "sociaalhus", title: "Spreekuur Wmo en hulpmiddelen",
                 description: "Vragen over een scootmobiel, traplift of huishoudelijke hulp? Een Wmo-consulent beantwoordt je vragen.",
                 wijk: "Zenderen", location: "Buurthuis De Kern, Zenderen", category: "zorg en ondersteuning", cost: "gratis", signup: "aanmelden via 074-000 10 00",
                 when: .weekday(.thursday, week: 2, hour: 10, minute: 0), minutes: 120),
        Activity(org: "leergeld", title: "Inloop Stichting Leergeld",
                 description: "Kan je kind niet meedoen met sport, muziek of schoolreis omdat het geld er niet is? Leergeld vertelt wat er mogelijk is.",
                 wijk: "Bornsche Maten", location: "Wijkcentrum De Maten, Bornsche Maten", category: "geldzaken", cost: "gratis", signup: "vrije inloop",
                 when: .weekday(.monday, week: 2, hour: 15, minute: 0), minutes: 60),
        Activity(org: "muziek", title: "Open repetitie: speel mee met de harmonie",
                 description: "Speel je een instrument of heb je dat vroeger gedaan? Schuif aan bij de repetitie; instrumenten zijn te leen.",
                 wijk: "Centrum", location: "Muziekvereniging Borne, Stationsstraat", category: "cultuur", cost: "gratis", signup: "vrije inloop",
                 when: .weekday(.tuesday, week: 2, hour: 19, minute: 45), minutes: 135),
        Activity(org: "energiecoaches", title: "Workshop radiatorfolie en tochtstrips",
                 description: "Leer in een uur hoe je zelf tocht tegengaat en warmte beter benut. Iedere deelnemer krijgt een gratis energiepakket mee.",
                 wijk: "Hertme", location: "Dorpshuis Hertme", category: "wonen", cost: "gratis", signup: "aanmelden via 074-000 11 50",
                 when: .weekday(.thursday, week: 2, hour: 19, minute: 30), minutes: 90),
        // Week 3
        Activity(org: "welzijn", title: "Week van de ontmoeting: open deuren",
                 description: "Alle buurthuizen in de gemeente zetten de hele dag de deur open. Kom binnen voor koffie en een kennismaking met je buren.",
                 wijk: nil, location: "Buurthuizen in Borne, Zenderen en Hertme", category: "ontmoeting en eenzaamheid", cost: "gratis", signup: "vrije inloop",
                 when: .weekday(.wednesday, week: 3, hour: 0, minute: 0), minutes: nil),
        Activity(org: "bibliotheek", title: "Lezing: de Bornse textielindustrie",
                 description: "Een historicus vertelt over de weverijen die Borne groot maakten, met oude foto's uit het archief.",
                 wijk: "Centrum", location: "Bibliotheek Borne, Marktstraat", category: "cultuur", cost: "€ 5,00, leden € 3,50",
                 signup: "aanmelden aan de balie van de bibliotheek",
                 when: .weekday(.thursday, week: 3, hour: 20, minute: 0), minutes: 90),
        Activity(org: "schuldhulp", title: "Workshop Grip op je geld",
                 description: "In twee uur leer je een overzicht maken van je inkomsten en uitgaven, en hoe je onverwachte rekeningen opvangt.",
                 wijk: "Bornsche Maten", location: "Wijkcentrum De Maten, Bornsche Maten", category: "geldzaken", cost: "gratis", signup: "aanmelden via 074-000 10 61",
                 when: .weekday(.tuesday, week: 3, hour: 19, minute: 30), minutes: 120),
        Activity(org: "wandelclub", title: "Natuurwandeling met gids",
                 description: "Een natuurgids vertelt onderweg over de planten, vogels en het landschap rond Hertme.",
                 wijk: "Hertme", location: "Start bij Dorpshuis Hertme", category: "sport en bewegen", cost: "€ 2,50", signup: "aanmelden via 074-000 11 00",
                 when: .weekday(.sunday, week: 3, hour: 14, minute: 0), minutes: 120),
        Activity(org: "dekern", title: "Spelletjesmiddag voor jong en oud",
                 description: "Bordspellen, sjoelen en kaarten voor kinderen, ouders en grootouders. Neem gerust je eigen favoriete spel mee.",
                 wijk: "Zenderen", location: "Buurthuis De Kern, Zenderen", category: "ontmoeting en eenzaamheid", cost: "gratis", signup: "vrije inloop",
                 when: .weekday(.wednesday, week: 3, hour: 14, minute: 0), minutes: 120),
        Activity(org: "vrijwilligers", title: "Training: omgaan met dementie",
                 description: "Voor vrijwilligers die met ouderen werken: hoe herken je dementie en hoe maak je contact? Met een ervaren trainer.",
                 wijk: nil, location: "Sociaal Hus Borne, Marktstraat 12", category: "vrijwilligerswerk", cost: "gratis", signup: "aanmelden via 074-000 10 55",
                 when: .weekday(.monday, week: 3, hour: 19, minute: 0), minutes: 150),
        Activity(org: "sportclub", title: "Beweegmiddag voor het hele gezin",
                 description: "Voetbal, badminton en een stormbaan: samen met je kinderen bewegen en kennismaken met de vereniging.",
                 wijk: "Bornsche Maten", location: "Sportpark Bornsche Maten", category: "sport en bewegen", cost: "gratis", signup: "vrije inloop",
                 when: .weekday(.saturday, week: 3, hour: 13, minute: 0), minutes: 180),
        Activity(org: "wijkteam", title: "Inloop wijkteam Zenderen",
                 description: "De wijkverpleegkundige en de ouderenadviseur zijn aanwezig voor vragen over zorg en ondersteuning thuis.",
                 wijk: "Zenderen", location: "Buurthuis De Kern, Zenderen", category: "zorg en ondersteuning", cost: "gratis", signup: "vrije inloop",
                 when: .weekday(.friday, week: 3, hour: 10, minute: 0), minutes: 90),
        // Week 4
        Activity(org: "cjg", title: "Inloop voor ouders van baby's en peuters",
                 description: "Vragen over slapen, eten of huilen? Een jeugdverpleegkundige van het CJG is er zonder afspraak.",
                 wijk: "Bornsche Maten", location: "Wijkcentrum De Maten, Bornsche Maten", category: "opvoeden en jeugd", cost: "gratis", signup: "vrije inloop",
                 when: .weekday(.thursday, week: 4, hour: 9, minute: 30), minutes: 90),
        Activity(org: "dekern", title: "Dorpsdag Zenderen",
                 description: "Een dag vol activiteiten voor jong en oud: kinderspelen, muziek en een markt met de verenigingen uit het dorp.",
                 wijk: "Zenderen", location: "Rond Buurthuis De Kern, Zenderen", category: "cultuur", cost: "gratis", signup: "vrije inloop",
                 when: .weekday(.saturday, week: 4, hour: 0, minute: 0), minutes: nil),
        Activity(org: "ouderenbond", title: "Voorlichting: oplichting herkennen",
                 description: "Een wijkagent vertelt hoe je babbeltrucs, nepbellers en valse berichten herkent, en wat je doet als het toch misgaat.",
                 wijk: "Centrum", location: "Zaal De Pastorie, Grotestraat", category: "zorg en ondersteuning", cost: "gratis", signup: "vrije inloop",
                 when: .weekday(.tuesday, week: 4, hour: 14, minute: 0), minutes: 90),
        Activity(org: "taalhuis", title: "Kennismaken met het Taalhuis",
                 description: "Wil je beter leren lezen, schrijven of rekenen? Maak kennis met het Taalhuis en kijk samen welke cursus past.",
                 wijk: "Centrum", location: "Bibliotheek Borne, Marktstraat", category: "werk en inkomen", cost: "gratis", signup: "vrije inloop",
                 when: .weekday(.monday, week: 4, hour: 10, minute: 0), minutes: 120),
        Activity(org: "sociaalhus", title: "Werkcafé: samen op zoek naar werk",
                 description: "Hulp bij je cv, een sollicitatiebrief of het vinden van vacatures. Neem gerust je laptop mee.",
                 wijk: nil, location: "Sociaal Hus Borne, Marktstraat 12", category: "werk en inkomen", cost: "gratis", signup: "vrije inloop",
                 when: .weekday(.wednesday, week: 4, hour: 13, minute: 30), minutes: 120),
        Activity(org: "dorpshuis", title: "Filmavond in het dorpshuis",
                 description: "Een feelgoodfilm op het grote doek, met een pauze voor koffie en iets lekkers.",
                 wijk: "Hertme", location: "Dorpshuis Hertme", category: "cultuur", cost: "€ 4,00 inclusief koffie", signup: "vrije inloop",
                 when: .weekday(.friday, week: 4, hour: 20, minute: 0), minutes: 150),
        Activity(org: "jongerenwerk", title: "Jongeren koken samen",
                 description: "Samen een maaltijd koken en opeten, van boodschappen tot afwas. Voor jongeren van 14 tot 18 jaar.",
                 wijk: "Centrum", location: "Sociaal Hus Borne, Marktstraat 12", category: "opvoeden en jeugd", cost: "€ 2,50",
                 signup: "aanmelden via 074-000 10 80",
                 when: .weekday(.wednesday, week: 4, hour: 16, minute: 0), minutes: 120),
        // Week 5
        Activity(org: "sociaalhus", title: "Informatiemarkt zorg en welzijn",
                 description: "Alle organisaties uit het sociaal domein op één plek: stel je vragen, haal informatie op en maak kennis.",
                 wijk: nil, location: "Sociaal Hus Borne, Marktstraat 12", category: "zorg en ondersteuning", cost: "gratis", signup: "vrije inloop",
                 when: .weekday(.saturday, week: 5, hour: 10, minute: 0), minutes: 240),
        Activity(org: "beweegclub", title: "Fietstocht over de Zenderense es",
                 description: "Rustige fietstocht van ongeveer 25 kilometer met een koffiestop onderweg. Ook met een elektrische fiets welkom.",
                 wijk: "Zenderen", location: "Start bij Buurthuis De Kern, Zenderen", category: "sport en bewegen", cost: "gratis", signup: "vrije inloop",
                 when: .weekday(.tuesday, week: 5, hour: 13, minute: 30), minutes: 150),
        Activity(org: "speelotheek", title: "Knutselmiddag",
                 description: "Knutselen met papier, klei en natuurmaterialen voor kinderen van 4 tot 10 jaar.",
                 wijk: "Bornsche Maten", location: "Wijkcentrum De Maten, Bornsche Maten", category: "opvoeden en jeugd", cost: "€ 1,50",
                 signup: "aanmelden via 074-000 11 20",
                 when: .weekday(.wednesday, week: 5, hour: 14, minute: 0), minutes: 90),
        Activity(org: "humanitas", title: "Spreekuur thuisadministratie in Hertme",
                 description: "Het spreekuur van de thuisadministratie komt naar Hertme. Neem je papieren mee; een vrijwilliger kijkt vertrouwelijk mee.",
                 wijk: "Hertme", location: "Dorpshuis Hertme", category: "geldzaken", cost: "gratis", signup: "aanmelden via 074-000 10 20",
                 when: .weekday(.thursday, week: 5, hour: 10, minute: 0), minutes: 120),
        Activity(org: "muziek", title: "Korenconcert in de kerk",
                 description: "Drie koren uit de gemeente zingen een gevarieerd programma. Na afloop koffie en thee.",
                 wijk: "Centrum", location: "De Ontmoetingskerk, Grotestraat", category: "cultuur", cost: "€ 7,50, kinderen gratis", signup: "kaarten aan de deur",
                 when: .weekday(.sunday, week: 5, hour: 15, minute: 0), minutes: 105),
        Activity(org: "voedselbank", title: "Inzameldag Voedselbank",
                 description: "Vrijwilligers staan de hele dag bij de supermarkten. Doneer houdbare producten zoals pasta, rijst, koffie en conserven.",
                 wijk: nil, location: "Supermarkten in Borne en Zenderen", category: "geldzaken", cost: "gratis", signup: "vrije inloop",
                 when: .weekday(.friday, week: 5, hour: 0, minute: 0), minutes: nil),
        Activity(org: "welzijn", title: "Informatieavond buurtbemiddeling",
                 description: "Last van geluid, een schutting of een blaffende hond? Hoor hoe buurtbemiddeling werkt en wat de vrijwillige bemiddelaars doen.",
                 wijk: "Bornsche Maten", location: "Wijkcentrum De Maten, Bornsche Maten", category: "wonen", cost: "gratis",
                 signup: "aanmelden in SociaalHus (a); 30 plaatsen",
                 when: .weekday(.monday, week: 5, hour: 19, minute: 30), minutes: 90,
                 signUps: SignUpOptions(places: 30, waitingList: true)),
        // Week 6
        Activity(org: "dekern", title: "Wijkdiner Zenderen",
                 description: "Een driegangendiner gekookt door vrijwilligers, aan lange tafels met dorpsgenoten.",
                 wijk: "Zenderen", location: "Buurthuis De Kern, Zenderen", category: "ontmoeting en eenzaamheid", cost: "€ 7,50",
                 signup: "aanmelden via 074-000 10 30",
                 when: .weekday(.friday, week: 6, hour: 18, minute: 0), minutes: 150),
        Activity(org: "bibliotheek", title: "Boekenruilmarkt",
                 description: "Neem boeken mee die je uit hebt en ruil ze voor nieuwe leesvoer. Ook kinderboeken en strips.",
                 wijk: "Centrum", location: "Bibliotheek Borne, Marktstraat", category: "cultuur", cost: "gratis", signup: "vrije inloop",
                 when: .weekday(.saturday, week: 6, hour: 10, minute: 0), minutes: 180),
        Activity(org: "sportclub", title: "Proeftraining badminton voor volwassenen",
                 description: "Nooit gespeeld of lang geleden? Probeer een avond mee te doen; rackets zijn te leen.",
                 wijk: "Bornsche Maten", location: "Sportpark Bornsche Maten", category: "sport en bewegen", cost: "gratis",
                 signup: "aanmelden via 074-000 11 30",
                 when: .weekday(.tuesday, week: 6, hour: 20, minute: 0), minutes: 60),
        Activity(org: "mantelzorg", title: "Cursus: zorgen zonder op te branden",
                 description: "Eerste van drie avonden over je grenzen bewaken als mantelzorger, met een ervaren trainer en andere mantelzorgers.",
                 wijk: "Centrum", location: "Sociaal Hus Borne, Marktstraat 12", category: "zorg en ondersteuning", cost: "gratis",
                 signup: "aanmelden via 074-000 10 40",
                 when: .weekday(.thursday, week: 6, hour: 19, minute: 30), minutes: 120),
        Activity(org: "dorpshuis", title: "Vrijwilligersavond Dorpshuis Hertme",
                 description: "Bedankavond voor alle vrijwilligers van het dorpshuis, met een hapje en een drankje. Nieuwe vrijwilligers zijn ook welkom.",
                 wijk: "Hertme", location: "Dorpshuis Hertme", category: "vrijwilligerswerk", cost: "gratis", signup: "aanmelden via 074-000 10 90",
                 when: .weekday(.saturday, week: 6, hour: 19, minute: 30), minutes: 180),
        Activity(org: "diaconie", title: "Inloopmaaltijd",
                 description: "Een warme maaltijd in goed gezelschap, voor iedereen die graag samen eet. Betaal wat je kunt.",
                 wijk: nil, location: "De Ontmoetingskerk, Grotestraat", category: "ontmoeting en eenzaamheid", cost: "vrijwillige bijdrage",
                 signup: "aanmelden via 074-000 11 40",
                 when: .weekday(.wednesday, week: 6, hour: 17, minute: 30), minutes: 120),
        Activity(org: "bibliotheek", title: "Open dag: gratis lid worden",
                 description: "De hele dag open huis in de bibliotheek: wie vandaag lid wordt, betaalt het eerste jaar niets.",
                 wijk: "Centrum", location: "Bibliotheek Borne, Marktstraat", category: "cultuur", cost: "gratis", signup: "vrije inloop",
                 when: .weekday(.monday, week: 6, hour: 0, minute: 0), minutes: nil),
        Activity(org: "woonstichting", title: "Energie besparen in je huurwoning",
                 description: "De woonstichting vertelt over geplande isolatie in Zenderen en geeft tips om nu al energie te besparen.",
                 wijk: "Zenderen", location: "Buurthuis De Kern, Zenderen", category: "wonen", cost: "gratis", signup: "vrije inloop",
                 when: .weekday(.monday, week: 6, hour: 14, minute: 0), minutes: 90),
    ]

    private static func createAgenda(_ ctx: Context) throws {
        for a in activities {
            let day: Date
            let hour: Int, minute: Int
            switch a.when {
            case .weekday(let weekday, let week, let h, let m):
                day = try ctx.day(weekday, week: week)
                (hour, minute) = (h, m)
            case .monthDay(let d, let h, let m):
                day = try ctx.monthDay(d)
                (hour, minute) = (h, m)
            }
            let start: Date, end: Date?
            if let minutes = a.minutes {
                start = try ctx.at(day, hour, minute)
                end = start.addingTimeInterval(Double(minutes) * 60)
            } else {
                start = day
                end = nil
            }
            // Weekly series run ten weeks, the slower ones twelve, so each shows several times in the 8-week view.
            let recurrence: Recurrence = switch a.repeats {
            case .none: .none
            case .weekly: Recurrence(.weekly, until: try ctx.until(weeks: 10))
            case .biweekly, .monthly: Recurrence(a.repeats, until: try ctx.until(weeks: 12))
            }
            _ = try ctx.store.perform(.createAgendaItem(
                AgendaItem(id: AgendaItemID(0), title: a.title, description: a.description, start: start, end: end,
                           allDay: a.minutes == nil, location: a.location, wijk: try a.wijk.map { try ctx.wijk($0) },
                           organisation: try ctx.org(a.org), category: a.category, cost: a.cost, signup: a.signup,
                           recurrence: recurrence), signUps: a.signUps),
                as: .commandLine)
        }
    }
}

extension DemoData {
    /// Two residents signed up for the information evening, so its editor (Kees) has a list
    /// to see: Anna (Openbaar, her e-mail ticked) and Henk as his profile level shows him.
    private static func signUp(_ ctx: Context) throws {
        guard let item = try ctx.store.agenda(AgendaQuery(from: ctx.tomorrow, days: 60, search: "buurtbemiddeling"), viewer: .visitor).first else { return }
        for (key, request) in [("anna", SignUpRequest(showEmail: true, remindDays: 1)), ("henk", SignUpRequest(remindDays: 2))] {
            _ = try ctx.store.perform(.signUp(item.item.id, at: item.start, request), as: .account(try ctx.account(key)))
        }
    }
}

// MARK: - Prikbord

extension DemoData {
    /// Who writes a demo post: a resident (in their own wijk) or an editor for their organisation.
    private enum Writer {
        case resident(String)
        case organisation(String, editor: String)
    }

    private struct PostSpec {
        var writer: Writer
        /// Only read for organisation posts; a resident always posts in their own wijk.
        var wijk: String
        var kind: Post.Kind
        var title: String
        var body: String
        var show: ContactChoice = ContactChoice()
        var days: Int = Post.defaultLifetimeDays
    }

    private static let posts: [PostSpec] = [
        PostSpec(writer: .resident("anna"), wijk: "Centrum", kind: .vraag, title: "Wie helpt mij met mijn tuin?",
                 body: "Mijn knie werkt niet meer mee en de heg is flink gegroeid. Wie wil een zaterdagochtend helpen snoeien? Koffie en appeltaart staan klaar.",
                 show: ContactChoice(name: true)),
        PostSpec(writer: .resident("anna"), wijk: "Centrum", kind: .aanbod, title: "Boeken gratis af te halen",
                 body: "Ik ruim mijn boekenkast op: een doos romans en thrillers, gratis af te halen in het centrum.", days: 14),
        PostSpec(writer: .resident("anna"), wijk: "Centrum", kind: .mededeling, title: "Leesclub zoekt nieuwe leden",
                 body: "Onze kleine leesclub komt eens per maand bij iemand thuis samen. We zoeken nog twee of drie leden die graag over boeken praten.",
                 show: ContactChoice(name: true, email: true), days: 60),
        PostSpec(writer: .resident("henk"), wijk: "Centrum", kind: .vraag, title: "Wie fietst mee op dinsdagochtend?",
                 body: "Ik zoek een of twee mensen om samen een rondje te fietsen, ongeveer 25 kilometer in een rustig tempo.",
                 show: ContactChoice(name: true, email: true), days: 60),
        PostSpec(writer: .resident("henk"), wijk: "Centrum", kind: .aanbod, title: "Hulp bij computer en telefoon",
                 body: "Gepensioneerd ICT'er helpt graag buren met hun laptop, tablet of telefoon. Geen kosten, wel graag een kop koffie.",
                 days: 90),
        PostSpec(writer: .resident("henk"), wijk: "Centrum", kind: .mededeling, title: "Zwarte kat gevonden",
                 body: "Een zwarte kat met een wit befje loopt al een paar dagen rond bij de Grotestraat. Wie mist hem?", days: 7),
        PostSpec(writer: .resident("fatima"), wijk: "Bornsche Maten", kind: .aanbod, title: "Gratis kinderkleding maat 98",
                 body: "Nette jongenskleding in maat 92 tot 104, uit een rookvrij huis. Een volle tas, gratis op te halen.", days: 14),
        PostSpec(writer: .resident("fatima"), wijk: "Bornsche Maten", kind: .vraag, title: "Oppas gezocht voor woensdagmiddag",
                 body: "Wie kan mijn dochter van 6 op woensdagmiddag van school halen en tot 17.00 uur opvangen? Vergoeding in overleg."),
        PostSpec(writer: .resident("fatima"), wijk: "Bornsche Maten", kind: .vraag, title: "Wie wil samen Nederlands oefenen?",
                 body: "Ik spreek al redelijk Nederlands maar wil meer oefenen. Samen een kop koffie drinken en praten, bijvoorbeeld één keer per week?",
                 days: 60),
        PostSpec(writer: .resident("sanne"), wijk: "Bornsche Maten", kind: .mededeling, title: "Opruimactie speeltuin",
                 body: "Zaterdagochtend ruimen we samen de speeltuin in de Bornsche Maten op. Handschoenen en grijpers zijn er; neem je kinderen mee!",
                 show: ContactChoice(name: true, phone: true), days: 21),
        PostSpec(writer: .resident("sanne"), wijk: "Bornsche Maten", kind: .aanbod, title: "Aanhanger te leen",
                 body: "Ik heb een kleine aanhanger die buren gratis mogen lenen voor een verhuizing of een ritje naar de milieustraat.",
                 show: ContactChoice(name: true), days: 90),
        PostSpec(writer: .resident("gerrit"), wijk: "Zenderen", kind: .aanbod, title: "Eieren van eigen kippen",
                 body: "Mijn kippen leggen meer dan wij opeten. Wie wil er af en toe een doosje eieren? Gratis, wel graag de doos terug.",
                 show: ContactChoice(name: true, phone: true, address: true), days: 60),
        PostSpec(writer: .resident("gerrit"), wijk: "Zenderen", kind: .vraag, title: "Wie kan mij naar het ziekenhuis brengen?",
                 body: "Over twee weken heb ik een afspraak in het ziekenhuis in Hengelo en na afloop mag ik zelf niet rijden. Wie kan mij brengen en halen? De benzine vergoed ik.",
                 show: ContactChoice(phone: true), days: 14),
        PostSpec(writer: .resident("gerrit"), wijk: "Zenderen", kind: .mededeling, title: "Bankje bij de kerk weer heel",
                 body: "Met een paar buren hebben we het bankje bij de kerk opgeknapt. Dank aan iedereen die hielp!", days: 7),
        PostSpec(writer: .resident("ria"), wijk: "Hertme", kind: .vraag, title: "Wie wil mijn hond uitlaten?",
                 body: "Door een gebroken pols kan ik de komende weken niet goed met mijn hond wandelen. Wie helpt een paar keer per week?"),
        PostSpec(writer: .resident("ria"), wijk: "Hertme", kind: .aanbod, title: "Gratis brandhout",
                 body: "Na het snoeien heb ik een flinke stapel brandhout over. Zelf ophalen in Hertme.", days: 14),
        PostSpec(writer: .resident("ria"), wijk: "Hertme", kind: .vraag, title: "Samen naar de dorpsquiz?",
                 body: "Ons quizteam zoekt nog twee mensen. Kennis van muziek uit de jaren tachtig is mooi meegenomen!", days: 21),
        PostSpec(writer: .organisation("welzijn", editor: "kees"), wijk: "Centrum", kind: .mededeling, title: "Koffieochtend verplaatst",
                 body: "De koffieochtend van volgende week begint een uur later, om 11.00 uur, vanwege onderhoud aan de verwarming.", days: 7),
        PostSpec(writer: .organisation("welzijn", editor: "kees"), wijk: "Zenderen", kind: .vraag, title: "Vrijwilligers gezocht voor de boodschappenbus",
                 body: "Wij zoeken chauffeurs die één ochtend per week ouderen naar de supermarkt rijden. Rijbewijs B is voldoende.",
                 show: ContactChoice(email: true, phone: true), days: 60),
        PostSpec(writer: .organisation("welzijn", editor: "kees"), wijk: "Bornsche Maten", kind: .aanbod, title: "Buurtbemiddeling: gratis en onpartijdig",
                 body: "Ruzie of ergernis met de buren? Twee getrainde vrijwilligers helpen jullie weer met elkaar in gesprek te komen.",
                 show: ContactChoice(phone: true), days: 90),
        PostSpec(writer: .organisation("welzijn", editor: "kees"), wijk: "Hertme", kind: .mededeling, title: "Nieuwe ouderenadviseur in Hertme",
                 body: "Vanaf deze maand is onze ouderenadviseur elke eerste donderdag van de maand in het dorpshuis. Binnenlopen mag."),
        PostSpec(writer: .organisation("voedselbank", editor: "yvonne"), wijk: "Centrum", kind: .vraag, title: "Houdbare producten nodig",
                 body: "Onze voorraad pasta, rijst en koffie is bijna op. Je kunt producten afgeven aan de Spoorstraat of in de inzamelkrat bij de supermarkt.",
                 show: ContactChoice(email: true)),
        PostSpec(writer: .organisation("voedselbank", editor: "yvonne"), wijk: "Bornsche Maten", kind: .mededeling, title: "Aanmelden voortaan via het Sociaal Hus",
                 body: "Nieuwe klanten kunnen zich voortaan melden bij de balie van het Sociaal Hus. Daar kijken we samen of je in aanmerking komt.",
                 days: 60),
        PostSpec(writer: .organisation("voedselbank", editor: "yvonne"), wijk: "Hertme", kind: .vraag, title: "Chauffeurs gezocht op vrijdag",
                 body: "Voor het ophalen van voedsel bij de supermarkten zoeken we chauffeurs voor de vrijdagochtend, eens in de twee weken.",
                 show: ContactChoice(phone: true), days: 45),
    ]

    private static func createPosts(_ ctx: inout Context) throws {
        for p in posts {
            let author: Post.Author
            let writer: Account
            let wijk: WijkID
            switch p.writer {
            case .resident(let key):
                writer = try ctx.account(key)
                author = .resident(writer.id)
                wijk = writer.profile.wijk
            case .organisation(let org, let editor):
                writer = try ctx.account(editor)
                author = .organisation(try ctx.org(org), by: writer.id)
                wijk = try ctx.wijk(p.wijk)
            }
            let post = try ctx.store.perform(.createPost(
                PostDraft(kind: p.kind, title: p.title, body: p.body, wijk: wijk, author: author, show: p.show, lifetimeDays: p.days)),
                as: .account(writer))
            ctx.postIDs[p.title] = post.id
        }
    }
}

// MARK: - Messages

extension DemoData {
    /// A few contact-form messages from visitors, so residents and editors have something in their
    /// inbox, each about the post or entry it was written from (as the contact form sends it).
    private static func sendMessages(_ ctx: Context) throws {
        func post(_ title: String) throws -> ContactMessage.About {
            guard let id = ctx.postIDs[title] else { throw CoreError.notFound(what: "post '\(title)'") }
            return .post(id)
        }
        let messages: [(String, String, ContactMessage.Recipient, ContactMessage.About, String)] = [
            ("Marieke Pieterse (demo)", "m.pieterse@bezoeker.example", .resident(try ctx.account("anna").id), try post("Wie helpt mij met mijn tuin?"),
             "Hallo, ik zag je vraag over de tuin. Ik woon ook in het centrum en snoei graag; zaterdag om 10 uur komt mij goed uit. Groet, Marieke"),
            ("Ineke Brinks (demo)", "ineke.brinks@bezoeker.example", .resident(try ctx.account("gerrit").id), try post("Wie kan mij naar het ziekenhuis brengen?"),
             "Goedemiddag, ik kan u volgende week naar het ziekenhuis in Hengelo brengen. Mail gerust om iets af te spreken."),
            ("Tom Wessels (demo)", "tom.wessels@bezoeker.example", .organisation(try ctx.org("voedselbank")), try post("Houdbare producten nodig"),
             "Ik heb nog twintig pakken pasta over van een actie op mijn werk. Waar en wanneer kan ik die afgeven?"),
            ("Joost Kamphuis (demo)", "joost.kamphuis@bezoeker.example", .organisation(try ctx.org("repaircafe")), .organisation(try ctx.org("repaircafe")),
             "Kunnen jullie ook een naaimachine repareren? De naald beweegt niet meer."),
        ]
        for (name, email, recipient, about, text) in messages {
            _ = try ctx.store.perform(.sendMessage(senderName: name, senderEmail: email, to: recipient, about: about, text: text), as: .visitor)
        }
    }
}
