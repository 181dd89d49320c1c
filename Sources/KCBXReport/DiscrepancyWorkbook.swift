import Foundation
import KCBXCore
import KCBXLedger
import KCBXReconcile
import KCBXSheets

/// The finding sheets shared by 差异清单 and the town packets: a 汇总 sheet, then one sheet per finding
/// code, a row per child with what a visit starts from (school, 年级/班级, 监护人, 联系电话, 村居, 住址)
/// and, in lists that go out to be acted on, the columns to report back. No codes, record numbers or
/// linkage weights: those are in 比对技术明细 (``TechnicalWorkbook``).
enum FindingSheets {
    /// The child's columns; `ledger` adds the officers' entries so far (台账已填), `reportBack` the 校验码 of
    /// the 案件编号 and the town packet's reply columns (``ReplySheets``: 核查结果, 说明, 反馈人, 反馈日期). Laid
    /// out to print at 8 pt or more on one landscape A4 page width.
    static func columns(reportBack: Bool, ledger: Bool = false) -> [XLSXColumn] {
        var columns = [
            XLSXColumn("序号", .integer, width: 4), XLSXColumn("案件编号", width: 12), XLSXColumn("重点群体", width: 5),
            XLSXColumn("姓名", width: 7), XLSXColumn("性别", width: 4), XLSXColumn("出生日期", .date, width: 10),
            XLSXColumn("身份证件号", width: 19), XLSXColumn("学校名称", width: reportBack ? 12 : 14), XLSXColumn("年级", width: 6), XLSXColumn("班级", width: 5),
            XLSXColumn("监护人", width: reportBack ? 8 : 9), XLSXColumn("联系电话", width: 11), XLSXColumn("村居", width: ledger ? 8 : 9),
            XLSXColumn("住址", width: ledger ? 10 : reportBack ? 14 : 17),
            XLSXColumn("情况说明", width: ledger ? 13 : reportBack ? 15 : 39), XLSXColumn("信息来源", width: ledger ? 6 : reportBack ? 8 : 10),
        ]
        // The officers' entries so far (劝返台账: 处理结果, 处理日期, 劝返措施), for the visit to start from.
        if ledger { columns.append(XLSXColumn(ledgerColumn, width: 13)) }
        if reportBack {
            columns.insert(ReplySheets.keyColumns()[1], at: 2)
            columns += ReplySheets.replyColumns(.townPacket)
        }
        return columns
    }

    /// The packet's column of the officers' entries on the 劝返台账.
    static let ledgerColumn = "台账已填"

    /// What a packet shows of the ledger (``SharedFigures``): its town's figures, the cases closed since
    /// the last bulletin (sheet 已销号) and the officers' entries of the open ones.
    struct Packet {
        var tally: SharedFigures.Tally
        var closed: [Case]
        var cases: [String: Case]
        /// `自2025年11月通报以来`.
        var since: String
    }

    /// The officers' entries of a case as the packet shows them: `劝返中 2026-11-20：上门家访`.
    static func entries(_ n: OfficerNotes) -> String {
        let head = [n.result, n.date?.description ?? ""].filter { !$0.isEmpty }.joined(separator: " ")
        return [head, n.measures].filter { !$0.isEmpty }.joined(separator: "：")
    }

    static let summaryColumns: [XLSXColumn] = [
        XLSXColumn("问题类型", width: 16), XLSXColumn("人数", .integer, width: 8), XLSXColumn("其中重点群体", .integer, width: 12),
        XLSXColumn("需核查处理", width: 70), XLSXColumn("本次比对", width: 30),
    ]

    /// A sheet name Excel accepts for `code` (no `/`, at most 31 characters).
    static func sheetName(_ code: FindingCode) -> String { sheetName(code.title) }

    static func sheetName(_ name: String) -> String {
        String(String(name.map { "/\\?*[]:".contains($0) ? "、" : $0 }).prefix(31))
    }

    /// The departments a finding's records come from (信息来源), e.g. 公安户籍、学籍.
    static func sources(_ refs: [RecordRef], _ input: ReportInput) -> String {
        var names: [String] = []
        for ref in refs where !names.contains(input.records.sources[ref.source].source) { names.append(input.records.sources[ref.source].source) }
        return names.joined(separator: "、")
    }

