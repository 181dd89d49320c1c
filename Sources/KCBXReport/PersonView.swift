import Dispatch
import Foundation
import KCBXCore
import KCBXLedger
import KCBXReconcile

/// What the outputs show of a person: taken from the hukou record first, then 学籍, then any other.
struct PersonView: Sendable {
    /// The town shown when no record of the person names one.
    static let unknownTown = "未知镇街"

    /// `town` as the outputs show it: 未知镇街 when no record names one.
    static func townShown(_ town: String) -> String {
        // A name starting with a visible character (ASCII, or CJK past U+3000) is shown as it is, without
        // trimming a copy of it: this runs for every case of the ledgers.
        if let first = town.unicodeScalars.first, (0x21...0x7E).contains(first.value) || first.value > 0x3000 { return town }
        return town.trimmingCharacters(in: .whitespaces).isEmpty ? unknownTown : town
    }

    /// The fields every list shows of a child: read once by reconcile (``ChildFacts/Description``).
    typealias Description = ChildFacts.Description
    let input: ReportInput
    /// Each child as reconcile read it.
    let children: ChildFacts
    /// Person id → row of ``children``, for the persons with findings and the pupils the police check.
    let rows: [String: Int]
    /// Person id → position in the person index, for the same persons (their records: evidence).
    let index: [String: Int]
    /// 学校标识码 → (school name, town), from the school directory and 学籍 records (``ChildFacts/schools``).
    let schools: [String: (name: String, town: String)]
    /// Column of each field in each source (nil: the source does not map it).
    let columns: [[CanonicalField: Int]]

    init(_ input: ReportInput) {
        self.input = input
        children = input.reconcile.children
        // Only these persons are looked up by id: no map of millions of persons.
        let rows = children.rows(of: Set(input.reconcile.findings.map(\.personID) + children.movedOut.map(\.person)))
        self.rows = rows
        index = rows.mapValues { Int(input.reconcile.children.person(at: $0)) }
        columns = input.records.sources.map { s in Dictionary(s.fields.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a }) }
        schools = children.schools
    }

    static let rank: [SourceRole: Int] = [.hukou: 0, .studentStatus: 1, .disability: 2, .poverty: 3, .welfare: 4, .justice: 5,
                                          .deferral: 6, .attendance: 7, .schools: 8]

    /// The value of `field` in the record `ref`, "" when its source does not map it.
    func value(_ field: CanonicalField, _ ref: RecordRef) -> String {
        guard let c = columns[ref.source][field] else { return "" }
        return input.records.record(ref).values[c]
    }

    func record(_ ref: RecordRef) -> StageRecords.Record { input.records.record(ref) }
    func role(_ ref: RecordRef) -> SourceRole { input.records.sources[ref.source].role }

    /// The records of a person, hukou first (then 学籍, …).
    func members(_ personID: String) -> [RecordRef] {
        guard let i = index[personID] else { return [] }
        return input.records.members(Int32(i))
    }

    /// The child `personID` as the lists show them (read once by reconcile), the town as shown (未知镇街 when
    /// no record names one); empty for a person reconcile kept no row of.
    func describe(_ personID: String) -> Description {
        guard let row = rows[personID] else { return Description() }
        return PersonView.shown(children[row].description)
    }

    /// `d` with its town as the outputs show it.
    static func shown(_ d: Description) -> Description {
        var d = d
        d.town = townShown(d.town)
        return d
    }

    /// `source#record` of each record, joined by `;` (record = 1-based record number in its file).
    func evidence(_ refs: [RecordRef]) -> String {
        refs.map(label).joined(separator: ";")
    }

    /// `source#record` of one record.
    func label(_ ref: RecordRef) -> String { "\(input.records.sources[ref.source].source)#\(record(ref).recordNumber)" }

    /// 概率关联依据: for each of `refs` joined to its person by the probabilistic pass or a review
    /// decision, the two records compared and the link's per-field explanation, one link a line:
    /// `学籍#7 ↔ 公安户籍#2：id=exact(+12.0) name=same_pinyin(+6.3) … → weight 16.3, p 0.99998`.
    /// "" when every record was joined on its ID number (or not at all).
    func linkEvidence(_ refs: [RecordRef]) -> String {
        var lines: [String] = [], seen = Set<[Int]>()
        for ref in refs {
            guard let link = input.records.link(ref),
                  seen.insert([link.record.source, link.record.record, link.other.source, link.other.record]).inserted else { continue }
            lines.append("\(label(link.record)) ↔ \(label(link.other))：\(link.review ? "人工核对确认；" : "")\(link.explanation)")
        }
        return lines.joined(separator: "\n")
    }
}

/// The findings in report order (by code, then case id), each with the person as shown and its evidence:
/// computed once, shared by every output.
struct FindingRows: Sendable {
    struct Row: Sendable {
        var finding: Finding
        var person: PersonView.Description
        var evidence: String
        /// 概率关联依据 (see ``PersonView/linkEvidence(_:)``).
        var links: String
    }
    let rows: [Row]

    init(_ input: ReportInput, _ people: PersonView) {
        let order = Dictionary(uniqueKeysWithValues: FindingCode.allCases.enumerated().map { ($1, $0) })
        // The case id is a hash made on each use: made once per finding here, not twice per comparison.
        let keyed = input.reconcile.findings.map { (order[$0.code] ?? 0, $0.caseID) }
        let sorted = keyed.indices.sorted { keyed[$0] < keyed[$1] }.map { input.reconcile.findings[$0] }
        let chunk = 4096, chunks = (sorted.count + chunk - 1) / chunk
        let results = ConcurrentResults<[Row]>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            results[c] = sorted[(c * chunk)..<min(sorted.count, (c + 1) * chunk)].map { f in
                var person = people.describe(f.personID)
                // Reconcile's own town and school, when it names them, are the ones the finding is about.
                if !f.town.isEmpty { person.town = f.town }
                if !f.schoolCode.isEmpty { person.schoolCode = f.schoolCode }
                return Row(finding: f, person: person, evidence: people.evidence(f.evidence), links: people.linkEvidence(f.evidence))
            }
        }
        rows = results.values.flatMap { $0 ?? [] }
        var ranges: [FindingCode: Range<Int>] = [:]
        var start = 0
        for i in rows.indices where i + 1 == rows.count || rows[i + 1].finding.code != rows[i].finding.code {
            ranges[rows[i].finding.code] = start..<(i + 1)
            start = i + 1
        }
        self.ranges = ranges
    }

    /// Where each code's rows are (the rows are sorted by code).
    private let ranges: [FindingCode: Range<Int>]

    /// Rows of one code, in report order.
    func of(_ code: FindingCode) -> ArraySlice<Row> { rows[ranges[code] ?? 0..<0] }
}

/// ID masking for the outputs `privacy.mask_ids_in` names.
enum Masking {
    /// `id` as shown: masked (370783********1234) when `masked`.
    static func id(_ id: String, _ masked: Bool) -> String { masked && !id.isEmpty ? maskID(id) : id }

    /// `text` with every run of 15 to 18 ID characters (digits, with a final X) masked.
    static func text(_ text: String, _ masked: Bool) -> String {
        guard masked else { return text }
        var out = "", run = ""
        func flush() {
            out += run.count >= 15 && run.count <= 18 ? maskID(run) : run
            run = ""
        }
        for ch in text {
            if ch.isASCII && (ch.isNumber || ((ch == "X" || ch == "x") && !run.isEmpty)) { run.append(ch) } else { flush(); out.append(ch) }
        }
        flush()
        return out
    }
}
