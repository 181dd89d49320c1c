import KCBXCore
import KCBXNormalize

/// Hands out 公民身份号码 (GB 11643-1999) that are unique in the county: region + birth date + sequence
/// (odd for men, even for women) + the check character. Numbers of one region and birth day are handed
/// out in order, so children born on the same day in the county share 14 of 18 characters, as in life.
struct IDAllocator {
    private var regionIndex: [String: Int] = [:]
    private var nextSlot: [Int: Int] = [:]

    /// A new number for a person of `region` born on `birth`; when that day's sequences are used up the
    /// birth date moves a day later (returned with the number).
    mutating func allocate(region: String, birth: CivilDate, male: Bool, _ rng: inout SynthRandom) -> (id: String, birth: CivilDate) {
        let r: Int
        if let known = regionIndex[region] { r = known } else { r = regionIndex.count; regionIndex[region] = r }
        var day = birth
        while true {
            let key = r << 32 | (day.daysSinceEpoch + 100_000)
            // The first sequence of a day is not always 001: police stations take blocks of numbers.
            var slot = nextSlot[key] ?? rng.int(0...40)
            if slot <= 493 {
                let seq = 10 + 2 * slot + (male ? 1 : 2)
                slot += rng.chance(0.3) ? 2 : 1
                nextSlot[key] = slot
                return (IDAllocator.compose(region: region, birth: day, sequence: seq), day)
            }
            day = day.adding(days: 1)
        }
    }

    /// The 18-character number for a region, birth date and 3-digit sequence.
    static func compose(region: String, birth: CivilDate, sequence: Int) -> String {
        let first17 = region + String(birth.yyyymmdd) + threeDigits(sequence)
        return first17 + String(IDNumber.checkCharacter(of: first17) ?? "0")
    }

    /// The 15-digit legacy form of an 18-digit number of someone born in the 1900s (region + yyMMdd + sequence).
    static func legacy15(_ id: String) -> String? {
        let chars = Array(id)
        guard chars.count == 18, chars[6] == "1", chars[7] == "9" else { return nil }
        return String(chars[0..<6]) + String(chars[8..<17])
    }

    static func threeDigits(_ n: Int) -> String { zeroPadded(n, 3) }
}

/// `n` in decimal with leading zeros to `width` digits (户号, person keys, 学籍号).
func zeroPadded<N: BinaryInteger>(_ n: N, _ width: Int) -> String {
    let digits = String(n)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}

/// How a value was written to a non-police export: the identity errors clerks make, and the formatting
/// differences that are not errors at all. Scaled by `--error-rate`.
struct ErrorModel {
    /// What was done to an ID number.
    enum IDForm: Equatable {
        case clean, typo, transposition, fullWidth, lowercaseX, missing, dropped, legacy15, excelDamaged
        /// The written number no longer identifies the person (it fails its check).
        var breaksCheck: Bool { self == .typo || self == .transposition || self == .dropped }
    }
    /// What was done to a name.
    enum NameForm: Equatable { case clean, homophone, traditional, spaced }

    let scale: Double
    var rng: SynthRandom

    // Default rates per record (documented in docs/synthetic-county.md).
    static let idTypo = 0.002, idTransposition = 0.0015, idFullWidth = 0.004, idLowercaseX = 0.25, idMissing = 0.003
    static let idDropped = 0.0005, nameHomophone = 0.002, nameTraditional = 0.002, nameSpaced = 0.003
    static let dateOtherFormat = 0.03, dateSwap = 0.002, sexWrong = 0.0005, parentLegacy15 = 0.02, excelDamaged = 0.01

    func p(_ base: Double) -> Double { min(1, base * scale) }

    /// Chooses how an ID is written. `identityErrors`: typos, transpositions and dropped digits may happen.
    mutating func idForm(_ id: String, identityErrors: Bool, allowMissing: Bool = true) -> IDForm {
        guard !id.isEmpty else { return .missing }
        let u = rng.unit()
        var edge = 0.0
        if identityErrors {
            edge += p(ErrorModel.idTypo); if u < edge { return .typo }
            edge += p(ErrorModel.idTransposition); if u < edge { return .transposition }
            edge += p(ErrorModel.idDropped); if u < edge { return .dropped }
        }
        if allowMissing { edge += p(ErrorModel.idMissing); if u < edge { return .missing } }
        edge += p(ErrorModel.idFullWidth); if u < edge { return .fullWidth }
        if id.hasSuffix("X"), rng.chance(p(ErrorModel.idLowercaseX)) { return .lowercaseX }
        return .clean
    }

