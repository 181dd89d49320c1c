import ArgumentParser
import Foundation
import KCBXCore
import KCBXLedger
import KCBXPipeline
import KCBXReconcile
import KCBXReport
import KCBXStore

/// `kcbx cases`: the ledger (台账) — list and filter it, or import the officer's columns from an edited
/// ledger workbook (控辍保学劝返台账 or 学籍户籍数据纠错台账, in out/填报/).
struct CasesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cases",
        abstract: "台账：列出、筛选案件，或导入经办人填写的台账（out/填报/）。",
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

    /// `kcbx cases import FILE.xlsx`: stores the officer's columns with their cases, under the store's run lock.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Store the officer's columns of an edited ledger (控辍保学劝返台账 or 学籍户籍数据纠错台账) with their cases.",
            discussion: """
                Takes the store's run lock (exit 3 while a run holds it). A copy of an earlier period than the ledger's latest \
                is refused whole, naming the newer ledger; a row whose case a later import changed is refused, naming the \
                version. Rows whose case id is unknown or altered, whose 处理结果 is not one of that ledger's choices, or \
                whose closing result lacks its 处理日期 or 销号说明 are reported with their row number and not imported; \
                the other rows are. Rows left as issued change nothing; importing the same file twice changes nothing; \
                every change adds dated entries to the case's history. Exit status 2 when any row was refused.
                """)
        @Argument(help: "The edited ledger workbook.") var file: String
        @OptionGroup var options: RunsCommand.StoreOptions

        func run() throws {
            let (config, store) = try options.openWithConfig()
            let outcome = try LedgerImport.run(URL(fileURLWithPath: file), config: config, store: store)
            for p in outcome.problems { FileHandle.standardError.write(Data("\(file): \(p)\n".utf8)) }
            print("\(outcome.copy.work.title) \(outcome.copy.period) version \(outcome.copy.version): \(outcome.rows) rows read: \(outcome.changed) cases updated (\(outcome.closed) closed by the officer), \(outcome.unchanged) unchanged, \(outcome.problems.count) refused")
            for url in outcome.written { print("the ledger is at version \(outcome.version) now: \(url.path)") }
            if !outcome.problems.isEmpty {
                throw KCBXError(.input, "\(outcome.problems.count) row\(outcome.problems.count == 1 ? "" : "s") not imported (see above)", file: file)
            }
        }
    }
}
