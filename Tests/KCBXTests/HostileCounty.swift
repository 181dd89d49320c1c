import Foundation
import ZIPFoundation
#if canImport(Glibc)
import Glibc
#endif

/// A small county for the hostile-input corpus: 户籍 (CSV), 学籍 (CSV) and 缓学免学审批 (CSV), with one
/// child out of school (应入未入), one with a valid deferral, and the rest enrolled. Each case spoils one
/// thing in it — a file, a setting — and says what kcbx must do.
final class HostileCounty {
    let dir: URL
    /// The pipeline file's text; cases edit it with ``replace(_:_:)``.
    var yaml: String
    /// Every ID number of the county: none may appear in a message, log line or stored run message.
    private(set) var ids: [String] = []
    var hukou: [[String]] = []
    var xueji: [[String]] = []
    var deferral: [[String]] = []

    static let hukouHeader = ["公民身份号码", "姓名", "性别", "出生日期", "乡镇街道"]
    static let xuejiHeader = ["身份证件号", "姓名", "性别", "出生日期", "学校标识码", "学籍状态"]
    static let deferralHeader = ["姓名", "身份证号", "审批类型", "批准日期", "有效期至"]
    static let names = ["李子豪", "王梓涵", "张一诺", "刘欣怡", "陈浩宇", "杨雨桐", "赵子墨", "黄诗涵", "周宇轩", "吴可馨",
                        "徐梓睿", "孙语桐", "胡俊熙", "朱若汐", "高子轩", "林佳怡", "何明哲", "郭萱", "马思远", "罗梓萱"]

    init() {
        dir = TestSupport.temporaryDirectory("kcbx-hostile")
        yaml = """
        name: 对抗样本县 2026年11月比对核查
        district: {code: "370783", name: 示例县, towns: [城关街道, 东城街道]}
        as_of: 2026-11-30
        store: state/kcbx.sqlite
        output: out/
        sources:
          - name: 公安户籍
            role: hukou
            path: data/hukou.csv
            columns: {id_number: 公民身份号码, name: 姓名, sex: 性别, birth_date: 出生日期, town: 乡镇街道}
          - name: 学籍
            role: student_status
            path: data/xueji.csv
            columns: {id_number: 身份证件号, name: 姓名, sex: 性别, birth_date: 出生日期, school_code: 学校标识码, status: 学籍状态}
          - name: 缓学免学审批
            role: deferral
            path: data/huanxue.csv
            columns: {name: 姓名, id_number: 身份证号, deferral_type: 审批类型, approved_on: 批准日期, valid_until: 有效期至}
        rules: {max_reject_rate: 0.5}

        """
        for (k, name) in Self.names.enumerated() {
            let birth = String(format: "%04d%02d%02d", 2012 + k % 8, 1 + k % 12, 1 + (k * 7) % 28)
            let sex = k % 2 == 0 ? "男" : "女"
            let id = Self.idNumber(region: "370783", birth: birth, sequence: 100 + 2 * k + (k % 2 == 0 ? 1 : 0))
            ids.append(id)
            let date = "\(birth.prefix(4))-\(birth.dropFirst(4).prefix(2))-\(birth.suffix(2))"
            hukou.append([id, name, sex, date, k % 2 == 0 ? "城关街道" : "东城街道"])
            // Child 0 is out of school (应入未入); child 1 has a deferral (延缓入学) still valid.
            if k > 1 { xueji.append([id, name, sex, date, "2137078301", "正常在读"]) }
        }
        deferral.append([Self.names[1], ids[1], "延缓入学", "2026-07-25", "2027-08-31"])
        let adult = Self.idNumber(region: "370783", birth: "19850312", sequence: 211)
        ids.append(adult)
        hukou.append([adult, "李建国", "男", "1985-03-12", "城关街道"])
    }

    /// Removed when done, unless KCBX_KEEP_HOSTILE is set (to look at a case's files and outputs).
    deinit { if ProcessInfo.processInfo.environment["KCBX_KEEP_HOSTILE"] == nil { try? FileManager.default.removeItem(at: dir) } }

    /// An 18-character resident ID number with its check character.
    static func idNumber(region: String, birth: String, sequence: Int) -> String {
        let first17 = region + birth + String(format: "%03d", sequence)
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(first17, weights).reduce(0) { $0 + Int(String($1.0))! * $1.1 }
        return first17 + String(Array("10X98765432")[sum % 11])
    }

