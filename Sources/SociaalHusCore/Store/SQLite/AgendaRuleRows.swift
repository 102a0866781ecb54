import Foundation

/// The tables of an activity's rule beyond the old patterns and of its single occurrences
/// cancelled or moved (`AgendaItem.childTables`). Created by one migration that needs nothing
/// but the `agenda` table, so it runs in any order after schema 15.
enum AgendaRuleRows {
    /// The two tables, each gone with its activity.
    static let createSQL = """
        CREATE TABLE agenda_rule (
            agenda INTEGER NOT NULL REFERENCES agenda (id) ON DELETE CASCADE, seq INTEGER NOT NULL CHECK (seq = 0),
            unit TEXT NOT NULL CHECK (unit IN ('day', 'week', 'month')),
            interval INTEGER NOT NULL CHECK (interval BETWEEN 1 AND 999),
            week_of_month INTEGER CHECK (week_of_month IN (1, 2, 3, 4, -1)),
            count INTEGER CHECK (count >= 1),
            PRIMARY KEY (agenda, seq)
        ) STRICT, WITHOUT ROWID;
        CREATE TABLE agenda_change (
            agenda INTEGER NOT NULL REFERENCES agenda (id) ON DELETE CASCADE, seq INTEGER NOT NULL,
            original REAL NOT NULL, new_start REAL, new_end REAL,
            CHECK (new_end IS NULL OR new_start IS NOT NULL),
            PRIMARY KEY (agenda, seq)
        ) STRICT, WITHOUT ROWID;
        """
}
