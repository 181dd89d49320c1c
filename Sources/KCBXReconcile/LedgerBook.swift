import Dispatch
import KCBXCore
import KCBXLink
import KCBXNormalize

/// The ledger (台账) rules: how a period's findings open, keep, close (销号) and reopen cases.
///
/// The ledger is a function of the periods' findings taken in period order. Each case keeps one status
/// entry per period in its history (立案 opened, 在办 seen, 销号 closed, 重新立案 reopened); officers'
/// notes are entries of their own. Updating period P replaces P's entries and replays every period in
/// order, so:
/// - rerunning P adds no case and no entry twice (P's entries are replaced, not appended);
/// - rerunning an earlier period never closes a case a later period found: the later period still
///   finds it, so it stays open (or is opened there); a case the rerun opens and a later period did not
///   find is closed in that later period, "not found in that period".
public enum LedgerBook {
    /// A case found by a period's reconcile, as officers see it.
    public struct Sighting: Sendable {
        public var caseID: String
        public var code: FindingCode
        public var personID: String
        public var priority: Bool
        public var idNumber: String, name: String
        public var birthDate: CivilDate?
        public var town: String, schoolCode: String, detail: String
        /// `source#record;…`.
        public var evidence: String
        public init(caseID: String, code: FindingCode, personID: String, priority: Bool, idNumber: String, name: String,
                    birthDate: CivilDate?, town: String, schoolCode: String, detail: String, evidence: String) {
            self.caseID = caseID; self.code = code; self.personID = personID; self.priority = priority; self.idNumber = idNumber
            self.name = name; self.birthDate = birthDate; self.town = town; self.schoolCode = schoolCode; self.detail = detail
            self.evidence = evidence
        }
    }

