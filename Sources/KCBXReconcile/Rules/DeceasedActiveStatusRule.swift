import KCBXCore
import KCBXLedger

/// 死亡未销籍 (`deceased_active_status`): 户籍 registers the child dead while a 学籍 record is still active.
/// For the school and the police to correct; closes when the status is cancelled.
enum DeceasedActiveStatusRule: FindingRule {
    static let descriptor = FindingDescriptor(
        .deceasedActiveStatus, title: "死亡未销籍", work: .recordCorrection, actor: .police,
        asked: "核实死亡登记；属实的注销学籍，误登的更正户籍", closes: [.movedOut, .agedOut])
    static let needs: [SourceRole] = [.hukou, .studentStatus]

    static func decide(_ p: inout PersonCase) {
        guard p.n.dead > 0 && p.n.active > 0 else { return }
        let dead = p.facts.filter { $0.kind == .hukouDead }
        p.emit(code, p.view.refs(.hukouDead) + p.view.refs(.statusActive),
               "户籍登记死亡\(p.view.values(dead, \.statusDate, prefix: "（", suffix: "）", dates: true))，学籍仍在籍：\(p.view.schools(.statusActive))")
    }

    static func closeReason(_ p: PersonCase) -> String? { p.n.active == 0 ? "学籍已注销" : nil }
}
