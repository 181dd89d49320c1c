import Foundation
import KCBXCore
import KCBXLedger
import KCBXReconcile
import KCBXSheets

/// 通报_YYYY年M月.html: the bulletin as one self-contained document (inline CSS and SVG charts, no script,
/// no network), laid out to print on A4 with a CJK font stack: issuing unit and date, text, tables of every
/// town, praise and criticism with the deadline, 落款. Counts and rates only: no personal data.
enum BulletinHTML {
    typealias Indicator = BulletinFigures.Indicator

    static func write(_ f: BulletinFigures, to url: URL) throws(KCBXError) {
        do { try Data(render(f).utf8).write(to: url) } catch {
            throw KCBXError(.runFailed, "cannot write \(url.lastPathComponent): \(error.localizedDescription)", file: url.path)
        }
    }

    static let palette = ["#2f5597", "#c55a11", "#548235", "#7f6000"]

    static let style = """
    @page { size: A4 portrait; margin: 16mm 14mm 16mm 14mm; }
    * { box-sizing: border-box; }
    body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Noto Serif CJK SC", "Microsoft YaHei", "PingFang SC",
           "SimSun", "WenQuanYi Micro Hei", sans-serif; font-size: 10.5pt; color: #111; margin: 0 auto; max-width: 182mm; line-height: 1.6; }
    .unit { text-align: center; color: #c00000; font-size: 20pt; font-weight: bold; letter-spacing: 2px; margin-top: 4mm; }
    .rule { border-top: 2px solid #c00000; margin: 2mm 0 4mm; }
    h1 { font-size: 16pt; text-align: center; margin: 2mm 0 2mm; }
    .sub { text-align: center; color: #444; margin-bottom: 5mm; font-size: 9.5pt; }
    h2 { font-size: 12.5pt; margin: 6mm 0 2mm; break-after: avoid; }
    p { text-indent: 2em; margin: 1.5mm 0; text-align: justify; }
    p.note { text-indent: 0; font-size: 9pt; color: #333; }
    table { border-collapse: collapse; width: 100%; margin: 2mm 0 3mm; font-size: 8.5pt; }
    thead { display: table-header-group; }
    tr { break-inside: avoid; }
    th, td { border: 1px solid #888; padding: 1px 3px; text-align: right; white-space: nowrap; }
    th { background: #dde4f0; text-align: center; white-space: normal; }
    td.l, th.l { text-align: left; white-space: normal; }
    td.town { white-space: nowrap; }
    tr.total td { font-weight: bold; background: #f2f2f2; }
    .miss, tr.total td.miss { color: #9c0006; background: #ffc7ce; font-weight: bold; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    figure { margin: 2mm 0 4mm; break-inside: avoid; }
    figcaption { text-align: center; font-size: 9pt; color: #333; }
    svg { width: 100%; height: auto; }
    .sign { text-align: right; margin: 8mm 0 4mm; line-height: 2; }
    h2.annex { break-before: page; }
    .close { break-inside: avoid; }
    dl { font-size: 9pt; } dt { font-weight: bold; } dd { margin: 0 0 1.5mm 2em; }
    """

