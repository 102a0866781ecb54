import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Verifies every file of a store without changing anything, collecting every problem found.
public enum StoreCheck {
    /// The outcome of a check.
    public struct Report: Sendable {
        /// Problems that make the store unsound.
        public var problems: [CoreError] = []
        /// Files left by an interrupted change (named in its journal); harmless, removed at the next open.
        public var leftovers: [String] = []
        /// Records checked.
        public var records = 0
        /// Data files checked.
        public var files = 0
        /// True when there are no problems.
        public var isSound: Bool { problems.isEmpty }
    }

    /// Checks the store at `path`, under the shared lock so a concurrent change cannot make a
    /// file vanish halfway through the check.
    public static func run(at path: String) -> Report {
        if FileManager.default.fileExists(atPath: path + "/store.lock"), let lock = try? FileLock(path: path + "/store.lock"),
           let report = try? lock.withLock(exclusive: false, { unlocked(at: path) }) {
            return report
        }
        return unlocked(at: path)
    }

    private static func unlocked(at path: String) -> Report {
        var report = Report()
        for dir in [path, path + "/photos"] {
            do { try Store.checkDirectory(dir) } catch let e as CoreError { report.problems.append(e); if dir == path { return report } } catch {}
        }
        // A restore cut off leaves its prepared copy, people erased since the backup still in it.
        if FileManager.default.fileExists(atPath: path + "/" + Store.restoreFolder) {
            report.problems.append(.storeCorrupt(file: Store.restoreFolder, problem: .restoreLeftover))
        }
        let dbPath = path + "/" + StoreSchema.fileName
        var st = stat()
        guard lstat(dbPath, &st) == 0 else {
            if LegacyShardStore.exists(at: path) { return legacy(at: path) }
            report.problems.append(.storeNotFound(path: path))
            return report
        }
        var state = StoreState(manifest: .empty())
        do {
            // A check never writes: a connection that cannot, on the file as it is
            // with its log; what opening would change is tried in a copy in memory.
            let file = try Database(path: dbPath, readOnly: true)
            var db = file
            let version = try db.userVersion
            if version < 0 {
                report.problems.append(.storeCorrupt(file: StoreSchema.fileName, problem: .unreadable(detail: "schema version \(version)")))
                return report
            }
            if version > StoreSchema.migrations.count {
                report.problems.append(.storeNewerFormat(file: StoreSchema.fileName, found: version, known: StoreSchema.migrations.count))
                return report
            }
            report.problems += try db.problems().map { .storeCorrupt(file: StoreSchema.fileName, problem: .unreadable(detail: $0)) }
            if version < StoreSchema.migrations.count {
                // An older schema: brought up to date in the copy, and checked as opening would see it.
                db = try Database(memoryCopyOf: file)
                do {
                    for step in StoreSchema.migrations[version...] { try step(db) }
                } catch let e as CoreError {
                    report.problems.append(.storeCorrupt(file: StoreSchema.fileName, problem: .unreadable(detail: "schema version \(version): \(e.message(.english))")))
                    return report
                }
            }
            let meta = try Store.readMeta(db)
            for (key, value) in meta where !(0...(1 << 52)).contains(value) {
                report.problems.append(.storeCorrupt(file: StoreSchema.fileName, problem: .unreadable(detail: "\(key) = \(value)")))
            }
            let format = meta["format"] ?? Manifest.currentFormat
            if format > Manifest.currentFormat {
                report.problems.append(.storeNewerFormat(file: StoreSchema.fileName, found: format, known: Manifest.currentFormat))
                return report
            }
            if format != Manifest.currentFormat {
                report.problems.append(.storeCorrupt(file: StoreSchema.fileName, problem: .unreadable(detail: "record format \(format)")))
                return report
            }
            report.files = 1
            for c in CollectionName.allCases {
                do { try Store.loadCollection(c, from: db, into: &state) } catch let e as CoreError { report.problems.append(e) }
                if let last = meta["last:" + c.rawValue] { state.manifest.lastIDs[c] = last }
            }
            report.records = Store.counts(of: state).values.reduce(0, +)
            // The agenda's index columns must say what its records say (or an activity hides).
            let rows = try db.prepare("SELECT id, starts, ends, category FROM agenda")
            while try rows.step() {
                guard let item = state.agenda[rows.int(0)] else { continue }
                let v = Store.agendaIndex(item)
                // (Compared as stored: a REAL read as an integer would pass 1.5 for 1.)
                let ends: Double? = rows.isNull(2) ? nil : rows.double(2)
                if rows.isNull(1) || rows.double(1) != Double(v.starts) || ends != v.ends.map(Double.init) || rows.isNull(3) || rows.text(3) != v.category {
                    report.problems.append(.storeCorrupt(file: "\(StoreSchema.fileName) (agenda \(rows.int(0)))", problem: .unreadable(detail: "index columns")))
                }
            }
            report.problems += try AgendaOccurrences.problems(state, db)
            report.problems += try AgendaDayCounts.problems(db)
            report.problems += try TableRows.problems(db)
            report.problems += try Store.subjectProblems(state, db)
            // The keys an erasure finds texts by say what the texts say (a missing one hides a text
            // that holds a person's address from their erasure).
            report.problems += try MentionIndex.problems(db)
            if let repairs = meta["migrated-repairs"], repairs > 0 {
                report.leftovers.append("\(repairs) references to accounts that were gone, cut when the store moved into its tables (schema 9)")
            }
            do {
                // Who wants notifications of what where says what the accounts say.
                var found: Set<[String]> = []
                let interests = try db.prepare("SELECT wijk, interest, account FROM notify_interest")
                while try interests.step() { found.insert([String(interests.int(0)), interests.text(1), String(interests.int(2))]) }
                let expected = state.accounts.all.reduce(into: Set<[String]>()) { $0.formUnion(Store.interestRows($1)) }
                for row in found.symmetricDifference(expected) {
                    report.problems.append(.storeCorrupt(file: "\(StoreSchema.fileName) (accounts \(row[2]))", problem: .unreadable(detail: "notification index")))
                }
                let search = try db.prepare("SELECT id, search FROM agenda")
                while try search.step() {
                    guard let item = state.agenda[search.int(0)] else { continue }
                    if search.isNull(1) || search.text(1) != AgendaSearch.column(item) {
                        report.problems.append(.storeCorrupt(file: "\(StoreSchema.fileName) (agenda \(item.id.rawValue))", problem: .unreadable(detail: "search column")))
                    }
                }
            }
            state.manifest.generation = meta["generation"] ?? 0
            if let acknowledged = Store.acknowledgedGeneration(at: path), acknowledged > state.manifest.generation {
                report.problems.append(.storeCorrupt(file: StoreSchema.fileName + "-wal",
                                                     problem: .commitsLost(acknowledged: acknowledged, found: state.manifest.generation)))
            }
        } catch let e as CoreError {
            report.problems.append(e)
            return report
        } catch {
            report.problems.append(.storeIO(file: dbPath, problem: "\(error)"))
            return report
        }
        report.problems += references(state, manifest: state.manifest, photosPath: path + "/photos", file: StoreSchema.fileName)
        report.problems += files(at: path, state: state, report: &report)
        if FileManager.default.fileExists(atPath: path + "/manifest.json.migrated") {
            report.leftovers.append("data/ (the shard files this store was moved from; removed by the next erasure, or remove them yourself)")
        }
        return report
    }