    /// Writes the 汇总 sheet and a sheet per code that has findings, into `book`. `title` names the list
    /// (the issuing unit and the month are added); `reportBack`: the list goes out to be acted on.
    static func write(_ rows: [FindingRows.Row], _ input: ReportInput, people: PersonView, title: String, masked: Bool,
                      reportBack: Bool, codes: [FindingCode] = FindingCode.allCases, packet: Packet? = nil,
                      into book: XLSXWorkbook) throws(KCBXError) {
        // Positions, not copies of the rows (half a million rows in the district's list).
        let byCode = Dictionary(grouping: rows.indices, by: { rows[$0].finding.code })
        let unit = input.config.issuer.unitName(district: input.config.district)
        let month = ReportStage.FileName.month(input.period)
        let deadline = input.config.asOf.adding(days: input.config.issuer.listDeadlineDays)
        let due = reportBack ? "请于 \(deadline) 前填写核查结果并报回。" : ""
        let notChecked = Dictionary(input.reconcile.notChecked.map { ($0.code, $0.reason) }, uniquingKeysWith: { a, _ in a })
        if let packet {
            try packetSummary(packet, byCode: byCode, rows, codes: codes, notChecked: notChecked,
                              title: "\(unit) \(title)（\(month)，核查基准日 \(input.config.asOf)）\(due)", into: book)
        } else {
            let summary = try book.addSheet("汇总", columns: summaryColumns,
                                            title: "\(unit) \(title)（\(month)，核查基准日 \(input.config.asOf)）\(due)")
            for code in codes {
                let list = byCode[code] ?? []
                // Whether this run could look for the code at all (a source missing or partial says why not).
                let state = notChecked[code].map { "未比对：\($0)" } ?? "已比对"
                try summary.append([.text(code.title), .integer(list.count), .integer(list.count { rows[$0].finding.priority }),
                                    .text(code.descriptor.asked), .text(state)])
            }
            let listed = codes.reduce(0) { $0 + (byCode[$1]?.count ?? 0) }
            let listedPriority = codes.reduce(0) { $0 + (byCode[$1]?.count { rows[$0].finding.priority } ?? 0) }
            try summary.append([.text("合计"), .integer(listed), .integer(listedPriority), .text(""), .text("")])
            try summary.signFooter()
        }
        for code in codes {
            guard let list = byCode[code], !list.isEmpty else { continue }
            let count = packet == nil ? "\(list.count) 人" : "在办 \(list.count) 件（一人一案）"
            let sheet = try book.addSheet(sheetName(code), columns: columns(reportBack: reportBack, ledger: packet != nil),
                                          title: "\(unit) \(title)：\(code.title) \(count)（\(month)）。\(code.descriptor.asked)。\(due)")
            for (n, i) in list.enumerated() {
                let f = rows[i].finding, p = rows[i].person
                var cells: [XLSXCell] = [
                    .integer(n + 1), .text(f.caseID), .text(f.priority ? "是" : ""), .text(p.name), .text(p.sex),
                    p.birthDate.map(XLSXCell.date) ?? .empty, .text(Masking.id(p.idNumber, masked)),
                    .text(people.schools[p.schoolCode]?.name ?? p.schoolCode), .text(p.grade), .text(p.className), .text(p.guardian),
                    .text(p.phone), .text(p.village), .text(p.address), .text(Masking.text(f.detail, masked)),
                    .text(sources(f.evidence, input)),
                ]
                if let packet { cells.append(.text(packet.cases[f.caseID].map { entries($0.notes) } ?? "")) }
                if reportBack {
                    cells.insert(ReplySheets.keyCells(caseID: f.caseID, personID: f.personID)[1], at: 2)
                    cells += ReplySheets.emptyReply(.townPacket)
                }
                try sheet.append(cells, highlight: f.priority)
            }
            try sheet.signFooter()
        }
        if let packet, !packet.closed.isEmpty {
            let sheet = try book.addSheet(closedSheet, columns: closedColumns,
                                          title: "\(unit) \(title)：已销号 \(packet.closed.count) 件（\(packet.since)，\(month)），不再列入各类名单，供核对")
            for (n, c) in packet.closed.enumerated() {
                try sheet.append([.integer(n + 1), .text(c.id), .text(c.code.title), .text(c.name), .text(Masking.id(c.idNumber, masked)),
                                  c.closedOn.map(XLSXCell.date) ?? .empty, .text(Masking.text(c.closeReason ?? "", masked)),
                                  .text(entries(c.notes))])
            }
            try sheet.signFooter()
        }
    }

