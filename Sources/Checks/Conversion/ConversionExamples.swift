import RuleEngine

/// Data the conversion check must pass or flag; they document the check and run as its tests.
enum ConversionExamples {
  static let all: [CheckExample] = [
    CheckExample(
      data: """
        entity: xiaomi
        figures:
          - { metric: innovation_revenue, period: 2024-Q2, value: RMB 6.4 billion }
          - { metric: innovation_revenue, period: 2024-Q2, value: $900 million }
        rates:
          - { pair: USD/CNY, rate: 7.1348, date: 2024-08-21 }
        """,
      .passes),
    CheckExample(
      data: """
        entity: xiaomi
        figures:
          - { metric: innovation_revenue, period: 2024-Q2, value: RMB 6.4 billion }
          - { metric: innovation_revenue, period: 2024-Q2, value: $900 million,
              rate: $1 = RMB 7.1348 }
        """,
      .passes),
    CheckExample(
      data: """
        entity: acme
        figures:
          - { metric: revenue, period: 2024, value: €2.3bn }
          - { metric: revenue, period: 2024, value: $2.5bn, rate: EUR/USD 1.08 }
        """,
      .passes),
    CheckExample(
      data: """
        entity: xiaomi
        figures:
          - { metric: innovation_revenue, period: 2024-Q2, value: RMB 6.4 billion }
          - { metric: innovation_revenue, period: 2024-Q2, value: ↓$950 million }
        rates:
          - { pair: USD/CNY, rate: 7.1348, date: 2024-08-21 }
        """,
      .flags(
        .error,
        "$950 million does not follow from RMB 6.4 billion at USD/CNY 7.1348: RMB 6.4 billion / "
          + "7.1348 is USD 890.0 million to USD 904.0 million")),
    CheckExample(
      data: """
        entity: xiaomi
        figures:
          - { metric: innovation_revenue, period: 2024-Q2, value: RMB 6.4 billion }
          - { metric: innovation_revenue, period: 2024-Q2, value: ↓$910 million }
        rates:
          - { pair: USD/CNY, rate: 7.1348, date: 2024-08-21 }
        """,
      .flags(.warning, "$910 million does not follow from RMB 6.4 billion")),
    CheckExample(
      data: """
        entity: xiaomi
        figures:
          - { metric: innovation_revenue, period: 2024-Q2, value: RMB 6.4 million }
          - { metric: innovation_revenue, period: 2024-Q2, value: ↓$900 million }
        rates:
          - { pair: USD/CNY, rate: 7.1348, date: 2024-08-21 }
        """,
      .flags(.error, "is a scale word wrong?")),
  ]
}
