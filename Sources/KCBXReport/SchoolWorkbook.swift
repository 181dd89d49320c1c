import Dispatch
import Foundation
import KCBXCore
import KCBXLedger
import KCBXReconcile
import KCBXSheets

/// 学籍纠错/<学校名称>_YYYY年M月.xlsx: one workbook per school, for it to correct its student-status
/// records (人籍一致, 一生一籍): identity mismatches, duplicate status and phantom status, one row per
/// 学籍 record, with the record's fields, the hukou registration to compare with, what to correct, and
/// the columns to report back; 学籍纠错/按学校汇总_YYYY年M月.xlsx counts them per school for the bureau.
enum SchoolWorkbook {
    /// The codes a school acts on (``FindingDescriptor/Actor/school``), in its sheets' order.
    static let codes = FindingDescriptor.codes(for: .school)
    static let folder = "学籍纠错"

    /// Laid out to print at 8 pt or more on one landscape A4 page width.
    static let columns: [XLSXColumn] = [
        XLSXColumn("序号", .integer, width: 4)] + ReplySheets.keyColumns() + [XLSXColumn("全国学籍号", width: 19),
        XLSXColumn("身份证件号", width: 19), XLSXColumn("姓名", width: 7), XLSXColumn("性别", width: 4),
        XLSXColumn("出生日期", .date, width: 10), XLSXColumn("年级", width: 6), XLSXColumn("班级", width: 5),
        XLSXColumn("学籍状态", width: 6), XLSXColumn("户籍姓名", width: 7), XLSXColumn("户籍出生日期", .date, width: 10),
        XLSXColumn("需核对纠正", width: 28)] + ReplySheets.replyColumns(.schoolCorrection)

    struct Line: Sendable {
        var school: String
        /// The school's name as this line's record gives it (the directory's first, else the 学籍 record's).
        var schoolName: String
        var caseID: String
        var cells: [XLSXCell]
        var priority: Bool
    }

    /// The schools' workbooks laid out once, before any is written: each school's lines per code and
    /// its file name, so that every school's workbook is a job of its own (``write(_:_:_:into:)``).
    struct Plan: Sendable {
        struct School: Sendable {
            var code: String, name: String, file: String
            var sheets: [FindingCode: [Line]]
            /// Lines in all its sheets (the workbooks are written biggest first).
            var lines: Int
        }
        /// In 学校标识码 order.
        var schools: [School]
    }

    /// The file name of a school's workbook: its name (or code) and the month.
    static func fileName(_ school: String, name: String, period: String) -> String {
        ReportStage.safeFileName(name.isEmpty ? school : name) + "_" + ReportStage.FileName.month(period) + ".xlsx"
    }

