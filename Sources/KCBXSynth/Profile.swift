import KCBXCore

/// Which county `kcbx synth` writes: `standard` (every export in kcbx's own habits, the committed sample)
/// or a county whose exports were made elsewhere, with other departments' habits. Each family of habits can
/// be turned on alone (`absences`, `borrowed`, `no-ids`, `headers`, `formats`, `words`) so that its effect
/// on kcbx can be measured apart; `elsewhere` turns them all on. See docs/synthetic-county.md.
public struct SynthProfile: Sendable, Equatable {
    public let name: String
    /// Most schools send an absence list (缺勤名单: only pupils absent in the period), a few a full roster,
    /// some nothing; the attendance source says `kind: auto`.
    public let absenceLists: Bool
    /// Pupils enrolled on the ID number of a local out-of-school child (借用/冒用身份证件号), and the decoy of a
    /// parent's number in a child's 学籍 row.
    public let borrowedIDs: Bool
    /// Rows without an ID number in every source but hukou and 学籍, with a birth date (and guardian, town)
    /// column added where the source had none, so that a linker can use the rest of the row.
    public let idLess: Bool
    /// Other headers for the same fields (身份证号码, 学生姓名, 性别代码, 出生年月日, 人口状态, 学生状态, 缺勤天数 …).
    public let headers: Bool
    /// Other date forms per department (yyyyMMdd, yyyy年M月d日, yyyy.MM.dd, yyyy/M/d; Excel serials in the
    /// workbook) and sex codes 1/2 (GB/T 2261.1) in hukou and 学籍.
    public let formats: Bool
    /// Other status words: 正常在读/在籍/在校, 流失, 转学, 在户, 户口迁出, 死亡注销, 注销, 因病请假, 旷课.
    public let words: Bool

    init(_ name: String, absenceLists: Bool = false, borrowedIDs: Bool = false, idLess: Bool = false,
         headers: Bool = false, formats: Bool = false, words: Bool = false) {
        self.name = name; self.absenceLists = absenceLists; self.borrowedIDs = borrowedIDs; self.idLess = idLess
        self.headers = headers; self.formats = formats; self.words = words
    }

    public static let standard = SynthProfile("standard")
    public static let elsewhere = SynthProfile("elsewhere", absenceLists: true, borrowedIDs: true, idLess: true,
                                               headers: true, formats: true, words: true)
    public static let all: [SynthProfile] = [
        standard, elsewhere,
        SynthProfile("absences", absenceLists: true), SynthProfile("borrowed", borrowedIDs: true),
        SynthProfile("no-ids", idLess: true), SynthProfile("headers", headers: true),
        SynthProfile("formats", formats: true), SynthProfile("words", words: true),
    ]

    /// The profile called `name`, or nil.
    public static func named(_ name: String) -> SynthProfile? { all.first { $0.name == name } }

    // MARK: Rates (documented in docs/synthetic-county.md)

    /// Share of the schools of each level (primary-teaching, junior-teaching) that send a full roster.
    static let rosterShare = 0.2
    /// Share of the phantom plans (no attendance row, attends another school, invented student) placed at a
    /// roster school, so that every profile still has 空挂学籍 to find.
    static let phantomAtRoster = 0.6
    /// Holders: share of the local, resident, school-age children (not twins) whose number a borrower uses.
    static let borrowedHolder = 0.0008
    /// Of the borrowers, the share with an ID number of their own (from a migrant region); the rest have none.
    static let borrowerOwnID = 0.7
    /// Decoy: share of the attending local children whose 学籍 row carries a parent's ID number.
    static let parentIDInStatus = 0.0005
    /// Rows written without an ID number, per source.
    static let noID: [String: Double] = [
        SourceName.deferral: 0.06, SourceName.poverty: 0.03, SourceName.welfare: 0.05, SourceName.disability: 0.05,
        SourceName.justice: 0.05, SourceName.attendance: 0.10,
    ]
}

/// Independent random streams of the profile families, so that one family's draws never move another's
/// (and the standard profile draws from none of them).
struct ProfileRandom {
    var absences: SynthRandom, borrowed: SynthRandom, ids: SynthRandom, formats: SynthRandom, words: SynthRandom
    init(seed: UInt64) {
        absences = SynthRandom(seed: seed, stream: 11); borrowed = SynthRandom(seed: seed, stream: 12)
        ids = SynthRandom(seed: seed, stream: 13); formats = SynthRandom(seed: seed, stream: 14)
        words = SynthRandom(seed: seed, stream: 15)
    }
}

/// The columns of every export: (canonical field, header) in the order written. The standard profile's are
/// kcbx's own; `headers` renames them; `idLess` appends a birth date (and guardian, town) where missing.
struct Layout {
    typealias Columns = [(field: String, header: String)]
    var hukou: Columns, status: Columns, poverty: Columns, disability: Columns, welfare: Columns
    var justice: Columns, attendance: Columns, deferral: Columns
    /// Extra columns appended (idLess): canonical fields, per source.
    var extraDisability: [String] = [], extraWelfare: [String] = [], extraJustice: [String] = []
    var extraAttendance: [String] = [], extraDeferral: [String] = []

