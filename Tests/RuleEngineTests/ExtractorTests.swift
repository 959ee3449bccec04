import Foundation
import Testing

@testable import FactlintModel
@testable import FactlintReading
@testable import FactlintReporting

/// Figures and claims read out of sentences.
@Suite struct ExtractorTests {
  /// Extracts from plain text, locating by line and column in the same text.
  func extract(_ text: String, date: String? = "2017-07-07") -> Extraction {
    Extractor().extract(text: text, path: "a.txt", date: date.flatMap(SimpleDate.init)) { range in
      let prefix = text[..<range.lowerBound]
      let line = prefix.filter { $0 == "\n" }.count + 1
      let lineStart = prefix.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
      return FactlintModel.SourceLocation(
        file: "a.txt", line: line, column: text[lineStart..<range.lowerBound].count + 1,
        length: text[range].count)
    }
  }

  func describe(_ claim: Claim) -> String {
    ExtractReport.describe(claim).replacingOccurrences(of: " against ", with: " from ")
      .replacingOccurrences(of: " (of which)", with: " (partial)")
      .replacingOccurrences(of: "a rate from the data", with: "data")
  }

  @Test(arguments: [
    ("Revenue for the six months ended 30 June 2018 was $120 million.", "2018-08-20", "2018-H1"),
    ("Revenue for the six months ended June 30, 2018 was $120 million.", "2018-08-20", "2018-H1"),
    (
      "Revenue for the three months ended September 30, 2018 was $60 million.", "2018-11-02",
      "2018-Q3"
    ),
    ("Profit in the September quarter was $50 million.", "2018-10-25", "2018-Q3"),
    ("Profit in the December quarter was $50 million.", "2019-01-30", "2018-Q4"),
    ("Profit in the fourth quarter was $50 million.", "2019-01-30", "2018-Q4"),
    ("Profit in March was $5 million.", "2019-01-30", "2018-03"),
    ("Profit in the second quarter was $50 million.", "2019-07-30", "2019-Q2"),
  ])
  func periodsResolveToTheArticlesPast(sentence: String, date: String, period: String) {
    let figures = extract(sentence, date: date).figures
    #expect(figures.map { $0.period?.description } == [period], "\(sentence)")
  }

