import KCBXCore
import KCBXReconcile

/// The bulletin's words: its definitions (口径), the text written from the figures, the comparison with
/// earlier bulletins, and the one number format both files use. Chinese only.
extension BulletinFigures {
    /// A rate as both files show it: two decimals, cut not rounded (see ``rate(_:_:)``): `98.53%`.
    static func percent(_ v: Double?) -> String {
        guard let v else { return "—" }
        return String(format: "%.2f%%", v * 100)
    }

    /// A target as written: `100%`, `≥ 98%`.
    static func targetText(_ i: Indicator, _ t: PipelineConfig.Targets) -> String {
        guard i.isRate else { return "0 件（台账清零）" }
        return rateTarget(i.target(t))
    }

    /// A rate target as written: `100%`, `≥ 98%`.
    static func rateTarget(_ v: Double) -> String {
        let shown = v * 100 == (v * 100).rounded() ? String(format: "%.0f%%", v * 100) : String(format: "%.2f%%", v * 100)
        return v >= 1 ? shown : "≥ " + shown
    }

    /// An indicator's value as written.
    static func valueText(_ i: Indicator, _ v: Double?) -> String {
        i.isRate ? percent(v) : v.map { "\(Int($0)) 件" } ?? "—"
    }

    /// The bulletin's definitions (口径), written into it.
    var definitions: [(String, String)] {
        let w = districtWord, due = "应入学适龄儿童"
        return [
            ("适龄儿童", "户籍在本\(w)（户籍状态正常）、出生日期在 \(cohort.lowerBound) 至 \(cohort.upperBound) 之间的儿童（核查基准日 \(asOf)）。"),
            ("小学、初中学段", "按学年开始日（入学截止日）的周岁划分：6–11 周岁为小学学段，12–14 周岁为初中学段。"),
            ("外地就读", "本\(w)户籍适龄儿童中，没有在读或休学学籍、只有转出学籍（且无辍学学籍）者：视为在外地就读，待去向确认，单独统计，不计入任何比率的分母，不算失学辍学。"),
            ("缓学免学", "经批准延缓入学或免于入学、审批在有效期内且没有在读学籍者：单独统计，不计入入学率分母，按规定跟踪，不算失学辍学。"),
            (due, "适龄儿童减去外地就读和缓学免学者。"),
            ("在校、已入学", "学籍系统中有在读或休学学籍（含送教上门、特教学校）。"),
            ("净入学率", "学段年龄的\(due)中，在本学段年级就读者 ÷ 该学段\(due)。年级读不出时按年龄计入学段。"),
            ("毛入学率", "本学段各年级在校生（不分年龄、不分户籍，按户籍或学校所在镇街计）÷ 该学段\(due)；可超过 100%。"),
            ("巩固率", "按年龄组（届别）计：该学段年龄组在本\(w)有学籍的学生（含辍学，不含只有转出学籍者）为入学人数，其中现仍在校且非疑似辍学者为巩固人数，巩固率 = 巩固人数 ÷ 入学人数。学籍系统导出只有本期学籍状态，没有各届入学时的人数，故以本期学籍中该年龄组的全部学籍代替入学时人数（转入者计入、转出者不计）。九年义务教育巩固率为小学、初中两个年龄组合计。"),
            ("残疾儿童少年入学率", "残联名单中的适龄残疾儿童（不含经批准免于入学、外地就读者）中，有在读学籍者（随班就读、特教学校、有学籍的送教上门）÷ 全部。残联记录为送教上门但没有学籍的，不计为已入学，单独列出，需补建学籍。"),
            ("家庭经济困难学生子女巩固率", "建档立卡/监测户、低保、特困家庭的学生，按巩固率口径计算。"),
            ("重点群体", "建档立卡/监测户（扶贫名单）、低保、特困、孤儿、事实无人抚养、留守儿童（民政名单）、残疾儿童（残联名单）、服刑人员未成年子女（司法名单）、流动/随迁子女（本\(w)户籍库中无此人、在本\(w)学校有学籍）。一名儿童可属多个群体。各群体入学率 = 已入学 ÷ \(due)，目标 \(BulletinFigures.rateTarget(targets.priorityEnrolment))。"),
            ("失学辍学儿童", "本次比对认定应入未入、疑似辍学或残疾儿童未安置的儿童人数（一人只计一次），计入所在镇街。经批准缓学免学、外地户籍学生离校（报户籍地）不计入。"),
            ("劝返案件", "一人一案：应入未入、疑似辍学、残疾儿童未安置的案件；新增为自\(since.map { "上期通报（\(BulletinFigures.periodTitle($0))）" } ?? "台账建立")以来新发现的，销号为同期销号的，未销号为期末仍在跟踪的（目标台账清零）。"),
            ("数据纠错", "学籍数据错误（一人多籍、空挂学籍、人籍不一致）按学校、户籍数据错误（户籍重复、死亡未销籍）按户籍所在镇街派出所列出，由学校、公安派出所纠正，不计入镇街。"),
            ("排名", "各镇街按未达标指标数由少到多排名；相同者依次按失学辍学儿童数、未销号劝返案件数由少到多，九年义务教育巩固率由高到低。"),
            ("比率", "保留两位小数，尾数舍去（不四舍五入），低于目标的比率不会显示为达标。分母为 0 时记为“—”，不参与达标判断。"),
            ("数据说明", "本通报只含统计数，不含任何个人信息。"),
        ]
    }

