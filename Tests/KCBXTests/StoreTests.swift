import Foundation
import Testing
@testable import KCBXCore
@testable import KCBXStore

/// The store: migrations on first use, stage results replaced whole, run history.
@Suite struct StoreTests {
    let url = TestSupport.temporaryDirectory("kcbx-store").appendingPathComponent("state/kcbx.sqlite")

    @Test func stageResultsAreReplacedWholeAndChunked() throws {
        let store = try Store(url: url)
        let run = try store.beginRun(period: "2026-11", pipeline: "p.yaml", pipelineName: "t", asOf: CivilDate(iso: "2026-11-30")!,
                                     stages: "ingest..report", version: "test")
        let big = [UInt8]((0..<(Store.chunkSize + 10)).map { UInt8($0 & 0xFF) })
        try store.saveResult(period: "2026-11", stage: .ingest, run: run, parts: [("a", big), ("b", [1, 2, 3])])
        var loaded = try #require(try store.loadResult(period: "2026-11", stage: .ingest))
        #expect(loaded.map(\.name) == ["a", "b"])
        #expect(loaded[0].bytes == big)
        var only: [String] = []
        try store.forEachResultPart(period: "2026-11", stage: .ingest, only: "b") { name, bytes in only.append(name); #expect(bytes == [1, 2, 3]) }
        #expect(only == ["b"])
        try store.saveResult(period: "2026-11", stage: .ingest, run: run, parts: [("c", [9])])
        loaded = try #require(try store.loadResult(period: "2026-11", stage: .ingest))
        #expect(loaded.map(\.name) == ["c"])
        #expect(try store.loadResult(period: "2026-10", stage: .ingest) == nil)
        #expect(try store.resultRun(period: "2026-11", stage: .ingest) == run)
    }

    @Test func runHistoryAndInterruptedRuns() throws {
        let store = try Store(url: url)
        let run = try store.beginRun(period: "2026-11", pipeline: "p.yaml", pipelineName: "t", asOf: CivilDate(iso: "2026-11-30")!,
                                     stages: "ingest..report", version: "test")
        try store.stageStarted(run, .ingest)
        try store.stageFinished(run, .ingest, outcome: "succeeded", figures: "{\"rows\":3}")
        try store.stageStarted(run, .normalize)
        // The process dies here; the next run closes the books.
        let reopened = try Store(url: url)
        try reopened.markInterruptedRuns()
        let failed = try #require(try reopened.latestFailedRun(period: "2026-11"))
        #expect(failed.outcome == "interrupted")
        #expect(failed.failedStage == "normalize")
        let (_, _, stages) = try #require(try reopened.run(run))
        #expect(stages.map(\.outcome) == ["succeeded", "interrupted"])
    }

    @Test func binaryFormRoundTrips() throws {
        let table = SourceTable(source: "公安户籍", role: .hukou, fields: [.idNumber, .name],
                                records: [RawRecord(recordNumber: 1, line: 2, values: ["370783201403051234", "张伟"]),
                                          RawRecord(recordNumber: 2, line: 3, values: ["", "买买提·艾力"])],
                                rejects: [Reject(recordNumber: 3, line: 5, raw: ["x"], reason: "expected 2 fields, found 1")])
        var w = BinaryWriter()
        table.encode(to: &w)
        var r = BinaryReader(w.bytes)
        let back = try SourceTable(from: &r)
        #expect(back.records.map(\.values) == table.records.map(\.values))
        #expect(back.rejects.first?.reason == "expected 2 fields, found 1")
        #expect(back.fields == table.fields)
        var truncated = BinaryReader(Array(w.bytes.prefix(10)))
        #expect(throws: BinaryReader.Corrupt.self) { try SourceTable(from: &truncated) }
        var ints = BinaryWriter()
        for v in [0, 1, -1, Int.max, Int.min, 300] { ints.write(v) }
        var ir = BinaryReader(ints.bytes)
        #expect(try [0, 1, -1, Int.max, Int.min, 300].map { _ in try ir.readInt() } == [0, 1, -1, Int.max, Int.min, 300])
    }

    /// A writer grows past its first capacity, and a copy of it is a value: what one copy writes the
    /// other does not see.
    @Test func writersGrowAndCopiesAreIndependent() throws {
        var a = BinaryWriter(capacity: 1)
        a.write("公安户籍")
        var b = a
        for i in 0..<1000 { b.write(i) }
        a.write(Optional("学籍"))
        var ra = BinaryReader(a.bytes), rb = BinaryReader(b.bytes)
        #expect(try ra.readString() == "公安户籍")
        #expect(try ra.readOptionalString() == "学籍")
        #expect(ra.isAtEnd)
        #expect(try rb.readString() == "公安户籍")
        #expect(try (0..<1000).map { _ in try rb.readInt() } == Array(0..<1000))
        #expect(rb.isAtEnd)
    }

    /// Values kept as segments: a table crossing a segment boundary reads back value for value, also after
    /// being written and read as the store keeps it; a record too big for 16-bit offsets is refused; a
    /// segment whose offsets point outside its bytes is corrupt, not read.
    @Test func valueTablesRoundTripAcrossSegments() throws {
        let rows = (0..<(ValueTable.rowsPerSegment + 3)).map { i in [i % 7 == 0 ? "" : "\(i)", "王小明\(i % 13)", i % 5 == 0 ? "" : "·"] }
        let table = ValueTable(width: 3, rows: rows)
        #expect(table.count == rows.count)
        #expect(table.segments.count == 2)
        for i in [0, 1, 7, ValueTable.rowsPerSegment - 1, ValueTable.rowsPerSegment, rows.count - 1] {
            #expect(Array(table.record(i)) == rows[i])
            #expect(table.isEmpty(row: i, column: 0) == rows[i][0].isEmpty)
        }
        var w = BinaryWriter()
        for segment in table.segments { w.write(segment) }
        var r = BinaryReader(w.bytes)
        let back = ValueTable(width: 3, segments: try table.segments.map { _ in try r.readSegment(width: 3) })
        #expect(back.count == table.count)
        #expect((0..<back.count).allSatisfy { back.record($0) == table.record($0) })

        var builder = ValueTable.Builder(width: 2)
        let tooBig = builder.append(["a", String(repeating: "x", count: ValueTable.maxRecordBytes)])
        let small = builder.append(["a", "b"])
        #expect(!tooBig && small)
        #expect(builder.count == 1)

        var broken = BinaryWriter()
        broken.write(ValueTable.Segment(bytes: Array("ab".utf8), starts: [0], ends: [1, 5]))
        var bad = BinaryReader(broken.bytes)
        #expect(throws: BinaryReader.Corrupt.self) { try bad.readSegment(width: 2) }
    }
}
