import Foundation
import KCBXCore
import KCBXLedger
import KCBXReconcile
import KCBXSheets

/// 通报_YYYY年M月.xlsx: the bulletin as a document (通报: text, praise, criticism and deadline, 落款), then its
/// tables — indicators, towns, priority groups, comparison, records to correct, data sources — and native
/// charts. Counts and rates only: no personal data; Chinese only.
enum BulletinWorkbook {
    typealias Indicator = BulletinFigures.Indicator

    static let townColumns: [XLSXColumn] = [
        XLSXColumn("排名", .integer, width: 5), XLSXColumn("镇街", width: 11), XLSXColumn("户籍适龄儿童", .integer, width: 8),
        XLSXColumn("外地就读", .integer, width: 7), XLSXColumn("缓学免学", .integer, width: 7), XLSXColumn("应入学", .integer, width: 7),
        XLSXColumn("已入学", .integer, width: 7),
    ] + BulletinFigures.rates.map { XLSXColumn(shortTitle($0), .percent, width: 9) } + [
        XLSXColumn("失学辍学儿童（人）", .integer, width: 8), XLSXColumn("新增劝返案件（件）", .integer, width: 8),
        XLSXColumn("销号劝返案件（件）", .integer, width: 8), XLSXColumn("未销号劝返案件（件）", .integer, width: 8),
        XLSXColumn("失学辍学较上期（人）", width: 8), XLSXColumn("未达标指标", width: 28),
    ]

    /// A rate's title in a narrow column.
    static func shortTitle(_ i: Indicator) -> String {
        switch i {
        case .consolidation: "九年巩固率"
        case .disabledEnrolment: "残疾儿童少年入学率"
        case .hardshipConsolidation: "家庭经济困难巩固率"
        default: i.title
        }
    }

    static func percent(_ v: Double?) -> XLSXCell { v.map(XLSXCell.percent) ?? .text("—") }

    /// The column of each indicator in the 分镇街 sheet, and the column naming the missed ones.
    static let indicatorColumn: [Indicator: Int] = {
        var m: [Indicator: Int] = [:]
        for (k, i) in BulletinFigures.rates.enumerated() { m[i] = 7 + k }
        m[.openCases] = 7 + BulletinFigures.rates.count + 3
        return m
    }()
    static let shortfallColumn = 7 + BulletinFigures.rates.count + 5

    /// The cells of a 分镇街 row to mark: each indicator below its target, and the list of them.
    static func alerts(_ a: BulletinFigures.Area, _ f: BulletinFigures) -> Set<Int> {
        let missed = f.shortfalls(a)
        return Set(missed.compactMap { indicatorColumn[$0] } + (missed.isEmpty ? [] : [shortfallColumn]))
    }

    /// A town's (or the district's) row of the 分镇街 sheet.
    static func townRow(_ a: BulletinFigures.Area, _ f: BulletinFigures) -> [XLSXCell] {
        let c = a.counts
        return [a.rank.map(XLSXCell.integer) ?? .text(a.name == f.districtName ? "合计" : ""), .text(a.name), .integer(c.schoolAge),
                .integer(c.elsewhere), .integer(c.deferred), .integer(c.due), .integer(c.enrolled)]
            + BulletinFigures.rates.map { percent(a.value($0)) }
            + [.integer(a.outOfSchool), .integer(a.cases.opened), .integer(a.cases.closed), .integer(a.cases.open),
               .text(f.outOfSchoolChange(a)), .text(f.shortfalls(a).map(\.title).joined(separator: "、"))]
    }

    static func write(_ f: BulletinFigures, to url: URL) throws(KCBXError) {
        let book = try XLSXWorkbook(url: url)
        try document(f, book)
        try indicators(f, book)
        let townSheet = try towns(f, book)
        try groups(f, book)
        try comparison(f, book)
        try units(f, book)
        try findings(f, book)
        try trend(f, book)
        let sources = try book.addSheet("数据来源", columns: [XLSXColumn("部门", width: 12), XLSXColumn("数据名称", width: 16),
                                                          XLSXColumn("文件", width: 24), XLSXColumn("数据期次或接收日期", width: 26),
                                                          XLSXColumn("读入行数", .integer, width: 10), XLSXColumn("采用行数", .integer, width: 10)],
                                        title: "数据来源（\(BulletinFigures.sourceDateNote)）")
        for s in f.sources {
            try sources.append([.text(s.department), .text(s.name), .text(s.file), .text(s.dateText), .integer(s.rows), .integer(s.accepted)])
        }
        let defs = try book.addSheet("口径说明", columns: [XLSXColumn("名词", width: 18), XLSXColumn("口径", width: 100)], title: "统计口径")
        for (term, text) in f.definitions { try defs.append([.text(term), .text(text)]) }
        try chart(f, book, on: townSheet)
        try book.close()
    }

