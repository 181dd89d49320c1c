/// FNV-1a 64-bit hash: stable across runs, processes and platforms (unlike `Hasher`), for person and case ids.
public func stableHash(_ text: String) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
    return h
}

/// `count` characters of Crockford base-32 of `value`: short, unambiguous, case-insensitive ids.
public func base32(_ value: UInt64, count: Int = 10) -> String {
    // ASCII bytes written in place, no Characters: made for every case id on every use. Digit `i` from the
    // left holds bits 5·(count−1−i)… of `value` (a shift of 64 or more gives 0).
    String(ascii: count) { i in base32Alphabet[Int((value >> UInt64(5 * (count - 1 - i))) & 31)] }
}

/// Crockford's base-32 digits as ASCII bytes.
private let base32Alphabet: [UInt8] = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)
