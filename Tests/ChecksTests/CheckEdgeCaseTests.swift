import Checks
import RuleEngine
import Testing

/// Edge cases beyond the documented examples: negative and zero bases, mixed scales, hedges.
@Suite struct CheckEdgeCaseTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let name: String
    let check: String
    let example: CheckExample
    var testDescription: String { name }
  }

  static func growth(
    _ name: String, _ old: String, _ new: String, stated: String,
    _ expectation: CheckExample.Expectation, line: Int = #line
  ) -> Case {
    // A flagging case's finding is at the stated change.
    let mark = expectation == .passes ? "" : "\(CheckExample.marker)"
    return Case(
      name: name, check: "growth",
      example: CheckExample(
        data: """
          entity: e
          figures:
            - { metric: m, period: 2023, value: "\(old)" }
            - { metric: m, period: 2024, value: "\(new)", change: { vs: 2023, stated: \(mark)"\(stated)" } }
          """, expectation, line: line))
  }

  static let cases: [Case] = [
    growth("negative base, true decline", "-5 million", "-8 million", stated: "-60%", .passes),
    // A loss that grew in size, stated as a rise: a reading, so a warning that names it.
    growth(
      "negative base, the size's change", "-5 million", "-8 million", stated: "+60%",
      .flags(.warning, "stated growth +60% follows from the size of")),
    growth(
      "negative base, wrong either way", "-5 million", "-8 million", stated: "+20%",
      .flags(.error, "stated growth +20% does not follow")),
    growth("loss narrowing", "-$10m", "-$4m", stated: "+60%", .passes),
    growth("mixed scales", "950 thousand", "1.2 million", stated: "+26%", .passes),
    growth("mixed scale words", "950k", "1.2m", stated: "+26%", .passes),
    growth("hedged base", "nearly 10 million", "15 million", stated: "+55%", .passes),
    growth("hedged change", "10 million", "15.3 million", stated: "about 50%", .passes),
    growth("more than a rate", "10 million", "16 million", stated: "more than 50%", .passes),
    growth(
      "more than a rate that is not reached", "10 million", "13 million", stated: "more than 50%",
      .flags(.error, "more than 50%")),
    growth("basis points", "8%", "8.25%", stated: "+25 basis points", .passes),
    growth(
      "points stated where percent fits", "8%", "11%", stated: "+37.5 pp",
      .flags(.error, "is in percentage points, but it is the relative change")),
    growth("halved", "10 million", "5.1 million", stated: "halved", .passes),
    growth("tripled", "3.1 million", "9.2 million", stated: "tripled", .passes),
    growth("multiple", "4 million", "10 million", stated: "2.5x", .passes),
    growth(
      "multiple from a zero base is not checked", "0", "10 million", stated: "doubled", .passes),
    growth("count written in full", "1,203,519", "1,324,000", stated: "+10%", .passes),
    growth(
      "exact counts, wrong rate", "1,001", "1,151", stated: "+10%",
      .flags(.error, "stated growth +10% does not follow")),
    growth(
      "truncated figures give a warning", "13 million", "23.16 million", stated: "+70%",
      .flags(.warning, "+70% implies")),
    Case(
      name: "conversion with the inverse pair in the table", check: "conversion",
      example: CheckExample(
        data: """
          entity: e
          figures:
            - { metric: m, period: 2024-Q2, value: RMB 6.4 billion }
            - { metric: m, period: 2024-Q2, value: $900 million }
          rates:
            - { pair: CNY/USD, rate: 0.14016, date: 2024-06-30 }
          """, .passes)),
    Case(
      name: "conversion picks the rate nearest the period", check: "conversion",
      example: CheckExample(
        data: """
          entity: e
          figures:
            - { metric: m, period: 2024-Q2, value: RMB 6.4 billion }
            - { metric: m, period: 2024-Q2, value: $900 million }
          rates:
            - { pair: USD/CNY, rate: 6.5, date: 2021-06-30 }
            - { pair: USD/CNY, rate: 7.13, date: 2024-06-28 }
          """, .passes)),
    Case(
      name: "conversion without a rate is not checked", check: "conversion",
      example: CheckExample(
        data: """
          entity: e
          figures:
            - { metric: m, period: 2024, value: RMB 6.4 billion }
            - { metric: m, period: 2024, value: $1 }
          """, .passes)),
    Case(
      name: "total with a missing part is not checked", check: "total",
      example: CheckExample(
        data: """
          entity: e
          figures:
            - { metric: total, period: 2024, value: 10 }
            - { metric: a, period: 2024, value: 3 }
          """, rule: "{ total: total, parts: [a, b] }", .passes)),
    Case(
      name: "total across scales", check: "total",
      example: CheckExample(
        data: """
          entity: e
          figures:
            - { metric: total, period: 2024, value: $1.25 billion }
            - { metric: a, period: 2024, value: $1.2bn }
            - { metric: b, period: 2024, value: $48 million }
            - { metric: c, period: 2024, value: "$2,000,000" }
          """, rule: "{ total: total, parts: [a, b, c] }", .passes)),
    Case(
      name: "total in a table with negatives", check: "total",
      example: CheckExample(
        data: """
          entity: e
          figures:
            - { metric: net, period: 2024, value: "(1,234)" }
            - { metric: gross, period: 2024, value: "5,000" }
            - { metric: costs, period: 2024, value: "6,234" }
          """, rule: "{ total: net, parts: [gross, -costs] }", .passes)),
    Case(
      name: "total one unit off in a table", check: "total",
      example: CheckExample(
        data: """
          entity: e
          figures:
            - { metric: net, period: 2024, value: ↓"(1,235)" }
            - { metric: gross, period: 2024, value: "5,001" }
            - { metric: costs, period: 2024, value: "6,234" }
          """, rule: "{ total: net, parts: [gross, -costs] }",
        .flags(.error, "5,001 - 6,234 is -1,233"))),
  ]

  @Test(arguments: cases)
  func edgeCase(_ testCase: Case) throws {
    verify(testCase.example, check: try #require(CheckRegistry.builtin.check(testCase.check)))
  }
}
