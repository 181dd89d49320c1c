import Foundation
import KCBXCore
import KCBXLedger
import KCBXReconcile
import KCBXSheets

/// 去向确认/去向确认_<镇街>_YYYY年M月.xlsx: per town, the children registered there (resident hukou) whose
/// only 学籍 shows them transferred out, with no 辍学 record — those the bulletin counts apart as 外地就读
/// (``ChildFacts/Child/elsewhere``, docs/bulletin.md) — for the town, the 户籍地, to confirm where they are
/// (notice 001: 对不在户籍地的适龄儿童，由户籍所在地学区确认去向). A town without such children gets no file.
enum WhereaboutsWorkbooks {
    static let folder = "去向确认"
    static let sheet = "去向确认"
    /// Laid out to print at 8 pt or more on one landscape A4 page width; the key is the child's 案件编号
    /// (劝返台账) where there is one, else the 登记编号; the reply columns (``ReplySheets``) are last.
    static let columns: [XLSXColumn] = [XLSXColumn("序号", .integer, width: 5)] + ReplySheets.keyColumns(ReplyKind.registrationHeader) + [
        XLSXColumn("姓名", width: 7), XLSXColumn("性别", width: 4),
        XLSXColumn("出生日期", .date, width: 10), XLSXColumn("身份证件号", width: 19), XLSXColumn("原就读学校", width: 14),
        XLSXColumn("年级", width: 6), XLSXColumn("学籍状态", width: 6), XLSXColumn("监护人", width: 8), XLSXColumn("联系电话", width: 11),
        XLSXColumn("村居", width: 8), XLSXColumn("住址", width: 13),
    ] + ReplySheets.replyColumns(.whereabouts)

    /// `caseOf`: the 劝返台账 case of each child that has one (``caseIDs(_:_:)``), made once for every town.
    static func write(town: String, _ entries: [Roster.Entry], _ input: ReportInput, _ people: PersonView, _ heading: ListHeading,
                      caseOf: [String: String], to url: URL) throws(KCBXError) {
        let masked = MaskedOutput.whereabouts.isMasked(in: input.config)
        let children = entries.map { ChildLine(people.children[Int($0.row)]) }
        let order = ChildLine.visitOrder(children)
        let lines = order.map { children[$0] }
        let personIDs = order.map { people.children.personID(at: Int(entries[$0].row)) }
        let book = try XLSXWorkbook(url: url, constantMemory: lines.count > 20_000)
        let list = try book.addSheet(sheet, columns: columns, title: """
            \(heading.unit) \(town)适龄儿童去向确认名单（\(heading.month)，核查基准日 \(heading.asOf)，共 \(lines.count) 人）：以下儿童户籍在本镇街，\
            学籍已转出，本县无在籍学籍。请逐一核实去向：在外地就读的填写现就读学校和就读地，并取得学籍或在校证明；未入学或已辍学的按劝返程序办理。\
            请于 \(heading.deadline) 前填写绿色列报回。
            """)
        for (n, line) in lines.enumerated() {
            let p = line.person
            try list.append([.integer(n + 1)] + ReplySheets.keyCells(caseID: caseOf[personIDs[n]] ?? "", personID: personIDs[n]) + [
                .text(p.name), .text(p.sex), p.birthDate.map(XLSXCell.date) ?? .empty, .text(Masking.id(p.idNumber, masked)),
                .text(line.school), .text(line.grade), .text(line.statusWord), .text(p.guardian), .text(p.phone), .text(p.village),
                .text(p.address)] + ReplySheets.emptyReply(.whereabouts))
        }
        try list.signFooter()
        try ReplySheets.writeAbout(.whereabouts, scope: town, input, into: book)
        try book.close()
    }

    /// The 劝返台账 case of each of `personIDs` that has one (the first of its findings in report order).
    static func caseIDs(_ personIDs: Set<String>, _ input: ReportInput) -> [String: String] {
        var found: [String: (Int, String)] = [:]
        for f in input.reconcile.findings where personIDs.contains(f.personID) && f.code.work == .childFollowUp {
            let rank = f.code.position
            if let known = found[f.personID], known.0 <= rank { continue }
            found[f.personID] = (rank, f.caseID)
        }
        return found.mapValues(\.1)
    }
}

/// 外地户籍协查函/协查函_<code>_<place>_YYYY年M月.xlsx: the `out_of_district` children grouped by their
/// 户籍地 — the region part of their ID number, named from the GB/T 2260 table (``RegionCodes``) — one
/// letter-ready workbook per place: sheet 协查函 (addressee, issuing unit, date, the text, what is asked,
/// the deadline, 落款) and sheet 协查名单 (the children, what is known here, columns to report back).
/// A place's file name carries its code (`协查函_341222_安徽省阜阳市太和县_2026年11月.xlsx`): two codes may
/// share a name (a renumbered county).
enum RegionLetters {
    static let folder = "外地户籍协查函"
    static let letterSheet = "协查函"
    static let listSheet = "协查名单"
    /// Laid out to print at 8 pt or more on one landscape A4 page width; keyed by 案件编号, the reply
    /// columns (``ReplySheets``) last.
    static let columns: [XLSXColumn] = [XLSXColumn("序号", .integer, width: 5)] + ReplySheets.keyColumns() + [
        XLSXColumn("姓名", width: 7), XLSXColumn("性别", width: 4),
        XLSXColumn("出生日期", .date, width: 10), XLSXColumn("身份证件号", width: 19), XLSXColumn("我县掌握情况", width: 28),
        XLSXColumn("监护人", width: 8), XLSXColumn("联系电话", width: 11),
    ] + ReplySheets.replyColumns(.regionLetter)

