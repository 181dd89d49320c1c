import Foundation
import KCBXCore
import KCBXReconcile
import KCBXSheets

/// 通报_YYYY年M月.xlsx: the bulletin's figures with native charts (rates by town, findings by code, open
/// cases over the last 12 periods). Counts and rates only: no personal data.
enum BulletinWorkbook {
    typealias Indicator = BulletinFigures.Indicator

    static let townColumns: [XLSXColumn] = [
        XLSXColumn("排名", .integer, width: 6), XLSXColumn("镇街", width: 12), XLSXColumn("适龄儿童", .integer, width: 9),
        XLSXColumn("在校", .integer, width: 8), XLSXColumn("小学适龄", .integer, width: 9), XLSXColumn("小学在校", .integer, width: 9),
        XLSXColumn("小学入学率", .percent, width: 10), XLSXColumn("初中适龄", .integer, width: 9), XLSXColumn("初中在校", .integer, width: 9),
        XLSXColumn("初中入学率", .percent, width: 10), XLSXColumn("巩固率", .percent, width: 9),
        XLSXColumn("残疾儿童", .integer, width: 9), XLSXColumn("已安置", .integer, width: 8), XLSXColumn("安置率", .percent, width: 9),
        XLSXColumn("问题总数", .integer, width: 9), XLSXColumn("重点群体", .integer, width: 9),
        XLSXColumn("新增案件", .integer, width: 9), XLSXColumn("销号案件", .integer, width: 9), XLSXColumn("期末未销号", .integer, width: 10),
        XLSXColumn("未达标指标", width: 30),
    ]

    static func percent(_ v: Double?) -> XLSXCell { v.map(XLSXCell.percent) ?? .text("—") }

    /// The column of each indicator in the 分镇街 sheet, and the column naming the missed ones.
    static let indicatorColumn: [Indicator: Int] = [.primaryEnrolment: 6, .juniorEnrolment: 9, .consolidation: 10,
                                                    .disabledPlacement: 13, .priorityChildren: 15, .openCases: 18]
    static let shortfallColumn = 19

    /// The cells of a 分镇街 row to mark: each indicator below its target, and the list of them.
    static func alerts(_ a: BulletinFigures.Area, _ f: BulletinFigures) -> Set<Int> {
        let missed = f.shortfalls(a)
        return Set(missed.compactMap { indicatorColumn[$0] } + (missed.isEmpty ? [] : [shortfallColumn]))
    }

    /// A town's (or the district's) row of the 分镇街 sheet.
    static func townRow(_ a: BulletinFigures.Area, _ f: BulletinFigures) -> [XLSXCell] {
        let c = a.counts
        return [a.rank.map(XLSXCell.integer) ?? .text(""), .text(a.name), .integer(c.schoolAge), .integer(c.enrolled),
                .integer(c.primaryAge), .integer(c.primaryEnrolled), percent(a.primaryRate), .integer(c.juniorAge),
                .integer(c.juniorEnrolled), percent(a.juniorRate), percent(a.consolidationRate), .integer(c.disabled),
                .integer(c.disabledPlaced), percent(a.placementRate), .integer(a.findingsTotal), .integer(a.priorityChildren),
                .integer(a.cases.opened), .integer(a.cases.closed), .integer(a.cases.open),
                .text(f.shortfalls(a).map(\.short).joined(separator: "、"))]
    }

    static func write(_ f: BulletinFigures, to url: URL) throws(KCBXError) {
        let book = try XLSXWorkbook(url: url)
        try overview(f, book)
        // 分镇街: the ranking, with the rates chart.
        let towns = try book.addSheet("分镇街", columns: townColumns, title: "\(f.title)：分镇街情况（按排名）")
        for town in f.towns { try towns.append(townRow(town, f), alerts: alerts(town, f)) }
        try towns.append(townRow(f.district, f), alerts: alerts(f.district, f))
        let first = towns.headerRow + 1, last = first + max(f.towns.count, 1) - 1
        func col(_ sheet: String, _ c: Int, _ r0: Int, _ r1: Int) -> XLSXRange {
            XLSXRange(sheet: sheet, firstRow: r0, firstColumn: c, lastRow: r1, lastColumn: c)
        }
        let rateSeries: [(name: String, values: XLSXRange)] = [Indicator.primaryEnrolment, .juniorEnrolment, .consolidation].map {
            ($0.short, col("分镇街", indicatorColumn[$0] ?? 0, first, last))
        }
        try towns.insertChart(.rates(title: "各镇街入学率与巩固率", categories: col("分镇街", 1, first, last), series: rateSeries, xTitle: "镇街"),
                              row: last + 3, column: 1, width: 900, height: 380)
        // 问题分类: findings by code, district and towns, with the bar chart.
        let codes = try book.addSheet("问题分类", columns: [XLSXColumn("问题代码", width: 22), XLSXColumn("问题类型", width: 16),
                                                          XLSXColumn("全区", .integer, width: 8)]
                                      + f.towns.map { XLSXColumn($0.name, .integer, width: 10) },
                                      title: "\(f.title)：问题分类统计（人）")
        for code in FindingCode.allCases {
            try codes.append([.text(code.rawValue), .text(code.title), .integer(f.district.findings[code] ?? 0)]
                             + f.towns.map { .integer($0.findings[code] ?? 0) })
        }
        let c0 = codes.headerRow + 1, c1 = c0 + FindingCode.allCases.count - 1
        try codes.insertChart(.counts(.bar, title: "全区各类问题人数", categories: col("问题分类", 1, c0, c1),
                                      series: [("全区", col("问题分类", 2, c0, c1))], largest: f.district.findings.values.max() ?? 0, yTitle: "人数"),
                              row: c1 + 3, column: 1, width: 720, height: 400)
        // 案件趋势: open cases at the end of each of the last 12 periods.
        let trend = try book.addSheet("案件趋势", columns: [XLSXColumn("期间", width: 10), XLSXColumn("期末未销号案件", .integer, width: 16)],
                                      title: "近 12 期期末未销号案件数")
        for p in f.openByPeriod { try trend.append([.text(p.period), .integer(p.open)]) }
        if !f.openByPeriod.isEmpty {
            let t0 = trend.headerRow + 1, t1 = t0 + f.openByPeriod.count - 1
            try trend.insertChart(.counts(.line, title: "期末未销号案件（近 12 期）", categories: col("案件趋势", 0, t0, t1),
                                          series: [("期末未销号案件", col("案件趋势", 1, t0, t1))], largest: f.openByPeriod.map(\.open).max() ?? 0,
                                          xTitle: "期间", yTitle: "件"),
                                  row: 1, column: 3, width: 640, height: 320)
        }
        let defs = try book.addSheet("口径说明", columns: [XLSXColumn("名词", width: 16), XLSXColumn("口径", width: 110)],
                                     title: "统计口径")
        for (term, text) in f.definitions { try defs.append([.text(term), .text(text)]) }
        try book.close()
    }

