/// Chinese names as they occur in life: surnames by their share of the population, given names by the
/// frequency of whole names and of characters in the generation (children born 2008–2023, parents born
/// 1975–1998), so that 张伟, 王芳, 王子涵 and 李梓涵 repeat as they do in a real county.
struct NameMaker {
    /// The ~100 commonest surnames with their approximate share (%) of the population (census figures,
    /// rounded); the four commonest are boosted slightly, as in Shandong.
    static let surnames = Weighted<String>([
        ("王", 8.4), ("李", 7.9), ("张", 7.5), ("刘", 5.9), ("陈", 4.2), ("杨", 3.1), ("黄", 2.0), ("赵", 2.4),
        ("吴", 1.9), ("周", 1.8), ("徐", 1.5), ("孙", 1.7), ("马", 1.4), ("朱", 1.3), ("胡", 1.1), ("郭", 1.2),
        ("何", 1.0), ("高", 1.1), ("林", 0.9), ("罗", 0.8), ("郑", 0.9), ("梁", 0.8), ("谢", 0.7), ("宋", 0.8),
        ("唐", 0.6), ("许", 0.7), ("韩", 0.7), ("冯", 0.6), ("邓", 0.5), ("曹", 0.6), ("彭", 0.5), ("曾", 0.4),
        ("肖", 0.5), ("田", 0.6), ("董", 0.6), ("袁", 0.5), ("潘", 0.4), ("于", 0.8), ("蒋", 0.4), ("蔡", 0.4),
        ("余", 0.4), ("杜", 0.5), ("叶", 0.4), ("程", 0.5), ("苏", 0.4), ("魏", 0.5), ("吕", 0.5), ("丁", 0.5),
        ("任", 0.5), ("沈", 0.3), ("姚", 0.4), ("卢", 0.4), ("姜", 0.5), ("崔", 0.5), ("钟", 0.3), ("谭", 0.3),
        ("陆", 0.3), ("汪", 0.3), ("范", 0.4), ("金", 0.3), ("石", 0.3), ("廖", 0.2), ("贾", 0.3), ("夏", 0.3),
        ("韦", 0.2), ("付", 0.3), ("方", 0.3), ("白", 0.3), ("邹", 0.2), ("孟", 0.4), ("熊", 0.2), ("秦", 0.3),
        ("邱", 0.2), ("江", 0.2), ("尹", 0.2), ("薛", 0.2), ("闫", 0.3), ("段", 0.2), ("雷", 0.2), ("侯", 0.3),
        ("龙", 0.2), ("史", 0.2), ("陶", 0.2), ("黎", 0.1), ("贺", 0.2), ("顾", 0.1), ("毛", 0.2), ("郝", 0.2),
        ("龚", 0.1), ("邵", 0.2), ("万", 0.1), ("钱", 0.1), ("严", 0.1), ("覃", 0.1), ("武", 0.2), ("戴", 0.1),
        ("莫", 0.1), ("孔", 0.2), ("向", 0.1), ("汤", 0.1), ("綦", 0.05), ("欧阳", 0.03), ("上官", 0.01),
    ])

    // Children born 2008–2023: whole given names that top the yearly lists, then characters.
    static let boyNames = Weighted<String>([
        ("浩宇", 9), ("浩然", 8), ("宇轩", 8), ("子轩", 9), ("梓轩", 7), ("一诺", 5), ("宇航", 5), ("子豪", 4),
        ("皓轩", 5), ("浩轩", 5), ("博文", 4), ("梓豪", 3), ("明轩", 3), ("子墨", 4), ("梓睿", 4), ("沐宸", 4),
        ("奕辰", 3), ("宇泽", 3), ("俊杰", 4), ("家豪", 3), ("天佑", 3), ("俊熙", 3), ("睿", 3), ("浩", 2),
        ("宇", 2), ("轩", 2), ("瑞", 2), ("哲", 2), ("鑫", 2), ("诚", 1),
    ])
    static let girlNames = Weighted<String>([
        ("子涵", 10), ("梓涵", 9), ("欣怡", 9), ("诗涵", 7), ("一诺", 7), ("梓萱", 6), ("雨桐", 6), ("可馨", 5),
        ("语桐", 4), ("若汐", 4), ("依诺", 4), ("梦琪", 4), ("欣妍", 4), ("思涵", 4), ("佳怡", 4), ("紫涵", 3),
        ("雨涵", 4), ("可欣", 4), ("芷若", 3), ("梓琪", 3), ("雨欣", 3), ("馨怡", 3), ("佳琪", 3), ("悦", 2),
        ("萱", 2), ("琪", 2), ("涵", 2), ("彤", 2), ("静", 1), ("怡", 1),
    ])
    static let boyFirst = Weighted<String>(chars("子梓浩宇俊博家明天皓泽嘉思文一沐睿志佳晨奕铭昊锦承", [8, 6, 8, 7, 6, 5, 5, 5, 4, 5, 4, 4, 3, 4, 3, 3, 3, 3, 3, 3, 3, 3, 2, 2, 2]))
    static let boySecond = Weighted<String>(chars("轩宇涵然辰睿泽豪杰航阳博铭宸熙诚瑞晨源哲鑫凯恒川伟", [9, 7, 4, 7, 6, 5, 5, 5, 5, 4, 4, 4, 3, 4, 4, 3, 3, 3, 3, 3, 3, 3, 2, 2, 2]))
    static let girlFirst = Weighted<String>(chars("子梓欣雨诗思可佳一若语梦紫芷馨依心雅嘉晓美静", [8, 6, 7, 7, 5, 5, 5, 5, 4, 4, 4, 3, 3, 3, 3, 3, 2, 3, 2, 2, 2, 2]))
    static let girlSecond = Weighted<String>(chars("涵萱怡彤琪桐欣妍悦诺馨汐婷雯琳然瑶菲璇晴颖月莉丽", [9, 7, 7, 6, 6, 5, 5, 5, 4, 4, 4, 3, 4, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2]))

