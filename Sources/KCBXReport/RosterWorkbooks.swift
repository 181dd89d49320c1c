import Dispatch
import Foundation
import KCBXCore
import KCBXLedger
import KCBXReconcile
import KCBXSheets

/// The 基础数据库 (适龄入学儿童基础信息数据库, notice 001): every school-age child the district answers for,
/// with what the records say of their schooling, read once over the person index.
///
/// A child is on it when born in the school-age cohort of `as_of` and one of: a resident hukou record
/// (the bulletin's 户籍适龄儿童), an active 学籍 here, a department's list (扶贫, 残联, 民政, 司法, 缓学免学
/// approvals) without a hukou record saying they left or died, or a finding to follow up here (劝返). The
/// facts are reconcile's reading of the child (``ChildFacts``), the bulletin's too, so 外地就读 is the same
/// children in both (README "Outputs", docs/bulletin.md).
struct Roster: Sendable {
    /// 就学状态: what the child's records and findings say of their schooling, in the order it is decided.
    enum Status: Int, CaseIterable, Sendable {
        /// A `suspected_dropout` finding (疑似辍学), whatever the 学籍 says.
        case suspectedDropout
        /// An active 学籍 (在读, 在籍, 在校, 正常).
        case enrolled
        /// Only 休学 学籍 records.
        case suspended
        /// 外地就读: no active 学籍, a 转出 one and no 辍学 one (``ChildFacts/Child/elsewhere``).
        case elsewhere
        /// 缓学免学: a valid deferral or exemption (``ChildFacts/Child/deferred``).
        case deferred
        /// A disabled child taught at home (送教上门) without a 学籍.
        case homeTaught
        /// A 学籍 that says 辍学 (or 流失, 失学), no active one.
        case leftSchool
        /// None of the above: no 学籍 at all, or only finished ones.
        case notEnrolled

        var title: String {
            switch self {
            case .suspectedDropout: "疑似辍学"
            case .enrolled: "在校"
            case .suspended: "休学"
            case .elsewhere: "外地就读"
            case .deferred: "缓学免学"
            case .homeTaught: "送教上门"
            case .leftSchool: "辍学"
            case .notEnrolled: "未入学"
            }
        }

        /// What the status means, for the 汇总 sheet.
        var meaning: String {
            switch self {
            case .suspectedDropout: "比对发现疑似辍学（学籍显示辍学，或无故缺课达到规定天数），需劝返复学"
            case .enrolled: "本县有在籍学籍"
            case .suspended: "学籍状态为休学"
            case .elsewhere: "本县无在籍学籍，学籍已转出、无辍学记录：待户籍所在镇街确认去向（见去向确认名单）"
            case .deferred: "经批准延缓入学或免于入学，且在有效期内"
            case .homeTaught: "残疾儿童，残联记录为送教上门，但无学籍"
            case .leftSchool: "学籍显示辍学、流失或失学，无在籍学籍"
            case .notEnrolled: "无在籍学籍，也无转出、延缓或免于入学记录"
            }
        }
    }

    /// 户籍情况 as the roster shows it.
    enum Registration: UInt8, Sendable {
        case resident, left, dead, none
        var title: String {
            switch self {
            case .resident: "本地户籍"
            case .left: "已迁出注销"
            case .dead: "死亡注销"
            case .none: "非本地户籍"
            }
        }
    }

    /// One child of the roster: where to find their records, and what was decided from them.
    struct Entry: Sendable {
        /// Row of the children's facts (``ChildFacts``).
        var row: Int32
        var status: Status
        var registration: Registration
        /// Priority groups, one bit per ``PriorityGroup`` raw value; the child's findings, one bit per ``FindingCode`` position.
        var groups: UInt16, findings: UInt16
        /// The 学籍 record the roster shows is the active one (else the school is shown as the one the child
        /// was at: 原：…).
        var current: Bool
        /// Counted 外地就读 by the bulletin: on the 去向确认 list.
        var toConfirm: Bool
    }

    /// The towns of the pipeline file in its order, then the others by name (未知镇街 among them); each with its children.
    let towns: [(town: String, entries: [Entry])]

