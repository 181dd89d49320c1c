import Foundation
import KCBXCore
import KCBXFormats
import KCBXLedger

/// `kcbx evaluate`: scores a run's person index and findings against a synthetic county's ground truth.
///
/// Links are scored as pairs of records that share a person: for each source, its pairs with the
/// reference source (户籍) and within itself; findings as (code, true person) pairs.
public enum Evaluation {
    /// Precision, recall and F1 of one set of predicted pairs against the true ones.
    public struct Score: Sendable, Codable, Equatable {
        public var truePositives: Int
        public var predicted: Int
        public var actual: Int
        public var precision: Double { predicted == 0 ? 1 : Double(truePositives) / Double(predicted) }
        public var recall: Double { actual == 0 ? 1 : Double(truePositives) / Double(actual) }
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    }

    /// The scores of one run.
    public struct Report: Sendable {
        /// Link scores by label, e.g. `学籍↔公安户籍`, `学籍↔学籍` (within-source), `all`.
        public var links: [(label: String, score: Score)]
        /// Finding scores per code.
        public var findings: [(code: String, score: Score)]
        /// Lines for the terminal.
        public var lines: [String] {
            var out = ["links (record pairs that share a person)", pad("pair", 28) + "precision  recall     F1        predicted  true"]
            for (label, s) in links { out.append(row(label, s)) }
            out.append("")
            out.append("findings (code, person)")
            out.append(pad("code", 28) + "precision  recall     F1        predicted  true")
            for (code, s) in findings { out.append(row(code, s)) }
            return out
        }
        func row(_ label: String, _ s: Score) -> String {
            pad(label, 28) + pad(String(format: "%.5f", s.precision), 11) + pad(String(format: "%.5f", s.recall), 11)
                + pad(String(format: "%.5f", s.f1), 10) + pad(String(s.predicted), 11) + String(s.actual)
        }
        func pad(_ s: String, _ n: Int) -> String {
            let width = s.unicodeScalars.reduce(0) { $0 + ($1.value > 0x2E80 ? 2 : 1) }
            return s + String(repeating: " ", count: max(1, n - width))
        }
    }

    /// Reads `truth/` and a run's period folder (holding persons.csv and findings.csv) and scores them.
    public static func run(truth: URL, output: URL) throws(KCBXError) -> Report {
        let period = try periodFolder(output)
        // Records, sources and persons are numbered once, so that millions of pairs are counted on integers.
        var recordIndex: [String: Int] = [:]
        var truePerson: [Int] = [], predicted: [Int] = [], sourceOf: [Int] = []
        var trueKeys: [String: Int] = [:], predictedKeys: [String: Int] = [:], sourceKeys: [String: Int] = [:]
        func number(_ key: String, in table: inout [String: Int]) -> Int {
            if let n = table[key] { return n }
            table[key] = table.count
            return table.count - 1
        }
        for row in try rows(truth.appendingPathComponent("records.csv"), ["source", "record", "person_key"]) {
            recordIndex[row[0] + "#" + row[1]] = truePerson.count
            truePerson.append(number(row[2], in: &trueKeys))
            predicted.append(-1)
            sourceOf.append(number(row[0], in: &sourceKeys))
        }
        for row in try rows(period.appendingPathComponent("persons.csv"), ["source", "record", "person_id"]) {
            let key = row[0] + "#" + row[1]
            let r: Int
            if let known = recordIndex[key] {
                r = known
            } else {
                // A record the truth does not know: it counts against precision.
                r = truePerson.count
                recordIndex[key] = r
                truePerson.append(-1); predicted.append(-1); sourceOf.append(number(row[0], in: &sourceKeys))
            }
            predicted[r] = number(row[2], in: &predictedKeys)
        }
        let present = Set(predicted.indices.filter { predicted[$0] >= 0 }.map { sourceOf[$0] })
        let sourceNames = sourceKeys.filter { present.contains($0.value) }.map(\.key).sorted()
        let reference = sourceNames.contains("公安户籍") ? "公安户籍" : sourceNames.first ?? ""
        // As scored: the records of the run's persons.csv (a record the run rejected is not among them).
        func records(of source: String) -> [Int] {
            guard let s = sourceKeys[source] else { return [] }
            return sourceOf.indices.filter { sourceOf[$0] == s && predicted[$0] >= 0 }
        }
        let referenceRecords = records(of: reference)
        var links: [(label: String, score: Score)] = []
        for source in sourceNames {
            let own = records(of: source)
            if source != reference {
                links.append(("\(source)↔\(reference)", pairScore(own, referenceRecords, predicted, truePerson)))
            }
            links.append(("\(source)↔\(source)", pairScore(own, nil, predicted, truePerson)))
        }
        links.append(("all", pairScore(predicted.indices.filter { predicted[$0] >= 0 }, nil, predicted, truePerson)))

        // Findings: (code, true person) pairs.
        var trueFindings = Set<String>(), truePriority = Set<String>()
        for row in try rows(truth.appendingPathComponent("findings.csv"), ["code", "person_key", "priority"]) {
            trueFindings.insert(row[0] + "|" + row[1])
            if row[2] == "true" { truePriority.insert(row[0] + "|" + row[1]) }
        }
        let personKey = Dictionary(uniqueKeysWithValues: trueKeys.map { ($0.value, $0.key) })
        var found = Set<String>(), foundPriority = Set<String>()
        for row in try rows(period.appendingPathComponent("findings.csv"), ["code", "evidence", "priority"]) {
            // The finding's person is the true person most of its evidence records belong to.
            var votes: [String: Int] = [:]
            for ref in row[1].split(separator: ";") {
                if let r = recordIndex[String(ref)], let p = personKey[truePerson[r]] { votes[p, default: 0] += 1 }
            }
            let person = votes.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? "unknown:" + row[1]
            found.insert(row[0] + "|" + person)
            if row[2] == "true" { foundPriority.insert(row[0] + "|" + person) }
        }
        var findings: [(code: String, score: Score)] = []
        for code in FindingCode.allCases.map(\.rawValue) {
            let t = trueFindings.filter { $0.hasPrefix(code + "|") }, f = found.filter { $0.hasPrefix(code + "|") }
            findings.append((code, Score(truePositives: t.intersection(f).count, predicted: f.count, actual: t.count)))
        }
        // Priority (重点群体): the (code, person) findings flagged as such, against the truth's flag.
        findings.append(("priority", Score(truePositives: truePriority.intersection(foundPriority).count,
                                           predicted: foundPriority.count, actual: truePriority.count)))
        return Report(links: links, findings: findings)
    }