    /// Photo and mail files: each named by a record, or by the journal of an interrupted change
    /// (harmless, removed at the next open); any other is a problem (a record may have lost it).
    private static func files(at path: String, state: StoreState, report: inout Report) -> [CoreError] {
        var out: [CoreError] = []
        var journalNames: Set<String> = []
        switch Store.journal(at: path, generation: state.manifest.generation) {
        case .success(let j): journalNames = Set((j?.write ?? []) + (j?.remove ?? []))
        case .failure(let e): out.append(e)
        }
        let known = Store.referencedPaths(of: state)
        for rel in Store.filesBesideDatabase(at: path) where !known.contains(rel) {
            if journalNames.contains(rel) { report.leftovers.append(rel) } else { out.append(.storeCorrupt(file: rel, problem: .unnamed)) }
        }
        let fm = FileManager.default
        for m in state.outbox.all {
            if let f = m.file, !Store.isStorePath("mail/" + f) { out.append(.storeCorrupt(file: "\(StoreSchema.fileName) (outbox)", problem: .danglingReference(detail: "message \(m.id): file \(f)"))); continue }
            if let f = m.file, !fm.fileExists(atPath: path + "/mail/" + f), !fm.fileExists(atPath: path + "/mail/" + Store.sentName(f)) {
                out.append(.storeCorrupt(file: "mail/" + f, problem: .missing))
            }
        }
        return out
    }

    /// A store of shard files (formats 1–3), not yet moved into its database: read as it is;
    /// the next `open` moves it.
    private static func legacy(at path: String) -> Report {
        var report = Report()
        do {
            let state = try LegacyShardStore.load(path)
            report.files = state.manifest.referencedFiles.count
            report.records = Store.counts(of: state).values.reduce(0, +)
            report.problems += references(state, manifest: state.manifest, photosPath: path + "/photos", file: "data")
            for (c, entry) in state.manifest.collections {
                for (key, file) in entry.files {
                    guard let shard = Int(key) else { continue }
                    if !recordsInRightShard(state, ShardRef(collection: c, shard: shard)) { report.problems.append(.storeCorrupt(file: "data/" + file.file, problem: .misplaced)) }
                }
            }
        } catch let e as CoreError {
            report.problems.append(e)
        } catch {
            report.problems.append(.storeIO(file: path, problem: "\(error)"))
        }
        return report
    }

