import Foundation
import KCBXCore
import KCBXNormalize
import KCBXReconcile
import KCBXSheets

/// 学籍纠错/<学校名称>_YYYY年M月.xlsx: one workbook per school, for it to correct its student-status
/// records (人籍一致, 一生一籍): identity mismatches, duplicate status and phantom status, one row per
/// 学籍 record, with the record's fields, the hukou registration to compare with, what to correct, and
/// the columns to report back; 学籍纠错/按学校汇总_YYYY年M月.xlsx counts them per school for the bureau.
enum SchoolWorkbook {
    static let codes: [FindingCode] = [.identityMismatch, .duplicateStatus, .phantomStatus]
    static let folder = "学籍纠错"

    /// Laid out to print at 8 pt or more on one landscape A4 page width.
    static let columns: [XLSXColumn] = [
        XLSXColumn("序号", .integer, width: 4), XLSXColumn("案件编号", width: 12), XLSXColumn("全国学籍号", width: 19),
        XLSXColumn("身份证件号", width: 19), XLSXColumn("姓名", width: 7), XLSXColumn("性别", width: 4),
        XLSXColumn("出生日期", .date, width: 10), XLSXColumn("年级", width: 6), XLSXColumn("班级", width: 5),
        XLSXColumn("学籍状态", width: 6), XLSXColumn("户籍姓名", width: 7), XLSXColumn("户籍出生日期", .date, width: 10),
        XLSXColumn("需核对纠正", width: 32), XLSXColumn("纠正结果", width: 14, editable: true), XLSXColumn("反馈人", width: 6, editable: true),
        XLSXColumn("反馈日期", .date, width: 10, editable: true),
    ]

    struct Line { var school: String; var caseID: String; var cells: [XLSXCell]; var priority: Bool }

    /// The school's file name: its name (or code) and the month.
    static func fileName(_ school: String, name: String, period: String) -> String {
        ReportStage.safeFileName(name.isEmpty ? school : name) + "_" + ReportStage.FileName.month(period) + ".xlsx"
    }