    /// 通报: the district's figures against their targets, then the towns below target.
    static func overview(_ f: BulletinFigures, _ book: XLSXWorkbook) throws(KCBXError) {
        let sheet = try book.addSheet("通报", columns: [XLSXColumn("指标", width: 26), XLSXColumn("全区", .number, width: 12),
                                                        XLSXColumn("目标", .number, width: 10), XLSXColumn("达标情况", width: 10),
                                                        XLSXColumn("说明", width: 60)],
                                      title: "\(f.title)（核查基准日 \(f.asOf)）")
        let d = f.district, c = d.counts
        func indicator(_ i: Indicator, _ note: String) throws(KCBXError) {
            let v = BulletinFigures.value(i, d), t = BulletinFigures.target(i, f.targets)
            let missed = f.shortfalls(d).contains(i)
            let value: XLSXCell = BulletinFigures.isRate(i) ? percent(v) : .integer(Int(v ?? 0))
            let target: XLSXCell = BulletinFigures.isRate(i) ? .percent(t) : .integer(Int(t))
            try sheet.append([.text(i.title), value, target, .text(v == nil ? "—" : missed ? "未达标" : "达标"), .text(note)],
                             alerts: missed ? [1, 3] : [])
        }
        func count(_ title: String, _ n: Int, _ note: String = "") throws(KCBXError) {
            try sheet.append([.text(title), .integer(n), .empty, .empty, .text(note)])
        }
        try count("适龄儿童（人）", c.schoolAge, "出生于 \(f.cohort.lowerBound) 至 \(f.cohort.upperBound)")
        try count("其中在校（人）", c.enrolled)
        try count("小学学段适龄儿童（人）", c.primaryAge)
        try count("小学学段在校（人）", c.primaryEnrolled)
        try indicator(.primaryEnrolment, "")
        try count("初中学段适龄儿童（人）", c.juniorAge)
        try count("初中学段在校（人）", c.juniorEnrolled)
        try indicator(.juniorEnrolment, "")
        try indicator(.consolidation, "在校 \(c.retained) 人，辍学及疑似辍学 \(c.dropouts) 人")
        try count("学龄段残疾儿童（人）", c.disabled)
        try count("其中已安置（人）", c.disabledPlaced)
        try indicator(.disabledPlacement, "")
        for code in FindingCode.allCases {
            try count("\(code.title)（人）", d.findings[code] ?? 0, f.notChecked.contains(code) ? "缺少所需数据，未核查" : "")
        }
        try indicator(.priorityChildren, "重点群体目标 100% 入学")
        try count("新增案件（件）", d.cases.opened, f.since.map { "自 \($0) 通报以来" } ?? "自台账建立以来")
        try count("销号案件（件）", d.cases.closed, f.since.map { "自 \($0) 通报以来" } ?? "自台账建立以来")
        try indicator(.openCases, "台账清零")
        let below = f.townsBelowTarget
        try sheet.append([.text("未达标镇街（个）"), .integer(below.count), .integer(0), .text(below.isEmpty ? "达标" : "未达标"),
                          .text(below.isEmpty ? "无" : "见下，按排名")], alerts: below.isEmpty ? [] : [1, 3])
        for town in below {
            try sheet.append([.text("　第 \(town.rank ?? 0) 名　" + town.name), .empty, .empty, .text("未达标"),
                              .text(f.shortfalls(town).map(\.short).joined(separator: "、"))], alerts: [3])
        }
    }
}
