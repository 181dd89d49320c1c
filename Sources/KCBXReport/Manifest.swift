import Foundation
import KCBXCore

/// manifest.json (运行清单): what a run read and wrote, for programs and auditors. The pipeline fills in
/// the run's part (inputs with their checksums and row counts, the rules' sources, the stages' times);
/// the report adds the files it wrote and writes it last, so a folder with a manifest is complete.
///
/// README "Every input row ends up used or in rejects" says what each field means; the keys are
/// snake_case as in every JSON file kcbx writes.
public struct RunManifest: Codable, Sendable, Equatable {
    /// One input file: where it was, what it was, and rows read = accepted + rejected.
    public struct Input: Codable, Sendable, Equatable {
        public var source: String
        public var role: String
        public var path: String
        public var format: String
        /// SHA-256 of the file as read (compressed, when it is), and its size.
        public var sha256: String?
        public var bytes: Int64?
        public var rowsRead: Int?
        public var rowsAccepted: Int?
        public var rowsRejected: Int?

        public init(source: String, role: String, path: String, format: String, sha256: String? = nil, bytes: Int64? = nil,
                    rowsRead: Int? = nil, rowsAccepted: Int? = nil, rowsRejected: Int? = nil) {
            self.source = source; self.role = role; self.path = path; self.format = format; self.sha256 = sha256; self.bytes = bytes
            self.rowsRead = rowsRead; self.rowsAccepted = rowsAccepted; self.rowsRejected = rowsRejected
        }

        enum CodingKeys: String, CodingKey {
            case source, role, path, format, sha256, bytes
            case rowsRead = "rows_read", rowsAccepted = "rows_accepted", rowsRejected = "rows_rejected"
        }
    }

    /// One finding rule: the sources it decided on and whether it was checked in full, in part or not.
    public struct Rule: Codable, Sendable, Equatable {
        /// How far a rule was checked on this run's sources.
        public enum Checked: String, Codable, Sendable { case checked, partly, notChecked = "not_checked" }
        /// The finding code (`not_enrolled`, …).
        public var code: String
        public var checked: Checked
        /// Why it was checked only in part, or not at all (in the words of the reports).
        public var reasons: [String]
        /// The sources (names in the pipeline file) the rule read.
        public var sources: [String]
        public init(code: String, checked: Checked, reasons: [String], sources: [String]) {
            self.code = code; self.checked = checked; self.reasons = reasons; self.sources = sources
        }
    }

    /// One stage of the run, with its times.
    public struct StageTime: Codable, Sendable, Equatable {
        public var stage: String
        public var startedAt: String
        public var finishedAt: String
        /// Wall time in seconds, to the millisecond.
        public var seconds: Double
        public var outcome: String
        public init(stage: Stage, started: Date, finished: Date, outcome: String) {
            let iso = ISO8601DateFormatter()
            self.stage = stage.rawValue; startedAt = iso.string(from: started); finishedAt = iso.string(from: finished)
            seconds = (finished.timeIntervalSince(started) * 1000).rounded() / 1000; self.outcome = outcome
        }
        enum CodingKeys: String, CodingKey {
            case stage, seconds, outcome, startedAt = "started_at", finishedAt = "finished_at"
        }
    }

    public var kcbxVersion: String
    public var runID: Int64
    public var period: String
    public var asOf: String
    /// The pipeline file's path.
    public var pipeline: String
    /// The run whose ingest read the inputs (this run, or the earlier one whose stored result a rerun used).
    public var inputsReadByRun: Int64
    public var inputs: [Input]
    public var rules: [Rule]
    public var stages: [StageTime]
    public var generatedAt: String
    /// Every file and folder the report wrote at the top of the period's folder (manifest.json included).
    public var outputs: [String]

    public init(kcbxVersion: String, runID: Int64, period: String, asOf: String, pipeline: String, inputsReadByRun: Int64,
                inputs: [Input], rules: [Rule], stages: [StageTime], generatedAt: Date = Date(), outputs: [String] = []) {
        self.kcbxVersion = kcbxVersion; self.runID = runID; self.period = period; self.asOf = asOf; self.pipeline = pipeline
        self.inputsReadByRun = inputsReadByRun; self.inputs = inputs; self.rules = rules; self.stages = stages
        self.generatedAt = ISO8601DateFormatter().string(from: generatedAt); self.outputs = outputs
    }

    enum CodingKeys: String, CodingKey {
        case period, pipeline, inputs, rules, stages, outputs
        case kcbxVersion = "kcbx_version", runID = "run_id", asOf = "as_of", inputsReadByRun = "inputs_read_by_run"
        case generatedAt = "generated_at"
    }

    /// The outputs the manifest of the period folder `directory` lists, when it has a readable one. Only
    /// that key is read, so a manifest written by an older kcbx (other keys) still says what the run wrote.
    public static func outputs(in directory: URL) -> [String]? {
        struct Outputs: Decodable { var outputs: [String] }
        guard let data = try? Data(contentsOf: directory.appendingPathComponent(ReportStage.FileName.manifest)) else { return nil }
        return (try? JSONDecoder().decode(Outputs.self, from: data))?.outputs
    }

    /// Writes the manifest as JSON (pretty, keys sorted) to `url`.
    func write(to url: URL) throws(KCBXError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do { try encoder.encode(self).write(to: url) } catch {
            throw KCBXError(.runFailed, "cannot write \(url.lastPathComponent): \(error.localizedDescription)", file: url.path)
        }
    }
}