    init(_ input: ReportInput, _ people: PersonView) {
        let config = input.config
        let cohort = config.schoolAge.cohort(asOf: config.asOf)
        let children = people.children
        let codeBit = Dictionary(uniqueKeysWithValues: FindingCode.allCases.enumerated().map { ($1, UInt16(1) << $0) })
        var codesOf: [Int32: UInt16] = [:]
        for f in input.reconcile.findings {
            if let i = people.rows[f.personID], let bit = codeBit[f.code] { codesOf[Int32(i), default: 0] |= bit }
        }
        let findings = codesOf
        let local = FindingDescriptor.codes { $0.followedUpHere }.reduce(UInt16(0)) { $0 | codeBit[$1]! }
        let dropout = codeBit[.suspectedDropout]!
        let chunk = 16_384, chunks = (children.count + chunk - 1) / chunk
        let results = ConcurrentResults<[String: [Entry]]>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            var towns: [String: [Entry]] = [:]
            for row in (c * chunk)..<min(children.count, (c + 1) * chunk) {
                let child = children[row]
                guard let birth = child.birth, cohort.contains(birth) else { continue }
                let codes = findings[Int32(row)] ?? 0
                let (dead, left, listed) = (child.flags.contains(.dead), child.flags.contains(.left), child.flags.contains(.listed))
                guard child.resident || child.enrolled || (listed && !dead && !left) || codes & local != 0 else { continue }
                let status: Status = codes & dropout != 0 ? .suspectedDropout
                    : child.enrolled ? (child.flags.contains(.suspended) ? .suspended : .enrolled)
                    : child.elsewhere ? .elsewhere : child.deferred ? .deferred
                    : child.flags.contains(.disabled) && child.flags.contains(.homeTaught) ? .homeTaught
                    : child.flags.contains(.dropoutStatus) ? .leftSchool : .notEnrolled
                let registration: Registration = child.resident ? .resident : left ? .left : dead ? .dead : .none
                towns[PersonView.townShown(child.town), default: []].append(
                    Entry(row: Int32(row), status: status, registration: registration, groups: child.groups, findings: codes,
                          current: child.enrolled, toConfirm: child.resident && child.elsewhere))
            }
            results[c] = towns
        }
        var byTown: [String: [Entry]] = [:]
        for part in results.values { for (town, entries) in part ?? [:] { byTown[town, default: []] += entries } }
        // Every listed town gets its roster (an empty one says no school-age child was found there).
        var order = config.district.towns
        order += byTown.keys.filter { !order.contains($0) }.sorted()
        towns = order.map { ($0, byTown[$0] ?? []) }
    }

    /// The bit of 流动/随迁 in ``Entry/groups``: a group of the bulletin, not a priority mark (the rows of the
    /// department lists' groups are highlighted, as the findings' priority rows are).
    static let migrantBit = UInt16(1) << PriorityGroup.migrant.rawValue

    static func groupsTitle(_ bits: UInt16) -> String {
        PriorityGroup.allCases.filter { bits & (1 << $0.rawValue) != 0 }.map(\.title).joined(separator: "、")
    }

    static func findingsTitle(_ bits: UInt16) -> String {
        FindingCode.allCases.enumerated().filter { bits & (1 << $0.offset) != 0 }.map(\.element.title).joined(separator: "、")
    }
}

/// A child of a list as shown: the child as reconcile read them (``ChildFacts/Child``: name, ID, contact
/// fields, one reading for every list) and the 学籍 record the list names (school, 年级, 班级, 学籍状态).
struct ChildLine {
    var person: PersonView.Description
    var school = "", grade = "", className = "", statusWord = ""

    init(_ child: ChildFacts.Child) {
        person = PersonView.shown(child.description)
        school = child.shownSchool; grade = child.shownGrade; className = child.shownClass; statusWord = child.shownStatus
    }

    /// The name of the school of a 学籍 record (the directory's, else the record's), else its 学校标识码.
    static func schoolName(_ ref: RecordRef, _ people: PersonView) -> String {
        let code = people.value(.schoolCode, ref)
        let name = people.schools[code]?.name ?? people.value(.schoolName, ref)
        return name.isEmpty ? code : name
    }

    /// The positions of `lines` in the order of a town's visits: by 村居 (children without one last), then
    /// birth date, then name (keys made once per line, not per comparison).
    static func visitOrder(_ lines: [ChildLine]) -> [Int] {
        let keys = lines.map { ($0.person.village.isEmpty ? 1 : 0, $0.person.village, $0.person.birthDate?.daysSinceEpoch ?? 0, $0.person.name) }
        return keys.indices.sorted { keys[$0] < keys[$1] }
    }
}

/// What every list of item 6 shares: the issuing unit, the month and the deadline as printed, and the
/// file name of a place's workbook.
struct ListHeading {
    let unit: String, month: String, asOf: String, deadline: String, period: String

