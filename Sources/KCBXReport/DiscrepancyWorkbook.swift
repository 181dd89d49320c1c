import Foundation
import KCBXCore
import KCBXLink
import KCBXReconcile
import KCBXSheets

/// The finding sheets shared by 差异清单.xlsx and the town workbooks: a 汇总 sheet, then one sheet per
/// finding code with the child, the evidence (`source#record`), the probabilistic links behind it
/// (概率关联依据) and the priority mark.
enum FindingSheets {
    static let columns: [XLSXColumn] = [
        XLSXColumn("案件编号", width: 13), XLSXColumn("重点群体", width: 9), XLSXColumn("身份证件号", width: 21),
        XLSXColumn("姓名", width: 10), XLSXColumn("出生日期", .date, width: 11), XLSXColumn("性别", width: 6),
        XLSXColumn("镇街", width: 12), XLSXColumn("学校标识码", width: 12), XLSXColumn("学校名称", width: 18),
        XLSXColumn("依据记录", width: 20), XLSXColumn("说明", width: 40), XLSXColumn("概率关联依据", width: 36),
    ]

    static let summaryColumns: [XLSXColumn] = [
        XLSXColumn("问题代码", width: 24), XLSXColumn("问题类型", width: 16), XLSXColumn("人数", .integer, width: 8),
        XLSXColumn("其中重点群体", .integer, width: 12), XLSXColumn("核查情况", width: 60),
    ]

    /// A sheet name Excel accepts for `code` (no `/`, at most 31 characters).
    static func sheetName(_ code: FindingCode) -> String { sheetName(code.title) }

    static func sheetName(_ name: String) -> String {
        String(String(name.map { "/\\?*[]:".contains($0) ? "、" : $0 }).prefix(31))
    }

    /// Writes the 汇总 sheet and a sheet per code that has findings, into `book`.
    static func write(_ rows: [FindingRows.Row], _ input: ReportInput, people: PersonView, title: String, masked: Bool,
                      into book: XLSXWorkbook) throws(KCBXError) {
        let byCode = Dictionary(grouping: rows, by: \.finding.code)
        let summary = try book.addSheet("汇总", columns: summaryColumns,
                                        title: "\(title)（核查基准日 \(input.config.asOf)，期间 \(input.period)）")
        let notChecked = Dictionary(input.reconcile.notChecked.map { ($0.code, $0.reason) }, uniquingKeysWith: { a, _ in a })
        for code in FindingCode.allCases {
            let list = byCode[code] ?? []
            let state = notChecked[code].map { "未核查：\($0)" } ?? "已核查"
            try summary.append([.text(code.rawValue), .text(code.title), .integer(list.count),
                                .integer(list.filter(\.finding.priority).count), .text(state)])
        }
        try summary.append([.text("合计"), .text(""), .integer(rows.count), .integer(rows.filter(\.finding.priority).count), .text("")])
        for code in FindingCode.allCases {
            guard let list = byCode[code], !list.isEmpty else { continue }
            let sheet = try book.addSheet(sheetName(code), columns: columns, title: "\(code.title)（\(code.rawValue)）：\(list.count) 人")
            for row in list {
                let f = row.finding, p = row.person
                try sheet.append([.text(f.caseID), .text(f.priority ? "是" : ""), .text(Masking.id(p.idNumber, masked)), .text(p.name),
                                  p.birthDate.map(XLSXCell.date) ?? .empty, .text(p.sex), .text(p.town), .text(p.schoolCode),
                                  .text(people.schools[p.schoolCode]?.name ?? ""), .text(row.evidence),
                                  .text(Masking.text(f.detail, masked)), .text(row.links)], highlight: f.priority)
            }
        }
    }
}

/// 差异清单.xlsx: every finding of the district, then the run's linkage parameters (链接参数).
enum DiscrepancyWorkbook {
    static let parametersSheet = "链接参数"

    static func write(_ rows: FindingRows, _ input: ReportInput, _ people: PersonView, to url: URL) throws(KCBXError) {
        let book = try XLSXWorkbook(url: url, constantMemory: rows.rows.count > 20_000)
        try FindingSheets.write(rows.rows, input, people: people, title: "\(input.config.district.name) 控辍保学比对核查差异清单",
                                masked: MaskedOutput.discrepancies.isMasked(in: input.config), into: book)
        try writeParameters(input.index.parameters, into: book)
        try book.close()
    }

