import KCBXCore
import KCBXLedger

/// 外地户籍/外出 (`out_of_district`): a child with no resident 户籍 here whose ID is of another region, who
/// holds a 学籍 record here and left school (辍学 or 转出 without an active status) or has an unexcused
/// absence at the threshold. Reported to the place of registration instead of `suspected_dropout`.
enum OutOfDistrictRule: FindingRule {
    static let descriptor = FindingDescriptor(
        .outOfDistrict, title: "外地户籍/外出", work: .childFollowUp, actor: .town,
        asked: "核实就读去向，函告户籍地或就读地教育部门", closes: [.enrolled, .registeredDead, .movedOut, .agedOut])
    static let needs: [SourceRole] = [.hukou, .studentStatus]

    static func decide(_ p: inout PersonCase) {
        guard p.view.isNonLocal(resident: p.n.resident), p.n.status > 0 else { return }
        let absences = p.n.absent > 0 ? p.facts.filter(\.unexcusedAbsence) : []
        let leftSchool = (p.n.dropout > 0 || p.n.transferred > 0) && p.n.active == 0
        guard leftSchool || !absences.isEmpty else { return }
        var why: [String] = []
        if leftSchool { why.append("学籍状态：\(p.view.statuses())，无在籍学籍") }
        if !absences.isEmpty { why.append(p.view.absences(absences)) }
        p.emit(code, p.view.refs(.statusDropout) + p.view.refs(.statusTransferred) + absences.map(\.ref),
               "非本地户籍（户籍地 \(p.view.regionCode.map(RegionCodes.title) ?? "不详")），\(why.joined(separator: "；"))；应通报户籍地")
    }
}
