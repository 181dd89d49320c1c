import KCBXCore
import KCBXNormalize

/// What the rules read of each source: the positions of the fields they use, looked up once.
struct SourceColumns: Sendable {
    let role: SourceRole
    let status, registrationStatus, studyMode, absentDays, absenceReason, deferralType, validUntil, placement: Int?
    let schoolCode, town, householdID, fatherID, motherID, fatherName, motherName, statusDate, birthDate: Int?
    /// What the outputs show of a child (``ChildFacts``).
    let category, grade, className, schoolName, guardianName, phone, village, address: Int?

    init(_ s: NormalizedSource) {
        role = s.role
        status = s.column(.status); registrationStatus = s.column(.registrationStatus); studyMode = s.column(.studyMode)
        absentDays = s.column(.absentDays); absenceReason = s.column(.absenceReason); deferralType = s.column(.deferralType)
        validUntil = s.column(.validUntil); placement = s.column(.placement); schoolCode = s.column(.schoolCode)
        town = s.column(.town); householdID = s.column(.householdId); fatherID = s.column(.fatherId)
        motherID = s.column(.motherId); fatherName = s.column(.fatherName); motherName = s.column(.motherName)
        statusDate = s.column(.statusDate); birthDate = s.column(.birthDate)
        category = s.column(.category); grade = s.column(.grade); className = s.column(.class); schoolName = s.column(.schoolName)
        guardianName = s.column(.guardianName); phone = s.column(.phone); village = s.column(.village); address = s.column(.address)
    }

    @inline(__always) func value(_ column: Int?, _ record: NormalizedRecord) -> String {
        guard let column, column < record.values.count else { return "" }
        return record.values[column]
    }
}

/// What one record says, for the rules: decided once per record from its role and its values.
struct RecordFact {
    enum Kind: UInt8 {
        /// 户籍: 正常 (or empty).
        case hukouResident
        /// 户籍: 死亡.
        case hukouDead
        /// 户籍: 迁出, 注销, 失踪.
        case hukouGone
        /// 学籍: 在读, 休学 (or empty).
        case statusActive
        /// 学籍: 辍学.
        case statusDropout
        /// 学籍: 转出.
        case statusTransferred
        /// 学籍: 毕业 and anything else not active.
        case statusOther
        case attendance, poverty, disability, welfare, justice
        /// 延缓/免于入学 valid on the as-of date.
        case deferralValid
        case deferralExpired
        /// 延缓/免于入学 whose 有效期至 cannot be read: neither valid nor expired, shown to the officer.
        case deferralUnreadable
        case other
    }
    var ref: RecordRef
    var kind: Kind
    /// 学籍 休学: active, but not expected on a school's attendance roster.
    var suspended = false
    /// Attendance with unexcused absence at or above the threshold.
    var unexcusedAbsence = false
    /// Poverty record reporting the child out of school (辍学, 失学, 未入学).
    var reportedOut = false
    /// Taught at home (送教上门): disability `placement` or 学籍 `study_mode`.
    var homeTaught = false
    /// A valid 免于入学 exemption (not a mere deferral).
    var exemption = false

    /// A 学籍 record, whatever its status.
    var isStatus: Bool {
        switch kind {
        case .statusActive, .statusDropout, .statusTransferred, .statusOther: true
        default: false
        }
    }
}

extension ReconcileStage {
    /// Decides what record `ref` says.
    static func fact(_ ref: RecordRef, _ ctx: Context) -> RecordFact {
        let source = ctx.sources[ref.source], cols = ctx.columns[ref.source]
        let record = source.records[ref.record]
        var f = RecordFact(ref: ref, kind: .other)
        switch cols.role {
        case .hukou:
            switch ExportVocabulary.registration(cols.value(cols.registrationStatus, record)) {
            case .resident: f.kind = .hukouResident
            case .dead: f.kind = .hukouDead
            case .gone: f.kind = .hukouGone
            }
        case .studentStatus:
            switch ExportVocabulary.status(cols.value(cols.status, record)) {
            case .active: f.kind = .statusActive
            case .suspended: f.kind = .statusActive; f.suspended = true
            case .dropout: f.kind = .statusDropout
            case .transferred: f.kind = .statusTransferred
            case .finished, .unknown: f.kind = .statusOther
            }
            f.homeTaught = ExportVocabulary.homeTaught(cols.value(cols.studyMode, record))
        case .attendance:
            f.kind = .attendance
            if let days = ExportVocabulary.days(cols.value(cols.absentDays, record)), days >= ctx.threshold,
               !ExportVocabulary.excused(cols.value(cols.absenceReason, record)) { f.unexcusedAbsence = true }
        case .poverty:
            f.kind = .poverty
            f.reportedOut = ExportVocabulary.reportedOut(cols.value(cols.status, record))
        case .disability:
            f.kind = .disability
            f.homeTaught = ExportVocabulary.homeTaught(cols.value(cols.placement, record))
        case .welfare: f.kind = .welfare
        case .justice: f.kind = .justice
        case .deferral:
            f.kind = ctx.deferralState(cols.value(cols.validUntil, record))
            f.exemption = f.kind == .deferralValid && ExportVocabulary.exemption(cols.value(cols.deferralType, record))
        case .schools: f.kind = .other
        }
        return f
    }
}
