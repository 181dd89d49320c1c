import Foundation
import KCBXCore
import KCBXNormalize
import KCBXReconcile
import KCBXSheets

/// 学籍纠错.xlsx, for schools to correct student-status records (人籍一致, 一生一籍): identity mismatches,
/// duplicate status and phantom status, one row per 学籍 record, sorted by 学校标识码, with the record's
/// fields, the hukou registration to compare with, and what to correct.
enum SchoolWorkbook {
    static let codes: [FindingCode] = [.identityMismatch, .duplicateStatus, .phantomStatus]

    static let columns: [XLSXColumn] = [
        XLSXColumn("学校标识码", width: 12), XLSXColumn("学校名称", width: 22), XLSXColumn("案件编号", width: 13),
        XLSXColumn("全国学籍号", width: 21), XLSXColumn("身份证件号", width: 21), XLSXColumn("姓名", width: 10),
        XLSXColumn("性别", width: 6), XLSXColumn("出生日期", .date, width: 11), XLSXColumn("年级", width: 8),
        XLSXColumn("班级", width: 8), XLSXColumn("学籍状态", width: 9), XLSXColumn("户籍姓名", width: 10),
        XLSXColumn("户籍性别", width: 8), XLSXColumn("户籍出生日期", .date, width: 12), XLSXColumn("需核对纠正", width: 90),
        XLSXColumn("依据记录", width: 20),
    ]

    struct Line { var school: String; var caseID: String; var cells: [XLSXCell]; var priority: Bool }

    static func write(_ rows: FindingRows, _ input: ReportInput, _ people: PersonView, to url: URL) throws(KCBXError) {
        let masked = MaskedOutput.schools.isMasked(in: input.config)
        var sheets: [(code: FindingCode, lines: [Line])] = []
        var bySchool: [String: [FindingCode: Int]] = [:]
        for code in codes {
            var lines: [Line] = []
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
                    let id = r.id?.shown ?? ""
                    let task = correction(code, r, hukou: hukou, others: refs.count, detail: f.detail)
                    lines.append(Line(school: school, caseID: f.caseID, cells: [
                        .text(school), .text(people.schools[school]?.name ?? people.value(.schoolName, ref)), .text(f.caseID),
                        .text(Masking.text(r.studentNumber ?? people.value(.studentNumber, ref), masked)), .text(Masking.id(id, masked)),
                        .text(r.name?.normalized ?? ""), .text(r.sex?.rawValue ?? ""), r.birthDate.map(XLSXCell.date) ?? .empty,
                        .text(people.value(.grade, ref)), .text(people.value(.class, ref)), .text(people.value(.status, ref)),
                        .text(hukou?.name?.normalized ?? ""), .text(hukou?.sex?.rawValue ?? ""),
                        hukou?.birthDate.map(XLSXCell.date) ?? .empty, .text(Masking.text(task, masked)), .text(people.evidence([ref])),
                    ], priority: f.priority))
                    bySchool[school, default: [:]][code, default: 0] += 1
                }
            }
            lines.sort { ($0.school, $0.caseID) < ($1.school, $1.caseID) }
            sheets.append((code, lines))
        }
        let book = try XLSXWorkbook(url: url, constantMemory: sheets.reduce(0) { $0 + $1.lines.count } > 20_000)
        let summary = try book.addSheet("按学校汇总", columns: [XLSXColumn("学校标识码", width: 12), XLSXColumn("学校名称", width: 24)]
                                        + codes.map { XLSXColumn($0.title, .integer, width: 11) } + [XLSXColumn("合计", .integer, width: 8)],
                                        title: "\(input.config.district.name) 学籍纠错清单（核查基准日 \(input.config.asOf)）：按学校标识码排序")
        for school in bySchool.keys.sorted() {
            let counts = codes.map { bySchool[school]?[$0] ?? 0 }
            try summary.append([.text(school), .text(people.schools[school]?.name ?? "")] + counts.map(XLSXCell.integer)
                               + [.integer(counts.reduce(0, +))])
        }
        for (code, lines) in sheets {
            let sheet = try book.addSheet(FindingSheets.sheetName(code), columns: columns, title: "\(code.title)：\(lines.count) 条学籍记录")
            for line in lines { try sheet.append(line.cells, highlight: line.priority) }
        }
        try book.close()
    }

    /// What the school must check or correct on this 学籍 record.
    static func correction(_ code: FindingCode, _ r: NormalizedRecord, hukou: NormalizedRecord?, others: Int, detail: String) -> String {
        var parts: [String] = []
        switch code {
        case .identityMismatch:
            if let id = r.id, !id.defects.isEmpty || !id.isValid {
                parts.append("身份证件号有误（\(id.defects.map(\.rawValue).joined(separator: "、"))），按户口簿更正")
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
