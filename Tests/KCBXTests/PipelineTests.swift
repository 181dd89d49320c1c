import Foundation
import Testing
import KCBXCore
import KCBXStore

/// The demo pipeline end to end, through the built `kcbx`: outputs, exit codes, stage reruns.
@Suite(.serialized) struct PipelineTests {
    let work = TestSupport.temporaryDirectory("kcbx-e2e")
    var out: URL { work.appendingPathComponent("out") }
    var store: URL { work.appendingPathComponent("state/kcbx.sqlite") }
    var period: URL { out.appendingPathComponent("2026-11") }

    func run(_ extra: [String] = []) throws -> TestSupport.Result {
        try TestSupport.run(["run", "pipelines/demo.yaml", "--out", out.path, "--store", store.path] + extra)
    }

    /// Person keys of the planted findings of `code`, from the synthetic county's ground truth.
    func truthIDs(_ code: String) throws -> [String] {
        let rows = try TestSupport.csvRows(TestSupport.root.appendingPathComponent("sample-data/truth/findings.csv"))
        let header = rows[0]
        let codeCol = try #require(header.firstIndex(of: "code")), idCol = try #require(header.firstIndex(of: "id_number"))
        return rows.dropFirst().filter { $0[codeCol] == code }.map { $0[idCol] }.filter { !$0.isEmpty }
    }

