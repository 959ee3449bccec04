import FactlintModel
import RuleEngine

/// Checks that parts, with their signs, add up to their total.
public struct TotalCheck: Check {
  /// The total check's documentation and examples.
  public static let description = CheckDescription(
    id: "total",
    summary: "parts with signs add up to their total; an \"of which\" list does not exceed it",
    details: """
      For every selected figure that `total` matches, looks up each part: the total's key with \
      the part's entity, metric, period or segment put in. The parts' intervals, subtracted \
      where a part says `sign: -`, must add up to an interval that meets the total's. With \
      `partial: true` the parts are an "of which" list: their sum must not exceed the total. A \
      total whose parts are not all in the data (or are in another currency) is not checked. \
      In articles, a composition is stated in prose ("of which", "made up of") or by a table's \
      "Total" row or column; a total that its parts would match with two digits swapped says \
      so.
      """,
    parameters: [
      ParameterSpec(
        "total", .selector,
        summary: "the figures that are totals, e.g. { metric: revenue }; with `parts`"),
      ParameterSpec(
        "parts", .selectors,
        summary: "the parts, each a selector or metric name; `sign: -` (or `-name`) subtracts"),
      ParameterSpec(
        "partial", .boolean,
        summary: "the parts are an \"of which\" list: their sum must not exceed the total"),
    ],
    examples: TotalExamples.all)

  let total: Selector?
  let parts: [Selector]?
  let isPartial: Bool

  /// Reads `total`, `parts` and `partial`; without `total` and `parts` the rule checks only the
  /// compositions stated in articles.
  public init(parameters: Parameters) throws(ParameterError) {
    self.isPartial = parameters.boolean("partial") ?? false
    let total = parameters.selector("total")
    let parts = parameters.selectors("parts")
    guard let total, let parts else {
      if total != nil || parts != nil {
        let missing = total == nil ? "total" : "parts"
        throw ParameterError(
          "'\(missing)' is missing; give both 'total' and 'parts', or neither to check only "
            + "the totals stated in articles",
          at: parameters.ruleLocation)
      }
      self.total = nil
      self.parts = nil
      return
    }
    // A part that names nothing the total does not would be the total itself.
    let selectsTotal = { (part: Selector) in
      (part.entity ?? total.entity) == total.entity && (part.metric ?? total.metric) == total.metric
        && (part.period ?? total.period) == total.period
        && (part.segment ?? total.segment) == total.segment
    }
    if let same = parts.first(where: selectsTotal) {
      throw ParameterError(
        "a part selects the total itself (\(same)); name the parts' metric or segment",
        at: same.location ?? parameters.location("parts"))
    }
    self.total = total
    self.parts = parts
  }

  /// Totals against their parts; a rule that only checks articles' compositions has none.
  public var inPlacePlan: InPlacePlan? {
    guard let total, let parts else { return nil }
    return .total(total: total, parts: parts, isPartial: isPartial)
  }

  /// Stated compositions.
  public static var claimKinds: Set<Claim.Kind> { [.composition] }

  /// Evaluates every selected total against its parts, and every stated composition.
  public func evaluate(_ selection: Selection, in dataset: Dataset) -> [Finding] {
    var claims: [TotalClaim] = []
    var unchecked: [Finding] = []
    if let total, let parts {
      let totalSelector = dataset.canonical(total)
      let parts = parts.map(dataset.canonical)
      for figure in selection.figures where totalSelector.matches(figure.key) {
        if let found = Self.parts(parts, of: figure, isPartial: isPartial, in: dataset) {
          claims.append(TotalClaim(total: figure, parts: found, isPartial: isPartial))
        } else if let other = parts.lazy.compactMap({ part -> Figure? in
          let key = part.applied(to: figure.key)
          return key == figure.key
            ? nil : dataset.figureInOtherUnit(for: key, than: figure.quantity.unit)
        }).first {
          unchecked.append(
            .otherUnit(
              "the total \(figure.quantity.text)", of: figure, needs: "part", other,
              at: figure.location))
        }
      }
    }
    for case .composition(let total, let parts, let negated, let isPartial) in selection.claims {
      let found = zip(parts, negated).map { (Selector(isNegated: $1), $0) }
      claims.append(TotalClaim(total: total, parts: found, isPartial: isPartial))
    }
    return claims.compactMap { $0.verdict() } + unchecked
  }

  /// The parts of `total` in the data, or nil when one is missing (but for an "of which" list)
  /// or a part is the total itself. The selectors name entities and metrics canonically.
  static func parts(
    _ selectors: [Selector], of total: Figure, isPartial: Bool, in dataset: Dataset
  ) -> [(Selector, Figure)]? {
    var found: [(Selector, Figure)] = []
    for part in selectors {
      let key = part.applied(to: total.key)
      // A segment total matched by a broad `total` selector is not a total of itself.
      guard key != total.key else { return nil }
      guard let match = dataset.figure(for: key, comparableWith: total.quantity.unit) else {
        if isPartial { continue }
        return nil
      }
      found.append((part, match))
    }
    return found.isEmpty ? nil : found
  }
}

/// A total and the parts found for it.
struct TotalClaim {
  let total: Figure
  let parts: [(selector: Selector, figure: Figure)]
  let isPartial: Bool

