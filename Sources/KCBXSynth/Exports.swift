import Foundation
import KCBXCore
import KCBXFormats
import KCBXSheets

/// Streams the 学籍 export as XML text: `<学籍导出><学生 学校标识码="…">…</学生></学籍导出>`, escaped,
/// through a buffer to a file handle (no DOM, bounded memory).
final class XMLExportWriter {
    private let handle: FileHandle
    private let path: String
    private var buffer: [UInt8] = []
    private static let flushSize = 1 << 20

    init(url: URL, root: String, attributes: [(String, String)]) throws(KCBXError) {
        path = url.path
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw KCBXError(.runFailed, "cannot create the file", file: path)
        }
        self.handle = handle
        buffer.reserveCapacity(XMLExportWriter.flushSize + 4096)
        append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<\(root)")
        for (k, v) in attributes { append(" \(k)=\""); appendEscaped(v); append("\"") }
        append(">\n")
    }

    @inline(__always) func append(_ s: String) { buffer.append(contentsOf: s.utf8) }

    /// Appends `s` with &, <, > and " escaped.
    func appendEscaped(_ s: String) {
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "&"): buffer.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): buffer.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): buffer.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): buffer.append(contentsOf: "&quot;".utf8)
            default: buffer.append(b)
            }
        }
    }

    /// One record element with an attribute and child elements, in order.
    func element(_ name: String, attribute: (String, String), children: KeyValuePairs<String, String>) throws(KCBXError) {
        append("  <\(name) \(attribute.0)=\""); appendEscaped(attribute.1); append("\">\n")
        for (k, v) in children {
            if v.isEmpty { append("    <\(k)/>\n"); continue }
            append("    <\(k)>"); appendEscaped(v); append("</\(k)>\n")
        }
        append("  </\(name)>\n")
        if buffer.count >= XMLExportWriter.flushSize { try flush() }
    }

    /// One record element with an attribute and child elements named `names`, with `values` in order.
    func element(_ name: String, attribute: (String, String), names: [String], values: [String]) throws(KCBXError) {
        append("  <\(name) \(attribute.0)=\""); appendEscaped(attribute.1); append("\">\n")
        for (k, v) in zip(names, values) {
            if v.isEmpty { append("    <\(k)/>\n"); continue }
            append("    <\(k)>"); appendEscaped(v); append("</\(k)>\n")
        }
        append("  </\(name)>\n")
        if buffer.count >= XMLExportWriter.flushSize { try flush() }
    }

    private func flush() throws(KCBXError) {
        do { try handle.write(contentsOf: buffer) } catch { throw KCBXError(.runFailed, "cannot write: \(error)", file: path) }
        buffer.removeAll(keepingCapacity: true)
    }

    func close(root: String) throws(KCBXError) {
        append("</\(root)>\n")
        try flush()
        do { try handle.close() } catch { throw KCBXError(.runFailed, "cannot close: \(error)", file: path) }
    }
}

/// The names of the sources in pipeline.yaml (the `source` column of truth/records.csv).
enum SourceName {
    static let hukou = "公安户籍", status = "学籍", poverty = "扶贫监测户", disability = "残联", welfare = "民政"
    static let justice = "司法", attendance = "学校考勤", deferral = "缓学免学审批", schools = "学校名录"
}

/// Every export of the county and the ground truth's record list, open for streaming.
final class Exports {
    let hukou: CSVWriter
    let status: XMLExportWriter
    let poverty: XLSXWorkbook
    let povertySheet: XLSXSheet
    let disability: CSVWriter
    let welfare: CSVWriter
    let justice: CSVWriter
    let attendance: CSVWriter
    let deferral: CSVWriter
    let records: CSVWriter
    let persons: CSVWriter
    let layout: Layout
    private let statusNames: [String]
    /// Records written so far per source (the next record number is count + 1).
    private(set) var counts: [String: Int] = [:]

    static let statusRoot = "学籍导出"
    static let hukouHeader = ["公民身份号码", "姓名", "性别", "出生日期", "民族", "户号", "户主姓名", "与户主关系", "住址", "乡镇街道",
                              "村居", "户口状态", "状态日期", "父亲姓名", "父亲公民身份号码", "母亲姓名", "母亲公民身份号码"]
    static let povertyHeader = ["户编号", "户主姓名", "成员姓名", "证件号码", "与户主关系", "在校情况", "出生日期", "联系电话"]
    static let disabilityHeader = ["姓名", "性别", "残疾人证号", "残疾类别", "残疾等级", "监护人", "住址", "乡镇", "安置情况", "联系电话"]
    static let welfareHeader = ["姓名", "身份证号", "救助类别", "监护人", "乡镇", "联系电话"]
    static let justiceHeader = ["子女姓名", "子女身份证号", "监护人", "服刑人员姓名"]
    static let attendanceHeader = ["学校标识码", "学生姓名", "身份证号", "连续缺课天数", "缺课原因", "最后到校日期"]
    static let deferralHeader = ["姓名", "身份证号", "审批类型", "批准日期", "有效期至"]
    static let schoolsHeader = ["学校标识码", "学校名称", "学段", "乡镇"]
    static let statusFields = ["全国学籍号", "身份证件类型", "身份证件号", "姓名", "性别", "出生日期", "学校名称", "年级", "班级",
                               "学籍状态", "就读方式", "监护人姓名", "户口所在地", "联系电话"]

