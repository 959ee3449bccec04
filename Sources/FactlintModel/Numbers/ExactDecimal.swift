/// An exact decimal number, `significand × 10^exponent`.
///
/// Figures are never binary floating point: `0.1 + 0.2` is `0.3`. Sums, differences and products
/// are exact while the result fits in 38 significant digits; beyond that (far past any written
/// figure) the result is rounded to 36 digits. Quotients are rounded to a chosen number of
/// significant digits in a chosen direction, so interval bounds can round outward.
public struct ExactDecimal: Sendable, Hashable {
  /// The digits, with trailing zeros removed so that equal values compare equal field by field.
  public private(set) var significand: Int128
  /// The power of ten the significand is scaled by.
  public private(set) var exponent: Int

  /// Creates `significand × 10^exponent`, normalised.
  public init(significand: Int128, exponent: Int = 0) {
    // Int128.min has no negation; one digit fewer, rounded, keeps `-` and `magnitude` safe.
    let isMin = significand == .min
    self.significand = isMin ? .min / 10 - 1 : significand
    self.exponent = significand == 0 ? 0 : (isMin ? exponent + 1 : exponent)
    normalize()
  }

  /// Creates an integer value.
  public init(_ value: Int) {
    self.init(significand: Int128(value))
  }

  /// Zero.
  public static let zero = ExactDecimal(0)
  /// One.
  public static let one = ExactDecimal(1)
  /// One hundred, for percentages.
  public static let hundred = ExactDecimal(100)
  /// One half: halving by multiplying is exact, where dividing would round.
  public static let half = ExactDecimal(significand: 5, exponent: -1)
  /// One fifth.
  public static let fifth = ExactDecimal(significand: 2, exponent: -1)

  private mutating func normalize() {
    guard significand != 0 else {
      exponent = 0
      return
    }
    // Most figures fit in 64 bits, where division is a machine instruction rather than a call.
    if let small = Int64(exactly: significand) {
      var value = small
      while value % 10 == 0 {
        value /= 10
        exponent += 1
      }
      significand = Int128(value)
      return
    }
    while significand % 10 == 0 {
      significand /= 10
      exponent += 1
    }
  }

  /// Whether the value is zero.
  public var isZero: Bool { significand == 0 }
  /// Whether the value is below zero.
  public var isNegative: Bool { significand < 0 }
  /// The absolute value.
  public var magnitude: ExactDecimal {
    ExactDecimal(significand: abs(significand), exponent: exponent)
  }

  /// The number of significant digits in the significand.
  package var digitCount: Int { Self.digitCount(of: significand) }

  static func digitCount(of value: Int128) -> Int {
    // Compared with powers of ten rather than divided by ten: Int128 division is a library call.
    let magnitude = value.magnitude
    var count = 1
    while count < powersOfTen.count, magnitude >= powersOfTen[count].magnitude { count += 1 }
    return count
  }

  /// The exponent of the most significant digit: 1 for 23.16 is 10^1, so 1.
  public var leadingExponent: Int { exponent + digitCount - 1 }

  /// `10^power` as an exact decimal.
  public static func powerOfTen(_ power: Int) -> ExactDecimal {
    ExactDecimal(significand: 1, exponent: power)
  }
}

// MARK: - Parsing and printing

