import ArgumentParser
import Foundation
import KCBXCore
import KCBXNormalize
import KCBXReport
import KCBXPipeline
import KCBXReconcile
import KCBXStore
import KCBXSynth

/// `kcbx`: the 控辍保学 data-reconciliation pipeline.
struct Kcbx: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kcbx",
        abstract: "控辍保学比对核查: compares departments' exports, finds every school-age child out of school, keeps the ledger.",
        discussion: """
            Exit codes: 0 success; 1 the run failed (the message says which stage and why); 2 bad usage, \
            config or input (the message names the file, line and column); 3 another run holds the lock.
            """,
        version: PipelineRunner.version,
        subcommands: [RunCommand.self, ValidateCommand.self, SynthCommand.self, EvaluateCommand.self, RunsCommand.self, CasesCommand.self, ReviewCommand.self, GenerateDataCommand.self]
    )
}

extension Stage: ExpressibleByArgument {}

extension CivilDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(iso: argument) }
}

/// `kcbx run`: runs the pipeline's stages in order, or a range of them on the stored results.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the pipeline (ingest → normalize → link → reconcile → report), or some of its stages.")

    @Argument(help: "The pipeline file (YAML).")
    var pipeline: String
    @Option(name: .customLong("as-of"), help: "Reference date YYYY-MM-DD (overrides as_of in the pipeline file).")
    var asOf: CivilDate?
    @Option(help: "Period YYYY-MM whose stored results and outputs to use (default: the as-of month).")
    var period: String?
    @Option(help: "Run only this stage, on the stored results of the earlier stages.")
    var only: Stage?
    @Option(help: "Start at this stage, on the stored results of the earlier stages.")
    var from: Stage?
    @Option(help: "Stop after this stage.")
    var to: Stage?
    @Option(help: "Output folder (overrides output in the pipeline file).")
    var out: String?
    @Option(help: "The store (overrides store in the pipeline file).")
    var store: String?
    @Flag(help: "Resume the period's latest failed run from the stage that failed.")
    var retry = false
    @Flag(name: .customLong("dry-run"), help: "Say what would run and on which inputs, without running.")
    var dryRun = false

    func run() throws {
        try loadGeneratedData()
        let request = RunRequest(pipeline: URL(fileURLWithPath: pipeline), asOf: asOf, period: period, only: only, from: from,
                                 to: to, output: out.map { URL(fileURLWithPath: $0) }, store: store.map { URL(fileURLWithPath: $0) },
                                 retry: retry, dryRun: dryRun, keepResultsUntilExit: true)
        let outcome = try PipelineRunner.run(request)
        for line in outcome.lines { print(line) }
    }
}

/// `kcbx validate`: checks the pipeline file and every input without running.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check the pipeline file and every input (exists, format, encoding, required columns) without running.")

    @Argument(help: "The pipeline file (YAML).")
    var pipeline: String

    func run() throws {
        try loadGeneratedData()
        let problems = Validation.problems(URL(fileURLWithPath: pipeline))
        for p in problems { FileHandle.standardError.write(Data("error: \(p)\n".utf8)) }
        if problems.isEmpty {
            print("\(pipeline): OK")
        } else {
            throw KCBXError(.config, "\(problems.count) problem\(problems.count == 1 ? "" : "s") found", file: pipeline)
        }
    }
}

/// `kcbx synth`: writes a synthetic county with planted findings and the ground truth.
struct SynthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth",
        abstract: "Write a synthetic county's exports in every format, with planted findings and the ground truth.")

    @Option(help: "Number of children aged 3–17.")
    var children: Int = 5000
    @Option(help: "Seed: the same seed writes the same files.")
    var seed: UInt64 = 20261130
    @Option(help: "Output folder.")
    var out: String
    @Option(name: .customLong("as-of"), help: "Reference date YYYY-MM-DD of the county (default 2026-11-30).")
    var asOf: CivilDate = CivilDate(year: 2026, month: 11, day: 30)!
    @Option(name: .customLong("error-rate"), help: "Multiplies every error rate of the exports (0: clean; default 1).")
    var errorRate: Double = 1
    @Option(help: ArgumentHelp("Which county: \(SynthProfile.all.map(\.name).joined(separator: ", ")) (default standard: kcbx's own habits; elsewhere: other departments' habits, all families on).", valueName: "name"))
    var profile: String = "standard"

    func validate() throws {
        guard SynthProfile.named(profile) != nil else {
            throw ValidationError("--profile must be one of \(SynthProfile.all.map(\.name).joined(separator: ", "))")
        }
        guard children > 0 && children <= 20_000_000 else { throw ValidationError("--children must be between 1 and 20000000") }
        guard errorRate >= 0 && errorRate <= 100 else { throw ValidationError("--error-rate must be between 0 and 100") }
    }

    func run() throws {
        try loadGeneratedData()
        let summary = try Synthesizer.run(SynthOptions(children: children, seed: seed, output: URL(fileURLWithPath: out),
                                                       asOf: asOf, errorRate: errorRate, profile: SynthProfile.named(profile)!))
        print(summary)
    }
}

/// Reads the generated tables (scripts/generate-data) before a command that needs them, so that a
/// missing or damaged data file is reported as an error of the command (exit 1) with where kcbx looked.
func loadGeneratedData() throws(KCBXError) {
    try NameNormalizer.loadTable()
    try RegionCodes.load()
}