    /// Writes a workbook per school with records to correct, and the summary per school, into `directory` (created).
    static func write(_ rows: FindingRows, _ input: ReportInput, _ people: PersonView, into directory: URL) throws(KCBXError) {
        let masked = MaskedOutput.schools.isMasked(in: input.config)
        var lines: [FindingCode: [Line]] = [:]
        var bySchool: [String: [FindingCode: Int]] = [:]
        var names: [String: String] = [:]
        for code in codes {
            var list: [Line] = []
            for row in rows.of(code) {
                let f = row.finding
                let members = people.members(f.personID)
                var refs = f.evidence.filter { people.role($0) == .studentStatus }
                if refs.isEmpty { refs = members.filter { people.role($0) == .studentStatus } }
                let hukou = (f.evidence + members).first {
                    people.role($0) == .hukou && ExportVocabulary.registration(people.value(.registrationStatus, $0)) == .resident
                }.map(people.record)
                for ref in refs {
                    let r = people.record(ref)
                    let school = people.value(.schoolCode, ref)
                    if names[school] == nil { names[school] = people.schools[school]?.name ?? people.value(.schoolName, ref) }
                    let id = r.id?.shown ?? ""
                    let task = correction(code, r, hukou: hukou, others: refs.count, detail: f.detail)
                    list.append(Line(school: school, caseID: f.caseID, cells: [
                        .text(f.caseID), .text(Masking.text(r.studentNumber ?? people.value(.studentNumber, ref), masked)),
                        .text(Masking.id(id, masked)), .text(r.name?.normalized ?? ""), .text(r.sex?.rawValue ?? ""),
                        r.birthDate.map(XLSXCell.date) ?? .empty, .text(people.value(.grade, ref)), .text(people.value(.class, ref)),
                        .text(people.value(.status, ref)), .text(hukou?.name?.normalized ?? ""), hukou?.birthDate.map(XLSXCell.date) ?? .empty,
                        .text(Masking.text(task, masked)), .empty, .empty, .empty,
                    ], priority: f.priority))
                    bySchool[school, default: [:]][code, default: 0] += 1
                }
            }
            lines[code] = list
        }
        try ReportStage.makeDirectory(directory)
        let unit = input.config.issuer.unitName(district: input.config.district)
        let month = ReportStage.FileName.month(input.period)
        let deadline = input.config.asOf.adding(days: input.config.issuer.listDeadlineDays)
        let summaryURL = directory.appendingPathComponent("按学校汇总_\(month).xlsx")
        let book = try XLSXWorkbook(url: summaryURL)
        let summary = try book.addSheet("按学校汇总", columns: [XLSXColumn("学校标识码", width: 12), XLSXColumn("学校名称", width: 24)]
                                        + codes.map { XLSXColumn($0.title, .integer, width: 11) } + [XLSXColumn("合计", .integer, width: 8)],
                                        title: "\(unit) 学籍纠错清单按学校汇总（\(month)，核查基准日 \(input.config.asOf)）")
        for school in bySchool.keys.sorted() {
            let counts = codes.map { bySchool[school]?[$0] ?? 0 }
            try summary.append([.text(school), .text(names[school] ?? "")] + counts.map(XLSXCell.integer) + [.integer(counts.reduce(0, +))])
        }
        try book.close()
        // One workbook per school, each sorted by case.
        var perSchool: [String: [FindingCode: [Line]]] = [:]
        for (code, list) in lines { for line in list { perSchool[line.school, default: [:]][code, default: []].append(line) } }
        var usedNames = Set<String>()
        for school in perSchool.keys.sorted() {
            let name = names[school] ?? ""
            var file = fileName(school, name: name, period: input.period)
            // Two schools of one name: the later one's file carries its 学校标识码 too.
            if !usedNames.insert(file).inserted { file = fileName(school, name: "\(name)_\(school)", period: input.period) }
            let sheets = perSchool[school] ?? [:]
            let book = try XLSXWorkbook(url: directory.appendingPathComponent(file),
                                        constantMemory: sheets.values.reduce(0) { $0 + $1.count } > 20_000)
            let shown = name.isEmpty ? school : "\(name)（\(school)）"
            for code in codes {
                guard let list = sheets[code]?.sorted(by: { $0.caseID < $1.caseID }), !list.isEmpty else { continue }
                let sheet = try book.addSheet(FindingSheets.sheetName(code), columns: columns,
                                              title: "\(unit) 学籍纠错通知：\(shown) \(code.title) \(list.count) 条（\(month)）。\(FindingSheets.asked(code))，请于 \(deadline) 前在学籍系统中纠正并填写纠正结果报回。")
                for (n, line) in list.enumerated() { try sheet.append([.integer(n + 1)] + line.cells, highlight: line.priority) }
                try sheet.signFooter()
            }
            try book.close()
        }
    }

    /// What the school must check or correct on this 学籍 record.
    static func correction(_ code: FindingCode, _ r: NormalizedRecord, hukou: NormalizedRecord?, others: Int, detail: String) -> String {
        var parts: [String] = []
        switch code {
        case .identityMismatch:
            if let id = r.id, !id.defects.isEmpty || !id.isValid {
                parts.append("身份证件号有误（\(id.problemWords)），按户口簿更正")
            }
            if let h = hukou {
                if let a = r.name?.normalized, let b = h.name?.normalized, a != b { parts.append("姓名：学籍「\(a)」，户籍「\(b)」") }
                if let a = r.birthDate, let b = h.birthDate, a != b { parts.append("出生日期：学籍 \(a)，户籍 \(b)") }
                if let a = r.sex, let b = h.sex, a != b { parts.append("性别：学籍 \(a.rawValue)，户籍 \(b.rawValue)") }
            }
            parts.append("以户籍登记为准核对更正学籍信息")
        case .duplicateStatus:
            parts.append("同一学生有 \(others) 条在籍学籍：核实实际就读学校，保留一条，其余学籍办理注销")
        case .phantomStatus:
            parts.append("核实该生是否在本校就读；不在校的办理转出或注销，不得空挂学籍")
        default: break
        }
        if !detail.isEmpty { parts.append("（\(detail)）") }
        return parts.joined(separator: "；")
    }
}
