/// The words departments write in their exports for states (学籍状态, 户籍状态, 就读方式/安置情况, 缺课原因,
/// 在校情况, 审批类型), defined once: reconcile decides findings and report counts rates on these same
/// readings, so a new word touches this file and its tests only. docs/findings.md lists them.
///
/// Matching is by containment, so that `正常在读`, `户口迁出` or `事假（3天）` read as what they say; it
/// runs on UTF-8 bytes (no Foundation bridging in the hot loops), with the usual exact values first.
public enum ExportVocabulary {
    /// A word to look for, as UTF-8 bytes.
    public struct Word: Sendable {
        let bytes: [UInt8]
        public init(_ s: String) { bytes = Array(s.utf8) }
    }

    /// What a 学籍 record's 学籍状态 says.
    public enum StatusState: UInt8, Sendable {
        /// 在读, 在籍, 在校, 正常 (or blank): enrolled here.
        case active
        /// 休学: enrolled, on approved leave; not expected on an attendance roster.
        case suspended
        /// 辍学, 流失, 失学: left school.
        case dropout
        /// 转出, 转学: enrolled elsewhere.
        case transferred
        /// 毕业, 结业, 死亡, 注销: no longer a pupil.
        case finished
        /// A word kcbx does not know: not taken as enrolled, and shown as written.
        case unknown

        /// Counts as enrolled (在籍): active or suspended.
        public var isEnrolled: Bool { self == .active || self == .suspended }
    }

    /// What a 户籍 record's 户口状态 says.
    public enum RegistrationState: UInt8, Sendable {
        /// 正常, 在户 (or blank): registered here.
        case resident
        /// 死亡, 死亡注销.
        case dead
        /// 迁出, 注销, 失踪, 失联.
        case gone
    }

    static let dead = Word("死亡"), movedOut = Word("迁出"), cancelled = Word("注销"), missing = Word("失踪"), lost = Word("失联")
    static let dropout = Word("辍学"), leftSchool = Word("流失"), outOfSchool = Word("失学"), notEntered = Word("未入学")
    static let transferred = Word("转出"), changedSchool = Word("转学")
    static let graduated = Word("毕业"), completed = Word("结业")
    static let reading = Word("在读"), registered = Word("在籍"), atSchool = Word("在校"), normal = Word("正常"), suspended = Word("休学")
    static let sick = Word("病"), personal = Word("事假"), leave = Word("请假"), hospital = Word("住院")
    static let noLeave = Word("未请假"), noReason = Word("无故"), truant = Word("旷课"), unreachable = Word("联系不上"), unknownWord = Word("不明")
    static let homeTeaching = Word("送教上门"), exemption = Word("免")

    /// `value` contains `word`.
    public static func has(_ value: String, _ word: Word) -> Bool {
        var value = value
        return value.withByteView { hay in
            let needle = word.bytes
            guard hay.count >= needle.count, let first = needle.first else { return needle.isEmpty }
            var i = 0
            while i <= hay.count - needle.count {
                if hay[i] == first {
                    var j = 1
                    while j < needle.count && hay[i + j] == needle[j] { j += 1 }
                    if j == needle.count { return true }
                }
                i += 1
            }
            return false
        }
    }

    /// 户口状态: 正常/在户/blank resident; 死亡 dead; 迁出/注销/失踪/失联 gone; any other word resident.
    public static func registration(_ v: String) -> RegistrationState {
        if v.isEmpty || v == "正常" { return .resident }
        if has(v, dead) { return .dead }
        if has(v, movedOut) || has(v, cancelled) || has(v, missing) || has(v, lost) { return .gone }
        return .resident
    }

    /// 学籍状态. Leaving words win over staying words (`在籍辍学` is a dropout).
    public static func status(_ v: String) -> StatusState {
        if v.isEmpty || v == "在读" { return .active }
        if has(v, dropout) || has(v, leftSchool) || has(v, outOfSchool) { return .dropout }
        if has(v, transferred) || has(v, changedSchool) { return .transferred }
        if has(v, graduated) || has(v, completed) || has(v, dead) || has(v, cancelled) { return .finished }
        if has(v, suspended) { return .suspended }
        if has(v, reading) || has(v, registered) || has(v, atSchool) || has(v, normal) { return .active }
        return .unknown
    }

    /// 缺课原因: sick leave (病假, 因病请假, 住院), 事假, 请假 and approved 休学 excuse an absence; anything
    /// else, or nothing, does not — nor does a reason that says there was no leave (未请假, 无故, 旷课).
    public static func excused(_ reason: String) -> Bool {
        if reason.isEmpty || has(reason, noLeave) || has(reason, noReason) || has(reason, truant)
            || has(reason, unreachable) || has(reason, unknownWord) { return false }
        return has(reason, sick) || has(reason, personal) || has(reason, leave) || has(reason, hospital) || has(reason, suspended)
    }

    /// 在校情况 of a poverty record that reports the child out of school (辍学, 失学, 未入学, 流失).
    public static func reportedOut(_ v: String) -> Bool {
        has(v, dropout) || has(v, outOfSchool) || has(v, notEntered) || has(v, leftSchool)
    }

    /// 就读方式 / 安置情况: taught at home (送教上门).
    public static func homeTaught(_ v: String) -> Bool { !v.isEmpty && has(v, homeTeaching) }

    /// 审批类型: an exemption (免于入学, 免修) rather than a deferral (延缓入学).
    public static func exemption(_ v: String) -> Bool { has(v, exemption) }

    /// Leading digits of a count such as `15`, `15天`, `15.0`; nil when there are none.
    public static func days(_ v: String) -> Int? {
        var n = 0, seen = false
        for u in v.utf8 {
            if u >= 0x30 && u <= 0x39 { n = n * 10 + Int(u - 0x30); seen = true; if n > 100_000 { break } } else if seen || u != 0x20 { break }
        }
        return seen ? n : nil
    }
    /// 年级 of a 学籍 record as 1–9 (一年级 … 六年级 primary, 七年级 … 九年级 or 初一 … 初三 junior); nil when
    /// the text names no grade of compulsory schooling (高一, blank, 学前).
    public static func grade(_ v: String) -> Int? {
        let digits = gradeDigits
        let text = Array(v.filter { !$0.isWhitespace })
        guard !text.contains("高"), !text.contains("学前") else { return nil }
        let junior = text.contains("初")
        // The digit before 年级 (`三年级`, `初中二年级`, `7年级`), else the digit after 初 (`初一`).
        if let g = text.firstIndex(of: "年"), g > 0, let n = digits[text[g - 1]] {
            return junior && n <= 3 ? n + 6 : n
        }
        if junior, let c = text.firstIndex(of: "初"), c + 1 < text.count, let n = digits[text[c + 1]], n <= 3 { return n + 6 }
        return nil
    }

    static let gradeDigits: [Character: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
                                                "1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6, "7": 7, "8": 8, "9": 9]

    /// 救助类别 of a welfare record: the priority groups (重点群体) it names, among 低保, 特困, 孤儿, 事实无人抚养, 留守.
    public static func welfareGroups(_ v: String) -> [WelfareGroup] {
        WelfareGroup.allCases.filter { has(v, Word($0.rawValue)) }
    }

    /// A welfare category the bulletin counts apart (its raw value is the word read in 救助类别).
    public enum WelfareGroup: String, CaseIterable, Sendable {
        case lowIncome = "低保", extremePoverty = "特困", orphan = "孤儿", unsupported = "事实无人抚养", leftBehind = "留守"
    }
}
