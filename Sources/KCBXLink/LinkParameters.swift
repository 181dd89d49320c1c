import Foundation
import KCBXCore

/// A field compared by the probabilistic pass, with its comparison levels (best first).
public enum LinkField: Int, CaseIterable, Sendable, Codable {
    case id, name, birthDate, sex, family, household, town, school

    /// Number of fields.
    public static let count = 8

    /// The level of a field one side lacks: it contributes nothing.
    public static let nullLevel: UInt8 = 255

    /// The name used in explanations and linkage.json.
    public var key: String { ["id", "name", "birth_date", "sex", "family", "household", "town", "school"][rawValue] }

    /// The comparison levels, best first.
    public var levels: [String] {
        switch self {
        case .id: ["exact", "check_character", "one_substitution", "transposition", "other"]
        case .name: ["exact", "simplified", "same_pinyin", "jaro_winkler_0.92", "jaro_winkler_0.80", "different"]
        case .birthDate: ["exact", "day_month_swapped", "one_part_off", "different"]
        case .sex: ["same", "different"]
        case .family: ["parent_id", "parent_name", "different"]
        case .household, .town, .school: ["same", "different"]
        }
    }

    public func levelName(_ level: UInt8) -> String {
        level == LinkField.nullLevel ? "null" : Int(level) < levels.count ? levels[Int(level)] : "level\(level)"
    }
}

/// Fellegi–Sunter parameters of one run: per field and level, m = P(level | same person) estimated by
/// expectation–maximisation on blocked pairs, u = P(level | different persons) estimated on random pairs;
/// λ = the probability that two random records belong to one person.
public struct LinkParameters: Sendable, Codable, Equatable {
    /// m per field (``LinkField`` order) and level.
    public var m: [[Double]]
    /// u per field and level.
    public var u: [[Double]]
    /// Prior probability that two random records match.
    public var lambda: Double
    /// Pairs the EM ran on, its iterations, and the random pairs u was estimated on.
    public var emPairs: Int = 0
    public var emIterations: Int = 0
    public var uPairs: Int = 0
    /// Figures of the pass: records, candidate pairs compared, links by rule, review pairs.
    public var figures: [String: Int] = [:]

    public init(m: [[Double]], u: [[Double]], lambda: Double) { self.m = m; self.u = u; self.lambda = lambda }

    /// Starting values before estimation (and the fallback when there is too little data to estimate).
    public static let defaults = LinkParameters(
        m: [[0.90, 0.01, 0.04, 0.02, 0.03], [0.85, 0.04, 0.04, 0.03, 0.02, 0.02], [0.95, 0.01, 0.03, 0.01],
            [0.98, 0.02], [0.75, 0.15, 0.10], [0.90, 0.10], [0.95, 0.05], [0.90, 0.10]],
        u: [[1e-7, 1e-7, 0.003, 1e-4, 0.9969], [1e-4, 1e-4, 2e-4, 5e-3, 0.05, 0.9447], [2e-4, 1e-5, 2e-3, 0.9978],
            [0.5, 0.5], [1e-5, 1e-4, 0.9999], [1e-5, 0.99999], [0.1, 0.9], [0.02, 0.98]],
        lambda: 1e-6)

    /// Weight in bits of `level` of `field`: log2(m/u).
    public func weight(_ field: LinkField, _ level: Int) -> Double {
        log2(max(m[field.rawValue][level], 1e-9) / max(u[field.rawValue][level], 1e-12))
    }

    /// log2(λ / (1 − λ)).
    public var priorWeight: Double { log2(lambda / (1 - lambda)) }

    /// Compact JSON, stored with the index.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    public init?(json: String) {
        guard let p = try? JSONDecoder().decode(LinkParameters.self, from: Data(json.utf8)) else { return nil }
        self = p
    }

    /// linkage.json for a run's report: per field and level, m, u and the weight, plus λ and the figures.
    public var reportObject: [String: any Sendable] {
        var fields: [[String: any Sendable]] = []
        for field in LinkField.allCases {
            var levels: [[String: any Sendable]] = []
            for (i, name) in field.levels.enumerated() {
                levels.append(["level": name, "m": m[field.rawValue][i], "u": u[field.rawValue][i],
                               "weight_bits": (weight(field, i) * 100).rounded() / 100])
            }
            fields.append(["field": field.key, "levels": levels])
        }
        return ["lambda": lambda, "prior_weight_bits": (priorWeight * 100).rounded() / 100, "em_pairs": emPairs,
                "em_iterations": emIterations, "u_pairs": uPairs, "fields": fields, "figures": figures]
    }

    /// Lines for the stage log and the report: `name: exact m=0.953 u=0.00012 w=+12.9`.
    public var lines: [String] {
        var out = ["λ=\(String(format: "%.3g", lambda)) (prior \(String(format: "%+.1f", priorWeight)) bits), EM on \(emPairs) pairs in \(emIterations) iterations, u on \(uPairs) random pairs"]
        for field in LinkField.allCases {
            let parts = field.levels.enumerated().map { i, name in
                "\(name) m=\(String(format: "%.3g", m[field.rawValue][i])) u=\(String(format: "%.3g", u[field.rawValue][i])) w=\(String(format: "%+.1f", weight(field, i)))"
            }
            out.append("\(field.key): " + parts.joined(separator: "; "))
        }
        return out
    }
}

/// Jaro–Winkler similarity of two ASCII byte strings (pinyin), with the usual prefix scale 0.1 over up to 4 characters.
/// Strings longer than 64 bytes are compared on their first 64.
@inlinable
public func jaroWinkler(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Double {
    let la = min(a.count, 64), lb = min(b.count, 64)
    if la == 0 || lb == 0 { return 0 }
    let window = max(0, max(la, lb) / 2 - 1)
    var matchedA: UInt64 = 0, matchedB: UInt64 = 0
    var matches = 0
    for i in 0..<la {
        let lo = max(0, i - window), hi = min(lb - 1, i + window)
        if lo > hi { continue }
        for j in lo...hi where matchedB & (1 << UInt64(j)) == 0 && a[i] == b[j] {
            matchedA |= 1 << UInt64(i); matchedB |= 1 << UInt64(j); matches += 1
            break
        }
    }
    if matches == 0 { return 0 }
    var transpositions = 0, j = 0
    for i in 0..<la where matchedA & (1 << UInt64(i)) != 0 {
        while matchedB & (1 << UInt64(j)) == 0 { j += 1 }
        if a[i] != b[j] { transpositions += 1 }
        j += 1
    }
    let m = Double(matches)
    let jaro = (m / Double(la) + m / Double(lb) + (m - Double(transpositions / 2)) / m) / 3
    var prefix = 0
    while prefix < min(4, la, lb) && a[prefix] == b[prefix] { prefix += 1 }
    return jaro + Double(prefix) * 0.1 * (1 - jaro)
}

/// Jaro–Winkler similarity of two strings' UTF-8 bytes.
public func jaroWinkler(_ a: String, _ b: String) -> Double {
    let x = Array(a.utf8), y = Array(b.utf8)
    return x.withUnsafeBufferPointer { p in y.withUnsafeBufferPointer { q in jaroWinkler(p, q) } }
}
