import Foundation
import Testing

/// Data kept as reports print it, linted through the real binary.
@Suite struct ReportDataTests {
  typealias Folder = IntegrationTests.Folder

  static let rules = """
    data: [../data/]
    rules:
      - id: revenue-parts
        check: total
        total: { metric: revenue }
        parts: [subscription_revenue, services_revenue]
      - { id: growth, check: growth }
    """

  @Test func aTableWithABadCellStillChecksTheRest() throws {
    let folder = try Folder([
      "rules/r.yml": Self.rules,
      "data/income.yml": """
      entity: kestrel
      currency: USD
      scale: thousands
      tables:
        - columns: [2025, 2024]
          rows:
            - [Revenue, "272,098", "213,159"]
            - [Subscription revenue, "254,056", "199,942"]
            - [Services revenue, "18,042", "13,271"]
            - [Net income, "4x,927", "31,880"]
      """,
    ])
    let run = try folder.run(["rules/"])
    #expect(run.status == 2)
    #expect(
      IntegrationTests.errorLines(run) == [
        "data/income.yml:7:30: error: the parts do not add up to the total 213,159 (kestrel "
          + "revenue 2024): 199,942 + 13,271 is USD 213,212.0 thousand to USD 213,214.0 "
          + "thousand; 13,271: digits swapped? 13,217 would agree [revenue-parts]"
      ])
    #expect(run.errors.contains("data/income.yml:10:22: error: '4x,927' is not a figure"))
  }

  @Test func aSemicolonCSVWithAColumnPerPeriod() throws {
    let folder = try Folder([
      "rules/r.yml": Self.rules,
      "data/income.csv": """
      entity;metric;currency;scale;2025;2024
      kestrel;Revenue;USD;thousands;"272,098";"213,159"
      kestrel;Subscription revenue;USD;thousands;"254,056";"199,942"
      kestrel;Services revenue;USD;thousands;"18,042";"13,217"

      """,
    ])
    let run = try folder.run(["rules/"])
    #expect(run.status == 0, "\(run.output)\(run.errors)")
    #expect(run.output.hasSuffix("0 errors, 0 warnings in 2 files\n"))
  }

  @Test func lintSaysWhichRulesCouldNotRunOnlyWhenAsked() throws {
    let folder = try Folder([
      "rules/r.yml": Self.rules,
      "data/sales.yml": """
      entity: acme
      figures:
        - { metric: revenue, period: 2022, value: €90 million }
        - { metric: revenue, period: 2023, value: $100 million, change: { vs: 2022, stated: +10% } }
      """,
    ])
    let quiet = try folder.run(["rules/"])
    #expect(quiet.output == "0 errors, 0 warnings in 2 files\n")
    let shown = try folder.run(["lint", "rules/", "--show-unverified"])
    #expect(shown.status == 0)
    #expect(
      shown.output.contains(
        "data/sales.yml:4:87: note: could not check +10% (acme revenue 2023): its base €90 "
          + "million (acme revenue 2022) is in another unit than $100 million [growth]"))
  }
}
