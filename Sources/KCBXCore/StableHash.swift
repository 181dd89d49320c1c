/// FNV-1a 64-bit hash: stable across runs, processes and platforms (unlike `Hasher`), for person and case ids.
public func stableHash(_ text: String) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
    return h
}

/// `count` characters of Crockford base-32 of `value`: short, unambiguous, case-insensitive ids.
public func base32(_ value: UInt64, count: Int = 10) -> String {
    // ASCII bytes written last digit first into a buffer, no Characters: made for every case id on every use.
    // unsafe: writes 10 ASCII bytes into the new string in place, no array (made per case id); indices stay within buffer.count
    String(unsafeUninitializedCapacity: max(count, 0)) { buffer in
        var v = value
        for i in stride(from: buffer.count - 1, through: 0, by: -1) {
            buffer[i] = base32Alphabet[Int(v & 31)]
            v >>= 5
        }
        return buffer.count
    }
}

/// Crockford's base-32 digits as ASCII bytes.
private let base32Alphabet: [UInt8] = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)
