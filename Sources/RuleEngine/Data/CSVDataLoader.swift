import FactlintModel

/// Reads CSV data files: a header row, then one figure per row, or one per period column.
///
/// Columns: `entity`, `metric`, and either `period` and `value` or one column per period
/// (headed `2025`, `2025-Q3`, `FY2024`: a table as reports print it, the metric a line item's
/// label such as "Cost of revenue"); and `segment`, `source`, `vs` and `stated` (a stated
/// change), `rate` (a rate stated beside the figure), `unit`, `currency` and `scale` (for
/// values written as plain numbers: `272098` with `USD` and `thousands`). Values may be written
/// as reports print them: "(3.1)" is negative, and "—", "–", "-" or "n/a" is no figure. Fields
/// follow RFC 4180, separated by the commas, semicolons or tabs that the header row uses;
/// double quotes enclose fields that hold the separator, quotes or line breaks.
enum CSVDataLoader {
  static let columns = [
    "entity", "metric", "period", "segment", "value", "source", "vs", "stated", "rate", "unit",
    "currency", "scale",
  ]
  static let required = ["entity", "metric"]

  /// A field with the UTF-8 offsets of its first byte and of the byte after it in the file,
  /// located through the file's ``SourceLines`` only when a figure or a problem needs it.
  struct Field {
    var text: String
    var offset: Int
    var end: Int
    var quoted: Bool
  }

  static func load(_ path: String, bytes: [UInt8], problems: inout [Problem]) -> DataFile? {
    if let offset = UTF8Scalar.firstInvalid(in: bytes) {
      problems.append(
        Problem(.notUTF8, at: SourceFiles.location(ofOffset: offset, in: bytes, file: path)))
      return nil
    }
    let text = String(decoding: bytes, as: UTF8.self)
    let lines = SourceLines(bytes)
    let rows: [[Field]]
    do {
      rows = try parse(text, lines: lines, path: path, separator: separator(of: text))
    } catch {
      problems.append(error)
      return nil
    }
    guard let header = rows.first else {
      problems.append(Problem(.emptyFile, at: SourceLocation(file: path, line: 1, column: 1)))
      return nil
    }
    var index: [String: Int] = [:]
    var periodColumns: [(position: Int, period: Period)] = []
    var seen: [String: SourceLocation] = [:]
    for (position, field) in header.enumerated() {
      let name = field.text.trimmingSpaces.lowercased()
      let location = lines.location(file: path, offset: field.offset)
      let period = Period(field.text.trimmingSpaces)
      // A second column of the same name or period would silently stand for the first.
      let identity = period.map { "\($0)" } ?? name
      if let first = seen[identity] {
        problems.append(
          Problem(.csvDuplicateColumn(field.text.trimmingSpaces, first: first), at: location))
        return nil
      }
      seen[identity] = location
      if let period {
        periodColumns.append((position, period))
        continue
      }
      guard columns.contains(name) else {
        problems.append(
          Problem(
            .csvUnknownColumn(name, suggestion: Suggestion.closest(to: name, in: columns)),
            at: location))
        return nil
      }
      index[name] = position
    }
    // A figure per row needs a period and a value; a table as printed, period columns.
    let needed = required + (periodColumns.isEmpty ? ["period", "value"] : [])
    for name in needed where index[name] == nil {
      problems.append(
        Problem(.csvMissingColumn(name), at: SourceLocation(file: path, line: 1, column: 1)))
      return nil
    }
    var file = DataFile(path: path)
    for row in rows.dropFirst() {
      if row.count == 1, row[0].text.trimmingSpaces.isEmpty { continue }
      if periodColumns.isEmpty {
        do {
          if let figure = try readRow(
            row, index: index, header: header.count, path: path, lines: lines)
          {
            file.figures.append(figure)
          }
        } catch {
          problems.append(error)
        }
        continue
      }
      // One figure per period column; a cell that cannot be read leaves the others.
      guard row.count == header.count else {
        problems.append(
          Problem(
            .csvFieldCount(expected: header.count, found: row.count),
            at: lines.location(file: path, offset: row[0].offset)))
        continue
      }
      for (position, period) in periodColumns {
        var cells = row
        var withPeriod = index
        // The period is the column heading's; the cell stands at the row's start.
        cells.append(
          Field(text: period.description, offset: row[0].offset, end: row[0].offset, quoted: false))
        withPeriod["period"] = cells.count - 1
        withPeriod["value"] = position
        do {
          if let figure = try readRow(
            cells, index: withPeriod, header: header.count + 1, path: path, lines: lines,
            isTable: true)
          {
            file.figures.append(figure)
          }
        } catch {
          problems.append(error)
        }
      }
    }
    return file
  }