    /// The sightings of a period's findings: the identity shown (hukou record first, then 学籍, then any).
    public static func sightings(_ findings: [Finding], sources: [NormalizedSource], index: PersonIndex) -> [Sighting] {
        var positions: [String: Int] = [:]
        let wanted = Set(findings.map(\.personID))
        for (i, p) in index.persons.enumerated() where wanted.contains(p.id) { positions[p.id] = i }
        let position = positions
        let ranks = sources.map { s -> Int in
            switch s.role { case .hukou: 0; case .studentStatus: 1; case .disability: 2; default: 3 }
        }
        // Chunks of findings on every core, in order; the records' fields are read in place, not copied.
        let chunk = 4096, chunks = (findings.count + chunk - 1) / chunk
        let results = ConcurrentResults<[Sighting]>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            results[c] = findings[(c * chunk)..<min(findings.count, (c + 1) * chunk)].map { f in
                var refs = f.evidence
                if let i = position[f.personID] { refs += index.persons[i].members }
                refs.sort { (ranks[$0.source], $0) < (ranks[$1.source], $1) }
                var id = "", name = "", birth: CivilDate? = nil
                for ref in refs {
                    let records = sources[ref.source].records
                    if id.isEmpty, let n = records[ref.record].id, n.kind != .missing { id = n.shown }
                    if name.isEmpty, let n = records[ref.record].name, !n.isPlaceholder { name = n.normalized }
                    if birth == nil { birth = records[ref.record].birthDate }
                    if !id.isEmpty && !name.isEmpty && birth != nil { break }
                }
                let evidence = f.evidence.map { "\(sources[$0.source].source)#\(sources[$0.source].records[$0.record].recordNumber)" }
                    .joined(separator: ";")
                return Sighting(caseID: f.caseID, code: f.code, personID: f.personID, priority: f.priority, idNumber: id, name: name,
                                birthDate: birth, town: f.town, schoolCode: f.schoolCode, detail: f.detail, evidence: evidence)
            }
        }
        return results.values.flatMap { $0 ?? [] }
    }

    /// Updates the ledger with period `period`'s reconcile `result` (as of `config.asOf`): the sightings of
    /// its findings, with close reasons read from this period's records. Returns the cases that changed.
    public static func update(period: String, config: PipelineConfig, result: ReconcileResult, sources: [NormalizedSource],
                              index: PersonIndex, cases: [Case], periods: [String: CivilDate]) -> [Case] {
        let found = sightings(result.findings, sources: sources, index: index)
        let foundIDs = Set(found.map(\.caseID))
        // Cases this period may close: open ones, and any with entries from this period on (a rerun, or an earlier period).
        let closing = Set(cases.filter { c in
            !foundIDs.contains(c.id) && (c.state == .open || c.history.contains { $0.kind != .notes && $0.period >= period })
        }.map(\.personID))
        let reasons = CloseReasons(sources: sources, index: index, config: config, personIDs: closing)
        return apply(period: period, asOf: config.asOf, found: found, periods: periods, cases: cases, closeReason: reasons.reason(for:))
    }

    /// Applies period `period` (as of `asOf`) to the ledger: `cases` as stored, `periods` every period
    /// applied so far (period → as-of date; `period` itself is added), `found` this period's sightings.
    /// `closeReason` says, from this period's data, why an open case is no longer found. Returns the
    /// cases that changed (new ones included). A case no period finds any more and without notes comes
    /// back with an empty history: it leaves the ledger (the store deletes it).
    public static func apply(period: String, asOf: CivilDate, found: [Sighting], periods: [String: CivilDate], cases: [Case],
                             closeReason: (Case) -> String) -> [Case] {
        var periods = periods
        periods[period] = asOf
        let order = periods.sorted { $0.key < $1.key }
        var sightings: [String: Sighting] = [:]
        for s in found where sightings[s.caseID] == nil { sightings[s.caseID] = s }
        let sighting = sightings
        // A case found this period never needs its close reason (`replay` asks only for a case open and
        // not found in `period`): those are replayed on every core, in chunks; the others in turn.
        // The result keeps the order of `cases`, then of `found`.
        var newSightings: [Sighting] = []
        var known = Set<String>()
        known.reserveCapacity(cases.count + found.count)
        for old in cases { known.insert(old.id) }
        for s in found where !known.contains(s.caseID) { known.insert(s.caseID); newSightings.append(s) }
        let fresh = newSightings
        let total = cases.count + fresh.count
        let chunk = 4096, chunks = (total + chunk - 1) / chunk
        let replayed = ConcurrentResults<[Case?]>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            var out: [Case?] = []
            for i in (c * chunk)..<min(total, (c + 1) * chunk) {
                if i < cases.count {
                    let old = cases[i]
                    guard let s = sighting[old.id] else { out.append(nil); continue }
                    let new = replay(old, period: period, sighting: s, order: order, closeReason: { _ in "" })
                    out.append(new != old ? new : nil)
                } else {
                    let s = fresh[i - cases.count]
                    let new = Case(id: s.caseID, code: s.code, personID: s.personID, state: .open, priority: s.priority, idNumber: s.idNumber,
                                   name: s.name, birthDate: s.birthDate, town: s.town, schoolCode: s.schoolCode, detail: s.detail,
                                   evidence: s.evidence, openedPeriod: period, openedOn: asOf, lastSeenPeriod: period, lastSeenOn: asOf)
                    out.append(replay(new, period: period, sighting: s, order: order, closeReason: { _ in "" }))
                }
            }
            replayed[c] = out
        }
        var changed: [Case] = []
        var i = 0
        for part in replayed.values {
            for new in part ?? [] {
                if i < cases.count, sighting[cases[i].id] == nil {
                    let old = cases[i]
                    let new = replay(old, period: period, sighting: nil, order: order, closeReason: closeReason)
                    if new != old { changed.append(new) }
                } else if let new { changed.append(new) }
                i += 1
            }
        }
        return changed
    }

    static func periodDate(_ period: String, _ order: [(key: String, value: CivilDate)]) -> CivilDate? {
        order.first { $0.key == period }?.value
    }

    static func isFound(_ kind: CaseEvent.Kind) -> Bool { kind == .opened || kind == .seen || kind == .reopened }

    /// Rebuilds one case's status entries over every period in order, with `period` decided by `sighting`.
    static func replay(_ old: Case, period: String, sighting: Sighting?, order: [(key: String, value: CivilDate)],
                       closeReason: (Case) -> String) -> Case {
        var c = old
        var before: [String: CaseEvent] = [:]
        for e in old.history where e.kind != .notes { before[e.period] = e }
        var events = old.history.filter { $0.kind == .notes }
        var open: Bool? = nil  // nil: not yet opened
        for (q, date) in order {
            let previous = before[q]
            let found = q == period ? sighting != nil : previous.map { isFound($0.kind) } ?? false
            let detail = q == period ? sighting?.detail ?? "" : previous?.detail ?? ""
            switch (found, open) {
            case (true, nil): events.append(CaseEvent(period: q, date: date, kind: .opened, detail: detail)); open = true
            case (true, true?): events.append(CaseEvent(period: q, date: date, kind: .seen, detail: detail))
            case (true, false?): events.append(CaseEvent(period: q, date: date, kind: .reopened, detail: detail)); open = true
            case (false, true?):
                let reason: String
                if q == period { reason = closeReason(c) } else if let previous, previous.kind == .closed { reason = previous.detail } else {
                    reason = "\(q) 期比对未再发现"
                }
                events.append(CaseEvent(period: q, date: date, kind: .closed, detail: reason)); open = false
            case (false, nil):
                // A case no period found, kept for the officer's notes, keeps its closing entry.
                if q != period, let previous, previous.kind == .closed { events.append(previous) }
            case (false, false?): break
            }
        }
        events.sort { ($0.period, $0.kind == .notes ? 1 : 0, $0.date) < ($1.period, $1.kind == .notes ? 1 : 0, $1.date) }
        c.history = events
        derive(&c)
        if !events.contains(where: { $0.kind != .notes }) {
            guard !events.isEmpty || !c.notes.isEmpty, let date = periodDate(period, order) else { c.history = []; return c }
            // Found by no period any more (a rerun no longer finds what it found), but the officer worked on it.
            c.history.append(CaseEvent(period: period, date: date, kind: .closed, detail: "\(period) 期重新比对后未再发现"))
            c.history.sort { ($0.period, $0.kind == .notes ? 1 : 0, $0.date) < ($1.period, $1.kind == .notes ? 1 : 0, $1.date) }
            derive(&c)
        }
        if let sighting, c.lastSeenPeriod == period {
            c.priority = sighting.priority; c.idNumber = sighting.idNumber; c.name = sighting.name; c.birthDate = sighting.birthDate
            c.town = sighting.town; c.schoolCode = sighting.schoolCode; c.detail = sighting.detail; c.evidence = sighting.evidence
        }
        return c
    }

    /// Sets state, opened, last seen and closed from the history's status entries.
    static func derive(_ c: inout Case) {
        let status = c.history.filter { $0.kind != .notes }
        guard let first = status.first, let last = status.last else { return }
        c.openedPeriod = first.period; c.openedOn = first.date
        if let seen = status.last(where: { isFound($0.kind) }) { c.lastSeenPeriod = seen.period; c.lastSeenOn = seen.date }
        if last.kind == .closed {
            c.state = .closed; c.closedOn = last.date; c.closeReason = last.detail
        } else {
            c.state = .open; c.closedOn = nil; c.closeReason = nil
        }
    }

    /// The ledger as it stood at the end of `period`: later entries left out, cases opened later dropped.
    public static func view(asOf period: String, _ cases: [Case]) -> [Case] {
        cases.compactMap { old in
            var c = old
            c.history = old.history.filter { $0.period <= period }
            guard c.history.contains(where: { $0.kind != .notes }) else { return nil }
            derive(&c)
            return c
        }
    }

    /// The bulletin's ledger figures at the end of `period`, counted since the previous November
    /// bulletin among `periods` (the ledger's start when there is none): cases opened (or reopened)
    /// and closed in between, and open at the end; district-wide, per town, and open per period.
    public static func figures(_ cases: [Case], period: String, periods: [String]) -> LedgerFigures {
        let earlier = periods.filter { $0 < period }.sorted()
        let since = earlier.last { $0.hasSuffix("-11") }
        var figures = LedgerFigures(since: since)
        for c in view(asOf: period, cases) {
            let status = c.history.filter { $0.kind != .notes }
            let inRange = status.filter { e in since.map { e.period > $0 } ?? true }
            var counts = LedgerFigures.Counts()
            if inRange.contains(where: { $0.kind == .opened || $0.kind == .reopened }) { counts.opened = 1 }
            if c.state == .closed, let last = inRange.last, last.kind == .closed { counts.closed = 1 }
            if c.state == .open { counts.open = 1 }
            figures.district.opened += counts.opened; figures.district.closed += counts.closed; figures.district.open += counts.open
            var town = figures.byTown[c.town] ?? .init()
            town.opened += counts.opened; town.closed += counts.closed; town.open += counts.open
            figures.byTown[c.town] = town
        }
        let recent = (periods.filter { $0 <= period } + [period]).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            .sorted().suffix(12)
        figures.openByPeriod = recent.map { q in
            (q, cases.reduce(0) { n, c in
                let last = c.history.last { $0.kind != .notes && $0.period <= q }
                return n + (last.map { isFound($0.kind) } == true ? 1 : 0)
            })
        }
        return figures
    }
}

