import Foundation
import Testing
import KCBXStore
#if canImport(Glibc)
import Glibc
#endif

/// One hostile input or configuration mistake, and what kcbx must do with it (issue 14): the exit code
/// of `validate` and of `run`, a fragment of the message, the rows rejected per source when the run goes
/// through, and anything else to check in the outputs.
struct HostileCase: Sendable, CustomTestStringConvertible {
    let name: String
    /// Spoils the county (files are written before and after: edit the rows before, overwrite files after).
    var before: @Sendable (HostileCounty) throws -> Void = { _ in }
    var after: @Sendable (HostileCounty) throws -> Void = { _ in }
    /// Exit codes: validate, run.
    let exits: (validate: Int32, run: Int32)
    /// Expected in what the failing command printed (or, when both succeed, in what run printed).
    var message: String? = nil
    /// Rows rejected per source, when the run succeeds.
    var rejects: [String: Int] = [:]
    /// Further checks on the outputs folder of the period (when the run succeeds).
    var outputs: (@Sendable (URL) throws -> Void)? = nil
    /// A good run first (for arrival checks against the last good run).
    var goodRunFirst = false

    var testDescription: String { name }

    init(_ name: String, validate: Int32, run: Int32, message: String? = nil, rejects: [String: Int] = [:],
         goodRunFirst: Bool = false,
         before: @escaping @Sendable (HostileCounty) throws -> Void = { _ in },
         after: @escaping @Sendable (HostileCounty) throws -> Void = { _ in },
         outputs: (@Sendable (URL) throws -> Void)? = nil) {
        self.name = name; self.exits = (validate, run); self.message = message; self.rejects = rejects
        self.goodRunFirst = goodRunFirst; self.before = before; self.after = after; self.outputs = outputs
    }
}

/// Text that must never be printed or stored: file content that is not an export.
let forbiddenContent = ["root:x:0:0", "root:", "daemon:", "/bin/bash", "/usr/sbin/nologin"]

enum HostileCorpus {
    static let hukou = "公安户籍", xueji = "学籍", deferral = "缓学免学审批"

    /// The 户籍 export rows with `value` in column `column` of the first child's row.
    static func spoilName(_ value: String) -> @Sendable (HostileCounty) throws -> Void {
        { county in county.hukou[3][1] = value }
    }

    static func file(_ path: String, _ bytes: @escaping @Sendable (HostileCounty) throws -> [UInt8]) -> @Sendable (HostileCounty) throws -> Void {
        { county in try county.write(path, try bytes(county)) }
    }

    static func config(_ old: String, _ new: String) -> @Sendable (HostileCounty) throws -> Void {
        { county in county.replace(old, new) }
    }

