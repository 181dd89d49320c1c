import Foundation
import KCBXCore
import KCBXFormats
import KCBXLink
import KCBXNormalize
import KCBXReconcile
import KCBXSheets

/// What the report stage needs: the period's normalized records, person index and findings, plus the
/// run's bookkeeping for the manifest.
public struct ReportInput: Sendable {
    public var config: PipelineConfig
    public var period: String
    public var sources: [NormalizedSource]
    public var index: PersonIndex
    public var reconcile: ReconcileResult
    /// The manifest's run part (inputs, stages, versions), already encoded as a JSON object.
    public var manifest: [String: any Sendable]
    /// The ledger (台账) after this period's reconcile: open and closed cases with their history.
    public var cases: [Case]
    /// The ledger's figures for the bulletin.
    public var ledger: LedgerFigures

    public init(config: PipelineConfig, period: String, sources: [NormalizedSource], index: PersonIndex,
                reconcile: ReconcileResult, manifest: [String: any Sendable], cases: [Case] = [], ledger: LedgerFigures = .init()) {
        self.config = config; self.period = period; self.sources = sources; self.index = index
        self.reconcile = reconcile; self.manifest = manifest; self.cases = cases; self.ledger = ledger
    }
}

/// The report stage: writes what officers and machines read, into one folder.
///
/// The caller hands it a fresh folder and moves it into place only when every file is written, so a
/// failed report never leaves half a set of outputs where a reader takes them as current.
public enum ReportStage {
    /// The file names of INTERFACE.md.
    public enum FileName {
        public static let discrepancies = "差异清单.xlsx"
        public static let findings = "findings.csv"
        public static let persons = "persons.csv"
        public static let summary = "summary.json"
        public static let manifest = "manifest.json"
        public static let rejects = "rejects"
    }

    /// Writes every output into `directory`; returns figures for the run record.
    @discardableResult
    public static func run(_ input: ReportInput, into directory: URL) throws(KCBXError) -> [String: Int] {
        let people = PersonView(input)
        try writeFindingsCSV(input, people, to: directory.appendingPathComponent(FileName.findings))
        try writePersonsCSV(input, to: directory.appendingPathComponent(FileName.persons))
        try writeDiscrepancies(input, people, to: directory.appendingPathComponent(FileName.discrepancies))
        try LedgerWorkbook.write(input, to: directory.appendingPathComponent(LedgerWorkbook.fileName))
        let rejected = try writeRejects(input, to: directory.appendingPathComponent(FileName.rejects))
        let summary = summaryObject(input)
        try writeJSON(summary, to: directory.appendingPathComponent(FileName.summary))
        var manifest = input.manifest
        let written = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        manifest["outputs"] = (written + [FileName.manifest]).sorted()
        try writeJSON(manifest, to: directory.appendingPathComponent(FileName.manifest))
        return ["findings": input.reconcile.findings.count, "persons": input.index.persons.count, "rejects": rejected]
    }

    // MARK: findings

    static func findingRow(_ f: Finding, _ input: ReportInput, _ people: PersonView) -> [String] {
        let p = people.describe(f.personID, evidence: f.evidence)
        return [f.caseID, f.code.rawValue, f.priority ? "true" : "false", f.personID, p.idNumber, p.name,
                p.birthDate?.description ?? "", p.sex, p.town, p.schoolCode, people.evidence(f.evidence), f.detail]
    }

    static func writeFindingsCSV(_ input: ReportInput, _ people: PersonView, to url: URL) throws(KCBXError) {
        let csv = try CSVWriter(url: url)
        try csv.write(["case_id", "code", "priority", "person_id", "id_number", "name", "birth_date", "sex", "town",
                       "school_code", "evidence", "detail"])
        for f in sortedFindings(input) { try csv.write(findingRow(f, input, people)) }
        try csv.close()
    }

