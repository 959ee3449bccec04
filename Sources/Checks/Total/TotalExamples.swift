import RuleEngine

/// Data the total check must pass or flag; they document the check and run as its tests.
enum TotalExamples {
  static let all: [CheckExample] = [
    CheckExample(
      data: """
        entity: xiaomi
        figures:
          - { metric: innovation_revenue, period: 2024-Q2, value: RMB 6.4 billion }
          - { metric: ev_revenue, period: 2024-Q2, value: RMB 6.2 billion }
          - { metric: other_innovation_revenue, period: 2024-Q2, value: RMB 200 million }
        """,
      rule: """
        total: { metric: innovation_revenue }
        parts: [ev_revenue, other_innovation_revenue]
        """,
      .passes),
    CheckExample(
      data: """
        entity: acme
        figures:
          - { metric: operating_profit, period: 2024, value: $1.2 billion }
          - { metric: revenue, period: 2024, value: $5.0 billion }
          - { metric: operating_costs, period: 2024, value: $3.8 billion }
        """,
      rule: """
        total: { metric: operating_profit }
        parts: [revenue, { metric: operating_costs, sign: "-" }]
        """,
      .passes),
    CheckExample(
      data: """
        entity: acme
        figures:
          - { metric: revenue, period: 2024, value: $5.0 billion }
          - { metric: revenue, segment: china, period: 2024, value: $3.1 billion }
        """,
      rule: """
        total: { metric: revenue }
        parts: [{ segment: china }]
        partial: true
        """,
      .passes),
    CheckExample(
      data: """
        entity: xiaomi
        figures:
          - { metric: innovation_revenue, period: 2024-Q2, value: ↓RMB 6.4 billion }
          - { metric: ev_revenue, period: 2024-Q2, value: RMB 6.2 billion }
          - { metric: other_innovation_revenue, period: 2024-Q2, value: RMB 600 million }
        """,
      rule: """
        total: { metric: innovation_revenue }
        parts: [ev_revenue, other_innovation_revenue]
        """,
      .flags(
        .error,
        "the parts do not add up to the total RMB 6.4 billion (xiaomi innovation_revenue "
          + "2024-Q2): RMB 6.2 billion + RMB 600 million is CNY 6.75 billion to CNY 6.85 billion")),
    CheckExample(
      data: """
        entity: acme
        figures:
          - { metric: revenue, period: 2024, value: ↓$5.0 billion }
          - { metric: revenue, segment: china, period: 2024, value: $5.6 billion }
        """,
      rule: """
        total: { metric: revenue }
        parts: [{ segment: china }]
        partial: true
        """,
      .flags(.error, "add up to more than the total")),
    CheckExample(
      data: """
        entity: xiaomi
        figures:
          - { metric: innovation_revenue, period: 2024-Q2, value: ↓RMB 6.4 billion }
          - { metric: ev_revenue, period: 2024-Q2, value: RMB 6.2 billion }
          - { metric: other_innovation_revenue, period: 2024-Q2, value: RMB 200 billion }
        """,
      rule: """
        total: { metric: innovation_revenue }
        parts: [ev_revenue, other_innovation_revenue]
        """,
      .flags(.error, "RMB 200 billion would fit if it were 1,000x smaller")),
  ]
}
