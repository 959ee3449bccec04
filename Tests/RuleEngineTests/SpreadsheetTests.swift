import FactlintTestSupport
import Foundation
import Testing

@testable import FactlintModel
@testable import FactlintSpreadsheet
@testable import RuleEngine

/// `.xlsx` workbooks read as report tables: cells as their formats show them, formulas by their
/// saved values, locations as `book.xlsx[Sheet]!B7`, and located errors.
@Suite struct SpreadsheetTests {
  typealias Cell = WorkbookFixture.Cell

  /// Formats: 1 `#,##0.0`, 2 `#,##0;(#,##0)`, 3 `0.0%`; the date style after them.
  static let formats = ["#,##0.0", "#,##0;(#,##0)", "0.0%"]

  static let income = WorkbookFixture.Sheet(
    "Income",
    rows: [
      [.text("Entity"), .text("Kestrel")],
      [.text("Currency:"), .text("USD")],
      [.text("scale"), .text("thousands")],
      [.empty, .number("2025"), .number("2024")],
      [.text("Revenue"), .number("272098.46", style: 1), .number("213159", style: 1)],
      [.text("Cost of revenue"), .number("-98120", style: 2), .number("-80100", style: 2)],
      [
        .text("Gross profit"), .formula("B5+B6", saved: "173978.46", style: 1),
        .formula("C5+C6", saved: "133059", style: 1),
      ],
      [.text("Gross margin"), .number("0.63941", style: 3), .inline("—")],
      [],
      [.inline("Other income (1)"), .text("n/a"), .number("1204")],
    ])

  static let notes = WorkbookFixture.Sheet("Notes", rows: [[.text("Figures are unaudited.")]])

  /// Writes `workbook` to a temporary file and reads it as data.
  func load(_ workbook: WorkbookFixture, replacing: [String: String] = [:]) throws -> (
    DataFile?, [Problem], String
  ) {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("factlint-\(UUID().uuidString).xlsx")
    defer { try? FileManager.default.removeItem(at: url) }
    try workbook.write(to: url, replacing: replacing)
    var problems: [Problem] = []
    let file = DataLoader.load(url.path, problems: &problems)
    return (file, problems, url.path)
  }

  func figure(_ file: DataFile?, _ metric: String, _ year: Int) -> Figure? {
    file?.figures.first { $0.key.metric == metric && $0.key.period == Period(year: year) }
  }

