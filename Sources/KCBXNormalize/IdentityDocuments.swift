import KCBXCore

/// 全国学籍号: `G` + ID number (yields the ID) or `L` + digits (a child with no ID).
public struct StudentNumber: Sendable, Hashable {
    public let raw: String
    public let normalized: String
    /// The ID number inside a `G` number.
    public let idNumber: IDNumber?
    /// An `L` number: the child had no ID number when registered.
    public let isLocal: Bool
    public init(raw: String, normalized: String, idNumber: IDNumber?, isLocal: Bool) {
        self.raw = raw; self.normalized = normalized; self.idNumber = idNumber; self.isLocal = isLocal
    }
    public static func parse(_ raw: String) -> StudentNumber { fatalError("stub") }
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
    public static func parse(_ raw: String) -> DisabilityCertificate? { fatalError("stub") }
}