    /// The packet's sheet of the cases closed since the last bulletin.
    static let closedSheet = "已销号"
    static let closedColumns: [XLSXColumn] = [
        XLSXColumn("序号", .integer, width: 4), XLSXColumn("案件编号", width: 12), XLSXColumn("问题类型", width: 12),
        XLSXColumn("姓名", width: 8), XLSXColumn("身份证件号", width: 19), XLSXColumn("销号日期", .date, width: 10),
        XLSXColumn("销号原因", width: 50), XLSXColumn(ledgerColumn, width: 30),
    ]

    /// The packet's 汇总: per code the open cases listed (在办), those of the priority groups and those
    /// closed since the last bulletin (件), then the town's totals as the bulletin and 一生一表 count them.
    static func packetSummary(_ packet: Packet, byCode: [FindingCode: [Int]], _ rows: [FindingRows.Row], codes: [FindingCode],
                              notChecked: [FindingCode: String], title: String, into book: XLSXWorkbook) throws(KCBXError) {
        let summary = try book.addSheet("汇总", columns: [
            XLSXColumn("问题类型", width: 16), XLSXColumn("在办（件）", .integer, width: 9), XLSXColumn("其中重点群体", .integer, width: 11),
            XLSXColumn("已销号（件）", .integer, width: 10), XLSXColumn("需核查处理", width: 60), XLSXColumn("本次比对", width: 24),
        ], title: title)
        let t = packet.tally
        for code in codes {
            let state = notChecked[code].map { "未比对：\($0)" } ?? "已比对"
            try summary.append([.text(code.title), .integer(byCode[code]?.count ?? 0), .integer(byCode[code]?.count { rows[$0].finding.priority } ?? 0),
                                .integer(t.closed[code] ?? 0), .text(code.descriptor.asked), .text(state)])
        }
        let counted = t.counted
        try summary.append([.text("合计"), .integer(t.openAll), .integer(SharedFigures.Tally.sum(t.openPriority, codes)),
                            .integer(SharedFigures.Tally.sum(t.closed, codes)), .text("已销号为\(packet.since)销号的案件，列在“已销号”工作表"), .text("")])
        let countedCodes = BulletinFigures.townCodes.map(\.title).joined(separator: "、")
        try summary.append([.text("其中计入镇街"), .integer(counted.open), .empty, .integer(counted.closed),
                            .text("\(countedCodes)的案件，即通报中的未销号、销号劝返案件（不含延缓/免于入学、外地户籍/外出）"), .text("")])
        try summary.append([.text("失学辍学儿童（人）"), .integer(t.outOfSchool), .empty, .empty,
                            .text("有\(countedCodes)在办案件的儿童，一人只计一次（即通报中的失学辍学儿童）"), .text("")])
        try summary.append([.text("在办儿童（人）"), .integer(t.children), .empty, .empty,
                            .text("有任一在办劝返案件的儿童，一人只计一次（即一生一表的人数）"), .text("")])
        try summary.signFooter()
    }
}

/// 差异清单_YYYY年M月.xlsx: every finding of the district, for the bureau.
enum DiscrepancyWorkbook {
    static func write(_ rows: FindingRows, _ input: ReportInput, _ people: PersonView, to url: URL) throws(KCBXError) {
        let book = try XLSXWorkbook(url: url, constantMemory: rows.rows.count > 20_000)
        try FindingSheets.write(rows.rows, input, people: people, title: "控辍保学比对核查差异清单",
                                masked: MaskedOutput.discrepancies.isMasked(in: input.config), reportBack: false, into: book)
        try book.close()
    }
}

/// 比对技术明细_YYYY年M月.xlsx, for the data officer and the engineer, not for lists people act on: per
/// finding its code, the records behind it (依据记录, `source#record`) and how they were linked when not
/// on their ID number (概率关联依据), then the run's linkage parameters (链接参数).
enum TechnicalWorkbook {
    static let parametersSheet = "链接参数"

    static func write(_ rows: FindingRows, _ input: ReportInput, to url: URL) throws(KCBXError) {
        let book = try XLSXWorkbook(url: url, constantMemory: rows.rows.count > 20_000)
        let sheet = try book.addSheet("依据记录", columns: [
            XLSXColumn("案件编号", width: 12), XLSXColumn("问题代码", width: 20), XLSXColumn("问题类型", width: 12),
            XLSXColumn("依据记录", width: 30), XLSXColumn("概率关联依据", width: 80),
        ], title: "依据记录：「来源#序号」指该部门导出文件中的第几条记录（表头不计）；概率关联依据：未按身份证件号关联的记录逐字段比较的级别和权重（比特）")
        for row in rows.rows {
            try sheet.append([.text(row.finding.caseID), .text(row.finding.code.rawValue), .text(row.finding.code.title),
                              .text(row.evidence), .text(row.links)])
        }
        try writeParameters(input.records.linkage, rows: input.records.linkageRows, into: book)
        try book.close()
    }

