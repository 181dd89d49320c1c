import KCBXCore
import KCBXNormalize

/// What the rules read of each source: the positions of the fields they use, looked up once.
struct SourceColumns: Sendable {
    let role: SourceRole
    let status, registrationStatus, studyMode, absentDays, absenceReason, deferralType, validUntil, placement: Int?
    let schoolCode, town, householdID, fatherID, motherID, fatherName, motherName, statusDate: Int?

    init(_ s: NormalizedSource) {
        role = s.role
        status = s.column(.status); registrationStatus = s.column(.registrationStatus); studyMode = s.column(.studyMode)
        absentDays = s.column(.absentDays); absenceReason = s.column(.absenceReason); deferralType = s.column(.deferralType)
        validUntil = s.column(.validUntil); placement = s.column(.placement); schoolCode = s.column(.schoolCode)
        town = s.column(.town); householdID = s.column(.householdId); fatherID = s.column(.fatherId)
        motherID = s.column(.motherId); fatherName = s.column(.fatherName); motherName = s.column(.motherName)
        statusDate = s.column(.statusDate)
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

/// Reading the values departments use for states. Matching is by containment, so that `正常在读`,
/// `户籍迁出` or `事假（3天）` read as what they say.
enum StateWords {
    static func registration(_ v: String) -> RecordFact.Kind {
        if v.isEmpty { return .hukouResident }
        if v.contains("死亡") { return .hukouDead }
        if v.contains("迁出") || v.contains("注销") || v.contains("失踪") || v.contains("失联") { return .hukouGone }
        return .hukouResident
    }

    static func status(_ v: String) -> RecordFact.Kind {
        if v.isEmpty { return .statusActive }
        if v.contains("辍学") { return .statusDropout }
        if v.contains("转出") { return .statusTransferred }
        if v.contains("毕业") || v.contains("结业") || v.contains("死亡") || v.contains("注销") { return .statusOther }
        if v.contains("在读") || v.contains("在籍") || v.contains("在校") || v.contains("休学") { return .statusActive }
        return .statusOther
    }

    /// 病假, 事假 and approved 休学 excuse an absence; anything else, or nothing, does not.
    static func excused(_ reason: String) -> Bool {
        reason.contains("病假") || reason.contains("事假") || reason.contains("休学")
    }

    static func reportedOut(_ v: String) -> Bool { v.contains("辍学") || v.contains("失学") || v.contains("未入学") }

    static func homeTaught(_ v: String) -> Bool { v.contains("送教上门") }

    /// Leading digits of a count such as `15`, `15天`, `15.0`; nil when there are none.
    static func days(_ v: String) -> Int? {
        var n = 0, seen = false
        for u in v.utf8 {
            if u >= 0x30 && u <= 0x39 { n = n * 10 + Int(u - 0x30); seen = true; if n > 100_000 { break } } else if seen || u != 0x20 { break }
        }
        return seen ? n : nil
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
            f.kind = StateWords.registration(cols.value(cols.registrationStatus, record))
        case .studentStatus:
            let status = cols.value(cols.status, record)
            f.kind = StateWords.status(status)
            f.suspended = status.contains("休学")
            f.homeTaught = StateWords.homeTaught(cols.value(cols.studyMode, record))
        case .attendance:
            f.kind = .attendance
            if let days = StateWords.days(cols.value(cols.absentDays, record)), days >= ctx.threshold,
               !StateWords.excused(cols.value(cols.absenceReason, record)) { f.unexcusedAbsence = true }
        case .poverty:
            f.kind = .poverty
            f.reportedOut = StateWords.reportedOut(cols.value(cols.status, record))
        case .disability:
            f.kind = .disability
            f.homeTaught = StateWords.homeTaught(cols.value(cols.placement, record))
        case .welfare: f.kind = .welfare
        case .justice: f.kind = .justice
        case .deferral:
            f.kind = ctx.deferralValid(cols.value(cols.validUntil, record)) ? .deferralValid : .deferralExpired
            f.exemption = f.kind == .deferralValid && cols.value(cols.deferralType, record).contains("免")
        case .schools: f.kind = .other
        }
        return f
    }
}
