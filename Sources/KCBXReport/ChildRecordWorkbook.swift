import Foundation
import KCBXCore
import KCBXLedger
import KCBXSheets

/// 一生一表/一生一表_<镇街>_YYYY年M月.xlsx: for each child of the town with an open case on the 劝返台账, a printed
/// page of its own, like the 辍学学生登记表 the notices ask for: who the child is and where to find them,
/// every case with the records behind it (信息来源) and the whole history — 立案, 销号, the officers'
/// 劝返 entries — oldest first.
enum ChildRecordWorkbook {
    static let folder = "一生一表"

    static let columns = [XLSXColumn("项目", width: 10), XLSXColumn("日期", .date, width: 11), XLSXColumn("内容", width: 100)]

    /// Writes a workbook per town with open children's cases into `directory`.
    /// The children of each town are those of its packet's open 劝返 cases (``SharedFigures/children``).
    static func write(_ input: ReportInput, _ people: PersonView, _ shared: SharedFigures, into directory: URL) throws(KCBXError) {
        let byTown = shared.children.filter { !$0.value.isEmpty }
        guard !byTown.isEmpty else { return }
        let masked = MaskedOutput.townLists.isMasked(in: input.config)
        let order = Dictionary(uniqueKeysWithValues: FindingCode.allCases.enumerated().map { ($1, $0) })
        // Every case of the children (closed ones too: the history is the child's).
        let children = Set(byTown.values.joined())
        var byPerson: [String: [Case]] = [:]
        for c in input.cases where c.work == .childFollowUp && children.contains(c.personID) { byPerson[c.personID, default: []].append(c) }
        try ReportStage.makeDirectory(directory)
        let unit = input.config.issuer.unitName(district: input.config.district)
        let month = ReportStage.FileName.month(input.period)
        // Towns in name order, each its own file even when two towns' safe names collide (`a/b`, `a_b`).
        var files = UniqueFileNames()
        for (town, persons) in byTown.sorted(by: { $0.key < $1.key }) {
            let url = directory.appendingPathComponent(files.claim("一生一表_" + ReportStage.safeFileName(town) + "_" + month + ".xlsx"))
            let book = try XLSXWorkbook(url: url, constantMemory: persons.count > 2_000)
            let sheet = try book.addSheet("一生一表", columns: columns,
                                          title: "\(unit) \(town) 控辍保学学生登记表（一生一表，\(month)，核查基准日 \(input.config.asOf)）：在办儿童 \(persons.count) 人（有任一在办劝返案件，含延缓/免于入学、外地户籍/外出），其中失学辍学儿童 \(shared.tally(town).outOfSchool) 人，每人一页")
            let sorted = persons.map { p in (p, byPerson[p]!.sorted { (order[$0.code] ?? 0, $0.id) < (order[$1.code] ?? 0, $1.id) }) }
                .sorted { ($0.1[0].name, $0.0) < ($1.1[0].name, $1.0) }
            for (n, (person, cases)) in sorted.enumerated() {
                sheet.breakPageBeforeNextRow()
                let c = cases[0]
                let d = people.rows[person] == nil ? nil : people.describe(person)
                let id = Masking.id(d?.idNumber.isEmpty == false ? d!.idNumber : c.idNumber, masked)
                let who = [c.name, d?.sex ?? "", (c.birthDate ?? d?.birthDate).map { "出生 \($0)" } ?? "", id.isEmpty ? "" : "身份证件号 \(id)"]
                func line(_ label: String, _ date: CivilDate?, _ text: String, highlight: Bool = false) throws(KCBXError) {
                    try sheet.append([.text(label), date.map(XLSXCell.date) ?? .empty, .text(text)], highlight: highlight)
                }
                try line("第 \(n + 1) 人", nil, who.filter { !$0.isEmpty }.joined(separator: "　"), highlight: true)
                if let d {
                    let place = [town, d.village, d.address].filter { !$0.isEmpty }.joined(separator: "　")
                    try line("户籍住址", nil, place)
                    let contact = [d.guardian.isEmpty ? "" : "监护人 \(d.guardian)", d.phone.isEmpty ? "" : "联系电话 \(d.phone)"]
                        .filter { !$0.isEmpty }.joined(separator: "　")
                    try line("监护人", nil, contact.isEmpty ? "（各部门数据均未登记）" : contact)
                    let school = [people.schools[d.schoolCode]?.name ?? d.schoolCode, d.grade, d.className].filter { !$0.isEmpty }
                    try line("学校", nil, school.isEmpty ? "（无在籍学籍）" : school.joined(separator: "　"))
                }
                for k in cases {
                    let state = k.state == .open ? "在办" : "已销号（\(k.closeReason ?? "")）"
                    try line(k.code.title, k.openedOn, "\(state)：\(Masking.text(k.detail, masked))")
                    for e in k.history where e.kind != .seen {
                        try line(LedgerWorkbook.word(e.kind), e.date, Masking.text(e.detail, masked))
                    }
                }
            }
            try sheet.signFooter()
            try book.close()
        }
    }
}
