import FactlintModel
import Testing

private func decimal(_ text: String) -> ExactDecimal {
  guard let value = ExactDecimal(text) else { fatalError("bad decimal literal \(text)") }
  return value
}

/// `[low, high]` from decimal strings; nil is unbounded.
private func interval(_ low: String?, _ high: String?) -> ValueRange {
  ValueRange(low: low.map(decimal), high: high.map(decimal))
}

/// `lhs / rhs`, named so `#require` sees one value rather than an operator to take apart.
private func quotient(_ lhs: ValueRange, _ rhs: ValueRange) -> ValueRange? {
  lhs / rhs
}

/// Two operands and the interval an operation on them must give.
struct IntervalExample: Sendable, CustomTestStringConvertible {
  var lhs: ValueRange
  var rhs: ValueRange
  var result: ValueRange?

  init(_ lhs: (String?, String?), _ rhs: (String?, String?), _ result: (String?, String?)?) {
    self.lhs = interval(lhs.0, lhs.1)
    self.rhs = interval(rhs.0, rhs.1)
    self.result = result.map { interval($0.0, $0.1) }
  }

  var testDescription: String {
    func show(_ range: ValueRange) -> String {
      "[\(range.low?.description ?? "-inf"), \(range.high?.description ?? "+inf")]"
    }
    return "\(show(lhs)) and \(show(rhs))"
  }
}

@Suite("ValueRange")
struct ValueRangeTests {
  @Test(arguments: [
    IntervalExample(("1", "2"), ("3", "4"), ("4", "6")),
    IntervalExample(("-2", "1"), ("0.5", "0.75"), ("-1.5", "1.75")),
    IntervalExample(("-2", "1"), (nil, "5"), (nil, "6")),
    IntervalExample(("1", nil), ("-3", "-2"), ("-2", nil)),
    IntervalExample((nil, nil), ("1", "1"), (nil, nil)),
  ])
  func addsBoundByBound(_ example: IntervalExample) {
    #expect(example.lhs + example.rhs == example.result)
    #expect(example.rhs + example.lhs == example.result)
  }

  @Test(arguments: [
    IntervalExample(("1", "2"), ("3", "4"), ("-3", "-1")),
    IntervalExample(("-2", "1"), ("-1", "3"), ("-5", "2")),
    IntervalExample((nil, "1"), ("0", nil), (nil, "1")),
    IntervalExample(("1", nil), (nil, "1"), ("0", nil)),
    IntervalExample(("23155000", "23165000"), ("12500000", "13500000"), ("9655000", "10665000")),
  ])
  func subtractsOppositeBounds(_ example: IntervalExample) {
    #expect(example.lhs - example.rhs == example.result)
  }

  @Test(arguments: [
    IntervalExample(("2", "3"), ("4", "5"), ("8", "15")),
    IntervalExample(("-2", "3"), ("4", "5"), ("-10", "15")),
    IntervalExample(("-2", "3"), ("-5", "-4"), ("-15", "10")),
    IntervalExample(("-2", "3"), ("-1", "4"), ("-8", "12")),
    IntervalExample(("-3", "-2"), ("-5", "-4"), ("8", "15")),
    IntervalExample(("0.5", "1.5"), ("-0.2", "0.2"), ("-0.3", "0.3")),
    IntervalExample(("1", nil), ("2", "3"), ("2", nil)),
    IntervalExample(("-1", nil), ("2", "3"), ("-3", nil)),
    IntervalExample(("1", nil), ("-3", "-2"), (nil, "-2")),
    IntervalExample((nil, "-1"), (nil, "-1"), ("1", nil)),
    IntervalExample(("-1", nil), ("2", nil), (nil, nil)),
    // A zero bound keeps an unbounded product at zero on that side.
    IntervalExample(("0", "1"), ("2", nil), ("0", nil)),
    IntervalExample(("0", "1"), (nil, nil), (nil, nil)),
    IntervalExample(("0", "0"), (nil, nil), ("0", "0")),
  ])
  func multipliesCornerByCorner(_ example: IntervalExample) {
    #expect(example.lhs * example.rhs == example.result)
    #expect(example.rhs * example.lhs == example.result)
  }

  @Test func multipliesByAFactor() {
    #expect(interval("12.5", "13.5") * decimal("1.7") == interval("21.25", "22.95"))
    #expect(interval("12.5", "13.5") * decimal("-2") == interval("-27", "-25"))
    #expect(interval("1", nil) * .zero == interval("0", "0"))
  }

  @Test func negatesBySwappingBounds() {
    #expect(-interval("1", "2") == interval("-2", "-1"))
    #expect(-interval(nil, "2") == interval("-2", nil))
  }

  // MARK: Division

