import Foundation
import Testing

@testable import FactlintModel
@testable import FactlintYAML
@testable import RuleEngine

/// A data file read from disk streams its figures to a reader on another core; what it gives
/// must be what reading the whole parsed tree gives.
@Suite struct StreamedLoadTests {
  /// Loads `yaml` from a file, streamed, and from its parsed tree.
  func loadBothWays(_ yaml: String) throws -> (streamed: LoadResult, whole: LoadResult) {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("factlint-stream-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("data.yml").path
    try Data(yaml.utf8).write(to: URL(fileURLWithPath: path))

    var streamedProblems: [Problem] = []
    let streamed = DataLoader.load(path, problems: &streamedProblems)
    var wholeProblems: [Problem] = []
    let root = try #require(try YAMLParser.parse(Array(yaml.utf8)))
    let whole = DataLoader.load(root, path: path, problems: &wholeProblems)
    return (
      LoadResult(file: streamed, problems: streamedProblems),
      LoadResult(file: whole, problems: wholeProblems)
    )
  }

  struct LoadResult {
    var file: DataFile?
    var problems: [Problem]
  }

  /// Entries past several batches, with a suppression on the last entry of a batch (its lines
  /// end where the next batch begins), changes, rates and a bad entry.
  @Test func streamingGivesWhatTheWholeTreeGives() throws {
    var yaml = "entity: acme\nsource: annual report\nfigures:\n"
    for year in 1...2_100 {
      yaml += "  - metric: revenue\n    period: \(3000 + year)\n    value: $\(year).5 million\n"
      if year % 7 == 0 { yaml += "    change: { vs: previous year, stated: +1% }\n" }
      if year == 1_024 { yaml += "    ignore: [growth]\n    reason: restated later\n" }
      if year == 1_500 { yaml += "    rate: USD/CNY 7.1\n" }
      if year == 2_000 { yaml += "    segment: [not, a, name]\n" }
    }
    yaml += "rates:\n  - { pair: USD/CNY, rate: 7.2, date: 2024-12-31 }\n"
    let (streamed, whole) = try loadBothWays(yaml)

    let file = try #require(streamed.file)
    let expected = try #require(whole.file)
    #expect(file.figures.count == 2_099)
    #expect(file.figures == expected.figures)
    #expect(file.suppressions == expected.suppressions)
    #expect(file.rates == expected.rates)
    #expect(streamed.problems == whole.problems)
    #expect(streamed.problems.count == 1)
    // Entry 1,024 starts after 3 lines of header and 1,023 entries of 3 lines, 146 of them with
    // a change line: on line 3,219. With its two suppression lines it ends on line 3,223.
    let suppression = try #require(file.suppressions.first)
    guard case .lines(_, let range) = suppression.scope else {
      Issue.record("a figure's suppression covers its lines")
      return
    }
    #expect(range == 3_219...3_223)
  }

  /// The index built while the figures are read finds what an index built afterwards finds:
  /// figures by key in reading order, by entity and by metric.
  @Test func indexBuiltWhileReadingMatchesAFreshOne() throws {
    var yaml = "figures:\n"
    for entity in ["acme", "brill"] {
      for year in 2000...2040 {
        for segment in ["", "retail", "online"] {
          let segmentField = segment.isEmpty ? "" : ", segment: \(segment)"
          yaml += "  - { entity: \(entity), metric: revenue, period: \(year)\(segmentField), "
          yaml += "value: $\(year) million }\n"
          yaml += "  - { entity: \(entity), metric: costs, period: \(year)\(segmentField), "
          yaml += "value: $\(year / 2) million }\n"
        }
        // The same key twice, in two currencies.
        yaml += "  - { entity: \(entity), metric: revenue, period: \(year), value: RMB 1 }\n"
      }
    }
    let (streamed, _) = try loadBothWays(yaml)
    let file = try #require(streamed.file)
    let prebuilt = Engine.dataset([file])
    let fresh = Dataset(figures: file.figures)
    for figure in file.figures {
      #expect(Array(prebuilt.indexes(of: figure.key)) == Array(fresh.indexes(of: figure.key)))
      #expect(prebuilt.figures(for: figure.key).count >= 1)
    }
    #expect(Array(prebuilt.indexes(of: file.figures[0].key)) == [0, 6])
    for selector in [
      Selector(entity: "brill"), Selector(metric: "costs"),
      Selector(entity: "acme", metric: "revenue", segment: "online"),
    ] {
      #expect(prebuilt.figures(matching: selector) == fresh.figures(matching: selector))
      #expect(!prebuilt.figures(matching: selector).isEmpty)
    }
  }

  /// A default written after the figures is not known while they stream; they are read again.
  @Test func defaultsAfterTheFiguresStillApply() throws {
    let yaml = """
      figures:
        - { metric: revenue, period: 2024, value: $5 million }
      entity: acme
      segment: retail
      """
    let (streamed, whole) = try loadBothWays(yaml)
    let figure = try #require(streamed.file?.figures.first)
    #expect(figure.key.entity == "acme")
    #expect(figure.key.segment == "retail")
    #expect(streamed.file?.figures == whole.file?.figures)
    #expect(streamed.problems.isEmpty)
  }

  /// Items that merge an earlier item's keys stream like any other.
  @Test func mergeKeysAcrossItemsStream() throws {
    let yaml = """
      figures:
        - &base { entity: acme, metric: revenue, period: 2024, value: $5 million }
        - { <<: *base, period: 2025, value: $6 million }
      """
    let (streamed, whole) = try loadBothWays(yaml)
    #expect(streamed.file?.figures.map(\.key.entity) == ["acme", "acme"])
    #expect(streamed.file?.figures == whole.file?.figures)
    #expect(streamed.problems.isEmpty)
  }

  /// The rate nearest the end of a period, the one read first when two are equally near, and a
  /// dated rate before an undated one.
  @Test func nearestRateIsChosenByDateThenOrder() throws {
    func rate(_ value: String, _ date: String?) throws -> ExchangeRate {
      ExchangeRate(
        base: "USD", quote: "CNY", rate: try QuantityParser.parse(value),
        date: date.flatMap(SimpleDate.init),
        location: FactlintModel.SourceLocation(file: "d.yml", line: 1, column: 1))
    }
    let dataset = Dataset(
      figures: [],
      rates: [
        try rate("7.0", nil), try rate("7.5", "2024-09-30"), try rate("7.3", "2024-03-31"),
        try rate("7.4", "2024-09-30"), try rate("7.1", "2023-12-31"),
      ])
    func chosen(_ period: String) -> String? {
      dataset.rate(from: "CNY", to: "USD", for: Period(period)!)?.rate.text
    }
    #expect(chosen("2024-Q3") == "7.5")
    #expect(chosen("2024-Q1") == "7.3")
    #expect(chosen("2030") == "7.5")
    #expect(chosen("2019") == "7.1")
    // The end of January is one month after December and two before March.
    #expect(chosen("2024-01") == "7.1")
    // The end of June is three months from March and from September; of the rates that near,
    // 7.5 was read first.
    #expect(chosen("2024-H1") == "7.5")
    let undatedOnly = Dataset(figures: [], rates: [try rate("6.9", nil), try rate("7.0", nil)])
    #expect(undatedOnly.rate(from: "USD", to: "CNY", for: Period("2024")!)?.rate.text == "6.9")
  }
}
