import Foundation

/// CRC-32 (IEEE 802.3) over every record, so a changed byte inside a record is caught when it is
/// read (SQLite checks its pages, not what a record means).
///
/// Eight bytes at a time through eight tables ("slicing-by-8"): a year of the agenda at ten
/// times Borne checks some 100,000 records, and byte at a time was a tenth of that command.
public enum CRC32 {
    private static let tables: [UInt32] = {
        var t = [UInt32](repeating: 0, count: 8 * 256)
        for i in 0..<256 {
            var c = UInt32(i)
            for _ in 0..<8 { c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
            t[i] = c
        }
        for i in 0..<256 {
            for k in 1..<8 { t[k * 256 + i] = (t[(k - 1) * 256 + i] >> 8) ^ t[Int(t[(k - 1) * 256 + i] & 0xFF)] }
        }
        return t
    }()

    /// The checksum of `data`.
    public static func checksum(_ data: Data) -> UInt32 { checksum([data]) }

    /// The checksum of the parts one after the other, without joining them first.
    public static func checksum(_ parts: [Data]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for data in parts { data.withUnsafeBytes { crc = update(crc, $0) } }
        return crc ^ 0xFFFF_FFFF
    }

    /// Continues a running checksum (start with 0xFFFF_FFFF, end by xor with it) over `bytes`.
    static func update(_ start: UInt32, _ bytes: UnsafeRawBufferPointer) -> UInt32 {
        var crc = start
        tables.withUnsafeBufferPointer { t in
            var i = 0
            let n = bytes.count
            while i + 8 <= n {
                let lo = crc ^ (UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16 | UInt32(bytes[i + 3]) << 24)
                let hi = UInt32(bytes[i + 4]) | UInt32(bytes[i + 5]) << 8 | UInt32(bytes[i + 6]) << 16 | UInt32(bytes[i + 7]) << 24
                crc = t[7 * 256 + Int(lo & 0xFF)] ^ t[6 * 256 + Int((lo >> 8) & 0xFF)] ^ t[5 * 256 + Int((lo >> 16) & 0xFF)] ^ t[4 * 256 + Int(lo >> 24)]
                    ^ t[3 * 256 + Int(hi & 0xFF)] ^ t[2 * 256 + Int((hi >> 8) & 0xFF)] ^ t[256 + Int((hi >> 16) & 0xFF)] ^ t[Int(hi >> 24)]
                i += 8
            }
            while i < n {
                crc = t[Int((crc ^ UInt32(bytes[i])) & 0xFF)] ^ (crc >> 8)
                i += 1
            }
        }
        return crc
    }
}
