import Foundation
import KCBXCore
import KCBXIngest
import KCBXLedger
import KCBXLink
import KCBXNormalize
import KCBXReconcile
import KCBXReport
import KCBXStore
#if canImport(Glibc)
import Glibc
#endif

/// One run in progress: holds each stage's result in memory and loads earlier stages' results from
/// the store when the run starts in the middle.
final class Execution {
    let config: PipelineConfig
    let period: String
    let store: Store
    var runID: Int64 = 0
    var stageTimes: [(stage: Stage, started: Date, finished: Date, outcome: String)] = []

    private var ingested: [SourceTable]?
    private var inputs: [InputFile]?
    private var normalized: [NormalizedSource]?
    private var index: PersonIndex?
    private var reconciled: ReconcileResult?
    /// The stages this run executes.
    private var planned: [Stage] = []
    /// Normalization begun when ingest finished reading, while it stores its result.
    private var normalizing: NormalizeAhead?

    let results: StoredResults
    /// The reference date came from `--as-of` (a report rerun refuses another one than its findings').
    var asOfGiven = false

    init(config: PipelineConfig, period: String, store: Store) {
        self.config = config; self.period = period; self.store = store
        results = StoredResults(store: store, period: period)
    }

    func run(_ stages: [Stage]) throws(KCBXError) -> RunOutcome {
        planned = stages
        runID = try store.beginRun(period: period, pipeline: config.file.path, pipelineName: config.name, asOf: config.asOf,
                                   stages: "\(stages.first!.rawValue)..\(stages.last!.rawValue)", version: PipelineRunner.version)
        Log.info("run \(runID): period \(period), as of \(config.asOf), stages \(stages.map(\.rawValue).joined(separator: " → "))")
        var outputDirectory: URL? = nil
        for stage in stages {
            let started = Date()
            try store.stageStarted(runID, stage)
            do throws(KCBXError) {
                let figures = try execute(stage, outputDirectory: &outputDirectory)
                let finished = Date()
                stageTimes.append((stage, started, finished, "succeeded"))
                try store.stageFinished(runID, stage, outcome: "succeeded", figures: json(figures))
                Log.info("\(stage.rawValue): done in \(String(format: "%.2f", finished.timeIntervalSince(started))) s, peak memory \(peakMemoryMiB()) MiB; \(figures.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))")
            } catch {
                try? store.stageFinished(runID, stage, outcome: "failed", message: error.description)
                try? store.finishRun(runID, outcome: "failed", failedStage: stage, message: error.description)
                var failure = error
                if failure.kind == .runFailed || failure.kind == .usage {
                    failure.message = "the \(stage.rawValue) stage failed: " + failure.message
                }
                throw failure
            }
        }
        try store.finishRun(runID, outcome: "succeeded")
        var lines: [String] = []
        if let outputDirectory { lines.append("outputs: \(outputDirectory.path)") }
        return RunOutcome(runID: runID, period: period, stages: stages, outputDirectory: outputDirectory, lines: lines)
    }

