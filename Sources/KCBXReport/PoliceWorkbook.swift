import Foundation
import KCBXCore
import KCBXReconcile
import KCBXSheets

/// 户籍重复及注销核查.xlsx, for the police's household-registration clean-up (户籍清理): duplicate
/// registrations (one row per hukou record, grouped by case), children registered dead who still hold an
/// active 学籍, and moved-out/cancelled children who still hold one.
enum PoliceWorkbook {
    static let columns: [XLSXColumn] = [
        XLSXColumn("案件编号", width: 13), XLSXColumn("重点群体", width: 9), XLSXColumn("身份证件号", width: 21),
        XLSXColumn("姓名", width: 10), XLSXColumn("性别", width: 6), XLSXColumn("出生日期", .date, width: 11),
        XLSXColumn("户号", width: 14), XLSXColumn("户主", width: 10), XLSXColumn("与户主关系", width: 10),
        XLSXColumn("户籍状态", width: 9), XLSXColumn("状态日期", .date, width: 11), XLSXColumn("镇街", width: 12),
        XLSXColumn("村居", width: 12), XLSXColumn("住址", width: 28), XLSXColumn("父亲姓名", width: 10),
        XLSXColumn("母亲姓名", width: 10), XLSXColumn("在籍学校标识码", width: 14), XLSXColumn("学籍状态", width: 9),
        XLSXColumn("依据记录", width: 24), XLSXColumn("核查事项", width: 50),
    ]

    struct Sheet { var name: String; var rows: [(cells: [XLSXCell], priority: Bool)] }

    static func write(_ rows: FindingRows, _ input: ReportInput, _ people: PersonView, _ population: Population,
                      to url: URL) throws(KCBXError) {
        let masked = MaskedOutput.police.isMasked(in: input.config)
        func cells(_ caseID: String, _ priority: Bool, hukou ref: RecordRef?, status: RecordRef?, fallback: PersonView.Description,
                   evidence: String, task: String) -> (cells: [XLSXCell], priority: Bool) {
            let r = ref.map(people.record)
            let id = r?.id?.shown ?? fallback.idNumber
            let v = { (field: CanonicalField) in ref.map { people.value(field, $0) } ?? "" }
            return ([.text(caseID), .text(priority ? "是" : ""), .text(Masking.id(id, masked)), .text(r?.name?.normalized ?? fallback.name),
                     .text(r?.sex?.rawValue ?? fallback.sex), (r?.birthDate ?? fallback.birthDate).map(XLSXCell.date) ?? .empty,
                     .text(v(.householdId)), .text(v(.householdHead)), .text(v(.relation)), .text(v(.registrationStatus)),
                     CivilDate(iso: v(.statusDate)).map(XLSXCell.date) ?? .text(v(.statusDate)),
                     .text(ref == nil ? fallback.town : v(.town)), .text(v(.village)), .text(v(.address)),
                     .text(v(.fatherName)), .text(v(.motherName)),
                     .text(status.map { people.value(.schoolCode, $0) } ?? ""), .text(status.map { people.value(.status, $0) } ?? ""),
                     .text(evidence), .text(Masking.text(task, masked))], priority)
        }
        func hukouRefs(_ row: FindingRows.Row) -> [RecordRef] {
            let refs = row.finding.evidence.filter { people.role($0) == .hukou }
            return refs.isEmpty ? people.members(row.finding.personID).filter { people.role($0) == .hukou } : refs
        }
        func statusRef(_ row: FindingRows.Row) -> RecordRef? {
            (row.finding.evidence + people.members(row.finding.personID)).first {
                people.role($0) == .studentStatus && ExportVocabulary.status(people.value(.status, $0)).isEnrolled
            }
        }
        var duplicates = Sheet(name: "户籍重复", rows: [])
        for row in rows.of(.duplicateHukou) {
            let refs = hukouRefs(row)
            for ref in refs {
                duplicates.rows.append(cells(row.finding.caseID, row.finding.priority, hukou: ref, status: nil, fallback: row.person,
                                             evidence: people.evidence([ref]),
                                             task: "同一儿童登记 \(refs.count) 处户籍，核实后保留一处、注销重复户籍。\(row.finding.detail)"))
            }
        }
        var deceased = Sheet(name: "死亡未销籍", rows: [])
        for row in rows.of(.deceasedActiveStatus) {
            let status = statusRef(row)
            let refs: [RecordRef?] = hukouRefs(row).first.map { [$0] } ?? [nil]
            for ref in refs {
                deceased.rows.append(cells(row.finding.caseID, row.finding.priority, hukou: ref, status: status, fallback: row.person,
                                           evidence: row.evidence,
                                           task: "户籍登记死亡但学籍仍在籍：核实死亡登记是否属实；属实的通知学校注销学籍，误登的更正户籍。"))
            }
        }
        var moved = Sheet(name: "迁出注销仍有学籍", rows: [])
        for m in population.movedOutWithStatus {
            let person = people.describe(m.person, evidence: [m.hukou])
            let status = people.value(.registrationStatus, m.hukou)
            moved.rows.append(cells("", false, hukou: m.hukou, status: m.status, fallback: person,
                                    evidence: people.evidence([m.hukou, m.status]),
                                    task: "户籍已\(status)，学籍仍在籍：核实迁入地或注销原因，反馈教育部门核对学籍。"))
        }
        let sheets = [duplicates, deceased, moved]
        let book = try XLSXWorkbook(url: url, constantMemory: sheets.reduce(0) { $0 + $1.rows.count } > 20_000)
        let summary = try book.addSheet("汇总", columns: [XLSXColumn("核查事项", width: 20), XLSXColumn("记录数", .integer, width: 10),
                                                          XLSXColumn("说明", width: 70)],
                                        title: "\(input.config.district.name) 户籍重复及注销核查（核查基准日 \(input.config.asOf)）")
        let notes = ["同一儿童在两个户中登记，或以两个身份证号登记（同名、同出生日期、同性别、同父母）；每处户籍一行。",
                     "户籍状态为死亡，学籍系统中仍有在读/休学学籍。",
                     "户籍状态为迁出、注销或失踪，本区无正常户籍，学籍系统中仍有在读/休学学籍。"]
        for (sheet, note) in zip(sheets, notes) { try summary.append([.text(sheet.name), .integer(sheet.rows.count), .text(note)]) }
        for sheet in sheets {
            let s = try book.addSheet(sheet.name, columns: columns, title: "\(sheet.name)：\(sheet.rows.count) 条")
            for row in sheet.rows { try s.append(row.cells, highlight: row.priority) }
        }
        try book.close()
    }
}