    /// The comparison fields in words, for the 链接参数 sheet.
    static let fieldTitles: [LinkField: String] = [.id: "身份证件号", .name: "姓名", .birthDate: "出生日期", .sex: "性别",
                                                   .family: "父母（监护人）", .household: "户号", .town: "镇街", .school: "学校"]
    static let levelTitles: [String: String] = [
        "exact": "完全一致", "check_character": "仅校验码不同", "one_substitution": "一位数字不同", "transposition": "相邻两位互换",
        "other": "不同", "simplified": "简繁/异体归一后一致", "same_pinyin": "拼音相同", "jaro_winkler_0.92": "拼音相似（JW≥0.92）",
        "jaro_winkler_0.80": "拼音相近（JW≥0.80）", "different": "不同", "day_month_swapped": "日月颠倒", "one_part_off": "年月日一项不同",
        "same": "相同", "parent_id": "父母身份证号相同", "parent_name": "父母姓名相同",
    ]

    /// `x` to 4 significant digits (0.9932, 3.344E-07): the sheet is read, linkage.json keeps every digit.
    static func significant(_ x: Double) -> Double {
        guard x != 0, x.isFinite else { return x }
        let scale = pow(10, 3 - floor(log10(abs(x))))
        return (x * scale).rounded() / scale
    }

    /// 链接参数: per comparison field and level, m, u and the weight log2(m/u) the run estimated; λ last.
    /// The level names are those of the 概率关联依据 column and persons.csv's `explanation`.
    static func writeParameters(_ p: LinkParameters, into book: XLSXWorkbook) throws(KCBXError) {
        let sheet = try book.addSheet(parametersSheet, columns: [
            XLSXColumn("比较字段", width: 15), XLSXColumn("字段代码", width: 11), XLSXColumn("比较级别", width: 22),
            XLSXColumn("级别代码", width: 18), XLSXColumn("m（同一人）", .number, width: 12),
            XLSXColumn("u（不同人）", .number, width: 12), XLSXColumn("权重（比特）", .number, width: 11),
        ], title: "概率关联参数（Fellegi–Sunter；m 由 EM 在 \(p.emPairs) 对候选记录上估计，u 由 \(p.uPairs) 对随机记录估计）")
        for field in LinkField.allCases where field.rawValue < p.m.count {
            for (level, name) in field.levels.enumerated() where level < p.m[field.rawValue].count {
                try sheet.append([.text(fieldTitles[field] ?? field.key), .text(field.key), .text(levelTitles[name] ?? name), .text(name),
                                  .number(significant(p.m[field.rawValue][level])), .number(significant(p.u[field.rawValue][level])),
                                  .number((p.weight(field, level) * 100).rounded() / 100)])
            }
        }
        try sheet.append([.text("先验"), .text("prior"), .text("两条随机记录属同一人的概率 λ"), .text("lambda"), .number(significant(p.lambda)), .empty,
                          .number((p.priorWeight * 100).rounded() / 100)])
    }
}

/// `towns/<镇街>.xlsx`: the same sheets, one workbook per town (镇街) for the town education office.
///
/// Every listed town gets a workbook (an empty one says there is nothing to follow up); a finding whose
/// child has no known town goes to 未知镇街.xlsx.
enum TownWorkbooks {
    /// The towns' lists, one per listed town (empty for a town without findings), then the other
    /// towns the findings name, in name order; each list in report order.
    static func lists(_ rows: FindingRows, _ input: ReportInput) -> [(town: String, rows: [FindingRows.Row])] {
        let byTown = Dictionary(grouping: rows.rows, by: \.person.town)
        var towns = input.config.district.towns
        towns += byTown.keys.filter { !towns.contains($0) }.sorted()
        return towns.map { ($0, byTown[$0] ?? []) }
    }

    /// Writes the workbook of one town into `directory` (which exists).
    static func write(town: String, _ list: [FindingRows.Row], _ input: ReportInput, _ people: PersonView,
                      into directory: URL) throws(KCBXError) {
        let masked = MaskedOutput.townLists.isMasked(in: input.config)
        let url = directory.appendingPathComponent(ReportStage.safeFileName(town) + ".xlsx")
        let book = try XLSXWorkbook(url: url, constantMemory: list.count > 20_000)
        try FindingSheets.write(list, input, people: people, title: "\(input.config.district.name)\(town) 控辍保学核查名单",
                                masked: masked, into: book)
        try book.close()
    }
}