  @Test func nineMonthsNameNoMonth() {
    let figures = extract("Revenue for the nine months ended September 30, 2018 was $90 million.")
      .figures
    #expect(figures.map { $0.period?.description } != ["2018-09"])
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
    // The article is dated 2017-07-07: the fourth quarter it reports on is 2016's.
    ("Sales were $5 million in the fourth quarter.", "2016-Q4"),
    ("Sales were $5 million in the third quarter.", "2017-Q3"),
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

/// Figures written as financial copy from several countries and wire services writes them.
@Suite struct PublishedFormTests {
  func figures(_ text: String) -> [ExtractedFigure] {
    ExtractorTests().extract(text).figures
  }

  /// A unit in the words of the evaluation labels.
  func unitName(_ unit: QuantityUnit) -> String {
    switch unit {
    case .count(let noun): return noun == "points" ? "points" : "count"
    case .currency(let code): return code
    case .percent: return "percent"
    case .percentagePoints: return "pp"
    case .multiple: return "multiple"
    }
  }

  @Test(arguments: [
    ("Profit was Rs1.338 billion last year.", "Rs1.338 billion", "1338000000", "INR"),
    ("It lent Rs 1,652 crore to farmers.", "Rs 1,652 crore", "16520000000", "INR"),
    ("It lent Rs 1,652 crore.Other income rose.", "Rs 1,652 crore", "16520000000", "INR"),
    ("Deposits reached 5,79,627 crore in March.", "5,79,627 crore", "5796270000000", "count"),
    ("The bank set aside Rs. 3 lakh for it.", "Rs. 3 lakh", "300000", "INR"),
    ("Sales rose 17 pct in the quarter.", "17 pct", "17", "percent"),
    ("Sales rose 12pc in the quarter.", "12pc", "12", "percent"),
    ("Sales were 94 mln dlrs in the quarter.", "94 mln dlrs", "94000000", "USD"),
    ("Loans were 1.2 bln N.Z. dlrs at the end.", "1.2 bln N.Z. dlrs", "1200000000", "NZD"),
    ("It paid 15 cts a share.", "15 cts", "0.15", "USD"),
    ("The shares closed at 164p on Friday.", "164p", "1.64", "GBP"),
    ("The dividend was 20 sen a share.", "20 sen", "0.2", "MYR"),
    ("The index fell 30 points to close lower.", "30 points", "30", "points"),
    ("The bank cut rates by 25 basis points today.", "25 basis points", "0.25", "pp"),
    ("Sales fell minus 3% in real terms.", "minus 3%", "-3", "percent"),
    ("The stock plummeted five percent on the news.", "five percent", "5", "percent"),
    ("It expects twenty-five percent of sales online.", "twenty-five percent", "25", "percent"),
    ("It sold three million units this year.", "three million", "3000000", "count"),
    ("It has a million users.", "a million", "1000000", "count"),
    ("It spent about a hundred million on it.", "about a hundred million", "100000000", "count"),
    ("Reserves were 4 hundred million at the end.", "4 hundred million", "400000000", "count"),
    ("Profit was $US55,931,000 for the year.", "$US55,931,000", "55931000", "USD"),
    ("Profit was A$5m for the year.", "A$5m", "5000000", "AUD"),
    ("Profit was AU $ 7 million for the year.", "AU $ 7 million", "7000000", "AUD"),
    ("Profit was HK $ 3 billion for the year.", "HK $ 3 billion", "3000000000", "HKD"),
    ("Revenue was 100.6 million EUR in total.", "100.6 million EUR", "100600000", "EUR"),
    ("The fee was 1,200€ per month.", "1,200€", "1200", "EUR"),
    ("Profit was RM 85.2 billion for the year.", "RM 85.2 billion", "85200000000", "MYR"),
    ("It paid 7.46 kroner per euro.", "7.46 kroner", "7.46", "DKK"),
  ])
  func readsTheCurrencyAndStyle(sentence: String, text: String, value: String, unit: String) throws
  {
    let found = try #require(
      figures(sentence).first { $0.text == text }, "\(figures(sentence).map(\.text))")
    #expect(found.figure.quantity.value == ExactDecimal(value))
    #expect(unitName(found.figure.quantity.unit) == unit)
  }

  @Test(arguments: [
    ("It expects between $62 and $68 per share.", "$62 and $68", "62", "68", "USD", "61.5"),
    (
      "Sales will be $10 to $15 billion next year.", "$10 to $15 billion", "10000000000",
      "15000000000", "USD", "9500000000"
    ),
    ("Growth of 5% to 10% is expected.", "5% to 10%", "5", "10", "percent", "4.5"),
    ("Margins of 3-6% are likely.", "3-6%", "3", "6", "percent", "2.5"),
    ("It will ship 15,000-20,000 units.", "15,000-20,000", "15000", "20000", "count", "14999.5"),
    ("It guided to $3.25-$3.55 a share.", "$3.25-$3.55", "3.25", "3.55", "USD", "3.245"),
    ("The work takes one to two years.", "one to two", "1", "2", "count", "1"),
    ("Costs may rise one to two percent.", "one to two percent", "1", "2", "percent", "0.5"),
  ])
  func readsARangeAsOneFigure(
    sentence: String, text: String, low: String, high: String, unit: String, lowest: String
  ) throws {
    let all = figures(sentence)
    #expect(all.count == 1, "\(all.map(\.text))")
    let found = try #require(all.first)
    #expect(found.text == text)
    #expect(found.figure.quantity.value == ExactDecimal(low))
    #expect(found.figure.quantity.rangeHigh == ExactDecimal(high))
    #expect(unitName(found.figure.quantity.unit) == unit)
    #expect(found.figure.quantity.range(.rounded).low == ExactDecimal(lowest))
  }

  @Test func aHedgedCountOfAYearsSizeIsStillAFigure() {
    #expect(figures("It has more than 2000 employees.").map(\.text) == ["more than 2000"])
  }

  @Test(arguments: [
    ("WELLINGTON, March 3 - The deficit narrowed to 567 mln dlrs from 738 mln.", "NZD"),
    ("Sydney, March 3 - The surplus rose to 567 mln dlrs from 738 mln.", "AUD"),
    ("Hong Kong M3 rose 2.2 pct to 607.17 billion H.K. Dlrs, from 594 billion dlrs.", "HKD"),
    ("NEW YORK, March 3 - Sales rose to 567 mln dlrs from 738 mln.", "USD"),
  ])
  func bareDollarsAreTheArticlesDollar(sentence: String, currency: String) {
    let money = figures(sentence).filter { $0.figure.quantity.unit != .percent }
    #expect(money.count == 2)
    #expect(money.allSatisfy { $0.figure.quantity.unit == .currency(currency) }, "\(money)")
  }

  @Test func rupeesInAPakistaniArticleArePakistani() throws {
    let found = try #require(figures("KARACHI: Net profit was Rs1.338 billion for 2016.").first)
    #expect(found.figure.quantity.unit == .currency("PKR"))
  }

  @Test func anElidedUnitComesFromTheFigureItIsComparedWith() {
    let read = figures(
      "Borrowing rose to 3.92 billion from 1.79 and rates rose 0.2 pct from a revised 0.1.")
    #expect(
      read.map(\.figure.quantity.value.description) == ["3920000000", "1790000000", "0.2", "0.1"])
    #expect(read[3].figure.quantity.unit == .percent)
  }

  @Test func anElidedPercentAfterAChangeOrAPeriodIsAPercent() {
    let read = figures(
      "Loans rose 4.1 pct after a decline of 0.5 and compared with December's 3.2.")
    #expect(read.map(\.figure.quantity.unit) == [.percent, .percent, .percent])
  }

