import Foundation
import GRDB
import KCBXCore

/// The store: one SQLite database (through GRDB) holding the run history, each stage's results per
/// period, and (later) the ledger. Created with its migrations on first use.
///
/// Every write that a stage makes happens in one transaction, so a killed run leaves the store as it
/// was before that stage: the stage's previous results stay current.
/// unsafe: GRDB DatabaseQueue serializes all access to the database
public final class Store: @unchecked Sendable {
    let db: DatabaseQueue
    /// The database file.
    public let url: URL

    /// Opens (creating if needed) the store at `url`, applying any pending migrations.
    public init(url: URL) throws(KCBXError) {
        self.url = url
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            var config = Configuration()
            config.busyMode = .timeout(10)
            config.prepareDatabase { db in
                // 64 KiB pages: stage results are hundreds of megabytes of blobs, written and read twice as
                // fast as with 4 KiB pages. (Takes effect when the database is created; a no-op after.)
                try db.execute(sql: "PRAGMA page_size = 65536")
                // A rollback journal, not WAL: a stage result is hundreds of megabytes written in one
                // transaction, which WAL would write twice (to the log, then into the database at the
                // checkpoint). Readers (`kcbx cases`) wait while a stage saves, up to the busy timeout.
                try db.execute(sql: "PRAGMA journal_mode = TRUNCATE")
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
            db = try DatabaseQueue(path: url.path, configuration: config)
            try Store.migrator.migrate(db)
        } catch {
            throw Store.failure("cannot open the store", error, file: url.path)
        }
    }

    static func describe(_ error: any Error) -> String {
        if let e = error as? DatabaseError { return e.message ?? "\(e.resultCode)" }
        return "\(error)"
    }

    /// A database error as the user sees it: `SQLITE_BUSY` or `SQLITE_LOCKED` (another process held the
    /// database past the busy timeout, e.g. a second kcbx on a copy of the lock file, or a tool with the
    /// file open) is `.locked`, exit 3 like the run lock; anything else `.runFailed`, exit 1.
    static func failure(_ what: String, _ error: any Error, file: String) -> KCBXError {
        if let e = error as? DatabaseError, e.resultCode.primaryResultCode == .SQLITE_BUSY || e.resultCode.primaryResultCode == .SQLITE_LOCKED {
            return KCBXError(.locked, "\(what): the store is in use by another program (\(Store.describe(error))); try again when it has finished", file: file)
        }
        return KCBXError(.runFailed, "\(what): \(Store.describe(error))", file: file)
    }

    /// Runs `body` against the database, turning database errors into a ``KCBXError``.
    func access<T>(_ what: String, _ body: (Database) throws -> T) throws(KCBXError) -> T {
        do { return try db.write(body) } catch let e as KCBXError { throw e } catch {
            throw Store.failure("store: \(what) failed", error, file: url.path)
        }
    }

    func read<T>(_ what: String, _ body: (Database) throws -> T) throws(KCBXError) -> T {
        do { return try db.read(body) } catch let e as KCBXError { throw e } catch {
            throw Store.failure("store: \(what) failed", error, file: url.path)
        }
    }

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1: runs and stage results") { db in
            try db.create(table: "run") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("period", .text).notNull().indexed()
                t.column("pipeline", .text).notNull()
                t.column("pipeline_name", .text).notNull()
                t.column("as_of", .text).notNull()
                t.column("stages", .text).notNull()          // e.g. "ingest..report"
                t.column("started_at", .datetime).notNull()
                t.column("finished_at", .datetime)
                t.column("outcome", .text).notNull()          // running | succeeded | failed | interrupted
                t.column("failed_stage", .text)
                t.column("message", .text)
                t.column("kcbx_version", .text).notNull()
            }
            try db.create(table: "run_input") { t in
                t.column("run_id", .integer).notNull().references("run", onDelete: .cascade)
                t.column("source", .text).notNull()
                t.column("role", .text).notNull()
                t.column("path", .text).notNull()
                t.column("sha256", .text).notNull()
                t.column("bytes", .integer).notNull()
                t.column("rows_read", .integer).notNull()
                t.column("rows_accepted", .integer).notNull()
                t.column("rows_rejected", .integer).notNull()
                t.primaryKey(["run_id", "source"])
            }
            try db.create(table: "run_stage") { t in
                t.column("run_id", .integer).notNull().references("run", onDelete: .cascade)
                t.column("stage", .text).notNull()
                t.column("started_at", .datetime).notNull()
                t.column("finished_at", .datetime)
                t.column("outcome", .text).notNull()          // running | succeeded | failed | reused
                t.column("message", .text)
                t.column("figures", .text)                    // JSON object of counts
                t.primaryKey(["run_id", "stage"])
            }
            // The current result of each stage for each period, in chunks; replaced whole when the stage
            // succeeds again. `run_id` says which run produced it.
            try db.create(table: "stage_result") { t in
                t.column("period", .text).notNull()
                t.column("stage", .text).notNull()
                t.column("part", .text).notNull()
                t.column("chunk", .integer).notNull()
                t.column("run_id", .integer).notNull()
                t.column("format", .integer).notNull()
                t.column("data", .blob).notNull()
                t.primaryKey(["period", "stage", "part", "chunk"])
            }
        }
        registerLedgerMigration(&m)
        registerReviewMigration(&m)
        registerReplyMigration(&m)
        return m
    }
}
