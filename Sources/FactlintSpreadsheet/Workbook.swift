import FactlintModel
import Foundation
import ZIPFoundation

/// A cell's value as the sheet shows it.
package enum CellValue: Sendable, Equatable {
  /// A number, and the text its number format shows it as ("1,234.5", "(3.1)", "12.5%").
  case number(ExactDecimal, shown: String)
  /// A number whose format is a date's.
  case date(Day)
  /// A shared, inline or formula string.
  case text(String)
  /// TRUE or FALSE.
  case bool(Bool)
  /// An error value such as `#DIV/0!`.
  case error(String)
  /// A formula saved without its calculated value.
  case uncalculated
}

/// One cell: its column (1 for A) and its value.
package struct SheetCell: Sendable {
  package var column: Int
  package var value: CellValue
}

/// One row: its number (1-based) and its cells, left to right.
package struct SheetRow: Sendable {
  package var number: Int
  package var cells: [SheetCell]
}

/// A worksheet: its name and its rows, top to bottom.
package struct Sheet: Sendable {
  package var name: String
  package var rows: [SheetRow]
}

/// Reads `.xlsx` workbooks (Office Open XML: a zip of XML parts) through ZIPFoundation: the
/// package's relationships to the workbook, its sheets, shared strings and styles; each sheet's
/// cells with a formula's saved value and the text its number format shows.
package enum Workbook {
  /// The most rows of a sheet factlint reads: a sheet of data larger than this belongs in CSV
  /// or a database.
  package static let rowLimit = 200_000
  /// The largest part, uncompressed, that factlint reads: a zip may claim a small size and
  /// inflate to far more, so the count is kept while inflating.
  package static let partLimit = 256 * 1024 * 1024

  /// Where a cell is: `book.xlsx[Sheet1]!B7`, with its row as the line and its column as the
  /// column.
  package static func location(_ path: String, sheet: String, row: Int, column: Int)
    -> SourceLocation
  {
    SourceLocation(
      file: "\(path)[\(sheet)]!\(columnName(column))\(row)", line: row, column: column)
  }

  /// `A` for 1, `Z` for 26, `AA` for 27.
  package static func columnName(_ column: Int) -> String {
    var name = ""
    var rest = column
    while rest > 0 {
      let digit = (rest - 1) % 26
      name = String(UnicodeScalar(UInt8(65 + digit))) + name
      rest = (rest - 1) / 26
    }
    return name
  }

  /// The column of a cell reference such as `B7`, or nil.
  static func column(of reference: String) -> Int? {
    var column = 0
    for scalar in reference.unicodeScalars {
      guard ("A"..."Z").contains(scalar) else { break }
      column = column * 26 + Int(scalar.value) - 64
      guard column <= 16_384 else { return nil }
    }
    return column > 0 ? column : nil
  }

  /// Every worksheet of the workbook at `path`.
  package static func read(_ path: String) throws(Problem) -> [Sheet] {
    let bytes = try SourceFiles.readBinary(path)
    let start = SourceLocation(file: path, line: 1, column: 1)
    func failure(_ reason: String) -> Problem { Problem(.notAWorkbook(reason), at: start) }
    guard bytes.starts(with: [0x50, 0x4B]) else {
      throw failure("it is not a zip archive, which an .xlsx file is")
    }
    let archive: Archive
    do {
      // Read from the file: ZIPFoundation's in-memory archive traps on some damaged zips.
      archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
    } catch {
      throw failure("its zip archive is damaged (\(error))")
    }
    let reader = PartReader(archive: archive, path: path)
    let packageRelations = try reader.relationships(of: "")
    guard let document = packageRelations.first(where: { $0.type.hasSuffix("/officeDocument") })
    else { throw failure("it names no workbook part (_rels/.rels)") }
    let workbookPart = document.target
    let relations = try reader.relationships(of: workbookPart)
    var sheets: [(name: String, id: String)] = []
    var date1904 = false
    try reader.scan(workbookPart) { event throws(XMLScanner.Failure) in
      guard case .start(let name, let attributes, _) = event else { return }
      if name == "sheet", let sheet = attributes["name"], let id = attributes["r:id"] {
        sheets.append((sheet, id))
      } else if name == "workbookPr" {
        date1904 = ["1", "true"].contains(attributes["date1904"] ?? "")
      }
    }
    let strings =
      try relations.first { $0.type.hasSuffix("/sharedStrings") }.map {
        relation throws(Problem) in try reader.sharedStrings(relation.target)
      } ?? []
    let formats =
      try relations.first { $0.type.hasSuffix("/styles") }.map {
        relation throws(Problem) in try reader.cellFormats(relation.target)
      } ?? []
    var read: [Sheet] = []
    for (name, id) in sheets {
      // Chart sheets and dialog sheets hold no cells.
      guard let relation = relations.first(where: { $0.id == id }),
        relation.type.hasSuffix("/worksheet")
      else { continue }
      read.append(
        try reader.sheet(
          relation.target, name: name, strings: strings, formats: formats, date1904: date1904))
    }
    return read
  }
}

