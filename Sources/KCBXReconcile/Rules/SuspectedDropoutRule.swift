import KCBXCore
import KCBXLedger

/// 疑似辍学 (`suspected_dropout`): a local child with (a) an unexcused absence of at least
/// `rules.dropout_absence_days` (attendance roster or absence list alike), (b) a 辍学 status and no
/// active one, or (c) an active status while poverty alleviation reports the child out of school.
/// A non-local child is `out_of_district` instead. Closes when the child transfers out, enrols or returns.
enum SuspectedDropoutRule: FindingRule {
    static let descriptor = FindingDescriptor(
        .suspectedDropout, title: "疑似辍学", work: .childFollowUp, countsAgainstTown: true, followedUpHere: true, actor: .town,
        asked: "核实缺课原因，与学校共同劝返复学，一人一案", closes: [.enrolled, .registeredDead, .movedOut, .agedOut])
    static let needs: [SourceRole] = []
    static let partly: [(role: SourceRole, what: String)] = [
        (.attendance, "无故缺课"), (.studentStatus, "学籍状态辍学"), (.poverty, "扶贫部门登记的失学辍学"),
    ]

    static func coverage(_ available: Available) -> [Coverage] {
        guard available.has(.studentStatus) || available.has(.attendance) else {
            return [.notChecked(missingText([.studentStatus, .attendance]))]
        }
        return partly.filter { !available.has($0.role) }.map { .partly("缺少\($0.role.title)数据，\($0.what)未核查") }
    }

    static func decide(_ p: inout PersonCase) {
        guard !p.view.isNonLocal(resident: p.n.resident) else { return }
        var why: [String] = [], evidence: [RecordRef] = []
        let absences = p.n.absent > 0 ? p.facts.filter(\.unexcusedAbsence) : []
        if !absences.isEmpty { why.append(p.view.absences(absences)); evidence += absences.map(\.ref) }
        if p.n.dropout > 0 && p.n.active == 0 {
            why.append("学籍状态为辍学（\(p.view.schools(.statusDropout))）"); evidence += p.view.refs(.statusDropout)
        }
        if p.n.active > 0 && p.n.reportedOut > 0 {
            let reported = p.facts.filter(\.reportedOut)
            why.append("在籍（\(p.view.schools(.statusActive))），扶贫部门登记就学状态为\(p.view.values(reported, \.status))")
            evidence += reported.map(\.ref) + p.view.refs(.statusActive)
        }
        guard !why.isEmpty else { return }
        p.emit(code, evidence, why.joined(separator: "；"), school: absences.first.map(p.view.school) ?? p.view.firstSchool(.statusDropout))
    }

    static func closeReason(_ p: PersonCase) -> String? {
        p.n.transferred > 0 ? "已转出：\(p.view.schools(.statusTransferred))" : nil
    }
}