/// `kcbx generate-data` (hidden): the generated tables that come from kcbx's own libraries, for
/// scripts/generate-data, which writes them into Data/.
struct GenerateDataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-data",
        abstract: "Print a generated table (han-table: pinyin and simplified forms from ICU) for scripts/generate-data.",
        shouldDisplay: false)

    @Argument(help: "The table: han-table.")
    var table: String

    func run() throws {
        guard table == "han-table" else { throw KCBXError(.usage, "`\(table)` is not a table kcbx generates; expected han-table") }
        print(NameNormalizer.tableFromICU())
    }
}

/// `kcbx evaluate`: scores a run against a synthetic county's ground truth.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Score a run's links and findings against ground truth: precision, recall, F1 per link source and per finding code.")

    @Option(help: "The ground truth folder (`truth/` written by kcbx synth).")
    var truth: String
    @Option(help: "The run's output folder (the period folder, or the output folder holding period folders).")
    var out: String

    func run() throws {
        let report = try Evaluation.run(truth: URL(fileURLWithPath: truth), output: URL(fileURLWithPath: out))
        for line in report.lines { print(line) }
    }
}

/// `kcbx runs`: the run history.
struct RunsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs",
        abstract: "Run history: when, inputs with checksums, row counts, stage timings, outcome.",
        subcommands: [List.self, Show.self],
        defaultSubcommand: List.self)

    /// `--pipeline FILE` and `--store FILE`. There is no default pipeline: a county's store is named by its
    /// own pipeline file (or the store itself), never taken silently from the demo's.
    struct StoreOptions: ParsableArguments {
        @Option(help: "The pipeline file whose store to read (流水线文件，必填，除非用 --store 直接指定数据库).")
        var pipeline: String?
        @Option(help: "The store (overrides the pipeline file's).")
        var store: String?

        func validate() throws {
            if pipeline == nil && store == nil { throw ValidationError(Self.missingPipeline) }
        }

        static let missingPipeline = "请用 --pipeline 指定本县的流水线文件（如 --pipeline pipelines/示例县.yaml），或用 --store 直接指定数据库"

        func open() throws -> Store {
            if let store { return try Store(url: URL(fileURLWithPath: store)) }
            return try Store(url: try PipelineFile.load(URL(fileURLWithPath: try pipelineFile())).storePath)
        }

        /// The pipeline file named (a command that reads the pipeline's settings needs it even with `--store`).
        func pipelineFile() throws -> String {
            guard let pipeline else { throw KCBXError(.usage, Self.missingPipeline) }
            return pipeline
        }

        /// The pipeline file and its store (`--store` overriding the file's).
        func openWithConfig() throws -> (PipelineConfig, Store) {
            let config = try PipelineFile.load(URL(fileURLWithPath: try pipelineFile()))
            return (config, try Store(url: store.map { URL(fileURLWithPath: $0) } ?? config.storePath))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "The latest runs, newest first.")
        @OptionGroup var options: StoreOptions
        @Option(help: "How many runs to list.") var limit = 30

        func run() throws {
            let runs = try options.open().runs(limit: limit)
            print(["run", "period", "as of", "stages", "started", "seconds", "outcome"].joined(separator: "\t"))
            for r in runs {
                let seconds = r.finishedAt.map { String(format: "%.1f", $0.timeIntervalSince(r.startedAt)) } ?? "-"
                let outcome = r.failedStage.map { "\(r.outcome) at \($0)" } ?? r.outcome
                print([String(r.id), r.period, r.asOf, r.stages, RunsCommand.time(r.startedAt), seconds, outcome].joined(separator: "\t"))
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "One run: inputs with checksums, row counts, stages.")
        @Argument(help: "The run id.") var runID: Int64
        @OptionGroup var options: StoreOptions

        func run() throws {
            guard let (r, inputs, stages) = try options.open().run(runID) else {
                throw KCBXError(.usage, "no run \(runID) in this store")
            }
            print("run \(r.id): period \(r.period), as of \(r.asOf), stages \(r.stages), \(r.outcome)\(r.failedStage.map { " at \($0)" } ?? "")")
            print("pipeline: \(r.pipeline)")
            print("started \(RunsCommand.time(r.startedAt))\(r.finishedAt.map { ", finished " + RunsCommand.time($0) } ?? "")")
            if let m = r.message { print("message: \(m)") }
            if !inputs.isEmpty {
                print("\ninputs:")
                print(["source", "role", "rows read", "accepted", "rejected", "bytes", "sha256", "path"].joined(separator: "\t"))
                for i in inputs {
                    print([i.source, i.role, String(i.rowsRead), String(i.rowsAccepted), String(i.rowsRejected), String(i.bytes), i.sha256, i.path].joined(separator: "\t"))
                }
            }
            print("\nstages:")
            for s in stages {
                let seconds = s.finishedAt.map { String(format: "%.2f", $0.timeIntervalSince(s.startedAt)) } ?? "-"
                print("  \(s.stage)\t\(s.outcome)\t\(seconds) s\t\(s.figures ?? "")\(s.message.map { "\t" + $0 } ?? "")")
            }
        }
    }

    static func time(_ date: Date) -> String {
        let f = DateFormatter()
        f.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return f.string(from: date)
    }
}
