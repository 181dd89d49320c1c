import KCBXCore
import KCBXLedger
import KCBXLink
import KCBXNormalize

/// A finding (发现的问题): one child, one code, with the records behind it and why it was raised.
public struct Finding: Sendable {
    public var code: FindingCode
    /// The person's stable id (from the person index).
    public var personID: String
    /// The child is in a priority group (重点群体): poverty, welfare, disability, justice.
    public var priority: Bool
    /// The records behind the finding.
    public var evidence: [RecordRef]
    /// Why it was raised, in words an officer reads, with the field values that matter (ID numbers masked).
    public var detail: String
    /// The child's town (镇街) as the records give it (hukou first), "" when unknown.
    public var town: String
    /// The school (学校标识码) the finding concerns, "" when none.
    public var schoolCode: String

    public init(code: FindingCode, personID: String, priority: Bool, evidence: [RecordRef], detail: String,
                town: String = "", schoolCode: String = "") {
        self.code = code; self.personID = personID; self.priority = priority; self.evidence = evidence; self.detail = detail
        self.town = town; self.schoolCode = schoolCode
    }

    /// Stable id of the case this finding feeds (one per code and person): `C` + 10 base-32 characters.
    public var caseID: String { Finding.caseID(code: code, personID: personID) }

    /// The case id of (code, person): `C` + 10 base-32 characters of a stable hash.
    public static func caseID(code: FindingCode, personID: String) -> String {
        "C" + base32(stableHash(code.rawValue + "|" + personID))
    }
}

/// What the reconcile stage produced: the findings, and the rules it could not check for want of input.
public struct ReconcileResult: Sendable {
    public var findings: [Finding]
    /// Codes not checked (or only partly checked) because a source they need is missing from the
    /// pipeline, with the reason. A code listed here is never to be read as "no findings".
    public var notChecked: [(code: FindingCode, reason: String)]
    /// Per school, what its attendance rows were read as (roster, absence list, nothing) and the figures behind it.
    public var attendance: [AttendanceDecision]
    /// Each child the outputs count or name, read once (``ChildFacts``): the report reads these, not the records.
    public var children: ChildFacts
    public init(findings: [Finding], notChecked: [(code: FindingCode, reason: String)], attendance: [AttendanceDecision] = [],
                children: ChildFacts = ChildFacts()) {
        self.findings = findings; self.notChecked = notChecked; self.attendance = attendance; self.children = children
    }
}

extension ReconcileResult: BinaryCodable {
    public func encode(to w: inout BinaryWriter) {
        w.write(findings.count)
        for f in findings {
            w.write(f.code.rawValue); w.write(f.personID); w.write(f.priority); w.write(f.detail)
            w.write(f.evidence.count)
            for e in f.evidence { w.write(e.source); w.write(e.record) }
            w.write(f.town); w.write(f.schoolCode)
        }
        w.write(notChecked.count)
        for n in notChecked { w.write(n.code.rawValue); w.write(n.reason) }
        w.write(attendance.count)
        for a in attendance {
            w.write(a.school); w.write(a.kind.rawValue); w.write(a.declared.rawValue)
            w.write(a.rows); w.write(a.zeroDayRows); w.write(a.activeStatus); w.write(a.covered)
        }
        children.encode(to: &w)
    }

    public init(from r: inout BinaryReader) throws(BinaryReader.Corrupt) {
        var findings: [Finding] = []
        let n = try r.readInt()
        guard n >= 0 else { throw .init() }
        findings.reserveCapacity(min(n, 1 << 20))
        for _ in 0..<n {
            guard let code = FindingCode(rawValue: try r.readString()) else { throw .init() }
            let person = try r.readString(), priority = try r.readBool(), detail = try r.readString()
            var evidence: [RecordRef] = []
            for _ in 0..<(try r.readInt()) { evidence.append(RecordRef(source: try r.readInt(), record: try r.readInt())) }
            let town = try r.readString(), school = try r.readString()
            findings.append(Finding(code: code, personID: person, priority: priority, evidence: evidence, detail: detail,
                                    town: town, schoolCode: school))
        }
        var notChecked: [(code: FindingCode, reason: String)] = []
        for _ in 0..<(try r.readInt()) {
            guard let code = FindingCode(rawValue: try r.readString()) else { throw .init() }
            notChecked.append((code, try r.readString()))
        }
        var attendance: [AttendanceDecision] = []
        for _ in 0..<(try r.readInt()) {
            let school = try r.readString()
            guard let kind = AttendanceDecision.Kind(rawValue: try r.readString()),
                  let declared = AttendanceKind(rawValue: try r.readString()) else { throw .init() }
            attendance.append(AttendanceDecision(school: school, kind: kind, declared: declared, rows: try r.readInt(),
                                                 zeroDayRows: try r.readInt(), activeStatus: try r.readInt(), covered: try r.readInt()))
        }
        self.init(findings: findings, notChecked: notChecked, attendance: attendance, children: try ChildFacts(from: &r))
    }
}
