import KCBXCore

/// The pipeline file of a synthetic county (INTERFACE.md's YAML): every source with every column mapped.
enum PipelineYAML {
    /// `dataPrefix` is put before each export's path (`""` beside the data, `../sample-data/` from pipelines/).
    static func text(towns: [String], asOf: CivilDate, dataPrefix: String, store: String, output: String) -> String {
        """
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
          - name: \(SourceName.hukou)
            role: hukou
            path: \(dataPrefix)\(Exports.Path.hukou)
            format: csv
            encoding: gb18030
            delimiter: ","
            columns:
              id_number: 公民身份号码
              name: 姓名
              sex: 性别
              birth_date: 出生日期
              ethnicity: 民族
              household_id: 户号
              household_head: 户主姓名
              relation: 与户主关系
              address: 住址
              town: 乡镇街道
              village: 村居
              registration_status: 户口状态
              status_date: 状态日期
              father_name: 父亲姓名
              father_id: 父亲公民身份号码
              mother_name: 母亲姓名
              mother_id: 母亲公民身份号码
          - name: \(SourceName.status)
            role: student_status
            path: \(dataPrefix)\(Exports.Path.status)
            format: xml
            record: 学生
            columns:
              school_code: "@学校标识码"
              student_number: 全国学籍号
              id_type: 身份证件类型
              id_number: 身份证件号
              name: 姓名
              sex: 性别
              birth_date: 出生日期
              school_name: 学校名称
              grade: 年级
              class: 班级
              status: 学籍状态
              study_mode: 就读方式
              guardian_name: 监护人姓名
              address: 户口所在地
          - name: \(SourceName.poverty)
            role: poverty
            path: \(dataPrefix)\(Exports.Path.poverty)
            format: xlsx
            sheet: 监测户成员
            columns:
              household_id: 户编号
              household_head: 户主姓名
              name: 成员姓名
              id_number: 证件号码
              relation: 与户主关系
              status: 在校情况
              birth_date: 出生日期
          - name: \(SourceName.disability)
            role: disability
            path: \(dataPrefix)\(Exports.Path.disability)
            format: csv
            encoding: utf-8
            delimiter: "\\t"
            columns:
              name: 姓名
              sex: 性别
              disability_cert: 残疾人证号
              disability_category: 残疾类别
              disability_level: 残疾等级
              guardian_name: 监护人
              address: 住址
              town: 乡镇
              placement: 安置情况
          - name: \(SourceName.welfare)
            role: welfare
            path: \(dataPrefix)\(Exports.Path.welfare)
            format: csv
            encoding: auto
            columns:
              name: 姓名
              id_number: 身份证号
              category: 救助类别
              guardian_name: 监护人
              town: 乡镇
          - name: \(SourceName.justice)
            role: justice
            path: \(dataPrefix)\(Exports.Path.justice)
            format: csv
            encoding: utf-8
            columns:
              name: 子女姓名
              id_number: 子女身份证号
              guardian_name: 监护人
              father_name: 服刑人员姓名
          - name: \(SourceName.attendance)
            role: attendance
            path: \(dataPrefix)\(Exports.Path.attendance)
            format: csv
            encoding: gb18030
            columns:
              school_code: 学校标识码
              name: 学生姓名
              id_number: 身份证号
              absent_days: 连续缺课天数
              absence_reason: 缺课原因
              last_attendance: 最后到校日期
          - name: \(SourceName.deferral)
            role: deferral
            path: \(dataPrefix)\(Exports.Path.deferral)
            format: csv
            encoding: auto
            columns:
              name: 姓名
              id_number: 身份证号
              deferral_type: 审批类型
              approved_on: 批准日期
              valid_until: 有效期至
          - name: \(SourceName.schools)
            role: schools
            path: \(dataPrefix)\(Exports.Path.schools)
            format: csv
            encoding: utf-8
            columns:
              school_code: 学校标识码
              school_name: 学校名称
              school_level: 学段
              town: 乡镇
        linkage: {auto_threshold: 0.95, review_threshold: 0.50}
        rules: {dropout_absence_days: 10, max_reject_rate: 0.02}
        targets: {primary_enrolment: 1.0, junior_enrolment: 1.0, consolidation: 0.96, disabled_enrolment: 0.97}
        privacy: {mask_ids_in: [town_lists]}

        """
    }
}
