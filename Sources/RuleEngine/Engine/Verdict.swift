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
  public static func change(_ value: ExactDecimal, unit: Unit, decimals: Int) -> String {
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
  public static func changeRange(_ range: ValueRange, unit: Unit, decimals: Int) -> String {
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
