/// A closed interval of exact decimals; a missing bound is unbounded on that side.
///
/// Every written figure stands for such an interval. Arithmetic rounds outward, so the result of an
/// operation always contains every value the operands could combine to.
public struct ValueRange: Sendable, Hashable {
  /// The lowest value, or nil for no lower bound.
  public var low: ExactDecimal?
  /// The highest value, or nil for no upper bound.
  public var high: ExactDecimal?

  /// Creates the interval `[low, high]`.
  public init(low: ExactDecimal?, high: ExactDecimal?) {
    self.low = low
    self.high = high
  }

  /// The single value `value`.
  public init(exactly value: ExactDecimal) {
    self.init(low: value, high: value)
  }

  /// Whether `value` lies in the interval.
  public func contains(_ value: ExactDecimal) -> Bool {
    (low.map { $0 <= value } ?? true) && (high.map { value <= $0 } ?? true)
  }

  /// Whether the two intervals share at least one value.
  public func overlaps(_ other: ValueRange) -> Bool {
    if let high, let otherLow = other.low, high < otherLow { return false }
    if let low, let otherHigh = other.high, otherHigh < low { return false }
    return true
  }

  /// Whether zero lies in the interval.
  public var containsZero: Bool { contains(.zero) }

  /// The smallest interval holding both.
  public func hull(_ other: ValueRange) -> ValueRange {
    ValueRange(
      low: low.flatMap { mine in other.low.map { min(mine, $0) } },
      high: high.flatMap { mine in other.high.map { max(mine, $0) } })
  }

  /// The sum of every pair of values.
  public static func + (lhs: ValueRange, rhs: ValueRange) -> ValueRange {
    ValueRange(
      low: lhs.low.flatMap { a in rhs.low.map { a.adding($0, .down) } },
      high: lhs.high.flatMap { a in rhs.high.map { a.adding($0, .up) } })
  }

  /// The negated interval.
  public static prefix func - (value: ValueRange) -> ValueRange {
    ValueRange(low: value.high.map { -$0 }, high: value.low.map { -$0 })
  }

  /// The difference of every pair of values.
  public static func - (lhs: ValueRange, rhs: ValueRange) -> ValueRange {
    lhs + -rhs
  }

  /// The product of every pair of values.
  public static func * (lhs: ValueRange, rhs: ValueRange) -> ValueRange {
    // The usual case, amounts times amounts: the extremes are the products of the ends.
    if let a = lhs.low, let b = lhs.high, let c = rhs.low, let d = rhs.high, !a.isNegative,
      !c.isNegative
    {
      return ValueRange(low: a.multiplied(by: c, .down), high: b.multiplied(by: d, .up))
    }
    let corners = [
      (lhs.lowEnd, rhs.lowEnd), (lhs.lowEnd, rhs.highEnd),
      (lhs.highEnd, rhs.lowEnd), (lhs.highEnd, rhs.highEnd),
    ]
    return ValueRange(
      low: corners.map { Extended.product($0, $1, .down) }.min()!.finite,
      high: corners.map { Extended.product($0, $1, .up) }.max()!.finite)
  }

  /// Multiplies every value by `factor`.
  public static func * (lhs: ValueRange, factor: ExactDecimal) -> ValueRange {
    lhs * ValueRange(exactly: factor)
  }

  /// The quotient of every pair of values, bounds rounded outward to 30 digits; nil when the
  /// divisor may be zero.
  public static func / (lhs: ValueRange, rhs: ValueRange) -> ValueRange? {
    guard !rhs.containsZero else { return nil }
    guard let divisorLow = rhs.low, let divisorHigh = rhs.high else {
      // A divisor unbounded on one side still has a finite bound nearest zero; its reciprocal
      // ends at zero.
      let near = rhs.low ?? rhs.high!
      let reciprocal =
        near.isNegative
        ? ValueRange(low: ExactDecimal.one.divided(by: near, .down), high: .zero)
        : ValueRange(low: .zero, high: ExactDecimal.one.divided(by: near, .up))
      return lhs * reciprocal
    }
    // A negative divisor is a positive one with the quotient negated, which is exact.
    if divisorHigh.isNegative { return (lhs / -rhs).map { -$0 } }
    guard let low = lhs.low, let high = lhs.high else {
      return lhs
        * ValueRange(
          low: ExactDecimal.one.divided(by: divisorHigh, .down),
          high: ExactDecimal.one.divided(by: divisorLow, .up))
    }
    // Over a positive divisor, a bound moves toward zero with the largest divisor and away from
    // it with the smallest. Dividing directly keeps more digits than a rounded reciprocal.
    return ValueRange(
      low: low.divided(by: low.isNegative ? divisorLow : divisorHigh, .down),
      high: high.divided(by: high.isNegative ? divisorHigh : divisorLow, .up))
  }

  private var lowEnd: Extended { low.map(Extended.finite) ?? .negativeInfinity }
  private var highEnd: Extended { high.map(Extended.finite) ?? .positiveInfinity }
}

/// The extended reals, for multiplying unbounded intervals.
private enum Extended: Comparable {
  case negativeInfinity
  case finite(ExactDecimal)
  case positiveInfinity

  var finite: ExactDecimal? {
    if case .finite(let value) = self { return value }
    return nil
  }

  var sign: Int {
    switch self {
    case .negativeInfinity: return -1
    case .positiveInfinity: return 1
    case .finite(let value): return value.isZero ? 0 : (value.isNegative ? -1 : 1)
    }
  }

  /// Zero times infinity is zero here: a bound of zero on a finite factor keeps the product at zero.
  static func product(
    _ lhs: Extended, _ rhs: Extended, _ direction: RoundingDirection
  ) -> Extended {
    if case .finite(let a) = lhs, case .finite(let b) = rhs {
      return .finite(a.multiplied(by: b, direction))
    }
    let sign = lhs.sign * rhs.sign
    if sign == 0 { return .finite(.zero) }
    return sign > 0 ? .positiveInfinity : .negativeInfinity
  }
}

extension ExactDecimal {
  /// Divides, rounding in `direction` to 30 significant digits.
  func divided(by divisor: ExactDecimal, _ direction: RoundingDirection) -> ExactDecimal? {
    divided(by: divisor, significantDigits: 30, direction)
  }
}
