import Dispatch
import Foundation
import KCBXCore
import KCBXLedger
import KCBXLink
import KCBXNormalize
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

    struct Description: Sendable {
        var idNumber = "", name = "", sex = "", town = "", schoolCode = ""
        var birthDate: CivilDate?
        /// From the 学籍 record: 年级, 班级. Contact fields where any record has them: 监护人, 联系电话, 村居, 住址.
        var grade = "", className = "", guardian = "", phone = "", village = "", address = ""
    }
    let input: ReportInput
    /// Person id → position in the person index, for the persons with findings.
    let index: [String: Int]
    /// 学校标识码 → (school name, town), from the school directory and 学籍 records.
    let schools: [String: (name: String, town: String)]
    /// Column of each field in each source (nil: the source does not map it).
    let columns: [[CanonicalField: Int]]

    init(_ input: ReportInput) {
        self.input = input
        // Only the persons with findings are looked up by id: no map of millions of persons.
        let wanted = Set(input.reconcile.findings.map(\.personID))
        var index: [String: Int] = [:]
        index.reserveCapacity(wanted.count)
        for (i, p) in input.index.persons.enumerated() where wanted.contains(p.id) { index[p.id] = i }
        self.index = index
        columns = input.sources.map { s in Dictionary(s.fields.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a }) }
        var schools: [String: (name: String, town: String)] = [:]
        for (s, source) in input.sources.enumerated() where source.role == .schools || source.role == .studentStatus {
            guard let code = columns[s][.schoolCode] else { continue }
            let nameCol = columns[s][.schoolName], townCol = source.role == .schools ? columns[s][.town] : nil
            for r in source.records where !r.values[code].isEmpty {
                let old = schools[r.values[code]] ?? ("", "")
                let name = old.name.isEmpty ? nameCol.map { r.values[$0] } ?? "" : old.name
                let town = old.town.isEmpty ? townCol.map { r.values[$0] } ?? "" : old.town
                schools[r.values[code]] = (name, town)
            }
        }
        self.schools = schools
    }

    static let rank: [SourceRole: Int] = [.hukou: 0, .studentStatus: 1, .disability: 2, .poverty: 3, .welfare: 4, .justice: 5,
                                          .deferral: 6, .attendance: 7, .schools: 8]

    /// The value of `field` in the record `ref`, "" when its source does not map it.
    func value(_ field: CanonicalField, _ ref: RecordRef) -> String {
        guard let c = columns[ref.source][field] else { return "" }
        return input.sources[ref.source].records[ref.record].values[c]
    }

    func record(_ ref: RecordRef) -> NormalizedRecord { input.sources[ref.source].records[ref.record] }
    func role(_ ref: RecordRef) -> SourceRole { input.sources[ref.source].role }

    /// The records of a person, hukou first (then 学籍, …).
    func members(_ personID: String) -> [RecordRef] {
        guard let i = index[personID] else { return [] }
        return input.index.persons[i].members
    }

    func describe(_ personID: String, evidence: [RecordRef]) -> Description {
        var refs = evidence + members(personID)
        refs.sort { (PersonView.rank[role($0)] ?? 9, $0) < (PersonView.rank[role($1)] ?? 9, $1) }
        var d = Description()
        for ref in refs {
            let r = record(ref), role = role(ref)
            if d.idNumber.isEmpty, let id = r.id, id.kind != .missing { d.idNumber = id.shown }
            if d.name.isEmpty, let n = r.name { d.name = n.normalized }
            if d.sex.isEmpty, let s = r.sex ?? (r.id?.isValid == true ? r.id?.sex : nil) { d.sex = s.rawValue }
            if d.birthDate == nil { d.birthDate = r.birthDate }
            if d.town.isEmpty, role != .schools { d.town = value(.town, ref) }
            if d.schoolCode.isEmpty, role == .studentStatus || role == .attendance { d.schoolCode = value(.schoolCode, ref) }
            if role == .studentStatus, d.grade.isEmpty, d.className.isEmpty { d.grade = value(.grade, ref); d.className = value(.class, ref) }
            if d.guardian.isEmpty { d.guardian = value(.guardianName, ref) }
            if d.phone.isEmpty { d.phone = value(.phone, ref) }
            if d.village.isEmpty, role != .schools { d.village = value(.village, ref) }
            // An address that is only a region code (学籍's 户口所在地 370783) says nothing to a visitor.
            if d.address.isEmpty, role != .schools {
                let a = value(.address, ref)
                if !a.allSatisfy(\.isNumber) { d.address = a }
            }
        }
        if d.guardian.isEmpty {
            // The parents named in the hukou record stand in for a guardian no record names.
            for ref in refs where role(ref) == .hukou {
                let parents = [("父", value(.fatherName, ref)), ("母", value(.motherName, ref))].filter { !$0.1.isEmpty }
                if !parents.isEmpty { d.guardian = parents.map { "\($0.1)（\($0.0)）" }.joined(separator: "、"); break }
            }
        }
        if d.town.isEmpty, let t = schools[d.schoolCode]?.town { d.town = t }
        d.town = PersonView.townShown(d.town)
        return d
    }

    /// `source#record` of each record, joined by `;` (record = 1-based record number in its file).
    func evidence(_ refs: [RecordRef]) -> String {
        refs.map(label).joined(separator: ";")
    }

    /// `source#record` of one record.
    func label(_ ref: RecordRef) -> String { "\(input.sources[ref.source].source)#\(record(ref).recordNumber)" }

    /// 概率关联依据: for each of `refs` joined to its person by the probabilistic pass or a review
    /// decision, the two records compared and the link's per-field explanation, one link a line:
    /// `学籍#7 ↔ 公安户籍#2：id=exact(+12.0) name=same_pinyin(+6.3) … → weight 16.3, p 0.99998`.
    /// "" when every record was joined on its ID number (or not at all).
    func linkEvidence(_ refs: [RecordRef]) -> String {
        var lines: [String] = [], seen = Set<[Int]>()
        let index = input.index
        for ref in refs where ref.source < index.rule.count && ref.record < index.rule[ref.source].count {
            let rule = index.rule[ref.source][ref.record]
            guard rule == .probabilistic || rule == .review, let link = index.link(source: ref.source, index: ref.record),
                  seen.insert([link.record.source, link.record.record, link.other.source, link.other.record]).inserted else { continue }
            lines.append("\(label(link.record)) ↔ \(label(link.other))：\(link.rule == .review ? "人工核对确认；" : "")\(link.explanation)")
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
                var person = people.describe(f.personID, evidence: f.evidence)
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
