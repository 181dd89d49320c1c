import Foundation

/// The pipeline file (`pipelines/*.yaml`): what to read, how to compare, where to write.
///
/// Parsed by ``PipelineFile/load(_:)``, which reports every mistake with its key, line and what was expected.
public struct PipelineConfig: Sendable {
    /// Free title, e.g. `示例县 2026年11月比对核查`.
    public var name: String
    /// The district (区/县) the bureau serves.
    public var district: District
    /// Reference date of the comparison; `--as-of` overrides it.
    public var asOf: CivilDate
    /// Who is of compulsory-school age.
    public var schoolAge: SchoolAge
    /// The SQLite store, absolute.
    public var storePath: URL
    /// The output folder, absolute; a run writes into `output/PERIOD/`.
    public var outputDirectory: URL
    /// The sources, in file order.
    public var sources: [SourceConfig]
    public var linkage: Linkage
    public var rules: Rules
    public var targets: Targets
    public var privacy: Privacy
    /// Who issues the lists and the bulletin, and by when work is due.
    public var issuer: Issuer = Issuer()
    /// The pipeline file itself, absolute.
    public var file: URL

    /// The district (区/县): its GB/T 2260 code, name and, when listed, its towns (镇街).
    public struct District: Sendable {
        public var code: String
        public var name: String
        public var towns: [String]
        public init(code: String, name: String, towns: [String] = []) { self.code = code; self.name = name; self.towns = towns }
    }

    /// The school-age rule: a child enters primary school in the September after turning `minAge` by the cutoff.
    public struct SchoolAge: Sendable {
        public var cutoffMonth: Int
        public var cutoffDay: Int
        public var minAge: Int
        public var maxAge: Int
        public init(cutoffMonth: Int = 8, cutoffDay: Int = 31, minAge: Int = 6, maxAge: Int = 14) {
            self.cutoffMonth = cutoffMonth; self.cutoffDay = cutoffDay; self.minAge = minAge; self.maxAge = maxAge
        }

        /// Birth dates of the school-age cohort on `asOf`: born after the cutoff `maxAge+1` years before the
        /// school year started, up to the cutoff `minAge` years before it.
        ///
        /// With cutoff 08-31, ages 6–14 and a school year starting in September Y, the cohort is born
        /// between (Y−15)-09-01 and (Y−6)-08-31.
        public func cohort(asOf: CivilDate) -> ClosedRange<CivilDate> {
            // The school year in force on asOf starts in the September after the cutoff.
            let cutoffThisYear = CivilDate(year: asOf.year, month: cutoffMonth, day: cutoffDay)!
            let schoolYear = asOf > cutoffThisYear ? asOf.year : asOf.year - 1
            let youngest = CivilDate(year: schoolYear - minAge, month: cutoffMonth, day: cutoffDay)!
            let oldest = CivilDate(year: schoolYear - maxAge - 1, month: cutoffMonth, day: cutoffDay)!.adding(days: 1)
            return oldest...youngest
        }
    }

    /// Match-probability thresholds of the linkage stage.
    public struct Linkage: Sendable {
        public var autoThreshold: Double = 0.95
        public var reviewThreshold: Double = 0.50
        /// Blocking rules of the probabilistic pass (`linkage.blocking`), e.g. `birth_date+sex`.
        /// Read once, where the pipeline file is read (a rule that does not parse is a problem of the file).
        public var blocking: [BlockingRule] = BlockingRule.defaults
        public init() {}
    }

    /// Rules of the comparison.
    public struct Rules: Sendable {
        /// Unexcused absence, in school days, from which a student is a suspected dropout.
        public var dropoutAbsenceDays: Int = 10
        /// The largest share of a source's rows that may be rejected before the run fails.
        public var maxRejectRate: Double = 0.02
        /// The largest share by which a source's row count may fall from the last good run of the pipeline
        /// before the run stops (`rules.max_row_drop`): a source that arrives truncated never closes cases.
        public var maxRowDrop: Double = 0.2
        /// The largest inflated size of a gzipped input, in bytes (gzip-bomb guard).
        /// `nil` (the default): at most 100 times the compressed file's size, from 64 MB up to 8 GiB.
        public var maxInflatedBytes: Int64? = nil
        /// The longest one source's export may take to read, in minutes (`rules.max_read_minutes`): a
        /// time budget, so that no input keeps a run busy for hours.
        public var maxReadMinutes: Int = 30
        public init() {}
    }

