import Foundation
import GRDB
import Testing
@testable import KCBXCore
@testable import KCBXFormats
@testable import KCBXNormalize
@testable import KCBXPipeline
@testable import KCBXStore

/// Faults at the edges (issue 14): the output swap under a kill, a store kept busy by another program,
/// duplicate keys in the pipeline file, text in the wrong encoding, ID numbers Excel destroyed.
@Suite struct FaultsTests {
    let dir = TestSupport.temporaryDirectory("kcbx-faults")

    func folder(_ name: String, holding file: String) throws -> URL {
        let url = dir.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try file.write(to: url.appendingPathComponent("findings.csv"), atomically: true, encoding: .utf8)
        return url
    }

    func contents(_ folder: URL) -> String? {
        try? String(contentsOf: folder.appendingPathComponent("findings.csv"), encoding: .utf8)
    }

    @Test func theSwapReplacesTheOutputsInOneStepAndLeavesNothingBehind() throws {
        let target = try folder("2026-11", holding: "previous")
        let figures = try OutputFolder.replace(target, runID: 7) { (staging) throws(KCBXError) -> Int in
            // While the new outputs are written, the previous ones are still current.
            #expect(contents(target) == "previous")
            try? "new".write(to: staging.appendingPathComponent("findings.csv"), atomically: true, encoding: .utf8)
            return 1
        }
        #expect(figures == 1)
        #expect(contents(target) == "new")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["2026-11"])
        #expect(OutputFolder.exchange(dir.appendingPathComponent("2026-11").path, dir.appendingPathComponent("nothing").path) == false)
    }

    @Test func aRunKilledBetweenTheTwoRenamesHasItsPreviousOutputsPutBack() throws {
        // What a kill leaves between the two renames of the fallback: no current folder, the previous
        // outputs aside, a complete new set staged. The next run puts the previous ones back first.
        _ = try folder(".2026-11.old-7", holding: "previous")
        _ = try folder(".2026-11.partial-7", holding: "new, not swapped in")
        let target = dir.appendingPathComponent("2026-11")
        try OutputFolder.replace(target, runID: 8) { (staging) throws(KCBXError) -> Void in
            #expect(contents(target) == "previous")
            try? "newer".write(to: staging.appendingPathComponent("findings.csv"), atomically: true, encoding: .utf8)
        }
        #expect(contents(target) == "newer")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["2026-11"])
    }

    @Test func aFailedWriteAfterAnInterruptedRunKeepsThePreviousOutputs() throws {
        _ = try folder(".2026-11.old-7", holding: "previous")
        let target = dir.appendingPathComponent("2026-11")
        do {
            _ = try OutputFolder.replace(target, runID: 8) { (_) throws(KCBXError) -> Int in throw KCBXError(.runFailed, "report failed") }
            Issue.record("the write should have failed")
        } catch {
            #expect(error.message == "report failed")
        }
        #expect(contents(target) == "previous")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["2026-11"])
    }

    @Test func aStoreKeptBusyByAnotherProgramIsExitThree() throws {
        let url = dir.appendingPathComponent("kcbx.sqlite")
        let store = try Store(url: url)
        // Another program holds the database (an exclusive transaction) past the store's 10-second wait.
        let other = try DatabaseQueue(path: url.path)
        try other.inDatabase { db in
            try db.execute(sql: "BEGIN EXCLUSIVE")
            do {
                _ = try store.runs()
                Issue.record("the store should have been busy")
            } catch let error as KCBXError {
                #expect(error.kind == .locked && error.exitCode == 3, "\(error)")
            }
            try db.execute(sql: "ROLLBACK")
        }
        let busy = Store.failure("store: saving failed", DatabaseError(resultCode: .SQLITE_BUSY, message: "database is locked"), file: url.path)
        #expect(busy.kind == .locked && busy.exitCode == 3)
        #expect(busy.message.contains("in use by another program"))
        let other2 = Store.failure("store: saving failed", DatabaseError(resultCode: .SQLITE_FULL, message: "disk full"), file: url.path)
        #expect(other2.kind == .runFailed && other2.exitCode == 1)
    }

    @Test func aDuplicateKeyIsReportedWithBothLines() throws {
        let url = dir.appendingPathComponent("p.yaml")
        try "name: 示例县\nas_of: 2026-11-30\nsources:\n  - name: a\n    path: a.csv\n    path: b.csv\n".write(to: url, atomically: true, encoding: .utf8)
        let (config, problems) = PipelineFile.parse(url)
        #expect(config == nil)
        let problem = try #require(problems.first)
        #expect(problem.message.hasPrefix("key `path` is given twice in the same mapping, on lines 5 and 6"), "\(problem)")
        #expect(problem.line == 6)
        #expect(!problem.message.contains("示例县"), "the message must not hold the file's content")
    }

