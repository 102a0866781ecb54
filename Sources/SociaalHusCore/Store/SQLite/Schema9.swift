import Foundation

/// Schema 9: every record a row of a typed table, every person a subject.
///
/// Frozen: this text is what migration 9 creates, and it never changes. A later change to a
/// table is a migration of its own (frozen SQL), and `RowSchemaTests` checks that the columns
/// the code reads and writes are the columns the migrations made.
///
/// Why the shape: schemas 1 to 8 kept each record as an encoded blob with a few columns copied
/// beside it by hand, and an erasure searched the blobs' bytes for a person. Now each field is a
/// column (STRICT, NOT NULL, CHECK), lists of plain values are JSON arrays checked as such, and
/// every reference to a person is a foreign key: to an account, or to `subject` for the people
/// the store knows without an account (a visitor by the address they wrote from, a resident the
/// desk recorded without an account). Foreign keys have no action of their own (a cascade or
/// SET NULL would change a row behind its checksum): a change that leaves a row pointing to a
/// person who is gone is refused whole at its commit, so an erasure cannot miss a row.
enum Schema9 {
    static let sql = """
        CREATE TABLE subject (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            kind TEXT NOT NULL CHECK (kind IN ('account', 'visitor', 'desk')),
            account INTEGER UNIQUE,
            email TEXT UNIQUE,
            intake INTEGER UNIQUE,
            CHECK ((kind = 'account') = (account IS NOT NULL)),
            CHECK ((kind = 'visitor') = (email IS NOT NULL)),
            CHECK ((kind = 'desk') = (intake IS NOT NULL))
        ) STRICT;

        CREATE TABLE settings (
            id INTEGER PRIMARY KEY CHECK (id = 1), crc INTEGER NOT NULL,
            is_private INTEGER NOT NULL CHECK (is_private IN (0, 1)),
            registration_open INTEGER NOT NULL CHECK (registration_open IN (0, 1)),
            intake_retention_months INTEGER NOT NULL,
            mail_command TEXT NOT NULL CHECK (json_type(mail_command) = 'array'),
            mail_from TEXT NOT NULL,
            privacy_statement TEXT NOT NULL CHECK (json_type(privacy_statement) = 'array'),
            throttle_key TEXT NOT NULL
        ) STRICT;
        CREATE TABLE wijk (
            settings INTEGER NOT NULL REFERENCES settings (id) ON DELETE CASCADE, seq INTEGER NOT NULL,
            number INTEGER NOT NULL UNIQUE, name TEXT NOT NULL,
            PRIMARY KEY (settings, seq)
        ) STRICT;
        CREATE TABLE feed_approval (
            settings INTEGER NOT NULL REFERENCES settings (id) ON DELETE CASCADE, seq INTEGER NOT NULL,
            number INTEGER NOT NULL, wijk INTEGER NOT NULL, third_party TEXT NOT NULL,
            approved_by INTEGER NOT NULL, approved_by_name TEXT NOT NULL, approved REAL NOT NULL,
            withdrawn REAL, withdrawn_by INTEGER,
            PRIMARY KEY (settings, seq)
        ) STRICT;
        CREATE TABLE login_failure (
            settings INTEGER NOT NULL REFERENCES settings (id) ON DELETE CASCADE, seq INTEGER NOT NULL,
            key TEXT NOT NULL, failures INTEGER NOT NULL, last_failure REAL,
            recent_failures TEXT NOT NULL CHECK (json_type(recent_failures) = 'array'),
            PRIMARY KEY (settings, seq)
        ) STRICT;

        CREATE TABLE accounts (
            id INTEGER PRIMARY KEY, crc INTEGER NOT NULL,
            email TEXT NOT NULL, name TEXT NOT NULL, password_hash TEXT NOT NULL,
            resident INTEGER NOT NULL CHECK (resident IN (0, 1)),
            editor_of TEXT NOT NULL CHECK (json_type(editor_of) = 'array'),
            desk_staff INTEGER NOT NULL CHECK (desk_staff IN (0, 1)),
            partner_of TEXT NOT NULL CHECK (json_type(partner_of) = 'array'),
            administrator INTEGER NOT NULL CHECK (administrator IN (0, 1)),
            blocked INTEGER NOT NULL CHECK (blocked IN (0, 1)), blocked_reason TEXT,
            created REAL NOT NULL,
            display_name TEXT NOT NULL, wijk INTEGER NOT NULL, photo TEXT,
            visibility TEXT NOT NULL, interests TEXT NOT NULL CHECK (json_type(interests) = 'array'),
            visitor_messages INTEGER NOT NULL CHECK (visitor_messages IN (0, 1)),
            wijk_notifications INTEGER NOT NULL CHECK (wijk_notifications IN (0, 1)),
            newsletters INTEGER NOT NULL CHECK (newsletters IN (0, 1)),
            announcements INTEGER NOT NULL CHECK (announcements IN (0, 1)),
            phone TEXT, address TEXT,
            daily_digest INTEGER NOT NULL CHECK (daily_digest IN (0, 1)),
            failures INTEGER NOT NULL, last_failure REAL,
            recent_failures TEXT NOT NULL CHECK (json_type(recent_failures) = 'array'),
            subject INTEGER NOT NULL UNIQUE REFERENCES subject (id)
        ) STRICT;
        CREATE INDEX accounts_email ON accounts (email);
        CREATE INDEX accounts_blocked ON accounts (id) WHERE blocked = 1;
        CREATE INDEX accounts_blocked_reason ON accounts (id) WHERE blocked_reason IS NOT NULL;
        CREATE TABLE digest_line (
            account INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE, seq INTEGER NOT NULL,
            text TEXT NOT NULL, author INTEGER REFERENCES accounts (id), post INTEGER, activity INTEGER,
            PRIMARY KEY (account, seq)
        ) STRICT;
        CREATE INDEX digest_line_author ON digest_line (author);
        CREATE INDEX digest_line_post ON digest_line (post) WHERE post IS NOT NULL;
        CREATE INDEX digest_line_activity ON digest_line (activity) WHERE activity IS NOT NULL;

        CREATE TABLE organisations (
            id INTEGER PRIMARY KEY, crc INTEGER NOT NULL,
            name TEXT NOT NULL, description TEXT NOT NULL,
            categories TEXT NOT NULL CHECK (json_type(categories) = 'array'),
            wijken TEXT NOT NULL CHECK (json_type(wijken) = 'array'),
            address TEXT NOT NULL, phone TEXT NOT NULL, email TEXT NOT NULL, website TEXT NOT NULL,
            opening_hours TEXT NOT NULL,
            created_by INTEGER REFERENCES accounts (id)
        ) STRICT;
        CREATE INDEX organisations_created_by ON organisations (created_by) WHERE created_by IS NOT NULL;

        CREATE TABLE agenda (
            id INTEGER PRIMARY KEY, crc INTEGER NOT NULL,
            title TEXT NOT NULL, description TEXT NOT NULL, start_at REAL NOT NULL, end_at REAL,
            all_day INTEGER NOT NULL CHECK (all_day IN (0, 1)), location TEXT NOT NULL, wijk INTEGER,
            organisation INTEGER NOT NULL, category TEXT NOT NULL, cost TEXT NOT NULL, signup TEXT NOT NULL,
            frequency TEXT NOT NULL CHECK (frequency IN ('none', 'weekly', 'biweekly', 'monthly')), until REAL,
            created_by INTEGER REFERENCES accounts (id), hidden_reason TEXT,
            starts INTEGER NOT NULL, ends INTEGER, search TEXT NOT NULL
        ) STRICT;
        CREATE INDEX agenda_span ON agenda (starts, ends);
        CREATE INDEX agenda_category ON agenda (category);
        CREATE INDEX agenda_created_by ON agenda (created_by) WHERE created_by IS NOT NULL;

        CREATE TABLE posts (
            id INTEGER PRIMARY KEY, crc INTEGER NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('vraag', 'aanbod', 'mededeling')),
            title TEXT NOT NULL, body TEXT NOT NULL, wijk INTEGER NOT NULL,
            author INTEGER REFERENCES accounts (id), organisation INTEGER,
            show_name INTEGER NOT NULL CHECK (show_name IN (0, 1)), show_email INTEGER NOT NULL CHECK (show_email IN (0, 1)),
            show_phone INTEGER NOT NULL CHECK (show_phone IN (0, 1)), show_address INTEGER NOT NULL CHECK (show_address IN (0, 1)),
            created REAL NOT NULL, expires REAL NOT NULL, hidden_reason TEXT,
            CHECK (author IS NOT NULL OR organisation IS NOT NULL)
        ) STRICT;
        CREATE INDEX posts_listing ON posts (created, id, kind, wijk, expires, hidden_reason, author, organisation);
        CREATE INDEX posts_author ON posts (author) WHERE author IS NOT NULL;

        CREATE TABLE messages (
            id INTEGER PRIMARY KEY, crc INTEGER NOT NULL,
            sender_name TEXT NOT NULL, sender_email TEXT NOT NULL, sender_account INTEGER REFERENCES accounts (id),
            recipient_account INTEGER REFERENCES accounts (id), recipient_organisation INTEGER, recipient_address TEXT,
            text TEXT NOT NULL, sent REAL NOT NULL,
            read INTEGER NOT NULL CHECK (read IN (0, 1)),
            hidden_for_sender INTEGER NOT NULL CHECK (hidden_for_sender IN (0, 1)),
            hidden_for_recipient INTEGER NOT NULL CHECK (hidden_for_recipient IN (0, 1)),
            in_reply_to INTEGER, about_report TEXT,
            sender_subject INTEGER REFERENCES subject (id),
            CHECK ((recipient_account IS NOT NULL) + (recipient_organisation IS NOT NULL) + (recipient_address IS NOT NULL) = 1)
        ) STRICT;
        CREATE INDEX messages_sender ON messages (sender_account) WHERE sender_account IS NOT NULL;
        CREATE INDEX messages_recipient ON messages (recipient_account) WHERE recipient_account IS NOT NULL;
        CREATE INDEX messages_sender_subject ON messages (sender_subject);

        CREATE TABLE audit (
            id INTEGER PRIMARY KEY, crc INTEGER NOT NULL,
            actor INTEGER, action TEXT NOT NULL, subject INTEGER, target TEXT, at REAL NOT NULL
        ) STRICT;
        CREATE INDEX audit_subject ON audit (subject) WHERE subject IS NOT NULL;
        CREATE INDEX audit_actor ON audit (actor) WHERE actor IS NOT NULL;

        CREATE TABLE intakes (
            id INTEGER PRIMARY KEY, crc INTEGER NOT NULL,
            name TEXT NOT NULL, address TEXT NOT NULL, postcode TEXT NOT NULL, place TEXT NOT NULL,
            phone TEXT NOT NULL, email TEXT NOT NULL, wijk INTEGER, account INTEGER REFERENCES accounts (id),
            category TEXT NOT NULL, question TEXT NOT NULL, notes TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('open', 'doorverwezen', 'afgesloten')),
            staff INTEGER NOT NULL, created REAL NOT NULL, changed REAL NOT NULL, closed REAL,
            subject INTEGER NOT NULL REFERENCES subject (id)
        ) STRICT;
        CREATE INDEX intakes_account ON intakes (account) WHERE account IS NOT NULL;
        CREATE INDEX intakes_subject ON intakes (subject);
        CREATE TABLE referral (
            intake INTEGER NOT NULL REFERENCES intakes (id) ON DELETE CASCADE, seq INTEGER NOT NULL,
            organisation INTEGER NOT NULL, organisation_name TEXT NOT NULL,
            fields TEXT NOT NULL CHECK (json_type(fields) = 'array'), purpose TEXT NOT NULL, at REAL NOT NULL,
            staff INTEGER NOT NULL, staff_name TEXT NOT NULL, told_sentence TEXT NOT NULL,
            disclosure INTEGER NOT NULL, message INTEGER NOT NULL,
            PRIMARY KEY (intake, seq)
        ) STRICT;
        CREATE INDEX referral_staff ON referral (staff);

        CREATE TABLE disclosures (
            id INTEGER PRIMARY KEY, crc INTEGER NOT NULL,
            intake INTEGER NOT NULL REFERENCES intakes (id), account INTEGER REFERENCES accounts (id),
            organisation INTEGER NOT NULL, organisation_name TEXT NOT NULL,
            fields TEXT NOT NULL CHECK (json_type(fields) = 'array'), purpose TEXT NOT NULL, at REAL NOT NULL,
            staff INTEGER NOT NULL, staff_name TEXT NOT NULL
        ) STRICT;
        CREATE INDEX disclosures_intake ON disclosures (intake);
        CREATE INDEX disclosures_staff ON disclosures (staff);
        CREATE INDEX disclosures_account ON disclosures (account) WHERE account IS NOT NULL;

        CREATE TABLE outbox (
            id INTEGER PRIMARY KEY, crc INTEGER NOT NULL,
            kind TEXT NOT NULL, organisation INTEGER, address TEXT NOT NULL, subject_line TEXT NOT NULL, body TEXT NOT NULL,
            created REAL NOT NULL, intake INTEGER, status TEXT NOT NULL, file TEXT, attempts INTEGER NOT NULL, last_error TEXT,
            post INTEGER, activity INTEGER, message INTEGER
        ) STRICT;
        CREATE INDEX outbox_address ON outbox (address);
        CREATE INDEX outbox_post ON outbox (post) WHERE post IS NOT NULL;
        CREATE INDEX outbox_activity ON outbox (activity) WHERE activity IS NOT NULL;
        CREATE INDEX outbox_message ON outbox (message) WHERE message IS NOT NULL;
        CREATE TABLE outbox_account (
            message INTEGER NOT NULL REFERENCES outbox (id) ON DELETE CASCADE, seq INTEGER NOT NULL,
            account INTEGER NOT NULL REFERENCES accounts (id),
            PRIMARY KEY (message, seq)
        ) STRICT;
        CREATE INDEX outbox_account_account ON outbox_account (account);

        CREATE TABLE reports (
            id INTEGER PRIMARY KEY, crc INTEGER NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('report', 'takedown')),
            target_post INTEGER, target_activity INTEGER, target_account INTEGER REFERENCES accounts (id), target_message INTEGER,
            reason TEXT NOT NULL, explanation TEXT NOT NULL,
            reporter_name TEXT NOT NULL, reporter_email TEXT NOT NULL, reporter_account INTEGER REFERENCES accounts (id),
            wijk INTEGER, created REAL NOT NULL, status TEXT NOT NULL, handled_by INTEGER, handled REAL,
            reporter_subject INTEGER REFERENCES subject (id),
            CHECK ((target_post IS NOT NULL) + (target_activity IS NOT NULL) + (target_account IS NOT NULL) + (target_message IS NOT NULL) = 1)
        ) STRICT;
        CREATE INDEX reports_reporter_subject ON reports (reporter_subject);
        CREATE INDEX reports_reporter_account ON reports (reporter_account);
        CREATE INDEX reports_target_account ON reports (target_account);

        CREATE TABLE drafts (
            id INTEGER PRIMARY KEY REFERENCES accounts (id), crc INTEGER NOT NULL,
            editing INTEGER, saved REAL NOT NULL,
            category TEXT NOT NULL, question TEXT NOT NULL, notes TEXT NOT NULL, name TEXT NOT NULL, phone TEXT NOT NULL,
            email TEXT NOT NULL, address TEXT NOT NULL, postcode TEXT NOT NULL, place TEXT NOT NULL, wijk INTEGER,
            account INTEGER REFERENCES accounts (id)
        ) STRICT;
        CREATE INDEX drafts_account ON drafts (account);
        """
}