    /// A child to report, with the 户籍地 code ("" when no valid ID number gives one).
    struct Child {
        var region: String, row: FindingRows.Row
        /// 我县掌握情况: what the records behind the finding say, in plain words (no codes).
        var knownHere: String
    }

    /// The `out_of_district` children by 户籍地 code, the places in code order.
    static func places(_ rows: FindingRows, _ people: PersonView) -> [(code: String, children: [Child])] {
        var byRegion: [String: [Child]] = [:]
        for row in rows.of(.outOfDistrict) {
            let region = people.rows[row.finding.personID].map { people.children[$0].region } ?? ""
            byRegion[region, default: []].append(Child(region: region, row: row, knownHere: knownHere(row.finding.evidence, people)))
        }
        return byRegion.keys.sorted().map { code in
            (code, (byRegion[code] ?? []).sorted { ($0.row.person.name, $0.row.finding.caseID) < ($1.row.person.name, $1.row.finding.caseID) })
        }
    }

    /// What the records behind the finding say: each 学籍 record's school, 年级 and 学籍状态, each
    /// absence (days and reason), e.g. `学籍：示例县实验小学四年级，转出；缺课 12 天（无故）`.
    static func knownHere(_ refs: [RecordRef], _ people: PersonView) -> String {
        var parts: [String] = [], seen = Set<RecordRef>()
        for ref in refs.sorted() where seen.insert(ref).inserted {
            switch people.role(ref) {
            case .studentStatus:
                let status = people.value(.status, ref)
                parts.append("学籍：\(ChildLine.schoolName(ref, people))\(people.value(.grade, ref))，\(status.isEmpty ? "状态未填" : status)")
            case .attendance:
                guard let days = ExportVocabulary.days(people.value(.absentDays, ref)), days > 0 else { continue }
                let reason = people.value(.absenceReason, ref)
                parts.append("缺课 \(days) 天（\(reason.isEmpty ? "未说明原因" : reason)）")
            default: continue
            }
        }
        return parts.joined(separator: "；")
    }

    /// The place as the letter names it: from the GB/T 2260 table; `户籍地不详` without a code.
    static func placeTitle(_ code: String) -> String { code.isEmpty ? "户籍地不详" : RegionCodes.title(code) }

    /// The file name's place: the table's name (or 未知地区), after the code that keeps it unique.
    static func fileName(_ code: String, _ heading: ListHeading) -> String {
        let name = code.isEmpty ? "户籍地不详" : RegionCodes.place(code)?.name ?? RegionCodes.unknown
        return heading.fileName("协查函", code.isEmpty ? name : "\(code)_\(name)")
    }

