import Foundation
import KCBXCore
import KCBXSheets

/// 控辍保学台账.xlsx: the ledger's open and closed cases with their history and the officer's columns
/// (劝返措施, 责任人, 处理结果, 备注), which `kcbx cases import` reads back.
public enum LedgerWorkbook {
    public static let fileName = "控辍保学台账.xlsx"
    /// Writes the ledger of `input.cases`; writes nothing while the ledger is empty and not yet kept.
    public static func write(_ input: ReportInput, to url: URL) throws(KCBXError) {
        // Filled in with the ledger (issue 5).
    }
}
