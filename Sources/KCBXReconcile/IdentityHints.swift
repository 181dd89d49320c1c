import KCBXCore
import KCBXLink
import KCBXNormalize

/// What the link stage learnt about identities that the findings must show: records carrying another
/// person's ID number (借用/冒用身份证件号), and records without an ID that may be a person's but could not
/// be linked for certain (possible matches, sent to clerical review).
struct IdentityHints: Sendable {
    /// A record using another person's ID number → what the link stage found (the holder and why).
    var borrowed: [RecordRef: BorrowedID] = [:]
    /// Per ID holder, the records of other persons using their number.
    var borrowers: [Int32: [RecordRef]] = [:]
    /// Per person, records without a certain link that may be theirs.
    var possible: [Int32: [RecordRef]] = [:]

    init() {}

    init(_ sources: [NormalizedSource], index: PersonIndex) {
        for b in index.borrowedIDs {
            borrowed[b.record] = b
            borrowers[b.holder, default: []].append(b.record)
        }
        for (record, persons) in index.possibleMatches.sorted(by: { $0.key < $1.key }) {
            for person in persons { possible[person, default: []].append(record) }
        }
    }
}

extension PersonCase {
    /// For a record of this person that carries another person's ID number: the words of the finding
    /// (both identities, the number masked) and the holder's hukou records.
    func borrowed(_ f: RecordFact) -> (text: String, holderRecords: [RecordRef])? {
        guard let b = ctx.identity.borrowed[f.ref] else { return nil }
        let r = view.record(f)
        let h = ctx.sources[b.holderRecord.source].records[b.holderRecord.record]
        let holderName = h.name?.normalized ?? "不详", holderBirth = h.birthDate.map { "\($0)" } ?? "不详"
        let name = r.name?.normalized ?? "不详", birth = r.birthDate.map { "\($0)" } ?? "不详"
        let number = "\(ctx.place(f.ref))的身份证件号 \(r.id?.masked ?? "")"
        let text: String
        switch b.kind {
        case .otherPerson:
            text = "\(number)属于另一儿童「\(holderName)」（出生 \(holderBirth)），本记录为「\(name)」（出生 \(birth)），姓名与出生日期均不符，疑似借用/冒用身份证件号"
        case .coTwin:
            text = "\(number)属于其双胞胎「\(holderName)」，本记录为「\(name)」，应更正为本人的身份证件号"
        case .parent:
            text = "\(number)属于成年人「\(holderName)」（出生 \(holderBirth)，疑为父母），本记录为「\(name)」（出生 \(birth)），应更正为本人的身份证件号"
        }
        return (text, [b.holderRecord])
    }

    /// For an ID holder: that other persons' records use the number and are not counted as theirs.
    var borrowedNotes: String {
        guard let records = ctx.identity.borrowers[p], !records.isEmpty else { return "" }
        let places = records.map { ref in
            let name = ctx.sources[ref.source].records[ref.record].name?.normalized ?? ""
            return "\(ctx.place(ref))\(name.isEmpty ? "" : "「\(name)」")"
        }
        return "；\(places.joined(separator: "、"))使用本人身份证件号，但姓名、出生日期均不符，已按他人记录处理（疑似借用/冒用，见人籍不一致）"
    }

    /// An attendance row at `school` that the link stage could not place for certain may be this pupil's
    /// (a possible match): the status is then not taken as having nobody behind it.
    func possibleAttendance(at school: String) -> Bool {
        guard let records = ctx.identity.possible[p] else { return false }
        return records.contains { ref in
            ctx.sources[ref.source].role == .attendance && view.school(RecordFact(ref: ref, kind: .attendance)) == school
        }
    }

    /// Records without an ID that may be this person's: named, for the officer to check.
    var possibleMatchNotes: String { ctx.identity.possibleNotes(p, ctx) }
}

extension IdentityHints {
    /// Records without a certain link that may be person `p`'s, from a source that marks a priority group
    /// (扶贫, 残联, 民政, 司法): the child is treated as priority until an officer says otherwise, so that a
    /// poor or left-behind child is never ranked down for a namesake (docs/findings.md, "priority").
    func possiblePriority(_ p: Int32, _ sources: [NormalizedSource]) -> Bool {
        possible[p]?.contains { sources[$0.source].role.marksPriority } ?? false
    }

    /// `；民政（和平社区）有同名记录（王梓涵），未能确认是否本人，请核实`, with `，如属本人即为重点群体` when such
    /// a record is from a priority source; empty when `p` has no possible records. Records are named by
    /// where a reader finds them (``ReconcileStage/Context/place(_:)``).
    func possibleNotes(_ p: Int32, _ ctx: ReconcileStage.Context) -> String {
        guard let records = possible[p], !records.isEmpty else { return "" }
        let places = records.prefix(3).map { ref -> String in
            let r = ctx.sources[ref.source].records[ref.record]
            return "\(ctx.place(ref))有同名记录（\(r.name?.normalized ?? "")）"
        }
        let priority = possiblePriority(p, ctx.sources) ? "，如属本人即为重点群体，已按重点群体标注" : ""
        return "；\(places.joined(separator: "、"))，未能确认是否本人，请核实\(priority)"
    }
}
