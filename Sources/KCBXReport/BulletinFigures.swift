import Foundation
import KCBXCore
import KCBXLedger
import KCBXReconcile

/// The figures of the bulletin (通报), district-wide and per town, each against its target; the same
/// figures go into the bulletin's xlsx and html and into summary.json. No personal data: counts only.
///
/// Every definition is written into the bulletin (``definitions``) and docs/bulletin.md.
struct BulletinFigures: Sendable {
    /// The indicators measured against a target: the notices' rates, and the open 劝返 cases (台账清零).
    enum Indicator: String, CaseIterable, Sendable {
        case primaryNet = "primary_net_enrolment", primaryGross = "primary_gross_enrolment"
        case juniorNet = "junior_net_enrolment", juniorGross = "junior_gross_enrolment"
        case primaryConsolidation = "primary_consolidation", juniorConsolidation = "junior_consolidation"
        case consolidation = "nine_year_consolidation", disabledEnrolment = "disabled_enrolment"
        case hardshipConsolidation = "hardship_consolidation", openCases = "open_follow_up_cases"

        var title: String {
            switch self {
            case .primaryNet: "小学净入学率"
            case .primaryGross: "小学毛入学率"
            case .juniorNet: "初中净入学率"
            case .juniorGross: "初中毛入学率"
            case .primaryConsolidation: "小学巩固率"
            case .juniorConsolidation: "初中巩固率"
            case .consolidation: "九年义务教育巩固率"
            case .disabledEnrolment: "残疾儿童少年入学率"
            case .hardshipConsolidation: "家庭经济困难学生子女巩固率"
            case .openCases: "未销号劝返案件"
            }
        }

        var isRate: Bool { self != .openCases }

        /// The target: a rate to reach, or a count not to exceed (0: 台账清零).
        func target(_ t: PipelineConfig.Targets) -> Double {
            switch self {
            case .primaryNet: t.primaryEnrolment
            case .primaryGross: t.primaryGrossEnrolment
            case .juniorNet: t.juniorEnrolment
            case .juniorGross: t.juniorGrossEnrolment
            case .primaryConsolidation: t.primaryConsolidation
            case .juniorConsolidation: t.juniorConsolidation
            case .consolidation: t.consolidation
            case .disabledEnrolment: t.disabledEnrolment
            case .hardshipConsolidation: t.hardshipConsolidation
            case .openCases: 0
            }
        }

        /// Numerator and denominator of a rate in `area`.
        func fraction(_ c: Population.Counts) -> (part: Int, whole: Int)? {
            switch self {
            case .primaryNet: (c.primary.netEnrolled, c.primary.due)
            case .primaryGross: (c.primary.pupils, c.primary.due)
            case .juniorNet: (c.junior.netEnrolled, c.junior.due)
            case .juniorGross: (c.junior.pupils, c.junior.due)
            case .primaryConsolidation: (c.primary.retained, c.primary.entrants)
            case .juniorConsolidation: (c.junior.retained, c.junior.entrants)
            case .consolidation: (c.retained, c.entrants)
            case .disabledEnrolment: (c.disabledEnrolled, c.disabled)
            case .hardshipConsolidation: (c.hardshipRetained, c.hardshipEntrants)
            case .openCases: nil
            }
        }
    }

    /// The rates of the town table and chart, in their order.
    static let rates = Indicator.allCases.filter(\.isRate)

    /// The finding codes that count against a town (its children out of school; the descriptor's
    /// `countsAgainstTown`): 应入未入, 疑似辍学, 残疾儿童未安置. Other 劝返 codes (an approved deferral, a
    /// child to report to the county of registration) are followed up but are no shortfall; records to
    /// correct are the schools' and the police's.
    static let townCodes = FindingDescriptor.codes { $0.countsAgainstTown }
    /// Records the schools correct (学籍), and those the police correct (户籍).
    static let schoolCodes = FindingDescriptor.codes(for: .school)
    static let policeCodes = FindingDescriptor.codes(for: .police)

    /// The figures of the district or of one town.
    struct Area: Sendable {
        var name: String
        var counts: Population.Counts
        var findings: [FindingCode: Int]
        /// Children with an open case of ``townCodes`` (失学辍学儿童, 人; ``SharedFigures``).
        var outOfSchool: Int
        /// 劝返 cases of ``townCodes`` (件): opened and closed since the last bulletin, open at the period's end.
        var cases: LedgerFigures.Counts
        /// Every 劝返 figure of the area, as the packets and 一生一表 show them.
        var tally: SharedFigures.Tally = .init()
        /// Place among the towns (1 = best); nil for the district and 未知镇街.
        var rank: Int?

