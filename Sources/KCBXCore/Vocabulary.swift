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
