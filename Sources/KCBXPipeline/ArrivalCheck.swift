import Foundation
import KCBXCore
import KCBXStore

/// Whether every source arrived whole: a source with no data rows, or whose rows fell by more than
/// `rules.max_row_drop` from the last good run of this pipeline, stops `run` and fails `validate`
/// (exit 2), so that findings and case closings (销号) are never decided on a source that did not arrive.
enum ArrivalCheck {
    /// One problem per source that did not arrive whole; `rows` holds the rows accepted per source name.
    static func problems(_ config: PipelineConfig, store: Store?, rows: [String: Int]) throws(KCBXError) -> [KCBXError] {
        let last = try store.flatMap { s throws(KCBXError) in try lastGoodInputs(config, s) }
        var problems: [KCBXError] = []
        for source in config.sources {
            guard let now = rows[source.name] else { continue }
            let file = source.path.path
            let before = last?.inputs.first { $0.source == source.name }
            let when = last.map { "the last good run (\($0.run.id), \($0.run.period), as of \($0.run.asOf))" } ?? ""
            if now == 0 {
                let then = before.map { "; \(when) had \($0.rowsAccepted) rows" } ?? ""
                problems.append(KCBXError(.input, "source `\(source.name)`: the export holds no data rows (empty, header only or blank lines)\(then). A source that arrives empty stops the run, so that no case is closed for want of its data; fix the export and rerun.", file: file))
                continue
            }
            guard let before, before.rowsAccepted > 0 else { continue }
            let drop = 1 - Double(now) / Double(before.rowsAccepted)
            if drop > config.rules.maxRowDrop {
                problems.append(KCBXError(.input, "source `\(source.name)`: \(now) rows now, \(before.rowsAccepted) in \(when): \(String(format: "%.0f", drop * 100))% fewer, more than rules.max_row_drop \(String(format: "%.0f", config.rules.maxRowDrop * 100))%. The export may be truncated; fix it and rerun, or raise rules.max_row_drop if the drop is real.", file: file))
            }
        }
        return problems
    }

    /// The inputs of the latest succeeded run of this pipeline that read its inputs (ran ingest).
    static func lastGoodInputs(_ config: PipelineConfig, _ store: Store) throws(KCBXError) -> (run: RunSummary, inputs: [RunInput])? {
        for run in try store.runs(limit: 200) where run.outcome == "succeeded" && run.pipeline == config.file.path && run.stages.hasPrefix("ingest") {
            if let (_, inputs, _) = try store.run(run.id), !inputs.isEmpty { return (run, inputs) }
        }
        return nil
    }
}
