import Foundation

/// Takes what a camera or editor wrote about a photo out of it before it is stored (issue 23):
/// where and when it was taken, the device, the author, comments and thumbnails (EXIF, XMP, IPTC,
/// PNG text chunks). Only what drawing the picture needs is kept.
///
/// Lenient by design: the chunks and segments are walked while they are well formed; whatever
/// follows something malformed is kept as it is (a real camera's file is well formed, and a
/// damaged one is still the person's own picture, checked by type as before).
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
        while i + 12 <= b.count {
            let length = Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3])
            let end = i + 12 + length
            guard length <= b.count, end <= b.count,
                  let type = String(bytes: b[(i + 4)..<(i + 8)], encoding: .ascii), type.allSatisfy(\.isLetter) else { break }
            let critical = type.first.map(\.isUppercase) ?? false
            if critical || pngKept.contains(type) { out += b[i..<end] }
            i = end
            if type == "IEND" { return Data(out) }
        }
        out += b[i...]
        return Data(out)
    }

    /// JPEG segments dropped: APP1–APP13 and APP15 (EXIF, XMP, ICC's neighbours, IPTC/Photoshop)
    /// and comments; APP0 (JFIF) and APP14 (Adobe: how CMYK is to be read) stay, as do the tables
    /// and the picture itself after the start of scan.
    static func jpeg(_ b: [UInt8]) -> Data {
        guard b.count >= 4, b[0] == 0xFF, b[1] == 0xD8 else { return Data(b) }
        var out: [UInt8] = [0xFF, 0xD8]
        var i = 2
        while i + 4 <= b.count, b[i] == 0xFF {
            let marker = b[i + 1]
            if marker == 0xFF { i += 1; continue }  // fill byte
            let length = Int(b[i + 2]) << 8 | Int(b[i + 3])
            let end = i + 2 + length
            guard length >= 2, end <= b.count else { break }
            let metadata = (0xE1...0xED).contains(marker) || marker == 0xEF || marker == 0xFE
            if !metadata { out += b[i..<end] }
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
