import Dispatch
import Foundation
import KCBXCore
import KCBXFormats
import KCBXLedger
import KCBXReconcile
import KCBXSheets

/// What the report stage needs: the period's findings and each child as reconcile read them, what the
/// lists show of single records (``StageRecords``: plain values, made by the pipeline from the earlier
/// stages' results), plus the run's bookkeeping for the manifest.
public struct ReportInput: Sendable {
    public var config: PipelineConfig
    public var period: String
    /// The sources, records, links and link parameters, as plain values.
    public var records: StageRecords
    public var reconcile: ReconcileResult
    /// The manifest's run part (inputs, rules, stages); the report adds its outputs and writes it last.
    public var manifest: RunManifest
    /// The ledger (台账) after this period's reconcile: open and closed cases with their history.
    public var cases: [Case]
    /// The ledger's figures for the bulletin.
    public var ledger: LedgerFigures
    /// The bulletins of earlier periods kept in the store (for 较上期 and 较去年同期).
    public var earlierBulletins: [BulletinRecord] = []
    /// Each ledger's version (``LedgerWorkbook``): the ledger workbooks and the reply lists carry them,
    /// and imports check them.
    public var ledgerVersions: [CaseWork: Int]
    /// The highest of the ledgers' versions.
    public var ledgerVersion: Int { ledgerVersions.values.max() ?? 0 }

    public init(config: PipelineConfig, period: String, records: StageRecords,
                reconcile: ReconcileResult, manifest: RunManifest, cases: [Case] = [], ledger: LedgerFigures = .init(),
                ledgerVersion: Int = 0, ledgerVersions: [CaseWork: Int]? = nil) {
        self.config = config; self.period = period; self.records = records
        self.reconcile = reconcile; self.manifest = manifest; self.cases = cases; self.ledger = ledger
        self.ledgerVersions = ledgerVersions ?? Dictionary(uniqueKeysWithValues: CaseWork.allCases.map { ($0, ledgerVersion) })
    }
}

/// The outputs `privacy.mask_ids_in` may name: in these, full ID numbers are replaced by 370783********1234.
public enum MaskedOutput: String, CaseIterable, Sendable {
    /// `towns/<镇街>.xlsx`, the town offices' lists.
    case townLists = "town_lists"
    /// `户籍重复及注销核查.xlsx`, for the police.
    case police
    /// `学籍纠错.xlsx`, for schools.
    case schools
    /// `差异清单.xlsx`, the district's full list.
    case discrepancies
    /// `findings.csv` and `persons.csv`.
    case csv
    /// The two ledgers in `填报/` (控辍保学劝返台账, 学籍户籍数据纠错台账).
    case ledger
    /// `基础数据库/*.xlsx`, every school-age child of a town.
    case roster
    /// `去向确认/*.xlsx` and `外地户籍协查函/*.xlsx`, the children whose whereabouts are to be confirmed.
    case whereabouts

    /// Whether `config` asks for IDs masked in this output.
    public func isMasked(in config: PipelineConfig) -> Bool { config.privacy.maskIdsIn.contains(rawValue) }
}

/// The report stage: writes what officers and machines read, into one folder.
///
/// The caller hands it a fresh folder and moves it into place only when every file is written, so a
/// failed report never leaves half a set of outputs where a reader takes them as current.
public enum ReportStage {
    /// The file names of INTERFACE.md.
    public enum FileName {
        /// The workbooks people open carry the month in their names (`差异清单_2026年11月.xlsx`).
        public static func discrepancies(_ period: String) -> String { "差异清单_\(month(period)).xlsx" }
        public static func police(_ period: String) -> String { "户籍重复及注销核查_\(month(period)).xlsx" }
        /// Codes, record numbers and linkage parameters: not for lists people act on.
        public static func technical(_ period: String) -> String { "比对技术明细_\(month(period)).xlsx" }
        public static let towns = "towns"
        /// The folder of the schools' workbooks (学籍纠错/<学校>_YYYY年M月.xlsx).
        public static let schools = "学籍纠错"
        public static let findings = "findings.csv"
        public static let persons = "persons.csv"
        public static let summary = "summary.json"
        public static let manifest = "manifest.json"
        /// The run's linkage parameters (m, u and weights per comparison field and level, λ).
        public static let linkage = "linkage.json"
        public static let rejects = "rejects"
        /// `2026年11月` for the period `2026-11` (the period itself when it is not one).
        public static func month(_ period: String) -> String {
            guard isPeriod(period), let y = Int(period.prefix(4)), let m = Int(period.suffix(2)) else { return period }
            return "\(y)年\(m)月"
        }

        /// Whether `period` is a period key `YYYY-MM` (2000–2100).
        public static func isPeriod(_ period: String) -> Bool {
            let parts = period.split(separator: "-")
            guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let y = Int(parts[0]), let m = Int(parts[1]) else { return false }
            return (2000...2100).contains(y) && (1...12).contains(m)
        }

