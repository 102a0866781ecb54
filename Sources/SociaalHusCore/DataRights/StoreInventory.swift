import Foundation

/// Every table and column of the store (schema 18), with whose data it is, what kind, what
/// erasing that person does to it, and whether their export holds it. The statement shown before
/// an erasure (screen and command line) is generated from it, and a test fails when a table or
/// column of the store is missing here.
public enum StoreInventory {
    /// What kind of data a table holds.
    public enum Kind: String, Sendable {
        case identity, contact, content, deskRecord = "desk record", log, reference, derived, platform
    }

    /// What erasing a person does to a table's rows of theirs.
    public enum Action: Sendable, Equatable {
        /// Their rows are deleted.
        case delete
        /// Their rows stay for others with the columns that identify them emptied (with why).
        case anonymise(String)
        /// Kept without identity (with why the law allows it).
        case keep(String)
        /// Made anew from other tables: follows them.
        case derived
        /// Holds nobody's data (with why not).
        case notPersonal(String)
    }

    /// One table.
    public struct Table: Sendable {
        /// Its name in the database.
        public var name: String
        /// Its columns, in order.
        public var columns: [String]
        /// Whose data a row is, as a reference (never a text match).
        public var whose: String
        public var kind: Kind
        public var action: Action
        /// True when the person's export (and so Mijn gegevens) holds their rows.
        public var exported: Bool
        /// The words of the statement before an erasure (nil: not named there), Dutch and English.
        public var erased: Word?
        /// The columns that say whose a row is: an account's number, or a subject's.
        public var refs: [PersonRef] = []
    }

    /// A column that refers to a person.
    public enum PersonRef: Sendable, Equatable {
        /// Holds an account's number.
        case account(String)
        /// Holds a subject's number (`subject`).
        case subject(String)
    }

    /// The reference columns of each table (the whose of `tables`, as columns a query can use).
    static let references: [String: [PersonRef]] = [
        "accounts": [.account("id"), .subject("subject")], "subject": [.subject("id")],
        "digest_line": [.account("author")], "posts": [.account("author")],
        "messages": [.account("sender_account"), .account("recipient_account"), .subject("sender_subject")],
        "intakes": [.account("account"), .subject("subject")], "disclosures": [.account("account")],
        "drafts": [.account("account")], "outbox_account": [.account("account")],
        "reports": [.account("reporter_account"), .account("target_account"), .subject("reporter_subject")],
        "audit": [.account("subject")], "organisations": [.account("created_by")], "agenda": [.account("created_by")],
        "referral": [.account("staff")], "feed_approval": [.account("approved_by")],
        "reset_code": [.account("account")], "wijk_check": [.account("account")],
        "digest_rhythm": [.account("account")],
        "moderation_step": [.account("actor")], "signup": [.account("account")],
    ]

    static func t(_ name: String, _ columns: String, whose: String, _ kind: Kind, _ action: Action, exported: Bool = false,
                  erased: Word? = nil) -> Table {
        Table(name: name, columns: columns.split(separator: " ").map(String.init), whose: whose, kind: kind, action: action, exported: exported,
              erased: erased, refs: references[name] ?? [])
    }

