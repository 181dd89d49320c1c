import KCBXCore
import KCBXData

/// GB/T 2260 行政区划代码: the name of a province (省), prefecture (地) or county (县) from its 6-digit
/// code, current or historical, from the table kcbx ships (`region-codes.txt` of ``GeneratedData``, made
/// by scripts/generate-data from the published revisions 1980–2022).
///
/// The 户籍地 of a child registered elsewhere is the region part of their ID number; the lists that go to
/// that place (外地户籍协查函, README "Outputs") name it with ``title(_:)``. A code the table does not hold
/// is shown as `未知地区（370799）`, never guessed from a neighbour.
public enum RegionCodes {
    /// A place of the table.
    public struct Place: Sendable, Equatable {
        /// The 6-digit code.
        public var code: String
        /// The full name, province first: `山东省潍坊市寿光市`; a province alone (`北京市`), a prefecture
        /// with its province (`山东省潍坊市`).
        public var name: String
        /// For a code no longer in use (历史代码), the last year a revision listed it; nil for a current code.
        public var lastListed: Int?
    }

    /// The place of `code`, nil when the table does not hold it (or `code` is not 6 digits).
    public static func place(_ code: String) -> Place? {
        guard let key = key(code), let own = table[key] else { return nil }
        let province = key / 10_000 * 10_000, prefecture = key / 100 * 100
        var parts: [Substring] = []
        if let p = table[province]?.name { parts.append(p) }
        if prefecture != province, let p = table[prefecture]?.name, !placeholders.contains(String(p)), !parts.contains(p) { parts.append(p) }
        if key != prefecture { parts.append(own.name) }
        return Place(code: code, name: parts.joined(), lastListed: own.year)
    }

    /// The place as a list or letter names it: `山东省潍坊市寿光市`, a historical code with what it is
    /// (`山东省莱芜市莱城区（旧区划代码，2019年后停用）`), an unknown one as `未知地区（370799）`.
    public static func title(_ code: String) -> String {
        guard let place = place(code) else { return "\(unknown)（\(code)）" }
        return place.lastListed.map { "\(place.name)（旧区划代码，\($0)年后停用）" } ?? place.name
    }

    /// What an unknown code is called.
    public static let unknown = "未知地区"

    /// Prefecture-level names that stand for no place of their own (直辖市's 市辖区 and 县, 省直辖县级行政区划).
    static let placeholders: Set<String> = ["市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"]

    static func key(_ code: String) -> Int? {
        guard code.utf8.count == 6, code.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int(code)
    }

    /// The table, read once from `region-codes.txt`: one line per code, by code — `code` + latest name,
    /// then, for a code no longer in use, a space and the last year a revision listed it.
    static let loaded: Result<[Int: (name: Substring, year: Int?)], KCBXError> = {
        do throws(KCBXError) {
            let text = try GeneratedData.text(.regionCodes)
            var table: [Int: (name: Substring, year: Int?)] = [:]
            table.reserveCapacity(8_000)
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                guard line.utf8.count > 6, let code = key(String(line.prefix(6))) else {
                    throw GeneratedData.corrupt(.regionCodes, "line \(n + 1) is not a 6-digit code and a name")
                }
                let rest = line.dropFirst(6)
                if let space = rest.firstIndex(of: " ") {
                    guard let year = Int(rest[rest.index(after: space)...]) else {
                        throw GeneratedData.corrupt(.regionCodes, "line \(n + 1) does not end in the year last listed")
                    }
                    table[code] = (rest[..<space], year)
                } else {
                    table[code] = (rest, nil)
                }
            }
            return .success(table)
        } catch {
            return .failure(error)
        }
    }()

    /// Reads the table now (once), so that a missing or damaged data file is an error of the command
    /// rather than a stop in the middle of a report.
    public static func load() throws(KCBXError) { _ = try loaded.get() }

    static var table: [Int: (name: Substring, year: Int?)] {
        switch loaded {
        case .success(let table): table
        case .failure(let error): fatalError("kcbx: error: \(error)")
        }
    }
}
