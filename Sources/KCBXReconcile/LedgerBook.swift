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
        var position: [String: Int] = [:]
        let wanted = Set(findings.map(\.personID))
        for (i, p) in index.persons.enumerated() where wanted.contains(p.id) { position[p.id] = i }
        func rank(_ r: RecordRef) -> Int {
            switch sources[r.source].role { case .hukou: 0; case .studentStatus: 1; case .disability: 2; default: 3 }
        }
        return findings.map { f in
            var refs = f.evidence
            if let i = position[f.personID] { refs += index.persons[i].members }
            refs.sort { (rank($0), $0) < (rank($1), $1) }
            var id = "", name = "", birth: CivilDate? = nil
            for ref in refs {
                let r = sources[ref.source].records[ref.record]
                if id.isEmpty, let n = r.id, n.kind != .missing { id = n.normalized.isEmpty ? n.raw : n.normalized }
                if name.isEmpty, let n = r.name, !n.isPlaceholder { name = n.normalized }
                if birth == nil { birth = r.birthDate }
            }
            let evidence = f.evidence.map { "\(sources[$0.source].source)#\(sources[$0.source].records[$0.record].recordNumber)" }
                .joined(separator: ";")
            return Sighting(caseID: f.caseID, code: f.code, personID: f.personID, priority: f.priority, idNumber: id, name: name,
                            birthDate: birth, town: f.town, schoolCode: f.schoolCode, detail: f.detail, evidence: evidence)
        }
    }

    /// Applies period `period` (as of `asOf`) to the ledger: `cases` as stored, `periods` every period
    /// applied so far (period → as-of date; `period` itself is added), `found` this period's sightings.
    /// `closeReason` says, from this period's data, why an open case is no longer found. Returns the
    /// cases that changed (new ones included).
    public static func apply(period: String, asOf: CivilDate, found: [Sighting], periods: [String: CivilDate], cases: [Case],
                             closeReason: (Case) -> String) -> [Case] {
        var periods = periods
        periods[period] = asOf
        let order = periods.sorted { $0.key < $1.key }
        var sighting: [String: Sighting] = [:]
        for s in found where sighting[s.caseID] == nil { sighting[s.caseID] = s }
        var changed: [Case] = []
        var known = Set<String>()
        for old in cases {
            known.insert(old.id)
            let new = replay(old, period: period, sighting: sighting[old.id], order: order, closeReason: closeReason)
            if new != old { changed.append(new) }
        }
        for s in found where !known.contains(s.caseID) {
            known.insert(s.caseID)
            let fresh = Case(id: s.caseID, code: s.code, personID: s.personID, state: .open, priority: s.priority, idNumber: s.idNumber,
                             name: s.name, birthDate: s.birthDate, town: s.town, schoolCode: s.schoolCode, detail: s.detail,
                             evidence: s.evidence, openedPeriod: period, openedOn: asOf, lastSeenPeriod: period, lastSeenOn: asOf)
            changed.append(replay(fresh, period: period, sighting: s, order: order, closeReason: closeReason))
        }
        return changed
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
            case (false, _): break
            }
        }
        events.sort { ($0.period, $0.kind == .notes ? 1 : 0, $0.date) < ($1.period, $1.kind == .notes ? 1 : 0, $1.date) }
        c.history = events
        derive(&c)
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
