import KCBXCore
import KCBXLink
import KCBXNormalize

/// The reconcile stage: decides the findings on the person index.
///
/// This pass decides `not_enrolled` (应入未入) and `deferred` (延缓/免于入学); the other codes are
/// reported as not checked until their rules land.
public enum ReconcileStage {
    /// 学籍状态 values that mean the child holds an active status.
    static let activeStatuses: Set<String> = ["在读", "在籍", "在校", "休学", ""]
    /// 户口状态 values that mean the child is no longer registered here.
    static let inactiveRegistration: Set<String> = ["迁出", "死亡", "注销", "失踪"]

    public static func run(_ sources: [NormalizedSource], index: PersonIndex, config: PipelineConfig) -> ReconcileResult {
        let cohort = config.schoolAge.cohort(asOf: config.asOf)
        let has = Set(sources.map(\.role))
        var findings: [Finding] = []
        var notChecked: [(code: FindingCode, reason: String)] = []
        for code in FindingCode.allCases where code != .notEnrolled && code != .deferred {
            notChecked.append((code, "not yet implemented in this version of kcbx"))
        }
        guard has.contains(.hukou), has.contains(.studentStatus) else {
            let missing = [SourceRole.hukou, .studentStatus].filter { !has.contains($0) }.map(\.rawValue).joined(separator: ", ")
            notChecked.insert((.notEnrolled, "the pipeline has no source of role \(missing)"), at: 0)
            notChecked.insert((.deferred, "the pipeline has no source of role \(missing)"), at: 1)
            return ReconcileResult(findings: [], notChecked: notChecked)
        }
        if !has.contains(.deferral) {
            notChecked.append((.deferred, "the pipeline has no source of role deferral; every unenrolled child is reported as not_enrolled"))
        }
        for person in index.persons {
            var hukou: [RecordRef] = [], active: [RecordRef] = [], validDeferral: [RecordRef] = [], expiredDeferral: [RecordRef] = []
            var priority = false
            var registeredHere = false
            var birth: CivilDate? = nil
            for ref in person.members {
                let source = sources[ref.source], record = source.records[ref.record]
                switch source.role {
                case .hukou:
                    hukou.append(ref)
                    if !inactiveRegistration.contains(source.value(.registrationStatus, of: record)) { registeredHere = true }
                    birth = birth ?? record.birthDate
                case .studentStatus:
                    if activeStatuses.contains(source.value(.status, of: record)) { active.append(ref) }
                case .deferral:
                    let until = source.value(.validUntil, of: record)
                    if until.isEmpty { validDeferral.append(ref); break }
                    if case .date(let d) = DateParser.parse(until), d < config.asOf { expiredDeferral.append(ref) } else { validDeferral.append(ref) }
                default:
                    if source.role.marksPriority { priority = true }
                }
            }
            guard registeredHere, active.isEmpty, let birth, cohort.contains(birth) else { continue }
            if !validDeferral.isEmpty {
                findings.append(Finding(code: .deferred, personID: person.id, priority: priority, evidence: hukou + validDeferral,
                                        detail: "school-age (born \(birth)), not enrolled, deferral or exemption valid on \(config.asOf)"))
            } else {
                let expired = expiredDeferral.isEmpty ? "" : "; the deferral or exemption has expired"
                findings.append(Finding(code: .notEnrolled, personID: person.id, priority: priority, evidence: hukou + expiredDeferral,
                                        detail: "school-age (born \(birth)), registered here, no active student status\(expired)"))
            }
        }
        return ReconcileResult(findings: findings, notChecked: notChecked)
    }
}
