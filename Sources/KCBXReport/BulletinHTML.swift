import Foundation
import KCBXCore
import KCBXReconcile

/// 通报_YYYY年M月.html: the bulletin as one self-contained page (inline CSS and SVG charts, no script,
/// no network), laid out to print on A4 with a CJK font stack. Counts and rates only: no personal data.
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
           "SimSun", "WenQuanYi Micro Hei", sans-serif; font-size: 10.5pt; color: #111; margin: 0 auto; max-width: 182mm; line-height: 1.5; }
    h1 { font-size: 18pt; text-align: center; margin: 4mm 0 2mm; }
    .sub { text-align: center; color: #444; margin-bottom: 6mm; }
    h2 { font-size: 13pt; border-left: 4px solid #2f5597; padding-left: 6px; margin: 7mm 0 3mm; break-after: avoid; }
    table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; font-size: 9pt; }
    thead { display: table-header-group; }
    tr { break-inside: avoid; }
    th, td { border: 1px solid #888; padding: 2px 4px; text-align: right; white-space: nowrap; }
    th { background: #dde4f0; text-align: center; }
    td.l, th.l { text-align: left; white-space: normal; }
    tr.total td { font-weight: bold; background: #f2f2f2; }
    .miss, tr.total td.miss { color: #9c0006; background: #ffc7ce; font-weight: bold; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    figure { margin: 3mm 0 5mm; break-inside: avoid; }
    figcaption { text-align: center; font-size: 9.5pt; color: #333; }
    svg { width: 100%; height: auto; }
    .page { break-before: page; }
    dl { font-size: 9.5pt; } dt { font-weight: bold; } dd { margin: 0 0 2mm 2em; }
    """

    static func render(_ f: BulletinFigures) -> String {
        var h = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>\(esc(f.title))</title>\n<style>\n\(style)\n</style>\n</head>\n<body>\n"
        h += "<h1>\(esc(f.title))</h1>\n<div class=\"sub\">核查基准日 \(f.asOf) · 期间 \(esc(f.period)) · 适龄儿童出生于 \(f.cohort.lowerBound) 至 \(f.cohort.upperBound)</div>\n"
        h += overview(f)
        h += "<h2>二、各镇街情况</h2>\n" + townTable(f)
        h += figure(rateChart(f), "图1 各镇街小学入学率、初中入学率与巩固率（虚线为目标）")
        h += "<h2>三、比对发现的问题</h2>\n" + findingTable(f)
        h += figure(findingChart(f), "图2 全区各类问题人数")
        h += "<h2>四、一人一案办理情况</h2>\n" + caseTable(f)
        if !f.openByPeriod.isEmpty { h += figure(trendChart(f), "图3 近 12 期期末未销号案件数") }
        h += "<h2>五、未达标镇街</h2>\n"
        let below = f.townsBelowTarget
        if below.isEmpty { h += "<p>各镇街各项指标均达到目标。</p>\n" } else {
            h += "<p>以下镇街未达到目标（按排名），予以通报，请限期整改：</p>\n<ul>\n"
            for t in below {
                h += "<li>第 \(t.rank ?? 0) 名 <span class=\"miss\">\(esc(t.name))</span>：\(esc(f.shortfalls(t).map(\.short).joined(separator: "、")))</li>\n"
            }
            h += "</ul>\n"
        }
        h += "<h2>六、统计口径</h2>\n<dl>\n"
        for (term, text) in f.definitions { h += "<dt>\(esc(term))</dt><dd>\(esc(text))</dd>\n" }
        h += "</dl>\n</body>\n</html>\n"
        return h
    }

    // MARK: tables

    static func overview(_ f: BulletinFigures) -> String {
        let d = f.district, c = d.counts
        var h = "<h2>一、全区总体情况</h2>\n<table>\n<thead><tr><th class=\"l\">指标</th><th>全区</th><th>目标</th><th>达标情况</th></tr></thead>\n<tbody>\n"
        func count(_ t: String, _ n: Int) { h += "<tr><td class=\"l\">\(esc(t))</td><td>\(n)</td><td></td><td></td></tr>\n" }
        func ind(_ i: Indicator) {
            let v = BulletinFigures.value(i, d), t = BulletinFigures.target(i, f.targets), missed = f.shortfalls(d).contains(i)
            let shown = BulletinFigures.isRate(i) ? pct(v) : String(Int(v ?? 0))
            let target = BulletinFigures.isRate(i) ? pct(t) : "0"
            let cls = missed ? " class=\"miss\"" : ""
            h += "<tr><td class=\"l\">\(esc(i.title))</td><td\(cls)>\(shown)</td><td>\(target)</td><td\(cls)>\(v == nil ? "—" : missed ? "未达标" : "达标")</td></tr>\n"
        }
        count("适龄儿童（人）", c.schoolAge); count("其中在校（人）", c.enrolled)
        count("小学学段适龄儿童（人）", c.primaryAge); count("小学学段在校（人）", c.primaryEnrolled); ind(.primaryEnrolment)
        count("初中学段适龄儿童（人）", c.juniorAge); count("初中学段在校（人）", c.juniorEnrolled); ind(.juniorEnrolment)
        ind(.consolidation)
        count("学龄段残疾儿童（人）", c.disabled); count("其中已安置（人）", c.disabledPlaced); ind(.disabledPlacement)
        count("比对发现问题（人次）", d.findingsTotal); ind(.priorityChildren)
        count("新增案件（件）", d.cases.opened); count("销号案件（件）", d.cases.closed); ind(.openCases)
        return h + "</tbody>\n</table>\n"
    }

    static func townTable(_ f: BulletinFigures) -> String {
        var h = "<table>\n<thead><tr><th>排名</th><th class=\"l\">镇街</th><th>适龄<br>儿童</th><th>在校</th><th>小学<br>入学率</th><th>初中<br>入学率</th><th>巩固率</th><th>残疾儿童<br>安置率</th><th>问题<br>人次</th><th>重点群体<br>问题儿童</th><th>新增<br>案件</th><th>销号<br>案件</th><th>未销号<br>案件</th></tr></thead>\n<tbody>\n"
        func row(_ a: BulletinFigures.Area, total: Bool) {
            let missed = Set(f.shortfalls(a))
            func cell(_ i: Indicator, _ text: String) -> String { missed.contains(i) ? "<td class=\"miss\">\(text)</td>" : "<td>\(text)</td>" }
            h += "<tr\(total ? " class=\"total\"" : "")><td>\(a.rank.map(String.init) ?? "")</td><td class=\"l\">\(esc(a.name))</td><td>\(a.counts.schoolAge)</td><td>\(a.counts.enrolled)</td>"
            h += cell(.primaryEnrolment, pct(a.primaryRate)) + cell(.juniorEnrolment, pct(a.juniorRate)) + cell(.consolidation, pct(a.consolidationRate))
            h += cell(.disabledPlacement, pct(a.placementRate)) + "<td>\(a.findingsTotal)</td>" + cell(.priorityChildren, String(a.priorityChildren))
            h += "<td>\(a.cases.opened)</td><td>\(a.cases.closed)</td>" + cell(.openCases, String(a.cases.open)) + "</tr>\n"
        }
        for t in f.towns { row(t, total: false) }
        row(f.district, total: true)
        return h + "</tbody>\n</table>\n<p style=\"font-size:9pt\">红色为未达到目标的指标。</p>\n"
    }

    static func findingTable(_ f: BulletinFigures) -> String {
        var h = "<table>\n<thead><tr><th class=\"l\">问题类型</th><th>全区</th>"
        let shown = f.towns.prefix(8)
        for t in shown { h += "<th>\(esc(t.name))</th>" }
        h += "</tr></thead>\n<tbody>\n"
        for code in FindingCode.allCases {
            h += "<tr><td class=\"l\">\(esc(code.title))\(f.notChecked.contains(code) ? "（未核查）" : "")</td><td>\(f.district.findings[code] ?? 0)</td>"
            for t in shown { h += "<td>\(t.findings[code] ?? 0)</td>" }
            h += "</tr>\n"
        }
        h += "</tbody>\n</table>\n"
        if f.towns.count > shown.count { h += "<p style=\"font-size:9pt\">其余镇街见通报 xlsx 的“问题分类”表。</p>\n" }
        return h
    }

    static func caseTable(_ f: BulletinFigures) -> String {
        let d = f.district.cases
        let since = f.since.map { "自 \(esc($0)) 通报以来" } ?? "自台账建立以来"
        return "<p>\(since)新增案件 \(d.opened) 件，销号 \(d.closed) 件；期末未销号 <span\(d.open > 0 ? " class=\"miss\"" : "")>\(d.open)</span> 件（目标：台账清零）。</p>\n"
    }

    // MARK: charts (inline SVG)

    static func figure(_ svg: String, _ caption: String) -> String {
        "<figure>\n\(svg)<figcaption>\(esc(caption))</figcaption>\n</figure>\n"
    }

    static let font = "font-family=\"Noto Sans CJK SC, Microsoft YaHei, sans-serif\""

    /// Grouped columns: primary, junior, consolidation per town, on a value axis fixed at 0–100% (ticks every 20%).
    static func rateChart(_ f: BulletinFigures) -> String {
        let towns = f.towns
        let series: [(String, (BulletinFigures.Area) -> Double?, Double)] = [
            ("小学入学率", { $0.primaryRate }, f.targets.primaryEnrolment), ("初中入学率", { $0.juniorRate }, f.targets.juniorEnrolment),
            ("巩固率", { $0.consolidationRate }, f.targets.consolidation)]
        let low = 0.0
        let w = 680.0, h = 300.0, left = 48.0, right = 10.0, top = 34.0, bottom = 60.0
        let plotW = w - left - right, plotH = h - top - bottom
        func y(_ v: Double) -> Double { top + plotH * (1 - min(max(v, 0), 1)) }
        var s = "<svg viewBox=\"0 0 \(Int(w)) \(Int(h))\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" \(font) font-size=\"11\">\n"
        for k in 0...5 {
            let v = Double(k) / 5
            s += "<line x1=\"\(left)\" x2=\"\(w - right)\" y1=\"\(fmt(y(v)))\" y2=\"\(fmt(y(v)))\" stroke=\"#ddd\"/><text x=\"\(left - 4)\" y=\"\(fmt(y(v) + 4))\" text-anchor=\"end\">\(pct(v, digits: 0))</text>\n"
        }
        let group = plotW / Double(max(towns.count, 1)), bar = min(18, group * 0.8 / 3)
        for (i, t) in towns.enumerated() {
            let x0 = left + group * Double(i) + (group - bar * 3) / 2
            for (k, se) in series.enumerated() {
                guard let v = se.1(t) else { continue }
                let top = y(max(v, low))
                s += "<rect x=\"\(fmt(x0 + bar * Double(k)))\" y=\"\(fmt(top))\" width=\"\(fmt(bar - 1))\" height=\"\(fmt(y(low) - top))\" fill=\"\(palette[k])\"><title>\(esc(t.name)) \(se.0) \(pct(v))</title></rect>\n"
                if towns.count <= 8 {
                    s += "<text x=\"\(fmt(x0 + bar * (Double(k) + 0.5)))\" y=\"\(fmt(top - 3))\" text-anchor=\"middle\" font-size=\"8\">\(pct(v, digits: 1))</text>\n"
                }
            }
            let cx = left + group * (Double(i) + 0.5), cy = h - bottom + 14
            s += towns.count <= 8
                ? "<text x=\"\(fmt(cx))\" y=\"\(fmt(cy))\" text-anchor=\"middle\">\(esc(t.name))</text>\n"
                : "<text x=\"\(fmt(cx))\" y=\"\(fmt(cy))\" text-anchor=\"end\" transform=\"rotate(-35 \(fmt(cx)) \(fmt(cy)))\">\(esc(t.name))</text>\n"
        }
        for (k, se) in series.enumerated() where se.2 > 0 && se.2 <= 1 {
            s += "<line x1=\"\(left)\" x2=\"\(w - right)\" y1=\"\(fmt(y(se.2)))\" y2=\"\(fmt(y(se.2)))\" stroke=\"\(palette[k])\" stroke-dasharray=\"5 3\"/>\n"
        }
        s += "<line x1=\"\(left)\" x2=\"\(w - right)\" y1=\"\(fmt(y(low)))\" y2=\"\(fmt(y(low)))\" stroke=\"#333\"/>\n"
        for (k, se) in series.enumerated() {
            s += "<rect x=\"\(fmt(left + 10 + Double(k) * 110))\" y=\"8\" width=\"12\" height=\"12\" fill=\"\(palette[k])\"/><text x=\"\(fmt(left + 26 + Double(k) * 110))\" y=\"18\">\(esc(se.0))</text>\n"
        }
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
