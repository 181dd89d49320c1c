import KCBXCore

/// Matches the towns (镇街) records name to the district's list (`district.towns`), whatever the
/// spelling: full-width forms, spaces, the district's name in front, and the suffix given or left
/// off (`城关` ↔ `城关镇`, `城关街道办事处` ↔ `城关街道`).
public struct TownMatcher: Sendable {
    /// Folded full name → the town as the pipeline file spells it.
    private var exact: [String: String] = [:]
    /// Name without its suffix → the town, or `nil` when two towns share it (城关镇 and 城关街道).
    private var stems: [String: String?] = [:]
    private let districtPrefix: String
    /// The towns as listed.
    public let towns: [String]

    /// Suffixes of town-level divisions, longest first, with the kind of division each names.
    static let suffixes: [(suffix: String, kind: String)] = [
        ("街道办事处", "街道"), ("街道办", "街道"), ("办事处", "街道"), ("街道", "街道"),
        ("民族乡", "乡"), ("民族镇", "镇"), ("镇", "镇"), ("乡", "乡"), ("苏木", "苏木"),
    ]

    public init(towns: [String], districtName: String = "") {
        self.towns = towns
        districtPrefix = TextFolding.compact(districtName)
        for town in towns {
            let folded = TextFolding.compact(town)
            exact[folded] = town
            let (stem, kind) = Self.stem(folded)
            if let kind { exact[stem + "#" + kind] = town }
            if let existing = stems[stem], existing != town { stems[stem] = .some(nil) } else { stems[stem] = town }
        }
    }

    /// The name without its suffix, and the kind of division the suffix names.
    static func stem(_ folded: String) -> (stem: String, kind: String?) {
        for (suffix, kind) in suffixes where folded.hasSuffix(suffix) && folded.count > suffix.count {
            return (String(folded.dropLast(suffix.count)), kind)
        }
        return (folded, nil)
    }

    /// The listed town `raw` names, or `nil` when it names none (or two).
    public func match(_ raw: String) -> String? {
        var folded = TextFolding.compact(raw)
        if let town = exact[folded] { return town }
        if !districtPrefix.isEmpty, folded.hasPrefix(districtPrefix), folded.count > districtPrefix.count {
            folded = String(folded.dropFirst(districtPrefix.count))
            if let town = exact[folded] { return town }
        }
        let (stem, kind) = Self.stem(folded)
        if let kind, let town = exact[stem + "#" + kind] { return town }
        return stems[stem] ?? nil
    }
}

/// 学校标识码: the 10-digit code of a school in the national school directory.
public enum SchoolCode {
    /// The code as 10 ASCII digits (full-width folded, spaces and hyphens removed, a `.0` Excel left
    /// removed); `nil` when it is not 10 digits.
    public static func normalize(_ raw: String) -> String? {
        if raw.utf8.count == 10, raw.utf8.allSatisfy({ $0 &- 0x30 < 10 }) { return raw }
        var digits = String.UnicodeScalarView()
        var text = Substring(raw)
        for suffix in [".0", "．０", ".00"] where text.hasSuffix(suffix) { text = text.dropLast(suffix.count) }
        for s in text.unicodeScalars {
            let v = TextFolding.halfWidth(s.value)
            if v &- 0x30 < 10 { digits.append(Unicode.Scalar(v)!) } else if TextFolding.isSpace(s.value) || TextFolding.isDash(s.value) || v == 0x27 {
                continue
            } else { return nil }
        }
        return digits.count == 10 ? String(digits) : nil
    }
}
