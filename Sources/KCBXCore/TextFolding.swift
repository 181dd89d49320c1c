/// Small, allocation-free helpers shared by the parsers: full-width folding and whitespace tests on
/// Unicode scalars. Departments' exports mix half-width and full-width (全角) forms freely.
public enum TextFolding {
    /// The half-width ASCII form of a full-width form (U+FF01–U+FF5E → U+0021–U+007E) and of the
    /// ideographic space (U+3000 → space); other scalars unchanged.
    @inline(__always)
    @inlinable public static func halfWidth(_ v: UInt32) -> UInt32 {
        if v >= 0xFF01 && v <= 0xFF5E { return v - 0xFEE0 }
        if v == 0x3000 { return 0x20 }
        return v
    }

    /// Whether `v` is white space of any width, including the ideographic space, no-break and
    /// zero-width spaces and the byte-order mark.
    @inline(__always)
    @inlinable public static func isSpace(_ v: UInt32) -> Bool {
        switch v {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF: true
        default: false
        }
    }

    /// Whether `v` is a hyphen or dash of any width (-, －, ‐, ‑, ‒, –, —, ―, −, _).
    @inline(__always)
    @inlinable public static func isDash(_ v: UInt32) -> Bool {
        switch v {
        case 0x2D, 0x5F, 0xFF0D, 0xFF3F, 0x2010...0x2015, 0x2212, 0xFE58, 0xFE63: true
        default: false
        }
    }

    /// `s` with full-width ASCII folded to half-width, white space removed and ASCII letters
    /// lower-cased: the comparison form of short codes (sex, school codes, placeholders).
    @inlinable public static func compact(_ s: some StringProtocol) -> String {
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            var v = scalar.value
            if isSpace(v) { continue }
            v = halfWidth(v)
            if v >= 0x41 && v <= 0x5A { v += 0x20 }
            out.append(Unicode.Scalar(v) ?? scalar)
        }
        return String(out)
    }

    /// Whether `s` has only ASCII characters (so the byte-level fast paths apply).
    @inline(__always)
    @inlinable public static func isASCII(_ s: String) -> Bool {
        s.utf8.allSatisfy { $0 < 0x80 }
    }
}
