import KCBXCore
import KCBXLedger

/// 应入未入 (`not_enrolled`): a resident (户籍正常) school-age child with no active 学籍 record, no 辍学 or
/// 转出 record (those are `suspected_dropout` and enrolled elsewhere) and no valid deferral (`deferred`
/// covers it). A 学籍 record carrying this child's ID number but another child's name and birth date is
/// not this child's: the holder is judged on their own records only. Closes when the child enrols,
/// leaves the district, gets a deferral or ages out (``CloseReasons``).
enum NotEnrolledRule: FindingRule {
    static let descriptor = FindingDescriptor(
        .notEnrolled, title: "应入未入", work: .childFollowUp, countsAgainstTown: true, followedUpHere: true, actor: .town,
        asked: "逐一入户核实：在外地就读的取得就读证明；未入学的劝返入学，一人一案",
        closes: [.enrolled, .registeredDead, .movedOut, .agedOut, .deferralApproved], alsoReads: [.deferral])
    static let needs: [SourceRole] = [.hukou, .studentStatus]
    static let givesWayTo: [FindingCode] = [.deferred]

    static func coverage(_ available: Available) -> [Coverage] {
        let missing = needs.filter { !available.has($0) }
        if !missing.isEmpty { return [.notChecked(missingText(missing))] }
        return available.has(.deferral) ? [] : [.partly("缺少\(SourceRole.deferral.title)数据，已批准延缓入学的儿童也一并列出")]
    }

    /// Resident, school age, no active, 辍学 or 转出 status, and not registered again as an enrolled child.
    static func unenrolled(_ p: PersonCase) -> Bool {
        p.n.resident > 0 && p.inCohort && p.n.active == 0 && p.n.dropout == 0 && p.n.transferred == 0 && !p.ctx.twinEnrolled(p.p)
    }

    /// `，学籍状态：毕业（学校 …）` when the child has 学籍 records that are not active.
    static func statusNotes(_ p: PersonCase) -> String { p.n.status > 0 ? "，学籍状态：\(p.view.statuses())" : "" }

    static func decide(_ p: inout PersonCase) {
        guard unenrolled(p), !p.hasRaised(any: givesWayTo) else { return }
        let expired = p.n.expiredDeferral > 0 ? "；\(p.view.deferrals(.deferralExpired))，已过期" : ""
        let unreadable = p.n.unreadableDeferral > 0 ? "；\(p.view.deferrals(.deferralUnreadable))，有效期无法识别，请核实" : ""
        p.emit(code, p.view.refs(.hukouResident) + p.view.refs(.deferralExpired) + p.view.refs(.deferralUnreadable) + p.view.refs(.statusOther),
               "适龄（\(p.born)），户籍正常，无在籍学籍\(statusNotes(p))\(expired)\(unreadable)\(p.borrowedNotes)")
    }
}
