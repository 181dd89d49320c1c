import Foundation
import Yams

/// Reads a pipeline file, reporting each mistake with the key, the line and what was expected.
public enum PipelineFile {
    /// Loads and checks `url`. Throws the first problem as a ``KCBXError`` of kind `.config`;
    /// use ``problems(in:)`` to see all of them at once.
    public static func load(_ url: URL) throws(KCBXError) -> PipelineConfig {
        let (config, problems) = parse(url)
        if let first = problems.first { throw first }
        return config!
    }

    /// Every problem of the file, for `kcbx validate`.
    public static func parse(_ url: URL) -> (PipelineConfig?, [KCBXError]) {
        let file = url.path
        guard let data = FileManager.default.contents(atPath: file) else {
            return (nil, [KCBXError(.config, "cannot read the pipeline file", file: file)])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return (nil, [KCBXError(.config, "the pipeline file is not UTF-8 text", file: file)])
        }
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                return (nil, [KCBXError(.config, "the pipeline file is empty; expected a mapping with name, district, sources", file: file)])
            }
            root = node
        } catch let error as YamlError {
            return (nil, [yamlSyntaxError(error, file: file)])
        } catch {
            return (nil, [KCBXError(.config, "not valid YAML: \(error)", file: file)])
        }
        var reader = Reader(file: file, base: url.deletingLastPathComponent())
        let config = reader.pipeline(root, url: url)
        return (reader.problems.isEmpty ? config : nil, reader.problems)
    }

    private static func yamlSyntaxError(_ error: YamlError, file: String) -> KCBXError {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _):
            let what = [context?.text, problem].compactMap { $0 }.joined(separator: ": ")
            return KCBXError(.config, "YAML syntax: \(what)", file: file, line: mark.line, column: mark.column)
        case let .composer(context, problem, mark, _):
            let what = [context?.text, problem].compactMap { $0 }.joined(separator: ": ")
            return KCBXError(.config, "YAML syntax: \(what)", file: file, line: mark.line, column: mark.column)
        case let .duplicatedKeysInMapping(duplicates, context):
            // Yams gives the first occurrence's place (its context text is the whole file: never shown).
            let key = duplicates.first ?? ""
            let again = repeatedKeyLine(key, in: context.text, after: context.mark)
            let lines = again.map { "lines \(context.mark.line) and \($0)" } ?? "line \(context.mark.line)"
            let others = duplicates.count > 1 ? " (also \(duplicates.dropFirst().map { "`\($0)`" }.joined(separator: ", ")))" : ""
            return KCBXError(.config, "key `\(key)` is given twice in the same mapping, on \(lines)\(others); keep one of them",
                             file: file, line: again ?? context.mark.line, column: context.mark.column)
        default:
            return KCBXError(.config, "YAML syntax: \(error)", file: file)
        }
    }

    /// The line (1-based) after `first` where `key` starts another entry at the same column, if any.
    static func repeatedKeyLine(_ key: String, in text: String, after first: Mark) -> Int? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard first.line >= 1, first.line < lines.count else { return nil }
        let indent = max(0, first.column - 1)
        for n in first.line..<lines.count {
            let line = lines[n]
            guard line.count > indent, line.prefix(indent).allSatisfy({ $0 == " " || $0 == "-" }) else { continue }
            var rest = line.dropFirst(indent)
            if rest.first == "\"" || rest.first == "'" { rest = rest.dropFirst() }
            guard rest.hasPrefix(key) else { continue }
            let after = rest.dropFirst(key.count).drop { $0 == " " || $0 == "\"" || $0 == "'" }
            if after.hasPrefix(":") { return n + 1 }
        }
        return nil
    }

    /// Walks the YAML tree, collecting problems instead of stopping at the first.
    struct Reader {
        let file: String
        let base: URL
        var problems: [KCBXError] = []

        mutating func problem(_ node: Node?, _ message: String) {
            problems.append(KCBXError(.config, message, file: file, line: node?.mark?.line, column: node?.mark?.column))
        }

        func pairs(_ node: Node) -> [(key: String, keyNode: Node, value: Node)] {
            guard case let .mapping(mapping) = node else { return [] }
            return mapping.map { (key: $0.key.string ?? "", keyNode: $0.key, value: $0.value) }
        }

        mutating func mapping(_ node: Node?, _ key: String, known: Set<String>) -> [String: (Node, Node)] {
            guard let node else { return [:] }
            guard case .mapping = node else {
                problem(node, "`\(key)`: expected a mapping (key: value lines)"); return [:]
            }
            var result: [String: (Node, Node)] = [:]
            for pair in pairs(node) {
                if !known.contains(pair.key) {
                    let hint = nearest(pair.key, in: known).map { "; did you mean `\($0)`?" } ?? ""
                    problem(pair.keyNode, "`\(key).\(pair.key)`: unknown key; expected one of \(known.sorted().joined(separator: ", "))\(hint)")
                }
                result[pair.key] = (pair.keyNode, pair.value)
            }
            return result
        }

        mutating func string(_ entry: (Node, Node)?, _ key: String, required: Bool = false) -> String? {
            guard let (keyNode, value) = entry else {
                if required { problem(nil, "`\(key)` is missing; expected a value") }
                return nil
            }
            guard case let .scalar(scalar) = value else {
                problem(value, "`\(key)`: expected a single value, found a \(value.mapping != nil ? "mapping" : "list")"); return nil
            }
            if scalar.string.isEmpty && required { problem(keyNode, "`\(key)` is empty; expected a value") ; return nil }
            return scalar.string
        }

        mutating func number(_ entry: (Node, Node)?, _ key: String, range: ClosedRange<Double>) -> Double? {
            guard let entry, let text = string(entry, key) else { return nil }
            guard let value = Double(text), range.contains(value) else {
                problem(entry.1, "`\(key)`: expected a number from \(range.lowerBound) to \(range.upperBound), found `\(text)`"); return nil
            }
            return value
        }

        mutating func integer(_ entry: (Node, Node)?, _ key: String, range: ClosedRange<Int>) -> Int? {
            guard let entry, let text = string(entry, key) else { return nil }
            guard let value = Int(text), range.contains(value) else {
                problem(entry.1, "`\(key)`: expected a whole number from \(range.lowerBound) to \(range.upperBound), found `\(text)`"); return nil
            }
            return value
        }

        mutating func path(_ text: String) -> URL {
            text.hasPrefix("/") ? URL(fileURLWithPath: text) : base.appendingPathComponent(text).standardizedFileURL
        }

        mutating func pipeline(_ root: Node, url: URL) -> PipelineConfig? {
            let top = mapping(root, "pipeline", known: ["name", "district", "as_of", "school_age", "store", "output",
                                                         "sources", "linkage", "rules", "targets", "privacy", "issuer"])
            if top.isEmpty {
                if problems.isEmpty { problem(root, "the pipeline file holds no settings; expected a mapping with name, district, as_of, sources") }
                return nil
            }
            let name = string(top["name"], "name", required: true) ?? ""
            let districtMap = mapping(top["district"]?.1, "district", known: ["code", "name", "towns"])
            if top["district"] == nil { problem(root, "`district` is missing; expected {code: \"370783\", name: 示例县}") }
            let districtCode = string(districtMap["code"], "district.code", required: top["district"] != nil) ?? ""
            if !districtCode.isEmpty, districtCode.count != 6 || !districtCode.allSatisfy(\.isASCIIDigit) {
                problem(districtMap["code"]?.1, "`district.code`: expected a 6-digit GB/T 2260 code, found `\(districtCode)`")
            }
            let districtName = string(districtMap["name"], "district.name", required: top["district"] != nil) ?? ""
            var towns: [String] = []
            if let (_, townsNode) = districtMap["towns"] {
                if case let .sequence(seq) = townsNode { towns = seq.compactMap(\.string) } else {
                    problem(townsNode, "`district.towns`: expected a list of town names")
                }
            }
            var asOf = CivilDate.today()
            if let text = string(top["as_of"], "as_of") {
                if let date = CivilDate(iso: text), (2000...2100).contains(date.year) { asOf = date } else {
                    problem(top["as_of"]?.1, "`as_of`: expected the reference date as YYYY-MM-DD between 2000-01-01 and 2100-12-31, found `\(text)`")
                }
            } else {
                Log.warning("\(url.lastPathComponent): `as_of` is not set: the reference date is today, \(asOf) (period \(PipelineConfig.period(of: asOf))); set as_of or pass --as-of to fix it")
            }
            var schoolAge = PipelineConfig.SchoolAge()
            let ageMap = mapping(top["school_age"]?.1, "school_age", known: ["cutoff", "min_age", "max_age"])
            if let cutoff = string(ageMap["cutoff"], "school_age.cutoff") {
                let parts = cutoff.split(separator: "-").compactMap { Int($0) }
                // A day every year has (02-29 is not one).
                if parts.count == 2, CivilDate(year: 2001, month: parts[0], day: parts[1]) != nil {
                    schoolAge.cutoffMonth = parts[0]; schoolAge.cutoffDay = parts[1]
                } else {
                    problem(ageMap["cutoff"]?.1, "`school_age.cutoff`: expected a month and day as \"MM-DD\" that every year has (not 02-29), found `\(cutoff)`")
                }
            }
            if let v = integer(ageMap["min_age"], "school_age.min_age", range: 3...10) { schoolAge.minAge = v }
            if let v = integer(ageMap["max_age"], "school_age.max_age", range: 10...18) { schoolAge.maxAge = v }

            let store = path(string(top["store"], "store") ?? "state/kcbx.sqlite")
            let output = path(string(top["output"], "output") ?? "out/")

            var sources: [SourceConfig] = []
            if let (_, list) = top["sources"] {
                if case let .sequence(seq) = list {
                    for node in seq { if let s = source(node) { sources.append(s) } }
                    if seq.isEmpty { problem(list, "`sources`: expected at least one source") }
                } else { problem(list, "`sources`: expected a list of sources (lines starting with `- name:`)") }
            } else { problem(root, "`sources` is missing; expected a list of sources") }
            var seen: Set<String> = []
            for s in sources where !seen.insert(s.name).inserted {
                problems.append(KCBXError(.config, "source name `\(s.name)` is used twice; names must be unique", file: file, line: s.line))
            }

            var linkage = PipelineConfig.Linkage()
            let linkMap = mapping(top["linkage"]?.1, "linkage", known: ["auto_threshold", "review_threshold", "blocking"])
            if let v = number(linkMap["auto_threshold"], "linkage.auto_threshold", range: 0...1) { linkage.autoThreshold = v }
            if let v = number(linkMap["review_threshold"], "linkage.review_threshold", range: 0...1) { linkage.reviewThreshold = v }
            if let (_, node) = linkMap["blocking"] {
                if case let .sequence(list) = node, !list.isEmpty {
                    var rules: [BlockingRule] = []
                    for item in list {
                        guard let text = item.string, !text.isEmpty else { problem(item, "`linkage.blocking`: expected a rule such as birth_date+sex"); continue }
                        switch BlockingRule.parse(text) {
                        case .success(let rule): rules.append(rule)
                        case .failure(let error): problem(item, "`linkage.blocking`: \(error.message)")
                        }
                    }
                    linkage.blocking = rules
                } else { problem(node, "`linkage.blocking`: expected a list of rules such as [birth_date+sex, pinyin+birth_year]") }
            }
            if linkage.reviewThreshold > linkage.autoThreshold {
                problem(top["linkage"]?.1, "`linkage.review_threshold` must not be above `linkage.auto_threshold`")
            }
            var rules = PipelineConfig.Rules()
            let ruleMap = mapping(top["rules"]?.1, "rules", known: ["dropout_absence_days", "max_reject_rate", "max_row_drop", "max_inflated_mb", "max_read_minutes"])
            if let v = integer(ruleMap["dropout_absence_days"], "rules.dropout_absence_days", range: 1...365) { rules.dropoutAbsenceDays = v }
            if let v = number(ruleMap["max_reject_rate"], "rules.max_reject_rate", range: 0...1) { rules.maxRejectRate = v }
            if let v = number(ruleMap["max_row_drop"], "rules.max_row_drop", range: 0...1) { rules.maxRowDrop = v }
            if let v = integer(ruleMap["max_inflated_mb"], "rules.max_inflated_mb", range: 1...1_000_000) { rules.maxInflatedBytes = Int64(v) << 20 }
            if let v = integer(ruleMap["max_read_minutes"], "rules.max_read_minutes", range: 1...1440) { rules.maxReadMinutes = v }
            var targets = PipelineConfig.Targets()
            let targetKeys: [(String, WritableKeyPath<PipelineConfig.Targets, Double>)] = [
                ("primary_enrolment", \.primaryEnrolment), ("primary_gross_enrolment", \.primaryGrossEnrolment),
                ("junior_enrolment", \.juniorEnrolment), ("junior_gross_enrolment", \.juniorGrossEnrolment),
                ("primary_consolidation", \.primaryConsolidation), ("junior_consolidation", \.juniorConsolidation),
                ("consolidation", \.consolidation), ("disabled_enrolment", \.disabledEnrolment),
                ("hardship_consolidation", \.hardshipConsolidation), ("priority_enrolment", \.priorityEnrolment),
            ]
            let targetMap = mapping(top["targets"]?.1, "targets", known: Set(targetKeys.map(\.0)))
            for (key, path) in targetKeys {
                if let v = number(targetMap[key], "targets.\(key)", range: 0...1) { targets[keyPath: path] = v }
            }
            var privacy = PipelineConfig.Privacy()
            let privacyMap = mapping(top["privacy"]?.1, "privacy", known: ["mask_ids_in"])
            if let (_, node) = privacyMap["mask_ids_in"] {
                if case let .sequence(seq) = node {
                    privacy.maskIdsIn = seq.compactMap(\.string)
                    for (item, value) in zip(seq, seq.map { $0.string ?? "" }) where !PipelineConfig.Privacy.maskableOutputs.contains(value) {
                        let hint = nearest(value, in: PipelineConfig.Privacy.maskableOutputs).map { "; did you mean `\($0)`?" } ?? ""
                        problem(item, "`privacy.mask_ids_in`: `\(value)` is not an output; expected some of \(PipelineConfig.Privacy.maskableOutputs.joined(separator: ", "))\(hint)")
                    }
                } else {
                    problem(node, "`privacy.mask_ids_in`: expected a list such as [town_lists]")
                }
            }
            var issuer = PipelineConfig.Issuer()
            let issuerMap = mapping(top["issuer"]?.1, "issuer", known: ["unit", "signature", "list_deadline_days", "rectify_deadline_days"])
            issuer.unit = string(issuerMap["unit"], "issuer.unit")
            issuer.signature = string(issuerMap["signature"], "issuer.signature")
            if let v = integer(issuerMap["list_deadline_days"], "issuer.list_deadline_days", range: 1...365) { issuer.listDeadlineDays = v }
            if let v = integer(issuerMap["rectify_deadline_days"], "issuer.rectify_deadline_days", range: 1...365) { issuer.rectifyDeadlineDays = v }
            var config = PipelineConfig(name: name, district: .init(code: districtCode, name: districtName, towns: towns),
                                        asOf: asOf, schoolAge: schoolAge, storePath: store, outputDirectory: output,
                                        sources: sources, linkage: linkage, rules: rules, targets: targets, privacy: privacy,
                                        file: url)
            config.issuer = issuer
            return config
        }

        mutating func source(_ node: Node) -> SourceConfig? {
            let before = problems.count
            let map = mapping(node, "sources[]", known: ["name", "role", "path", "format", "encoding", "delimiter",
                                                          "record", "sheet", "columns", "kind"])
            guard !map.isEmpty else { return nil }
            let name = string(map["name"], "name", required: true) ?? ""
            let label = name.isEmpty ? "source" : "source `\(name)`"
            if map["name"] == nil { problem(node, "\(label): `name` is missing; expected a label such as 公安户籍") }
            var role = SourceRole.hukou
            if let text = string(map["role"], "role") {
                if let r = SourceRole(rawValue: text) { role = r } else {
                    let hint = nearest(text, in: Set(SourceRole.allCases.map(\.rawValue))).map { "; did you mean `\($0)`?" } ?? ""
                    problem(map["role"]?.1, "\(label): `role`: expected one of \(SourceRole.allCases.map(\.rawValue).joined(separator: ", ")), found `\(text)`\(hint)")
                }
            } else { problem(node, "\(label): `role` is missing; expected one of \(SourceRole.allCases.map(\.rawValue).joined(separator: ", "))") }
            let pathText = string(map["path"], "path") ?? ""
            if pathText.isEmpty { problem(node, "\(label): `path` is missing; expected the export's path, relative to the pipeline file") }
            var format = SourceFormat.csv
            if let text = string(map["format"], "format") {
                if let f = SourceFormat(rawValue: text.lowercased()) { format = f } else {
                    problem(map["format"]?.1, "\(label): `format`: expected csv, xml or xlsx, found `\(text)`")
                }
            } else {
                let lower = pathText.lowercased().replacingOccurrences(of: ".gz", with: "")
                format = lower.hasSuffix(".xml") ? .xml : lower.hasSuffix(".xlsx") ? .xlsx : .csv
            }
            var encoding = TextEncodingOption.auto
            if let text = string(map["encoding"], "encoding") {
                switch text.lowercased() {
                case "auto": encoding = .auto
                case "utf-8", "utf8": encoding = .utf8
                case "gb18030", "gbk", "gb2312": encoding = .gb18030
                default: problem(map["encoding"]?.1, "\(label): `encoding`: expected auto, utf-8 or gb18030, found `\(text)`")
                }
            }
            var delimiter: Character? = nil
            if let text = string(map["delimiter"], "delimiter") {
                switch text {
                case "auto": delimiter = nil
                case ",", ";", "|": delimiter = Character(text)
                case "\t", "\\t", "tab": delimiter = "\t"
                default: problem(map["delimiter"]?.1, "\(label): `delimiter`: expected auto, \",\", \"\\t\", \";\" or \"|\", found `\(text)`")
                }
            }
            let record = string(map["record"], "record")
            if format == .xml && (record ?? "").isEmpty {
                problem(node, "\(label): `record` is missing; an XML source names the element that holds one record, e.g. `record: 学生`")
            }
            let sheet = string(map["sheet"], "sheet")
            var attendanceKind = AttendanceKind.auto
            if let text = string(map["kind"], "kind") {
                if role != .attendance {
                    problem(map["kind"]?.1, "\(label): `kind` applies to an attendance source only (roster, absences or auto)")
                } else if let k = AttendanceKind(rawValue: text) { attendanceKind = k } else {
                    let hint = nearest(text, in: Set(AttendanceKind.allCases.map(\.rawValue))).map { "; did you mean `\($0)`?" } ?? ""
                    problem(map["kind"]?.1, "\(label): `kind`: expected roster, absences or auto, found `\(text)`\(hint)")
                }
            }
            var columns: [(field: CanonicalField, header: String)] = []
            if let (_, colNode) = map["columns"] {
                if case .mapping = colNode {
                    for pair in pairs(colNode) {
                        guard let field = CanonicalField(rawValue: pair.key) else {
                            let hint = nearest(pair.key, in: Set(CanonicalField.allCases.map(\.rawValue))).map { "; did you mean `\($0)`?" } ?? ""
                            problem(pair.keyNode, "\(label): `columns.\(pair.key)`: not a canonical field\(hint)")
                            continue
                        }
                        guard let header = pair.value.string, !header.isEmpty else {
                            problem(pair.value, "\(label): `columns.\(pair.key)`: expected the header of this column in the file"); continue
                        }
                        if columns.contains(where: { $0.field == field }) {
                            problem(pair.keyNode, "\(label): `columns.\(pair.key)` is given twice")
                        }
                        columns.append((field, header))
                    }
                } else { problem(colNode, "\(label): `columns`: expected a mapping of canonical field to header") }
            } else { problem(node, "\(label): `columns` is missing; expected a mapping such as {id_number: 公民身份号码, name: 姓名}") }
            if role != .schools && role != .attendance && !columns.isEmpty
                && !columns.contains(where: { [.idNumber, .name, .studentNumber, .disabilityCert].contains($0.field) }) {
                problem(map["columns"]?.1, "\(label): `columns` maps no identity field; expected at least one of id_number, name, student_number, disability_cert")
            }
            if role == .schools && !columns.contains(where: { $0.field == .schoolCode }) && !columns.isEmpty {
                problem(map["columns"]?.1, "\(label): a schools source must map `school_code`")
            }
            guard problems.count == before else { return nil }
            return SourceConfig(name: name, role: role, path: path(pathText), displayPath: pathText, format: format,
                                encoding: encoding, delimiter: delimiter, record: record, sheet: sheet,
                                columns: columns, attendanceKind: attendanceKind, line: node.mark?.line)
        }
    }
}

/// The closest of `candidates` to `word` by edit distance, when it is close enough to be a likely typo.
public func nearest(_ word: String, in candidates: some Sequence<String>) -> String? {
    var best: (String, Int)? = nil
    for candidate in candidates {
        let d = editDistance(word, candidate)
        if d <= max(1, min(word.count, candidate.count) / 3), best == nil || d < best!.1 { best = (candidate, d) }
    }
    return best?.0
}

/// Edit distance between two strings, by characters, counting an adjacent transposition as one edit
/// (optimal string alignment), so that `hukuo` is one edit from `hukou`.
public func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { d[i][0] = i }
    for j in 0...b.count { d[0][j] = j }
    for i in 1...a.count {
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
        }
    }
    return d[a.count][b.count]
}

extension Character {
    /// `0`–`9` only (not full-width or other scripts' digits).
    public var isASCIIDigit: Bool { asciiValue.map { $0 >= 48 && $0 <= 57 } ?? false }
}