    /// The lines of every school, made on every core (a line per 学籍 record of each finding of `codes`).
    static func plan(_ rows: FindingRows, _ input: ReportInput, _ people: PersonView) -> Plan {
        let masked = MaskedOutput.schools.isMasked(in: input.config)
        var perSchool: [String: [FindingCode: [Line]]] = [:]
        var names: [String: String] = [:]
        for code in codes {
            let list = rows.of(code)
            let chunk = 4096, chunks = (list.count + chunk - 1) / chunk
            let results = ConcurrentResults<[Line]>(count: chunks)
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                var made: [Line] = []
                for row in list[(list.startIndex + c * chunk)..<min(list.endIndex, list.startIndex + (c + 1) * chunk)] {
                    made += lines(code, row, people, masked: masked)
                }
                results[c] = made
            }
            for made in results.values {
                for line in made ?? [] {
                    if names[line.school] == nil { names[line.school] = line.schoolName }
                    perSchool[line.school, default: [:]][code, default: []].append(line)
                }
            }
        }
        var usedNames = Set<String>()
        var schools: [Plan.School] = []
        for school in perSchool.keys.sorted() {
            let name = names[school] ?? ""
            var file = fileName(school, name: name, period: input.period)
            // Two schools of one name: the later one's file carries its 学校标识码 too.
            if !usedNames.insert(file).inserted { file = fileName(school, name: "\(name)_\(school)", period: input.period) }
            let sheets = perSchool[school] ?? [:]
            schools.append(.init(code: school, name: name, file: file, sheets: sheets, lines: sheets.values.reduce(0) { $0 + $1.count }))
        }
        return Plan(schools: schools)
    }

    /// The lines of one finding: one per 学籍 record behind it.
    static func lines(_ code: FindingCode, _ row: FindingRows.Row, _ people: PersonView, masked: Bool) -> [Line] {
        let f = row.finding
        let members = people.members(f.personID)
        var refs = f.evidence.filter { people.role($0) == .studentStatus }
        if refs.isEmpty { refs = members.filter { people.role($0) == .studentStatus } }
        let hukou = (f.evidence + members).first {
            people.role($0) == .hukou && ExportVocabulary.registration(people.value(.registrationStatus, $0)) == .resident
        }.map(people.record)
        return refs.map { ref in
            let r = people.record(ref)
            let school = people.value(.schoolCode, ref)
            let id = r.idNumber ?? ""
            let task = correction(code, r, hukou: hukou, others: refs.count, detail: f.detail)
            return Line(school: school, schoolName: people.schools[school]?.name ?? people.value(.schoolName, ref), caseID: f.caseID, cells:
                ReplySheets.keyCells(caseID: f.caseID, personID: f.personID) + [.text(Masking.text(r.studentNumber ?? people.value(.studentNumber, ref), masked)),
                .text(Masking.id(id, masked)), .text(r.name ?? ""), .text(r.sex ?? ""),
                r.birthDate.map(XLSXCell.date) ?? .empty, .text(people.value(.grade, ref)), .text(people.value(.class, ref)),
                .text(people.value(.status, ref)), .text(hukou?.name ?? ""), hukou?.birthDate.map(XLSXCell.date) ?? .empty,
                .text(Masking.text(task, masked))] + ReplySheets.emptyReply(.schoolCorrection), priority: f.priority)
        }
    }

    /// Writes the summary per school (按学校汇总) into `directory` (which exists).
    static func writeSummary(_ plan: Plan, _ input: ReportInput, into directory: URL) throws(KCBXError) {
        let unit = input.config.issuer.unitName(district: input.config.district)
        let month = ReportStage.FileName.month(input.period)
        let summaryURL = directory.appendingPathComponent("按学校汇总_\(month).xlsx")
        let book = try XLSXWorkbook(url: summaryURL)
        let summary = try book.addSheet("按学校汇总", columns: [XLSXColumn("学校标识码", width: 12), XLSXColumn("学校名称", width: 24)]
                                        + codes.map { XLSXColumn($0.title, .integer, width: 11) } + [XLSXColumn("合计", .integer, width: 8)],
                                        title: "\(unit) 学籍纠错清单按学校汇总（\(month)，核查基准日 \(input.config.asOf)）")
        for school in plan.schools {
            let counts = codes.map { school.sheets[$0]?.count ?? 0 }
            try summary.append([.text(school.code), .text(school.name)] + counts.map(XLSXCell.integer) + [.integer(counts.reduce(0, +))])
        }
        try book.close()
    }

    /// Writes the workbook of one school of the plan into `directory` (which exists), each sheet sorted by case.
    static func write(_ school: Plan.School, _ input: ReportInput, into directory: URL) throws(KCBXError) {
        let unit = input.config.issuer.unitName(district: input.config.district)
        let month = ReportStage.FileName.month(input.period)
        let deadline = input.config.asOf.adding(days: input.config.issuer.listDeadlineDays)
        let book = try XLSXWorkbook(url: directory.appendingPathComponent(school.file), constantMemory: school.lines > 20_000)
        let shown = school.name.isEmpty ? school.code : "\(school.name)（\(school.code)）"
        for code in codes {
            guard let list = school.sheets[code]?.sorted(by: { $0.caseID < $1.caseID }), !list.isEmpty else { continue }
            let sheet = try book.addSheet(FindingSheets.sheetName(code), columns: columns,
                                          title: "\(unit) 学籍纠错通知：\(shown) \(code.title) \(list.count) 条（\(month)）。\(code.descriptor.asked)，请于 \(deadline) 前在学籍系统中纠正并填写纠正结果报回。")
            for (n, line) in list.enumerated() { try sheet.append([.integer(n + 1)] + line.cells, highlight: line.priority) }
            try sheet.signFooter()
        }
        try ReplySheets.writeAbout(.schoolCorrection, scope: shown, input, into: book)
        try book.close()
    }

    /// What the school must check or correct on this 学籍 record.
    static func correction(_ code: FindingCode, _ r: StageRecords.Record, hukou: StageRecords.Record?, others: Int, detail: String) -> String {
        var parts: [String] = []
        switch code {
        case .identityMismatch:
            if let problem = r.idProblem {
                // The value to correct to: the hukou registration's number (masked where the workbook masks IDs).
                let registered = hukou.flatMap { h in h.idProblem == nil && h.idNumber != r.idNumber ? h.idNumber : nil }
                parts.append("身份证件号有误（\(problem)），" + (registered.map { "按户口簿更正为 \($0)" } ?? "户籍中无本人可用的身份证件号，请查验户口簿后更正"))
            }
            if let h = hukou {
                if let a = r.name, let b = h.name, a != b { parts.append("姓名：学籍「\(a)」，户籍「\(b)」") }
                if let a = r.birthDate, let b = h.birthDate, a != b { parts.append("出生日期：学籍 \(a)，户籍 \(b)") }
                if let a = r.sex, let b = h.sex, a != b { parts.append("性别：学籍 \(a)，户籍 \(b)") }
            }
            parts.append("以户籍登记为准核对更正学籍信息")
        case .duplicateStatus:
            parts.append("同一学生有 \(others) 条在籍学籍：核实实际就读学校，保留一条，其余学籍办理注销")
        case .phantomStatus:
            parts.append("核实该生是否在本校就读；不在校的办理转出或注销，不得空挂学籍")
        default: parts.append(code.descriptor.asked)
        }
        // The detail's masked 户籍登记为 … when the notice already says the number to correct to.
        let shown = parts.contains { $0.contains("按户口簿更正为") }
            ? detail.replacingOccurrences(of: "，户籍登记为 [^，；]*，应按户口簿更正", with: "", options: .regularExpression) : detail
        if !shown.isEmpty { parts.append("（\(shown)）") }
        return parts.joined(separator: "；")
    }
}
