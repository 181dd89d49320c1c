import KCBXCore

/// 姓名, normalized for comparison: NFKC, no whitespace, one middle dot, simplified characters,
/// annotations split off, with a toneless pinyin key.
public struct PersonName: Sendable, Hashable {
    public let raw: String
    /// The comparable form, e.g. `买买提·艾力`, `张伟`.
    public let normalized: String
    /// An annotation split off the raw value, e.g. `曾用名王小明`.
    public let annotation: String?
    /// Toneless pinyin, syllables joined without spaces, e.g. `zhangwei`.
    public let pinyin: String
    /// Empty or a placeholder (无名, 不详, 某某): never to be linked on.
    public let isPlaceholder: Bool
    public init(raw: String, normalized: String, annotation: String?, pinyin: String, isPlaceholder: Bool) {
        self.raw = raw; self.normalized = normalized; self.annotation = annotation; self.pinyin = pinyin; self.isPlaceholder = isPlaceholder
    }
}

/// Normalizes names, with per-character caches of the ICU transforms (never an ICU call per record).
/// Safe to share between threads.
public final class NameNormalizer: @unchecked Sendable {
    public init() {}
    public func normalize(_ raw: String) -> PersonName { fatalError("stub") }
}
