import Foundation
import SociaalHusCore
import TerminalKit

/// The lines of "Mijn gegevens": every part of the personal-data export, in words, wrapped to a width.
struct MyDataLines {
    /// One drawn line.
    struct Line: Equatable {
        /// The text (already safe to draw).
        var text: String
        /// How it is drawn.
        var role: StyleRole
    }

    private let lang: Language
    private let width: Int
    private var lines: [Line] = []
    private static let keyWidth = 20

    /// An empty builder.
    private init(lang: Language, width: Int) {
        self.lang = lang
        self.width = max(width, 10)
    }

    /// Everything in `export` as lines of at most `width` cells.
    static func build(_ export: PersonalDataExport, lang: Language, width: Int) -> [Line] {
        var b = MyDataLines(lang: lang, width: width)
        b.account(export.account)
        b.profile(export.profile)
        b.posts(export.posts, heading: lang.pick(nl: "Je berichten op het prikbord", en: "Your posts on the notice board"))
        b.posts(export.postsForOrganisations, heading: lang.pick(nl: "Berichten die je namens een organisatie schreef", en: "Posts you wrote for an organisation"))
        b.messages(export.messagesSent, heading: lang.pick(nl: "Contactberichten die je verstuurde", en: "Contact messages you sent"))
        b.messages(export.messagesReceived, heading: lang.pick(nl: "Contactberichten die je ontving", en: "Contact messages you received"))
        b.disclosures(export.disclosures)
        b.intakes(export.intakes)
        b.reports(export.reportsMade)
        b.reportsAbout(export.reportsAbout)
        b.emails(export.emails)
        b.audit(export.auditEvents)
        return b.lines
    }

    /// Draws `lines` from row `y` to the bottom of `area`, from `offset` (clamped to the last
    /// page), with "first–last/count" on the empty row above when they do not fit; sets
    /// `pageHeight` for the page keys. Shared by Mijn gegevens and a visitor's data.
    static func draw(_ lines: [Line], into g: inout Grid, x: Int, y: Int, area: Rect, width: Int, offset: inout Int, pageHeight: inout Int) {
        g.outline += lines.map { .text($0.text) }
        let height = max(area.maxY - y, 1)
        pageHeight = max(height - 1, 1)
        offset = min(offset, max(lines.count - height, 0))
        for (i, line) in lines.dropFirst(offset).prefix(height).enumerated() {
            g.put(line.text, x: x, y: y + i, role: line.role, maxWidth: width)
        }
        // Scrolled, the cursor goes to the first line that came into view: a screen reader that
        // follows the cursor reads it, where on the intro line it read nothing new.
        if offset > 0 { g.cursor = (x, y) }
        if lines.count > height {
            let more = "\(offset + 1)–\(min(offset + height, lines.count))/\(lines.count)"
            // On the empty row above the data, so it never covers a line of it.
            g.put(more, x: area.x + area.width - 2 - TextWidth.width(more), y: y - 1, role: .muted)
        }
    }

