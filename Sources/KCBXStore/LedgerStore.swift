import Foundation
import GRDB
import KCBXCore

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
    public func saveReconcile(period: String, asOf: CivilDate, run: Int64, parts: [(name: String, bytes: [UInt8])],
                              changedCases: [Case]) throws(KCBXError) {
        try access("saving the reconcile results and the ledger") { db in
            try Store.writeResult(db, period: period, stage: .reconcile, run: run, parts: parts)
            try Store.writeCases(db, changedCases)
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

    static func writeCases(_ db: Database, _ cases: [Case]) throws {
        let upsert = try db.makeStatement(sql: """
            INSERT OR REPLACE INTO ledger_case (id, code, person_id, state, priority, id_number, name, birth_date, town, school_code,
              detail, evidence, opened_period, opened_on, last_seen_period, last_seen_on, closed_on, close_reason,
              measures, responsible, result, remarks)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let clear = try db.makeStatement(sql: "DELETE FROM ledger_event WHERE case_id = ?")
        let event = try db.makeStatement(sql: "INSERT INTO ledger_event (case_id, period, kind, date, detail, seq) VALUES (?, ?, ?, ?, ?, ?)")
        let remove = try db.makeStatement(sql: "DELETE FROM ledger_case WHERE id = ?")
        for c in cases {
            // A case with no history is found by no period (a rerun no longer finds it): it leaves the ledger.
            if c.history.isEmpty {
                try clear.execute(arguments: [c.id]); try remove.execute(arguments: [c.id])
                continue
            }
            let values: [(any DatabaseValueConvertible)?] = [
                c.id, c.code.rawValue, c.personID, c.state.rawValue, c.priority, c.idNumber, c.name, c.birthDate?.description, c.town,
                c.schoolCode, c.detail, c.evidence, c.openedPeriod, c.openedOn.description, c.lastSeenPeriod, c.lastSeenOn.description,
                c.closedOn?.description, c.closeReason, c.notes.measures, c.notes.responsible, c.notes.result, c.notes.remarks,
            ]
            try upsert.execute(arguments: StatementArguments(values))
            try clear.execute(arguments: [c.id])
            for (i, e) in c.history.enumerated() {
                try event.execute(arguments: [c.id, e.period, e.kind.rawValue, e.date.description, e.detail, i])
            }
        }
    }

    static func fetchCases(_ db: Database, where condition: String?, arguments: StatementArguments) throws -> [Case] {
        let filter = condition.map { " WHERE " + $0 } ?? ""
        var cases: [Case] = []
        var position: [String: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM ledger_case\(filter) ORDER BY id", arguments: arguments) {
            guard let code = FindingCode(rawValue: row["code"]), let state = Case.State(rawValue: row["state"]),
                  let opened = CivilDate(iso: row["opened_on"]), let seen = CivilDate(iso: row["last_seen_on"]) else { continue }
            position[row["id"]] = cases.count
            cases.append(Case(id: row["id"], code: code, personID: row["person_id"], state: state, priority: row["priority"],
                              idNumber: row["id_number"], name: row["name"], birthDate: (row["birth_date"] as String?).flatMap(CivilDate.init(iso:)),
                              town: row["town"], schoolCode: row["school_code"], detail: row["detail"], evidence: row["evidence"],
                              openedPeriod: row["opened_period"], openedOn: opened, lastSeenPeriod: row["last_seen_period"], lastSeenOn: seen,
                              closedOn: (row["closed_on"] as String?).flatMap(CivilDate.init(iso:)), closeReason: row["close_reason"],
                              notes: OfficerNotes(measures: row["measures"], responsible: row["responsible"], result: row["result"],
                                                  remarks: row["remarks"])))
        }
        let eventFilter = condition.map { " WHERE case_id IN (SELECT id FROM ledger_case WHERE \($0))" } ?? ""
        for row in try Row.fetchAll(db, sql: "SELECT * FROM ledger_event\(eventFilter) ORDER BY case_id, seq", arguments: arguments) {
            guard let i = position[row["case_id"]], let kind = CaseEvent.Kind(rawValue: row["kind"]),
                  let date = CivilDate(iso: row["date"]) else { continue }
            cases[i].history.append(CaseEvent(period: row["period"], date: date, kind: kind, detail: row["detail"]))
        }
        return cases
    }
}
