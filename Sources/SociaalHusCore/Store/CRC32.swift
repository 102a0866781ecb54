import Foundation

/// CRC-32 (IEEE 802.3), kept in the manifest for every data file so truncation and bit rot are
/// detected before a file is trusted.
public enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { i -> UInt32 in
        var c = UInt32(i)
        for _ in 0..<8 { c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    /// The checksum of `data`.
    public static func checksum(_ data: Data) -> UInt32 { checksum([data]) }

    /// The checksum of the parts one after the other, without joining them first.
    public static func checksum(_ parts: [Data]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        table.withUnsafeBufferPointer { t in
            for data in parts {
                data.withUnsafeBytes { raw in
                    for byte in raw.bindMemory(to: UInt8.self) {
                        crc = t[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
                    }
                }
            }
        }
        return crc ^ 0xFFFF_FFFF
    }
}
