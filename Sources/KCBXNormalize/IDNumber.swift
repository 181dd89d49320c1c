import KCBXCore

/// 性别: sex, as the ID number's sequence and the records state it.
public enum Sex: String, Sendable, Codable, Hashable {
    case male = "男", female = "女"
    /// Parses 男/女/1/2/M/F/male/female/男性/女性 (full-width too); `nil` when unknown.
    public static func parse(_ raw: String) -> Sex? { fatalError("stub") }
}

/// 公民身份号码 (GB 11643-1999), or another identity document number, parsed and checked.
///
/// Keeps the raw value, the normalized value and every defect found; it never silently "fixes" a
/// number (a wrong check character stays wrong and is reported).
public struct IDNumber: Sendable, Hashable {
    /// What kind of number this is.
    public enum Kind: String, Sendable, Codable {
        /// An 18-character resident ID with a valid check character.
        case resident
        /// A 15-digit legacy number, upgraded to 18 characters.
        case legacy
        /// A Hong Kong, Macau or Taiwan residence permit (810000/820000/830000).
        case hkMacauTaiwan
        /// A foreigner's permanent residence card.
        case foreignPermanent
        /// A number Excel destroyed (`3.70783E+17`, trailing zeros).
        case damaged
        /// Not a usable number (bad length, characters, check character, birth date).
        case invalid
        /// Empty or a placeholder (无, 0, -).
        case missing
    }

    /// A defect found in the raw value.
    public enum Defect: String, Sendable, Codable, CaseIterable {
        case fullWidthCharacters = "full_width"
        case whitespaceOrSeparators = "separators"
        case lowercaseX = "lowercase_x"
        case legacy15 = "legacy_15"
        case badCheckCharacter = "bad_check_character"
        case badLength = "bad_length"
        case badCharacters = "bad_characters"
        case badBirthDate = "bad_birth_date"
        case unknownRegion = "unknown_region"
        case scientificNotation = "scientific_notation"
        case zeroedTail = "zeroed_tail"
        case empty
    }

    /// As read.
    public let raw: String
    /// Normalized (half-width, upper-case X, 18 characters for resident/legacy); "" when there is none.
    public let normalized: String
    public let kind: Kind
    public let defects: [Defect]

    public init(raw: String, normalized: String, kind: Kind, defects: [Defect]) {
        self.raw = raw; self.normalized = normalized; self.kind = kind; self.defects = defects
    }

    /// Parses any raw ID value.
    public static func parse(_ raw: String) -> IDNumber { fatalError("stub") }

    /// The ISO 7064 MOD 11-2 check character of the first 17 digits; `nil` unless 17 ASCII digits.
    public static func checkCharacter(of first17: some StringProtocol) -> Character? { fatalError("stub") }

    /// Usable as an identity key (resident, legacy upgraded, HK/Macau/Taiwan, foreign permanent).
    public var isValid: Bool { [.resident, .legacy, .hkMacauTaiwan, .foreignPermanent].contains(kind) }
    /// The birth date embedded in the number.
    public var birthDate: CivilDate? { fatalError("stub") }
    /// The sex given by the sequence (odd male, even female).
    public var sex: Sex? { fatalError("stub") }
    /// The 6-digit region code.
    public var regionCode: String? { fatalError("stub") }
    /// `370783********1234`, for logs and masked outputs.
    public var masked: String { maskID(normalized.isEmpty ? raw : normalized) }
}
