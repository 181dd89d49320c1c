import Foundation
import KCBXCore
import KCBXLedger
import KCBXReconcile
import KCBXReport
import KCBXStore

/// `kcbx cases import`: an officer's edited ledger back into the store (README "The ledgers (台账)").
///
/// Under the store's run lock: the copy's ledger, period and version are checked against the store (a
/// copy of an earlier period is refused whole, naming the newer ledger), its rows are imported
/// append-only (``LedgerBook/importNotes(_:cases:period:date:version:copyVersion:work:checksum:)``),
/// and when anything changed the ledger's next version is written to `<output>/填报/` at once, so
/// officers go on in a copy no import has overtaken.
public enum LedgerImport {
    public struct Outcome: Sendable {
        public var copy: LedgerWorkbook.Copy
        public var rows: Int
        public var changed: Int
        public var closed: Int
        public var unchanged: Int
        /// Rows not imported, each with its row number and why.
        public var problems: [String]
        /// The ledger's version after the import.
        public var version: Int
        /// The ledger workbooks written at that version.
        public var written: [URL]
    }

    public static func run(_ url: URL, config: PipelineConfig, store: Store, today: CivilDate = .today()) throws(KCBXError) -> Outcome {
        let lock = try RunLock(store: store.url)
        defer { withExtendedLifetime(lock) {} }
        let (copy, rows, readProblems) = try LedgerWorkbook.readNotes(url)
        let periods = try store.ledgerPeriods()
        guard let latest = periods.keys.max() else {
            throw KCBXError(.input, "the ledger in this store is empty: nothing to import into", file: url.path)
        }
        let current = try store.ledgerVersion()
        if copy.period < latest {
            let newer = LedgerWorkbook.fileName(copy.work, period: latest, version: current)
            throw KCBXError(.input, "this copy is the \(copy.work.title) of \(copy.period) (version \(copy.version)); the ledger is at \(latest) now, and \(LedgerWorkbook.folder)/\(newer) is newer: enter the rows there. Nothing imported", file: url.path)
        }
        if copy.period > latest || copy.version > current {
            throw KCBXError(.input, "this copy says \(copy.period), version \(copy.version), but the ledger of this store is at \(latest), version \(current): it comes from another store or was altered. Nothing imported", file: url.path)
        }
        let stored = try store.cases(ids: Array(Set(rows.map(\.caseID))))
        let imports = rows.map { LedgerBook.NotesImport(line: $0.line, caseID: $0.caseID, checksum: $0.checksum, notes: $0.notes,
                                                        untouched: $0.untouched) }
        let version = current + 1
        let result = LedgerBook.importNotes(imports, cases: stored, period: latest, date: today, version: version,
                                            copyVersion: copy.version, work: copy.work) {
            LedgerWorkbook.checksum(caseID: $0.id, personID: $0.personID)
        }
        try store.saveImport(result.changed, version: version, period: latest, file: url.lastPathComponent)
        var written: [URL] = []
        if !result.changed.isEmpty {
            var issued = config
            if let asOf = periods[latest] { issued.asOf = asOf }
            let cases = LedgerBook.view(asOf: latest, try store.loadCases())
            let sources = (try? StoredResults(store: store, period: latest).loadNormalized()) ?? []
            let ledger = LedgerWorkbook.Issue(cases: cases, config: issued, period: latest, version: version,
                                              schools: LedgerWorkbook.schoolNames(ChildFacts.schools(sources), for: cases))
            let folder = config.outputDirectory.appendingPathComponent(LedgerWorkbook.folder)
            for work in CaseWork.allCases {
                if let url = try LedgerWorkbook.issue(ledger, work: work, into: folder) { written.append(url) }
            }
        }
        return Outcome(copy: copy, rows: rows.count, changed: result.changed.count, closed: result.closed, unchanged: result.unchanged,
                       problems: readProblems + result.problems, version: result.changed.isEmpty ? current : version, written: written)
    }
}