    /// The problems of a loaded store's records: each in its right shard, every reference
    /// resolving. `Store.open` refuses a store with any of them, as `check` reports them.
    static func recordProblems(_ s: StoreState, photosPath: String) -> [CoreError] {
        references(s, manifest: s.manifest, photosPath: photosPath, file: "data")
    }

    private static func recordsInRightShard(_ s: StoreState, _ ref: ShardRef) -> Bool {
        func ok<R>(_ t: Table<R>) -> Bool { t.shards[ref.shard].values.allSatisfy { t.shardIndex(forKey: $0.shardKey) == ref.shard } }
        switch ref.collection {
        case .settings: return ok(s.settingsTable)
        case .accounts: return ok(s.accounts)
        case .organisations: return ok(s.organisations)
        case .agenda: return ok(s.agenda)
        case .posts: return ok(s.posts)
        case .messages: return ok(s.messages)
        case .audit: return ok(s.audit)
        case .intakes: return ok(s.intakes)
        case .disclosures: return ok(s.disclosures)
        case .outbox: return ok(s.outbox)
        case .drafts: return ok(s.drafts)
        case .reports: return ok(s.reports)
        }
    }

    /// Cross-record checks: every reference points at something that exists, ids below the
    /// counters. `file` is what holds the records in this format (the database, or a shard
    /// store's `data/`), so a message names a file that exists.
    private static func references(_ s: StoreState, manifest: Manifest, photosPath: String, file: String) -> [CoreError] {
        var out: [CoreError] = []
        func bad(_ c: CollectionName, _ detail: String) { out.append(.storeCorrupt(file: "\(file) (\(c.rawValue))", problem: .danglingReference(detail: detail))) }
        let wijken = Set(s.settings.wijken.map(\.id))
        for a in s.accounts.all {
            if !wijken.contains(a.profile.wijk) { bad(.accounts, "account \(a.id): wijk \(a.profile.wijk)") }
            for o in a.roles.editorOf where s.organisations[o.rawValue] == nil { bad(.accounts, "account \(a.id): organisation \(o)") }
            if let p = a.profile.photo {
                var st = stat()
                if p.contains("/") || stat(photosPath + "/" + p, &st) != 0 { bad(.accounts, "account \(a.id): photo missing") }
                else if st.st_mode & 0o077 != 0 { out.append(.storeFileReadableByOthers(path: photosPath + "/" + p)) }
            }
        }
        for i in s.agenda.all where s.organisations[i.organisation.rawValue] == nil { bad(.agenda, "agenda \(i.id): organisation \(i.organisation)") }
        for p in s.posts.all {
            switch p.author {
            case .resident(let r): if s.accounts[r.rawValue] == nil { bad(.posts, "post \(p.id): author \(r)") }
            case .organisation(let o, _): if s.organisations[o.rawValue] == nil { bad(.posts, "post \(p.id): organisation \(o)") }
            }
        }
        for m in s.messages.all {
            switch m.recipient {
            case .resident(let r): if s.accounts[r.rawValue] == nil { bad(.messages, "message \(m.id): recipient \(r)") }
            case .organisation(let o): if s.organisations[o.rawValue] == nil { bad(.messages, "message \(m.id): organisation \(o)") }
            case .address: break
            }
        }
        for i in s.intakes.all {
            if let a = i.person.account, s.accounts[a.rawValue] == nil { bad(.intakes, "intake \(i.id): account \(a)") }
            for r in i.referrals where s.disclosures[r.disclosure.rawValue] == nil { bad(.intakes, "intake \(i.id): disclosure \(r.disclosure)") }
        }
        for d in s.disclosures.all where s.intakes[d.intake.rawValue] == nil { bad(.disclosures, "disclosure \(d.id): intake \(d.intake)") }
        for m in s.outbox.all {
            if let i = m.intake, s.intakes[i.rawValue] == nil { bad(.outbox, "message \(m.id): intake \(i)") }
        }
        func counter<R>(_ c: CollectionName, _ t: Table<R>) {
            let maxID = t.all.map(\.storageKey).max() ?? 0
            if maxID > (manifest.lastIDs[c] ?? 0) && c != .settings { bad(c, "id \(maxID) above counter") }
        }
        counter(.accounts, s.accounts); counter(.organisations, s.organisations); counter(.agenda, s.agenda)
        counter(.posts, s.posts); counter(.messages, s.messages); counter(.audit, s.audit)
        counter(.intakes, s.intakes); counter(.disclosures, s.disclosures); counter(.outbox, s.outbox)
        return out
    }
}