  @Test func aBareNumberAfterABareNumberKeepsNoUnit() {
    let read = figures("EPS rose 5% to 1.23 from 1.10 a year earlier.")
    #expect(read.map(\.figure.quantity.unit) == [.percent, .count(nil), .count(nil)])
  }

  @Test func aPercentWrittenOnceForAListIsEachOnesUnit() {
    let read = figures("Growth in the two regions was 12.5 and 13.1 pct, respectively.")
    #expect(read.map(\.figure.quantity.unit) == [.percent, .percent])
  }

  @Test func moneyWrittenWithOnlyAScaleWordTakesTheArticlesCurrency() {
    let read = figures(
      """
      COPENHAGEN, May 4 - The trade surplus widened to 412 mln kroner from 388 mln.
      Exports were 2.36 billion against 2.41 billion, and 2.19 a year earlier.
      Subscribers reached 4.2 million. The operator had 1.3 billion of debt.
      """)
    let units = read.map { "\($0.text)=\(unitName($0.figure.quantity.unit))" }
    #expect(
      units == [
        "412 mln kroner=DKK", "388 mln=DKK", "2.36 billion=DKK", "2.41 billion=DKK",
        "2.19=DKK", "4.2 million=count", "1.3 billion=count",
      ])
  }

  @Test func aConversionInBracketsKeepsTheWritersCurrency() {
    let read = figures(
      "Profit was 14 million euros ($18.5 million), against forecasts for a loss of 13.7 million.")
    #expect(read.last?.figure.quantity.unit == .currency("EUR"))
  }

  @Test func aRangingFromIsARangeEvenAroundAnAside() throws {
    let read = figures("Rebates ranging from 35,000 yuan (US$4,840) to 45,000 yuan were offered.")
    #expect(read.map(\.figure.quantity.value.description) == ["35000", "4840"])
    #expect(read.first?.figure.quantity.rangeHigh == ExactDecimal("45000"))
  }

  @Test(arguments: [
    ("The phone has 256GB of storage.", "256GB", "GB"),
    ("Each unit has a 10kW motor.", "10kW", "kW"),
    ("The farm adds 5 MW of capacity.", "5 MW", "MW"),
    ("It shipped 3.5 million tonnes of ore.", "3.5 million tonnes", "tonnes"),
    ("The store covers 2,000 sq ft downtown.", "2,000 sq ft", "sq ft"),
    ("The limit is 50mph on that road.", "50mph", "mph"),
    ("It drove at 80 m.p.h. on the road.", "80 m.p.h", "mph"),
  ])
  func readsAMeasureWithItsUnit(sentence: String, text: String, unit: String) throws {
    let found = try #require(figures(sentence).first)
    #expect(found.text == text)
    #expect(found.figure.quantity.unit == .count(unit))
    #expect(found.figure.quantity.scaleWord == (text.contains("million") ? "million" : nil))
  }

  @Test func aSmallNumberInBracketsInATableCellIsAFigure() {
    // Cells of a table row are joined by "; ".
    #expect(figures("Notes payable; (99); 6; (93)").count == 3)
    #expect(figures("The tax rate was (66)% this year.").count == 1)
  }

  @Test func aBrokenGroupingIsNoFigureAtAll() {
    #expect(figures("Deposits were Rs1,7045.22 crore in March.").map(\.text) == [])
  }

  @Test func aPeriodsMultipleOfCountsIsACount() throws {
    let found = try #require(figures("It was downloaded 100 million times since May.").first)
    #expect(found.figure.quantity.unit == .count("times"))
  }

  @Test(arguments: [
    "Revenue rose 5% to 10% of sales.",
    "Revenue rose from $10 billion to $15 billion.",
    "Sales increased by 9.7% or 12.6 billion yen to 142.8 billion yen.",
  ])
  func aChangeToALevelIsNoRange(sentence: String) {
    #expect(figures(sentence).allSatisfy { $0.figure.quantity.rangeHigh == nil })
    #expect(figures(sentence).count >= 2, "\(figures(sentence).map(\.text))")
  }

  @Test(arguments: [
    "The 2019-20 season ended 3-1 at home.",
    "The fair runs Sept. 20-24 in the city.",
    "Sales rose in constant currency(1) and EPS was flat (2).",
    "Raising 2013 revenue guidance, it spoke at 11 a.m. on Oct. 31.",
    "Net income in the second quarter of 2014 was flat.",
    "Sales were higher over 2005, as footnote #2 explains.",
    "The stock hit a 52-week high and rose from 52 weeks ago.",
    "Between 2019 and 2021, and in 2019-2021, at one point it paused.",
    "Emissions under Scope 1 and 2 are reported under IFRS 16 from now on.",
  ])
  func leavesOutWhatIsNoFigure(sentence: String) {
    #expect(figures(sentence).map(\.text) == [])
  }
}
