/// The synthetic county's geography: towns (镇/街道), their villages or communities, and schools.
struct County {
    /// 学段 of a school.
    enum Level: String { case primary = "小学", junior = "初中", nineYear = "九年一贯制", special = "特殊教育" }

    struct School {
        /// 学校标识码: 10 digits.
        let code: String
        let name: String
        let level: Level
        let town: Int
        /// Share of the town's pupils it takes, among the schools of its level.
        let weight: Double
        var teachesPrimary: Bool { level == .primary || level == .nineYear }
        var teachesJunior: Bool { level == .junior || level == .nineYear }
    }

    struct Town {
        let name: String
        let isSubdistrict: Bool
        /// Two-digit code used in 户号.
        let code: String
        let villages: [String]
        /// Share of the county's households.
        let weight: Double
        var primaries: [Int] = []
        var juniors: [Int] = []
    }

    static let districtCode = "370783"
    static let districtName = "示例县"

    /// Real county codes elsewhere (for 随迁子女 and for parents born outside the county): Shandong's
    /// neighbours first, then the provinces migrant workers typically come from.
    static let migrantRegions = Weighted<String>([
        ("370724", 6), ("370725", 6), ("370781", 5), ("370784", 5), ("371321", 5), ("370826", 4), ("371102", 3),
        ("341222", 6), ("342221", 4), ("410523", 5), ("411721", 5), ("130430", 3), ("510722", 3), ("522422", 3),
        ("230125", 2), ("421087", 2),
    ])
    /// Neighbouring counties where a spouse may be born.
    static let neighbourRegions = ["370702", "370724", "370725", "370781", "370782", "370784", "370785", "370786"]
    /// Xinjiang county codes, for the rare Uyghur migrant family.
    static let xinjiangRegions = ["653101", "652901", "650102"]

    let towns: [Town]
    let schools: [School]
    /// The special school (特殊教育学校).
    let specialSchool: Int
    /// A small village school that sends no attendance file (a decoy: its students are not phantoms).
    let silentSchool: Int
    let townPick: Weighted<Int>
    let subdistrictPick: Weighted<Int>

    private static let townSpecs: [(String, Bool, Double)] = [
        ("城关街道", true, 16), ("东城街道", true, 13), ("西城街道", true, 11), ("柳河镇", false, 8), ("双庙镇", false, 7),
        ("王集镇", false, 7), ("石桥镇", false, 8), ("杨庄镇", false, 6), ("马店镇", false, 6), ("河口镇", false, 7),
        ("新安镇", false, 6), ("孙家集镇", false, 5),
    ]
    private static let directions = ["东", "西", "南", "北", "前", "后", "大", "小", "上", "下"]
    private static let villageSuffixes = ["庄村", "家村", "村", "家庄村", "屯村", "楼村", "集村", "官庄村"]
    private static let communities = ["幸福", "文化路", "建设路", "人民路", "府前街", "育才", "和平", "东关", "西关", "南苑",
                                      "北苑", "阳光", "滨河", "锦绣", "新华", "光明", "兴隆", "安居"]

    /// Chinese numerals up to 99 (第十二小学).
    static func numeral(_ n: Int) -> String {
        let digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        if n < 10 { return digits[n] }
        return (n / 10 == 1 ? "" : digits[n / 10]) + "十" + digits[n % 10]
    }

