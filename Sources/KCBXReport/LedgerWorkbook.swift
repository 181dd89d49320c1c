import Foundation
import KCBXCore
import KCBXFormats
import KCBXSheets

/// 控辍保学台账.xlsx: the ledger's open and closed cases with their history and the officer's columns
/// (劝返措施, 责任人, 处理结果, 备注), which `kcbx cases import` reads back.
///
/// Sheet 台账 has one row per case: the columns kcbx keeps are locked, the officer's four are editable.
/// A 校验码 beside each case id lets the import tell an altered id from a real one. Sheet 处理记录 has
/// each case's history (一生一表), oldest first.
public enum LedgerWorkbook {
    public static let fileName = "控辍保学台账.xlsx"
    public static let casesSheet = "台账"
    public static let historySheet = "处理记录"
    /// The choices offered in 处理结果.
    public static let results = ["已返校", "劝返中", "已办理延缓", "已送教上门", "已转出", "其他"]

    /// Headers of the columns `kcbx cases import` reads.
    enum Header {
        static let caseID = "案件编号", checksum = "校验码"
        static let measures = "劝返措施", responsible = "责任人", result = "处理结果", remarks = "备注"
    }

    static let columns: [XLSXColumn] = [
        XLSXColumn(Header.caseID, width: 13), XLSXColumn(Header.checksum, width: 7), XLSXColumn("问题类型", width: 14),
        XLSXColumn("问题代码", width: 20), XLSXColumn("重点群体", width: 8), XLSXColumn("镇街", width: 12),
        XLSXColumn("学校标识码", width: 12), XLSXColumn("姓名", width: 10), XLSXColumn("身份证件号", width: 21),
        XLSXColumn("出生日期", .date, width: 11), XLSXColumn("立案日期", .date, width: 11), XLSXColumn("最近发现", .date, width: 11),
        XLSXColumn("状态", width: 8), XLSXColumn("销号日期", .date, width: 11), XLSXColumn("销号原因", width: 30),
        XLSXColumn("说明", width: 50),
        XLSXColumn(Header.measures, width: 30, editable: true), XLSXColumn(Header.responsible, width: 10, editable: true),
        XLSXColumn(Header.result, width: 12, editable: true, choices: results), XLSXColumn(Header.remarks, width: 30, editable: true),
    ]

    /// The 校验码 of a case: 4 characters from its id and person, so an edited id is recognised.
    public static func checksum(caseID: String, personID: String) -> String {
        base32(stableHash("kcbx-ledger|" + caseID + "|" + personID), count: 4)
    }

    /// How a history entry reads in the ledger.
    public static func word(_ kind: CaseEvent.Kind) -> String {
        switch kind {
        case .opened: "立案"
        case .seen: "本期仍发现"
        case .closed: "销号"
        case .reopened: "重新立案"
        case .notes: "处理记录"
        }
    }

    /// Writes the ledger of `input.cases`; writes nothing while the ledger is empty and not yet kept.
    public static func write(_ input: ReportInput, to url: URL) throws(KCBXError) {
        guard !input.cases.isEmpty else { return }
        let mask = input.config.privacy.maskIdsIn.contains("ledger")
        let order = Dictionary(uniqueKeysWithValues: FindingCode.allCases.enumerated().map { ($1, $0) })
        // Sorted on keys made once per case (the town as its rank among the few towns, in String order).
        let townRank = Dictionary(uniqueKeysWithValues: Set(input.cases.map(\.town)).sorted().enumerated().map { ($1, $0) })
        let keys = input.cases.map { ($0.state == .open ? 0 : 1, townRank[$0.town] ?? 0, order[$0.code] ?? 0) }
        let cases = input.cases.indices.sorted { a, b in
            keys[a] != keys[b] ? keys[a] < keys[b] : input.cases[a].id < input.cases[b].id
        }.map { input.cases[$0] }
        let events = cases.reduce(0) { $0 + $1.history.count }
        let book = try XLSXWorkbook(url: url, constantMemory: cases.count + events > 100_000)
        let sheet = try book.addSheet(casesSheet, columns: columns)
        for c in cases {
            try sheet.append([
                .text(c.id), .text(checksum(caseID: c.id, personID: c.personID)), .text(c.code.title), .text(c.code.rawValue),
                .text(c.priority ? "是" : ""), .text(PersonView.townShown(c.town)), .text(c.schoolCode), .text(c.name),
                .text(mask ? maskID(c.idNumber) : c.idNumber), c.birthDate.map(XLSXCell.date) ?? .empty,
                .date(c.openedOn), .date(c.lastSeenOn), .text(c.state == .open ? "在办" : "已销号"),
                c.closedOn.map(XLSXCell.date) ?? .empty, .text(c.closeReason ?? ""), .text(c.detail),
                .text(c.notes.measures), .text(c.notes.responsible), .text(c.notes.result), .text(c.notes.remarks),
            ], highlight: c.priority && c.state == .open)
        }
        let history = try book.addSheet(historySheet, columns: [
            XLSXColumn(Header.caseID, width: 13), XLSXColumn("姓名", width: 10), XLSXColumn("问题类型", width: 14),
            XLSXColumn("期次", width: 9), XLSXColumn("日期", .date, width: 11), XLSXColumn("事项", width: 12), XLSXColumn("说明", width: 60),
        ])
        for c in cases {
            for e in c.history {
                try history.append([.text(c.id), .text(c.name), .text(c.code.title), .text(e.period), .date(e.date), .text(word(e.kind)),
                                    .text(e.detail)])
            }
        }
        try book.close()
    }

    /// One row of an officer's edited ledger.
    public struct NotesRow: Sendable, Equatable {
        /// The sheet row number (1-based, as Excel shows it).
        public var line: Int
        public var caseID: String
        public var checksum: String
        public var notes: OfficerNotes
    }

    /// Reads the officer's columns of sheet 台账 of an edited ledger. Rows without a case id and without
    /// notes are skipped; a row with notes but no case id is a problem (it cannot be placed).
    public static func readNotes(_ url: URL) throws(KCBXError) -> (rows: [NotesRow], problems: [String]) {
        let names = try XLSXReader.sheetNames(url: url)
        let reader = try XLSXReader(url: url, sheet: names.contains(casesSheet) ? casesSheet : nil)
        func column(_ name: String) throws(KCBXError) -> Int {
            guard let i = reader.header.firstIndex(of: name) else {
                throw KCBXError(.input, "sheet \(casesSheet) has no column \(name); expected the ledger written by kcbx (\(fileName)); headers found: \(reader.header.joined(separator: ", "))",
                                file: url.path)
            }
            return i
        }
        let id = try column(Header.caseID), check = try column(Header.checksum)
        let measures = try column(Header.measures), responsible = try column(Header.responsible)
        let result = try column(Header.result), remarks = try column(Header.remarks)
        var rows: [NotesRow] = [], problems: [String] = []
        while let row = try reader.next() {
            func v(_ i: Int) -> String { i < row.values.count ? row.values[i].trimmingCharacters(in: .whitespacesAndNewlines) : "" }
            let notes = OfficerNotes(measures: v(measures), responsible: v(responsible), result: v(result), remarks: v(remarks))
            if v(id).isEmpty {
                if !notes.isEmpty { problems.append("row \(row.line): notes without a case id (案件编号); not imported") }
                continue
            }
            rows.append(NotesRow(line: row.line, caseID: v(id), checksum: v(check), notes: notes))
        }
        return (rows, problems)
    }
}