    /// The start of a PNG picture: its signature and header chunk.
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0]
        + [UInt8](repeating: 7, count: 100)

    static func csvText(_ county: HostileCounty) -> String { HostileCounty.csv([HostileCounty.hukouHeader] + county.hukou) }

    static let cases: [HostileCase] = [
        // MARK: broken exports
        HostileCase("police export holding only its header row", validate: 2, run: 2, message: "holds no data rows",
                    after: file("data/hukou.csv") { _ in Array((HostileCounty.hukouHeader.joined(separator: ",") + "\n").utf8) }),
        HostileCase("police export of blank lines, gzipped", validate: 2, run: 2, message: "holds no data rows",
                    before: config("path: data/hukou.csv", "path: data/hukou.csv.gz"),
                    after: file("data/hukou.csv.gz") { _ in try HostileCounty.gzip(Array((HostileCounty.hukouHeader.joined(separator: ",") + "\n" + String(repeating: "\n", count: 100_000)).utf8)) }),
        HostileCase("empty file", validate: 2, run: 2, message: "empty file", after: file("data/hukou.csv") { _ in [] }),
        HostileCase("export without its header row", validate: 2, run: 2, message: "not shown",
                    after: file("data/hukou.csv") { c in Array(HostileCounty.csv(c.hukou).utf8) }),
        HostileCase("shrunk by more than max_row_drop since the last good run", validate: 2, run: 2, message: "more than rules.max_row_drop",
                    goodRunFirst: true, after: file("data/hukou.csv") { c in Array(HostileCounty.csv([HostileCounty.hukouHeader] + c.hukou.prefix(8)).utf8) }),
        HostileCase("shrunk within a raised max_row_drop", validate: 0, run: 0, goodRunFirst: true,
                    after: { c in
                        try c.write("data/hukou.csv", HostileCounty.csv([HostileCounty.hukouHeader] + c.hukou.prefix(15)))
                        c.replace("rules: {max_reject_rate: 0.5}", "rules: {max_reject_rate: 0.5, max_row_drop: 0.5}")
                        try c.yaml.write(to: c.url("pipeline.yaml"), atomically: true, encoding: .utf8)
                    }),
        HostileCase("truncated gzip", validate: 2, run: 2, message: "truncated gzip",
                    before: config("path: data/hukou.csv", "path: data/hukou.csv.gz"),
                    after: file("data/hukou.csv.gz") { c in let z = try HostileCounty.gzip(Array(csvText(c).utf8)); return Array(z.prefix(z.count * 2 / 3)) }),
        HostileCase("corrupt gzip", validate: 2, run: 2, message: "corrupt gzip",
                    before: config("path: data/hukou.csv", "path: data/hukou.csv.gz"),
                    after: file("data/hukou.csv.gz") { c in var z = try HostileCounty.gzip(Array(csvText(c).utf8)); for i in 20..<40 { z[i] ^= 0x5A }; return z }),
        HostileCase("gzip with garbage after its end", validate: 2, run: 2, message: "unexpected data after the end",
                    before: config("path: data/hukou.csv", "path: data/hukou.csv.gz"),
                    after: file("data/hukou.csv.gz") { c in try HostileCounty.gzip(Array(csvText(c).utf8)) + Array("garbage".utf8) }),
        HostileCase("gzip of 120 MB of blank lines (inflation ratio)", validate: 2, run: 2, message: "inflates to more than",
                    before: config("path: data/hukou.csv", "path: data/hukou.csv.gz"),
                    after: file("data/hukou.csv.gz") { c in try HostileCounty.gzip(Array(csvText(c).utf8) + [UInt8](repeating: 0x0A, count: 120 << 20)) }),
        HostileCase("gzip past rules.max_inflated_mb", validate: 2, run: 2, message: "rules.max_inflated_mb",
                    before: { c in c.replace("path: data/hukou.csv", "path: data/hukou.csv.gz"); c.replace("max_reject_rate: 0.5", "max_reject_rate: 0.5, max_inflated_mb: 1") },
                    after: file("data/hukou.csv.gz") { c in try HostileCounty.gzip(Array(csvText(c).utf8) + [UInt8](repeating: 0x0A, count: 3 << 20)) }),
        HostileCase("gzip named .csv (recognised by its bytes)", validate: 0, run: 0, rejects: [hukou: 0],
                    after: file("data/hukou.csv") { c in try HostileCounty.gzip(Array(csvText(c).utf8)) }),
        HostileCase("unclosed quote", validate: 2, run: 2, message: "unterminated quoted field",
                    after: file("data/hukou.csv") { c in Array((csvText(c) + "\"370783,未闭合\n").utf8) }),
        HostileCase("record longer than the record limit", validate: 2, run: 2, message: "record longer than",
                    after: file("data/hukou.csv") { c in Array((csvText(c) + "\"" + String(repeating: "甲", count: 3_000_000)).utf8) }),
        HostileCase("binary file", validate: 2, run: 2, message: "binary content",
                    after: file("data/hukou.csv") { _ in png }),
        HostileCase("binary content after a UTF-8 byte-order mark", validate: 2, run: 2, message: "after the UTF-8 byte-order mark",
                    after: file("data/hukou.csv") { _ in [0xEF, 0xBB, 0xBF] + png }),
        HostileCase("zip archive given as CSV", validate: 2, run: 2, message: "zip archive",
                    after: file("data/hukou.csv") { c in try HostileCounty.xlsx(sheetData: HostileCounty.sheetRows([HostileCounty.hukouHeader] + c.hukou)) }),
        HostileCase("mapped column missing", validate: 2, run: 2, message: "missing column `公民身份号码`",
                    after: file("data/hukou.csv") { c in Array(csvText(c).replacingOccurrences(of: "公民身份号码", with: "身份号码").utf8) }),
        HostileCase("semicolon-delimited file declared comma", validate: 2, run: 2, message: "missing column",
                    before: config("path: data/hukou.csv", "path: data/hukou.csv\n    delimiter: \",\""),
                    after: file("data/hukou.csv") { c in Array(csvText(c).replacingOccurrences(of: ",", with: ";").utf8) }),
        HostileCase("semicolon-delimited file sniffed", validate: 0, run: 0, rejects: [hukou: 0],
                    after: file("data/hukou.csv") { c in Array(csvText(c).replacingOccurrences(of: ",", with: ";").utf8) }),
        HostileCase("CR-only line ends and CRLF", validate: 0, run: 0, rejects: [hukou: 0, xueji: 0],
                    after: { c in
                        try c.write("data/hukou.csv", csvText(c).replacingOccurrences(of: "\n", with: "\r"))
                        try c.write("data/xueji.csv", HostileCounty.csv([HostileCounty.xuejiHeader] + c.xueji).replacingOccurrences(of: "\n", with: "\r\n"))
                    }),
        HostileCase("row with a field too many and a field too few", validate: 0, run: 0, rejects: [hukou: 2],
                    before: { c in c.hukou[4].append("多余"); c.hukou[5].removeLast() }),
        HostileCase("rows whose mapped fields are all empty or blank", validate: 0, run: 0, rejects: [hukou: 2],
                    before: { c in c.hukou.append(["", "", "", "", ""]); c.hukou.append([" ", "\u{3000}", "", "", ""]) }),

        // MARK: encodings
        HostileCase("UTF-8 row in a file declared GB18030 (郭萱 → 閮惐)", validate: 0, run: 0, message: "text in UTF-8 in a file read as GB18030",
                    rejects: [hukou: 1],
                    before: config("path: data/hukou.csv", "path: data/hukou.csv\n    encoding: gb18030"),
                    after: file("data/hukou.csv") { c in
                        // Every row in GB18030 but child 17's (郭萱), left in UTF-8.
                        let rows = [HostileCounty.hukouHeader] + c.hukou
                        var bytes: [UInt8] = []
                        for (k, row) in rows.enumerated() {
                            let line = HostileCounty.csv([row])
                            bytes += k == 18 ? Array(line.utf8) : try gb18030(line)
                        }
                        return bytes
                    }),
        HostileCase("GB18030 file read with auto-detection", validate: 0, run: 0, rejects: [hukou: 0],
                    after: file("data/hukou.csv") { c in try gb18030(csvText(c)) }),
        HostileCase("GB18030 file with bytes invalid in GB18030", validate: 0, run: 0, message: "not valid GB18030", rejects: [hukou: 1],
                    after: file("data/hukou.csv") { c in
                        var bytes = try gb18030(csvText(c))
                        let line = try #require(bytes.indices.filter { bytes[$0] == 0x0A }.dropFirst(5).first)
                        bytes.insert(contentsOf: [0x81, 0x20], at: line - 3)
                        return bytes
                    }),
        HostileCase("invalid UTF-8 in a UTF-8 file", validate: 0, run: 0, message: "not valid UTF-8", rejects: [hukou: 1],
                    before: config("path: data/hukou.csv", "path: data/hukou.csv\n    encoding: utf-8"),
                    after: file("data/hukou.csv") { c in
                        var bytes = Array(csvText(c).utf8)
                        let line = try #require(bytes.indices.filter { bytes[$0] == 0x0A }.dropFirst(6).first)
                        bytes.insert(contentsOf: [0xC3, 0x28], at: line - 3)
                        return bytes
                    }),
        HostileCase("UTF-16LE with byte-order mark", validate: 0, run: 0, rejects: [hukou: 0],
                    after: file("data/hukou.csv") { c in [0xFF, 0xFE] + Array(csvText(c).utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }),
        HostileCase("UTF-8 with byte-order mark", validate: 0, run: 0, rejects: [hukou: 0],
                    after: file("data/hukou.csv") { c in [0xEF, 0xBB, 0xBF] + Array(csvText(c).utf8) }),

        // MARK: text altered or passed through
        HostileCase("NUL in a name", validate: 0, run: 0, message: "U+0000", rejects: [hukou: 1], before: spoilName("张\u{0}三")),
        HostileCase("control character in a name", validate: 0, run: 0, message: "U+0007", rejects: [hukou: 1], before: spoilName("张\u{7}三")),
        HostileCase("DEL in a name", validate: 0, run: 0, message: "U+007F", rejects: [hukou: 1], before: spoilName("张\u{7F}三")),
        HostileCase("C1 control character in a name", validate: 0, run: 0, message: "U+0085", rejects: [hukou: 1], before: spoilName("张\u{85}三")),
        HostileCase("right-to-left override in a name", validate: 0, run: 0, message: "U+202E", rejects: [hukou: 1], before: spoilName("张\u{202E}三")),
        HostileCase("left-to-right isolate in a name", validate: 0, run: 0, message: "U+2066", rejects: [hukou: 1], before: spoilName("\u{2066}张三")),
        HostileCase("right-to-left mark in a town", validate: 0, run: 0, message: "U+200F", rejects: [hukou: 1], before: { c in c.hukou[6][4] = "城关\u{200F}街道" }),
        HostileCase("formula names reach no output live", validate: 0, run: 0, rejects: [hukou: 0],
                    before: { c in
                        c.hukou[0][1] = "=cmd|'/c calc'!A1"; c.hukou[2][1] = "+SUM(1,2)"; c.hukou[4][1] = "@SUM(1)"; c.hukou[6][1] = "-2+3+cmd"
                        c.xueji[0][1] = "+SUM(1,2)"; c.xueji[2][1] = "@SUM(1)"; c.xueji[4][1] = "-2+3+cmd"
                    },
                    outputs: { period in
                        for name in ["findings.csv", "persons.csv"] {
                            let rows = try TestSupport.csvRows(period.appendingPathComponent(name))
                            for row in rows.dropFirst() {
                                for cell in row where !cell.isEmpty {
                                    let first = cell.unicodeScalars.first!
                                    #expect(!["=", "+", "@", "\t", "\r"].contains(first) && !(first == "-" && Double(cell) == nil),
                                            "\(name): live formula `\(cell)`")
                                }
                            }
                        }
                        let findings = try String(contentsOf: period.appendingPathComponent("findings.csv"), encoding: .utf8)
                        #expect(findings.contains("'=cmd|"))
                    }),

        // MARK: unreadable is never a value
        HostileCase("deferral valid until 99999999", validate: 0, run: 0, rejects: [deferral: 0],
                    before: { c in c.deferral[0][4] = "99999999" },
                    outputs: { period in let names = try notEnrolled(period); #expect(names.contains(HostileCounty.names[1])) }),
        HostileCase("deferral valid until 2099-13-45", validate: 0, run: 0, rejects: [deferral: 0],
                    before: { c in c.deferral[0][4] = "2099-13-45" },
                    outputs: { period in let names = try notEnrolled(period); #expect(names.contains(HostileCounty.names[1])) }),
        HostileCase("a valid deferral keeps its child off 应入未入", validate: 0, run: 0,
                    outputs: { period in
                        let names = try notEnrolled(period)
                        #expect(names.contains(HostileCounty.names[0]) && !names.contains(HostileCounty.names[1]))
                    }),
        HostileCase("birth date that does not exist: the record keeps none, the child's is the ID's", validate: 0, run: 0,
                    rejects: [hukou: 0, xueji: 0],
                    before: { c in c.hukou[0][3] = "2012-02-30"; c.xueji[3][3] = "2015-02-30" },
                    outputs: { period in
                        // Child 0 is on 应入未入 born 2012-01-01 by the valid ID (one reading of the child: the rules, the
                        // lists and the bulletin alike); the record's own date stays unread (persons.csv shows no date).
                        let findings = try TestSupport.csvRows(period.appendingPathComponent("findings.csv"))
                        let row = try #require(findings.first { $0.count > 6 && $0[5] == HostileCounty.names[0] })
                        #expect(row[6] == "2012-01-01", "\(row)")
                    }),
        HostileCase("ID number Excel wrote as 3.70783E+17", validate: 0, run: 0, rejects: [hukou: 0],
                    before: { c in c.hukou[0][0] = "3.70783E+17" },
                    outputs: { period in
                        let persons = try String(contentsOf: period.appendingPathComponent("persons.csv"), encoding: .utf8)
                        #expect(persons.contains("3.70783E+17") && !persons.contains("370783000000000000"))
                        let findings = try String(contentsOf: period.appendingPathComponent("findings.csv"), encoding: .utf8)
                        #expect(!findings.contains("370783000000000000"))
                    }),
        HostileCase("ID number as a number cell of an XLSX", validate: 0, run: 0, rejects: [xueji: 0],
                    after: { c in
                        var rows = c.xueji
                        rows[0][0] = "#3.7078320140101E+17"
                        try c.useXLSXStudentStatus(sheetData: HostileCounty.sheetRows([HostileCounty.xuejiHeader] + rows))
                        try c.yaml.write(to: c.url("pipeline.yaml"), atomically: true, encoding: .utf8)
                    },
                    outputs: { period in
                        let persons = try String(contentsOf: period.appendingPathComponent("persons.csv"), encoding: .utf8)
                        #expect(persons.contains("3.7078320140101E+17") && !persons.contains("370783201401010000"))
                    }),

        // MARK: not a regular file
        HostileCase("symbolic link to /etc/passwd", validate: 2, run: 2, message: "not shown",
                    after: { c in try? FileManager.default.removeItem(at: c.url("data/hukou.csv")); try FileManager.default.createSymbolicLink(atPath: c.url("data/hukou.csv").path, withDestinationPath: "/etc/passwd") }),
        HostileCase("symbolic link to /etc/shadow", validate: 2, run: 2, message: "公民身份号码",
                    after: { c in try? FileManager.default.removeItem(at: c.url("data/hukou.csv")); try FileManager.default.createSymbolicLink(atPath: c.url("data/hukou.csv").path, withDestinationPath: "/etc/shadow") }),
        HostileCase("named pipe", validate: 2, run: 2, message: "named pipe",
                    after: { c in try? FileManager.default.removeItem(at: c.url("data/hukou.csv")); #expect(mkfifo(c.url("data/hukou.csv").path, 0o600) == 0) }),
        HostileCase("symbolic link to a device", validate: 2, run: 2, message: "a device",
                    after: { c in try? FileManager.default.removeItem(at: c.url("data/hukou.csv")); try FileManager.default.createSymbolicLink(atPath: c.url("data/hukou.csv").path, withDestinationPath: "/dev/zero") }),
        HostileCase("folder instead of a file", validate: 2, run: 2, message: "a folder",
                    after: { c in try? FileManager.default.removeItem(at: c.url("data/hukou.csv")); try FileManager.default.createDirectory(at: c.url("data/hukou.csv"), withIntermediateDirectories: true) }),
        HostileCase("dangling symbolic link", validate: 2, run: 2, message: "file not found",
                    after: { c in try? FileManager.default.removeItem(at: c.url("data/hukou.csv")); try FileManager.default.createSymbolicLink(atPath: c.url("data/hukou.csv").path, withDestinationPath: "/nonexistent/hukou.csv") }),
        HostileCase("file not found", validate: 2, run: 2, message: "file not found",
                    after: { c in try FileManager.default.removeItem(at: c.url("data/huanxue.csv")) }),

        // MARK: XML
        HostileCase("学籍 as XML", validate: 0, run: 0, rejects: [xueji: 0], after: { c in try c.useXMLStudentStatus(); try c.saveConfig() }),
        HostileCase("truncated XML", validate: 2, run: 2, message: "学籍",
                    after: { c in
                        try c.useXMLStudentStatus(); try c.saveConfig()
                        let xml = try String(contentsOf: c.url("data/xueji.xml"), encoding: .utf8)
                        try c.write("data/xueji.xml", String(xml.prefix(xml.count * 2 / 3)))
                    }),
        HostileCase("XML entity expansion (billion laughs)", validate: 2, run: 2, message: "entit",
                    after: { c in
                        try c.useXMLStudentStatus("<?xml version=\"1.0\"?>\n<!DOCTYPE 学籍 [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>\n<学籍><学生><姓名>&c;</姓名></学生></学籍>\n")
                        try c.saveConfig()
                    }),
        HostileCase("XML external entity (file:///etc/passwd)", validate: 2, run: 2, message: "entit",
                    after: { c in
                        try c.useXMLStudentStatus("<?xml version=\"1.0\"?>\n<!DOCTYPE 学籍 [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<学籍><学生><姓名>&x;</姓名><身份证件号>1</身份证件号></学生></学籍>\n")
                        try c.saveConfig()
                    }),
        HostileCase("XML nested 5,000 levels deep", validate: 2, run: 2, message: "deeper than",
                    after: { c in
                        try c.useXMLStudentStatus("<?xml version=\"1.0\"?>\n<学籍><学生><姓名>" + String(repeating: "<a>", count: 5000) + "x" + String(repeating: "</a>", count: 5000) + "</姓名></学生></学籍>\n")
                        try c.saveConfig()
                    }),
        HostileCase("XML element nested inside a field is not merged into it", validate: 0, run: 0, rejects: [xueji: 0],
                    after: { c in
                        var rows = c.xueji
                        rows[0][1] = rows[0][1] + "<b>恶意</b>"
                        try c.useXMLStudentStatus("<?xml version=\"1.0\"?>\n<学籍>" + rows.map { row in
                            "<学生>" + zip(HostileCounty.xuejiHeader, row).map { "<\($0)>\($1)</\($0)>" }.joined() + "</学生>"
                        }.joined() + "</学籍>\n")
                        try c.saveConfig()
                    },
                    outputs: { period in
                        let persons = try String(contentsOf: period.appendingPathComponent("findings.csv"), encoding: .utf8)
                        #expect(!persons.contains("恶意"))
                    }),
        HostileCase("XML without its record element", validate: 2, run: 2, message: "学生",
                    after: { c in try c.useXMLStudentStatus("<?xml version=\"1.0\"?>\n<学籍><学员><姓名>张三</姓名></学员></学籍>\n"); try c.saveConfig() }),
        HostileCase("XML declaring an unknown encoding", validate: 2, run: 2, message: "EBCDIC",
                    after: { c in try c.useXMLStudentStatus("<?xml version=\"1.0\" encoding=\"EBCDIC-CP-US\"?>\n<学籍><学生><姓名>张三</姓名></学生></学籍>\n"); try c.saveConfig() }),
        HostileCase("not XML at all", validate: 2, run: 2, message: "学籍",
                    after: { c in try c.useXMLStudentStatus("身份证件号,姓名\n370783,张三\n"); try c.saveConfig() }),

        // MARK: XLSX
        HostileCase("学籍 as XLSX", validate: 0, run: 0, rejects: [xueji: 0], after: { c in try c.useXLSXStudentStatus(); try c.saveConfig() }),
        HostileCase("XLSX that is not a zip", validate: 2, run: 2, message: "not a zip archive",
                    after: { c in try c.useXLSXStudentStatus(); try c.saveConfig(); try c.write("data/xueji.xlsx", "身份证件号,姓名\n") }),
        HostileCase("XLSX that is an Excel 97-2003 file", validate: 2, run: 2, message: "Excel 97-2003",
                    after: { c in try c.useXLSXStudentStatus(); try c.saveConfig(); try c.write("data/xueji.xlsx", [0xD0, 0xCF, 0x11, 0xE0] + [UInt8](repeating: 0, count: 600)) }),
        HostileCase("truncated XLSX", validate: 2, run: 2, message: "XLSX",
                    after: { c in try c.useXLSXStudentStatus(); try c.saveConfig(); let b = try Array(Data(contentsOf: c.url("data/xueji.xlsx"))); try c.write("data/xueji.xlsx", Array(b.prefix(b.count / 2))) }),
        HostileCase("XLSX without the named sheet", validate: 2, run: 2, message: "no sheet named `学生名单`",
                    after: { c in try c.useXLSXStudentStatus(sheet: "学生名单"); try c.saveConfig() }),
        HostileCase("XLSX whose shared strings inflate past the limit", validate: 2, run: 2, message: "zip-bomb guard",
                    after: { c in
                        let header = HostileCounty.xuejiHeader.indices.map { (k: Int) -> String in "<c r=\"\(String(UnicodeScalar(UInt8(65 + k))))1\" t=\"s\"><v>0</v></c>" }.joined()
                        try c.useXLSXStudentStatus(sheetData: "<row r=\"1\">\(header)</row>",
                                                   sharedStrings: "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">" + String(repeating: "<si><t>a</t></si>", count: 4_500_000) + "</sst>")
                        try c.saveConfig()
                    }),
        HostileCase("XLSX cell pointing past the shared strings", validate: 2, run: 2, message: "shared string",
                    after: { c in
                        try c.useXLSXStudentStatus(sheetData: HostileCounty.sheetRows([HostileCounty.xuejiHeader] + c.xueji) + "<row r=\"99\"><c r=\"A99\" t=\"s\"><v>12345</v></c></row>",
                                                   sharedStrings: "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>a</t></si></sst>")
                        try c.saveConfig()
                    }),
        HostileCase("XLSX with only a header row", validate: 2, run: 2, message: "holds no data rows",
                    after: { c in try c.useXLSXStudentStatus(sheetData: HostileCounty.sheetRows([HostileCounty.xuejiHeader])); try c.saveConfig() }),

        // MARK: pipeline-file mistakes
        HostileCase("as_of 1900-01-01", validate: 2, run: 2, message: "`as_of`", before: config("as_of: 2026-11-30", "as_of: 1900-01-01")),
        HostileCase("as_of 2101-01-01", validate: 2, run: 2, message: "`as_of`", before: config("as_of: 2026-11-30", "as_of: 2101-01-01")),
        HostileCase("as_of not a date", validate: 2, run: 2, message: "`as_of`", before: config("as_of: 2026-11-30", "as_of: 2026-02-30")),
        HostileCase("as_of missing: today, and the log says so", validate: 0, run: 0, message: "`as_of` is not set", before: config("as_of: 2026-11-30\n", "")),
        HostileCase("duplicate key", validate: 2, run: 2, message: "given twice in the same mapping, on lines 3 and 5",
                    before: config("store: state/kcbx.sqlite\n", "store: state/kcbx.sqlite\nas_of: 2026-10-31\n")),
        HostileCase("duplicate key inside a source", validate: 2, run: 2, message: "`path` is given twice",
                    before: config("path: data/huanxue.csv\n", "path: data/huanxue.csv\n    path: data/other.csv\n")),
        HostileCase("pipeline file {}", validate: 2, run: 2, message: "holds no settings", before: { c in c.yaml = "{}\n" }),
        HostileCase("empty pipeline file", validate: 2, run: 2, message: "is empty", before: { c in c.yaml = "" }),
        HostileCase("pipeline file that is a list", validate: 2, run: 2, message: "expected a mapping", before: { c in c.yaml = "- a\n- b\n" }),
        HostileCase("pipeline file that is not UTF-8", validate: 2, run: 2, message: "not UTF-8",
                    after: { c in try c.write("pipeline.yaml", try gb18030(c.yaml) + [0xFF, 0xFE]) }),
        HostileCase("YAML syntax error", validate: 2, run: 2, message: "line", before: config("rules: {max_reject_rate: 0.5}", "rules: {max_reject_rate: [0.5}")),
        HostileCase("tab indentation", validate: 2, run: 2, message: "YAML", before: config("    role: hukou", "\trole: hukou")),
        HostileCase("school_age.cutoff 02-29", validate: 2, run: 2, message: "02-29", before: config("output: out/", "output: out/\nschool_age: {cutoff: \"02-29\"}")),
        HostileCase("school_age.min_age 20", validate: 2, run: 2, message: "school_age.min_age", before: config("output: out/", "output: out/\nschool_age: {min_age: 20}")),
        HostileCase("misspelt privacy.mask_ids_in", validate: 2, run: 2, message: "did you mean `town_lists`", before: config("output: out/", "output: out/\nprivacy: {mask_ids_in: [town_list]}")),
        HostileCase("privacy.mask_ids_in not a list", validate: 2, run: 2, message: "expected a list", before: config("output: out/", "output: out/\nprivacy: {mask_ids_in: town_lists}")),
        HostileCase("unknown blocking key", validate: 2, run: 2, message: "is not a blocking key", before: config("output: out/", "output: out/\nlinkage: {blocking: [birth_date+colour]}")),
        HostileCase("review threshold above auto threshold", validate: 2, run: 2, message: "review_threshold", before: config("output: out/", "output: out/\nlinkage: {auto_threshold: 0.5, review_threshold: 0.9}")),
        HostileCase("threshold not a number", validate: 2, run: 2, message: "linkage.auto_threshold", before: config("output: out/", "output: out/\nlinkage: {auto_threshold: high}")),
        HostileCase("max_row_drop above 1", validate: 2, run: 2, message: "rules.max_row_drop", before: config("max_reject_rate: 0.5", "max_reject_rate: 0.5, max_row_drop: 1.5")),
        HostileCase("unknown top-level key", validate: 2, run: 2, message: "did you mean `sources`", before: config("sources:", "source:")),
        HostileCase("unknown role", validate: 2, run: 2, message: "did you mean `hukou`", before: config("role: hukou", "role: hukuo")),
        HostileCase("unknown canonical field", validate: 2, run: 2, message: "not a canonical field", before: config("sex: 性别, birth_date: 出生日期, town:", "sex: 性别, birthday: 出生日期, town:")),
        HostileCase("source name used twice", validate: 2, run: 2, message: "used twice", before: config("name: 缓学免学审批", "name: 学籍")),
        HostileCase("no sources", validate: 2, run: 2, message: "at least one source", before: { c in c.yaml = c.yaml.components(separatedBy: "sources:")[0] + "sources: []\nrules: {max_reject_rate: 0.5}\n" }),
        HostileCase("XML source without record", validate: 2, run: 2, message: "`record` is missing", before: config("path: data/xueji.csv", "path: data/xueji.xml")),
        HostileCase("district code not 6 digits", validate: 2, run: 2, message: "district.code", before: config("code: \"370783\"", "code: \"3707\"")),
        HostileCase("reject rate over the limit", validate: 2, run: 2, message: "above rules.max_reject_rate",
                    before: { c in c.replace("max_reject_rate: 0.5", "max_reject_rate: 0.01"); c.hukou[4].append("多余") }),
        // MARK: a pipeline file that validates never traps in run: values at the ends of their ranges
        HostileCase("thresholds at their ends", validate: 0, run: 0, before: config("output: out/", "output: out/\nlinkage: {auto_threshold: 1, review_threshold: 0}")),
        HostileCase("thresholds both zero", validate: 0, run: 0, before: config("output: out/", "output: out/\nlinkage: {auto_threshold: 0, review_threshold: 0}")),
        HostileCase("one blocking rule", validate: 0, run: 0, before: config("output: out/", "output: out/\nlinkage: {blocking: [id_variants]}")),
        HostileCase("school age of one year", validate: 0, run: 0, before: config("output: out/", "output: out/\nschool_age: {cutoff: \"01-01\", min_age: 10, max_age: 10}")),
        HostileCase("cutoff on the last day of the year", validate: 0, run: 0, before: config("output: out/", "output: out/\nschool_age: {cutoff: \"12-31\", min_age: 3, max_age: 18}")),
        HostileCase("rules at their ends", validate: 0, run: 0,
                    before: config("rules: {max_reject_rate: 0.5}", "rules: {max_reject_rate: 1, max_row_drop: 0, dropout_absence_days: 1, max_inflated_mb: 1}")),
        HostileCase("targets at zero and one, every output masked", validate: 0, run: 0,
                    before: config("output: out/", "output: out/\ntargets: {primary_enrolment: 0, junior_enrolment: 1, consolidation: 0, disabled_enrolment: 1}\nprivacy: {mask_ids_in: [town_lists, police, schools, discrepancies, csv, ledger]}")),
        HostileCase("a district without towns and an as_of on 02-29", validate: 0, run: 0,
                    before: { c in c.replace("towns: [城关街道, 东城街道]", "towns: []"); c.replace("as_of: 2026-11-30", "as_of: 2028-02-29") }),
        HostileCase("only a deferral source", validate: 0, run: 0,
                    before: { c in c.yaml = c.yaml.components(separatedBy: "  - name: 公安户籍")[0] + "  - name: 缓学免学审批\n    role: deferral\n    path: data/huanxue.csv\n    columns: {name: 姓名, id_number: 身份证号, deferral_type: 审批类型, approved_on: 批准日期, valid_until: 有效期至}\nrules: {max_reject_rate: 0.5}\n" }),
        HostileCase("output folder under a file", validate: 2, run: 2, message: "output folder", before: config("output: out/", "output: pipeline.yaml/out/")),
        HostileCase("store under a file", validate: 2, run: 2, message: "store", before: config("store: state/kcbx.sqlite", "store: pipeline.yaml/kcbx.sqlite")),
    ]

    /// Names on 应入未入 (not_enrolled) in findings.csv.
    static func notEnrolled(_ period: URL) throws -> [String] {
        try TestSupport.csvRows(period.appendingPathComponent("findings.csv")).filter { $0.count > 5 && $0[1] == "not_enrolled" }.map { $0[5] }
    }

    static func gb18030(_ text: String) throws -> [UInt8] { Array(try XMLReaderTests.gb18030(text)) }
}

extension HostileCounty {
    func saveConfig() throws { try yaml.write(to: url("pipeline.yaml"), atomically: true, encoding: .utf8) }

    /// Every message the store kept: run and stage messages.
    func storedMessages() throws -> String {
        let url = url("state/kcbx.sqlite")
        guard FileManager.default.fileExists(atPath: url.path) else { return "" }
        let store = try Store(url: url)
        var messages: [String] = []
        for run in try store.runs(limit: 100) {
            messages += [run.message].compactMap { $0 }
            if let (_, _, stages) = try store.run(run.id) { messages += stages.compactMap(\.message) }
        }
        return messages.joined(separator: "\n")
    }
}

/// The corpus (issue 14): at least 60 hostile inputs and configuration mistakes, each run through the
/// built `kcbx validate` and `kcbx run` with its expected exit codes, message and rejects; everything
/// the cases print and store is scanned for ID numbers and for content of files that are not exports.
@Suite struct HostileCorpusTests {
    @Test func theCorpusHoldsAtLeastSixtyCases() {
        #expect(HostileCorpus.cases.count >= 60)
        #expect(Set(HostileCorpus.cases.map(\.name)).count == HostileCorpus.cases.count)
    }

    @Test(arguments: HostileCorpus.cases)
    func hostileCase(_ hostile: HostileCase) throws {
        // KCBX_HOSTILE_ONLY=<part of a name> runs only the matching cases (KCBX_KEEP_HOSTILE=1 keeps their folders).
        if let only = ProcessInfo.processInfo.environment["KCBX_HOSTILE_ONLY"], !hostile.name.contains(only) { return }
        let county = HostileCounty()
        try hostile.before(county)
        try county.writeAll()
        var printed = ""
        if hostile.goodRunFirst {
            let good = try TestSupport.run(["run", "pipeline.yaml", "--as-of", "2026-10-31"], in: county.dir)
            #expect(good.status == 0, "the good run first: \(good.stderr)")
            printed += good.stdout + good.stderr
        }
        try hostile.after(county)
        let validate = try TestSupport.run(["validate", "pipeline.yaml"], in: county.dir)
        printed += validate.stdout + validate.stderr
        #expect(validate.status == hostile.exits.validate, "validate: \(validate.stderr)")
        let run = try TestSupport.run(["run", "pipeline.yaml"], in: county.dir)
        printed += run.stdout + run.stderr
        #expect(run.status == hostile.exits.run, "run: \(run.stderr)")
        if let fragment = hostile.message, hostile.exits.validate != 0 || hostile.exits.run != 0 {
            let shown = hostile.exits.validate != 0 ? validate.stdout + validate.stderr : run.stderr
            #expect(shown.contains(fragment), "expected `\(fragment)` in: \(shown)")
            if hostile.exits.run != 0 { #expect(run.stderr.contains(fragment), "run: expected `\(fragment)` in: \(run.stderr)") }
        }
        defer { if ProcessInfo.processInfo.environment["KCBX_KEEP_HOSTILE"] != nil { print("\(hostile.name): \(county.dir.path)") } }
        // Where the run went through: rows read = accepted + rejected, and the rejects expected.
        // The period's outputs (2026-11, or today's month when as_of is missing).
        let periods = ((try? FileManager.default.contentsOfDirectory(atPath: county.url("out").path)) ?? []).filter { !$0.hasPrefix(".") && $0.first?.isNumber == true }.sorted()
        let period = county.url("out/" + (periods.last ?? "2026-11"))
        var rejectReasons = ""
        if run.status == 0, FileManager.default.fileExists(atPath: period.appendingPathComponent("manifest.json").path) {
            let manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: period.appendingPathComponent("manifest.json"))) as? [String: Any])
            for input in try #require(manifest["inputs"] as? [[String: Any]]) {
                let source = input["source"] as? String ?? ""
                let read = input["rows_read"] as? Int ?? -1, accepted = input["rows_accepted"] as? Int ?? -2, rejected = input["rows_rejected"] as? Int ?? -3
                #expect(read == accepted + rejected, "\(source): \(read) read, \(accepted) accepted, \(rejected) rejected")
                if let expected = hostile.rejects[source] { #expect(rejected == expected, "\(source): \(rejected) rows rejected") }
            }
            for file in (try? FileManager.default.contentsOfDirectory(at: period.appendingPathComponent("rejects"), includingPropertiesForKeys: nil)) ?? [] {
                let rows = try TestSupport.csvRows(file)
                if let reason = rows.first?.firstIndex(of: "reason") { rejectReasons += rows.dropFirst().map { $0.count > reason ? $0[reason] : "" }.joined(separator: "\n") }
            }
            if let fragment = hostile.message { #expect((run.stderr + rejectReasons).contains(fragment), "expected `\(fragment)` in the log or the reject reasons: \(rejectReasons)") }
            try hostile.outputs?(period)
        } else if hostile.exits.run == 0 {
            Issue.record("the run went through but wrote no manifest")
        }
        // Item 5: nothing printed or stored holds an ID number or the content of a file that is not an export.
        let stored = try county.storedMessages()
        for (what, text) in [("printed", printed), ("stored run messages", stored), ("reject reasons", rejectReasons)] {
            for id in county.ids { #expect(!text.contains(id), "\(what) hold an ID number") }
            #expect(text.range(of: #"[0-9]{15,}"#, options: .regularExpression) == nil, "\(what) hold a long number: \(text)")
            for content in forbiddenContent { #expect(!text.contains(content), "\(what) hold `\(content)`: \(text)") }
        }
    }
}