    func execute(_ stage: Stage, outputDirectory: inout URL?) throws(KCBXError) -> [String: Int] {
        switch stage {
        case .ingest:
            var timer = StepTimer()
            let result = try IngestStage.run(config)
            Log.info("ingest: read in \(timer.elapsed)")
            try checkRejectRate(result.map { ($0.table.source, $0.table.rowsRead, $0.table.rejects) })
            try checkArrivals(result.map { ($0.table.source, $0.table.rowsRead - $0.table.rejects.count) })
            // When normalize follows in this run, it starts on the tables now, on the cores the store leaves idle
            // while it writes them; its result is taken (or, if the save fails, dropped) by the normalize stage.
            if planned.contains(.normalize) { normalizing = NormalizeAhead(result.map(\.table), config: config) }
            timer = StepTimer()
            try results.saveIngest(result, run: runID)
            Log.info("ingest: stored in \(timer.elapsed)")
            ingested = result.map(\.table)
            inputs = result.map(\.file)
            return ["rows": result.reduce(0) { $0 + $1.table.rowsRead }, "rejected": result.reduce(0) { $0 + $1.table.rejects.count }]
        case .normalize:
            let sameRun = ingested != nil
            let tables = try loadIngested()
            var timer = StepTimer()
            let result: [NormalizedSource]
            if sameRun, let ahead = normalizing {
                result = ahead.wait()
                Log.info("normalize: normalized in \(ahead.elapsed), begun while ingest stored its result")
            } else {
                result = NormalizeStage.run(tables, config: config)
                Log.info("normalize: normalized in \(timer.elapsed)")
            }
            normalizing = nil
            try checkRejectRate(result.map { ($0.source, $0.rowsRead, $0.rejects) })
            let ingestRun = sameRun ? runID : (try store.resultRun(period: period, stage: .ingest) ?? runID)
            timer = StepTimer()
            try results.saveNormalize(result, tables: tables, ingestRun: ingestRun, run: runID)
            Log.info("normalize: stored in \(timer.elapsed)")
            normalized = result
            if sameRun { try recordInputs(result) }
            // The records point into the ingested values; the rest of the ingest result can go.
            ingested = nil
            return ["records": result.reduce(0) { $0 + $1.records.count }, "rejected": result.reduce(0) { $0 + $1.rejects.count }]
        case .link:
            let sources = try loadNormalized()
            let decisions = try store.reviewDecisions().map { ReviewDecision(recordA: $0.recordA, recordB: $0.recordB, same: $0.same) }
            let result = LinkStage.run(sources, linkage: config.linkage, decisions: decisions)
            try results.saveLink(result, run: runID)
            index = result
            return result.parameters.figures
        case .reconcile:
            let sources = try loadNormalized()
            let index = try loadIndex()
            let rulesStarted = Date()
            let result = ReconcileStage.run(sources, index: index, config: config)
            let rulesMS = Int(Date().timeIntervalSince(rulesStarted) * 1000)
            let ledgerStarted = Date()
            // The ledger: this period's findings open, keep, close and reopen cases; saved with the result.
            let changed = LedgerBook.update(period: period, config: config, result: result, sources: sources, index: index,
                                            cases: try store.loadCases(), periods: try store.ledgerPeriods())
            try store.saveReconcile(period: period, asOf: config.asOf, run: runID, parts: [("findings", encode(result))],
                                    changedCases: changed, works: Set(changed.map(\.work)))
            reconciled = result
            Log.info("reconcile: rules \(rulesMS) ms, ledger update and save \(Int(Date().timeIntervalSince(ledgerStarted) * 1000)) ms")
            let events = changed.flatMap { $0.history.filter { $0.period == period } }
            return ["findings": result.findings.count, "priority": result.findings.filter(\.priority).count,
                    "not_checked": result.notChecked.count, "cases_changed": changed.count,
                    "cases_opened": events.filter { $0.kind == .opened || $0.kind == .reopened }.count,
                    "cases_closed": events.filter { $0.kind == .closed }.count]
        case .report:
            let timer = StepTimer()
            let ledger = try store.loadCases()
            Log.info("report: ledger loaded in \(timer.elapsed)")
            let decided = try store.ledgerPeriods()
            let periods = Array(decided.keys)
            // One as-of per period: the report is dated the day its findings were decided on.
            var config = config
            if reconciled == nil, let asOf = decided[period], asOf != config.asOf {
                if asOfGiven {
                    throw KCBXError(.usage, "period \(period): its findings were decided as of \(asOf), the report cannot be dated \(config.asOf); "
                                    + "leave out --as-of (or pass --as-of \(asOf)) to report on them, or run from reconcile (--from reconcile --as-of \(config.asOf)) to decide them again")
                }
                Log.info("report: dated \(asOf), the day period \(period)'s findings were decided on (the pipeline file says \(config.asOf))")
                config.asOf = asOf
            }
            var input = ReportInput(config: config, period: period, sources: try loadNormalized(), index: try loadIndex(),
                                    reconcile: try loadReconciled(), manifest: try manifest(),
                                    cases: LedgerBook.view(asOf: period, ledger),
                                    ledger: LedgerBook.figures(ledger, period: period, periods: periods),
                                    ledgerVersions: try store.ledgerVersions())
            input.earlierBulletins = try earlierBulletins(periods)
            Log.info("report: stored results loaded in \(timer.elapsed)")
            let target = config.outputDirectory.appendingPathComponent(period)
            // The ledgers people fill in go beside the periods' folders, never replaced (README "The ledgers (台账)").
            // They follow the ledger's latest period: a rerun of an earlier period writes none (its copy
            // would carry today's versions under an old period, and mislead).
            var fillIn: URL? = config.outputDirectory.appendingPathComponent(LedgerWorkbook.folder)
            if let latest = periods.max(), latest > period {
                fillIn = nil
                Log.info("report: 台账 not written for \(period): the ledger is at \(latest) now; its workbooks in \(LedgerWorkbook.folder)/ are those of \(latest)")
            }
            var bulletin: BulletinRecord? = nil
            let figures = try OutputFolder.replace(target, runID: runID) { (dir) throws(KCBXError) in
                let (figures, record) = try ReportStage.report(input, into: dir, fillIn: fillIn)
                bulletin = record
                return figures
            }
            // The bulletin's figures are kept per period for the next bulletin's comparison, with the run
            // and day that wrote them; a rerun that changes a bulletin already written says so.
            if var bulletin {
                bulletin.run = runID
                bulletin.written = CivilDate.today().description
                if let part = try store.loadResult(period: period, stage: .report)?.first(where: { $0.name == "bulletin" }),
                   let before = try? JSONDecoder().decode(BulletinRecord.self, from: Data(part.bytes)) {
                    let changes = BulletinRecord.changes(from: before, to: bulletin)
                    if !changes.isEmpty {
                        Log.warning("report: this rerun changes the bulletin of \(period) written \(before.written.map { "on \($0)" } ?? "before")"
                                    + (before.run.map { " by run \($0)" } ?? "") + ": " + changes.joined(separator: ", ")
                                    + "; later bulletins compare with the new figures (run \(runID))")
                    }
                }
                let bytes = (try? JSONEncoder().encode(bulletin)).map { [UInt8]($0) } ?? []
                try store.saveResult(period: period, stage: .report, run: runID, parts: [(name: "bulletin", bytes: bytes)])
            }
            outputDirectory = target
            return figures
        }
    }

