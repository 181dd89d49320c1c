import KCBXCore
import KCBXLedger

/// 人籍不一致 (`identity_mismatch`): a 学籍 record whose ID number fails its check, whose own birth date or
/// sex disagree with its ID, whose name, birth date or sex differ from the child's resident 户籍 record,
/// or — in any source — which carries the ID number of another child (借用/冒用身份证件号: name and birth
/// date both differ from the holder's). Formatting differences are not mismatches. Closes when corrected.
enum IdentityMismatchRule: FindingRule {
    static let descriptor = FindingDescriptor(
        .identityMismatch, title: "人籍不一致", work: .recordCorrection, actor: .school, place: 1,
        asked: "以户籍登记为准核对学籍中的身份信息并更正", closes: [.registeredDead, .movedOut, .agedOut])
    static let needs: [SourceRole] = [.studentStatus]
    static let partly: [(role: SourceRole, what: String)] = [(.hukou, "与户籍的姓名、出生日期、性别比对")]

    static func decide(_ p: inout PersonCase) {
        var records: [RecordRef] = [], why: [String] = [], school = ""
        let hukou = p.view.referenceHukou
        if p.n.status > 0 {
            for f in p.facts where f.isStatus {
                let problems = p.view.identityProblems(f, against: hukou)
                if !problems.isEmpty {
                    if records.isEmpty { school = p.view.school(f) }
                    records.append(f.ref); why.append(problems.joined(separator: "，"))
                }
            }
        }
        for f in p.facts {
            // The holder's record is named in the detail, not listed: the evidence is this child's.
            guard let borrowed = p.borrowed(f) else { continue }
            if !records.contains(f.ref) { records.append(f.ref) }
            if records.count == 1 && school.isEmpty { school = p.view.school(f) }
            why.append(borrowed.text)
        }
        guard !records.isEmpty else { return }
        p.emit(code, records + (hukou.map { [$0.ref] } ?? []), why.joined(separator: "；"), school: school)
    }

    static func closeReason(_ p: PersonCase) -> String? { "学籍身份信息已更正" }
}
