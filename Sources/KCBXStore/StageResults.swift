import Foundation
import GRDB
import GRDBSQLite
import KCBXCore

extension Store {
    /// Version of the binary form of stage results; results of another version are not read back.
    /// (2: values kept as ``ValueTable`` segments, normalized records apart from the values they point into;
    /// 3: reconcile keeps the per-school attendance decisions; 4: reconcile keeps each child's facts, ``ChildFacts``.)
    public static let resultFormat = 4
    static let chunkSize = 32 << 20

    /// Replaces the stored result of `stage` for `period` with `parts` (name → bytes), in one transaction.
    /// `parts` is read once, in order: a lazy sequence keeps only one part in memory at a time.
    public func saveResult(period: String, stage: Stage, run: Int64, parts: some Sequence<(name: String, bytes: [UInt8])>) throws(KCBXError) {
        // `access` runs in one transaction: the old result stays until the new one is complete.
        try access("saving the \(stage.rawValue) results") { db in
            try Store.writeResult(db, period: period, stage: stage, run: run, parts: parts)
        }
    }

    /// Replaces the stored result inside the caller's transaction (the ledger saves it with its own changes).
    ///
    /// Each chunk's bytes are bound in place (`SQLITE_STATIC`: SQLite reads them while the row is
    /// written), not copied into a `Data` and again into SQLite's own buffer: a million children's
    /// results are close to a gigabyte.
    static func writeResult(_ db: Database, period: String, stage: Stage, run: Int64, parts: some Sequence<(name: String, bytes: [UInt8])>) throws {
        try db.execute(sql: "DELETE FROM stage_result WHERE period = ? AND stage = ?", arguments: [period, stage.rawValue])
        let sql = "INSERT INTO stage_result (period, stage, part, chunk, run_id, format, data) VALUES (?, ?, ?, ?, ?, ?, ?)"
        let insert = try db.makeStatement(sql: sql)
        let statement = insert.sqliteStatement
        func check(_ code: CInt, _ expected: CInt = SQLITE_OK) throws {
            guard code == expected else { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: sql) }
        }
        // SQLite's SQLITE_TRANSIENT (copy the value now) and SQLITE_STATIC (read it in place), macros Swift does not import.
        // unsafe: SQLite C API: SQLITE_TRANSIENT destructor and column/blob bytes are C memory
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        let inPlace: sqlite3_destructor_type? = nil
        defer { sqlite3_reset(statement); sqlite3_clear_bindings(statement) }
        for part in parts {
            // unsafe: SQLite C API: SQLITE_TRANSIENT destructor and column/blob bytes are C memory
            try part.bytes.withUnsafeBytes { bytes in
                var chunk = 0
                var offset = 0
                repeat {
                    let end = min(bytes.count, offset + Store.chunkSize)
                    try check(sqlite3_reset(statement))
                    try check(sqlite3_bind_text(statement, 1, period, -1, transient))
                    try check(sqlite3_bind_text(statement, 2, stage.rawValue, -1, transient))
                    try check(sqlite3_bind_text(statement, 3, part.name, -1, transient))
                    try check(sqlite3_bind_int64(statement, 4, Int64(chunk)))
                    try check(sqlite3_bind_int64(statement, 5, run))
                    try check(sqlite3_bind_int64(statement, 6, Int64(Store.resultFormat)))
                    // An empty part is a zero-length blob, never NULL (the column is NOT NULL).
                    try check(end > offset ? sqlite3_bind_blob(statement, 7, bytes.baseAddress! + offset, CInt(end - offset), inPlace)
                                           : sqlite3_bind_zeroblob(statement, 7, 0))
                    try check(sqlite3_step(statement), SQLITE_DONE)
                    chunk += 1; offset = end
                } while offset < bytes.count
            }
        }
    }

    /// The stored result of `stage` for `period` (part name → bytes), or `nil` when there is none.
    public func loadResult(period: String, stage: Stage) throws(KCBXError) -> [(name: String, bytes: [UInt8])]? {
        var parts: [(name: String, bytes: [UInt8])] = []
        let found = try forEachResultPart(period: period, stage: stage) { name, bytes in parts.append((name, bytes)) }
        return found ? parts : nil
    }

    /// Hands each part of the stored result of `stage` for `period` to `body`, in the order saved, one at a
    /// time (so a large result is never held twice). Returns `false` when there is no result of this format.
    /// An error thrown by `body` stops the reading and is rethrown.
    /// `only`: read just the part of that name (the others are not read from the database).
    @discardableResult
    public func forEachResultPart(period: String, stage: Stage, only: String? = nil,
                                  _ body: (String, [UInt8]) throws(KCBXError) -> Void) throws(KCBXError) -> Bool {
        var failure: KCBXError? = nil
        let found = try read("loading the \(stage.rawValue) results") { db -> Bool in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT part, data, format FROM stage_result WHERE period = ? AND stage = ? AND (? IS NULL OR part = ?) ORDER BY rowid
                """, arguments: [period, stage.rawValue, only, only])
            var current: (name: String, bytes: [UInt8])? = nil
            func deliver() -> Bool {
                guard let part = current else { return true }
                current = nil
                do { try body(part.name, part.bytes) } catch { failure = error; return false }
                return true
            }
            var any = false
            while let row = try rows.next() {
                guard (row["format"] as Int) == Store.resultFormat else { return false }
                any = true
                let name: String = row["part"]
                let data: Data = row["data"]
                if current?.name == name { current!.bytes.append(contentsOf: data) } else {
                    guard deliver() else { return true }
                    current = (name, [UInt8](data))
                }
            }
            _ = deliver()
            return any
        }
        if let failure { throw failure }
        return found
    }

    /// The run that produced the current result of `stage` for `period`.
    public func resultRun(period: String, stage: Stage) throws(KCBXError) -> Int64? {
        try read("reading the results") { db in
            try Int64.fetchOne(db, sql: "SELECT run_id FROM stage_result WHERE period = ? AND stage = ? LIMIT 1", arguments: [period, stage.rawValue])
        }
    }
}
