import Foundation
import GRDB
import GRDBSQLite
import KCBXCore
import KCBXLedger

/// The ledger (台账) in the store: cases, their history (一生一表) with the officer's notes, and the
/// periods applied. Saved in the same transaction as the reconcile result it comes from.
extension Store {
    /// Adds the ledger tables (additive: the run tables are untouched).
    static func registerLedgerMigration(_ m: inout DatabaseMigrator) {
        m.registerMigration("v2: ledger") { db in
            try db.create(table: "ledger_case") { t in
                t.primaryKey("id", .text)
                t.column("code", .text).notNull().indexed()
                t.column("person_id", .text).notNull()
                t.column("state", .text).notNull().indexed()       // open | closed
                t.column("priority", .boolean).notNull()
                t.column("id_number", .text).notNull()
                t.column("name", .text).notNull()
                t.column("birth_date", .text)
                t.column("town", .text).notNull().indexed()
                t.column("school_code", .text).notNull()
                t.column("detail", .text).notNull()
                t.column("evidence", .text).notNull()
                t.column("opened_period", .text).notNull()
                t.column("opened_on", .text).notNull()
                t.column("last_seen_period", .text).notNull()
                t.column("last_seen_on", .text).notNull()
                t.column("closed_on", .text)
                t.column("close_reason", .text)
                t.column("measures", .text).notNull().defaults(to: "")     // 劝返措施
                t.column("responsible", .text).notNull().defaults(to: "")  // 责任人
                t.column("result", .text).notNull().defaults(to: "")       // 处理结果
                t.column("remarks", .text).notNull().defaults(to: "")      // 备注
            }
            // One status entry per case and period (opened | seen | closed | reopened), and the notes entries.
            try db.create(table: "ledger_event") { t in
                t.column("case_id", .text).notNull().references("ledger_case", onDelete: .cascade)
                t.column("period", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("date", .text).notNull()
                t.column("detail", .text).notNull()
                t.column("seq", .integer).notNull()
                t.primaryKey(["case_id", "seq"])
            }
            try db.create(table: "ledger_period") { t in
                t.primaryKey("period", .text)
                t.column("as_of", .text).notNull()
                t.column("run_id", .integer).notNull()
                t.column("updated_at", .datetime).notNull()
            }
        }
        // The officer's closing (处理日期, 销号说明), the version each import made, and the versions the
        // ledger workbooks are issued with (see README "The ledgers (台账)").
        m.registerMigration("v3: officers' ledger versions") { db in
            try db.alter(table: "ledger_case") { t in
                t.add(column: "result_date", .text)                                  // 处理日期
                t.add(column: "explanation", .text).notNull().defaults(to: "")      // 销号说明
                t.add(column: "notes_version", .integer).notNull().defaults(to: 0)
            }
            try db.create(table: "ledger_version") { t in
                t.primaryKey("version", .integer)
                t.column("period", .text).notNull()
                t.column("kind", .text).notNull()    // run | import
                t.column("at", .datetime).notNull()
                t.column("note", .text).notNull()
            }
        }
    }

    /// Versions per ledger (劝返台账, 纠错台账: each its own numbers, raised only when that ledger changed),
    /// the officer's date and the import date of each officer's entry, a refused row's typed text
    /// (待更正), which list last changed a case's notes, and every reply row imported (回执记录).
    static func registerReplyMigration(_ m: inout DatabaseMigrator) {
        m.registerMigration("v4: per-ledger versions and replies") { db in
            try db.create(table: "ledger_work_version") { t in
                t.column("work", .text).notNull()
                t.column("version", .integer).notNull()
                t.column("period", .text).notNull()
                t.column("kind", .text).notNull()    // run | import
                t.column("at", .datetime).notNull()
                t.column("note", .text).notNull()
                t.primaryKey(["work", "version"])
            }
            // Until now every version was both ledgers' version.
            for work in CaseWork.allCases {
                try db.execute(sql: "INSERT INTO ledger_work_version (work, version, period, kind, at, note) SELECT ?, version, period, kind, at, note FROM ledger_version",
                               arguments: [work.rawValue])
            }
            try db.drop(table: "ledger_version")
            try db.alter(table: "ledger_case") { t in
                t.add(column: "notes_source", .text).notNull().defaults(to: "")
                t.add(column: "pending", .text)
            }
            try db.alter(table: "ledger_event") { t in t.add(column: "imported_on", .text) }
            try db.create(table: "ledger_reply") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("kind", .text).notNull()
                t.column("period", .text).notNull()
                t.column("key", .text).notNull().indexed()
                t.column("case_id", .text)
                t.column("person_id", .text).notNull()
                t.column("choice", .text).notNull()
                t.column("person", .text).notNull()
                t.column("date", .text)
                t.column("school", .text).notNull()
                t.column("place", .text).notNull()
                t.column("explanation", .text).notNull()
                t.column("imported_on", .text).notNull()
                t.column("file", .text).notNull()
            }
        }
    }