    /// The rates of `area` below their targets, as `初中巩固率 97.10%，低于目标 ≥ 98%`.
    func missedRates(_ area: Area) -> [String] {
        shortfalls(area).filter(\.isRate).map { i in
            "\(i.title) \(Self.percent(area.value(i)))，低于目标 \(Self.targetText(i, targets))"
        }
    }

    /// Where a text points the reader: each document numbers its own parts.
    enum Document: Sendable {
        /// 通报_….xlsx: 一、总体情况 … 四、整改要求 on sheet 通报, the tables on their own sheets.
        case workbook
        /// 通报_….html: 一 … 七 and the 附件.
        case html
        /// summary.json: names the tables, no numbers.
        case json

        /// Where the rates and their targets are.
        var indicators: String {
            switch self {
            case .workbook: "“主要指标”工作表"
            case .html: "第二部分"
            case .json: "主要指标表"
            }
        }
        /// Where the criticised towns are.
        var criticism: String {
            switch self {
            case .workbook: "第三部分“通报批评”"
            case .html: "第七部分"
            case .json: "通报批评"
            }
        }
    }

    /// The text of the bulletin, a paragraph an element, written from the figures, its references in
    /// `document`'s own numbering.
    func paragraphs(_ document: Document) -> [String] {
        let d = district, c = d.counts
        var text: [String] = []
        text.append("截至 \(Self.dateTitle(asOf))（核查基准日），\(whole)户籍适龄儿童 \(c.schoolAge) 人（出生于 \(cohort.lowerBound) 至 \(cohort.upperBound)）。"
                    + "其中只有转出学籍、在外地就读待去向确认的 \(c.elsewhere) 人，经批准缓学免学的 \(c.deferred) 人，"
                    + "应入学 \(c.due) 人，已入学 \(c.enrolled) 人。" + dueGapSentence)
        let rates = Self.rates.map { "\($0.title) \(Self.percent(d.value($0)))" }
        let missed = shortfalls(d).filter(\.isRate)
        text.append(rates.joined(separator: "，") + "。"
                    + (missed.isEmpty ? "以上比率均达到目标。" : "其中" + missed.map(\.title).joined(separator: "、") + "未达到目标（见\(document.indicators)）。"))
        var out = "劝返台账在办的失学辍学儿童 \(d.outOfSchool) 人（未销号案件："
            + Self.townCodes.map { "\($0.title) \(d.tally.open[$0] ?? 0) 件" }.joined(separator: "、") + "，一人可有多项），"
            + "期末未销号劝返案件 \(d.cases.open) 件"
            + (d.tally.openNotCounted > 0 ? "（不含延缓/免于入学、外地户籍/外出的跟踪案件 \(d.tally.openNotCounted) 件；劝返台账在办共 \(d.tally.openAll) 件）" : "")
        if c.homeTaughtWithoutStatus > 0 { out += "；残联记录为送教上门但没有学籍的残疾儿童 \(c.homeTaughtWithoutStatus) 人，需补建学籍" }
        let records = (Self.schoolCodes + Self.policeCodes).reduce(0) { $0 + (d.findings[$1] ?? 0) }
        out += "。另有学籍、户籍数据需纠错 \(records) 条（学校 \(Self.schoolCodes.reduce(0) { $0 + (d.findings[$1] ?? 0) }) 条、"
            + "公安派出所 \(Self.policeCodes.reduce(0) { $0 + (d.findings[$1] ?? 0) }) 条），已分送学校和派出所，不计入镇街。"
        text.append(out)
        text.append(townSentence(document))
        text.append(comparisonSentence(previous, "上期"))
        text.append(comparisonSentence(lastYear, "去年同期"))
        return text
    }

