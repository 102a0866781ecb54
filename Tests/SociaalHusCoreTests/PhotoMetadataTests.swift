import Foundation
import Testing
@testable import SociaalHusCore

/// Photos are stored without what a camera or editor wrote about them (a PNG text chunk
/// must not survive the upload).
@Suite struct PhotoMetadataTests {
    /// A PNG chunk: length, type, data and a (not checked here) CRC.
    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let n = UInt32(data.count)
        return [UInt8(n >> 24), UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)] + Array(type.utf8) + data + [1, 2, 3, 4]
    }
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// A JPEG segment with its length.
    static func segment(_ marker: UInt8, _ data: [UInt8]) -> [UInt8] {
        let n = data.count + 2
        return [0xFF, marker, UInt8(n >> 8), UInt8(n & 0xFF)] + data
    }

    @Test("a PNG keeps its picture chunks and loses text, EXIF, time and what follows its end")
    func png() {
        let header = Self.chunk("IHDR", Array(repeating: 7, count: 13)), pixels = Self.chunk("IDAT", Array("PIXELS".utf8))
        let gamma = Self.chunk("gAMA", [0, 0, 0xB1, 0x8F]), end = Self.chunk("IEND", [])
        let file = Self.signature + header + Self.chunk("tEXt", Array("Author\0Ruud Smit GPS 52.3".utf8)) + gamma
            + Self.chunk("eXIf", Array("MM GPS".utf8)) + pixels + Self.chunk("iTXt", Array("XML:com.adobe.xmp".utf8))
            + Self.chunk("tIME", [7, 234, 12, 5, 10, 0, 0]) + end + Array("TRAILING-SECRET".utf8)
        let out = [UInt8](PhotoMetadata.stripped(Data(file), as: .png))
        #expect(out == Self.signature + header + gamma + pixels + end)
    }

    @Test("a JPEG keeps JFIF, Adobe, its tables and its scan, and loses EXIF, XMP, IPTC, comments and a trailer")
    func jpeg() {
        let jfif = Self.segment(0xE0, Array("JFIF\0".utf8) + [1, 1, 0, 0, 1, 0, 1, 0, 0])
        let adobe = Self.segment(0xEE, Array("Adobe".utf8) + [0, 100, 0, 0, 0, 0, 1])
        let tables = Self.segment(0xDB, Array(repeating: 3, count: 65)) + Self.segment(0xC0, Array(repeating: 1, count: 15))
        let scan = Self.segment(0xDA, [1, 1, 0, 0, 63, 0]) + [0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56] + [0xFF, 0xD9]
        let file: [UInt8] = [0xFF, 0xD8] + jfif + Self.segment(0xE1, Array("Exif\0\0GPS Ruud".utf8)) + Self.segment(0xE1, Array("http://ns.adobe.com/xap/1.0/".utf8))
            + Self.segment(0xED, Array("Photoshop 3.0 IPTC".utf8)) + Self.segment(0xFE, Array("comment: Ruud".utf8)) + adobe + tables + scan
            + Array("SEFT trailer GPS".utf8)
        let out = [UInt8](PhotoMetadata.stripped(Data(file), as: .jpeg))
        #expect(out == [0xFF, 0xD8] + jfif + adobe + tables + scan)
    }

    @Test("a tail too short to be a PNG chunk is kept; a malformed JPEG segment ends the file",
          arguments: [[0, 0, 0, 0], Array("ZWALUWFOTO".utf8), [0, 0, 0, 200, 73, 68, 65, 84]])
    func shortTail(tail: [UInt8]) {
        #expect([UInt8](PhotoMetadata.stripped(Data(Self.signature + tail), as: .png)) == Self.signature + tail)
        #expect([UInt8](PhotoMetadata.stripped(Data([0xFF, 0xD8, 0xFF] + tail), as: .jpeg)) == [0xFF, 0xD8])
    }

    /// Found in review: one malformed chunk type ("t1Xt") let every chunk after it through, text included.
    @Test("after a malformed PNG chunk nothing more is kept: no text smuggled behind it")
    func malformedChunkEnds() {
        let header = Self.chunk("IHDR", Array(repeating: 7, count: 13)), pixels = Self.chunk("IDAT", Array("PIXELS".utf8))
        for bad in [Array("t1Xt".utf8), [0x74, 0xE9, 0x58, 0x74]] {
            let badChunk = [0, 0, 0, 2] + bad + [1, 2, 9, 9, 9, 9]
            let file = Self.signature + header + pixels + badChunk + Self.chunk("tEXt", Array("GPS 52.3 6.7".utf8)) + Self.chunk("IEND", [])
            let out = [UInt8](PhotoMetadata.stripped(Data(file), as: .png))
            #expect(out == Self.signature + header + pixels, "\(bad)")
        }
        // A length of 2^31 or more is refused, not a crash.
        let huge = Self.signature + [0x80, 0, 0, 0] + Array("IDAT".utf8) + [1, 2, 3, 4]
        #expect([UInt8](PhotoMetadata.stripped(Data(huge), as: .png)) == Self.signature)
    }

    /// Found in review: a JFIF segment kept its thumbnail, and a JFXX one is nothing but a thumbnail.
    @Test("a JPEG's JFIF thumbnail and JFXX extension go; JFIF's own fields stay")
    func jfifThumbnail() {
        let fields: [UInt8] = Array("JFIF\0".utf8) + [1, 2, 1, 0, 72, 0, 72]
        let withThumb = Self.segment(0xE0, fields + [2, 1] + Array(repeating: 0xAB, count: 6))
        let jfxx = Self.segment(0xE0, Array("JFXX\0".utf8) + [0x10] + Array(repeating: 0xCD, count: 20))
        let scan = Self.segment(0xDA, [1, 1, 0, 0, 63, 0]) + [0x12, 0x34, 0xFF, 0xD9]
        let out = [UInt8](PhotoMetadata.stripped(Data([0xFF, 0xD8] + withThumb + jfxx + scan), as: .jpeg))
        #expect(out == [0xFF, 0xD8] + Self.segment(0xE0, fields + [0, 0]) + scan)
    }

    @Test("regression: a photo set in the store holds no text chunk of the upload")
    func storedWithout() throws {
        let dir = TempDir()
        let store = try makeStore(dir)
        let anna = try addResident(store, "anna@example.nl")
        let file = Self.signature + Self.chunk("IHDR", Array(repeating: 7, count: 13)) + Self.chunk("tEXt", Array("Location\0Dorpsstraat 12 METADATA-CANARY".utf8))
            + Self.chunk("IDAT", Array("PIXELS".utf8)) + Self.chunk("IEND", [])
        try store.setPhoto(for: anna.id, data: Data(file), by: .account(anna))
        let photo = try #require(store.state.accounts[anna.id.rawValue]?.profile.photo)
        let stored = try #require(FileManager.default.contents(atPath: dir.store + "/photos/" + photo))
        #expect(stored.range(of: Data("METADATA-CANARY".utf8)) == nil)
        #expect(stored.range(of: Data("PIXELS".utf8)) != nil)
    }
}