    static func render(_ f: BulletinFigures) -> String {
        var h = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>\(esc(f.title))</title>\n<style>\n\(style)\n</style>\n</head>\n<body>\n"
        h += "<div class=\"unit\">\(esc(f.unit))</div>\n<div class=\"rule\"></div>\n"
        h += "<h1>\(esc(f.title))</h1>\n<div class=\"sub\">\(esc(f.unit)) · \(BulletinFigures.dateTitle(f.asOf)) · 核查基准日 \(f.asOf)</div>\n"
        h += "<h2>一、总体情况</h2>\n" + f.paragraphs(.html).map { "<p>\(esc($0))</p>\n" }.joined()
        h += "<h2>二、主要指标</h2>\n" + indicatorTable(f)
        h += "<h2>三、各镇街情况</h2>\n<p class=\"note\">按排名排列，共 \(f.towns.count) 个镇街；红色为未达到目标的指标。</p>\n"
        h += enrolmentTable(f) + consolidationTable(f)
        for (k, i) in [Indicator.primaryNet, .juniorNet, .consolidation].enumerated() {
            h += figure(rateChart(f, i), "图\(k + 1) 各镇街\(i.title)（虚线为目标 \(BulletinFigures.targetText(i, f.targets))；纵轴不从 0 开始）")
        }
        h += "<h2>四、重点群体</h2>\n" + groupTable(f)
        h += "<h2>五、与上期和去年同期比较</h2>\n" + comparisonTable(f)
        h += "<h2>六、通报表扬</h2>\n<p>\(esc(f.praise))</p>\n"
        h += "<h2>七、通报批评和整改要求</h2>\n<p>\(esc(f.criticism))</p>\n"
        let below = f.townsBelowTarget
        if !below.isEmpty {
            h += "<table>\n<thead><tr><th>排名（名次越后问题越多）</th><th class=\"l\">镇街</th><th class=\"l\">未达标指标</th></tr></thead>\n<tbody>\n"
            for t in below {
                h += "<tr><td>\(t.rank ?? 0)</td><td class=\"l town\">\(esc(t.name))</td><td class=\"l\">\(esc(f.missedLine(t)))</td></tr>\n"
            }
            h += "</tbody>\n</table>\n"
        }
        // The last paragraph and the 落款 stay together: a 落款 never stands alone on a page.
        h += "<div class=\"close\">\n<p>\(esc(f.rectification(listedIn: "附件1")))</p>\n"
        h += "<div class=\"sign\">\(esc(f.signature))<br>\(BulletinFigures.dateTitle(f.asOf))</div>\n</div>\n"
        h += "<h2 class=\"annex\">附件1　数据纠错（不计入镇街）</h2>\n" + unitTables(f)
        h += "<h2>附件2　问题分类和案件趋势</h2>\n" + findingTable(f)
        h += figure(findingChart(f), "图4 \(f.whole)各类问题人数")
        h += "<p>\(esc(f.since.map { "自上期通报（\(BulletinFigures.periodTitle($0))）以来" } ?? "自台账建立以来"))，台账（劝返和纠错案件）新增 \(f.ledger.opened) 件，销号 \(f.ledger.closed) 件，期末未销号 \(f.ledger.open) 件。</p>\n"
        if !f.openByPeriod.isEmpty {
            h += figure(trendChart(f), "图5 近 12 期期末未销号案件数（\(BulletinFigures.trendNote)）")
            let differ = f.trendDifferences
            if !differ.isEmpty { h += "<p>与当期通报不同的期间：\(esc(differ.joined(separator: "；")))。</p>\n" }
        }
        h += "<h2>附件3　数据来源</h2>\n" + sourceTable(f)
        h += "<h2>附件4　统计口径</h2>\n<dl>\n"
        for (term, text) in f.definitions { h += "<dt>\(esc(term))</dt><dd>\(esc(text))</dd>\n" }
        h += "</dl>\n</body>\n</html>\n"
        return h
    }

    // MARK: tables

    static func cell(_ text: String, missed: Bool) -> String { missed ? "<td class=\"miss\">\(text)</td>" : "<td>\(text)</td>" }

    static func indicatorTable(_ f: BulletinFigures) -> String {
        let d = f.district
        var h = "<table>\n<thead><tr><th class=\"l\">指标</th><th>\(esc(f.whole))</th><th>目标</th><th>达标情况</th><th>分子</th><th>分母</th></tr></thead>\n<tbody>\n"
        for i in Indicator.allCases {
            let v = d.value(i), missed = f.shortfalls(d).contains(i), fraction = i.fraction(d.counts)
            h += "<tr><td class=\"l\">\(esc(i.title))</td>" + cell(BulletinFigures.valueText(i, v), missed: missed)
                + "<td>\(esc(BulletinFigures.targetText(i, f.targets)))</td>" + cell(v == nil ? "—" : missed ? "未达标" : "达标", missed: missed)
                + "<td>\(fraction.map { String($0.part) } ?? "")</td><td>\(fraction.map { String($0.whole) } ?? "")</td></tr>\n"
        }
        return h + "</tbody>\n</table>\n"
    }

