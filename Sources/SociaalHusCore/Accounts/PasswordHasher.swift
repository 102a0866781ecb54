import CCrypt
import Foundation

/// Slow salted password hashing with yescrypt through libcrypt.
public protocol PasswordHashing: Sendable {
    /// Hashes `password` with a fresh salt.
    func hash(_ password: String) throws -> String
    /// True when `password` matches `hash`; a failure hash ("*…") never matches.
    func verify(_ password: String, against hash: String) -> Bool
}

/// A password as hashed: the same letters typed on any terminal must be the same password.
///
/// "é" arrives as one scalar (U+00E9) from one keyboard and as e + U+0301 from another; Swift's
/// `==` calls them equal, but a hash is made of bytes. So every hash is made of the NFC form.
public enum PasswordText {
    /// The form every new hash is made of (NFC).
    public static func normalised(_ typed: String) -> String { typed.precomposedStringWithCanonicalMapping }

    /// The forms a stored hash may have been made of, NFC first: hashes made before passwords were
    /// normalised hold the bytes as they were typed then, which were the typed form (the same
    /// terminal) or, from a decomposing keyboard, NFD. Distinct by bytes, not by `==`, which would
    /// fold them into one; one entry for a password without accents, so it costs one hash.
    public static func candidates(_ typed: String) -> [String] {
        var out: [String] = []
        for form in [normalised(typed), typed, typed.decomposedStringWithCanonicalMapping]
        where !out.contains(where: { $0.utf8.elementsEqual(form.utf8) }) {
            out.append(form)
        }
        return out
    }
}

/// How a typed password matched a stored hash.
public enum PasswordMatch: Equatable, Sendable {
    /// Through its NFC form: the hash is as new hashes are made.
    case normalised
    /// Only through another form: the hash predates normalisation and is to be made again.
    case olderForm
}

extension PasswordHashing {
    /// Checks every form of `typed` against `hash` (see `PasswordText.candidates`); nil when none
    /// matches. Every form is tried when none matches, so a wrong password costs as long as the
    /// same password against another hash, whatever the hash is.
    public func match(_ typed: String, against hash: String) -> PasswordMatch? {
        for (i, form) in PasswordText.candidates(typed).enumerated() where verify(form, against: hash) {
            return i == 0 ? .normalised : .olderForm
        }
        return nil
    }
}

/// yescrypt via `crypt_gensalt_rn("$y$", cost)` and `crypt_rn`.
public struct YescryptHasher: PasswordHashing {
    /// The yescrypt cost; 5 uses 16 MiB per hash.
    public let cost: UInt

    /// Creates a hasher with cost at least 5.
    public init(cost: UInt = 5) { self.cost = max(cost, 5) }

    public func hash(_ password: String) throws -> String {
        var random = [UInt8](repeating: 0, count: 32)
        try fillRandom(&random)
        var setting = [CChar](repeating: 0, count: 256)
        let ok = random.withUnsafeBufferPointer { rbuf in
            rbuf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: rbuf.count) { rptr in
                crypt_gensalt_rn("$y$", cost, rptr, Int32(rbuf.count), &setting, Int32(setting.count))
            }
        }
        guard ok != nil, setting[0] != 0x2A else { throw CoreError.storeIO(file: "libcrypt", problem: "no salt") }
        guard let result = run(password, setting: setting) else { throw CoreError.storeIO(file: "libcrypt", problem: "hashing failed") }
        return result
    }

    public func verify(_ password: String, against hash: String) -> Bool {
        guard hash.hasPrefix("$"), !hash.hasPrefix("*") else { return false }
        let setting = Array(hash.utf8CString)
        guard let computed = run(password, setting: setting) else { return false }
        return constantTimeEquals(Array(computed.utf8), Array(hash.utf8))
    }

    private func run(_ password: String, setting: [CChar]) -> String? {
        // A C string stops at NUL: hashing "ab\0cdef" would hash only "ab". Never hash less
        // than was given; such a password never gets a hash and never matches one.
        guard !password.utf8.contains(0) else { return nil }
        var out = [CChar](repeating: 0, count: 512)
        let rc = password.withCString { p in
            setting.withUnsafeBufferPointer { s in cc_hash(p, s.baseAddress!, &out, out.count) }
        }
        guard rc == 0 else { return nil }
        let result = String(decoding: out.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return result.hasPrefix("*") || result.isEmpty ? nil : result
    }
}

/// A keyed, fast hash of a short text (sha256crypt, 1000 rounds, the key as its salt): lets the
/// store count failed logins per address tried without keeping the address itself.
func keyedHash(_ text: String, key: String) -> String? {
    guard !text.utf8.contains(0), key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }), !key.isEmpty else { return nil }
    let setting = Array("$5$rounds=1000$\(key.prefix(16))$".utf8CString)
    var out = [CChar](repeating: 0, count: 256)
    let rc = text.withCString { p in setting.withUnsafeBufferPointer { s in cc_hash(p, s.baseAddress!, &out, out.count) } }
    guard rc == 0 else { return nil }
    let result = String(decoding: out.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    return result.split(separator: "$").last.map(String.init)
}

/// Compares two byte strings without stopping at the first difference.
public func constantTimeEquals(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    var diff = UInt8(a.count == b.count ? 0 : 1)
    let n = max(a.count, b.count)
    for i in 0..<n {
        let x = i < a.count ? a[i] : 0
        let y = i < b.count ? b[i] : 0
        diff |= x ^ y
    }
    return diff == 0
}

/// Fills `bytes` from the system's cryptographically secure generator (getrandom on Linux).
func fillRandom(_ bytes: inout [UInt8]) throws {
    var generator = SystemRandomNumberGenerator()
    for i in bytes.indices { bytes[i] = generator.next() }
}