        func value(_ i: Indicator) -> Double? {
            if i == .openCases { return Double(cases.open) }
            return i.fraction(counts).flatMap { BulletinFigures.rate($0.part, $0.whole) }
        }
    }

    /// Records to correct at one school or one police station (by the town of the hukou record).
    struct Unit: Sendable {
        var code: String, name: String, town: String
        var pupils: Int
        var records: [FindingCode: Int]
        var suspectedDropouts: Int
        var recordsTotal: Int { records.values.reduce(0, +) }
    }

    /// One department's export, as the bulletin lists it (数据来源).
    struct Source: Sendable {
        var department: String, name: String, file: String
        /// The period the export is of, where its file name says it (`学籍_2026年11月.csv`, `hukou-202611.csv`).
        var dataPeriod: String?
        /// The day the file was received (接收日期: its modification date here), nil when the file is gone.
        var received: CivilDate?
        /// What the bulletin shows as the source's date: the export's period, else its 接收日期.
        var dateText: String {
            if let dataPeriod { return "数据期次 \(BulletinFigures.periodTitle(dataPeriod))（据文件名）" }
            return received.map { "接收日期 \($0)" } ?? "文件已不在原处"
        }
        var rows: Int, accepted: Int
    }

    let district: Area
    /// Towns ranked (best first), 未知镇街 last when it has anything.
    let towns: [Area]
    let schools: [Unit]
    /// Schools with pupils and nothing to correct or follow up, that were checked: in the county's school
    /// directory (学校名录) and having sent attendance (考勤) — 通报表扬.
    let schoolsAtTarget: [Unit]
    /// Schools with pupils and nothing found, that could not be checked (未报送考勤 or not in the directory):
    /// named apart as 未核查, never praised.
    let schoolsNotChecked: [(unit: Unit, why: String)]
    /// Per town, its schools with pupils that sent no attendance (疑似辍学 not checked there).
    let townSchoolsWithoutAttendance: [String: Int]
    let police: [Unit]
    let sources: [Source]
    let targets: PipelineConfig.Targets
    let title: String
    let period: String
    let asOf: CivilDate
    let districtName: String
    /// The district's own word: 县, 区, 市 or 旗 (全县).
    let districtWord: String
    let unit: String
    let signature: String
    let deadline: CivilDate
    let cohort: ClosedRange<CivilDate>
    let since: String?
    /// All ledger cases (劝返 and 纠错) of the district, and open cases over the last 12 periods.
    let ledger: LedgerFigures.Counts
    let openByPeriod: [(period: String, open: Int)]
    /// 当期通报所列: the open cases each earlier period's bulletin printed (its record's `open_cases_all`), by
    /// period; the trend is recomputed from today's ledger, so a later closing or a late reply makes the two differ.
    let openAsIssued: [String: Int]
    let notChecked: [FindingCode]
    /// The last bulletin before this one, and the one of the same month last year, when stored.
    let previous: BulletinRecord?
    let lastYear: BulletinRecord?