    /// 通报: the document itself, as a leader reads it: unit and date, the text, praise, criticism with
    /// the deadline, and the 落款.
    static func document(_ f: BulletinFigures, _ book: XLSXWorkbook) throws(KCBXError) {
        let sheet = try book.addSheet("通报", columns: [XLSXColumn("项目", width: 14), XLSXColumn("内容", width: 96)], title: f.title)
        try sheet.append([.text("发文单位"), .text(f.unit)])
        try sheet.append([.text("发文日期"), .text(BulletinFigures.dateTitle(f.asOf))])
        try sheet.append([.text("核查基准日"), .text("\(BulletinFigures.dateTitle(f.asOf))（期间 \(BulletinFigures.periodTitle(f.period))）")])
        for (k, p) in f.paragraphs(.workbook).enumerated() { try sheet.append([.text(k == 0 ? "一、总体情况" : ""), .text(p)]) }
        try sheet.append([.text("二、通报表扬"), .text(f.praise)])
        let below = f.townsBelowTarget
        try sheet.append([.text("三、通报批评"), .text(below.isEmpty ? f.criticism : f.criticism.dropLast() + "（各项目标见“主要指标”工作表）：")],
                         alerts: below.isEmpty ? [] : [1])
        for t in below {
            try sheet.append([.text("排名第 \(t.rank ?? 0) 名"), .text("\(t.name)（\(f.rankWords(t))）：" + f.missedLine(t, targets: false))])
        }
        try sheet.append([.text("四、整改要求"), .text(f.rectification(listedIn: "“学校数据纠错”“派出所数据纠错”工作表"))])
        try sheet.append([.text("落款"), .text(f.signature)])
        try sheet.append([.text(""), .text(BulletinFigures.dateTitle(f.asOf))])
        try sheet.append([.text("附件"), .text("主要指标、分镇街情况、重点群体、与上期及去年同期比较、学校及派出所数据纠错、问题分类、案件趋势、数据来源、统计口径，见本工作簿其他工作表。")])
    }

    /// 主要指标: each indicator of the district with its target, numerator and denominator.
    static func indicators(_ f: BulletinFigures, _ book: XLSXWorkbook) throws(KCBXError) {
        let sheet = try book.addSheet("主要指标", columns: [XLSXColumn("指标", width: 24), XLSXColumn(f.whole, .percent, width: 10),
                                                          XLSXColumn("目标", width: 16), XLSXColumn("达标情况", width: 9),
                                                          XLSXColumn("分子", .integer, width: 9), XLSXColumn("分母", .integer, width: 9),
                                                          XLSXColumn("分子、分母", width: 52)],
                                      title: "\(f.title)：主要指标")
        let d = f.district, c = d.counts
        for i in Indicator.allCases {
            let v = d.value(i), missed = f.shortfalls(d).contains(i)
            let fraction = i.fraction(c)
            try sheet.append([.text(i.title), i.isRate ? percent(v) : .text(BulletinFigures.valueText(i, v)),
                              .text(BulletinFigures.targetText(i, f.targets)), .text(v == nil ? "—" : missed ? "未达标" : "达标"),
                              fraction.map { .integer($0.part) } ?? .empty, fraction.map { .integer($0.whole) } ?? .empty,
                              .text(fractionWords(i))], alerts: missed ? [1, 3] : [])
        }
    }

    /// What a rate's numerator and denominator are, in words.
    static func fractionWords(_ i: Indicator) -> String {
        switch i {
        case .primaryNet: "小学年龄应入学儿童中在小学就读者 ÷ 小学年龄应入学儿童"
        case .primaryGross: "小学各年级在校生 ÷ 小学年龄应入学儿童"
        case .juniorNet: "初中年龄应入学儿童中在初中就读者 ÷ 初中年龄应入学儿童"
        case .juniorGross: "初中各年级在校生 ÷ 初中年龄应入学儿童"
        case .primaryConsolidation: "小学年龄组仍在校者 ÷ 小学年龄组有学籍者"
        case .juniorConsolidation: "初中年龄组仍在校者 ÷ 初中年龄组有学籍者"
        case .consolidation: "适龄学生仍在校者 ÷ 适龄儿童中有学籍者"
        case .disabledEnrolment: "有学籍的适龄残疾儿童 ÷ 适龄残疾儿童"
        case .hardshipConsolidation: "家庭经济困难学生仍在校者 ÷ 其中有学籍者"
        case .openCases: "应入未入、疑似辍学、残疾儿童未安置的未销号案件"
        }
    }