extension ExactDecimal: LosslessStringConvertible {
  /// Parses `[-+]digits[.digits][e[-+]digits]`; returns nil for anything else or more than 36 digits.
  public init?(_ text: String) {
    var negative = false
    var digits: Int128 = 0
    var digitCount = 0
    var fractionDigits = 0
    var seenPoint = false
    var seenDigit = false
    var exponent = 0
    var utf8 = Substring(text).utf8[...]
    if let first = utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
      negative = first == UInt8(ascii: "-")
      utf8 = utf8.dropFirst()
    }
    while let byte = utf8.first {
      if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
        seenDigit = true
        if digits != 0 || byte != UInt8(ascii: "0") { digitCount += 1 }
        guard digitCount <= 36 else { return nil }
        digits = digits * 10 + Int128(byte - UInt8(ascii: "0"))
        if seenPoint { fractionDigits += 1 }
      } else if byte == UInt8(ascii: "."), !seenPoint {
        seenPoint = true
      } else {
        break
      }
      utf8 = utf8.dropFirst()
    }
    guard seenDigit else { return nil }
    if let byte = utf8.first, byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
      utf8 = utf8.dropFirst()
      guard let power = Int(String(Substring(utf8))), abs(power) <= 1000 else { return nil }
      exponent = power
      utf8 = utf8.dropFirst(utf8.count)
    }
    guard utf8.isEmpty else { return nil }
    self.init(significand: negative ? -digits : digits, exponent: exponent - fractionDigits)
  }

  /// Plain decimal notation, never scientific: `13000000`, `0.3`, `-0.05`.
  public var description: String {
    let digits = String(significand.magnitude)
    let sign = significand < 0 ? "-" : ""
    if exponent >= 0 {
      return sign + digits + String(repeating: "0", count: exponent)
    }
    let fraction = -exponent
    if digits.count > fraction {
      let split = digits.index(digits.endIndex, offsetBy: -fraction)
      return sign + digits[..<split] + "." + digits[split...]
    }
    return sign + "0." + String(repeating: "0", count: fraction - digits.count) + digits
  }
}

extension ExactDecimal: ExpressibleByIntegerLiteral {
  /// Creates an integer value from a literal.
  public init(integerLiteral value: Int) {
    self.init(value)
  }
}

// MARK: - Comparison

extension ExactDecimal: Comparable {
  /// Orders by value.
  public static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
    // Compared by digits, not by subtraction: a difference past 38 digits is rounded and could
    // make unequal values compare as equal.
    if lhs.isNegative != rhs.isNegative { return lhs.isNegative }
    if lhs.isZero || rhs.isZero { return lhs.significand < rhs.significand }
    let order = compareMagnitudes(lhs, rhs)
    return lhs.isNegative ? order > 0 : order < 0
  }

  /// -1, 0 or 1 as `|lhs|` is below, equal to or above `|rhs|`; both nonzero.
  private static func compareMagnitudes(_ lhs: ExactDecimal, _ rhs: ExactDecimal) -> Int {
    if lhs.leadingExponent != rhs.leadingExponent {
      return lhs.leadingExponent < rhs.leadingExponent ? -1 : 1
    }
    let left = lhs.significand.magnitude
    let right = rhs.significand.magnitude
    guard lhs.exponent != rhs.exponent else { return left == right ? 0 : (left < right ? -1 : 1) }
    // Same leading digit place: cut the longer significand to the shorter one's length. Its cut
    // digits are never all zero, since significands carry no trailing zeros.
    if lhs.exponent < rhs.exponent {
      let head = left / UInt128(tenToThe(rhs.exponent - lhs.exponent))
      return head < right ? -1 : 1
    }
    let head = right / UInt128(tenToThe(lhs.exponent - rhs.exponent))
    return left <= head ? -1 : 1
  }
}

// MARK: - Arithmetic

/// The direction a result that cannot be exact is rounded in.
public enum RoundingDirection: Sendable {
  /// Toward negative infinity.
  case down
  /// Toward positive infinity.
  case up
  /// To the nearest value, halves away from zero.
  case nearest
  /// Toward zero.
  case towardZero
}

extension ExactDecimal {
  private static let maxDigits = 38

  /// Returns `value / 10^power` rounded in `direction` (power > 0).
  private static func shiftRight(
    _ value: Int128, by power: Int, _ direction: RoundingDirection
  ) -> Int128 {
    guard power > 0 else { return value }
    // Every Int128 is below 10^39, so only from 39 places on is the quotient certainly zero.
    guard power <= maxDigits else {
      switch direction {
      case .down: return value < 0 ? -1 : 0
      case .up: return value > 0 ? 1 : 0
      case .nearest, .towardZero: return 0
      }
    }
    let divisor = tenToThe(power)
    let (quotient, remainder) = value.quotientAndRemainder(dividingBy: divisor)
    return adjust(quotient, remainder: remainder, divisor: divisor, direction)
  }

