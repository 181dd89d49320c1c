import KCBXCore
import KCBXLedger

/// 户籍重复 (`duplicate_hukou`): one child registered twice in 户籍 — the same ID in two households, or two
/// IDs with the same name, birth date, sex and a parent (``ReconcileStage/duplicateHukouAcrossPersons(_:)``).
/// Twins (same parents and day, other names) are not. For the police; closes when one registration is left.
enum DuplicateHukouRule: FindingRule {
    static let descriptor = FindingDescriptor(
        .duplicateHukou, title: "户籍重复", work: .recordCorrection, actor: .police,
        asked: "核实后保留一处户籍，注销重复户籍", closes: [.registeredDead, .movedOut, .agedOut])
    static let needs: [SourceRole] = [.hukou]

    static func coverage(_ available: Available) -> [Coverage] {
        guard available.has(.hukou) else { return [.notChecked(missingText([.hukou]))] }
        let parents: [CanonicalField] = [.fatherId, .motherId, .fatherName, .motherName]
        if !available.sources.contains(where: { $0.role == .hukou && parents.contains(where: $0.fields.contains) }) {
            return [.partly("户籍数据未配置父母姓名或身份证件号，一人两号未核查")]
        }
        return []
    }

    static func decide(_ p: inout PersonCase) {
        guard p.n.resident >= 2, let why = p.view.duplicateHukou() else { return }
        p.emit(code, p.view.refs(.hukouResident), why)
    }

    static func closeReason(_ p: PersonCase) -> String? { "重复户籍已清理" }
}
