import FactlintModel

/// Whether a claim read from prose pairs figures a reader could mean together. A percent is not
/// the base of an amount of yen, earnings per share are not compared with net income in millions,
/// and a count is not a part of money: such a pairing is a misreading, not a claim to check. A
/// part or a change that is off by a power of a thousand stays a claim, as that is the slip of a
/// scale word ("$2.37 billion" for "$2.37 million").
enum ClaimSense {
  /// How far apart two figures of a change, or a part and its whole, may be and still be read
  /// as one claim: a factor of a hundred.
  static let magnitudeLimit = ExactDecimal(100)

  static func isPlausible(_ claim: Claim) -> Bool {
    switch claim {
    case .change(let current, let base, let change):
      // The amount of a change is of the figure's order: "$1.05 a share, up $200 million" is no
      // change of the per-share figure.
      if let amount = change.amount {
        let size = amount.quantity.value.magnitude
        let level = current.quantity.value.magnitude
        guard amount.quantity.unit.isComparable(with: current.quantity.unit),
          size <= level * magnitudeLimit, size * magnitudeLimit * magnitudeLimit >= level
        else { return false }
      }
      guard let base else { return true }
      guard current.location != base.location,
        current.quantity.unit.isComparable(with: base.quantity.unit)
      else { return false }
      // A stated rise of more than the limit ("up 15,000%") makes a large ratio plausible.
      let rate = change.stated.value.magnitude
      if change.stated.unit == .percent, rate >= magnitudeLimit * 100 { return true }
      if change.stated.unit == .multiple, rate >= magnitudeLimit { return true }
      return areAlike(current.quantity, base.quantity)
    case .conversion:
      return true
    case .composition(let total, let parts, _, _):
      let locations = parts.map(\.location)
      guard Set(locations).count == locations.count else { return false }
      return parts.allSatisfy { part in
        part.quantity.unit.isComparable(with: total.quantity.unit)
          && !isFarAbove(part.quantity, total.quantity)
      }
    case .share(let part, let whole, _):
      return part.quantity.unit.isComparable(with: whole.quantity.unit)
        && !isFarAbove(part.quantity, whole.quantity)
    case .restatement(let first, let second):
      return first.quantity.unit.isComparable(with: second.quantity.unit)
    }
  }

  /// Whether two values are within the limit of each other, or a power of a thousand apart.
  static func areAlike(_ lhs: Quantity, _ rhs: Quantity) -> Bool {
    let small = min(lhs.value.magnitude, rhs.value.magnitude)
    let large = max(lhs.value.magnitude, rhs.value.magnitude)
    guard !small.isZero else { return true }
    return large <= small * magnitudeLimit || isScaleSlip(small, large)
  }

  /// Whether `part` is larger than `whole` by more than the limit and not by a scale word.
  static func isFarAbove(_ part: Quantity, _ whole: Quantity) -> Bool {
    let partValue = part.value.magnitude
    let wholeValue = whole.value.magnitude
    guard !wholeValue.isZero, partValue > wholeValue * magnitudeLimit else { return false }
    return !isScaleSlip(wholeValue, partValue)
  }

  /// Whether `large` is `small` times a thousand, a million or a billion, within a factor of
  /// two: the same figure with a slipped scale word.
  static func isScaleSlip(_ small: ExactDecimal, _ large: ExactDecimal) -> Bool {
    for power in [3, 6, 9] {
      let scaled = small * ExactDecimal.powerOfTen(power)
      if large <= scaled * 2, large * 2 >= scaled { return true }
    }
    return false
  }
}