  /// Rounds a truncated quotient given its remainder.
  private static func adjust(
    _ quotient: Int128, remainder: Int128, divisor: Int128, _ direction: RoundingDirection
  ) -> Int128 {
    guard remainder != 0 else { return quotient }
    let positive = (remainder > 0) == (divisor > 0)
    switch direction {
    case .towardZero:
      return quotient
    case .down:
      return positive ? quotient : quotient - 1
    case .up:
      return positive ? quotient + 1 : quotient
    case .nearest:
      let twice = remainder.magnitude * 2
      guard twice >= divisor.magnitude else { return quotient }
      return positive ? quotient + 1 : quotient - 1
    }
  }

  static func tenToThe(_ power: Int) -> Int128 {
    power < powersOfTen.count ? powersOfTen[power] : powersOfTen[powersOfTen.count - 1] * 10
  }

  /// 10^0 through 10^38, the powers an Int128 holds.
  static let powersOfTen: [Int128] = {
    var powers: [Int128] = [1]
    for _ in 1...38 { powers.append(powers[powers.count - 1] * 10) }
    return powers
  }()

  /// Rounds to at most `digits` significant digits.
  func rounded(significantDigits digits: Int, _ direction: RoundingDirection) -> ExactDecimal {
    let excess = digitCount - digits
    guard excess > 0 else { return self }
    return ExactDecimal(
      significand: Self.shiftRight(significand, by: excess, direction), exponent: exponent + excess)
  }

  /// Rounds to a multiple of `10^power`: `rounded(toPower: -1, .nearest)` keeps one decimal.
  public func rounded(
    toPower power: Int, _ direction: RoundingDirection = .nearest
  ) -> ExactDecimal {
    guard exponent < power else { return self }
    return ExactDecimal(
      significand: Self.shiftRight(significand, by: power - exponent, direction), exponent: power)
  }

  /// Both significands scaled to the smaller exponent, or nil when that overflows.
  private static func aligned(_ lhs: ExactDecimal, _ rhs: ExactDecimal) -> (Int128, Int128, Int)? {
    let exponent = min(lhs.exponent, rhs.exponent)
    func scaled(_ value: ExactDecimal) -> Int128? {
      let shift = value.exponent - exponent
      guard shift > 0 else { return value.significand }
      guard shift < maxDigits else { return nil }
      let (product, overflow) = value.significand.multipliedReportingOverflow(by: tenToThe(shift))
      return overflow ? nil : product
    }
    guard let left = scaled(lhs), let right = scaled(rhs) else { return nil }
    return (left, right, exponent)
  }

