/// The stable finding codes; they key the ledger, the findings and the spreadsheets, and their order
/// (`allCases`) is the order the reports list them in.
///
/// A code here is a plain key: what it means — its title (应入未入), its ledger (``CaseWork``), whether it
/// counts against the town, who acts on it, what is asked, how its case closes — is its rule's descriptor
/// in KCBXReconcile (`FindingDescriptor`, in `Rules/<Code>Rule.swift`), read as `code.descriptor`,
/// `code.title` and `code.work` (and `Case.work`) by the modules that import KCBXReconcile. The ledger's
/// own modules (the store, the synthetic county's truth) need only the key, so they do not depend on the
/// rules. Adding a code: the case here (its raw value is the key), its rule file with the descriptor, and
/// its test rows (docs/findings.md "Adding a code").
public enum FindingCode: String, CaseIterable, Sendable, Codable {
    case notEnrolled = "not_enrolled"
    case deferred
    case suspectedDropout = "suspected_dropout"
    case duplicateStatus = "duplicate_status"
    case phantomStatus = "phantom_status"
    case identityMismatch = "identity_mismatch"
    case duplicateHukou = "duplicate_hukou"
    case deceasedActiveStatus = "deceased_active_status"
    case disabledUnplaced = "disabled_unplaced"
    case outOfDistrict = "out_of_district"

    private static let ordered = allCases

    /// The code's place in ``allCases`` (the report order), from 0: an index for tables and bits per code.
    public var position: Int { Self.ordered.firstIndex(of: self)! }
}

/// The two kinds of work findings become (two ledgers). Which one a code is on is its descriptor's
/// `work` (KCBXReconcile).
public enum CaseWork: String, CaseIterable, Sendable, Codable {
    /// 劝返台账: a child out of school or to follow up (一人一案), the town's responsibility.
    case childFollowUp = "child_follow_up"
    /// 数据纠错: a 学籍 or 户籍 record a school or a police station corrects; not counted against a town.
    case recordCorrection = "record_correction"

    /// The ledger's name officers know.
    public var title: String {
        switch self {
        case .childFollowUp: "控辍保学劝返台账"
        case .recordCorrection: "学籍户籍数据纠错台账"
        }
    }
}
