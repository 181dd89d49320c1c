import KCBXCore
import KCBXLink
import KCBXNormalize

/// What one school's attendance rows are, as reconcile read them (考勤数据类型判定), written to summary.json
/// and the log so that the officer sees why 空挂学籍 was, or was not, checked at a school.
public struct AttendanceDecision: Sendable, Equatable {
    /// What a school's rows turned out to be.
    public enum Kind: String, Sendable {
        /// 考勤花名册: every pupil; a pupil missing from it has nobody behind the status.
        case roster
        /// 缺勤名单: only absent pupils; shows absences, not who is missing.
        case absences
        /// No attendance row for the school although it has active 学籍 records (未报送考勤).
        case none
    }
    /// 学校标识码.
    public var school: String
    public var kind: Kind
    /// The source's `kind` in the pipeline file (`auto` when several sources disagree or none declares).
    public var declared: AttendanceKind
    /// Attendance rows of the school.
    public var rows: Int
    /// Rows with 0 days absent (a roster has them; an absence list does not).
    public var zeroDayRows: Int
    /// Active 学籍 records at the school (休学 not counted: not expected on a roster).
    public var activeStatus: Int
    /// Of those, the ones whose pupil has an attendance row at the school.
    public var covered: Int

    /// Share of the school's active 学籍 records the rows cover (0 when it has none).
    public var coverage: Double { activeStatus == 0 ? 0 : Double(covered) / Double(activeStatus) }

    public init(school: String, kind: Kind, declared: AttendanceKind, rows: Int, zeroDayRows: Int, activeStatus: Int, covered: Int) {
        self.school = school; self.kind = kind; self.declared = declared; self.rows = rows; self.zeroDayRows = zeroDayRows
        self.activeStatus = activeStatus; self.covered = covered
    }
}

/// The per-school decision roster / absence list / nothing, for every school with attendance rows or
/// active 学籍 records. With `kind: auto` a school is a roster when its rows cover at least
/// ``rosterCoverage`` of its active 学籍 records; a declared kind is taken as declared.
public struct AttendanceKinds: Sendable {
    /// A school's rows are read as a roster from this coverage of its active 学籍 records.
    public static let rosterCoverage = 0.8
    public private(set) var decisions: [AttendanceDecision] = []
    private var rosters: Set<String> = []

    /// Schools whose attendance is a roster: the only ones where a missing pupil is a phantom.
    public func isRoster(_ school: String) -> Bool { rosters.contains(school) }

    public init() {}

    init(_ sources: [NormalizedSource], _ columns: [SourceColumns], index: PersonIndex, declared: [String: AttendanceKind]) {
        // Schools numbered once; (school, person) pairs of attendance rows as integers.
        var number: [String: Int] = [:], codes: [String] = []
        func school(_ code: String) -> Int {
            if let n = number[code] { return n }
            number[code] = codes.count; codes.append(code); return codes.count - 1
        }
        var rows: [Int] = [], zero: [Int] = [], kinds: [Set<AttendanceKind>] = []
        var attended = Set<UInt64>()
        func grow(_ n: Int) {
            while rows.count <= n { rows.append(0); zero.append(0); kinds.append([]) }
        }
        for (s, source) in sources.enumerated() where source.role == .attendance {
            let cols = columns[s], kind = declared[source.source] ?? .auto
            for (i, r) in source.records.enumerated() {
                let code = r.schoolCode ?? cols.value(cols.schoolCode, r)
                guard !code.isEmpty else { continue }
                let n = school(code)
                grow(n)
                rows[n] += 1
                if ExportVocabulary.days(cols.value(cols.absentDays, r)) == 0 { zero[n] += 1 }
                kinds[n].insert(kind)
                if s < index.personOf.count, i < index.personOf[s].count {
                    attended.insert(UInt64(n) << 32 | UInt64(UInt32(bitPattern: index.personOf[s][i])))
                }
            }
        }
        var active: [Int] = [], covered: [Int] = []
        for (s, source) in sources.enumerated() where source.role == .studentStatus {
            let cols = columns[s]
            for (i, r) in source.records.enumerated() {
                guard ExportVocabulary.status(cols.value(cols.status, r)) == .active else { continue }
                let code = r.schoolCode ?? cols.value(cols.schoolCode, r)
                guard !code.isEmpty else { continue }
                let n = school(code)
                grow(n)
                while active.count <= n { active.append(0); covered.append(0) }
                active[n] += 1
                if s < index.personOf.count, i < index.personOf[s].count,
                   attended.contains(UInt64(n) << 32 | UInt64(UInt32(bitPattern: index.personOf[s][i]))) { covered[n] += 1 }
            }
        }
        while active.count < codes.count { active.append(0); covered.append(0) }
        for n in codes.indices {
            let declaredKind: AttendanceKind = kinds[n].count == 1 ? kinds[n].first! : kinds[n].contains(.roster) ? .roster : .auto
            var d = AttendanceDecision(school: codes[n], kind: .none, declared: declaredKind, rows: rows[n], zeroDayRows: zero[n],
                                       activeStatus: active[n], covered: covered[n])
            if rows[n] > 0 {
                switch declaredKind {
                case .roster: d.kind = .roster
                case .absences: d.kind = .absences
                case .auto: d.kind = d.coverage >= Self.rosterCoverage ? .roster : .absences
                }
            }
            if d.kind == .roster { rosters.insert(codes[n]) }
            decisions.append(d)
        }
        decisions.sort { $0.school < $1.school }
    }

    /// One line per kind for the log: how many schools, and the coverage range.
    public var summaryLines: [String] {
        var lines: [String] = []
        for kind in [AttendanceDecision.Kind.roster, .absences, .none] {
            let list = decisions.filter { $0.kind == kind && ($0.kind != .none || $0.activeStatus > 0) }
            guard !list.isEmpty else { continue }
            let cover = list.map(\.coverage)
            let range = String(format: "%.0f%%–%.0f%%", (cover.min() ?? 0) * 100, (cover.max() ?? 0) * 100)
            switch kind {
            case .roster: lines.append("attendance: \(list.count) schools read as rosters (coverage of active 学籍 \(range)); phantom_status checked there")
            case .absences: lines.append("attendance: \(list.count) schools read as absence lists (coverage \(range)); phantom_status not checked there")
            case .none: lines.append("attendance: \(list.count) schools with active 学籍 sent no attendance; phantom_status not checked there")
            }
        }
        return lines
    }
}