    init(_ input: ReportInput, _ people: PersonView, _ rows: FindingRows, _ population: Population, _ shared: SharedFigures) {
        let config = input.config
        var findings: [String: [FindingCode: Int]] = [:], districtFindings: [FindingCode: Int] = [:]
        let schoolRecords = shared.schoolRecords
        var schoolDropouts: [String: Int] = [:]
        var policeRecords: [String: [FindingCode: Int]] = [:]
        for row in rows.rows {
            let code = row.finding.code
            findings[row.person.town, default: [:]][code, default: 0] += 1
            districtFindings[code, default: 0] += 1
            if Self.policeCodes.contains(code) { policeRecords[row.person.town, default: [:]][code, default: 0] += 1 }
            if code == .suspectedDropout { schoolDropouts[row.person.schoolCode, default: 0] += 1 }
        }
        // 劝返 cases and children out of school: counted once for every document (``SharedFigures``).
        let since = shared.since
        var names = config.district.towns
        let seen = Set(population.byTown.keys).union(findings.keys).union(shared.towns.keys)
        names += seen.filter { !names.contains($0) && $0 != PersonView.unknownTown }.sorted()
        if seen.contains(PersonView.unknownTown) { names.append(PersonView.unknownTown) }
        let areas = names.map { name in
            Area(name: name, counts: population.byTown[name] ?? .init(), findings: findings[name] ?? [:],
                 outOfSchool: shared.tally(name).outOfSchool, cases: shared.tally(name).counted, tally: shared.tally(name), rank: nil)
        }
        targets = config.targets
        let ranked = areas.filter { $0.name != PersonView.unknownTown }
            .map { ($0, Self.shortfalls($0, config.targets).count) }
            .sorted { a, b in
                // Fewer missed targets, fewer children out of school, fewer open 劝返 cases, higher 九年巩固率, name.
                if a.1 != b.1 { return a.1 < b.1 }
                if a.0.outOfSchool != b.0.outOfSchool { return a.0.outOfSchool < b.0.outOfSchool }
                if a.0.cases.open != b.0.cases.open { return a.0.cases.open < b.0.cases.open }
                let (ca, cb) = (a.0.value(.consolidation) ?? -1, b.0.value(.consolidation) ?? -1)
                if ca != cb { return ca > cb }
                return a.0.name < b.0.name
            }
        towns = ranked.enumerated().map { (i, pair) -> Area in var a = pair.0; a.rank = i + 1; return a }
            + areas.filter { $0.name == PersonView.unknownTown }
        district = Area(name: config.district.name, counts: population.district, findings: districtFindings,
                        outOfSchool: shared.district.outOfSchool, cases: shared.district.counted, tally: shared.district, rank: nil)
        // Schools: every school with pupils or records; police stations by the town of the hukou record.
        let codes = Set(population.pupilsBySchool.keys).union(schoolRecords.keys).union(schoolDropouts.keys).filter { !$0.isEmpty }
        let units = codes.map { code in
            Unit(code: code, name: people.schools[code]?.name ?? "", town: PersonView.townShown(people.schools[code]?.town ?? ""),
                 pupils: population.pupilsBySchool[code] ?? 0, records: schoolRecords[code] ?? [:], suspectedDropouts: schoolDropouts[code] ?? 0)
        }
        schools = units.filter { $0.recordsTotal > 0 }.sorted { ($1.recordsTotal, $0.code) < ($0.recordsTotal, $1.code) }
        // Praised only for what was checked: a school of the directory that sent attendance.
        let directory = Self.directorySchools(input.records)
        let attended = Set(input.reconcile.attendance.filter { $0.kind != .none }.map(\.school))
        let attendanceRead = !input.reconcile.attendance.isEmpty
        func unchecked(_ u: Unit) -> String? {
            var why: [String] = []
            if !directory.contains(u.code) { why.append("不在本\(Self.districtWord(config.district.name))学校名录") }
            if !attended.contains(u.code) { why.append(attendanceRead ? "未报送考勤" : "本期无考勤数据") }
            return why.isEmpty ? nil : why.joined(separator: "、")
        }
        let clean = units.filter { $0.pupils > 0 && $0.recordsTotal == 0 && $0.suspectedDropouts == 0 }
            .sorted { ($0.town, $0.code) < ($1.town, $1.code) }
        schoolsAtTarget = clean.filter { unchecked($0) == nil }
        schoolsNotChecked = clean.compactMap { u in unchecked(u).map { (u, $0) } }
        var withoutAttendance: [String: Int] = [:]
        for u in units where u.pupils > 0 && directory.contains(u.code) && !attended.contains(u.code) { withoutAttendance[u.town, default: 0] += 1 }
        townSchoolsWithoutAttendance = withoutAttendance
        police = policeRecords.map { Unit(code: "", name: $0.key, town: $0.key, pupils: 0, records: $0.value, suspectedDropouts: 0) }
            .sorted { ($1.recordsTotal, $0.name) < ($0.recordsTotal, $1.name) }
        sources = config.sources.map { s in
            let read = input.records.sources.first { $0.source == s.name }
            let modified = (try? FileManager.default.attributesOfItem(atPath: s.path.path)[.modificationDate]) as? Date
            return Source(department: s.role.title, name: s.name, file: s.path.lastPathComponent,
                          dataPeriod: Self.periodInName(s.path.lastPathComponent), received: modified.flatMap(Self.civilDate),
                          rows: read?.rowsRead ?? 0, accepted: read?.accepted ?? 0)
        }
        period = input.period
        asOf = config.asOf
        districtName = config.district.name
        districtWord = Self.districtWord(config.district.name)
        unit = config.issuer.unitName(district: config.district)
        signature = config.issuer.signature ?? unit
        deadline = config.asOf.adding(days: config.issuer.rectifyDeadlineDays)
        title = "\(config.district.name)\(Self.periodTitle(input.period))控辍保学比对核查情况通报"
        cohort = config.schoolAge.cohort(asOf: config.asOf)
        self.since = since
        ledger = input.ledger.district
        openByPeriod = Array(input.ledger.openByPeriod.suffix(12))
        openAsIssued = Dictionary(input.earlierBulletins.filter { $0.period < input.period }
            .compactMap { r in r.district[Self.openCasesAllKey].map { (r.period, Int($0)) } }, uniquingKeysWith: { a, _ in a })
        notChecked = input.reconcile.notChecked.map(\.code)
        let earlier = input.earlierBulletins.filter { $0.period < input.period }.sorted { $0.period < $1.period }
        previous = earlier.last
        let parts = input.period.split(separator: "-")
        let lastYearPeriod = parts.count == 2 ? Int(parts[0]).map { "\($0 - 1)-\(parts[1])" } : nil
        lastYear = earlier.first { $0.period == lastYearPeriod }
    }