    /// Paths relative to the output folder.
    enum Path {
        static let hukou = "data/police/hukou.csv.gz", status = "data/edu/xueji.xml", poverty = "data/poverty/jiance.xlsx"
        static let disability = "data/cdpf/canlian.csv", welfare = "data/civil/minzheng.csv", justice = "data/justice/sifa.csv"
        static let attendance = "data/edu/kaoqin.csv", deferral = "data/edu/huanxue.csv", schools = "data/edu/schools.csv"
    }

    init(root: URL, asOf: CivilDate, layout: Layout = Layout(.standard)) throws(KCBXError) {
        self.layout = layout
        statusNames = layout.status.map(\.header)
        let fm = FileManager.default
        for dir in ["data/police", "data/edu", "data/poverty", "data/cdpf", "data/civil", "data/justice", "truth"] {
            do { try fm.createDirectory(at: root.appendingPathComponent(dir), withIntermediateDirectories: true) } catch {
                throw KCBXError(.usage, "cannot create the folder: \(error.localizedDescription)", file: root.appendingPathComponent(dir).path)
            }
        }
        func url(_ p: String) -> URL { root.appendingPathComponent(p) }
        hukou = try CSVWriter(url: url(Path.hukou), encoding: .gb18030, gzip: true)
        try hukou.write(layout.hukou.map(\.header))
        status = try XMLExportWriter(url: url(Path.status), root: Exports.statusRoot,
                                     attributes: [("导出时间", asOf.description), ("区县代码", County.districtCode)])
        poverty = try XLSXWorkbook(url: url(Path.poverty), constantMemory: true)
        // A fixed creation time (the as-of day) keeps the file byte-identical for a seed.
        try poverty.setProperties(title: "防返贫监测户成员", author: "示例县乡村振兴局", created: asOf.daysSinceEpoch * 86_400)
        let ph = layout.poverty.map(\.header)
        povertySheet = try poverty.addSheet("监测户成员", columns: [
            XLSXColumn(ph[0]), XLSXColumn(ph[1]), XLSXColumn(ph[2]), XLSXColumn(ph[3], width: 22),
            XLSXColumn(ph[4]), XLSXColumn(ph[5]), XLSXColumn(ph[6], .date), XLSXColumn(ph[7], width: 18),
        ])
        disability = try CSVWriter(url: url(Path.disability), encoding: .utf8, delimiter: "\t")
        try disability.write(layout.disability.map(\.header))
        welfare = try CSVWriter(url: url(Path.welfare), encoding: .utf8BOM)
        try welfare.write(layout.welfare.map(\.header))
        justice = try CSVWriter(url: url(Path.justice), encoding: .utf8)
        try justice.write(layout.justice.map(\.header))
        attendance = try CSVWriter(url: url(Path.attendance), encoding: .gb18030)
        try attendance.write(layout.attendance.map(\.header))
        deferral = try CSVWriter(url: url(Path.deferral), encoding: .utf8BOM)
        try deferral.write(layout.deferral.map(\.header))
        records = try CSVWriter(url: url("truth/records.csv"), encoding: .utf8BOM)
        try records.write(["source", "record", "person_key"])
        persons = try CSVWriter(url: url("truth/persons.csv"), encoding: .utf8BOM)
        try persons.write(["person_key", "id_number", "name", "birth_date", "sex", "town", "kind"])
    }

    /// Counts a record of `source` for `person` and lists it in truth/records.csv.
    @inline(__always) private func note(_ source: String, _ person: inout PersonFacts) throws(KCBXError) {
        let n = (counts[source] ?? 0) + 1
        counts[source] = n
        person.records += 1
        try records.write([source, String(n), person.key])
    }

    func hukouRow(_ row: [String], _ person: inout PersonFacts) throws(KCBXError) {
        try hukou.write(row); try note(SourceName.hukou, &person)
    }
    /// A 学籍 record: `values` in the order of `Exports.statusFields` (the standard columns).
    func statusRecord(school: String, _ values: [String], _ person: inout PersonFacts) throws(KCBXError) {
        try status.element("学生", attribute: ("学校标识码", school), names: statusNames, values: values); try note(SourceName.status, &person)
    }
    func povertyRow(_ cells: [XLSXCell], _ person: inout PersonFacts) throws(KCBXError) {
        try povertySheet.append(cells); try note(SourceName.poverty, &person)
    }
    func disabilityRow(_ row: [String], _ person: inout PersonFacts) throws(KCBXError) {
        try disability.write(row); try note(SourceName.disability, &person)
    }
    func welfareRow(_ row: [String], _ person: inout PersonFacts) throws(KCBXError) {
        try welfare.write(row); try note(SourceName.welfare, &person)
    }
    func justiceRow(_ row: [String], _ person: inout PersonFacts) throws(KCBXError) {
        try justice.write(row); try note(SourceName.justice, &person)
    }
    func attendanceRow(_ row: [String], _ person: inout PersonFacts) throws(KCBXError) {
        try attendance.write(row); try note(SourceName.attendance, &person)
    }
    func deferralRow(_ row: [String], _ person: inout PersonFacts) throws(KCBXError) {
        try deferral.write(row); try note(SourceName.deferral, &person)
    }

    /// Lists a person with at least one record in truth/persons.csv.
    func person(_ f: PersonFacts) throws(KCBXError) {
        guard f.records > 0 else { return }
        try persons.write([f.key, f.id, f.name, f.birth.description, f.male ? "男" : "女", f.town, f.kind])
    }

    func close() throws(KCBXError) {
        try hukou.close(); try status.close(root: Exports.statusRoot); try poverty.close()
        try disability.close(); try welfare.close(); try justice.close(); try attendance.close(); try deferral.close()
        try records.close(); try persons.close()
    }
}
