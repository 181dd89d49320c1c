import KCBXCore

// The registry of comparisons (比对字段): every field the probabilistic pass compares, with its key, its
// title, its levels (best first: key, title, default m and u) and how two records' features reach a level.
// Field count, keys, default m/u, the weight table, the EM slots, linkage.json and the 链接参数 sheet all come
// from here. Adding a field: a case of ``LinkField``, its levels in ``Level``, its entry in
// ``Comparisons/all``, its arm in ``Comparator/level(_:_:_:)`` and its feature column in ``RecordFeatures``.

/// 比对字段: a field compared by the probabilistic pass (a lane of the comparison vector, in this order).
public enum LinkField: Int, CaseIterable, Sendable, Codable {
    case id, name, birthDate, sex, family, household, town, school, phone

    /// Number of fields.
    public static let count = allCases.count

    /// The level of a field one side lacks: it contributes nothing.
    public static let nullLevel: UInt8 = 255

    /// The field's entry in the registry.
    @inline(__always) public var comparison: Comparison { Comparisons.all[rawValue] }

    /// The name used in explanations and linkage.json (`birth_date`).
    public var key: String { comparison.key }

    /// 字段名称 (出生日期).
    public var title: String { comparison.title }

    /// The comparison levels' keys, best first.
    public var levels: [String] { comparison.levels.map(\.key) }

    public func levelName(_ level: UInt8) -> String {
        level == LinkField.nullLevel ? "null" : Int(level) < comparison.levels.count ? comparison.levels[Int(level)].key : "level\(level)"
    }
}

/// 比较级别: one level of a comparison field.
public struct ComparisonLevel: Sendable, Equatable {
    /// The name in explanations and linkage.json (`same_pinyin`).
    public let key: String
    /// 级别名称 (拼音相同).
    public let title: String
    /// Starting m (P(level | same person)) and u (P(level | different persons)) before estimation.
    public let m: Double, u: Double
}

/// 比对字段定义: a field's key, title and levels, best first.
public struct Comparison: Sendable {
    public let field: LinkField
    public let key: String
    public let title: String
    public let levels: [ComparisonLevel]

    /// `levels` as (level case, key, title, m, u), in the order of the level enum's cases.
    init<L: RawRepresentable<UInt8>>(_ field: LinkField, _ key: String, _ title: String,
                                      _ levels: [(L, String, String, m: Double, u: Double)]) {
        precondition(levels.enumerated().allSatisfy { Int($0.element.0.rawValue) == $0.offset }, "levels of \(key) out of order")
        precondition(levels.count <= Comparisons.maxLevels, "too many levels of \(key)")
        self.field = field; self.key = key; self.title = title
        self.levels = levels.map { ComparisonLevel(key: $0.1, title: $0.2, m: $0.m, u: $0.u) }
    }

    /// A field that is the same or not (``Level/Agreement``), with m and u of each.
    static func agreement(_ field: LinkField, _ key: String, _ title: String, m: (same: Double, different: Double),
                          u: (same: Double, different: Double)) -> Comparison {
        Comparison(field, key, title, [(Level.Agreement.same, "same", "相同", m: m.same, u: u.same),
                                       (.different, "different", "不同", m: m.different, u: u.different)])
    }
}

/// The levels of each field, by name (guards compare these, never numbers). A lane holds the raw value,
/// or ``LinkField/nullLevel`` when a side lacks the field. Lower is better.
public enum Level {
    public enum ID: UInt8, OrderedLevel { case exact, checkCharacter, oneSubstitution, transposition, other }
    public enum Name: UInt8, OrderedLevel { case exact, simplified, samePinyin, jaroWinkler092, jaroWinkler080, different }
    public enum BirthDate: UInt8, OrderedLevel { case exact, dayMonthSwapped, onePartOff, different }
    public enum Family: UInt8, OrderedLevel { case parentID, parentName, different }
    /// sex, household, town, school.
    public enum Agreement: UInt8, OrderedLevel { case same, different }
    public enum Phone: UInt8, OrderedLevel { case exact, lastFour, different }
}

/// A level enum, ordered best first.
public protocol OrderedLevel: RawRepresentable<UInt8>, Comparable, Sendable {}
extension OrderedLevel {
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

extension Optional where Wrapped: OrderedLevel {
    /// The lane value (``LinkField/nullLevel`` for none).
    @inline(__always) var lane: UInt8 { self?.rawValue ?? LinkField.nullLevel }
    /// Known, and at least as good as `level`.
    @inline(__always) func reaches(_ level: Wrapped) -> Bool { self.map { $0 <= level } ?? false }
}

/// The registry: one entry per ``LinkField``, in its order.
public enum Comparisons {
    /// Lanes of the comparison vector (at least ``LinkField/count``) and weight-table slots per field.
    static let lanes = 16, slots = 8
    /// The EM packs a level per field in 3 bits, 7 meaning not compared.
    static let maxLevels = 7

