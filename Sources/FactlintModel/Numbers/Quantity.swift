/// What a number counts or measures.
public enum QuantityUnit: Sendable, Hashable {
  /// A bare number or a count of things, with its noun when one was written ("units", "phones").
  case count(String?)
  /// Money in an ISO 4217 currency: "CNY", "USD".
  case currency(String)
  /// Percent: 70% is 70.
  case percent
  /// Percentage points; basis points are stored as percentage points (25 bp is 0.25).
  case percentagePoints
  /// A multiple: "doubled" is 2, "2.5x" is 2.5.
  case multiple

  /// A short name for messages: "CNY", "%", "percentage points".
  public var name: String {
    switch self {
    case .count(let noun): return noun ?? "number"
    case .currency(let code): return code
    case .percent: return "percent"
    case .percentagePoints: return "percentage points"
    case .multiple: return "multiple"
    }
  }

  /// Whether two units measure the same kind of thing, so their figures can be compared.
  public func isComparable(with other: QuantityUnit) -> Bool {
    switch (self, other) {
    case (.count, .count): return true
    default: return self == other
    }
  }

  /// The unit a data file's `unit` column names for a plain number: "%" and "pp" (and their
  /// words), an ISO currency code written in capitals, or else a count of the noun.
  package static func named(_ text: String) -> QuantityUnit {
    switch text.lowercased() {
    case "%", "percent", "per cent": return .percent
    case "pp", "percentage points": return .percentagePoints
    default:
      let isCode = text.count == 3 && text.allSatisfy { $0.isUppercase && $0.isASCII }
      return isCode ? .currency(text) : .count(text)
    }
  }

  /// The unit's kind as factlint's JSON names it: count, currency, percent, percentage points,
  /// multiple.
  public var kindName: String {
    switch self {
    case .count: return "count"
    case .currency: return "currency"
    case .percent: return "percent"
    case .percentagePoints: return "percentage points"
    case .multiple: return "multiple"
    }
  }
}

/// A word that loosens what a number claims: "nearly 19 million", "more than 20 million".
public enum Hedge: String, Sendable, Hashable, CaseIterable {
  /// "about", "around", "roughly", "approximately", "some", "~": close to the value on either side.
  case about
  /// "nearly", "almost", "just under": a little below the value.
  case nearly
  /// "more than", "over", "above", ">": above the value.
  case moreThan = "more than"
  /// "at least", ">=": the value or above.
  case atLeast = "at least"
  /// "less than", "under", "below", "<": below the value.
  case lessThan = "less than"
  /// "up to", "at most", "<=": the value or below.
  case upTo = "up to"
}

/// How strictly a written figure is read.
public enum Reading: Sendable, Hashable, CaseIterable {
  /// The writer rounded to the last digit written: "13 million" is 12.5 to 13.5 million.
  case rounded
  /// Any reasonable reading: rounded or truncated, with trailing zeros of whole numbers possibly
  /// rounded too. A claim that fails under this reading is wrong however it was written.
  case lenient
}

/// A number as written, with its unit, its scale word and the precision its digits imply.
public struct Quantity: Sendable, Hashable {
  /// The exact value in base units: 13 million is 13000000, 70% is 70.
  public var value: ExactDecimal
  // The fields are stored in an order that leaves little padding between them: a million
  // figures are held at once.
  /// The power of ten of the scale word: 6 for million.
  public var scalePower: Int
  /// The place value of the last digit written, in base units: 10^5 for "23.1 million".
  public var precision: ExactDecimal
  /// What it counts or measures.
  public var unit: QuantityUnit
  /// Whether the figure is a whole number written out in full (`1,203,519`), which is exact.
  public var isWrittenInFull: Bool
  /// The hedge word in front of the number, if any.
  public var hedge: Hedge?
  /// The scale word as written ("million", "bn", "m"), or nil.
  public var scaleWord: String?
  /// The text as written.
  public var text: String
  /// How far "about" and "nearly" reach beyond the written digits, from the configuration.
  public var tolerance: HedgeTolerance? {
    get { toleranceBox?.value }
    set { toleranceBox = newValue.map(Box.init) }
  }
  private var toleranceBox: Box<HedgeTolerance>?

  /// A range's high end ("$10 to $15 billion" is 10 billion to 15 billion), or nil for one value;
  /// `value` is then the low end.
  public var rangeHigh: ExactDecimal? { detail?.value.rangeHigh }
  /// The place value of the high end's last digit.
  public var rangeHighPrecision: ExactDecimal? { detail?.value.rangeHighPrecision }
  /// The power of ten between the number as shown and its value beyond the scale word: -2 for
  /// cents, pence and basis points ("164p" is 1.64 pounds), 0 for most figures.
  public var unitPower: Int { detail?.value.unitPower ?? 0 }
  /// The unit as written when the value is stored in another ("basis points", "cents").
  public var writtenUnit: String? { detail?.value.writtenUnit }
  /// The power of ten from the number as written to the value: the scale word and the unit.
  public var shownPower: Int { scalePower + unitPower }
  private var detail: Box<Detail>?

  /// What few figures have: a range's other end, or a unit written in minor units.
  struct Detail: Hashable, Sendable {
    var rangeHigh: ExactDecimal?
    var rangeHighPrecision: ExactDecimal?
    var unitPower = 0
    var writtenUnit: String?
  }

