import Foundation
import KCBXCore

/// 链接参数: the Fellegi–Sunter parameters of one run: per field and level, m = P(level | same person)
/// estimated by expectation–maximisation on blocked pairs, u = P(level | different persons) estimated on
/// random pairs; λ = the probability that two random records belong to one person.
///
/// In memory m and u are per field (``LinkField`` order) and level (the registry's order); stored (``json``)
/// they are keyed by field and level key, and a stored set whose fields or levels differ from this build's
/// registry (``Comparisons``) is refused, never read by position.
public struct LinkParameters: Sendable, Equatable {
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

    /// Starting values before estimation (and the fallback when there is too little data to estimate): the registry's.
    public static let defaults = LinkParameters(m: Comparisons.all.map { $0.levels.map(\.m) },
                                                u: Comparisons.all.map { $0.levels.map(\.u) }, lambda: 1e-6)

    /// m of `level` of `field`.
    public func m<L: OrderedLevel>(_ field: LinkField, _ level: L) -> Double { m[field.rawValue][Int(level.rawValue)] }

    /// Weight in bits of `level` of `field`: log2(m/u).
    public func weight(_ field: LinkField, _ level: Int) -> Double {
        log2(max(m[field.rawValue][level], 1e-9) / max(u[field.rawValue][level], 1e-12))
    }

    /// log2(λ / (1 − λ)).
    public var priorWeight: Double { log2(lambda / (1 - lambda)) }

    /// Compact JSON, stored with the index: m and u keyed by field and level key.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// The parameters stored as ``json``; nil when unreadable or made for other comparison fields (see ``storedFields(json:)``).
    public init?(json: String) {
        guard let p = try? JSONDecoder().decode(LinkParameters.self, from: Data(json.utf8)) else { return nil }
        self = p
    }

    /// The fields (with their levels, `name(exact,simplified,…)`) a stored ``json`` was made for, when they
    /// are not this build's registry's; nil when they are. A set stored before fields were keyed by name
    /// (m and u by position) reads as `N fields by position`.
    public static func storedFields(json: String) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else { return "unreadable" }
        if let fields = object["fields"] as? [[String: Any]] {
            let stored = fields.map { f in
                "\(f["field"] as? String ?? "?")(" + ((f["levels"] as? [[String: Any]]) ?? []).map { $0["level"] as? String ?? "?" }.joined(separator: ",") + ")"
            }
            return stored == registryFields ? nil : stored.joined(separator: " ")
        }
        if let m = object["m"] as? [Any] { return "\(m.count) fields by position" }
        return "no fields"
    }

    /// This build's fields with their levels, as ``storedFields(json:)`` writes them.
    public static var registryFields: [String] {
        Comparisons.all.map { "\($0.key)(" + $0.levels.map(\.key).joined(separator: ",") + ")" }
    }

    /// The 链接参数 rows as plain values (no KCBXLink type): per field and level of the registry, its key and
    /// title, the level's key and title, m, u and the weight log2(m/u) in bits (unrounded).
    public var reportRows: [(field: String, fieldTitle: String, level: String, levelTitle: String, m: Double, u: Double, weightBits: Double)] {
        var rows: [(field: String, fieldTitle: String, level: String, levelTitle: String, m: Double, u: Double, weightBits: Double)] = []
        for c in Comparisons.all where c.field.rawValue < m.count {
            for (i, level) in c.levels.enumerated() where i < m[c.field.rawValue].count {
                rows.append((c.key, c.title, level.key, level.title, m[c.field.rawValue][i], u[c.field.rawValue][i], weight(c.field, i)))
            }
        }
        return rows
    }

    /// linkage.json for a run's report: per field and level, m, u and the weight, plus λ and the figures.
    public var reportObject: [String: any Sendable] {
        var fields: [[String: any Sendable]] = [], levels: [[String: any Sendable]] = []
        let rows = reportRows
        for (i, row) in rows.enumerated() {
            levels.append(["level": row.level, "m": row.m, "u": row.u, "weight_bits": (row.weightBits * 100).rounded() / 100])
            if i == rows.count - 1 || rows[i + 1].field != row.field { fields.append(["field": row.field, "levels": levels]); levels = [] }
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

extension LinkParameters: Codable {
    private enum Key: String, CodingKey { case fields, lambda, emPairs, emIterations, uPairs, figures }
    private struct StoredField: Codable, Equatable { var field: String; var levels: [StoredLevel] }
    private struct StoredLevel: Codable, Equatable { var level: String; var m: Double; var u: Double }
    /// Stored fields or levels that are not the registry's.
    struct OtherFields: Error {}

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        let fields = Comparisons.all.map { f in
            StoredField(field: f.key, levels: f.levels.indices.map { StoredLevel(level: f.levels[$0].key, m: m[f.field.rawValue][$0], u: u[f.field.rawValue][$0]) })
        }
        try c.encode(fields, forKey: .fields)
        try c.encode(lambda, forKey: .lambda)
        try c.encode(emPairs, forKey: .emPairs); try c.encode(emIterations, forKey: .emIterations); try c.encode(uPairs, forKey: .uPairs)
        try c.encode(figures, forKey: .figures)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        let fields = try c.decode([StoredField].self, forKey: .fields)
        // By name: the registry's fields and levels, in its order, or nothing.
        guard fields.map(\.field) == Comparisons.all.map(\.key),
              zip(fields, Comparisons.all).allSatisfy({ $0.levels.map(\.level) == $1.levels.map(\.key) }) else { throw OtherFields() }
        self.init(m: fields.map { $0.levels.map(\.m) }, u: fields.map { $0.levels.map(\.u) }, lambda: try c.decode(Double.self, forKey: .lambda))
        emPairs = try c.decode(Int.self, forKey: .emPairs); emIterations = try c.decode(Int.self, forKey: .emIterations)
        uPairs = try c.decode(Int.self, forKey: .uPairs); figures = try c.decode([String: Int].self, forKey: .figures)
    }
}

/// Jaro–Winkler similarity of two ASCII byte strings (pinyin), with the usual prefix scale 0.1 over up to 4 characters.
/// Strings longer than 64 bytes are compared on their first 64.
@inlinable
public func jaroWinkler(_ a: ByteView, _ b: ByteView) -> Double {
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
    var x = a, y = b
    return x.withByteView { p in y.withByteView { q in jaroWinkler(p, q) } }
}