    /// 分镇街: every town in rank order, the district's total, and the rates chart with target lines.
    static func towns(_ f: BulletinFigures, _ book: XLSXWorkbook) throws(KCBXError) -> XLSXSheet {
        let sheet = try book.addSheet("分镇街", columns: townColumns, title: "\(f.title)：分镇街情况（按排名，第 1 名最好；未达标指标标红）。\(BulletinFigures.casesNote(f))")
        for town in f.towns { try sheet.append(townRow(town, f), alerts: alerts(town, f)) }
        try sheet.append(townRow(f.district, f), alerts: alerts(f.district, f))
        return sheet
    }

    /// The rates chart on the 分镇街 sheet, over a last sheet of its data with the targets (dashed lines).
    static func chart(_ f: BulletinFigures, _ book: XLSXWorkbook, on sheet: XLSXSheet) throws(KCBXError) {
        // The chart's data: the rates again, with each target repeated per town (the dashed lines).
        let charted: [Indicator] = [.primaryNet, .juniorNet, .consolidation]
        let data = try book.addSheet("图表数据", columns: [XLSXColumn("镇街", width: 11)] + charted.map { XLSXColumn($0.title, .percent, width: 12) }
                                     + charted.map { XLSXColumn("\($0.title)目标", .percent, width: 14) },
                                     title: "分镇街图表的数据（目标为虚线）")
        for t in f.towns {
            try data.append([.text(t.name)] + charted.map { percent(t.value($0)) } + charted.map { .percent($0.target(f.targets)) })
        }
        let first = data.headerRow + 1, last = first + max(f.towns.count, 1) - 1
        let values = f.towns.flatMap { t in charted.compactMap { t.value($0) } } + charted.map { $0.target(f.targets) }
        try sheet.insertChart(.ratesAgainstTargets(title: "各镇街小学、初中净入学率和九年义务教育巩固率（虚线为目标）",
                                                   categories: range("图表数据", 0, first, last),
                                                   series: charted.enumerated().map { ($1.title, range("图表数据", 1 + $0, first, last)) },
                                                   targets: charted.enumerated().map { ("\($1.title)目标", range("图表数据", 1 + charted.count + $0, first, last)) },
                                                   values: values, xTitle: "镇街"),
                              row: sheet.lastDataRow + 2, column: 1, width: 980, height: 420)
    }

    static func range(_ sheet: String, _ c: Int, _ r0: Int, _ r1: Int) -> XLSXRange {
        XLSXRange(sheet: sheet, firstRow: r0, firstColumn: c, lastRow: r1, lastColumn: c)
    }

    /// 重点群体: each priority group of the district.
    static func groups(_ f: BulletinFigures, _ book: XLSXWorkbook) throws(KCBXError) {
        let sheet = try book.addSheet("重点群体", columns: [XLSXColumn("重点群体", width: 18), XLSXColumn("适龄儿童", .integer, width: 9),
                                                          XLSXColumn("外地就读", .integer, width: 9), XLSXColumn("缓学免学", .integer, width: 9),
                                                          XLSXColumn("应入学", .integer, width: 9), XLSXColumn("已入学", .integer, width: 9),
                                                          XLSXColumn("入学率", .percent, width: 9), XLSXColumn("目标", width: 8),
                                                          XLSXColumn("未入学", .integer, width: 9), XLSXColumn("其中疑似辍学", .integer, width: 12)],
                                      title: "\(f.title)：重点群体适龄儿童入学情况（一名儿童可属多个群体）")
        for g in PriorityGroup.allCases {
            let c = f.district.counts.groups[g] ?? .init(), rate = BulletinFigures.rate(c.enrolled, c.due)
            let missed = rate.map { $0 < f.targets.priorityEnrolment - 1e-9 } ?? false
            try sheet.append([.text(g.title), .integer(c.children), .integer(c.elsewhere), .integer(c.deferred), .integer(c.due),
                              .integer(c.enrolled), percent(rate), .text(BulletinFigures.rateTarget(f.targets.priorityEnrolment)),
                              .integer(c.due - c.enrolled), .integer(c.suspectedDropouts)], alerts: missed ? [6] : [])
        }
    }

    /// 比较: the district's figures now, at the last bulletin and a year before.
    static func comparison(_ f: BulletinFigures, _ book: XLSXWorkbook) throws(KCBXError) {
        let heads = f.comparisonHeads
        let sheet = try book.addSheet("与上期和去年同期比较", columns: [XLSXColumn(heads[0], width: 26)] + heads.dropFirst().map { XLSXColumn($0, width: 18) },
                                      title: "\(f.title)：与上期和去年同期比较（无通报数据的期间记为“—”）")
        for r in f.comparisonRows {
            try sheet.append([.text(r.title), .text(r.now), .text(r.previous), .text(r.previousChange), .text(r.lastYear), .text(r.lastYearChange)])
        }
    }