    /// The 学校标识码 of the county's school directory (学校名录): the sources of role `schools`.
    static func directorySchools(_ records: StageRecords) -> Set<String> {
        var codes = Set<String>()
        for (s, source) in records.sources.enumerated() where source.role == .schools {
            guard let column = source.fields.firstIndex(of: .schoolCode) else { continue }
            for r in 0..<source.accepted { codes.insert(records.record(RecordRef(source: s, record: r)).values[column]) }
        }
        return codes
    }

    /// The period (`YYYY-MM`) a file name says its export is of: `2026年11月`, `2026-11`, `2026_11`, `202611`; nil otherwise.
    static func periodInName(_ name: String) -> String? {
        // A year 2000–2099, then 年M月, a separator and a month, or a month of two digits, not inside a longer number.
        let pattern = "(?<![0-9])(20[0-9]{2})(?:年([0-9]{1,2})月|[-_.]([0-9]{1,2})(?![0-9])|([0-9]{2})(?![0-9]))"
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return nil }
        let ns = name as NSString
        for match in regex.matches(in: name, range: NSRange(location: 0, length: ns.length)) {
            guard let y = Int(ns.substring(with: match.range(at: 1))) else { continue }
            for k in 2...4 where match.range(at: k).location != NSNotFound {
                if let m = Int(ns.substring(with: match.range(at: k))), (1...12).contains(m) { return String(format: "%04d-%02d", y, m) }
            }
        }
        return nil
    }

    /// The district's own word (县, 区, 市, 旗) from the last character of its name; 县 otherwise.
    static func districtWord(_ name: String) -> String {
        guard let last = name.last, "县区市旗".contains(last) else { return "县" }
        return String(last)
    }

    /// `2026年11月` for `2026-11`.
    static func periodTitle(_ period: String) -> String {
        let parts = period.split(separator: "-")
        guard parts.count == 2, let y = Int(parts[0]), let m = Int(parts[1]) else { return period }
        return "\(y)年\(m)月"
    }

    /// The local calendar date of `date`.
    static func civilDate(_ date: Date) -> CivilDate? {
        let c = Calendar(identifier: .gregorian).dateComponents(in: .current, from: date)
        return c.year.flatMap { y in c.month.flatMap { m in c.day.flatMap { CivilDate(year: y, month: m, day: $0) } } }
    }

    /// `2026年11月30日`.
    static func dateTitle(_ d: CivilDate) -> String { "\(d.year)年\(d.month)月\(d.day)日" }

    /// A ratio cut (not rounded) to 4 decimals, so a rate below its target never shows as reaching it
    /// (99.996% is 99.99%); nil when there is no one to count.
    static func rate(_ part: Int, _ whole: Int) -> Double? {
        whole == 0 ? nil : Double(part * 10_000 / whole) / 10_000
    }

    /// The indicators where `area` misses its target (a rate below it, open 劝返 cases above 0).
    static func shortfalls(_ area: Area, _ targets: PipelineConfig.Targets) -> [Indicator] {
        Indicator.allCases.filter { i in
            guard let v = area.value(i) else { return false }
            return i.isRate ? v < i.target(targets) - 1e-9 : v > i.target(targets)
        }
    }

    func shortfalls(_ area: Area) -> [Indicator] { Self.shortfalls(area, targets) }

    /// The ranked towns (未知镇街 aside) that miss a target (通报批评), and those that miss none (通报表扬).
    var townsBelowTarget: [Area] { towns.filter { $0.rank != nil && !shortfalls($0).isEmpty } }
    /// Towns meeting every target that were checked for it: every rule counting against a town ran, and
    /// each of its schools sent attendance (疑似辍学 checked). The others meeting every target are ``townsNotChecked``.
    var townsAtTarget: [Area] { towns.filter { $0.rank != nil && shortfalls($0).isEmpty && whyNotChecked($0) == nil } }
    var townsNotChecked: [(area: Area, why: String)] {
        towns.filter { $0.rank != nil && shortfalls($0).isEmpty }.compactMap { t in whyNotChecked(t).map { (t, $0) } }
    }

    /// Why a town's figures were not all checked (nil: they were).
    func whyNotChecked(_ t: Area) -> String? {
        let missing = Self.townCodes.filter(notChecked.contains)
        if !missing.isEmpty { return "本期未比对" + missing.map(\.title).joined(separator: "、") }
        if let n = townSchoolsWithoutAttendance[t.name], n > 0 { return "\(n) 所学校未报送考勤，疑似辍学未核查" }
        return nil
    }

    /// 全县, 本县.
    var whole: String { "全" + districtWord }

    /// The figures kept per period for the next bulletin's comparison.
    var record: BulletinRecord {
        func values(_ a: Area) -> [String: Double] {
            var v: [String: Double] = ["school_age": Double(a.counts.schoolAge), "out_of_school": Double(a.outOfSchool)]
            for i in Indicator.allCases { if let x = a.value(i) { v[i.rawValue] = x } }
            return v
        }
        var whole = values(district)
        if let open = openAsIssued(at: period) { whole[Self.openCasesAllKey] = Double(open) }
        return BulletinRecord(period: period, asOf: asOf.description, district: whole,
                              towns: Dictionary(towns.map { ($0.name, values($0)) }, uniquingKeysWith: { a, _ in a }))
    }

    /// The record's key for the period's open cases (劝返 and 纠错) as its bulletin printed them (案件趋势).
    static let openCasesAllKey = "open_cases_all"

    /// 当期通报所列 of a trend period: this bulletin's own number for its period, else the earlier bulletin's.
    func openAsIssued(at trendPeriod: String) -> Int? {
        trendPeriod == period ? openByPeriod.last { $0.period == period }?.open : openAsIssued[trendPeriod]
    }

    /// The trend's periods whose bulletin printed another number than today's ledger gives, in words
    /// (`2026年11月：当期通报 672 件，按现台账 660 件`); empty when none differ.
    var trendDifferences: [String] {
        openByPeriod.compactMap { p in
            guard let issued = openAsIssued[p.period], issued != p.open else { return nil }
            return "\(Self.periodTitle(p.period))：当期通报 \(issued) 件，按现台账 \(p.open) 件"
        }
    }

    /// What the trend counts, and why an earlier bulletin may have printed another number.
    static let trendNote = "按现台账重算（含劝返和纠错案件）；当期通报发出后的销号、补录回执会使其与当期通报所列不同"
}