    /// 入学: every town, then the district.
    static func enrolmentTable(_ f: BulletinFigures) -> String {
        let rates: [Indicator] = [.primaryNet, .primaryGross, .juniorNet, .juniorGross]
        var h = "<table>\n<thead><tr><th>排名</th><th class=\"l\">镇街</th><th>户籍适龄<br>儿童</th><th>外地<br>就读</th><th>缓学<br>免学</th><th>应入学</th><th>已入学</th>"
        h += rates.map { "<th>\($0.title.replacingOccurrences(of: "入学率", with: "<br>入学率"))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for a in f.towns + [f.district] {
            let c = a.counts, missed = Set(f.shortfalls(a))
            h += "<tr\(a.rank == nil && a.name == f.districtName ? " class=\"total\"" : "")><td>\(a.rank.map(String.init) ?? "")</td><td class=\"l\">\(esc(a.name == f.districtName ? "合计" : a.name))</td>"
            h += "<td>\(c.schoolAge)</td><td>\(c.elsewhere)</td><td>\(c.deferred)</td><td>\(c.due)</td><td>\(c.enrolled)</td>"
            h += rates.map { cell(BulletinFigures.percent(a.value($0)), missed: missed.contains($0)) }.joined() + "</tr>\n"
        }
        return h + "</tbody>\n</table>\n"
    }

    /// 巩固和劝返: every town, then the district.
    static func consolidationTable(_ f: BulletinFigures) -> String {
        let rates: [Indicator] = [.primaryConsolidation, .juniorConsolidation, .consolidation, .disabledEnrolment, .hardshipConsolidation]
        let heads = ["小学<br>巩固率", "初中<br>巩固率", "九年<br>巩固率", "残疾儿童少年<br>入学率", "家庭经济困难<br>学生子女巩固率"]
        var h = "<table>\n<thead><tr><th>排名</th><th class=\"l\">镇街</th>" + heads.map { "<th>\($0)</th>" }.joined()
        h += "<th>失学辍学<br>儿童（人）</th><th>新增<br>劝返案件（件）</th><th>销号<br>劝返案件（件）</th><th>未销号<br>劝返案件（件）</th><th>失学辍学<br>较上期（人）</th></tr></thead>\n<tbody>\n"
        for a in f.towns + [f.district] {
            let missed = Set(f.shortfalls(a))
            h += "<tr\(a.rank == nil && a.name == f.districtName ? " class=\"total\"" : "")><td>\(a.rank.map(String.init) ?? "")</td><td class=\"l\">\(esc(a.name == f.districtName ? "合计" : a.name))</td>"
            h += rates.map { cell(BulletinFigures.percent(a.value($0)), missed: missed.contains($0)) }.joined()
            h += "<td>\(a.outOfSchool)</td><td>\(a.cases.opened)</td><td>\(a.cases.closed)</td>" + cell(String(a.cases.open), missed: missed.contains(.openCases))
                + "<td>\(f.outOfSchoolChange(a))</td></tr>\n"
        }
        return h + "</tbody>\n</table>\n<p class=\"note\">\(esc(BulletinFigures.casesNote(f)))</p>\n"
    }

    static func groupTable(_ f: BulletinFigures) -> String {
        var h = "<table>\n<thead><tr><th class=\"l\">重点群体</th><th>适龄儿童</th><th>外地就读</th><th>缓学免学</th><th>应入学</th><th>已入学</th><th>入学率</th><th>未入学</th><th>其中<br>疑似辍学</th></tr></thead>\n<tbody>\n"
        for g in PriorityGroup.allCases {
            let c = f.district.counts.groups[g] ?? .init(), rate = BulletinFigures.rate(c.enrolled, c.due)
            let missed = rate.map { $0 < f.targets.priorityEnrolment - 1e-9 } ?? false
            h += "<tr><td class=\"l\">\(esc(g.title))</td><td>\(c.children)</td><td>\(c.elsewhere)</td><td>\(c.deferred)</td><td>\(c.due)</td><td>\(c.enrolled)</td>"
                + cell(BulletinFigures.percent(rate), missed: missed) + "<td>\(c.due - c.enrolled)</td><td>\(c.suspectedDropouts)</td></tr>\n"
        }
        return h + "</tbody>\n</table>\n<p class=\"note\">目标：各群体入学率 \(esc(BulletinFigures.rateTarget(f.targets.priorityEnrolment)))。一名儿童可属多个群体。</p>\n"
    }

    static func comparisonTable(_ f: BulletinFigures) -> String {
        var h = "<table>\n<thead><tr>" + f.comparisonHeads.enumerated().map { "<th\($0.offset == 0 ? " class=\"l\"" : "")>\(esc($0.element))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for r in f.comparisonRows {
            h += "<tr><td class=\"l\">\(esc(r.title))</td><td>\(r.now)</td><td>\(r.previous)</td><td>\(r.previousChange)</td><td>\(r.lastYear)</td><td>\(r.lastYearChange)</td></tr>\n"
        }
        return h + "</tbody>\n</table>\n"
    }

    static func unitTables(_ f: BulletinFigures) -> String {
        var h = "<p class=\"note\">学校学籍数据纠错（\(f.schools.count) 所学校，按纠错条数排列；每条学籍记录计 1 条，与各校学籍纠错清单和按学校汇总一致；疑似辍学为人数）：</p>\n"
        h += "<table>\n<thead><tr><th>序号</th><th class=\"l\">学校</th><th class=\"l\">所在镇街</th><th>在校生</th>"
            + BulletinFigures.schoolCodes.map { "<th>\(esc($0.title))（条）</th>" }.joined() + "<th>合计（条）</th><th>疑似辍学（人）</th></tr></thead>\n<tbody>\n"
        for (k, s) in f.schools.enumerated() {
            h += "<tr><td>\(k + 1)</td><td class=\"l\">\(esc(s.name.isEmpty ? s.code : s.name))</td><td class=\"l\">\(esc(s.town))</td><td>\(s.pupils)</td>"
                + BulletinFigures.schoolCodes.map { "<td>\(s.records[$0] ?? 0)</td>" }.joined() + "<td>\(s.recordsTotal)</td><td>\(s.suspectedDropouts)</td></tr>\n"
        }
        h += "</tbody>\n</table>\n<p class=\"note\">公安户籍数据纠错（按户籍所在镇街的派出所；按儿童计人，户籍重复一人有两处以上户籍记录，派出所核查表每处户籍一行）：</p>\n"
        h += "<table>\n<thead><tr><th>序号</th><th class=\"l\">户籍所在镇街（派出所）</th>" + BulletinFigures.policeCodes.map { "<th>\(esc($0.title))（人）</th>" }.joined() + "<th>合计（人）</th></tr></thead>\n<tbody>\n"
        for (k, p) in f.police.enumerated() {
            h += "<tr><td>\(k + 1)</td><td class=\"l\">\(esc(p.name))</td>" + BulletinFigures.policeCodes.map { "<td>\(p.records[$0] ?? 0)</td>" }.joined() + "<td>\(p.recordsTotal)</td></tr>\n"
        }
        return h + "</tbody>\n</table>\n"
    }

    /// Findings by type: the district and every town, the towns in two halves so the table fits A4.
    static func findingTable(_ f: BulletinFigures) -> String {
        var h = ""
        let halves = stride(from: 0, to: max(f.towns.count, 1), by: 7).map { Array(f.towns[$0..<min($0 + 7, f.towns.count)]) }
        for (k, towns) in halves.enumerated() {
            h += "<table>\n<thead><tr><th class=\"l\">问题类型（本次比对发现，人）</th>" + (k == 0 ? "<th>\(esc(f.whole))</th>" : "")
            for t in towns { h += "<th>\(esc(t.name))</th>" }
            h += "</tr></thead>\n<tbody>\n"
            for code in FindingCode.allCases {
                h += "<tr><td class=\"l\">\(esc(code.title))\(f.notChecked.contains(code) ? "（未核查）" : "")</td>" + (k == 0 ? "<td>\(f.district.findings[code] ?? 0)</td>" : "")
                for t in towns { h += "<td>\(t.findings[code] ?? 0)</td>" }
                h += "</tr>\n"
            }
            h += "</tbody>\n</table>\n"
        }
        return h
    }

    static func sourceTable(_ f: BulletinFigures) -> String {
        var h = "<table>\n<thead><tr><th class=\"l\">部门</th><th class=\"l\">数据</th><th class=\"l\">文件</th><th>数据期次或接收日期</th><th>读入行数</th><th>采用行数</th></tr></thead>\n<tbody>\n"
        for s in f.sources {
            h += "<tr><td class=\"l\">\(esc(s.department))</td><td class=\"l\">\(esc(s.name))</td><td class=\"l\">\(esc(s.file))</td><td>\(esc(s.dateText))</td><td>\(s.rows)</td><td>\(s.accepted)</td></tr>\n"
        }
        return h + "</tbody>\n</table>\n<p class=\"note\">\(esc(BulletinFigures.sourceDateNote))</p>\n"
    }

    // MARK: charts (inline SVG)

    static func figure(_ svg: String, _ caption: String) -> String {
        "<figure>\n\(svg)<figcaption>\(esc(caption))</figcaption>\n</figure>\n"
    }

    static let font = "font-family=\"Noto Sans CJK SC, Microsoft YaHei, sans-serif\""

    /// One rate per town as a dot, against its target (dashed); the axis spans the values and the
    /// target (``XLSXChart/rateAxis(_:)``), so 95.8% and 100% look apart. Dots below target are red and labelled.
    static func rateChart(_ f: BulletinFigures, _ i: Indicator) -> String {
        let towns = f.towns, target = i.target(f.targets)
        let values = towns.compactMap { $0.value(i) }
        let axis = XLSXChart.rateAxis(values + [target])
        let w = 680.0, h = 200.0, left = 52.0, right = 10.0, top = 14.0, bottom = 58.0
        let plotW = w - left - right, plotH = h - top - bottom
        func y(_ v: Double) -> Double { top + plotH * (1 - (min(max(v, axis.low), axis.high) - axis.low) / (axis.high - axis.low)) }
        var s = "<svg viewBox=\"0 0 \(Int(w)) \(Int(h))\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" \(font) font-size=\"11\">\n"
        var v = axis.low
        while v <= axis.high + 1e-9 {
            s += "<line x1=\"\(left)\" x2=\"\(w - right)\" y1=\"\(fmt(y(v)))\" y2=\"\(fmt(y(v)))\" stroke=\"#ddd\"/><text x=\"\(left - 4)\" y=\"\(fmt(y(v) + 4))\" text-anchor=\"end\">\(pct(v, digits: axis.step < 0.01 ? 1 : 0))</text>\n"
            v += axis.step
        }
        s += "<line x1=\"\(left)\" x2=\"\(w - right)\" y1=\"\(fmt(y(target)))\" y2=\"\(fmt(y(target)))\" stroke=\"#c00000\" stroke-width=\"1.5\" stroke-dasharray=\"6 3\"/>"
        s += "<text x=\"\(w - right)\" y=\"\(fmt(y(target) - 4))\" text-anchor=\"end\" fill=\"#c00000\">目标 \(esc(BulletinFigures.targetText(i, f.targets)))</text>\n"
        let step = plotW / Double(max(towns.count, 1))
        for (k, t) in towns.enumerated() {
            let cx = left + step * (Double(k) + 0.5)
            if let v = t.value(i) {
                let below = v < target - 1e-9
                s += "<circle cx=\"\(fmt(cx))\" cy=\"\(fmt(y(v)))\" r=\"4.5\" fill=\"\(below ? "#c00000" : palette[0])\"><title>\(esc(t.name)) \(BulletinFigures.percent(v))</title></circle>"
                s += "<text x=\"\(fmt(cx))\" y=\"\(fmt(y(v) + (below ? 15 : -7)))\" text-anchor=\"middle\" font-size=\"9\"\(below ? " fill=\"#c00000\"" : "")>\(BulletinFigures.percent(v))</text>\n"
            }
            let ly = h - bottom + 12
            s += "<text x=\"\(fmt(cx))\" y=\"\(fmt(ly))\" text-anchor=\"end\" transform=\"rotate(-35 \(fmt(cx)) \(fmt(ly)))\">\(esc(t.name))</text>\n"
        }
        s += "<line x1=\"\(left)\" x2=\"\(left)\" y1=\"\(top)\" y2=\"\(fmt(h - bottom))\" stroke=\"#333\"/>\n"
        return s + "</svg>\n"
    }

    /// Horizontal bars: people per finding code, district-wide.
    static func findingChart(_ f: BulletinFigures) -> String {
        let codes = FindingCode.allCases, maxV = max(codes.map { f.district.findings[$0] ?? 0 }.max() ?? 0, 1)
        let w = 680.0, rowH = 24.0, left = 120.0, right = 60.0, top = 10.0
        let h = top * 2 + rowH * Double(codes.count)
        var s = "<svg viewBox=\"0 0 \(Int(w)) \(Int(h))\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" \(font) font-size=\"11\">\n"
        for (i, code) in codes.enumerated() {
            let n = f.district.findings[code] ?? 0, y = top + rowH * Double(i)
            let bw = (w - left - right) * Double(n) / Double(maxV)
            s += "<text x=\"\(left - 6)\" y=\"\(fmt(y + rowH * 0.65))\" text-anchor=\"end\">\(esc(code.title))</text>"
            s += "<rect x=\"\(left)\" y=\"\(fmt(y + 4))\" width=\"\(fmt(bw))\" height=\"\(fmt(rowH - 8))\" fill=\"\(palette[0])\"/>"
            s += "<text x=\"\(fmt(left + bw + 4))\" y=\"\(fmt(y + rowH * 0.65))\">\(n)</text>\n"
        }
        s += "<line x1=\"\(left)\" x2=\"\(left)\" y1=\"\(top)\" y2=\"\(fmt(h - top))\" stroke=\"#333\"/>\n"
        return s + "</svg>\n"
    }

    /// Line: open cases at the end of each of the last 12 periods.
    static func trendChart(_ f: BulletinFigures) -> String {
        let points = f.openByPeriod, maxV = niceCeiling(points.map(\.open).max() ?? 0)
        let w = 680.0, h = 240.0, left = 50.0, right = 20.0, top = 20.0, bottom = 40.0
        let plotW = w - left - right, plotH = h - top - bottom
        func x(_ i: Int) -> Double { left + (points.count > 1 ? plotW * Double(i) / Double(points.count - 1) : plotW / 2) }
        func y(_ v: Int) -> Double { top + plotH * (1 - Double(v) / Double(maxV)) }
        var s = "<svg viewBox=\"0 0 \(Int(w)) \(Int(h))\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" \(font) font-size=\"11\">\n"
        for k in 0...4 {
            let v = maxV * k / 4
            s += "<line x1=\"\(left)\" x2=\"\(w - right)\" y1=\"\(fmt(y(v)))\" y2=\"\(fmt(y(v)))\" stroke=\"#ddd\"/><text x=\"\(left - 4)\" y=\"\(fmt(y(v) + 4))\" text-anchor=\"end\">\(v)</text>\n"
        }
        s += "<polyline fill=\"none\" stroke=\"\(palette[1])\" stroke-width=\"2\" points=\"\(points.indices.map { "\(fmt(x($0))),\(fmt(y(points[$0].open)))" }.joined(separator: " "))\"/>\n"
        for (i, p) in points.enumerated() {
            s += "<circle cx=\"\(fmt(x(i)))\" cy=\"\(fmt(y(p.open)))\" r=\"3\" fill=\"\(palette[1])\"/><text x=\"\(fmt(x(i)))\" y=\"\(fmt(y(p.open) - 6))\" text-anchor=\"middle\">\(p.open)</text>"
            s += "<text x=\"\(fmt(x(i)))\" y=\"\(fmt(h - bottom + 16))\" text-anchor=\"middle\">\(esc(p.period))</text>\n"
        }
        return s + "</svg>\n"
    }

    /// The smallest of 4, 8, 20, 40, 80, 200, … (a multiple of 4 with a round quarter) at or above `v`.
    static func niceCeiling(_ v: Int) -> Int {
        var step = 1
        while true {
            for m in [1, 2, 5] where step * m * 4 >= v { return step * m * 4 }
            step *= 10
        }
    }

    // MARK: text

    static func pct(_ v: Double?, digits: Int = 2) -> String {
        guard let v else { return "—" }
        return String(format: "%.\(digits)f%%", v * 100)
    }

    static func fmt(_ v: Double) -> String { String(format: "%.1f", v) }

    static func esc(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(ch)
            }
        }
        return out
    }
}
