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
        abstract: "The ledger (台账): list and filter cases, or import the officer's columns of an edited ledger workbook (out/填报/).",
        subcommands: [List.self, Import.self],
        defaultSubcommand: List.self)

    /// `kcbx cases [--open] [--code CODE] [--town TOWN]`: tab-separated, ID numbers masked.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the ledger's cases (tab-separated; ID numbers masked).")
        @OptionGroup var options: RunsCommand.StoreOptions
        @Flag(name: .customLong("open"), help: "Only open cases (在办).") var onlyOpen = false
        @Option(help: "Only this finding code, e.g. not_enrolled.") var code: String?
        @Option(help: "Only this town (镇街).") var town: String?

        func validate() throws {
            if let code, FindingCode(rawValue: code) == nil {
                throw ValidationError("--code: unknown finding code `\(code)`; expected one of \(FindingCode.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }

        func run() throws {
            let all = try options.open().loadCases()
            let cases = all.filter { (c: Case) -> Bool in
                if onlyOpen && c.state != .open { return false }
                if let code, c.code.rawValue != code { return false }
                if let town, c.town != town { return false }
                return true
            }
            print(["case", "code", "title", "priority", "state", "town", "school", "name", "id_number", "birth_date", "opened", "last_seen",
                   "closed", "close_reason", "result", "responsible"].joined(separator: "\t"))
            for c in cases {
                let fields = [c.id, c.code.rawValue, c.code.title, c.priority ? "yes" : "", c.state.rawValue, c.town, c.schoolCode, c.name,
                              maskID(c.idNumber), c.birthDate?.description ?? "", c.openedOn.description, c.lastSeenOn.description,
                              c.closedOn?.description ?? "", c.closeReason ?? "", c.notes.result, c.notes.responsible]
                print(fields.map { $0.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ") }.joined(separator: "\t"))
            }
            let openCount = cases.filter { $0.state == .open }.count
            FileHandle.standardError.write(Data("\(cases.count) case\(cases.count == 1 ? "" : "s"), \(openCount) open\n".utf8))
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