/// A bulletin's figures as kept in the store per period (stage result `report`, part `bulletin`), so the
/// next bulletin compares with the last one and with the same month of the year before.
public struct BulletinRecord: Codable, Sendable, Equatable {
    public var period: String
    public var asOf: String
    /// The run that wrote it and the day it was written (nil in records kept before these were), so a
    /// later bulletin says which of the period's bulletins it compares with.
    public var run: Int64?
    public var written: String?
    /// Indicator key (summary.json's) → value, plus `school_age` and `out_of_school`.
    public var district: [String: Double]
    public var towns: [String: [String: Double]]
    public init(period: String, asOf: String, district: [String: Double], towns: [String: [String: Double]]) {
        self.period = period; self.asOf = asOf; self.district = district; self.towns = towns
    }

    /// The district figures that differ between two bulletins of one period, as `out_of_school 152 → 142`
    /// (keys as in summary.json), then how many towns' figures differ; empty when the figures are the same.
    public static func changes(from a: BulletinRecord, to b: BulletinRecord) -> [String] {
        func shown(_ v: Double?) -> String {
            guard let v else { return "—" }
            return v == v.rounded() && abs(v) >= 1 || v == 0 ? String(Int(v)) : String(format: "%.4f", v)
        }
        var out = Set(a.district.keys).union(b.district.keys).sorted().compactMap { k in
            a.district[k] == b.district[k] ? nil : "\(k) \(shown(a.district[k])) → \(shown(b.district[k]))"
        }
        if a.asOf != b.asOf { out.insert("as_of \(a.asOf) → \(b.asOf)", at: 0) }
        let towns = Set(a.towns.keys).union(b.towns.keys).filter { a.towns[$0] != b.towns[$0] }.count
        if towns > 0 { out.append("figures of \(towns) towns") }
        return out
    }
}