    /// Everything in a visitor's export as lines of at most `width` cells.
    static func build(_ export: VisitorDataExport, lang: Language, width: Int) -> [Line] {
        var b = MyDataLines(lang: lang, width: width)
        b.heading(lang.pick(nl: "E-mailadres", en: "E-mail address"))
        b.text(export.email)
        b.heading(lang.pick(nl: "Berichten die je stuurde", en: "Messages you sent") + " (\(export.messagesSent.count))")
        if export.messagesSent.isEmpty { b.text(b.t("geen", "none"), role: .muted) }
        for m in export.messagesSent {
            b.text(Self.date(m.date, lang) + b.t(" als ", " as ") + m.name + b.t(" aan ", " to ") + m.to)
            b.text(m.text, indent: 4)
        }
        b.heading(lang.pick(nl: "Antwoorden aan je", en: "Answers to you") + " (\(export.repliesReceived.count))")
        if export.repliesReceived.isEmpty { b.text(b.t("geen", "none"), role: .muted) }
        for m in export.repliesReceived {
            b.text(Self.date(m.date, lang))
            b.text(m.text, indent: 4)
        }
        b.heading(lang.pick(nl: "Meldingen die je deed", en: "Reports you made") + " (\(export.reportsMade.count))")
        if export.reportsMade.isEmpty { b.text(b.t("geen", "none"), role: .muted) }
        for r in export.reportsMade {
            let reason = ReportReason(rawValue: r.reason)?.label(lang) ?? r.reason
            let status = Report.Status(rawValue: r.status)?.label(lang) ?? r.status
            b.text(Self.date(r.date, lang) + " · " + reason + " · " + status)
            b.text(r.explanation + " (" + r.name + ")", indent: 4)
        }
        b.heading(lang.pick(nl: "E-mails aan dit adres", en: "E-mails to this address") + " (\(export.emailsWaiting.count))")
        if export.emailsWaiting.isEmpty { b.text(b.t("geen", "none"), role: .muted) }
        for e in export.emailsWaiting {
            b.text(Self.date(e.created, lang) + " · " + e.subject + (e.body.isEmpty ? b.t(" · verstuurd (de tekst is niet bewaard)", " · sent (the text is not kept)") : b.t(" · wacht op verzending", " · waiting to be sent")))
        }
        return b.lines
    }

    /// Dutch or English.
    private func t(_ nl: String, _ en: String) -> String { lang.pick(nl: nl, en: en) }

    // MARK: Parts

    /// The account fields (never the password hash).
    private mutating func account(_ a: PersonalDataExport.AccountPart) {
        heading(t("Account", "Account"))
        field(t("Nummer", "Number"), String(a.id))
        field(t("E-mailadres", "E-mail address"), a.email)
        field(t("Naam", "Name"), a.name)
        field(t("Rollen", "Roles"), a.roles.map(roleName).joined(separator: ", "))
        field(t("Redacteur van", "Editor of"), list(a.editorOf))
        field(t("Lokale partner van", "Local partner of"), list(a.partnerOf))
        field(t("Geblokkeerd", "Blocked"), a.blocked ? t("ja", "yes") + (a.blockedReason.map { " (\($0))" } ?? "") : t("nee", "no"))
        field(t("Aangemaakt", "Created"), Self.date(a.created, lang))
        field(t("Mislukte logins", "Failed logins"), String(a.failedLoginsInARow)
              + (a.lastFailedLogin.map { t(", laatste ", ", last ") + Self.date($0, lang) } ?? ""))
        let wijkState: String
        switch a.wijkCheck {
        case "verified"?: wijkState = (a.wijkCheckHow == "letter" ? t("bevestigd met een brief", "verified by letter") : t("bevestigd aan de balie", "verified at the desk"))
        case "letter-asked"?: wijkState = t("opgegeven; brief met code aangevraagd", "stated; letter with a code asked for")
        case "letter-written"?: wijkState = t("opgegeven; brief met code onderweg", "stated; letter with a code on its way")
        default: wijkState = t("opgegeven, niet bevestigd", "stated, not verified")
        }
        field(t("Wijk", "Neighbourhood"), wijkState + (a.wijkCheckSince.map { t(", sinds ", ", since ") + Self.date($0, lang) } ?? ""))
        if let until = a.resetCodeValidUntil {
            let how = a.resetCodeGiven == "mail" ? t("per e-mail", "by e-mail") : a.resetCodeGiven == "desk" ? t("aan de balie", "at the desk") : t("door de beheerder", "by the administrator")
            field(t("Code voor nieuw wachtwoord", "Code for a new password"), t("gegeven \(how), werkt tot ", "given \(how), works until ") + Self.date(until, lang))
        }
        field(t("Wachtwoord", "Password"), t("alleen als onleesbare hash bewaard; nooit getoond of geëxporteerd",
                                             "kept only as an unreadable hash; never shown or exported"))
    }