    // MARK: stored results

    /// The bulletins kept for earlier periods (those the ledger knows), for 较上期 and 较去年同期.
    func earlierBulletins(_ periods: [String]) throws(KCBXError) -> [BulletinRecord] {
        var records: [BulletinRecord] = []
        for p in periods.sorted() where p < period {
            guard let part = try store.loadResult(period: p, stage: .report)?.first(where: { $0.name == "bulletin" }),
                  let record = try? JSONDecoder().decode(BulletinRecord.self, from: Data(part.bytes)) else { continue }
            records.append(record)
        }
        return records
    }

    func encode(_ value: some BinaryCodable) -> [UInt8] { StoredResults.bytes { value.encode(to: &$0) } }

    func loadIngested() throws(KCBXError) -> [SourceTable] {
        if let ingested { return ingested }
        let (tables, files) = try results.loadIngest()
        inputs = files
        return tables
    }

    func loadInputs() throws(KCBXError) -> [InputFile] {
        if let inputs { return inputs }
        var files: [InputFile] = []
        try store.forEachResultPart(period: period, stage: .ingest, only: "inputs") { name, bytes in
            if name == "inputs" { files = (try? JSONDecoder().decode([InputFile].self, from: Data(bytes))) ?? [] }
        }
        inputs = files
        return files
    }