    /// The ID as written in `form`.
    mutating func write(_ id: String, _ form: IDForm) -> String {
        var chars = Array(id)
        switch form {
        case .clean, .excelDamaged: return id
        case .missing: return ""
        case .legacy15: return IDAllocator.legacy15(id) ?? id
        case .lowercaseX: return id.lowercased()
        case .fullWidth:
            return String(String.UnicodeScalarView(id.unicodeScalars.map {
                $0.value >= 0x30 && $0.value <= 0x39 || $0 == "X" ? Unicode.Scalar($0.value + 0xFEE0)! : $0
            }))
        case .typo:
            let i = rng.below(17)
            let old = chars[i].wholeNumberValue ?? 0
            chars[i] = Character(String((old + 1 + rng.below(9)) % 10))
            return String(chars)
        case .transposition:
            let candidates = (0..<16).filter { chars[$0] != chars[$0 + 1] }
            guard let i = candidates.isEmpty ? nil : candidates[rng.below(candidates.count)] else { return id }
            chars.swapAt(i, i + 1)
            return String(chars)
        case .dropped:
            chars.remove(at: 6 + rng.below(11))
            return String(chars)
        }
    }

    /// Chooses how a name is written. `identityErrors`: homophone typos may happen.
    mutating func name(_ name: String, identityErrors: Bool) -> (String, NameForm) {
        let u = rng.unit()
        var edge = 0.0
        if identityErrors {
            edge += p(ErrorModel.nameHomophone)
            if u < edge, let typo = NameMaker.homophoneTypo(name, &rng) { return (typo, .homophone) }
        }
        edge += p(ErrorModel.nameTraditional)
        if u < edge, let t = NameMaker.traditionalForm(name) { return (t, .traditional) }
        edge += p(ErrorModel.nameSpaced)
        if u < edge, name.count >= 2, !name.contains("·") {
            var chars = Array(name)
            let cut = name.count == 2 || rng.chance(0.5) ? 1 : 2
            chars.insert(rng.chance(0.8) ? " " : "\u{3000}", at: cut)
            return (String(chars), .spaced)
        }
        return (name, .clean)
    }

    /// The usual ways a date is typed (the department's own style most of the time).
    enum DateStyle { case iso, compact, slash, chinese, dotted, dottedPadded }

    /// A date in the department's `style`, sometimes in another style; with `swaps`, sometimes with day
    /// and month exchanged (a different date). Returns the text and the date it states.
    mutating func date(_ date: CivilDate, style: DateStyle, swaps: Bool) -> (String, CivilDate) {
        var d = date
        if swaps, rng.chance(p(ErrorModel.dateSwap)), date.day <= 12, date.day != date.month,
           let swapped = CivilDate(year: date.year, month: date.day, day: date.month) {
            d = swapped
        }
        var s = style
        if rng.chance(p(ErrorModel.dateOtherFormat)) { s = [.iso, .compact, .slash, .chinese, .dotted][rng.below(5)] }
        return (ErrorModel.format(d, s), d)
    }

    static func format(_ d: CivilDate, _ style: DateStyle) -> String {
        switch style {
        case .iso: return d.description
        case .compact: return String(d.yyyymmdd)
        case .slash: return "\(d.year)/\(d.month)/\(d.day)"
        case .chinese: return "\(d.year)年\(d.month)月\(d.day)日"
        case .dotted: return "\(d.year).\(d.month).\(d.day)"
        case .dottedPadded: return "\(d.year).\(zeroPadded(d.month, 2)).\(zeroPadded(d.day, 2))"
        }
    }
}

/// Reads back what was written, the way the pipeline's normalizer would, to decide from the written
/// values themselves whether a 学籍 record is an identity mismatch.
enum WrittenForm {
    /// The ID after formatting is undone (full-width digits, lower-case x, spaces); nil when it fails its
    /// check: wrong length, wrong characters, impossible birth date or bad check character.
    static func validID(_ written: String) -> String? {
        var out = ""
        for s in written.unicodeScalars {
            switch s.value {
            case 0xFF10...0xFF19: out.unicodeScalars.append(Unicode.Scalar(s.value - 0xFEE0)!)
            case 0xFF38, 0xFF58: out.append("X")
            case 0x20, 0x3000: continue
            default: out.unicodeScalars.append(s == "x" ? "X" : s)
            }
        }
        guard out.count == 18, let check = IDNumber.checkCharacter(of: out.prefix(17)), out.last == check,
              let yyyymmdd = Int(out.dropFirst(6).prefix(8)), CivilDate(yyyymmdd: yyyymmdd) != nil else { return nil }
        return out
    }

    /// The name after formatting is undone (spaces, traditional characters).
    static func name(_ written: String) -> String {
        String(written.filter { $0 != " " && $0 != "\u{3000}" }.map { NameMaker.simplified[$0] ?? $0 })
    }
}
