import KCBXCore

/// 性别: sex, as the ID number's sequence and the records state it.
public enum Sex: String, Sendable, Codable, Hashable {
    case male = "男", female = "女"
    /// Parses 男/女/1/2/M/F/male/female/男性/女性 (full-width too); `nil` when unknown (0, 9, 未知, blank).
    public static func parse(_ raw: String) -> Sex? {
        // Fast path on the UTF-8 bytes (a String switch compares non-ASCII text by canonical
        // equivalence, which is slow): 男 E7 94 B7, 女 E5 A5 B3, 1, 2.
        let u = raw.utf8
        if u.count == 3 {
            if u.elementsEqual([0xE7, 0x94, 0xB7]) { return .male }
            if u.elementsEqual([0xE5, 0xA5, 0xB3]) { return .female }
        } else if u.count == 1 {
            switch u.first {
            case UInt8(ascii: "1"), UInt8(ascii: "M"), UInt8(ascii: "m"): return .male
            case UInt8(ascii: "2"), UInt8(ascii: "F"), UInt8(ascii: "f"): return .female
            default: return nil
            }
        } else if u.isEmpty {
            return nil
        }
        switch TextFolding.compact(raw) {
        case "男", "1", "m", "male", "男性", "男孩", "男生", "boy": return .male
        case "女", "2", "f", "female", "女性", "女孩", "女生", "girl": return .female
        default: return nil
        }
    }
}

/// 公民身份号码 (GB 11643-1999), or another identity document number, parsed and checked.
///
/// Keeps the raw value, the normalized value and every defect found; it never silently "fixes" a
/// number (a wrong check character stays wrong and is reported).
public struct IDNumber: Sendable, Hashable {
    /// What kind of number this is.
    public enum Kind: String, Sendable, Codable {
        /// An 18-character resident ID with a valid check character.
        case resident
        /// A 15-digit legacy number, upgraded to 18 characters.
        case legacy
        /// A Hong Kong, Macau or Taiwan residence permit (810000/820000/830000).
        case hkMacauTaiwan
        /// A foreigner's permanent residence card.
        case foreignPermanent
        /// A number Excel destroyed (`3.70783E+17`, trailing zeros).
        case damaged
        /// Not a usable number (bad length, characters, check character, birth date).
        case invalid
        /// Empty or a placeholder (无, 0, -).
        case missing
    }

    /// A defect found in the raw value.
    public enum Defect: String, Sendable, Codable, CaseIterable {
        case fullWidthCharacters = "full_width"
        case whitespaceOrSeparators = "separators"
        case lowercaseX = "lowercase_x"
        case legacy15 = "legacy_15"
        case badCheckCharacter = "bad_check_character"
        case badLength = "bad_length"
        case badCharacters = "bad_characters"
        case badBirthDate = "bad_birth_date"
        case unknownRegion = "unknown_region"
        case scientificNotation = "scientific_notation"
        case zeroedTail = "zeroed_tail"
        case empty
    }

    /// As read.
    public let raw: String
    /// Normalized (half-width, upper-case X, 18 characters for resident/legacy); "" when there is none.
    public let normalized: String
    public let defects: [Defect]
    public let kind: Kind

    public init(raw: String, normalized: String, kind: Kind, defects: [Defect]) {
        self.raw = raw; self.normalized = normalized; self.kind = kind; self.defects = defects
    }

    /// Parses any raw ID value: folds full-width characters, removes spaces and hyphens, upper-cases
    /// `x`, upgrades 15-digit numbers, checks the check character, birth date and region, and
    /// recognises residence permits, permanent residence cards and numbers Excel destroyed.
    public static func parse(_ raw: String) -> IDNumber {
        // Fast path: 18 ASCII characters, 17 digits and a digit or X (nearly every value).
        var copy = raw
        copy.makeContiguousUTF8()
        let b = copy.utf8.span
        guard b.count == 18 else { return parseSlowly(raw) }
        for i in 0..<17 where !isDigit(b[i]) { return parseSlowly(raw) }
        guard isDigit(b[17]) || b[17] == UInt8(ascii: "X") else { return parseSlowly(raw) }
        return classify18(b, raw: raw, normalized: raw, defects: [])
    }

