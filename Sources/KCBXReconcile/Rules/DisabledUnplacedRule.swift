import KCBXCore
import KCBXLedger

/// 残疾儿童未安置 (`disabled_unplaced`): a school-age child in the disability source with no active status,
/// not taught at home (送教上门 in 安置情况 or 就读方式) and no valid 免于入学 exemption. Placed means enrolled
/// (随班就读, 特教学校) or 送教上门. A resident one is also `not_enrolled`. Closes when placed.
enum DisabledUnplacedRule: FindingRule {
    static let descriptor = FindingDescriptor(
        .disabledUnplaced, title: "残疾儿童未安置", work: .childFollowUp, countsAgainstTown: true, followedUpHere: true, actor: .town,
        asked: "会同残联评估，安排随班就读、特教学校就读或送教上门",
        closes: [.enrolled, .registeredDead, .movedOut, .agedOut, .deferralApproved])
    static let needs: [SourceRole] = [.disability, .studentStatus]

    static func decide(_ p: inout PersonCase) {
        let n = p.n
        guard n.disability > 0, p.inCohort, n.active == 0, n.homeTaught == 0, n.exemption == 0,
              !(n.dead > 0 && n.resident == 0), !p.ctx.twinEnrolled(p.p) else { return }
        let state = n.status > 0 ? "学籍状态：\(p.view.statuses())" : "无学籍"
        let placement = p.view.values(p.facts.filter { $0.kind == .disability }, \.placement, empty: "安置方式未填")
        p.emit(code, p.view.refs(.disability) + p.view.refs(.hukouResident),
               "残疾儿童（\(placement)），适龄（\(p.born)），\(state)，未送教上门，无免于入学批准")
    }

    static func closeReason(_ p: PersonCase) -> String? {
        p.facts.contains(where: \.homeTaught) ? "已安置：送教上门" : nil
    }
}