    /// `x` to 4 significant digits (0.9932, 3.344E-07): the sheet is read, linkage.json keeps every digit.
    static func significant(_ x: Double) -> Double {
        guard x != 0, x.isFinite else { return x }
        let scale = pow(10, 3 - floor(log10(abs(x))))
        return (x * scale).rounded() / scale
    }

    /// 链接参数: per comparison field and level, m, u and the weight log2(m/u) the run estimated; λ last.
    /// The level names are those of the 概率关联依据 column and persons.csv's `explanation`. Read from the
    /// parameters as linkage.json holds them (``StageRecords/linkage``).
    static func writeParameters(_ p: [String: any Sendable], rows: [StageRecords.LinkageRow], into book: XLSXWorkbook) throws(KCBXError) {
        let number = { (key: String, in: [String: any Sendable]) in `in`[key] as? Double ?? 0 }
        let sheet = try book.addSheet(parametersSheet, columns: [
            XLSXColumn("比较字段", width: 15), XLSXColumn("字段代码", width: 11), XLSXColumn("比较级别", width: 22),
            XLSXColumn("级别代码", width: 18), XLSXColumn("m（同一人）", .number, width: 12),
            XLSXColumn("u（不同人）", .number, width: 12), XLSXColumn("权重（比特）", .number, width: 11),
        ], title: "概率关联参数（Fellegi–Sunter；m 由 EM 在 \(p["em_pairs"] as? Int ?? 0) 对候选记录上估计，u 由 \(p["u_pairs"] as? Int ?? 0) 对随机记录估计）")
        for row in rows {
            try sheet.append([.text(row.fieldTitle), .text(row.field), .text(row.levelTitle), .text(row.level),
                              .number(significant(row.m)), .number(significant(row.u)), .number((row.weightBits * 100).rounded() / 100)])
        }
        try sheet.append([.text("先验"), .text("prior"), .text("两条随机记录属同一人的概率 λ"), .text("lambda"), .number(significant(number("lambda", p))), .empty,
                          .number(number("prior_weight_bits", p))])
    }
}

/// `towns/<镇街>_YYYY年M月.xlsx`: one packet per town (镇街) for the town education office: the children
/// to follow up (the codes a town acts on), with what is asked, the deadline and the columns to report back.
///
/// Every listed town gets a packet (an empty one says there is nothing to follow up); a finding whose
/// child has no known town goes to 未知镇街.
enum TownWorkbooks {
    static let codes = FindingDescriptor.codes(for: .town)

    /// The towns' lists, one per listed town (empty for a town without findings), then the other
    /// towns the findings name, in name order; each list in report order.
    /// Only the cases open on the ledger are listed (``SharedFigures/packetRows``), at the child's town.
    static func lists(_ rows: FindingRows, _ input: ReportInput, _ shared: SharedFigures) -> [(town: String, rows: [FindingRows.Row])] {
        var towns = input.config.district.towns
        towns += Set(shared.packetRows.keys).union(shared.closedCases.keys).filter { !towns.contains($0) }.sorted()
        return towns.map { town in (town, (shared.packetRows[town] ?? []).map { rows.rows[$0] }) }
    }

    /// The packet's file name: `城关街道_2026年11月.xlsx`.
    static func fileName(_ town: String, period: String) -> String {
        ReportStage.safeFileName(town) + "_" + ReportStage.FileName.month(period) + ".xlsx"
    }

    /// Writes the packet of one town to `url` (its folder exists; the name from ``fileName(_:period:)``, made unique).
    static func write(town: String, _ list: [FindingRows.Row], _ input: ReportInput, _ people: PersonView, _ shared: SharedFigures,
                      to url: URL) throws(KCBXError) {
        let masked = MaskedOutput.townLists.isMasked(in: input.config)
        let book = try XLSXWorkbook(url: url, constantMemory: list.count > 20_000)
        let packet = FindingSheets.Packet(tally: shared.tally(town), closed: shared.closedCases[town] ?? [], cases: shared.cases,
                                          since: shared.sinceWords)
        try FindingSheets.write(list, input, people: people, title: "\(town) 控辍保学劝返核查名单", masked: masked, reportBack: true,
                                codes: codes, packet: packet, into: book)
        try ReplySheets.writeAbout(.townPacket, scope: town, input, into: book)
        try book.close()
    }
}
