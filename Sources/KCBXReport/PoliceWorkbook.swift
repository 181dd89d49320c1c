import Foundation
import KCBXCore
import KCBXLedger
import KCBXReconcile
import KCBXSheets

/// 户籍重复及注销核查_YYYY年M月.xlsx, for the police's household-registration clean-up (户籍清理): duplicate
/// registrations (one row per hukou record, grouped by case), children registered dead who still hold an
/// active 学籍, and moved-out/cancelled children who still hold one; with the columns to report back.
enum PoliceWorkbook {
    /// Laid out to print at 8 pt or more on one landscape A4 page width.
    static let columns: [XLSXColumn] = [
        XLSXColumn("序号", .integer, width: 4)] + ReplySheets.keyColumns() + [XLSXColumn("身份证件号", width: 19),
        XLSXColumn("姓名", width: 6), XLSXColumn("性别", width: 4), XLSXColumn("出生日期", .date, width: 10),
        XLSXColumn("户号", width: 10), XLSXColumn("户主", width: 6), XLSXColumn("与户主关系", width: 6),
        XLSXColumn("户籍状态", width: 6), XLSXColumn("状态日期", .date, width: 10), XLSXColumn("村居", width: 8),
        XLSXColumn("住址", width: 12), XLSXColumn("父母", width: 8), XLSXColumn("在籍学校", width: 10),
        XLSXColumn("学籍状态", width: 6), XLSXColumn("核查事项", width: 12)] + ReplySheets.replyColumns(.police)

    /// A sheet's rows, each with the 派出所 its hukou record names ("" when the export names none).
    /// `person`: the child the row is of (a 户籍重复 child has a row per hukou record: 人 and 条 differ).
    struct Sheet {
        var name: String; var rows: [(cells: [XLSXCell], priority: Bool, station: String, person: String)]
        /// Children (人) on the sheet.
        var children: Int { Set(rows.map(\.person)).count }
    }

    /// The folder of the per-station workbooks (`户籍核查_分派出所/<派出所>_YYYY年M月.xlsx`), written when a
    /// hukou export maps `police_station`.
    static let stationFolder = "户籍核查_分派出所"
    static let noStation = "未注明派出所"

