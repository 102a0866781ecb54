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
        b.posts(export.posts, heading: lang.t(.yourPostsOnTheNotice))
        b.posts(export.postsForOrganisations, heading: lang.t(.postsYouWroteForAn))
        b.messages(export.messagesSent, heading: lang.t(.contactMessagesYouSent))
        b.messages(export.messagesReceived, heading: lang.t(.contactMessagesYouReceived))
        b.disclosures(export.disclosures)
        b.intakes(export.intakes)
        b.reports(export.reportsMade)
        b.reportsAbout(export.reportsAbout)
        b.signUps(export.signUps.map { ($0.activity, $0.occurrence, $0.state, $0.remindDays) })
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
        b.heading(lang.t(.eMailAddress))
        b.text(export.email)
        b.heading(lang.t(.messagesYouSent) + " (\(export.messagesSent.count))")
        if export.messagesSent.isEmpty { b.text(b.t(.none), role: .muted) }
        for m in export.messagesSent {
            b.text(Self.date(m.date, lang) + b.t(.asText) + m.name + b.t(.to3) + m.to)
            b.text(m.text, indent: 4)
        }
        b.heading(lang.t(.answersToYou) + " (\(export.repliesReceived.count))")
        if export.repliesReceived.isEmpty { b.text(b.t(.none), role: .muted) }
        for m in export.repliesReceived {
            b.text(Self.date(m.date, lang))
            b.text(m.text, indent: 4)
        }
        b.heading(lang.t(.reportsYouMade) + " (\(export.reportsMade.count))")
        if export.reportsMade.isEmpty { b.text(b.t(.none), role: .muted) }
        for r in export.reportsMade {
            let reason = ReportReason(rawValue: r.reason)?.label(lang) ?? r.reason
            let status = Report.Status(rawValue: r.status)?.label(lang) ?? r.status
            b.text(Self.date(r.date, lang) + " · " + reason + " · " + status)
            b.text(r.explanation + " (" + r.name + ")", indent: 4)
        }
        b.signUps(export.signUps.map { ($0.activity, $0.occurrence, $0.state, $0.remindDays) })
        b.heading(lang.t(.eMailsToThisAddress) + " (\(export.emailsWaiting.count))")
        if export.emailsWaiting.isEmpty { b.text(b.t(.none), role: .muted) }
        for e in export.emailsWaiting {
            b.text(Self.date(e.created, lang) + " · " + e.subject + (e.body.isEmpty ? b.t(.sentTheTextIsNot) : b.t(.waitingToBeSent)))
        }
        return b.lines
    }

    /// Dutch or English.

    private func t(_ word: Word) -> String { lang.t(word) }

    // MARK: Parts

    /// The account fields (never the password hash).
    private mutating func account(_ a: PersonalDataExport.AccountPart) {
        heading(t(.account))
        field(t(.number), String(a.id))
        field(t(.eMailAddress), a.email)
        field(t(.name2), a.name)
        field(t(.roles), a.roles.map(roleName).joined(separator: ", "))
        field(t(.editorOf), list(a.editorOf))
        field(t(.localPartnerOf), list(a.partnerOf))
        field(t(.blocked3), a.blocked ? t(.yes) + (a.blockedReason.map { " (\($0))" } ?? "") : t(.no2))
        field(t(.created), Self.date(a.created, lang))
        field(t(.failedLogins), String(a.failedLoginsInARow)
              + (a.lastFailedLogin.map { t(.last2) + Self.date($0, lang) } ?? ""))
        let wijkState: String
        switch a.wijkCheck {
        case "verified"?: wijkState = (a.wijkCheckHow == "letter" ? t(.verifiedByLetter) : t(.verifiedAtTheDesk))
        case "letter-asked"?: wijkState = t(.statedLetterWithCodeAsked)
        case "letter-written"?: wijkState = t(.statedLetterWithCodeOn)
        default: wijkState = t(.statedNotVerified)
        }
        field(t(.neighbourhood), wijkState + (a.wijkCheckSince.map { t(.since) + Self.date($0, lang) } ?? ""))
        if let until = a.resetCodeValidUntil {
            let how = a.resetCodeGiven == "mail" ? t(.byEMail) : a.resetCodeGiven == "desk" ? t(.atTheDesk) : t(.byTheAdministrator)
            field(t(.codeForNewPassword), t(.givenWorksUntil(how)) + Self.date(until, lang))
        }
        field(t(.password), t(.keptOnlyAsAnUnreadable))
    }

    /// The profile fields and the four e-mail toggles.
    private mutating func profile(_ p: PersonalDataExport.ProfilePart) {
        heading(t(.profile))
        field(t(.displayName), p.displayName)
        field(t(.neighbourhood), p.wijk)
        field(t(.photo2), p.photo ?? t(.none))
        field(t(.visibility), ProfileVisibility(rawValue: p.visibility)?.label(lang) ?? p.visibility)
        field(t(.interests2), list(p.interests.map { t(Glossary.category($0)) }))
        field(t(.phone2), p.phone ?? "—")
        field(t(.address2), p.address ?? "—")
        heading(t(.eMailPreferences))
        for kind in EmailKind.allCases {
            let on = p.emailPreferences[kind.rawValue] ?? false
            text((on ? "[x] " : "[ ] ") + kind.label(lang) + (on ? t(.on2) : t(.off2)))
        }
        field(t(.notifications), t(DigestRhythm(rawValue: p.digest)?.word ?? .atOnce))
        if let last = p.lastDigest { field(t(.lastDigestSent), Self.date(last, lang)) }
        if !p.waitingForDigest.isEmpty {
            field(t(.waitingForDigest(p.waitingForDigest.count)), list(p.waitingForDigest))
        }
    }

    /// A list of posts with their dates, what they show and their text.
    private mutating func posts(_ posts: [PersonalDataExport.PostPart], heading title: String) {
        heading("\(title) (\(posts.count))")
        if posts.isEmpty { text(t(.none), role: .muted) }
        for p in posts {
            let kind = Post.Kind(rawValue: p.kind)?.label(lang) ?? p.kind
            text([kind, p.organisation, p.wijk, p.title].compactMap { $0 }.joined(separator: " · "))
            let shows = p.shows.isEmpty ? t(.nothing) : p.shows.map(showName).joined(separator: ", ")
            text(t(.posted) + Self.date(p.created, lang) + t(.expires) + Self.date(p.expires, lang)
                 + t(.shows) + shows, indent: 4, role: .muted)
            text(p.body, indent: 4)
        }
    }

    /// A list of contact messages with sender, recipient and text.
    private mutating func messages(_ messages: [PersonalDataExport.MessagePart], heading title: String) {
        heading("\(title) (\(messages.count))")
        if messages.isEmpty { text(t(.none), role: .muted) }
        for m in messages {
            text(Self.date(m.sent, lang) + t(.fromText3) + m.senderName + (m.senderEmail.isEmpty ? "" : " <" + m.senderEmail + ">") + t(.to3) + m.recipient)
            if let about = m.about { text(about, indent: 4, role: .muted) }
            text(m.text, indent: 4)
        }
    }

    /// Every time the desk passed the person's data to an organisation: to whom, which fields, when, by whom.
    private mutating func disclosures(_ ds: [PersonalDataExport.DisclosurePart]) {
        heading(t(.passedToOrganisations2) + " (\(ds.count))")
        if ds.isEmpty { text(t(.nothing), role: .muted) }
        for d in ds {
            text(Self.date(d.date, lang) + t(.to4) + d.organisation + t(.by5) + d.by)
            text(t(.data2) + d.fields.map(fieldName).joined(separator: ", ") + t(.purpose3) + d.purpose, indent: 4)
        }
    }

    /// Conversations at the Sociaal Hus desk, with what was recorded and the referrals.
    private mutating func intakes(_ intakes: [PersonalDataExport.IntakePart]) {
        heading(t(.conversationsAtTheSociaalHus) + " (\(intakes.count))")
        if intakes.isEmpty { text(t(.none), role: .muted) }
        for i in intakes {
            let category = IntakeCategory(rawValue: i.category)?.label(lang) ?? i.category
            let status = IntakeStatus(rawValue: i.status)?.label(lang) ?? i.status
            text(Self.date(i.date, lang) + " · " + category + " · " + status)
            field(t(.question2), i.question)
            field(t(.notes), i.notes)
            field(t(.name2), i.name)
            field(t(.phone2), i.phone)
            field("E-mail", i.email)
            field(t(.address2), [i.address, i.postcode, i.place].filter { !$0.isEmpty }.joined(separator: ", "))
            for r in i.referrals {
                text(t(.referred2) + Self.date(r.date, lang) + t(.to5) + r.organisation + t(.by4) + r.by, indent: 4)
                text(t(.youWereTold) + "\"" + r.told + "\"", indent: 6, role: .muted)
            }
        }
    }

    /// Reports the person made.
    private mutating func reports(_ rs: [PersonalDataExport.ReportPart]) {
        heading(t(.reportsYouMade) + " (\(rs.count))")
        if rs.isEmpty { text(t(.none), role: .muted) }
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
        heading(t(.reportsAboutYouOrYour) + " (\(rs.count))")
        if rs.isEmpty { text(t(.none), role: .muted) }
        for r in rs { reportLine(date: r.date, about: r.about, reason: r.reason, status: r.status) }
    }

    /// Activities signed up for or to be reminded of: what, when, where the person stands.
    private mutating func signUps(_ rows: [(activity: String, occurrence: Date, state: String, remindDays: Int?)]) {
        heading(t(.yourSignUpsAndReminders) + " (\(rows.count))")
        if rows.isEmpty { text(t(.none), role: .muted) }
        for r in rows {
            let state = t((SignUp.State(rawValue: r.state) ?? .reminder).word)
            let remind = r.remindDays.map { " · " + t(.reminderWhen(t(SignUpScreen.remindWord($0)))) } ?? ""
            text(Self.date(r.occurrence, lang) + " · " + r.activity + " · " + state + remind)
        }
    }

    /// E-mails to or about the person (a sent one keeps no text).
    private mutating func emails(_ es: [PersonalDataExport.EmailPart]) {
        heading(t(.eMailsToOrAbout) + " (\(es.count))")
        if es.isEmpty { text(t(.none), role: .muted) }
        for e in es {
            let state = switch e.status {
            case "sent": t(.sentTheTextIsNot2)
            case "failed": t(.refusedWillBeTriedAgain)
            case "uncertain", "sending": t(.perhapsSent)
            default: t(.waitingToBeSent2)
            }
            text(Self.date(e.created, lang) + " · " + e.subject + " · " + state)
        }
    }

    /// An intake field name of the export, in words.
    private func fieldName(_ f: String) -> String { IntakeField(rawValue: f)?.label(lang) ?? f }

    /// The log events about the person.
    private mutating func audit(_ events: [PersonalDataExport.AuditPart]) {
        heading(t(.log) + " (\(events.count))")
        if events.isEmpty { text(t(.none), role: .muted) }
        for e in events {
            let by: String
            switch e.by {
            case "self": by = t(.byYou)
            case "operator": by = t(.byTheServerOperator)
            case "visitor":
                // No account acted: a visitor's contact form, someone not logged in.
                by = t(.withoutAnAccount)
            default:
                // Who, in the role they acted in, never an account number.
                let role: String = switch e.byRole {
                case "desk-staff": t(.deskStaff)
                case "administrator": t(.administrator)
                case "local-partner": t(.localPartner)
                case "editor": t(.organisationEditor)
                case "resident": t(.resident)
                default: t(.someoneWhoseAccountWasErased)
                }
                by = t(.by3) + [e.byName, role].compactMap { $0 }.joined(separator: ", ")
                if e.onBehalf == true {
                    // Done for them at the desk: who, first, then what ("Lotte Meijer
                    // (baliemedewerker) namens jou: Profiel gewijzigd").
                    let who = e.byName.map { "\($0) (\(role))" } ?? role
                    text([Self.date(e.at, lang), who + t(.onYourBehalf) + AuditWords.label(e.action, LanguageText(lang)), e.target]
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
        case "resident": t(.resident2)
        case "organisation-editor": t(.organisationEditor)
        case "desk-staff": t(.deskStaff)
        case "local-partner": t(.localPartner)
        case "administrator": t(.administrator)
        default: r
        }
    }

    /// A contact detail a post shows, in words.
    private func showName(_ s: String) -> String {
        switch s {
        case "name": t(.name3)
        case "email": t(.eMailAddress2)
        case "phone": t(.phone3)
        case "address": t(.address3)
        default: s
        }
    }

    /// A moment in Borne's time zone, in the language's one date style: "24-11-2026 10:00" / "24 Nov 2026 10:00".
    static func date(_ d: Date, _ lang: Language) -> String {
        lang.t(LocalTime.shortDate(d)) + " " + LocalTime.time(d)
    }
}