    /// Counts record pairs sharing a person (-1: none): between `records` and `others`, or within
    /// `records` when `others` is nil.
    static func pairScore(_ records: [Int], _ others: [Int]?, _ predicted: [Int], _ truth: [Int]) -> Score {
        func pairs(_ assignment: [Int]) -> Set<UInt64> {
            var groupA: [Int: [Int]] = [:], groupB: [Int: [Int]] = [:]
            for r in records where assignment[r] >= 0 { groupA[assignment[r], default: []].append(r) }
            if let others { for r in others where assignment[r] >= 0 { groupB[assignment[r], default: []].append(r) } }
            func pair(_ x: Int, _ y: Int) -> UInt64 { UInt64(min(x, y)) << 32 | UInt64(max(x, y)) }
            var result = Set<UInt64>()
            for (p, a) in groupA {
                if others != nil {
                    for x in a { for y in groupB[p] ?? [] { result.insert(pair(x, y)) } }
                } else if a.count > 1 {
                    for i in 0..<a.count { for j in (i + 1)..<a.count { result.insert(pair(a[i], a[j])) } }
                }
            }
            return result
        }
        let p = pairs(predicted), t = pairs(truth)
        return Score(truePositives: p.intersection(t).count, predicted: p.count, actual: t.count)
    }

    static func periodFolder(_ output: URL) throws(KCBXError) -> URL {
        let fm = FileManager.default
        if fm.fileExists(atPath: output.appendingPathComponent("persons.csv").path) { return output }
        let periods = ((try? fm.contentsOfDirectory(atPath: output.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        for p in periods.reversed() where fm.fileExists(atPath: output.appendingPathComponent(p).appendingPathComponent("persons.csv").path) {
            return output.appendingPathComponent(p)
        }
        throw KCBXError(.usage, "no persons.csv in this folder or its period folders; expected a run's output folder", file: output.path)
    }

    /// The named columns of every row of a CSV file.
    static func rows(_ url: URL, _ columns: [String]) throws(KCBXError) -> [[String]] {
        let reader = try CSVReader(url: url)
        let positions = columns.map { reader.header.firstIndex(of: $0) }
        if let missing = zip(columns, positions).first(where: { $0.1 == nil }) {
            throw KCBXError(.input, "missing column `\(missing.0)`; headers found: \(reader.header.joined(separator: ", "))", file: url.path)
        }
        var result: [[String]] = []
        while let row = try reader.next() { result.append(positions.map { row.values[$0!] }) }
        return result
    }
}
