import Foundation
import Testing

@testable import FactlintModel
@testable import FactlintYAML
@testable import RuleEngine

/// Data and rule files read into figures and rules, with locations and located errors.
@Suite struct LoaderTests {
  func loadData(_ yaml: String, path: String = "d.yml") -> (DataFile?, [Problem]) {
    var problems: [Problem] = []
    do {
      guard let root = try YAMLParser.parse(Array(yaml.utf8)) else { return (nil, []) }
      return (DataLoader.load(root, path: path, problems: &problems), problems)
    } catch {
      return (
        nil, [Problem(.yaml(error), at: FactlintModel.SourceLocation(file: path, mark: error.mark))]
      )
    }
  }

  @Test func figuresCarryKeysValuesAndLocations() throws {
    let (file, problems) = loadData(
      """
      entity: xiaomi
      source: results
      figures:
        - { metric: shipments, period: 2017-Q1, value: 13 million units }
        - metric: shipments
          period: 2017-Q2
          segment: china
          value: "23.16 million units"
          change: { vs: previous quarter, stated: +70% }
      rates:
        - USD/CNY 7.1348
        - { pair: USD/HKD, rate: 7.8, date: 2024-06-30 }
      """)
    #expect(problems.isEmpty)
    let figures = try #require(file?.figures)
    #expect(figures.count == 2)
    #expect(
      figures[0].key == FigureKey(entity: "xiaomi", metric: "shipments", period: Period("2017-Q1")!)
    )
    #expect(
      figures[0].location
        == FactlintModel.SourceLocation(file: "d.yml", line: 4, column: 50, length: 16))
    #expect(figures[0].source == "results")
    #expect(figures[1].key.segment == "china")
    #expect(figures[1].quantity.value == ExactDecimal(23_160_000))
    #expect(figures[1].location.line == 8 && figures[1].location.column == 12)
    let change = try #require(figures[1].changes.first)
    #expect(change.stated.value == ExactDecimal(70))
    #expect(change.base == .previous(.quarter))
    #expect(
      change.location == FactlintModel.SourceLocation(file: "d.yml", line: 9, column: 45, length: 4)
    )
    #expect(file?.rates.map(\.pairText) == ["USD/CNY 7.1348", "USD/HKD 7.8"])
    #expect(file?.rates[1].date?.description == "2024-06-30")
  }

  @Test func badEntriesAreAllReportedAndGoodOnesKept() throws {
    let (file, problems) = loadData(
      """
      entity: acme
      figures:
        - { metric: a, period: 2024, value: 5 }
        - { metric: b, period: 2024-Q5, value: 5 }
        - { metric: c, period: 2024, valeu: 5 }
        - { metric: d, period: 2024, value: 5, change: { vs: last week, stated: +5% } }
        - { metric: e, period: 2024, value: 5, change: { vs: previous quarter, stated: +5% } }
        - { metric: f, period: 2024, value: 5, rate: 7.1 }
      """)
    #expect(file?.figures.map(\.key.metric) == ["a"])
    #expect(
      problems.map { "\($0.location): \($0.message)" } == [
        "d.yml:4:26: '2024-Q5' is not a period; write a year (2017), half (2017-H1), quarter "
          + "(2017-Q2), month (2017-09) or fiscal year (FY2017)",
        "d.yml:5:32: unknown key 'valeu' in a figure; did you mean 'value'?",
        "d.yml:6:56: 'last week' is not a base period; write 'previous quarter', 'previous year', "
          + "'a year earlier', 'year on year' or a period such as 2017-Q1",
        "d.yml:7:56: 'previous quarter' does not apply to 2024; name the base period, such as 2023",
        "d.yml:8:48: '7.1' is not an exchange rate; write 'USD/CNY 7.1348' or '$1 = RMB 7.1348'",
      ])
  }

  @Test func csvRowsAreFiguresLocatedAtTheirCells() throws {
    var problems: [Problem] = []
    let csv = """
      entity,metric,period,value,vs,stated
      acme,sales,2023,"1,250,000",,
      acme,sales,2024,1.6 million,previous year,+28%
      acme,sales,2025,lots,,
      """
    let file = CSVDataLoader.load("q.csv", bytes: Array(csv.utf8), problems: &problems)
    #expect(file?.figures.count == 2)
    #expect(file?.figures[0].quantity.value == ExactDecimal(1_250_000))
    #expect(
      file?.figures[0].location
        == FactlintModel.SourceLocation(file: "q.csv", line: 2, column: 17, length: 11))
    #expect(file?.figures[1].changes.first?.location.column == 43)
    #expect(problems.count == 1)
    #expect(problems.first?.location.description == "q.csv:4:17")
  }

  @Test func csvHeaderProblems() {
    var problems: [Problem] = []
    _ = CSVDataLoader.load(
      "q.csv", bytes: Array("entity,metric,perod,value\n".utf8), problems: &problems)
    #expect(problems.map(\.message) == ["unknown CSV column 'perod'; did you mean 'period'?"])
    problems = []
    _ = CSVDataLoader.load("q.csv", bytes: Array("entity,metric,value\n".utf8), problems: &problems)
    #expect(problems.map(\.message) == ["the CSV header has no 'period' column; add it"])
    problems = []
    _ = CSVDataLoader.load(
      "q.csv", bytes: Array("entity,metric,period,value\n\"a,b".utf8), problems: &problems)
    #expect(problems.map(\.location.description) == ["q.csv:2:1"])
  }

  @Test func aliasesNameFiguresCanonically() throws {
    let (file, problems) = loadData(
      """
      entity: Xiaomi Corp
      figures:
        - { metric: shipments, period: 2017, value: 5 }
      aliases:
        entities: { xiaomi: [Xiaomi Corp] }
        metrics: { smartphone_shipments: shipments }
      """)
    #expect(problems.isEmpty)
    let dataset = Engine.dataset([try #require(file)])
    #expect(dataset.figures[0].key.entity == "xiaomi")
    #expect(dataset.figures[0].key.metric == "smartphone_shipments")
    #expect(
      dataset.figures(matching: Selector(entity: "Xiaomi Corp", metric: "shipments")).count == 1)
  }

  @Test func rulesFailClosedWithSuggestions() throws {
    let yaml = """
      rules:
        - id: a
          check: fake
          total: { metric: revenue }
          partial: "yes"
        - id: b
          check: fak
        - id: c
          check: fake
          total: revenue
          severity: fatal
        - id: d
          check: fake
          total: revenue
          where: { metrc: x }
        - id: e
          check: fake
        - id: f
          check: fake
          total: { metric: revenue }
          parts: [revenue, -costs, { metric: tax, sign: "-" }]
        - id: f
          check: fake
          total: revenue
      """
    var problems: [Problem] = []
    var seen: [String: FactlintModel.SourceLocation] = [:]
    let root = try #require(try YAMLParser.parse(Array(yaml.utf8)))
    let file = RuleLoader.load(
      root, path: "r.yml", registry: CheckRegistry([FakeCheck.self]), seenIDs: &seen,
      problems: &problems)
    #expect(
      problems.map { "\($0.location): \($0.message)" } == [
        "r.yml:5:14: 'partial' must be true or false, not the text \"yes\"",
        "r.yml:7:12: unknown check 'fak'; did you mean 'fake'?",
        "r.yml:11:15: 'fatal' is not a severity; use error, warning or off",
        "r.yml:15:14: unknown key 'metrc' in a selector; did you mean 'metric'?",
        "r.yml:16:9: rule 'e' has no 'total'; add it",
        "r.yml:22:9: duplicate rule id 'f' (first at r.yml:18:9); give each rule its own id",
      ])
    let rule = try #require(file.rules.first)
    #expect(rule.id == "f")
    let parts = try #require((rule.check as? FakeCheck)?.parameters.selectors("parts"))
    #expect(parts.map(\.description) == ["metric=revenue", "-metric=costs", "-metric=tax"])
  }

  @Test func dataPathsResolveAgainstTheRuleFile() {
    #expect(SourceFiles.join("rules", "../data/") == "data")
    #expect(SourceFiles.join(".", "data/x.yml") == "data/x.yml")
    #expect(SourceFiles.join("a/b", "/abs/x.yml") == "/abs/x.yml")
    #expect(SourceFiles.normalize("./a/./b/../c") == "a/c")
    #expect(SourceFiles.normalize("../x") == "../x")
    #expect(SourceFiles.folder(of: "rules/x.yml") == "rules")
    #expect(SourceFiles.folder(of: "x.yml") == ".")
  }

  /// Every input counts columns in Unicode scalars, as articles do: "e" and its accent are two.
  @Test func invalidBytesAreLocatedInUnicodeScalars() {
    let line = Array("entity,metric,period,value\nCafe\u{301} \u{1F1E8}\u{1F1F3},".utf8)
    let bytes = line + [0xFF] + Array(",2024,5\n".utf8)
    var problems: [Problem] = []
    #expect(CSVDataLoader.load("d.csv", bytes: bytes, problems: &problems) == nil)
    #expect(problems.map(\.location.description) == ["d.csv:2:10"])
    #expect(SourceFiles.location(ofOffset: line.count, in: bytes, file: "d.csv").column == 10)
  }

  @Test func aRepeatedCSVColumnIsAProblem() {
    for (header, repeated) in [
      ("entity,metric,period,value,value", "value"), ("entity,metric,2024,FY2024,2024", "2024"),
    ] {
      var problems: [Problem] = []
      let bytes = Array("\(header)\nacme,sales,2024,5,6\n".utf8)
      #expect(CSVDataLoader.load("d.csv", bytes: bytes, problems: &problems) == nil)
      #expect(
        problems.map(\.message) == [
          "the CSV header repeats the column '\(repeated)' (first at line 1, column "
            + "\(header.range(of: repeated)!.lowerBound.utf16Offset(in: header) + 1)); "
            + "remove or rename one of them"
        ], "\(header)")
    }
  }

  /// A plugin rule's parameters reach the plugin as valid JSON, numbers as YAML reads them.
  @Test(arguments: [
    ("5", "5"), ("-01", "-1"), ("+5", "5"), ("007", "7"), (".5", "0.5"), ("5.", "5"),
    ("-.5e+3", "-0.5e3"), ("1E-07", "1e-07"), ("0x1F", "31"), ("0o17", "15"), ("nan", "\"nan\""),
    ("inf", "\"inf\""), (".inf", "\".inf\""), ("-.nan", "\"-.nan\""), ("1_000", "\"1_000\""),
    ("5.5.5", "\"5.5.5\""), ("e5", "\"e5\""), ("+-1", "\"+-1\""), (".", "\".\""),
    ("0xZZ", "\"0xZZ\""),
  ])
  func pluginParametersAreValidJSON(yaml: String, json: String) throws {
    let root = try #require(try YAMLParser.parse(Array("n: \(yaml)\n".utf8)))
    let object = YAMLJSON.object(try #require(root.mapping))
    #expect(object == "{\"n\": \(json)}")
    #expect(
      (try? JSONSerialization.jsonObject(with: Data(object.utf8), options: [])) != nil, "\(object)")
  }

  @Test(arguments: ["inf", "nan", "0", "-1", "601", "1e400"])
  func aPluginTimeoutIsBounded(timeout: String) throws {
    let root = try #require(
      try YAMLParser.parse(Array("- { id: p, command: [true], timeout: \(timeout) }\n".utf8)))
    #expect(throws: Problem.self) { try PluginSpec.list(root, file: "r.yml") }
  }

  @Test func suggestions() {
    #expect(Suggestion.closest(to: "growht", in: ["growth", "total"]) == "growth")
    #expect(Suggestion.closest(to: "zzz", in: ["growth", "total"]) == nil)
    #expect(Suggestion.editDistance("kitten", "sitting") == 3)
  }
}

/// A check that accepts anything, for loader tests that need a registry without real checks.
struct FakeCheck: Check {
  static let description = CheckDescription(
    id: "fake", summary: "accepts anything", details: "",
    parameters: [
      ParameterSpec("total", .selector, required: true, summary: "the total"),
      ParameterSpec("parts", .selectors, summary: "the parts"),
      ParameterSpec("partial", .boolean, summary: "an of-which list"),
    ],
    examples: [])
  let parameters: Parameters
  init(parameters: Parameters) throws(ParameterError) { self.parameters = parameters }
  func evaluate(_ selection: Selection, in dataset: Dataset) -> [Finding] { [] }
}