    @Test func demoRunWritesEveryOutputAndFindsPlantedChildren() throws {
        let result = try run()
        #expect(result.status == 0, "\(result.stderr)")
        for name in ["差异清单_2026年11月.xlsx", "findings.csv", "persons.csv", "summary.json", "manifest.json"] {
            #expect(FileManager.default.fileExists(atPath: period.appendingPathComponent(name).path), "\(name) missing")
        }
        // Personal data is readable by its owner only.
        let mode = try FileManager.default.attributesOfItem(atPath: period.appendingPathComponent("findings.csv").path)[.posixPermissions] as! NSNumber
        #expect(mode.intValue & 0o077 == 0)

        // A planted not_enrolled child is in findings.csv and in 差异清单.xlsx, its ID stored as a string.
        let planted = Set(try truthIDs("not_enrolled"))
        #expect(!planted.isEmpty)
        let findings = try TestSupport.csvRows(period.appendingPathComponent("findings.csv"))
        #expect(findings[0] == ["case_id", "code", "priority", "person_id", "id_number", "name", "birth_date", "sex", "town",
                                "school_code", "evidence", "detail"])
        // An ID keeps its digits when a spreadsheet program opens the CSV: a tab follows it, which a program trims.
        #expect(findings.dropFirst().contains { $0[4].hasSuffix("\t") })
        let found = findings.dropFirst().filter { $0[1] == "not_enrolled" }.map { $0[4].trimmingCharacters(in: .whitespaces) }
        let child = try #require(found.first { planted.contains($0) }, "no planted not_enrolled child found")
        let xlsx = period.appendingPathComponent("差异清单_2026年11月.xlsx")
        let shared = try TestSupport.zipPart(xlsx, "xl/sharedStrings.xml")
        #expect(shared.contains("<t>\(child)</t>"))
        let workbook = try TestSupport.zipPart(xlsx, "xl/workbook.xml")
        #expect(workbook.contains("应入未入"))
        // The child's cell is a shared string (t="s"), not a number Excel would round.
        let sheets = (2...12).compactMap { try? TestSupport.zipPart(xlsx, "xl/worksheets/sheet\($0).xml") }.joined()
        #expect(!sheets.contains("<v>\(child)</v>") || sheets.contains("t=\"s\""))
        #expect(!sheets.contains("<c r=\"C3\" s=\"0\"><v>"))

        // persons.csv: one row per input record; manifest: read = accepted + rejected per source.
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: period.appendingPathComponent("manifest.json"))) as! [String: Any]
        let inputs = manifest["inputs"] as! [[String: Any]]
        #expect(inputs.count >= 8)
        var accepted = 0
        for input in inputs {
            let read = input["rows_read"] as! Int, ok = input["rows_accepted"] as! Int, rejected = input["rows_rejected"] as! Int
            #expect(read == ok + rejected)
            #expect((input["sha256"] as! String).count == 64)
            if input["role"] as! String != "schools" { accepted += ok }
        }
        let persons = try TestSupport.csvRows(period.appendingPathComponent("persons.csv"))
        #expect(persons.count - 1 == accepted)
        #expect(persons[0] == ["source", "record", "person_id", "id_number", "link_rule", "match_probability", "match_weight", "explanation"])

        // The run is in the history, with its inputs and stages.
        let runs = try Store(url: store).runs()
        #expect(runs.first?.outcome == "succeeded")
    }

    @Test func rerunningOneStageGivesTheSameFindings() throws {
        #expect(try run().status == 0)
        let before = try String(contentsOf: period.appendingPathComponent("findings.csv"), encoding: .utf8)
        let rerun = try run(["--only", "reconcile"])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        let report = try run(["--from", "report"])
        #expect(report.status == 0, "\(report.stderr)")
        let after = try String(contentsOf: period.appendingPathComponent("findings.csv"), encoding: .utf8)
        #expect(before == after)
        #expect(!rerun.stderr.contains("ingest:"))
    }

    /// Normalized records point into the stored ingest values: after ingest alone is rerun, linking on the
    /// old normalize result is refused with what to do, and rerunning from normalize works.
    @Test func normalizeResultsOfAnEarlierIngestAreNotUsed() throws {
        #expect(try run().status == 0)
        #expect(try run(["--only", "ingest"]).status == 0)
        let stale = try run(["--only", "link"])
        #expect(stale.status == 2)
        #expect(stale.stderr.contains("earlier ingest") && stale.stderr.contains("--from normalize"), "\(stale.stderr)")
        #expect(try run(["--from", "normalize"]).status == 0)
    }

    /// A rejects file lists record, line and reason, then the row as it was, under the file's own headers.
    @Test func rejectsKeepTheRowUnderItsOwnHeaders() throws {
        let sampleData = TestSupport.root.appendingPathComponent("sample-data")
        let original = sampleData.appendingPathComponent("data/justice/sifa.csv")
        let copy = work.appendingPathComponent("sifa.csv")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        try (String(contentsOf: original, encoding: .utf8) + "坏行,1\n").write(to: copy, atomically: true, encoding: .utf8)
        let text = try String(contentsOf: TestSupport.root.appendingPathComponent("pipelines/demo.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "../sample-data/data/justice/sifa.csv", with: copy.path)
            .replacingOccurrences(of: "../sample-data", with: sampleData.path)
            .replacingOccurrences(of: "max_reject_rate: 0.02", with: "max_reject_rate: 0.5")
        let pipeline = work.appendingPathComponent("with-reject.yaml")
        try text.write(to: pipeline, atomically: true, encoding: .utf8)
        let result = try TestSupport.run(["run", pipeline.path, "--out", out.path, "--store", store.path])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try TestSupport.csvRows(period.appendingPathComponent("rejects/司法.csv"))
        let fileHeader = try TestSupport.csvRows(original)[0]
        #expect(rows[0] == ["record", "line", "reason"] + fileHeader)
        #expect(rows.count == 2)
        #expect(rows[1] == ["12", "13", "expected \(fileHeader.count) fields, found 2", "坏行", "1"])
    }

    @Test func aSecondRunWhileOneHoldsTheLockExits3() throws {
        try FileManager.default.createDirectory(at: store.deletingLastPathComponent(), withIntermediateDirectories: true)
        let lock = try RunLock(store: store)
        let second = try run()
        #expect(second.status == 3, "\(second.stderr)")
        #expect(second.stderr.contains("lock"))
        withExtendedLifetime(lock) {}
    }

    /// The run issues the ledgers beside the period's folder, and a rerun leaves them (and any copy there) alone;
    /// a file people changed or added in the period folder is moved beside them, not deleted; an import
    /// waits for no run: it exits 3 while one holds the lock.
    @Test func ledgersAreIssuedOutsideThePeriodFolderAndImportsTakeTheLock() throws {
        #expect(try run().status == 0)
        let fillIn = out.appendingPathComponent("填报")
        let issued = try FileManager.default.contentsOfDirectory(atPath: fillIn.path).sorted()
        #expect(issued.count == 2 && issued.allSatisfy { $0.hasSuffix("_2026年11月_第1版.xlsx") }, "\(issued)")
        #expect(!FileManager.default.fileExists(atPath: period.appendingPathComponent("控辍保学台账.xlsx").path))
        let ledger = fillIn.appendingPathComponent(try #require(issued.first { $0.hasPrefix("控辍保学劝返台账") }))
        let officers = fillIn.appendingPathComponent("镇上填好的台账.xlsx")
        try FileManager.default.copyItem(at: ledger, to: officers)
        let before = try Data(contentsOf: ledger)
        // Files people saved into the period folder: a town packet edited, a workbook of their own.
        let town = try #require(try FileManager.default.contentsOfDirectory(atPath: period.appendingPathComponent("towns").path).first)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(60)],
                                              ofItemAtPath: period.appendingPathComponent("towns/\(town)").path)
        try Data("审核意见".utf8).write(to: period.appendingPathComponent("审核意见.txt"))
        #expect(try run().status == 0)
        #expect(try Data(contentsOf: ledger) == before)
        #expect(FileManager.default.fileExists(atPath: officers.path))
        let kept = fillIn.appendingPathComponent("2026-11_运行前保留")
        #expect(FileManager.default.fileExists(atPath: kept.appendingPathComponent("towns/\(town)").path))
        #expect(FileManager.default.fileExists(atPath: kept.appendingPathComponent("审核意见.txt").path))
        #expect(FileManager.default.fileExists(atPath: period.appendingPathComponent("towns/\(town)").path))  // the new one
        do {
            let lock = try RunLock(store: store)
            let locked = try TestSupport.run(["cases", "import", officers.path, "--pipeline", "pipelines/demo.yaml", "--store", store.path])
            #expect(locked.status == 3 && locked.stderr.contains("lock"), "\(locked.stderr)")
            withExtendedLifetime(lock) {}
        }
        let imported = try TestSupport.run(["cases", "import", officers.path, "--pipeline", "pipelines/demo.yaml", "--store", store.path])
        #expect(imported.status == 0 && imported.stdout.contains("更新 0 件"), "\(imported.stderr)")
    }

    @Test func twoProcessesAtOnceOneWaitsOut() throws {
        let first = TestSupport.start(["run", "pipelines/demo.yaml", "--out", out.path, "--store", store.path])
        // Wait until the first process holds the lock.
        let lockFile = store.appendingPathExtension("lock")
        for _ in 0..<200 where ((try? String(contentsOf: lockFile, encoding: .utf8)) ?? "").isEmpty { usleep(20_000) }
        let second = try run()
        first.process.waitUntilExit()
        #expect(first.process.terminationStatus == 0)
        #expect(second.status == 3 || second.status == 0)  // 0 only if the first had already finished
    }

    /// A run killed mid-way leaves the store readable, the previous outputs in place, and can be resumed.
    @Test func aKilledRunLeavesThePreviousOutputsAndCanBeRetried() throws {
        #expect(try run().status == 0)
        let before = try Data(contentsOf: period.appendingPathComponent("findings.csv"))
        let victim = TestSupport.start(["run", "pipelines/demo.yaml", "--out", out.path, "--store", store.path])
        let lockFile = store.appendingPathExtension("lock")
        for _ in 0..<200 where ((try? String(contentsOf: lockFile, encoding: .utf8)) ?? "").isEmpty { usleep(10_000) }
        usleep(150_000)
        kill(victim.process.processIdentifier, SIGKILL)
        victim.process.waitUntilExit()
        #expect(try Data(contentsOf: period.appendingPathComponent("findings.csv")) == before)
        let retry = try run(["--retry"])
        // The killed run may have finished before the signal; then there is nothing to retry (exit 2).
        #expect(retry.status == 0 || retry.stderr.contains("nothing to retry"), "\(retry.stderr)")
        #expect(try Data(contentsOf: period.appendingPathComponent("findings.csv")) == before)
        let history = try Store(url: store).runs()
        #expect(history.allSatisfy { $0.outcome != "running" })
    }

    /// One as-of per period: a report rerun on another day is refused, without --as-of it keeps the day the
    /// findings were decided on; the bulletin's figures are kept, and next month's bulletin compares with them.
    @Test func aReportRerunKeepsItsPeriodsAsOfAndTheNextBulletinCompares() throws {
        #expect(try run().status == 0)
        let other = try run(["--only", "report", "--period", "2026-11", "--as-of", "2026-11-29"])
        #expect(other.status == 2)
        #expect(other.stderr.contains("decided as of 2026-11-30") && other.stderr.contains("--from reconcile"), "\(other.stderr)")
        #expect(try run(["--only", "report"]).status == 0)
        let html = try String(contentsOf: period.appendingPathComponent("通报_2026年11月.html"), encoding: .utf8)
        #expect(html.contains("核查基准日 2026-11-30") && html.contains("没有上期通报数据"))
        #expect(try Store(url: store).loadResult(period: "2026-11", stage: .report)?.map(\.name) == ["bulletin"])
        let december = try run(["--as-of", "2026-12-31"])
        #expect(december.status == 0, "\(december.stderr)")
        let next = try String(contentsOf: out.appendingPathComponent("2026-12/通报_2026年12月.html"), encoding: .utf8)
        #expect(next.contains("与上期（2026年11月）相比") && next.contains("没有去年同期（2025年12月）的通报数据"))
    }

    @Test func onlyAStageWithNoStoredResultsIsAUsageError() throws {
        let result = try run(["--only", "link"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no stored normalize results"))
    }

    @Test func dryRunSaysWhatWouldRunAndWritesNothing() throws {
        let result = try run(["--dry-run"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("ingest → normalize → link → reconcile → report"))
        #expect(result.stdout.contains("hukou.csv.gz"))
        #expect(!FileManager.default.fileExists(atPath: period.path))
    }

    @Test func badUsageExits2() throws {
        #expect(try run(["--only", "bogus"]).status == 2)
        #expect(try TestSupport.run(["run", "no/such/pipeline.yaml"]).status == 2)
        #expect(try run(["--period", "2026-13"]).status == 2)
    }

    @Test func validateAcceptsTheDemoAndNamesAMissingColumn() throws {
        let ok = try TestSupport.run(["validate", "pipelines/demo.yaml"])
        #expect(ok.status == 0, "\(ok.stderr)")
        let text = try String(contentsOf: TestSupport.root.appendingPathComponent("pipelines/demo.yaml"), encoding: .utf8)
        let broken = text.replacingOccurrences(of: "name: 姓名", with: "name: 姓 名字", options: [], range: text.range(of: "name: 姓名"))
            .replacingOccurrences(of: "../sample-data", with: TestSupport.root.appendingPathComponent("sample-data").path)
        let url = work.appendingPathComponent("broken.yaml")
        try broken.write(to: url, atomically: true, encoding: .utf8)
        let bad = try TestSupport.run(["validate", url.path])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("姓名字") || bad.stderr.contains("姓 名字"))
        #expect(bad.stderr.contains("headers found"))
    }
}

/// A source that arrives empty or truncated stops the run (exit 2) before any case is decided or closed.
@Suite(.serialized) struct ArrivalTests {
    /// A copy of the sample county, whose exports a test may damage.
    func county() throws -> URL {
        let dir = TestSupport.temporaryDirectory("kcbx-arrival")
        try FileManager.default.copyItem(at: TestSupport.root.appendingPathComponent("sample-data"), to: dir.appendingPathComponent("county"))
        return dir.appendingPathComponent("county")
    }

    @Test func anEmptyOrTruncatedSourceStopsTheRunAndClosesNothing() throws {
        let county = try county()
        let pipeline = county.appendingPathComponent("pipeline.yaml").path
        #expect(try TestSupport.run(["run", pipeline]).status == 0)
        let store = try Store(url: county.appendingPathComponent("state/kcbx.sqlite"))
        let openBefore = try store.loadCases().filter { $0.state == .open }.count

        // The welfare export with its header row only.
        let welfare = county.appendingPathComponent("data/civil/minzheng.csv")
        let original = try String(contentsOf: welfare, encoding: .utf8)
        let lines = original.split(whereSeparator: \.isNewline)
        try (lines[0] + "\n").write(to: welfare, atomically: true, encoding: .utf8)
        let empty = try TestSupport.run(["run", pipeline])
        #expect(empty.status == 2)
        #expect(empty.stderr.contains("民政") && empty.stderr.contains("no data rows") && empty.stderr.contains("last good run"))

        // Half of its rows: a drop of 50 % passes rules.max_row_drop (20 %).
        let half = lines.prefix(1 + (lines.count - 1) / 2).joined(separator: "\n") + "\n"
        try half.write(to: welfare, atomically: true, encoding: .utf8)
        let truncated = try TestSupport.run(["run", pipeline])
        #expect(truncated.status == 2)
        #expect(truncated.stderr.contains("fewer, more than rules.max_row_drop 20%"))
        #expect(try store.loadCases().filter { $0.state == .open }.count == openBefore)

        // Whole again: the run passes.
        try original.write(to: welfare, atomically: true, encoding: .utf8)
        #expect(try TestSupport.run(["run", pipeline]).status == 0)
    }

    /// `validate` reads every input through, so it refuses what `run` would refuse.
    @Test(arguments: [("data/police/hukou.csv.gz", "gzip"), ("data/edu/xueji.xml", "XML")])
    func validateReadsEveryInputThrough(_ file: String, _ expected: String) throws {
        let county = try county()
        let url = county.appendingPathComponent(file)
        let bytes = try Data(contentsOf: url)
        try bytes.prefix(bytes.count * 2 / 3).write(to: url)
        let result = try TestSupport.run(["validate", county.appendingPathComponent("pipeline.yaml").path])
        #expect(result.status == 2)
        #expect(result.stderr.contains(expected), "\(result.stderr)")
    }
}
