import Foundation
import KCBXCore
import KCBXReconcile

/// The figures of the bulletin (通报), district-wide and per town, each against its target; the same
/// figures go into the bulletin's xlsx and html and into summary.json. No personal data: counts only.
struct BulletinFigures: Sendable {
    /// The indicators measured against a target.
    enum Indicator: String, CaseIterable, Sendable {
        case primaryEnrolment = "primary_enrolment", juniorEnrolment = "junior_enrolment", consolidation
        case disabledPlacement = "disabled_placement", priorityChildren = "priority_children", openCases = "open_cases"

        /// A short name for lists of missed targets.
        var short: String {
            switch self {
            case .primaryEnrolment: "小学入学率"
            case .juniorEnrolment: "初中入学率"
            case .consolidation: "巩固率"
            case .disabledPlacement: "残疾儿童安置率"
            case .priorityChildren: "重点群体"
            case .openCases: "未销号案件"
            }
        }

        var title: String {
            switch self {
            case .primaryEnrolment: "小学入学率"
            case .juniorEnrolment: "初中入学率"
            case .consolidation: "九年义务教育巩固率"
            case .disabledPlacement: "残疾儿童安置率"
            case .priorityChildren: "重点群体问题儿童"
            case .openCases: "期末未销号案件"
            }
        }
    }

    /// The figures of the district or of one town.
    struct Area: Sendable {
        var name: String
        var counts: Population.Counts
        var findings: [FindingCode: Int]
        /// Children of a priority group (重点群体) with at least one finding.
        var priorityChildren: Int
        var cases: LedgerFigures.Counts
        /// Place among the towns (1 = best); nil for the district and 未知镇街.
        var rank: Int?

        var primaryRate: Double? { BulletinFigures.rate(counts.primaryEnrolled, counts.primaryAge) }
        var juniorRate: Double? { BulletinFigures.rate(counts.juniorEnrolled, counts.juniorAge) }
        var enrolmentRate: Double? { BulletinFigures.rate(counts.enrolled, counts.schoolAge) }
        var consolidationRate: Double? { BulletinFigures.rate(counts.retained, counts.retained + counts.dropouts) }
        var placementRate: Double? { BulletinFigures.rate(counts.disabledPlaced, counts.disabled) }
        var findingsTotal: Int { findings.values.reduce(0, +) }
    }

    let district: Area
    /// Towns ranked (best first), 未知镇街 last when it has anything.
    let towns: [Area]
    let targets: PipelineConfig.Targets
    let title: String
    let period: String
    let asOf: CivilDate
    let districtName: String
    let cohort: ClosedRange<CivilDate>
    let since: String?
    let openByPeriod: [(period: String, open: Int)]
    let notChecked: [FindingCode]

    init(_ input: ReportInput, _ people: PersonView, _ rows: FindingRows, _ population: Population) {
        let config = input.config
        var findings: [String: [FindingCode: Int]] = [:], districtFindings: [FindingCode: Int] = [:]
        var priority: [String: Set<String>] = [:]
        for row in rows.rows {
            findings[row.person.town, default: [:]][row.finding.code, default: 0] += 1
            districtFindings[row.finding.code, default: 0] += 1
            if row.finding.priority { priority[row.person.town, default: []].insert(row.finding.personID) }
        }
        // A case whose town no record names counts under 未知镇街, never under an empty name.
        var cases: [String: LedgerFigures.Counts] = [:]
        for (town, c) in input.ledger.byTown {
            let name = PersonView.townShown(town)
            var sum = cases[name] ?? .init()
            sum.opened += c.opened; sum.closed += c.closed; sum.open += c.open
            cases[name] = sum
        }
        var names = config.district.towns
        let seen = Set(population.byTown.keys).union(findings.keys).union(cases.keys)
        names += seen.filter { !names.contains($0) && $0 != PersonView.unknownTown }.sorted()
        if seen.contains(PersonView.unknownTown) { names.append(PersonView.unknownTown) }
        var towns = names.map { name in
            Area(name: name, counts: population.byTown[name] ?? .init(), findings: findings[name] ?? [:],
                 priorityChildren: priority[name]?.count ?? 0, cases: cases[name] ?? .init(), rank: nil)
        }
        targets = config.targets
        let ranked = towns.filter { $0.name != PersonView.unknownTown }.sorted { a, b in
            let (sa, sb) = (Self.shortfalls(a, config.targets).count, Self.shortfalls(b, config.targets).count)
            if sa != sb { return sa < sb }
            let (ra, rb) = (a.enrolmentRate ?? -1, b.enrolmentRate ?? -1)
            if ra != rb { return ra > rb }
            let (ca, cb) = (a.consolidationRate ?? -1, b.consolidationRate ?? -1)
            if ca != cb { return ca > cb }
            return a.name < b.name
        }
        var rankedAreas = ranked.enumerated().map { (i, area) -> Area in var a = area; a.rank = i + 1; return a }
        rankedAreas += towns.filter { $0.name == PersonView.unknownTown }
        towns = rankedAreas
        self.towns = towns
        district = Area(name: config.district.name, counts: population.district, findings: districtFindings,
                        priorityChildren: Set(rows.rows.filter(\.finding.priority).map(\.finding.personID)).count,
                        cases: input.ledger.district, rank: nil)
        period = input.period
        asOf = config.asOf
        districtName = config.district.name
        title = "\(config.district.name)\(Self.periodTitle(input.period))控辍保学比对核查情况通报"
        cohort = config.schoolAge.cohort(asOf: config.asOf)
        since = input.ledger.since
        openByPeriod = Array(input.ledger.openByPeriod.suffix(12))
        notChecked = input.reconcile.notChecked.map(\.code)
    }

