import FactlintTestSupport
import Foundation
import Testing

@testable import FactlintModel
@testable import RuleEngine

/// SEC companyfacts JSON and xBRL-JSON reports read as data: keys, periods, precision from
/// `decimals`, provenance, restatements, and located errors for what cannot be read.
@Suite struct FilingLoaderTests {
  static let fixtures = BinaryRunner.packageRoot.appendingPathComponent(
    "Tests/LintTests/Fixtures/filings")

  func load(_ name: String) throws -> (DataFile, [Problem]) {
    let path = Self.fixtures.appendingPathComponent(name).path
    var problems: [Problem] = []
    let file = try #require(DataLoader.load(path, problems: &problems))
    return (file, problems)
  }

  func load(text: String) -> (DataFile?, [Problem]) {
    var problems: [Problem] = []
    let file = FilingLoader.load("f.json", bytes: Array(text.utf8), problems: &problems)
    return (file, problems)
  }

  func figure(_ file: DataFile, _ metric: String, _ period: Period, segment: String? = nil)
    -> Figure?
  {
    file.figures.first {
      $0.key.metric == metric && $0.key.period == period && $0.key.segment == segment
    }
  }

  // MARK: - companyfacts

  @Test func companyFactsAreKeyedByConceptEntityAndPeriod() throws {
    let (file, _) = try load("CIK0000987654.json")
    let revenue = try #require(figure(file, "us-gaap:Revenues", Period(year: 2023)))
    #expect(revenue.key.entity == "kestrel systems")
    #expect(revenue.quantity.unit == .currency("USD"))
    #expect(revenue.quantity.text == "USD 1,320,000,000")
    // Its digits show ten millions: 1,315,000,000 to 1,325,000,000.
    #expect(revenue.quantity.range(.rounded) == ValueRange(low: 1_315_000_000, high: 1_325_000_000))
    #expect(revenue.location.line == 27)
    #expect(revenue.source == "10-K, filed 2024-02-23, accession 0000987654-24-000006")
    let quarter = try #require(
      figure(file, "us-gaap:Revenues", Period(year: 2023, length: .quarter, index: 2)))
    #expect(quarter.quantity.value == 325_000_000)
    // Balances at the end of a year are that year's.
    let assets = try #require(figure(file, "us-gaap:Assets", Period(year: 2022)))
    #expect(assets.quantity.value == 2_210_000_000)
    let perShare = try #require(figure(file, "us-gaap:EarningsPerShareBasic", Period(year: 2023)))
    #expect(perShare.quantity.text == "USD 2.41 per share")
    #expect(
      perShare.quantity.range(.rounded) == ValueRange(low: .init("2.405")!, high: .init("2.415")!))
  }

  @Test func aPeriodFiledTwiceIsOneFigureAndARestatementIsANotice() throws {
    let (file, problems) = try load("CIK0000987654.json")
    let revenues = file.figures.filter {
      $0.key.metric == "us-gaap:Revenues" && $0.key.period == Period(year: 2022)
    }
    #expect(revenues.count == 1, "the comparative in the next 10-K is the same figure")
    #expect(revenues.first?.source?.contains("filed 2024-02-23") == true)

    let income = try #require(figure(file, "us-gaap:NetIncomeLoss", Period(year: 2022)))
    #expect(income.quantity.value == 91_000_000, "the amendment's value is checked")
    #expect(income.source?.hasPrefix("10-K/A, filed 2023-06-30") == true)
    let restated = try #require(
      problems.first { if case .restatedFact = $0.error { true } else { false } })
    #expect(restated.isNotice)
    #expect(restated.location.line == 37)
    #expect(restated.message.contains("USD 98,000,000 in 10-K, filed 2023-02-24"))
    #expect(restated.message.contains(":36:66), then USD 91,000,000 in 10-K/A"))
  }

  @Test func factsOfOtherPeriodsAreCountedInOneNotice() throws {
    let (file, problems) = try load("CIK0000987654.json")
    let unplaced = problems.filter {
      if case .unplacedFilingFacts = $0.error { true } else { false }
    }
    #expect(unplaced.count == 1)
    #expect(unplaced.first?.isNotice == true)
    // The cover page's share count (a day that ends no period) and nine months to date.
    #expect(unplaced.first?.message.hasPrefix("2 facts are not read") == true)
    #expect(problems.allSatisfy { $0.isNotice }, "\(problems.map(\.message))")
    #expect(!file.figures.contains { $0.key.metric.hasPrefix("dei:") })
  }

  @Test func theCompanyIsKnownByItsNamesInProse() throws {
    let (file, _) = try load("CIK0000987654.json")
    #expect(file.aliases.entity("Kestrel Systems Inc.") == "kestrel systems")
    #expect(file.aliases.entity("kestrel") == "kestrel systems")
    #expect(file.aliases.entity("CIK0000987654") == "kestrel systems")
    #expect(FilingEntity.name("Alphabet Inc. /DE/") == "alphabet")
    #expect(FilingEntity.name("Bank of America Corporation") == "bank of america")
    #expect(FilingEntity.name("Group") == "group")
  }

  // MARK: - xBRL-JSON

  @Test func reportFactsTakeTheirPrecisionFromDecimals() throws {
    let (file, _) = try load("marlin-2024.json")
    let fiscal2024 = Period(year: 2024, isFiscal: true)
    let revenue = try #require(figure(file, "ifrs-full:Revenue", fiscal2024))
    #expect(revenue.key.entity == "marlin foods")
    #expect(revenue.quantity.unit == .currency("GBP"))
    // decimals -5: 845,200,000 stands for 845,150,000 to 845,250,000.
    #expect(revenue.quantity.range(.rounded) == ValueRange(low: 845_150_000, high: 845_250_000))
    let retail = try #require(figure(file, "ifrs-full:Revenue", fiscal2024, segment: "Retail"))
    #expect(retail.quantity.value == 512_300_000)
    #expect(figure(file, "ifrs-full:Revenue", fiscal2024, segment: "Wholesale") != nil)
    // July to December of a year that ends in June is the first half of the fiscal year.
    let half = Period(year: 2024, length: .half, index: 1, isFiscal: true)
    #expect(figure(file, "ifrs-full:Revenue", half)?.quantity.value == 401_700_000)
    #expect(figure(file, "ifrs-full:Revenue", Period(year: 2023, isFiscal: true)) != nil)
    // An instant at midnight on 1 July closes the fiscal year.
    #expect(figure(file, "ifrs-full:Assets", fiscal2024)?.quantity.value == 1_203_000_000)
    // No decimals: exact.
    let employees = try #require(figure(file, "mf:NumberOfEmployees", fiscal2024))
    #expect(employees.quantity.range(.lenient) == ValueRange(exactly: 4200))
    #expect(
      figure(file, "ifrs-full:BasicEarningsLossPerShare", fiscal2024)?.quantity.text
        == "GBP 0.153 per share")
    #expect(!file.figures.contains { $0.key.metric == "ifrs-full:Goodwill" }, "a nil fact")
  }

  @Test func duplicateFactsFollowCalculationsOnePointOne() throws {
    let (file, problems) = try load("marlin-2024.json")
    // Consistent duplicates: the more precise is used.
    let earlier = try #require(
      figure(file, "ifrs-full:ProfitLoss", Period(year: 2023, isFiscal: true)))
    #expect(earlier.quantity.value == 57_960_000)
    #expect(earlier.quantity.precision == 10_000)
    // Inconsistent duplicates: a notice, and the later value.
    let later = try #require(
      figure(file, "ifrs-full:ProfitLoss", Period(year: 2024, isFiscal: true)))
    #expect(later.quantity.value == 64_100_000)
    let duplicates = problems.filter {
      if case .inconsistentDuplicateFact = $0.error { true } else { false }
    }
    #expect(duplicates.count == 1)
    #expect(duplicates.first?.message.contains("GBP 61,400,000") == true)
    #expect(problems.allSatisfy { $0.isNotice }, "\(problems.map(\.message))")
  }

  @Test func xbrlJSONPeriodsEndTheDayBeforeMidnight() {
    let (start, end) =
      FactReader.period("2023-01-01T00:00:00/2024-01-01T00:00:00") ?? (nil, Day(number: 0))
    #expect(start?.text == "2023-01-01")
    #expect(end.text == "2023-12-31")
    #expect(FactReader.period("2024-03-31")?.1.text == "2024-03-31")
    #expect(FactReader.period("2024-04-01T00:00:00")?.1.text == "2024-03-31")
    #expect(FactReader.period("2024-01-01/2023-01-01") == nil)
    #expect(FactReader.period("2024-13-01") == nil)
    #expect(FactReader.period("2024-02-30T00:00:00") == nil)
  }

  // MARK: - Periods

  @Test func daysCountAcrossLeapYearsAndCenturies() throws {
    for number in stride(from: -800_000, through: 2_900_000, by: 997) {
      let day = Day(number: number)
      let (year, month, dayOfMonth) = day.date
      guard (1...9999).contains(year) else { continue }
      #expect(Day(year: year, month: month, day: dayOfMonth) == day)
    }
    #expect(Day(year: 1970, month: 1, day: 1)?.number == 0)
    #expect(Day(year: 2024, month: 2, day: 29) != nil)
    #expect(Day(year: 2023, month: 2, day: 29) == nil)
    #expect(Day(year: 1900, month: 2, day: 29) == nil)
    #expect(Day(year: 2000, month: 2, day: 29) != nil)
    let march = try #require(Day(year: 2024, month: 3, day: 1))
    let february = try #require(Day(year: 2024, month: 2, day: 1))
    #expect(march - february == 29)
  }

  func fact(_ start: String?, _ end: String, entity: String = "e") -> FilingLoader.Fact {
    FilingLoader.Fact(
      concept: "c", entity: entity, start: start.flatMap { Day(Substring($0)) },
      end: Day(Substring(end))!, unit: "USD", segment: nil, value: 1, precision: 1,
      valueText: "1", source: nil, filed: nil, offset: 0, valueEnd: 1)
  }

  @Test func fiftyTwoWeekYearsAndFiscalQuartersAreNamed() {
    // A retailer's 53-week year to 2 January 2021 is its fiscal 2020; the quarter to
    // 3 October 2020 is its third.
    let retail = FiscalCalendar([
      fact("2019-12-29", "2021-01-02"), fact("2020-07-05", "2020-10-03"),
    ])
    #expect(
      retail.period(of: fact("2019-12-29", "2021-01-02")) == Period(year: 2020, isFiscal: true))
    #expect(
      retail.period(of: fact("2020-07-05", "2020-10-03"))
        == Period(year: 2020, length: .quarter, index: 3, isFiscal: true))
    // A year to 30 September: October to December is the first quarter of the next fiscal
    // year, found from another year's end.
    let september = FiscalCalendar([fact("2022-10-01", "2023-09-30")])
    #expect(
      september.period(of: fact("2023-10-01", "2023-12-31"))
        == Period(year: 2024, length: .quarter, index: 1, isFiscal: true))
    #expect(september.period(of: fact(nil, "2023-09-30")) == Period(year: 2023, isFiscal: true))
    // Nine months to date names no period; a calendar company's quarter is the calendar's.
    let calendar = FiscalCalendar([fact("2023-01-01", "2023-12-31")])
    #expect(calendar.period(of: fact("2023-01-01", "2023-09-30")) == nil)
    #expect(
      calendar.period(of: fact("2023-07-01", "2023-09-30"))
        == Period(year: 2023, length: .quarter, index: 3))
    #expect(
      calendar.period(of: fact(nil, "2023-06-30")) == Period(year: 2023, length: .quarter, index: 2)
    )
    #expect(calendar.period(of: fact(nil, "2023-06-29")) == nil)
  }

  @Test func precisionShownByCompanyFactsDigits() {
    #expect(FilingPrecision.shown(by: "274515000000") == 1_000_000)
    #expect(FilingPrecision.shown(by: "3.28") == ExactDecimal("0.01")!)
    #expect(FilingPrecision.shown(by: "7") == 1)
    #expect(FilingPrecision.shown(by: "0") == 1)
    #expect(FilingPrecision.shown(by: "-1500") == 100)
    #expect(FilingPrecision.shown(by: "1.5E9") == 100_000_000)
  }

  // MARK: - Bad input

  @Test(arguments: [
    ("{\"cik\": 1, \"facts\": [", "1:22", "the JSON is not valid"),
    (
      "{\"name\": \"x\", \"rows\": []}", "1:1",
      "not a filing factlint reads (an object with 'name', 'rows')"
    ),
    ("[1, 2]", "1:1", "not a filing factlint reads (an array)"),
    (
      "{\"cik\": 1, \"entityName\": \"A\", \"facts\": {\"us-gaap\": {\"R\": {\"units\": {\"furlongs/fortnight\": []}}}}}",
      "1:91", "unit 'furlongs/fortnight' is not one factlint reads"
    ),
    (
      "{\"cik\": 1, \"facts\": {\"us-gaap\": {\"R\": {\"units\": {\"USD\": [{\"end\": \"2023-12-31\", \"val\": \"12\"}]}}}}}",
      "1:87", "'val' must be a number"
    ),
    (
      "{\"cik\": 1, \"facts\": {\"us-gaap\": {\"R\": {\"units\": {\"USD\": [{\"end\": \"31/12/2023\", \"val\": 12}]}}}}}",
      "1:66", "'31/12/2023' is not a period"
    ),
    (
      "{\"documentInfo\": {\"documentType\": \"https://xbrl.org/2021/xbrl-csv\"}, \"facts\": {}}",
      "1:35", "its documentType is 'https://xbrl.org/2021/xbrl-csv'"
    ),
    (
      "{\"documentInfo\": {\"documentType\": \"https://xbrl.org/2021/xbrl-json\"}, \"facts\": {\"f\": {\"value\": \"1\", \"dimensions\": {\"concept\": \"a:B\", \"entity\": \"e:1\", \"period\": \"2023\", \"unit\": \"iso4217:USD\"}}}}",
      "1:161", "'2023' is not a period"
    ),
  ])
  func badFilingsAreLocatedErrors(_ text: String, _ place: String, _ message: String) {
    let (_, problems) = load(text: text)
    let problem = problems.first { !$0.isNotice }
    #expect(
      problem.map { "\($0.location.line):\($0.location.column)" } == place,
      "\(problems.map(\.message))")
    #expect(problem?.message.contains(message) == true, "\(problem?.message ?? "none")")
  }
}
