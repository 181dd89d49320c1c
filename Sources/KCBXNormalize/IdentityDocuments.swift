import KCBXCore

/// 全国学籍号: `G` + ID number (yields the ID) or `L` + digits (a child with no ID).
public struct StudentNumber: Sendable, Hashable {
    public let raw: String
    /// Half-width, upper-case, no spaces: `G370783201203051234`, `L20120305001`; "" for a blank or placeholder.
    public let normalized: String
    /// The ID number inside a `G` number.
    public let idNumber: IDNumber?
    /// An `L` number: the child had no ID number when registered.
    public let isLocal: Bool
    public init(raw: String, normalized: String, idNumber: IDNumber?, isLocal: Bool) {
        self.raw = raw; self.normalized = normalized; self.idNumber = idNumber; self.isLocal = isLocal
    }

    /// Parses a 学籍号: case, full-width forms and separators are normalized; the ID inside a `G`
    /// number is parsed with all its checks (its raw value is the part after the `G`). A value
    /// without a letter that is itself an ID number yields that ID too.
    public static func parse(_ raw: String) -> StudentNumber {
        // Fast path: `G` and 18 ASCII characters, as the national system exports it.
        let utf8 = raw.utf8
        if utf8.count == 19, utf8.first == UInt8(ascii: "G") {
            let id = IDNumber.parse(String(Substring(raw).dropFirst()))
            if id.defects.isEmpty { return StudentNumber(raw: raw, normalized: raw, idNumber: id, isLocal: false) }
        }
        let (bytes, _) = IDNumber.fold(raw)
        guard let first = bytes.first, !IDNumber.placeholders.contains(TextFolding.compact(raw)) else {
            return StudentNumber(raw: raw, normalized: "", idNumber: nil, isLocal: false)
        }
        if first == UInt8(ascii: "G") {
            // The raw text after the letter, so the ID keeps its own defects (full-width, spaces…).
            let rest = raw.unicodeScalars.drop { TextFolding.isSpace($0.value) }.dropFirst()
            let id = IDNumber.parse(String(String.UnicodeScalarView(rest)))
            let digits = id.normalized.isEmpty ? String(decoding: bytes.dropFirst(), as: UTF8.self) : id.normalized
            return StudentNumber(raw: raw, normalized: "G" + digits, idNumber: id, isLocal: false)
        }
        let text = String(decoding: bytes, as: UTF8.self)
        if first == UInt8(ascii: "L") {
            return StudentNumber(raw: raw, normalized: text, idNumber: nil, isLocal: true)
        }
        if IDNumber.isDigit(first), bytes.count == 18 || bytes.count == 15 {
            let id = IDNumber.parse(raw)
            return StudentNumber(raw: raw, normalized: text, idNumber: id.isValid ? id : nil, isLocal: false)
        }
        return StudentNumber(raw: raw, normalized: text, idNumber: nil, isLocal: false)
    }
}

/// 第二代残疾人证号: the 18-character ID number + category digit (1–7) + level digit (1–4).
public struct DisabilityCertificate: Sendable, Hashable {
    public let raw: String
    public let idNumber: IDNumber
    /// 1 视力, 2 听力, 3 言语, 4 肢体, 5 智力, 6 精神, 7 多重.
    public let category: Int?
    /// 1 (most severe) to 4.
    public let level: Int?
    public init(raw: String, idNumber: IDNumber, category: Int?, level: Int?) {
        self.raw = raw; self.idNumber = idNumber; self.category = category; self.level = level
    }

    /// Parses a certificate number (full-width forms, spaces, hyphens and lower-case x folded).
    /// `nil` unless it is 20 characters: 18 of an ID number and two digits. A category outside 1–7
    /// or a level outside 1–4 is `nil` in the result (see ``problem``); the ID is checked as any ID.
    public static func parse(_ raw: String) -> DisabilityCertificate? {
        let (bytes, defects) = IDNumber.fold(raw)
        guard bytes.count == 20, IDNumber.isDigit(bytes[18]), IDNumber.isDigit(bytes[19]) else { return nil }
        let id = IDNumber.classify(Array(bytes[0..<18]), raw: raw, defects: defects)
        let category = Int(bytes[18] - 0x30), level = Int(bytes[19] - 0x30)
        return DisabilityCertificate(raw: raw, idNumber: id, category: (1...7).contains(category) ? category : nil,
                                     level: (1...4).contains(level) ? level : nil)
    }

    /// What is wrong with the certificate number, if anything (never quoting the full ID).
    public var problem: String? {
        var problems: [String] = []
        if !idNumber.isValid { problems.append("its ID part is \(idNumber.kind.rawValue) (\(idNumber.defects.map(\.rawValue).joined(separator: ",")))") }
        if category == nil { problems.append("the category digit (19th) is not 1–7") }
        if level == nil { problems.append("the level digit (20th) is not 1–4") }
        return problems.isEmpty ? nil : problems.joined(separator: "; ")
    }
}
