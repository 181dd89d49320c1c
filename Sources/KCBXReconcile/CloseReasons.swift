import KCBXCore
import KCBXLink
import KCBXNormalize

/// Why a case is closed (销号), read from the period's data about its child: enrolled at school X,
/// registered dead, moved out, aged out of compulsory education, deferral approved, the record
/// corrected, or — when the data says nothing — no longer found.
public struct CloseReasons {
    let ctx: ReconcileStage.Context
    let position: [String: Int]

    /// Prepares reasons for the cases of `personIDs` on this period's records.
    public init(sources: [NormalizedSource], index: PersonIndex, config: PipelineConfig, personIDs: Set<String>) {
        ctx = ReconcileStage.Context(sources: sources, columns: sources.map(SourceColumns.init), index: index,
                                     cohort: config.schoolAge.cohort(asOf: config.asOf), asOf: config.asOf,
                                     threshold: config.rules.dropoutAbsenceDays, districtPrefix: config.district.code,
                                     attendanceSchools: [], unlinkedAttendance: [], checks: [], hasActive: [], hukouTwins: [:])
        var position: [String: Int] = [:]
        if !personIDs.isEmpty {
            for (i, p) in index.persons.enumerated() where personIDs.contains(p.id) { position[p.id] = i }
        }
        self.position = position
    }

    /// The reason `c` is no longer found, in the words of the ledger.
    public func reason(for c: Case) -> String {
        guard let i = position[c.personID] else { return "本期各部门数据中未再出现该儿童" }
        let facts = ctx.index.persons[i].members.map { ReconcileStage.fact($0, ctx) }
        let view = PersonFacts(ctx: ctx, facts: facts)
        let count = { (kind: RecordFact.Kind) in facts.filter { $0.kind == kind }.count }
        let active = count(.statusActive), resident = count(.hukouResident)
        let schoolCodes: Set<FindingCode> = [.notEnrolled, .deferred, .suspectedDropout, .disabledUnplaced, .outOfDistrict]
        if schoolCodes.contains(c.code) && active > 0 { return "已入学：\(view.schools(.statusActive))" }
        if count(.hukouDead) > 0 && resident == 0 && c.code != .deceasedActiveStatus {
            return "户籍登记死亡\(view.values(facts.filter { $0.kind == .hukouDead }, \.statusDate, prefix: "（", suffix: "）"))"
        }
        if count(.hukouGone) > 0 && resident == 0 {
            return "户籍已\(view.values(facts.filter { $0.kind == .hukouGone }, \.registrationStatus, empty: "迁出"))"
        }
        if let birth = view.birthDate, birth < ctx.cohort.lowerBound { return "已超出义务教育年龄（出生\(birth)）" }
        if (c.code == .notEnrolled || c.code == .disabledUnplaced) && count(.deferralValid) > 0 {
            return "已办理\(view.deferrals(.deferralValid))"
        }
        switch c.code {
        case .disabledUnplaced where facts.contains(where: \.homeTaught): return "已安置：送教上门"
        case .deferred where count(.deferralExpired) > 0: return "\(view.deferrals(.deferralExpired))，已到期"
        case .suspectedDropout where count(.statusTransferred) > 0: return "已转出：\(view.schools(.statusTransferred))"
        case .duplicateStatus where active <= 1: return "重复学籍已清理，现有 \(active) 条在籍学籍"
        case .phantomStatus: return "空挂学籍已清理或已有考勤记录"
        case .identityMismatch: return "学籍身份信息已更正"
        case .duplicateHukou: return "重复户籍已清理"
        case .deceasedActiveStatus where active == 0: return "学籍已注销"
        default: return "本期比对未再发现"
        }
    }
}
