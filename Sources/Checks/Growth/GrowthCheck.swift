import FactlintModel
import RuleEngine

/// Checks that a stated change follows from the two figures it compares.
public struct GrowthCheck: Check {
  /// The growth check's documentation and examples.
  public static let description = CheckDescription(
    id: "growth",
    summary: "a stated change (percent, percentage points or a multiple) follows from its figures",
    details: """
      For every selected figure with a stated change, finds the figure it is measured against \
      (same entity, metric and segment; the base period the change names) and computes the \
      change the two figures allow under their written precision: a percent change is \
      (new - old) / |old|, a change in percentage points new - old, a multiple new / old. A \
      change an article gives as an amount and a rate with no base ("increased $41.0 million, \
      or 6.2%, to $701.7 million") is amount / (new - amount). A rise stated for two negative \
      figures that fits the change in their size is a warning that names that reading. A \
      verdict resting on a figure bound by metric and period from another sentence, or by an \
      inferred period, is a warning at most. The \
      claim is an error when no reading of the written precision allows it, a warning when \
      only truncation or rounded trailing zeros allow it. A percent stated where percentage \
      points fit (or the reverse) is named as such. A direction stated alone ("rose to A from \
      B", "down from B", or `more than 0%` and `less than 0%` in data) must agree with the \
      sign of new - old under some reading of the figures' precision.
      """,
    examples: GrowthExamples.all)

  /// The growth check takes no parameters beyond `where`.
  public init(parameters: Parameters) throws(ParameterError) {}

  /// Stated changes.
  public static var claimKinds: Set<Claim.Kind> { [.change] }

  /// A note for every stated change with no figure to compare against, in the article or the
  /// data.
  public static func unverified(_ claims: [Claim], in dataset: Dataset) -> [Finding] {
    claims.compactMap { claim in
      guard case .change(let current, nil, let change) = claim, change.amount == nil,
        dataset.base(of: current, for: change) == nil
      else { return nil }
      // An article with no date keeps its relative periods relative.
      let base = current.key.period.isKnown ? change.base.resolve(from: current.key.period) : nil
      let period = base.map { " for \($0)" } ?? ""
      return Finding(
        severity: .note,
        message: "could not check \(change.stated.text) (\(change.baseText)): no figure"
          + "\(period) to compare \(current.quantity.text) with, in the article or the data",
        location: change.location, identity: [current.quantity.text, change.stated.text])
    }
  }

  /// Evaluates every stated change of the selected figures and claims.
  public func evaluate(_ selection: Selection, in dataset: Dataset) -> [Finding] {
    var claims: [GrowthClaim] = []
    var unchecked: [Finding] = []
    for figure in selection.figures {
      for change in figure.changes {
        if let base = dataset.base(of: figure, for: change) {
          claims.append(GrowthClaim(current: figure, base: base, change: change))
        } else if let period = change.base.resolve(from: figure.key.period),
          case var key = figure.key, key.period != period
        {
          key.period = period
          if let other = dataset.figureInOtherUnit(for: key, than: figure.quantity.unit) {
            unchecked.append(
              .otherUnit(
                change.stated.text, of: figure, needs: "base", other, at: change.location))
          }
        }
      }
    }
    var amountClaims: [AmountChangeClaim] = []
    for case .change(let current, let stated, let change) in selection.claims {
      if let stated {
        claims.append(GrowthClaim(current: current, base: stated, change: change))
        // "up $58.4 million, or 8.1%, to $780.4 million from $722.0 million": the amount too.
        if let amount = change.amount {
          var byAmount = change
          byAmount.stated = amount.quantity
          byAmount.location = amount.location
          byAmount.amount = nil
          claims.append(GrowthClaim(current: current, base: stated, change: byAmount))
        }
      } else if let amount = change.amount {
        // The sentence gives the base as current - amount.
        amountClaims.append(AmountChangeClaim(current: current, amount: amount, change: change))
      } else if let base = dataset.base(of: current, for: change) {
        // A base the sentence does not give, found in the article by a metric and a period
        // read from words, is an inference: at most a warning.
        var found = base
        if found.isFromArticle { found.binding = .metric }
        claims.append(GrowthClaim(current: current, base: found, change: change))
      }
    }
    return claims.compactMap { $0.verdict() } + amountClaims.compactMap { $0.verdict() }
      + unchecked
  }
}

/// A rate stated with the change's amount and the current figure but no base: "increased by
/// 4.5% or 6.4 billion yen to 151.3 billion yen". The base is current - amount, so the rate is
/// amount / (current - amount).
struct AmountChangeClaim {
  let current: Figure
  let amount: Figure
  let change: StatedChange

  var stated: Quantity { change.stated }

  /// The rate the figures allow under `reading`, in percent; nil when the base may be zero.
  /// amount / (current - amount) is 1 / (current / amount - 1), which uses each figure once,
  /// so its interval is exact rather than that of two independent ranges.
  func computed(_ reading: Reading) -> ValueRange? {
    let one = ValueRange(exactly: .one)
    // A base that may be zero or negative (a loss) has no percent change to check here.
    let base = current.quantity.range(reading) - amount.quantity.range(reading)
    guard let low = base.low, !low.isNegative, !low.isZero,
      let ratio = current.quantity.range(reading) / amount.quantity.range(reading),
      let rate = one / (ratio - one)
    else { return nil }
    return rate * .hundred
  }

