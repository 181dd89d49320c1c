
/// Reads dates in the forms departments export: yyyyMMdd, yyyy-M-d, yyyy/M/d, yyyy.M.d, yyyy年M月d日,
/// Excel serials, and date-times (also yyyyMMddHHmmss).
public enum DateParser {
    /// The outcome of parsing one value.
    public enum Result: Sendable, Equatable {
        case date(CivilDate)
        case empty
        /// Not a date; the reason says why (e.g. "2023-02-29 does not exist").
        case invalid(String)
    }

    /// Excel serials accepted as dates: five digits, 1927-05-18 (10000) to 2099-12-31 (73050).
    static let serialRange = 10_000...73_050

    /// Parses one value: full-width digits are folded, a time part (`00:00:00`, `T00:00:00.000Z`) is
    /// ignored, blanks and placeholders (无, 不详, -) are `.empty`, and a day that does not exist is
    /// `.invalid` with that reason. Messages never repeat a value that looks like an ID number in full.
    public static func parse(_ raw: String) -> Result {
        // Fast path: yyyy-MM-dd and yyyyMMdd in ASCII, the forms of nearly every export.
        var copy = raw
        copy.makeContiguousUTF8()
        if let fast = parseFast(copy.utf8.span) { return fast }
        // Fold into ASCII: digits, separators ('-'), an end mark ('.' for 日/号), 'T'/space before a time.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.utf8.count)
        var other = false
        for scalar in raw.unicodeScalars {
            let original = scalar.value
            if TextFolding.isSpace(original) { bytes.append(0x20); continue }
            let v = TextFolding.halfWidth(original)
            switch v {
            case 0x30...0x39, 0x2D, 0x2F, 0x2E, 0x3A, 0x2B, 0x54, 0x5A: bytes.append(UInt8(v))  // 0-9 - / . : + T Z
            case 0x5E74, 0x6708: bytes.append(0x2D)            // 年 月
            case 0x65E5, 0x53F7: bytes.append(0x20)            // 日 号
            default:
                if TextFolding.isDash(original) { bytes.append(0x2D) } else { other = true }
            }
        }
        // Trim spaces.
        let start = bytes.firstIndex { $0 != 0x20 } ?? bytes.endIndex
        let end = (bytes.lastIndex { $0 != 0x20 }).map { $0 + 1 } ?? start
        if start == end && !other { return .empty }
        if other || start == end {
            return isPlaceholder(raw) ? .empty : .invalid(expected(raw))
        }
        let text = bytes[start..<end]
        if text.allSatisfy({ $0 == 0x2D || $0 == 0x2F || $0 == 0x2E || $0 == 0x30 }) { return .empty }  // "-", "/", "0", "0000-00-00"
        // The date part ends at the first space or T; what follows must look like a time.
        let cut = text.firstIndex { $0 == 0x20 || $0 == 0x54 } ?? text.endIndex
        let datePart = text[text.startIndex..<cut]
        if cut < text.endIndex {
            let time = text[text.index(after: cut)...].drop { $0 == 0x20 }
            guard time.contains(0x3A) || time.isEmpty,
                  time.allSatisfy({ (0x30...0x3A).contains($0) || $0 == 0x2E || $0 == 0x2B || $0 == 0x2D || $0 == 0x5A || $0 == 0x20 })
            else { return .invalid(expected(raw)) }
        }
        // Digit runs and what separates them.
        var runs: [(value: Int, length: Int)] = []
        var separators: [UInt8] = []
        var value = 0, length = 0
        for b in datePart {
            if b &- 0x30 < 10 {
                value = value * 10 + Int(b - 0x30); length += 1
                if length > 9 { return .invalid(expected(raw)) }
            } else {
                guard length > 0, b != 0x3A else { return .invalid(expected(raw)) }
                runs.append((value, length)); separators.append(b); value = 0; length = 0
            }
        }
        if length > 0 { runs.append((value, length)) }
        switch runs.count {
        case 1 where runs[0].length == 8:
            let v = runs[0].value
            return day(v / 10000, (v / 100) % 100, v % 100)
        case 1 where runs[0].length == 5 && serialRange.contains(runs[0].value):
            return .date(excelSerial(runs[0].value))
        case 2 where runs[0].length == 5 && separators == [0x2E] && serialRange.contains(runs[0].value):
            return .date(excelSerial(runs[0].value))  // 41000.5: a serial with a time of day
        case 3 where runs[0].length == 4 && runs[1].length <= 2 && runs[2].length <= 2 && separators[0] == separators[1]:
            return day(runs[0].value, runs[1].value, runs[2].value)
        default:
            return .invalid(expected(raw))
        }
    }

    static func parseFast(_ b: Span<UInt8>) -> Result? {
        @inline(__always) func digits(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= b.count else { return nil }  // once, so the reads below need no check of their own
            var v = 0
            for i in range { guard b[i] &- 0x30 < 10 else { return nil }; v = v * 10 + Int(b[i] - 0x30) }
            return v
        }
        if b.count == 10, b[4] == 0x2D, b[7] == 0x2D, let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10) {
            return day(y, m, d)
        }
        if b.count == 8, let v = digits(0..<8) { return day(v / 10000, (v / 100) % 100, v % 100) }
        // yyyyMMddHHmmss, the compact date-time of some exports.
        if b.count == 14, let v = digits(0..<8), let t = digits(8..<14), t / 10000 < 24, (t / 100) % 100 < 60, t % 100 < 60 {
            return day(v / 10000, (v / 100) % 100, v % 100)
        }
        return nil
    }

    /// 1900 date system: serial 1 is 1900-01-01, with Excel's fictitious 1900-02-29 at 60.
    static func excelSerial(_ serial: Int) -> CivilDate {
        // 25569 is 1970-01-01; past serial 60 the days count from 1899-12-30.
        CivilDate(daysSinceEpoch: serial - 25569)
    }

    static func day(_ y: Int, _ m: Int, _ d: Int) -> Result {
        if y == 0, m == 0, d == 0 { return .empty }  // 0000-00-00, 00000000: a database's missing date
        if let date = CivilDate(year: y, month: m, day: d) { return .date(date) }
        let text = pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
        if y < 1800 || y > 2200 { return .invalid("\(text) is outside the years 1800–2200") }
        return .invalid("\(text) does not exist")
    }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    static func isPlaceholder(_ raw: String) -> Bool {
        ["无", "不详", "未知", "空", "暂无", "null", "none", "n/a", "-", "—", "/", "?"].contains(TextFolding.compact(raw))
    }

    /// The message for a value that is no date: the value quoted, shortened, and masked when it
    /// holds as many digits as an ID number.
    static func expected(_ raw: String) -> String {
        "expected a date such as 2012-03-05 or 20120305, found \(quoteSafely(raw))"
    }
}

/// `raw` quoted for a message: at most 40 characters, and masked (370783********1234) when it has
/// 15 or more digits, so that no full ID number reaches a log or a message.
public func quoteSafely(_ raw: String) -> String {
    let digits = raw.unicodeScalars.reduce(0) { $0 + (TextFolding.halfWidth($1.value) &- 0x30 < 10 ? 1 : 0) }
    var shown = digits >= 15 ? maskID(raw) : raw
    if shown.count > 40 { shown = String(shown.prefix(40)) + "…" }
    return "\"\(shown)\""
}
