import Foundation
import Testing

@testable import RuleEngine

/// Figures and claims read out of sentences.
@Suite struct ExtractorTests {
  /// Extracts from plain text, locating by line and column in the same text.
  func extract(_ text: String, date: String? = "2017-07-07") -> Extraction {
    Extractor().extract(text: text, path: "a.txt", date: date.flatMap(SimpleDate.init)) { range in
      let prefix = text[..<range.lowerBound]
      let line = prefix.filter { $0 == "\n" }.count + 1
      let lineStart = prefix.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
      return RuleEngine.SourceLocation(
        file: "a.txt", line: line, column: text[lineStart..<range.lowerBound].count + 1,
        length: text[range].count)
    }
  }

  func describe(_ claim: Claim) -> String {
    ExtractReport.describe(claim).replacingOccurrences(of: " against ", with: " from ")
      .replacingOccurrences(of: " (of which)", with: " (partial)")
      .replacingOccurrences(of: "a rate from the data", with: "data")
  }

  @Test func figuresWithNounsPeriodsAndSpans() {
    let result = extract(
      "Xiaomi shipped 23.16 million smartphones in Q2 2017, and 8.7 million tablets in 2016.")
    #expect(result.figures.map(\.text) == ["23.16 million", "8.7 million"])
    #expect(result.figures.map(\.noun) == ["smartphones", "tablets"])
    #expect(result.figures.map { $0.period?.description } == ["2017-Q2", "2016"])
    #expect(result.figures.map(\.metric) == ["smartphone", "tablet"])
    #expect(result.figures.map(\.entity) == ["xiaomi", "xiaomi"])
    #expect(result.figures[0].figure.location.column == 16)
    #expect(result.figures[0].figure.location.length == 13)
  }

  @Test func yearsDatesAndNamesAreNotFigures() {
    let result = extract(
      "On June 3, 2024, the Xiaomi 14 went on sale at 10:30 in 2,315 stores, COVID-19 aside.")
    #expect(result.figures.map(\.text) == ["2,315"])
  }

  @Test(arguments: [
    (
      "Revenue rose 7% to $56 million from 52.3 million.",
      "change 7 of $56 million from 52.3 million"
    ),
    (
      "Sales climbed 4.1% to €3.02 billion from €2.9 billion.",
      "change 4.1 of €3.02 billion from €2.9 billion"
    ),
    (
      "Profit dropped 31% to $88 million from $127 million.",
      "change -31 of $88 million from $127 million"
    ),
    (
      "Revenue was $56 million, up 7% from 52.3 million.",
      "change 7 of $56 million from 52.3 million"
    ),
    (
      "Users more than doubled to 2.2 million from 1 million.",
      "change 2 of 2.2 million from 1 million"
    ),
    (
      "The margin gained 1.5 percentage points to 9.5% from 8%.",
      "change 1.5 of 9.5% from 8%"
    ),
    (
      "It sold 23.16 million smartphones in Q2 2017, an increase of 70 per cent from the previous quarter.",
      "change 70 of 23.16 million from previous quarter"
    ),
    (
      "Net profit was RMB 2 billion, a year-on-year decrease of 59%.",
      "change -59 of RMB 2 billion from year-on-year"
    ),
  ])
  func changes(_ text: String, _ expected: String) {
    #expect(extract(text).claims.map(describe) == [expected])
  }

