import KCBXCore

/// The pipeline file of a synthetic county (INTERFACE.md's YAML): every source with every column mapped.
enum PipelineYAML {
    /// `dataPrefix` is put before each export's path (`""` beside the data, `../sample-data/` from pipelines/).
    static func text(towns: [String], asOf: CivilDate, dataPrefix: String, store: String, output: String,
                     layout: Layout = Layout(.standard), attendanceKind: String? = nil) -> String {
        func source(_ name: String, _ role: String, _ path: String, _ settings: [String], _ columns: Layout.Columns) -> String {
            var lines = ["  - name: \(name)", "    role: \(role)", "    path: \(dataPrefix)\(path)"]
            lines += settings.map { "    " + $0 }
            lines.append("    columns:")
            for c in columns { lines.append("      \(c.field): " + (c.header.hasPrefix("@") ? "\"\(c.header)\"" : c.header)) }
            return lines.joined(separator: "\n")
        }
        let sources = [
            source(SourceName.hukou, "hukou", Exports.Path.hukou, ["format: csv", "encoding: gb18030", "delimiter: \",\""], layout.hukou),
            source(SourceName.status, "student_status", Exports.Path.status, ["format: xml", "record: 学生"],
                   [("school_code", "@学校标识码")] + layout.status),
            source(SourceName.poverty, "poverty", Exports.Path.poverty, ["format: xlsx", "sheet: 监测户成员"], layout.poverty),
            source(SourceName.disability, "disability", Exports.Path.disability, ["format: csv", "encoding: utf-8", "delimiter: \"\\t\""],
                   layout.disability),
            source(SourceName.welfare, "welfare", Exports.Path.welfare, ["format: csv", "encoding: auto"], layout.welfare),
            source(SourceName.justice, "justice", Exports.Path.justice, ["format: csv", "encoding: utf-8"], layout.justice),
            source(SourceName.attendance, "attendance", Exports.Path.attendance,
                   ["format: csv", "encoding: gb18030"] + (attendanceKind.map { ["kind: \($0)"] } ?? []), layout.attendance),
            source(SourceName.deferral, "deferral", Exports.Path.deferral, ["format: csv", "encoding: auto"], layout.deferral),
            source(SourceName.schools, "schools", Exports.Path.schools, ["format: csv", "encoding: utf-8"],
                   [("school_code", "学校标识码"), ("school_name", "学校名称"), ("school_level", "学段"), ("town", "乡镇")]),
        ].joined(separator: "\n")
        return """
        # Written by `kcbx synth`: the synthetic 示例县 and its departments' exports.
        name: 示例县 \(asOf.year)年\(asOf.month)月比对核查（合成数据）
        district:
          code: "\(County.districtCode)"
          name: \(County.districtName)
          towns: [\(towns.joined(separator: ", "))]
        as_of: \(asOf)
        school_age: {cutoff: "08-31", min_age: 6, max_age: 14}
        store: \(store)
        output: \(output)
        sources:
        \(sources)
        linkage: {auto_threshold: 0.95, review_threshold: 0.50}
        rules: {dropout_absence_days: 10, max_reject_rate: 0.02}
        targets: {primary_enrolment: 1.0, junior_enrolment: 1.0, consolidation: 0.96, disabled_enrolment: 0.97}
        privacy: {mask_ids_in: [town_lists]}

        """
    }
}
