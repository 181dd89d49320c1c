import Foundation
import KCBXCore
import KCBXFormats
import KCBXReconcile

/// Long numbers in the CSVs: an 18-digit ID number a spreadsheet program takes for a number loses its
/// last digits for good (`3.70783E+17`). A cell of 12 or more digits (an ID's final X allowed) is
/// written with a tab after it, which Excel and WPS keep as text when the file is double-clicked; a
/// program reading the CSVs trims that trailing tab (README "Outputs for programs").
enum CSVText {
    static func keepingDigits(_ value: String) -> String {
        let bytes = value.utf8
        guard bytes.count >= 12, bytes.count <= 40 else { return value }
        for (i, b) in bytes.enumerated() where !(b >= 0x30 && b <= 0x39) && !(i == bytes.count - 1 && (b == 0x58 || b == 0x78)) {
            return value
        }
        return value + "\t"
    }
}

/// findings.csv (UTF-8 with BOM): one row per finding, columns exactly as INTERFACE.md lists them.
enum FindingsCSV {
    static let header = ["case_id", "code", "priority", "person_id", "id_number", "name", "birth_date", "sex", "town",
                         "school_code", "evidence", "detail"]

    static func write(_ rows: FindingRows, _ input: ReportInput, to url: URL) throws(KCBXError) {
        let masked = MaskedOutput.csv.isMasked(in: input.config)
        let csv = try CSVWriter(url: url, formulaSafe: true)
        try csv.write(header)
        for row in rows.rows {
            let f = row.finding, p = row.person
            try csv.write([f.caseID, f.code.rawValue, f.priority ? "true" : "false", f.personID,
                           CSVText.keepingDigits(Masking.id(p.idNumber, masked)), p.name,
                           p.birthDate?.description ?? "", p.sex, p.town, p.schoolCode, row.evidence, Masking.text(f.detail, masked)])
        }
        try csv.close()
    }
}

/// persons.csv (UTF-8 with BOM): the person index, one row per input record, streamed; a record the
/// probabilistic pass or a review decision joined carries its link's weight and per-field explanation.
enum PersonsCSV {
    static let header = ["source", "record", "person_id", "id_number", "link_rule", "match_probability", "match_weight", "explanation"]

    static func write(_ input: ReportInput, to url: URL) throws(KCBXError) {
        let masked = MaskedOutput.csv.isMasked(in: input.config)
        let csv = try CSVWriter(url: url, formulaSafe: true)
        try csv.write(header)
        // Millions of rows: made a chunk at a time on the other cores while this one writes the chunk before.
        let chunk = 65_536
        let sources = input.records.sources
        let parts = sources.indices.filter { sources[$0].role != .schools }.flatMap { s in
            stride(from: 0, to: sources[s].accepted, by: chunk).map { (s, $0..<min(sources[s].accepted, $0 + chunk)) }
        }
        for made in ParallelAhead(count: parts.count, make: { rows(input, source: parts[$0].0, parts[$0].1, masked: masked) }) {
            for row in made { try csv.write(row) }
        }
        try csv.close()
    }

    /// The rows of records `range` of source `s`.
    static func rows(_ input: ReportInput, source s: Int, _ range: Range<Int>, masked: Bool) -> [[String]] {
        input.records.personRows(s, range).map { r in
            [r.source, String(r.recordNumber), r.personID, CSVText.keepingDigits(Masking.id(r.idNumber, masked)), r.rule,
             probabilityText(r.probability), r.weight.map(weightText) ?? "", r.explanation]
        }
    }

    /// Match weight in bits with one decimal (`16.3`, `-2.0`).
    static func weightText(_ w: Float) -> String { String(format: "%.1f", Double(w)) }

    /// `1`, `0`, or four decimals (`0.9731`), without going through `String(format:)` for six million rows.
    static func probabilityText(_ p: Float) -> String {
        if p >= 1 { return "1" }
        if p <= 0 { return "0" }
        let n = Int((Double(p) * 10_000).rounded())
        if n >= 10_000 { return "1.0000" }
        let digits = String(n)
        return "0." + String(repeating: "0", count: 4 - digits.count) + digits
    }
}