    /// The profile fields and the four e-mail toggles.
    private mutating func profile(_ p: PersonalDataExport.ProfilePart) {
        heading(t("Profiel", "Profile"))
        field(t("Getoonde naam", "Display name"), p.displayName)
        field(t("Wijk", "Neighbourhood"), p.wijk)
        field(t("Foto", "Photo"), p.photo ?? t("geen", "none"))
        field(t("Zichtbaarheid", "Visibility"), ProfileVisibility(rawValue: p.visibility)?.label(lang) ?? p.visibility)
        field(t("Interesses", "Interests"), list(p.interests))
        field(t("Telefoon", "Phone"), p.phone ?? "—")
        field(t("Adres", "Address"), p.address ?? "—")
        heading(t("E-mailvoorkeuren", "E-mail preferences"))
        for kind in EmailKind.allCases {
            let on = p.emailPreferences[kind.rawValue] ?? false
            text((on ? "[x] " : "[ ] ") + kind.label(lang) + (on ? t(" (aan)", " (on)") : t(" (uit)", " (off)")))
        }
        field(t("Notificaties", "Notifications"), p.dailyDigest ? t("1× per dag", "once a day") : t("direct", "at once"))
    }

    /// A list of posts with their dates, what they show and their text.
    private mutating func posts(_ posts: [PersonalDataExport.PostPart], heading title: String) {
        heading("\(title) (\(posts.count))")
        if posts.isEmpty { text(t("geen", "none"), role: .muted) }
        for p in posts {
            let kind = Post.Kind(rawValue: p.kind)?.label(lang) ?? p.kind
            text([kind, p.organisation, p.wijk, p.title].compactMap { $0 }.joined(separator: " · "))
            let shows = p.shows.isEmpty ? t("niets", "nothing") : p.shows.map(showName).joined(separator: ", ")
            text(t("geplaatst ", "posted ") + Self.date(p.created, lang) + t(", verloopt ", ", expires ") + Self.date(p.expires, lang)
                 + t("; toont: ", "; shows: ") + shows, indent: 4, role: .muted)
            text(p.body, indent: 4)
        }
    }

    /// A list of contact messages with sender, recipient and text.
    private mutating func messages(_ messages: [PersonalDataExport.MessagePart], heading title: String) {
        heading("\(title) (\(messages.count))")
        if messages.isEmpty { text(t("geen", "none"), role: .muted) }
        for m in messages {
            text(Self.date(m.sent, lang) + t(" van ", " from ") + m.senderName + (m.senderEmail.isEmpty ? "" : " <" + m.senderEmail + ">") + t(" aan ", " to ") + m.recipient)
            if let about = m.about { text(about, indent: 4, role: .muted) }
            text(m.text, indent: 4)
        }
    }

    /// Every time the desk passed the person's data to an organisation: to whom, which fields, when, by whom.
    private mutating func disclosures(_ ds: [PersonalDataExport.DisclosurePart]) {
        heading(t("Doorgegeven aan organisaties", "Passed to organisations") + " (\(ds.count))")
        if ds.isEmpty { text(t("niets", "nothing"), role: .muted) }
        for d in ds {
            text(Self.date(d.date, lang) + t(": aan ", ": to ") + d.organisation + t(", door ", ", by ") + d.by)
            text(t("gegevens: ", "data: ") + d.fields.map(fieldName).joined(separator: ", ") + t("; doel: ", "; purpose: ") + d.purpose, indent: 4)
        }
    }

