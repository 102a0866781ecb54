import Foundation

/// A compact binary encoding for records (a database row's bytes, and the shard files of old
/// stores).
///
/// Not JSON: Foundation's `JSONDecoder` managed about 15 MB/s on real account records (1.5 s
/// to open a Borne-scale store, where the target is 200 ms), and `JSONSerialization` was no
/// faster. Length-prefixed fields read with bounds checks are an order of magnitude faster.
/// Every export stays JSON, for people to read.
public struct BinaryWriter {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8] = []

    /// Creates an empty writer.
    public init() { bytes.reserveCapacity(4096) }

    /// Writes an unsigned number in 7-bit groups (LEB128).
    public mutating func uint(_ v: UInt64) {
        var v = v
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    /// Writes a signed number (zigzag, then LEB128).
    public mutating func int(_ v: Int) { uint(UInt64(bitPattern: Int64((v << 1) ^ (v >> 63)))) }

    /// Writes a boolean as one byte.
    public mutating func bool(_ v: Bool) { bytes.append(v ? 1 : 0) }

    /// Writes a string as its UTF-8 length and bytes.
    public mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { buf in
            uint(UInt64(buf.count))
            bytes.append(contentsOf: buf)
        }
    }

    /// Writes a moment as the bit pattern of its seconds since 1970.
    public mutating func date(_ d: Date) {
        let bits = d.timeIntervalSince1970.bitPattern
        for i in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: bits >> (UInt64(i) * 8))) }
    }

    /// Writes an optional value: a presence byte, then the value.
    public mutating func optional<T>(_ v: T?, _ write: (inout BinaryWriter, T) -> Void) {
        if let v {
            bytes.append(1)
            write(&self, v)
        } else {
            bytes.append(0)
        }
    }

    /// Writes an array: its count, then each element.
    public mutating func array<T>(_ a: [T], _ write: (inout BinaryWriter, T) -> Void) {
        uint(UInt64(a.count))
        for e in a { write(&self, e) }
    }
}

/// Reads what `BinaryWriter` wrote; every read is bounds-checked and throws on damage.
public struct BinaryReader {
    /// What went wrong while reading.
    public struct Damage: Error, CustomStringConvertible {
        /// Offset in the file.
        public var offset: Int
        /// What was expected there.
        public var expected: String
        public var description: String { "\(expected) at byte \(offset)" }
    }

    private let base: UnsafeRawBufferPointer
    /// Current offset.
    public private(set) var offset = 0
    /// The format of the file being read, so records written by an older version still decode.
    public var format = Manifest.currentFormat

    /// Reads from `buffer`, which must outlive the reader.
    public init(_ buffer: UnsafeRawBufferPointer) { base = buffer }

    /// True when everything has been read.
    public var atEnd: Bool { offset == base.count }

    /// Reads an unsigned LEB128 number.
    public mutating func uint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < base.count, shift < 64 else { throw Damage(offset: offset, expected: "number") }
            let b = base[offset]
            offset += 1
            result |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return result }
            shift += 7
        }
    }

    /// Reads a zigzag signed number.
    public mutating func int() throws -> Int {
        let u = try uint()
        return Int(Int64(bitPattern: (u >> 1) ^ (0 &- (u & 1))))
    }

    /// Reads a non-negative number that fits the rest of the file (for counts and lengths).
    public mutating func count() throws -> Int {
        let start = offset
        let u = try uint()
        guard u <= UInt64(base.count - offset) else { throw Damage(offset: start, expected: "length") }
        return Int(u)
    }

    /// Reads a boolean byte (0 or 1).
    public mutating func bool() throws -> Bool {
        guard offset < base.count, base[offset] <= 1 else { throw Damage(offset: offset, expected: "boolean") }
        offset += 1
        return base[offset - 1] == 1
    }

    /// Reads a UTF-8 string.
    public mutating func string() throws -> String {
        let n = try count()
        let s = String(decoding: UnsafeRawBufferPointer(rebasing: base[offset..<(offset + n)]), as: UTF8.self)
        offset += n
        return s
    }

    /// Reads a moment.
    public mutating func date() throws -> Date {
        guard base.count - offset >= 8 else { throw Damage(offset: offset, expected: "date") }
        var bits: UInt64 = 0
        for i in 0..<8 { bits |= UInt64(base[offset + i]) << (UInt64(i) * 8) }
        offset += 8
        return Date(timeIntervalSince1970: Double(bitPattern: bits))
    }

    /// Reads an optional value.
    public mutating func optional<T>(_ read: (inout BinaryReader) throws -> T) throws -> T? {
        try bool() ? read(&self) : nil
    }

    /// Reads an array.
    public mutating func array<T>(_ read: (inout BinaryReader) throws -> T) throws -> [T] {
        let n = try count()
        var out: [T] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try read(&self)) }
        return out
    }

    /// Reads an enum stored by its raw string.
    public mutating func raw<E: RawRepresentable>(_: E.Type) throws -> E where E.RawValue == String {
        let at = offset
        guard let e = E(rawValue: try string()) else { throw Damage(offset: at, expected: "\(E.self)") }
        return e
    }
}

/// A record that can be written to and read from bytes (a database row, an old store's shard file).
public protocol BinaryRecord {
    /// Writes the record.
    func write(to w: inout BinaryWriter)
    /// Reads a record.
    init(from r: inout BinaryReader) throws
}
