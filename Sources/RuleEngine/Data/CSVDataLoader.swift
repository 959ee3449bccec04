/// Reads CSV data files: a header row, then one figure per row.
///
/// Columns: `entity`, `metric`, `period`, `value` (required), and `segment`, `source`, `vs` and
/// `stated` (a stated change), `rate` (a rate stated beside the figure). Fields follow RFC 4180:
/// commas separate, double quotes enclose fields that hold commas, quotes or line breaks.
enum CSVDataLoader {
  static let columns = [
    "entity", "metric", "period", "segment", "value", "source", "vs", "stated", "rate",
  ]
  static let required = ["entity", "metric", "period", "value"]

  /// A field with the 1-based line and column where it starts.
  struct Field {
    var text: String
    var line: Int
    var column: Int
    var quoted: Bool
  }

  static func load(_ path: String, bytes: [UInt8], problems: inout [Problem]) -> DataFile? {
    guard let text = String(validating: bytes, as: UTF8.self) else {
      let offset = firstInvalidUTF8(bytes)
      problems.append(
        Problem(.notUTF8, at: SourceFiles.location(ofOffset: offset, in: bytes, file: path)))
      return nil
    }
    let rows: [[Field]]
    do {
      rows = try parse(text, path: path)
    } catch {
      problems.append(error)
      return nil
    }
    guard let header = rows.first else {
      problems.append(Problem(.emptyFile, at: SourceLocation(file: path, line: 1, column: 1)))
      return nil
    }
    var index: [String: Int] = [:]
    for (position, field) in header.enumerated() {
      let name = field.text.trimmingSpaces.lowercased()
      guard columns.contains(name) else {
        problems.append(
          Problem(
            .csvUnknownColumn(name, suggestion: Suggestion.closest(to: name, in: columns)),
            at: SourceLocation(file: path, line: field.line, column: field.column)))
        return nil
      }
      index[name] = position
    }
    for name in required where index[name] == nil {
      problems.append(
        Problem(.csvMissingColumn(name), at: SourceLocation(file: path, line: 1, column: 1)))
      return nil
    }
    var file = DataFile(path: path)
    for row in rows.dropFirst() {
      if row.count == 1, row[0].text.trimmingSpaces.isEmpty { continue }
      do {
        file.figures.append(try readRow(row, index: index, header: header.count, path: path))
      } catch {
        problems.append(error)
      }
    }
    return file
  }

  static func readRow(_ row: [Field], index: [String: Int], header: Int, path: String)
    throws(Problem) -> Figure
  {
    let rowStart = SourceLocation(file: path, line: row[0].line, column: 1)
    guard row.count == header else {
      throw Problem(.csvFieldCount(expected: header, found: row.count), at: rowStart)
    }
    func field(_ name: String) -> Field? {
      guard let position = index[name] else { return nil }
      let field = row[position]
      return field.text.trimmingSpaces.isEmpty ? nil : field
    }
    func location(_ field: Field) -> SourceLocation {
      SourceLocation(
        file: path, line: field.line, column: field.column,
        length: field.text.count + (field.quoted ? 2 : 0))
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
    let valueField = try required("value")
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
    return Figure(
      key: FigureKey(
        entity: try required("entity").text.trimmingSpaces,
        metric: try required("metric").text.trimmingSpaces, period: period,
        segment: field("segment")?.text.trimmingSpaces),
      quantity: try quantity(valueField), location: location(valueField),
      source: field("source")?.text.trimmingSpaces, changes: changes, rate: rate)
  }

  /// Splits CSV text into rows of located fields.
  static func parse(_ text: String, path: String) throws(Problem) -> [[Field]] {
    var rows: [[Field]] = []
    var row: [Field] = []
    var current = Field(text: "", line: 1, column: 1, quoted: false)
    var line = 1
    var column = 1
    var inQuotes = false
    var quoteStart = SourceLocation(file: path, line: 1, column: 1)
    var iterator = text.makeIterator()
    var pending: Character?
    while let character = pending ?? iterator.next() {
      pending = nil
      if inQuotes {
        if character == "\"" {
          if let next = iterator.next() {
            if next == "\"" {
              current.text.append("\"")
              column += 2
              continue
            }
            pending = next
          }
          inQuotes = false
          column += 1
          continue
        }
        current.text.append(character)
        if character == "\n" || character == "\r\n" {
          line += 1
          column = 1
        } else {
          // Columns count Unicode scalars, as SARIF's columns do.
          column += character.unicodeScalars.count
        }
        continue
      }
      switch character {
      case "\"" where current.text.isEmpty && !current.quoted:
        inQuotes = true
        current.quoted = true
        quoteStart = SourceLocation(file: path, line: line, column: column)
        column += 1
      case ",":
        row.append(current)
        column += 1
        current = Field(text: "", line: line, column: column, quoted: false)
      case "\n", "\r\n":
        row.append(current)
        rows.append(row)
        row = []
        line += 1
        column = 1
        current = Field(text: "", line: line, column: column, quoted: false)
      default:
        current.text.append(character)
        column += character.unicodeScalars.count
      }
    }
    if inQuotes { throw Problem(.csvUnclosedQuote, at: quoteStart) }
    if !current.text.isEmpty || !row.isEmpty {
      row.append(current)
      rows.append(row)
    }
    return rows
  }

  /// The offset of the first byte that is not valid UTF-8.
  static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int {
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    var offset = 0
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let scalar): offset += scalar.count
      case .emptyInput, .error: return offset
      }
    }
  }
}