    /// Conversations at the Sociaal Hus desk, with what was recorded and the referrals.
    private mutating func intakes(_ intakes: [PersonalDataExport.IntakePart]) {
        heading(t("Gesprekken bij het Sociaal Hus", "Conversations at the Sociaal Hus") + " (\(intakes.count))")
        if intakes.isEmpty { text(t("geen", "none"), role: .muted) }
        for i in intakes {
            let category = IntakeCategory(rawValue: i.category)?.label(lang) ?? i.category
            let status = IntakeStatus(rawValue: i.status)?.label(lang) ?? i.status
            text(Self.date(i.date, lang) + " · " + category + " · " + status)
            field(t("Vraag", "Question"), i.question)
            field(t("Aantekeningen", "Notes"), i.notes)
            field(t("Naam", "Name"), i.name)
            field(t("Telefoon", "Phone"), i.phone)
            field("E-mail", i.email)
            field(t("Adres", "Address"), [i.address, i.postcode, i.place].filter { !$0.isEmpty }.joined(separator: ", "))
            for r in i.referrals {
                text(t("doorverwezen ", "referred ") + Self.date(r.date, lang) + t(" naar ", " to ") + r.organisation + t(" door ", " by ") + r.by, indent: 4)
                text(t("je kreeg te horen: ", "you were told: ") + "\"" + r.told + "\"", indent: 6, role: .muted)
            }
        }
    }

    /// Reports the person made.
    private mutating func reports(_ rs: [PersonalDataExport.ReportPart]) {
        heading(t("Meldingen die je deed", "Reports you made") + " (\(rs.count))")
        if rs.isEmpty { text(t("geen", "none"), role: .muted) }
        for r in rs {
            reportLine(date: r.date, about: r.about, reason: r.reason, status: r.status)
            text(r.explanation + " (" + r.name + " <" + r.email + ">)", indent: 4)
        }
    }

    /// One report's line: when, what, why (in words) and what was done (in words).
    private mutating func reportLine(date: Date, about: String, reason: String, status: String) {
        let reasonWords = ReportReason(rawValue: reason)?.label(lang) ?? reason
        let statusWords = Report.Status(rawValue: status)?.label(lang) ?? status
        text(Self.date(date, lang) + " · " + about + " · " + reasonWords + " · " + statusWords)
    }

    /// Reports about the person or their content: never who made them, nor their words.
    private mutating func reportsAbout(_ rs: [PersonalDataExport.ReportAboutPart]) {
        heading(t("Meldingen over jou of je inhoud", "Reports about you or your content") + " (\(rs.count))")
        if rs.isEmpty { text(t("geen", "none"), role: .muted) }
        for r in rs { reportLine(date: r.date, about: r.about, reason: r.reason, status: r.status) }
    }

    /// E-mails to or about the person (a sent one keeps no text).
    private mutating func emails(_ es: [PersonalDataExport.EmailPart]) {
        heading(t("E-mails aan of over jou", "E-mails to or about you") + " (\(es.count))")
        if es.isEmpty { text(t("geen", "none"), role: .muted) }
        for e in es {
            let state = switch e.status {
            case "sent": t("verstuurd (de tekst is niet bewaard)", "sent (the text is not kept)")
            case "failed": t("geweigerd, wordt opnieuw geprobeerd", "refused, will be tried again")
            case "uncertain", "sending": t("misschien verstuurd", "perhaps sent")
            default: t("wacht op verzending", "waiting to be sent")
            }
            text(Self.date(e.created, lang) + " · " + e.subject + " · " + state)
        }
    }

    /// An intake field name of the export, in words.
    private func fieldName(_ f: String) -> String { IntakeField(rawValue: f)?.label(lang) ?? f }

