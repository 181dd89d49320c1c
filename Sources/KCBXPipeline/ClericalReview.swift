import Foundation
import KCBXCore
import KCBXFormats
import KCBXLink
import KCBXNormalize
import KCBXReconcile
import KCBXReport
import KCBXSheets
import KCBXStore

/// Clerical review (人工核对) of uncertain matches: the pairs the link stage held for review go out in a
/// workbook with a decision column, and the officer's decisions come back into the store, where they
/// stand in every later link stage (README "Clerical review").
///
/// Both directions take the store's run lock, as a run and `kcbx cases import` do: a decision is never
/// stored while a run reads the decisions, and a workbook is never written from a half-written link result.
public enum ClericalReview {
    /// The decision column's two answers.
    public static let same = "是同一人", different = "不是同一人"
    /// The headers an imported workbook must carry.
    public static let keyHeader = "核对编号", decisionHeader = "结论"

    /// Where `export` writes when no file is named: `<output>/填报/人工核对_YYYY年M月.xlsx`, beside the
    /// ledgers, where runs never replace it (it may hold decisions not yet imported).
    public static func defaultWorkbook(_ config: PipelineConfig, period: String) -> URL {
        config.outputDirectory.appendingPathComponent(LedgerWorkbook.folder)
            .appendingPathComponent("人工核对_\(ReportStage.FileName.month(period)).xlsx")
    }

