/// FNV-1a 64-bit hash: stable across runs, processes and platforms (unlike `Hasher`), for person and case ids.
public func stableHash(_ text: String) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
    return h
}

/// `count` characters of Crockford base-32 of `value`: short, unambiguous, case-insensitive ids.
public func base32(_ value: UInt64, count: Int = 10) -> String {
    let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    var v = value
    var out: [Character] = []
    for _ in 0..<count { out.append(alphabet[Int(v & 31)]); v >>= 5 }
    return String(out.reversed())
}
