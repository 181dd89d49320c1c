import CXlsxWriter
import KCBXCore

/// A block of cells of a sheet, for chart data (0-based rows and columns, inclusive).
public struct XLSXRange: Sendable {
    public var sheet: String
    public var firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int
    public init(sheet: String, firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
        self.sheet = sheet; self.firstRow = firstRow; self.firstColumn = firstColumn; self.lastRow = lastRow; self.lastColumn = lastColumn
    }
}

/// A native Excel chart (libxlsxwriter): column, bar, line or pie, over ranges of the workbook.
public struct XLSXChart: Sendable {
    public enum Kind: Sendable { case column, bar, line, pie }
    public var kind: Kind
    public var title: String
    /// The category labels (e.g. the towns).
    public var categories: XLSXRange
    /// Each series: its name and its values.
    public var series: [(name: String, values: XLSXRange)]
    /// Axis titles: `xTitle` names the categories, `yTitle` the values (for a bar chart the category
    /// axis is the vertical one); the value axis is shown as a percentage when `percent`.
    public var xTitle: String?, yTitle: String?
    public var percent: Bool
    /// Fixed ends of the value axis (Excel picks them when nil): rates are read against 0–100%, not
    /// against an axis that starts at 97% and makes a small gap look like a collapse.
    public var valueMin: Double?, valueMax: Double?
    /// The step between the value axis's gridlines, and its number format (e.g. `0` for counts).
    public var valueStep: Double?, valueFormat: String?
    /// How each series is drawn in a line chart (by position; missing ones are plain).
    public var styles: [SeriesStyle] = []
    /// How a line chart draws one series.
    public enum SeriesStyle: Sendable {
        case plain
        /// Markers of the colour (0xRRGGBB), no line.
        case markersOnly(UInt32)
        /// A dashed line of the colour, no markers.
        case dashedLine(UInt32)
    }
    /// Colours of the rates-against-targets charts, one a series.
    public static let seriesColors: [UInt32] = [0x2F5597, 0xC55A11, 0x548235, 0x7F6000]
    public init(kind: Kind, title: String, categories: XLSXRange, series: [(name: String, values: XLSXRange)],
                xTitle: String? = nil, yTitle: String? = nil, percent: Bool = false, valueMin: Double? = nil, valueMax: Double? = nil,
                valueStep: Double? = nil, valueFormat: String? = nil) {
        self.kind = kind; self.title = title; self.categories = categories; self.series = series
        self.xTitle = xTitle; self.yTitle = yTitle; self.percent = percent; self.valueMin = valueMin; self.valueMax = valueMax
        self.valueStep = valueStep; self.valueFormat = valueFormat
    }

    /// A column chart of rates (入学率, 巩固率, …): value axis in percent, fixed at 0–100%, a gridline every 20%.
    public static func rates(title: String, categories: XLSXRange, series: [(name: String, values: XLSXRange)],
                             xTitle: String? = nil, yTitle: String? = "比率") -> XLSXChart {
        XLSXChart(kind: .column, title: title, categories: categories, series: series, xTitle: xTitle, yTitle: yTitle,
                  percent: true, valueMin: 0, valueMax: 1, valueStep: 0.2)
    }

    /// Rates of towns read against their targets: each rate's towns as markers (no line joins towns), each
    /// target a dashed line; the value axis spans the values and targets in whole percents, so 95.8% and
    /// 100% look apart. `targets` are ranges of the target repeated per category (one per series).
    public static func ratesAgainstTargets(title: String, categories: XLSXRange, series: [(name: String, values: XLSXRange)],
                                           targets: [(name: String, values: XLSXRange)], values: [Double],
                                           xTitle: String? = nil, yTitle: String? = "比率") -> XLSXChart {
        let axis = rateAxis(values)
        var chart = XLSXChart(kind: .line, title: title, categories: categories, series: series + targets, xTitle: xTitle, yTitle: yTitle,
                              percent: true, valueMin: axis.low, valueMax: axis.high, valueStep: axis.step)
        let colors = seriesColors
        chart.styles = series.indices.map { .markersOnly(colors[$0 % colors.count]) } + targets.indices.map { .dashedLine(colors[$0 % colors.count]) }
        return chart
    }