        /// `通报_YYYY年M月` (without extension) for a period `YYYY-MM`.
        public static func bulletin(period: String) -> String {
            let parts = period.split(separator: "-")
            guard parts.count == 2, let y = Int(parts[0]), let m = Int(parts[1]) else { return "通报_\(period)" }
            return "通报_\(y)年\(m)月"
        }
    }

    /// Writes every output into `directory`, and the two ledgers into `fillIn` (``LedgerWorkbook/issue(_:work:into:)``:
    /// never over a file there) when given; returns figures for the run record.
    @discardableResult
    public static func run(_ input: ReportInput, into directory: URL, fillIn: URL? = nil) throws(KCBXError) -> [String: Int] {
        try report(input, into: directory, fillIn: fillIn).figures
    }

    /// Writes every output into `directory` (and the two ledgers into `fillIn`, as ``run(_:into:fillIn:)``);
    /// returns figures for the run record and the bulletin's figures to keep for the next period's comparison.
    public static func report(_ input: ReportInput, into directory: URL, fillIn: URL? = nil) throws(KCBXError)
        -> (figures: [String: Int], bulletin: BulletinRecord) {
        let started = Date()
        // Each step's wall time, for the log: the report's cost is found where it is.
        var steps: [String] = []
        var stepStarted = Date()
        func step(_ name: String) {
            let now = Date()
            steps.append(String(format: "%@ %.1f s", name, now.timeIntervalSince(stepStarted)))
            stepStarted = now
        }
        let people = PersonView(input)
        step("people")
        let rows = FindingRows(input, people)
        step("rows")
        let dropouts = Set(rows.of(.suspectedDropout).lazy.map(\.finding.personID))
        let population = Population(input, dropouts: dropouts, notEnrolled: Set(rows.of(.notEnrolled).lazy.map(\.finding.personID)))
        step("population")
        // The files do not depend on one another: they are written on every core at once, the biggest
        // first (a workbook is zipped by its own thread as it closes). Each writes its own file only.
        let townsDirectory = directory.appendingPathComponent(FileName.towns)
        try makeDirectory(townsDirectory)
        let schoolsDirectory = directory.appendingPathComponent(FileName.schools)
        try makeDirectory(schoolsDirectory)
        let schools = SchoolWorkbook.plan(rows, input, people)
        // Every figure two documents show, counted once (packets, 一生一表, bulletin, summary.json).
        let shared = SharedFigures(input, people, rows, schools: schools)
        let townLists = TownWorkbooks.lists(rows, input, shared)
        step("plan")
        let ledger = fillIn.map { _ in LedgerWorkbook.Issue(input) }
        // The ledgers are filled in: they are issued outside this folder (into `fillIn`), never here.
        enum Job: Sendable, CustomStringConvertible {
            case ledger(CaseWork), schoolSummary, school(Int), discrepancies, technical, childRecords, town(Int), findings, persons, police
            var description: String {
                switch self {
                case .ledger(let work): "ledger \(work.rawValue)"
                case .schoolSummary: "school summary"
                case .school(let i): "school \(i)"
                case .discrepancies: "discrepancies"
                case .technical: "technical"
                case .childRecords: "child records"
                case .town(let i): "town \(i)"
                case .findings: "findings.csv"
                case .persons: "persons.csv"
                case .police: "police"
                }
            }
        }
        var jobs: [Job] = fillIn == nil ? [] : CaseWork.allCases.map(Job.ledger)
        jobs += [.discrepancies, .technical, .childRecords]
        // Two towns with one safe file name (`a/b`, `a_b`): each keeps its packet, the later one's name numbered.
        var townFiles = UniqueFileNames()
        let townFile = townLists.map { townFiles.claim(TownWorkbooks.fileName($0.town, period: input.period)) }
        jobs += townLists.indices.sorted { townLists[$0].rows.count > townLists[$1].rows.count }.map(Job.town)
        jobs += [.findings, .persons, .police, .schoolSummary]
        // A workbook per school (597 at a million children): each a job, the biggest first.
        jobs += schools.schools.indices.sorted { schools.schools[$0].lines > schools.schools[$1].lines }.map(Job.school)
        @Sendable func perform(_ job: Job) throws(KCBXError) {
            switch job {
            case .ledger(let work): if let fillIn, let ledger { try LedgerWorkbook.issue(ledger, work: work, into: fillIn) }
            case .schoolSummary: try SchoolWorkbook.writeSummary(schools, input, into: schoolsDirectory)
            case .school(let i): try SchoolWorkbook.write(schools.schools[i], input, into: schoolsDirectory)
            case .discrepancies:
                try DiscrepancyWorkbook.write(rows, input, people, to: directory.appendingPathComponent(FileName.discrepancies(input.period)))
            case .childRecords: try ChildRecordWorkbook.write(input, people, shared, into: directory.appendingPathComponent(ChildRecordWorkbook.folder))
            case .technical: try TechnicalWorkbook.write(rows, input, to: directory.appendingPathComponent(FileName.technical(input.period)))
            case .town(let i):
                try TownWorkbooks.write(town: townLists[i].town, townLists[i].rows, input, people, shared,
                                        to: townsDirectory.appendingPathComponent(townFile[i]))
            case .findings: try FindingsCSV.write(rows, input, to: directory.appendingPathComponent(FileName.findings))
            case .persons: try PersonsCSV.write(input, to: directory.appendingPathComponent(FileName.persons))
            case .police:
                try PoliceWorkbook.write(rows, input, people, population, to: directory.appendingPathComponent(FileName.police(input.period)))
            }
        }
        let failures = ConcurrentResults<KCBXError>(count: jobs.count)
        let times = ConcurrentResults<Double>(count: jobs.count)
        let queue = jobs
        DispatchQueue.concurrentPerform(iterations: queue.count) { i in
            let jobStarted = Date()
            do throws(KCBXError) { try perform(queue[i]) } catch { failures[i] = error }
            times[i] = Date().timeIntervalSince(jobStarted)
        }
        // The longest files, for the log (file names are not logged: school and town names are the officers').
        let longest = times.values.enumerated().sorted { ($0.element ?? 0) > ($1.element ?? 0) }.prefix(5)
        Log.info("report: longest files: " + longest.map { String(format: "%@ %.1f s", "\(queue[$0.offset])", $0.element ?? 0) }.joined(separator: ", "))
        // The first failure in the jobs' order, whichever thread met it first.
        if let failure = failures.values.lazy.compactMap({ $0 }).first { throw failure }
        let towns = townLists.count
        step("files")
        try RosterOutputs.write(input, people, rows, into: directory)
        step("roster")
        let figures = BulletinFigures(input, people, rows, population, shared)
        let bulletinName = FileName.bulletin(period: input.period)
        try BulletinWorkbook.write(figures, to: directory.appendingPathComponent(bulletinName + ".xlsx"))
        try BulletinHTML.write(figures, to: directory.appendingPathComponent(bulletinName + ".html"))
        let rejected = try writeRejects(input, to: directory.appendingPathComponent(FileName.rejects))
        try writeJSON(Summary.object(input, figures), to: directory.appendingPathComponent(FileName.summary))
        try writeJSON(input.records.linkage, to: directory.appendingPathComponent(FileName.linkage))
        var manifest = input.manifest
        let written = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        manifest.outputs = (written + [FileName.manifest]).sorted()
        try manifest.write(to: directory.appendingPathComponent(FileName.manifest))
        step("rest")
        Log.info("report: " + steps.joined(separator: ", "))
        Log.info(String(format: "report: %d findings, %d town workbooks, %.1f s, peak %d MiB",
                        input.reconcile.findings.count, towns, Date().timeIntervalSince(started), peakMemoryMiB()))
        return (["findings": input.reconcile.findings.count, "persons": input.records.personCount, "rejects": rejected,
                 "towns": towns], figures.record)
    }

