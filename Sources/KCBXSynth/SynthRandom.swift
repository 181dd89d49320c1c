/// The synthetic county's only source of randomness: xoshiro256** seeded through SplitMix64.
///
/// Deterministic on every platform (never `Hasher` or the system generator), so the same seed writes
/// byte-identical files.
struct SynthRandom {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// Seeds the four words of state from `seed` with SplitMix64 (the seeding its authors recommend).
    init(seed: UInt64) {
        var x = seed
        func splitMix() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitMix(); s1 = splitMix(); s2 = splitMix(); s3 = splitMix()
    }

    /// A generator for an independent purpose (e.g. errors), derived from this one's seed and a label.
    init(seed: UInt64, stream: UInt64) { self.init(seed: seed ^ (stream &* 0xD6E8_FEB8_6659_FD93)) }

    @inline(__always) private static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// The next 64 random bits.
    @inline(__always) mutating func next() -> UInt64 {
        let result = SynthRandom.rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t
        s3 = SynthRandom.rotl(s3, 45)
        return result
    }

    /// Uniform in `0..<n` (n > 0), without modulo bias worth measuring (Lemire's multiply-shift).
    @inline(__always) mutating func below(_ n: Int) -> Int {
        Int(next().multipliedFullWidth(by: UInt64(max(n, 1))).high)
    }

    /// Uniform in `range`.
    @inline(__always) mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// Uniform in [0, 1).
    @inline(__always) mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// True with probability `p`.
    @inline(__always) mutating func chance(_ p: Double) -> Bool { p > 0 && unit() < p }

    /// One element of a non-empty array.
    @inline(__always) mutating func pick<T>(_ values: [T]) -> T { values[below(values.count)] }
}

/// A table of values with weights (e.g. surnames by their share of the population), sampled by
/// binary search over the cumulative weights.
struct Weighted<T: Sendable>: Sendable {
    let values: [T]
    private let cumulative: [Double]

    init(_ pairs: [(T, Double)]) {
        values = pairs.map(\.0)
        var sum = 0.0
        cumulative = pairs.map { sum += $0.1; return sum }
    }

    /// One value, with probability proportional to its weight.
    func pick(_ rng: inout SynthRandom) -> T {
        let target = rng.unit() * (cumulative.last ?? 0)
        var lo = 0, hi = cumulative.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulative[mid] > target { hi = mid } else { lo = mid + 1 }
        }
        return values[lo]
    }
}

/// Plants a scenario at a steady rate among the children eligible for it: the count planted is close to
/// `rate × eligible` with little variance, so small counties still get every finding code.
struct Quota {
    let rate: Double
    private var credit: Double
    private var threshold: Double

    init(rate: Double, rng: inout SynthRandom) {
        self.rate = rate; credit = 0; threshold = 0.2 + 0.8 * rng.unit()
    }

    /// Adds one eligible child's share; true when this child is the one to plant.
    mutating func offer(_ rng: inout SynthRandom) -> Bool {
        credit += rate
        guard credit >= threshold else { return false }
        credit -= 1
        threshold = 0.2 + 0.8 * rng.unit()
        return true
    }

    /// Gives back a plant that fired for a child who took another scenario: the next eligible child gets it.
    mutating func refund() { credit += 1 }
}
