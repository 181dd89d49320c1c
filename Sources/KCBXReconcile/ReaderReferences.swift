import KCBXCore
import KCBXNormalize

/// References a reader can use (可查找的引用): the words a finding's detail names a record, a school or a
/// date with — what an officer finds in their own system (学校名称, 年级/班级, 全国学籍号, 户号, 村居),
/// never the line of an export no town has (those stay in 比对技术明细 and findings.csv), never a
/// 学校标识码 when the school's name is known, every date as YYYY-MM-DD.
extension ReconcileStage.Context {
    /// The school's name (学校名称) from the school directory or the 学籍 records, else `学校标识码 X`,
    /// else 学校不详. `code` as written or as normalized.
    func schoolName(_ code: String, normalized: String? = nil) -> String {
        for c in [code, normalized ?? ""] where !c.isEmpty {
            if let name = schoolDirectory[c]?.name, !name.isEmpty { return name }
        }
        let shown = code.isEmpty ? normalized ?? "" : code
        return shown.isEmpty ? "学校不详" : "学校标识码 \(shown)"
    }

    /// Where an officer finds record `ref` (出处): the source's name, then what locates the record in that
    /// department's own system — for 学籍 and 考勤 the school's name, 年级/班级 and the 全国学籍号 (masked), for
    /// 户籍 the 户号 and 村居, for a department's list the 村居 — e.g. `学籍（示例县实验小学 三年级2班，全国学籍号
    /// G37078*********042X）`, `公安户籍（户号 020000001，和平社区）`, `民政`.
    func place(_ ref: RecordRef) -> String {
        let s = sources[ref.source], cols = columns[ref.source], r = s.records[ref.record]
        var parts: [String] = []
        switch cols.role {
        case .studentStatus, .attendance:
            let raw = cols.value(cols.schoolCode, r)
            let own = cols.value(cols.schoolName, r)
            let known = schoolName(raw, normalized: r.schoolCode)
            let school = known.hasPrefix("学校标识码") && !own.isEmpty ? own : known
            let klass = ReconcileStage.gradeAndClass(cols.value(cols.grade, r), cols.value(cols.className, r))
            parts.append(klass.isEmpty ? school : school + " " + klass)
            if let number = r.studentNumber, !number.isEmpty { parts.append("全国学籍号 \(maskID(number))") }
        case .hukou:
            let household = cols.value(cols.householdID, r)
            if !household.isEmpty { parts.append("户号 \(household)") }
            let village = cols.value(cols.village, r)
            if !village.isEmpty { parts.append(village) }
        default:
            let village = cols.value(cols.village, r)
            if !village.isEmpty { parts.append(village) }
        }
        return parts.isEmpty ? s.source : "\(s.source)（\(parts.joined(separator: "，"))）"
    }
}

extension ReconcileStage {
    /// `三年级2班` from 年级 `三年级` and 班级 `2` or `2班`; either may be empty.
    static func gradeAndClass(_ grade: String, _ klass: String) -> String {
        let c = klass.last?.isNumber == true ? klass + "班" : klass
        return grade + c
    }

    /// A date as every document writes it (YYYY-MM-DD): `20251229`, `2025/12/29` and `2025年12月29日` read
    /// as dates; anything else as written (the officer sees what the export says).
    static func dateText(_ raw: String) -> String {
        if CivilDate(iso: raw) != nil { return raw }
        if case .date(let d) = DateParser.parse(raw) { return d.description }
        return raw
    }
}