    static func sortedFindings(_ input: ReportInput) -> [Finding] {
        let order = Dictionary(uniqueKeysWithValues: FindingCode.allCases.enumerated().map { ($1, $0) })
        return input.reconcile.findings.sorted { (order[$0.code]!, $0.caseID) < (order[$1.code]!, $1.caseID) }
    }

    // MARK: persons

    static func writePersonsCSV(_ input: ReportInput, to url: URL) throws(KCBXError) {
        let csv = try CSVWriter(url: url)
        try csv.write(["source", "record", "person_id", "id_number", "link_rule", "match_probability"])
        for (s, source) in input.sources.enumerated() where source.role != .schools {
            for (i, record) in source.records.enumerated() {
                let person = input.index.person(source: s, index: i)
                let id = record.id.map { $0.normalized.isEmpty ? $0.raw : $0.normalized } ?? ""
                let p = input.index.probability[s][i]
                try csv.write([source.source, String(record.recordNumber), person.id, id, input.index.rule[s][i].rawValue,
                               p == 1 ? "1" : p == 0 ? "0" : String(format: "%.4f", p)])
            }
        }
        try csv.close()
    }

    // MARK: 差异清单.xlsx

    static let findingColumns: [XLSXColumn] = [
        XLSXColumn("案件编号", width: 13), XLSXColumn("重点群体", width: 9), XLSXColumn("身份证件号", width: 21),
        XLSXColumn("姓名", width: 10), XLSXColumn("出生日期", .date, width: 11), XLSXColumn("性别", width: 6),
        XLSXColumn("镇街", width: 12), XLSXColumn("学校标识码", width: 12), XLSXColumn("依据记录", width: 30),
        XLSXColumn("说明", width: 50),
    ]

    static func writeDiscrepancies(_ input: ReportInput, _ people: PersonView, to url: URL) throws(KCBXError) {
        let book = try XLSXWorkbook(url: url, constantMemory: input.reconcile.findings.count > 50_000)
        let findings = sortedFindings(input)
        let byCode = Dictionary(grouping: findings, by: \.code)
        let summary = try book.addSheet("汇总", columns: [
            XLSXColumn("问题代码", width: 24), XLSXColumn("问题类型", width: 16), XLSXColumn("人数", .integer, width: 8),
            XLSXColumn("其中重点群体", .integer, width: 12), XLSXColumn("核查情况", width: 60),
        ], title: "\(input.config.district.name) \(input.period) 控辍保学比对核查差异清单（核查基准日 \(input.config.asOf)）")
        let notChecked = Dictionary(input.reconcile.notChecked.map { ($0.code, $0.reason) }, uniquingKeysWith: { a, _ in a })
        for code in FindingCode.allCases {
            let list = byCode[code] ?? []
            let state = notChecked[code].map { "未核查：\($0)" } ?? "已核查"
            try summary.append([.text(code.rawValue), .text(code.title), .integer(list.count),
                                .integer(list.filter(\.priority).count), .text(state)])
        }
        for code in FindingCode.allCases {
            guard let list = byCode[code], !list.isEmpty else { continue }
            let sheet = try book.addSheet(code.title, columns: findingColumns, title: "\(code.title)（\(code.rawValue)）")
            for f in list {
                let p = people.describe(f.personID, evidence: f.evidence)
                try sheet.append([.text(f.caseID), .text(f.priority ? "是" : ""), .text(p.idNumber), .text(p.name),
                                  p.birthDate.map(XLSXCell.date) ?? .empty, .text(p.sex), .text(p.town), .text(p.schoolCode),
                                  .text(people.evidence(f.evidence)), .text(f.detail)], highlight: f.priority)
            }
        }
        try book.close()
    }

    // MARK: rejects