    /// A county sized for `children`: a big county gets more schools (about one per 900 pupils), named
    /// the way counties number them.
    init(children: Int, _ rng: inout SynthRandom) {
        let totalWeight = County.townSpecs.reduce(0) { $0 + $1.2 }
        var urbanNumber = 2, urbanJuniorNumber = 2
        var towns: [Town] = []
        var usedVillages = Set<String>()
        for (i, spec) in County.townSpecs.enumerated() {
            var villages: [String] = []
            let count = spec.1 ? rng.int(6...10) : rng.int(14...26)
            while villages.count < count {
                let name: String
                if spec.1 {
                    name = County.communities[rng.below(County.communities.count)] + "社区"
                } else {
                    let surname = NameMaker.surname(&rng)
                    name = (rng.chance(0.45) ? County.directions[rng.below(County.directions.count)] : "") + surname
                        + County.villageSuffixes[rng.below(County.villageSuffixes.count)]
                }
                if usedVillages.insert(spec.0 + name).inserted { villages.append(name) }
            }
            towns.append(Town(name: spec.0, isSubdistrict: spec.1, code: zeroPadded(i + 1, 2), villages: villages, weight: spec.2))
        }

        var schools: [School] = []
        var usedCodes = Set<String>()
        func code(_ rng: inout SynthRandom) -> String {
            while true {
                let c = "2137" + String(rng.int(100_000...999_999))
                if usedCodes.insert(c).inserted { return c }
            }
        }
        func add(_ name: String, _ level: Level, _ town: Int, _ weight: Double, _ rng: inout SynthRandom) {
            let index = schools.count
            schools.append(School(code: code(&rng), name: name, level: level, town: town, weight: weight))
            if level == .primary || level == .nineYear { towns[town].primaries.append(index) }
            if level == .junior || level == .nineYear { towns[town].juniors.append(index) }
        }
        let urbanPrimaries = ["示例县实验小学", "示例县第一实验小学", "示例县第二实验小学", "示例县育才小学", "示例县文化路小学", "示例县东关小学", "示例县西关小学"]
        let urbanJuniors = ["示例县实验中学", "示例县第一初级中学", "示例县第二初级中学", "示例县东城初级中学", "示例县西城初级中学"]
        var urbanP = 0, urbanJ = 0
        for t in towns.indices {
            let town = towns[t]
            let pupils = Double(children) * 0.6 * County.townSpecs[t].2 / totalWeight
            let wantPrimaries = Int(pupils * 0.67 / 900), wantJuniors = Int(pupils * 0.33 / 1200)
            let short = String(town.name.dropLast(town.isSubdistrict ? 2 : 1))
            defer {
                // Extra schools of a big county (none for a small one: the sample stays as it is).
                for _ in 0..<max(0, wantPrimaries - towns[t].primaries.count) {
                    if town.isSubdistrict {
                        urbanNumber += 1
                        add("示例县第" + County.numeral(min(urbanNumber, 99)) + "小学" + (urbanNumber > 99 ? String(urbanNumber) : ""), .primary, t, 3, &rng)
                    } else {
                        let n = towns[t].primaries.count
                        add("示例县" + short + "镇第" + County.numeral(min(n, 99)) + "小学" + (n > 99 ? String(n) : ""), .primary, t, 1, &rng)
                    }
                }
                for _ in 0..<max(0, wantJuniors - towns[t].juniors.count) {
                    urbanJuniorNumber += 1
                    let n = town.isSubdistrict ? urbanJuniorNumber : towns[t].juniors.count + 1
                    let label = County.numeral(min(n, 99)) + (n > 99 ? String(n) : "")
                    add(town.isSubdistrict ? "示例县第" + label + "初级中学" : "示例县" + short + "镇第" + label + "初级中学", .junior, t, 3, &rng)
                }
            }
            if town.isSubdistrict {
                for _ in 0..<(t == 0 ? 3 : 2) { add(urbanPrimaries[urbanP], .primary, t, 3, &rng); urbanP += 1 }
                add(town.name.replacingOccurrences(of: "街道", with: "") + "街道中心小学", .primary, t, 2, &rng)
                for _ in 0..<(t == 0 ? 2 : 1) { add(urbanJuniors[urbanJ], .junior, t, 3, &rng); urbanJ += 1 }
                if t == 2 { add("示例县西城实验学校", .nineYear, t, 2, &rng) }
            } else {
                add(short + "镇中心小学", .primary, t, 4, &rng)
                let villageSchools = rng.int(1...3)
                for v in 0..<villageSchools {
                    let village = town.villages[(v * 7 + 3) % town.villages.count].replacingOccurrences(of: "村", with: "")
                    add("示例县" + short + "镇" + village + "小学", .primary, t, 1, &rng)
                }
                if t % 3 == 1 {
                    add("示例县" + short + "镇九年一贯制学校", .nineYear, t, 3, &rng)
                } else {
                    add("示例县" + short + "镇初级中学", .junior, t, 3, &rng)
                }
            }
        }
        let special = schools.count
        schools.append(School(code: code(&rng), name: "示例县特殊教育学校", level: .special, town: 0, weight: 0))
        self.specialSchool = special
        // The last village primary of the last town: it sends no attendance.
        self.silentSchool = schools.lastIndex { $0.level == .primary && $0.weight == 1 } ?? 0
        self.towns = towns
        self.schools = schools
        self.townPick = Weighted(towns.indices.map { ($0, towns[$0].weight) })
        self.subdistrictPick = Weighted(towns.indices.filter { towns[$0].isSubdistrict }.map { ($0, towns[$0].weight) })
    }

    /// The school a child of `town` attends at `grade` (1–9): weighted among the town's schools of that level.
    func school(town: Int, grade: Int, _ rng: inout SynthRandom) -> Int {
        let candidates = grade <= 6 ? towns[town].primaries : towns[town].juniors
        let total = candidates.reduce(0) { $0 + schools[$1].weight }
        var target = rng.unit() * total
        for c in candidates {
            target -= schools[c].weight
            if target < 0 { return c }
        }
        return candidates[candidates.count - 1]
    }

    /// Another school of the same level in the county (for a transfer left behind or a child attending elsewhere).
    func otherSchool(than school: Int, grade: Int, _ rng: inout SynthRandom) -> Int {
        let candidates = schools.indices.filter {
            $0 != school && $0 != silentSchool && (grade <= 6 ? schools[$0].teachesPrimary : schools[$0].teachesJunior)
        }
        return candidates[rng.below(candidates.count)]
    }
}
