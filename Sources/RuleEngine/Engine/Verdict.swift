import FactlintModel

/// Turns a claim's consistency under each reading into a severity.
public enum Verdict {
  /// Nil when the claim holds under strict rounding; a warning when it holds only under some
  /// other reasonable reading (truncation, rounded trailing zeros); an error when it holds under
  /// none.
  public static func judge(_ holds: (Reading) -> Bool) -> Severity? {
    if holds(.rounded) { return nil }
    return holds(.lenient) ? .warning : .error
  }

  /// A hint when `stated` is about 1,000 or 1,000,000 times `computed` either way: the usual
  /// sign of a wrong scale word ("million" for "billion").
  public static func scaleSlip(stated: ExactDecimal, computed: ExactDecimal) -> String? {
    guard !stated.isZero, !computed.isZero,
      let ratio = stated.magnitude.divided(by: computed.magnitude, significantDigits: 6)
    else { return nil }
    for power in [3, 6, 9, -3, -6, -9] {
      let factor = ExactDecimal.powerOfTen(power)
      let low = factor * ExactDecimal(significand: 8, exponent: -1)
      let high = factor * ExactDecimal(significand: 125, exponent: -2)
      if low <= ratio && ratio <= high {
        return "the figures differ by about \(Wording.factor(power)): is a scale word wrong?"
      }
    }
    return nil
  }
}

extension Finding {
  /// A note that a rule could not run on `figure` because the figure it needs, `other`, is in
  /// another unit: listed with `--show-unverified`, never a violation.
  public static func otherUnit(
    _ what: String, of figure: Figure, needs role: String, _ other: Figure,
    at location: SourceLocation
  ) -> Finding {
    Finding(
      severity: .note,
      message:
        "could not check \(what) (\(figure.key)): its \(role) \(other.quantity.text) "
        + "(\(other.key)) is in another unit than \(figure.quantity.text)",
      location: location, notes: [Note(role, other)], key: figure.key,
      identity: [figure.key.description, what, other.quantity.text])
  }
}

/// The slips of the keyboard and the pen that turn a figure into a wrong one.
public enum Slip {
  /// The likely cause when `written` was meant to be `expected`, as a question: "digits
  /// swapped?", "is a scale word wrong?", "is the sign wrong?"; nil when none fits.
  public static func cause(written: Quantity, expected: Quantity) -> String? {
    let (stated, meant) = (written.value, expected.value)
    guard !stated.isZero, !meant.isZero else { return nil }
    if stated.isNegative != meant.isNegative,
      written.range(.lenient).overlaps(Self.negated(expected).range(.lenient))
    {
      return "is the sign wrong?"
    }
    if let slip = Verdict.scaleSlip(stated: stated, computed: meant) { return slip }
    // The same digits in another order, at the same scale: "2.37" for "2.73".
    let digits = Array(written.writtenDigits)
    let meantDigits = Array(Self.rounded(expected, like: written).writtenDigits)
    if digits.count == meantDigits.count, digits != meantDigits,
      digits.sorted() == meantDigits.sorted()
    {
      return "digits swapped?"
    }
    if digits.count != meantDigits.count,
      Suggestion.editDistance(String(digits), String(meantDigits)) == 1
    {
      return digits.count < meantDigits.count ? "a digit left out?" : "a digit too many?"
    }
    return nil
  }

  /// `expected` as the writer of `written` would write it: in its notation and scale word, to
  /// its precision ("$2.73 billion" for "$2.37 billion"); nil when its digits cannot hold it
  /// (another sign, or a value that rounds to zero at that precision).
  public static func rewritten(_ written: Quantity, as expected: ExactDecimal) -> String? {
    let text = written.text
    guard let start = text.firstIndex(where: \.isASCIIDigit) else { return nil }
    let end =
      text[start...].firstIndex { !($0.isASCIIDigit || $0 == "," || $0 == ".") } ?? text.endIndex
    var number = text[start..<end]
    while let last = number.last, !last.isASCIIDigit { number = number.dropLast() }
    let groups = number.split(separator: ".", omittingEmptySubsequences: false)
    guard groups.count <= 2, !expected.isNegative || text.contains("-") else { return nil }
    // "2,37" or "1,23,456" are not thousands separators this can rewrite.
    let whole = groups[0].split(separator: ",", omittingEmptySubsequences: false)
    guard whole.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
    let decimals = groups.count == 2 ? groups[1].count : 0
    let scale = written.scaleWord == nil ? 0 : written.scalePower
    guard let scaled = expected.magnitude.divided(by: .powerOfTen(scale), significantDigits: 34)
    else { return nil }
    let rounded = scaled.rounded(toPower: -decimals)
    guard !rounded.isZero else { return nil }
    var digits = Wording.fixed(rounded, decimals: decimals)
    if whole.count > 1 { digits = Wording.grouped(digits) }
    return String(text[..<start]) + digits + String(text[number.endIndex...])
  }

  /// `quantity` with the opposite sign.
  static func negated(_ quantity: Quantity) -> Quantity {
    var copy = quantity
    copy.value = -quantity.value
    return copy
  }