  /// The separator the header row uses most, outside quotes: a comma, a semicolon or a tab.
  static func separator(of text: String) -> Character {
    var counts: [Character: Int] = [",": 0, ";": 0, "\t": 0]
    var inQuotes = false
    for character in text {
      if character == "\"" { inQuotes.toggle() }
      if !inQuotes && (character == "\n" || character == "\r\n") { break }
      if !inQuotes, counts[character] != nil { counts[character, default: 0] += 1 }
    }
    // A tie goes to the comma.
    let comma = counts[",", default: 0]
    let best = counts.filter { $0.value > comma }.max { $0.value < $1.value }
    return best?.key ?? ","
  }

  /// The figure of a row; nil when its value is a mark for none ("—", "n/a"). In a table as
  /// printed (`isTable`), the metric is the row's label as a name: "Cost of revenue" is
  /// `cost_of_revenue`.
  static func readRow(
    _ row: [Field], index: [String: Int], header: Int, path: String, lines: SourceLines,
    isTable: Bool = false
  ) throws(Problem) -> Figure? {
    let rowStart = lines.location(file: path, offset: row[0].offset)
    guard row.count == header else {
      throw Problem(.csvFieldCount(expected: header, found: row.count), at: rowStart)
    }
    func field(_ name: String) -> Field? {
      guard let position = index[name] else { return nil }
      let field = row[position]
      return field.text.trimmingSpaces.isEmpty ? nil : field
    }
    func location(_ field: Field) -> SourceLocation {
      lines.location(file: path, offset: field.offset, end: field.end)
    }
    func required(_ name: String) throws(Problem) -> Field {
      guard let found = field(name) else { throw Problem(.emptyValue(key: name), at: rowStart) }
      return found
    }
    func quantity(_ field: Field) throws(Problem) -> Quantity {
      do {
        return try QuantityParser.parse(field.text.trimmingSpaces)
      } catch {
        var at = location(field)
        at.column += error.offset + (field.quoted ? 1 : 0)
        at.length = 1
        throw Problem(.invalidFigure(error), at: at)
      }
    }
    let periodField = try required("period")
    guard let period = Period(periodField.text.trimmingSpaces) else {
      throw Problem(.invalidPeriod(periodField.text), at: location(periodField))
    }
    guard let valueField = field("value") else {
      if isTable { return nil }
      throw Problem(.emptyValue(key: "value"), at: rowStart)
    }
    if case .absent = ReportCell(valueField.text[...]) { return nil }
    var value = try quantity(valueField)
    try applyUnits(
      to: &value, unit: field("unit"), currency: field("currency"), scale: field("scale"),
      location: location)
    var changes: [StatedChange] = []
    if let stated = field("stated") {
      guard let vs = field("vs") else { throw Problem(.emptyValue(key: "vs"), at: rowStart) }
      guard let base = BasePeriod(vs.text.trimmingSpaces) else {
        throw Problem(.invalidBasePeriod(vs.text), at: location(vs))
      }
      guard base.resolve(from: period) != nil else {
        throw Problem(.noBasePeriod(base: vs.text, period: period), at: location(vs))
      }
      changes.append(
        StatedChange(
          base: base, baseText: vs.text.trimmingSpaces, stated: try quantity(stated),
          location: location(stated)))
    }
    var rate: ExchangeRate?
    if let rateField = field("rate") {
      guard let parsed = DataLoader.parseRate(rateField.text, location: location(rateField)) else {
        throw Problem(.invalidRate(rateField.text), at: location(rateField))
      }
      rate = parsed
    }
    let metric = try required("metric").text.trimmingSpaces
    return Figure(
      key: FigureKey(
        entity: try required("entity").text.trimmingSpaces,
        metric: isTable ? ReportTables.metricName(metric) : metric, period: period,
        segment: field("segment")?.text.trimmingSpaces),
      quantity: value, location: location(valueField),
      source: field("source")?.text.trimmingSpaces, changes: changes, rate: rate)
  }

