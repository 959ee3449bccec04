import FactlintModel
import FactlintReading
import FactlintSpreadsheet

/// Reads `.xlsx` workbooks as data: each worksheet is a report table, laid out as `tables:` in
/// a YAML data file are.
///
/// ```
///      A                  B          C
///  1   entity             kestrel
///  2   currency           USD
///  3   scale              thousands
///  4                      2025       2024
///  5   Revenue            272,098    213,159
///  6   Cost of revenue    (98,120)   (80,100)
/// ```
///
/// Rows above the periods set the table's `entity` (required), `segment`, `currency`, `scale`
/// and `source`. The row of periods has a period in every cell but its label's (`2025`,
/// `FY2024`, `Q2 2024`, or a date that ends a year or a quarter). Each row below it is a line
/// item, its label naming the metric. A cell's number reads as its format shows it, so
/// `#,##0.0` gives a figure one decimal of precision; a formula reads as its saved value. A sheet
/// without a row of periods is a notice, and its cells are not read.
enum SpreadsheetLoader {
  static let settings = ["entity", "segment", "currency", "scale", "source"]

  static func load(_ path: String, problems: inout [Problem]) -> DataFile? {
    let sheets: [Sheet]
    do {
      sheets = try Workbook.read(path)
    } catch {
      problems.append(error)
      return nil
    }
    var file = DataFile(path: path)
    for sheet in sheets {
      file.figures += figures(of: sheet, path: path, aliases: &file.aliases, problems: &problems)
    }
    return file
  }

  /// The text a cell shows, for labels and settings.
  static func text(_ value: CellValue) -> String? {
    switch value {
    case .number(_, let shown): return shown
    case .text(let text): return text.trimmingSpaces
    case .date(let day): return day.text
    case .bool(let value): return value ? "TRUE" : "FALSE"
    case .error, .uncalculated: return nil
    }
  }

  /// The period a heading cell names, or nil.
  static func period(of value: CellValue) -> Period? {
    switch value {
    case .date(let day):
      let (year, month, _) = day.date
      guard day.endsMonth, month % 3 == 0 else { return nil }
      return month == 12
        ? Period(year: year) : Period(year: year, length: .quarter, index: month / 3)
    case .number(let number, _):
      // A year typed as a number, whatever its format shows ("2,024").
      guard let year = Int(number.description), (1900...2200).contains(year) else { return nil }
      return Period(year: year)
    case .text(let text):
      let trimmed = text.trimmingSpaces
      return Period(trimmed) ?? ExtractionState.headingPeriod(trimmed)
    case .bool, .error, .uncalculated:
      return nil
    }
  }

  static func figures(
    of sheet: Sheet, path: String, aliases: inout Aliases, problems: inout [Problem]
  ) -> [Figure] {
    func location(_ row: Int, _ column: Int) -> SourceLocation {
      Workbook.location(path, sheet: sheet.name, row: row, column: column)
    }
    var values: [String: (text: String, location: SourceLocation)] = [:]
    var header: (index: Int, labelColumn: Int, periods: [(column: Int, period: Period)])?
    for (index, row) in sheet.rows.enumerated() {
      guard let first = row.cells.first else { continue }
      if let key = text(first.value).map(Self.settingKey), settings.contains(key),
        row.cells.count >= 2, let value = text(row.cells[1].value)
      {
        values[key] = (value, location(row.number, row.cells[1].column))
        continue
      }
      let periods = row.cells.compactMap { cell in period(of: cell.value).map { (cell.column, $0) }
      }
      let labels = row.cells.count - periods.count
      // The label's cell, if it is written, comes first; every other cell is a period.
      guard !periods.isEmpty, labels <= 1, labels == 0 || periods.first?.0 != first.column
      else { continue }
      let labelColumn = labels == 1 ? first.column : periods[0].0 - 1
      guard labelColumn >= 1 else { continue }
      header = (index, labelColumn, periods)
      break
    }
    guard let header else {
      problems.append(Problem(.sheetWithoutPeriods(sheet.name), at: location(1, 1)))
      return []
    }
    guard let entity = values["entity"] else {
      problems.append(
        Problem(
          .missingKey(
            "entity", context: "sheet '\(sheet.name)' (a row 'entity | NAME' above its periods)"),
          at: location(1, 1)))
      return []
    }
    var layout = ReportTables.Layout(
      entity: entity.text.lowercased(), segment: values["segment"]?.text,
      source: values["source"]?.text,
      currency: nil, scale: nil, periods: header.periods.map(\.period))
    if let (text, at) = values["currency"] {
      guard let code = ReportScale.currencyCode(text) else {
        problems.append(
          Problem(
            .wrongType(
              key: "currency", expected: "a currency code such as USD", found: "'\(text)'"),
            at: at))
        return []
      }
      layout.currency = code
    }
    if let (text, at) = values["scale"] {
      guard let scale = ReportScale.named(text) else {
        problems.append(Problem(.invalidScale(text), at: at))
        return []
      }
      layout.scale = scale
    }
    var rows: [ReportTables.Row] = []
    for row in sheet.rows[(header.index + 1)...] {
      var byColumn: [Int: SheetCell] = [:]
      for cell in row.cells { byColumn[cell.column] = cell }
      var cells: [(text: String, location: SourceLocation)?] = []
      for (column, _) in header.periods {
        guard let cell = byColumn[column] else {
          cells.append(nil)
          continue
        }
        let at = location(row.number, column)
        switch cell.value {
        case .number(_, let shown): cells.append((shown, at))
        case .text(let text): cells.append((text, at))
        case .error(let value):
          problems.append(Problem(.cellError(value), at: at))
          cells.append(nil)
        case .uncalculated:
          problems.append(Problem(.uncalculatedFormula, at: at))
          cells.append(nil)
        case .date(let day):
          problems.append(Problem(.invalidCell("the date \(day.text)"), at: at))
          cells.append(nil)
        case .bool(let value):
          problems.append(Problem(.invalidCell(value ? "TRUE" : "FALSE"), at: at))
          cells.append(nil)
        }
      }
      guard let label = byColumn[header.labelColumn].flatMap({ text($0.value) }), !label.isEmpty
      else {
        if cells.contains(where: { $0 != nil }) {
          problems.append(
            Problem(
              .missingKey("label", context: "a row of figures"),
              at: location(row.number, header.labelColumn)))
        }
        continue
      }
      rows.append(ReportTables.Row(label: label, cells: cells))
    }
    return ReportTables.figures(of: rows, layout: layout, aliases: &aliases, problems: &problems)
  }

  /// A setting's name as a label cell writes it: "Entity:" is `entity`.
  static func settingKey(_ text: String) -> String {
    var key = text.lowercased()
    if key.hasSuffix(":") { key.removeLast() }
    return key.trimmingSpaces
  }
}