  @Test func conversionWithARateInTheText() {
    let result = extract(
      "Revenue from new businesses was RMB 6.4 billion ($900 million). Figures use $1 = RMB 7.1348."
    )
    #expect(
      result.claims.map(describe) == ["conversion RMB 6.4 billion = $900 million at USD/CNY 7.1348"]
    )
    let perDollar = extract(
      "Sales were €2.3 billion ($2.5 billion) at an exchange rate of 0.92 euros per dollar.")
    #expect(
      perDollar.claims.map(describe) == ["conversion €2.3 billion = $2.5 billion at USD/EUR 0.92"])
  }

  @Test(arguments: [
    (
      "Innovation revenue was RMB 6.4 billion, of which RMB 6.2 billion came from EVs and RMB 200 million from other businesses.",
      "composition RMB 6.4 billion = RMB 6.2 billion + RMB 200 million (partial)"
    ),
    (
      "Revenue reached $5 billion, including $3 billion in China and $1.5 billion in Europe.",
      "composition $5 billion = $3 billion + $1.5 billion (partial)"
    ),
    (
      "Costs were $900 million, made up of $500 million from wages, $300 million from rent and $100 million from power.",
      "composition $900 million = $500 million + $300 million + $100 million"
    ),
    (
      "Sales in the four quarters were 10 million, 12 million, 13 million and 15 million, or 50 million for the year.",
      "composition 50 million = 10 million + 12 million + 13 million + 15 million"
    ),
  ])
  func compositions(_ text: String, _ expected: String) {
    #expect(extract(text).claims.map(describe) == [expected])
  }

  @Test func sharesAndMargins() {
    #expect(
      extract("Revenue was $10 billion. China sales of $4 billion made up 40% of revenue.")
        .claims.map(describe) == ["share 40% = $4 billion / $10 billion"])
    #expect(
      extract(
        "Operating profit was $402 million, an operating margin of 12.2% on revenue of $3.3 billion."
      ).claims.map(describe) == ["share 12.2% = $402 million / $3.3 billion"])
  }

  @Test func restatedFiguresShareAKey() {
    let result = extract(
      "Tesla delivered 4.96 million vehicles in 2024. Deliveries of nearly 5 million vehicles in 2024 were a record."
    )
    let keys = result.figures.filter(\.isBound).map(\.figure.key)
    #expect(keys.count == 2)
    #expect(Set(keys).count == 1)
  }

  @Test(arguments: [
    ("Sales were $5 million in the second quarter of 2017.", "2017-Q2"),
    ("Sales were $5 million in Q3 2016.", "2016-Q3"),
    ("Sales were $5 million in the first half of 2024.", "2024-H1"),
    ("Full-year 2024 sales were $5 million.", "2024"),
    ("Sales were $5 million last year.", "2016"),
    ("Sales were $5 million this year.", "2017"),
    ("Sales were $5 million in fiscal 2023.", "FY2023"),
    ("Sales were $5 million in June.", "2017-06"),
    ("Sales were $5 million in the fourth quarter.", "2017-Q4"),
  ])
  func periodsResolveAgainstTheArticleDate(_ text: String, _ period: String) {
    #expect(extract(text).figures.first?.period?.description == period)
  }

  @Test(arguments: [
    ("Sales rose 5% to $5 million from the same quarter last year.", "a year earlier"),
    ("Sales rose 5% year-on-year to $5 million.", "a year earlier"),
    ("Sales rose 5% month-on-month to $5 million.", "the previous month"),
    ("Sales rose 5% to $5 million from the previous quarter.", "the previous quarter"),
  ])
  func basePeriodsOfChanges(_ text: String, _ base: String) throws {
    let claim = try #require(extract(text).claims.first)
    guard case .change(_, nil, let change) = claim else {
      Issue.record("not a change against a period: \(claim)")
      return
    }
    let expected: BasePeriod =
      switch base {
      case "a year earlier": .yearEarlier
      case "the previous month": .previous(.month)
      default: .previous(.quarter)
      }
    #expect(change.base == expected)
  }

  @Test func restatementsNeedTheSameMetricAndAPlausibleSlip() {
    let text = """
      Acme employs 3,412 people across 14 plants. Revenue was $2.1 billion in 2024.
      Chief executive Jo Park thanked its 3,142 employees. Costs were $1.4 billion.
      """
    let claims = extract(text).claims.map(describe)
    #expect(claims == ["restatement 3,142 = 3,412"])
  }
}
