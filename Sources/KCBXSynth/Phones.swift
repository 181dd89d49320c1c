/// A household's phone numbers (联系电话) and how a department writes one, from a random stream of their own
/// (stream 16 of the seed): the rest of the county is drawn exactly as before phones existed, so the same seed
/// writes the same people, records and mistakes, with a 联系电话 column added to 学籍, 扶贫, 残联 and 民政.
struct Phones {
    /// The guardian's mobile (the one most departments have), the other parent's, and a landline (or "").
    var guardian = "", other = "", landline = ""

    /// Mobile prefixes (China Mobile, Unicom, Telecom) and the county's area code.
    static let prefixes = ["134", "135", "136", "137", "138", "139", "150", "151", "152", "157", "158", "159", "182", "187", "188",
                           "130", "131", "132", "155", "156", "185", "186", "133", "153", "180", "181", "189", "177", "199"]
    static let areaCode = "0537"
    /// Shares of the written forms at `--error-rate 1` (docs/synthetic-county.md).
    static let missing = 0.08, typo = 0.02, landlineShare = 0.04, otherParent = 0.10, dashed = 0.05, countryCode = 0.03

    /// A household's numbers: two mobiles, and a landline in a third of the households.
    static func household(_ rng: inout SynthRandom) -> Phones {
        func mobile() -> String {
            let rest = String(rng.below(100_000_000))
            return rng.pick(prefixes) + String(repeating: "0", count: 8 - rest.count) + rest
        }
        var p = Phones(guardian: mobile(), other: mobile())
        if rng.chance(0.33) { p.landline = areaCode + String(2_000_000 + rng.below(7_000_000)) }
        return p
    }

    /// The number a department writes for the household: mostly the guardian's mobile, sometimes none, the
    /// other parent's, the landline, one digit mistyped; written plain, with dashes or with +86.
    func written(_ rng: inout SynthRandom, errorRate: Double) -> String {
        guard !guardian.isEmpty else { return "" }
        let u = rng.unit()
        let missing = Phones.missing * errorRate, typo = missing + Phones.typo * errorRate
        let landlineEdge = typo + Phones.landlineShare, otherEdge = landlineEdge + Phones.otherParent
        var number = guardian
        if u < missing { return "" }
        if u < typo {
            // One of the last eight digits changed.
            var digits = Array(guardian.utf8)
            let at = 3 + rng.below(8)
            digits[at] = UInt8(ascii: "0") + UInt8((Int(digits[at] - UInt8(ascii: "0")) + 1 + rng.below(9)) % 10)
            number = String(decoding: digits, as: UTF8.self)
        } else if u < landlineEdge {
            if !landline.isEmpty { return rng.chance(0.5) ? Phones.areaCode + "-" + landline.dropFirst(Phones.areaCode.count) : landline }
        } else if u < otherEdge {
            number = other
        }
        let form = rng.unit()
        if form < Phones.dashed * errorRate {
            let d = Array(number)
            return String(d[0..<3]) + "-" + String(d[3..<7]) + "-" + String(d[7...])
        }
        if form < (Phones.dashed + Phones.countryCode) * errorRate { return "+86 " + number }
        return number
    }
}