    init(_ input: ReportInput) {
        let config = input.config
        unit = config.issuer.unitName(district: config.district)
        month = BulletinFigures.periodTitle(input.period)
        asOf = BulletinFigures.dateTitle(config.asOf)
        deadline = BulletinFigures.dateTitle(config.asOf.adding(days: config.issuer.listDeadlineDays))
        period = input.period
    }

    /// `基础数据库_城关街道_2026年11月.xlsx`.
    func fileName(_ kind: String, _ place: String) -> String {
        "\(kind)_\(ReportStage.safeFileName(place))_\(month).xlsx"
    }
}

/// 基础数据库/基础数据库_<镇街>_YYYY年M月.xlsx: the town's school-age children (``Roster``), one row each with
/// status, school, priority groups and contact fields, ordered by 村居 for the visits; a 汇总 sheet counts
/// them by status. Masked as `privacy.mask_ids_in: [roster]` asks.
enum RosterWorkbooks {
    static let folder = "基础数据库"
    static let sheet = "基础数据库"

    /// Laid out to print at 8 pt or more on one landscape A4 page width.
    static let columns: [XLSXColumn] = [
        XLSXColumn("序号", .integer, width: 5), XLSXColumn("姓名", width: 7), XLSXColumn("性别", width: 4),
        XLSXColumn("出生日期", .date, width: 10), XLSXColumn("身份证件号", width: 19), XLSXColumn("户籍情况", width: 10),
        XLSXColumn("就学状态", width: 8), XLSXColumn("学校名称", width: 17), XLSXColumn("年级", width: 6), XLSXColumn("班级", width: 5),
        XLSXColumn("重点群体", width: 13), XLSXColumn("待办问题", width: 10), XLSXColumn("监护人", width: 9),
        XLSXColumn("联系电话", width: 11), XLSXColumn("村居", width: 9), XLSXColumn("住址", width: 24),
        XLSXColumn("核实情况", width: 12, editable: true),
    ]

    static let summaryColumns: [XLSXColumn] = [
        XLSXColumn("就学状态", width: 12), XLSXColumn("人数", .integer, width: 8), XLSXColumn("其中本地户籍", .integer, width: 10),
        XLSXColumn("其中重点群体", .integer, width: 10), XLSXColumn("说明", width: 70),
    ]

    static func write(town: String, _ entries: [Roster.Entry], _ input: ReportInput, _ people: PersonView, _ heading: ListHeading,
                      to url: URL) throws(KCBXError) {
        let masked = MaskedOutput.roster.isMasked(in: input.config)
        let children = entries.map { ChildLine(people.children[Int($0.row)]) }
        let lines = ChildLine.visitOrder(children).map { (entries[$0], children[$0]) }
        let book = try XLSXWorkbook(url: url, constantMemory: lines.count > 20_000)
        let title = "\(heading.unit) \(town)适龄入学儿童基础信息数据库（\(heading.month)，核查基准日 \(heading.asOf)，共 \(lines.count) 人）"
        let summary = try book.addSheet("汇总", columns: summaryColumns, title: title)
        for status in Roster.Status.allCases {
            let of = entries.filter { $0.status == status }
            try summary.append([.text(status.title), .integer(of.count), .integer(of.filter { $0.registration == .resident }.count),
                                .integer(of.filter { $0.groups != 0 }.count), .text(status.meaning)])
        }
        try summary.append([.text("合计"), .integer(entries.count), .integer(entries.filter { $0.registration == .resident }.count),
                            .integer(entries.filter { $0.groups != 0 }.count),
                            .text("适龄：出生于 \(input.config.schoolAge.cohort(asOf: input.config.asOf).lowerBound) 至 \(input.config.schoolAge.cohort(asOf: input.config.asOf).upperBound)")])
        try summary.signFooter()
        let list = try book.addSheet(sheet, columns: columns,
                                     title: "\(title)。请逐人核对，有误、遗漏或去向有变的在“核实情况”列注明，\(heading.deadline)前报回。")
        for (n, (e, line)) in lines.enumerated() {
            let p = line.person
            try list.append([
                .integer(n + 1), .text(p.name), .text(p.sex), p.birthDate.map(XLSXCell.date) ?? .empty, .text(Masking.id(p.idNumber, masked)),
                .text(e.registration.title), .text(e.status.title),
                .text(e.current || line.school.isEmpty ? line.school : "原：" + line.school),
                .text(line.grade), .text(line.className), .text(Roster.groupsTitle(e.groups)), .text(Roster.findingsTitle(e.findings)),
                .text(p.guardian), .text(p.phone), .text(p.village), .text(p.address), .empty,
            ], highlight: e.groups & ~Roster.migrantBit != 0)
        }
        try list.signFooter()
        try book.close()
    }
}