    /// The log events about the person.
    private mutating func audit(_ events: [PersonalDataExport.AuditPart]) {
        heading(t("Logboek", "Log") + " (\(events.count))")
        if events.isEmpty { text(t("geen", "none"), role: .muted) }
        for e in events {
            let by: String
            switch e.by {
            case "self": by = t("door jou", "by you")
            case "operator":
                // No account acted: a visitor's contact form, or the operator's command line.
                by = t("zonder account", "without an account")
            default:
                // Who, in the role they acted in, never an account number.
                let role: String = switch e.byRole {
                case "desk-staff": t("baliemedewerker", "desk staff")
                case "administrator": t("beheerder", "administrator")
                case "local-partner": t("lokale partner", "local partner")
                case "editor": t("redacteur van een organisatie", "organisation editor")
                case "resident": t("een bewoner", "a resident")
                default: t("iemand wiens account gewist is", "someone whose account was erased")
                }
                by = t("door ", "by ") + [e.byName, role].compactMap { $0 }.joined(separator: ", ")
                if e.onBehalf == true {
                    // Done for them at the desk: who, first, then what ("Lotte Meijer
                    // (baliemedewerker) namens jou: Profiel gewijzigd").
                    let who = e.byName.map { "\($0) (\(role))" } ?? role
                    text([Self.date(e.at, lang), who + t(" namens jou: ", " on your behalf: ") + AuditWords.label(e.action, LanguageText(lang)), e.target]
                        .compactMap { $0 }.joined(separator: " · "))
                    continue
                }
            }
            let target = AuditWords.onBehalfTarget(e.action, e.target, LanguageText(lang)) ?? e.target
            text([Self.date(e.at, lang), AuditWords.label(e.action, LanguageText(lang)), by, target].compactMap { $0 }.joined(separator: " · "))
        }
    }

    // MARK: Lines

    /// A section heading, after an empty line.
    private mutating func heading(_ s: String) {
        if !lines.isEmpty { lines.append(Line(text: "", role: .normal)) }
        lines.append(Line(text: TextWidth.truncate(safe(s), to: width), role: .header))
    }

    /// "Key          value", the value wrapped under itself; a value with a word too long for
    /// that column (an e-mail address on a narrow screen) goes on its own line below the key.
    private mutating func field(_ key: String, _ value: String) {
        let keyWidth = min(Self.keyWidth, width / 3)
        let shown = safe(value.isEmpty ? "—" : value)
        let valueWidth = max(width - keyWidth - 3, 1)
        if shown.split(separator: " ").contains(where: { TextWidth.width(String($0)) > valueWidth }) {
            lines.append(Line(text: "  " + TextWidth.truncate(key, to: max(width - 2, 1)), role: .normal))
            text(shown, indent: 4)
            return
        }
        let valueLines = TextWidth.wrap(shown, to: valueWidth)
        for (i, v) in valueLines.enumerated() {
            let k = i == 0 ? TextWidth.pad(key, to: keyWidth) : String(repeating: " ", count: keyWidth)
            lines.append(Line(text: "  " + k + " " + v, role: .normal))
        }
    }

    /// A paragraph of user text, wrapped; each original line break is kept (and made safe).
    private mutating func text(_ s: String, indent: Int = 2, role: StyleRole = .normal) {
        let pad = String(repeating: " ", count: indent)
        for paragraph in s.split(separator: "\n", omittingEmptySubsequences: false) {
            for line in TextWidth.wrap(safe(String(paragraph)), to: max(width - indent, 1)) {
                lines.append(Line(text: pad + line, role: role))
            }
        }
    }

    // MARK: Words

    /// Items joined with commas, or a dash for none.
    private func list(_ items: [String]) -> String { items.isEmpty ? "—" : items.joined(separator: ", ") }

    /// A role of the export in words.
    private func roleName(_ r: String) -> String {
        switch r {
        case "resident": t("bewoner", "resident")
        case "organisation-editor": t("redacteur van een organisatie", "organisation editor")
        case "desk-staff": t("baliemedewerker", "desk staff")
        case "local-partner": t("lokale partner", "local partner")
        case "administrator": t("beheerder", "administrator")
        default: r
        }
    }

    /// A contact detail a post shows, in words.
    private func showName(_ s: String) -> String {
        switch s {
        case "name": t("naam", "name")
        case "email": t("e-mailadres", "e-mail address")
        case "phone": t("telefoon", "phone")
        case "address": t("adres", "address")
        default: s
        }
    }

    /// A moment in Borne's time zone, in the language's one date style: "24-11-2026 10:00" / "24 Nov 2026 10:00".
    static func date(_ d: Date, _ lang: Language) -> String {
        LocalTime.shortDate(d, lang) + " " + LocalTime.time(d)
    }
}