    /// The towns in one sentence: how many reach every target, how many do not, where most children are
    /// out of school, and the lowest town of each rate below target (e.g. `初中净入学率最低的是杨庄镇（98.30%）`).
    func townSentence(_ document: Document) -> String {
        let ranked = towns.filter { $0.rank != nil }, at = townsAtTarget, below = townsBelowTarget
        var s = at.isEmpty ? "\(ranked.count) 个镇街均有指标未达到目标" : at.count == ranked.count ? "\(ranked.count) 个镇街各项指标均达到目标"
            : at.map(\.name).joined(separator: "、") + "各项指标均达到目标，其余 \(below.count) 个镇街有指标未达到目标"
        if !below.isEmpty { s += "（见\(document.criticism)）" }
        let most = ranked.filter { $0.outOfSchool > 0 }.sorted { ($1.outOfSchool, $0.rank ?? 0) < ($0.outOfSchool, $1.rank ?? 0) }.prefix(3)
        if !most.isEmpty { s += "；失学辍学儿童较多的是" + most.map { "\($0.name) \($0.outOfSchool) 人" }.joined(separator: "、") }
        for i in Self.rates {
            let missing = ranked.filter { shortfalls($0).contains(i) }
            guard let low = missing.min(by: { ($0.value(i) ?? 0) < ($1.value(i) ?? 0) }) else { continue }
            let fraction = i.fraction(low.counts).map { "（\($0.part)/\($0.whole)）" } ?? ""
            s += "；\(low.name)\(i.title) \(Self.percent(low.value(i)))\(fraction)，低于目标 \(Self.targetText(i, targets))"
                + (missing.count > 1 ? "（共 \(missing.count) 个镇街低于目标）" : "")
        }
        return s + "。"
    }

    /// Why 应入学 and 已入学 differ: the due children not enrolled, by why (``Population/Counts``).
    var dueGapSentence: String {
        let c = district.counts
        let gap = c.due - c.enrolled
        guard gap > 0 else { return "" }
        var parts = ["列为应入未入（没有任何学籍）\(c.unenrolledListed) 人"]
        if c.unenrolledDropout > 0 { parts.append("学籍状态为辍学（列为疑似辍学）\(c.unenrolledDropout) 人") }
        if c.unenrolledOther > 0 { parts.append("其他没有在读学籍的 \(c.unenrolledOther) 人（如本人身份证件号被他人学籍占用）") }
        return "应入学与已入学相差 \(gap) 人：" + parts.joined(separator: "，") + "。"
    }

    /// How a town's place reads under 通报批评: its rank among all towns, and which end is worse.
    func rankWords(_ t: Area) -> String {
        "排名第 \(t.rank ?? 0) 名（共 \(towns.filter { $0.rank != nil }.count) 个镇街，名次越后问题越多）"
    }

    /// What the town table's counts are, under it (人, 件, and what the 劝返 cases leave out).
    static func casesNote(_ f: BulletinFigures) -> String {
        let d = f.district.tally
        return "失学辍学儿童为劝返台账中有应入未入、疑似辍学、残疾儿童未安置在办案件的儿童（人，一人只计一次，与各镇街核查名单“汇总”一致）；"
            + "劝返案件按件计，\(f.since.map { "新增、销号为自\(periodTitle($0))通报以来" } ?? "新增、销号为自台账建立以来")，"
            + "不含延缓/免于入学、外地户籍/外出的跟踪案件（期末在办 \(d.openNotCounted) 件；劝返台账在办共 \(d.openAll) 件，一生一表在办儿童 \(d.children) 人）。"
    }

