import Testing

@testable import FactlintModel
@testable import FactlintReading
@testable import FactlintReporting

/// Tables in articles: their cells read as figures bound by row and column, and the claims
/// their "Total" rows and columns and "% change" columns make.
@Suite struct TableReaderTests {
  /// The extraction of a Markdown (or, by `path`, HTML) article.
  static func extract(_ source: String, path: String = "a.md") throws -> Extraction {
    let format = try #require(ArticleFormat(path: path))
    let articles = try ArticleReader.parse(Array(source.utf8), path: path, format: format)
    let article = try #require(articles.first)
    return Extractor().extract(article)
  }

  static func describe(_ extraction: Extraction) -> [String] {
    extraction.claims.map(ExtractReport.describe)
  }

  static let segments = """
    ---
    date: 2025-10-28
    ---
    Kestrel Systems reported its third-quarter results on Tuesday.

    Revenue by segment, in millions of dollars:

    | Segment | Q3 2025 | Q3 2024 | y/y |
    |---|---|---|---|
    | Devices | 1,213 | 1,102 | 10% |
    | Services | 843 | 701 | 20% |
    | Other | — | n/a | — |
    | Software | 677 | 598 | 13% |
    | Total | 2,733 | 2,401 | 14% |
    """

  @Test func cellsAreBoundByRowAndColumnWithTheCaptionsScale() throws {
    let extraction = try Self.extract(Self.segments)
    let cells = extraction.figures.filter(\.isTableCell)
    // Nil cells are absent: four rows of three figures.
    #expect(cells.count == 12)
    let devices = try #require(cells.first)
    let period = try #require(Period("2025-Q3"))
    #expect(devices.figure.key == FigureKey(entity: "kestrel", metric: "devices", period: period))
    #expect(devices.figure.quantity.value == 1_213_000_000)
    #expect(devices.figure.quantity.unit == .currency("USD"))
    #expect(devices.figure.location.line == 10)
    #expect(devices.figure.location.column == 13)
    // A percent has no scale, and no period of its own.
    let change = try #require(cells.first { $0.figure.quantity.unit == .percent })
    #expect(change.figure.quantity.value == 10)
    #expect(change.period == nil)
  }

  @Test func totalsAndChangesAreClaims() throws {
    let claims = Self.describe(try Self.extract(Self.segments))
    #expect(claims.contains("composition 2,733 = 1,213 + 843 + 677"))
    #expect(claims.contains("composition 2,401 = 1,102 + 701 + 598"))
    #expect(claims.contains { $0.hasPrefix("change 13 of 677") })
    #expect(claims.filter { $0.hasPrefix("change") }.count == 4)
  }

  @Test func aTotalColumnAddsUpItsRow() throws {
    let source = """
      | (in thousands) | 2026 | 2027 - 2028 | Later | Total |
      |---|---|---|---|---|
      | Leases | 19,373 | 36,373 | 1,666 | $57,412 |
      | Purchases | $24,800 | $8,129 | - | $32,929 |
      """
    let claims = Self.describe(try Self.extract(source))
    #expect(claims.contains("composition $57,412 = 19,373 + 36,373 + 1,666"))
    #expect(claims.contains("composition $32,929 = $24,800 + $8,129"))
  }

  @Test func subHeadingsAndSubtotalsAreReadAsTheyAdd() throws {
    // "Operating expenses" heads rows the total adds with the row above it; "Other assets"
    // is an unlabelled subtotal of the rows under its heading.
    let source = """
      | | 2026 | 2025 |
      |---|---|---|
      | Cost of sales | $624 | $640 |
      | Operating expenses | | |
      | Amortization | 150 | 221 |
      | Restructuring | — | 38 |
      | Total | $774 | $899 |

      | | 2026 | 2025 |
      |---|---|---|
      | Software | 9.4 | 8.1 |
      | Other assets: | | |
      | Client relationships | 19.1 | 17.2 |
      | Trade names | 1.4 | 1.5 |
      | Other assets | 20.5 | 18.7 |
      | Total assets | 29.9 | 26.8 |
      """
    let claims = Self.describe(try Self.extract(source))
    #expect(claims.contains("composition $774 = $624 + 150"))
    #expect(claims.contains("composition $899 = $640 + 221 + 38"))
    #expect(claims.contains("composition 29.9 = 9.4 + 20.5"))
  }

  @Test func aTotalThatAddsUpInNoColumnIsNotAClaim() throws {
    // A summary of selected figures: "Total assets" adds nothing above it.
    let source = """
      | | 2026 | 2025 |
      |---|---|---|
      | Net sales | 3,440 | 3,236 |
      | Net income | 53 | 61 |
      | Total assets | 1,774 | 1,659 |
      """
    let claims = Self.describe(try Self.extract(source))
    #expect(claims.isEmpty)
  }