    // Parents born 1975–1998: the famous repeats (伟, 芳, 娜, 敏, 静 …) and the characters of the time.
    static let manNames = Weighted<String>([
        ("伟", 12), ("磊", 8), ("勇", 7), ("军", 7), ("强", 7), ("杰", 6), ("涛", 6), ("斌", 5), ("超", 6), ("明", 5),
        ("刚", 5), ("平", 4), ("辉", 5), ("鹏", 5), ("华", 4), ("飞", 4), ("鑫", 3), ("波", 4), ("宁", 3), ("健", 3),
        ("建华", 3), ("建国", 2), ("建军", 3), ("志强", 3), ("晓东", 2), ("海涛", 2), ("小龙", 2), ("永刚", 2), ("俊杰", 2), ("海波", 2),
    ])
    static let womanNames = Weighted<String>([
        ("芳", 11), ("娜", 9), ("敏", 8), ("静", 9), ("丽", 7), ("艳", 7), ("娟", 6), ("霞", 5), ("燕", 5), ("玲", 5),
        ("丹", 4), ("萍", 4), ("红", 4), ("玉兰", 3), ("桂英", 2), ("秀英", 3), ("秀兰", 2), ("丽娟", 3), ("海燕", 3), ("晓燕", 3),
        ("红梅", 2), ("艳红", 2), ("婷婷", 3), ("丹丹", 3), ("莉", 3), ("倩", 3), ("雪", 2), ("慧", 2), ("晶", 2), ("琳", 2),
    ])
    static let manFirst = Weighted<String>(chars("建志海晓小永国文振伟俊立宏春红金德明新东", [6, 6, 6, 5, 5, 4, 4, 4, 3, 3, 3, 3, 3, 2, 2, 2, 2, 3, 2, 3]))
    static let manSecond = Weighted<String>(chars("华军国伟强明平东峰涛林波辉刚龙杰成亮飞生", [6, 6, 4, 5, 5, 5, 3, 4, 4, 4, 3, 3, 4, 3, 3, 3, 3, 3, 3, 2]))
    static let womanFirst = Weighted<String>(chars("丽秀晓红海春玉桂美小艳雪静金彩凤淑慧文燕", [6, 5, 6, 4, 4, 3, 4, 3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 3, 2, 3]))
    static let womanSecond = Weighted<String>(chars("英兰燕红霞梅芳萍玲丽娟华云艳琴珍娜敏凤莉", [5, 4, 6, 4, 5, 5, 5, 4, 4, 4, 4, 3, 3, 3, 3, 2, 3, 3, 2, 3]))

    /// Uyghur given names (a migrant family from Xinjiang): the child's name is given·father's given name.
    static let uyghurMen = ["买买提", "艾力", "阿卜杜拉", "艾合买提", "吐尔逊", "麦麦提", "依明", "热合曼", "亚森", "努尔"]
    static let uyghurWomen = ["阿依古丽", "古丽", "热依拉", "努尔古丽", "帕提古丽", "迪丽努尔", "米热古丽", "阿依努尔"]

    private static func chars(_ text: String, _ weights: [Double]) -> [(String, Double)] {
        zip(text.map(String.init), weights + Array(repeating: 1, count: max(0, text.count - weights.count))).map { ($0, $1) }
    }

    /// A surname.
    static func surname(_ rng: inout SynthRandom) -> String { surnames.pick(&rng) }

    /// A child's given name (born 2008–2023): a third are the top names of the years, 8% one character.
    static func childGiven(male: Bool, _ rng: inout SynthRandom) -> String {
        if rng.chance(0.35) { return (male ? boyNames : girlNames).pick(&rng) }
        if rng.chance(0.06) { return (male ? boySecond : girlSecond).pick(&rng) }
        let first = (male ? boyFirst : girlFirst).pick(&rng)
        var second = (male ? boySecond : girlSecond).pick(&rng)
        if second == first { second = (male ? boySecond : girlSecond).pick(&rng) }
        return first + second
    }

