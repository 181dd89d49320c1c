/// A calendar day with no time zone (出生日期, 批准日期, as-of dates).
///
/// Stored in four bytes (year, month and day packed: millions of birth dates are held); compares in
/// calendar order. `yyyymmdd` is the same packing as one decimal integer.
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    private let storedYear: Int16
    private let storedMonth: UInt8
    private let storedDay: UInt8
    public var year: Int { Int(storedYear) }
    public var month: Int { Int(storedMonth) }
    public var day: Int { Int(storedDay) }

    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        storedYear = Int16(truncatingIfNeeded: year); storedMonth = UInt8(truncatingIfNeeded: month); storedDay = UInt8(truncatingIfNeeded: day)
    }

    enum CodingKeys: String, CodingKey { case year, month, day }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let (y, m, d) = (try c.decode(Int.self, forKey: .year), try c.decode(Int.self, forKey: .month), try c.decode(Int.self, forKey: .day))
        guard let date = CivilDate(year: y, month: m, day: d) else {
            throw DecodingError.dataCorruptedError(forKey: .day, in: c, debugDescription: "\(y)-\(m)-\(d) is not a calendar day")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(year, forKey: .year); try c.encode(month, forKey: .month); try c.encode(day, forKey: .day)
    }

    /// A validated day; `nil` when the day does not exist (2023-02-29, 2024-13-01).
    public init?(year: Int, month: Int, day: Int) {
        guard (1800...2200).contains(year), (1...12).contains(month),
              day >= 1, day <= CivilDate.daysIn(month: month, year: year) else { return nil }
        self.init(unchecked: year, month, day)
    }

    /// From a packed `yyyymmdd` integer.
    public init?(yyyymmdd: Int) {
        self.init(year: yyyymmdd / 10000, month: (yyyymmdd / 100) % 100, day: yyyymmdd % 100)
    }

    /// Parses the ISO form `yyyy-MM-dd` only (the pipeline file's form); other forms are the normalizer's job.
    public init?(iso: String) {
        let parts = iso.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public var yyyymmdd: Int { year * 10000 + month * 100 + day }

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (negative before), for arithmetic and Excel serials.
    public var daysSinceEpoch: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(daysSinceEpoch z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(unchecked: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    public func adding(days: Int) -> CivilDate { CivilDate(daysSinceEpoch: daysSinceEpoch + days) }

    /// Whole years of age on `date`.
    public func age(on date: CivilDate) -> Int {
        var years = date.year - year
        if (date.month, date.day) < (month, day) { years -= 1 }
        return years
    }

    public var description: String {
        let m = month < 10 ? "0\(month)" : "\(month)"
        let d = day < 10 ? "0\(day)" : "\(day)"
        return "\(year)-\(m)-\(d)"
    }

    public static func < (a: CivilDate, b: CivilDate) -> Bool { a.yyyymmdd < b.yyyymmdd }

    /// Today in the machine's local time zone.
    public static func today() -> CivilDate {
        var t = time(nil)
        var tmv = tm()
        localtime_r(&t, &tmv)
        return CivilDate(year: Int(tmv.tm_year) + 1900, month: Int(tmv.tm_mon) + 1, day: Int(tmv.tm_mday))!
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
