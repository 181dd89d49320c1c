import ArgumentParser
import Foundation
import KCBXCore
import KCBXReconcile
import KCBXReport
import KCBXStore

/// `kcbx cases`: the ledger (台账) — list and filter it, or import the officer's columns from an edited
/// 控辍保学台账.xlsx.
struct CasesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cases",
        abstract: "The ledger (台账): list and filter cases, or import the officer's columns from an edited 控辍保学台账.xlsx.",
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

    /// `kcbx cases import FILE.xlsx`: stores the officer's columns with their cases.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Store the officer's columns (劝返措施, 责任人, 处理结果, 备注) of an edited 控辍保学台账.xlsx with their cases.",
            discussion: "Rows whose case id is unknown or altered are reported with their row number and not imported; the other rows are. Importing the same file twice changes nothing. Exit status 2 when any row was refused.")
        @Argument(help: "The edited ledger workbook.") var file: String
        @OptionGroup var options: RunsCommand.StoreOptions

        func run() throws {
            let url = URL(fileURLWithPath: file)
            let store = try options.open()
            let (rows, readProblems) = try LedgerWorkbook.readNotes(url)
            let stored = try store.cases(ids: Array(Set(rows.map(\.caseID))))
            let period = try store.ledgerPeriods().keys.max() ?? PipelineConfig.period(of: CivilDate.today())
            let imports = rows.map { LedgerBook.NotesImport(line: $0.line, caseID: $0.caseID, checksum: $0.checksum, notes: $0.notes) }
            let outcome = LedgerBook.importNotes(imports, cases: stored, period: period, date: CivilDate.today()) {
                LedgerWorkbook.checksum(caseID: $0.id, personID: $0.personID)
            }
            try store.saveCases(outcome.changed)
            let problems = readProblems + outcome.problems
            for p in problems { FileHandle.standardError.write(Data("\(file): \(p)\n".utf8)) }
            print("\(rows.count) rows read: \(outcome.changed.count) cases updated, \(outcome.unchanged) unchanged, \(problems.count) refused")
            if !problems.isEmpty {
                throw KCBXError(.input, "\(problems.count) row\(problems.count == 1 ? "" : "s") not imported (see above)", file: file)
            }
        }
    }
}