    /// An adult's given name (born 1975–1998): the classic repeats, a third one character.
    static func adultGiven(male: Bool, _ rng: inout SynthRandom) -> String {
        if rng.chance(0.45) { return (male ? manNames : womanNames).pick(&rng) }
        if rng.chance(0.15) { return (male ? manSecond : womanSecond).pick(&rng) }
        return (male ? manFirst : womanFirst).pick(&rng) + (male ? manSecond : womanSecond).pick(&rng)
    }

    /// A twin's name: often shares the first character with the sibling's (浩宇/浩然), never equal to it.
    static func twinGiven(of sibling: String, male: Bool, _ rng: inout SynthRandom) -> String {
        for _ in 0..<20 {
            var name = childGiven(male: male, &rng)
            if sibling.count == 2, rng.chance(0.5) {
                name = String(sibling.first!) + (male ? boySecond : girlSecond).pick(&rng)
            }
            if name != sibling { return name }
        }
        return sibling + (male ? "宇" : "涵")
    }

    /// Same-sounding characters confused when a clerk types a name (伟/玮, 静/晶, 丽/莉, 明/铭 …).
    static let homophones: [Character: Character] = [
        "伟": "玮", "玮": "伟", "静": "晶", "晶": "静", "丽": "莉", "莉": "丽", "明": "铭", "铭": "明", "华": "化",
        "杰": "洁", "涵": "晗", "轩": "萱", "萱": "轩", "宇": "雨", "雨": "宇", "欣": "心", "怡": "仪", "梓": "子",
        "子": "梓", "浩": "皓", "皓": "浩", "琪": "淇", "婷": "亭", "峰": "锋", "军": "君", "红": "虹", "燕": "艳",
        "艳": "燕", "玲": "琳", "琳": "玲", "辰": "晨", "晨": "辰", "泽": "择", "涛": "韬", "彤": "桐", "桐": "彤",
        "芳": "方", "敏": "民", "娜": "纳", "磊": "雷", "强": "墙", "鑫": "欣", "博": "搏", "睿": "瑞", "瑞": "睿",
        "妍": "研", "诺": "若", "馨": "欣", "熙": "希", "豪": "浩", "航": "杭", "然": "冉",
    ]

    /// Simplified → traditional for characters the Traditional-Simplified transform maps back one to one.
    static let traditional: [Character: Character] = [
        "张": "張", "刘": "劉", "陈": "陳", "杨": "楊", "黄": "黃", "赵": "趙", "吴": "吳", "孙": "孫", "马": "馬",
        "郑": "鄭", "罗": "羅", "谢": "謝", "许": "許", "韩": "韓", "冯": "馮", "邓": "鄧", "叶": "葉", "苏": "蘇",
        "卢": "盧", "陆": "陸", "龙": "龍", "伟": "偉", "丽": "麗", "华": "華", "杰": "傑", "静": "靜", "军": "軍",
        "强": "強", "红": "紅", "兰": "蘭", "凤": "鳳", "涛": "濤", "国": "國", "东": "東", "晓": "曉", "轩": "軒",
        "诗": "詩", "梦": "夢", "语": "語", "铭": "銘", "泽": "澤", "辉": "輝", "鹏": "鵬", "飞": "飛", "刚": "剛",
        "颖": "穎", "瑶": "瑤", "诺": "諾", "锦": "錦", "阳": "陽", "凯": "凱", "宁": "寧", "长": "長", "庄": "莊",
        "乐": "樂", "贺": "賀", "闫": "閆", "汤": "湯", "钱": "錢", "顾": "顧", "龚": "龔", "邹": "鄒", "韦": "韋",
    ]

    /// The name with one character swapped for a homophone, or nil when it has none.
    static func homophoneTypo(_ name: String, _ rng: inout SynthRandom) -> String? {
        let chars = Array(name)
        let candidates = chars.indices.filter { $0 > 0 && homophones[chars[$0]] != nil }
        guard !candidates.isEmpty else { return nil }
        var out = chars
        let i = candidates[rng.below(candidates.count)]
        out[i] = homophones[chars[i]]!
        return String(out)
    }

    /// The name in traditional characters, or nil when none of its characters differ.
    static func traditionalForm(_ name: String) -> String? {
        var changed = false
        let out = name.map { c -> Character in
            if let t = traditional[c] { changed = true; return t }
            return c
        }
        return changed ? String(out) : nil
    }

    /// Back from ``traditionalForm(_:)``: what the normalizer's Traditional-Simplified transform does to these.
    static let simplified: [Character: Character] = Dictionary(uniqueKeysWithValues: traditional.map { ($0.value, $0.key) })
}