    /// How the sources' dates are shown (数据来源).
    static let sourceDateNote = "文件名注明数据期次的，列数据期次；否则列接收日期（文件在本机的修改日期），不是部门的导出日期。"

    /// Which earlier bulletin `r` is, in words: `2026年11月通报，2026年11月30日核查，2026-12-01 第 7 次运行写出`.
    static func bulletinWords(_ r: BulletinRecord) -> String {
        var made: [String] = []
        if let d = CivilDate(iso: r.asOf) { made.append("\(dateTitle(d))核查") }
        if let w = r.written, let run = r.run { made.append("\(w) 第 \(run) 次运行写出") } else if let w = r.written { made.append("\(w) 写出") }
        return (["\(periodTitle(r.period))通报"] + made).joined(separator: "，")
    }

    /// A town's missed targets as one line: `小学巩固率 99.49%（目标 100%）；未销号劝返案件 1 件（目标台账清零）`.
    /// Without `targets`, the values only (`小学巩固率 99.49%；未销号劝返案件 1 件`).
    func missedLine(_ t: Area, targets withTargets: Bool = true) -> String {
        shortfalls(t).map { i in
            guard withTargets else { return "\(i.title) \(Self.valueText(i, t.value(i)))" }
            return i.isRate ? "\(i.title) \(Self.percent(t.value(i)))（目标 \(Self.targetText(i, targets))）"
                : "\(i.title) \(Self.valueText(i, t.value(i)))（目标台账清零）"
        }.joined(separator: "；")
    }

    /// How the district's figures moved since `earlier`; says so when there is no earlier bulletin.
    func comparisonSentence(_ earlier: BulletinRecord?, _ label: String) -> String {
        guard let earlier else {
            let missing = label == "上期" ? "本期为系统内首次通报，没有上期通报数据，不作比较。"
                : "没有去年同期（\(Self.periodTitle(lastYearPeriod))）的通报数据，不作比较。"
            return missing
        }
        var parts: [String] = []
        if let was = earlier.district["out_of_school"] {
            parts.append("失学辍学儿童" + Self.countChange(Double(district.outOfSchool) - was, unit: "人"))
        }
        if let was = earlier.district[Indicator.openCases.rawValue] {
            parts.append("未销号劝返案件" + Self.countChange(Double(district.cases.open) - was, unit: "件"))
        }
        for i in [Indicator.consolidation, .primaryNet, .juniorNet] {
            if let now = district.value(i), let was = earlier.district[i.rawValue] { parts.append(i.title + Self.rateChange(now - was)) }
        }
        return "与\(label)（\(Self.bulletinWords(earlier))）相比，" + (parts.isEmpty ? "没有可比的数据。" : parts.joined(separator: "，") + "。")
    }

    /// A town's (or the district's) children out of school since the last bulletin: `+2`, `-1`, `0`;
    /// `—` when there is no last bulletin or it did not have the town.
    func outOfSchoolChange(_ a: Area) -> String {
        let was = a.name == districtName && a.rank == nil ? previous?.district["out_of_school"] : previous?.towns[a.name]?["out_of_school"]
        guard let was else { return "—" }
        return String(format: "%+d", a.outOfSchool - Int(was)).replacingOccurrences(of: "+0", with: "0")
    }

    /// `yyyy-mm` of the same month a year before.
    var lastYearPeriod: String {
        let parts = period.split(separator: "-")
        guard parts.count == 2, let y = Int(parts[0]) else { return period }
        return "\(y - 1)-\(parts[1])"
    }

    static func countChange(_ delta: Double, unit: String) -> String {
        delta == 0 ? "持平" : delta > 0 ? "增加 \(Int(delta)) \(unit)" : "减少 \(Int(-delta)) \(unit)"
    }

