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
/// `户籍迁出` or `事假（3天）` read as what they say; done on UTF-8 bytes (no Foundation bridging in
/// the hot loop), with the usual exact values first.
enum StateWords {
    /// A word to look for, as UTF-8 bytes.
    struct Word: Sendable {
        let bytes: [UInt8]
        init(_ s: String) { bytes = Array(s.utf8) }
    }
    static let dead = Word("死亡"), movedOut = Word("迁出"), cancelled = Word("注销"), missing = Word("失踪"), lost = Word("失联")
    static let dropout = Word("辍学"), transferred = Word("转出"), graduated = Word("毕业"), completed = Word("结业")
    static let reading = Word("在读"), registered = Word("在籍"), atSchool = Word("在校"), suspended = Word("休学")
    static let sick = Word("病假"), personal = Word("事假"), outOfSchool = Word("失学"), notEntered = Word("未入学")
    static let homeTeaching = Word("送教上门"), exemption = Word("免")

    /// `value` contains `word`.
    static func has(_ value: String, _ word: Word) -> Bool {
        var value = value
        return value.withUTF8 { hay in
            let needle = word.bytes
            guard hay.count >= needle.count, let first = needle.first else { return needle.isEmpty }
            var i = 0
            while i <= hay.count - needle.count {
                if hay[i] == first {
                    var j = 1
                    while j < needle.count && hay[i + j] == needle[j] { j += 1 }
                    if j == needle.count { return true }
                }
                i += 1
            }
            return false
        }
    }

    static func registration(_ v: String) -> RecordFact.Kind {
        if v.isEmpty || v == "正常" { return .hukouResident }
        if has(v, dead) { return .hukouDead }
        if has(v, movedOut) || has(v, cancelled) || has(v, missing) || has(v, lost) { return .hukouGone }
        return .hukouResident
    }

    static func status(_ v: String) -> RecordFact.Kind {
        if v.isEmpty || v == "在读" { return .statusActive }
        if has(v, dropout) { return .statusDropout }
        if has(v, transferred) { return .statusTransferred }
        if has(v, graduated) || has(v, completed) || has(v, dead) || has(v, cancelled) { return .statusOther }
        if has(v, reading) || has(v, registered) || has(v, atSchool) || has(v, suspended) { return .statusActive }
        return .statusOther
    }

    /// 病假, 事假 and approved 休学 excuse an absence; anything else, or nothing, does not.
    static func excused(_ reason: String) -> Bool {
        has(reason, sick) || has(reason, personal) || has(reason, suspended)
    }

    static func reportedOut(_ v: String) -> Bool { has(v, dropout) || has(v, outOfSchool) || has(v, notEntered) }

    static func homeTaught(_ v: String) -> Bool { !v.isEmpty && has(v, homeTeaching) }

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
            f.suspended = f.kind == .statusActive && StateWords.has(status, StateWords.suspended)
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
            f.exemption = f.kind == .deferralValid && StateWords.has(cols.value(cols.deferralType, record), StateWords.exemption)
        case .schools: f.kind = .other
        }
        return f
    }
}