    static func write(_ rows: FindingRows, _ input: ReportInput, _ people: PersonView, _ population: Population,
                      to url: URL) throws(KCBXError) {
        let masked = MaskedOutput.police.isMasked(in: input.config)
        func cells(_ caseID: String, _ personID: String, _ priority: Bool, hukou ref: RecordRef?, status: RecordRef?, fallback: PersonView.Description,
                   task: String) -> (cells: [XLSXCell], priority: Bool, station: String, person: String) {
            let r = ref.map(people.record)
            let id = r?.idNumber ?? fallback.idNumber
            let v = { (field: CanonicalField) in ref.map { people.value(field, $0) } ?? "" }
            let parents = [("父", v(.fatherName)), ("母", v(.motherName))].filter { !$0.1.isEmpty }.map { "\($0.0) \($0.1)" }
            let school = status.map { people.value(.schoolCode, $0) } ?? ""
            return (ReplySheets.keyCells(caseID: caseID, personID: personID) + [.text(Masking.id(id, masked)), .text(r?.name ?? fallback.name),
                     .text(r?.sex ?? fallback.sex), (r?.birthDate ?? fallback.birthDate).map(XLSXCell.date) ?? .empty,
                     .text(v(.householdId)), .text(v(.householdHead)), .text(v(.relation)), .text(v(.registrationStatus)),
                     statusDate(v(.statusDate)),
                     .text(v(.village)), .text(v(.address)), .text(parents.joined(separator: "、")),
                     .text(people.schools[school]?.name ?? school), .text(status.map { people.value(.status, $0) } ?? ""),
                     .text(Masking.text(task, masked))] + ReplySheets.emptyReply(.police), priority, v(.policeStation), personID)
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
                duplicates.rows.append(cells(row.finding.caseID, row.finding.personID, row.finding.priority, hukou: ref, status: nil, fallback: row.person,
                                             task: "同一儿童登记 \(refs.count) 处户籍，核实后保留一处、注销重复户籍。\(row.finding.detail)"))
            }
        }
        var deceased = Sheet(name: "死亡未销籍", rows: [])
        for row in rows.of(.deceasedActiveStatus) {
            let status = statusRef(row)
            let refs: [RecordRef?] = hukouRefs(row).first.map { [$0] } ?? [nil]
            for ref in refs {
                deceased.rows.append(cells(row.finding.caseID, row.finding.personID, row.finding.priority, hukou: ref, status: status, fallback: row.person,
                                           task: "户籍登记死亡但学籍仍在籍：核实死亡登记是否属实；属实的通知学校注销学籍，误登的更正户籍。"))
            }
        }
        var moved = Sheet(name: "迁出注销仍有学籍", rows: [])
        for m in population.movedOutWithStatus {
            let person = people.describe(m.person)
            let status = people.value(.registrationStatus, m.hukou)
            moved.rows.append(cells("", m.person, false, hukou: m.hukou, status: m.status, fallback: person,
                                    task: "户籍已\(status)，学籍仍在籍：核实迁入地或注销原因，反馈教育部门核对学籍。"))
        }
        let sheets = [duplicates, deceased, moved]
        try write(sheets, input, heading: "", to: url)
        // Split by 派出所 where the hukou export names it: each station its own workbook.
        let stations = Set(sheets.flatMap { $0.rows.map(\.station) })
        guard stations.contains(where: { !$0.isEmpty }) else { return }
        let folder = url.deletingLastPathComponent().appendingPathComponent(stationFolder)
        try ReportStage.makeDirectory(folder)
        for station in stations.sorted() {
            let name = station.isEmpty ? noStation : station
            let own = sheets.map { Sheet(name: $0.name, rows: $0.rows.filter { $0.station == station }) }
            try write(own, input, heading: name + " ",
                      to: folder.appendingPathComponent(ReportStage.safeFileName(name) + "_" + ReportStage.FileName.month(input.period) + ".xlsx"))
        }
    }

    /// 状态日期 as a real date whatever form the export writes it in (`20251229`, `2025/12/29`), so that it
    /// reads as 2025-12-29 beside 出生日期; a value that is no date is shown as written.
    static func statusDate(_ raw: String) -> XLSXCell {
        if case .date(let d) = DateParser.parse(raw) { return .date(d) }
        return raw.isEmpty ? .empty : .text(raw)
    }

    /// One workbook of `sheets`: 汇总, then a sheet each; `heading` names the station ("" for the county-wide list).
    static func write(_ sheets: [Sheet], _ input: ReportInput, heading: String, to url: URL) throws(KCBXError) {
        let book = try XLSXWorkbook(url: url, constantMemory: sheets.reduce(0) { $0 + $1.rows.count } > 20_000)
        let unit = input.config.issuer.unitName(district: input.config.district)
        let month = ReportStage.FileName.month(input.period)
        let deadline = input.config.asOf.adding(days: input.config.issuer.listDeadlineDays)
        let summary = try book.addSheet("汇总", columns: [XLSXColumn("核查事项", width: 20), XLSXColumn("儿童（人）", .integer, width: 10),
                                                          XLSXColumn("户籍记录（条）", .integer, width: 12), XLSXColumn("说明", width: 70)],
                                        title: "\(unit) \(heading)户籍重复及注销核查（\(month)，核查基准日 \(input.config.asOf)）：请于 \(deadline) 前核查并填写核查结果报回")
        let notes = ["同一儿童在两个户中登记，或以两个身份证号登记（同名、同出生日期、同性别、同父母）；每处户籍一行，故条数多于人数（通报按人计）。",
                     "户籍状态为死亡，学籍系统中仍有在读/休学学籍。",
                     "户籍状态为迁出、注销或失踪，本区无正常户籍，学籍系统中仍有在读/休学学籍。"]
        for (sheet, note) in zip(sheets, notes) {
            try summary.append([.text(sheet.name), .integer(sheet.children), .integer(sheet.rows.count), .text(note)])
        }
        try summary.signFooter()
        for sheet in sheets {
            let s = try book.addSheet(sheet.name, columns: columns,
                                      title: "\(unit) \(heading)户籍核查：\(sheet.name) \(sheet.children) 人、\(sheet.rows.count) 条户籍记录（\(month)），请于 \(deadline) 前报回")
            for (n, row) in sheet.rows.enumerated() { try s.append([.integer(n + 1)] + row.cells, highlight: row.priority) }
            try s.signFooter()
        }
        try ReplySheets.writeAbout(.police, scope: heading.isEmpty ? "全县" : heading.trimmingCharacters(in: .whitespaces), input, into: book)
        try book.close()
    }
}