    /// `2026年11月` for `2026-11`.
    static func periodTitle(_ period: String) -> String {
        let parts = period.split(separator: "-")
        guard parts.count == 2, let y = Int(parts[0]), let m = Int(parts[1]) else { return period }
        return "\(y)年\(m)月"
    }

    /// A ratio rounded to 4 decimals (98.53%), nil when there is no one to count.
    static func rate(_ part: Int, _ whole: Int) -> Double? {
        whole == 0 ? nil : (Double(part) / Double(whole) * 10_000).rounded() / 10_000
    }

    /// The value of `indicator` in `area`.
    static func value(_ indicator: Indicator, _ area: Area) -> Double? {
        switch indicator {
        case .primaryEnrolment: area.primaryRate
        case .juniorEnrolment: area.juniorRate
        case .consolidation: area.consolidationRate
        case .disabledPlacement: area.placementRate
        case .priorityChildren: Double(area.priorityChildren)
        case .openCases: Double(area.cases.open)
        }
    }

    /// The target of `indicator`: a rate to reach, or a count not to exceed (0).
    static func target(_ indicator: Indicator, _ targets: PipelineConfig.Targets) -> Double {
        switch indicator {
        case .primaryEnrolment: targets.primaryEnrolment
        case .juniorEnrolment: targets.juniorEnrolment
        case .consolidation: targets.consolidation
        case .disabledPlacement: targets.disabledEnrolment
        case .priorityChildren, .openCases: 0
        }
    }

    static func isRate(_ indicator: Indicator) -> Bool { ![.priorityChildren, .openCases].contains(indicator) }

    /// The indicators where `area` misses its target (a rate below it, a count above 0).
    static func shortfalls(_ area: Area, _ targets: PipelineConfig.Targets) -> [Indicator] {
        Indicator.allCases.filter { i in
            guard let v = value(i, area) else { return false }
            return isRate(i) ? v < target(i, targets) - 1e-9 : v > target(i, targets)
        }
    }

    func shortfalls(_ area: Area) -> [Indicator] { Self.shortfalls(area, targets) }

    /// The towns that miss a target, in rank order (for 通报批评).
    var townsBelowTarget: [Area] { towns.filter { $0.name != PersonView.unknownTown && !shortfalls($0).isEmpty } }

    /// The bulletin's definitions (口径), written into it.
    var definitions: [(String, String)] {
        [("适龄儿童", "户籍在本\(districtName.hasSuffix("区") ? "区" : "县")（户籍状态正常）、出生日期在 \(cohort.lowerBound) 至 \(cohort.upperBound) 之间的儿童（核查基准日 \(asOf)）。"),
         ("小学、初中学段", "按学年开始日（入学截止日）的周岁划分：6–11 周岁为小学学段，12–14 周岁为初中学段。"),
         ("在校", "学籍系统中有在读或休学学籍（含送教上门）。"),
         ("入学率", "学段内在校的适龄儿童 ÷ 学段内适龄儿童。"),
         ("巩固率", "学龄段内有学籍的学生中，现仍在校且非疑似辍学者 ÷（该数 + 疑似辍学及学籍状态为辍学者）。"),
         ("残疾儿童安置率", "残联名单中学龄段内、未经批准免于入学的残疾儿童中，在校（随班就读、特教学校）或送教上门者 ÷ 全部。"),
         ("重点群体问题儿童", "建档立卡/监测户、低保特困、孤儿及事实无人抚养、留守、残疾、服刑人员未成年子女中，本次比对发现问题的儿童人数（目标为 0，即重点群体 100% 入学）。"),
         ("案件", "一人一案：新增为自上期通报\(since.map { "（\($0)）" } ?? "")以来新发现的案件，销号为同期销号的案件，未销号为期末仍在跟踪的案件（目标台账清零）。"),
         ("排名", "各镇街按未达标指标数由少到多排名，相同者按适龄儿童入学率由高到低；未达标指标标红。"),
         ("数据说明", "本通报只含统计数，不含任何个人信息。"),
        ]
    }
}