    static let standardHukou: Columns = [
        ("id_number", "公民身份号码"), ("name", "姓名"), ("sex", "性别"), ("birth_date", "出生日期"), ("ethnicity", "民族"),
        ("household_id", "户号"), ("household_head", "户主姓名"), ("relation", "与户主关系"), ("address", "住址"),
        ("town", "乡镇街道"), ("village", "村居"), ("registration_status", "户口状态"), ("status_date", "状态日期"),
        ("father_name", "父亲姓名"), ("father_id", "父亲公民身份号码"), ("mother_name", "母亲姓名"), ("mother_id", "母亲公民身份号码"),
    ]
    static let standardStatus: Columns = [
        ("student_number", "全国学籍号"), ("id_type", "身份证件类型"), ("id_number", "身份证件号"), ("name", "姓名"), ("sex", "性别"),
        ("birth_date", "出生日期"), ("school_name", "学校名称"), ("grade", "年级"), ("class", "班级"), ("status", "学籍状态"),
        ("study_mode", "就读方式"), ("guardian_name", "监护人姓名"), ("address", "户口所在地"),
    ]
    static let standardPoverty: Columns = [
        ("household_id", "户编号"), ("household_head", "户主姓名"), ("name", "成员姓名"), ("id_number", "证件号码"),
        ("relation", "与户主关系"), ("status", "在校情况"), ("birth_date", "出生日期"),
    ]
    static let standardDisability: Columns = [
        ("name", "姓名"), ("sex", "性别"), ("disability_cert", "残疾人证号"), ("disability_category", "残疾类别"),
        ("disability_level", "残疾等级"), ("guardian_name", "监护人"), ("address", "住址"), ("town", "乡镇"), ("placement", "安置情况"),
    ]
    static let standardWelfare: Columns = [
        ("name", "姓名"), ("id_number", "身份证号"), ("category", "救助类别"), ("guardian_name", "监护人"), ("town", "乡镇"),
    ]
    static let standardJustice: Columns = [
        ("name", "子女姓名"), ("id_number", "子女身份证号"), ("guardian_name", "监护人"), ("father_name", "服刑人员姓名"),
    ]
    static let standardAttendance: Columns = [
        ("school_code", "学校标识码"), ("name", "学生姓名"), ("id_number", "身份证号"), ("absent_days", "连续缺课天数"),
        ("absence_reason", "缺课原因"), ("last_attendance", "最后到校日期"),
    ]
    static let standardDeferral: Columns = [
        ("name", "姓名"), ("id_number", "身份证号"), ("deferral_type", "审批类型"), ("approved_on", "批准日期"), ("valid_until", "有效期至"),
    ]

    /// Other departments' headers for the same fields (per source: standard header → header used).
    static let renamed: [String: [String: String]] = [
        SourceName.hukou: ["公民身份号码": "身份证号码", "出生日期": "出生年月日", "户口状态": "人口状态",
                           "父亲公民身份号码": "父亲身份证号码", "母亲公民身份号码": "母亲身份证号码", "乡镇街道": "所属乡镇"],
        SourceName.status: ["身份证件号": "公民身份证号", "姓名": "学生姓名", "性别": "性别代码", "出生日期": "出生年月日",
                            "学籍状态": "学生状态", "监护人姓名": "监护人"],
        SourceName.poverty: ["证件号码": "身份证号码", "在校情况": "在校状态"],
        SourceName.disability: ["残疾人证号": "残疾证号", "监护人": "监护人姓名", "出生日期": "出生年月日"],
        SourceName.welfare: ["身份证号": "证件号码", "乡镇": "所属乡镇", "出生日期": "出生年月"],
        SourceName.justice: ["子女姓名": "未成年子女姓名", "子女身份证号": "公民身份证号"],
        SourceName.attendance: ["学生姓名": "姓名", "身份证号": "证件号码", "连续缺课天数": "缺勤天数", "缺课原因": "缺勤原因"],
        SourceName.deferral: ["身份证号": "身份证号码", "审批类型": "类型", "有效期至": "截止日期", "出生日期": "出生年月日"],
    ]

    /// The sources with a 联系电话 column (the last one): the guardian's number as the department has it.
    static let withPhone: Set<String> = [SourceName.status, SourceName.poverty, SourceName.disability, SourceName.welfare]
    static let phoneHeader = "联系电话"

    /// Headers of the columns appended to ID-less sources (before renaming).
    static let extraHeader = ["sex": "性别", "birth_date": "出生日期", "guardian_name": "监护人", "town": "乡镇"]

    init(_ profile: SynthProfile) {
        func cols(_ source: String, _ base: Columns, extra: [String]) -> Columns {
            let phone: Columns = Layout.withPhone.contains(source) ? [("phone", Layout.phoneHeader)] : []
            let all = base + extra.map { ($0, Layout.extraHeader[$0]!) } + phone
            guard profile.headers, let names = Layout.renamed[source] else { return all }
            return all.map { ($0.field, names[$0.header] ?? $0.header) }
        }
        if profile.idLess {
            extraDisability = ["birth_date"]; extraWelfare = ["sex", "birth_date"]; extraJustice = ["sex", "birth_date"]
            extraAttendance = ["birth_date"]; extraDeferral = ["sex", "birth_date", "guardian_name", "town"]
        }
        hukou = cols(SourceName.hukou, Layout.standardHukou, extra: [])
        status = cols(SourceName.status, Layout.standardStatus, extra: [])
        poverty = cols(SourceName.poverty, Layout.standardPoverty, extra: [])
        disability = cols(SourceName.disability, Layout.standardDisability, extra: extraDisability)
        welfare = cols(SourceName.welfare, Layout.standardWelfare, extra: extraWelfare)
        justice = cols(SourceName.justice, Layout.standardJustice, extra: extraJustice)
        attendance = cols(SourceName.attendance, Layout.standardAttendance, extra: extraAttendance)
        deferral = cols(SourceName.deferral, Layout.standardDeferral, extra: extraDeferral)
    }
}