    /// Targets of the bulletin (0–1), one per rate; the defaults are the notices' figures
    /// (000: 小学入学率、巩固率 100%，初中入学率 100%、巩固率 ≥ 98%; 003: 小学毛入学率 100%，初中净入学率 100%，
    /// 残疾儿童少年入学率 ≥ 97%，九年义务教育巩固率 ≥ 96%，家庭经济困难学生子女巩固率 100%).
    public struct Targets: Sendable {
        /// 小学净入学率 (`primary_enrolment`).
        public var primaryEnrolment = 1.0
        /// 小学毛入学率 (`primary_gross_enrolment`).
        public var primaryGrossEnrolment = 1.0
        /// 初中净入学率 (`junior_enrolment`).
        public var juniorEnrolment = 1.0
        /// 初中毛入学率 (`junior_gross_enrolment`).
        public var juniorGrossEnrolment = 1.0
        /// 小学巩固率 (`primary_consolidation`).
        public var primaryConsolidation = 1.0
        /// 初中巩固率 (`junior_consolidation`).
        public var juniorConsolidation = 0.98
        /// 九年义务教育巩固率 (`consolidation`).
        public var consolidation = 0.96
        /// 残疾儿童少年入学率 (`disabled_enrolment`).
        public var disabledEnrolment = 0.97
        /// 家庭经济困难学生子女巩固率 (`hardship_consolidation`).
        public var hardshipConsolidation = 1.0
        /// 重点群体适龄儿童入学率, each group (`priority_enrolment`).
        public var priorityEnrolment = 1.0
        public init() {}
    }

    /// The issuing unit (发文单位) named in every title and 落款, and the deadlines written into the lists
    /// and the bulletin (README, "issuer").
    public struct Issuer: Sendable {
        /// 发文单位, e.g. `示例县教育和体育局`; `nil`: `<district.name>教育局`.
        public var unit: String? = nil
        /// 落款 under the bulletin; `nil`: the unit.
        public var signature: String? = nil
        /// Days from the reference date by which a list's cases are to be reported back (反馈期限).
        public var listDeadlineDays = 15
        /// Days from the reference date by which the bulletin's shortfalls are to be put right (整改期限).
        public var rectifyDeadlineDays = 30
        public init() {}

        /// The unit's name as printed: the configured one or `<district>教育局`.
        public func unitName(district: District) -> String { unit ?? "\(district.name)教育局" }
    }

    /// Where full ID numbers are masked (370783********1234).
    public struct Privacy: Sendable {
        public var maskIdsIn: [String] = ["town_lists"]
        /// The outputs `privacy.mask_ids_in` may name (README, "privacy.mask_ids_in"): a value outside
        /// this list is refused by validate, never ignored (a misspelling would leave full IDs in a list).
        public static let maskableOutputs = ["town_lists", "police", "schools", "discrepancies", "csv", "ledger", "roster", "whereabouts"]
        public init() {}
    }

    /// The period key (`YYYY-MM`) of a reference date.
    public static func period(of date: CivilDate) -> String {
        date.month < 10 ? "\(date.year)-0\(date.month)" : "\(date.year)-\(date.month)"
    }
}

/// One department's export, as the pipeline file describes it.
public struct SourceConfig: Sendable {
    /// Free label used in reports, errors, `source#record` evidence and `rejects/<name>.csv`.
    public var name: String
    public var role: SourceRole
    /// Absolute path of the export.
    public var path: URL
    /// The path as written in the pipeline file (for messages).
    public var displayPath: String
    public var format: SourceFormat
    public var encoding: TextEncodingOption
    /// `nil` means sniff it.
    public var delimiter: Character?
    /// XML: the element that holds one record, or a path such as `导出/学生`.
    public var record: String?
    /// XLSX: the sheet to read; first sheet when `nil`.
    public var sheet: String?
    /// Canonical field → header (or child element, or `@attribute`) in this file, in file order.
    public var columns: [(field: CanonicalField, header: String)]
    /// Attendance only (`kind`): a roster of every pupil, a list of the absent only, or decided per school.
    public var attendanceKind: AttendanceKind
    /// The line of this source in the pipeline file.
    public var line: Int?

    public init(name: String, role: SourceRole, path: URL, displayPath: String, format: SourceFormat,
                encoding: TextEncodingOption = .auto, delimiter: Character? = nil, record: String? = nil,
                sheet: String? = nil, columns: [(field: CanonicalField, header: String)],
                attendanceKind: AttendanceKind = .auto, line: Int? = nil) {
        self.name = name; self.role = role; self.path = path; self.displayPath = displayPath; self.format = format
        self.encoding = encoding; self.delimiter = delimiter; self.record = record; self.sheet = sheet
        self.columns = columns; self.attendanceKind = attendanceKind; self.line = line
    }

    /// The header mapped to `field`, if the source has it.
    public func header(for field: CanonicalField) -> String? { columns.first { $0.field == field }?.header }
}
