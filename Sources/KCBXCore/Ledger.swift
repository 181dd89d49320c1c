/// A case of the ledger (台账): one child and one finding code, followed from run to run until it is
/// closed (销号). Its id is the finding's ``caseID``-style id: stable across runs and reruns.
public struct Case: Sendable, Hashable {
    /// Open while the finding is still found; closed (销号) when it no longer is.
    public enum State: String, Sendable, Codable { case open, closed }

    /// `C` + 10 base-32 characters, from the code and the person's stable id.
    public var id: String
    public var code: FindingCode
    public var personID: String
    public var state: State
    /// Priority group (重点群体) as last found.
    public var priority: Bool
    /// Identity shown to officers, as last found (full ID; masking is the writer's job).
    public var idNumber: String
    public var name: String
    public var birthDate: CivilDate?
    public var town: String
    public var schoolCode: String
    /// Why the finding was raised, as last found.
    public var detail: String
    /// Evidence as `source#record;…`, as last found.
    public var evidence: String
    /// Period (`YYYY-MM`) and as-of date when first found.
    public var openedPeriod: String
    public var openedOn: CivilDate
    /// Period and date when last found.
    public var lastSeenPeriod: String
    public var lastSeenOn: CivilDate
    /// When and why it was closed (销号), taken from the data: enrolled at school X, moved out, aged out, registered dead.
    public var closedOn: CivilDate?
    public var closeReason: String?
    /// The officer's columns, carried from run to run.
    public var notes: OfficerNotes
    /// What happened to the case, oldest first (一生一表).
    public var history: [CaseEvent]

    public init(id: String, code: FindingCode, personID: String, state: State, priority: Bool, idNumber: String, name: String,
                birthDate: CivilDate?, town: String, schoolCode: String, detail: String, evidence: String,
                openedPeriod: String, openedOn: CivilDate, lastSeenPeriod: String, lastSeenOn: CivilDate,
                closedOn: CivilDate? = nil, closeReason: String? = nil, notes: OfficerNotes = .init(), history: [CaseEvent] = []) {
        self.id = id; self.code = code; self.personID = personID; self.state = state; self.priority = priority
        self.idNumber = idNumber; self.name = name; self.birthDate = birthDate; self.town = town; self.schoolCode = schoolCode
        self.detail = detail; self.evidence = evidence; self.openedPeriod = openedPeriod; self.openedOn = openedOn
        self.lastSeenPeriod = lastSeenPeriod; self.lastSeenOn = lastSeenOn; self.closedOn = closedOn
        self.closeReason = closeReason; self.notes = notes; self.history = history
    }
}

/// The officer's columns of the ledger workbook (控辍保学台账.xlsx), read back by `kcbx cases import`.
public struct OfficerNotes: Sendable, Hashable, Codable {
    /// 劝返措施: what was done to bring the child back.
    public var measures: String
    /// 责任人: who is responsible.
    public var responsible: String
    /// 处理结果: the outcome.
    public var result: String
    /// 备注: remarks.
    public var remarks: String
    public init(measures: String = "", responsible: String = "", result: String = "", remarks: String = "") {
        self.measures = measures; self.responsible = responsible; self.result = result; self.remarks = remarks
    }
    public var isEmpty: Bool { measures.isEmpty && responsible.isEmpty && result.isEmpty && remarks.isEmpty }
}

/// One entry of a case's history.
public struct CaseEvent: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable { case opened, seen, closed, reopened, notes }
    public var period: String
    public var date: CivilDate
    public var kind: Kind
    public var detail: String
    public init(period: String, date: CivilDate, kind: Kind, detail: String) {
        self.period = period; self.date = date; self.kind = kind; self.detail = detail
    }
}

/// Ledger figures for the bulletin (通报): cases opened and closed since the previous bulletin, open
/// at period end, and open cases over the last periods; district-wide and per town.
public struct LedgerFigures: Sendable {
    public struct Counts: Sendable, Equatable {
        public var opened = 0, closed = 0, open = 0
        public init(opened: Int = 0, closed: Int = 0, open: Int = 0) { self.opened = opened; self.closed = closed; self.open = open }
    }
    /// The period of the previous bulletin the counts are measured from (nil: the ledger's start).
    public var since: String?
    public var district: Counts
    public var byTown: [String: Counts]
    /// Open cases at the end of each of the last (up to 12) periods, oldest first.
    public var openByPeriod: [(period: String, open: Int)]
    public init(since: String? = nil, district: Counts = .init(), byTown: [String: Counts] = [:], openByPeriod: [(period: String, open: Int)] = []) {
        self.since = since; self.district = district; self.byTown = byTown; self.openByPeriod = openByPeriod
    }
}