  @Test func aChangeColumnThatMostRowsContradictIsNotRead() throws {
    // Percent changes at constant currency, or of another kind: most rows do not follow.
    let source = """
      | | 2026 | 2025 | Change |
      |---|---|---|---|
      | Americas | 21,856 | 21,648 | 2% |
      | Europe | 11,270 | 11,409 | 3% |
      | Asia | 6,380 | 6,326 | 5% |
      | Africa | 1,200 | 1,000 | 20% |
      """
    let claims = Self.describe(try Self.extract(source))
    #expect(!claims.contains { $0.hasPrefix("change") })
  }

  @Test func anHTMLTableWithACaptionAndHeadings() throws {
    let source = """
      <p>Kestrel Systems reported its results.</p>
      <table><caption>Revenue (€ thousands)</caption>
      <thead><tr><th>Segment</th><th>2026</th><th>2025</th><th>Change (%)</th></tr></thead>
      <tbody><tr><td>Devices</td><td>1,213</td><td>1,102</td><td>10.1</td></tr>
      <tr><td>Services</td><td>843</td><td>701</td><td>20.3</td></tr>
      <tr><td>Total</td><td>2,056</td><td>1,803</td><td>14.0</td></tr></tbody></table>
      """
    let extraction = try Self.extract(source, path: "a.html")
    let claims = Self.describe(extraction)
    #expect(claims.contains("composition 2,056 = 1,213 + 843"))
    #expect(claims.contains { $0.hasPrefix("change 20.3 of 843") })
    let devices = try #require(extraction.figures.first { $0.isTableCell })
    #expect(devices.figure.quantity.unit == .currency("EUR"))
    #expect(devices.figure.quantity.value == 1_213_000)
  }

  @Test func aTableWithARowPerPeriodHasAColumnPerMetric() throws {
    let source = """
      Kestrel Systems reported its results.

      | Year | Revenue ($m) | Net income ($m) |
      |---|---|---|
      | 2024 | 2,401 | 310 |
      | 2025 | 2,733 | 352 |
      """
    let extraction = try Self.extract(source)
    let keys = extraction.figures.filter { $0.isTableCell }.map(\.figure.key.description)
    #expect(
      keys == [
        "kestrel revenue 2024", "kestrel net income 2024", "kestrel revenue 2025",
        "kestrel net income 2025",
      ])
  }

  @Test func aSentenceBeforeATableGivesItNoScale() throws {
    let source = """
      Kestrel Systems said revenue rose to $2.7 billion.

      | Segment | 2025 | 2024 |
      |---|---|---|
      | Stores | 1,210 | 1,105 |
      """
    let cell = try #require(try Self.extract(source).figures.first { $0.isTableCell })
    #expect(cell.figure.quantity.value == 1210)
    let captioned = try Self.extract(
      "Table 2: Stores, in thousands\n\n| Segment | 2025 |\n|---|---|\n| Stores | 1,210 |\n")
    #expect(captioned.figures.first { $0.isTableCell }?.figure.quantity.value == 1_210_000)
  }

  @Test func aTableOfWordsIsReadAsProse() throws {
    let source = """
      | Quarter | Comment |
      |---|---|
      | Q3 | Revenue rose 7% to $2.1 billion from $1.96 billion. |
      """
    let extraction = try Self.extract(source)
    #expect(!extraction.figures.contains { $0.isTableCell })
    #expect(Self.describe(extraction).contains { $0.hasPrefix("change 7 of $2.1 billion") })
  }

  @Test(arguments: [
    ("(3.1)", "-3.1"), ("$(72,836)", "-72836"), ("(6 )", "-6"), ("$77,095 (1)", "77095"),
    ("12.5%", "12.5"), ("(28%)", "-28"), ("2019 (1)", "2019"),
  ])
  func cellsAreReadAsReportsPrintThem(text: String, value: String) throws {
    let quantity = try #require(ReportCell(text[...]).quantity)
    #expect(quantity.value == ExactDecimal(value))
  }

  @Test(arguments: ["—", "–", "-", "n/a", "N/A", "nm", "$ -"])
  func nilCellsAreAbsent(text: String) {
    guard case .absent = ReportCell(text[...]) else {
      Issue.record("\(text) is not absent")
      return
    }
  }

  @Test(arguments: [
    ("Year ended December 31, 2019", "2019"), ("Q3 2025", "2025-Q3"), ("Fiscal 2024", "FY2024"),
    ("Second quarter 2025", "2025-Q2"), ("H1 2024", "2024-H1"),
  ])
  func headingsNamePeriods(heading: String, period: String) {
    #expect(ExtractionState.headingPeriod(heading)?.description == period)
  }

  @Test(arguments: ["2021 - 2022", "2019 vs 2018", "Segment", ""])
  func headingsWithoutOnePeriodNameNone(heading: String) {
    #expect(ExtractionState.headingPeriod(heading) == nil)
  }
}
