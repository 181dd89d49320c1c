import ArgumentParser
import Foundation
import KCBXCore
import KCBXPipeline

/// `kcbx review`: clerical review (人工核对) of uncertain matches, decided in a spreadsheet
/// (``ClericalReview`` does the work, under the store's run lock).
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "人工核对疑似同一人的记录：导出核对表，导入核对结论。",
        subcommands: [Export.self, Import.self])

    /// `kcbx review export`: the review pairs of the period's stored link results, side by side.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export", abstract: "把待核对的记录对写入人工核对表（XLSX，含结论栏）。")
        @OptionGroup var options: RunsCommand.StoreOptions
        @Option(help: "期次 YYYY-MM（默认：流水线文件核查基准日所在月）。")
        var period: String?
        @Option(help: "写入的文件（默认：输出目录/填报/人工核对_YYYY年M月.xlsx）；已有的文件不会被覆盖。")
        var out: String?

        func run() throws {
            let (config, store) = try options.openWithConfig()
            let period = period ?? PipelineConfig.period(of: config.asOf)
            let url = out.map { URL(fileURLWithPath: $0) } ?? ClericalReview.defaultWorkbook(config, period: period)
            let written = try ClericalReview.export(store: store, config: config, period: period, to: url)
            print("待核对 \(written) 对：\(url.path)")
        }
    }

    /// `kcbx review import FILE.xlsx`: stores the decisions, which stand in every later run.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import", abstract: "导入人工核对表的结论；此后每次运行都按结论关联。")
        @Argument(help: "已填写“结论”栏的人工核对表。")
        var file: String
        @OptionGroup var options: RunsCommand.StoreOptions

        func run() throws {
            let decisions = try ClericalReview.importDecisions(URL(fileURLWithPath: file), into: try options.open())
            let same = decisions.filter(\.same).count
            print("已导入核对结论 \(decisions.count) 条（\(ClericalReview.same) \(same) 条，\(ClericalReview.different) \(decisions.count - same) 条），自下次关联阶段起生效：kcbx run \(options.pipeline ?? "<流水线文件>") --from link")
        }
    }
}
