import KCBXCore

/// Reads dates in the forms departments export: yyyyMMdd, yyyy-M-d, yyyy/M/d, yyyy.M.d, yyyy年M月d日,
/// Excel serials, and date-times.
public enum DateParser {
    /// The outcome of parsing one value.
    public enum Result: Sendable, Equatable {
        case date(CivilDate)
        case empty
        /// Not a date; the reason says why (e.g. "2023-02-29 does not exist").
        case invalid(String)
    }
    public static func parse(_ raw: String) -> Result { fatalError("stub") }
}
