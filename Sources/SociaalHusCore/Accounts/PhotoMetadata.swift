import Foundation

/// Takes what a camera or editor wrote about a photo out of it before it is stored:
/// where and when it was taken, the device, the author, comments and thumbnails (EXIF, XMP, IPTC,
/// PNG text chunks). Only what drawing the picture needs is kept.
///
/// Chunks and segments are walked while they are well formed; the first malformed one ends the
/// walk and the rest of the file goes (text after a broken chunk could be anything), except a
/// tail too short to be a chunk at all.
public enum PhotoMetadata {
    /// `data` without its metadata.
    public static func stripped(_ data: Data, as type: PhotoType) -> Data {
        switch type {
        case .png: return png(Array(data))
        case .jpeg: return jpeg(Array(data))
        }
    }

    /// PNG chunks kept: the critical ones (an upper-case first letter) and those that change how
    /// the pixels look; text (`tEXt`, `zTXt`, `iTXt`), `eXIf`, `tIME` and everything else go.
    static let pngKept: Set<String> = ["tRNS", "gAMA", "cHRM", "sRGB", "sBIT", "bKGD", "pHYs"]

    static func png(_ b: [UInt8]) -> Data {
        guard b.count >= 8 else { return Data(b) }
        var out = Array(b[0..<8])
        var i = 8
        while b.count - i >= 12 {
            // In UInt64: a length of 2^31 or more is never negative, on any platform.
            let length = UInt64(b[i]) << 24 | UInt64(b[i + 1]) << 16 | UInt64(b[i + 2]) << 8 | UInt64(b[i + 3])
            let typeBytes = b[(i + 4)..<(i + 8)]
            let asciiLetters = typeBytes.allSatisfy { (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }
            guard asciiLetters, length <= UInt64(b.count - i - 12) else { return Data(out) }
            let end = i + 12 + Int(length)
            let type = String(decoding: typeBytes, as: UTF8.self)
            let critical = (0x41...0x5A).contains(typeBytes.first!)
            if critical || pngKept.contains(type) { out += b[i..<end] }
            i = end
            if type == "IEND" { return Data(out) }
        }
        out += b[i...]
        return Data(out)
    }

    /// JPEG segments dropped: APP1–APP13 and APP15 (EXIF, XMP, ICC's neighbours, IPTC/Photoshop),
    /// comments and thumbnails; APP0 keeps JFIF's fields, APP14 (Adobe: how CMYK is to be read)
    /// stays, as do the tables and the picture itself after the start of scan.
    static func jpeg(_ b: [UInt8]) -> Data {
        guard b.count >= 4, b[0] == 0xFF, b[1] == 0xD8 else { return Data(b) }
        var out: [UInt8] = [0xFF, 0xD8]
        var i = 2
        while i + 4 <= b.count, b[i] == 0xFF {
            let marker = b[i + 1]
            if marker == 0xFF { i += 1; continue }  // fill byte
            let length = Int(b[i + 2]) << 8 | Int(b[i + 3])
            let end = i + 2 + length
            guard length >= 2, end <= b.count else { return Data(out) }
            let metadata = (0xE1...0xED).contains(marker) || marker == 0xEF || marker == 0xFE
            if marker == 0xE0 {
                // APP0: only JFIF's own fields, without its thumbnail (and no JFXX extension,
                // which is a thumbnail and nothing else).
                if length >= 16, Array(b[(i + 4)..<(i + 9)]) == Array("JFIF\0".utf8) {
                    out += [0xFF, 0xE0, 0x00, 0x10] + b[(i + 4)..<(i + 16)] + [0, 0]
                }
            } else if !metadata {
                out += b[i..<end]
            }
            i = end
            // From the start of scan on it is the picture, kept whole up to the end of image;
            // what follows it (some phones append their own metadata there) goes.
            if marker == 0xDA {
                var k = i
                while k + 1 < b.count, !(b[k] == 0xFF && b[k + 1] == 0xD9) { k += 1 }
                return Data(out + b[i..<min(k + 2, b.count)])
            }
        }
        out += b[i...]
        return Data(out)
    }
}
