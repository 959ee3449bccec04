import RuleEngine

/// Data the growth check must pass or flag; they document the check and run as its tests.
enum GrowthExamples {
  static let all: [CheckExample] = [
    CheckExample(
      data: """
        entity: acme
        figures:
          - { metric: operating_income, period: 2023, value: -168 }
          - { metric: operating_income, period: 2024, value: -238,
              change: { vs: previous year, stated: ↓+41.67% } }
        """,
      .flags(.warning, "follows from the size of -168 (2023) -> -238 (2024)")),
    CheckExample(
      data: """
        entity: acme
        figures:
          - { metric: operating_income, period: 2023, value: -168 }
          - { metric: operating_income, period: 2024, value: -238,
              change: { vs: previous year, stated: -41.67% } }
        """,
      .passes),
    CheckExample(
      data: """
        entity: acme
        figures:
          - { metric: net_interest_margin, period: 2023, value: 3.15% }
          - { metric: net_interest_margin, period: 2024, value: 2.42%,
              change: { vs: previous year, stated: less than 0% } }
        """,
      .passes),
    CheckExample(
      data: """
        entity: acme
        figures:
          - { metric: opex_ratio, period: 2023, value: 18.9% }
          - { metric: opex_ratio, period: 2024, value: 18.4%,
              change: { vs: previous year, stated: ↓more than 0% } }
        """,
      .flags(.error, "stated direction 'more than 0%' does not follow")),
    CheckExample(
      data: """
        entity: xiaomi
        figures:
          - { metric: revenue, period: 2020-Q3, value: RMB 72.16 billion }
          - { metric: revenue, period: 2021-Q3, value: RMB 78.06 billion,
              change: { vs: year on year, stated: +8.2% } }
        """,
      .passes),
    CheckExample(
      data: """
        entity: xiaomi
        figures:
          - { metric: phones_sold, period: 2012, value: 7 million }
          - { metric: phones_sold, period: 2013, value: 18.7 million,
              change: { vs: previous year, stated: more than doubled } }
        """,
      .passes),
    CheckExample(
      data: """
        entity: acme
        figures:
          - { metric: margin, period: 2023, value: 8% }
          - { metric: margin, period: 2024, value: 9.5%,
              change: { vs: previous year, stated: +1.5 percentage points } }
        """,
      .passes),
    CheckExample(
      data: """
        entity: acme
        figures:
          - { metric: net_income, period: 2023, value: -$2 million }
          - { metric: net_income, period: 2024, value: $1 million,
              change: { vs: 2023, stated: +150% } }
        """,
      .passes),
    CheckExample(
      data: """
        entity: acme
        figures:
          - { metric: profit, period: 2023-Q2, value: $127 million }
          - { metric: profit, period: 2024-Q2, value: $88 million,
              change: { vs: a year earlier, stated: -31% } }
        """,
      .passes),
    CheckExample(
      data: """
        entity: xiaomi
        figures:
          - { metric: smartphone_shipments, period: 2017-Q1, value: 13 million units }
          - { metric: smartphone_shipments, period: 2017-Q2, value: 23.16 million units,
              change: { vs: previous quarter, stated: ↓+70% } }
        """,
      .flags(
        .warning,
        "stated growth +70% does not follow from 13 million units (2017-Q1) -> 23.16 million "
          + "units (2017-Q2): (new - old) / |old| is +71.5% to +85.3%; +70% implies 2017-Q1 of "
          + "about 13.62 million units")),
    CheckExample(
      data: """
        entity: acme
        figures:
          - { metric: sales, period: 2023, value: 100 million }
          - { metric: sales, period: 2024, value: 150 million,
              change: { vs: previous year, stated: ↓+20% } }
        """,
      .flags(.error, "stated growth +20% does not follow from 100 million (2023)")),
    CheckExample(
      data: """
        entity: acme
        figures:
          - { metric: margin, period: 2023, value: 8% }
          - { metric: margin, period: 2024, value: 11%,
              change: { vs: previous year, stated: ↓+3% } }
        """,
      .flags(.error, "stated change +3% is in percent, but it is the change in percentage points")),
    CheckExample(
      data: """
        entity: acme
        figures:
          - { metric: sales, period: 2023, value: 10 million }
          - { metric: sales, period: 2024, value: 15 million,
              change: { vs: previous year, stated: ↓doubled } }
        """,
      .flags(.error, "stated multiple doubled does not follow")),
    CheckExample(
      data: """
        entity: acme
        figures:
          - { metric: units, period: 2017-Q1, value: 13 billion units }
          - { metric: units, period: 2017-Q2, value: 23.16 million units,
              change: { vs: previous quarter, stated: ↓+70% } }
        """,
      .flags(.error, "is a scale word wrong?")),
    CheckExample(
      data: """
        entity: acme
        figures:
          - { metric: sales, period: 2023, value: 0 }
          - { metric: sales, period: 2024, value: 5 million,
              change: { vs: previous year, stated: ↓+50% } }
        """,
      .flags(.error, "a percent change from zero is undefined")),
  ]
}
