import Foundation
import KCBXCore
import KCBXIngest
import KCBXLink
import KCBXNormalize
import KCBXReconcile
import KCBXReport
import KCBXStore

/// What `kcbx run` was asked to do.
public struct RunRequest: Sendable {
    public var pipeline: URL
    public var asOf: CivilDate?
    public var period: String?
    public var only: Stage?
    public var from: Stage?
    public var to: Stage?
    public var output: URL?
    public var store: URL?
    public var retry = false
    public var dryRun = false
    /// Leave the run's results in memory when it ends, for a process that exits right after (the
    /// command line): the system takes the memory back at once, where freeing millions of records one
    /// by one takes a third of a second at a million children.
    public var keepResultsUntilExit = false

    public init(pipeline: URL, asOf: CivilDate? = nil, period: String? = nil, only: Stage? = nil, from: Stage? = nil,
                to: Stage? = nil, output: URL? = nil, store: URL? = nil, retry: Bool = false, dryRun: Bool = false,
                keepResultsUntilExit: Bool = false) {
        self.pipeline = pipeline; self.asOf = asOf; self.period = period; self.only = only; self.from = from
        self.to = to; self.output = output; self.store = store; self.retry = retry; self.dryRun = dryRun
        self.keepResultsUntilExit = keepResultsUntilExit
    }
}

/// How a run ended.
public struct RunOutcome: Sendable {
    public var runID: Int64?
    public var period: String
    public var stages: [Stage]
    /// Where the outputs are (when the report stage ran).
    public var outputDirectory: URL?
    /// Lines for the user (the dry-run plan, or where the outputs are).
    public var lines: [String]
}

/// Runs the pipeline's stages against the store: each stage reads the stored results of the stage
/// before it (or the previous stage's in-memory result in the same run), and its own result replaces
/// the period's stored one only when it succeeds.
public enum PipelineRunner {
    public static let version = "0.1.0"

    /// Loads the pipeline file and applies the request's overrides.
    public static func configuration(_ request: RunRequest) throws(KCBXError) -> (PipelineConfig, String) {
        var config = try PipelineFile.load(request.pipeline)
        if let asOf = request.asOf { config.asOf = asOf }
        if let output = request.output { config.outputDirectory = output }
        if let store = request.store { config.storePath = store }
        let period = request.period ?? PipelineConfig.period(of: config.asOf)
        let parts = period.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let y = Int(parts[0]), let m = Int(parts[1]),
              (2000...2100).contains(y), (1...12).contains(m) else {
            throw KCBXError(.usage, "--period: expected YYYY-MM, e.g. 2026-11, found `\(period)`")
        }
        return (config, period)
    }

    /// The stages the request asks for, in order.
    static func stages(_ request: RunRequest, store: () throws(KCBXError) -> Store, period: String) throws(KCBXError) -> [Stage] {
        if request.only != nil && (request.from != nil || request.to != nil) {
            throw KCBXError(.usage, "--only cannot be combined with --from or --to")
        }
        var first = request.only ?? request.from ?? .ingest
        let last = request.only ?? request.to ?? .report
        if request.retry {
            guard request.only == nil, request.from == nil else { throw KCBXError(.usage, "--retry cannot be combined with --only or --from") }
            guard let failed = try store().latestFailedRun(period: period) else {
                throw KCBXError(.usage, "--retry: the latest run of period \(period) did not fail; nothing to retry")
            }
            first = failed.failedStage.flatMap(Stage.init(rawValue:)) ?? .ingest
            Log.info("retrying run \(failed.id) of \(period) from the \(first.rawValue) stage")
        }
        guard first <= last else { throw KCBXError(.usage, "--from \(first.rawValue) comes after --to \(last.rawValue)") }
        return Stage.allCases.filter { $0 >= first && $0 <= last }
    }

    /// Runs the request. Throws ``KCBXError``: `.locked` when another run holds the store, `.input`/`.config`
    /// for bad input, `.runFailed` when a stage fails.
    public static func run(_ request: RunRequest) throws(KCBXError) -> RunOutcome {
        let (config, period) = try configuration(request)
        var openedStore: Store? = nil
        let store = { () throws(KCBXError) -> Store in
            if let openedStore { return openedStore }
            let s = try Store(url: config.storePath)
            openedStore = s
            return s
        }
        if request.dryRun {
            let plan = try stages(request, store: store, period: period)
            return RunOutcome(runID: nil, period: period, stages: plan, outputDirectory: nil,
                              lines: try dryRunPlan(config, period: period, stages: plan, store: store))
        }
        // A store or output folder that cannot be written fails now, not after the ledger was updated.
        // (The plan's last stage is known without the store, which is read only under the lock.)
        let writesReport = (request.only ?? request.to ?? .report) == .report
        if let problem = Validation.writable(config, output: writesReport).first { throw problem }
        let lock = try RunLock(store: config.storePath)
        defer { withExtendedLifetime(lock) {} }
        try store().markInterruptedRuns()
        let plan = try stages(request, store: store, period: period)
        let execution = Execution(config: config, period: period, store: try store())
        execution.asOfGiven = request.asOf != nil
        // Deliberately never released: see `keepResultsUntilExit`.
        if request.keepResultsUntilExit { _ = Unmanaged.passRetained(execution) }
        return try execution.run(plan)
    }

    static func dryRunPlan(_ config: PipelineConfig, period: String, stages: [Stage], store: () throws(KCBXError) -> Store) throws(KCBXError) -> [String] {
        var lines = ["dry run: period \(period), as of \(config.asOf); would run \(stages.map(\.rawValue).joined(separator: " → "))"]
        if let first = stages.first, let previous = first.previous {
            let s = FileManager.default.fileExists(atPath: config.storePath.path) ? try store() : nil
            if let run = try s?.resultRun(period: period, stage: previous) {
                lines.append("  on the stored \(previous.rawValue) results of run \(run) (\(config.storePath.path))")
            } else {
                lines.append("  but there are no stored \(previous.rawValue) results for \(period): the run would stop; run from an earlier stage")
            }
        }
        if stages.contains(.ingest) {
            lines.append("  inputs:")
            for source in config.sources {
                let attributes = try? FileManager.default.attributesOfItem(atPath: source.path.path)
                let state = attributes.map { "\(($0[.size] as? NSNumber)?.int64Value ?? 0) bytes" } ?? "MISSING"
                lines.append("    \(source.name) [\(source.role.rawValue), \(source.format.rawValue)]: \(source.path.path) (\(state))")
            }
        }
        if stages.contains(.report) {
            lines.append("  outputs: \(config.outputDirectory.appendingPathComponent(period).path)")
        }
        return lines
    }
}