/// Reads the parts of one workbook's zip.
struct PartReader {
  let archive: Archive
  let path: String

  struct Relationship {
    var id: String
    var type: String
    var target: String
  }

  func problem(_ error: InputError) -> Problem {
    Problem(error, at: SourceLocation(file: path, line: 1, column: 1))
  }

  /// The bytes of the part at `name`, bounded by ``Workbook/partLimit``.
  func bytes(of name: String) throws(Problem) -> [UInt8] {
    guard let entry = archive[name] else {
      throw problem(.notAWorkbook("it has no part \(name)"))
    }
    guard entry.uncompressedSize <= UInt64(Workbook.partLimit) else {
      throw problem(.workbookPartTooLarge(part: name, limit: Workbook.partLimit))
    }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(Int(entry.uncompressedSize))
    struct TooLarge: Error {}
    do {
      _ = try archive.extract(entry, skipCRC32: false) { chunk in
        guard bytes.count + chunk.count <= Workbook.partLimit else { throw TooLarge() }
        bytes.append(contentsOf: chunk)
      }
    } catch is TooLarge {
      throw problem(.workbookPartTooLarge(part: name, limit: Workbook.partLimit))
    } catch {
      throw problem(.notAWorkbook("its part \(name) cannot be inflated (\(error))"))
    }
    return bytes
  }

  /// Runs `handle` on each event of the part at `name`.
  func scan(
    _ name: String, _ handle: (XMLScanner.Event) throws(XMLScanner.Failure) -> Void
  ) throws(Problem) {
    let bytes = try bytes(of: name)
    var scanner = XMLScanner(bytes)
    do {
      while let event = try scanner.next() { try handle(event) }
    } catch {
      let place = SourceLines(bytes).location(file: name, offset: error.offset)
      throw problem(
        .invalidWorkbookPart(
          part: "\(name):\(place.line):\(place.column)", reason: error.reason))
    }
  }

  /// The relationships of the part `name` ("" for the package), with targets as part names.
  func relationships(of name: String) throws(Problem) -> [Relationship] {
    let folder = name.split(separator: "/").dropLast().joined(separator: "/")
    let file = name.split(separator: "/").last.map(String.init) ?? ""
    let part = (folder.isEmpty ? "" : folder + "/") + "_rels/" + file + ".rels"
    guard archive[part] != nil || !name.isEmpty else {
      throw problem(.notAWorkbook("it has no _rels/.rels part"))
    }
    guard archive[part] != nil else { return [] }
    var relations: [Relationship] = []
    try scan(part) { event throws(XMLScanner.Failure) in
      guard case .start("Relationship", let attributes, _) = event,
        let id = attributes["Id"], let type = attributes["Type"], let target = attributes["Target"],
        attributes["TargetMode"] != "External"
      else { return }
      relations.append(
        Relationship(id: id, type: type, target: Self.resolve(target, from: folder)))
    }
    return relations
  }

  /// A relationship's target as a part name: `/xl/styles.xml`, or `worksheets/sheet1.xml` from
  /// `xl`, is `xl/...`.
  static func resolve(_ target: String, from folder: String) -> String {
    let joined = target.hasPrefix("/") ? String(target.dropFirst()) : folder + "/" + target
    var parts: [Substring] = []
    for part in joined.split(separator: "/") {
      switch part {
      case ".": continue
      case "..": if !parts.isEmpty { parts.removeLast() }
      default: parts.append(part)
      }
    }
    return parts.joined(separator: "/")
  }

  /// The shared strings: each `<si>`'s text runs joined, its phonetic runs left out.
  func sharedStrings(_ name: String) throws(Problem) -> [String] {
    var strings: [String] = []
    var current = ""
    var inText = false
    var inPhonetic = false
    try scan(name) { event throws(XMLScanner.Failure) in
      switch event {
      case .start("si", _, let isEmpty):
        current = ""
        if isEmpty { strings.append("") }
      case .end("si"): strings.append(current)
      case .start("rPh", _, _): inPhonetic = true
      case .end("rPh"): inPhonetic = false
      case .start("t", _, let isEmpty): inText = !isEmpty
      case .end("t"): inText = false
      case .text(let text) where inText && !inPhonetic: current += text
      default: break
      }
    }
    return strings
  }