    @Test(arguments: [
        // (what, the CSV's bytes after the header in GB18030, rows rejected, fragment)
        ("郭萱 in UTF-8", Array("1,郭萱\n".utf8), 1, "text in UTF-8 in a file read as GB18030"),
        ("a long UTF-8 address", Array("2,山东省示例县城关街道和平社区\n".utf8), 1, "text in UTF-8"),
        ("one CJK character in UTF-8 (too little to tell)", Array("3,萱\n".utf8), 1, "not valid GB18030"),
    ])
    func utf8TextInAGB18030FileIsRejectedWithItsColumn(what: String, row: [UInt8], rejected: Int, fragment: String) throws {
        let header = try #require("编号,姓名\n".data(using: .init(rawValue: 0x80000632)))  // GB18030
        let good = try #require("4,张三\n".data(using: .init(rawValue: 0x80000632)))
        let url = CSVFixture.write(Array(header) + row + Array(good), "gb.csv", in: dir)
        let reader = try CSVReader(url: url, encoding: .gb18030)
        var rows: [KCBXFormats.Row] = []
        while let r = try reader.next() { rows.append(r) }
        #expect(rows.count == 2)
        #expect(rows.filter { $0.problem != nil }.count == rejected, "\(what)")
        let problem = try #require(rows.first?.problem)
        #expect(problem.contains("column 2 `姓名`") && problem.contains(fragment), "\(problem)")
        #expect(rows.last?.values == ["4", "张三"] && rows.last?.problem == nil)
    }

    @Test("UTF-8 text in an XML file read as GB18030: its record is rejected with the column named, the others read")
    func utf8TextInAGB18030XMLFileIsRejectedWithItsColumn() throws {
        let gb = String.Encoding(rawValue: 0x80000632)
        func text(_ s: String) throws -> [UInt8] { Array(try #require(s.data(using: gb))) }
        let bytes = try text("<?xml version=\"1.0\" encoding=\"GB18030\"?>\n<rows>\n<r><id>1</id><name>") + Array("郭萱".utf8)
            + (try text("</name></r>\n<r><id>2</id><name>张三</name></r>\n</rows>\n"))
        let url = CSVFixture.write(bytes, "gb.xml", in: dir)
        let reader = try XMLRecordReader(url: url, record: "r", fields: ["id", "name"], encoding: .gb18030)
        var rows: [KCBXFormats.Row] = []
        while let r = try reader.next() { rows.append(r) }
        #expect(rows.count == 2)
        let problem = try #require(rows.first?.problem)
        #expect(problem.contains("column 2 `name`") && problem.contains("not valid GB18030"), "\(problem)")
        #expect(rows.last?.values == ["2", "张三"] && rows.last?.problem == nil)
    }

    @Test func genuineGB18030TextIsNeverTakenForUTF8() throws {
        // Every name of the synthetic county's name lists, written in GB18030, reads back unchanged.
        let names = HostileCounty.names + ["欧阳娜娜", "诸葛亮", "司马懿", "上官婉儿", "张伟", "王芳", "李娜", "刘洋", "陈静", "杨秀英", "黄丽", "赵敏"]
        let text = "编号,姓名,住址\n" + names.enumerated().map { "\($0),\($1),示例县城关街道\($1)家" }.joined(separator: "\n") + "\n"
        let url = CSVFixture.write(Array(try #require(text.data(using: .init(rawValue: 0x80000632)))), "gb.csv", in: dir)
        let reader = try CSVReader(url: url, encoding: .auto)
        var k = 0
        while let r = try reader.next() {
            #expect(r.problem == nil && r.values[1] == names[k], "\(names[k])")
            k += 1
        }
        #expect(k == names.count && reader.encoding == .gb18030)
    }

    @Test func aStrayNULInADataRowRejectsTheRowNotTheFile() throws {
        let url = CSVFixture.write(Array("编号,姓名\n1,张\u{0}三\n2,李四\n".utf8), "nul.csv", in: dir)
        let reader = try CSVReader(url: url)
        _ = try reader.next()
        #expect(try reader.next()?.values == ["2", "李四"])
        let binary = CSVFixture.write([0xEF, 0xBB, 0xBF] + Array("编号\u{0},姓名\n".utf8), "bom.csv", in: dir)
        #expect(CSVFixture.error { _ = try CSVReader(url: binary) }?.message.contains("after the UTF-8 byte-order mark") == true)
    }

    @Test func readingPastItsTimeBudgetStops() throws {
        let rows = (0..<200_000).map { "\($0),张三\($0)" }.joined(separator: "\n")
        let url = CSVFixture.write("编号,姓名\n" + rows + "\n", "big.csv", in: dir)
        let reader = try CSVReader(url: url, limits: InputLimits(maxReadSeconds: 1))
        Thread.sleep(forTimeInterval: 1.2)
        let error = CSVFixture.error { while try reader.next() != nil {} }
        #expect(error?.message.contains("took longer than 1 minute") == false)
        #expect(error?.message.contains("rules.max_read_minutes") == true, "\(String(describing: error))")
        #expect(error?.kind == .input)
    }

    @Test(arguments: [("3.70783E+17", "3.70783E+17"), ("3.70783201401E+17", "3.70783201401E+17"),
                      ("370783201401010000", "370783201401010000"), ("370783201401010012", "370783201401010012")])
    func aDamagedIDIsShownAsRead(raw: String, shown: String) {
        let id = IDNumber.parse(raw)
        #expect(id.shown == shown)
        if id.kind == .damaged { #expect(!id.defects.isEmpty) }
    }
}