  func verdict() -> Finding? {
    guard stated.unit == .percent, !change.isDirection else { return nil }
    let severity = Verdict.judge { reading in
      computed(reading)?.overlaps(stated.range(reading)) ?? true
    }
    guard let severity else { return nil }
    let decimals = Wording.decimals(for: stated)
    let range = computed(.rounded).map {
      Wording.changeRange($0, unit: .percent, decimals: decimals)
    }
    let base = current.quantity.value - amount.quantity.value
    let noun = stated.value.isNegative ? "decline" : "growth"
    return Finding(
      severity: severity,
      message:
        "stated \(noun) \(stated.text) does not follow from a change of \(amount.quantity.text) "
        + "to \(current.quantity.text): amount / (new - amount) is \(range ?? "undefined"), "
        + "from a base of about \(Wording.amount(base, like: current.quantity))",
      location: change.location,
      notes: [Note("amount", amount), Note("current", current)],
      key: current.key,
      identity: [current.key.description, stated.text, amount.quantity.text, current.quantity.text]
    ).graded(by: [amount, current])
  }
}

/// One stated change between two figures.
struct GrowthClaim {
  let current: Figure
  let base: Figure
  let change: StatedChange

  var stated: Quantity { change.stated }

  /// The change the figures allow under `reading`, in the stated change's unit; nil when it is
  /// undefined (a percent change from a base that may be zero).
  func computed(_ reading: Reading, as unit: QuantityUnit) -> ValueRange? {
    let new = current.quantity.range(reading)
    let old = base.quantity.range(reading)
    switch unit {
    case .percent:
      return Self.percentChange(from: old, to: new)
    case .multiple:
      guard let low = old.low, !low.isNegative, !low.isZero else { return nil }
      return new / old
    default:
      return new - old
    }
  }

  /// (new - old) / |old| in percent; nil when the base may be zero. It is new / old - 1 over a
  /// positive base and 1 - new / old over a negative one: each figure is used once, so the
  /// interval is exact at its corners.
  static func percentChange(from old: ValueRange, to new: ValueRange) -> ValueRange? {
    guard !old.containsZero, let ratio = new / old else { return nil }
    let one = ValueRange(exactly: .one)
    let isNegative = old.high.map(\.isNegative) ?? false
    return (isNegative ? one - ratio : ratio - one) * .hundred
  }

  func holds(_ reading: Reading, as unit: QuantityUnit) -> Bool {
    guard let computed = computed(reading, as: unit) else { return true }
    return computed.overlaps(stated.range(reading))
  }

  func verdict() -> Finding? {
    if change.isDirection { return directionVerdict() }
    let unit = stated.unit
    if unit == .percent, base.quantity.range(.rounded).containsZero {
      return base.quantity.value.isZero ? zeroBase() : nil
    }
    if unit == .percentagePoints, current.quantity.unit != .percent {
      return finding(
        .error,
        "stated change \(stated.text) is in percentage points, but \(describe(base)) and "
          + "\(describe(current)) are not percentages; state the change in percent")
    }
    if !(stated.unit.isComparable(with: current.quantity.unit) || stated.unit == .percent
      || stated.unit == .percentagePoints || stated.unit == .multiple)
    {
      return finding(
        .error,
        "stated change \(stated.text) is in \(stated.unit.name), but the figures are in "
          + "\(current.quantity.unit.name)")
    }
    guard let severity = Verdict.judge({ holds($0, as: unit) }) else { return nil }
    if let confusion = percentPointConfusion(severity) { return confusion }
    if let size = sizeReading() { return size }
    let decimals = Wording.decimals(for: stated)
    let range = computed(.rounded, as: unit).map {
      Wording.changeRange($0, unit: unit, decimals: decimals)
    }
    var message =
      "stated \(noun) \(stated.text) does not follow from \(describe(base)) -> "
      + "\(describe(current)): \(formula(unit)) is \(range ?? "undefined")"
    if let implied = impliedBase() {
      message +=
        "; \(stated.text) implies "
        + (base.key.period.isKnown ? "\(base.key.period) of about " : "a base of about ")
        + Wording.amount(implied, like: base.quantity)
      if let slip = Verdict.scaleSlip(stated: implied, computed: base.quantity.value) {
        message += "; \(slip)"
      }
    }
    var found = finding(severity, message)
    found.replacement = agreeing(as: unit)
    return found
  }

  /// The stated change written at its precision as the figures give it: the middle of the
  /// computed change, when it has the stated sign (a change of direction needs other words).
  func agreeing(as unit: QuantityUnit) -> Replacement? {
    guard let range = computed(.rounded, as: unit), let low = range.low, let high = range.high
    else { return nil }
    let middle = (low + high) * .half
    // The figure's own sign (a "-" or a word such as "fell") stays as written.
    guard middle.isNegative == stated.value.isNegative,
      let text = Slip.rewritten(stated, as: middle.magnitude), text != stated.text
    else { return nil }
    return Replacement(location: change.location, written: stated.text, text: text)
  }