  @Test(arguments: [
    IntervalExample(("6", "8"), ("2", "4"), ("1.5", "4")),
    IntervalExample(("-6", "8"), ("2", "4"), ("-3", "4")),
    IntervalExample(("6", "8"), ("-4", "-2"), ("-4", "-1.5")),
    IntervalExample(("-8", "-6"), ("-4", "-2"), ("1.5", "4")),
    IntervalExample(("1", "2"), ("2", nil), ("0", "1")),
    IntervalExample(("1", "2"), (nil, "-2"), ("-1", "0")),
    IntervalExample((nil, "2"), ("2", "4"), (nil, "1")),
    IntervalExample(("-2", nil), ("2", "4"), ("-1", nil)),
    IntervalExample(("1", "2"), ("-1", "1"), nil),
    IntervalExample(("1", "2"), ("0", "1"), nil),
    IntervalExample(("1", "2"), ("-1", "0"), nil),
    IntervalExample(("1", "2"), (nil, nil), nil),
    IntervalExample(("1", "2"), ("0", nil), nil),
  ])
  func dividesOrRefusesWhenTheDivisorMayBeZero(_ example: IntervalExample) {
    #expect(example.lhs / example.rhs == example.result)
  }

  @Test func roundsQuotientBoundsOutward() throws {
    let third = try #require(quotient(interval("1", "1"), interval("3", "3")))
    #expect(third.low == decimal("0." + String(repeating: "3", count: 30)))
    #expect(third.high == decimal("0." + String(repeating: "3", count: 29) + "4"))
    let negative = try #require(quotient(interval("-1", "-1"), interval("3", "3")))
    #expect(negative.low == decimal("-0." + String(repeating: "3", count: 29) + "4"))
    #expect(negative.high == decimal("-0." + String(repeating: "3", count: 30)))
  }

  @Test func growthRateFromTwoRoundedFigures() throws {
    // 13 million -> 23.16 million: (23.16 - 13) / 13 lies between 71.5% and 85.32%.
    let before = interval("12500000", "13500000")
    let after = interval("23155000", "23165000")
    let growth = try #require(quotient(after - before, before))
    #expect(growth.low! > decimal("0.715") && growth.low! < decimal("0.716"))
    #expect(growth.high == decimal("0.8532"))
    #expect(!growth.contains(decimal("0.70")))
  }

  // MARK: Outward rounding past 38 digits

  @Test func keepsTheExactSumInsideWhenItNeedsMoreDigits() {
    // 10^40 + 1 needs 41 digits; its bounds must still enclose it.
    let sum = interval("1e40", "1e40") + interval("1", "1")
    #expect(sum.low! <= decimal("1e40"))
    #expect(sum.high! > decimal("1e40"))
    let difference = interval("1e40", "1e40") - interval("1", "1")
    #expect(difference.low! < decimal("1e40"))
    #expect(difference.high! >= decimal("1e40"))
  }

  @Test func keepsTheExactProductInsideWhenItNeedsMoreDigits() {
    // (10^20 + 1)^2 = 10^40 + 2 * 10^20 + 1 needs 41 digits.
    let factor = interval("100000000000000000001", "100000000000000000001")
    let square = factor * factor
    #expect(square.low! <= decimal("1e40"))
    #expect(square.high! > decimal("100000000000000000002e20"))
    let negative = (-factor) * factor
    #expect(negative.low! < decimal("-100000000000000000002e20"))
    #expect(negative.high! >= decimal("-1e40"))
  }

  // MARK: Membership

  @Test func containsItsBoundsAndWhatLiesBetween() {
    let range = interval("12.5", "13.5")
    #expect(range.contains(decimal("12.5")))
    #expect(range.contains(decimal("13.5")))
    #expect(range.contains(13))
    #expect(!range.contains(decimal("13.51")))
    #expect(!range.contains(decimal("12.49")))
    #expect(interval(nil, "0").contains(decimal("-1e1000")))
    #expect(interval("0", nil).contains(decimal("1e1000")))
    #expect(ValueRange(exactly: 7).contains(7))
    #expect(!interval("1", "2").containsZero)
    #expect(interval("-1", "2").containsZero)
    #expect(interval(nil, nil).containsZero)
  }

  @Test(
    arguments: [
      (("1", "2"), ("2", "3"), true), (("1", "2"), ("2.01", "3"), false),
      (("1", "2"), ("1.5", "1.6"), true), (("1", "2"), (nil, "0.99"), false),
      (("1", "2"), (nil, "1"), true), ((nil, "5"), ("4", nil), true),
      ((nil, "3"), ("4", nil), false), ((nil, nil), ("4", "5"), true),
    ] as [((String?, String?), (String?, String?), Bool)])
  func overlapsWhenTheyShareAValue(
    lhs: (String?, String?), rhs: (String?, String?), overlapping: Bool
  ) {
    let left = interval(lhs.0, lhs.1)
    let right = interval(rhs.0, rhs.1)
    #expect(left.overlaps(right) == overlapping)
    #expect(right.overlaps(left) == overlapping)
  }

  @Test func hullsTwoIntervals() {
    #expect(interval("1", "2").hull(interval("3", "4")) == interval("1", "4"))
    #expect(interval("1", "2").hull(interval(nil, "0")) == interval(nil, "2"))
    #expect(interval("1", nil).hull(interval("0", "4")) == interval("0", nil))
  }
}
