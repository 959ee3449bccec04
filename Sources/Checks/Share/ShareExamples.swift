import RuleEngine

/// Data the share check must pass or flag; they document the check and run as its tests.
enum ShareExamples {
  static let rule = """
    share: { metric: operating_margin }
    part: { metric: operating_profit }
    whole: { metric: revenue }
    """

  static let all: [CheckExample] = [
    CheckExample(
      data: """
        entity: acme
        figures:
          - { metric: revenue, period: 2024, value: $3.3 billion }
          - { metric: operating_profit, period: 2024, value: $402 million }
          - { metric: operating_margin, period: 2024, value: 12.2% }
        """,
      rule: rule, .passes),
    CheckExample(
      data: """
        entity: acme
        figures:
          - { metric: revenue, period: 2024, value: $3.3 billion }
          - { metric: operating_profit, period: 2024, value: $402 million }
          - { metric: operating_margin, period: 2024, value: ↓15.2% }
        """,
      rule: rule,
      .flags(
        .error,
        "stated share 15.2% does not follow from $402 million of $3.3 billion: part / whole is "
          + "11.99% to 12.38%")),
    CheckExample(
      data: """
        entity: acme
        figures:
          - { metric: revenue, period: 2024, value: $3.3 billion }
          - { metric: operating_profit, period: 2024, value: $402 billion }
          - { metric: operating_margin, period: 2024, value: ↓12.2% }
        """,
      rule: rule, .flags(.error, "is a scale word wrong?")),
  ]
}