  @Test func aSheetIsAReportTable() throws {
    let (file, problems, path) = try load(
      WorkbookFixture(sheets: [Self.income, Self.notes], formats: Self.formats))
    let revenue = try #require(figure(file, "revenue", 2025))
    #expect(revenue.key.entity == "kestrel", "as prose names it")
    #expect(revenue.quantity.unit == .currency("USD"))
    // Shown as 272,098.5 (thousands): one decimal of precision, 272,098,450 to 272,098,550.
    #expect(revenue.quantity.value == 272_098_500)
    #expect(revenue.quantity.range(.rounded) == ValueRange(low: 272_098_450, high: 272_098_550))
    #expect(revenue.location.file == "\(path)[Income]!B5")
    #expect((revenue.location.line, revenue.location.column) == (5, 2))
    // (98,120) is negative; a formula reads as its saved value.
    #expect(figure(file, "cost_of_revenue", 2024)?.quantity.value == -80_100_000)
    #expect(figure(file, "gross_profit", 2025)?.quantity.value == 173_978_500)
    let margin = try #require(figure(file, "gross_margin", 2025))
    #expect(margin.quantity.unit == .percent)
    #expect(margin.quantity.value == ExactDecimal("63.9")!)
    #expect(figure(file, "gross_margin", 2024) == nil, "a dash is no figure")
    #expect(figure(file, "other_income", 2024)?.quantity.value == 1_204_000)
    #expect(figure(file, "other_income", 2024)?.source == "note 1")
    #expect(file?.figures.count == 8)
    // The notes sheet has no periods: a notice.
    #expect(
      problems.map(\.message) == [
        "sheet 'Notes' has no row of periods (2024, FY2024, Q2 2024 or dates), so none of its cells are read as figures"
      ])
    #expect(problems.first?.isNotice == true)
  }

  @Test func datesHeadColumnsAsTheYearsOrQuartersTheyEnd() throws {
    let sheet = WorkbookFixture.Sheet(
      "Balance",
      rows: [
        [.text("entity"), .text("kestrel")],
        [.text("Line item"), .date(serial: 45657), .date(serial: 45565)],
        [.text("Total assets"), .number("1200"), .number("1100")],
      ])
    let (file, problems, _) = try load(WorkbookFixture(sheets: [sheet]))
    #expect(problems.isEmpty, "\(problems.map(\.message))")
    #expect(figure(file, "total_assets", 2024)?.quantity.value == 1200)
    #expect(
      file?.figures.first { $0.key.period == Period(year: 2024, length: .quarter, index: 3) }?
        .quantity.value == 1100)
  }

  @Test func cellsThatAreNoFiguresAreLocated() throws {
    let sheet = WorkbookFixture.Sheet(
      "P&L",
      rows: [
        [.text("entity"), .text("kestrel")],
        [.empty, .text("FY2025"), .text("FY2024")],
        [.text("Revenue"), .formula("B9/0", saved: nil), .error("#DIV/0!")],
        [.text("Costs"), .text("about forty"), .number("12")],
        [.empty, .number("5"), .empty],
      ])
    let (_, problems, path) = try load(WorkbookFixture(sheets: [sheet]))
    let shown = problems.map {
      "\($0.location.file):\($0.location.line):\($0.location.column) \($0.message)"
    }
    #expect(shown.count == 4, "\(shown)")
    #expect(
      shown[0].hasPrefix("\(path)[P&L]!B3:3:2 the formula was saved without its calculated value"))
    #expect(shown[1].hasPrefix("\(path)[P&L]!C3:3:3 the cell holds the error #DIV/0!"))
    #expect(
      shown[2].hasPrefix("\(path)[P&L]!A5:5:1 a row of figures has no 'label'"), "\(shown[2])")
    #expect(shown[3].hasPrefix("\(path)[P&L]!B4:4:2"))
  }

  @Test func aSheetNeedsItsEntity() throws {
    let sheet = WorkbookFixture.Sheet(
      "Data", rows: [[.empty, .number("2025")], [.text("Revenue"), .number("1")]])
    let (_, problems, path) = try load(WorkbookFixture(sheets: [sheet]))
    #expect(problems.count == 1)
    #expect(problems.first?.location.file == "\(path)[Data]!A1")
    #expect(problems.first?.message.contains("'entity'") == true)
  }

  @Test func aSheetOfAMillionRowsIsRefused() throws {
    let sheet = WorkbookFixture.Sheet(
      "Big",
      rows: [
        [.text("entity"), .text("k")], [.empty, .number("2025")], [.text("a"), .number("1")],
      ],
      numbers: [1, 2, 1_000_000])
    let (file, problems, path) = try load(WorkbookFixture(sheets: [sheet]))
    #expect(file == nil)
    #expect(problems.first?.location.file == "\(path)[Big]!A1000000")
    #expect(problems.first?.message.hasPrefix("the sheet has more than 200000 rows") == true)
  }

  @Test func brokenWorkbooksAreLocatedErrors() throws {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("factlint-\(UUID().uuidString).xlsx")
    defer { try? FileManager.default.removeItem(at: url) }
    for bytes in [
      Array("hello, not a workbook".utf8),
      [0x50, 0x4B, 0x03, 0x04] + Array(repeating: 7, count: 200),
    ] {
      try Data(bytes).write(to: url)
      var problems: [Problem] = []
      #expect(DataLoader.load(url.path, problems: &problems) == nil)
      #expect(problems.first?.location == SourceLocation(file: url.path, line: 1, column: 1))
      #expect(
        problems.first?.message.hasPrefix("this is not an .xlsx workbook factlint can read") == true
      )
    }
    let (_, problems, _) = try load(
      WorkbookFixture(sheets: [Self.income]),
      replacing: [
        "xl/worksheets/sheet1.xml": "<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></row>"
      ])
    #expect(
      problems.first?.message.hasPrefix("the workbook's part xl/worksheets/sheet1.xml:1:") == true,
      "\(problems.map(\.message))")
  }

  // MARK: - Parts

  @Test(arguments: [
    ("General", "1234.5", "1234.5"), ("General", "0.30000000000000004", "0.3"),
    ("#,##0.0", "1234.54", "1,234.5"), ("#,##0.0", "1234.55", "1,234.6"),
    ("#,##0;(#,##0)", "-98120", "(98,120)"), ("0.0%", "0.12345", "12.3%"),
    ("\"$\"#,##0.00", "5", "$5.00"), ("[$€-407] #,##0", "1500", "€1,500"),
    ("#,##0,", "1234567", "1,235 thousand"), ("#,##0.0,,\" m\"", "2500000", "2.5 m"),
    ("0;-0;\"-\"", "0", "-"), ("#,##0_);(#,##0)", "-3", "(3)"), ("0", "-7", "-7"),
  ])
  func numberFormatsShowValuesAsTheSheetDoes(_ code: String, _ value: String, _ shown: String) {
    #expect(NumberFormat(code: code).text(of: ExactDecimal(value)!) == shown)
  }

  @Test func dateFormatsAreTold() {
    #expect(NumberFormat(code: "mm-dd-yy").isDate)
    #expect(NumberFormat(code: "[$-409]d mmm yyyy").isDate)
    #expect(!NumberFormat(code: "#,##0.00").isDate)
    #expect(!NumberFormat(code: "General").isDate)
    #expect(!NumberFormat(code: "0.0\"m\"").isDate, "quoted letters are literal")
    #expect(PartReader.day(serial: 45657, date1904: false)?.text == "2024-12-31")
    #expect(PartReader.day(serial: 1, date1904: true)?.text == "1904-01-02")
  }

  @Test func xmlIsScannedWithoutATree() throws {
    var scanner = XMLScanner(
      Array(
        "<?xml version=\"1.0\"?><!-- c --><x:a b='1 &amp; 2'>t &lt; &#x41;<![CDATA[<raw>]]></x:a>"
          .utf8))
    var events: [String] = []
    while let event = try scanner.next() {
      switch event {
      case .start(let name, let attributes, _): events.append("start \(name) \(attributes)")
      case .end(let name): events.append("end \(name)")
      case .text(let text): events.append("text \(text)")
      }
    }
    #expect(events == ["start a [\"b\": \"1 & 2\"]", "text t < A", "text <raw>", "end a"])
    for bad in [
      "<!DOCTYPE x [<!ENTITY e \"boom\">]><x>&e;</x>", "<a b=1/>", "<a>&unknown;</a>", "<a",
    ] {
      var failing = XMLScanner(Array(bad.utf8))
      #expect(throws: XMLScanner.Failure.self) { while try failing.next() != nil {} }
    }
  }
}