    public static let all: [Comparison] = {
        let all: [Comparison] = [
            Comparison(.id, "id", "身份证件号", [
                (Level.ID.exact, "exact", "完全一致", m: 0.90, u: 1e-7),
                (.checkCharacter, "check_character", "仅校验码不同", m: 0.01, u: 1e-7),
                (.oneSubstitution, "one_substitution", "一位数字不同", m: 0.04, u: 0.003),
                (.transposition, "transposition", "相邻两位互换", m: 0.02, u: 1e-4),
                (.other, "other", "不同", m: 0.03, u: 0.9969),
            ]),
            Comparison(.name, "name", "姓名", [
                (Level.Name.exact, "exact", "完全一致", m: 0.85, u: 1e-4),
                (.simplified, "simplified", "简繁/异体归一后一致", m: 0.04, u: 1e-4),
                (.samePinyin, "same_pinyin", "拼音相同", m: 0.04, u: 2e-4),
                (.jaroWinkler092, "jaro_winkler_0.92", "拼音相似（JW≥0.92）", m: 0.03, u: 5e-3),
                (.jaroWinkler080, "jaro_winkler_0.80", "拼音相近（JW≥0.80）", m: 0.02, u: 0.05),
                (.different, "different", "不同", m: 0.02, u: 0.9447),
            ]),
            Comparison(.birthDate, "birth_date", "出生日期", [
                (Level.BirthDate.exact, "exact", "完全一致", m: 0.95, u: 2e-4),
                (.dayMonthSwapped, "day_month_swapped", "日月颠倒", m: 0.01, u: 1e-5),
                (.onePartOff, "one_part_off", "年月日一项不同", m: 0.03, u: 2e-3),
                (.different, "different", "不同", m: 0.01, u: 0.9978),
            ]),
            .agreement(.sex, "sex", "性别", m: (0.98, 0.02), u: (0.5, 0.5)),
            Comparison(.family, "family", "父母（监护人）", [
                (Level.Family.parentID, "parent_id", "父母身份证号相同", m: 0.75, u: 1e-5),
                (.parentName, "parent_name", "父母姓名相同", m: 0.15, u: 1e-4),
                (.different, "different", "不同", m: 0.10, u: 0.9999),
            ]),
            .agreement(.household, "household", "户号", m: (0.90, 0.10), u: (1e-5, 0.99999)),
            .agreement(.town, "town", "镇街", m: (0.95, 0.05), u: (0.1, 0.9)),
            .agreement(.school, "school", "学校", m: (0.90, 0.10), u: (0.02, 0.98)),
            // A family's number: the guardian's mobile, written again by each department (or a landline).
            Comparison(.phone, "phone", "联系电话", [
                (Level.Phone.exact, "exact", "完全一致", m: 0.60, u: 1e-4),
                (.lastFour, "last_four", "后四位相同", m: 0.05, u: 1e-4),
                (.different, "different", "不同", m: 0.35, u: 0.9998),
            ]),
        ]
        precondition(all.enumerated().allSatisfy { $0.element.field.rawValue == $0.offset }, "registry out of LinkField order")
        precondition(all.count == LinkField.allCases.count && all.count <= lanes && 3 * all.count <= 32, "registry size")
        return all
    }()
}

/// 比较向量: the level each field reached, a lane per field (``LinkField/nullLevel`` when a side lacks it).
struct Levels: Equatable {
    var lanes = SIMD16<UInt8>(repeating: LinkField.nullLevel)

    @inline(__always) subscript(_ field: LinkField) -> UInt8 {
        get { lanes[field.rawValue] }
        set { lanes[field.rawValue] = newValue }
    }
    @inline(__always) subscript(_ i: Int) -> UInt8 { lanes[i] }

    @inline(__always) var id: Level.ID? { Level.ID(rawValue: lanes[LinkField.id.rawValue]) }
    @inline(__always) var name: Level.Name? { Level.Name(rawValue: lanes[LinkField.name.rawValue]) }
    @inline(__always) var birthDate: Level.BirthDate? { Level.BirthDate(rawValue: lanes[LinkField.birthDate.rawValue]) }
    @inline(__always) var family: Level.Family? { Level.Family(rawValue: lanes[LinkField.family.rawValue]) }
    @inline(__always) var phone: Level.Phone? { Level.Phone(rawValue: lanes[LinkField.phone.rawValue]) }
    @inline(__always) func agreement(_ field: LinkField) -> Level.Agreement? { Level.Agreement(rawValue: lanes[field.rawValue]) }
}

extension Comparator {
    /// The level `field` reaches on records `a` and `b` (raw, ``LinkField/nullLevel`` when a side lacks it).
    @inline(__always)
    func level(_ field: LinkField, _ a: Int, _ b: Int) -> UInt8 {
        switch field {
        case .id: idLevel(a, b).lane
        case .name: nameLevel(a, b).lane
        case .birthDate: birthLevel(f.birth[a], f.birth[b]).lane
        case .sex: agreement(f.sex[a], f.sex[b]).lane
        case .family: familyLevel(a, b).lane
        case .household: agreement(f.household[a], f.household[b]).lane
        case .town: agreement(f.town[a], f.town[b]).lane
        case .school: agreement(f.school[a], f.school[b]).lane
        case .phone: phoneLevel(a, b).lane
        }
    }

    /// Same or different, when both sides have the value (0 = none).
    @inline(__always)
    func agreement<T: FixedWidthInteger>(_ x: T, _ y: T) -> Level.Agreement? {
        x == 0 || y == 0 ? nil : x == y ? .same : .different
    }

    /// The same number, the same last four digits (a digit of the rest mistyped, or another line of the
    /// family), or another number.
    @inline(__always)
    func phoneLevel(_ a: Int, _ b: Int) -> Level.Phone? {
        guard f.phone.count != 0 else { return nil }
        let x = f.phone[a], y = f.phone[b]
        if x == 0 || y == 0 { return nil }
        return x == y ? .exact : x % 10000 == y % 10000 ? .lastFour : .different
    }
}
