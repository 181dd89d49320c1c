import Dispatch
import KCBXCore
import KCBXLedger
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

    /// The sightings of a period's findings: the child as read once (``ChildFacts``: ID number, name, birth date).
    public static func sightings(_ findings: [Finding], children: ChildFacts, sources: [NormalizedSource]) -> [Sighting] {
        let rows = children.rows(of: Set(findings.map(\.personID)))
        // Chunks of findings on every core, in order.
        let chunk = 4096, chunks = (findings.count + chunk - 1) / chunk
        let results = ConcurrentResults<[Sighting]>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            results[c] = findings[(c * chunk)..<min(findings.count, (c + 1) * chunk)].map { f in
                let child = rows[f.personID].map { children[$0] }
                let evidence = f.evidence.map { "\(sources[$0.source].source)#\(sources[$0.source].records[$0.record].recordNumber)" }
                    .joined(separator: ";")
                return Sighting(caseID: f.caseID, code: f.code, personID: f.personID, priority: f.priority,
                                idNumber: child?.description.idNumber ?? "", name: child?.description.name ?? "",
                                birthDate: child?.birth, town: f.town, schoolCode: f.schoolCode, detail: f.detail, evidence: evidence)
            }
        }
        return results.values.flatMap { $0 ?? [] }
    }

    /// Updates the ledger with period `period`'s reconcile `result` (as of `config.asOf`): the sightings of
    /// its findings, with close reasons read from this period's records. Returns the cases that changed.
    public static func update(period: String, config: PipelineConfig, result: ReconcileResult, sources: [NormalizedSource],
                              index: PersonIndex, cases: [Case], periods: [String: CivilDate]) -> [Case] {
        let found = sightings(result.findings, children: result.children, sources: sources)
        let foundIDs = Set(found.map(\.caseID))
        // Cases this period may close: open ones, and any with entries from this period on (a rerun, or an earlier period).
        let closing = Set(cases.filter { c in
            !foundIDs.contains(c.id) && (c.state == .open || isDataOpen(c) || c.history.contains(where: { $0.kind.isStatus && $0.period >= period }))
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
    /// The officer's entries (notes, closings) are kept as they are. An officer's closing (经办人销号)
    /// imported in period q stands from the next period on while the data still finds the case, until
    /// a period whose as-of date is ``OfficerResult/contradictedAfterMonths`` after the officer's date:
    /// that period reopens the case (重新立案) and says why.
    static func replay(_ old: Case, period: String, sighting: Sighting?, order: [(key: String, value: CivilDate)],
                       closeReason: (Case) -> String) -> Case {
        var c = old
        var before: [String: CaseEvent] = [:]
        for e in old.history where e.kind.isStatus { before[e.period] = e }
        var events = old.history.filter { !$0.kind.isStatus }
        let officer = events.filter { $0.kind == .officerClosed || $0.kind == .officerReopened }
        var open: Bool? = nil  // nil: not yet opened
        var standing: CaseEvent? = nil  // the officer's closing in force
        var nextOfficer = 0
        for (q, date) in order {
            // The officer's entries of earlier periods take effect before this period's run.
            while nextOfficer < officer.count, officer[nextOfficer].period < q {
                standing = officer[nextOfficer].kind == .officerClosed ? officer[nextOfficer] : nil
                nextOfficer += 1
            }
            let previous = before[q]
            let found = q == period ? sighting != nil : previous.map { isFound($0.kind) } ?? false
            let detail = q == period ? sighting?.detail ?? "" : previous?.detail ?? ""
            switch (found, open) {
            case (true, nil): events.append(CaseEvent(period: q, date: date, kind: .opened, detail: detail)); open = true; standing = nil
            case (true, true?):
                if let closing = standing, let reason = contradiction(closing, period: q, asOf: date) {
                    events.append(CaseEvent(period: q, date: date, kind: .reopened, detail: reason + "：" + detail)); standing = nil
                } else {
                    events.append(CaseEvent(period: q, date: date, kind: .seen, detail: detail))
                }
            case (true, false?):
                let reason = standing.map { "经办人销号（\(officerWords($0))）后" } ?? ""
                events.append(CaseEvent(period: q, date: date, kind: .reopened, detail: reason + detail)); open = true; standing = nil
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
        sortHistory(&events)
        c.history = events
        derive(&c)
        if !events.contains(where: { $0.kind.isStatus }) {
            guard !events.isEmpty || !c.notes.isEmpty, let date = periodDate(period, order) else { c.history = []; return c }
            // Found by no period any more (a rerun no longer finds what it found), but the officer worked on it.
            c.history.append(CaseEvent(period: period, date: date, kind: .closed, detail: "\(period) 期重新比对后未再发现"))
            sortHistory(&c.history)
            derive(&c)
        }
        if let sighting, c.lastSeenPeriod == period {
            c.priority = sighting.priority; c.idNumber = sighting.idNumber; c.name = sighting.name; c.birthDate = sighting.birthDate
            c.town = sighting.town; c.schoolCode = sighting.schoolCode; c.detail = sighting.detail; c.evidence = sighting.evidence
        }
        return c
    }

    /// History order: by period; in a period the data's status entry first, then the officer's as imported.
    static func sortHistory(_ events: inout [CaseEvent]) {
        // Stable: the officer's entries stay in the order they were imported (append-only).
        events = events.enumerated().sorted { a, b in
            (a.element.period, a.element.kind.isStatus ? 0 : 1, a.offset) < (b.element.period, b.element.kind.isStatus ? 0 : 1, b.offset)
        }.map(\.element)
    }

    /// Why a period (as of `asOf`) that still finds the case contradicts the officer's `closing`, or nil
    /// when it does not (yet): e.g. still not enrolled two months after 已返校.
    static func contradiction(_ closing: CaseEvent, period: String, asOf: CivilDate) -> String? {
        guard let result = OfficerResult.all.first(where: { closing.detail.hasPrefix($0.title) }),
              let months = result.contradictedAfterMonths, asOf >= adding(months: months, to: closing.date) else { return nil }
        return "经办人\(closing.date)销号（\(officerWords(closing))），\(months) 个月后 \(period) 期比对仍发现"
    }

    /// The officer's closing as it reads in a reason: its result and explanation.
    static func officerWords(_ closing: CaseEvent) -> String { closing.detail }

    /// `date` plus `months` calendar months (the day kept, or the month's last day).
    static func adding(months: Int, to date: CivilDate) -> CivilDate {
        let total = date.year * 12 + (date.month - 1) + months
        let year = total / 12, month = total % 12 + 1
        return CivilDate(year: year, month: month, day: min(date.day, CivilDate.daysIn(month: month, year: year))) ?? date
    }

    /// Sets state, opened, last seen and closed from the history: the data's status entries, and an
    /// officer's closing that no later entry reopened (it stands even while the data still finds the case).
    static func derive(_ c: inout Case) {
        let status = c.history.filter { $0.kind.isStatus }
        guard let first = status.first, let last = status.last else { return }
        c.openedPeriod = first.period; c.openedOn = first.date
        if let seen = status.last(where: { isFound($0.kind) }) { c.lastSeenPeriod = seen.period; c.lastSeenOn = seen.date }
        if let closing = standingClosing(c.history) {
            c.state = .closed; c.closedOn = closing.date; c.closeReason = "经办人销号：" + closing.detail
        } else if last.kind == .closed {
            c.state = .closed; c.closedOn = last.date; c.closeReason = last.detail
        } else {
            c.state = .open; c.closedOn = nil; c.closeReason = nil
        }
    }

    /// The officer's closing in force in `history` (in history order): the last 经办人销号 after which
    /// no entry opened the case again (立案, 重新立案, 经办人撤销销号).
    public static func standingClosing(_ history: [CaseEvent]) -> CaseEvent? {
        for e in history.reversed() {
            switch e.kind {
            case .officerClosed: return e
            case .opened, .reopened, .officerReopened: return nil
            default: continue
            }
        }
        return nil
    }

    /// Whether the data still finds the case (its last status entry is not 销号), whatever the officer did.
    static func isDataOpen(_ c: Case) -> Bool {
        c.history.last(where: { $0.kind.isStatus }).map { isFound($0.kind) } ?? false
    }

    /// The ledger as it stood at the end of `period`: later entries left out, cases opened later dropped.
    public static func view(asOf period: String, _ cases: [Case]) -> [Case] {
        cases.compactMap { old in
            var c = old
            c.history = old.history.filter { $0.period <= period }
            guard c.history.contains(where: { $0.kind.isStatus }) else { return nil }
            derive(&c)
            return c
        }
    }

    /// What one case (as of the period, ``view(asOf:_:)``) adds to the bulletin's figures counted since
    /// the period `since` (nil: the ledger's start): opened (立案 or 重新立案) since, closed (销号, by the
    /// officer or the data) since, open now. The one definition of 新增, 销号 and 未销号 every document uses.
    public static func counts(_ c: Case, since: String?) -> LedgerFigures.Counts {
        var counts = LedgerFigures.Counts()
        let inRange = c.history.filter { e in since.map { e.period > $0 } ?? true }
        if inRange.contains(where: { $0.kind == .opened || $0.kind == .reopened }) { counts.opened = 1 }
        // Closed in range: by the officer (the closing in force) or by the data (its last status entry).
        let closing = standingClosing(c.history) ?? c.history.last(where: { $0.kind.isStatus })
        if c.state == .closed, let closing, since.map({ closing.period > $0 }) ?? true { counts.closed = 1 }
        if c.state == .open { counts.open = 1 }
        return counts
    }

    /// The bulletin's ledger figures at the end of `period`, counted since the previous November
    /// bulletin among `periods` (the ledger's start when there is none): cases opened (or reopened)
    /// and closed in between, and open at the end; district-wide, per town, and open per period.
    public static func figures(_ cases: [Case], period: String, periods: [String]) -> LedgerFigures {
        let earlier = periods.filter { $0 < period }.sorted()
        let since = earlier.last { $0.hasSuffix("-11") }
        var figures = LedgerFigures(since: since)
        for c in view(asOf: period, cases) {
            let counts = counts(c, since: since)
            figures.district.opened += counts.opened; figures.district.closed += counts.closed; figures.district.open += counts.open
            var town = figures.byTown[c.town] ?? .init()
            town.opened += counts.opened; town.closed += counts.closed; town.open += counts.open
            figures.byTown[c.town] = town
        }
        let recent = (periods.filter { $0 <= period } + [period]).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            .sorted().suffix(12)
        figures.openByPeriod = recent.map { q in
            (q, cases.reduce(0) { n, c in
                // Open at the end of q: found by the data then, and no officer's closing of an earlier period in force.
                let last = c.history.last { $0.kind.isStatus && $0.period <= q }
                guard last.map({ isFound($0.kind) }) == true else { return n }
                guard c.history.contains(where: { $0.kind == .officerClosed }) else { return n + 1 }
                return n + (standingClosing(c.history.filter { $0.period <= q }) == nil ? 1 : 0)
            })
        }
        return figures
    }
}

extension LedgerBook {
    /// The officer's columns of one row of an edited ledger workbook, or what a reply row sets.
    public struct NotesImport: Sendable {
        /// The sheet row, for problems.
        public var line: Int
        public var caseID: String
        public var checksum: String
        public var notes: OfficerNotes
        /// Whether the row's officer columns are as the copy was issued (the officer did not touch them).
        public var untouched: Bool
        /// The officer's columns as typed (措施, 责任人, 处理结果, 处理日期, 销号说明, 备注): carried into the
        /// next ledger version (待更正) when the row is refused for what was typed. Empty for reply rows.
        public var typed: [String]
        /// Why the row cannot be read as typed (e.g. its 处理日期 is not a date), nil when it can.
        public var problem: String?
        /// The reply this row comes from (nil: a row of a ledger workbook), and that reply list's identity (``ReplySource``).
        public var reply: ReplyEntry?
        public var source: String
        /// The sheet of the row, for problems, where the workbook has several ("": the ledger's 台账).
        public var sheet: String
        public init(line: Int, caseID: String, checksum: String, notes: OfficerNotes, untouched: Bool = false, typed: [String] = [],
                    problem: String? = nil, reply: ReplyEntry? = nil, source: String = "", sheet: String = "") {
            self.line = line; self.caseID = caseID; self.checksum = checksum; self.notes = notes; self.untouched = untouched
            self.typed = typed; self.problem = problem; self.reply = reply; self.source = source; self.sheet = sheet
        }
    }

    /// What an import did.
    public struct ImportOutcome: Sendable {
        /// Cases to save: those whose notes changed, and those whose refused row is kept as 待更正.
        public var changed: [Case] = []
        /// Rows that changed nothing: untouched, or equal to the ledger.
        public var unchanged = 0
        /// Cases the officer closed (销号) with this import.
        public var closed = 0
        /// Refused rows, each naming its row, case and child (ID masked), in Chinese.
        public var problems: [String] = []
        /// Refused rows whose typed text the next ledger version carries (待更正).
        public var pending = 0
        /// Reply rows entered (回执记录).
        public var replies: [ReplyEntry] = []
        /// Cases whose notes changed (the others of `changed` only carry a 待更正 row).
        public var updated = 0
    }

    /// How a row is named in a message: `第 39 行（案件 C1234567890，张三，370783********042X）`, after its
    /// sheet (`工作表「应入未入」`) where the workbook has several.
    public static func rowLabel(_ line: Int, key: String, name: String, idNumber: String, sheet: String = "") -> String {
        let who = [name, idNumber.isEmpty ? "" : maskID(idNumber)].filter { !$0.isEmpty }.joined(separator: "，")
        let what = ReplyKey.isRegistration(key) ? "登记编号" : "案件"
        return (sheet.isEmpty ? "" : "工作表「\(sheet)」") + "第 \(line) 行（\(what) \(key)\(who.isEmpty ? "" : "，" + who)）"
    }

    /// Stores officers' notes with their cases (`kcbx cases import`), append-only.
    ///
    /// A row is refused, with its row number, case and child (ID masked) and never guessed, when its case
    /// id is not in the ledger or does not match its 校验码 (altered), when it cannot be read (``NotesImport/problem``),
    /// when its 处理结果 is not one of its ledger's choices (``OfficerResult/choices(for:)``), when a closing
    /// result lacks its 处理日期 (or the date is after `date`) or its 销号说明, and when a later import
    /// (a version of the case's ledger above `copyVersions`', the copy's) changed the case — unless that
    /// import was of the same reply list (``NotesImport/source``): a copy is never entered over newer work.
    /// With `work`, a case of the other ledger is refused too. A row refused for what was typed keeps the
    /// text on the case (``Case/pending``, 待更正) for the next version. A row left as issued, or equal to
    /// the ledger, changes nothing (importing twice is harmless). A changed row replaces the case's
    /// current notes and adds entries to its history, dated the officer's date (处理日期, else `date`) and
    /// carrying the import date `date` — 处理记录, and 经办人销号 for a closing result (or 经办人撤销销号
    /// when an officer's closing is withdrawn); no entry is ever removed. `versions` are the versions this
    /// import makes per ledger; `period` the period of the copy (entries are entered as of it).
    public static func importNotes(_ rows: [NotesImport], cases: [String: Case], period: String, date: CivilDate,
                                   versions: [CaseWork: Int], copyVersions: [CaseWork: Int], work: CaseWork? = nil,
                                   checksum: (Case) -> String) -> ImportOutcome {
        var outcome = ImportOutcome()
        var changed: [String: Case] = [:], order: [String] = [], firstRow: [String: Int] = [:]
        func keep(_ c: Case) {
            if changed[c.id] == nil { order.append(c.id) }
            changed[c.id] = c
        }
        // A refused row's text, kept on its case for the next version (a change only when it is new).
        func carry(_ stored: Case, _ pending: PendingNotes) {
            outcome.pending += 1
            guard stored.pending != pending else { return }
            var c = stored
            c.pending = pending
            keep(c)
        }
        for row in rows {
            guard let stored = changed[row.caseID] ?? cases[row.caseID] else {
                outcome.problems.append((row.sheet.isEmpty ? "" : "工作表「\(row.sheet)」") + "第 \(row.line) 行（案件编号 \(row.caseID)）：台账中没有这个案件编号（编号有误或被改动），未导入")
                continue
            }
            let label = rowLabel(row.line, key: row.caseID, name: stored.name, idNumber: stored.idNumber, sheet: row.sheet)
            guard row.checksum.uppercased() == checksum(stored) else {
                outcome.problems.append("\(label)：案件编号与校验码\(row.checksum.isEmpty ? "（空）" : " " + row.checksum)不符（被改动），未导入")
                continue
            }
            if let work, stored.work != work {
                outcome.problems.append("\(label)：此案在\(stored.work.title)上，不在\(work.title)上，未导入")
                continue
            }
            if let first = firstRow[row.caseID] {
                outcome.problems.append("\(label)：此案已在第 \(first) 行，未导入")
                continue
            }
            firstRow[row.caseID] = row.line
            let copyVersion = copyVersions[stored.work] ?? 0
            let laterImport = stored.notesVersion > copyVersion && (row.source.isEmpty || stored.notesSource != row.source)
            if let problem = row.problem {
                outcome.problems.append("\(label)：\(problem)，未导入")
                if row.reply == nil && !laterImport { carry(stored, PendingNotes(typed: row.typed, reason: problem)) }
                continue
            }
            // A reply whose choice sets no result changes only the history: entered once.
            let differs = row.reply.map { r in
                ReplyChoice.named(r.choice, on: r.kind)?.result == nil ? !stored.history.contains { $0.kind == .notes && $0.detail == replyWords(r) }
                    : stored.notes != row.notes
            } ?? (stored.notes != row.notes)
            guard !row.untouched, differs else {
                outcome.unchanged += 1
                // The row as the ledger holds it: a 待更正 kept from an earlier copy is settled.
                if stored.pending != nil, row.reply == nil { var c = stored; c.pending = nil; keep(c) }
                continue
            }
            if laterImport {
                outcome.problems.append("\(label)：此案在本表发出后已由\(stored.work.title)第 \(stored.notesVersion) 版的导入更改，本表是第 \(copyVersion) 版，较旧：请在新版台账中填写此行，未导入")
                continue
            }
            if let problem = check(row.notes, on: stored.work, today: date) {
                outcome.problems.append("\(label)：\(problem)，未导入")
                if row.reply == nil { carry(stored, PendingNotes(typed: row.typed, reason: problem)) }
                continue
            }
            var c = stored
            c.pending = nil
            c.notes = row.notes
            c.notesVersion = versions[stored.work] ?? c.notesVersion
            c.notesSource = row.source
            let on = row.notes.date ?? date
            let words: String
            if let reply = row.reply {
                words = replyWords(reply)
            } else {
                words = [("措施", row.notes.measures), ("责任人", row.notes.responsible), ("处理结果", row.notes.result),
                         ("处理日期", row.notes.date?.description ?? ""), ("销号说明", row.notes.explanation), ("备注", row.notes.remarks)]
                    .filter { !$0.1.isEmpty }.map { "\($0.0)：\($0.1)" }.joined(separator: "；")
            }
            c.history.append(CaseEvent(period: period, date: row.reply?.date ?? on, kind: .notes, detail: words.isEmpty ? "处理记录已清空" : words,
                                       importedOn: date))
            let standing = standingClosing(c.history)
            if let result = OfficerResult.named(row.notes.result, on: stored.work), result.closes, let closedOn = row.notes.date {
                let detail = row.notes.explanation.isEmpty ? result.title : "\(result.title)（\(row.notes.explanation)）"
                if standing?.detail != detail || standing?.date != closedOn {
                    c.history.append(CaseEvent(period: period, date: closedOn, kind: .officerClosed, detail: detail, importedOn: date))
                    outcome.closed += 1
                }
            } else if let standing, row.notes.result != stored.notes.result || row.reply == nil {
                let now = row.notes.result.isEmpty ? "清空" : "改为" + row.notes.result
                c.history.append(CaseEvent(period: period, date: on, kind: .officerReopened,
                                           detail: "撤销\(standing.date)的销号（\(standing.detail)）：处理结果\(now)", importedOn: date))
            }
            sortHistory(&c.history)
            derive(&c)
            if let reply = row.reply { outcome.replies.append(reply) }
            outcome.updated += 1
            keep(c)
        }
        outcome.changed = order.compactMap { changed[$0] }
        return outcome
    }

    /// Stores officers' notes of one ledger copy at `version` (both ledgers' versions), as ``importNotes(_:cases:period:date:versions:copyVersions:work:checksum:)``.
    public static func importNotes(_ rows: [NotesImport], cases: [String: Case], period: String, date: CivilDate,
                                   version: Int = 0, copyVersion: Int = 0, work: CaseWork? = nil,
                                   checksum: (Case) -> String) -> ImportOutcome {
        let all = { (v: Int) in Dictionary(uniqueKeysWithValues: CaseWork.allCases.map { ($0, v) }) }
        return importNotes(rows, cases: cases, period: period, date: date, versions: all(version), copyVersions: all(copyVersion),
                           work: work, checksum: checksum)
    }

    /// A reply as its history entry reads: `据去向确认名单：在外地就读；现就读学校：…；核实人：…；核实日期：…`.
    public static func replyWords(_ r: ReplyEntry) -> String {
        let parts = [(r.kind.choiceHeader, r.choice), (ReplyKind.schoolHeader, r.school), (ReplyKind.placeHeader, r.place),
                     (ReplyKind.explanationHeader, r.explanation), (r.kind.personHeader, r.person), (r.kind.dateHeader, r.date?.description ?? "")]
            .filter { !$0.1.isEmpty }.map { "\($0.0)：\($0.1)" }
        return "据\(r.kind.title)：" + parts.joined(separator: "；")
    }

    /// What a reply row sets on its case (``ReplyChoice``, the one table): the notes after it, from the
    /// case's notes now. A choice without a ledger result leaves the notes as they are (the reply is
    /// recorded in the history). `place`: the place a 协查函 went to, for a 销号说明 that names none.
    public static func notes(after reply: ReplyEntry, choice: ReplyChoice, on current: OfficerNotes, place: String = "") -> OfficerNotes {
        guard let resultTitle = choice.result else { return current }
        var n = current
        n.result = resultTitle
        n.date = reply.date
        if !reply.person.isEmpty { n.responsible = reply.person }
        if OfficerResult.all.first(where: { $0.title == resultTitle })?.closes == true {
            n.explanation = choice.explanation(reply, place: place)
        } else if !reply.explanation.isEmpty {
            n.remarks = reply.explanation
        }
        return n
    }

    /// Why a reply row cannot stand (as of `today`), in Chinese, nil when it can: its choice not one of
    /// the list's (the choices named), its date not a date or after `today`, a column its choice needs empty.
    public static func check(_ reply: ReplyEntry, dateProblem: String?, today: CivilDate) -> String? {
        let kind = reply.kind
        guard let choice = ReplyChoice.named(reply.choice, on: kind) else {
            let choices = ReplyChoice.choices(for: kind).map { "「\($0.title)」" }.joined(separator: "、")
            return reply.choice.isEmpty ? "填写了\(kind.personHeader)、\(kind.dateHeader)或说明，但\(kind.choiceHeader)为空（可选：\(choices)）"
                : "\(kind.choiceHeader)「\(reply.choice)」不是\(kind.title)的选项（可选：\(choices)）"
        }
        if let dateProblem { return "\(kind.dateHeader)不是日期（\(dateProblem)）" }
        if let d = reply.date, d > today { return "\(kind.dateHeader) \(d) 晚于导入日 \(today)" }
        let missing = ReplyChoice.Field.allCases.filter { field in
            guard choice.needs.contains(field) else { return false }
            switch field {
            case .date: return reply.date == nil
            case .school: return reply.school.isEmpty
            case .place: return reply.place.isEmpty
            case .explanation: return reply.explanation.isEmpty
            }
        }
        guard missing.isEmpty else {
            return "\(kind.choiceHeader)「\(choice.title)」须填写\(missing.map { ReplyChoice.header($0, of: kind) }.joined(separator: "、"))"
        }
        return nil
    }

    /// Why `notes` cannot stand on ledger `work` (as of `today`), in Chinese, nil when they can.
    static func check(_ notes: OfficerNotes, on work: CaseWork, today: CivilDate) -> String? {
        if let d = notes.date, d > today { return "处理日期 \(d) 晚于导入日 \(today)" }
        guard !notes.result.isEmpty else { return nil }
        guard let result = OfficerResult.named(notes.result, on: work) else {
            let choices = OfficerResult.choices(for: work).map { "「\($0.title)」" }.joined(separator: "、")
            return "处理结果「\(notes.result)」不是\(work.title)的选项（可选：\(choices)）"
        }
        if result.closes && notes.date == nil { return "处理结果「\(result.title)」即销号，须填写处理日期" }
        if result.closes && result.needsExplanation && notes.explanation.isEmpty {
            return "处理结果「\(result.title)」须填写销号说明（如现就读学校或核实情况）"
        }
        return nil
    }
}