    /// Writes the review pairs of `period`'s stored link result to `url` (never over an existing file);
    /// returns how many pairs it wrote. Each pair is one row that prints on one landscape A4 line: why it
    /// waits for review (its probability between `config`'s thresholds), which fields agree and which
    /// differ (``KCBXLink/RecordLink/plainExplanation``), the two records side by side as a reader finds
    /// them (department, name, sex, birth date, ID number, 户号 or school by name) and the decision.
    public static func export(store: Store, config: PipelineConfig, period: String, to url: URL) throws(KCBXError) -> Int {
        let lock = try RunLock(store: store.url)
        defer { withExtendedLifetime(lock) {} }
        if FileManager.default.fileExists(atPath: url.path) {
            throw KCBXError(.usage, "\(url.lastPathComponent) 已存在，其中可能有尚未导入的核对结论：请先导入（kcbx review import），再将其移走，或用 --out 另指文件", file: url.path)
        }
        let stored = StoredResults(store: store, period: period)
        let index = try stored.loadIndex()
        let sources = try stored.loadNormalized()
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw KCBXError(.runFailed, "无法创建文件夹：\(error.localizedDescription)", file: url.deletingLastPathComponent().path)
        }
        let pairs = index.reviewPairs.filter { $0.record.source < sources.count && $0.other.source < sources.count }
        let schools = ChildFacts.schools(sources)
        let workbook = try XLSXWorkbook(url: url)
        let sheet = try workbook.addSheet("待核对", columns: reviewColumns, title: title(config, period: period, pairs: pairs.count))
        func cells(_ ref: RecordRef) -> [XLSXCell] {
            let s = sources[ref.source], r = s.records[ref.record]
            let code = s.value(.schoolCode, of: r)
            let school = code.isEmpty ? "" : schools[code].map { $0.name.isEmpty ? code : $0.name } ?? code
            let household = s.value(.householdId, of: r)
            let place = [household.isEmpty ? "" : "户号 \(household)", school].filter { !$0.isEmpty }.joined(separator: "，")
            return [.text(s.source), .text(r.name?.raw ?? ""), .text(r.sex?.rawValue ?? ""), r.birthDate.map { XLSXCell.date($0) } ?? .empty,
                    .text(r.id?.raw ?? ""), .text(place)]
        }
        for (n, pair) in pairs.enumerated() {
            let key = LinkStage.fingerprint(sources, pair.record) + "|" + LinkStage.fingerprint(sources, pair.other)
            try sheet.append([.integer(n + 1), .percent(Double(pair.probability)), .text(uncertainty(Double(pair.probability), config.linkage)),
                              .text(pair.plainExplanation)] + cells(pair.record) + cells(pair.other) + [.empty, .empty, .text(key)])
        }
        try sheet.signFooter()
        try workbook.close()
        return pairs.count
    }

    /// The columns of 人工核对: a pair and its decision on one landscape A4 line at 8 pt or more; the
    /// 核对编号 kcbx reads back is the last column, hidden on screen and in print.
    static let reviewColumns: [XLSXColumn] = {
        let side: [(String, XLSXColumn.Kind, Double)] = [("来源", .text, 7), ("姓名", .text, 7), ("性别", .text, 4), ("出生日期", .date, 10),
                                                         ("身份证件号", .text, 19), ("户号/学校", .text, 13)]
        return [XLSXColumn("序号", .integer, width: 4), XLSXColumn("匹配概率", .percent, width: 7), XLSXColumn("为何待核对", width: 15),
                XLSXColumn("比对说明", width: 29)]
            + side.map { XLSXColumn($0.0 + "A", $0.1, width: $0.2) } + side.map { XLSXColumn($0.0 + "B", $0.1, width: $0.2) }
            + [XLSXColumn(decisionHeader, width: 10, editable: true, choices: [same, different]), XLSXColumn("备注", width: 10, editable: true),
               XLSXColumn(keyHeader, width: 28, hidden: true)]
    }()

    /// `示例县教育局 人工核对表（2026年11月）：待核对 12 对。…` with what to do and when the decisions take effect.
    static func title(_ config: PipelineConfig, period: String, pairs: Int) -> String {
        let unit = config.issuer.unitName(district: config.district)
        return "\(unit) 疑似同一人记录人工核对表（\(ReportStage.FileName.month(period))，核查基准日 \(config.asOf)）：待核对 \(pairs) 对。"
            + "请比较每行 A、B 两条记录是否为同一儿童，在“\(decisionHeader)”栏选择“\(same)”或“\(different)”，"
            + "用 kcbx review import 导入，自下次关联阶段起生效。"
    }

    /// Why a pair waits for review: `匹配概率 62%，介于自动关联 95% 与不予关联 50% 之间` (the pipeline's thresholds).
    static func uncertainty(_ p: Double, _ linkage: PipelineConfig.Linkage) -> String {
        // One decimal, more where it would read 100% for less than certain (a threshold of 0.9999).
        func percent(_ x: Double) -> String {
            var scale = 10.0
            while (x * 100 * scale).rounded() >= 100 * scale && x < 1 && scale < 1e6 { scale *= 10 }
            let v = (x * 100 * scale).rounded() / scale
            return v == v.rounded() ? "\(Int(v))%" : "\(v)%"
        }
        return "匹配概率 \(percent(p))，介于自动关联 \(percent(linkage.autoThreshold)) 与不予关联 \(percent(linkage.reviewThreshold)) 之间"
    }

    /// Reads the decisions of the review workbook at `url` and stores them under the run lock; they
    /// replace earlier decisions on the same pairs. Returns the decisions stored.
    @discardableResult
    public static func importDecisions(_ url: URL, into store: Store) throws(KCBXError) -> [StoredReviewDecision] {
        let lock = try RunLock(store: store.url)
        defer { withExtendedLifetime(lock) {} }
        let found = try decisions(in: url)
        try store.saveReviewDecisions(found)
        return found
    }

    /// The decisions of a review workbook; a row without a decision is skipped, an answer not in the list
    /// is an error naming its row and column (nothing is stored then).
    public static func decisions(in url: URL) throws(KCBXError) -> [StoredReviewDecision] {
        // The header is the row holding both columns, below the title line (a copy re-saved without the
        // title is read too).
        let reader = try XLSXReader(url: url, isHeader: { $0.contains(keyHeader) && $0.contains(decisionHeader) })
        guard let k = reader.header.firstIndex(of: keyHeader), let d = reader.header.firstIndex(of: decisionHeader) else {
            throw KCBXError(.input, "未找到“\(keyHeader)”和“\(decisionHeader)”列：应为 kcbx review export 导出的人工核对表", file: url.path)
        }
        var result: [StoredReviewDecision] = []
        while let row = try reader.next() {
            let answer = row.values[d].trimmingCharacters(in: .whitespaces)
            if answer.isEmpty { continue }
            let parts = row.values[k].split(separator: "|").map(String.init)
            guard parts.count == 2 else {
                throw KCBXError(.input, "“\(keyHeader)”不是 kcbx review export 导出的核对编号，请勿修改该列；未导入任何结论",
                                file: url.path, line: row.line, column: k + 1)
            }
            guard answer == same || answer == different else {
                throw KCBXError(.input, "“\(decisionHeader)”应填“\(same)”或“\(different)”，此处为“\(answer)”；未导入任何结论",
                                file: url.path, line: row.line, column: d + 1)
            }
            result.append(StoredReviewDecision(recordA: parts[0], recordB: parts[1], same: answer == same, file: url.lastPathComponent))
        }
        return result
    }
}