  /// Gives a value written as a plain number the row's `unit` (a noun, "%" or "pp"),
  /// `currency` (an ISO code) and `scale` ("thousands").
  static func applyUnits(
    to value: inout Quantity, unit: Field?, currency: Field?, scale: Field?,
    location: (Field) -> SourceLocation
  ) throws(Problem) {
    if let unit {
      // A percentage or points is the unit whatever the number says; a noun or a currency
      // code only names a plain number's.
      let named = QuantityUnit.named(unit.text.trimmingSpaces)
      if named == .percent || named == .percentagePoints || value.unit == .count(nil) {
        value.unit = named
      }
    }
    var power: Int?
    var word: String?
    if let scale {
      guard let named = ReportScale.named(scale.text.trimmingSpaces) else {
        throw Problem(.invalidScale(scale.text.trimmingSpaces), at: location(scale))
      }
      (power, word) = named
    }
    var code: String?
    if let currency {
      let text = currency.text.trimmingSpaces
      guard let found = ReportScale.currencyCode(text) else {
        throw Problem(
          .wrongType(key: "currency", expected: "a currency code such as USD", found: "'\(text)'"),
          at: location(currency))
      }
      code = found
    }
    ReportScale.apply(power: power, word: word, currency: code, to: &value)
  }

  /// Splits CSV text into rows of located fields, separated by `separator`.
  static func parse(
    _ text: String, lines: SourceLines, path: String, separator: Character = ","
  ) throws(Problem) -> [[Field]] {
    var rows: [[Field]] = []
    var row: [Field] = []
    var current = Field(text: "", offset: 0, end: 0, quoted: false)
    var offset = 0
    var inQuotes = false
    var quoteStart = 0
    var iterator = text.makeIterator()
    var pending: Character?
    func finishField() {
      current.end = offset
      row.append(current)
    }
    while let character = pending ?? iterator.next() {
      pending = nil
      if inQuotes {
        if character == "\"" {
          if let next = iterator.next() {
            if next == "\"" {
              current.text.append("\"")
              offset += 2
              continue
            }
            pending = next
          }
          inQuotes = false
          offset += 1
          continue
        }
        current.text.append(character)
        offset += character.utf8.count
        continue
      }
      switch character {
      case "\"" where current.text.isEmpty && !current.quoted:
        inQuotes = true
        current.quoted = true
        quoteStart = offset
        offset += 1
      case separator:
        finishField()
        offset += character.utf8.count
        current = Field(text: "", offset: offset, end: offset, quoted: false)
      case "\n", "\r\n", "\r":
        finishField()
        rows.append(row)
        row = []
        offset += character.utf8.count
        current = Field(text: "", offset: offset, end: offset, quoted: false)
      default:
        current.text.append(character)
        offset += character.utf8.count
      }
    }
    if inQuotes {
      throw Problem(.csvUnclosedQuote, at: lines.location(file: path, offset: quoteStart))
    }
    if !current.text.isEmpty || !row.isEmpty {
      finishField()
      rows.append(row)
    }
    return rows
  }
}
