import KCBXCore
import KCBXLedger

/// 延缓/免于入学 (`deferred`): a resident school-age child without an active status who holds a deferral
/// or exemption (延缓入学, 免于入学) valid on the as-of date. Followed up, not counted as out of school.
/// Closes when the child enrols, or becomes `not_enrolled` when the approval expires.
enum DeferredRule: FindingRule {
    static let descriptor = FindingDescriptor(
        .deferred, title: "延缓/免于入学", work: .childFollowUp, followedUpHere: true, actor: .town,
        asked: "核实延缓或免于入学的期限和身体状况，期满的督促入学", closes: [.enrolled, .registeredDead, .movedOut, .agedOut])
    static let needs: [SourceRole] = [.hukou, .studentStatus, .deferral]

    static func decide(_ p: inout PersonCase) {
        guard NotEnrolledRule.unenrolled(p), p.n.validDeferral > 0 else { return }
        p.emit(code, p.view.refs(.hukouResident) + p.view.refs(.deferralValid),
               "适龄（\(p.born)），户籍正常，无在籍学籍\(NotEnrolledRule.statusNotes(p))；\(p.view.deferrals(.deferralValid))")
    }

    static func closeReason(_ p: PersonCase) -> String? {
        p.n.expiredDeferral > 0 ? "\(p.view.deferrals(.deferralExpired))，已到期" : nil
    }
}