  /// Reads a number written without a scale word in `other`'s scale, as a writer means it when
  /// the scale word is left out ("$10 to $15 billion", "3.92 billion from 1.79").
  public mutating func takeScale(of other: Quantity) {
    guard let scale = other.scaleWord else { return }
    let shift = ExactDecimal.powerOfTen(other.scalePower)
    value = value * shift
    precision = precision * shift
    scaleWord = scale
    scalePower = other.scalePower
    isWrittenInFull = false
  }

  /// Makes the figure a range from its value to `high`, whose last digit is worth `precision`.
  public mutating func setRange(high: ExactDecimal, precision: ExactDecimal) {
    var detail = self.detail?.value ?? Detail()
    detail.rangeHigh = high
    detail.rangeHighPrecision = precision
    self.detail = Box(detail)
  }

  /// Records the unit as written and the power of ten it shifts the shown number by.
  mutating func setWrittenUnit(_ written: String, power: Int) {
    var detail = self.detail?.value ?? Detail()
    detail.writtenUnit = written
    detail.unitPower = power
    self.detail = Box(detail)
  }

  /// Creates a quantity; `precision` defaults to the place value of `value`'s last digit.
  public init(
    value: ExactDecimal, unit: QuantityUnit, scaleWord: String? = nil, scalePower: Int = 0,
    precision: ExactDecimal? = nil, isWrittenInFull: Bool = false, hedge: Hedge? = nil,
    text: String
  ) {
    self.value = value
    self.unit = unit
    self.scaleWord = scaleWord
    self.scalePower = scalePower
    self.precision = precision ?? .powerOfTen(value.exponent)
    self.isWrittenInFull = isWrittenInFull
    self.hedge = hedge
    self.text = text
  }

  /// The values this figure may stand for under `reading`; a range stands for every value from
  /// its low end to its high end, each read with its own precision.
  public func range(_ reading: Reading) -> ValueRange {
    guard let high = rangeHigh, let highPrecision = rangeHighPrecision else {
      return singleRange(reading)
    }
    var low = self
    low.detail = nil
    var top = low
    top.value = high
    top.precision = highPrecision
    return low.singleRange(reading).hull(top.singleRange(reading))
  }

  private func singleRange(_ reading: Reading) -> ValueRange {
    // The trailing zeros of a whole number written in full may be rounding, as with significant
    // figures: "1,200,000 units" may be 1,203,519 and "about 1,200" is rounded to hundreds.
    let zerosPlace =
      isWrittenInFull && value.exponent > precision.exponent
      ? ExactDecimal.powerOfTen(value.exponent) : precision
    guard let hedge else {
      // Counts written in full are exact, but for the zeros that may be rounding.
      if isWrittenInFull, case .count = self.unit, zerosPlace == precision {
        return ValueRange(exactly: value)
      }
      let unit = zerosPlace
      let half = unit * .half
      if reading == .rounded { return ValueRange(low: value - half, high: value + half) }
      // Rounded or truncated toward zero: 13 million may be 12.5 to 14 million.
      return around(value, below: half, above: unit)
    }
    let unit = zerosPlace
    // A hedge widens by the last digit, but by no more than a fifth of the value: "about $1bn"
    // is $0.8bn to $1.2bn, not $0 to $2bn.
    let fifth = value.magnitude * .fifth
    var step = value.isZero ? unit : min(unit, fifth)
    // A configured tolerance widens the hedge, never narrows it.
    let reach = hedge == .about ? tolerance?.about : hedge == .nearly ? tolerance?.nearly : nil
    if let reach { step = max(step, value.magnitude * reach) }
    let halfStep = step * .half
    switch (hedge, reading) {
    case (.about, .rounded):
      return ValueRange(low: value - step, high: value + step)
    case (.about, .lenient):
      return ValueRange(low: value - step * 2, high: value + step * 2)
    case (.nearly, .rounded):
      return ValueRange(low: value.magnitude - step, high: value.magnitude).signed(as: value)
    case (.nearly, .lenient):
      return ValueRange(low: value.magnitude - step * 2, high: value.magnitude + halfStep)
        .signed(as: value)
    case (.moreThan, .rounded), (.atLeast, .rounded):
      return ValueRange(low: value, high: nil)
    case (.moreThan, .lenient), (.atLeast, .lenient):
      return ValueRange(low: value - halfStep, high: nil)
    case (.lessThan, .rounded), (.upTo, .rounded):
      return ValueRange(low: nil, high: value)
    case (.lessThan, .lenient), (.upTo, .lenient):
      return ValueRange(low: nil, high: value + halfStep)
    }
  }

  /// `value` widened by `below` toward zero and `above` away from zero, for truncation.
  private func around(_ value: ExactDecimal, below: ExactDecimal, above: ExactDecimal)
    -> ValueRange
  {
    if value.isZero { return ValueRange(low: -above, high: above) }
    if value.isNegative { return ValueRange(low: value - above, high: value + below) }
    return ValueRange(low: value - below, high: value + above)
  }

}

extension ValueRange {
  /// Mirrors a range computed on a magnitude back to the sign of `value`.
  fileprivate func signed(as value: ExactDecimal) -> ValueRange {
    value.isNegative ? -self : self
  }
}

extension Quantity: CustomStringConvertible {
  /// The text as written.
  public var description: String { text }
}

extension Quantity {
  /// The digits of the figure as written, without leading zeros: "$0.60" is "60".
  package var writtenDigits: String {
    let digits = text.filter(\.isASCIIDigit)
    let trimmed = digits.drop { $0 == "0" }
    return trimmed.isEmpty ? "0" : String(trimmed)
  }
}

extension Character {
  /// Whether the character is one of the ASCII digits 0 to 9.
  package var isASCIIDigit: Bool { isASCII && isNumber }
}