    static func rateChange(_ delta: Double) -> String {
        let points = (delta * 10_000).rounded() / 100
        return points == 0 ? "持平" : points > 0 ? String(format: "提高 %.2f 个百分点", points) : String(format: "下降 %.2f 个百分点", -points)
    }

    /// The comparison table: each indicator now, at the last bulletin and a year before, with the change;
    /// `—` where there is no earlier figure.
    var comparisonRows: [(title: String, now: String, previous: String, previousChange: String, lastYear: String, lastYearChange: String)] {
        var rows: [(String, String, String, String, String, String)] = []
        func add(_ title: String, _ key: String, _ now: Double?, rate: Bool) {
            func shown(_ v: Double?) -> String { v.map { rate ? Self.percent($0) : String(Int($0)) } ?? "—" }
            func change(_ r: BulletinRecord?) -> String {
                guard let now, let was = r?.district[key] else { return "—" }
                if rate {
                    let p = ((now - was) * 10_000).rounded() / 100
                    return p == 0 ? "持平" : String(format: "%+.2f 个百分点", p)
                }
                return now == was ? "持平" : String(format: "%+d", Int(now - was))
            }
            rows.append((title, shown(now), shown(previous?.district[key]), change(previous), shown(lastYear?.district[key]), change(lastYear)))
        }
        add("户籍适龄儿童（人）", "school_age", Double(district.counts.schoolAge), rate: false)
        add("失学辍学儿童（人）", "out_of_school", Double(district.outOfSchool), rate: false)
        for i in Indicator.allCases { add(i.isRate ? i.title : i.title + "（件）", i.rawValue, district.value(i), rate: i.isRate) }
        return rows
    }

    /// The column heads of the comparison table.
    var comparisonHeads: [String] {
        ["指标", "本期", "上期" + (previous.map { "（\(Self.bulletinWords($0))）" } ?? "（无）"), "较上期",
         "去年同期（\(Self.periodTitle(lastYearPeriod))）" + (lastYear == nil ? "（无）" : ""), "较去年同期"]
    }

    /// The sentence naming the towns and schools at target (通报表扬), and the towns below (通报批评) with the deadline.
    var praise: String {
        let towns = townsAtTarget.map(\.name)
        var s = towns.isEmpty ? "本期没有各项指标全部达标且经核查的镇街。" : "以下镇街各项指标均达到目标，予以通报表扬：" + towns.joined(separator: "、") + "。"
        let unchecked = townsNotChecked
        if !unchecked.isEmpty {
            s += "以下镇街指标达标但未全部核查，暂不表扬：" + unchecked.map { "\($0.area.name)（\($0.why)）" }.joined(separator: "、") + "。"
        }
        if !schoolsAtTarget.isEmpty {
            s += "以下 \(schoolsAtTarget.count) 所学校在学校名录内、已报送考勤，经核查无疑似辍学学生、无需纠错学籍，予以通报表扬："
                + schoolsAtTarget.map { $0.name.isEmpty ? $0.code : $0.name }.joined(separator: "、") + "。"
        }
        if !schoolsNotChecked.isEmpty {
            s += "另有 \(schoolsNotChecked.count) 所学校未核查（未报送考勤或不在学校名录），本期未发现问题但不予表扬："
                + schoolsNotChecked.map { "\($0.unit.name.isEmpty ? "学校名称未登记" : $0.unit.name)（\($0.why)）" }.joined(separator: "、") + "。"
        }
        return s
    }

    /// 整改要求: what is to be put right by the deadline, the records to correct being listed in `listedIn`.
    func rectification(listedIn: String) -> String {
        "请各镇街对失学辍学儿童逐人落实劝返复学，于 \(Self.dateTitle(deadline)) 前完成整改；各学校、公安派出所于同日前完成\(listedIn)所列学籍、户籍数据纠错；"
            + "外地就读儿童请核实去向并反馈。"
    }

    var criticism: String {
        let below = townsBelowTarget
        guard !below.isEmpty else { return "各镇街各项指标均达到目标。" }
        return "以下 \(below.count) 个镇街未达到目标（按排名，第 1 名最好，名次越后问题越多），予以通报批评，请于 \(Self.dateTitle(deadline)) 前完成整改，"
            + "并将整改情况书面报\(unit)："
    }
}