  /// A loss that widened from (168) to (238), stated as "+41.67%": the change in the loss's
  /// size is a reasonable reading of two negative figures, so a warning that names it.
  func sizeReading() -> Finding? {
    guard stated.unit == .percent, current.quantity.value.isNegative,
      base.quantity.value.isNegative
    else { return nil }
    let sizeHolds = Verdict.judge { reading in
      let size = Self.percentChange(
        from: -base.quantity.range(reading), to: -current.quantity.range(reading))
      return size?.overlaps(stated.range(reading)) ?? true
    }
    guard sizeHolds == nil else { return nil }
    let decimals = Wording.decimals(for: stated)
    let signed = computed(.rounded, as: .percent).map {
      Wording.changeRange($0, unit: .percent, decimals: decimals)
    }
    return finding(
      .warning,
      "stated \(noun) \(stated.text) follows from the size of \(describe(base)) -> "
        + "\(describe(current)), not from the signed figures: (new - old) / |old| is "
        + "\(signed ?? "undefined"); say which is meant (\"the loss widened by\")")
  }

  /// A direction stated alone ("rose to A from B") must agree with the sign of new - old.
  func directionVerdict() -> Finding? {
    let rises = stated.hedge == .moreThan
    // "Up" is exactly new > old: only the figures' precision is read loosely or strictly.
    let allowed =
      rises ? ValueRange(low: .zero, high: nil) : ValueRange(low: nil, high: .zero)
    let severity = Verdict.judge { reading in
      (current.quantity.range(reading) - base.quantity.range(reading)).overlaps(allowed)
    }
    guard let severity else { return nil }
    return finding(
      severity,
      "stated direction '\(stated.text)' does not follow from \(describe(base)) -> "
        + "\(describe(current)): \(current.quantity.text) is \(rises ? "below" : "above") "
        + "\(base.quantity.text); the figure \(rises ? "fell" : "rose")")
  }

  var noun: String {
    switch stated.unit {
    case .multiple: return "multiple"
    case .percent: return stated.value.isNegative ? "decline" : "growth"
    default: return "change"
    }
  }

  func formula(_ unit: QuantityUnit) -> String {
    switch unit {
    case .percent: return "(new - old) / |old|"
    case .multiple: return "new / old"
    default: return "new - old"
    }
  }

  /// The base value the stated change would need, given the current figure as written.
  func impliedBase() -> ExactDecimal? {
    let new = current.quantity.value
    switch stated.unit {
    case .percent:
      let factor = ExactDecimal.one + (stated.value.divided(by: .hundred) ?? .zero)
      return factor.isZero || factor.isNegative ? nil : new.divided(by: factor)
    case .multiple:
      return stated.value.isZero ? nil : new.divided(by: stated.value)
    default:
      return new - stated.value
    }
  }

  /// A percent stated where percentage points fit, or the reverse: its own message.
  func percentPointConfusion(_ severity: Severity) -> Finding? {
    guard current.quantity.unit == .percent, base.quantity.unit == .percent else { return nil }
    let other: QuantityUnit = stated.unit == .percent ? .percentagePoints : .percent
    guard stated.unit == .percent || stated.unit == .percentagePoints,
      let alternative = computed(.lenient, as: other),
      alternative.overlaps(stated.range(.lenient))
    else { return nil }
    let decimals = Wording.decimals(for: stated)
    let points = computed(.rounded, as: .percentagePoints).map {
      Wording.changeRange($0, unit: .percentagePoints, decimals: decimals)
    }
    let percent = computed(.rounded, as: .percent).map {
      Wording.changeRange($0, unit: .percent, decimals: decimals)
    }
    let from = "\(base.quantity.text) -> \(current.quantity.text)"
    let message =
      stated.unit == .percent
      ? "stated change \(stated.text) is in percent, but it is the change in percentage points: "
        + "\(from) is \(points ?? "?") (\(percent ?? "?") in relative terms); write percentage points"
      : "stated change \(stated.text) is in percentage points, but it is the relative change: "
        + "\(from) is \(percent ?? "?") relative, \(points ?? "?"); write percent"
    return finding(severity, message)
  }

  func zeroBase() -> Finding {
    finding(
      .error,
      "stated change \(stated.text) is a percent change from \(describe(base)), which is zero; "
        + "a percent change from zero is undefined: state the change as an amount")
  }

  func describe(_ figure: Figure) -> String {
    figure.key.period.isKnown
      ? "\(figure.quantity.text) (\(figure.key.period))" : figure.quantity.text
  }

  func finding(_ severity: Severity, _ message: String) -> Finding {
    Finding(
      severity: severity, message: message, location: change.location,
      notes: [Note("base", base), Note("current", current)],
      key: current.key,
      identity: [
        current.key.description, stated.text, base.quantity.text, current.quantity.text,
      ]
    ).graded(by: [base, current])
  }
}
