import Foundation
import KCBXCore
import KCBXFormats
import KCBXLedger

/// Options of `kcbx synth`.
public struct SynthOptions: Sendable {
    /// Children aged 3–17 on `asOf` (households are added until there are this many).
    public var children: Int
    /// The same seed writes byte-identical files.
    public var seed: UInt64
    /// The county folder: `data/`, `truth/` and `pipeline.yaml` are written in it.
    public var output: URL
    /// The reference date (比对基准日) of the county and its pipeline file.
    public var asOf: CivilDate
    /// Multiplies every error rate (0 writes clean exports; planted findings do not depend on it).
    public var errorRate: Double
    /// Which county: `standard` (kcbx's own habits) or exports made elsewhere (see ``SynthProfile``).
    public var profile: SynthProfile = .standard

    public init(children: Int, seed: UInt64, output: URL) {
        self.init(children: children, seed: seed, output: output, asOf: CivilDate(year: 2026, month: 11, day: 30)!, errorRate: 1)
    }

    public init(children: Int, seed: UInt64, output: URL, asOf: CivilDate, errorRate: Double, profile: SynthProfile = .standard) {
        self.children = children; self.seed = seed; self.output = output; self.asOf = asOf; self.errorRate = errorRate
        self.profile = profile
    }
}

/// Writes a deterministic synthetic county: every department's export, a pipeline file, and the ground truth.
///
/// See docs/synthetic-county.md for what is written, the errors and their rates, and the planted findings;
/// docs/findings.md for the rules the truth follows.
public enum Synthesizer {
    /// Returns a short summary (files written, counts of planted findings) for the command to print.
    public static func run(_ options: SynthOptions) throws(KCBXError) -> String {
        guard options.children > 0 else { throw KCBXError(.usage, "--children must be at least 1") }
        guard options.errorRate >= 0 && options.errorRate <= 100 else { throw KCBXError(.usage, "--error-rate must be between 0 and 100") }
        guard (2000...2100).contains(options.asOf.year) else { throw KCBXError(.usage, "--as-of must be a date from 2000 to 2100") }
        let root = options.output
        let layout = Layout(options.profile)
        let exports = try Exports(root: root, asOf: options.asOf, layout: layout)
        let generator = CountyGenerator(options: options, exports: exports)
        try generator.run()
        try exports.close()
        let county = generator.county

        // The school directory (not part of the truth's records: it names schools, not people).
        let schools = try CSVWriter(url: root.appendingPathComponent(Exports.Path.schools), encoding: .utf8)
        try schools.write(Exports.schoolsHeader)
        for s in county.schools { try schools.write([s.code, s.name, s.level.rawValue, county.towns[s.town].name]) }
        try schools.close()

        let findings = generator.finalFindings()
        let out = try CSVWriter(url: root.appendingPathComponent("truth/findings.csv"), encoding: .utf8BOM)
        try out.write(["code", "person_key", "id_number", "name", "priority", "detail"])
        for f in findings { try out.write([f.code.rawValue, f.personKey, f.id, f.name, f.priority ? "true" : "false", f.detail]) }
        try out.close()

        let yaml = PipelineYAML.text(towns: county.towns.map(\.name), asOf: options.asOf, dataPrefix: "",
                                     store: "state/kcbx.sqlite", output: "out/",
                                     layout: layout, attendanceKind: options.profile.absenceLists ? "auto" : nil)
        do {
            try Data(yaml.utf8).write(to: root.appendingPathComponent("pipeline.yaml"))
        } catch {
            throw KCBXError(.runFailed, "cannot write the pipeline file: \(error.localizedDescription)", file: root.appendingPathComponent("pipeline.yaml").path)
        }

        let profileNote = options.profile == .standard ? "" : ", profile \(options.profile.name)"
        var lines = ["synthetic county \(County.districtName) (\(County.districtCode)), seed \(options.seed)\(profileNote), as of \(options.asOf): "
                     + "\(generator.childCount) children in \(generator.householdCount) households, \(county.schools.count) schools",
                     "records per source:"]
        for name in [SourceName.hukou, SourceName.status, SourceName.attendance, SourceName.poverty, SourceName.disability,
                     SourceName.welfare, SourceName.justice, SourceName.deferral] {
            lines.append("  \(name): \(exports.counts[name] ?? 0)")
        }
        lines.append("  \(SourceName.schools): \(county.schools.count)")
        if options.profile.absenceLists {
            let modes = generator.attendanceModes
            lines.append("attendance: \(modes.filter { $0 == .roster }.count) schools send a roster, \(modes.filter { $0 == .absences }.count) an absence list, \(modes.filter { $0 == .silent }.count) nothing")
        }
        if options.profile.borrowedIDs { lines.append("borrowed ID numbers: \(generator.borrowers)") }
        lines.append("findings to find (truth/findings.csv):")
        for code in FindingCode.allCases {
            let n = findings.filter { $0.code == code }
            lines.append("  \(code.rawValue): \(n.count) (\(n.filter(\.priority).count) priority)")
        }
        lines.append("pipeline: \(root.appendingPathComponent("pipeline.yaml").path)")
        return lines.joined(separator: "\n")
    }
}