  /// `expected` rounded to the precision `written` shows, for comparing digits.
  static func rounded(_ expected: Quantity, like written: Quantity) -> Quantity {
    var copy = expected
    copy.text = rewritten(written, as: expected.value.magnitude) ?? expected.text
    return copy
  }
}

/// How numbers are written in messages: like the figures they come from.
public enum Wording {
  /// `1,000x` for 3, `1,000,000x` for 6, and `1/1,000x` for -3.
  public static func factor(_ power: Int) -> String {
    var digits = "1" + String(repeating: "0", count: abs(power))
    var grouped = ""
    while digits.count > 3 {
      grouped = "," + digits.suffix(3) + grouped
      digits.removeLast(3)
    }
    return (power < 0 ? "1/" : "") + digits + grouped + "x"
  }

  /// `value` written with the unit and scale word of `reference`, to the reference's precision
  /// plus `extraDigits` decimals: 13623529 like "13 million units" is "13.62 million units".
  public static func amount(_ value: ExactDecimal, like reference: Quantity, extraDigits: Int = 2)
    -> String
  {
    let scale = reference.scaleWord == nil ? 0 : reference.scalePower
    let scaled = value.divided(by: .powerOfTen(scale), significantDigits: 34) ?? value
    let precisionPower = reference.precision.leadingExponent - scale
    // A whole number written in full gets no decimals: "about 1,103,448", not "1,103,448.28".
    let decimals = reference.isWrittenInFull ? 0 : max(0, -precisionPower) + extraDigits
    let number = grouped(fixed(scaled.rounded(toPower: -decimals), decimals: decimals))
    let word = reference.scaleWord.map { $0.count <= 2 ? $0 : " " + $0 } ?? ""
    switch reference.unit {
    case .currency(let code): return "\(code) \(number)\(word)"
    case .count(let noun?): return "\(number)\(word) \(noun)"
    case .count(nil): return number + word
    case .percent: return number + "%"
    case .percentagePoints: return number + " pp"
    case .multiple: return number + "x"
    }
  }

  /// A change with its sign and unit: `+71.5%`, `-3.0 pp`, `2.67x`.
  public static func change(_ value: ExactDecimal, unit: QuantityUnit, decimals: Int) -> String {
    let rounded = value.rounded(toPower: -decimals)
    let number = fixed(rounded, decimals: decimals)
    switch unit {
    case .percent: return (rounded.isNegative ? "" : "+") + number + "%"
    case .percentagePoints: return (rounded.isNegative ? "" : "+") + number + " pp"
    case .multiple: return number + "x"
    case .currency(let code): return (rounded.isNegative ? "" : "+") + "\(code) \(grouped(number))"
    case .count: return (rounded.isNegative ? "" : "+") + grouped(number)
    }
  }

  /// A range of changes: `+71.5% to +85.3%`, or one value when both ends print alike.
  public static func changeRange(_ range: ValueRange, unit: QuantityUnit, decimals: Int) -> String {
    let low = range.low.map { change($0, unit: unit, decimals: decimals) }
    let high = range.high.map { change($0, unit: unit, decimals: decimals) }
    switch (low, high) {
    case (let low?, let high?): return low == high ? low : "\(low) to \(high)"
    case (let low?, nil): return "at least \(low)"
    case (nil, let high?): return "at most \(high)"
    case (nil, nil): return "any value"
    }
  }

  /// A range of amounts written like `reference`.
  public static func amountRange(_ range: ValueRange, like reference: Quantity) -> String {
    let low = range.low.map { amount($0, like: reference, extraDigits: 1) }
    let high = range.high.map { amount($0, like: reference, extraDigits: 1) }
    switch (low, high) {
    case (let low?, let high?): return low == high ? low : "\(low) to \(high)"
    case (let low?, nil): return "at least \(low)"
    case (nil, let high?): return "at most \(high)"
    case (nil, nil): return "any value"
    }
  }

  /// The number of decimals to show a computed change with: one more than the stated value has,
  /// and at least one.
  public static func decimals(for stated: Quantity) -> Int {
    max(1, -stated.precision.leadingExponent + 1)
  }

  /// `value` with exactly `decimals` digits after the point.
  static func fixed(_ value: ExactDecimal, decimals: Int) -> String {
    var text = value.description
    guard decimals > 0 else { return text }
    if let point = text.firstIndex(of: ".") {
      let have = text.distance(from: point, to: text.endIndex) - 1
      text += String(repeating: "0", count: max(0, decimals - have))
    } else {
      text += "." + String(repeating: "0", count: decimals)
    }
    return text
  }

  /// Digits grouped by thousands: `1234567.5` is `1,234,567.5`.
  static func grouped(_ text: String) -> String {
    var sign = ""
    var body = Substring(text)
    if body.hasPrefix("-") {
      sign = "-"
      body = body.dropFirst()
    }
    let point = body.firstIndex(of: ".") ?? body.endIndex
    var whole = String(body[..<point])
    guard whole.count > 3 else { return text }
    var groups: [String] = []
    while whole.count > 3 {
      groups.insert(String(whole.suffix(3)), at: 0)
      whole.removeLast(3)
    }
    groups.insert(whole, at: 0)
    return sign + groups.joined(separator: ",") + body[point...]
  }
}