    /// A rate axis around `values` (0–1 and more for gross rates): from a whole percent at or below the
    /// lowest, to one at or above the highest (at least 100%), in steps of 0.5, 1, 2, 5, 10 or 20 percent.
    public static func rateAxis(_ values: [Double]) -> (low: Double, high: Double, step: Double) {
        let lo = values.min() ?? 0, hi = max(values.max() ?? 1, 1)
        let span = max(hi - lo, 0.01)
        let step = [0.005, 0.01, 0.02, 0.05, 0.1, 0.2].first { span / $0 <= 6 } ?? 0.2
        let low = max(0, ((lo - step / 2) / step).rounded(.down) * step)
        let high = (hi / step - 1e-9).rounded(.up) * step
        return ((low * 1000).rounded() / 1000, (high * 1000).rounded() / 1000, step)
    }

    /// A chart of counts (人数, 件数) up to `largest`: the value axis from 0 in whole numbers, about 4 to
    /// 5 gridlines (never 0.2 of a child).
    public static func counts(_ kind: Kind, title: String, categories: XLSXRange, series: [(name: String, values: XLSXRange)],
                              largest: Int, xTitle: String? = nil, yTitle: String? = nil) -> XLSXChart {
        let step = countStep(largest)
        return XLSXChart(kind: kind, title: title, categories: categories, series: series, xTitle: xTitle, yTitle: yTitle,
                         valueMin: 0, valueMax: Double(step * max(1, (largest + step - 1) / step)), valueStep: Double(step), valueFormat: "0")
    }

    /// The smallest of 1, 2, 5, 10, 20, 50, … that divides 0…`largest` into at most 5 steps.
    static func countStep(_ largest: Int) -> Int {
        var scale = 1
        while true {
            for m in [1, 2, 5] where scale * m * 5 >= largest { return scale * m }
            scale *= 10
        }
    }
}