    /// The inventory.
    public static let tables: [Table] = [
        t("accounts", "id crc email name password_hash resident editor_of desk_staff partner_of administrator blocked blocked_reason created display_name wijk photo visibility interests visitor_messages wijk_notifications newsletters announcements phone address daily_digest failures last_failure recent_failures subject",
          whose: "the account holder (id)", .identity, .delete, exported: true,
          erased: .yourAccountAndProfileWith),
        t("subject", "id kind account email intake", whose: "the person itself: an account, a visitor's address, a resident at the desk", .identity, .delete),
        t("digest_line", "account seq text author post activity", whose: "the account waiting for it (account); the author of what it announces (author)",
          .content, .delete, exported: true),
        t("digest_rhythm", "account seq weekly last_sent",
          whose: "the account holder (account): whether their digest is weekly, and when the last one went out", .identity, .delete, exported: true,
          erased: .howOftenYourDigestComes),
        t("posts", "id crc kind title body wijk author organisation show_name show_email show_phone show_address created expires hidden_reason",
          whose: "the resident who wrote it (author)", .content, .delete, exported: true,
          erased: .yourPostsOnTheNotice2),
        t("messages", "id crc sender_name sender_email sender_account recipient_account recipient_organisation recipient_address text sent read hidden_for_sender hidden_for_recipient in_reply_to about_report sender_subject",
          whose: "the sender (sender_account or sender_subject) and the resident it went to (recipient_account)", .content, .delete, exported: true,
          erased: .contactMessagesFromAndTo),
        t("message_about", "message seq post activity organisation",
          whose: "follows its message (message): the number of the post, activity or organisation it is about, no title",
          .reference, .delete, exported: true),
        t("intakes", "id crc name address postcode place phone email wijk account category question notes status staff created changed closed subject",
          whose: "the resident it is about (subject: their account when the desk linked it with their agreement, else its own)", .deskRecord, .delete,
          exported: true, erased: .deskConversationsLinkedToYour),
        t("referral", "intake seq organisation organisation_name fields purpose at staff staff_name told_sentence disclosure message",
          whose: "the intake's resident (intake); the desk member who made it (staff)", .deskRecord,
          .anonymise("a referral made by an erased desk member stays with its resident, the member's name cut"), exported: true),
        t("disclosures", "id crc intake account organisation organisation_name fields purpose at staff staff_name",
          whose: "the intake's resident (intake, account)", .deskRecord, .delete, exported: true),
        t("drafts", "id crc editing saved category question notes name phone email address postcode place wijk account",
          whose: "the desk member (id) and the resident it is about (account)", .deskRecord, .delete),
        t("outbox", "id crc kind organisation address subject_line body created intake status file attempts last_error post activity message",
          whose: "the people it is to or about (outbox_account, address)", .contact, .delete, exported: true,
          erased: .eMailsToAndAbout),
        t("outbox_account", "message seq account", whose: "the person an e-mail is to or about (account)", .reference, .delete),
        t("reports", "id crc kind target_post target_activity target_account target_message reason explanation reporter_name reporter_email reporter_account wijk created status handled_by handled reporter_subject",
          whose: "who made it (reporter_account or reporter_subject) and the resident it is about (target_account)", .content,
          .anonymise("a report someone made stays for moderation without who made it; one about the person goes"), exported: true,
          erased: .reportsAboutYouYourName),
        t("audit", "id crc actor action subject target at", whose: "the person an event concerns (subject)", .log,
          .keep("one line 'account N erased at T' proves the erasure was done (AVG art. 5(2)); every other line about them goes"), exported: true,
          erased: .theLogAboutYouBut),
        t("erased_subject", "collection key salt proof erased", whose: "an erased account or intake, by number and a salted proof, no personal data",
          .log, .keep("a restore of an older backup erases them again")),
        t("organisations", "id crc name description categories wijken address phone email website opening_hours created_by",
          whose: "the organisation; who proposed it (created_by)", .content, .anonymise("the directory entry stays; who proposed it is cut")),
        t("agenda", "id crc title description start_at end_at all_day location wijk organisation category cost signup frequency until created_by hidden_reason starts ends search",
          whose: "the organisation; who entered it (created_by)", .content, .anonymise("the activity is the organisation's; who entered it is cut")),
        t("agenda_rule", "agenda seq unit interval week_of_month count", whose: "follows its activity (agenda): how it repeats, no personal data",
          .content, .notPersonal("the activity's rule")),
        t("agenda_change", "agenda seq original new_start new_end",
          whose: "follows its activity (agenda): times of occurrences cancelled or moved, no personal data", .content, .notPersonal("times only")),
        t("agenda_occurrence", "day starts item ends wijk organisation category hidden creator all_day has_end title location",
          whose: "follows its activity", .derived, .derived),
        t("agenda_day", "day wijk n", whose: "numbers of activities per day, no personal data", .derived, .notPersonal("counts only")),
        t("table_rows", "tbl n", whose: "how many rows each table has, no personal data", .derived, .notPersonal("counts only")),
        t("notify_interest", "wijk interest account", whose: "follows the account's notification choices", .derived, .derived),
        t("mention", "key tbl row", whose: "follows the row whose free text it indexes (short pieces of that text, by which an erasure finds it)",
          .derived, .derived),
        t("change_log", "collection version key", whose: "numbers of changed rows, no personal data", .derived, .notPersonal("numbers only")),
        t("meta", "key value", whose: "counters", .platform, .notPersonal("counters")),
        t("settings", "id crc is_private registration_open intake_retention_months mail_command mail_from privacy_statement throttle_key",
          whose: "the platform", .platform, .notPersonal("platform settings")),
        t("wijk", "settings seq number name", whose: "the platform", .platform, .notPersonal("the neighbourhoods")),
        t("feed_approval", "settings seq number wijk third_party approved_by approved_by_name approved withdrawn withdrawn_by",
          whose: "the wijk; who approved it (approved_by)", .platform, .anonymise("the approval stays for the wijk; the approver's name is cut")),
        t("wijk_check", "account seq wijk state how at code_hash",
          whose: "the account whose wijk it verifies (account); who verified it at the desk is in the log, not here", .identity, .delete, exported: true,
          erased: .whetherYourNeighbourhoodIsVerified),
        t("reset_code", "account code_hash how issued expires",
          whose: "the account it lets set a new password (account); who made it is in the log, not here", .identity, .delete, exported: true,
          erased: .codeForNewPasswordThat),
        t("moderation_step", "report seq kind reason note actor at",
          whose: "the report's content and its author (report); who took the step (actor): a moderator, or the author objecting", .content,
          .anonymise("a step stays with its report without who took it; a report about the person's own content goes with its steps")),
        t("signup_option", "activity places waiting_list", whose: "nobody: how many places an activity has and whether it keeps a waiting list",
          .content, .notPersonal("an activity's own settings")),
        t("signup", "id activity occurrence account email name state show_email show_phone remind_days reminded created",
          whose: "the person who signed up or asked for a reminder: an account (account), or a visitor by the address they gave (email)",
          .contact, .delete, exported: true, erased: .yourSignUpsAndReminders),
        t("login_failure", "settings seq key failures last_failure recent_failures", whose: "keyed hashes of addresses tried at login",
          .log, .keep("no address is stored; forgotten after an hour")),
    ]

    /// The statement shown before an erasure: one line per table whose rows of the person go
    /// or lose them, in the inventory's words, with how many where `counts` (by table) says.
    public static func erasureStatement(counts: [String: Int] = [:]) -> [Word] {
        tables.compactMap { t in
            guard let words = t.erased else { return nil }
            return counts[t.name].map { .erasedRowsCounted(words, $0) } ?? .erasedRows(words)
        } + [.yourEMailAddressAnd]
    }
}
