import Testing

@testable import FactlintModel
@testable import FactlintYAML
@testable import RuleEngine

/// Data files laid out as reports print their tables: YAML `tables:` and CSV with a column per
/// period, plain-number CSV values with unit, currency and scale columns, and other separators.
@Suite struct ReportTableTests {
  static func loadYAML(_ yaml: String) throws -> (DataFile?, [Problem]) {
    var problems: [Problem] = []
    let root = try #require(try YAMLParser.parse(Array(yaml.utf8)))
    return (DataLoader.load(root, path: "d.yml", problems: &problems), problems)
  }

  static func loadCSV(_ csv: String) -> (DataFile?, [Problem]) {
    var problems: [Problem] = []
    return (CSVDataLoader.load("d.csv", bytes: Array(csv.utf8), problems: &problems), problems)
  }

  static func values(_ file: DataFile?) -> [String] {
    (file?.figures ?? []).map { "\($0.key) \($0.quantity.value) \($0.quantity.unit)" }
  }

  @Test func aYAMLTableIsReadAsPrinted() throws {
    let (file, problems) = try Self.loadYAML(
      """
      entity: kestrel
      currency: USD
      scale: thousands
      tables:
        - title: Income statement
          columns: [2025, 2024]
          rows:
            - [Revenue, "272,098", "213,159"]
            - [Cost of revenue, "(98,120)", "(80,100)"]
            - [Other income (1), "—", "1,204"]
            - [Diluted earnings per share, "0.41", "0.33"]
            - [Number of stores, "1,210", "1,105"]
          notes: { "1": includes a one-off gain }
        - entity: heron
          scale: millions
          currency: EUR
          columns: [2025-Q3]
          rows:
            - [Revenue, "12.5"]
      """)
    #expect(problems.isEmpty)
    #expect(
      Self.values(file) == [
        "kestrel revenue 2025 272098000 currency(\"USD\")",
        "kestrel revenue 2024 213159000 currency(\"USD\")",
        "kestrel cost_of_revenue 2025 -98120000 currency(\"USD\")",
        "kestrel cost_of_revenue 2024 -80100000 currency(\"USD\")",
        "kestrel other_income 2024 1204000 currency(\"USD\")",
        // An amount per share is in currency units; a count has no currency.
        "kestrel diluted_earnings_per_share 2025 0.41 currency(\"USD\")",
        "kestrel diluted_earnings_per_share 2024 0.33 currency(\"USD\")",
        "kestrel number_of_stores 2025 1210000 count(nil)",
        "kestrel number_of_stores 2024 1105000 count(nil)",
        "heron revenue 2025-Q3 12500000 currency(\"EUR\")",
      ])
    let other = try #require(file?.figures.first { $0.key.metric == "other_income" })
    #expect(other.source == "note 1: includes a one-off gain")
    #expect(other.location.description == "d.yml:10:33")
  }

  @Test func aCellThatCannotBeReadIsLocatedAndTheOthersAreKept() throws {
    let (file, problems) = try Self.loadYAML(
      """
      entity: kestrel
      tables:
        - columns: [2025, 2024]
          rows:
            - [Revenue, "27x,098", "213,159"]
            - [Costs, "1", "2", "3"]
      """)
    #expect(Self.values(file) == ["kestrel revenue 2024 213159 count(nil)"])
    #expect(
      problems.map { "\($0.location): \($0.message)" } == [
        "d.yml:5:19: '27x,098' is not a figure; write a number such as 1,234.5 or (123) for a "
          + "negative, or '—' for none",
        "d.yml:6:9: this row has 3 cells but the table has 2 columns and a label; add or remove "
          + "cells",
      ])
  }

  @Test func badTableSettingsAreLocated() throws {
    let (_, problems) = try Self.loadYAML(
      """
      entity: kestrel
      tables:
        - { columns: [2025, soon], rows: [] }
        - { columns: [2025], scale: zillions, rows: [] }
        - { columns: [2025], rows: [], colour: red }
      """)
    #expect(
      problems.map(\.location.description) == ["d.yml:3:23", "d.yml:4:31", "d.yml:5:34"])
  }

  @Test func aCSVWithAColumnPerPeriod() {
    let (file, problems) = Self.loadCSV(
      """
      entity;metric;currency;scale;2025;2024
      kestrel;Revenue;USD;thousands;"272,098";"213,159"
      kestrel;Other income;USD;thousands;—;(1,204)
      """)
    #expect(problems.isEmpty)
    #expect(
      Self.values(file) == [
        "kestrel revenue 2025 272098000 currency(\"USD\")",
        "kestrel revenue 2024 213159000 currency(\"USD\")",
        "kestrel other_income 2024 -1204000 currency(\"USD\")",
      ])
    #expect(file?.figures.first?.location.description == "d.csv:2:31")
  }

  @Test func plainCSVValuesTakeTheirUnitCurrencyAndScaleColumns() {
    let (file, problems) = Self.loadCSV(
      "entity\tmetric\tperiod\tvalue\tunit\tcurrency\tscale\n"
        + "acme\tsales\t2024\t150\t\tUSD\tmillions\n"
        + "acme\tmargin\t2024\t12.5\t%\t\t\n"
        + "acme\tstores\t2024\t1,210\tstores\t\t\n"
        + "acme\tsales\t2023\t100\tEUR\t\tmillions\n")
    #expect(problems.isEmpty)
    #expect(
      Self.values(file) == [
        "acme sales 2024 150000000 currency(\"USD\")", "acme margin 2024 12.5 percent",
        "acme stores 2024 1210 count(Optional(\"stores\"))",
        "acme sales 2023 100000000 currency(\"EUR\")",
      ])
  }

  @Test(arguments: [("a,b;c", ","), ("a;b;c", ";"), ("a\tb\tc", "\t"), ("\"a;b\",c", ",")])
  func theSeparatorIsTheOneTheHeaderUses(header: String, separator: String) {
    #expect(CSVDataLoader.separator(of: header + "\n1;2;3\n") == Character(separator))
  }

  @Test func badCSVScalesAndCurrenciesAreLocated() {
    let (file, problems) = Self.loadCSV(
      """
      entity,metric,period,value,currency,scale
      acme,sales,2024,150,USD,zillions
      acme,sales,2023,100,bitcoins,millions
      acme,sales,2022,90,USD,millions
      """)
    #expect(file?.figures.count == 1)
    #expect(problems.map(\.location.description) == ["d.csv:2:25", "d.csv:3:21"])
  }
}
