import KCBXCore
import KCBXLedger

/// 一人多籍 (`duplicate_status`): two or more active 学籍 records of one child. A record carrying another
/// child's ID number is not that child's (the link stage keeps it apart), so it never makes this code.
/// Closes when one active record is left.
enum DuplicateStatusRule: FindingRule {
    static let descriptor = FindingDescriptor(
        .duplicateStatus, title: "一人多籍", work: .recordCorrection, actor: .school, place: 2,
        asked: "核实实际就读学校，保留一条学籍，其余注销", closes: [.registeredDead, .movedOut, .agedOut])
    static let needs: [SourceRole] = [.studentStatus]

    static func decide(_ p: inout PersonCase) {
        guard p.n.active >= 2 else { return }
        p.emit(code, p.view.refs(.statusActive), "\(p.n.active) 条在籍学籍：\(p.view.schools(.statusActive))")
    }

    static func closeReason(_ p: PersonCase) -> String? {
        p.n.active <= 1 ? "重复学籍已清理，现有 \(p.n.active) 条在籍学籍" : nil
    }
}
