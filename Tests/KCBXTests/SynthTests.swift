import Foundation
import KCBXCore
import KCBXFormats
import KCBXLedger
import KCBXNormalize
@testable import KCBXSynth
import Testing

/// `kcbx synth`: a deterministic county whose truth matches what was written, read back through the
/// project's own readers.
@Suite(.serialized) struct SynthTests {
    /// Writes a county into a new temporary folder.
    static func county(children: Int, seed: UInt64, errorRate: Double = 1) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kcbx-synth-\(UUID().uuidString)")
        _ = try Synthesizer.run(SynthOptions(children: children, seed: seed, output: dir,
                                             asOf: CivilDate(year: 2026, month: 11, day: 30)!, errorRate: errorRate))
        return dir
    }

    /// The county of 3,000 children most tests read (written once).
    static let shared: URL = try! county(children: 3000, seed: 20261130)

    static func files(_ dir: URL) -> [String] {
        let e = FileManager.default.enumerator(atPath: dir.path)!
        return e.compactMap { $0 as? String }.filter {
            var isDir: ObjCBool = false
            return FileManager.default.fileExists(atPath: dir.appendingPathComponent($0).path, isDirectory: &isDir) && !isDir.boolValue
        }.sorted()
    }

    /// Every row of a source, read through the project's reader for its format.
    static func rows(_ dir: URL, _ path: String) throws -> (header: [String], rows: [Row]) {
        let url = dir.appendingPathComponent(path)
        let reader: RowReader
        if path.hasSuffix(".xml") {
            reader = try XMLRecordReader(url: url, record: "学生", fields: Exports.statusFields + ["@学校标识码"])
        } else if path.hasSuffix(".xlsx") {
            reader = try XLSXReader(url: url, sheet: "监测户成员")
        } else {
            reader = try CSVReader(url: url)
        }
        var rows: [Row] = []
        while let row = try reader.next() { rows.append(row) }
        return (reader.header, rows)
    }

    /// The named columns of a truth file.
    static func truth(_ dir: URL, _ name: String) throws -> [[String: String]] {
        let (header, rows) = try rows(dir, "truth/" + name)
        return rows.map { Dictionary(uniqueKeysWithValues: zip(header, $0.values)) }
    }

    @Test func sameSeedWritesByteIdenticalFiles() throws {
        let a = try Self.county(children: 700, seed: 42), b = try Self.county(children: 700, seed: 42)
        let c = try Self.county(children: 700, seed: 43)
        defer { for d in [a, b, c] { try? FileManager.default.removeItem(at: d) } }
        let names = Self.files(a)
        #expect(names == Self.files(b))
        #expect(names.contains("data/poverty/jiance.xlsx") && names.contains("data/police/hukou.csv.gz"))
        for name in names {
            let x = try Data(contentsOf: a.appendingPathComponent(name)), y = try Data(contentsOf: b.appendingPathComponent(name))
            #expect(stableHash(x) == stableHash(y) && x == y, "\(name) differs between two runs with one seed")
        }
        let other = try Data(contentsOf: c.appendingPathComponent("data/police/hukou.csv.gz"))
        #expect(other != (try Data(contentsOf: a.appendingPathComponent("data/police/hukou.csv.gz"))))
    }

    @Test func everyFindingCodeIsPlantedInACountyOf3000Children() throws {
        let findings = try Self.truth(Self.shared, "findings.csv")
        let codes = Set(findings.compactMap { $0["code"] })
        for code in FindingCode.allCases { #expect(codes.contains(code.rawValue), "no \(code.rawValue) planted") }
        // Priority children are among them, and every finding names a person of persons.csv.
        #expect(findings.contains { $0["priority"] == "true" })
        let keys = Set(try Self.truth(Self.shared, "persons.csv").compactMap { $0["person_key"] })
        #expect(findings.allSatisfy { keys.contains($0["person_key"] ?? "") })
    }

    @Test(arguments: [
        (SourceName.hukou, Exports.Path.hukou), (SourceName.status, Exports.Path.status),
        (SourceName.poverty, Exports.Path.poverty), (SourceName.disability, Exports.Path.disability),
        (SourceName.welfare, Exports.Path.welfare), (SourceName.justice, Exports.Path.justice),
        (SourceName.attendance, Exports.Path.attendance), (SourceName.deferral, Exports.Path.deferral),
    ])
    func recordsListEveryRecordOfEverySource(source: String, path: String) throws {
        let (_, rows) = try Self.rows(Self.shared, path)
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { $0.problem == nil })
        let listed = try Self.truth(Self.shared, "records.csv").filter { $0["source"] == source }.compactMap { Int($0["record"] ?? "") }
        #expect(listed == Array(1...rows.count), "\(source): records.csv lists \(listed.count) records, the file has \(rows.count)")
    }

    @Test func hukouAndTruthIDsPassTheirCheckAndAgreeWithBirthDateAndSex() throws {
        let (header, rows) = try Self.rows(Self.shared, Exports.Path.hukou)
        #expect(header == Exports.hukouHeader)
        for row in rows {
            let id = IDNumber.parse(row.values[0])
            #expect(id.kind == .resident, "police ID \(id.masked) is \(id.kind)")
        }
        for person in try Self.truth(Self.shared, "persons.csv") {
            let id = IDNumber.parse(person["id_number"] ?? "")
            #expect(id.kind == .resident)
            #expect(id.birthDate?.description == person["birth_date"])
            #expect(id.sex?.rawValue == person["sex"])
        }
    }

    @Test func aStatusIDFailsItsCheckOnlyWhenTheTruthSaysIdentityMismatch() throws {
        let (header, rows) = try Self.rows(Self.shared, Exports.Path.status)
        let idColumn = try #require(header.firstIndex(of: "身份证件号"))
        let personOf = Dictionary(uniqueKeysWithValues: try Self.truth(Self.shared, "records.csv")
            .filter { $0["source"] == SourceName.status }.map { ($0["record"]!, $0["person_key"]!) })
        let mismatched = Set(try Self.truth(Self.shared, "findings.csv").filter { $0["code"] == "identity_mismatch" }.map { $0["person_key"]! })
        var broken = 0, formatted = 0
        for row in rows {
            let raw = row.values[idColumn]
            guard !raw.isEmpty else { continue }
            let id = IDNumber.parse(raw)
            let person = try #require(personOf[String(row.recordNumber)])
            if !id.isValid {
                broken += 1
                #expect(mismatched.contains(person), "record \(row.recordNumber): a broken ID without identity_mismatch")
            } else if !id.defects.isEmpty {
                formatted += 1
            }
        }
        #expect(broken > 0 && formatted > 0)
    }

    @Test func theCountyLooksLikeLife() throws {
        let persons = try Self.truth(Self.shared, "persons.csv")
        let children = persons.filter { $0["kind"] == "child" }
        // Common names repeat; children born on one day share the first 14 characters of their IDs.
        var names: [String: Int] = [:]
        for c in children { names[c["name"]!, default: 0] += 1 }
        #expect((names.values.max() ?? 0) >= 3)
        var days: [String: Int] = [:]
        for c in children { days[String(c["id_number"]!.prefix(14)), default: 0] += 1 }
        #expect((days.values.max() ?? 0) >= 3)
        // A few children come from elsewhere (随迁子女), with real region codes of other counties.
        let migrants = children.filter { !$0["id_number"]!.hasPrefix("370783") }
        #expect(migrants.count > children.count / 100)
        // The pipeline file reads, and every source path exists.
        let config = try PipelineFile.load(Self.shared.appendingPathComponent("pipeline.yaml"))
        #expect(config.sources.count == 9)
        for s in config.sources { #expect(FileManager.default.fileExists(atPath: s.path.path), "\(s.name): \(s.path.path)") }
    }

    /// Formatting the county writes (traditional characters, spaces, other date styles) is undone by the
    /// project's normalizer; homophone typos are not (they are real differences).
    @Test func formattingIsUndoneByTheNormalizerButTyposAreNot() throws {
        let names = NameNormalizer()
        for (simplified, traditional) in NameMaker.traditional {
            #expect(names.normalize("王" + String(traditional)).normalized == "王" + String(simplified), "\(traditional) → \(simplified)")
        }
        #expect(names.normalize("王 芳").normalized == "王芳")
        #expect(names.normalize("张\u{3000}子涵").normalized == "张子涵")
        #expect(names.normalize("买买提·艾力").normalized == "买买提·艾力")
        for (a, b) in NameMaker.homophones { #expect(names.normalize("李" + String(a)).normalized != names.normalize("李" + String(b)).normalized) }
        let day = CivilDate(year: 2014, month: 3, day: 7)!
        for style in [ErrorModel.DateStyle.iso, .compact, .slash, .chinese, .dotted] {
            #expect(DateParser.parse(ErrorModel.format(day, style)) == .date(day), "\(ErrorModel.format(day, style))")
        }
        #expect(DateParser.parse(String(day.daysSinceEpoch + 25569)) == .date(day))
    }

    /// The poverty workbook has what Excel does to IDs: numbers that lost their last digits, and parents'
    /// 15-digit legacy numbers.
    @Test func thePovertyWorkbookHoldsExcelDamagedAndLegacyIDs() throws {
        let (header, rows) = try Self.rows(Self.shared, Exports.Path.poverty)
        #expect(header == Exports.povertyHeader)
        let kinds = rows.map { IDNumber.parse($0.values[3]).kind }
        #expect(kinds.contains(.damaged))
        #expect(kinds.contains(.legacy))
        #expect(kinds.filter { $0 == .resident }.count > rows.count * 9 / 10)
    }

    @Test func errorRateZeroWritesCleanExports() throws {
        let dir = try Self.county(children: 1500, seed: 9, errorRate: 0)
        defer { try? FileManager.default.removeItem(at: dir) }
        let (header, rows) = try Self.rows(dir, Exports.Path.status)
        let idColumn = try #require(header.firstIndex(of: "身份证件号"))
        for row in rows where !row.values[idColumn].isEmpty {
            let id = IDNumber.parse(row.values[idColumn])
            #expect(id.kind == .resident && id.defects.isEmpty)
        }
        let codes = Set(try Self.truth(dir, "findings.csv").compactMap { $0["code"] })
        #expect(!codes.contains("identity_mismatch"))
        #expect(codes.contains("not_enrolled") && codes.contains("duplicate_status"))
    }
}

extension SynthTests {
    /// FNV-1a over bytes (the project's stable hash), to compare files by digest.
    static func stableHashBytes(_ data: Data) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in data { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }
}

private func stableHash(_ data: Data) -> UInt64 { SynthTests.stableHashBytes(data) }