  /// The sum of the parts under `reading`, with one part optionally scaled by `10^power`.
  func sum(_ reading: Reading, scaling index: Int? = nil, by power: Int = 0) -> ValueRange {
    var sum = ValueRange(exactly: .zero)
    for (position, part) in parts.enumerated() {
      var range = part.figure.quantity.range(reading)
      if position == index { range = range * .powerOfTen(power) }
      sum = part.selector.isNegated ? sum - range : sum + range
    }
    return sum
  }

  func holds(_ sum: ValueRange, _ reading: Reading) -> Bool {
    let total = total.quantity.range(reading)
    guard isPartial else { return sum.overlaps(total) }
    return ValueRange(low: sum.low, high: nil).overlaps(total)
  }

  func verdict() -> Finding? {
    guard let severity = Verdict.judge({ holds(sum($0), $0) }) else { return nil }
    let terms = parts.enumerated().map { position, part in
      let sign = part.selector.isNegated ? "- " : (position == 0 ? "" : "+ ")
      return sign + part.figure.quantity.text
    }.joined(separator: " ")
    let range = Wording.amountRange(sum(.rounded), like: total.quantity)
    var message =
      isPartial
      ? "the parts of \(total.quantity.text) (\(total.key)) add up to more than the total: "
        + "\(terms) is \(range)"
      : "the parts do not add up to the total \(total.quantity.text) (\(total.key)): "
        + "\(terms) is \(range)"
    if let slip = scaleSlip() {
      message += "; \(slip)"
    } else if !isPartial, let slip = totalSlip() ?? partSlip() {
      message += "; \(slip)"
    }
    let notes = parts.map { part in
      Note(part.selector.isNegated ? "subtracted part" : "part", part.figure)
    }
    var found = Finding(
      severity: severity, message: message, location: total.location, notes: notes,
      key: total.key,
      identity: [total.key.description, total.quantity.text] + parts.map(\.figure.quantity.text)
    ).graded(by: [total] + parts.map(\.figure))
    found.replacement = agreeing()
    return found
  }

  /// The figure to rewrite so that the parts add up: the part a slip names, else the total
  /// written as the parts' sum at its precision. None for an "of which" list or a scale slip,
  /// whose fix is a word, not digits.
  func agreeing() -> Replacement? {
    guard !isPartial, scaleSlip() == nil else { return nil }
    if totalSlip() == nil, let slipped = slippedPart() {
      return Replacement(
        location: slipped.part.location, written: slipped.part.quantity.text,
        text: slipped.agreeing)
    }
    let range = sum(.rounded)
    guard let low = range.low, let high = range.high,
      let text = Slip.rewritten(total.quantity, as: (low + high) * .half),
      text != total.quantity.text
    else { return nil }
    return Replacement(location: total.location, written: total.quantity.text, text: text)
  }

  /// Names a likely slip in the total itself ("digits swapped? 2,401 would agree") when the
  /// parts add up to one value at the total's precision.
  func totalSlip() -> String? {
    let range = sum(.rounded)
    guard let low = range.low, let high = range.high else { return nil }
    var expected = total.quantity
    expected.value = (low + high) * .half
    guard let cause = Slip.cause(written: total.quantity, expected: expected),
      Verdict.scaleSlip(stated: total.quantity.value, computed: expected.value) == nil,
      let agreeing = Slip.rewritten(total.quantity, as: expected.value)
    else { return nil }
    return "\(cause) \(agreeing) would agree"
  }

  /// Names a part with a likely slip ("13,271: digits swapped? 13,217 would agree"): the value
  /// it would need for the parts to add up to the total, written at its precision, is a slip
  /// of it.
  func partSlip() -> String? {
    slippedPart().map { part, cause, agreeing in
      "\(part.quantity.text): \(cause) \(agreeing) would agree"
    }
  }

  /// The part with a likely slip, the slip, and the part written so that the parts add up.
  func slippedPart() -> (part: Figure, cause: String, agreeing: String)? {
    guard let totalLow = total.quantity.range(.rounded).low,
      let totalHigh = total.quantity.range(.rounded).high
    else { return nil }
    let middle = (totalLow + totalHigh) * .half
    for (index, part) in parts.enumerated() {
      var others = ExactDecimal.zero
      for (position, other) in parts.enumerated() where position != index {
        let value = other.figure.quantity.value
        others = other.selector.isNegated ? others - value : others + value
      }
      var needed = part.figure.quantity
      needed.value = part.selector.isNegated ? others - middle : middle - others
      guard let cause = Slip.cause(written: part.figure.quantity, expected: needed),
        Verdict.scaleSlip(stated: part.figure.quantity.value, computed: needed.value) == nil,
        let agreeing = Slip.rewritten(part.figure.quantity, as: needed.value)
      else { continue }
      return (part.figure, cause, agreeing)
    }
    return nil
  }

  /// Names the part whose scale word is probably wrong: the one that, 1,000 or 1,000,000 times
  /// larger or smaller, makes the parts add up.
  func scaleSlip() -> String? {
    // An "of which" list that exceeds its total by a little has no slipped scale word: any part
    // made small enough would fit.
    if isPartial, let low = sum(.lenient).low, let high = total.quantity.range(.lenient).high,
      low < high * 10
    {
      return nil
    }
    for (index, part) in parts.enumerated() {
      for power in [-3, 3, -6, 6, -9, 9]
      where holds(sum(.lenient, scaling: index, by: power), .lenient) {
        let size = power < 0 ? "smaller" : "larger"
        return
          "\(part.figure.quantity.text) would fit if it were \(Wording.factor(abs(power))) \(size): "
          + "is its scale word wrong?"
      }
    }
    return nil
  }
}
