/// How ID-number defects and kinds read in what officers open (plain Chinese, never the codes).
extension IDNumber.Defect {
    /// E.g. 校验码错误 for `bad_check_character`.
    public var title: String {
        switch self {
        case .fullWidthCharacters: "含全角字符"
        case .whitespaceOrSeparators: "含空格或分隔符"
        case .lowercaseX: "末位 x 为小写"
        case .legacy15: "15 位旧号码"
        case .badCheckCharacter: "校验码错误"
        case .badLength: "位数不对"
        case .badCharacters: "含非法字符"
        case .badBirthDate: "号码中的出生日期不存在"
        case .unknownRegion: "地区码不存在"
        case .scientificNotation: "被表格软件改成科学计数法"
        case .zeroedTail: "末几位被表格软件改成 0"
        case .empty: "为空"
        }
    }
}

extension IDNumber.Kind {
    /// E.g. 号码无效 for `invalid`.
    public var title: String {
        switch self {
        case .resident: "居民身份证号码"
        case .legacy: "15 位旧号码"
        case .hkMacauTaiwan: "港澳台居民居住证号码"
        case .foreignPermanent: "外国人永久居留身份证号码"
        case .damaged: "号码已被表格软件损坏"
        case .invalid: "号码无效"
        case .missing: "未填写"
        }
    }
}

extension IDNumber {
    /// What is wrong with the number, in words: its defects joined by 、, or its kind when it has none.
    public var problemWords: String {
        defects.isEmpty ? kind.title : defects.map(\.title).joined(separator: "、")
    }
}