    // MARK: rejects

    static func writeRejects(_ input: ReportInput, to directory: URL) throws(KCBXError) -> Int {
        var total = 0
        for source in input.records.sources where !source.rejects.isEmpty {
            if total == 0 { try makeDirectory(directory) }
            let csv = try CSVWriter(url: directory.appendingPathComponent(safeFileName(source.source) + ".csv"), formulaSafe: true)
            // The raw values are the file's own columns (ingest keeps the whole row of a row it rejects).
            try csv.write(["record", "line", "reason"] + source.header)
            for r in source.rejects { try csv.write([String(r.recordNumber), String(r.line), r.reason] + r.raw.map(CSVText.keepingDigits)) }
            try csv.close()
            total += source.rejects.count
        }
        return total
    }

    static func makeDirectory(_ url: URL) throws(KCBXError) {
        do { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) } catch {
            throw KCBXError(.runFailed, "cannot create the folder \(url.lastPathComponent)", file: url.path)
        }
    }

    /// A source or town name made safe as a file name (no path separators or control characters).
    public static func safeFileName(_ name: String) -> String {
        let safe = String(name.map { "/\\:*?\"<>|".contains($0) || $0.isNewline ? "_" : $0 })
        return safe.isEmpty || safe == "." || safe == ".." ? "_" : safe
    }

    static func writeJSON(_ object: [String: any Sendable], to url: URL) throws(KCBXError) {
        do {
            let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            try data.write(to: url)
        } catch {
            throw KCBXError(.runFailed, "cannot write \(url.lastPathComponent): \(error.localizedDescription)", file: url.path)
        }
    }
}

/// File names made unique within one folder: two places whose safe names collide (`a/b`, `a_b`) each keep
/// their workbook, the later one's name numbered (`a_b_2026年11月（2）.xlsx`).
struct UniqueFileNames {
    private var used = Set<String>()

    /// `name`, or `name` numbered （2）, （3）… before its extension when an earlier claim took it.
    mutating func claim(_ name: String) -> String {
        var shown = name, n = 2
        let dot = name.lastIndex(of: ".") ?? name.endIndex
        while !used.insert(shown).inserted {
            shown = String(name[..<dot]) + "（\(n)）" + String(name[dot...]); n += 1
        }
        return shown
    }
}