  /// The number format of each cell style (`cellXfs`), by the style's index.
  func cellFormats(_ name: String) throws(Problem) -> [NumberFormat] {
    var codes = NumberFormat.builtIn
    var styles: [Int] = []
    var inCellStyles = false
    try scan(name) { event throws(XMLScanner.Failure) in
      switch event {
      case .start("numFmt", let attributes, _):
        if let id = attributes["numFmtId"].flatMap({ Int($0) }), let code = attributes["formatCode"]
        {
          codes[id] = code
        }
      case .start("cellXfs", _, let isEmpty): inCellStyles = !isEmpty
      case .end("cellXfs"): inCellStyles = false
      case .start("xf", let attributes, _) where inCellStyles:
        styles.append(attributes["numFmtId"].flatMap { Int($0) } ?? 0)
      default: break
      }
    }
    return styles.map { NumberFormat(code: codes[$0] ?? "General") }
  }

  /// A worksheet's rows, each cell shown through its style's number format.
  func sheet(
    _ part: String, name: String, strings: [String], formats: [NumberFormat], date1904: Bool
  ) throws(Problem) -> Sheet {
    var rows: [SheetRow] = []
    var row = SheetRow(number: 0, cells: [])
    var column = 0
    var type = "n"
    var style = 0
    var hasFormula = false
    var value: String?
    var inline = ""
    var reading: String?
    var tooMany: Int?
    func finishRow() {
      if !row.cells.isEmpty { rows.append(row) }
    }
    try scan(part) { event throws(XMLScanner.Failure) in
      switch event {
      case .start("row", let attributes, let isEmpty):
        finishRow()
        let number = attributes["r"].flatMap { Int($0) } ?? row.number + 1
        if number > Workbook.rowLimit, tooMany == nil { tooMany = number }
        row = SheetRow(number: number, cells: [])
        column = 0
        if isEmpty { row.cells = [] }
      case .start("c", let attributes, let isEmpty):
        column = attributes["r"].flatMap(Workbook.column(of:)) ?? column + 1
        type = attributes["t"] ?? "n"
        style = attributes["s"].flatMap { Int($0) } ?? 0
        hasFormula = false
        value = nil
        inline = ""
        if isEmpty { reading = nil }
      case .start("f", _, _): hasFormula = true
      case .start("v", _, let isEmpty): reading = isEmpty ? nil : "v"
      case .start("t", _, let isEmpty) where type == "inlineStr": reading = isEmpty ? nil : "t"
      case .text(let text) where reading == "v": value = (value ?? "") + text
      case .text(let text) where reading == "t": inline += text
      case .end("v"), .end("t"): reading = nil
      case .end("c"):
        if let cell = Self.cell(
          type: type, value: value, inline: inline, hasFormula: hasFormula,
          format: formats.indices.contains(style) ? formats[style] : .general,
          strings: strings, date1904: date1904)
        {
          row.cells.append(SheetCell(column: column, value: cell))
        }
      default: break
      }
    }
    finishRow()
    if let tooMany {
      throw Problem(
        .tooManyRows(limit: Workbook.rowLimit),
        at: Workbook.location(path, sheet: name, row: tooMany, column: 1))
    }
    return Sheet(name: name, rows: rows)
  }

  /// A cell's value from its type (`t`), its saved value (`v`) and its format; nil for a cell
  /// that holds nothing.
  static func cell(
    type: String, value: String?, inline: String, hasFormula: Bool, format: NumberFormat,
    strings: [String], date1904: Bool
  ) -> CellValue? {
    switch type {
    case "inlineStr":
      return inline.isEmpty ? nil : .text(inline)
    case "s":
      guard let index = value.flatMap({ Int($0) }), strings.indices.contains(index) else {
        return .error("a shared string that the workbook does not hold")
      }
      return strings[index].isEmpty ? nil : .text(strings[index])
    case "str":
      guard let value else { return hasFormula ? .uncalculated : nil }
      return value.isEmpty ? nil : .text(value)
    case "b":
      return value.map { .bool($0 == "1") }
    case "e":
      return .error(value ?? "#N/A")
    default:
      guard let value, !value.isEmpty else { return hasFormula ? .uncalculated : nil }
      guard let number = ExactDecimal(value) else {
        return .error("'\(value)', which is not a number")
      }
      if format.isDate, let day = Self.day(serial: number, date1904: date1904) {
        return .date(day)
      }
      return .number(number, shown: format.text(of: number))
    }
  }

  /// The day of a date's serial number: days since 30 December 1899 (with 1900's leap day that
  /// never was), or since 1 January 1904.
  static func day(serial: ExactDecimal, date1904: Bool) -> Day? {
    let whole = serial.rounded(toPower: 0, .down)
    guard let days = Int(whole.description), (0...2_958_465).contains(days) else { return nil }
    if date1904 { return Day(year: 1904, month: 1, day: 1).map { Day(number: $0.number + days) } }
    let base =
      days >= 61 ? Day(year: 1899, month: 12, day: 30) : Day(year: 1899, month: 12, day: 31)
    return base.map { Day(number: $0.number + days) }
  }
}
