/// The pipeline's stages, in the order data flows through them.
public enum Stage: String, CaseIterable, Sendable, Comparable, Codable {
    case ingest, normalize, link, reconcile, report

    public var index: Int { Stage.allCases.firstIndex(of: self)! }
    public static func < (a: Stage, b: Stage) -> Bool { a.index < b.index }
    public var previous: Stage? { index == 0 ? nil : Stage.allCases[index - 1] }
}

/// What a source is to the comparison (the department's role).
public enum SourceRole: String, CaseIterable, Sendable, Codable {
    /// 公安户籍: the reference population.
    case hukou
    /// 学籍: the national student-status system.
    case studentStatus = "student_status"
    /// Schools' rosters and attendance.
    case attendance
    /// 扶贫/乡村振兴: registered-poor and monitored households.
    case poverty
    /// 残联: disabled children.
    case disability
    /// 民政: orphans, unsupported, low-income, left-behind children.
    case welfare
    /// 司法: minor children of prisoners.
    case justice
    /// The bureau's deferral and exemption approvals (延缓入学, 免于入学).
    case deferral
    /// The school directory (学校标识码 → school).
    case schools

    /// Roles whose children belong to a priority group (重点群体).
    public var marksPriority: Bool { [.poverty, .disability, .welfare, .justice].contains(self) }
}

/// A field of the canonical record; a source maps the ones it has to its own headers.
public enum CanonicalField: String, CaseIterable, Sendable, Codable {
    case idNumber = "id_number", idType = "id_type", studentNumber = "student_number"
    case disabilityCert = "disability_cert", name, formerName = "former_name", sex
    case birthDate = "birth_date", ethnicity, householdId = "household_id"
    case householdHead = "household_head", relation, address, town, village
    case registrationStatus = "registration_status", statusDate = "status_date"
    case fatherName = "father_name", fatherId = "father_id", motherName = "mother_name", motherId = "mother_id"
    case guardianName = "guardian_name", guardianId = "guardian_id"
    case schoolCode = "school_code", schoolName = "school_name", schoolLevel = "school_level"
    case grade, `class`, status, studyMode = "study_mode", category
    case disabilityCategory = "disability_category", disabilityLevel = "disability_level"
    case placement, absentDays = "absent_days", absenceReason = "absence_reason"
    case lastAttendance = "last_attendance", deferralType = "deferral_type"
    case approvedOn = "approved_on", validUntil = "valid_until", phone
    /// 派出所: the police station a hukou record belongs to (the police lists are split by it).
    case policeStation = "police_station"
}

/// The stable finding codes; they key the ledger and the spreadsheets.
public enum FindingCode: String, CaseIterable, Sendable, Codable {
    case notEnrolled = "not_enrolled"
    case deferred
    case suspectedDropout = "suspected_dropout"
    case duplicateStatus = "duplicate_status"
    case phantomStatus = "phantom_status"
    case identityMismatch = "identity_mismatch"
    case duplicateHukou = "duplicate_hukou"
    case deceasedActiveStatus = "deceased_active_status"
    case disabledUnplaced = "disabled_unplaced"
    case outOfDistrict = "out_of_district"

    /// The Chinese name officers know the finding by.
    public var title: String {
        switch self {
        case .notEnrolled: "应入未入"
        case .deferred: "延缓/免于入学"
        case .suspectedDropout: "疑似辍学"
        case .duplicateStatus: "一人多籍"
        case .phantomStatus: "空挂学籍"
        case .identityMismatch: "人籍不一致"
        case .duplicateHukou: "户籍重复"
        case .deceasedActiveStatus: "死亡未销籍"
        case .disabledUnplaced: "残疾儿童未安置"
        case .outOfDistrict: "外地户籍/外出"
        }
    }

    /// Which kind of work the finding asks for: a child to bring back to school, or a record a school
    /// or a police station corrects. The two ledgers, the lists and the bulletin's ranking follow it.
    public var work: CaseWork {
        switch self {
        case .notEnrolled, .suspectedDropout, .disabledUnplaced, .deferred, .outOfDistrict: .childFollowUp
        case .duplicateStatus, .phantomStatus, .identityMismatch, .duplicateHukou, .deceasedActiveStatus: .recordCorrection
        }
    }
}

/// The two kinds of work findings become (two ledgers).
public enum CaseWork: String, CaseIterable, Sendable, Codable {
    /// 劝返台账: a child out of school or to follow up (一人一案), the town's responsibility.
    case childFollowUp = "child_follow_up"
    /// 数据纠错: a 学籍 or 户籍 record a school or a police station corrects; not counted against a town.
    case recordCorrection = "record_correction"

    /// The ledger's name officers know.
    public var title: String {
        switch self {
        case .childFollowUp: "控辍保学劝返台账"
        case .recordCorrection: "学籍户籍数据纠错台账"
        }
    }
}

/// What a school's attendance export holds (`kind` of an attendance source).
public enum AttendanceKind: String, CaseIterable, Sendable, Codable {
    /// 考勤花名册: every pupil of the school, with days absent (0 included). Only a roster can show that
    /// nobody stands behind a status (空挂学籍).
    case roster
    /// 缺勤名单: only the pupils absent in the period. It shows absences, never who is missing.
    case absences
    /// Decided per school from the share of the school's active 学籍 records the rows cover.
    case auto
}

/// The source formats kcbx reads.
public enum SourceFormat: String, Sendable, Codable { case csv, xml, xlsx }

/// The text encoding of a CSV source.
public enum TextEncodingOption: String, Sendable, Codable {
    /// BOM, then UTF-8 validity, else GB18030.
    case auto
    case utf8 = "utf-8"
    case gb18030
}

extension SourceRole {
    /// The department's data as officers name it, for the reports' texts.
    public var title: String {
        switch self {
        case .hukou: "公安户籍"
        case .studentStatus: "学籍"
        case .attendance: "学校考勤"
        case .poverty: "扶贫监测"
        case .disability: "残联"
        case .welfare: "民政救助"
        case .justice: "司法"
        case .deferral: "缓学免学审批"
        case .schools: "学校名录"
        }
    }
}