    static func write(code: String, _ children: [Child], _ input: ReportInput, _ heading: ListHeading, to url: URL) throws(KCBXError) {
        let masked = MaskedOutput.whereabouts.isMasked(in: input.config)
        let place = placeTitle(code), district = input.config.district.name
        let book = try XLSXWorkbook(url: url)
        let letter = try book.addSheet(letterSheet, columns: [XLSXColumn("项目", width: 12), XLSXColumn("内容", width: 84)],
                                       title: "关于协助核实适龄儿童少年就学去向的函")
        // A historical code names the place as it was; the text asks to pass the letter on if it has changed.
        let known = RegionCodes.place(code)
        let addressee = code.isEmpty ? "户籍所在地教育行政部门" : "\(known?.name ?? place)教育行政部门"
        let codeNote = code.isEmpty ? "" : known?.lastListed.map { "（行政区划代码 \(code)，\($0)年后已停用；区划已调整的，请转交现辖地教育行政部门）" }
            ?? "（行政区划代码 \(code)）"
        let rows: [(String, String)] = [
            ("收函单位", addressee),
            ("发函单位", heading.unit),
            ("发函日期", heading.asOf),
            ("正文", """
                \(addressee)：
                \(heading.unit)于\(heading.month)开展控辍保学比对核查（核查基准日 \(heading.asOf)），发现下列 \(children.count) 名户籍在贵地\
                \(codeNote)的适龄儿童少年曾在我\(district)学校就读，现已转出、辍学或长期缺课，就学去向不明。\
                根据义务教育法和控辍保学工作要求，对不在户籍地的适龄儿童，由户籍所在地确认去向。现函请贵单位协助核实。
                """),
            ("请协助事项", """
                一、逐一核实名单中儿童目前的就学情况；
                二、在校就读的，请填写现就读学校全称；
                三、未入学或已辍学的，请依法落实劝返复学，并告知我局。
                """),
            ("反馈期限", "请于 \(heading.deadline) 前在“协查名单”工作表的绿色列填写核实结果，由填表人、审核人签字，加盖公章后函复我局。"),
            ("联系人", "联系人：__________    联系电话：__________"),
            ("附件", "协查名单（\(children.count) 人，见“协查名单”工作表）"),
            ("落款", heading.unit),
            ("", heading.asOf),
        ]
        for (label, text) in rows { try letter.append([.text(label), .text(text)]) }
        let list = try book.addSheet(listSheet, columns: columns, title: """
            \(heading.unit) 协查名单：户籍地 \(place)（\(heading.month)，共 \(children.count) 人）。请核实每名儿童目前的就学情况，\
            于 \(heading.deadline) 前填写绿色列报回。
            """)
        for (n, c) in children.enumerated() {
            let p = c.row.person
            try list.append([.integer(n + 1)] + ReplySheets.keyCells(caseID: c.row.finding.caseID, personID: c.row.finding.personID) + [
                .text(p.name), .text(p.sex), p.birthDate.map(XLSXCell.date) ?? .empty, .text(Masking.id(p.idNumber, masked)),
                .text(c.knownHere), .text(p.guardian), .text(p.phone)] + ReplySheets.emptyReply(.regionLetter), highlight: c.row.finding.priority)
        }
        try list.signFooter()
        try ReplySheets.writeAbout(.regionLetter, scope: code.isEmpty ? place : "\(place)（\(code)）", input, into: book)
        try book.close()
    }
}

/// Writes the outputs of the 基础数据库 and 去向确认 (README "Outputs"): 基础数据库/, 去向确认/ and
/// 外地户籍协查函/, each workbook on whichever core is free, the biggest first.
enum RosterOutputs {
    @discardableResult
    static func write(_ input: ReportInput, _ people: PersonView, _ rows: FindingRows, into directory: URL) throws(KCBXError) -> (children: Int, toConfirm: Int, places: Int) {
        let started = Date()
        let roster = Roster(input, people)
        let read = Date().timeIntervalSince(started)
        let places = RegionLetters.places(rows, people)
        let heading = ListHeading(input)
        let folders = [RosterWorkbooks.folder, WhereaboutsWorkbooks.folder, RegionLetters.folder].map { directory.appendingPathComponent($0) }
        for folder in folders { try ReportStage.makeDirectory(folder) }
        var jobs: [(size: Int, work: @Sendable () throws(KCBXError) -> Void)] = []
        // A town's file name, made unique when two towns share one (`a/b`, `a_b`).
        var used = [UniqueFileNames(), UniqueFileNames()]
        func unique(_ name: String, _ k: Int) -> String { used[k].claim(name) }
        var toConfirm = 0
        // A child's 劝返台账 case, where the child has one, keys the child's row of 去向确认.
        let confirming = Set(roster.towns.flatMap { $0.entries.filter(\.toConfirm).map { people.children.personID(at: Int($0.row)) } })
        let caseOf = WhereaboutsWorkbooks.caseIDs(confirming, input)
        for (town, entries) in roster.towns {
            let url = folders[0].appendingPathComponent(unique(heading.fileName("基础数据库", town), 0))
            jobs.append((entries.count, { () throws(KCBXError) in try RosterWorkbooks.write(town: town, entries, input, people, heading, to: url) }))
            let confirm = entries.filter(\.toConfirm)
            guard !confirm.isEmpty else { continue }
            toConfirm += confirm.count
            let list = folders[1].appendingPathComponent(unique(heading.fileName("去向确认", town), 1))
            jobs.append((confirm.count, { () throws(KCBXError) in try WhereaboutsWorkbooks.write(town: town, confirm, input, people, heading, caseOf: caseOf, to: list) }))
        }
        for (code, children) in places {
            let url = folders[2].appendingPathComponent(RegionLetters.fileName(code, heading))
            jobs.append((children.count, { () throws(KCBXError) in try RegionLetters.write(code: code, children, input, heading, to: url) }))
        }
        let queue = jobs.sorted { $0.size > $1.size }.map(\.work)
        let failures = ConcurrentResults<KCBXError>(count: queue.count)
        DispatchQueue.concurrentPerform(iterations: queue.count) { i in
            do throws(KCBXError) { try queue[i]() } catch { failures[i] = error }
        }
        if let failure = failures.values.lazy.compactMap({ $0 }).first { throw failure }
        let children = roster.towns.reduce(0) { $0 + $1.entries.count }
        Log.info(String(format: "report: roster of %d children in %d towns (read in %.1f s), %d to confirm, %d places written to, %.1f s",
                        children, roster.towns.count, read, toConfirm, places.count, Date().timeIntervalSince(started)))
        return (children, toConfirm, places.count)
    }
}
