import ArgumentParser
import Foundation
import KCBXCore
import KCBXLedger
import KCBXPipeline
import KCBXReconcile
import KCBXReport
import KCBXStore

/// `kcbx cases`: the ledger (台账) — list and filter it, or import an edited ledger workbook (控辍保学劝返台账
/// or 学籍户籍数据纠错台账, in out/填报/) or a filled reply list (README "Replies (回执)").
struct CasesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cases",
        abstract: "台账：列出、筛选案件，或导入经办人填写的台账和报回的名单（镇街核查名单、学籍纠错通知、户籍核查、去向确认、协查名单）。",
        subcommands: [List.self, Import.self],
        defaultSubcommand: List.self)

    /// `kcbx cases [--open] [--code 问题类型] [--town 镇街]`: tab-separated, Chinese headers, ID numbers masked.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "列出台账中的案件（制表符分隔，身份证件号已遮蔽）。")
        @OptionGroup var options: RunsCommand.StoreOptions
        @Flag(name: .customLong("open"), help: "只列在办案件。") var onlyOpen = false
        @Option(help: "只列此问题类型，如 疑似辍学（或其代码 suspected_dropout）。") var code: String?
        @Option(help: "只列此镇街。") var town: String?

        /// The listing's columns, in order.
        static let header = ["案件编号", "问题类型", "重点群体", "状态", "镇街", "学校标识码", "姓名", "身份证件号", "出生日期", "立案日期",
                             "最近发现日期", "销号日期", "销号原因", "处理结果", "责任人"]

        func validate() throws {
            if let code, FindingCode(named: code) == nil {
                throw ValidationError("--code：没有“\(code)”这一问题类型；可选：\(FindingCode.allCases.map(\.title).joined(separator: "、"))（也可用代码，如 \(FindingCode.suspectedDropout.rawValue)）")
            }
        }

        func run() throws {
            let all = try options.open().loadCases()
            let wanted = code.flatMap(FindingCode.init(named:))
            let cases = all.filter { (c: Case) -> Bool in
                if onlyOpen && c.state != .open { return false }
                if let wanted, c.code != wanted { return false }
                if let town, c.town != town { return false }
                return true
            }
            print(Self.header.joined(separator: "\t"))
            for c in cases { print(Self.line(c)) }
            let openCount = cases.filter { $0.state == .open }.count
            FileHandle.standardError.write(Data("共 \(cases.count) 件，其中在办 \(openCount) 件\n".utf8))
        }

        /// One case as a line of the listing: the child by name and masked ID number, the state as 在办/已销号.
        static func line(_ c: Case) -> String {
            let fields = [c.id, c.code.title, c.priority ? "是" : "", c.state == .open ? "在办" : "已销号", c.town, c.schoolCode, c.name,
                          maskID(c.idNumber), c.birthDate?.description ?? "", c.openedOn.description, c.lastSeenOn.description,
                          c.closedOn?.description ?? "", c.closeReason ?? "", c.notes.result, c.notes.responsible]
            return fields.map { $0.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ") }.joined(separator: "\t")
        }
    }

    /// `kcbx cases import FILE.xlsx`: stores an edited ledger's or a filled reply list's rows with their
    /// cases, under the store's run lock; every message in Chinese.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import an edited ledger (劝返台账, 纠错台账) or a filled reply list (town packet, school or police workbook, 去向确认, 协查名单) into the ledger.",
            discussion: """
                The kind of file is read from its 填报说明 sheet, never from its name. Takes the store's run lock (exit 3 \
                while a run holds it). A copy of an earlier period imports (after its 反馈期限 with a notice), each row \
                entered as of its own dates; a row whose case a later import changed is refused. Rows whose 案件编号 \
                or 登记编号 is unknown or altered (校验码), whose choice is not one of the list's, whose date cannot be \
                read, or that lack what their choice needs are reported in Chinese with their row, case and child (ID \
                masked) and not imported; the other rows are. A refused ledger row is carried into the next version \
                marked 待更正. Importing the same file twice changes nothing; every change adds entries to the case's \
                history with the officer's date and the import date. Only a ledger that changed gets a new version, \
                written to out/填报/ at once. Exit status 2 when any row was refused.
                """)
        @Argument(help: "The edited ledger or reply workbook.") var file: String
        @OptionGroup var options: RunsCommand.StoreOptions

        func run() throws {
            let (config, store) = try options.openWithConfig()
            let outcome = try LedgerImport.run(URL(fileURLWithPath: file), config: config, store: store)
            for p in outcome.problems { FileHandle.standardError.write(Data("\(file)：\(p)\n".utf8)) }
            for n in outcome.notices { print("提示：\(n)") }
            var summary = "\(outcome.title)：读入 \(outcome.rows) 行，更新 \(outcome.changed) 件（其中经办人销号 \(outcome.closed) 件），"
                + "未变 \(outcome.unchanged) 行，未导入 \(outcome.problems.count) 行"
            if outcome.reply != nil { summary += "，记入回执记录 \(outcome.recorded) 条" }
            if outcome.pending > 0 { summary += "（其中 \(outcome.pending) 行的填写内容带入新版台账，标注待更正）" }
            print(summary)
            for url in outcome.written { print("新版台账：\(url.path)") }
            if !outcome.problems.isEmpty {
                throw KCBXError(.input, "\(outcome.problems.count) 行未导入（见上）", file: file)
            }
        }
    }
}