    /// The version of ledger `work`: raised by every run and every import that changes one of its cases;
    /// its workbooks carry the version they were written at. 0 before any.
    public func ledgerVersion(_ work: CaseWork) throws(KCBXError) -> Int {
        try read("reading the ledger version") { db in
            try Int.fetchOne(db, sql: "SELECT MAX(version) FROM ledger_work_version WHERE work = ?", arguments: [work.rawValue]) ?? 0
        }
    }

    /// Both ledgers' versions.
    public func ledgerVersions() throws(KCBXError) -> [CaseWork: Int] {
        var versions: [CaseWork: Int] = [:]
        for work in CaseWork.allCases { versions[work] = try ledgerVersion(work) }
        return versions
    }

    /// The highest version of either ledger.
    public func ledgerVersion() throws(KCBXError) -> Int { try ledgerVersions().values.max() ?? 0 }

    static func addVersion(_ db: Database, work: CaseWork, period: String, kind: String, note: String) throws -> Int {
        let next = (try Int.fetchOne(db, sql: "SELECT MAX(version) FROM ledger_work_version WHERE work = ?", arguments: [work.rawValue]) ?? 0) + 1
        try db.execute(sql: "INSERT INTO ledger_work_version (work, version, period, kind, at, note) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [work.rawValue, next, period, kind, Date(), note])
        return next
    }

    /// Saves an import (the caller holds the run lock), in one transaction: its changed cases, each
    /// ledger of `versions` raised to its version there (the next one), and the reply rows read.
    /// Nothing is saved, and no version raised, when nothing changed.
    public func saveImport(_ cases: [Case], versions: [CaseWork: Int], period: String, file: String, replies: [ReplyEntry] = []) throws(KCBXError) {
        guard !cases.isEmpty || !replies.isEmpty else { return }
        try access("saving the ledger") { db in
            for (work, version) in versions.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                let next = try Store.addVersion(db, work: work, period: period, kind: "import", note: file)
                guard next == version else {
                    throw KCBXError(.runFailed, "导入期间台账已被更改（\(work.title)第\(next - 1)版，应为第\(version - 1)版），请重新导入")
                }
            }
            try Store.writeCases(db, cases)
            let insert = try RawStatement(db, """
                INSERT INTO ledger_reply (kind, period, key, case_id, person_id, choice, person, date, school, place, explanation, imported_on, file)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for r in replies {
                try insert.run { s in
                    try s.bind(1, r.kind.rawValue); try s.bind(2, r.period); try s.bind(3, r.key); try s.bind(4, r.caseID)
                    try s.bind(5, r.personID); try s.bind(6, r.choice); try s.bind(7, r.person); try s.bind(8, r.date?.description)
                    try s.bind(9, r.school); try s.bind(10, r.place); try s.bind(11, r.explanation); try s.bind(12, r.importedOn.description)
                    try s.bind(13, r.file)
                }
            }
        }
    }

    /// Saves an import's changed cases as version `version` of both ledgers (as before versions were per ledger).
    public func saveImport(_ cases: [Case], version: Int, period: String, file: String) throws(KCBXError) {
        guard !cases.isEmpty else { return }
        try saveImport(cases, versions: Dictionary(uniqueKeysWithValues: CaseWork.allCases.map { ($0, version) }), period: period, file: file)
    }

    /// Every reply row imported (回执记录), oldest first.
    public func replies() throws(KCBXError) -> [ReplyEntry] {
        try read("loading the replies") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM ledger_reply ORDER BY id").compactMap { row -> ReplyEntry? in
                guard let kind = ReplyKind(rawValue: row["kind"]), let on = CivilDate(iso: row["imported_on"]) else { return nil }
                return ReplyEntry(kind: kind, period: row["period"], key: row["key"], caseID: row["case_id"], personID: row["person_id"],
                                  choice: row["choice"], person: row["person"], date: (row["date"] as String?).flatMap { CivilDate(iso: $0) },
                                  school: row["school"], place: row["place"], explanation: row["explanation"], importedOn: on, file: row["file"])
            }
        }
    }

    /// Every case of the ledger with its history, in case-id order.
    public func loadCases() throws(KCBXError) -> [Case] {
        try read("loading the ledger") { db in try Store.fetchCases(db, where: nil, arguments: []) }
    }

    /// The cases with the given ids (those that exist).
    public func cases(ids: [String]) throws(KCBXError) -> [String: Case] {
        try read("loading ledger cases") { db in
            var result: [String: Case] = [:]
            for batch in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min(ids.count, $0 + 500)]) }) {
                let marks = Array(repeating: "?", count: batch.count).joined(separator: ",")
                for c in try Store.fetchCases(db, where: "id IN (\(marks))", arguments: StatementArguments(batch)) { result[c.id] = c }
            }
            return result
        }
    }

    /// The cases of the children `personIDs` (a reply keyed by a child's 登记编号 finds the case opened since).
    public func cases(personIDs: [String]) throws(KCBXError) -> [Case] {
        try read("loading ledger cases") { db in
            var result: [Case] = []
            for batch in stride(from: 0, to: personIDs.count, by: 500).map({ Array(personIDs[$0..<min(personIDs.count, $0 + 500)]) }) {
                let marks = Array(repeating: "?", count: batch.count).joined(separator: ",")
                result += try Store.fetchCases(db, where: "person_id IN (\(marks))", arguments: StatementArguments(batch))
            }
            return result
        }
    }

    /// The periods applied to the ledger, with their as-of dates.
    public func ledgerPeriods() throws(KCBXError) -> [String: CivilDate] {
        try read("loading the ledger periods") { db in
            var result: [String: CivilDate] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT period, as_of FROM ledger_period") {
                if let d = CivilDate(iso: row["as_of"]) { result[row["period"]] = d }
            }
            return result
        }
    }

    /// Saves the reconcile result of `period` and the ledger cases it changed, in one transaction: a
    /// killed run leaves both as they were.
    /// `works`: the ledgers the changed cases are on (each gets a new version); nil: both.
    public func saveReconcile(period: String, asOf: CivilDate, run: Int64, parts: [(name: String, bytes: [UInt8])],
                              changedCases: [Case], works: Set<CaseWork>? = nil) throws(KCBXError) {
        try access("saving the reconcile results and the ledger") { db in
            try Store.writeResult(db, period: period, stage: .reconcile, run: run, parts: parts)
            try Store.writeCases(db, changedCases)
            if !changedCases.isEmpty {
                for work in CaseWork.allCases where works?.contains(work) ?? true {
                    _ = try Store.addVersion(db, work: work, period: period, kind: "run", note: "run \(run)")
                }
            }
            try db.execute(sql: """
                INSERT INTO ledger_period (period, as_of, run_id, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT(period) DO UPDATE SET as_of = excluded.as_of, run_id = excluded.run_id, updated_at = excluded.updated_at
                """, arguments: [period, asOf.description, run, Date()])
        }
    }

    /// Saves cases whose notes changed (from `kcbx cases import`), in one transaction.
    public func saveCases(_ cases: [Case]) throws(KCBXError) {
        try access("saving the ledger") { db in try Store.writeCases(db, cases) }
    }

    /// Writes (or deletes) `cases` with their history, through statements prepared once and bound with
    /// SQLite's own calls: a county with half a million findings writes half a million cases in one
    /// transaction. The cases go in id order, so the B-trees (cases by id, entries by case) grow at
    /// their right edge instead of touching a random 64 KiB page per case, and the page cache is raised
    /// for the write so that modified pages are not spilled (and journaled) again and again.
    static func writeCases(_ db: Database, _ cases: [Case]) throws {
        guard !cases.isEmpty else { return }
        // Byte order, as SQLite's index compares; among equal ids (not expected) the later one still wins.
        let order = cases.indices.sorted { a, b in
            let x = cases[a].id.utf8, y = cases[b].id.utf8
            return x.elementsEqual(y) ? a < b : x.lexicographicallyPrecedes(y)
        }
        let previousCache = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
        try db.execute(sql: "PRAGMA cache_size = -65536")  // KiB: 64 MiB at most, used only as pages are touched
        defer { try? db.execute(sql: "PRAGMA cache_size = \(previousCache)") }
        let upsertSQL = """
            INSERT INTO ledger_case (id, code, person_id, state, priority, id_number, name, birth_date, town, school_code,
              detail, evidence, opened_period, opened_on, last_seen_period, last_seen_on, closed_on, close_reason,
              measures, responsible, result, remarks, result_date, explanation, notes_version, notes_source, pending)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET code = excluded.code, person_id = excluded.person_id, state = excluded.state,
              priority = excluded.priority, id_number = excluded.id_number, name = excluded.name, birth_date = excluded.birth_date,
              town = excluded.town, school_code = excluded.school_code, detail = excluded.detail, evidence = excluded.evidence,
              opened_period = excluded.opened_period, opened_on = excluded.opened_on, last_seen_period = excluded.last_seen_period,
              last_seen_on = excluded.last_seen_on, closed_on = excluded.closed_on, close_reason = excluded.close_reason,
              measures = excluded.measures, responsible = excluded.responsible, result = excluded.result, remarks = excluded.remarks,
              result_date = excluded.result_date, explanation = excluded.explanation, notes_version = excluded.notes_version,
              notes_source = excluded.notes_source, pending = excluded.pending
            """
        let upsert = try RawStatement(db, upsertSQL)
        let clear = try RawStatement(db, "DELETE FROM ledger_event WHERE case_id = ?")
        let event = try RawStatement(db, "INSERT INTO ledger_event (case_id, period, kind, date, detail, seq, imported_on) VALUES (?, ?, ?, ?, ?, ?, ?)")
        let remove = try RawStatement(db, "DELETE FROM ledger_case WHERE id = ?")
        for i in order {
            let c = cases[i]
            // A case with no history is found by no period (a rerun no longer finds it): it leaves the ledger.
            if c.history.isEmpty {
                try clear.run { s in try s.bind(1, c.id) }
                try remove.run { s in try s.bind(1, c.id) }
                continue
            }
            try upsert.run { s in
                try s.bind(1, c.id); try s.bind(2, c.code.rawValue); try s.bind(3, c.personID); try s.bind(4, c.state.rawValue)
                try s.bind(5, c.priority ? 1 : 0); try s.bind(6, c.idNumber); try s.bind(7, c.name); try s.bind(8, c.birthDate?.description)
                try s.bind(9, c.town); try s.bind(10, c.schoolCode); try s.bind(11, c.detail); try s.bind(12, c.evidence)
                try s.bind(13, c.openedPeriod); try s.bind(14, c.openedOn.description); try s.bind(15, c.lastSeenPeriod)
                try s.bind(16, c.lastSeenOn.description); try s.bind(17, c.closedOn?.description); try s.bind(18, c.closeReason)
                try s.bind(19, c.notes.measures); try s.bind(20, c.notes.responsible); try s.bind(21, c.notes.result)
                try s.bind(22, c.notes.remarks); try s.bind(23, c.notes.date?.description); try s.bind(24, c.notes.explanation)
                try s.bind(25, c.notesVersion); try s.bind(26, c.notesSource); try s.bind(27, c.pending?.stored)
            }
            try clear.run { s in try s.bind(1, c.id) }
            for (n, e) in c.history.enumerated() {
                try event.run { s in
                    try s.bind(1, c.id); try s.bind(2, e.period); try s.bind(3, e.kind.rawValue); try s.bind(4, e.date.description)
                    try s.bind(5, e.detail); try s.bind(6, n); try s.bind(7, e.importedOn?.description)
                }
            }
        }
    }

    static let caseColumns = """
        id, code, person_id, state, priority, id_number, name, birth_date, town, school_code, detail, evidence, opened_period,
        opened_on, last_seen_period, last_seen_on, closed_on, close_reason, measures, responsible, result, remarks, result_date,
        explanation, notes_version, notes_source, pending
        """

    /// The cases matching `condition` (all when nil) with their history, in case-id order; read row by
    /// row through SQLite's own calls (no row objects, no column lookups by name).
    static func fetchCases(_ db: Database, where condition: String?, arguments: StatementArguments) throws -> [Case] {
        let filter = condition.map { " WHERE " + $0 } ?? ""
        var cases: [Case] = []
        var position: [String: Int] = [:]
        // The few distinct dates and periods are parsed (and their strings made) once.
        var dates: [String: CivilDate] = [:]
        func date(_ text: String?) -> CivilDate? {
            guard let text else { return nil }
            if let d = dates[text] { return d }
            let d = CivilDate(iso: text)
            if let d { dates[text] = d }
            return d
        }
        var strings = Interner()
        let caseRows = try db.makeStatement(sql: "SELECT \(caseColumns) FROM ledger_case\(filter) ORDER BY id")
        try caseRows.setArguments(arguments)
        try RawStatement.rows(caseRows) { r in
            guard let code = FindingCode(rawValue: r.text(1)), let state = Case.State(rawValue: r.text(3)),
                  let opened = date(r.text(13)), let seen = date(r.text(15)) else { return }
            let id = r.text(0)
            position[id] = cases.count
            cases.append(Case(id: id, code: code, personID: r.text(2), state: state, priority: r.int(4) != 0,
                              idNumber: r.text(5), name: r.text(6), birthDate: date(r.optionalText(7)),
                              town: strings[r.text(8)], schoolCode: strings[r.text(9)], detail: r.text(10), evidence: r.text(11),
                              openedPeriod: strings[r.text(12)], openedOn: opened, lastSeenPeriod: strings[r.text(14)], lastSeenOn: seen,
                              closedOn: date(r.optionalText(16)), closeReason: r.optionalText(17).map { strings[$0] },
                              notes: OfficerNotes(measures: r.text(18), responsible: r.text(19), result: r.text(20), remarks: r.text(21),
                                                  date: date(r.optionalText(22)), explanation: r.text(23)),
                              notesVersion: Int(r.int(24)), notesSource: r.text(25), pending: PendingNotes(stored: r.optionalText(26))))
        }
        let eventFilter = condition.map { " WHERE case_id IN (SELECT id FROM ledger_case WHERE \($0))" } ?? ""
        let eventRows = try db.makeStatement(sql: "SELECT case_id, period, kind, date, detail, imported_on FROM ledger_event\(eventFilter) ORDER BY case_id, seq")
        try eventRows.setArguments(arguments)
        // Entries come grouped by case: the case of the previous entry is checked before the dictionary.
        var last = (id: "", index: -1)
        try RawStatement.rows(eventRows) { r in
            let caseID = r.text(0)
            let i: Int
            if last.index >= 0, caseID == last.id { i = last.index } else {
                guard let found = position[caseID] else { return }
                i = found; last = (caseID, found)
            }
            let imported = date(r.optionalText(5))
            guard let kind = CaseEvent.Kind(rawValue: r.text(2)), let day = date(r.text(3)) else { return }
            cases[i].history.append(CaseEvent(period: strings[r.text(1)], date: day, kind: kind, detail: strings[r.text(4)],
                                              importedOn: imported))
        }
        return cases
    }
}

/// One distinct copy of each repeated string (periods, towns, close reasons): half a million cases
/// share a few dozen of them.
struct Interner {
    private var table: [String: String] = [:]
    subscript(_ s: String) -> String {
        mutating get {
            if s.utf8.count <= 15 { return s }  // small strings are stored inline anyway
            if let known = table[s] { return known }
            if table.count < 10_000 { table[s] = s }
            return s
        }
    }
}

/// A statement prepared once and run many times, its values bound with SQLite's own calls (GRDB's
/// arguments cost an array of boxed values per row).
struct RawStatement {
    let statement: Statement
    let sql: String
    let db: Database
    var handle: OpaquePointer { statement.sqliteStatement }
    // unsafe: SQLite C API: SQLITE_TRANSIENT destructor and column/blob bytes are C memory
    static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ db: Database, _ sql: String) throws {
        self.db = db; self.sql = sql
        statement = try db.makeStatement(sql: sql)
    }

    func check(_ code: CInt, _ expected: CInt = SQLITE_OK) throws {
        guard code == expected else { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: sql) }
    }

    func bind(_ i: CInt, _ text: String?) throws {
        guard var text else { try check(sqlite3_bind_null(handle, i)); return }
        try text.withUTF8 { bytes in
            // An empty string is bound as text, never NULL (the columns are NOT NULL).
            try bytes.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress {
                    try check(sqlite3_bind_text(handle, i, base, CInt(chars.count), RawStatement.transient))
                } else {
                    try check(sqlite3_bind_text(handle, i, "", 0, RawStatement.transient))
                }
            }
        }
    }

    func bind(_ i: CInt, _ value: Int) throws { try check(sqlite3_bind_int64(handle, i, Int64(value))) }

    /// Binds the values with `body`, then runs the statement once.
    func run(_ body: (RawStatement) throws -> Void) throws {
        try check(sqlite3_reset(handle))
        try check(sqlite3_clear_bindings(handle))
        try body(self)
        try check(sqlite3_step(handle), SQLITE_DONE)
    }

    /// A row of a query, read in place.
    struct Row {
        let handle: OpaquePointer
        func text(_ i: CInt) -> String { optionalText(i) ?? "" }
        func optionalText(_ i: CInt) -> String? {
            guard let p = sqlite3_column_text(handle, i) else { return nil }
            // unsafe: SQLite C API: SQLITE_TRANSIENT destructor and column/blob bytes are C memory
            return String(decoding: UnsafeBufferPointer(start: p, count: Int(sqlite3_column_bytes(handle, i))), as: UTF8.self)
        }
        func int(_ i: CInt) -> Int64 { sqlite3_column_int64(handle, i) }
    }

    /// Steps through the rows of `statement` (its arguments set), handing each to `body`.
    static func rows(_ statement: Statement, _ body: (Row) throws -> Void) throws {
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))), sql: statement.sql)
            }
            try body(Row(handle: handle))
        }
    }
}
