import Foundation
import ZIPFoundation

/// Writes `.xlsx` workbooks for tests, part by part as Office Open XML lays them out: the
/// content types, the package's and the workbook's relationships, the workbook, its sheets,
/// shared strings and styles.
package struct WorkbookFixture {
  /// A cell as a sheet's XML writes it.
  package enum Cell {
    /// A number, with the index of its style in `formats` (0: General).
    case number(String, style: Int = 0)
    /// Text, through the shared strings.
    case text(String)
    /// Text written in the cell.
    case inline(String)
    /// A formula and the value saved with it (nil: saved without one).
    case formula(String, saved: String?, style: Int = 0)
    /// An error value.
    case error(String)
    /// A number in the date style (style index `dateStyle`).
    case date(serial: Int)
    /// Nothing.
    case empty
  }

  /// A sheet: its name, and its rows from row 1, each cell from column A.
  package struct Sheet {
    package var name: String
    package var rows: [[Cell]]
    /// Row numbers to write instead of 1, 2, 3, ... (for sparse sheets).
    package var numbers: [Int]?

    package init(_ name: String, rows: [[Cell]], numbers: [Int]? = nil) {
      self.name = name
      self.rows = rows
      self.numbers = numbers
    }
  }

  package var sheets: [Sheet]
  /// Custom number formats, each a style after General: style 1 is `formats[0]`.
  package var formats: [String]
  /// The style that shows a date.
  package var dateStyle: Int { formats.count + 1 }

  package init(sheets: [Sheet], formats: [String] = []) {
    self.sheets = sheets
    self.formats = formats
  }

  static func escaped(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
  }

  static func column(_ index: Int) -> String {
    var name = ""
    var rest = index
    while rest > 0 {
      name = String(UnicodeScalar(UInt8(65 + (rest - 1) % 26))) + name
      rest = (rest - 1) / 26
    }
    return name
  }

  /// The parts, by name.
  package func parts() -> [(String, String)] {
    let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    let package = "http://schemas.openxmlformats.org/package/2006/relationships"
    var strings: [String] = []
    var sheetParts: [(String, String)] = []
    for (index, sheet) in sheets.enumerated() {
      var rows = ""
      for (position, cells) in sheet.rows.enumerated() {
        let number = sheet.numbers?[position] ?? position + 1
        rows += "<row r=\"\(number)\">"
        for (column, cell) in cells.enumerated() {
          let reference = "\(Self.column(column + 1))\(number)"
          switch cell {
          case .number(let value, let style):
            rows += "<c r=\"\(reference)\" s=\"\(style)\"><v>\(value)</v></c>"
          case .text(let text):
            strings.append(text)
            rows += "<c r=\"\(reference)\" t=\"s\"><v>\(strings.count - 1)</v></c>"
          case .inline(let text):
            rows +=
              "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(Self.escaped(text))</t></is></c>"
          case .formula(let formula, let saved, let style):
            rows +=
              "<c r=\"\(reference)\" s=\"\(style)\"><f>\(Self.escaped(formula))</f>"
              + (saved.map { "<v>\($0)</v>" } ?? "") + "</c>"
          case .error(let value):
            rows += "<c r=\"\(reference)\" t=\"e\"><v>\(Self.escaped(value))</v></c>"
          case .date(let serial):
            rows += "<c r=\"\(reference)\" s=\"\(dateStyle)\"><v>\(serial)</v></c>"
          case .empty:
            continue
          }
        }
        rows += "</row>"
      }
      sheetParts.append(
        (
          "xl/worksheets/sheet\(index + 1).xml",
          header + "<worksheet xmlns=\"\(main)\"><sheetData>\(rows)</sheetData></worksheet>"
        ))
    }
    let sheetList = sheets.enumerated().map { index, sheet in
      "<sheet name=\"\(Self.escaped(sheet.name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
    }.joined()
    let sheetRelations = sheets.indices.map { index in
      "<Relationship Id=\"rId\(index + 1)\" Type=\"\(relationships)/worksheet\" "
        + "Target=\"worksheets/sheet\(index + 1).xml\"/>"
    }.joined()
    let count = sheets.count
    let numberFormats = formats.enumerated().map { index, code in
      "<numFmt numFmtId=\"\(164 + index)\" formatCode=\"\(Self.escaped(code))\"/>"
    }.joined()
    let styles =
      "<xf numFmtId=\"0\"/>"
      + formats.indices.map { "<xf numFmtId=\"\(164 + $0)\" applyNumberFormat=\"1\"/>" }.joined()
      + "<xf numFmtId=\"14\" applyNumberFormat=\"1\"/>"
    let sharedStrings = strings.map { "<si><t>\(Self.escaped($0))</t></si>" }.joined()
    return [
      (
        "[Content_Types].xml",
        header
          + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
          + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
          + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
          + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
          + "</Types>"
      ),
      (
        "_rels/.rels",
        header + "<Relationships xmlns=\"\(package)\">"
          + "<Relationship Id=\"rId1\" Type=\"\(relationships)/officeDocument\" Target=\"xl/workbook.xml\"/>"
          + "</Relationships>"
      ),
      (
        "xl/workbook.xml",
        header + "<workbook xmlns=\"\(main)\" xmlns:r=\"\(relationships)\"><workbookPr/>"
          + "<sheets>\(sheetList)</sheets></workbook>"
      ),
      (
        "xl/_rels/workbook.xml.rels",
        header + "<Relationships xmlns=\"\(package)\">\(sheetRelations)"
          + "<Relationship Id=\"rId\(count + 1)\" Type=\"\(relationships)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
          + "<Relationship Id=\"rId\(count + 2)\" Type=\"\(relationships)/styles\" Target=\"styles.xml\"/>"
          + "</Relationships>"
      ),
      (
        "xl/sharedStrings.xml",
        header + "<sst xmlns=\"\(main)\" count=\"\(strings.count)\">\(sharedStrings)</sst>"
      ),
      (
        "xl/styles.xml",
        header + "<styleSheet xmlns=\"\(main)\"><numFmts>\(numberFormats)</numFmts>"
          + "<cellXfs>\(styles)</cellXfs></styleSheet>"
      ),
    ] + sheetParts
  }

  /// The workbook's bytes, its parts deflated as spreadsheet applications write them.
  package func data(replacing replaced: [String: String] = [:]) throws -> Data {
    let archive = try Archive(accessMode: .create)
    for (name, text) in parts() {
      let data = Data((replaced[name] ?? text).utf8)
      try archive.addEntry(
        with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
      ) { position, size in
        data.subdata(in: Int(position)..<Int(position) + size)
      }
    }
    return archive.data ?? Data()
  }

  /// Writes the workbook to `url`.
  package func write(to url: URL, replacing replaced: [String: String] = [:]) throws {
    try data(replacing: replaced).write(to: url)
  }
}
