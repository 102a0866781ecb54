import Foundation
import Testing
@testable import SociaalHusCore
import SociaalHusBench

/// The eight-bytes-at-a-time CRC-32 against the check value and a byte-at-a-time reference.
@Suite struct CRC32Tests {
    static func reference(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for b in bytes {
            crc ^= UInt32(b)
            for _ in 0..<8 { crc = (crc & 1) != 0 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
        }
        return crc ^ 0xFFFF_FFFF
    }

    @Test("the check value of \"123456789\" is CBF43926") func checkValue() {
        #expect(CRC32.checksum(Data("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum(Data()) == 0)
    }

    @Test("random lengths and parts agree with the byte-at-a-time reference") func agreesWithReference() {
        var rng = SplitMix64(seed: 32)
        for _ in 0..<300 {
            let bytes = (0..<Int(rng.next() % 100)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            let cut = bytes.isEmpty ? 0 : Int(rng.next() % UInt64(bytes.count))
            #expect(CRC32.checksum(Data(bytes)) == Self.reference(bytes))
            #expect(CRC32.checksum([Data(bytes[..<cut]), Data(bytes[cut...])]) == Self.reference(bytes), "split at \(cut) of \(bytes.count)")
        }
        #expect(LegacyRecords.checksum("posts", 12, Data([1, 2, 3])) == Self.reference(Array("posts:12:".utf8) + [1, 2, 3]))
    }
}
