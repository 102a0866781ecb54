import Foundation

/// One value of one column, as SQLite holds it.
enum Cell: Hashable, Sendable {
    case int(Int)
    case real(Double)
    case text(String)
    case null
    /// Only ever read from a damaged file: no table of records has a blob column.
    case blob(Data)

    /// The value to bind to a statement.
    var bound: Any? {
        switch self {
        case .int(let v): v
        case .real(let v): v
        case .text(let v): v
        case .null: nil
        case .blob(let d): d
        }
    }
}

/// Builds a record's row: one cell per column, in the table's order.
struct RowWriter {
    private(set) var cells: [Cell] = []

    mutating func int(_ v: Int) { cells.append(.int(v)) }
    mutating func bool(_ v: Bool) { cells.append(.int(v ? 1 : 0)) }
    mutating func text(_ v: String) { cells.append(.text(v)) }
    mutating func date(_ v: Date) { cells.append(.real(v.timeIntervalSince1970)) }
    mutating func id<E>(_ v: ID<E>) { int(v.rawValue) }
    mutating func raw<E: RawRepresentable>(_ v: E) where E.RawValue == String { text(v.rawValue) }
    mutating func null() { cells.append(.null) }
    mutating func text(_ v: String?) { if let v { text(v) } else { null() } }
    mutating func date(_ v: Date?) { if let v { date(v) } else { null() } }
    mutating func id<E>(_ v: ID<E>?) { if let v { id(v) } else { null() } }
    mutating func int(_ v: Int?) { if let v { int(v) } else { null() } }
    /// A list of texts as a JSON array (a list of values, never a reference to a person: those
    /// are rows of a table of their own, with a foreign key).
    mutating func list(_ v: [String]) { text(RowJSON.encode(v)) }
    /// A list of numbers (wijken, organisations) as a JSON array.
    mutating func ids<E>(_ v: [ID<E>]) { text(RowJSON.encode(v.map { String($0.rawValue) }, quoted: false)) }
    /// A list of moments as a JSON array of seconds, written so they read back bit for bit.
    mutating func dates(_ v: [Date]) { text(RowJSON.encode(v.map { "\($0.timeIntervalSince1970)" }, quoted: false)) }
}

/// Reads a row's cells in the table's order; a cell of the wrong type or value is damage,
/// reported with the table and key it was found in.
struct RowReader {
    private let cells: [Cell]
    private var index = 0
    /// Where the row is, for the message.
    let place: String

    init(_ cells: [Cell], place: String) {
        self.cells = cells
        self.place = place
    }

    var atEnd: Bool { index == cells.count }

    private mutating func next() throws -> Cell {
        guard index < cells.count else { throw damage("a column") }
        index += 1
        return cells[index - 1]
    }

    func damage(_ expected: String) -> CoreError {
        .storeCorrupt(file: place, problem: .unreadable(detail: "column \(index): expected \(expected)"))
    }

    mutating func int() throws -> Int {
        guard case .int(let v) = try next() else { throw damage("a number") }
        return v
    }
    mutating func bool() throws -> Bool {
        let v = try int()
        guard v == 0 || v == 1 else { throw damage("0 or 1") }
        return v == 1
    }
    mutating func text() throws -> String {
        guard case .text(let v) = try next() else { throw damage("text") }
        return v
    }
    mutating func date() throws -> Date {
        switch try next() {
        case .real(let v): return Date(timeIntervalSince1970: v)
        case .int(let v): return Date(timeIntervalSince1970: Double(v))
        default: throw damage("a moment")
        }
    }
    mutating func id<E>() throws -> ID<E> { ID(try int()) }
    mutating func raw<E: RawRepresentable>(_: E.Type) throws -> E where E.RawValue == String {
        guard let e = E(rawValue: try text()) else { throw damage("\(E.self)") }
        return e
    }
    /// True (and the cell taken) when the next cell is NULL.
    private mutating func takeNull() -> Bool {
        guard index < cells.count, cells[index] == .null else { return false }
        index += 1
        return true
    }
    mutating func optionalText() throws -> String? { takeNull() ? nil : try text() }
    mutating func optionalDate() throws -> Date? { takeNull() ? nil : try date() }
    mutating func optionalID<E>() throws -> ID<E>? { takeNull() ? nil : try id() }
    mutating func optionalInt() throws -> Int? { takeNull() ? nil : try int() }
    mutating func optionalRaw<E: RawRepresentable>(_: E.Type) throws -> E? where E.RawValue == String {
        takeNull() ? nil : try raw(E.self)
    }
    mutating func list() throws -> [String] {
        guard let v = RowJSON.decode(try text(), as: String.self) else { throw damage("a list of texts") }
        return v
    }
    mutating func ids<E>() throws -> [ID<E>] {
        guard let v = RowJSON.decode(try text(), as: Int.self) else { throw damage("a list of numbers") }
        return v.map(ID.init)
    }
    mutating func dates() throws -> [Date] {
        guard let v = RowJSON.decode(try text(), as: Double.self) else { throw damage("a list of moments") }
        return v.map { Date(timeIntervalSince1970: $0) }
    }
    /// The rest of the row, for a reader that hands it on.
    mutating func rest() -> [Cell] {
        defer { index = cells.count }
        return Array(cells[index...])
    }
}