    func loadNormalized() throws(KCBXError) -> [NormalizedSource] {
        if let normalized { return normalized }
        let result = try results.loadNormalized()
        normalized = result
        return result
    }

    func loadIndex() throws(KCBXError) -> PersonIndex {
        if let index { return index }
        let result = try results.loadIndex()
        index = result
        return result
    }

    func loadReconciled() throws(KCBXError) -> ReconcileResult {
        if let reconciled { return reconciled }
        let result = try results.loadReconciled()
        reconciled = result
        return result
    }

    // MARK: checks and bookkeeping

    /// Fails the run (exit 2) when a source's rejects pass `rules.max_reject_rate`.
    func checkRejectRate(_ sources: [(name: String, read: Int, rejects: [Reject])]) throws(KCBXError) {
        for s in sources {
            guard let source = config.sources.first(where: { $0.name == s.name }) else { continue }
            if let problem = IngestStage.rejectRateProblem(source: source, read: s.read, rejects: s.rejects, limit: config.rules.maxRejectRate) {
                throw problem
            }
        }
    }

    /// Stops the run (exit 2) when a source arrives empty, or with its rows fallen by more than
    /// `rules.max_row_drop` from the last good run of this pipeline (``ArrivalCheck``).
    func checkArrivals(_ sources: [(name: String, rows: Int)]) throws(KCBXError) {
        if let problem = try ArrivalCheck.problems(config, store: store, rows: Dictionary(sources, uniquingKeysWith: { a, _ in a })).first {
            throw problem
        }
    }

    func recordInputs(_ result: [NormalizedSource]) throws(KCBXError) {
        let files = try loadInputs()
        try store.recordInputs(runID, zip(config.sources, zip(files, result)).map { source, pair in
            RunInput(source: source.name, role: source.role.rawValue, path: pair.0.path, sha256: pair.0.sha256, bytes: pair.0.bytes,
                     rowsRead: pair.1.rowsRead, rowsAccepted: pair.1.records.count, rowsRejected: pair.1.rejects.count)
        })
    }

    /// Per finding rule, the sources it decided on and whether it was checked in full, in part or not.
    func ruleInputs() throws(KCBXError) -> [RunManifest.Rule] {
        let notChecked = try loadReconciled().notChecked
        return FindingCode.allCases.map { code in
            let roles = ReconcileStage.roles(of: code)
            let reasons = notChecked.filter { $0.code == code }.map(\.reason)
            let state: RunManifest.Rule.Checked = reasons.isEmpty ? .checked : reasons.allSatisfy { $0.hasPrefix("部分核查") } ? .partly : .notChecked
            return RunManifest.Rule(code: code.rawValue, checked: state, reasons: reasons,
                                    sources: config.sources.filter { roles.contains($0.role) }.map(\.name))
        }
    }

    func manifest() throws(KCBXError) -> RunManifest {
        let files = try loadInputs()
        let sources = try loadNormalized()
        let inputs = config.sources.enumerated().map { (i, source) in
            let counts = sources.first { $0.source == source.name }
            return RunManifest.Input(source: source.name, role: source.role.rawValue, path: source.path.path, format: source.format.rawValue,
                                     sha256: i < files.count ? files[i].sha256 : nil, bytes: i < files.count ? files[i].bytes : nil,
                                     rowsRead: counts?.rowsRead, rowsAccepted: counts?.records.count, rowsRejected: counts?.rejects.count)
        }
        let ingestRun = try store.resultRun(period: period, stage: .ingest)
        return RunManifest(kcbxVersion: PipelineRunner.version, runID: runID, period: period, asOf: config.asOf.description,
                           pipeline: config.file.path, inputsReadByRun: ingestRun ?? runID, inputs: inputs, rules: try ruleInputs(),
                           stages: stageTimes.map { RunManifest.StageTime(stage: $0.stage, started: $0.started, finished: $0.finished, outcome: $0.outcome) })
    }