  /// The exact sum, or, past 38 digits, the sum with the smaller operand's excess digits rounded.
  public static func + (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal {
    lhs.adding(rhs, .nearest)
  }

  /// The exact sum, or past 38 digits the sum rounded in `direction`, for interval bounds.
  func adding(_ other: ExactDecimal, _ direction: RoundingDirection) -> ExactDecimal {
    if isZero { return other }
    if other.isZero { return self }
    if let (left, right, exponent) = Self.aligned(self, other) {
      let (sum, overflow) = left.addingReportingOverflow(right)
      if !overflow { return ExactDecimal(significand: sum, exponent: exponent) }
    }
    // Rounding each operand in `direction` moves the sum the same way.
    return rounded(significantDigits: 36, direction).reducedAdd(
      other.rounded(significantDigits: 36, direction), direction)
  }

  /// Adds when exact alignment overflows: drop the digits of the smaller value below the larger's
  /// 36th digit.
  private func reducedAdd(_ other: ExactDecimal, _ direction: RoundingDirection) -> ExactDecimal {
    let (large, small) = magnitude >= other.magnitude ? (self, other) : (other, self)
    let floor = large.leadingExponent - 35
    let left = large.rounded(toPower: floor, direction)
    let right = small.rounded(toPower: floor, direction)
    guard let (a, b, exponent) = Self.aligned(left, right) else { return large }
    let (sum, overflow) = a.addingReportingOverflow(b)
    if overflow {
      return ExactDecimal(
        significand: Self.shiftRight(a, by: 1, direction) + Self.shiftRight(b, by: 1, direction),
        exponent: exponent + 1)
    }
    return ExactDecimal(significand: sum, exponent: exponent)
  }

  /// The negated value.
  public static prefix func - (value: ExactDecimal) -> ExactDecimal {
    ExactDecimal(significand: -value.significand, exponent: value.exponent)
  }

  /// The exact difference.
  public static func - (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal {
    lhs + -rhs
  }

  /// The exact product, or past 38 digits the product of the operands rounded to 19 digits each.
  public static func * (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal {
    lhs.multiplied(by: rhs, .nearest)
  }

  /// The exact product, or past 38 digits the product rounded in `direction`, for interval bounds.
  func multiplied(by other: ExactDecimal, _ direction: RoundingDirection) -> ExactDecimal {
    let (product, overflow) = significand.multipliedReportingOverflow(by: other.significand)
    if !overflow {
      return ExactDecimal(significand: product, exponent: exponent + other.exponent)
    }
    // Both operands are shortened to 19 digits, so their product fits; shortening both away from
    // zero or both toward zero moves the product's magnitude, and so its value, one way.
    let positive = isNegative == other.isNegative
    let left = shortened(to: 19, enlarging: Self.enlarges(direction, positive: positive))
    let right = other.shortened(to: 19, enlarging: Self.enlarges(direction, positive: positive))
    return ExactDecimal(
      significand: left.significand * right.significand, exponent: left.exponent + right.exponent)
  }

  /// Whether rounding a result of the given sign in `direction` moves its magnitude up; nil for
  /// `.nearest`.
  private static func enlarges(_ direction: RoundingDirection, positive: Bool) -> Bool? {
    switch direction {
    case .up: return positive
    case .down: return !positive
    case .towardZero: return false
    case .nearest: return nil
    }
  }

  /// Rounds to `digits` significant digits away from zero, toward zero, or (nil) to nearest.
  private func shortened(to digits: Int, enlarging: Bool?) -> ExactDecimal {
    switch enlarging {
    case nil: return rounded(significantDigits: digits, .nearest)
    case true?: return rounded(significantDigits: digits, isNegative ? .down : .up)
    case false?: return rounded(significantDigits: digits, .towardZero)
    }
  }

  /// Adds in place.
  public static func += (lhs: inout ExactDecimal, rhs: ExactDecimal) {
    lhs = lhs + rhs
  }

  /// The quotient rounded to `digits` significant digits in `direction`; nil for division by zero.
  public func divided(
    by divisor: ExactDecimal, significantDigits digits: Int = 30,
    _ direction: RoundingDirection = .nearest
  ) -> ExactDecimal? {
    guard !divisor.isZero else { return nil }
    if isZero { return .zero }
    // Operands past 34 digits are shortened so the scaled dividend fits; the dividend and the
    // divisor are shortened in opposite senses so the quotient errs only the way `direction` asks.
    let enlarging = Self.enlarges(direction, positive: isNegative == divisor.isNegative)
    let dividend = shortened(to: 34, enlarging: enlarging)
    let divisorDigits = divisor.shortened(to: 34, enlarging: enlarging.map { !$0 })
    // Scale the dividend so the integer quotient has at least `digits` digits, within Int128.
    let shift = max(
      0, min(digits + divisorDigits.digitCount - dividend.digitCount, 37 - dividend.digitCount))
    let numerator = dividend.significand * Self.tenToThe(shift)
    let (quotient, remainder) = numerator.quotientAndRemainder(
      dividingBy: divisorDigits.significand)
    let exponent = dividend.exponent - shift - divisorDigits.exponent
    guard Self.digitCount(of: quotient) > digits else {
      let rounded = Self.adjust(
        quotient, remainder: remainder, divisor: divisorDigits.significand, direction)
      return ExactDecimal(significand: rounded, exponent: exponent)
    }
    // The quotient has a digit to spare: keep one sticky digit for the remainder and round once.
    // Rounding to an integer and then to `digits` would turn 124.6 into 125 and then 130.
    let sticky: Int128 =
      remainder == 0 ? 0 : ((remainder > 0) == (divisorDigits.significand > 0) ? 1 : -1)
    return ExactDecimal(significand: quotient * 10 + sticky, exponent: exponent - 1)
      .rounded(significantDigits: digits, direction)
  }
}