    static func writeRejects(_ input: ReportInput, to directory: URL) throws(KCBXError) -> Int {
        var total = 0
        for source in input.sources where !source.rejects.isEmpty {
            if total == 0 {
                do { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) } catch {
                    throw KCBXError(.runFailed, "cannot create the rejects folder", file: directory.path)
                }
            }
            let csv = try CSVWriter(url: directory.appendingPathComponent(safeFileName(source.source) + ".csv"))
            try csv.write(["record", "line", "reason"] + source.fields.map(\.rawValue))
            for r in source.rejects { try csv.write([String(r.recordNumber), String(r.line), r.reason] + r.raw) }
            try csv.close()
            total += source.rejects.count
        }
        return total
    }

    /// A source name made safe as a file name (no path separators or control characters).
    public static func safeFileName(_ name: String) -> String {
        String(name.map { "/\\:*?\"<>|".contains($0) || $0.isNewline ? "_" : $0 })
    }

    // MARK: summary.json

    static func summaryObject(_ input: ReportInput) -> [String: any Sendable] {
        let findings = input.reconcile.findings
        var counts: [String: any Sendable] = [:]
        for code in FindingCode.allCases {
            let list = findings.filter { $0.code == code }
            counts[code.rawValue] = ["count": list.count, "priority": list.filter(\.priority).count] as [String: any Sendable]
        }
        return [
            "pipeline": input.config.name,
            "district": ["code": input.config.district.code, "name": input.config.district.name] as [String: any Sendable],
            "period": input.period,
            "as_of": input.config.asOf.description,
            "findings": counts,
            "findings_total": findings.count,
            "priority_total": findings.filter(\.priority).count,
            "not_checked": input.reconcile.notChecked.map { ["code": $0.code.rawValue, "reason": $0.reason] as [String: any Sendable] },
            "persons": input.index.persons.count,
            "sources": input.sources.map { ["name": $0.source, "role": $0.role.rawValue, "rows_read": $0.rowsRead,
                                            "accepted": $0.records.count, "rejected": $0.rejects.count] as [String: any Sendable] },
        ]
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

/// What the outputs show of a person: taken from the hukou record first, then 学籍, then any other.
struct PersonView {
    struct Description {
        var idNumber = "", name = "", sex = "", town = "", schoolCode = ""
        var birthDate: CivilDate?
    }
    let input: ReportInput
    let index: [String: Int]

    init(_ input: ReportInput) {
        self.input = input
        var index: [String: Int] = [:]
        for (i, p) in input.index.persons.enumerated() { index[p.id] = i }
        self.index = index
    }

    static let rank: [SourceRole: Int] = [.hukou: 0, .studentStatus: 1, .disability: 2, .poverty: 3, .welfare: 4, .justice: 5,
                                          .deferral: 6, .attendance: 7, .schools: 8]

    func describe(_ personID: String, evidence: [RecordRef]) -> Description {
        var refs = evidence
        if let i = index[personID] { refs += input.index.persons[i].members }
        refs.sort { (PersonView.rank[input.sources[$0.source].role]!, $0) < (PersonView.rank[input.sources[$1.source].role]!, $1) }
        var d = Description()
        for ref in refs {
            let source = input.sources[ref.source], r = source.records[ref.record]
            if d.idNumber.isEmpty, let id = r.id, id.kind != .missing { d.idNumber = id.normalized.isEmpty ? id.raw : id.normalized }
            if d.name.isEmpty, let n = r.name { d.name = n.normalized }
            if d.sex.isEmpty, let s = r.sex ?? (r.id?.isValid == true ? r.id?.sex : nil) { d.sex = s.rawValue }
            if d.birthDate == nil { d.birthDate = r.birthDate }
            if d.town.isEmpty { d.town = source.value(.town, of: r) }
            if d.schoolCode.isEmpty, source.role == .studentStatus || source.role == .attendance { d.schoolCode = source.value(.schoolCode, of: r) }
        }
        return d
    }

    /// `source#record` of each record, joined by `;` (record = 1-based record number in its file).
    func evidence(_ refs: [RecordRef]) -> String {
        refs.map { "\(input.sources[$0.source].source)#\(input.sources[$0.source].records[$0.record].recordNumber)" }.joined(separator: ";")
    }
}
