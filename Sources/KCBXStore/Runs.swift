import Foundation
import GRDB
import KCBXCore

/// One row of the run history (`kcbx runs`).
public struct RunSummary: Sendable {
    public var id: Int64
    public var period: String
    public var pipeline: String
    public var asOf: String
    public var stages: String
    public var startedAt: Date
    public var finishedAt: Date?
    public var outcome: String
    public var failedStage: String?
    public var message: String?
}

/// An input file as a run read it (`run_input`).
public struct RunInput: Sendable, Codable {
    public var source: String
    public var role: String
    public var path: String
    public var sha256: String
    public var bytes: Int64
    public var rowsRead: Int
    public var rowsAccepted: Int
    public var rowsRejected: Int
    public init(source: String, role: String, path: String, sha256: String, bytes: Int64, rowsRead: Int, rowsAccepted: Int, rowsRejected: Int) {
        self.source = source; self.role = role; self.path = path; self.sha256 = sha256; self.bytes = bytes
        self.rowsRead = rowsRead; self.rowsAccepted = rowsAccepted; self.rowsRejected = rowsRejected
    }
}

/// A stage as a run ran it (`run_stage`).
public struct RunStage: Sendable, Codable {
    public var stage: String
    public var startedAt: Date
    public var finishedAt: Date?
    public var outcome: String
    public var message: String?
    public var figures: String?
}

extension Store {
    /// Records the start of a run; returns its id.
    public func beginRun(period: String, pipeline: String, pipelineName: String, asOf: CivilDate, stages: String, version: String) throws(KCBXError) -> Int64 {
        try access("recording the run") { db in
            try db.execute(sql: """
                INSERT INTO run (period, pipeline, pipeline_name, as_of, stages, started_at, outcome, kcbx_version)
                VALUES (?, ?, ?, ?, ?, ?, 'running', ?)
                """, arguments: [period, pipeline, pipelineName, asOf.description, stages, Date(), version])
            return db.lastInsertedRowID
        }
    }

    /// Marks runs left `running` by a killed process as `interrupted` (call while holding the lock).
    public func markInterruptedRuns() throws(KCBXError) {
        try access("closing interrupted runs") { db in
            try db.execute(sql: "UPDATE run_stage SET outcome = 'interrupted', finished_at = ? WHERE outcome = 'running'", arguments: [Date()])
            try db.execute(sql: """
                UPDATE run SET outcome = 'interrupted', finished_at = ?,
                    failed_stage = (SELECT stage FROM run_stage s WHERE s.run_id = run.id AND s.outcome = 'interrupted' LIMIT 1)
                WHERE outcome = 'running'
                """, arguments: [Date()])
        }
    }

    public func finishRun(_ id: Int64, outcome: String, failedStage: Stage? = nil, message: String? = nil) throws(KCBXError) {
        try access("recording the run's end") { db in
            try db.execute(sql: "UPDATE run SET finished_at = ?, outcome = ?, failed_stage = ?, message = ? WHERE id = ?",
                           arguments: [Date(), outcome, failedStage?.rawValue, message, id])
        }
    }

    public func stageStarted(_ run: Int64, _ stage: Stage) throws(KCBXError) {
        try access("recording the stage") { db in
            try db.execute(sql: "INSERT OR REPLACE INTO run_stage (run_id, stage, started_at, outcome) VALUES (?, ?, ?, 'running')",
                           arguments: [run, stage.rawValue, Date()])
        }
    }

    public func stageFinished(_ run: Int64, _ stage: Stage, outcome: String, message: String? = nil, figures: String? = nil) throws(KCBXError) {
        try access("recording the stage") { db in
            try db.execute(sql: "UPDATE run_stage SET finished_at = ?, outcome = ?, message = ?, figures = ? WHERE run_id = ? AND stage = ?",
                           arguments: [Date(), outcome, message, figures, run, stage.rawValue])
        }
    }

    /// Records the inputs a run read.
    public func recordInputs(_ run: Int64, _ inputs: [RunInput]) throws(KCBXError) {
        try access("recording the inputs") { db in
            for i in inputs {
                try db.execute(sql: """
                    INSERT OR REPLACE INTO run_input (run_id, source, role, path, sha256, bytes, rows_read, rows_accepted, rows_rejected)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [run, i.source, i.role, i.path, i.sha256, i.bytes, i.rowsRead, i.rowsAccepted, i.rowsRejected])
            }
        }
    }

    /// The latest runs, newest first.
    public func runs(limit: Int = 30) throws(KCBXError) -> [RunSummary] {
        try read("listing runs") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM run ORDER BY id DESC LIMIT ?", arguments: [limit]).map(Store.summary)
        }
    }

    static func summary(_ r: Row) -> RunSummary {
        RunSummary(id: r["id"], period: r["period"], pipeline: r["pipeline"], asOf: r["as_of"], stages: r["stages"],
                   startedAt: r["started_at"], finishedAt: r["finished_at"], outcome: r["outcome"],
                   failedStage: r["failed_stage"], message: r["message"])
    }

    /// One run with its inputs and stages.
    public func run(_ id: Int64) throws(KCBXError) -> (RunSummary, [RunInput], [RunStage])? {
        try read("reading the run") { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM run WHERE id = ?", arguments: [id]) else { return nil }
            let inputs = try Row.fetchAll(db, sql: "SELECT * FROM run_input WHERE run_id = ? ORDER BY rowid", arguments: [id]).map { r in
                RunInput(source: r["source"], role: r["role"], path: r["path"], sha256: r["sha256"], bytes: r["bytes"],
                         rowsRead: r["rows_read"], rowsAccepted: r["rows_accepted"], rowsRejected: r["rows_rejected"])
            }
            let stages = try Row.fetchAll(db, sql: "SELECT * FROM run_stage WHERE run_id = ? ORDER BY started_at, rowid", arguments: [id]).map { r in
                RunStage(stage: r["stage"], startedAt: r["started_at"], finishedAt: r["finished_at"], outcome: r["outcome"],
                         message: r["message"], figures: r["figures"])
            }
            return (Store.summary(row), inputs, stages)
        }
    }

    /// The latest run of `period` that failed or was interrupted, if it is the period's latest run.
    public func latestFailedRun(period: String) throws(KCBXError) -> RunSummary? {
        try read("finding the failed run") { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM run WHERE period = ? ORDER BY id DESC LIMIT 1", arguments: [period]) else { return nil }
            let run = Store.summary(row)
            return ["failed", "interrupted"].contains(run.outcome) ? run : nil
        }
    }

    /// The inputs recorded by the run that produced the period's current ingest result.
    public func currentInputs(period: String) throws(KCBXError) -> [RunInput] {
        guard let runID = try resultRun(period: period, stage: .ingest) else { return [] }
        return try run(runID)?.1 ?? []
    }
}