    func json(_ value: some Encodable) -> String { StoredResults.json(value) }
}

/// Writes a run's outputs into a fresh folder beside the target and swaps it into place only when
/// complete, so readers never see half a set of outputs, and a failed or killed run leaves the
/// previous outputs where they were.
///
/// The swap is one atomic exchange of the two folders (Linux `renameat2(RENAME_EXCHANGE)`): whatever
/// the moment of a kill, `out/<period>/` holds either the previous outputs or the new ones. Where the
/// exchange is not available, the previous outputs are moved aside first; a kill between the two
/// renames leaves them in `.<period>.old-<run>`, and the next run puts them back before anything else
/// (it never deletes the only copy).
enum OutputFolder {
    static func replace<T>(_ target: URL, runID: Int64, write: (URL) throws(KCBXError) -> T) throws(KCBXError) -> T {
        let fm = FileManager.default
        let parent = target.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).partial-\(runID)")
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
            recoverInterrupted(target)
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw KCBXError(.runFailed, "cannot create the output folder: \(error.localizedDescription)", file: parent.path)
        }
        let result: T
        do { result = try write(staging) } catch {
            try? fm.removeItem(at: staging)
            throw error
        }
        if fm.fileExists(atPath: target.path) {
            keepPeoplesFiles(in: target)
            if exchange(staging.path, target.path) {
                // `staging` now holds the previous outputs.
                try? fm.removeItem(at: staging)
                return result
            }
            let old = parent.appendingPathComponent(".\(target.lastPathComponent).old-\(runID)")
            guard rename(target.path, old.path) == 0 else {
                throw KCBXError(.runFailed, "cannot move the previous outputs aside: \(String(cString: strerror(errno)))", file: target.path)
            }
            guard rename(staging.path, target.path) == 0 else {
                _ = rename(old.path, target.path)
                throw KCBXError(.runFailed, "cannot put the new outputs in place: \(String(cString: strerror(errno)))", file: target.path)
            }
            try? fm.removeItem(at: old)
        } else {
            guard rename(staging.path, target.path) == 0 else {
                throw KCBXError(.runFailed, "cannot put the outputs in place: \(String(cString: strerror(errno)))", file: target.path)
            }
        }
        return result
    }

    /// Cleans up after killed runs: when the period has no outputs but previous ones were left aside
    /// (`.<period>.old-<run>`, a kill between two renames), the newest of them is put back; then the
    /// half-written folders (`.partial-`) and the other left-aside copies are removed.
    static func recoverInterrupted(_ target: URL) {
        let fm = FileManager.default
        let parent = target.deletingLastPathComponent(), name = target.lastPathComponent
        let leftovers = (try? fm.contentsOfDirectory(atPath: parent.path)) ?? []
        let oldPrefix = ".\(name).old-"
        let aside = leftovers.filter { $0.hasPrefix(oldPrefix) }
            .sorted { (Int64($0.dropFirst(oldPrefix.count)) ?? 0) > (Int64($1.dropFirst(oldPrefix.count)) ?? 0) }
        if !fm.fileExists(atPath: target.path), let newest = aside.first,
           rename(parent.appendingPathComponent(newest).path, target.path) == 0 {
            Log.warning("the outputs of \(name) were left aside by an interrupted run; put back in \(target.path)")
        }
        for leftover in leftovers where leftover.hasPrefix(".\(name).partial-") || leftover.hasPrefix(oldPrefix) {
            let url = parent.appendingPathComponent(leftover)
            if fm.fileExists(atPath: url.path) { try? fm.removeItem(at: url) }
        }
    }

    /// `renameat2(2)` with `RENAME_EXCHANGE`, looked up at run time (glibc has it since 2.28, Swift's
    /// Glibc module does not show it); false when the system or the file system cannot exchange.
    static func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
        // unsafe: glibc renameat2 looked up with dlsym and called through a C function pointer
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = renameAt2Symbol else { return false }
        // unsafe: glibc renameat2 looked up with dlsym and called through a C function pointer
        let call = unsafeBitCast(symbol, to: RenameAt2.self)
        let renameExchange: UInt32 = 1 << 1
        return call(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
        #else
        return false
        #endif
    }

    #if os(Linux)
    // unsafe: glibc renameat2 looked up with dlsym and called through a C function pointer
    nonisolated(unsafe) private static let renameAt2Symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2")
    #endif
}

