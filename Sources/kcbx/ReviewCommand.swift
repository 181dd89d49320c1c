import ArgumentParser
import Foundation
import KCBXCore
import KCBXPipeline
import KCBXReport
import KCBXFormats
import KCBXLink
import KCBXNormalize
import KCBXSheets
import KCBXStore

/// `kcbx review`: clerical review (人工核对) of uncertain matches, decided in a spreadsheet.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Clerical review of uncertain matches: export them to a workbook, import the officer's decisions.",
        subcommands: [Export.self, Import.self])

    /// The decision column's two answers.
    static let same = "是同一人", different = "不是同一人"
    static let keyHeader = "核对编号", decisionHeader = "结论"

    /// `kcbx review export`: the review pairs of the period's stored link results, side by side.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export", abstract: "Write the pairs awaiting review to an XLSX workbook with a decision column.")
        @OptionGroup var options: RunsCommand.StoreOptions
        @Option(help: "Period YYYY-MM (default: the as-of month of the pipeline file).")
        var period: String?
        @Option(help: "The workbook to write (default: OUTPUT/填报/人工核对_YYYY年M月.xlsx); an existing file is never overwritten.")
        var out: String?

        func run() throws {
            let (config, store) = try options.openWithConfig()
            let period = period ?? PipelineConfig.period(of: config.asOf)
            let stored = StoredResults(store: store, period: period)
            let index = try stored.loadIndex()
            let sources = try stored.loadNormalized()
            // Kept where runs do not replace it, and never written over: it may hold decisions not yet imported.
            let url = out.map { URL(fileURLWithPath: $0) }
                ?? config.outputDirectory.appendingPathComponent(LedgerWorkbook.folder)
                    .appendingPathComponent("人工核对_\(ReportStage.FileName.month(period)).xlsx")
            if FileManager.default.fileExists(atPath: url.path) {
                throw KCBXError(.usage, "\(url.lastPathComponent) exists and may hold decisions not yet imported: import it (kcbx review import), then move it away, or pass --out", file: url.path)
            }
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let side = ["来源", "记录号", "身份证件号", "姓名", "性别", "出生日期", "户号/学校", "父母/监护人"]
            var columns = [XLSXColumn(ReviewCommand.keyHeader, width: 30), XLSXColumn("匹配概率", .percent), XLSXColumn("权重(位)", .number),
                           XLSXColumn("比对说明", width: 60)]
            columns += side.map { XLSXColumn($0 + "A") } + side.map { XLSXColumn($0 + "B") }
            columns += [XLSXColumn(ReviewCommand.decisionHeader, editable: true, choices: [ReviewCommand.same, ReviewCommand.different]),
                        XLSXColumn("备注", width: 30, editable: true)]
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
            print("\(written) pairs to review: \(url.path)")
        }
    }

    /// `kcbx review import FILE.xlsx`: stores the decisions, which stand in every later run.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import", abstract: "Store the decisions of a review workbook; they stand in every later run.")
        @Argument(help: "The review workbook with its 结论 column filled in.")
        var file: String
        @OptionGroup var options: RunsCommand.StoreOptions

        func run() throws {
            let store = try options.open()
            let url = URL(fileURLWithPath: file)
            let decisions = try ReviewCommand.decisions(in: url)
            try store.saveReviewDecisions(decisions)
            let same = decisions.filter(\.same).count
            print("\(decisions.count) decisions stored (\(same) \(ReviewCommand.same), \(decisions.count - same) \(ReviewCommand.different)); they apply from the next link stage: kcbx run \(options.pipeline) --from link")
        }
    }

    /// The decisions of a review workbook; a row without a decision is skipped, an unknown answer is an error with its row.
    static func decisions(in url: URL) throws(KCBXError) -> [StoredReviewDecision] {
        // The header is the first row; a workbook an officer re-saved with a title above it is read too.
        let reader = try XLSXReader(url: url)
        var header = reader.header
        var keyColumn = header.firstIndex(of: keyHeader), decisionColumn = header.firstIndex(of: decisionHeader)
        var result: [StoredReviewDecision] = []
        while let row = try reader.next() {
            if keyColumn == nil || decisionColumn == nil {
                if let k = row.values.firstIndex(of: keyHeader), let d = row.values.firstIndex(of: decisionHeader) {
                    header = row.values; keyColumn = k; decisionColumn = d
                }
                continue
            }
            guard let k = keyColumn, let d = decisionColumn, k < row.values.count else { continue }
            let answer = d < row.values.count ? row.values[d].trimmingCharacters(in: .whitespaces) : ""
            if answer.isEmpty { continue }
            let parts = row.values[k].split(separator: "|").map(String.init)
            guard parts.count == 2 else {
                throw KCBXError(.input, "`\(keyHeader)` is not a pair key exported by kcbx review export: `\(row.values[k])`",
                                file: url.path, line: row.line, column: k + 1)
            }
            guard answer == same || answer == different else {
                throw KCBXError(.input, "`\(decisionHeader)`: expected \(same) or \(different), found `\(answer)`",
                                file: url.path, line: row.line, column: d + 1)
            }
            result.append(StoredReviewDecision(recordA: parts[0], recordB: parts[1], same: answer == same, file: url.lastPathComponent))
        }
        guard keyColumn != nil, decisionColumn != nil else {
            throw KCBXError(.input, "no `\(keyHeader)` and `\(decisionHeader)` columns; expected a workbook written by kcbx review export", file: url.path)
        }
        return result
    }
}