    /// Values that mean "no number": kept as `.missing`, never as an invalid number.
    static let placeholders: Set<String> = [
        "无", "暂无", "没有", "无证", "无身份证", "未办", "未办理", "不详", "未知", "空", "待定", "待补", "缺",
        "null", "none", "nil", "n/a", "na", "\\n", "-", "--", "---", "—", "——", "/", "//", "0", "00", "?", "？", "x",
    ]

    static func parseSlowly(_ raw: String) -> IDNumber {
        let (bytes, defects) = fold(raw)
        if bytes.isEmpty || placeholders.contains(TextFolding.compact(raw)) {
            return IDNumber(raw: raw, normalized: "", kind: .missing, defects: [.empty])
        }
        return classify(bytes, raw: raw, defects: defects)
    }

    /// `raw` as ASCII: full-width forms folded, spaces, hyphens and quotes removed, letters
    /// upper-cased; characters that have no place in a number become `?`. Spaces around the value
    /// are trimming, not a defect.
    static func fold(_ raw: some StringProtocol) -> (bytes: [UInt8], defects: [Defect]) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        var defects: [Defect] = []
        func note(_ d: Defect) { if !defects.contains(d) { defects.append(d) } }
        var seenValue = false, spaceAfterValue = false
        for scalar in raw.unicodeScalars {
            let original = scalar.value
            if TextFolding.isSpace(original) { spaceAfterValue = seenValue; continue }
            if spaceAfterValue { note(.whitespaceOrSeparators); spaceAfterValue = false }
            seenValue = true
            let v = TextFolding.halfWidth(original)
            if v != original { note(.fullWidthCharacters) }
            switch v {
            case 0x30...0x39, 0x41...0x5A, 0x2E, 0x2B: bytes.append(UInt8(v))
            case 0x61...0x7A:
                if v == 0x78 { note(.lowercaseX) }
                bytes.append(UInt8(v - 0x20))
            case 0x27, 0x22, 0x60: break  // Excel's text prefix ' and stray quotes
            default:
                if TextFolding.isDash(original) || TextFolding.isDash(v) { note(.whitespaceOrSeparators) } else { bytes.append(0x3F) }
            }
        }
        return (bytes, defects)
    }

    /// Classifies a folded, non-empty value.
    static func classify(_ bytes: [UInt8], raw: String, defects: [Defect]) -> IDNumber {
        if let damaged = excelScientific(bytes, raw: raw, defects: defects) { return damaged }
        let text = String(decoding: bytes, as: UTF8.self)
        if bytes.count == 18, bytes.prefix(17).allSatisfy(isDigit), isDigit(bytes[17]) || bytes[17] == UInt8(ascii: "X") {
            return classify18(bytes.span, raw: raw, normalized: text, defects: defects)
        }
        if bytes.count == 15, bytes.allSatisfy(isDigit) {
            return upgradeLegacy(bytes, raw: raw, defects: defects)
        }
        if bytes.count == 15, bytes.prefix(3).allSatisfy(isLetter), bytes.dropFirst(3).allSatisfy(isDigit) {
            return IDNumber(raw: raw, normalized: text, kind: .foreignPermanent, defects: defects)
        }
        var defects = defects
        defects.append(bytes.allSatisfy({ isDigit($0) || $0 == UInt8(ascii: "X") }) ? .badLength : .badCharacters)
        return IDNumber(raw: raw, normalized: text, kind: .invalid, defects: defects)
    }

    /// An 18-character value of 17 digits and a digit or X.
    static func classify18(_ b: Span<UInt8>, raw: String, normalized: String, defects: [Defect]) -> IDNumber {
        precondition(b.count == 18)  // checked once here, the reads below need no check of their own
        var defects = defects
        let checkOK = checkByte(b) == b[17]
        let dateOK = embeddedDate(b, at: 6) != nil
        let kind: Kind
        if b[0] == UInt8(ascii: "8"), b[1] >= UInt8(ascii: "1"), b[1] <= UInt8(ascii: "3"), b[2] == 0x30, b[3] == 0x30, b[4] == 0x30, b[5] == 0x30 {
            kind = .hkMacauTaiwan
        } else if b[0] == UInt8(ascii: "9") {
            kind = .foreignPermanent
        } else {
            kind = .resident
            if !isProvince(b[0], b[1]) { defects.append(.unknownRegion) }
        }
        if !checkOK {
            if kind == .resident, b[15] == 0x30, b[16] == 0x30, b[17] == 0x30 {
                defects.append(.zeroedTail)
                return IDNumber(raw: raw, normalized: normalized, kind: .damaged, defects: defects)
            }
            defects.append(.badCheckCharacter)
        }
        if !dateOK { defects.append(.badBirthDate) }
        return IDNumber(raw: raw, normalized: normalized, kind: checkOK && dateOK ? kind : .invalid, defects: defects)
    }

    /// A 15-digit legacy number: region + YYMMDD + sequence, upgraded by inserting `19` and computing the check.
    static func upgradeLegacy(_ b: [UInt8], raw: String, defects: [Defect]) -> IDNumber {
        var defects = defects
        defects.append(.legacy15)
        var up = Array(b[0..<6]) + [0x31, 0x39] + Array(b[6..<15])
        up.append(checkByte(up.span))
        if !isProvince(b[0], b[1]) { defects.append(.unknownRegion) }
        let dateOK = embeddedDate(up.span, at: 6) != nil
        if !dateOK { defects.append(.badBirthDate) }
        return IDNumber(raw: raw, normalized: String(decoding: up, as: UTF8.self), kind: dateOK ? .legacy : .invalid, defects: defects)
    }

    /// `3.70783E+17` or `3.70783200102152E+17`: an ID Excel stored as a number and displayed in
    /// scientific notation; the digits after the mantissa are lost. Normalized to the digits that
    /// survive, padded with zeros (region code and, with a long enough mantissa, birth date intact).
    static func excelScientific(_ b: [UInt8], raw: String, defects: [Defect]) -> IDNumber? {
        guard let e = b.firstIndex(of: UInt8(ascii: "E")), e > 0, isDigit(b[0]) else { return nil }
        var mantissa: [UInt8] = [b[0]]
        var i = 1
        if i < e, b[i] == UInt8(ascii: ".") {
            i += 1
            while i < e, isDigit(b[i]) { mantissa.append(b[i]); i += 1 }
        }
        guard i == e else { return nil }
        var j = e + 1
        if j < b.count, b[j] == UInt8(ascii: "+") { j += 1 }
        guard j < b.count, j + 2 >= b.count, b[j...].allSatisfy(isDigit), let exponent = Int(String(decoding: b[j...], as: UTF8.self))
        else { return nil }
        var defects = defects
        defects.append(.scientificNotation)
        let length = exponent + 1
        guard length == 18 || length == 15, mantissa.count <= length else {
            defects.append(.badLength)
            return IDNumber(raw: raw, normalized: "", kind: .invalid, defects: defects)
        }
        let digits = mantissa + Array(repeating: UInt8(ascii: "0"), count: length - mantissa.count)
        return IDNumber(raw: raw, normalized: String(decoding: digits, as: UTF8.self), kind: .damaged, defects: defects)
    }

    /// ISO 7064 MOD 11-2 weights of the first 17 digits.
    static let weights: [Int] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    /// Check characters for remainders 0…10.
    static let checkBytes: [UInt8] = Array("10X98765432".utf8)

    /// The check byte of the first 17 bytes of `b`, which must be ASCII digits.
    @inline(__always)
    static func checkByte(_ b: Span<UInt8>) -> UInt8 {
        precondition(b.count >= 17)  // checked once here, the reads below need no check of their own
        var sum = 0
        for i in 0..<17 { sum &+= Int(b[i] &- 0x30) &* weights[i] }
        return checkBytes[sum % 11]
    }

    /// The ISO 7064 MOD 11-2 check character of the first 17 digits; `nil` unless 17 ASCII digits.
    public static func checkCharacter(of first17: some StringProtocol) -> Character? {
        let bytes = Array(first17.utf8)
        guard bytes.count == 17, bytes.allSatisfy(isDigit) else { return nil }
        return Character(Unicode.Scalar(checkByte(bytes.span)))
    }

    /// Today, once per process: a birth date after it is impossible.
    static let today = CivilDate.today()

    /// The date written as `yyyyMMdd` at `offset`, if it exists and lies between 1900-01-01 and today.
    static func embeddedDate(_ b: Span<UInt8>, at offset: Int) -> CivilDate? {
        guard offset + 8 <= b.count else { return nil }
        var value = 0
        for i in offset..<(offset + 8) {
            guard isDigit(b[i]) else { return nil }
            value = value * 10 + Int(b[i] - 0x30)
        }
        guard value >= 1900_01_01, let date = CivilDate(yyyymmdd: value), date <= today else { return nil }
        return date
    }

    /// Province-level codes of GB/T 2260 (11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71, 81–83, 91).
    static let provinces: [Bool] = (0..<100).map { c in
        (11...15).contains(c) || (21...23).contains(c) || (31...37).contains(c) || (41...46).contains(c)
            || (50...54).contains(c) || (61...65).contains(c) || [71, 81, 82, 83, 91].contains(c)
    }

    @inline(__always) static func isProvince(_ a: UInt8, _ b: UInt8) -> Bool {
        isDigit(a) && isDigit(b) && provinces[Int(a - 0x30) * 10 + Int(b - 0x30)]
    }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { b &- 0x41 < 26 }

    /// Usable as an identity key (resident, legacy upgraded, HK/Macau/Taiwan, foreign permanent).
    public var isValid: Bool { [.resident, .legacy, .hkMacauTaiwan, .foreignPermanent].contains(kind) }

    /// The birth date embedded in the number: for usable 18-character numbers (including the 2023
    /// permanent residence card), and for damaged ones whose date digits survived.
    public var birthDate: CivilDate? {
        switch kind {
        case .resident, .legacy, .hkMacauTaiwan, .damaged, .foreignPermanent:
            let b = normalized.utf8.span
            return b.count == 18 ? Self.embeddedDate(b, at: 6) : nil
        case .invalid, .missing:
            return nil
        }
    }

    /// The sex given by the sequence (17th digit: odd male, even female), for usable 18-character numbers.
    public var sex: Sex? {
        guard isValid else { return nil }
        let b = normalized.utf8.span
        guard b.count == 18, Self.isDigit(b[16]) else { return nil }
        return (b[16] - 0x30) % 2 == 1 ? .male : .female
    }

    /// The 6-digit region code (GB/T 2260), for resident, legacy, HK/Macau/Taiwan and damaged numbers.
    public var regionCode: String? {
        switch kind {
        case .resident, .legacy, .hkMacauTaiwan, .damaged:
            let b = normalized.utf8.prefix(6)
            return b.count == 6 && b.allSatisfy(IDNumber.isDigit) ? String(decoding: b, as: UTF8.self) : nil
        default: return nil
        }
    }

    /// The number as outputs show it: the normalized form of a number that has one, but a damaged
    /// number as it was read (`3.70783E+17`), never the digits made up from it (`370783000000000000`).
    public var shown: String {
        kind == .damaged || normalized.isEmpty ? raw.trimmingCharacters(in: .whitespaces) : normalized
    }

    /// `370783********1234`, for logs and masked outputs.
    public var masked: String { maskID(normalized.isEmpty ? raw : normalized) }
}