extension OutputFolder {
    /// Moves the files people changed or put into the previous outputs `target` (changed after its
    /// manifest.json was written, or not among the outputs it lists) to `<output>/填报/<period>_运行前保留/`
    /// before the run replaces the folder: a run never deletes a file someone filled in. Each is logged.
    static func keepPeoplesFiles(in target: URL) {
        let fm = FileManager.default
        let manifest = target.appendingPathComponent(ReportStage.FileName.manifest)
        guard let written = (try? fm.attributesOfItem(atPath: manifest.path))?[.modificationDate] as? Date else { return }
        let listed = Set(RunManifest.outputs(in: target) ?? [])
        let keep = target.deletingLastPathComponent().appendingPathComponent(LedgerWorkbook.folder)
            .appendingPathComponent("\(target.lastPathComponent)_运行前保留")
        guard let walk = fm.enumerator(at: target, includingPropertiesForKeys: [.isRegularFileKey, .contentModificationDateKey]) else { return }
        let base = target.standardizedFileURL.path + "/"
        for case let url as URL in walk {
            let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .contentModificationDateKey])
            guard values?.isRegularFile == true else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(base.count))
            let name = url.lastPathComponent
            // Spreadsheet programs' lock files come and go with the program.
            if name.hasPrefix("~$") || name.hasPrefix(".~lock.") { continue }
            let topLevel = relative.split(separator: "/").first.map(String.init) ?? relative
            let changed = (values?.contentModificationDate ?? .distantPast) > written.addingTimeInterval(2)
            guard changed || (!listed.isEmpty && !listed.contains(topLevel)) else { continue }
            var destination = keep.appendingPathComponent(relative)
            var n = 2
            while fm.fileExists(atPath: destination.path) {
                let stem = URL(fileURLWithPath: relative).deletingPathExtension().path, ext = url.pathExtension
                destination = keep.appendingPathComponent("\(stem)_\(n)" + (ext.isEmpty ? "" : ".\(ext)"))
                n += 1
            }
            do {
                try fm.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
                try fm.moveItem(at: url, to: destination)
                Log.warning("\(target.lastPathComponent)/\(relative) was changed or added after the last run: moved to \(LedgerWorkbook.folder)/\(keep.lastPathComponent)/ so that this run does not delete it")
            } catch {
                Log.warning("\(target.lastPathComponent)/\(relative) was changed or added after the last run and could not be kept: \(error.localizedDescription)")
            }
        }
    }
}

/// The normalize stage run on a background queue: started when ingest has read its sources, awaited by the
/// normalize stage.
final class NormalizeAhead: Sendable {
    private let group = DispatchGroup()
    /// The sources and the time taken: written once on the background queue, read after `group.wait()`.
    private let done = ConcurrentResults<(sources: [NormalizedSource], elapsed: String)>(count: 1)

    init(_ tables: [SourceTable], config: PipelineConfig) {
        let timer = StepTimer()
        DispatchQueue.global().async(group: group) { [done] in
            done[0] = (NormalizeStage.run(tables, config: config), timer.elapsed)
        }
    }

    /// The time normalizing took (once ``wait()`` returned).
    var elapsed: String { done[0]?.elapsed ?? "" }

    /// The normalized sources, once done.
    func wait() -> [NormalizedSource] {
        group.wait()
        return done[0]?.sources ?? []
    }
}
