import RuleEngine

/// Data the restatement check must pass or flag; they document the check and run as its tests.
enum RestatementExamples {
  static let all: [CheckExample] = [
    CheckExample(
      data: """
        entity: acme
        figures:
          - { metric: deliveries, period: 2024, value: 4.96 million }
          - { metric: deliveries, period: 2024, value: nearly 5 million }
        """,
      .passes),
    CheckExample(
      data: """
        entity: acme
        figures:
          - { metric: revenue, period: 2024, value: RMB 6.4 billion }
          - { metric: revenue, period: 2024, value: $900 million }
        """,
      .passes),
    CheckExample(
      data: """
        entity: acme
        figures:
          - { metric: employees, period: 2024, value: "3,412 employees" }
          - { metric: employees, period: 2024, value: ↓"3,142 employees" }
        """,
      .flags(
        .error,
        "3,142 employees restates 3,412 employees (acme employees 2024) differently")),
    CheckExample(
      data: """
        entity: acme
        figures:
          - { metric: revenue, period: 2024, value: $2.3 billion }
          - { metric: revenue, period: 2024, value: ↓$2.3 million }
        """,
      .flags(.error, "is a scale word wrong?")),
  ]
}