    func url(_ path: String) -> URL { dir.appendingPathComponent(path) }

    /// Writes the pipeline file and the three exports as they stand.
    func writeAll() throws {
        try FileManager.default.createDirectory(at: url("data"), withIntermediateDirectories: true)
        try yaml.write(to: url("pipeline.yaml"), atomically: true, encoding: .utf8)
        try write("data/hukou.csv", Self.csv([Self.hukouHeader] + hukou))
        try write("data/xueji.csv", Self.csv([Self.xuejiHeader] + xueji))
        try write("data/huanxue.csv", Self.csv([Self.deferralHeader] + deferral))
    }

    func replace(_ old: String, _ new: String) {
        precondition(yaml.contains(old), "the pipeline file has no `\(old)`")
        yaml = yaml.replacingOccurrences(of: old, with: new)
    }

    func write(_ path: String, _ bytes: [UInt8]) throws {
        let target = url(path)
        try? FileManager.default.removeItem(at: target)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: target)
    }

    func write(_ path: String, _ text: String) throws { try write(path, Array(text.utf8)) }

    /// Rows as CSV text (quoted where needed), lines ending in `\n`.
    static func csv(_ rows: [[String]]) -> String {
        rows.map { row in
            row.map { v in v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : v }
                .joined(separator: ",")
        }.joined(separator: "\n") + "\n"
    }

    /// `bytes` gzipped by the system's gzip.
    static func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "gzip -c -6"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let writer = Thread { input.fileHandleForWriting.write(Data(bytes)); try? input.fileHandleForWriting.close() }
        writer.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Array(data)
    }

    /// A workbook with one sheet `名单` whose XML is `sheetData` (rows of cells), and `sharedStrings` when given.
    static func xlsx(sheetData: String, sharedStrings: String? = nil) throws -> [UInt8] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kcbx-hostile-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: file) }
        let archive = try Archive(url: file, accessMode: .create)
        var parts: [(String, String)] = [
            ("[Content_Types].xml", #"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"#),
            ("xl/workbook.xml", #"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="名单" sheetId="1" r:id="rId1"/></sheets></workbook>"#),
            ("xl/_rels/workbook.xml.rels", #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#),
            ("xl/worksheets/sheet1.xml", #"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"# + sheetData + "</sheetData></worksheet>"),
        ]
        if let sharedStrings { parts.append(("xl/sharedStrings.xml", sharedStrings)) }
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return Array(try Data(contentsOf: file))
    }

    /// Rows as inline-string cells of a sheet; a value starting with `#` is written as a number cell.
    static func sheetRows(_ rows: [[String]]) -> String {
        rows.enumerated().map { r, row in
            "<row r=\"\(r + 1)\">" + row.enumerated().map { c, v in
                let ref = String(UnicodeScalar(UInt8(65 + c))) + "\(r + 1)"
                return v.hasPrefix("#") ? "<c r=\"\(ref)\"><v>\(v.dropFirst())</v></c>"
                    : "<c r=\"\(ref)\" t=\"inlineStr\"><is><t>\(v)</t></is></c>"
            }.joined() + "</row>"
        }.joined()
    }

    /// The 学籍 export as XML (`<学籍><学生>…</学生></学籍>`), and the pipeline switched to it.
    func useXMLStudentStatus(_ xml: String? = nil) throws {
        var records = ""
        for row in xueji {
            let fields = zip(Self.xuejiHeader, row).map { (name: String, value: String) -> String in "<\(name)>\(value)</\(name)>" }
            records += "  <学生>" + fields.joined() + "</学生>\n"
        }
        let body = xml ?? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<学籍>\n" + records + "</学籍>\n"
        try write("data/xueji.xml", body)
        replace("path: data/xueji.csv", "path: data/xueji.xml\n    record: 学生")
    }

    /// The 学籍 export as XLSX built from `sheetData`, and the pipeline switched to it.
    func useXLSXStudentStatus(sheetData: String? = nil, sharedStrings: String? = nil, sheet: String = "名单") throws {
        try write("data/xueji.xlsx", try Self.xlsx(sheetData: sheetData ?? Self.sheetRows([Self.xuejiHeader] + xueji), sharedStrings: sharedStrings))
        replace("path: data/xueji.csv", "path: data/xueji.xlsx\n    sheet: \(sheet)")
    }
}
