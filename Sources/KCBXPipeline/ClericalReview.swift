import Foundation
import KCBXCore
import KCBXFormats
import KCBXLink
import KCBXNormalize
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
    /// returns how many pairs it wrote.
    public static func export(store: Store, period: String, to url: URL) throws(KCBXError) -> Int {
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
        let side = ["来源", "记录号", "身份证件号", "姓名", "性别", "出生日期", "户号/学校", "父母/监护人"]
        var columns = [XLSXColumn(keyHeader, width: 30), XLSXColumn("匹配概率", .percent), XLSXColumn("权重(位)", .number),
                       XLSXColumn("比对说明", width: 60)]
        columns += side.map { XLSXColumn($0 + "A") } + side.map { XLSXColumn($0 + "B") }
        columns += [XLSXColumn(decisionHeader, editable: true, choices: [same, different]), XLSXColumn("备注", width: 30, editable: true)]
        let workbook = try XLSXWorkbook(url: url)
        // No title line: the header is the first row, as readers of the workbook expect.
        let sheet = try workbook.addSheet("待核对", columns: columns)
        func cells(_ ref: RecordRef) -> [XLSXCell] {
            let s = sources[ref.source], r = s.records[ref.record]
            let place = [s.value(.householdId, of: r), s.value(.schoolCode, of: r)].filter { !$0.isEmpty }.joined(separator: " ")
            let family = [s.value(.fatherName, of: r), s.value(.motherName, of: r), s.value(.guardianName, of: r)]
                .filter { !$0.isEmpty }.joined(separator: " ")
            return [.text(s.source), .integer(r.recordNumber), .text(r.id?.raw ?? ""), .text(r.name?.raw ?? ""),
                    .text(r.sex?.rawValue ?? ""), r.birthDate.map { XLSXCell.date($0) } ?? .empty, .text(place), .text(family)]
        }
        var written = 0
        for pair in index.reviewPairs where pair.record.source < sources.count && pair.other.source < sources.count {
            let key = LinkStage.fingerprint(sources, pair.record) + "|" + LinkStage.fingerprint(sources, pair.other)
            try sheet.append([.text(key), .percent(Double(pair.probability)), .number((Double(pair.weight) * 10).rounded() / 10),
                              .text(pair.explanation)] + cells(pair.record) + cells(pair.other) + [.empty, .empty])
            written += 1
        }
        try workbook.close()
        return written
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
        // The header is the first row; a workbook an officer re-saved with a title above it is read too.
        let reader = try XLSXReader(url: url)
        var keyColumn = reader.header.firstIndex(of: keyHeader), decisionColumn = reader.header.firstIndex(of: decisionHeader)
        var result: [StoredReviewDecision] = []
        while let row = try reader.next() {
            if keyColumn == nil || decisionColumn == nil {
                if let k = row.values.firstIndex(of: keyHeader), let d = row.values.firstIndex(of: decisionHeader) {
                    keyColumn = k; decisionColumn = d
                }
                continue
            }
            guard let k = keyColumn, let d = decisionColumn, k < row.values.count else { continue }
            let answer = d < row.values.count ? row.values[d].trimmingCharacters(in: .whitespaces) : ""
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
        guard keyColumn != nil, decisionColumn != nil else {
            throw KCBXError(.input, "未找到“\(keyHeader)”和“\(decisionHeader)”列：应为 kcbx review export 导出的人工核对表", file: url.path)
        }
        return result
    }
}
