import FactlintModel
import FactlintReading
import FactlintYAML

/// Reads a data file's `tables:`, figures laid out as reports print them: a row per line item,
/// a column per period, the cells as written ("272,098", "(3.1)", "—", "45,927 (1)").
///
/// ```yaml
/// entity: kestrel
/// currency: USD
/// scale: thousands
/// tables:
///   - title: Consolidated statement of income
///     columns: [2025, 2024]
///     rows:
///       - [Revenue, "272,098", "213,159"]
///       - [Cost of revenue, "(98,120)", "(80,100)"]
///       - [Other income (1), "—", "1,204"]
///     notes: { "1": includes a one-off gain }
/// ```
///
/// A row's label names its metric: in lower case, footnote markers dropped, words joined by
/// "_" ("Cost of revenue" is `cost_of_revenue`); aliases may name it too. A cell with no
/// currency or scale of its own takes the table's, else the file's, as `ReportScale.apply`
/// gives them. "—", "–", "-" and "n/a" are no figure. A footnote marker is kept as the figure's
/// source, with the note's text when `notes:` gives it.
enum ReportTables {
  static let tableKeys = [
    "title", "entity", "segment", "currency", "scale", "columns", "rows", "notes", "source",
  ]

  /// The file-level settings a table falls back on.
  struct Defaults {
    var entity: String?
    var segment: String?
    var source: String?
    var currency: String?
    var scale: (power: Int, word: String)?
  }

  /// The figures of every table in `node` (a list of tables); a table or cell that cannot be
  /// read is a problem, and the others are still read.
  static func read(
    _ node: YAMLNode, path: String, defaults: Defaults, aliases: inout Aliases,
    problems: inout [Problem]
  ) -> [Figure] {
    var figures: [Figure] = []
    for table in node.sequence ?? [node] {
      do {
        figures += try readTable(
          table, path: path, defaults: defaults, aliases: &aliases, problems: &problems)
      } catch {
        problems.append(error)
      }
    }
    return figures
  }

  /// A scale named by `key`, or nil when the key is absent.
  static func scale(_ fields: YAMLFields, _ key: String) throws(Problem) -> (
    power: Int, word: String
  )? {
    guard let (text, node) = try fields.text(key) else { return nil }
    guard let scale = ReportScale.named(text) else {
      throw Problem(.invalidScale(text), at: fields.location(node))
    }
    return scale
  }

  /// A currency named by `key` as an ISO code or a symbol ("USD", "$", "€"), or nil.
  static func currency(_ fields: YAMLFields, _ key: String) throws(Problem) -> String? {
    guard let (text, node) = try fields.text(key) else { return nil }
    guard let code = ReportScale.currencyCode(text) else {
      throw Problem(
        .wrongType(key: key, expected: "a currency code such as USD", found: "'\(text)'"),
        at: fields.location(node))
    }
    return code
  }

  static func readTable(
    _ node: YAMLNode, path: String, defaults: Defaults, aliases: inout Aliases,
    problems: inout [Problem]
  ) throws(Problem) -> [Figure] {
    let fields = try YAMLFields(node, file: path, context: "a table", allowed: tableKeys)
    guard let entity = try fields.text("entity")?.0 ?? defaults.entity else {
      throw Problem(.missingKey("entity", context: "a table"), at: fields.location)
    }
    let segment = try fields.text("segment")?.0 ?? defaults.segment
    let source = try fields.text("source")?.0 ?? defaults.source
    let currency = try currency(fields, "currency") ?? defaults.currency
    let scale = try scale(fields, "scale") ?? defaults.scale
    let columns = try fields.list("columns") ?? []
    guard !columns.isEmpty else {
      throw Problem(.missingKey("columns", context: "a table"), at: fields.location)
    }
    var periods: [Period] = []
    for (text, column) in columns {
      guard let period = Period(text) ?? ExtractionState.headingPeriod(text) else {
        throw Problem(.invalidPeriod(text), at: fields.location(column))
      }
      periods.append(period)
    }
    var notes: [String: String] = [:]
    if let noteNode = fields["notes"] {
      for pair in noteNode.mapping ?? [] {
        if let key = pair.key.scalar, let value = pair.value.scalar { notes[key] = value }
      }
    }
    let rows = try fields.required("rows")
    guard let entries = rows.sequence else {
      throw Problem(
        .wrongType(key: "rows", expected: "a list of rows", found: rows.kindName),
        at: fields.location(rows))
    }
    let layout = Layout(
      entity: entity, segment: segment, source: source, currency: currency, scale: scale,
      periods: periods, notes: notes)
    var rowsRead: [Row] = []
    var rowProblems: [Problem] = []
    for row in entries {
      guard let cells = row.sequence, let labelNode = cells.first,
        let written = labelNode.scalar
      else {
        rowProblems.append(
          Problem(
            .wrongType(
              key: "rows", expected: "a list of [label, cell, ...] rows", found: row.kindName),
            at: fields.location(row)))
        continue
      }
      guard cells.count == periods.count + 1 else {
        rowProblems.append(
          Problem(
            .rowLength(expected: periods.count, found: cells.count - 1),
            at: fields.location(row)))
        continue
      }
      rowsRead.append(
        Row(
          label: written,
          cells: cells.dropFirst().map { cell in
            guard let text = cell.scalar else {
              rowProblems.append(Problem(.invalidCell(cell.kindName), at: fields.location(cell)))
              return nil
            }
            return (text, fields.location(cell))
          }))
    }
    // The cells' problems, found after the rows', are told in the order of the file.
    var cellProblems: [Problem] = []
    let read = figures(of: rowsRead, layout: layout, aliases: &aliases, problems: &cellProblems)
    problems += (rowProblems + cellProblems).sorted { $0.location < $1.location }
    return read
  }

