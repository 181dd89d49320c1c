import Foundation
import GRDB
import KCBXCore

/// A stored clerical-review decision (人工核对结论) on a pair of records, keyed by the records' fingerprints;
/// it stands in every later run until replaced.
public struct StoredReviewDecision: Sendable, Equatable {
    /// Fingerprints of the two records (the link stage's `LinkStage.fingerprint`).
    public var recordA: String
    public var recordB: String
    /// 是同一人 (`true`) or 不是同一人 (`false`).
    public var same: Bool
    /// The workbook the decision came from, and when it was imported.
    public var file: String
    public var decidedAt: Date
    public init(recordA: String, recordB: String, same: Bool, file: String, decidedAt: Date = Date()) {
        self.recordA = recordA; self.recordB = recordB; self.same = same; self.file = file; self.decidedAt = decidedAt
    }
}

extension Store {
    /// Adds the `review_decision` table (additive migration).
    static func registerReviewMigration(_ m: inout DatabaseMigrator) {
        m.registerMigration("v2: review decisions") { db in
            try db.create(table: "review_decision") { t in
                t.column("record_a", .text).notNull()
                t.column("record_b", .text).notNull()
                t.column("same", .boolean).notNull()
                t.column("file", .text).notNull()
                t.column("decided_at", .datetime).notNull()
                t.primaryKey(["record_a", "record_b"])
            }
        }
    }

    /// Stores `decisions`, replacing earlier decisions on the same pairs (in either order). Returns how many were stored.
    @discardableResult
    public func saveReviewDecisions(_ decisions: [StoredReviewDecision]) throws(KCBXError) -> Int {
        try access("saving review decisions") { db in
            for d in decisions {
                let (a, b) = d.recordA <= d.recordB ? (d.recordA, d.recordB) : (d.recordB, d.recordA)
                try db.execute(sql: "INSERT OR REPLACE INTO review_decision (record_a, record_b, same, file, decided_at) VALUES (?, ?, ?, ?, ?)",
                               arguments: [a, b, d.same, d.file, d.decidedAt])
            }
            return decisions.count
        }
    }

    /// Every stored decision.
    public func reviewDecisions() throws(KCBXError) -> [StoredReviewDecision] {
        try read("reading review decisions") { db in
            try Row.fetchAll(db, sql: "SELECT record_a, record_b, same, file, decided_at FROM review_decision ORDER BY decided_at, record_a, record_b").map {
                StoredReviewDecision(recordA: $0["record_a"], recordB: $0["record_b"], same: $0["same"], file: $0["file"], decidedAt: $0["decided_at"])
            }
        }
    }
}