extension XLSXSheet {
    /// Inserts `chart` with its top-left corner at (row, column), 0-based; size in pixels.
    ///
    /// Series refer to their ranges by formula (`='汇总'!$B$3:$B$12`), so the chart follows the
    /// figures in the workbook; every text of the chart is set in a Chinese font.
    public func insertChart(_ chart: XLSXChart, row: Int, column: Int, width: Int = 720, height: Int = 360) throws(KCBXError) {
        let (workbook, book) = try open()
        let type: lxw_chart_type = switch chart.kind {
        case .column: LXW_CHART_COLUMN
        case .bar: LXW_CHART_BAR
        case .line: LXW_CHART_LINE
        case .pie: LXW_CHART_PIE
        }
        guard let lxwChart = workbook_add_chart(book, UInt8(type.rawValue)) else {
            throw KCBXError(.runFailed, "cannot write \(workbook.url.lastPathComponent): cannot create the chart \(chart.title)", file: workbook.url.path)
        }
        let categories = XLSXLayout.absoluteRange(chart.categories)
        for (k, s) in chart.series.enumerated() {
            guard let series = chart_add_series(lxwChart, categories, XLSXLayout.absoluteRange(s.values)) else {
                throw KCBXError(.runFailed, "cannot write \(workbook.url.lastPathComponent): cannot add the series \(s.name) to \(chart.title)", file: workbook.url.path)
            }
            chart_series_set_name(series, s.name)
            if chart.kind == .line {
                switch k < chart.styles.count ? chart.styles[k] : .plain {
                case .plain: chart_series_set_marker_type(series, UInt8(LXW_CHART_MARKER_AUTOMATIC.rawValue))
                case .markersOnly(let color):
                    var line = lxw_chart_line(); line.none = 1
                    chart_series_set_line(series, &line)
                    chart_series_set_marker_type(series, UInt8(LXW_CHART_MARKER_CIRCLE.rawValue))
                    chart_series_set_marker_size(series, 8)
                    var fill = lxw_chart_fill(); fill.color = color
                    chart_series_set_marker_fill(series, &fill)
                    var border = lxw_chart_line(); border.color = color
                    chart_series_set_marker_line(series, &border)
                case .dashedLine(let color):
                    var line = lxw_chart_line(); line.color = color; line.dash_type = UInt8(LXW_CHART_LINE_DASH_DASH.rawValue); line.width = 1.5
                    chart_series_set_line(series, &line)
                    chart_series_set_marker_type(series, UInt8(LXW_CHART_MARKER_NONE.rawValue))
                }
            }
            if chart.kind == .pie {
                // Each slice labelled with its category and share: 城关街道; 27%.
                chart_series_set_labels(series)
                chart_series_set_labels_options(series, 0, 1, 0)
                chart_series_set_labels_percentage(series)
                XLSXChartFont.with(size: 9, bold: false) { chart_series_set_labels_font(series, $0) }
            }
        }
        XLSXChartFont.with(size: 14, bold: true) { chart_title_set_name_font(lxwChart, $0) }
        chart_title_set_name(lxwChart, chart.title)
        XLSXChartFont.with(size: 10, bold: false) { chart_legend_set_font(lxwChart, $0) }
        chart_legend_set_position(lxwChart, UInt8(LXW_CHART_LEGEND_BOTTOM.rawValue))
        if chart.series.count == 1, chart.kind != .pie { chart_legend_set_position(lxwChart, UInt8(LXW_CHART_LEGEND_NONE.rawValue)) }
        if chart.kind != .pie {
            // libxlsxwriter's x_axis is the category axis except for bar charts, where the two swap.
            let categoryAxis = chart.kind == .bar ? lxwChart.pointee.y_axis : lxwChart.pointee.x_axis
            let valueAxis = chart.kind == .bar ? lxwChart.pointee.x_axis : lxwChart.pointee.y_axis
            for (axis, name) in [(categoryAxis, chart.xTitle), (valueAxis, chart.yTitle)] {
                guard let axis else { continue }
                if let name {
                    chart_axis_set_name(axis, name)
                    XLSXChartFont.with(size: 10, bold: true) { chart_axis_set_name_font(axis, $0) }
                }
                XLSXChartFont.with(size: 9, bold: false) { chart_axis_set_num_font(axis, $0) }
            }
            if let valueAxis {
                if chart.percent { chart_axis_set_num_format(valueAxis, (chart.valueStep ?? 0.01) < 0.01 ? "0.0%" : "0%") }
                if let low = chart.valueMin { chart_axis_set_min(valueAxis, low) }
                if let high = chart.valueMax { chart_axis_set_max(valueAxis, high) }
                if let step = chart.valueStep { chart_axis_set_major_unit(valueAxis, step) }
                if let format = chart.valueFormat { chart_axis_set_num_format(valueAxis, format) }
            }
            if chart.kind == .bar, let categoryAxis {
                // Bars read top-down in row order (the first town on top), the value axis stays below.
                chart_axis_set_reverse(categoryAxis)
                chart_axis_set_crossing_max(categoryAxis)
            }
        }
        var options = lxw_chart_options()
        options.x_scale = Double(max(width, 50)) / 480
        options.y_scale = Double(max(height, 50)) / 288
        let status = worksheet_insert_chart_opt(worksheet, lxw_row_t(max(row, 0)), lxw_col_t(max(column, 0)), lxwChart, &options)
        try workbook.check(status, "sheet \(name) chart \(chart.title): ")
    }
}

/// The Chinese-capable chart font, handed to libxlsxwriter (which copies it).
enum XLSXChartFont {
    // unsafe: libxlsxwriter C API: workbook, worksheet and format handles and C strings
    static func with(size: Double, bold: Bool, _ body: (UnsafeMutablePointer<lxw_chart_font>) -> Void) {
        XLSXStyles.fontName.withCString { name in
            var font = lxw_chart_font()
            // unsafe: libxlsxwriter C API: workbook, worksheet and format handles and C strings
            font.name = UnsafeMutablePointer(mutating: name)
            font.size = size
            font.bold = bold ? 1 : 0
            body(&font)
        }
    }
}