extension LedgerBook {
    /// The officer's columns of one row of an edited ledger workbook.
    public struct NotesImport: Sendable {
        /// The sheet row, for problems.
        public var line: Int
        public var caseID: String
        public var checksum: String
        public var notes: OfficerNotes
        public init(line: Int, caseID: String, checksum: String, notes: OfficerNotes) {
            self.line = line; self.caseID = caseID; self.checksum = checksum; self.notes = notes
        }
    }

    /// Stores officers' notes with their cases (`kcbx cases import`). A row whose case id is not in the
    /// ledger, or whose 校验码 does not match its id (an altered id), is reported with its row number
    /// and never guessed. Notes equal to the stored ones change nothing (importing twice is harmless);
    /// changed notes replace the stored ones and leave one 处理记录 entry per period in the history.
    public static func importNotes(_ rows: [NotesImport], cases: [String: Case], period: String, date: CivilDate,
                                   checksum: (Case) -> String) -> (changed: [Case], unchanged: Int, problems: [String]) {
        var changed: [String: Case] = [:], order: [String] = [], firstRow: [String: Int] = [:]
        var unchanged = 0
        var problems: [String] = []
        for row in rows {
            guard let stored = cases[row.caseID] else {
                problems.append("row \(row.line): case id \(row.caseID) is not in the ledger (unknown or altered); not imported")
                continue
            }
            guard row.checksum.uppercased() == checksum(stored) else {
                problems.append("row \(row.line): case id \(row.caseID) does not match its 校验码 \(row.checksum.isEmpty ? "(empty)" : row.checksum) (altered); not imported")
                continue
            }
            if let first = firstRow[row.caseID] {
                problems.append("row \(row.line): case \(row.caseID) is already on row \(first); not imported")
                continue
            }
            firstRow[row.caseID] = row.line
            guard stored.notes != row.notes else { unchanged += 1; continue }
            var c = stored
            c.notes = row.notes
            let words = [("劝返措施", row.notes.measures), ("责任人", row.notes.responsible), ("处理结果", row.notes.result), ("备注", row.notes.remarks)]
                .filter { !$0.1.isEmpty }.map { "\($0.0)：\($0.1)" }.joined(separator: "；")
            c.history.removeAll { $0.kind == .notes && $0.period == period }
            let entry = CaseEvent(period: period, date: date, kind: .notes, detail: words.isEmpty ? "处理记录已清空" : words)
            let at = c.history.firstIndex { $0.period > period } ?? c.history.count
            c.history.insert(entry, at: at)
            changed[c.id] = c
            order.append(c.id)
        }
        return (order.compactMap { changed[$0] }, unchanged, problems)
    }
}