    /// 数据纠错: records to correct per school and per police station (by the town of the hukou record).
    static func units(_ f: BulletinFigures, _ book: XLSXWorkbook) throws(KCBXError) {
        let schools = try book.addSheet("学校数据纠错", columns: [XLSXColumn("序号", .integer, width: 6), XLSXColumn("学校", width: 24),
                                                             XLSXColumn("学校标识码", width: 12), XLSXColumn("所在镇街", width: 11),
                                                             XLSXColumn("在校生", .integer, width: 8)]
                                        + BulletinFigures.schoolCodes.map { XLSXColumn($0.title + "（条）", .integer, width: 10) }
                                        + [XLSXColumn("合计（条）", .integer, width: 8), XLSXColumn("疑似辍学（人）", .integer, width: 9)],
                                        title: "\(f.title)：学校学籍数据纠错（不计入镇街；每条学籍记录计 1 条，与各校学籍纠错清单和按学校汇总一致）")
        for (k, s) in f.schools.enumerated() {
            try schools.append([.integer(k + 1), .text(s.name), .text(s.code), .text(s.town), .integer(s.pupils)]
                               + BulletinFigures.schoolCodes.map { .integer(s.records[$0] ?? 0) } + [.integer(s.recordsTotal), .integer(s.suspectedDropouts)])
        }
        let police = try book.addSheet("派出所数据纠错", columns: [XLSXColumn("序号", .integer, width: 6), XLSXColumn("户籍所在镇街（派出所）", width: 22)]
                                       + BulletinFigures.policeCodes.map { XLSXColumn($0.title + "（人）", .integer, width: 11) } + [XLSXColumn("合计（人）", .integer, width: 8)],
                                       title: "\(f.title)：公安户籍数据纠错（不计入镇街；按儿童计人，户籍重复的派出所核查表每处户籍一行）")
        for (k, p) in f.police.enumerated() {
            try police.append([.integer(k + 1), .text(p.name)] + BulletinFigures.policeCodes.map { .integer(p.records[$0] ?? 0) } + [.integer(p.recordsTotal)])
        }
    }

    /// 问题分类: findings by type, district and towns, with the bar chart.
    static func findings(_ f: BulletinFigures, _ book: XLSXWorkbook) throws(KCBXError) {
        let codes = try book.addSheet("问题分类", columns: [XLSXColumn("问题类型", width: 16), XLSXColumn("处理", width: 18),
                                                          XLSXColumn(f.whole, .integer, width: 8)]
                                      + f.towns.map { XLSXColumn($0.name, .integer, width: 10) },
                                      title: "\(f.title)：问题分类统计（本次比对发现，人）")
        for code in FindingCode.allCases {
            let handling = switch code.descriptor.actor {
            case .town: code.descriptor.countsAgainstTown ? "镇街劝返" : "跟踪（不计入镇街）"
            case .school: "学校纠错"
            case .police: "派出所纠错"
            }
            try codes.append([.text(code.title), .text(handling), .integer(f.district.findings[code] ?? 0)]
                             + f.towns.map { .integer($0.findings[code] ?? 0) })
        }
        let c0 = codes.headerRow + 1, c1 = c0 + FindingCode.allCases.count - 1
        try codes.insertChart(.counts(.bar, title: "\(f.whole)各类问题人数", categories: range("问题分类", 0, c0, c1),
                                      series: [(f.whole, range("问题分类", 2, c0, c1))], largest: f.district.findings.values.max() ?? 0, yTitle: "人数"),
                              row: c1 + 3, column: 0, width: 720, height: 400)
    }

    /// 案件趋势: open cases (劝返 and 纠错) at the end of each of the last 12 periods.
    static func trend(_ f: BulletinFigures, _ book: XLSXWorkbook) throws(KCBXError) {
        let trend = try book.addSheet("案件趋势", columns: [XLSXColumn("期间", width: 12), XLSXColumn("期末未销号案件（件）", .integer, width: 16),
                                                           XLSXColumn("当期通报所列（件）", width: 16)],
                                      title: "近 12 期期末未销号案件数：\(BulletinFigures.trendNote)；无当期通报数据的记为“—”")
        for p in f.openByPeriod {
            let issued = f.openAsIssued(at: p.period).map(XLSXCell.integer) ?? .text("—")
            try trend.append([.text(BulletinFigures.periodTitle(p.period)), .integer(p.open), issued])
        }
        guard !f.openByPeriod.isEmpty else { return }
        let t0 = trend.headerRow + 1, t1 = t0 + f.openByPeriod.count - 1
        try trend.insertChart(.counts(.line, title: "期末未销号案件（近 12 期）", categories: range("案件趋势", 0, t0, t1),
                                      series: [("期末未销号案件", range("案件趋势", 1, t0, t1))], largest: f.openByPeriod.map(\.open).max() ?? 0,
                                      xTitle: "期间", yTitle: "件"),
                              row: 1, column: 4, width: 640, height: 320)
    }
}
