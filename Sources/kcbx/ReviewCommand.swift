import ArgumentParser
import Foundation
import KCBXCore
import KCBXPipeline

/// `kcbx review`: clerical review (人工核对) of uncertain matches, decided in a spreadsheet
/// (``ClericalReview`` does the work, under the store's run lock).
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Clerical review of uncertain matches: export them to a workbook, import the officer's decisions.",
        subcommands: [Export.self, Import.self])

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
            let url = out.map { URL(fileURLWithPath: $0) } ?? ClericalReview.defaultWorkbook(config, period: period)
            let written = try ClericalReview.export(store: store, period: period, to: url)
            print("待核对 \(written) 对：\(url.path)")
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
            let decisions = try ClericalReview.importDecisions(URL(fileURLWithPath: file), into: try options.open())
            let same = decisions.filter(\.same).count
            print("已导入核对结论 \(decisions.count) 条（\(ClericalReview.same) \(same) 条，\(ClericalReview.different) \(decisions.count - same) 条），自下次关联阶段起生效：kcbx run \(options.pipeline) --from link")
        }
    }
}