  /// What a table's cells take from the table: its entity, segment, source, currency and
  /// scale, the period of each column, and its footnotes.
  struct Layout {
    var entity: String
    var segment: String?
    var source: String?
    var currency: String?
    var scale: (power: Int, word: String)?
    var periods: [Period]
    var notes: [String: String] = [:]
  }

  /// A line item: its label as written, and a cell (its text and where it is) per period, nil
  /// for one that could not be read.
  struct Row {
    var label: String
    var cells: [(text: String, location: SourceLocation)?]
  }

  /// The figures of a table's rows: each cell that reads as a number, keyed by the row's label
  /// and the column's period; a cell of words is a problem, and an empty or "—" cell nothing.
  /// Each label, as written, becomes an alias of its metric, the name prose gives it ("Net
  /// income" for `net_income`).
  static func figures(
    of rows: [Row], layout: Layout, aliases: inout Aliases, problems: inout [Problem]
  ) -> [Figure] {
    var figures: [Figure] = []
    for row in rows {
      let (labelText, labelMarker) = ReportCell.withoutFootnote(row.label[...])
      let label = String(labelText).trimmingSpaces
      let metric = metricName(label)
      if label != metric, !label.isEmpty, aliases.metrics[label] == nil {
        aliases.metrics[label] = metric
      }
      for (column, cell) in row.cells.enumerated() {
        guard let (text, location) = cell, column < layout.periods.count else { continue }
        let (_, marker) = ReportCell.withoutFootnote(text[...])
        var quantity: Quantity
        switch ReportCell(text[...]) {
        case .empty, .absent:
          continue
        case .text:
          problems.append(Problem(.invalidCell(text), at: location))
          continue
        case .number(let read):
          quantity = read
        }
        ReportScale.apply(
          power: layout.scale?.power, word: layout.scale?.word, currency: layout.currency,
          to: &quantity, label: label)
        let footnote = (marker ?? labelMarker).map { key in
          layout.notes[key].map { "note \(key): \($0)" } ?? "note \(key)"
        }
        figures.append(
          Figure(
            key: FigureKey(
              entity: layout.entity, metric: metric, period: layout.periods[column],
              segment: layout.segment),
            quantity: quantity, location: location,
            source: [layout.source, footnote].compactMap { $0 }.joined(separator: "; ")
              .nilIfEmpty))
      }
    }
    return figures
  }

  /// A row label as a metric name: "Cost of revenue" is `cost_of_revenue`.
  static func metricName(_ label: String) -> String {
    var words: [String] = []
    var word = ""
    for character in label.lowercased() {
      if character.isLetter || character.isNumber {
        word.append(character)
      } else if !word.isEmpty {
        words.append(word)
        word = ""
      }
    }
    if !word.isEmpty { words.append(word) }
    return words.joined(separator: "_")
  }
}

extension String {
  /// Nil for the empty string.
  var nilIfEmpty: String? { isEmpty ? nil : self }
}