/// Lists of plain values in one column, as JSON arrays (the tables check `json_type` is an
/// array). Written and read by hand: Foundation's JSON coders were a fifth of printing the agenda
/// at ten times Borne (each organisation's lists read once, thousands of them).
enum RowJSON {
    /// `items` as a JSON array: quoted and escaped texts, or (`quoted` false) numbers as they are.
    static func encode(_ items: [String], quoted: Bool = true) -> String {
        guard quoted else { return "[" + items.joined(separator: ",") + "]" }
        var out = "["
        for (i, item) in items.enumerated() {
            if i > 0 { out += "," }
            out += "\""
            for u in item.unicodeScalars {
                switch u {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                default:
                    if u.value < 0x20 { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
                }
            }
            out += "\""
        }
        return out + "]"
    }

    /// The array in `text` (nil when it is not an array of `T`: texts, integers or numbers).
    static func decode<T>(_ text: String, as: T.Type) -> [T]? {
        var it = Array(text.utf8)[...]
        func skipSpace() { while let c = it.first, c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { it = it.dropFirst() } }
        func string() -> String? {
            guard it.first == 0x22 else { return nil }
            it = it.dropFirst()
            var bytes: [UInt8] = []
            while let c = it.first {
                it = it.dropFirst()
                if c == 0x22 { return String(decoding: bytes, as: UTF8.self) }
                guard c == 0x5C else { bytes.append(c); continue }
                guard let e = it.first else { return nil }
                it = it.dropFirst()
                switch e {
                case 0x22, 0x5C, 0x2F: bytes.append(e)
                case UInt8(ascii: "b"): bytes.append(0x08)
                case UInt8(ascii: "f"): bytes.append(0x0C)
                case UInt8(ascii: "n"): bytes.append(0x0A)
                case UInt8(ascii: "r"): bytes.append(0x0D)
                case UInt8(ascii: "t"): bytes.append(0x09)
                case UInt8(ascii: "u"):
                    func hex() -> UInt32? {
                        guard it.count >= 4, let v = UInt32(String(decoding: it.prefix(4), as: UTF8.self), radix: 16) else { return nil }
                        it = it.dropFirst(4)
                        return v
                    }
                    guard var v = hex() else { return nil }
                    if (0xD800...0xDBFF).contains(v) {
                        guard it.starts(with: [0x5C, UInt8(ascii: "u")]) else { return nil }
                        it = it.dropFirst(2)
                        guard let low = hex(), (0xDC00...0xDFFF).contains(low) else { return nil }
                        v = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(v) else { return nil }
                    bytes.append(contentsOf: Array(String(Character(scalar)).utf8))
                default: return nil
                }
            }
            return nil
        }
        func number() -> Substring? {
            let n = it.prefix { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D || $0 == 0x2B || $0 == 0x2E || $0 == 0x65 || $0 == 0x45 }
            guard !n.isEmpty else { return nil }
            it = it.dropFirst(n.count)
            return Substring(String(decoding: n, as: UTF8.self))
        }
        skipSpace()
        guard it.first == 0x5B else { return nil }
        it = it.dropFirst()
        var out: [T] = []
        skipSpace()
        if it.first == 0x5D { it = it.dropFirst(); skipSpace(); return it.isEmpty ? out : nil }
        while true {
            skipSpace()
            if T.self == String.self {
                guard let v = string() else { return nil }
                out.append(v as! T)
            } else if T.self == Int.self {
                guard let n = number(), let v = Int(n) else { return nil }
                out.append(v as! T)
            } else if T.self == Double.self {
                guard let n = number(), let v = Double(n) else { return nil }
                out.append(v as! T)
            } else {
                return nil
            }
            skipSpace()
            guard let c = it.first else { return nil }
            it = it.dropFirst()
            if c == 0x5D { break }
            guard c == 0x2C else { return nil }
        }
        skipSpace()
        return it.isEmpty ? out : nil
    }
}

/// A table holding a list that belongs to a record (the lines of a waiting digest, the
/// recipients of an e-mail): its rows go with their record, numbered in order.
struct ChildTable: Sendable {
    /// The table.
    var name: String
    /// The column naming the record it belongs to.
    var owner: String
    /// The columns after the owner and the row's number, in order.
    var columns: [String]
}

/// A record kept as a row of a typed table (with a row per item of each of its lists in a
/// table of their own). Replaces the encoded records of schemas 1 to 8: every field is a
/// column that SQL can query, check and constrain.
protocol RowRecord {
    /// The columns after `id` and `crc`, in the table's order.
    static var columns: [String] { get }
    /// The tables of its lists (none for most).
    static var childTables: [ChildTable] { get }
    /// How many of `childTables` count in the checksum even when empty: those of schema 9
    /// (a list added later counts only once it holds rows).
    static var countedChildTables: Int { get }
    /// Its cells: the key first, then one per column.
    func write(to w: inout RowWriter)
    /// Reads it from its cells (the key first).
    init(from r: inout RowReader) throws
    /// The rows of each of `childTables`, in order.
    func childRows() -> [[[Cell]]]
    /// Sets its lists from the rows of `childTables` (as `childRows` gives them).
    mutating func setChildRows(_ rows: [[[Cell]]], place: String) throws
}

extension RowRecord {
    static var childTables: [ChildTable] { [] }
    static var countedChildTables: Int { childTables.count }
    func childRows() -> [[[Cell]]] { [] }
    mutating func setChildRows(_ rows: [[[Cell]]], place: String) throws {}

    /// Its cells, key first.
    var cells: [Cell] {
        var w = RowWriter()
        write(to: &w)
        return w.cells
    }
}

extension Store {
    /// A row's checksum: over its collection, key and every cell, its lists' rows included, so a
    /// changed byte anywhere in the record, or a row moved to another table or key, is caught.
    /// Lists from `counted` on add nothing while empty (see `rowBytes`).
    static func rowChecksum(_ c: CollectionName, _ cells: [Cell], children: [[[Cell]]], counted: Int = .max) -> UInt32 {
        CRC32.checksum(rowBytes(c, cells, children: children, counted: counted))
    }

    /// The bytes the checksum is over: every cell with its type, in order (also how tests
    /// compare two records for exact equality). A list a later schema added (index `counted` and
    /// up) adds nothing while it is empty: the rows written before it keep their checksums, and
    /// a migration needs no Swift to compute them anew (the row still reads back exactly).
    static func rowBytes(_ c: CollectionName, _ cells: [Cell], children: [[[Cell]]], counted: Int = .max) -> Data {
        var w = BinaryWriter()
        w.string(c.rawValue)
        func add(_ cell: Cell) {
            switch cell {
            case .int(let v): w.uint(1); w.int(v)
            case .real(let v): w.uint(2); w.date(Date(timeIntervalSince1970: v))
            case .text(let v): w.uint(3); w.string(v)
            case .null: w.uint(4)
            case .blob(let d): w.uint(5); w.string(d.base64EncodedString())
            }
        }
        for cell in cells { add(cell) }
        for (i, table) in children.enumerated() {
            if i >= counted && table.isEmpty { continue }
            w.uint(UInt64(table.count))
            for row in table { w.uint(UInt64(row.count)); for cell in row { add(cell) } }
        }
        return Data(w.bytes)
    }

    /// A record's bytes as `rowBytes` gives them.
    static func rowBytes<R: StoredRecord>(of r: R) -> Data { rowBytes(R.collection, r.cells, children: r.childRows(), counted: R.countedChildTables) }

    /// Reads one record from its row's cells (`id`, `crc`, the columns) and its lists' rows,
    /// checking it reads back to exactly the checksum stored with it.
    static func readRow<R: StoredRecord>(_: R.Type, _ cells: [Cell], children: [[[Cell]]]) throws -> R {
        let key: Int
        if case .int(let k) = cells.first { key = k } else { key = -1 }
        let place = "\(StoreSchema.fileName) (\(R.collection.rawValue) \(key))"
        guard cells.count == R.columns.count + 2, case .int(let crc) = cells[1] else {
            throw CoreError.storeCorrupt(file: place, problem: .unreadable(detail: "row"))
        }
        var own = cells
        own.remove(at: 1)
        var reader = RowReader(own, place: place)
        var r = try R(from: &reader)
        guard reader.atEnd else { throw reader.damage("end of row") }
        try r.setChildRows(children, place: place)
        guard r.storageKey == key else { throw CoreError.storeCorrupt(file: place, problem: .misplaced) }
        // Over the cells as read (the writer's are the record's own, so they are equal when
        // nothing changed on disk; re-encoding the record to compare was a third of reading it).
        guard rowChecksum(R.collection, own, children: children, counted: R.countedChildTables) == UInt32(truncatingIfNeeded: crc) else {
            throw CoreError.storeCorrupt(file: place, problem: .checksumMismatch)
        }
        return r
    }
}
